"""The first end-to-end path: a saved page, its official record, findings."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
import subprocess
import sys
from datetime import date

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.registry import load_demo_record

MEDDATAX = FIXTURES / "html" / "meddatax.com" / "nct07232563_bare_values.html"


def _official(**status) -> OfficialRecord:
    sm = {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2026-03-01"}, **status}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}, "statusModule": sm}})


def test_meddatax_demo_shows_overdue_start():
    page = scrape_html(MEDDATAX.read_text(), "https://meddatax.com/clinical-trials/NCT07232563")
    findings = reconcile(page, load_demo_record(page.nct_id), date(2026, 11, 22))
    kinds = [(f.kind, f.about) for f in findings]
    assert ("registry_overdue", "registry") in kinds
    assert any("1 Dec 2025" in f.message for f in findings)
    assert not any(f.kind == "status_drift" for f in findings)  # the page matches the record


def test_recruiting_page_for_completed_trial_is_critical():
    page = PageRecord(site="x", nct_id="NCT00000001", status="RECRUITING", status_text="Recruiting")
    f = reconcile(page, _official(overallStatus="COMPLETED"), date(2026, 11, 22))
    drift = [x for x in f if x.kind == "status_drift"]
    assert drift and drift[0].severity == "critical"
    assert "Recruiting" in drift[0].message and "completed" in drift[0].message


def test_unrecognized_wording_is_never_an_alarm():
    page = PageRecord(site="x", nct_id="NCT00000001", status=None, status_text="Pending review")
    f = reconcile(page, _official(overallStatus="COMPLETED"), date(2026, 11, 22))
    assert [x.kind for x in f] == ["cannot_compare"] and f[0].severity == "info"


def test_stale_page_says_how_old():
    page = PageRecord(site="x", nct_id="NCT00000001", status="RECRUITING", status_text="Recruiting",
                      as_of="2025-06-27", as_of_text="Current as of June 27, 2025")
    f = reconcile(page, _official(), date(2026, 11, 22))
    stale = [x for x in f if x.kind == "page_stale"]
    assert stale and stale[0].evidence["lag_days"] == 247 and "8 months" in stale[0].message


def test_a_page_date_still_to_come_is_said_once_and_not_used():
    """"Last updated 2031-01-01" cannot tell when the page was right: no stale check, no "the page was
    right at its date", one info finding; tomorrow (time zones) is still a date the page may show."""
    page = PageRecord(site="x", nct_id="NCT00000001", status="RECRUITING", status_text="Recruiting",
                      as_of="2031-01-01", as_of_text="Last updated: 2031-01-01")
    history = [{"status": "RECRUITING", "last_update_posted": "2020-01-01"}]
    found = reconcile(page, _official(overallStatus="COMPLETED"), date(2026, 11, 22), history)
    kinds = [f.kind for f in found]
    assert "page_date_ahead" in kinds and "status_changed_since" not in kinds and "page_stale" not in kinds
    ahead = next(f for f in found if f.kind == "page_date_ahead")
    assert ahead.severity == "info" and "2031-01-01" in ahead.message
    assert "status_drift" in kinds   # the status is still compared
    tomorrow = PageRecord(site="x", nct_id="NCT00000001", status="RECRUITING", as_of="2026-11-23")
    assert not [f for f in reconcile(tomorrow, _official(), date(2026, 11, 22)) if f.kind == "page_date_ahead"]


def test_month_precision_as_of_is_not_stale_within_the_month():
    page = PageRecord(site="x", nct_id="NCT00000001", as_of="2026-03", as_of_text="Updated March 2026")
    assert not [x for x in reconcile(page, _official(), date(2026, 4, 1)) if x.kind == "page_stale"]


def test_not_verified_for_two_years():
    f = reconcile(PageRecord(site="x"), _official(statusVerifiedDate="2024-01"), date(2026, 11, 22))
    unv = [x for x in f if x.kind == "registry_unverified"]
    assert unv and unv[0].severity == "warning" and unv[0].evidence["months"] > 24


def test_cli_check_json():
    out = subprocess.run([sys.executable, "-m", "server.cli", "check", str(MEDDATAX), "--today", "2026-11-22", "--json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert data["nct_id"] == "NCT07232563"
    assert data["official"]["status"] == "NOT_YET_RECRUITING"
    assert any(f["kind"] == "registry_overdue" for f in data["drift"]["findings"])


def _check_text(page, *extra, env=None):
    import os
    return subprocess.run([sys.executable, "-m", "server.cli", "check", str(page), "--today", "2026-11-22", *extra],
                          capture_output=True, text=True, check=True, env={**os.environ, **(env or {})}).stdout


def test_cli_check_says_the_verdict_the_extension_shows(tmp_path):
    """The text output leads with the service's verdict (drift.summarize), so the CLI and the card never
    disagree; --json carries it too."""
    env = {"TRIALLENS_OFFLINE": "1", "TRIALLENS_DB": str(tmp_path / "s.sqlite3")}
    # the page matches; the record itself is overdue: in sync, with the note under it
    out = _check_text(MEDDATAX, env=env)
    assert ("\nThis trial may have opened: check ClinicalTrials.gov\nTrialLens is set to work offline "
            "(TRIALLENS_OFFLINE) and did not ask ClinicalTrials.gov, so it compared this page with its saved copy of the "
            "ClinicalTrials.gov record from 18 Nov 2025. In that copy, the trial's planned start has passed: see "
            "below.\n") in out   # (offline: a stored copy)
    # an age with no unit: the page differs (an error, not staleness)
    clin = FIXTURES / "html" / "clinconnect.io" / "nct06427642_full.html"
    out = _check_text(clin, env=env)
    # (a critical age finding leads: the headline says which, not only "differs"; review round 5)
    assert "\nThe ages on this page may not be in years\n" in out and "aged 1 to 28" in out
    data = json.loads(_check_text(clin, "--json", env=env))
    assert data["drift"]["verdict"] == "differs" and data["drift"]["state"] == "drifted"
    # a stale "Recruiting" page for a completed trial
    record = tmp_path / "completed.json"
    rec = json.loads((SAVED_COPIES / "NCT06427642.json").read_text())
    rec["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    # (a file ClinicalTrials.gov stamped today is its current answer; an older one is a copy of its day: see below)
    rec.setdefault("derivedSection", {}).setdefault("miscInfoModule", {})["versionHolder"] = date.today().isoformat()
    record.write_text(json.dumps(rec))
    out = _check_text(clin, "--record", str(record), env=env)
    assert "\nClinicalTrials.gov says this trial has been completed\n" in out
    # a page with nothing that can be compared
    bare = tmp_path / "bare.html"
    bare.write_text("<html><head><link rel=canonical href='https://example.org/t/NCT06427642'></head>"
                    "<body><h1>A trial</h1><p>NCT06427642</p></body></html>")
    out = _check_text(bare, "--record", str(SAVED_COPIES / "NCT06427642.json"), env=env)
    # (this trial's record is itself past its planned end: that comes first, not a grey "Could not check")
    # (the bundled file is a copy of 24 May 2024: said as that file's, not as today's ClinicalTrials.gov; review r15, 9)
    assert ("\nThis trial may have ended: check ClinicalTrials.gov\nTrialLens found nothing on this page it could "
            "compare, but the copy of the ClinicalTrials.gov record in NCT06427642.json (from 24 May 2024) says the trial's planned end has passed: "
            "see below.\n") in out


def test_cli_check_uses_the_stores_history(tmp_path):
    """The page ("Recruiting", current as of June 27, 2025) was right then; the store knows the
    record changed to completed later, so check says both: critical drift, and when it changed."""
    import copy
    import os

    from scrapers.registry import Store

    data = json.loads((SAVED_COPIES / "NCT06427642.json").read_text())
    then = copy.deepcopy(data)
    then["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2025-05-02", "type": "ACTUAL"}
    now = copy.deepcopy(data)
    sm = now["protocolSection"]["statusModule"]
    sm["overallStatus"] = "COMPLETED"
    sm["lastUpdatePostDateStruct"] = {"date": "2025-09-15", "type": "ACTUAL"}
    db = tmp_path / "h.sqlite3"
    store = Store(str(db))
    store.put(OfficialRecord(then), fetched_at="2025-05-03T00:00:00Z")
    store.put(OfficialRecord(now), fetched_at="2026-11-21T00:00:00Z")
    store.close()
    page = FIXTURES / "html" / "clinconnect.io" / "nct06427642_full.html"
    out = subprocess.run([sys.executable, "-m", "server.cli", "check", str(page), "--url",
                          "https://clinconnect.io/trials/NCT06427642", "--today", "2026-11-22", "--json"],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "TRIALLENS_DB": str(db), "TRIALLENS_OFFLINE": "1"})
    found = {f["kind"]: f for f in json.loads(out.stdout)["drift"]["findings"]}
    assert found["status_drift"]["severity"] == "critical"
    since = found["status_changed_since"]
    assert since["evidence"]["changed_on"] == "2025-09-15" and "completed" in since["message"]


def test_a_page_that_cannot_be_fetched_says_why_in_a_sentence():
    """`triallens check URL` over real HTTP on 127.0.0.1: an HTTP error and a refused connection
    are said plainly (not urllib3's repr of the exception)."""
    import socket
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    import pytest

    from scrapers.errors import BadInput
    from server.page_source import fetch_page

    class Gone(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_error(404, "Not Found")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Gone)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(BadInput, match="the site answered HTTP 404 Not Found"):
            fetch_page(f"http://127.0.0.1:{server.server_port}/trial/NCT07232563")
    finally:
        server.shutdown()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]   # nothing listens once the socket closes
    with pytest.raises(BadInput, match=r"could not connect to the site$"):
        fetch_page(f"http://127.0.0.1:{closed}/trial/NCT07232563")
    with pytest.raises(BadInput, match="use http:// or https://"):
        fetch_page("ftp://127.0.0.1/trial")


# -- review round 12d: the CLI says what the card and the service's pages say --------------------------------------

# (medifind lists its criteria under no heading: its note says so, test_unplaced_criteria.py)
NO_CRITERIA_PAGES = ["biotechhunter.com/nct07041801_chips_divs.html", "crick.ai/nct07232563_divs.html",
                     "meddatax.com/nct06427642_labelled_table.html"]


@pytest.mark.parametrize("rel", NO_CRITERIA_PAGES)
def test_cli_check_says_who_can_join_was_not_checked_as_the_service_does(rel, tmp_path, capsys):
    """P1: on a page where TrialLens read no eligibility criteria, the card and the service's pages add "… so it did
    not check who can join"; the CLI said "Matches TrialLens's saved copy" and stopped there. The same headline and
    note now, the CLI naming no service ("TrialLens is set to work offline", P7)."""
    from server import create_app
    from server.cli import main
    from server.verdict_words import NOTES, UNASKED_OFFLINE, UNASKED_OFFLINE_CLI

    page = FIXTURES / "html" / rel
    client = create_app({"TRIALLENS_DB": str(tmp_path / "s.db"), "TRIALLENS_OFFLINE": "1",
                         "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    resp = client.post("/api/v1/annotate", json={"url": fixture_url(page), "html": page.read_text(encoding="utf-8")})
    drift = resp.get_json()["drift"]
    assert drift["note"].endswith(" " + NOTES["no_criteria"])
    assert main(["check", str(page), "--url", fixture_url(page)]) == 0
    out = capsys.readouterr().out
    note = drift["note"].replace(UNASKED_OFFLINE, UNASKED_OFFLINE_CLI)
    assert f"\n{drift['headline']}\n{note}\n" in out
    assert "This TrialLens service" not in out and "Note: TrialLens used its saved copy" not in out


def test_cli_check_offline_says_why_once_in_the_clis_words(capsys):
    """P7: "This TrialLens service works offline …", then a developer line saying it again ("Note: TrialLens used its
    saved copy …, which may be out of date (offline mode: saved copy fetched 27 Jun 2025)."). Now once, for the CLI;
    the registry's own words only with --verbose, on stderr."""
    from server.cli import main

    page = FIXTURES / "html" / "biotechhunter.com" / "nct07041801_chips_divs.html"
    assert main(["check", str(page), "--url", fixture_url(page)]) == 0
    out = capsys.readouterr()
    assert out.out.endswith(
        "\nMatches TrialLens's saved copy\nTrialLens is set to work offline (TRIALLENS_OFFLINE) and did not ask "
        "ClinicalTrials.gov, so it compared this page with its saved copy of the ClinicalTrials.gov record from 27 Jun "
        "2025. Anything changed since that copy was saved was not checked. TrialLens found no eligibility criteria it "
        "could read on this page, so it did not check who can join: read them on ClinicalTrials.gov before you "
        "decide.\n")
    assert out.err == ""
    assert main(["check", str(page), "--url", fixture_url(page), "--verbose"]) == 0
    assert capsys.readouterr().err == "\nDetails: offline mode: saved copy fetched 27 Jun 2025\n"
