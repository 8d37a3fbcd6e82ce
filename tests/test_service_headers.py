"""Headers an API integrator acts on (review r19 #3, #5, #11): whose rate-limit budget a request spends, Retry-After
only where waiting helps (429, and a 503 whose wait the service knows), and which headers a browser may read."""

from __future__ import annotations

from datetime import timedelta

from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import providers, standard_registry

from scrapers.registry import Registry
from server import create_app
from server.providers import Providers

A = {"REMOTE_ADDR": "10.0.0.1"}


def test_a_made_up_api_key_does_not_get_its_own_budget_when_no_keys_are_configured():
    c = create_app({"TRIALLENS_RATE_LIMIT": "3 per minute", "TRIALLENS_OFFLINE": "1"},
                   providers=providers(standard_registry())).test_client()
    codes = [c.get("/api/v1/sites", headers={"X-API-Key": f"rnd{i}"}, environ_base=A).status_code for i in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    # another address still has its own
    assert c.get("/api/v1/sites", environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code == 200


def test_only_a_configured_key_keys_the_budget():
    c = create_app({"TRIALLENS_RATE_LIMIT": "3 per minute", "TRIALLENS_API_KEYS": "k1", "TRIALLENS_OFFLINE": "1"},
                   providers=providers(standard_registry())).test_client()
    # wrong keys are refused, and count against the address: not endless 401s, each from a fresh budget
    wrong = [c.get("/api/v1/sites", headers={"X-API-Key": f"bad{i}"}, environ_base=A).status_code for i in range(4)]
    assert wrong == [401, 401, 401, 429]
    # (a key with characters hmac's str comparison refuses is just a wrong key, not a 500)
    assert c.get("/api/v1/sites", headers={"X-API-Key": "cl\u00e9"},
                 environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 401
    # the configured key has its own budget, whatever address it comes from
    assert [c.get("/api/v1/sites", headers={"X-API-Key": "k1"}, environ_base=A).status_code
            for _ in range(4)] == [200, 200, 200, 429]


def test_a_401_for_a_missing_key_sends_no_retry_after():
    c = create_app({"TRIALLENS_RATE_LIMIT": "3 per minute", "TRIALLENS_API_KEYS": "k1", "TRIALLENS_OFFLINE": "1"},
                   providers=providers(standard_registry())).test_client()
    resp = c.get("/api/v1/trials/NCT07232563", environ_base=A)
    assert resp.status_code == 401 and "Retry-After" not in resp.headers
    assert resp.headers["WWW-Authenticate"] == 'ApiKey header="X-API-Key"'


def test_every_401_is_sent_without_the_rate_limit_headers():
    """A 401 for a missing key carried X-RateLimit-*, one for a wrong key did not (review r23 #18). None does now: they
    describe the per-address budget, not the key's own one the next request, with a key, is counted in. A keyed answer
    and a 429 still carry them."""
    c = create_app({"TRIALLENS_RATE_LIMIT": "4 per minute", "TRIALLENS_API_KEYS": "k1", "TRIALLENS_OFFLINE": "1"},
                   providers=providers(standard_registry())).test_client()
    limit_headers = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")
    for sent in ({}, {"X-API-Key": ""}, {"X-API-Key": "wrong"}, {"X-API-Key": "cl\u00e9"}):
        resp = c.get("/api/v1/trials/NCT07232563", headers=sent, environ_base=A)
        assert resp.status_code == 401 and not [h for h in limit_headers if h in resp.headers], sent
    assert c.get("/api/v1/trials/NCT07232563", environ_base=A).status_code == 429   # (they still count)
    ok = c.get("/api/v1/trials/NCT07232563", headers={"X-API-Key": "k1"}, environ_base=A)
    assert ok.status_code == 200 and all(h in ok.headers for h in limit_headers)


def test_the_pages_say_the_json_link_needs_a_key_when_the_api_does():
    keyed = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_API_KEYS": "k1"},
                       providers=providers(standard_registry())).test_client()
    assert "the link alone answers 401" in keyed.get("/trials/NCT00000001").get_data(as_text=True)
    open_ = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(standard_registry())).test_client()
    assert "X-API-Key" not in open_.get("/trials/NCT00000001").get_data(as_text=True)


def _app(reg):
    # (the limiter on, with a window far longer than the registry's waits: its Retry-After is about 429s, not these)
    return create_app({"TRIALLENS_RATE_LIMIT": "1000 per hour"}, providers=Providers(registry=reg)).test_client()


def test_the_registry_503_under_its_own_limit_says_when_the_next_slot_is(store, studies, fake_ctgov):
    client = fast_client(fake_ctgov.base_url, retries=0, rate_limit=1, rate_period=20, max_rate_wait=0.1)
    c = _app(Registry(store, client, ttl=timedelta(hours=24)))
    assert c.get(f"/api/v1/trials/{nct_of(studies[0])}").status_code == 200
    resp = c.get(f"/api/v1/trials/{nct_of(studies[1])}")
    # its own type and title: ClinicalTrials.gov was up, TrialLens did not ask it (review r19 #2: "registry-unavailable",
    # "ClinicalTrials.gov unavailable")
    body = resp.get_json()
    assert resp.status_code == 503 and body["type"] == "urn:triallens:problem:registry-busy"
    assert body["title"] == "TrialLens is asking ClinicalTrials.gov too often just now"
    assert body["detail"].startswith("TrialLens has asked ClinicalTrials.gov 1 time in the last 20 s, its own limit; "
                                     "try again in ")
    assert 1 <= int(resp.headers["Retry-After"]) <= 20


def test_the_registry_503_while_it_pauses_after_a_failure_says_how_long(store, studies, fake_ctgov):
    reg = Registry(store, fast_client(fake_ctgov.base_url, retries=0), ttl=timedelta(hours=24), cooldown=30)
    c = _app(reg)
    fake_ctgov.faults.extend(["503"] * 3)
    first = c.get(f"/api/v1/trials/{nct_of(studies[0])}")
    assert first.status_code == 503 and 1 <= int(first.headers["Retry-After"]) <= 30
    calls = fake_ctgov.calls
    second = c.get(f"/api/v1/trials/{nct_of(studies[1])}")   # (not asked: the pause after the failure)
    assert second.status_code == 503 and fake_ctgov.calls == calls
    assert "a moment ago" in second.get_json()["detail"] and 1 <= int(second.headers["Retry-After"]) <= 30


def test_an_offline_503_sends_no_retry_after_asking_again_will_not_help(tmp_path):
    c = create_app({"TRIALLENS_RATE_LIMIT": "1000 per hour", "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_DB": str(tmp_path / "s.sqlite3")}).test_client()
    resp = c.get("/api/v1/trials/NCT00000042")
    assert resp.status_code == 503 and resp.get_json()["type"].endswith("not-in-local-store")
    assert "Retry-After" not in resp.headers


def test_a_browser_client_may_read_the_rate_limit_reset():
    c = create_app({"TRIALLENS_RATE_LIMIT": "3 per minute", "TRIALLENS_OFFLINE": "1"},
                   providers=providers(standard_registry())).test_client()
    resp = c.get("/api/v1/sites", headers={"Origin": "chrome-extension://" + "a" * 32})
    assert resp.headers.get("X-RateLimit-Reset")
    exposed = {h.strip().lower() for h in resp.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"} <= exposed


def test_api_answers_are_not_cached_and_the_spec_is_readable_from_any_origin():
    c = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"},
                   providers=providers(standard_registry())).test_client()
    assert c.get("/api/v1/status?ids=NCT00000001").headers["Cache-Control"] == "no-store"
    assert c.get("/api/v1/trials/bogus").headers["Cache-Control"] == "no-store"   # (a problem too)
    spec = c.get("/openapi.json", headers={"Origin": "https://docs.example.org"})
    assert spec.headers["Access-Control-Allow-Origin"] in ("*", "https://docs.example.org")


def test_the_spec_names_the_key_scheme_on_every_api_operation_when_keys_are_configured():
    def ops(app):
        paths = app.test_client().get("/openapi.json").get_json()["paths"]
        return {(p, m): op for p, item in paths.items() for m, op in item.items()}

    keyed = ops(create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1", "TRIALLENS_API_KEYS": "k1"},
                           providers=providers(standard_registry())))
    assert all(op.get("security") == [{"apiKey": []}] for (p, _), op in keyed.items() if p.startswith("/api/v1/"))
    assert all("security" not in op for (p, _), op in keyed.items() if not p.startswith("/api/v1/"))
    open_ = ops(create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"},
                           providers=providers(standard_registry())))
    assert all("security" not in op for op in open_.values())
    # every API operation documents the answers any of them may give: 405 with Allow, 503 with Retry-After
    for (p, _), op in open_.items():
        if p.startswith("/api/v1/"):
            assert "405" in op["responses"] and "Allow" in op["responses"]["405"]["headers"]
            if "503" in op["responses"]:
                assert "Retry-After" in op["responses"]["503"]["headers"]
    assert {p for (p, _), op in open_.items() if "503" in op["responses"] and p.startswith("/api/v1/")} == {
        p for (p, _) in open_ if p.startswith("/api/v1/") and p != "/api/v1/sites"}


def test_pages_showing_a_verdict_are_not_cached():
    """The HTML pages carried no Cache-Control, so a back button or a proxy could show an old verdict as current
    (review r23 #16): a page with or without a claim, a pasted page's result and an error page are not kept."""
    from service_support import MEDDATAX_HTML, MEDDATAX_URL

    c = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(standard_registry())).test_client()
    for resp in (c.get("/trials/NCT00000001"), c.get("/trials/NCT00000001?status=Recruiting&as_of=2025-06-01"),
                 c.post("/check", data={"html": MEDDATAX_HTML, "url": MEDDATAX_URL}), c.get("/trials/bogus")):
        assert resp.mimetype == "text/html" and resp.headers["Cache-Control"] == "no-store", resp.status
    assert 'id="verdict"' in c.post("/check", data={"html": MEDDATAX_HTML, "url": MEDDATAX_URL}).get_data(as_text=True)
