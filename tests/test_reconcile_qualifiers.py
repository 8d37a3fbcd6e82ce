"""Qualifiers in the criteria drift check (review of the qualifier findings): a page that writes "not well
differentiated" for the record's "poorly differentiated" says the same (it was critical: its "not" read as a negation
the record lacks); a page that moves "poorly controlled" from one illness to another changes who may join (it raised
nothing); a short item whose qualifier stands elsewhere ("Diabetes with poor control" for "Poorly controlled
diabetes") is the record's item (it read as one added and one left out)."""

import pytest

from scrapers.fidelity import check_fidelity
from tests.test_reconcile_word_changes import _pair


@pytest.mark.parametrize("record,page", [
    ("Poorly differentiated carcinoma", "Not well differentiated carcinoma"),
    ("Not well differentiated carcinoma", "Poorly differentiated carcinoma"),
    ("Histologically confirmed poorly differentiated neuroendocrine carcinoma of any site",
     "Histologically confirmed not well-differentiated neuroendocrine carcinoma of any site"),
    ("Grade 3 (poorly differentiated) tumour, or grade 2 with 4 or more positive nodes",
     "Grade 3 (not well differentiated) tumour, or grade 2 with 4 or more positive nodes"),
    ("Study drug was poorly tolerated", "Study drug was not well tolerated"),
    ("Inadequately treated CNS metastases", "Not adequately treated CNS metastases"),
    ("Not adequately controlled hypertension", "Inadequately controlled hypertension"),
    ("Poorly controlled hypertension", "Not well controlled hypertension"),
])
def test_not_well_said_for_poorly_is_no_change(record, page):
    assert check_fidelity(record, page) == [] and _pair(record, page) == []


@pytest.mark.parametrize("record,page,said", [
    ("Poorly differentiated carcinoma", "Well differentiated carcinoma", "a word"),
    ("Not well differentiated carcinoma", "Well differentiated carcinoma", 'a "not"'),
    ("Poorly differentiated carcinoma", "Not poorly differentiated carcinoma", 'a "not"'),
    ("Uncontrolled hypertension", "Controlled hypertension", "a word"),
    # (said as often in one text only: the other's "not" is its own)
    ("Not well differentiated or poorly differentiated carcinoma", "Poorly differentiated carcinoma", 'a "not"'),
])
def test_a_real_flip_of_the_qualifier_stays_critical(record, page, said):
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "critical")]
    assert f"differs in {said}" in found[0][2]
