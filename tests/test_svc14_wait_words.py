"""When a reader may try again once this client's lookup budget is used. A stored copy served past the budget (200,
stale_reason "budget") said the wait only inside official.note's text ("… try again in 3599 s; showing …"), so the
card said "try again later" for an hourly budget; now `official.retry_after` gives it in seconds, and the card and the
service's page say it in the same words ("Try again in about an hour"), by one rounding rule checked here and by
extension/test/wait_words.test.js against one table. And /status's note for an unusable copy over the budget read
"not checked: not refreshed: …": one prefix now. Over real HTTP against the fake registry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import page_url, registry_service, trial_page
from test_service_pages import section
from test_svc12_unreadable_copy import ROOMY, UNREADABLE, junk_of

from scrapers.official import OfficialRecord
from scrapers.registry.store import utc_now
from server.page_errors import wait_words
from server.pages import copy_line

CASES = json.loads((Path(__file__).parent.parent / "extension" / "test" / "wait_words_cases.json").read_text())["cases"]
OLD = "2025-01-02T03:04:05Z"
A = {"REMOTE_ADDR": "10.0.0.1"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: repr(c["seconds"]))
def test_the_service_words_a_wait_as_the_card_does(case):
    assert wait_words(case["seconds"]) == case["words"]


def over_budget(store, studies, server):
    """A client with its hourly budget (1) spent, and a stale stored copy of studies[1]: (test client, its id)."""
    for study in studies[:2]:
        store.put(OfficialRecord(study), fetched_at=OLD)
    c = registry_service(store, fast_client(server.base_url, retries=0, timeout=ROOMY),
                         TRIALLENS_LOOKUP_BUDGET="1 per hour", TRIALLENS_SINGLE_LOOKUPS="off").test_client()
    assert c.get(f"/api/v1/trials/{nct_of(studies[0])}", environ_base=A).get_json()["stale"] is False
    return c, nct_of(studies[1])


def said_wait(official: dict) -> int:
    """The seconds official.note says ("… try again in 3599 s; showing the saved copy …")."""
    return int(re.search(r"try again in (\d+) s;", official["note"]).group(1))


def test_a_copy_served_past_the_budget_says_when_in_seconds(store, studies, fake_ctgov):
    c, nct = over_budget(store, studies, fake_ctgov)
    status = studies[1]["protocolSection"]["statusModule"]["overallStatus"]
    annotated = c.post("/api/v1/annotate", environ_base=A,
                       json={"url": page_url(nct), "html": trial_page(nct, status.title())}).get_json()["official"]
    detail = c.get(f"/api/v1/trials/{nct}", environ_base=A).get_json()
    drift = c.post("/api/v1/drift", environ_base=A, json={"items": [{"nct_id": nct, "status": "Recruiting"}]})
    for official in (annotated, detail, drift.get_json()["results"][0]["official"]):
        assert official["stale_reason"] == "budget"
        assert isinstance(official["retry_after"], int) and 3500 < official["retry_after"] <= 3600
        assert official["retry_after"] == said_wait(official)   # (the note's words and the field agree)
    spec = c.get("/openapi.json").get_json()["components"]["schemas"]["Official"]
    assert spec["properties"]["retry_after"]["type"] == "integer" and "retry_after" not in spec["required"]


def test_a_copy_not_served_for_the_budget_gives_no_wait(store, studies, fake_ctgov):
    store.put(OfficialRecord(studies[0]), fetched_at=OLD)
    offline = registry_service(store, None).test_client().get(f"/api/v1/trials/{nct_of(studies[0])}").get_json()
    assert offline["stale_reason"] == "offline" and "retry_after" not in offline


def test_the_page_footer_says_when_to_try_again(store, studies, fake_ctgov):
    c, nct = over_budget(store, studies, fake_ctgov)
    footer = section(c.get(f"/trials/{nct}", environ_base=A), "fetched")
    assert footer.endswith("Try again in about an hour."), footer
    assert "try again later" not in footer


def test_the_footer_line_with_and_without_the_wait():
    copy = {"stale": True, "stale_reason": "budget", "fetched_at": None, "retry_after": 61}
    start = "TrialLens's saved copy of the ClinicalTrials.gov record, from an unknown date."
    assert copy_line(copy) == f"{start} As many trials have been looked up from here as TrialLens allows for now. " \
                              "Try again in about 2 minutes."
    assert copy_line(copy, noted=True) == f"{start} Try again in about 2 minutes."
    older = {k: v for k, v in copy.items() if k != "retry_after"}   # (a service that gives no wait: as before)
    assert copy_line(older).endswith("allows for now; try again later.") and copy_line(older, noted=True) == start


def test_status_says_an_unusable_copy_over_the_budget_is_not_checked_once(store, studies, fake_ctgov):
    store.put(OfficialRecord(junk_of(studies[0], "age")), fetched_at=utc_now())
    junk = nct_of(studies[0])
    c = registry_service(store, fast_client(fake_ctgov.base_url, retries=0, timeout=ROOMY),
                         TRIALLENS_LOOKUP_BUDGET="1 per hour", TRIALLENS_SINGLE_LOOKUPS="off").test_client()
    assert c.get(f"/api/v1/trials/{nct_of(studies[5])}", environ_base=A).status_code == 200   # (the budget spent)
    body = c.get(f"/api/v1/status?ids={junk}", environ_base=A).get_json()
    note = body["notes"][junk]
    assert note.startswith("not checked: this client has had as many trials looked up on ClinicalTrials.gov as it "
                           "may (1 per hour); try again in "), note
    assert note.count("not checked") == 1 and "not refreshed" not in note and UNREADABLE in note
    # the single lookup's 429 and a POST /drift item say it the same way
    single = c.get(f"/api/v1/trials/{junk}", environ_base=A)
    assert single.status_code == 429 and single.get_json()["detail"].startswith("not checked: this client has had")
    item = c.post("/api/v1/drift", environ_base=A, json={"items": [{"nct_id": junk, "status": "Recruiting"}]})
    assert item.get_json()["results"][0]["drift"]["note"].startswith("not checked: this client has had")
