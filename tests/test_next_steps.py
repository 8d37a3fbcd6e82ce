"""Every alarm verdict ends its note with what to do next (review r26 #3: "This page changes a rule for who can join",
the findings, then nothing on which list to trust or whom to ask, where an overdue record's card ended "ask the study
team"), and the API, the HTML page and `triallens check` say the same sentence."""

from __future__ import annotations

import html
import json
import re

import pytest
from service_support import record

from conftest import FIXTURES, fixture_url
from scrapers.model import PageRecord
from scrapers.reconcile import Finding
from server import create_app
from server.cli import main
from server.drift import summarize
from server.verdict_words import NEXT_STEPS

OPEN_PAGE = PageRecord(site="x", nct_id="NCT00000001", status="RECRUITING", status_text="Recruiting")
COPY = "2025-07-01T00:00:00Z"


def f(kind, severity="warning", field="status", evidence=None):
    return Finding(kind, severity, field, None, None, "msg", evidence or {})


@pytest.mark.parametrize("status,findings,copy,verdict,step", [
    ("RECRUITING", [f("fact_mismatch", field="enrollment")], None, "differs", "other"),
    ("RECRUITING", [f("fact_mismatch", field="enrollment")], COPY, "differs", "other"),
    ("RECRUITING", [f("page_stale", field="as_of")], None, "out_of_date", "other"),
    ("RECRUITING", [f("criterion_changed", "critical", "inclusion_criteria")], None, "differs", "rule"),
    ("RECRUITING", [f("criterion_changed", "critical", "inclusion_criteria")], COPY, "differs", "rule"),
    ("RECRUITING", [f("fact_mismatch", "critical", "min_age")], None, "differs", "ages"),
    ("RECRUITING", [f("plain_age", "critical", "plain_summary", {"unit_missing": True})], None, "differs", "ages"),
    ("COMPLETED", [f("status_drift", "critical")], None, "not_recruiting", "not_recruiting"),
    ("TERMINATED", [f("status_drift", "critical")], COPY, "not_recruiting", "copy_not_recruiting"),
    ("ENROLLING_BY_INVITATION", [f("status_drift")], None, "out_of_date", "invited_only"),
    ("RECRUITING", [f("other_trial", "critical", "title")], None, "differs", "other_trial"),
])
def test_every_alarm_verdict_ends_with_a_next_step(status, findings, copy, verdict, step):
    out = summarize(OPEN_PAGE, record("NCT00000001", status), findings, copy)
    assert out["verdict"] == verdict
    assert out["note"].endswith(NEXT_STEPS[step]), out["note"]
    assert out["note"].count(NEXT_STEPS[step]) == 1
    if copy:   # (the copy is still named first: why the page was compared with it)
        assert out["note"].startswith("TrialLens could not check with ClinicalTrials.gov just now, so it compared")


def test_the_next_steps_name_the_list_and_whom_to_ask():
    """The sentences themselves (the tests above take them from NEXT_STEPS): which list to go by, whom to ask, and
    where to look for an open trial; a closed trial from a saved copy is checked today first."""
    assert NEXT_STEPS["rule"] == ("Go by ClinicalTrials.gov's list of who can join, and confirm with the study team "
                                  "before you decide.")
    assert NEXT_STEPS["not_recruiting"] == ("This trial is not taking new participants: to find an open trial like "
                                            "it, search ClinicalTrials.gov or see the related trials TrialLens suggests.")
    assert NEXT_STEPS["copy_not_recruiting"].startswith("Check its status on ClinicalTrials.gov today; if it is still")


def test_a_may_have_opened_note_keeps_its_own_step():
    """A page saying "Recruiting" of a record overdue to open: that note already ends "ask the study team whether it
    has opened", and "Go by the official record" would contradict "this page may be right"."""
    overdue = Finding("registry_overdue", "warning", "status", None, None, "msg", {"start_date": "2025-06-01"},
                      "registry")
    out = summarize(OPEN_PAGE, record("NCT00000001", "NOT_YET_RECRUITING", start="2025-06-01"),
                    [f("status_drift", "critical"), overdue])
    assert out["note"].endswith("ask the study team whether it has opened.")
    assert not any(step in out["note"] for step in NEXT_STEPS.values())


def test_in_sync_and_could_not_check_get_no_alarm_step():
    for findings in ([], [f("cannot_compare", "info")]):
        out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), findings)
        assert not any(step in out.get("note", "") for step in NEXT_STEPS.values())


# the same sentence on every surface -------------------------------------------------------------------------------

SEMANTIC = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"


def _changed_weight() -> str:   # (test_reconcile_summary_fold.py's case)
    """TrialFinderData's page of NCT07635758 with "Body weight 45-90 kg" made "45-120 kg" in its criteria and in its
    plain-English summary (the r26 walk-through's case)."""
    text = SEMANTIC.read_text(encoding="utf-8")
    assert text.count("Body weight 45-90 kg") == 2
    return text.replace("Body weight 45-90 kg", "Body weight 45-120 kg")


@pytest.fixture
def offline(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "cli.sqlite3"))
    return tmp_path


def test_api_page_and_cli_say_the_same_next_step(offline, capsys):
    page_html = _changed_weight()
    app = create_app({"TRIALLENS_DB": str(offline / "api.sqlite3"), "TRIALLENS_OFFLINE": "1",
                      "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    url = fixture_url(SEMANTIC)
    note = app.post("/api/v1/annotate", json={"url": url, "html": page_html}).get_json()["drift"]["note"]
    assert note.endswith(" " + NEXT_STEPS["rule"])
    shown = app.post("/check", data={"url": url, "html": page_html}).get_data(as_text=True)
    said = re.search(r'(?s)<p id="verdict-note">(.*?)</p>', shown).group(1)
    assert re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", said))).strip().startswith(note)
    path = offline / "page.html"
    path.write_text(page_html, encoding="utf-8")
    # (the CLI is no service: "TrialLens is set to work offline", not "This TrialLens service works offline")
    cli_note = note.replace("This TrialLens service works offline", "TrialLens is set to work offline (TRIALLENS_OFFLINE)")
    assert main(["check", str(path), "--url", url, "--today", "2026-01-10"]) == 0
    assert f"\n{cli_note}\n" in capsys.readouterr().out
    assert main(["check", str(path), "--url", url, "--today", "2026-01-10", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["drift"]["note"] == cli_note
