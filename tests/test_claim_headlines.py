"""A status or date a person typed (the look-up form) or an API caller gave (GET /trials/{id}/drift, POST /drift) is
headed as theirs, as its findings already were (test_claim_words.py): "This page may be out of date" over
'You entered "Completed", but …' spoke of a page TrialLens never read (review r24 (a)). Nothing said about such a
claim, headline or note, calls it "this page"; a page TrialLens read keeps "This page …"."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from service_support import FakeRegistry, page_url, providers, record, section_text, shipped_offline_client, trial_page

from server import create_app
from server.openapi import spec

LIVE = FakeRegistry(records={"NCT00000001": record("NCT00000001", "RECRUITING"),
                             "NCT00000002": record("NCT00000002", "NOT_YET_RECRUITING", start="2025-06-01"),
                             "NCT00000003": record("NCT00000003", "RECRUITING", verified="2022-01"),
                             "NCT00000004": record("NCT00000004", "RECRUITING", completion="2025-06-01")},
                    down={"NCT09999999"})
# (trial, query) for every verdict a claim can get: drift in status and date, an unknown wording, in sync, an overdue
# record, nothing given, no record at all
LIVE_CLAIMS = [("NCT00000001", q) for q in ("status=Completed", "as_of=2023-01", "status=Frobbing", "status=Recruiting",
                                            "status=Recruiting&as_of=2025-12", "")] + [
    ("NCT00000002", "status=Recruiting"), ("NCT00000003", "status=Recruiting"), ("NCT00000004", "status=Recruiting"),
    ("NCT00000004", "as_of=2025-12"), ("NCT09999999", "status=Recruiting")]
# against the bundled saved copy (offline), and a trial offline with no copy
OFFLINE_CLAIMS = [("NCT07232563", q) for q in ("status=Recruiting", "status=Not yet recruiting", "as_of=2020",
                                               "status=Frobbing")] + [("NCT01234567", "status=Recruiting")]


@pytest.fixture(scope="module")
def live():
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(LIVE)).test_client()


@pytest.fixture(scope="module")
def offline():
    return shipped_offline_client(Path(tempfile.mkdtemp()))


def verdict_text(resp) -> str:
    return section_text(resp, "verdict")


def _claims(which: str):
    return [(which, nct, query) for nct, query in (LIVE_CLAIMS if which == "live" else OFFLINE_CLAIMS)]


@pytest.mark.parametrize("which,nct,query", _claims("live") + _claims("offline"))
def test_nothing_said_of_a_claim_calls_it_this_page(which, nct, query, request):
    client = request.getfixturevalue(which)
    drift = client.get(f"/api/v1/trials/{nct}/drift?{query}").get_json()["drift"]
    said = f"{drift['headline']} | {drift.get('note', '')}"
    assert "this page" not in said.lower(), said
    assert drift["headline"] in spec()["components"]["schemas"]["Drift"]["properties"]["headline"]["enum"]
    batch = client.post("/api/v1/drift", json={"items": [{"nct_id": nct, **dict(
        p.split("=", 1) for p in query.split("&") if p)}]}).get_json()["results"][0]["drift"]
    assert (batch["headline"], batch.get("note")) == (drift["headline"], drift.get("note"))
    if query:   # (the look-up form: with nothing typed there is no verdict to show)
        shown = verdict_text(client.get(f"/trials/{nct}?{query}"))
        assert "this page" not in shown.lower(), shown


def test_the_headline_says_whose_claim_it_is(live, offline):
    api = live.get("/api/v1/trials/NCT00000001/drift?status=Completed").get_json()["drift"]
    assert api["headline"] == "What was given may be out of date"
    assert verdict_text(live.get("/trials/NCT00000001?status=Completed")).startswith(
        "! What you entered may be out of date You entered: Completed")
    assert live.get("/api/v1/trials/NCT00000001/drift?status=Frobbing").get_json()["drift"]["headline"] == \
        "Could not check the status given"
    assert verdict_text(offline.get("/trials/NCT07232563?status=Completed")).startswith(
        "? What you entered may be newer than TrialLens's saved copy")
    nothing = live.get("/api/v1/trials/NCT00000001/drift").get_json()["drift"]
    assert (nothing["headline"], nothing["note"]) == (
        "Could not check what was given", "Neither a status nor a last-updated date was given, so TrialLens compared "
        "nothing.")


def test_a_page_read_keeps_this_page(live):
    got = live.post("/api/v1/annotate", json={"url": page_url("NCT00000001"),
                                              "html": trial_page("NCT00000001", "Completed")}).get_json()
    assert got["drift"]["headline"] == "This page may be out of date"
    shown = verdict_text(live.post("/check", data={"url": page_url("NCT00000001"),
                                                   "html": trial_page("NCT00000001", "Completed")}))
    assert "This page may be out of date" in shown
