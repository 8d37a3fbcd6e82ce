"""`triallens check` of a saved copy of the trial's own ClinicalTrials.gov page (service3): its out-of-date line is
said once (page_stale said it again under it), and its findings are said as the person's copy ("Your saved copy says
…"), not as a third-party page's ("This page says …"); --json keeps reconcile's findings and words."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json

import pytest

from scrapers.dates import human_date
from scrapers.model import PageRecord
from test_cli_official_page import _check, _record, offline  # noqa: F401  (the fixture and helpers of that file)

OUT_OF_DATE = "Your saved copy is out of date: it was last updated 15 Mar 2018"


def _rows(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("  [")]


def test_an_out_of_date_copy_is_said_so_once(offline, capsys):  # noqa: F811
    out = _check(capsys, _record(offline, "COMPLETED", "2024-06-01", oldest="70 Years"))
    rows = _rows(out)
    assert OUT_OF_DATE in out
    assert not any("page_stale" in r or "Last Update Posted" in r for r in rows), rows
    assert f"{len(rows)} finding(s):" in out and len(rows) == 2, out


def test_json_keeps_the_page_stale_finding_marked_as_said_by_saved_copy(offline, capsys):  # noqa: F811
    data = json.loads(_check(capsys, _record(offline, "COMPLETED", "2024-06-01"), "--json"))
    stale = [f for f in data["drift"]["findings"] if f["kind"] == "page_stale"]
    assert len(stale) == 1 and stale[0]["said_in"] == "saved_copy"
    assert stale[0]["message"].startswith('This page says "Last Update Posted: 2018-03-15", but')
    assert not any("said_in" in f for f in data["drift"]["findings"] if f["kind"] != "page_stale")


def test_a_copy_not_older_than_the_record_has_no_finding_marked(offline, capsys):  # noqa: F811
    """(No page_stale then: the line above says the copy is up to date, or newer than the record TrialLens has.)"""
    for updated in ("2018-03-15", "2017-05-01"):
        data = json.loads(_check(capsys, _record(offline, "COMPLETED", updated, oldest="70 Years"), "--json"))
        assert not any("said_in" in f for f in data["drift"]["findings"])


def test_a_saved_copy_s_findings_are_said_as_the_copy_s(offline, capsys):  # noqa: F811
    out = _check(capsys, _record(offline, "COMPLETED", "2024-06-01", oldest="70 Years"))
    rows = _rows(out)
    assert any('] Your saved copy says "Recruiting", but' in r for r in rows), rows
    assert any("] Your saved copy gives the maximum age as 80 years, but the record in" in r for r in rows), rows
    assert not any("this page" in r.lower() for r in rows), rows
    data = json.loads(_check(capsys, _record(offline, "COMPLETED", "2024-06-01", oldest="70 Years"), "--json"))
    assert any(f["message"].startswith('This page says "Recruiting"') for f in data["drift"]["findings"])


def test_a_saved_copy_s_note_says_what_was_compared_as_the_copy(offline, capsys):  # noqa: F811
    """The note under the headline named the person's own file "this page" ("it compared this page with that copy"),
    as if TrialLens had read a third-party site; its JSON keeps reconcile's words, as the findings' do."""
    out = _check(capsys, _record(offline, "COMPLETED", "2024-06-01", oldest="70 Years"))
    note = out.split("\n\n", 1)[1].splitlines()[2]
    assert "so it compared your saved copy with that copy of the ClinicalTrials.gov record" in note, note
    assert "this page" not in note.lower(), note
    data = json.loads(_check(capsys, _record(offline, "COMPLETED", "2024-06-01", oldest="70 Years"), "--json"))
    assert "compared this page with that copy" in data["drift"]["note"]


def test_the_copy_s_words_come_from_claimed_as_a_claim_s_do():
    """One rewording by speaker (server/claimed.py), each "this page" of the message, the claim's words unchanged."""
    from scrapers.model import PageRecord
    from server.claimed import COPY, claimed_message

    page = PageRecord("clinicaltrials.gov", as_of="2018-03-15")
    said = claimed_message("status_changed_since", "This page was right when it was last updated (15 Mar 2018), "
                           "so this page may be right.", page, COPY)
    assert said == "Your saved copy was right when it was last updated (15 Mar 2018), so your saved copy may be right."
    assert claimed_message("status_drift", 'This page says "Recruiting", but …', page, "person") \
        == 'You entered "Recruiting", but …'


def test_another_site_s_findings_still_say_this_page(capsys):
    from conftest import FIXTURES
    from server.cli import main

    page = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"
    assert main(["check", str(page), "--record", str(SAVED_COPIES / "NCT07635758.json"), "--today",
                 "2026-01-10"]) == 0
    assert "Your saved copy" not in capsys.readouterr().out


def _told(out: str) -> str:
    """What is said between the record's lines and the findings: the saved_copy line, the headline and the note."""
    return out.split("\n\n", 1)[1].split(" finding(s):", 1)[0]


@pytest.mark.parametrize("status,updated,oldest", [("COMPLETED", "2024-06-01", "80 Years"),   # (older)
                                                   ("RECRUITING", "2017-05-01", "70 Years"),  # (newer)
                                                   ("RECRUITING", "2018-03-15", "70 Years")])  # (same)
def test_each_date_is_said_once_above_the_findings(offline, capsys, status, updated, oldest):  # noqa: F811
    """The note under the headline said the two last updates the saved_copy line had just given ("saved when its last
    update was 15 Mar 2018; the record has been updated since (1 Jun 2024)", then "the ClinicalTrials.gov record from
    1 Jun 2024"): the line keeps them, the note says what was compared. --json keeps its fields and the note's dates."""
    record = _record(offline, status, updated, oldest=oldest)
    told = _told(_check(capsys, record))
    for day in {human_date("2018-03-15"), human_date(updated)}:
        assert told.count(day) == 1, (day, told)
    assert told.splitlines()[0].count(human_date(updated)) == 1   # (the line keeps them)
    assert "This file is the trial's own page on ClinicalTrials.gov" in told.splitlines()[2]
    data = json.loads(_check(capsys, record, "--json"))["drift"]
    assert set(data["saved_copy"]) == {"page_last_update", "record_last_update", "copy_is", "said"}
    assert human_date(updated) in data["note"] and "compared this page with" in data["note"]


def test_a_copy_dated_otherwise_than_the_record_s_last_update_keeps_its_date():
    """Only a date the line gave is left out: TrialLens's copy of the record fetched another day is still dated."""
    from server.claimed import COPY, claimed_drift

    saved = {"page_last_update": "2018-03-15", "record_last_update": "2024-06-01", "copy_is": "older",
             "said": "Your saved copy is out of date: it was last updated 15 Mar 2018, and ClinicalTrials.gov has "
                     "updated the record since (1 Jun 2024)."}
    note = ("TrialLens is set to work offline, so it compared this page with its saved copy of the ClinicalTrials.gov "
            "record from {copy}.")
    drift = {"headline": "This page may be out of date", "findings": [], "saved_copy": saved}
    kept = claimed_drift({**drift, "note": note.format(copy="5 Dec 2026")}, PageRecord("clinicaltrials.gov"), COPY)
    assert kept["note"].endswith("the ClinicalTrials.gov record from 5 Dec 2026.")
    assert kept["headline"] == "Your saved copy may be out of date"
    same = claimed_drift({**drift, "note": note.format(copy="1 Jun 2024")}, PageRecord("clinicaltrials.gov"), COPY)
    assert same["note"].endswith("compared your saved copy with its saved copy of the ClinicalTrials.gov record.")


def test_a_saved_copy_s_headline_is_said_as_the_copy_s(offline, capsys):  # noqa: F811
    """("The ages on this page differ …" above a note and rows that say "your saved copy".)"""
    record = _record(offline, "RECRUITING", "2018-03-15", oldest="70 Years")
    assert "The ages on your saved copy differ from the record in" in _told(_check(capsys, record))
    assert json.loads(_check(capsys, record, "--json"))["drift"]["headline"].startswith("The ages on this page")
