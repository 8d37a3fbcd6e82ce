"""Figures that name, not limit (labels.py): "RNA < 50 copies/mL" for "HIV-1 RNA < 50 copies/mL" and "Visit 1" for
"screening" drew a critical "differs in a number" (words6: all of 75 to 80 real items of each kind) that sent a
reader looking for a changed limit; what changed is which thing is measured, or at which visit: a warning naming
both. The same name written otherwise ("HIV 1", "HIV1", "CA-125" for "HIV-1", "CA 125") is quiet (the glued "HIV1"
was critical), and a limit changed beside a label, or another day ("Day 2" for "Day 1"), stays critical. Only the
label is forgiven (fix36, review r36): a name with another figure ("HIV-2", "CD19", "BRCA2", a stage "IB1", a score
"ECOG2") is another thing and stays critical; a word, list item or comparison changed beside a respelled or left-out
name is still found; a visit other than the first ("Week 8", "Visit 3") is no other name for baseline."""

import pytest

from criteria_support import alarms_with_item_replaced

INC = ["HIV-1 RNA < 50 copies/mL", "CA 125 <= 35 U/mL", "Screening hemoglobin >= 10 g/dL",
       "Platelet count >= 100,000/mm3 at baseline", "ANC >= 1500/mm3 at Visit 1", "Hemoglobin >= 9 g/dL on Day 1",
       "Age 18 years or older"]
EXC = ["Pregnancy", "Uncontrolled hypertension"]


def _found(index, old, new):
    return [(f.kind, f.severity, f.message) for f in alarms_with_item_replaced(INC, EXC, "inclusion", index, old, new)]


@pytest.mark.parametrize("index,old,new,said", [
    (0, "HIV-1 RNA", "RNA", 'a name, "HIV-1" left out'),
    (0, "HIV-1 RNA", "HIV RNA", 'a name, "HIV" where ClinicalTrials.gov says "HIV-1"'),
    (1, "CA 125 <=", "<=", 'a name, "CA 125" left out'),
    (1, "CA 125", "CA", 'a name, "CA" where ClinicalTrials.gov says "CA 125"'),
    (2, "Screening", "Visit 1", 'a visit, "Visit 1" where ClinicalTrials.gov says "Screening"'),
    (3, "baseline", "Day 1", 'a visit, "Day 1" where ClinicalTrials.gov says "baseline"'),
    (4, "Visit 1", "screening", 'a visit, "screening" where ClinicalTrials.gov says "Visit 1"'),
    (5, "Day 1", "baseline", 'a visit, "baseline" where ClinicalTrials.gov says "Day 1"'),
])
def test_a_label_changed_is_a_warning_naming_both(index, old, new, said):
    found = _found(index, old, new)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert f"differs in {said}: this page says" in found[0][2]


@pytest.mark.parametrize("index,old,new", [
    (0, "HIV-1", "HIV 1"), (0, "HIV-1", "HIV1"), (1, "CA 125", "CA-125"), (1, "CA 125", "CA125"),
    (2, "Screening", "screening"),
])
def test_the_same_name_written_otherwise_is_quiet(index, old, new):
    assert _found(index, old, new) == []


@pytest.mark.parametrize("index,old,new", [
    (3, "100,000/mm3 at baseline", "75,000/mm3 at Day 1"),   # (a limit changed beside the label)
    (0, "HIV-1 RNA < 50", "RNA < 400"),
    (5, "Day 1", "Day 2"),   # (another day)
    (4, "1500/mm3 at Visit 1", "1000/mm3 at screening"),
])
def test_a_figure_changed_beside_a_label_stays_critical(index, old, new):
    found = _found(index, old, new)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "critical")]
    assert "differs in a number" in found[0][2]


def test_scores_stages_and_doses_are_no_names():
    from scrapers.reconcile.labels import as_record_labels
    # (a short form then a space and a figure is a score or a dose, a score's figure glued on is a score, a stage's
    # figure is its substage: the figure's change, or its loss, stays the check's)
    for record, page in [("ECOG 0-1", "ECOG 0-2"), ("ZDV 500 mg daily", "ZDV 600 mg daily"),
                         ("ECOG-1 or less", "ECOG-2 or less"), ("ECOG1 or better", "ECOG or better"),
                         ("KPS70 or higher", "KPS or higher"), ("GOLD-2 COPD", "GOLD COPD"), ("CIN3", "CIN"),
                         ("LR-5 lesion", "LR lesion"), ("FIGO stage IB2 or greater", "FIGO stage IB or greater"),
                         ("Stage IIIC1", "Stage IIIC")]:
        assert as_record_labels(record, page).changes == [], record


# (real items and the review's probes: the figure names the subtype, target, gene, marker, stage or score a patient
# must have; words6 made each a warning)
OTHER = ["Documented HIV-1 infection", "CD20-positive B-cell lymphoma", "Germline BRCA1 mutation",
         "IDH1 mutation confirmed by central testing", "Serum CA 125 >= 2 times ULN", "FIGO stage IB2 or greater",
         "Stage IIIC1 endometrial cancer", "ECOG1 or better", "KPS70 or higher", "CD4 count >= 200 cells/mm3"]


@pytest.mark.parametrize("index,old,new", [
    (0, "HIV-1", "HIV-2"), (1, "CD20", "CD19"), (2, "BRCA1", "BRCA2"), (3, "IDH1", "IDH2"), (4, "CA 125", "CA 19-9"),
    (5, "IB2", "IB1"), (5, "IB2", "IB"), (6, "IIIC1", "IIIC2"), (7, "ECOG1", "ECOG2"), (8, "KPS70", "KPS60"),
    (9, "CD4", "CD8"),
])
def test_a_name_with_another_figure_stays_critical(index, old, new):
    found = alarms_with_item_replaced(OTHER, EXC, "inclusion", index, old, new)
    assert [(k.kind, k.severity) for k in found] == [("criterion_changed", "critical")]
    assert "differs in a number" in found[0].message


# a respelled name hid all else the item changed (words6: 72 of 80 real items with a word dropped beside it silent)
BESIDE = ["Absolute CD4 count < 150 cells/mm3", "Maternal HIV-1 RNA < 400 copies/mL", "Uncontrolled HIV-1 infection",
          "Progression on prior anti-PD-1 therapy", "Age 18 years or older"]
CANNOT = ["Pregnancy", "HBV, HIV-1, HCV or HTLV-1 infection", "HIV-1, hepatitis B, or hepatitis C infection"]


@pytest.mark.parametrize("index,old,new,said", [
    (0, "Absolute CD4", "CD-4", 'leaves out "absolute"'),
    (1, "Maternal HIV-1", "HIV1", 'leaves out "maternal"'),
    (2, "Uncontrolled HIV-1", "HIV1", 'leaves out "uncontrolled"'),
    (3, "Progression on prior anti-PD-1", "Response to prior anti-PD1", 'differs in a word: this page says "Response'),
])
def test_a_respelled_name_hides_no_word_changed_beside_it(index, old, new, said):
    found = alarms_with_item_replaced(BESIDE, EXC, "inclusion", index, old, new)
    assert [(k.kind, k.severity) for k in found] == [("criterion_changed", "warning")]
    assert said in found[0].message


@pytest.mark.parametrize("index,old,new,left_out", [
    (1, "HIV-1, HCV", "HIV1", "HCV"),   # (NCT00001538: HCV no longer a reason someone cannot join)
    (1, "HIV-1, HCV", "HCV", "HIV-1"),   # (the name itself the item left out)
    (2, "HIV-1, hepatitis B,", "HIV", "hepatitis B"),   # (a name's figure and a list item left out)
])
def test_a_list_item_left_out_beside_a_name_is_said(index, old, new, left_out):
    found = alarms_with_item_replaced(["Age 18 years or older"], CANNOT, "exclusion", index, old, new)
    assert [(k.kind, k.severity) for k in found] == [("criterion_changed", "warning")]
    assert f'differs in a list: this page leaves out "{left_out}", one of the alternatives' in found[0].message


@pytest.mark.parametrize("item,old,new", [
    ("HIV-1 RNA above the limit of detection", "HIV-1 RNA above", "RNA below"),
    ("CA 125 above the upper limit of normal", "CA 125 above", "CA below"),
])
def test_a_comparison_turned_beside_a_label_stays_critical(item, old, new):
    found = alarms_with_item_replaced([item, "Age 18 years or older"], EXC, "inclusion", 0, old, new)
    assert [(k.kind, k.severity) for k in found] == [("criterion_changed", "critical")]


VISITS = ["No change in dose through week 8", "Negative pregnancy test at screening and Visit 2",
          "EDSS <= 6.0 at screening", "Hemoglobin >= 9 g/dL at Week 0", "Hemoglobin >= 9 g/dL on Cycle 1 Day 1",
          "Age 18 years or older"]


@pytest.mark.parametrize("index,old,new", [
    (0, "week 8", "baseline"), (1, "Visit 2", "screening"), (2, "screening", "Visit 3"), (3, "Week 0", "Week 4"),
])
def test_a_visit_but_the_first_is_no_other_name_for_baseline(index, old, new):
    found = alarms_with_item_replaced(VISITS, EXC, "inclusion", index, old, new)
    assert [(k.kind, k.severity) for k in found] == [("criterion_changed", "critical")]


@pytest.mark.parametrize("index,old,new,said", [
    (3, "Week 0", "baseline", 'a visit, "baseline" where ClinicalTrials.gov says "Week 0"'),
    (4, "Cycle 1 Day 1", "baseline", 'a visit, "baseline" where ClinicalTrials.gov says "Cycle 1 Day 1"'),
])
def test_the_first_visit_for_baseline_is_a_warning(index, old, new, said):
    found = alarms_with_item_replaced(VISITS, EXC, "inclusion", index, old, new)
    assert [(k.kind, k.severity) for k in found] == [("criterion_changed", "warning")]
    assert said in found[0].message


def test_a_cycle_s_day_written_short_is_quiet():
    assert alarms_with_item_replaced(VISITS, EXC, "inclusion", 4, "Cycle 1 Day 1", "C1D1") == []


@pytest.mark.parametrize("item,old,new,alarm", [
    ("Meets DSM-IV criteria for major depression", "DSM-IV", "DSM-4", None),   # (the same edition: was critical)
    ("Diagnosis by DSM-5 criteria", "DSM-5", "DSM-V", None),   # (words6: a warning)
    ("Diagnosis by DSM-5 criteria", "DSM-5", "DSM-IV", "critical"),   # (another edition)
])
def test_a_name_s_figure_in_roman_numerals(item, old, new, alarm):
    found = alarms_with_item_replaced([item, "Age 18 years or older"], EXC, "inclusion", 0, old, new)
    assert [k.severity for k in found] == ([alarm] if alarm else [])


def test_a_label_check_that_fails_leaves_the_critical(monkeypatch):
    # (odd text the label check cannot read must not clear the fidelity check's losses)
    import scrapers.reconcile.compare as compare

    def broken(record, page):
        raise ValueError("odd text")
    monkeypatch.setattr(compare, "as_record_labels", broken)
    assert [(k, s) for k, s, _ in _found(0, "HIV-1", "HIV1")] == [("criterion_changed", "critical")]
