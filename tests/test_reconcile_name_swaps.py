"""A copy that names another thing where the record names one is a criterion_changed warning, however many words each
name takes and however many capitals the rest of the item has (words3): "No NYHA class II-IV COPD" for "… congestive
heart failure" was the reworded note (the page, mostly capitals by its short forms, was read as written in capitals),
and "No history of angina" for "No history of congestive heart failure" too (a name for a name in another count of
words was read as a rewording: 40 of 150 real names swapped so). A short form for the record's own words, a page in
capitals, and a lay word for the term ("high blood pressure") stay quiet."""

import pytest

from scrapers.reconcile.words import word_changes
from test_reconcile_degree_qualifiers import _pair


@pytest.mark.parametrize("record,page,was,now", [
    ("No NYHA class II-IV congestive heart failure", "No NYHA class II-IV COPD", "congestive heart failure", "COPD"),
    ("CARDIOVASCULAR: No major cardiovascular illness.", "CARDIOVASCULAR: No COPD.", "major cardiovascular illness",
     "COPD"),
    ("No history of congestive heart failure", "No history of angina", "congestive heart failure", "angina"),
    ("Hypertension not controlled by medical therapy", "Coronary artery disease not controlled by medical therapy",
     "Hypertension", "Coronary artery disease"),
    ("History of stroke", "History of heart attack", "stroke", "heart attack"),
    ("History of coronary artery disease", "History of pulmonary embolism", "coronary artery disease",
     "pulmonary embolism"),
    ("History of chronic or acute pancreatitis", "History of chronic or acute congestive heart failure",
     "pancreatitis", "congestive heart failure"),
])
def test_another_name_is_a_changed_word(record, page, was, now):
    assert [(w.record, w.page) for w in word_changes(record, page)] == [(was, now)]
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert found[0][2].startswith("A reason someone cannot join differs in a word")


@pytest.mark.parametrize("record,page", [
    ("No NYHA class II-IV congestive heart failure", "No NYHA class II-IV CHF"),
    ("HISTORY OF CONGESTIVE HEART FAILURE", "HISTORY OF CHF"),
    ("History of hypertension", "History of high blood pressure"),
    ("History of myocardial infarction", "History of heart attack"),
    ("Low blood pressure requiring treatment", "Hypotension requiring treatment"),
    ("Known HIV infection", "Known human immunodeficiency virus infection"),
    ("Prior treatment with immune checkpoint inhibitors for metastatic disease is not allowed",
     "PRIOR TREATMENT WITH IMMUNOTHERAPY FOR METASTATIC DISEASE IS NOT ALLOWED"),
])
def test_the_same_thing_in_other_words_is_no_changed_word(record, page):
    assert word_changes(record, page) == []
    assert _pair(record, page) == []
