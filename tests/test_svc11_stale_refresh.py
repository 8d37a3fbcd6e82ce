"""A stored copy too old to serve is refreshed from ClinicalTrials.gov: the same registry request a lookup of an unstored
trial costs, and it cost the asking client nothing, so one client could drive a refresh of every stale stored trial
(the whole service's allowance). Now a refresh is charged to the client's lookup budget (and, for a single lookup, its
share of single lookups) as an unstored trial's lookup is; past it the stored copy is served, marked stale ("budget") with
why, never refused: nothing is lost and the reader still gets an answer. Over real HTTP against the fake registry, the
requests that reach it counted."""

from __future__ import annotations

import re

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service

from scrapers.official import OfficialRecord

A, B = {"REMOTE_ADDR": "10.0.0.1"}, {"REMOTE_ADDR": "10.0.0.2"}
OLD = "2025-01-02T03:04:05Z"   # (a day's freshness: long stale)
SAID = "not refreshed: this client has had as many trials looked up on ClinicalTrials.gov as it may (2 per hour)"


def service(store, server, budget: str = "2 per hour", singles: str = "off"):
    client = fast_client(server.base_url, retries=0)
    return registry_service(store, client, TRIALLENS_LOOKUP_BUDGET=budget,
                            TRIALLENS_SINGLE_LOOKUPS=singles).test_client()


def stale_copies(store, studies, n: int) -> list[str]:
    for study in studies[:n]:
        store.put(OfficialRecord(study), fetched_at=OLD)
    return [nct_of(s) for s in studies[:n]]


def ids_asked(server) -> list[str]:
    """Every trial the registry was asked about, in order (a single study's path, or a batch's filter.ids)."""
    out = []
    for r in server.requests:
        out += ([r.path.rsplit("/", 1)[1]] if r.path.startswith("/api/v2/studies/")
                else re.split(r"[,|]", r.args.get("filter.ids", "")))
    return out


def assert_served_stale(official: dict, limit_note: str = SAID) -> None:
    assert official["stale"] is True and official["stale_reason"] == "budget"
    assert official["fetched_at"] == OLD   # (the copy's own date: the reader sees how old it is)
    assert official["note"].startswith(limit_note + "; try again in ")
    assert official["note"].endswith("s; showing the saved copy fetched 2 Jan 2025, 03:04 UTC")
    assert official["status"]   # (the record itself: nothing lost)


def test_single_lookups_of_stale_copies_are_charged_and_past_the_budget_served_stale(store, studies, fake_ctgov):
    c = service(store, fake_ctgov)
    ids = stale_copies(store, studies, 4)
    answers = [c.get(f"/api/v1/trials/{nct}", environ_base=A) for nct in ids]
    assert [r.status_code for r in answers] == [200] * 4
    assert ids_asked(fake_ctgov) == ids[:2]   # two refreshes: the budget; the other two were not asked for
    for r in answers[:2]:
        assert r.get_json()["stale"] is False and r.get_json()["source"] == "registry"
    for r in answers[2:]:
        assert_served_stale(r.get_json())
    # the refreshes spent the budget an unstored trial's lookup draws on: that is refused as before
    assert c.get(f"/api/v1/trials/{nct_of(studies[9])}", environ_base=A).status_code == 429
    # every route that looks one trial up serves the stale copy the same way, asking nothing
    assert c.get(f"/api/v1/trials/{ids[3]}/drift?status=Recruiting", environ_base=A).status_code == 200
    assert c.get(f"/trials/{ids[3]}", environ_base=A).status_code == 200
    annotated = c.post("/api/v1/annotate", environ_base=A, json={
        "url": "https://example.org/t", "html": f"<html><body><h1>A study</h1><p>Trial number: {ids[3]}</p><p>Status: Recruiting</p></body></html>"})
    assert annotated.status_code == 200
    assert_served_stale(annotated.get_json()["official"])
    assert annotated.get_json()["drift"]["verdict"] != "could_not_check", annotated.get_json()["drift"]
    assert len(fake_ctgov.requests) == 2
    # another client's lookup still refreshes it; then it is fresh for everyone, at no cost
    fresh = c.get(f"/api/v1/trials/{ids[3]}", environ_base=B).get_json()
    assert fresh["stale"] is False and ids_asked(fake_ctgov) == ids[:2] + [ids[3]]
    assert c.get(f"/api/v1/trials/{ids[3]}", environ_base=A).get_json()["stale"] is False
    assert len(fake_ctgov.requests) == 3


def test_a_fresh_copy_costs_nothing(store, studies, fake_ctgov):
    c = service(store, fake_ctgov, budget="1 per hour")
    for study in studies[:3]:
        store.put(OfficialRecord(study))   # (origin registry, stored now: fresh)
    for study in studies[:3]:
        assert c.get(f"/api/v1/trials/{nct_of(study)}", environ_base=A).get_json()["stale"] is False
    assert fake_ctgov.requests == []
    assert c.get(f"/api/v1/trials/{nct_of(studies[5])}", environ_base=A).status_code == 200   # (the budget is whole)


def test_the_single_lookup_share_counts_refreshes_too(store, studies, fake_ctgov):
    c = service(store, fake_ctgov, budget="100 per hour", singles="1 per minute")
    ids = stale_copies(store, studies, 2)
    assert c.get(f"/api/v1/trials/{ids[0]}", environ_base=A).get_json()["stale"] is False
    second = c.get(f"/api/v1/trials/{ids[1]}", environ_base=A)
    assert second.status_code == 200
    assert_served_stale(second.get_json(), "not refreshed: this client has had as many single trials looked up on "
                                           "ClinicalTrials.gov as it may (1 per minute, its share of what the whole "
                                           "service may ask)")
    assert ids_asked(fake_ctgov) == ids[:1]


def test_a_listing_past_the_budget_gets_every_badge_the_extra_ones_stale(store, studies, fake_ctgov):
    c = service(store, fake_ctgov)
    ids = stale_copies(store, studies, 5)
    body = c.get(f"/api/v1/status?ids={','.join(ids)}", environ_base=A).get_json()
    assert body["missing"] == {} and "notes" not in body   # (nothing refused: every trial badged)
    assert sorted(ids_asked(fake_ctgov)) == sorted(ids[:2])   # one batch request, for the two the budget covers
    assert [body["statuses"][n]["stale"] for n in ids] == [False, False, True, True, True]
    for nct in ids[2:]:
        badge = body["statuses"][nct]
        assert badge["stale_reason"] == "budget" and badge["fetched_at"] == OLD and badge["note"].startswith(SAID)
    # asked again: the refreshed two are fresh (no cost), the other three still stale, and nothing reaches the registry
    again = c.get(f"/api/v1/status?ids={','.join(ids)}", environ_base=A).get_json()
    assert [again["statuses"][n]["stale"] for n in ids] == [False, False, True, True, True]
    assert len(fake_ctgov.requests) == 1


@pytest.mark.parametrize("n_stale", [1, 3])
def test_a_drift_batch_past_the_budget_compares_with_the_stale_copies(store, studies, fake_ctgov, n_stale):
    c = service(store, fake_ctgov, budget="1 per hour")
    ids = stale_copies(store, studies, n_stale + 1)
    items = [{"nct_id": n, "status": "Recruiting"} for n in ids]
    results = c.post("/api/v1/drift", json={"items": items}, environ_base=A).get_json()["results"]
    assert ids_asked(fake_ctgov) == ids[:1]
    assert [r["official"]["stale"] for r in results] == [False] + [True] * n_stale
    for r in results[1:]:
        assert_served_stale(r["official"], "not refreshed: this client has had as many trials looked up on "
                                           "ClinicalTrials.gov as it may (1 per hour)")
        assert r["drift"]["verdict"] != "could_not_check"
