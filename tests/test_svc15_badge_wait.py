"""When a listing's badges will be current. A stored copy served on GET /status past this client's lookup budget
(stale_reason "budget") carried no wait, while the same copy on /trials/{id} carries official.retry_after (svc14): the
badge could say only "saved copy". Now the badge carries retry_after, the same seconds as the response's own
retry_after for the ids the budget left not_checked, and the Statuses schema documents it. Over real HTTP against the
fake registry."""

from __future__ import annotations

import json

import pytest
from fake_ctgov import fake_ctgov, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service
from test_svc14_wait_words import OLD, A, over_budget

from scrapers.official import OfficialRecord

jsonschema_rs = pytest.importorskip("jsonschema_rs")

def strict(schema: dict) -> dict:
    """`schema` with no property beyond those it names, at any depth: a field the service sends must be documented."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if "properties" in out and "object" in (out.get("type") or ()):
            out["additionalProperties"] = False
        return out
    return [strict(v) for v in schema] if isinstance(schema, list) else schema


def test_a_badge_served_past_the_budget_says_when_in_seconds(store, studies, fake_ctgov):
    c, _ = over_budget(store, studies, fake_ctgov)
    stale, unstored = nct_of(studies[1]), nct_of(studies[2])
    resp = c.get(f"/api/v1/status?ids={stale},{unstored}", environ_base=A)
    body = resp.get_json()
    badge = body["statuses"][stale]
    assert badge["stale_reason"] == "budget"
    assert isinstance(badge["retry_after"], int) and 3500 < badge["retry_after"] <= 3600
    # the id not looked up at all is not_checked, with the response's wait: the same budget, the same seconds
    assert body["missing"] == {unstored: "not_checked"} and badge["retry_after"] == body["retry_after"]
    # /trials/{id} says the same copy's wait alike
    assert c.get(f"/api/v1/trials/{stale}", environ_base=A).get_json()["retry_after"] == badge["retry_after"]

    spec = c.get("/openapi.json").get_json()
    schema = strict(spec["paths"]["/api/v1/status"]["get"]["responses"]["200"]["content"]["application/json"]["schema"])
    validator = jsonschema_rs.Draft202012Validator({**schema, "components": strict(spec["components"])})
    assert [e.message for e in validator.iter_errors(json.loads(resp.data))] == []
    item = spec["components"]["schemas"]["Statuses"]["properties"]["statuses"]["additionalProperties"]
    assert item["properties"]["retry_after"]["minimum"] == 1 and "retry_after" not in item["required"]


def test_a_badge_not_over_the_budget_gives_no_wait(store, studies, fake_ctgov):
    store.put(OfficialRecord(studies[0]), fetched_at=OLD)
    offline = registry_service(store, None).test_client()
    badge = offline.get(f"/api/v1/status?ids={nct_of(studies[0])}").get_json()["statuses"][nct_of(studies[0])]
    assert badge["stale_reason"] == "offline" and "retry_after" not in badge
