"""A page presenting a trial that enrolls by invitation as open to anyone (a "Recruiting" field, a summary's "is
currently recruiting") was headlined "This page may be out of date", over findings saying "only people the study team
invites can join": the headline now says that, on every surface (the card and the HTML page show it as given)."""

from __future__ import annotations

import html

import pytest
from service_support import TODAY, FakeRegistry, page_url, providers, record, trial_page

from scrapers.model import PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.finding import INVITED_ONLY
from server import create_app
from server.drift import summarize
from server.openapi import spec

NCT = "NCT00000007"
COPY = "2025-07-01T00:00:00Z"   # a stored copy of the record that could not be refreshed
LIVE = "Only people the study team invites can join this trial"
SUMMARY = "This trial is currently recruiting participants."


def _drift(official_status: str, copy_as_of: str | None = None, **page) -> dict:
    official = record(NCT, official_status)
    shown = PageRecord(site="trials.example.org", nct_id=NCT, **page)
    return summarize(shown, official, reconcile(shown, official, TODAY, copy_as_of=copy_as_of), copy_as_of)


@pytest.mark.parametrize("page", [{"status": "RECRUITING", "status_text": "Recruiting"},
                                  {"status": "NOT_YET_RECRUITING", "status_text": "Not yet recruiting"},
                                  {"plain_summary": SUMMARY}])
def test_a_page_open_to_anyone_of_a_trial_by_invitation_says_who_can_join(page):
    drift = _drift("ENROLLING_BY_INVITATION", **page)
    assert (drift["verdict"], drift["headline"]) == ("out_of_date", LIVE)
    # (the findings' own words: the headline and the message under it say the same thing)
    assert INVITED_ONLY.removeprefix(", so ").rstrip(".") in drift["headline"].lower()
    assert any(INVITED_ONLY in f["message"] for f in drift["findings"])


@pytest.mark.parametrize("page", [{"status": "RECRUITING", "status_text": "Recruiting"}, {"plain_summary": SUMMARY}])
def test_against_a_saved_copy_the_headline_is_the_copys_word(page):
    drift = _drift("ENROLLING_BY_INVITATION", COPY, **page)
    assert (drift["verdict"], drift["headline"]) == ("out_of_date", "By invitation only, says TrialLens's saved copy")


def test_the_api_describes_both_headlines():
    enum = spec()["components"]["schemas"]["Drift"]["properties"]["headline"]["enum"]
    assert {LIVE, "By invitation only, says TrialLens's saved copy"} <= set(enum)


def test_other_pages_keep_their_headlines():
    # a page calling the trial over says nothing of who may join: the page is what is out of date
    closed = _drift("ENROLLING_BY_INVITATION", status="COMPLETED", status_text="Completed")
    assert closed["headline"] == "This page may be out of date"
    # a trial not open yet: the invitation headline is only for a trial by invitation
    assert _drift("NOT_YET_RECRUITING", plain_summary=SUMMARY)["headline"] == "This page may be out of date"
    # a closed trial keeps its alarm
    assert _drift("COMPLETED", status="RECRUITING", status_text="Recruiting")["headline"] == (
        "ClinicalTrials.gov says this trial has been completed")


def test_the_api_and_the_html_page_show_the_headline():
    reg = FakeRegistry(records={NCT: record(NCT, "ENROLLING_BY_INVITATION")})
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()
    page = trial_page(NCT, "Recruiting")
    ann = client.post("/api/v1/annotate", json={"url": page_url(NCT), "html": page}).get_json()
    assert ann["drift"]["headline"] == LIVE
    shown = client.post("/check", data={"url": page_url(NCT), "html": page})
    assert shown.status_code == 200 and f'<span id="headline">{html.escape(LIVE)}</span>' in shown.get_data(as_text=True)
