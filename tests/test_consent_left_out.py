"""A consent clause a page leaves out of an item is said as what was left out: "Signed informed consent by the parent
or legal guardian" for the record's "… and assent by the child" was a criterion_reworded INFO ("No number, unit, limit
or "not" differs; read both to see what else does"), which hid that the child must agree too. Over 651 corpus records
whose consent item's clause after its "and"/"or" a page leaves out, 195 were said as reworded (5 now) and 28 as
shortened (218 now); a single word left out ("Signed informed consent" for "Signed written informed consent", 818
records) is still a rewording: 222 INFOs before and after."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.consent import consent_left_out


def _found(record_item: str, page_item: str, section: str = "inclusion"):
    lists = {"inclusion": ["Adults with asthma"], "exclusion": ["Pregnant women"]}
    record = {k: v + [record_item] if k == section else v for k, v in lists.items()}
    shown = {k: v + [page_item] if k == section else v for k, v in lists.items()}
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000003"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n" + "\n".join(
            f"* {t}" for t in record["inclusion"]) + "\n\nExclusion Criteria:\n\n" + "\n".join(
            f"* {t}" for t in record["exclusion"])}}})
    page = PageRecord("example.org", nct_id="NCT09000003", inclusion=shown["inclusion"], exclusion=shown["exclusion"])
    return [f for f in reconcile(page, official, date(2026, 12, 6)) if f.about == "page"]


@pytest.mark.parametrize("record,page,left", [
    ("Signed informed consent by the parent or legal guardian and assent by the child",
     "Signed informed consent by the parent or legal guardian", "and assent by the child"),
    ("Consent from the patient and legal representative", "Consent from the patient", "and legal representative"),
    ("Able to give written informed consent and comply with study procedures", "Able to give written informed consent",
     "and comply with study procedures"),
])
@pytest.mark.parametrize("section,rule", [("inclusion", "a requirement for joining"),
                                          ("exclusion", "a reason someone cannot join")])
def test_a_consent_clause_left_out_says_what_was_left_out(record, page, left, section, rule):
    (only,) = _found(record, page, section)
    assert (only.kind, only.severity) == ("criterion_shortened", "warning")
    assert only.message == (f'This page shortens {rule} to "{page}", leaving out "{left}": ClinicalTrials.gov says '
                            f'"{record}".')


@pytest.mark.parametrize("record,page", [
    ("Signed written informed consent", "Signed informed consent"),   # one word: a rewording
    ("Written informed consent (such as a signed form) obtained", "Written informed consent obtained"),   # an example
    ("Adults with asthma and a smoking history", "Adults with asthma"),   # no consent item: not this check's
])
def test_what_is_no_left_out_consent_clause_is_not_said_as_one(record, page):
    assert consent_left_out(record, page) is None


def test_a_reworded_consent_item_is_still_an_info():
    (only,) = _found("Signed informed consent by the parent or legal guardian",
                     "Informed consent signed by the parent or legal guardian")
    assert (only.kind, only.severity) == ("criterion_reworded", "info")
