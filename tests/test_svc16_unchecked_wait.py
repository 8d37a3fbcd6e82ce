"""When a listing's "? Not checked" badges can be checked. An id GET /status leaves without a status because this
client's lookup budget is used (none stored, or its only saved copy, no usable study, not refreshed) gave no wait of its
own: the response's one retry_after could not be tied to an id, `notes` also holding unusable copies not checked for
other reasons. Now `waits` gives each such id its own retry_after, and only those. Over real HTTP against the fake
registry."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service
from test_svc12_unreadable_copy import ROOMY, UNREADABLE, junk_of
from test_svc15_badge_wait import strict

from scrapers.official import OfficialRecord
from scrapers.registry.store import utc_now
from server.official_json import budget_waits

jsonschema_rs = pytest.importorskip("jsonschema_rs")

A = {"REMOTE_ADDR": "10.0.0.1"}


def budget_of_one_left(store, server):
    """The service with a budget of 2 lookups an hour for client A, one of them spent."""
    c = registry_service(store, fast_client(server.base_url, retries=0, timeout=ROOMY),
                         TRIALLENS_LOOKUP_BUDGET="2 per hour", TRIALLENS_SINGLE_LOOKUPS="off").test_client()
    spent = list(server.studies)[9]
    assert c.get(f"/api/v1/trials/{spent}", environ_base=A).get_json()["stale"] is False
    return c


@pytest.mark.parametrize("kind", ["age", "status"])   # (a copy with a status: not_checked; one without: no_status)
def test_each_id_the_budget_left_unchecked_has_its_own_wait(store, studies, fake_ctgov, kind):
    for study in studies[:2]:   # (dated now: refreshed only for being no usable study, charged all the same; svc13)
        store.put(OfficialRecord(junk_of(study, kind)), fetched_at=utc_now())
    c = budget_of_one_left(store, fake_ctgov)
    asked, over, unstored = nct_of(studies[0]), nct_of(studies[1]), nct_of(studies[2])
    fake_ctgov.faults.append("503")   # (the one id the budget lets through: ClinicalTrials.gov fails it)
    resp = c.get(f"/api/v1/status?ids={asked},{over},{unstored}", environ_base=A)
    body = resp.get_json()
    copy_why = "not_checked" if kind == "age" else "no_status"
    assert body["missing"] == {asked: copy_why, over: copy_why, unstored: "not_checked"}
    # all three unchecked, all three noted: the notes alone cannot say which one waits on the budget
    assert set(body["notes"]) == {asked, over, unstored}
    assert UNREADABLE in body["notes"][asked] and UNREADABLE in body["notes"][over]
    assert "could not refresh" in body["notes"][asked] and "try again in" not in body["notes"][asked]
    waits = body["waits"]
    assert set(waits) == {over, unstored}, waits   # (not the one ClinicalTrials.gov failed)
    assert all(isinstance(s, int) and 3500 < s <= 3600 for s in waits.values()), waits
    assert body["retry_after"] == max(waits.values())
    for nct in (over, unstored):   # (the seconds the note says in words)
        assert f"try again in {waits[nct]} s" in body["notes"][nct]

    spec = c.get("/openapi.json").get_json()
    schema = strict(spec["paths"]["/api/v1/status"]["get"]["responses"]["200"]["content"]["application/json"]["schema"])
    validator = jsonschema_rs.Draft202012Validator({**schema, "components": strict(spec["components"])})
    assert [e.message for e in validator.iter_errors(json.loads(resp.data))] == []
    documented = spec["components"]["schemas"]["Statuses"]
    assert documented["properties"]["waits"]["additionalProperties"] == {"type": "integer", "minimum": 1}
    assert "waits" not in documented["required"]


def test_an_unusable_copy_not_checked_for_another_reason_gives_no_wait(store, studies, fake_ctgov):
    store.put(OfficialRecord(junk_of(studies[0], "age")), fetched_at=utc_now())
    nct = nct_of(studies[0])
    offline = registry_service(store, None, TRIALLENS_LOOKUP_BUDGET="1 per hour").test_client()
    body = offline.get(f"/api/v1/status?ids={nct},{nct_of(studies[1])}", environ_base=A).get_json()
    assert body["missing"] == {nct: "not_checked", nct_of(studies[1]): "not_checked"}
    assert UNREADABLE in body["notes"][nct]
    assert "waits" not in body and "retry_after" not in body


def test_a_stale_copy_served_past_the_budget_waits_on_its_badge_not_in_waits(store, studies, fake_ctgov):
    store.put(OfficialRecord(studies[0]), fetched_at="2025-01-02T03:04:05Z")
    c = budget_of_one_left(store, fake_ctgov)
    c.get(f"/api/v1/trials/{nct_of(studies[3])}", environ_base=A)   # (the last lookup of the budget)
    body = c.get(f"/api/v1/status?ids={nct_of(studies[0])}", environ_base=A).get_json()
    badge = body["statuses"][nct_of(studies[0])]
    assert badge["stale_reason"] == "budget" and 3500 < badge["retry_after"] <= 3600
    assert "waits" not in body and body["missing"] == {}


def test_only_ids_unchecked_for_the_budget_wait():
    """The rule alone: an id the budget charged whose store read failed, or which ClinicalTrials.gov has no study of,
    waits on nothing (the response's retry_after counted a store failure before)."""
    why = SimpleNamespace(retry_after=120)
    charged = {"NCT00000001": why, "NCT00000002": why, "NCT00000003": why, "NCT00000004": why}
    served = SimpleNamespace(stale_reason="budget", record=SimpleNamespace(status=None))
    lookups = {"NCT00000001": None, "NCT00000002": None, "NCT00000003": None, "NCT00000004": served}
    missing = {"NCT00000001": "not_checked", "NCT00000002": "store_unavailable", "NCT00000003": "not_found",
               "NCT00000004": "no_status"}
    assert budget_waits(charged, lookups, missing) == {"NCT00000001": 120, "NCT00000004": 120}
    assert budget_waits({}, lookups, missing) == {}   # (not charged: nothing the budget did)
