"""Short forms in a row: each in a run ("CVA, CHF") is compared with the record's words it stands in for ("myocardial
infarction, congestive heart failure"). Read as one run, a wrong one beside a right one raised nothing (18 of 37 in the
shorthand sweep said)."""

import pytest

from scrapers.reconcile.reading import WordChange
from scrapers.reconcile.words import word_changes
from test_reconcile_word_changes import _pair

# NCT00001270's inclusion item, NCT03406169's and NCT00001876's exclusion items, as ClinicalTrials.gov gives them
CARDIAC = ("Normal cardiac function: no history of angina pectoris, myocardial infarction, congestive heart failure or "
           "ejection fraction less than 40 percent.")
ANGINA = ("Patients with known unstable angina, uncontrolled hypertension, congestive heart failure, or cardiovascular "
          "accident within the preceding 2 weeks.")
VIRAL = ("Viral infections associated with pulmonary fibrosis (e.g., hepatitis B, hepatitis C, human immunodeficiency "
         "virus).")


# NCT00002687's, NCT00005898's and NCT00007917's items: names written short in places of their own ("… CVA or CHF")
NO_HISTORY = "No history of myocardial infarction or congestive heart failure"
MALIGNANCY = ("Hematologic malignancy (e.g., acute myeloid leukemia, acute lymphoblastic leukemia, or B-cell "
              "non-Hodgkin's lymphoma)")
NO_PRIOR = "No prior transient ischemic attack or cerebrovascular accident"


@pytest.mark.parametrize("record,words,shorts,changed", [
    (NO_HISTORY, "myocardial infarction or congestive heart failure", "CVA or CHF",
     [WordChange("myocardial infarction", "CVA")]),
    (MALIGNANCY, "acute myeloid leukemia, acute lymphoblastic leukemia", "CLL, ALL",   # ("ALL" is no "all")
     [WordChange("acute myeloid leukemia", "CLL")]),
    (NO_PRIOR, "transient ischemic attack or cerebrovascular accident", "MI or CVA",
     [WordChange("transient ischemic attack", "MI")]),
    (CARDIAC, "myocardial infarction, congestive heart failure", "CVA, CHF",
     [WordChange("myocardial infarction", "CVA")]),
    (CARDIAC, "myocardial infarction, congestive heart failure", "MI, COPD",
     [WordChange("congestive heart failure", "COPD")]),
    (ANGINA, "hypertension, congestive heart failure", "HCV, CHF", [WordChange("hypertension", "HCV")]),
    (VIRAL, "hepatitis C, human immunodeficiency virus", "HBV, HIV", [WordChange("hepatitis C", "HBV")]),
    (CARDIAC, "myocardial infarction, congestive heart failure", "CVA, COPD",
     [WordChange("myocardial infarction", "CVA"), WordChange("congestive heart failure", "COPD")]),
])
def test_each_short_form_in_a_run_is_compared_with_its_own_words(record, words, shorts, changed):
    page = record.replace(words, shorts)
    assert word_changes(record, page) == changed
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    if len(changed) == 1:
        assert f'"{changed[0].page}" where ClinicalTrials.gov says "{changed[0].record}"' in found[0][2]


def test_a_wrong_short_form_in_the_records_run_is_a_changed_word():
    record = CARDIAC.replace("myocardial infarction, congestive heart failure", "CVA, CHF")
    assert word_changes(record, CARDIAC) == [WordChange("CVA", "myocardial infarction")]


@pytest.mark.parametrize("record,words,shorts", [
    (NO_HISTORY, "myocardial infarction or congestive heart failure", "MI or CHF"),
    (MALIGNANCY, "acute myeloid leukemia, acute lymphoblastic leukemia", "AML, ALL"),
    (NO_PRIOR, "transient ischemic attack or cerebrovascular accident", "TIA or CVA"),
    (CARDIAC, "myocardial infarction, congestive heart failure", "MI, CHF"),
    (ANGINA, "hypertension, congestive heart failure", "HTN, CHF"),
    (VIRAL, "hepatitis C, human immunodeficiency virus", "HCV, HIV"),
    (VIRAL, "hepatitis B, hepatitis C, human immunodeficiency virus", "HBV, HCV, HIV"),
    ("History of deep vein thrombosis or pulmonary embolism", "deep vein thrombosis or pulmonary embolism",
     "DVT or PE"),
    ("Prior stroke/myocardial infarction", "stroke/myocardial infarction", "CVA/MI"),
])
def test_short_forms_in_a_run_each_for_its_own_words_are_a_copy(record, words, shorts):
    page = record.replace(words, shorts)
    assert word_changes(record, page) == []
    assert _pair(record, page) == []
