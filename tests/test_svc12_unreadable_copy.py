"""A stored copy that is no usable API v2 study (one an older TrialLens let into the store: a minimumAge of 18 as a
number, no overallStatus; scrapers/registry/usable.py) is never served as the official record. While ClinicalTrials.gov
cannot be asked (offline, unreachable, this client's lookup budget spent) it was served as the saved copy: a page
checked against it read "Matches TrialLens's saved copy" with its ages never compared. Now every route answers as with
nothing stored ("could not check", a 503, not_checked), saying the saved copy cannot be read; the row stays in the
store, and ClinicalTrials.gov's answer replaces it when it can be asked."""

from __future__ import annotations

import copy
import json

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import page_url, registry_service, trial_page

from scrapers.official import OfficialRecord
from scrapers.registry import Registry, Store
from scrapers.registry.store import utc_now
from scrapers.registry.usable import unusable
from server.cli import main

OLD = "2025-01-02T03:04:05Z"
ROOMY = (10.0, 30.0)   # (the fake registry answers; a suite run beside others may be slow to)
UNREADABLE = "is not usable"   # (svc13: not "cannot be read", which the store failing said too)


def junk_of(study: dict, kind: str) -> dict:
    """`study` spoiled as an older TrialLens let it in: its minimumAge the number 18, or no overallStatus."""
    data = copy.deepcopy(study)
    ps = data["protocolSection"]
    if kind == "age":
        ps.setdefault("eligibilityModule", {})["minimumAge"] = 18
    else:
        del ps["statusModule"]["overallStatus"]
    assert unusable(data)
    return data


@pytest.fixture(params=["age", "status"])
def junk(request, store, studies):
    """(the trial's id, the page's status word): a junk copy of it stored, dated now, as Store.put takes anything."""
    store.put(OfficialRecord(junk_of(studies[0], request.param)), fetched_at=utc_now())
    return nct_of(studies[0]), studies[0]["protocolSection"]["statusModule"]["overallStatus"]


@pytest.fixture(params=["offline", "unreachable"])
def app(request, store):
    client = None if request.param == "offline" else fast_client("http://127.0.0.1:9/api/v2", retries=0)
    return registry_service(store, client)


def _could_not_check(drift: dict) -> None:
    assert drift["verdict"] == "could_not_check" and drift["state"] == "official_unavailable"
    assert drift["reason"] in ("not_asked", "official_unavailable")
    assert UNREADABLE in drift["note"] and "no saved copy" not in drift["note"] and "no copy" not in drift["note"]


def test_annotate_could_not_check(app, junk):
    nct, status = junk
    body = app.test_client().post("/api/v1/annotate", json={"url": page_url(nct),
                                                            "html": trial_page(nct, status.title())}).get_json()
    assert body["official"] is None and body["criteria"] is None
    _could_not_check(body["drift"])


@pytest.mark.parametrize("path", ["", "/criteria", "/related"])
def test_the_trial_and_its_parts_are_a_503_saying_the_copy_cannot_be_read(app, junk, path):
    nct, _ = junk
    resp = app.test_client().get(f"/api/v1/trials/{nct}{path}")
    assert resp.status_code == 503
    body = resp.get_json()
    assert body["type"].endswith(("not-in-local-store", "registry-unavailable")) and UNREADABLE in body["detail"]


def test_the_drift_endpoints_could_not_check(app, junk):
    nct, status = junk
    c = app.test_client()
    one = c.get(f"/api/v1/trials/{nct}/drift?status={status}").get_json()
    assert one["official"] is None
    _could_not_check(one["drift"])
    item = c.post("/api/v1/drift", json={"items": [{"nct_id": nct, "status": status}]}).get_json()["results"][0]
    assert item["official"] is None
    _could_not_check(item["drift"])


def test_status_is_null_not_checked_with_why(app, junk, store, studies):
    nct, _ = junk
    good = studies[1]
    store.put(OfficialRecord(good), fetched_at=utc_now())
    body = app.test_client().get(f"/api/v1/status?ids={nct},{nct_of(good)}").get_json()
    assert body["statuses"][nct] is None
    has_status = bool(store.get(nct).status)
    assert body["missing"] == {nct: "not_checked" if has_status else "no_status"}
    assert UNREADABLE in body["notes"][nct] and "retry_after" not in body
    assert body["statuses"][nct_of(good)]["status"]   # (the others answered as before)


def test_the_html_page_says_the_copy_cannot_be_read(app, junk):
    nct, _ = junk
    resp = app.test_client().get(f"/trials/{nct}")
    text = resp.get_data(as_text=True)
    assert resp.status_code == 503 and f"saved copy of {nct} is not usable" in text and "no saved copy" not in text


def test_the_row_is_kept_and_a_registry_answer_replaces_it(store, junk, studies, fake_ctgov):
    nct, _ = junk
    registry_service(store, None).test_client().get(f"/api/v1/trials/{nct}")
    assert unusable(store.get_stored(nct).record.data)   # (offline: nothing lost)
    body = registry_service(store, fast_client(fake_ctgov.base_url, retries=0, timeout=ROOMY)).test_client().get(
        f"/api/v1/trials/{nct}").get_json()
    assert body["source"] == "registry" and body["stale"] is False
    assert unusable(store.get_stored(nct).record.data) is None


def test_a_usable_answer_replaces_junk_that_claims_a_later_update(store, studies, fake_ctgov):
    """The junk's last update posted is after ClinicalTrials.gov's answer's: the answer is not "older" than it (it
    went to history and the junk stayed, asked about again at every lookup)."""
    data = junk_of(studies[0], "age")
    data["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2030-01-01", "type": "ACTUAL"}
    store.put(OfficialRecord(data), fetched_at=OLD)
    nct = nct_of(studies[0])
    found = Registry(store, fast_client(fake_ctgov.base_url, retries=0, timeout=ROOMY)).lookup(nct)
    assert unusable(found.record.data) is None and unusable(store.get_stored(nct).record.data) is None
    assert any(h["last_update_posted"] == "2030-01-01" for h in store.history(nct))   # (kept, in history)


def test_over_the_budget_a_single_lookup_is_refused_as_with_none_stored(store, studies, fake_ctgov):
    store.put(OfficialRecord(junk_of(studies[0], "age")), fetched_at=OLD)
    c = registry_service(store, fast_client(fake_ctgov.base_url, retries=0, timeout=ROOMY),
                         TRIALLENS_LOOKUP_BUDGET="1 per hour").test_client()
    assert c.get(f"/api/v1/trials/{nct_of(studies[1])}").status_code == 200   # (the budget spent)
    resp = c.get(f"/api/v1/trials/{nct_of(studies[0])}")
    assert resp.status_code == 429 and resp.get_json()["type"].endswith("lookup-budget-used")
    assert UNREADABLE in resp.get_json()["detail"] and int(resp.headers["Retry-After"]) >= 1
    item = c.post("/api/v1/drift", json={"items": [{"nct_id": nct_of(studies[0]), "status": "Recruiting"}]})
    assert "In sync" not in json.dumps(item.get_json()) and "Matches" not in json.dumps(item.get_json())


def test_cli_check_offline_is_an_error_saying_so(tmp_path, studies, capsys, monkeypatch):
    db = tmp_path / "s.sqlite3"
    with Store(db) as s:
        s.put(OfficialRecord(junk_of(studies[0], "age")), fetched_at=utc_now())
    nct = nct_of(studies[0])
    page = tmp_path / "page.html"
    page.write_text(trial_page(nct, "Recruiting"), encoding="utf-8")
    monkeypatch.setenv("TRIALLENS_DB", str(db))
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DEMO_DIR", str(tmp_path / "none"))
    assert main(["check", str(page), "--url", page_url(nct), "--json"]) == 2
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert doc["official"] is None and doc["drift"]["verdict"] == "could_not_check"
    assert UNREADABLE in doc["drift"]["note"] and UNREADABLE in err
