"""Review r60 F2: CORS kept other sites from reading answers, not from sending requests. A web page in the reader's
browser spent the extension's lookup budget (the card then said "Could not check this page"), posted HTML to /check,
and by DNS rebinding (its own name pointed at 127.0.0.1) read which trials the reader had looked up. server/guard.py
refuses those before any work; the extension, callers that are not browsers, the service's own pages and a person
following a link are unaffected."""

from __future__ import annotations

import pytest

from server import create_app
from server.cli import serve_config
from server.config import ServiceConfig

TRIAL = "NCT06427642"   # (in the bundled demo records: the offline store answers it)
TITLE = "Efficacy Evaluation of UCB-MNCs"
CHROME = "chrome-extension://" + "a" * 32
FIREFOX = "moz-extension://65376bd7-6eb1-4e9a-ac78-7d0357373e7a"
# what a web page's <img src="http://127.0.0.1:5000/api/v1/trials/…"> sends (no Origin on a GET)
IMAGE = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image"}


def make_app(tmp_path, **settings: str):
    return create_app({"TRIALLENS_DB": str(tmp_path / "s.sqlite3"), "TRIALLENS_OFFLINE": "1", **settings})


@pytest.fixture
def client(tmp_path):
    return make_app(tmp_path).test_client()


@pytest.mark.parametrize("path", ["/api/v1/status?ids=" + TRIAL, f"/api/v1/trials/{TRIAL}", f"/trials/{TRIAL}", "/",
                                  "/healthz"])
def test_a_name_the_service_is_not_known_by_is_refused(client, path):
    resp = client.get(path, headers={"Host": "rebind.attacker.example:5000"})
    assert resp.status_code == 400
    text = resp.get_data(as_text=True)
    if path.startswith(("/api/", "/healthz")):
        assert resp.get_json()["type"].endswith("host-not-allowed")
    else:   # (the HTML pages say it on a page, as their other errors)
        assert resp.mimetype == "text/html" and "Host not allowed" in text
    assert "rebind.attacker.example" in text and "TRIALLENS_ALLOWED_HOSTS" in text
    assert TITLE not in text and "fetched_at" not in text   # (nothing of the record, nor when it was looked up)


@pytest.mark.parametrize("host", ["127.0.0.1:5000", "localhost:5000", "[::1]:5000", "192.168.1.20:8000", "localhost",
                                  "app.localhost:5000"])
def test_addresses_and_localhost_are_answered(client, host):
    resp = client.get(f"/api/v1/trials/{TRIAL}", headers={"Host": host})
    assert resp.status_code == 200 and resp.get_json()["nct_id"] == TRIAL


@pytest.mark.parametrize("setting, host, answered", [
    ("triallens.example.org", "triallens.example.org", True),
    ("triallens.example.org", "TrialLens.Example.org:443", True),
    ("triallens.example.org", "other.example.org", False),
    ("*.example.org", "a.b.example.org", True),
    ("*.example.org", "example.org", False),
    ("*.example.org", "example.org.evil.com", False),
    ("*", "anything.example", True),
])
def test_configured_host_names(tmp_path, setting, host, answered):
    resp = make_app(tmp_path, TRIALLENS_ALLOWED_HOSTS=setting).test_client().get("/healthz", headers={"Host": host})
    assert resp.status_code == (200 if answered else 400)


@pytest.mark.parametrize("bad", ["https://triallens.example.org", "triallens.example.org:8000", "a/b", "*evil", " , x y"])
def test_a_setting_that_is_not_a_host_name_stops_the_service_at_start(bad):
    with pytest.raises(ValueError, match="TRIALLENS_ALLOWED_HOSTS"):
        ServiceConfig.from_env({"TRIALLENS_ALLOWED_HOSTS": bad}, environ={})


@pytest.mark.parametrize("path", ["/api/v1/sites", f"/api/v1/trials/{TRIAL}", "/api/v1/status?ids=" + TRIAL])
def test_another_sites_page_is_refused_with_or_without_an_origin(client, path):
    for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"}, IMAGE,
                    {"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty"},
                    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "iframe"}):
        resp = client.get(path, headers=headers)
        assert resp.status_code == 403, headers
        assert resp.get_json()["type"].endswith("origin-not-allowed")
        assert "Access-Control-Allow-Origin" not in resp.headers


def test_the_extension_its_own_pages_and_plain_callers_are_answered(client):
    # (what Chromium and Firefox send from the extension's background, as logged from the browser tests)
    for headers in ({"Origin": CHROME, "Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty"},
                    {"Origin": FIREFOX, "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors"},
                    {},   # (curl, requests, a server-side caller)
                    {"Origin": "http://localhost"}):   # (the service's own page, same origin)
        resp = client.get(f"/api/v1/trials/{TRIAL}", headers=headers)
        assert resp.status_code == 200, headers
    pre = client.options("/api/v1/annotate", headers={"Origin": CHROME, "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 200 and pre.headers["Access-Control-Allow-Origin"] == CHROME


def test_a_configured_origin_is_answered(tmp_path):
    c = make_app(tmp_path, TRIALLENS_CORS_ORIGINS="https://dashboard.example.org").test_client()
    resp = c.get("/api/v1/sites", headers={"Origin": "https://dashboard.example.org", "Sec-Fetch-Site": "cross-site"})
    assert resp.status_code == 200 and resp.headers["Access-Control-Allow-Origin"] == "https://dashboard.example.org"


def test_a_person_following_a_link_to_a_trial_page_is_answered(client):
    link = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}
    resp = client.get(f"/trials/{TRIAL}", headers=link)
    assert resp.status_code == 200 and TRIAL in resp.get_data(as_text=True)


def test_another_sites_form_cannot_post_to_check(client):
    form = {"url": f"https://clinicaltrials.gov/study/{TRIAL}", "html": "<html><body>anything</body></html>"}
    resp = client.post("/check", data=form, headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site",
                                                     "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"})
    assert resp.status_code == 403 and "Origin not allowed" in resp.get_data(as_text=True)
    assert "This is the official record" not in resp.get_data(as_text=True)
    own = client.post("/check", data=form, headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"})
    assert own.status_code != 403
    # (a page served under the old Referrer-Policy no-referrer posts its form with "Origin: null")
    old_page = client.post("/check", data=form, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert old_page.status_code != 403
    framed = client.post("/check", data=form, headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"})
    assert framed.status_code == 403


def test_the_spec_stays_open_to_every_origin(client):
    resp = client.get("/openapi.json", headers={"Origin": "https://docs.example.org", "Sec-Fetch-Site": "cross-site"})
    assert resp.status_code == 200 and resp.headers["Access-Control-Allow-Origin"] in ("*", "https://docs.example.org")


def test_refused_requests_do_not_spend_the_readers_lookups(tmp_path):
    """The review's case: with the default limits, a web page sent a dozen lookups of unknown ids and the reader's own
    next check was a 429. Refused before the limiter and the budget count anything, they now leave them untouched."""
    c = make_app(tmp_path, TRIALLENS_RATE_LIMIT="5 per minute").test_client()
    for i in range(12):
        assert c.get(f"/api/v1/trials/NCT0900000{i % 10}", headers={"Origin": "https://evil.example"}).status_code == 403
    assert c.get(f"/api/v1/trials/{TRIAL}", headers={"Origin": CHROME}).status_code == 200


def test_serve_answers_for_the_name_it_is_told_to_listen_on(monkeypatch):
    monkeypatch.delenv("TRIALLENS_ALLOWED_HOSTS", raising=False)
    assert serve_config("127.0.0.1", False) == {}
    assert serve_config("::1", True) == {"TRIALLENS_OFFLINE": "1"}
    assert serve_config("MyBox.lan", False) == {"TRIALLENS_ALLOWED_HOSTS": "mybox.lan"}
    monkeypatch.setenv("TRIALLENS_ALLOWED_HOSTS", "a.example.org")
    assert serve_config("mybox.lan", False) == {"TRIALLENS_ALLOWED_HOSTS": "a.example.org,mybox.lan"}


def test_the_spec_says_every_api_operation_may_refuse_a_caller(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    operations = [op for path, ops in paths.items() if path.startswith("/api/v1/") for op in ops.values()]
    assert operations and all({"400", "403"} <= set(op["responses"]) for op in operations)
    assert all("origin-not-allowed" in op["responses"]["403"]["description"] for op in operations)


@pytest.mark.parametrize("host, origin", [
    ("triallens.example.org", "https://triallens.example.org:8443"),   # (nginx "Host $host" drops the public port)
    ("127.0.0.1:8000", "https://triallens.example.org"),               # (nginx's default: the upstream's address)
    ("triallens.example.org:443", "https://triallens.example.org"),
])
def test_the_own_form_behind_a_reverse_proxy_is_answered(tmp_path, host, origin):
    """Review r61 F2: the browser's Sec-Fetch-Site says the service's own page sent it, whatever Host the proxy
    passed on; another site's form behind the same proxy is still refused."""
    c = make_app(tmp_path, TRIALLENS_ALLOWED_HOSTS="triallens.example.org", TRIALLENS_TRUST_PROXY="1").test_client()
    form = {"url": f"https://clinicaltrials.gov/study/{TRIAL}", "html": "<html><body>anything</body></html>"}
    own = c.post("/check", data=form, headers={"Host": host, "Origin": origin, "Sec-Fetch-Site": "same-origin"})
    assert own.status_code != 403
    other = c.post("/check", data=form, headers={"Host": host, "Origin": "https://evil.example",
                                                 "Sec-Fetch-Site": "cross-site"})
    assert other.status_code == 403
