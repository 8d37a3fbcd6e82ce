"""Review r56 F6, F8, F11: how a record's status and its changes are worded.

F6: a status change is dated by the versions known ("between … and …", "by …"), and an answer the store judged out of
date when it came (kept in history as older) vouches for no page.
F8: a page a day behind the record is no sign it is out of date; a year or a month alone is "at least" that far behind.
F11: a date with no day is "in Dec 2024", never "on Dec 2024".
"""

from datetime import date

from status_support import status_record

from scrapers.model import PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.status import check_freshness, check_registry
from scrapers.registry.records import Incoming, utc_now
from scrapers.registry.store import Store
from server.claimed import claimed_message

TODAY = date(2026, 12, 7)
_record = status_record


# F6 -----------------------------------------------------------------------------------------------------------------

def _withdrawn_page() -> PageRecord:
    return PageRecord(site="x", nct_id="NCT00000410", status="WITHDRAWN", status_text="Withdrawn", as_of="2001-06")


def test_an_older_answer_the_store_kept_in_history_vouches_for_nothing(tmp_path):
    """r56's repro: ClinicalTrials.gov (a lagging mirror) answered WITHDRAWN, last update 2001-01-01, for a trial the
    store has as COMPLETED (4 Aug 2015); the store keeps the newer copy and puts the answer in history. A page saying
    "Withdrawn" as of Jun 2001 was told it "was right when it was last updated" on that answer alone."""
    from scrapers.reconcile.status import lagging_answer
    store = Store(tmp_path / "s.db")
    current = _record("COMPLETED", nct="NCT00000410")
    store.put_many([Incoming(current, "2026-11-01T10:00:00Z", "registry")])
    older = _record("WITHDRAWN", nct="NCT00000410", lastUpdatePostDateStruct={"date": "2001-01-01"})
    assert store.put_many([Incoming(older, utc_now(), "registry")]).older == 1
    history = store.history("NCT00000410")
    assert [h["status"] for h in history] == ["WITHDRAWN"] and lagging_answer(history[0], history)
    kinds = {f.kind for f in reconcile(_withdrawn_page(), current, TODAY, history=history)}
    assert "status_changed_since" not in kinds and "status_drift" in kinds


def test_an_answer_older_than_a_version_fetched_before_it_is_lagging_too():
    from scrapers.reconcile.status import lagging_answer
    history = [{"status": "WITHDRAWN", "last_update_posted": "2001-01-01", "fetched_at": "2026-11-20T10:00:00Z",
                "replaced_at": "2026-12-01T10:00:00Z"},
               {"status": "ACTIVE_NOT_RECRUITING", "last_update_posted": "2010-05-01",
                "fetched_at": "2026-11-01T10:00:00Z", "replaced_at": "2026-11-30T10:00:00Z"}]
    assert lagging_answer(history[0], history) and not lagging_answer(history[1], history)


def test_a_version_that_was_once_the_record_dates_the_change_by_the_versions_known():
    """A version fetched long before it was replaced was the record: the page was right as far as TrialLens knows,
    and the change came by the next version's last update, not "on" it."""
    history = [{"status": "WITHDRAWN", "last_update_posted": "2001-01-01", "fetched_at": "2001-02-01T10:00:00Z",
                "replaced_at": "2015-08-05T10:00:00Z"}]
    current = _record("COMPLETED", nct="NCT00000410")
    [since] = [f for f in reconcile(_withdrawn_page(), current, TODAY, history=history)
               if f.kind == "status_changed_since"]
    assert since.message == (
        "This page was right when it was last updated (Jun 2001), as far as TrialLens knows: the record's last update "
        'before then, on 1 Jan 2001, said the trial was "withdrawn", and by 4 Aug 2015 its ClinicalTrials.gov record '
        'had changed to "completed".')
    assert " on 4 Aug 2015" not in since.message
    assert (since.evidence["changed_after"], since.evidence["changed_on"]) == ("2001-01-01", "2015-08-04")
    said = claimed_message("status_changed_since", since.message, _withdrawn_page(), "caller")
    assert said.startswith("The status given was right when the page was last updated (Jun 2001), as far as "
                           "TrialLens knows:")


def test_a_version_after_the_pages_date_still_giving_its_status_bounds_the_change():
    history = [{"status": "WITHDRAWN", "last_update_posted": "2001-01-01"},
               {"status": "WITHDRAWN", "last_update_posted": "2009-02-13"}]
    current = _record("COMPLETED", nct="NCT00000410")
    [since] = [f for f in reconcile(_withdrawn_page(), current, TODAY, history=history)
               if f.kind == "status_changed_since"]
    assert since.message.endswith('the trial was "withdrawn" then, but its ClinicalTrials.gov record changed to '
                                  '"completed" between 13 Feb 2009 and 4 Aug 2015.')


# F8 -----------------------------------------------------------------------------------------------------------------

def _stale(as_of: str):
    rec = _record(lastUpdatePostDateStruct={"date": "2024-05-24"})
    return check_freshness(PageRecord(site="x", nct_id="NCT00173134", as_of=as_of, as_of_text=as_of), rec)


def test_a_page_one_day_behind_the_record_is_not_out_of_date():
    assert _stale("2024-05-23") == []
    [f] = _stale("2024-05-22")
    assert f.message.endswith("record was updated on 24 May 2024, 2 days later, so this page may miss recent changes.")


def test_a_year_or_a_month_alone_is_at_least_that_far_behind():
    [year] = _stale("2023")
    assert "24 May 2024, at least 5 months later," in year.message
    [month] = _stale("2024-04")
    assert "at least 24 days later," in month.message
    [long] = _stale("2021")   # ("over 2 years" says "at least" already)
    assert "24 May 2024, over 2 years later," in long.message and "at least over" not in long.message
    assert _stale("2024-05") == [] and _stale("2024") == []


# F11 ----------------------------------------------------------------------------------------------------------------

def test_an_end_given_as_a_month_is_in_that_month_not_on_it():
    rec = _record("ACTIVE_NOT_RECRUITING", statusVerifiedDate="2026-10",
                  completionDateStruct={"date": "2024-12", "type": "ESTIMATED"})
    [f] = [f for f in check_registry(rec, TODAY) if f.kind == "registry_overdue"]
    assert "due to finish in Dec 2024, 23 months ago" in f.message and " on Dec" not in f.message
    rec = _record("ACTIVE_NOT_RECRUITING", statusVerifiedDate="2026-10",
                  completionDateStruct={"date": "2024-12-15", "type": "ESTIMATED"})
    [f] = [f for f in check_registry(rec, TODAY) if f.kind == "registry_overdue"]
    assert "due to finish on 15 Dec 2024," in f.message


def test_a_verified_day_is_on_that_day():
    [f] = check_registry(_record(statusVerifiedDate="2023-08-05"), TODAY)
    assert "last confirmed this trial's status on 5 Aug 2023," in f.message
    [f] = check_registry(_record(statusVerifiedDate="2023-08"), TODAY)
    assert "last confirmed this trial's status in Aug 2023," in f.message


def test_the_days_slack_is_for_a_page_giving_a_day_not_a_month():
    """Review r57 F5: "Updated March 2008" against a record updated 1 Apr 2008 (NCT00124774) counted from 31 March,
    one day behind, and got the day's slack; a page giving only the month may be a month behind."""
    from scrapers.reconcile.status import check_freshness

    record = _record(lastUpdatePostDateStruct={"date": "2008-04-01", "type": "ACTUAL"})
    [month] = check_freshness(PageRecord(site="x", nct_id="NCT00173134", as_of="2008-03"), record)
    assert month.kind == "page_stale" and "at least 1 day later" in month.message
    assert check_freshness(PageRecord(site="x", nct_id="NCT00173134", as_of="2008-03-31"), record) == []
