"""Request-level answers of the service the audit r39 (F9) found wrong: a chunked body over the limit (a 400 "not
valid JSON", the body cut at the limit without a word) is a 413; a compressed body is a 415 naming its encoding; a
store that cannot be read is said without its path or a damaged row's bytes; one damaged row no longer fails the
whole /status listing; invisible format characters (U+202E) in a claimed status are refused as control characters
are."""

from __future__ import annotations

import gzip
import http.client
import json
import logging
import sqlite3
import threading

import pytest
from werkzeug.serving import make_server

from scrapers.official import OfficialRecord
from scrapers.registry import Registry, Store
from scrapers.registry.store import utc_now
from server import create_app
from server.providers import Providers
from server.problems import STORE_UNREADABLE
from fake_ctgov import sample_studies

LIMIT = 2000


@pytest.fixture
def service(tmp_path):
    """A real HTTP server (werkzeug's, as `triallens serve` runs) on 127.0.0.1: a chunked body is only chunked over
    the wire (the test client always sets a Content-Length)."""
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1", "TRIALLENS_MAX_BODY": str(LIMIT),
                      "TRIALLENS_DB": str(tmp_path / "s.sqlite3")})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server.server_port
    server.shutdown()
    server.server_close()


def post_chunked(port: int, path: str, body: bytes, content_type: str = "application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        chunks = (body[i:i + 500] for i in range(0, len(body), 500))
        conn.request("POST", path, body=chunks, headers={"Content-Type": content_type}, encode_chunked=True)
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type"), resp.read()
    finally:
        conn.close()


def page_body(size: int) -> bytes:
    return json.dumps({"url": "https://example.org/t", "html": "<p>" + "a" * size + "</p>"}).encode()


def test_a_chunked_body_over_the_limit_is_a_413(service):
    status, ctype, data = post_chunked(service, "/api/v1/annotate", page_body(LIMIT + 500))
    assert status == 413 and ctype == "application/problem+json"
    assert json.loads(data)["detail"] == f"the request body is larger than the limit of {LIMIT:,} bytes"


def test_a_chunked_body_within_the_limit_is_read_whole(service):
    # (a page with no trial number in it: read whole, it is a 422 "no trial", not a 400 or a 413)
    status, _, data = post_chunked(service, "/api/v1/annotate", page_body(LIMIT - 200))
    assert status == 422 and json.loads(data)["type"].endswith(":no-trial"), data


def test_a_chunked_pasted_page_over_the_limit_is_a_413_page(service):
    status, ctype, _ = post_chunked(service, "/check", b"html=" + b"a" * (LIMIT + 10),
                                    "application/x-www-form-urlencoded")
    assert status == 413 and ctype.startswith("text/html")


def test_a_compressed_body_is_a_415_naming_its_encoding(tmp_path):
    c = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_DB": str(tmp_path / "s.sqlite3")}).test_client()
    resp = c.post("/api/v1/annotate", data=gzip.compress(page_body(100)),
                  headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert resp.status_code == 415 and resp.mimetype == "application/problem+json"
    assert "Content-Encoding: gzip" in resp.get_json()["detail"]


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\ufeff", "\U000e0041"])
def test_format_characters_in_a_claim_are_refused(tmp_path, char):
    c = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_DB": str(tmp_path / "s.sqlite3")}).test_client()
    resp = c.get("/api/v1/trials/NCT07232563/drift", query_string={"status": f"Recruiting{char}"})
    body = resp.get_json()
    assert resp.status_code == 400 and body["why"] == "control-character" and body["parameter"] == "status"
    assert f"U+{ord(char):04X}" in body["detail"] and char not in resp.get_data(as_text=True)
    page = c.get("/trials/NCT07232563", query_string={"status": f"Recruiting{char}"})
    assert page.status_code == 400 and char not in page.get_data(as_text=True)


def test_the_claim_pattern_in_the_spec_refuses_the_same_characters():
    import re
    import sys
    import unicodedata

    from server.claim_text import CONTROL
    from server.openapi_schemas import CLAIM_TEXT

    pattern = re.compile(CLAIM_TEXT["pattern"])
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) == "Cf":
            assert CONTROL.search(char), hex(code)
            if code <= 0xFFFF:
                assert not pattern.match(char), hex(code)


def damaged(store: Store, nct: str) -> None:
    """A row whose record bytes are not UTF-8, as a disk fault or a stray write leaves one."""
    conn = sqlite3.connect(store.path)
    with conn:
        conn.execute("UPDATE studies SET data = CAST(X'7B22FFFE' AS TEXT) WHERE nct_id = ?", (nct,))
    conn.close()


@pytest.fixture
def damaged_store(tmp_path):
    good, bad = sample_studies(2)
    store = Store(tmp_path / "t.sqlite3")
    for s in (good, bad):
        store.put(OfficialRecord(s), fetched_at=utc_now())
    ids = [s["protocolSection"]["identificationModule"]["nctId"] for s in (good, bad)]
    damaged(store, ids[1])
    yield store, ids
    store.close()


def test_one_damaged_row_fails_only_its_own_status(damaged_store, caplog):
    store, (good, bad) = damaged_store
    c = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=Providers(registry=Registry(store, None, offline=True)))
    with caplog.at_level(logging.WARNING, logger="triallens.service"):
        resp = c.test_client().get(f"/api/v1/status?ids={good},{bad}")
    body = resp.get_json()
    assert resp.status_code == 200
    assert body["statuses"][good]["status"] is not None and body["statuses"][bad] is None
    assert body["missing"] == {bad: "store_unavailable"}
    assert any(str(store.path) in r.getMessage() for r in caplog.records)   # (the detail: in the log only)


def test_a_store_that_cannot_be_read_is_said_without_its_path_or_bytes(damaged_store, caplog):
    store, (_, bad) = damaged_store
    c = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                   providers=Providers(registry=Registry(store, None, offline=True))).test_client()
    with caplog.at_level(logging.WARNING, logger="triallens.service"):
        resp = c.get(f"/api/v1/trials/{bad}")
        item = c.post("/api/v1/drift", json={"items": [{"nct_id": bad}]}).get_json()["results"][0]
    assert resp.status_code == 503 and resp.get_json()["type"].endswith(":store-unavailable")
    for detail in (resp.get_json()["detail"], item["error"]["detail"]):
        assert detail == STORE_UNREADABLE and "local store" in detail   # (svc13: the store, not a saved copy, failed)
        assert str(store.path) not in detail and "decode" not in detail.lower()
    assert any(str(store.path) in r.getMessage() for r in caplog.records)
