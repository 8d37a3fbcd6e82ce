"""A short form written for a name of three or more words: one that stands for none of them ("PE" where
ClinicalTrials.gov says "deep vein thrombosis") is a changed word, a warning as for a one- or two-word name; one that
spells the words or a run of them ("DVT", "COPD", "MUGA"), that the shorthand list gives for them, or that is written
for a list of things ("CHOP" for its four medicines) is a copy's.

Before, a short form for three or more words read as a rewording and raised nothing: "PE" for "deep vein thrombosis"
in a long real item was silent (8 of 192 wrong shorthands in the shorthand sweep, 92 of 103 for three-word names)."""

import pytest

from scrapers.reconcile.shorthands import stands_for
from scrapers.reconcile.reading import WordChange
from scrapers.reconcile.words import word_changes
from test_reconcile_word_changes import _pair

# NCT06332300's exclusion item, as ClinicalTrials.gov gives it
THROMBOSIS = ("Have had an arterial/venous thrombotic event within 24 weeks prior to enrollment, such as "
              "cerebrovascular accident (including temporary ischemic attack, cerebral hemorrhage, cerebral "
              "infarction), deep vein thrombosis, and pulmonary embolism.")
# NCT04688775's
CARDIAC = ("The participant has a history of clinically significant cardiovascular disease, including uncontrolled "
           "hypertension, ischaemia or thromboembolic events (for example, cerebrovascular accident, deep vein "
           "thrombosis, or pulmonary embolism).")
LUNG = "History of chronic obstructive pulmonary disease requiring hospitalization within the past 12 months."
HEART = "Known congestive heart failure of New York Heart Association class III or IV within the past 6 months."


@pytest.mark.parametrize("record,words,short", [
    (THROMBOSIS, "deep vein thrombosis", "PE"),
    (CARDIAC, "deep vein thrombosis", "PE"),
    (LUNG, "chronic obstructive pulmonary disease", "CHF"),
    (HEART, "congestive heart failure", "COPD"),
    ("Known human immunodeficiency virus infection or active hepatitis requiring treatment",
     "human immunodeficiency virus", "HBV"),
    # (a short item: the name written short counts as one word of the copy, NCT00001079's item)
    ("History of cardiomyopathy or congestive heart failure.", "congestive heart failure", "COPD"),
])
def test_a_short_form_of_another_thing_for_three_words_is_a_changed_word(record, words, short):
    page = record.replace(words, short)
    assert word_changes(record, page) == [WordChange(words, short)]
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert f'"{short}" where ClinicalTrials.gov says "{words}"' in found[0][2]


def test_the_words_of_another_thing_for_the_records_short_form_are_a_changed_word():
    record = THROMBOSIS.replace("deep vein thrombosis", "PE")
    assert word_changes(record, THROMBOSIS) == [WordChange("PE", "deep vein thrombosis")]
    assert [(k, s) for k, s, _ in _pair(record, THROMBOSIS)] == [("criterion_changed", "warning")]


@pytest.mark.parametrize("record,words,short", [
    (THROMBOSIS, "deep vein thrombosis", "DVT"),
    (THROMBOSIS, "pulmonary embolism", "PE"),
    (LUNG, "chronic obstructive pulmonary disease", "COPD"),
    (HEART, "congestive heart failure", "CHF"),
    ("Bilirubin above 1.5 times the upper limit of normal at screening",
     "upper limit of normal", "ULN"),
    ("Left ventricular ejection fraction below 50% by multiple gated acquisition scan",
     "multiple gated acquisition", "MUGA"),
    ("History of transient ischemic attack within the past 6 months", "transient ischemic attack", "TIA"),
    ("Receiving highly active antiretroviral therapy at study entry", "highly active antiretroviral therapy",
     "HAART"),
    ("Active acute or chronic graft versus host disease requiring treatment", "graft versus host disease",
     "GVHD"),
    ("ECG showing a corrected QT interval above 470 ms at screening", "corrected QT interval", "QTc"),
    ("Prior cyclophosphamide, doxorubicin, vincristine, and prednisone for this lymphoma, unless completed more "
     "than 12 months before enrollment with a complete response",
     "cyclophosphamide, doxorubicin, vincristine, and prednisone", "CHOP"),
])
def test_a_short_form_for_its_own_words_is_no_change(record, words, short):
    page = record.replace(words, short)
    assert word_changes(record, page) == []
    assert word_changes(page, record) == []
    assert _pair(record, page) == []


def test_a_page_in_capitals_has_no_short_forms_to_compare():
    """A page written in capitals: "PRIOR TREATMENT" holds no short form for the record's three words."""
    record = "Prior treatment with immune checkpoint inhibitors for metastatic disease is not allowed"
    page = "PRIOR TREATMENT WITH IMMUNOTHERAPY FOR METASTATIC DISEASE IS NOT ALLOWED"
    assert word_changes(record, page) == []


def test_stands_for_reads_a_run_of_the_words_and_a_name_inside_the_short_form():
    assert stands_for("DVT", ["deep", "vein", "thrombosis"])
    assert stands_for("PS", ["ECOG", "performance", "status"])   # (a run of them: "ECOG" is another word left out)
    assert stands_for("QTc", ["corrected", "QT", "interval"])
    assert stands_for("DHPG", ["ganciclovir", "sodium", "injection"])   # (the shorthand list's)
    assert not stands_for("PE", ["deep", "vein", "thrombosis"])
    assert not stands_for("CHF", ["chronic", "obstructive", "pulmonary", "disease"])
