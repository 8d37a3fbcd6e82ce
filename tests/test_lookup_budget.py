"""A per-client budget of lookups of trials TrialLens holds no copy of (TRIALLENS_LOOKUP_BUDGET), apart from the request
rate limit, over real HTTP against the fake registry (review r19 #2): different made-up valid ids in every /status or
POST /drift request each cost ClinicalTrials.gov a request per 100, without bound, from a budget the whole service
shares. Ids over the budget are answered "not checked", each with why and when to try again, schema-valid; stored
trials, and ids ClinicalTrials.gov said a moment ago it has no study for, cost nothing and are always answered."""

from __future__ import annotations

import json

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service

from scrapers.official import OfficialRecord
from scrapers.registry.store import utc_now
from server import create_app
from server.config import SETTINGS, ServiceConfig

jsonschema_rs = pytest.importorskip("jsonschema_rs")

A, B = {"REMOTE_ADDR": "10.0.0.1"}, {"REMOTE_ADDR": "10.0.0.2"}


def unknown(start: int, n: int = 100) -> list[str]:
    return [f"NCT82{i:06d}" for i in range(start, start + n)]


def app_client(store, server, budget: str = "150 per hour"):
    client = fast_client(server.base_url, retries=0)
    return registry_service(store, client, TRIALLENS_LOOKUP_BUDGET=budget).test_client()


def valid(client, path: str, method: str, resp) -> list[str]:
    spec = client.get("/openapi.json").get_json()
    schema = spec["paths"][path][method]["responses"][str(resp.status_code)]["content"][resp.mimetype]["schema"]
    validator = jsonschema_rs.Draft202012Validator({**schema, "components": spec["components"]})
    return [e.message for e in validator.iter_errors(json.loads(resp.data))]


def test_status_ids_over_the_budget_are_not_checked_with_why_and_when(store, studies, fake_ctgov):
    held = studies[0]
    store.put(OfficialRecord(held), fetched_at=utc_now())   # (stored and fresh: costs nothing; a copy dated in the
    # future, as this was, is not believed and is refreshed, which is charged now: test_svc11_stale_refresh)
    c = app_client(store, fake_ctgov)

    first = c.get("/api/v1/status?ids=" + ",".join(unknown(0)), environ_base=A).get_json()
    assert first["missing"] == {n: "not_found" for n in unknown(0)} and "notes" not in first
    assert fake_ctgov.calls == 1

    # 50 left of 150: the first 50 new ids are looked up (one request), the other 49 are not
    resp = c.get("/api/v1/status?ids=" + ",".join([nct_of(held), *unknown(100, 99)]), environ_base=A)
    body = resp.get_json()
    assert resp.status_code == 200 and valid(c, "/api/v1/status", "get", resp) == []
    assert fake_ctgov.calls == 2
    assert body["statuses"][nct_of(held)]["status"] is not None
    assert {n: body["missing"][n] for n in unknown(100, 50)} == {n: "not_found" for n in unknown(100, 50)}
    over = unknown(150, 49)
    assert {n: body["missing"][n] for n in over} == {n: "not_checked" for n in over}
    assert all(body["statuses"][n] is None for n in over)
    assert set(body["notes"]) == set(over)
    assert 1 <= body["retry_after"] <= 3600
    assert body["notes"][over[0]] == (f"not checked: this client has looked up as many trials TrialLens holds no copy "
                                      f"of as it may (150 per hour); try again in {body['retry_after']} s")

    # used up: new ids are not asked about at all; those ClinicalTrials.gov said it has no study for still are answered
    again = c.get("/api/v1/status?ids=" + ",".join(unknown(0, 10) + unknown(300, 10)), environ_base=A).get_json()
    assert fake_ctgov.calls == 2
    assert again["missing"] == {**{n: "not_found" for n in unknown(0, 10)}, **{n: "not_checked" for n in unknown(300, 10)}}
    # another client has its own budget
    other = c.get("/api/v1/status?ids=" + ",".join(unknown(300, 10)), environ_base=B).get_json()
    assert other["missing"] == {n: "not_found" for n in unknown(300, 10)} and "notes" not in other
    assert fake_ctgov.calls == 3


def test_drift_items_over_the_budget_are_not_checked_each_with_its_note(store, studies, fake_ctgov):
    c = app_client(store, fake_ctgov, "3 per hour")
    real = [nct_of(s) for s in studies[:5]]
    resp = c.post("/api/v1/drift", json={"items": [{"nct_id": n, "status": "Recruiting"} for n in real]},
                  environ_base=A)
    assert resp.status_code == 200 and valid(c, "/api/v1/drift", "post", resp) == []
    results = resp.get_json()["results"]
    assert [r["official"] is not None for r in results] == [True, True, True, False, False]
    for r in results[3:]:
        assert r["drift"]["verdict"] == "could_not_check" and r["drift"]["reason"] == "official_unavailable"
        assert r["drift"]["note"].startswith("not checked: this client has looked up as many trials TrialLens holds "
                                             "no copy of as it may (3 per hour); try again in ")
        # each refused item says when, as a number a caller can schedule by (the note's words are for people)
        wait = r["drift"]["retry_after"]
        assert 1 <= wait <= 3600 and r["drift"]["note"].endswith(f"try again in {wait} s")
    assert all("retry_after" not in r["drift"] for r in results[:3])
    assert fake_ctgov.calls == 1   # (the three granted, in one request; the two over the budget not asked)
    # now stored: they cost nothing again, and the two refused are still not asked
    again = c.post("/api/v1/drift", json={"items": [{"nct_id": n} for n in real]}, environ_base=A).get_json()["results"]
    assert [r["official"] is not None for r in again] == [True, True, True, False, False]
    assert fake_ctgov.calls == 1


def test_the_budget_is_configurable_and_documented():
    assert SETTINGS["TRIALLENS_LOOKUP_BUDGET"][0] == "1000 per hour"
    assert ServiceConfig.from_env(environ={}).lookup_budget == "1000 per hour"
    assert ServiceConfig.from_env(environ={"TRIALLENS_LOOKUP_BUDGET": "off"}).lookup_budget is None
    with pytest.raises(ValueError, match="TRIALLENS_LOOKUP_BUDGET must look like"):
        ServiceConfig.from_env(environ={"TRIALLENS_LOOKUP_BUDGET": "lots"})


def test_offline_nothing_is_asked_so_nothing_is_counted(tmp_path):
    c = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_LOOKUP_BUDGET": "1 per hour", "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_DB": str(tmp_path / "s.sqlite3")}).test_client()
    body = c.get("/api/v1/status?ids=" + ",".join(unknown(0, 5)), environ_base=A).get_json()
    assert body["missing"] == {n: "not_checked" for n in unknown(0, 5)} and "notes" not in body


def counting_reads(store, monkeypatch) -> dict[str, list[str]]:
    """{store read: the ids it was asked for}, by wrapping the store's two reads of a trial's stored copy."""
    seen: dict[str, list[str]] = {"copy_facts": [], "get_stored": []}
    for name in seen:
        real = getattr(store, name)
        monkeypatch.setattr(store, name, lambda nct, _real=real, _name=name: seen[_name].append(nct) or _real(nct))
    return seen


def test_status_and_drift_read_each_ids_stored_copy_once(store, studies, fake_ctgov, monkeypatch):
    """The budget (unstored ids) and the batch refresh (stale ids) both need to know what the store holds: one read of
    each id's date serves both, then each lookup reads its record once (the date was read twice per id). A copy dated
    within the TTL is read whole once more, first: whether it is a usable study decides whether a lookup refreshes it,
    and so whether the client is charged (svc13: junk dated now was refreshed for free); but only until its content
    has been judged (svc16: the verdict is remembered by the copy's content hash, read with its date)."""
    fresh, stale = [nct_of(s) for s in studies[:3]], nct_of(studies[3])
    for s in studies[:3]:
        store.put(OfficialRecord(s), fetched_at=utc_now())
    store.put(OfficialRecord(studies[3]), fetched_at="2001-01-01T00:00:00Z")
    ids = [*fresh, stale, *unknown(0, 2)]
    c = app_client(store, fake_ctgov)
    seen = counting_reads(store, monkeypatch)

    body = c.get("/api/v1/status?ids=" + ",".join(ids), environ_base=A).get_json()
    assert body["missing"] == {n: "not_found" for n in unknown(0, 2)} and fake_ctgov.calls == 1
    assert fake_ctgov.requests[0].args["filter.ids"].split(",") == [stale, *unknown(0, 2)]   # (only those asked)
    assert sorted(seen["copy_facts"]) == sorted(ids)
    assert sorted(seen["get_stored"]) == sorted(ids + fresh)

    seen["copy_facts"].clear(), seen["get_stored"].clear()
    items = [{"nct_id": n, "status": "Recruiting"} for n in [*fresh, *unknown(10, 2)]]
    results = c.post("/api/v1/drift", json={"items": items}, environ_base=A).get_json()["results"]
    assert ["error" in r for r in results] == [False, False, False, True, True]
    assert sorted(seen["copy_facts"]) == sorted([*fresh, *unknown(10, 2)])
    # (each by its lookup alone: the fresh copies judged usable already, none read whole again first)
    assert sorted(seen["get_stored"]) == sorted([*fresh, *unknown(10, 2)])
