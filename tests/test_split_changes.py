"""Split misreads left from review r27 (session splits2). A record item shown as several bullets where one bullet
loses or changes the figure its test is held to ("AST" + "ALT > 2.5 x ULN" for "AST/ALT > 2.5 x ULN", or "AST > 5 x
ULN") is a critical change to a number, as a dropped or changed limit is anywhere else (it was the split note alone,
or warnings). An exclusion "X and Y" whose second bullet repeats X's subject is the "and" alarm even where alignment
paired the record with the first bullet alone. A range of one measure ("Age less than 20 or greater than 69 years")
as one bullet per bound is faithful; "Pregnant and breastfeeding women" as two bullets says the record's rule (an
exclusion's "pregnant and breastfeeding" means either: no one is excluded only when both hold)."""

import pytest

from test_split_alternatives import _alarms, _found


@pytest.mark.parametrize("section,record,bullets,lost", [
    ("exclusion", "AST/ALT > 2.5 x ULN", ["AST", "ALT > 2.5 x ULN"], "AST"),
    ("inclusion", "AST/ALT no greater than 2 times ULN", ["AST", "ALT no greater than 2 times ULN"], "AST"),   # (NCT00006092)
    ("inclusion", "SGOT/SGPT <= 3 x ULN", ["SGOT <= 3 x ULN", "SGPT"], "SGPT"),
])
def test_a_split_bullet_that_loses_its_tests_limit_is_a_critical_change(section, record, bullets, lost):
    alarms = _alarms(_found(section, record, bullets))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "critical")]
    assert f'differs in a number: this page shows "{lost}" as an item of its own' in alarms[0][2]
    assert f'"{record}"' in alarms[0][2]


@pytest.mark.parametrize("section,record,bullets,changed", [
    ("exclusion", "AST/ALT > 2.5 x ULN", ["AST > 5 x ULN", "ALT > 2.5 x ULN"], "AST > 5 x ULN"),
    ("inclusion", "AST/ALT <= 2.5 x ULN", ["AST <= 2.5 x ULN", "ALT <= 5 x ULN"], "ALT <= 5 x ULN"),
    ("inclusion", "PT/PTT < 1.5 times ULN", ["PT < 1.5 times ULN", "PTT < 3 times ULN"], "PTT < 3 times ULN"),
])
def test_a_limit_changed_on_one_slash_bullet_is_a_critical_change_not_an_added_item(section, record, bullets,
                                                                                     changed):
    alarms = _alarms(_found(section, record, bullets))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "critical")]
    assert f'this page shows "{changed}" as an item of its own' in alarms[0][2]


@pytest.mark.parametrize("section,record,bullets", [
    ("exclusion", "AST/ALT > 2.5 x ULN", ["AST > 2.5 x ULN", "ALT > 2.5 x ULN"]),
    ("inclusion", "AST/ALT <= 2.5 x ULN", ["AST <= 2.5 x ULN", "ALT <= 2.5 x ULN"]),
])
def test_a_slash_split_that_keeps_the_limit_on_each_bullet_stays_quiet(section, record, bullets):
    assert _alarms(_found(section, record, bullets)) == []


@pytest.mark.parametrize("record,bullets", [
    ("The patient is taking blood thinners and has an INR > 3",
     ["The patient is taking blood thinners", "The patient has an INR > 3"]),
    ("The subject participated in the study previously and had been withdrawn",   # (NCT00005094)
     ["The subject participated in the study previously", "The subject had been withdrawn"]),
])
def test_an_and_split_whose_second_bullet_repeats_the_subject_is_the_and_alarm_not_an_added_item(record, bullets):
    alarms = _alarms(_found("exclusion", record, bullets))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "critical")]
    assert 'differs in an "and"' in alarms[0][2] and f'"{bullets[1]}"' in alarms[0][2]


@pytest.mark.parametrize("record,bullets", [
    ("Pregnant and breastfeeding women", ["Pregnant women", "Breastfeeding women"]),
    ("Pregnant and lactating women.", ["Pregnant women", "Lactating women"]),   # (NCT03058094)
    ("Pregnant and breast-feeding women", ["Pregnant women", "Breast-feeding women"]),   # (NCT04023344)
])
def test_an_exclusion_pregnant_and_breastfeeding_as_two_bullets_is_only_the_split_note(record, bullets):
    assert _found("exclusion", record, bullets) == [(
        "criteria_split", "info", f'This page splits a reason someone cannot join into 2 items; ClinicalTrials.gov '
        f'lists "{record}" as one.')]


def test_a_pregnancy_split_bullet_with_a_limit_of_its_own_still_alarms():
    alarms = _alarms(_found("exclusion", "Pregnant and breastfeeding women",
                            ["Pregnant women", "Breastfeeding women within 6 months of delivery"]))
    assert alarms and "within 6 months of delivery" in alarms[0][2]


@pytest.mark.parametrize("record,bullets", [
    ("Age less than 20 or greater than 69 years.", ["Age less than 20", "Greater than 69 years"]),   # (NCT00006168)
    ("Serum potassium < 3.5 or > 5.1 mEq/L", ["Serum potassium < 3.5", "> 5.1 mEq/L"]),   # (NCT00461136)
    ("WBC < 2,000 or > 15,000/cmm", ["WBC < 2,000", "> 15,000/cmm"]),   # (NCT00491322)
    ("Absolute CD4 count of < 100 or > 350 cells/mm3.", ["Absolute CD4 count of < 100", "> 350 cells/mm3"]),
])
def test_an_exclusion_range_shown_one_bound_a_bullet_is_only_the_split_note(record, bullets):
    assert _found("exclusion", record, bullets) == [(
        "criteria_split", "info", f'This page splits a reason someone cannot join into 2 items; ClinicalTrials.gov '
        f'lists "{record}" as one.')]


@pytest.mark.parametrize("record,bullets", [
    ("Age less than 20 or greater than 69 years.", ["Age less than 20", "Greater than 65 years"]),
    ("Age less than 20 or greater than 69 years.", ["Age less than 18", "Greater than 69 years"]),
    ("Age less than 20 or greater than 69 years.", ["Age less than 20", "Less than 69 years"]),
    # (the time the record sets for both bounds left off the first: every old reading now excludes, NCT05196191)
    ("Testosterone level <300 or >1000 ng/dL within 1 month prior to enrollment",
     ["Testosterone level < 300", "> 1000 ng/dL within 1 month prior to enrollment"]),
    ("Systolic blood pressure below 110 or above 150 mmHg on anti-hypertensive therapy",   # (NCT01348880)
     ["Systolic blood pressure below 110", "Above 150 mmHg on anti-hypertensive therapy"]),
])
def test_a_range_split_that_changes_a_bound_or_drops_what_both_share_stays_critical(record, bullets):
    assert "critical" in [s for _, s, _ in _alarms(_found("exclusion", record, bullets))]


@pytest.mark.parametrize("section,record,page,gone", [
    ("exclusion", "Pregnant and breastfeeding women", "Pregnant women", "breastfeeding"),
    ("exclusion", "Pregnant and lactating women.", "Lactating women", "Pregnant"),   # (NCT03058094)
    ("inclusion", "Pregnant and nursing women may participate in minimal risk procedures",   # (NCT00001183)
     "Pregnant women may participate in minimal risk procedures", "nursing"),
])
def test_pregnant_and_breastfeeding_with_one_group_left_out_is_a_warning_naming_it(section, record, page, gone):
    # (it was criterion_reworded, info: breastfeeding women read that nothing keeps them out)
    alarms = _alarms(_found(section, record, [page]))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "warning")]
    assert f'this page leaves out "{gone}"' in alarms[0][2]
