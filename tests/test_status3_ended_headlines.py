"""A trial its record says has ended (completed, terminated, withdrawn) is headed by that ending, not "not recruiting"
(review r56 F7: a page saying "Not yet recruiting" of a completed trial was headed "ClinicalTrials.gov says this trial
is not recruiting", and only the finding below said it was over: a reader could wait for it to open).

Every page status the headline can get is tried against every record status, live and against a saved copy; a record
only paused or still running for those already in it (suspended, active not recruiting), or one whose status says
nothing of an ending (withheld, an expanded-access record's), keeps "not recruiting". The pages' closed box
(no status entered) and the verdict pick their words from the one helper (record_closed.closed_words)."""

from __future__ import annotations

import copy

import pytest
from service_support import FakeRegistry, page_url, providers, record, trial_page

from scrapers.model import OfficialRecord
from scrapers.vocab import STATUSES
from server.annotate import Annotator
from server.copy_names import DEMO_NOTE
from server.drift import summarize
from server.pages import closed_box
from server.record_closed import closed_words
from scrapers.model import PageRecord
from scrapers.reconcile.finding import Finding
from server.verdict_words import CAVEATS, COPY_CAVEATS, COPY_HEADLINES, ENDED_HEADLINES, HEADLINES

NCT = "NCT00000011"
ENDED = {"COMPLETED": ("ClinicalTrials.gov says this trial has been completed", "Completed, says TrialLens's saved copy"),
         "TERMINATED": ("ClinicalTrials.gov says this trial was stopped early (terminated)",
                        "Stopped early (terminated), says TrialLens's saved copy"),
         "WITHDRAWN": ("ClinicalTrials.gov says this trial was withdrawn before it enrolled anyone",
                       "Withdrawn before it enrolled anyone, says TrialLens's saved copy")}
OPEN_WORDS = ("Recruiting", "Not yet recruiting", "Enrolling by invitation", "Available")
PHASE = "<dl><dt>Phase</dt><dd>Phase 1</dd></dl>"


def _drift(status: str, page_status: str | None, stale: bool = False) -> dict:
    registry = FakeRegistry(records={NCT: record(NCT, status)}, stale=stale)
    return Annotator(providers(registry)).annotate(trial_page(NCT, status=page_status, extra=PHASE), page_url(NCT))["drift"]


def test_the_words_are_the_records_ending():
    assert ENDED_HEADLINES == ENDED


@pytest.mark.parametrize("stale", [False, True])
@pytest.mark.parametrize("page_status", OPEN_WORDS)
@pytest.mark.parametrize("status", sorted(ENDED))
def test_a_page_inviting_people_to_an_ended_trial_is_headed_by_its_ending(status, page_status, stale):
    drift = _drift(status, page_status, stale)
    assert drift["verdict"] == "not_recruiting"   # (still the red alarm)
    assert drift["headline"] == ENDED[status][stale]
    assert "not recruiting" not in drift["headline"].lower()


@pytest.mark.parametrize("stale", [False, True])
@pytest.mark.parametrize("status", sorted(ENDED))
def test_a_page_showing_no_status_of_an_ended_trial_is_headed_by_its_ending(status, stale):
    drift = _drift(status, None, stale)
    assert (drift["verdict"], drift["caveat"], drift["headline"]) == ("in_sync", "record_closed", ENDED[status][stale])


@pytest.mark.parametrize("page_status", OPEN_WORDS)
@pytest.mark.parametrize("status", ["ACTIVE_NOT_RECRUITING", "SUSPENDED", "WITHHELD", "NO_LONGER_AVAILABLE",
                                    "APPROVED_FOR_MARKETING", "TEMPORARILY_NOT_AVAILABLE"])
def test_a_trial_not_ended_keeps_not_recruiting(status, page_status):
    drift = _drift(status, page_status)
    if drift["verdict"] == "not_recruiting":
        assert drift["headline"] == HEADLINES["not_recruiting"]


def test_no_other_pair_changes_headline():
    """Of every page status (and none) against every record status, live: only an ended record's not_recruiting and
    record_closed headlines name the ending; every other headline is one of the verdict's others."""
    pages = [None, "Unknown status", *OPEN_WORDS, "Active, not recruiting", "Completed", "Suspended", "Terminated",
             "Withdrawn"]
    for status in STATUSES:
        for page_status in pages:
            drift = _drift(status, page_status)
            ended = drift["verdict"] == "not_recruiting" or drift.get("caveat") == "record_closed"
            if ended and status in ENDED:
                assert drift["headline"] == ENDED[status][0], (status, page_status)
            else:
                assert drift["headline"] not in {pair[0] for pair in ENDED.values()}, (status, page_status)


def test_a_summary_calling_a_completed_trial_recruiting_is_headed_completed():
    page = PageRecord(site="x", nct_id="NCT00000001", plain_summary="The study is currently recruiting.")
    claim = Finding("plain_status", "critical", "plain_summary", "is currently recruiting", "COMPLETED", "msg",
                    {"claim": "open"})
    out = summarize(page, record("NCT00000001", "COMPLETED"), [claim])
    assert (out["verdict"], out["headline"]) == ("not_recruiting", ENDED["COMPLETED"][0])


@pytest.mark.parametrize("by", ["caller", "person"])
def test_a_claim_gets_the_same_headline(by):
    from server.app import create_app

    registry = FakeRegistry(records={NCT: record(NCT, "TERMINATED")})
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(registry)).test_client()
    if by == "caller":
        drift = client.get(f"/api/v1/trials/{NCT}/drift?status=Recruiting").get_json()["drift"]
        assert drift["headline"] == ENDED["TERMINATED"][0]
    else:
        page = client.get(f"/trials/{NCT}?status=Recruiting").get_data(as_text=True)
        assert "ClinicalTrials.gov says this trial was stopped early (terminated)" in page


def test_the_pages_closed_box_and_the_verdict_use_one_helper():
    """pages.closed_box (no status entered) says what the verdict says of a page showing no status, by copy or not."""
    live = {"status": "COMPLETED", "stale": False}
    stale = {"status": "COMPLETED", "stale": True, "fetched_at": "2026-01-10T00:00:00Z"}
    assert closed_box(live)[0] == _drift("COMPLETED", None)["headline"] == ENDED["COMPLETED"][0]
    assert closed_box(stale)[0] == _drift("COMPLETED", None, stale=True)["headline"] == ENDED["COMPLETED"][1]
    assert closed_box({"status": "SUSPENDED"})[0] == CAVEATS["record_closed"]
    assert closed_box({"status": "SUSPENDED", "stale": True})[0] == COPY_CAVEATS["record_closed"]
    words = closed_words({"status": "WITHDRAWN"}, "10 Jan 2026")
    assert closed_box({"status": "WITHDRAWN", "stale": True, "fetched_at": "2026-01-10T00:00:00Z"}) == (
        words.headline, f"{words.said} {words.step}")
    assert closed_words({"status": "RECRUITING"}, None) is None and closed_box({"status": "UNKNOWN"}) is None
    # (a demo record's box names it as that)
    assert closed_box({**stale, "reconstructed": True})[0] == "Completed, says TrialLens's demo record"
    assert COPY_HEADLINES["not_recruiting"] == "Not recruiting, says TrialLens's saved copy"


def test_summarize_names_a_demo_record_for_every_caller():
    """drift_as_demo had two homes (annotate.py and cli.py): summarize applies it, so any caller gets it."""
    data = copy.deepcopy(record(NCT, "COMPLETED").data)
    data["triallensReconstructed"] = "rebuilt from pages"
    demo = OfficialRecord(data)
    page = PageRecord(site="x", nct_id=NCT, status="RECRUITING", status_text="Recruiting")
    finding = Finding("status_drift", "critical", "status", "RECRUITING", "COMPLETED", "msg")
    out = summarize(page, demo, [finding], "2026-01-10T00:00:00Z")
    assert out["headline"] == "Completed, says TrialLens's demo record" and out["note"].endswith(DEMO_NOTE)
    plain = summarize(page, record(NCT, "COMPLETED"), [finding], "2026-01-10T00:00:00Z")
    assert DEMO_NOTE not in plain["note"] and plain["headline"] == ENDED["COMPLETED"][1]
    filed = summarize(page, demo, [finding], "2026-01-10T00:00:00Z", record_file="/tmp/x.json")
    assert filed["headline"] == "Completed, says the record in x.json" and DEMO_NOTE not in filed["note"]
