"""One rule for "this lookup goes to ClinicalTrials.gov", and so costs the asking client's lookup budget: a stored copy
a lookup would not serve as it is. A copy that is no usable study (minimumAge the number 18: svc12) but dated now was
counted fresh by its date alone (Registry.held), so its refresh, a real registry request, cost nothing, while a stale
usable copy's was charged (svc11). Now both are charged; past the budget the unusable copy is answered as svc12 answers
it (never served, the row kept), and the batch routes answer it as they answer an unstored trial over the budget:
POST /drift gave it a 429 item error, and /status a whole 429 when it was the listing's only id. Over real HTTP against
the fake registry, the requests that reach it counted."""

from __future__ import annotations

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service
from test_svc12_unreadable_copy import ROOMY, UNREADABLE, junk_of

from scrapers.official import OfficialRecord
from scrapers.registry.store import utc_now
from scrapers.registry.usable import unusable

A = {"REMOTE_ADDR": "10.0.0.1"}


def service(store, server, budget: str = "1 per hour", singles: str = "off"):
    return registry_service(store, fast_client(server.base_url, retries=0, timeout=ROOMY),
                            TRIALLENS_LOOKUP_BUDGET=budget, TRIALLENS_SINGLE_LOOKUPS=singles).test_client()


@pytest.fixture
def junk(store, studies) -> str:
    """A copy that is no usable study, dated now (fresh by its date), as an older TrialLens let it in."""
    store.put(OfficialRecord(junk_of(studies[0], "age")), fetched_at=utc_now())
    return nct_of(studies[0])


@pytest.mark.parametrize("budget,singles", [("1 per hour", "off"), ("100 per hour", "1 per minute")])
def test_refreshing_an_unusable_fresh_dated_copy_is_charged(store, studies, fake_ctgov, junk, budget, singles):
    c = service(store, fake_ctgov, budget, singles)
    first = c.get(f"/api/v1/trials/{junk}", environ_base=A)
    assert first.status_code == 200 and first.get_json()["source"] == "registry"   # (refreshed: the registry's answer)
    # that refresh spent the budget (or the share of single lookups): the next unstored trial is refused
    refused = c.get(f"/api/v1/trials/{nct_of(studies[5])}", environ_base=A)
    assert refused.status_code == 429 and refused.get_json()["type"].endswith("lookup-budget-used")
    assert len(fake_ctgov.requests) == 1


def test_past_the_budget_the_unusable_copy_is_not_asked_about_nor_served(store, studies, fake_ctgov, junk):
    c = service(store, fake_ctgov)
    assert c.get(f"/api/v1/trials/{nct_of(studies[5])}", environ_base=A).status_code == 200   # (the budget spent)
    resp = c.get(f"/api/v1/trials/{junk}", environ_base=A)
    assert resp.status_code == 429 and resp.get_json()["type"].endswith("lookup-budget-used")
    assert UNREADABLE in resp.get_json()["detail"] and int(resp.headers["Retry-After"]) >= 1
    assert len(fake_ctgov.requests) == 1   # (only the unstored trial's lookup reached the registry)
    assert unusable(store.get_stored(junk).record.data)   # (the row kept)


def _not_checked_item(result: dict, nct: str) -> None:
    """A POST /drift result answered as an unstored trial over the budget is: no error, official null, could not
    check, its note saying the budget (and when to try again) and that the saved copy cannot be read."""
    assert "error" not in result and result["nct_id"] == nct and result["official"] is None
    drift = result["drift"]
    assert drift["verdict"] == "could_not_check" and drift["state"] == "official_unavailable"
    assert "try again in " in drift["note"] and UNREADABLE in drift["note"]
    assert f"try again in {drift['retry_after']} s" in drift["note"]   # (its own wait, as a number too)


@pytest.mark.parametrize("dated", ["now", "stale"])
def test_a_drift_batch_item_over_the_budget_is_not_checked_as_an_unstored_one_is(store, studies, fake_ctgov, dated):
    data = junk_of(studies[0], "age")
    store.put(OfficialRecord(data), fetched_at=utc_now() if dated == "now" else "2025-01-02T03:04:05Z")
    junk, unstored = nct_of(studies[0]), nct_of(studies[6])
    c = service(store, fake_ctgov)
    assert c.get(f"/api/v1/trials/{nct_of(studies[5])}", environ_base=A).status_code == 200   # (the budget spent)
    for items in ([junk], [junk, unstored]):
        results = c.post("/api/v1/drift", environ_base=A, json={"items": [
            {"nct_id": n, "status": "Recruiting"} for n in items]}).get_json()["results"]
        _not_checked_item(results[0], junk)
        if len(items) > 1:   # (the unstored trial over the budget: the same shape)
            assert results[1]["official"] is None and results[1]["drift"]["verdict"] == "could_not_check"
    # the single route answers both with its 429, as documented for a single lookup over the budget
    for nct in (junk, unstored):
        one = c.get(f"/api/v1/trials/{nct}/drift?status=Recruiting", environ_base=A)
        assert one.status_code == 429 and one.get_json()["type"].endswith("lookup-budget-used")
    assert len(fake_ctgov.requests) == 1


@pytest.mark.parametrize("with_other", [False, True])
def test_status_over_the_budget_says_not_checked_and_when(store, studies, fake_ctgov, junk, with_other):
    good = nct_of(studies[2])
    store.put(OfficialRecord(studies[2]), fetched_at=utc_now())
    c = service(store, fake_ctgov)
    assert c.get(f"/api/v1/trials/{nct_of(studies[5])}", environ_base=A).status_code == 200   # (the budget spent)
    ids = [junk, good] if with_other else [junk]
    resp = c.get(f"/api/v1/status?ids={','.join(ids)}", environ_base=A)
    assert resp.status_code == 200   # (a one-id listing was a whole 429)
    body = resp.get_json()
    assert body["statuses"][junk] is None and body["missing"][junk] == "not_checked"
    assert UNREADABLE in body["notes"][junk] and body["retry_after"] >= 1
    if with_other:
        assert body["statuses"][good]["status"] and good not in body["missing"]
    assert len(fake_ctgov.requests) == 1


def test_to_ask_counts_exactly_the_copies_lookup_refreshes(store, studies, fake_ctgov):
    """Registry.to_ask (what the budget charges) against lookup() (what reaches the registry), copy by copy: a usable
    copy dated now is neither; one that is no usable study, or a bundled fixture, dated now, is both."""
    from scrapers.registry import Registry
    store.put(OfficialRecord(studies[0]), fetched_at=utc_now())
    store.put(OfficialRecord(junk_of(studies[1], "status")), fetched_at=utc_now())
    store.put(OfficialRecord(studies[2]), fetched_at=utc_now(), origin="fixture")
    ids = [nct_of(s) for s in studies[:3]]
    registry = Registry(store, fast_client(fake_ctgov.base_url, retries=0, timeout=ROOMY))
    assert registry.to_ask(ids) == ([], ids[1:])
    assert registry.to_ask(ids, registry.held(ids)) == ([], ids[1:])
    for nct in ids:
        registry.lookup(nct)
    assert [r.path.rsplit("/", 1)[1] for r in fake_ctgov.requests] == ids[1:]
