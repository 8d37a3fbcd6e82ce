"""What `triallens check` prints (review r15): the JSON in the annotation's shape, each finding's kind in the text,
a --record file named as the dated copy it is, and `serve` on a busy port refused before it says it is running."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
import socket

import pytest

from conftest import FIXTURES, fixture_url
from server import create_app
from server.cli import main

CLIN = FIXTURES / "html" / "clinconnect.io" / "nct06427642_full.html"
RECORD = SAVED_COPIES / "NCT06427642.json"


@pytest.fixture
def offline(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "s.sqlite3"))
    return tmp_path


def _json(capsys, *argv: str) -> dict:
    assert main(["check", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_check_json_has_the_annotations_shape(offline, capsys):
    """The findings sat top-level in the CLI's JSON and under `drift` in the API's: a script broke on the other."""
    data = _json(capsys, str(CLIN), "--url", fixture_url(CLIN), "--today", "2026-11-22")
    assert set(data) == {"nct_id", "today", "page", "official", "drift"}
    assert [f["kind"] for f in data["drift"]["findings"]] == ["plain_age", "registry_overdue"]
    api = create_app({"TRIALLENS_DB": str(offline / "api.sqlite3"), "TRIALLENS_OFFLINE": "1",
                      "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    ann = api.post("/api/v1/annotate", json={"url": fixture_url(CLIN), "html": CLIN.read_text(encoding="utf-8")}).get_json()
    assert set(data["official"]) == set(ann["official"]) and set(data["drift"]) == set(ann["drift"])
    assert data["page"] == ann["page"] and data["official"]["stale_reason"] == ann["official"]["stale_reason"] == "offline"


def test_check_text_names_each_findings_kind(offline, capsys):
    """A printed line can be matched to the README's "What `check` finds" table, which is by kind."""
    assert main(["check", str(CLIN), "--url", fixture_url(CLIN), "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert '\n  [CRITICAL plain_age] This page\'s summary says "aged 1 to 28"' in out
    assert "\n  [WARNING registry_overdue] " in out


def test_a_record_file_is_said_as_that_files_dated_copy(offline, capsys):
    """A 2024 file was presented as today's ClinicalTrials.gov ("… but ClinicalTrials.gov says 1 day to 28 days")."""
    assert main(["check", str(CLIN), "--url", fixture_url(CLIN), "--record", str(RECORD), "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert f"  record file:         recruiting, last update posted 24 May 2024 (the record in {RECORD})\n" in out
    assert "ClinicalTrials.gov says" not in out and "ClinicalTrials.gov:" not in out and "saved copy" not in out
    assert "\nThe ages on this page may not be in years\nTrialLens was given the record in NCT06427642.json (--record)" in out
    assert "but the copy of the ClinicalTrials.gov record in NCT06427642.json (from 24 May 2024) says 1 day to 28 days" in out
    data = _json(capsys, str(CLIN), "--url", fixture_url(CLIN), "--record", str(RECORD), "--today", "2026-11-22")
    official = data["official"]
    assert (official["source"], official["stale"], official["stale_reason"]) == ("file", True, "record_file")
    assert official["fetched_at"].startswith("2024-05-24")


def test_the_clis_own_dates_are_written_as_the_page_writes_them(offline, capsys):
    """"last update posted 2025-11-18" sat beside "(TrialLens's copy of the record, from 18 Nov 2025)" (review r23
    #17): the CLI writes its own dates one way, "18 Nov 2025"; the page's own words and --json are as given."""
    seed = FIXTURES / "html" / "meddatax.com" / "nct07232563_bare_values.html"
    assert main(["check", str(seed), "--url", fixture_url(seed), "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert ("  saved copy:          not yet recruiting, last update posted 18 Nov 2025 (TrialLens's copy of the "
            "record)\n") in out   # (the copy's date, the same day, said once: review service4)
    assert "(Last Updated: 2025-11-18)" in out   # (the page's own words)
    data = _json(capsys, str(seed), "--url", fixture_url(seed), "--today", "2026-11-22")
    assert data["official"]["last_update_posted"] == "2025-11-18"


def test_a_record_file_nothing_dates_is_a_copy_from_an_unknown_date(offline, tmp_path, capsys):
    rec = json.loads(RECORD.read_text(encoding="utf-8"))
    del rec["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]
    rec.get("derivedSection", {}).get("miscInfoModule", {}).pop("versionHolder", None)
    (tmp_path / "undated.json").write_text(json.dumps(rec), encoding="utf-8")
    data = _json(capsys, str(CLIN), "--url", fixture_url(CLIN), "--record", str(tmp_path / "undated.json"))
    assert data["official"]["fetched_at"] is None and data["official"]["stale"] is True
    age = next(f for f in data["drift"]["findings"] if f["kind"] == "plain_age")
    assert "the copy of the ClinicalTrials.gov record in undated.json (from an unknown date)" in age["message"]


def test_serve_on_a_busy_port_is_refused_before_the_banner(offline, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"triallens: error: cannot listen on 127.0.0.1:{port}" in err and "--port" in err
    assert "TrialLens service on" not in err


UNSTORED = FIXTURES / "html" / "biotechhunter.com" / "nct07058025_table.html"   # (no bundled record of its trial)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("online", [False, True], ids=["offline", "unreachable"])
def test_check_json_with_no_record_prints_the_apis_could_not_check_document(online, offline, monkeypatch, capsys):
    """Review r19 #8: with no record to be had, `check --json` printed nothing (an error on stderr, exit 2) where the
    API answers the page's claims with could_not_check. It prints that document now, and keeps its exit status 2."""
    env = {"TRIALLENS_OFFLINE": "1"}
    if online:   # (a closed port: ClinicalTrials.gov unreachable, nothing stored)
        env = {"TRIALLENS_OFFLINE": "0", "TRIALLENS_CTGOV_URL": f"http://127.0.0.1:{_closed_port()}/api/v2",
               "TRIALLENS_LOOKUP_TIMEOUT": "2"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main(["check", str(UNSTORED), "--url", fixture_url(UNSTORED), "--json"]) == 2
    out, err = capsys.readouterr()
    assert err.startswith("triallens: error: ") and "NCT07058025" in err
    data = json.loads(out)
    assert set(data) == {"nct_id", "today", "page", "official", "drift"} and data["official"] is None
    api = create_app({"TRIALLENS_DB": str(offline / "api.sqlite3"), "TRIALLENS_RATE_LIMIT": "off", **env}).test_client()
    ann = api.post("/api/v1/annotate", json={"url": fixture_url(UNSTORED),
                                             "html": UNSTORED.read_text(encoding="utf-8")}).get_json()
    assert ann["official"] is None and data["page"] == ann["page"]
    assert data["drift"]["verdict"] == ann["drift"]["verdict"] == "could_not_check"
    assert data["drift"]["reason"] == ann["drift"]["reason"] == ("official_unavailable" if online else "not_asked")
    assert set(data["drift"]) == set(ann["drift"])


def test_a_record_files_stale_reason_is_in_the_published_enum(offline, capsys):
    data = _json(capsys, str(CLIN), "--url", fixture_url(CLIN), "--record", str(RECORD), "--today", "2026-11-22")
    spec = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1",
                       "TRIALLENS_DB": str(offline / "api.sqlite3")}).test_client().get("/openapi.json").get_json()
    official = spec["components"]["schemas"]["Official"]["properties"]
    assert data["official"]["stale_reason"] == "record_file" in official["stale_reason"]["enum"]
    assert "--record" in official["stale_reason"]["description"]
