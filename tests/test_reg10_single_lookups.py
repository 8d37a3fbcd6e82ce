"""A client's share of the registry on single lookups (TRIALLENS_SINGLE_LOOKUPS, audit r39 F3): the id budget (1000 an
hour) let one address make the 50 single lookups a minute the whole service may ask of ClinicalTrials.gov, so 120
made-up ids in a minute from one address left every other user stale copies and 503s. Over real HTTP against the
fake registry, with the service's default allowance and settings."""

from __future__ import annotations

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service


from scrapers.registry.pacing import REGISTRY_RATE
from server.config import SETTINGS, ServiceConfig

A, B = {"REMOTE_ADDR": "10.0.0.1"}, {"REMOTE_ADDR": "10.0.0.2"}
DRAIN = [f"NCT84{i:06d}" for i in range(120)]   # r39's drain: 120 made-up ids in a minute from one address


def service(store, server, **settings):
    """The service with the registry allowance it has in production (REGISTRY_RATE a minute; a lookup waits at most
    2 s for a slot, as TRIALLENS_LOOKUP_TIMEOUT's settings do), no request rate limit, default budgets."""
    client = fast_client(server.base_url, retries=0, rate_limit=REGISTRY_RATE, max_rate_wait=2.0)
    return registry_service(store, client, **settings).test_client()


def test_one_address_drain_stops_at_its_share_and_others_still_get_through(store, studies, fake_ctgov):
    c = service(store, fake_ctgov)
    share = REGISTRY_RATE // 5
    answers = [c.get(f"/api/v1/trials/{nct}", environ_base=A) for nct in DRAIN]
    assert [r.status_code for r in answers[:share]] == [404] * share   # (asked: ClinicalTrials.gov has no such trial)
    assert fake_ctgov.calls == share                                   # the registry was asked only its share of times
    for resp in answers[share:]:
        assert resp.status_code == 429 and resp.mimetype == "application/problem+json"
        body = resp.get_json()
        assert body["type"] == "urn:triallens:problem:lookup-budget-used"
        assert f"as it may ({share} per minute, its share of what the whole service may ask)" in body["detail"]
        assert 1 <= int(resp.headers["Retry-After"]) <= 60
    # the other routes that look one trial up are held to the same share
    assert c.post("/api/v1/annotate", environ_base=A, json={
        "url": "https://example.org/t", "html": "<html><body><p>Trial number: NCT85000000</p></body></html>"
    }).status_code == 429
    assert c.get(f"/trials/{nct_of(studies[0])}", environ_base=A).status_code == 429
    assert fake_ctgov.calls == share

    # another address still gets its lookups through, from the registry (the allowance was not emptied)
    for s in studies[:share]:
        resp = c.get(f"/api/v1/trials/{nct_of(s)}", environ_base=B)
        assert resp.status_code == 200 and resp.get_json()["nct_id"] == nct_of(s)
        assert resp.get_json()["stale"] is False
    assert fake_ctgov.calls == 2 * share


def test_a_batch_is_not_held_to_the_single_share(store, studies, fake_ctgov):
    """A batch's ids cost a hundredth of a request each: /status of 30 unstored trials, past a client's single share,
    is one registry request and answers every one."""
    c = service(store, fake_ctgov, TRIALLENS_SINGLE_LOOKUPS="1 per minute")
    assert c.get(f"/api/v1/trials/{nct_of(studies[0])}", environ_base=A).status_code == 200
    assert c.get(f"/api/v1/trials/{nct_of(studies[1])}", environ_base=A).status_code == 429
    ids = ",".join(nct_of(s) for s in studies[2:30])
    body = c.get(f"/api/v1/status?ids={ids}", environ_base=A).get_json()
    assert body["missing"] == {} and all(v["status"] for v in body["statuses"].values())
    assert fake_ctgov.calls == 2
    # stored now: looking one of them up on its own costs nothing, over the share or not
    assert c.get(f"/api/v1/trials/{nct_of(studies[2])}", environ_base=A).status_code == 200


def test_the_setting(store, fake_ctgov):
    assert SETTINGS["TRIALLENS_SINGLE_LOOKUPS"][0] == "10 per minute" == f"{REGISTRY_RATE // 5} per minute"
    assert ServiceConfig.from_env(environ={}).single_lookups == "10 per minute"
    assert ServiceConfig.from_env(environ={"TRIALLENS_SINGLE_LOOKUPS": "off"}).single_lookups is None
    with pytest.raises(ValueError, match="TRIALLENS_SINGLE_LOOKUPS must look like '10 per minute'"):
        ServiceConfig.from_env(environ={"TRIALLENS_SINGLE_LOOKUPS": "lots"})
    # off: the id budget alone, as before
    c = service(store, fake_ctgov, TRIALLENS_SINGLE_LOOKUPS="off")
    assert [c.get(f"/api/v1/trials/{n}", environ_base=A).status_code for n in DRAIN[:12]] == [404] * 12
    assert fake_ctgov.calls == 12
