"""Review r56 F4: a record's "Unknown status" is said what it means (the trial is very likely over; ask the study
team), backed by the record's last-verified month and planned end, and never as an alarm about a page that shows the
same status (before: a plain green "In sync with ClinicalTrials.gov", no finding, on 649 of 8,092 corpus records)."""

from datetime import date

from status_support import status_record

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.status import check_registry
from server.drift import summarize

TODAY = date(2026, 12, 7)
_record = status_record


def _unknown(**over) -> OfficialRecord:
    fields = {"statusVerifiedDate": "2005-06", "lastKnownStatus": "RECRUITING",
              "completionDateStruct": {"date": "2006-03", "type": "ESTIMATED"}}
    fields.update(over)
    return _record("UNKNOWN", **{k: v for k, v in fields.items() if v is not None})


def test_unknown_status_says_what_it_means_from_the_records_own_dates():
    [f] = check_registry(_unknown(), TODAY)
    assert (f.kind, f.severity, f.about, f.official_value) == ("registry_unverified", "warning", "registry", "2005-06")
    assert f.message == (
        'ClinicalTrials.gov lists this trial\'s status as "Unknown status", which it gives a trial past its planned '
        "end whose status nobody has confirmed for over 2 years: this trial was due to finish in Mar 2006, and the "
        "sponsor (the group running the trial) last confirmed its status in Jun 2005, over 21 years ago. Its last "
        'known status was "recruiting". The trial is very likely over: ask the study team before you count on '
        "joining it.")
    assert f.evidence["completion_date"] == "2006-03" and f.evidence["months"] == 257
    assert f.evidence["likely_over"] is True   # (the card's status line says "very likely over" on this alone)


def test_unknown_status_without_an_end_date_does_not_say_the_trial_is_over():
    [f] = check_registry(_unknown(completionDateStruct=None), TODAY)
    assert f.severity == "warning"   # (unconfirmed for over 2 years, as a recruiting record's)
    assert "very likely over" not in f.message and "due to finish" not in f.message
    assert f.message.endswith("Ask the study team whether the trial is still going on.")
    assert f.evidence["likely_over"] is False


def test_unknown_status_confirmed_lately_is_information_only():
    [f] = check_registry(_unknown(statusVerifiedDate="2025-06", completionDateStruct=None), TODAY)
    assert f.severity == "info" and "very likely over" not in f.message


def test_unknown_status_against_a_saved_copy_names_the_copy_and_counts_to_it():
    [f] = check_registry(_unknown(), TODAY, copy_as_of="2024-09-24T10:00:00Z")
    assert f.message.startswith("TrialLens's saved copy of the ClinicalTrials.gov record, from 24 Sep 2024, lists "
                                'this trial\'s status as "Unknown status"')
    assert "over 19 years before that copy was saved" in f.message


def test_a_page_showing_unknown_status_is_no_alarm_but_is_no_plain_green_tick():
    """The page agrees with the record: no page finding; the verdict is in sync with the record's caveat, as a
    recruiting record unconfirmed as long gets (before: a plain "In sync with ClinicalTrials.gov", findings [])."""
    page = PageRecord(site="x", nct_id="NCT00173134", status="UNKNOWN", status_text="Unknown status")
    rec = _unknown()
    found = reconcile(page, rec, TODAY)
    assert not [f for f in found if f.about == "page"]
    drift = summarize(page, rec, found)
    assert drift["verdict"] == "in_sync" and drift["caveat"] == "record_overdue"
    # (very likely over: headed as an overdue end is, on this page and on one showing no status; review r57 F6)
    assert drift["headline"] == "This trial may have ended: check with the study team"
    assert any("very likely over" in f["message"] for f in drift["findings"])
    bare = PageRecord(site="x", nct_id="NCT00173134")
    drift = summarize(bare, rec, reconcile(bare, rec, TODAY))
    assert (drift["verdict"], drift["caveat"]) == ("could_not_check", "record_overdue")
    assert drift["headline"] == "This trial may have ended: check with the study team"
    assert drift["note"].endswith("says the trial's planned end has passed: see below.")
    # (no end date: nothing says it is over; the record's caveat stays "may be out of date")
    undated = _unknown(completionDateStruct=None)
    drift = summarize(page, undated, reconcile(page, undated, TODAY))
    assert drift["headline"] == "In sync, but the official record may be out of date"
