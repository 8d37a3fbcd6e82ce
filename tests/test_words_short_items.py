"""A short item that differs from the record's only in a short form of another thing ("History of PE" where
ClinicalTrials.gov says "History of deep vein thrombosis") pairs with the record's item and is one changed word, a
warning quoting both: letter by letter too unlike to pair, it was a criterion added and another left out."""

import pytest

from test_reconcile_word_changes import _pair


def test_a_short_item_with_a_short_form_of_another_thing_is_one_changed_word():
    found = _pair("History of deep vein thrombosis", "History of PE")
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert ('this page says "History of PE", but ClinicalTrials.gov says "History of deep vein thrombosis"'
            in found[0][2])
    for record, page in (("Known congestive heart failure", "Known COPD"),
                         ("No congestive heart failure.", "No COPD."), ("Have Hepatitis B.", "Have HCV.")):
        assert [(k, s) for k, s, _ in _pair(record, page)] == [("criterion_changed", "warning")]


@pytest.mark.parametrize("record,page", [
    ("History of deep vein thrombosis", "History of DVT"),
    ("Known congestive heart failure", "Known CHF"),
    ("History of pulmonary embolism", "History of PE"),
    ("No congestive heart failure.", "No CHF."),
])
def test_a_short_item_with_its_own_short_form_stays_quiet(record, page):
    assert _pair(record, page) == []


@pytest.mark.parametrize("a,b,apart", [
    ("History of deep vein thrombosis", "History of PE", True),
    ("History of PE", "History of deep vein thrombosis", True),
    ("History of deep vein thrombosis", "History of DVT", True),
    ("Deep vein thrombosis", "PE", False),   # (nothing else to match: two items, not one written short)
    ("History of deep vein thrombosis within 3 months", "History of PE within 6 months", False),
    ("History of deep vein thrombosis or stroke", "History of PE", False),   # (a list is no one name)
    ("History of stroke", "Family history of PE", False),
])
def test_only_a_short_form_for_one_name_with_all_else_alike_pairs(a, b, apart):
    from scrapers.reconcile.words import one_short_form_apart
    assert one_short_form_apart(a, b) is apart
