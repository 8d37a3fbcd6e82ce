"""A saved copy with no status (one an older TrialLens let into the store, before registry answers were checked:
audit r39 F1) reaches /api/v1/status while ClinicalTrials.gov cannot be asked for it again. README: "`missing` says
why a status is null": it came back as a badge of a null status with `missing: {}` (the extension read "unknown
according to ClinicalTrials.gov"); it is null with `missing: no_status`, the other trials answered as before."""

from __future__ import annotations

import pytest
from fake_ctgov import fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service

from scrapers.official import OfficialRecord
from scrapers.registry import Store
from scrapers.registry.store import utc_now
from server.openapi import spec

BARE = "NCT06427642"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.sqlite3")
    # (Store.put takes what it is given: how the junk got in before the registry's answers were checked)
    s.put(OfficialRecord({"protocolSection": {"identificationModule": {"nctId": BARE}}}), fetched_at=utc_now())
    yield s
    s.close()


@pytest.mark.parametrize("asks", ["offline", "unreachable"])
def test_a_saved_copy_without_a_status_is_null_with_its_reason(store, studies, asks):
    good = studies[0]
    store.put(OfficialRecord(good), fetched_at=utc_now())
    client = None if asks == "offline" else fast_client("http://127.0.0.1:9/api/v2", retries=0)
    app = registry_service(store, client)
    body = app.test_client().get(f"/api/v1/status?ids={BARE},{nct_of(good)}").get_json()
    assert body["statuses"][BARE] is None
    assert body["missing"] == {BARE: "no_status"}
    assert body["statuses"][nct_of(good)]["status"] == good["protocolSection"]["statusModule"]["overallStatus"]
    # the API's own description of /status lists the reason
    with app.app_context():
        missing = spec()["components"]["schemas"]["Statuses"]["properties"]["missing"]
    assert "no_status" in missing["additionalProperties"]["enum"] and "no_status" in missing["description"]
