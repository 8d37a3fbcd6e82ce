"""`triallens check` of a saved copy of the trial's own ClinicalTrials.gov page compares it with the record (the copy
may be older: README), but printed "This page says "Recruiting", but … says "completed"" as if a site were wrong. The
note now says first that the file is ClinicalTrials.gov's own page and what its differences mean, by which of the two
last updates is older; a page with no difference, or another site's page, is said as before."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json

import pytest

from conftest import FIXTURES
from server.cli import main

OFFICIAL = FIXTURES / "html" / "clinicaltrials.gov" / "nct03466619_study_semantic.html"   # (last update 2018-03-15)
SAVED_FROM = "This file is the trial's own page on ClinicalTrials.gov"


def _record(tmp_path, status: str, updated: str, oldest: str = "80 Years") -> str:
    """NCT03466619's record as the page shows it, but for its status, last update and maximum age."""
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT03466619",
                                 "briefTitle": "Penile Prosthesis in Patients With Erectile Dysfunction"},
        "statusModule": {"overallStatus": status, "statusVerifiedDate": updated[:7],
                         "startDateStruct": {"date": "2014-11-01", "type": "ACTUAL"},
                         "completionDateStruct": {"date": "2027-12-01", "type": "ESTIMATED"},
                         "lastUpdatePostDateStruct": {"date": updated, "type": "ACTUAL"}},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"], "enrollmentInfo": {"count": 100}},
        "eligibilityModule": {"sex": "MALE", "minimumAge": "18 Years", "maximumAge": oldest}}}
    path = tmp_path / f"{status}-{updated}.json"
    path.write_text(json.dumps(study), encoding="utf-8")
    return str(path)


@pytest.fixture
def offline(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "s.sqlite3"))
    return tmp_path


def _check(capsys, record: str, *more: str) -> str:
    assert main(["check", str(OFFICIAL), "--record", record, "--today", "2026-12-06", *more]) == 0
    return capsys.readouterr().out


def test_a_saved_official_page_older_than_the_record_says_its_differences_are_changes_since(offline, capsys):
    out = _check(capsys, _record(offline, "COMPLETED", "2024-06-01"))
    # (the line under the headline, which is under whether the copy is out of date)
    # (its dates said once, in the line above it: test_cli_saved_copy_words.py)
    note = out.split("\n\n", 1)[1].splitlines()[2]
    assert note.startswith(f"{SAVED_FROM}, saved before the record's last update, so the differences below are "
                           "changes ClinicalTrials.gov made after this copy was saved, not mistakes on a site. Go by "
                           "the record. TrialLens was given"), note
    assert "[CRITICAL status_drift]" in out   # (still compared, as documented)
    data = json.loads(_check(capsys, _record(offline, "COMPLETED", "2024-06-01"), "--json"))
    assert data["drift"]["note"].startswith(f"{SAVED_FROM}, saved when its last update was 15 Mar 2018")


def test_a_saved_official_page_without_its_address_is_known_by_its_title(offline, capsys):
    """A file saved with no address in it (no mark, no canonical link, in no site's folder) is ClinicalTrials.gov's
    by its title ("… | ClinicalTrials.gov"); the file's bytes are read for it (they were taken for text: a TypeError)."""
    bare = offline / "study.html"
    bare.write_text(OFFICIAL.read_text(encoding="utf-8").replace("<!-- source: https://clinicaltrials.gov/study/"
                                                                 "NCT03466619 -->", ""), encoding="utf-8")
    assert main(["check", str(bare), "--record", _record(offline, "COMPLETED", "2024-06-01"),
                 "--today", "2026-12-06"]) == 0
    assert f"{SAVED_FROM}, saved before the record's last update" in capsys.readouterr().out


def test_a_record_older_than_the_saved_official_page_is_said_as_the_older(offline, capsys):
    """(A status the older copy lacks is no alarm already, "this page may be right"; an age that differs is one.)"""
    out = _check(capsys, _record(offline, "RECRUITING", "2017-05-01", oldest="70 Years"))
    assert (f"{SAVED_FROM}, newer than the copy of the record TrialLens compared it with, so the differences below "
            "may be changes that copy lacks. Go by ClinicalTrials.gov today.") in out


def test_a_saved_official_page_that_matches_says_nothing_more(offline, capsys):
    out = _check(capsys, _record(offline, "RECRUITING", "2018-03-15"))
    assert SAVED_FROM not in out and "[CRITICAL" not in out


@pytest.mark.parametrize("as_of,said", [
    (None, "so a difference below is no site's mistake: the file may have been saved before the record changed, or "
           "TrialLens may have read it differently. Go by the record on ClinicalTrials.gov. Then the note."),
    ("2024-06", "saved when its last update was Jun 2024; the record has been updated since"),   # (a month: compared as one)
    ("2024-07", "so a difference below is no site's mistake"),   # (the record's month: neither is older)
])
def test_a_saved_official_page_s_date_is_read_as_far_as_it_goes(as_of, said):
    """No date on the page, or the record's: which is older is not said; a month before the record's is older.
    No alarm about the page (an info): the note is left as it was."""
    from scrapers.model import PageRecord
    from scrapers.official import OfficialRecord
    from server.official_page import saved_official_page

    record = OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT03466619"}, "statusModule": {
        "lastUpdatePostDateStruct": {"date": "2024-07-02" if as_of else "2024-06-01"}}}})
    drift = {"note": "Then the note.", "findings": [{"about": "page", "severity": "critical"}]}
    note = saved_official_page(drift, PageRecord("clinicaltrials.gov", as_of=as_of), record)["note"]
    assert note.startswith("This file is the trial's own page on ClinicalTrials.gov") and said in note, note
    quiet = {**drift, "findings": [{"about": "page", "severity": "info"}]}
    assert saved_official_page(quiet, PageRecord("clinicaltrials.gov"), record)["note"] == "Then the note."


@pytest.mark.parametrize("status,updated,copy_is,said", [
    ("COMPLETED", "2024-06-01", "older", "Your saved copy is out of date: it was last updated 15 Mar 2018, and "
                                         "ClinicalTrials.gov has updated the record since (1 Jun 2024)."),
    ("RECRUITING", "2018-03-15", "same", "Your saved copy is up to date with the record TrialLens has: both were last "
                                         "updated 15 Mar 2018."),
    ("RECRUITING", "2017-05-01", "newer", "Your saved copy was last updated 15 Mar 2018, after the copy of the "
                                          "record TrialLens has (1 May 2017): TrialLens cannot tell whether it is "
                                          "out of date."),
])
def test_a_saved_official_page_says_first_whether_the_copy_is_out_of_date(offline, capsys, status, updated, copy_is,
                                                                          said):
    """A person who saved ClinicalTrials.gov's page asks whether their copy is out of date: said above the verdict,
    with or without a difference (a copy that matches said nothing of it), and in --json as drift.saved_copy, added
    beside the verdict, headline and findings, which stay as they were."""
    record = _record(offline, status, updated)
    lines = _check(capsys, record).split("\n\n", 1)[1].splitlines()
    assert lines[0].startswith(said), lines
    data = json.loads(_check(capsys, record, "--json"))
    assert data["drift"]["saved_copy"] == {"page_last_update": "2018-03-15", "record_last_update": updated,
                                           "copy_is": copy_is, "said": data["drift"]["saved_copy"]["said"]}
    assert data["drift"]["saved_copy"]["said"].startswith(said)
    assert {"verdict", "headline", "findings"} <= set(data["drift"])


def test_a_saved_official_page_s_findings_are_not_said_as_a_site_s(offline, capsys):
    """Its differences are its copy against the record, not "about this page" as of a third-party site."""
    out = _check(capsys, _record(offline, "COMPLETED", "2024-06-01"))
    rows = [line for line in out.splitlines() if line.startswith("  [")]
    assert rows and all(line.endswith("(your saved copy against the record)") for line in rows), rows
    assert "your copy says:" in out and "page says:" not in out


def test_another_site_s_page_has_no_saved_copy_said(offline, capsys):
    page = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"
    assert main(["check", str(page), "--record", str(SAVED_COPIES / "NCT07635758.json"), "--today",
                 "2026-01-10", "--json"]) == 0
    assert "saved_copy" not in json.loads(capsys.readouterr().out)["drift"]


def _header(out: str) -> str:
    """The record's line at the top of the CLI's text ("  record file:  completed, last update posted …")."""
    return next(line for line in out.splitlines() if line.startswith("  record file:"))


def test_the_record_s_line_dates_the_record_once(offline, capsys):
    """"last update posted 1 Jun 2024 (the record in r.json, from 1 Jun 2024)" said the file's one date twice (review
    service4); a file dated another day than its last update (versionHolder) keeps that date. --json keeps its fields."""
    record = _record(offline, "COMPLETED", "2024-06-01")
    line = _header(_check(capsys, record))
    assert line.count("1 Jun 2024") == 1 and line.endswith(f"last update posted 1 Jun 2024 (the record in {record})")
    study = json.loads(open(record, encoding="utf-8").read())
    study["derivedSection"] = {"miscInfoModule": {"versionHolder": "2024-07-10"}}
    other = offline / "versioned.json"
    other.write_text(json.dumps(study), encoding="utf-8")
    assert _header(_check(capsys, str(other))).endswith(f"1 Jun 2024 (the record in {other}, from 10 Jul 2024)")
    official = json.loads(_check(capsys, record, "--json"))["official"]
    assert (official["last_update_posted"], official["fetched_at"][:10]) == ("2024-06-01", "2024-06-01")
