"""Figures that name, not limit (labels.py): "RNA < 50 copies/mL" for "HIV-1 RNA < 50 copies/mL" and "Visit 1" for
"screening" drew a critical "differs in a number" (words6: all of 75 to 80 real items of each kind) that sent a
reader looking for a changed limit; what changed is which thing is measured, or at which visit: a warning naming
both. The same name written otherwise ("HIV 1", "HIV1", "CA-125" for "HIV-1", "CA 125") is quiet (the glued "HIV1"
was critical), and a limit changed beside a label, or another day ("Day 2" for "Day 1"), stays critical."""

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
    (0, "HIV-1", "HIV-2", 'a name, "HIV-2" where ClinicalTrials.gov says "HIV-1"'),
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


def test_scores_and_doses_are_no_names():
    from scrapers.reconcile.labels import label_changes
    # (a short form then a space and a figure is a score or a dose: the figure's change stays the check's)
    assert label_changes("ECOG 0-1", "ECOG 0-2") is None
    assert label_changes("ZDV 500 mg daily", "ZDV 600 mg daily") is None
    assert label_changes("ECOG-1 or less", "ECOG-2 or less") is None


def test_a_label_check_that_fails_leaves_the_critical(monkeypatch):
    # (odd text the label check cannot read must not clear the fidelity check's losses)
    import scrapers.reconcile.compare as compare

    def broken(record, page):
        raise ValueError("odd text")
    monkeypatch.setattr(compare, "label_changes", broken)
    assert [(k, s) for k, s, _ in _found(0, "HIV-1", "HIV1")] == [("criterion_changed", "critical")]
