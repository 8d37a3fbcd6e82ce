"""A group name for exactly the tests the record names: "transaminases" (or "aminotransferases") for "AST/ALT" is the
same two tests, no changed word (it warned "differs in a word"). Kept narrow: a group name for one of them, for
another test, or a wider name ("liver enzymes", which the corpus also uses for alkaline phosphatase, bilirubin and
drug-metabolising enzymes) still differs."""

import pytest

from scrapers.reconcile.shorthands import names_group
from scrapers.reconcile.reading import WordChange
from scrapers.reconcile.words import word_changes
from test_reconcile_word_changes import _pair

# NCT00461968's exclusion item, as ClinicalTrials.gov gives it (less its bracket)
LIVER = "AST/ALT > 1.5 times the upper limit of normal"


@pytest.mark.parametrize("record,page", [
    (LIVER, "Transaminases > 1.5 times the upper limit of normal"),
    (LIVER, "Serum transaminases > 1.5 times the upper limit of normal"),
    (LIVER, "Aminotransferases > 1.5 times the upper limit of normal"),
    ("SGPT/SGOT no greater than 2.5 times ULN", "Transaminases no greater than 2.5 times ULN"),
    ("Transaminases no greater than 4 times upper limit of normal",
     "AST/ALT no greater than 4 times upper limit of normal"),
])
def test_a_group_name_for_exactly_the_records_tests_is_no_changed_word(record, page):
    assert word_changes(record, page) == []
    assert _pair(record, page) == []


@pytest.mark.parametrize("record,page,changed", [
    ("AST > 1.5 times the upper limit of normal", "Transaminases > 1.5 times the upper limit of normal",
     ("AST", "Transaminases")),
    ("Bilirubin > 1.5 times the upper limit of normal", "Transaminases > 1.5 times the upper limit of normal",
     ("Bilirubin", "Transaminases")),
    ("AST/INR > 1.5 times the upper limit of normal", "Transaminases > 1.5 times the upper limit of normal",
     ("AST INR", "Transaminases")),
])
def test_a_group_name_for_other_tests_is_still_a_changed_word(record, page, changed):
    assert word_changes(record, page) == [WordChange(*changed)]
    assert [(k, s) for k, s, _ in _pair(record, page)] == [("criterion_changed", "warning")]


def test_liver_enzymes_is_not_read_as_the_two_transaminases():
    assert not names_group(["liver", "enzymes"], ["AST", "ALT"])
    assert _pair(LIVER, "Liver enzymes > 1.5 times the upper limit of normal") != []


def test_names_group_wants_each_test_once():
    assert names_group(["transaminases"], ["ALT", "SGOT"])
    assert not names_group(["transaminases"], ["AST", "SGOT"])   # (one test by two names)
    assert not names_group(["transaminases"], ["AST", "ALT", "ALP"])
    assert not names_group(["transaminase"], ["AST", "ALT"])   # (the corpus's singular names one test: "(AST)")
