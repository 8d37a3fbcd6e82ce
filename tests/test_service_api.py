"""Every /api/v1 endpoint and every error through the Flask test client."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import html
import json
from datetime import timedelta

import pytest
from service_support import (MEDDATAX_HTML, MEDDATAX_URL, TODAY, FakeRegistry, page_url, providers, record,
                             shipped_offline_client, standard_registry, trial_page)

from server import create_app
from server.drift import TIME_FIELDS, TIME_KINDS

PROBLEM = "application/problem+json"


@pytest.fixture
def registry():
    return standard_registry()


@pytest.fixture
def app(registry):
    return create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"}, providers=providers(registry))


@pytest.fixture
def client(app):
    return app.test_client()


def assert_problem(resp, status: int, words: str = ""):
    assert resp.status_code == status, resp.data[:500]
    assert resp.mimetype == PROBLEM
    body = resp.get_json(force=True)
    assert body["status"] == status
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["type"].startswith("urn:triallens:problem:")
    assert words.lower() in body["detail"].lower(), body
    return body


# annotate -----------------------------------------------------------------------------

def test_annotate_meddatax_seed_page(client):
    resp = client.post("/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML})
    assert resp.status_code == 200
    ann = resp.get_json()
    assert set(ann) >= {"nct_id", "page", "official", "drift", "criteria", "related", "generated_at"}
    assert ann["nct_id"] == "NCT07232563"
    assert ann["page"]["site"] == "meddatax.com" and ann["page"]["status"] == "NOT_YET_RECRUITING"
    off = ann["official"]
    assert off["status"] == "NOT_YET_RECRUITING" and off["status_text"] == "not yet recruiting"
    assert off["last_update_posted"] == "2025-11-18" and off["status_verified"] == "2025-11"
    assert off["url"] == "https://clinicaltrials.gov/study/NCT07232563" and off["stale"] is False
    assert off["fetched_at"] == "2026-01-10T08:00:00Z"
    # the page matches the record; the record itself is overdue (start 2025-12-01 passed on 2026-01-10):
    # shown, but it does not make the page out of date
    assert ann["drift"]["state"] == "in_sync" and ann["drift"]["verdict"] == "in_sync"
    # the headline says what the overdue record means for the reader, not "in sync" (not a green tick)
    assert ann["drift"]["headline"] == "This trial may have opened: ask the study team"
    assert ann["drift"]["caveat"] == "record_overdue"
    kinds = {(f["kind"], f["about"]) for f in ann["drift"]["findings"]}
    assert ("registry_overdue", "registry") in kinds
    assert ann["criteria"] is None and ann["related"] is None   # no explain/related providers injected
    assert ann["generated_at"].endswith("Z")


def test_annotate_page_open_but_trial_closed_is_not_recruiting(client):
    resp = client.post("/api/v1/annotate", json={"url": page_url("NCT00000002"),
                                                 "html": trial_page("NCT00000002", "Recruiting", "2025-06-01")})
    ann = resp.get_json()
    assert resp.status_code == 200
    assert ann["drift"]["state"] == "drifted" and ann["drift"]["verdict"] == "not_recruiting"
    assert ann["drift"]["headline"] == "ClinicalTrials.gov says this trial has been completed"
    drift = [f for f in ann["drift"]["findings"] if f["kind"] == "status_drift"]
    assert drift and drift[0]["severity"] == "critical" and drift[0]["official_value"] == "COMPLETED"


def test_annotate_stale_page_is_out_of_date(client):
    html = trial_page("NCT00000003", "Recruiting", "2025-01-15")  # status right, page older than the record
    ann = client.post("/api/v1/annotate", json={"url": page_url("NCT00000003"), "html": html}).get_json()
    assert ann["drift"]["verdict"] == "out_of_date" and ann["drift"]["state"] == "drifted"
    assert [f["kind"] for f in ann["drift"]["findings"] if f["about"] == "page"] == ["page_stale"]


def test_annotate_unrecognised_wording_could_not_check(client):
    html = trial_page("NCT00000001", "Waitlist Available")
    ann = client.post("/api/v1/annotate", json={"url": page_url("NCT00000001"), "html": html}).get_json()
    assert ann["drift"]["state"] == "cannot_compare" and ann["drift"]["verdict"] == "could_not_check"
    assert ann["drift"]["headline"] == "Could not check this page's status"


def test_annotate_registry_down_gives_could_not_check(client):
    ann_resp = client.post("/api/v1/annotate", json={"url": page_url("NCT09999999"),
                                                     "html": trial_page("NCT09999999")})
    assert ann_resp.status_code == 200
    ann = ann_resp.get_json()
    assert ann["official"] is None
    assert ann["drift"] == {"state": "official_unavailable", "verdict": "could_not_check",
                            "headline": "Could not check this page", "findings": [], "reason": "official_unavailable",
                            "note": "TrialLens could not get this trial's record from ClinicalTrials.gov and has no "
                                    "saved copy, so it compared nothing on this page.", "note_says_why": False}
    assert ann["page"]["status"] == "RECRUITING"


def test_annotate_unknown_trial_404(client):
    resp = client.post("/api/v1/annotate", json={"url": page_url("NCT01234567"), "html": trial_page("NCT01234567")})
    assert_problem(resp, 404, "NCT01234567")
    assert resp.get_json()["nct_id"] == "NCT01234567"  # the extension's card quotes it


def test_annotate_without_url_uses_page(client):
    ann = client.post("/api/v1/annotate", json={"html": MEDDATAX_HTML}).get_json()
    assert ann["nct_id"] == "NCT07232563"


@pytest.mark.parametrize("body,status,words", [
    (b"{not json", 400, "not valid JSON"),
    (b"", 400, "empty"),
    (b"[1, 2]", 400, "JSON object"),
    (b'"just a string"', 400, "JSON object"),
    (json.dumps({"url": "https://x.org/"}).encode(), 400, '"html" is required'),
    (json.dumps({"html": 12}).encode(), 400, "must be a string"),
    (json.dumps({"html": "<p>x</p>", "url": ["a"]}).encode(), 400, "must be a string"),
    (json.dumps({"html": "<html><body><h1>Welcome</h1></body></html>"}).encode(), 422, "no ClinicalTrials.gov NCT id"),
    (json.dumps({"html": "just words"}).encode(), 422, "not HTML"),
    (json.dumps({"html": ""}).encode(), 422, "empty"),
    (json.dumps({"html": "\u0000\u0001\u0002<p>"}).encode(), 422, "binary"),
    (b"\xff\xfe\x00garbage", 400, "not valid JSON"),
    (b"[" * 100_000 + b"]" * 100_000, 400, "nests"),          # past Python's recursion limit: once a 500
    (json.dumps({"html": "<div>" * 300 + "NCT07232563" + "</div>" * 300}).encode(), 422, "nested more than 255"),
    (json.dumps({"html": '<html><head><script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000
                 + "</script></head><body><h1>NCT07232563</h1></body></html>"}).encode(), 200, None),  # JSON-LD skipped
])
def test_annotate_bad_input(client, body, status, words):
    resp = client.post("/api/v1/annotate", data=body, content_type="application/json")
    if status == 200:
        assert resp.status_code == 200 and resp.get_json()["nct_id"] == "NCT07232563"
        return
    assert_problem(resp, status, words)


def test_annotate_accepts_json_without_content_type(client):
    resp = client.post("/api/v1/annotate", data=json.dumps({"html": MEDDATAX_HTML}), content_type="text/plain")
    assert resp.status_code == 200


def test_body_over_limit_413(registry):
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_MAX_BODY": "2000"}, providers=providers(registry))
    resp = app.test_client().post("/api/v1/annotate", json={"html": "<p>" + "x" * 3000 + "</p>"})
    assert_problem(resp, 413, "2,000 bytes")


def test_default_body_limit_is_10_mb(app):
    assert app.config["MAX_CONTENT_LENGTH"] == 10 * 1024 * 1024


def test_wrong_method_is_problem(client):
    resp = client.get("/api/v1/annotate")
    assert_problem(resp, 405)
    assert "POST" in resp.headers["Allow"]


def test_unknown_path_is_problem(client):
    assert_problem(client.get("/api/v1/nothing-here"), 404)


# trials -------------------------------------------------------------------------------

def test_trial_summary(client):
    resp = client.get("/api/v1/trials/nct07232563")  # loose form accepted
    body = resp.get_json()
    assert resp.status_code == 200
    assert body["nct_id"] == "NCT07232563" and body["status"] == "NOT_YET_RECRUITING"
    assert body["phases"] == ["PHASE1"] and body["enrollment"] == 9 and body["sponsor"] == "Zhujiang Hospital"
    assert body["start"] == {"date": "2025-12-01", "type": "ESTIMATED"}
    assert body["min_age"]["value"] == 18 and body["history"] == []


@pytest.mark.parametrize("path", ["/api/v1/trials/{}", "/api/v1/trials/{}/criteria", "/api/v1/trials/{}/related",
                                  "/api/v1/trials/{}/drift"])
def test_trial_errors(client, path):
    assert_problem(client.get(path.format("NCT1234")), 400, "NCT followed by 8 digits")
    assert_problem(client.get(path.format("NCT01234567")), 404, "NCT01234567")


@pytest.mark.parametrize("path", ["/api/v1/trials/{}", "/api/v1/trials/{}/criteria", "/api/v1/trials/{}/related"])
def test_registry_unreachable_nothing_stored_503(client, path):
    assert_problem(client.get(path.format("NCT09999999")), 503, "could not be reached")


def test_criteria_and_related_not_installed_501(client):
    assert_problem(client.get("/api/v1/trials/NCT07232563/criteria"), 501, "not available")
    assert_problem(client.get("/api/v1/trials/NCT07232563/related"), 501, "not available")


class FakePlain:
    """Contract-shaped PlainCriteria stand-in, recording which record it explained."""

    def __init__(self, nct_id: str) -> None:
        self.nct_id = nct_id

    def to_dict(self) -> dict:
        item = {"original": "Age >= 18 years", "shown": "You are 18 or older", "rewritten": True,
                "glossary": [], "children": [], "exceptions": False, "worded_as_requirement": False}
        return {"headings": {"inclusion": "You may be able to join if…", "exclusion": "You cannot join if…"},
                "at_a_glance": {"age": "18 to 70 years", "min_age": None, "max_age": None, "sex": "ALL",
                                "healthy_volunteers": False, "pregnancy_excluded": True,
                                "breastfeeding_excluded": True, "thresholds": []},
                "inclusion": [item], "exclusion": [], "unplaced": [], "for": self.nct_id}


def test_criteria_and_related_wired_from_providers(registry):
    asked = []

    def related(rec, k, statuses):
        asked.append((rec.nct_id, k, statuses))
        return [{"nct_id": "NCT00000001", "title": "Another", "status": "RECRUITING", "phases": ["PHASE2"],
                 "score": 0.9, "why": "Same condition: Ischemic Stroke", "url": "https://clinicaltrials.gov/study/NCT00000001"}]

    app = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                     providers=providers(registry, explain=lambda rec: FakePlain(rec.nct_id), related=related))
    c = app.test_client()
    crit = c.get("/api/v1/trials/NCT07232563/criteria").get_json()
    assert crit["nct_id"] == "NCT07232563" and crit["for"] == "NCT07232563"
    assert crit["inclusion"][0]["shown"] == "You are 18 or older"
    rel = c.get("/api/v1/trials/NCT07232563/related?k=3&status=recruiting,completed").get_json()
    assert rel["related"][0]["why"].startswith("Same condition")
    assert asked[-1] == ("NCT07232563", 3, ["RECRUITING", "COMPLETED"])
    ann = c.post("/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML}).get_json()
    assert ann["criteria"]["for"] == "NCT07232563" and ann["related"][0]["nct_id"] == "NCT00000001"
    assert asked[-1] == ("NCT07232563", 5, None)


def test_broken_optional_part_is_left_out_not_500(registry, caplog):
    def explain(rec):
        raise RuntimeError("explain bug")

    app = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(registry, explain=explain))
    resp = app.test_client().post("/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML})
    assert resp.status_code == 200 and resp.get_json()["criteria"] is None
    assert "criteria failed" in caplog.text
    # called directly, the same bug is a true 500, as problem+json without internals
    resp = app.test_client().get("/api/v1/trials/NCT07232563/criteria")
    body = assert_problem(resp, 500)
    assert "explain bug" not in json.dumps(body)


@pytest.mark.parametrize("query,words", [("k=0", "k must"), ("k=51", "k must"), ("k=abc", "k must"),
                                         ("status=OPENISH", "not a ClinicalTrials.gov status")])
def test_related_bad_parameters(client, query, words):
    assert_problem(client.get(f"/api/v1/trials/NCT07232563/related?{query}"), 400, words)


# drift --------------------------------------------------------------------------------

def test_drift_get(client):
    body = client.get("/api/v1/trials/NCT00000002/drift?status=Recruiting&as_of=2025-06-01&site=x.org").get_json()
    assert body["nct_id"] == "NCT00000002" and body["page"]["site"] == "x.org"
    assert body["drift"]["verdict"] == "not_recruiting"
    body = client.get("/api/v1/trials/NCT00000002/drift?status=Completed").get_json()
    assert body["drift"]["verdict"] == "in_sync"
    body = client.get("/api/v1/trials/NCT00000002/drift").get_json()   # nothing claimed: nothing checked
    assert body["drift"]["verdict"] == "could_not_check" and body["drift"]["reason"] == "nothing_to_compare"
    body = client.get("/api/v1/trials/NCT09999999/drift?status=Recruiting").get_json()
    assert body["official"] is None and body["drift"]["state"] == "official_unavailable"


def test_drift_get_bad_date(client):
    assert_problem(client.get("/api/v1/trials/NCT00000002/drift?as_of=yesterday-ish"), 400, "as_of")
    # a page cannot be current as of a date still to come (the service's today is TODAY; a day of slack)
    assert_problem(client.get(f"/api/v1/trials/NCT00000002/drift?as_of={TODAY + timedelta(days=2)}"), 400, "after today")
    assert_problem(client.get(f"/api/v1/trials/NCT00000002/drift?as_of={TODAY.year + 1}"), 400, "after today")
    assert client.get(f"/api/v1/trials/NCT00000002/drift?as_of={TODAY + timedelta(days=1)}").status_code == 200
    assert client.get(f"/api/v1/trials/NCT00000002/drift?as_of={TODAY:%Y-%m}").status_code == 200
    # a bare year is a date, as the API description says (it was refused as "cannot read")
    assert client.get("/api/v1/trials/NCT00000002/drift?as_of=2025").get_json()["page"]["as_of"] == "2025"


def test_drift_batch(client):
    items = [{"nct_id": "NCT00000002", "status": "Recruiting"}, {"nct_id": "NCT00000001", "status": "Recruiting"},
             {"nct_id": "NCT01234567"}, {"nct_id": "bogus"}, {"nct_id": "NCT00000003", "as_of": "not a date"}]
    resp = client.post("/api/v1/drift", json={"items": items})
    assert resp.status_code == 200
    res = resp.get_json()["results"]
    assert [r.get("drift", {}).get("verdict") for r in res[:2]] == ["not_recruiting", "in_sync"]
    assert res[2]["error"]["status"] == 404 and res[3]["error"]["status"] == 400 and res[4]["error"]["status"] == 400


@pytest.mark.parametrize("body,words", [
    ({"items": [{"nct_id": "NCT00000001"}] * 101}, "at most 100"),
    ({"items": "NCT00000001"}, "expected"),
    ([{"nct_id": "NCT00000001"}], "expected"),
    ({"items": {"nct_id": "NCT00000001"}}, "expected"),
    ("{not json", "not valid JSON"),
])
def test_drift_batch_bad_input(client, body, words):
    """Only a body malformed as a whole is a 400; a bad item is its own error (test_service_round10.py)."""
    data = body if isinstance(body, str) else json.dumps(body)
    assert_problem(client.post("/api/v1/drift", data=data, content_type="application/json"), 400, words)


# status, sites, health, spec ----------------------------------------------------------

def test_status_batch(client, registry):
    resp = client.get("/api/v1/status?ids=NCT00000002, nct00000001,NCT01234567,NCT09999999,NCT00000002")
    st = resp.get_json()["statuses"]
    assert list(st) == ["NCT00000002", "NCT00000001", "NCT01234567", "NCT09999999"]
    fetched = st["NCT00000002"].pop("fetched_at")   # (when the copy was current: a stale badge says from when)
    assert st["NCT00000002"].pop("overdue") is None   # (completed: nothing overdue)
    assert st["NCT00000002"].pop("unconfirmed_since") is None   # (completed: its confirmation no longer matters)
    assert fetched.startswith("20") and "T" in fetched
    assert st["NCT00000002"] == {"status": "COMPLETED", "status_text": "completed",
                                 "last_update_posted": "2025-06-01", "stale": False, "stale_reason": None,
                                 "note": None, "reconstructed": False}
    assert st["NCT01234567"] is None and st["NCT09999999"] is None
    # the registry's "no such study" is told apart from "could not ask": never badge a trial as missing
    assert resp.get_json()["missing"] == {"NCT01234567": "not_found", "NCT09999999": "not_checked"}


@pytest.mark.parametrize("query,status,words", [("", 400, "ids"), ("ids=", 400, "ids"), ("ids=NCT1", 400, "NCT"),
                                                ("ids=" + ",".join(f"NCT{i:08d}" for i in range(101)), 400, "at most 100")])
def test_status_bad_input(client, query, status, words):
    assert_problem(client.get(f"/api/v1/status?{query}"), status, words)


def test_sites(client):
    from scrapers.sites import supported_hosts

    hosts = client.get("/api/v1/sites").get_json()["hosts"]
    assert "clinicaltrials.gov" in hosts and set(supported_hosts()) <= set(hosts) and "meddatax.com" in hosts


def test_healthz_and_openapi(client):
    # which ClinicalTrials.gov the service asks (it said the class name, "Registry"); none offline
    assert client.get("/healthz").get_json() == {"status": "ok", "offline": True, "registry": None}
    online = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "0",
                         "TRIALLENS_CTGOV_URL": "http://127.0.0.1:9/api/v2"},
                        providers=providers(standard_registry()))
    assert online.test_client().get("/healthz").get_json()["registry"] == "http://127.0.0.1:9/api/v2"
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    expected = {"/api/v1/annotate", "/api/v1/trials/{nct_id}", "/api/v1/trials/{nct_id}/criteria",
                "/api/v1/trials/{nct_id}/related", "/api/v1/trials/{nct_id}/drift", "/api/v1/drift",
                "/api/v1/status", "/api/v1/sites", "/healthz", "/openapi.json", "/trials/{nct_id}", "/"}
    assert set(spec["paths"]) == expected


def test_every_route_is_described(app):
    """A route added without a description in openapi.py fails here."""
    spec = app.test_client().get("/openapi.json").get_json()
    documented = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("static",) or rule.rule in ("/lookup", "/check"):
            continue  # form targets of the HTML page
        path = rule.rule.replace("<nct_id>", "{nct_id}")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method) in documented, (path, method)


# CORS, keys, rate limit ----------------------------------------------------------------

CHROME = "chrome-extension://" + "a" * 32
FIREFOX = "moz-extension://0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"


def test_cors_extension_origins_allowed(client):
    for origin in (CHROME, FIREFOX):
        resp = client.get("/api/v1/sites", headers={"Origin": origin})
        assert resp.headers.get("Access-Control-Allow-Origin") == origin
    pre = client.options("/api/v1/annotate", headers={"Origin": CHROME, "Access-Control-Request-Method": "POST",
                                                      "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200 and pre.headers.get("Access-Control-Allow-Origin") == CHROME
    assert "POST" in pre.headers.get("Access-Control-Allow-Methods", "")


@pytest.mark.parametrize("origin", ["https://evil.example", "chrome-extension://notanid", "http://localhost:3000",
                                    "https://meddatax.com",
                                    # 36 of the UUID's characters, not its shape (review r19 #11)
                                    "moz-extension://" + "-" * 36, "moz-extension://" + "0" * 36,
                                    "moz-extension://0f1e2d3c4b5a-6978-8a9b-0c1d-2e3f4a5b"])
def test_cors_other_origins_refused(client, origin):
    resp = client.get("/api/v1/sites", headers={"Origin": origin})
    assert "Access-Control-Allow-Origin" not in resp.headers


def test_cors_configured_origin(registry):
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_CORS_ORIGINS": "https://dashboard.example.org/"},
                     providers=providers(registry))
    resp = app.test_client().get("/api/v1/sites", headers={"Origin": "https://dashboard.example.org"})
    assert resp.headers.get("Access-Control-Allow-Origin") == "https://dashboard.example.org"


def test_api_keys(registry):
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_API_KEYS": "k1, k2"}, providers=providers(registry))
    c = app.test_client()
    assert_problem(c.get("/api/v1/sites"), 401, "X-API-Key")
    assert_problem(c.get("/api/v1/sites", headers={"X-API-Key": "nope"}), 401)
    assert c.get("/api/v1/sites", headers={"X-API-Key": "k2"}).status_code == 200
    assert c.get("/healthz").status_code == 200 and c.get("/openapi.json").status_code == 200


def test_rate_limit_per_client(registry):
    app = create_app({"TRIALLENS_RATE_LIMIT": "3 per minute"}, providers=providers(registry))
    c = app.test_client()
    a = {"REMOTE_ADDR": "10.0.0.1"}
    answered = [c.get("/api/v1/sites", environ_base=a) for _ in range(3)]
    assert [r.status_code for r in answered] == [200, 200, 200]
    # the budget is told on every answer, but Retry-After only on a refusal (on a 200 it read as a throttling hint)
    assert [r.headers.get("X-RateLimit-Remaining") for r in answered] == ["2", "1", "0"]
    assert [r.headers.get("Retry-After") for r in answered] == [None, None, None]
    body = assert_problem(c.get("/api/v1/sites", environ_base=a), 429, "too many requests")
    assert body["title"]
    limited = c.get("/api/v1/sites", environ_base=a)
    assert limited.headers.get("Retry-After")
    # one budget across the API's endpoints, not one per endpoint
    assert c.get("/api/v1/status?ids=NCT07232563", environ_base=a).status_code == 429
    # another client is not affected; nor is the health check
    assert c.get("/api/v1/sites", environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code == 200
    assert c.get("/healthz", environ_base=a).status_code == 200
    # the HTML pages have the same limit, counted apart, and say so on the page
    b = {"REMOTE_ADDR": "10.0.0.3"}
    assert [c.get("/", environ_base=b).status_code for _ in range(3)] == [200, 200, 200]
    page = c.get("/trials/NCT07232563", environ_base=b)
    assert page.status_code == 429 and page.mimetype == "text/html" and page.headers.get("Retry-After")
    assert "too many requests" in page.get_data(as_text=True)
    assert c.get("/api/v1/sites", environ_base=b).status_code == 200


class _SharedCounters:
    """A rate-limit store two apps in one process share, as gunicorn workers share a redis:
    registered with `limits` under the scheme tl-shared:// by subclassing its memory store."""

    from limits.storage import MemoryStorage

    class Storage(MemoryStorage):
        STORAGE_SCHEME = ["tl-shared"]
        state: tuple | None = None

        def __init__(self, uri=None, **options):
            super().__init__(uri, **options)
            cls = type(self)
            if cls.state is None:
                cls.state = (self.storage, self.expirations, self.events, self.locks)
            self.storage, self.expirations, self.events, self.locks = cls.state


@pytest.mark.parametrize("storage,allowed", [("memory://", 6), ("tl-shared://", 3)])
def test_rate_limit_across_workers_shares_counters_only_with_a_shared_store(registry, storage, allowed):
    """Two apps stand for two workers; a client's requests alternate between them."""
    _SharedCounters.Storage.state = None
    conf = {"TRIALLENS_RATE_LIMIT": "3 per minute", "TRIALLENS_RATE_LIMIT_STORAGE": storage}
    workers = [create_app(conf, providers=providers(registry)).test_client() for _ in range(2)]
    a = {"REMOTE_ADDR": "10.0.0.9"}
    codes = [workers[i % 2].get("/api/v1/sites", environ_base=a).status_code for i in range(8)]
    assert codes.count(200) == allowed and set(codes[allowed:]) == {429}


@pytest.mark.parametrize("name,value", [("TRIALLENS_MAX_BODY", "ten"), ("TRIALLENS_MAX_BODY", "-5"),
                                        ("TRIALLENS_RATE_LIMIT", "lots"), ("TRIALLENS_CACHE_SIZE", "0"),
                                        ("TRIALLENS_RATE_LIMIT_STORAGE", "carrier-pigeon://loft"),
                                        ("TRIALLENS_CTGOV_URL", "garbage"), ("TRIALLENS_CTGOV_URL", "ftp://x/api")])
def test_config_errors_are_clear(name, value):
    with pytest.raises(ValueError, match=name):
        create_app({name: value}, providers=providers(FakeRegistry()))


def test_serve_with_bad_setting_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "TRIALLENS_DB": str(tmp_path / "s.db"), "TRIALLENS_MAX_BODY": "lots"}
    out = subprocess.run([sys.executable, "-m", "server.cli", "serve", "--port", "1"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "TRIALLENS_MAX_BODY" in out.stderr and "Traceback" not in out.stderr


def test_offline_default_app_serves_bundled_record(tmp_path):
    """No injected providers: the app's own registry (store seeded from the bundled records)."""
    app = create_app({"TRIALLENS_DB": str(tmp_path / "store.db"), "TRIALLENS_OFFLINE": "1",
                      "TRIALLENS_RATE_LIMIT": "off"})
    c = app.test_client()
    assert c.get("/api/v1/trials/NCT07232563").get_json()["status"] == "NOT_YET_RECRUITING"
    ann = c.post("/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML}).get_json()
    assert ann["official"]["nct_id"] == "NCT07232563" and ann["drift"]["state"] in ("in_sync", "drifted")
    body = assert_problem(c.get("/api/v1/trials/NCT01234567"), 503, "offline")   # not asked: not "unknown trial"
    assert body["type"] == "urn:triallens:problem:not-in-local-store"
    # related trials come from the store's own index (seeded records), each with its reason
    rel = c.get("/api/v1/trials/NCT07232563/related?status=any").get_json()["related"]
    assert rel and all(r["nct_id"] != "NCT07232563" and r["why"] for r in rel)
    assert ann["related"] and all(r["url"] == f"https://clinicaltrials.gov/study/{r['nct_id']}" and r["why"]
                                  for r in ann["related"])


def test_record_used_is_the_one_for_the_page(client, registry):
    registry.records["NCT00000005"] = record("NCT00000005", "TERMINATED")
    ann = client.post("/api/v1/annotate", json={"url": page_url("NCT00000005"),
                                                 "html": trial_page("NCT00000005", "Terminated")}).get_json()
    assert ann["official"]["status"] == "TERMINATED" and ann["drift"]["verdict"] == "in_sync"


# every saved page, through the app's own (offline, seeded) registry --------------------

def _fixture_pages():
    from conftest import FIXTURES, fixture_url

    return [pytest.param(p, fixture_url(p), id=f"{p.parent.name}/{p.stem}")
            for p in sorted((FIXTURES / "html").glob("*/*.html"))]


@pytest.fixture(scope="module")
def offline_client(tmp_path_factory):
    return shipped_offline_client(tmp_path_factory.mktemp("store"))


@pytest.mark.parametrize("path,url", _fixture_pages())
def test_every_saved_page_annotates(offline_client, path, url):
    from conftest import FIXTURES
    from scrapers.vocab import OPEN_STATUSES

    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    resp = offline_client.post("/api/v1/annotate", json={"url": url, "html": path.read_text(encoding="utf-8")})
    assert resp.status_code == 200, resp.data[:300]
    ann = resp.get_json()
    if not (SAVED_COPIES / f"{expected['nct_id']}.json").exists():
        # no official record bundled and offline: ClinicalTrials.gov was not asked, so the page's
        # claims are shown with "could not check", never "unknown trial"
        assert ann["official"] is None and ann["drift"]["verdict"] == "could_not_check"
        assert ann["page"]["nct_id"] == expected["nct_id"]
        return
    assert ann["nct_id"] == expected["nct_id"] and ann["page"]["status"] == expected["status"]
    drift, off = ann["drift"], ann["official"]
    assert off["nct_id"] == expected["nct_id"] and off["status"]
    page_alarms = [f for f in drift["findings"] if f["about"] == "page" and f["severity"] != "info"
                   and f["kind"] != "cannot_compare"]
    if drift["verdict"] == "in_sync":
        assert not page_alarms
    elif drift["verdict"] == "not_recruiting":
        assert ann["page"]["status"] in OPEN_STATUSES and off["status"] not in OPEN_STATUSES
    elif drift["verdict"] == "out_of_date":
        assert any(f["kind"] in TIME_KINDS or f["field"] in TIME_FIELDS for f in page_alarms)
    elif drift["verdict"] == "differs":
        assert page_alarms and not any(f["kind"] in TIME_KINDS or f["field"] in TIME_FIELDS for f in page_alarms)
    # the note under the headline: an in-sync page copying a record that itself looks overdue, matching a stored
    # copy that could not be refreshed (offline, as here), showing little to compare (no status and no criteria, or
    # few of the record's criteria); why it could not be checked; under the alarms, only that they were found
    # against a saved copy (their findings say the rest)
    registry_alarms = [f for f in drift["findings"] if f["about"] == "registry" and f["severity"] != "info"]
    page = ann["page"]
    little = not (page["status_text"] or page["inclusion"] or page["exclusion"]) or any(
        f["kind"] == "criteria_incomplete" for f in drift["findings"])
    if drift["verdict"] == "in_sync":
        assert ("note" in drift) == (bool(registry_alarms) or off["stale"] or little), drift
    elif drift["verdict"] == "could_not_check":
        assert "note" in drift, drift
    else:
        assert ("note" in drift) == off["stale"], drift
        assert ("saved copy" in drift["note"]) if off["stale"] else True


def test_trial_page_glance_explains_its_terms_and_writes_powers_of_ten(offline_client):
    """The UI review: "Required: Post-stroke ASPECTS score at least 6" and "100×10^9/L" on the quick read."""
    page = html.unescape(offline_client.get("/trials/NCT07232563").get_data(as_text=True))
    glance = page[page.index('id="glance"'):page.index("</dl>", page.index("ASPECTS"))]
    assert "Post-stroke ASPECTS score at least 6 <details class=\"glossary\"><summary aria-label=\"Words explained: ASPECTS\">Words explained</summary>" in glance
    assert "<dt>ASPECTS</dt>" in glance
    assert "<dt>Excluded if</dt><dd>platelet count less than 100×10⁹/L <details" in page


def test_trial_page_in_sync_says_when_the_record_itself_may_be_out_of_date(offline_client):
    """NCT06427642: a page saying "Recruiting" matches the record, but the record says recruiting
    long after the study was due to finish. The green verdict must not read as "all is well"."""
    rec = offline_client.get("/api/v1/trials/NCT06427642").get_json()
    page = offline_client.get("/trials/NCT06427642?status=Recruiting&as_of=2025-06-27").get_data(as_text=True)
    drift = offline_client.get("/api/v1/trials/NCT06427642/drift?status=Recruiting&as_of=2025-06-27").get_json()["drift"]
    assert drift["verdict"] == "in_sync"
    warned = [f for f in drift["findings"] if f["about"] != "page" and f["severity"] in ("critical", "warning")]
    assert warned, rec
    # (offline: what the page matches is a stored copy, which the note says too; a service set to work offline never
    # asked, so not "could not check … just now", which promised that asking again would help)
    assert rec["stale_reason"] == "offline"
    # (what was compared is the claim given, no page having been read; the HTML page's is what the person entered)
    assert drift["note"] == ("This TrialLens service works offline and did not ask ClinicalTrials.gov, so it compared what "
                             "was given with its saved copy of the ClinicalTrials.gov record from 24 May 2024. In that "
                             "copy, the trial's planned end has passed: see below.")
    assert 'id="verdict-note"' in page
    assert drift["note"].replace("what was given", "what you entered") in html.unescape(page)
    # a page that is itself out of date gets its own verdict, not this note
    other = offline_client.get("/trials/NCT06427642?status=Active,%20not%20recruiting&as_of=2024-01-01")
    assert "itself may" not in other.get_data(as_text=True)


def test_a_later_status_than_a_stored_copy_is_not_called_wrong(offline_client):
    """Offline, the stored copy of NCT06427642 (recruiting, fetched 2024-05-24, due to finish in April 2025) cannot be
    refreshed. A page saying "Completed" may well be newer than it: no alarm, "could not check", and
    why. A page saying it was updated before the copy was taken is still checked against it."""
    drift = offline_client.get("/api/v1/trials/NCT06427642/drift?status=Completed").get_json()["drift"]
    assert (drift["verdict"], drift["reason"]) == ("could_not_check", "record_not_current")
    assert drift["headline"] == "What was given may be newer than TrialLens's saved copy"   # (a claim: review r24 (a))
    assert drift["note"].startswith("This TrialLens service works offline and did not ask ClinicalTrials.gov. Where what "
                                    "was given differs")
    note = next(f for f in drift["findings"] if f["kind"] == "unconfirmed")
    assert note["severity"] == "info" and "may be right" in note["message"]
    page = offline_client.get("/trials/NCT06427642?status=Completed").get_data(as_text=True)
    assert 'id="verdict-note"' in page and "What you entered may be newer" in page
    older = offline_client.get("/api/v1/trials/NCT06427642/drift?status=Completed&as_of=2024-01-01").get_json()
    assert older["drift"]["verdict"] == "out_of_date"
    assert any(f["kind"] == "status_drift" for f in older["drift"]["findings"])   # (not only page_stale)


def test_people_get_html_errors_and_programs_get_problem_json(client):
    """A person pasting a page too large, or following a wrong address, sees the page with the error
    (it was a problem+json document); the API and its siblings still answer problem+json."""
    small = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1", "TRIALLENS_MAX_BODY": "2000"},
                       providers=providers(standard_registry())).test_client()
    resp = small.post("/check", data={"html": "<p>" + "x" * 5000 + "</p>", "url": ""})
    assert resp.status_code == 413 and resp.mimetype == "text/html"
    assert "larger than this service&#39;s limit of 2,000 bytes" in resp.get_data(as_text=True)
    assert "default-src 'none'" in resp.headers["Content-Security-Policy"]
    for path in ("/no-such-page", "/trials/NCT07232563/extra"):
        resp = client.get(path)
        assert resp.status_code == 404 and resp.mimetype == "text/html" and 'id="error"' in resp.get_data(as_text=True)
    resp = client.delete("/")
    assert resp.status_code == 405 and resp.mimetype == "text/html" and "GET" in resp.headers["Allow"]
    assert_problem(client.get("/api/v1/no-such-endpoint"), 404)
    assert_problem(small.post("/api/v1/annotate", json={"html": "x" * 5000}), 413, "larger than the limit")


def test_annotate_url_must_be_an_http_address_in_valid_unicode(client):
    """A lone surrogate in "url" was a 500 (the answer could not be encoded); a "javascript:" url was
    taken as the site "javascript". A page's own stray half-character is read around."""
    page = "<p>NCT07232563 Recruiting</p>"
    bad = client.post("/api/v1/annotate", data='{"html": "%s", "url": "https://\\ud800.org/x"}' % page,
                      content_type="application/json")
    assert_problem(bad, 400, "not valid Unicode")
    assert_problem(client.post("/api/v1/annotate", json={"html": page, "url": "javascript:alert(1)"}), 400, "http(s)")
    # a scheme with nothing after it is no address either (the CLI refused it; the API, with its own copy of the rule,
    # took it)
    assert_problem(client.post("/api/v1/annotate", json={"html": page, "url": "https://"}), 400,
                   '"url" must be the page\'s http(s) address (it only chooses the site reader; it is never fetched)')
    ok = client.post("/api/v1/annotate", data='{"html": "<p>NCT07232563 \\ud800 Recruiting</p>"}',
                     content_type="application/json")
    assert ok.status_code == 200 and ok.get_json()["nct_id"] == "NCT07232563"
    assert client.post("/check", data={"html": page, "url": "ftp://x/y"}).status_code == 400


def test_the_html_page_gives_a_fetch_time_as_a_day_and_how_old_it_is():
    from datetime import datetime, timedelta, timezone

    from server.pages import day_ago
    now = datetime.now(timezone.utc)
    assert day_ago((now - timedelta(days=400)).isoformat()).endswith("(13 months ago)")
    assert "ago" not in day_ago(now.isoformat())            # today: the day alone
    assert day_ago("not a time") == "not a time" and day_ago(None) == ""   # never lost, never guessed


def test_a_saved_copy_nothing_dates_is_served_with_no_date_rather_than_when_it_was_stored(tmp_path):
    """The app as shipped, offline: the bundled NCT06495437 has no date in it. The API gives fetched_at null (the spec
    allows it) instead of the minute the store was seeded, and the HTML page says the copy's date is unknown."""
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1",
                      "TRIALLENS_DB": str(tmp_path / "store.sqlite3")})
    c = app.test_client()
    spec = c.get("/openapi.json").get_json()
    detail = c.get("/api/v1/trials/NCT06495437").get_json()
    assert detail["stale"] is True and detail["fetched_at"] is None
    schemas = spec["components"]["schemas"]
    assert "null" in schemas["Official"]["properties"]["fetched_at"]["type"]
    assert "null" in schemas["Statuses"]["properties"]["statuses"]["additionalProperties"]["properties"]["fetched_at"]["type"]
    badge = c.get("/api/v1/status?ids=NCT06495437,NCT07232563").get_json()["statuses"]
    assert badge["NCT06495437"]["fetched_at"] is None and badge["NCT07232563"]["fetched_at"].startswith("2025-11-18")
    text = html.unescape(c.get("/trials/NCT06495437").get_data(as_text=True))
    assert "TrialLens's saved copy of the ClinicalTrials.gov record, from an unknown date" in text


def test_offline_with_no_saved_copy_says_the_service_never_asked(tmp_path):
    """The app as shipped, offline, on a page whose trial it holds no copy of: it never asked ClinicalTrials.gov, so
    not "could not get this trial's record from ClinicalTrials.gov" (service pages' review)."""
    from conftest import FIXTURES

    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1",
                      "TRIALLENS_DB": str(tmp_path / "store.sqlite3")})
    page = (FIXTURES / "html" / "biotechhunter.com" / "nct07058025_table.html").read_text(encoding="utf-8")
    drift = app.test_client().post("/api/v1/annotate", json={"url": "https://biotechhunter.com/x", "html": page}
                                   ).get_json()["drift"]
    # (reason not_asked: asking again cannot help, so the card offers no "Try again"; review round 5)
    assert (drift["verdict"], drift["reason"]) == ("could_not_check", "not_asked")
    assert drift["note"] == ("TrialLens has no copy of this trial's official record and works offline here, so nothing "
                             "on this page was checked. Compare the page with the official record on ClinicalTrials.gov.")


def test_a_page_read_whole_that_lists_no_criteria_says_so_under_its_match(tmp_path):
    """Review rounds 5 and 6: biotechhunter's NCT07041801 page shows no eligibility at all, and its card said only
    "Matches TrialLens's saved copy". A caller's claim (GET /drift) names no criteria either, and is not told so."""
    from conftest import FIXTURES

    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1",
                      "TRIALLENS_DB": str(tmp_path / "store.sqlite3")})
    c = app.test_client()
    page = (FIXTURES / "html" / "biotechhunter.com" / "nct07041801_chips_divs.html").read_text(encoding="utf-8")
    drift = c.post("/api/v1/annotate", json={"url": "https://biotechhunter.com/trials/NCT07041801", "html": page}
                   ).get_json()["drift"]
    assert drift["verdict"] == "in_sync"
    # (what TrialLens read, not "this page does not list …": medifind shows its criteria under no heading it knows)
    assert drift["note"].endswith("TrialLens found no eligibility criteria it could read on this page, so it did not "
                                  "check who can join: read them on ClinicalTrials.gov before you decide.")
    claim = c.get("/api/v1/trials/NCT07041801/drift?status=Recruiting").get_json()["drift"]
    assert "did not check who can join" not in claim.get("note", "")
