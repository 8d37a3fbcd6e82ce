"""ClinicalTrials.gov's "no such study", over real HTTP against the fake registry (review r19 #2): an id absent from a
complete answer to a search by ids is not asked again one by one, and "not found" is remembered for a few minutes, so
unknown ids do not spend the service-wide registry budget; a trial registered meanwhile is found once that time is
over, and nothing in the store is lost. Also /status's stale_reason for a trial ClinicalTrials.gov dropped (#1)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)

from scrapers.errors import StudyNotFound
from scrapers.official import OfficialRecord
from scrapers.registry import Registry
from scrapers.registry.freshness import NOT_FOUND_TTL
from server import create_app
from server.providers import Providers

UNKNOWN = [f"NCT81{i:06d}" for i in range(100)]


class Clock:
    """A monotonic clock the test moves (no sleeping, no timed assertions)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def registry(store, server, clock=None, **kw) -> Registry:
    # (the registry's own limit as shipped, 50 a minute: the budget the review used up)
    client = fast_client(server.base_url, retries=1, rate_limit=50, rate_period=60, max_rate_wait=0.1)
    return Registry(store, client, ttl=timedelta(hours=24), clock=clock or Clock(), **kw)


def app_client(reg):
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=Providers(registry=reg)).test_client()


def test_an_unknown_id_is_asked_once_then_remembered_until_it_may_have_been_registered(store, studies, fake_ctgov):
    clock = Clock()
    reg = registry(store, fake_ctgov, clock)
    with pytest.raises(StudyNotFound):
        reg.lookup("NCT81000001")
    assert fake_ctgov.calls == 1
    with pytest.raises(StudyNotFound, match="has no study NCT81000001"):   # (the same words as the registry's 404)
        reg.lookup("nct81000001")
    assert fake_ctgov.calls == 1   # not asked again
    # registered meanwhile: still "not found" for a few minutes, then found
    fake_ctgov.set_study({**studies[0], "protocolSection": {**studies[0]["protocolSection"], "identificationModule": {
        **studies[0]["protocolSection"]["identificationModule"], "nctId": "NCT81000001"}}})
    clock.now += NOT_FOUND_TTL - 1
    with pytest.raises(StudyNotFound):
        reg.lookup("NCT81000001")
    assert fake_ctgov.calls == 1
    clock.now += 2
    found = reg.lookup("NCT81000001")
    assert found.record.nct_id == "NCT81000001" and found.source == "registry" and fake_ctgov.calls == 2
    assert store.get("NCT81000001") is not None


def test_a_listing_of_unknown_ids_costs_one_request_and_leaves_the_budget_to_others(store, studies, fake_ctgov):
    """60 ids ClinicalTrials.gov does not have: one filter.ids request, every id `not_found` (was 1 + 48 single GETs,
    12 ids `not_checked` and the next user's lookup a stale copy under TrialLens's own limit)."""
    reg = registry(store, fake_ctgov)
    c = app_client(reg)
    body = c.get("/api/v1/status?ids=" + ",".join(UNKNOWN[:60])).get_json()
    assert fake_ctgov.calls == 1 and "filter.ids" in fake_ctgov.requests[0].args
    assert body["missing"] == {n: "not_found" for n in UNKNOWN[:60]}
    assert body["statuses"] == {n: None for n in UNKNOWN[:60]}
    again = c.get("/api/v1/status?ids=" + ",".join(UNKNOWN[:60])).get_json()
    assert again == body and fake_ctgov.calls == 1   # remembered: not asked again
    # the budget is still there for a real trial
    detail = c.get(f"/api/v1/trials/{nct_of(studies[3])}").get_json()
    assert detail["stale"] is False and detail["source"] == "registry" and fake_ctgov.calls == 2


def test_a_drift_batch_of_unknown_ids_gives_one_answer_for_every_item(store, studies, fake_ctgov):
    """100 unknown ids in POST /drift: one registry request, and the same per-item error for each (was 45 unknown-trial
    and 55 could_not_check once the budget ran out mid-batch)."""
    reg = registry(store, fake_ctgov)
    items = [{"nct_id": n, "status": "Recruiting"} for n in UNKNOWN]
    results = app_client(reg).post("/api/v1/drift", json={"items": items}).get_json()["results"]
    assert fake_ctgov.calls == 1
    assert [r["index"] for r in results] == list(range(100))
    assert {(r["error"]["status"], r["error"]["type"]) for r in results} == {(404, "urn:triallens:problem:unknown-trial")}
    assert all(r["error"]["nct_id"] == r["nct_id"] for r in results)


def test_a_stored_trial_absent_from_the_batch_answer_is_served_as_gone_and_kept(store, studies, fake_ctgov):
    """A trial the store holds, which ClinicalTrials.gov no longer has: the batch answer lacks it, so the saved copy is
    served marked gone without a single request of its own, and the store still holds it afterwards; /status says
    stale_reason "gone" as /trials/{id} does (review r19 #1: it gave `stale: true` alone)."""
    dropped = studies[0]
    store.put(OfficialRecord(dropped), fetched_at="2025-11-02T10:00:00Z")
    with fake_ctgov._lock:
        fake_ctgov.studies.pop(nct_of(dropped))
    c = app_client(registry(store, fake_ctgov))
    ids = [nct_of(dropped), nct_of(studies[1]), "NCT81000002"]
    body = c.get("/api/v1/status?ids=" + ",".join(ids)).get_json()
    assert fake_ctgov.calls == 1
    badge = body["statuses"][nct_of(dropped)]
    assert badge["stale"] is True and badge["stale_reason"] == "gone"
    assert badge["fetched_at"] == "2025-11-02T10:00:00Z"
    assert "no longer returns this study" in badge["note"]
    assert body["statuses"][nct_of(studies[1])]["stale_reason"] is None
    assert body["missing"] == {"NCT81000002": "not_found"}
    detail = c.get(f"/api/v1/trials/{nct_of(dropped)}").get_json()
    assert detail["stale_reason"] == "gone" and fake_ctgov.calls == 1
    assert store.get(nct_of(dropped)).data == dropped


def test_an_incomplete_batch_answer_says_nothing_about_the_ids_it_lacks(store, studies, fake_ctgov):
    """A study in the answer TrialLens could not read (rejected) may be the one asked for: the ids the answer lacks are
    then asked one by one, and a real trial among them is found."""
    reg = registry(store, fake_ctgov)
    broken = nct_of(studies[2])
    with fake_ctgov._lock:
        fake_ctgov.studies[broken] = {"protocolSection": {"identificationModule": {"nctId": "garbled"}}}
    assert reg.prefetch([nct_of(studies[1]), broken, "NCT81000003"]) == 1
    assert reg._known_missing(broken) is None and reg._known_missing("NCT81000003") is None
    fake_ctgov.set_study(studies[2])
    before = fake_ctgov.calls
    assert reg.lookup(broken).record.nct_id == broken and fake_ctgov.calls == before + 1


def test_remembered_ids_are_bounded(store, fake_ctgov, monkeypatch):
    from scrapers.registry import freshness

    monkeypatch.setattr(freshness, "NOT_FOUND_MAX", 10)
    clock = Clock()
    reg = registry(store, fake_ctgov, clock)
    reg._remember_missing(UNKNOWN[:30], "test")
    assert len(reg._missing) == 10 and reg._known_missing(UNKNOWN[29]) and not reg._known_missing(UNKNOWN[0])
    clock.now += NOT_FOUND_TTL + 1
    reg._remember_missing(["NCT81999999"], "test")
    assert list(reg._missing) == ["NCT81999999"]   # the expired ones are dropped as new ones come
