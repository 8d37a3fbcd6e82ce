"""An exclusion item that joins two conditions with "and" (excluded only if both hold) shown as two bullets, each of
which excludes on its own: the page excludes anyone with either, the "and" made an "or". It was only the
criteria_split note; it is now a critical criterion_changed naming the "and" (and_split.py). An inclusion "X and Y"
as two bullets (both required either way), and an exclusion "and" that joins names inside one part ("Nausea and
vomiting requiring …"), stay as they were. Record texts marked with a trial number are that record's own item."""

import pytest
from test_split_alternatives import _alarms, _found

from scrapers.reconcile.and_split import and_parts


@pytest.mark.parametrize("record,bullets", [
    ("HIV positive and on antiretroviral therapy", ["HIV positive", "On antiretroviral therapy"]),
    ("The patient is taking blood thinners and has an international normalized ratio > 3",   # (a real item)
     ["The patient is taking blood thinners", "Has an international normalized ratio > 3"]),
    ("Have diabetes and need insulin.", ["Have diabetes", "Need insulin"]),   # (a real item)
    ("Subject is of childbearing potential and not using adequate contraceptive measures",   # (a real item)
     ["Subject is of childbearing potential", "Not using adequate contraceptive measures"]),
])
def test_an_exclusion_and_of_two_clauses_as_two_bullets_is_critical_and_names_the_and(record, bullets):
    alarms = _alarms(_found("exclusion", record, bullets))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "critical")]
    assert 'differs in an "and"' in alarms[0][2] and "each excluding on its own" in alarms[0][2]


@pytest.mark.parametrize("section,record,bullets", [
    # a requirement's "and" as two bullets: both required either way
    ("inclusion", "HIV positive and on antiretroviral therapy", ["HIV positive", "On antiretroviral therapy"]),
    ("inclusion", "Have diabetes and need insulin", ["Have diabetes", "Need insulin"]),
    # an "and" that joins names inside one part, or a list each part of which excludes alone
    ("exclusion", "Nausea and vomiting requiring intravenous fluids", ["Nausea", "Vomiting requiring intravenous fluids"]),
    ("exclusion", "Saquinavir and nelfinavir", ["Saquinavir", "Nelfinavir"]),
    ("exclusion", "Patients with hypogonadism and hyperprolactinemia", ["Patients with hypogonadism",
                                                                        "Hyperprolactinemia"]),
])
def test_an_and_split_that_says_the_record_rule_or_joins_names_raises_no_and_alarm(section, record, bullets):
    assert not any('an "and"' in m for _, _, m in _found(section, record, bullets))


@pytest.mark.parametrize("record", [
    "HIV positive and on antiretroviral therapy",
    "The patient is taking blood thinners and has an INR > 3",
])
def test_an_exclusion_and_shown_as_one_item_is_quiet(record):
    assert _alarms(_found("exclusion", record, [record])) == []


def test_and_parts_reads_a_second_bullet_that_repeats_the_first_ones_subject():
    """(alignment pairs such a page with its first bullet only and the second is a criterion added, a warning)"""
    assert and_parts("exclusion", "The patient is taking blood thinners and has an INR > 3",
                     ("The patient is taking blood thinners.", "The patient has an INR > 3.")) == \
        ("The patient is taking blood thinners", "has an INR > 3")


@pytest.mark.parametrize("record,pages", [
    ("HIV positive and on antiretroviral therapy", ("HIV positive", "On antiretroviral therapy", "Pregnant")),
    ("HIV positive or on antiretroviral therapy", ("HIV positive", "On antiretroviral therapy")),   # (an "or")
    ("HIV positive, and on antiretroviral therapy; or pregnant", ("HIV positive", "On antiretroviral therapy")),
    ("History of severe and on antiretroviral therapy", ("History of severe", "On antiretroviral therapy")),
    ("HIV positive and on antiretroviral therapy", ("HIV positive", "On therapy")),   # (not Y)
    ("HIV positive and on antiretroviral therapy", ("HIV", "Positive and on antiretroviral therapy")),
    ("HIV positive and on antiretroviral therapy", ("HIV positive", "Pregnant on antiretroviral therapy")),
    # real items whose "and" joins no two conditions: X needs Y's words, a range, a verdict, two sentences
    ("Study participants unwilling and unable to comply with follow-up schedule",
     ("Study participants unwilling", "Unable to comply with follow-up schedule")),
    ("Be at least 2 weeks and no more than 24 weeks status post therapy for acute PCP",
     ("Be at least 2 weeks", "No more than 24 weeks status post therapy for acute PCP")),
    ("Children are not optimal subjects for fellows undergoing training in these techniques and will be excluded",
     ("Children are not optimal subjects for fellows undergoing training in these techniques", "Will be excluded")),
    ("Presence of brain metastases. Patients with treated brain metastases and no evidence of recurrence",
     ("Presence of brain metastases. Patients with treated brain metastases", "No evidence of recurrence")),
])
def test_and_parts_reads_only_the_two_clauses_as_written(record, pages):
    assert and_parts("exclusion", record, pages) is None
