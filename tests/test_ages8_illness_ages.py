"""ages8 (3): an age of the illness backs no page's participant age, read one way everywhere.
(3) plain_open_ended (a page's "Men 40 years and older may take part" against a record with a maximum) took any
open-ended age in the record's prose as the record's own words, the illness's too ("Erectile dysfunction usually
affects men 40 years and older"): silent; and read a page's "The condition is usually diagnosed in men 40 years and
older" as a claim of no maximum. Now other_age.no_limit_age, the rule record_ages reads by."""

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 12, 7)


def _record(criteria: str = "Erectile dysfunction for at least 6 months", description: str = "A drug study.",
            low: str | None = "40 Years", high: str | None = "70 Years") -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high),
                              ("eligibilityCriteria", f"Inclusion Criteria:\n\n* {criteria}")) if v}
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000012"},
        "descriptionModule": {"briefSummary": "A study of a new drug.", "detailedDescription": description},
        "eligibilityModule": elig}})


def _ages(official: OfficialRecord, text: str) -> list[tuple[str, str]]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=text)
    return [(f.kind, f.severity) for f in reconcile(page, official, TODAY) if f.kind.startswith("plain_")]


# --------------------------------------------------------------------------- (3) plain_open_ended

def test_the_records_illness_age_is_not_its_open_ended_limit():
    official = _record(description="Erectile dysfunction usually affects men 40 years and older.")
    assert _ages(official, "Men 40 years and older may be able to take part.") == [("plain_age", "critical")]


def test_the_records_own_open_ended_limit_still_is():
    official = _record(description="Men 40 years and older with erectile dysfunction may take part.")
    assert _ages(official, "Men 40 years and older may be able to take part.") == []


@pytest.mark.parametrize("text", [
    "Who may qualify: men with erectile dysfunction. The condition is usually diagnosed in men 40 years and older.",
    "Who may qualify: men with erectile dysfunction for at least 6 months. For men 40 years and older, a heart check "
    "is needed.",
])
def test_a_pages_illness_or_conditional_open_ended_age_is_no_claim(text):
    assert [k for k in _ages(_record(), text) if k[0] == "plain_age"] == []
