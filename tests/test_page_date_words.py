"""The page's own last-updated date in a finding (review r23 #17): 'This page says "2023-01"' put TrialLens's digits
(a date given alone, or typed into the look-up form) in the page's mouth. A bare date is now said as the card writes
dates ("Jan 2023", "27 Jun 2025"), unquoted; the page's own words ("Last Updated: 2025-06-01") are still quoted."""

from __future__ import annotations

from datetime import date

from service_support import providers, standard_registry

from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile import reconcile
from server import create_app

TODAY = date(2026, 11, 22)


def _official() -> OfficialRecord:
    sm = {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2026-03-01"}}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}, "statusModule": sm}})


def _said(kind: str, **page) -> str:
    found = reconcile(PageRecord(site="x", nct_id="NCT00000001", status="RECRUITING", **page), _official(), TODAY)
    return next(f.message for f in found if f.kind == kind)


def test_a_bare_month_is_said_as_a_month_not_quoted():
    assert _said("page_stale", as_of="2023-01").startswith(
        "This page says it was last updated in Jan 2023, but this trial's ClinicalTrials.gov record was updated on "
        "1 Mar 2026, ")
    assert _said("page_stale", as_of="2023-01", as_of_text="2023-01").startswith(
        "This page says it was last updated in Jan 2023, but")


def test_a_bare_day_or_year_is_said_the_same_way():
    assert _said("page_stale", as_of="2025-06-27", as_of_text="2025-06-27").startswith(
        "This page says it was last updated on 27 Jun 2025, but")
    assert _said("page_stale", as_of="2024", as_of_text="2024").startswith("This page says it was last updated in 2024, but")


def test_the_pages_own_words_stay_quoted():
    assert _said("page_stale", as_of="2025-06-01", as_of_text="Last Updated: 2025-06-01").startswith(
        'This page says "Last Updated: 2025-06-01", but')
    assert _said("page_stale", as_of="2025-06-01", as_of_text="06/01/2025").startswith('This page says "06/01/2025", but')


def test_a_bare_date_still_to_come_is_said_the_same_way():
    assert _said("page_date_ahead", as_of="2031-01-01", as_of_text="2031-01-01") == (
        "This page says it was last updated on 1 Jan 2031, a date in the future, so TrialLens cannot tell when the page "
        "was last updated and did not use that date.")
    assert _said("page_date_ahead", as_of="2031-01-01", as_of_text="Last updated: 2031-01-01").startswith(
        'This page says "Last updated: 2031-01-01", a date in the future')


def test_a_date_typed_into_the_api_is_said_as_a_date():
    client = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"},
                        providers=providers(standard_registry())).test_client()
    drift = client.get("/api/v1/trials/NCT00000002/drift?status=Recruiting&as_of=2023-01").get_json()["drift"]
    stale = [f for f in drift["findings"] if f["kind"] == "page_stale"]
    # (as the date given, no page having been read: test_claim_words)
    assert stale and stale[0]["message"].startswith("The last-updated date given is Jan 2023, but")
    assert stale[0]["page_value"] == "2023-01"   # (the value row keeps what was given)
