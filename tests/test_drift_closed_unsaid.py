"""A page that shows no status, about a trial the record says is not taking participants: the record's status leads
(review r56 F1). It was a green, folded "✓ In sync with ClinicalTrials.gov" over a withdrawn trial's "Who can take
part" on every site whose pages carry no status (trials.co, crick.ai, curemydisease.com) and wherever a status label
was empty. Nothing on the page is called wrong: the verdict stays in_sync, and the caveat says why it is not green."""

from __future__ import annotations

import pytest
from service_support import FakeRegistry, page_url, providers, record, trial_page

from server.annotate import Annotator
from server.pages import verdict_view
from server.verdict_words import CAVEATS, COPY_CAVEATS, ENDED_HEADLINES, NEXT_STEPS

NCT = "NCT00000011"
CRITERIA = ("<h2>Eligibility Criteria</h2><h3>Inclusion Criteria</h3><ul><li>Adults aged 18 to 70 years</li></ul>")


def _drift(status: str, page_status: str | None, stale: bool = False, extra: str = "<dl><dt>Phase</dt><dd>Phase 1</dd></dl>") -> dict:
    registry = FakeRegistry(records={NCT: record(NCT, status)}, stale=stale)
    return Annotator(providers(registry)).annotate(trial_page(NCT, status=page_status, extra=extra), page_url(NCT))["drift"]


@pytest.mark.parametrize("status,words", [("WITHDRAWN", "withdrawn"), ("TERMINATED", "terminated"),
                                          ("COMPLETED", "completed"), ("SUSPENDED", "suspended"),
                                          ("ACTIVE_NOT_RECRUITING", "active, not recruiting")])
def test_a_closed_trial_on_a_page_showing_no_status_says_it_is_not_recruiting(status, words):
    drift = _drift(status, None)
    assert (drift["verdict"], drift["caveat"]) == ("in_sync", "record_closed")
    # (a trial that has ended is headed by its ending, one only paused or still running by "not recruiting"; r56 F7)
    assert drift["headline"] == (ENDED_HEADLINES[status][0] if status in ENDED_HEADLINES else CAVEATS["record_closed"])
    assert CAVEATS["record_closed"] == "ClinicalTrials.gov says this trial is not recruiting"
    assert drift["note"].startswith(f"TrialLens found no status on this page. ClinicalTrials.gov's record says "
                                    f"this trial is {words}. ")
    assert drift["note"].endswith(NEXT_STEPS["not_recruiting"])
    assert verdict_view(drift)["tone"] == "warn"   # (amber "!", and the card opens: not the green tick)
    assert not [f for f in drift["findings"] if f["severity"] in ("warning", "critical")]   # (no alarm about the page)


def test_against_a_saved_copy_it_names_the_copy():
    drift = _drift("WITHDRAWN", None, stale=True)
    assert (drift["headline"], drift["caveat"]) == (ENDED_HEADLINES["WITHDRAWN"][1], "record_closed")
    assert drift["headline"] == "Withdrawn before it enrolled anyone, says TrialLens's saved copy"
    suspended = _drift("SUSPENDED", None, stale=True)
    assert suspended["headline"] == COPY_CAVEATS["record_closed"] == "Not recruiting, says TrialLens's saved copy"
    assert drift["note"].startswith("TrialLens found no status on this page. TrialLens's saved copy of the "
                                    "ClinicalTrials.gov record (from 10 Jan 2026) says this trial is withdrawn. ")
    assert drift["note"].endswith(NEXT_STEPS["copy_not_recruiting"])


def test_a_page_with_nothing_else_to_compare_still_says_it():
    drift = _drift("TERMINATED", None, extra="")
    assert (drift["verdict"], drift.get("reason"), drift["caveat"]) == ("could_not_check", "nothing_to_compare",
                                                                      "record_closed")
    assert drift["headline"] == ENDED_HEADLINES["TERMINATED"][0] and verdict_view(drift)["tone"] == "warn"


@pytest.mark.parametrize("status,page_status", [("RECRUITING", None), ("NOT_YET_RECRUITING", None),
                                                ("ENROLLING_BY_INVITATION", None), ("UNKNOWN", None),
                                                # (a status withheld, an expanded-access record's: no closed trial;
                                                # review r57 F1, F3)
                                                ("WITHHELD", None), ("NO_LONGER_AVAILABLE", None),
                                                ("APPROVED_FOR_MARKETING", None), ("AVAILABLE", None),
                                                ("COMPLETED", "Completed"), ("WITHDRAWN", "Withdrawn")])
def test_an_open_trial_or_a_page_that_says_the_status_is_unchanged(status, page_status):
    drift = _drift(status, page_status, extra=CRITERIA)
    assert drift.get("caveat") != "record_closed"
    assert "found no status on this page" not in (drift.get("note") or "")


def test_a_page_that_calls_a_closed_trial_open_keeps_its_alarm():
    drift = _drift("WITHDRAWN", "Recruiting")
    assert drift["verdict"] == "not_recruiting" and drift.get("caveat") is None


def test_a_caller_or_a_person_who_gave_no_status_is_told_it_in_their_words():
    from server.app import create_app

    registry = FakeRegistry(records={NCT: record(NCT, "WITHDRAWN")})
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(registry)).test_client()
    drift = client.get(f"/api/v1/trials/{NCT}/drift?as_of=2025-12-01").get_json()["drift"]
    assert drift["caveat"] == "record_closed" and drift["note"].startswith(
        "No status was given. ClinicalTrials.gov's record says this trial is withdrawn.")
    page = client.get(f"/trials/{NCT}?as_of=2025-12-01").get_data(as_text=True)
    assert "You entered no status. ClinicalTrials.gov&#39;s record says this trial is withdrawn" in page


def test_the_service_page_of_a_closed_trial_looked_up_with_no_status_says_it_first():
    """Review r56 F1b: GET /trials/{id} with no status entered showed "Withdrawn" in its body, then "You may be able
    to join if…", with no verdict."""
    from server.app import create_app

    registry = FakeRegistry(records={NCT: record(NCT, "WITHDRAWN"), "NCT00000012": record("NCT00000012")})
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(registry)).test_client()
    page = client.get(f"/trials/{NCT}").get_data(as_text=True)
    box = page[page.index('id="verdict"'):page.index("</section>", page.index('id="verdict"'))]
    assert 'data-verdict="record_closed"' in page and "ClinicalTrials.gov says this trial was withdrawn before it enrolled anyone" in box
    assert "ClinicalTrials.gov&#39;s record says this trial is withdrawn. This trial is not taking new participants" in box
    assert page.index('id="verdict"') < page.index('id="official"')
    assert 'id="verdict"' not in client.get("/trials/NCT00000012").get_data(as_text=True)   # (recruiting: no box)


def test_a_closed_trial_whose_record_lists_expanded_access_says_so(shared_dir):
    """Review r57 F2: NCT05693090 is withdrawn, and its record lists expanded access (NCT04809233) as available: the
    one way to the treatment, which "not taking new participants: search for another trial" left out."""
    from conftest import corpus_record
    from scrapers.official import OfficialRecord
    from server.drift import closed_said

    official = OfficialRecord(corpus_record(shared_dir, "NCT05693090"))
    assert official.expanded_access_available == "NCT04809233"
    assert closed_said(official) == ("ClinicalTrials.gov's record says this trial is withdrawn. It also lists expanded "
                                     "access (NCT04809233), a way to get the treatment outside a trial: ask the study "
                                     "team about it.")
    assert closed_said({"status": "WITHDRAWN", "expanded_access": None}).endswith("says this trial is withdrawn.")
