"""A short item that leaves out the record's qualifier ("Diabetes" where ClinicalTrials.gov says "Poorly controlled
diabetes") is one criterion changed, a warning saying what was left out, not a criterion added and another left out
(two warnings that never say the page dropped "poorly controlled"). So too where the page writes the illness short
("Hypertension or DM" for "Hypertension or poorly controlled diabetes mellitus" was only the reworded note), and a
qualifier moved onto a part written short pairs. A qualifier turned ("Controlled diabetes") stays critical, and one
worded otherwise ("Diabetes with poor control") raises nothing."""

import pytest

from scrapers.reconcile.short_items import qualifier_apart, reordered
from test_reconcile_word_changes import _pair


@pytest.mark.parametrize("record,page,left_out,of", [
    ("Poorly controlled diabetes", "Diabetes", "poorly controlled", "diabetes"),
    ("Uncontrolled hypertension", "Hypertension", "uncontrolled", "hypertension"),
    ("Unstable angina", "Angina", "unstable", "angina"),
    ("Uncontrolled seizures", "Seizures", "uncontrolled", "seizures"),
    ("Poorly controlled diabetes mellitus", "DM", "poorly controlled", "diabetes mellitus"),
    ("Hypertension or poorly controlled diabetes mellitus", "Hypertension or DM", "poorly controlled",
     "diabetes mellitus"),
])
def test_a_qualifier_left_out_of_a_short_item_is_one_warning_naming_it(record, page, left_out, of):
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert f'leaves out "{left_out}", which ClinicalTrials.gov says of "{of}"' in found[0][2]


def test_a_qualifier_added_to_a_short_item_is_one_warning_naming_it():
    found = _pair("Diabetes", "Poorly controlled diabetes")
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert 'adds "poorly controlled" to "diabetes"' in found[0][2]


def test_a_qualifier_moved_onto_a_part_written_short_is_said():
    found = _pair("Poorly controlled hypertension or diabetes mellitus", "Hypertension or poorly controlled DM")
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert 'what "poorly controlled" describes' in found[0][2]


@pytest.mark.parametrize("record,page,want", [
    ("Poorly controlled diabetes", "Controlled diabetes", [("criterion_changed", "critical")]),
    ("Poorly controlled diabetes", "Diabetes with poor control", []),
    ("Uncontrolled diabetes", "Uncontrolled DM", []),
])
def test_a_turned_or_reworded_qualifier_keeps_its_finding(record, page, want):
    assert [(k, s) for k, s, _ in _pair(record, page)] == want


def test_qualifier_apart_pairs_only_the_same_other_words():
    assert qualifier_apart("poorly controlled diabetes", "diabetes")
    assert qualifier_apart("hypertension or dm", "hypertension or poorly controlled diabetes mellitus")
    assert not qualifier_apart("poorly controlled diabetes", "hypertension")
    assert not qualifier_apart("poorly controlled diabetes", "controlled diabetes")   # (a turn: "controlled" stays)
    assert not qualifier_apart("poorly controlled diabetes", "diabetes with poor control")   # (reordered's)
    assert reordered("poorly controlled hypertension or diabetes mellitus", "hypertension or poorly controlled dm")


@pytest.mark.parametrize("record,page,of", [
    ("Poorly controlled DM", "DM", "DM"),
    ("Uncontrolled Diabetes Mellitus", "Diabetes Mellitus", "Diabetes Mellitus"),
    ("Hypertension or poorly controlled DM", "Hypertension or DM", "DM"),
])
def test_a_qualifier_left_out_is_said_of_its_part_as_the_record_writes_it(record, page, of):
    """The part was quoted in small letters ('ClinicalTrials.gov says of "dm"'): quoted as the record writes it."""
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert f'which ClinicalTrials.gov says of "{of}"' in found[0][2]
