"""A word that makes a measure someone else's, left out: "Platelet count >= 100,000/mm3" where ClinicalTrials.gov
says "Maternal platelet count >= 100,000/mm3" sets the patient's own count, not the mother's (words6: 78 of 80 real
items with such a word dropped before a measure were silent). A criterion_changed warning naming the word; the word
said elsewhere on the page, or its case changed, stays quiet. dropped_words.OTHER_PERSON is other_age.py's list too."""

import pytest

from criteria_support import alarms_with_item_replaced

INC = ["Maternal platelet count >= 100,000/mm3", "Donor hemoglobin >= 12 g/dL",
       "Partner's sperm concentration >= 15 million/mL", "Fetal heart rate between 110 and 160 bpm",
       "Infant's weight at least 2500 g", "Recipient creatinine clearance > 40 mL/min",
       "Paternal age 18 to 45 years", "Age 18 years or older"]
EXC = ["Pregnancy", "Uncontrolled hypertension"]


@pytest.mark.parametrize("index,old,new,word,of", [
    (0, "Maternal platelet", "Platelet", "maternal", "platelet count"),
    (1, "Donor hemoglobin", "Hemoglobin", "donor", "hemoglobin"),
    (2, "Partner's sperm", "Sperm", "partner", "sperm concentration"),
    (3, "Fetal heart", "Heart", "fetal", "heart rate"),
    (4, "Infant's weight", "Weight", "infant", "weight"),
    (5, "Recipient creatinine", "Creatinine", "recipient", "creatinine clearance"),
])
def test_a_word_making_a_measure_another_s_left_out_warns(index, old, new, word, of):
    found = alarms_with_item_replaced(INC, EXC, "inclusion", index, old, new)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "warning")]
    assert f'leaves out "{word}", which ClinicalTrials.gov says of "{of}"' in found[0].message


@pytest.mark.parametrize("index,old,new", [
    (0, "Maternal", "maternal"),   # (case)
    (0, "Maternal platelet count", "Platelet count (maternal)"),   # (the word said after the measure)
    (1, "Donor hemoglobin", "Hemoglobin of the donor"),
])
def test_the_word_kept_is_quiet(index, old, new):
    assert alarms_with_item_replaced(INC, EXC, "inclusion", index, old, new) == []


def test_the_other_person_words_are_one_list_with_the_other_age_words():
    from scrapers.reconcile.dropped_words import OTHER_PERSON
    from scrapers.reconcile.other_age import OTHER_AGE
    assert OTHER_PERSON <= OTHER_AGE and {"maternal", "donor", "partner", "fetal", "recipient"} <= OTHER_PERSON


@pytest.mark.parametrize("record,page", [
    # (real items: a history or a drug of the mother's, not the patient's)
    ("Maternal history of cocaine abuse during pregnancy.", "History of cocaine abuse during pregnancy."),
    ("No maternal phenobarbital in last month of pregnancy", "No phenobarbital in last month of pregnancy"),
])
def test_maternal_left_out_before_any_word_warns(record, page):
    found = alarms_with_item_replaced(INC[:-1] + [record], EXC, "inclusion", len(INC) - 1, record, page)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "warning")]
    assert 'leaves out "maternal"' in found[0].message


@pytest.mark.parametrize("index,old,new", [
    (0, "Maternal platelet count >= 100,000/mm3", "Platelet count of the mother >= 100,000/mm3"),
    (3, "Fetal heart rate", "Heart rate of the fetus"),
])
def test_the_person_said_as_a_noun_is_quiet(index, old, new):
    assert alarms_with_item_replaced(INC, EXC, "inclusion", index, old, new) == []
