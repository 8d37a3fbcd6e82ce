"""Separate record items a page runs together as one item (joined.py): two exclusions joined by "or", or two
requirements joined by "and", say what the record says (the merge warning only; "Diabetes or hypertension" for the
exclusions "Diabetes" and "Hypertension" was a critical "differs in an 'or'" beside it); joined by the other word,
one critical finding says what the word does (it was a critical quoting the record's items run together, "Diabetes
Hypertension", and a merge warning)."""

from datetime import date

import pytest

from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 12, 6)


def _merged(section: str, first: str, second: str, page: str) -> list[tuple[str, str, str]]:
    """The page's warnings and criticals for a record listing `first` and `second` as items of `section` (between
    two others), shown as the one page item `page`."""
    heading = "Exclusion Criteria" if section == "exclusion" else "Inclusion Criteria"
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria":
                              f"{heading}:\n\n* Age 18 years or older\n* {first}\n* {second}\n* Pregnant women"}}})
    shown = {section: ["Age 18 years or older", page, "Pregnant women"]}
    found = reconcile(PageRecord(site="meddatax.com", nct_id="NCT01774864", **shown), official, TODAY)
    return [(f.kind, f.severity, f.message) for f in found if f.about == "page" and f.severity != "info"]


@pytest.mark.parametrize("section,page", [
    ("exclusion", "Diabetes or hypertension"),
    ("exclusion", "Diabetes and/or hypertension"),
    ("inclusion", "Diabetes and hypertension"),
])
def test_items_joined_as_their_list_joins_them_are_only_merged(section, page):
    assert [(k, s) for k, s, _ in _merged(section, "Diabetes", "Hypertension", page)] == [
        ("criteria_merged", "warning")]


def test_requirements_joined_by_or_are_one_critical_saying_either_is_asked_for():
    found = _merged("inclusion", "Diabetes", "Hypertension", "Diabetes or hypertension")
    assert found == [("criterion_changed", "critical",
                      'This page runs 2 separate requirements for joining together as one item joined by "or", '
                      '"Diabetes or hypertension": ClinicalTrials.gov asks for each of them ("Diabetes"; '
                      '"Hypertension"), this page for any one of them.')]


def test_exclusions_joined_by_and_are_one_critical_saying_only_both_keep_out():
    found = _merged("exclusion", "Diabetes", "Hypertension", "Diabetes and hypertension")
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "critical")]
    assert 'joined by "and"' in found[0][2] and "keeps someone out alone, on this page only all of them" in found[0][2]


def test_a_joined_item_that_changes_more_than_its_joining_word_keeps_its_findings():
    found = _merged("exclusion", "Diabetes requiring insulin", "Blood pressure above 140 mmHg",
                    "Diabetes requiring insulin or blood pressure above 150 mmHg")
    assert sorted((k, s) for k, s, _ in found) == [("criteria_merged", "warning"), ("criterion_changed", "critical")]
    assert any("differs in a number" in m for _, _, m in found)
