"""Two faults a person must tell apart, which were said in the same words: a saved copy of one trial that is no usable
study (one an older TrialLens let in: "TrialLens's saved copy of NCT… cannot be read") and the local store itself
failing (store-unavailable, whose /status description read "TrialLens's saved copy of it cannot be read"). The first
waits on ClinicalTrials.gov; the second is the operator's to mend. Now the saved copy "is not usable" and its problem
says so in a member of its own (saved_copy: "unusable"); the store's problem is titled "Local store failed" and its
detail and HTML page say the store failed, not a trial's record."""

from __future__ import annotations

import pytest
from fake_ctgov import nct_of, sample_studies
from service_support import registry_service
from test_ops9_requests import damaged
from test_svc12_unreadable_copy import junk_of

from scrapers.official import OfficialRecord
from scrapers.registry import Store
from scrapers.registry.store import utc_now
from server.openapi import spec as openapi_spec


@pytest.fixture
def both(tmp_path):
    """An offline service over a store holding (a trial whose copy is no usable study, one whose row is damaged)."""
    unusable, broken = sample_studies(2)
    store = Store(tmp_path / "t.sqlite3")
    store.put(OfficialRecord(junk_of(unusable, "age")), fetched_at=utc_now())
    store.put(OfficialRecord(broken), fetched_at=utc_now())
    damaged(store, nct_of(broken))
    yield registry_service(store, None).test_client(), nct_of(unusable), nct_of(broken)
    store.close()


def test_the_two_problems_say_which_fault_it_is(both):
    c, unusable, broken = both
    copy, store = (c.get(f"/api/v1/trials/{n}") for n in (unusable, broken))
    assert copy.status_code == store.status_code == 503
    copy, store = copy.get_json(), store.get_json()
    assert copy["saved_copy"] == "unusable" and "saved_copy" not in store
    assert copy["type"] != store["type"] and copy["title"] != store["title"]
    assert f"saved copy of {unusable} is not usable" in copy["detail"] and "failed" not in copy["detail"]
    assert store["title"] == "Local store failed" and "local store" in store["detail"] and "failed" in store["detail"]
    for words in ("cannot be read", "saved copy"):
        assert words not in store["detail"] and "cannot be read" not in copy["detail"]


def test_the_html_pages_say_which_fault_it_is(both):
    c, unusable, broken = both
    copy, store = (c.get(f"/trials/{n}").get_data(as_text=True) for n in (unusable, broken))
    assert f"saved copy of {unusable} is not usable" in copy and "store of saved records failed" not in copy
    assert "store of saved records failed" in store and "not in this trial" in store and "not usable" not in store


def test_status_says_the_copy_in_notes_and_the_store_in_missing(both):
    c, unusable, broken = both
    body = c.get(f"/api/v1/status?ids={unusable},{broken}").get_json()
    assert body["missing"] == {unusable: "not_checked", broken: "store_unavailable"}
    assert "is not usable" in body["notes"][unusable] and broken not in body.get("notes", {})


def test_the_openapi_text_tells_them_apart():
    spec = openapi_spec()
    problem = spec["components"]["schemas"]["Problem"]["properties"]
    assert problem["saved_copy"]["enum"] == ["unusable"]
    missing = spec["components"]["schemas"]["Statuses"]["properties"]["missing"]["description"]
    said = missing.split("store_unavailable (", 1)[1]
    assert said.startswith("TrialLens's local store failed") and "cannot be read" not in said.split(")")[0]
