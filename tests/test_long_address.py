"""A 100 KB query string got an HTML 414, not problem+json (review r23 #18): that answer is the development server's
(Python's http.server refuses a request line over 64 KB before werkzeug or TrialLens sees it), so the app cannot word
it; README says so (r23 leftovers #5). Below that limit the app answers as usual."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlsplit

from service_support import FakeRegistry, providers, record, served

from server import create_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _get(base_url: str, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection(urlsplit(base_url).netloc, timeout=60)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type") or ""
    finally:
        conn.close()


def test_only_the_dev_servers_request_line_limit_answers_a_100_kb_address():
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                     providers=providers(FakeRegistry(records={"NCT07232563": record("NCT07232563")})))
    with served(app) as url:
        long = _get(url, "/api/v1/trials/NCT07232563/drift?status=" + "x" * 100_000)
        below = _get(url, "/api/v1/trials/NCT07232563/drift?status=" + "x" * 60_000)
    assert long == (414, "text/html;charset=utf-8")   # (http.server's own page: TrialLens never saw the request)
    # (the app's own answer: a 60,000-character status is over claim_text.MAX_CLAIM, so its problem+json 400, not a 200
    # echoing it back; review r24 (b))
    assert below == (400, "application/problem+json")
    assert "answers a request line over 64 KB (a 100 KB query string) with a bare HTML 414 page" in README
