"""The per-client budget of lookups of trials TrialLens holds no copy of (TRIALLENS_LOOKUP_BUDGET) covers every route
that can ask ClinicalTrials.gov, not only /status and POST /drift (audit r39 F3): one client sending made-up ids to
/trials/{id}, its /drift, /criteria and /related, POST /annotate or the HTML trial page spent the whole service's
registry allowance. Over real HTTP against the fake registry: past its budget a client gets a typed 429 with
Retry-After and the registry is not asked; another client's lookup still reaches it; stored trials cost nothing."""

from __future__ import annotations

from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service

from scrapers.official import OfficialRecord
from scrapers.registry.store import utc_now

A, B = {"REMOTE_ADDR": "10.0.0.1"}, {"REMOTE_ADDR": "10.0.0.2"}
MADE_UP = [f"NCT83{i:06d}" for i in range(20)]


def app_client(store, server, budget: str = "2 per hour"):
    # (roomy timeouts: these tests are about the budget, not a slow registry; fast_client's 0.3 s read timeout ran out
    # on a loaded machine and every lookup was "unavailable")
    client = fast_client(server.base_url, retries=0, timeout=(5.0, 5.0))
    return registry_service(store, client, TRIALLENS_LOOKUP_BUDGET=budget).test_client()


def page(nct: str) -> dict:
    return {"url": "https://example.org/trial", "html": f"<html><body><h1>A study</h1><p>Trial number: {nct}</p>"
                                                        "<p>Status: Recruiting</p></body></html>"}


def assert_refused(resp, html: bool = False, limit: str = "2 per hour") -> None:
    assert resp.status_code == 429, resp.data[:300]
    assert 1 <= int(resp.headers["Retry-After"]) <= 3600
    if html:
        assert resp.mimetype == "text/html"
        assert b"Too many new trials looked up" in resp.data   # (in a person's words: test_reg10_budget_page)
    else:
        body = resp.get_json()
        assert resp.mimetype == "application/problem+json"
        assert body["type"] == "urn:triallens:problem:lookup-budget-used" and body["status"] == 429
        assert f"as many trials TrialLens holds no copy of as it may ({limit})" in body["detail"]


def test_every_single_trial_route_is_charged_and_refused_past_the_budget(store, studies, fake_ctgov):
    c = app_client(store, fake_ctgov)
    held = studies[5]
    store.put(OfficialRecord(held), fetched_at=utc_now())   # (stored and fresh: costs nothing)

    # two made-up ids use client A's budget: each asked of the registry (its 404)
    assert c.get(f"/api/v1/trials/{MADE_UP[0]}", environ_base=A).status_code == 404
    assert c.get(f"/api/v1/trials/{MADE_UP[1]}/drift?status=Recruiting", environ_base=A).status_code == 404
    assert fake_ctgov.calls == 2

    # past it, no route asks ClinicalTrials.gov for A's unstored ids: a 429, the registry untouched
    for path in (f"/api/v1/trials/{MADE_UP[2]}", f"/api/v1/trials/{MADE_UP[3]}/drift",
                 f"/api/v1/trials/{MADE_UP[4]}/criteria", f"/api/v1/trials/{MADE_UP[5]}/related",
                 f"/api/v1/trials/{nct_of(studies[0])}"):   # (a real trial, unstored: refused as well)
        assert_refused(c.get(path, environ_base=A))
    assert_refused(c.post("/api/v1/annotate", json=page(MADE_UP[6]), environ_base=A))
    assert_refused(c.get(f"/trials/{MADE_UP[7]}", environ_base=A), html=True)
    assert fake_ctgov.calls == 2

    # a stored trial still costs A nothing; ids the registry said a moment ago it has no study for neither
    assert c.get(f"/api/v1/trials/{nct_of(held)}", environ_base=A).status_code == 200
    assert c.get(f"/api/v1/trials/{MADE_UP[0]}", environ_base=A).status_code == 404
    assert fake_ctgov.calls == 2

    # another client's lookup still reaches the registry
    resp = c.get(f"/api/v1/trials/{nct_of(studies[0])}", environ_base=B)
    assert resp.status_code == 200 and resp.get_json()["nct_id"] == nct_of(studies[0])
    assert fake_ctgov.calls == 3


def test_annotate_of_an_unstored_trial_is_charged(store, studies, fake_ctgov):
    c = app_client(store, fake_ctgov, "1 per hour")
    first = c.post("/api/v1/annotate", json=page(nct_of(studies[1])), environ_base=A)
    assert first.status_code == 200 and first.get_json()["official"]["nct_id"] == nct_of(studies[1])
    assert fake_ctgov.calls == 1
    assert_refused(c.post("/api/v1/annotate", json=page(nct_of(studies[2])), environ_base=A), limit="1 per hour")
    assert fake_ctgov.calls == 1
    # the trial annotated first is stored now: annotating it again costs nothing
    assert c.post("/api/v1/annotate", json=page(nct_of(studies[1])), environ_base=A).status_code == 200


def test_a_batch_and_its_lookups_are_charged_once(store, studies, fake_ctgov):
    """POST /drift charges its ids before looking them up; the lookups that follow are not charged again, so a
    budget of 3 lets exactly 3 unstored trials through (charged twice, only 1 would have been)."""
    c = app_client(store, fake_ctgov, "3 per hour")
    ids = [nct_of(s) for s in studies[:3]]
    results = c.post("/api/v1/drift", json={"items": [{"nct_id": n} for n in ids]},
                     environ_base=A).get_json()["results"]
    assert [r["official"] is not None for r in results] == [True, True, True]
    assert fake_ctgov.calls == 1
    assert_refused(c.get(f"/api/v1/trials/{nct_of(studies[3])}", environ_base=A), limit="3 per hour")
    assert fake_ctgov.calls == 1
