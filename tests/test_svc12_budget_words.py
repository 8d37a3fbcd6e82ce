"""A stale stored copy served because the asking client's own lookup budget is used (TRIALLENS_LOOKUP_BUDGET, an hour
by default) was said as "TrialLens has asked ClinicalTrials.gov too often in the last minute": its own words now
(stale_reason "budget"), which the OpenAPI enum, the page's footer and the card's footer (format.js) all know."""

from __future__ import annotations

from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import page_url, registry_service, trial_page

from scrapers.official import OfficialRecord
from server.openapi import spec
from server.pages import STALE_WHY
from server.verdict_words import UNASKED_BUDGET

OLD = "2025-01-02T03:04:05Z"
ROOMY = (10.0, 30.0)   # (the fake registry answers; a suite run beside others may be slow to)


def test_a_copy_served_over_the_hourly_budget_says_so_not_the_last_minute(store, studies, fake_ctgov):
    for study in studies[:2]:
        store.put(OfficialRecord(study), fetched_at=OLD)
    app = registry_service(store, fast_client(fake_ctgov.base_url, retries=0, timeout=ROOMY), TRIALLENS_LOOKUP_BUDGET="1 per hour",
                           TRIALLENS_SINGLE_LOOKUPS="off")
    c = app.test_client()
    assert c.get(f"/api/v1/trials/{nct_of(studies[0])}").get_json()["stale"] is False   # (the budget spent)
    nct = nct_of(studies[1])
    status = studies[1]["protocolSection"]["statusModule"]["overallStatus"]
    body = c.post("/api/v1/annotate", json={"url": page_url(nct), "html": trial_page(nct, status.title())}).get_json()
    assert body["official"]["stale_reason"] == "budget" and "(1 per hour)" in body["official"]["note"]
    assert body["drift"]["note"].startswith(UNASKED_BUDGET) and "last minute" not in body["drift"]["note"]
    with app.app_context():
        assert "budget" in spec()["components"]["schemas"]["Official"]["properties"]["stale_reason"]["enum"]
    assert "budget" in STALE_WHY and "last minute" not in STALE_WHY["budget"]
