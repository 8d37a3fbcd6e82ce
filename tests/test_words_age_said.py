"""A person's age said as a noun or a participle: "Age ≥ 18 years" for "Patients aged ≥ 18 years", "Aged 18 to 90"
for "Age: 18 to 90", "age 45 to 55" for "ages 45 to 55". Their endings read apart ("aged" as "ag", "age" as itself),
so each warned "differs in a word" (words5: 320 of 320 real items, and 30 of 39 real "Male or female … aged" items of
trials open to all shown as "Age …"); another word in its place still warns."""

import pytest

from criteria_support import alarms_with_item_replaced

from scrapers.reconcile.words import word_changes
from test_reconcile_sex_left_out import _found

INC = ["Patients aged ≥ 18 years", "Age: 18 to 90", "Men and women, ages 45 to 55", "ECOG performance status 0-1"]
EXC = ["Pregnancy", "Uncontrolled hypertension"]


@pytest.mark.parametrize("index,old,new", [
    (0, "Patients aged", "Age"), (0, "aged", "age"), (1, "Age:", "Aged"), (1, "Age:", "Ages"), (2, "ages", "age"),
    (2, "ages", "aged"),
])
def test_age_said_another_way_is_no_change(index, old, new):
    assert alarms_with_item_replaced(INC, EXC, "inclusion", index, old, new) == []


@pytest.mark.parametrize("index,old,new", [(0, "aged", "weighing"), (1, "Age", "Stage"), (2, "ages", "stages")])
def test_another_word_for_age_still_warns(index, old, new):
    found = alarms_with_item_replaced(INC, EXC, "inclusion", index, old, new)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "warning")]


@pytest.mark.parametrize("record,page", [
    ("Aged 21-75 years old, inclusive", "Age 21-75 years old, inclusive"),
    ("Male or female over the age of 18", "Male or female over the aged of 18"),
    ("Between the ages of 18 and 65 years old", "Between the age of 18 and 65 years old"),
])
def test_word_changes_reads_one_age_word(record, page):
    assert word_changes(record, page) == []


@pytest.mark.parametrize("sex", ["ALL", "MALE"])
def test_a_sex_pair_left_out_with_age_said_as_a_noun_is_quiet(sex):
    """The brief's case: a trial open to all, "Male or female patients aged ≥ 18 years" shown as "Age ≥ 18 years"
    warned about "Age"/"aged"."""
    assert _found("Male or female patients aged ≥ 18 years", "Age ≥ 18 years", sex) == []
