"""The registry and store when the dates, the registry or the command line misbehave (review round 10b):
a copy dated in the future, a slow or misconfigured registry, a junk Retry-After, a record of another trial,
a URL to fetch in offline mode."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import copy
import json

import pytest

from fake_ctgov import ROOT, FakeCtgov, fast_client, variant
from scrapers.errors import BadInput
from scrapers.official import OfficialRecord
from scrapers.registry import Registry, Store
from scrapers.registry.ingest import ingest
from server.cli import main

BUNDLED_PATH = SAVED_COPIES / "NCT07232563.json"
BUNDLED = json.loads(BUNDLED_PATH.read_text(encoding="utf-8"))   # NOT_YET_RECRUITING
NCT = "NCT07232563"
MEDDATAX_PAGE = ROOT / "fixtures" / "html" / "meddatax.com" / "nct07232563_bare_values.html"
FUTURE = "2099-01-01"


@pytest.fixture
def recruiting():
    """A fake ClinicalTrials.gov on which the bundled trial has since opened (same last update posted)."""
    server = FakeCtgov([variant(BUNDLED, status="RECRUITING")]).start()
    yield server
    server.stop()


# 1. a copy dated in the future -----------------------------------------------------------------

def test_ingest_refuses_a_fetched_at_in_the_future(store, tmp_path):
    with pytest.raises(BadInput, match=r"^--fetched-at 2099-01-01 is in the future \(it is now 20\d\d-"):
        ingest(store, [BUNDLED_PATH], fetched_at=FUTURE)
    assert store.count() == 0


def test_cli_ingest_with_a_future_fetched_at_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "cli.sqlite3"))
    assert main(["ingest", str(BUNDLED_PATH), "--fetched-at", FUTURE]) == 2
    err = capsys.readouterr().err
    assert err.startswith("triallens: error: --fetched-at 2099-01-01 is in the future (it is now ")
    assert err.rstrip().endswith("): give the date the files were downloaded")
    assert Store(tmp_path / "cli.sqlite3").count() == 0


def test_a_record_dated_in_the_future_is_ingested_undated(store, tmp_path):
    """A versionHolder after now says nothing of when the copy was current: stored, but undated."""
    data = copy.deepcopy(BUNDLED)
    data.setdefault("derivedSection", {}).setdefault("miscInfoModule", {})["versionHolder"] = FUTURE
    (tmp_path / f"{NCT}.json").write_text(json.dumps(data), encoding="utf-8")
    assert ingest(store, [tmp_path / f"{NCT}.json"]).summary.added == 1
    assert store.get_stored(NCT).dated is False


def test_a_stored_copy_dated_in_the_future_is_not_fresh(store, recruiting):
    """A store written before ingest refused future dates: the copy is asked about, the registry's answer becomes
    current (a copy dated 2099 used to outrank it and send it to history), and the old copy stays in history."""
    store.put(OfficialRecord(BUNDLED), fetched_at=FUTURE, origin="ingest:x.json")
    got = Registry(store, fast_client(recruiting.base_url)).lookup(NCT)
    assert recruiting.calls == 1
    assert (got.record.status, got.stale, got.source) == ("RECRUITING", False, "registry")
    assert store.get(NCT).status == "RECRUITING"
    assert [h["status"] for h in store.history(NCT)] == ["NOT_YET_RECRUITING"]


def test_the_same_content_refetched_replaces_a_future_date(store, tmp_path):
    server = FakeCtgov([BUNDLED]).start()
    try:
        store.put(OfficialRecord(BUNDLED), fetched_at=FUTURE, origin="ingest:x.json")
        got = Registry(store, fast_client(server.base_url)).lookup(NCT)
    finally:
        server.stop()
    assert got.source == "registry" and not got.stale
    assert store.get_stored(NCT).fetched_at == got.fetched_at < FUTURE


def test_a_future_dated_copy_served_when_the_registry_is_down_gives_no_date(store, recruiting):
    store.put(OfficialRecord(BUNDLED), fetched_at=FUTURE, origin="ingest:x.json")
    recruiting.faults.extend(["503"] * 3)
    got = Registry(store, fast_client(recruiting.base_url)).lookup(NCT)
    assert got.stale and got.stale_reason == "unreachable" and got.known_fetched_at is None
    assert got.note.endswith("showing the saved copy (its date is not known)")
    assert store.get_stored(NCT).fetched_at == "2099-01-01T00:00:00Z"   # nothing stored is lost


# 2. check --record with another trial's record ------------------------------------------------

def test_check_refuses_a_record_of_another_trial(capsys):
    other = SAVED_COPIES / "NCT06427642.json"
    assert main(["check", str(MEDDATAX_PAGE), "--record", str(other)]) == 2
    out = capsys.readouterr()
    assert "[CRITICAL]" not in out.out and out.out == ""
    assert out.err == (f"triallens: error: --record {other} is the record of NCT06427642, but the page is about "
                       f"{NCT}: give {NCT}'s record, or leave out --record to use the local store\n")


def test_check_takes_the_pages_own_record_or_one_listing_its_id_as_an_alias(tmp_path, capsys):
    assert main(["check", str(MEDDATAX_PAGE), "--record", str(BUNDLED_PATH), "--today", "2026-01-10"]) == 0
    renamed = variant(BUNDLED, nct_id="NCT07999999", aliases=[NCT])   # the page shows the trial's retired id
    (tmp_path / "renamed.json").write_text(json.dumps(renamed), encoding="utf-8")
    assert main(["check", str(MEDDATAX_PAGE), "--record", str(tmp_path / "renamed.json"), "--today", "2026-01-10"]) == 0
    assert capsys.readouterr().out.startswith(f"{NCT} on meddatax.com")


# 3. a slow registry -----------------------------------------------------------------------------

def service_on(fake: FakeCtgov, tmp_path, **settings: str):
    """The service over its real registry (store seeded with the bundled records) asking `fake`."""
    from server import create_app

    app = create_app({"TRIALLENS_DB": str(tmp_path / "svc.sqlite3"), "TRIALLENS_CTGOV_URL": fake.base_url,
                      "TRIALLENS_OFFLINE": "0", "TRIALLENS_RATE_LIMIT": "off", **settings})
    return app.test_client()


def test_interactive_lookups_are_bounded_well_under_the_extensions_timeout():
    """3 attempts x 30 s read timeout kept every request waiting 91 s; the extension gives up at 20 s."""
    from scrapers.registry.settings import INTERACTIVE, LOOKUP_TIMEOUT, interactive_settings

    timeout_ms = int(next(line for line in (ROOT / "extension" / "lib" / "protocol.js").read_text().splitlines()
                          if "const TIMEOUT_MS" in line).split("=")[1].strip(" ;"))
    assert INTERACTIVE["deadline"] == LOOKUP_TIMEOUT <= timeout_ms / 1000 / 2
    assert interactive_settings({"TRIALLENS_LOOKUP_TIMEOUT": "0.5"})["timeout"] == (0.5, 0.5)
    with pytest.raises(BadInput, match=r"^TRIALLENS_LOOKUP_TIMEOUT must be a number of seconds from 0.05 to 600, got 'x'$"):
        interactive_settings({"TRIALLENS_LOOKUP_TIMEOUT": "x"})


def test_a_slow_registry_gets_the_saved_copy_served_stale(tmp_path):
    """ClinicalTrials.gov answers only after the lookup's time is up: the stored copy, marked stale, says why; and
    the lookup does not try again once its time is spent."""
    server = FakeCtgov([BUNDLED]).start()
    try:
        server.faults.extend(["slow:2"] * 3)
        client = service_on(server, tmp_path, TRIALLENS_LOOKUP_TIMEOUT="0.5")
        resp = client.get(f"/api/v1/trials/{NCT}")
        assert resp.status_code == 200, resp.get_data(as_text=True)
        body = resp.get_json()
        assert (body["stale"], body["stale_reason"], body["status"]) == (True, "unreachable", "NOT_YET_RECRUITING")
        assert body["note"].startswith("could not refresh: ClinicalTrials.gov did not answer within 0.5 s (1 attempt): ")
        assert server.calls == 1
        unknown = client.get("/api/v1/trials/NCT09999998")   # the registry is cooling down and nothing is stored
        assert unknown.status_code == 503 and unknown.get_json()["title"] == "ClinicalTrials.gov unavailable"
        # the trial asked about, not the address of the one whose request failed (review round 12d, P7)
        assert unknown.get_json()["detail"] == ("ClinicalTrials.gov was not asked about NCT09999998, because a moment "
                                                "ago it did not answer within 0.5 s (1 attempt), and NCT09999998 is "
                                                "not stored")
    finally:
        server.stop()


class _Silent:
    """A requests session to which ClinicalTrials.gov never answers (no network, no waiting)."""

    def __init__(self) -> None:
        self.headers, self.max_redirects, self.urls = {}, 5, []

    def get(self, url, **kw):
        import requests

        self.urls.append(url)
        raise requests.Timeout()


def test_while_the_registry_cools_down_each_trial_is_named_not_the_address_that_failed(store):
    """Review round 12d, P7: after one timeout, the 503 for another trial said "ClinicalTrials.gov is unavailable
    (… http://…/studies/NCT07232563) and NCT09999998 is not stored", and the timeout twice ("within 2 s (1
    attempt(s), no answer within 2 s)")."""
    from scrapers.errors import RegistryError
    from scrapers.registry.client import CtgovClient

    session = _Silent()
    # (a back-off longer than the deadline: the first timeout is the last attempt)
    client = CtgovClient("http://registry.invalid/api/v2", timeout=(2.0, 2.0), retries=1, backoff=100.0, deadline=2.0,
                         session=session, sleep=lambda s: None)
    store.put(OfficialRecord(BUNDLED), fetched_at="2025-11-18T00:00:00Z", origin="fixture")
    reg = Registry(store, client)
    first = reg.lookup(NCT)
    assert first.stale and first.note == ("could not refresh: ClinicalTrials.gov did not answer within 2 s (1 attempt): "
                                          "http://registry.invalid/api/v2/studies/NCT07232563; showing the saved copy "
                                          "fetched 18 Nov 2025")
    with pytest.raises(RegistryError) as other:
        reg.lookup("NCT09999998")
    assert str(other.value) == ("ClinicalTrials.gov was not asked about NCT09999998, because a moment ago it did not "
                                "answer within 2 s (1 attempt), and NCT09999998 is not stored")
    again = reg.lookup(NCT)
    assert again.note == ("ClinicalTrials.gov was not asked about NCT07232563, because a moment ago it did not answer "
                          "within 2 s (1 attempt); showing the saved copy fetched 18 Nov 2025")
    assert len(session.urls) == 1


def test_a_slow_registry_with_nothing_stored_is_a_503(tmp_path):
    server = FakeCtgov([BUNDLED]).start()
    try:
        server.faults.extend(["slow:2"] * 3)
        resp = service_on(server, tmp_path, TRIALLENS_LOOKUP_TIMEOUT="0.5").get("/api/v1/trials/NCT09999998")
        assert resp.status_code == 503
        assert "did not answer within 0.5 s" in resp.get_json()["detail"]
    finally:
        server.stop()


def test_sync_stays_patient():
    from scrapers.registry.settings import client_from_env

    client = client_from_env({})
    assert (client.deadline, client.timeout, client.retries) == (None, (5.0, 30.0), 3)


# 4. a junk Retry-After ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["²", "①", "٣", "1.5", "-3", "1e5", "soon", "Wed, 99 Oct 2015 07:28:00 GMT"])
def test_a_retry_after_that_is_neither_seconds_nor_a_date_is_ignored(value):
    from scrapers.registry.pacing import parse_retry_after

    assert parse_retry_after(value) is None


def test_a_retry_after_in_ascii_seconds_or_as_a_date_is_read():
    from datetime import datetime, timezone

    from scrapers.registry.pacing import parse_retry_after

    assert parse_retry_after(" 7 ") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", datetime(2015, 10, 21, 7, 28, tzinfo=timezone.utc)) == 30.0


def test_a_junk_retry_after_gets_the_saved_copy_not_a_500(tmp_path):
    server = FakeCtgov([BUNDLED]).start()
    try:
        server.faults.extend(["429:²"] * 3)
        resp = service_on(server, tmp_path).get(f"/api/v1/trials/{NCT}")
        assert resp.status_code == 200, resp.get_data(as_text=True)
        body = resp.get_json()
        assert (body["stale"], body["stale_reason"]) == (True, "unreachable")
        assert "(HTTP 429)" in body["note"]
    finally:
        server.stop()


def test_cli_check_with_a_junk_retry_after_uses_the_saved_copy(tmp_path, capsys, monkeypatch):
    server = FakeCtgov([BUNDLED]).start()
    try:
        server.faults.extend(["429:²"] * 3)
        monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "cli.sqlite3"))
        monkeypatch.setenv("TRIALLENS_OFFLINE", "")
        monkeypatch.setenv("TRIALLENS_CTGOV_URL", server.base_url)
        monkeypatch.setenv("TRIALLENS_LOOKUP_TIMEOUT", "2")
        assert main(["check", str(MEDDATAX_PAGE), "--today", "2026-01-10", "--verbose"]) == 0
        out = capsys.readouterr()
        # the note says why a saved copy was used, once; the registry's own words only with --verbose, on stderr
        assert "\nTrialLens could not check with ClinicalTrials.gov just now, so it compared this page with its saved " \
               "copy of the ClinicalTrials.gov record from 18 Nov 2025." in out.out
        assert out.err.startswith("\nDetails: could not refresh: ") and "(HTTP 429)" in out.err
    finally:
        server.stop()


# 10. a URL to fetch in offline mode ----------------------------------------------------------------

@pytest.mark.parametrize("verb", ["check", "scrape"])
def test_offline_mode_never_fetches_a_page(verb, capsys, monkeypatch):
    server = FakeCtgov([BUNDLED]).start()
    try:
        monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
        url = f"{server.base_url}/studies/{NCT}"
        assert main([verb, url]) == 2
        assert server.calls == 0
        assert capsys.readouterr().err == (f"triallens: error: TRIALLENS_OFFLINE is set: TrialLens will not fetch "
                                           f"{url}; save the page and pass the file (with --url for its address)\n")
    finally:
        server.stop()


# 11. a 404 that is not the API's own answer ---------------------------------------------------------

class NotTheApi:
    """A web server on 127.0.0.1 that answers every path with an HTML 404 naming the path (as a framework's
    default page does): what a mistyped TRIALLENS_CTGOV_URL or a proxy in front of the wrong host gives."""

    def __enter__(self) -> str:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = f"<!DOCTYPE html><html><body><pre>Cannot GET {self.path}</pre></body></html>".encode()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_port}/api/v2"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_apis_own_404_is_a_study_not_found(recruiting):
    from scrapers.errors import StudyNotFound

    with pytest.raises(StudyNotFound, match="^ClinicalTrials.gov has no study NCT09999998$"):
        fast_client(recruiting.base_url).get_study("NCT09999998")


@pytest.mark.parametrize("where", ["wrong path", "html"])
def test_a_404_from_a_wrong_registry_address_is_unavailable_not_gone(where, store, recruiting):
    from scrapers.errors import RegistryUnavailable

    with NotTheApi() as html_base:
        base = recruiting.base_url.replace("/api/v2", "/api/v3") if where == "wrong path" else html_base
        client = fast_client(base)
        with pytest.raises(RegistryUnavailable) as err:
            client.get_study("NCT09999998")
        assert str(err.value) == (f"{base}/studies/NCT09999998?format=json answered HTTP 404 without saying that "
                                  f"ClinicalTrials.gov has no such study ({base} may not be the API v2 address: "
                                  "see TRIALLENS_CTGOV_URL)")
        with pytest.raises(RegistryUnavailable, match="answered HTTP 404 without saying"):
            client.search(query={"term": "stroke"})
        store.put(OfficialRecord(BUNDLED), fetched_at="2026-01-01", origin="registry")
        got = Registry(store, client).lookup(NCT)
    assert got.stale and not got.gone and got.stale_reason == "unreachable"
    assert base + " may not be the API v2 address" in got.note


def test_the_service_on_a_wrong_registry_address_says_unavailable_not_unknown(tmp_path):
    with NotTheApi() as base:
        from server import create_app

        client = create_app({"TRIALLENS_DB": str(tmp_path / "svc.sqlite3"), "TRIALLENS_CTGOV_URL": base,
                             "TRIALLENS_OFFLINE": "0", "TRIALLENS_RATE_LIMIT": "off"}).test_client()
        stored = client.get(f"/api/v1/trials/{NCT}").get_json()
        unknown = client.get("/api/v1/trials/NCT09999998")
    assert (stored["stale"], stored["stale_reason"]) == (True, "unreachable")
    assert unknown.status_code == 503 and unknown.get_json()["title"] == "ClinicalTrials.gov unavailable"
