"""Status, freshness and the official record's own overdue signs.

An unrecognized page wording is "cannot compare", never drift. Registry findings are
about the official record itself (about="registry"), not about the page.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from ..dates import compare_partial, human_date, parse_partial_date, still_to_come, to_date, well_formed
from ..model import OfficialRecord, PageRecord
from ..vocab import OPEN_STATUSES, normalize_status, says_not_taking
from .finding import (INVITED_ONLY, NOT_OPENED_NOW, STATUS_WORDS, Finding, age_phrase, months_between,
                      months_phrase, quote, said_status, status_words)
from .saved_copy import SAVED_COPY, copy_day, copy_from
from .status_wordings import closed_claim, on_date, ongoing_claim, says_ongoing
from .unknown_status import unknown_status

ONGOING = ("RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING")
# Statuses whose verification date no longer matters: the study is over.
CLOSED = ("COMPLETED", "TERMINATED", "WITHDRAWN", "UNKNOWN", "NO_LONGER_AVAILABLE", "APPROVED_FOR_MARKETING")


def check_status(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    off = official.status
    if not page.status_text and not page.status:
        return []
    if page.status is None and says_not_taking(page.status_text) and off not in (None, "UNKNOWN"):
        return closed_claim(page, off, official)
    if says_ongoing(page, off):
        return [ongoing_claim(page, off, official)]
    if page.status is None:
        return [Finding(
            "cannot_compare", "info", "status", page.status_text, off,
            f'TrialLens could not compare this page\'s status, "{quote(page.status_text, 60)}", with ClinicalTrials.gov, '
            f"which says {said_status(off)}.",
            {"reason": "unrecognized page wording"},
        )]
    if off is None or page.status == off:
        return []
    shown = page.status_text or status_words(page.status)
    evidence = {"page_status": page.status, "official_status": off,
                "official_last_update_posted": official.last_update_posted}
    if off == "UNKNOWN":
        last = official.last_known_status
        evidence["official_last_known_status"] = last
        msg = (f'This page says "{quote(shown, 60)}", but ClinicalTrials.gov lists the trial\'s status as "Unknown status"'
               + (f" (last known: {said_status(last)})" if last else "")
               + " because the sponsor has not confirmed it in over 2 years"
               + (", so the trial may no longer be taking participants." if page.status in OPEN_STATUSES else "."))
        return [Finding("status_drift", "warning", "status", shown, off, msg, evidence)]
    if off == "WITHHELD":   # (the record withholds its status: it backs no alarm, either way; status3's finding)
        return [Finding(
            "cannot_compare", "info", "status", shown, off,
            f'TrialLens could not check this page\'s status, "{quote(shown, 60)}": ClinicalTrials.gov withholds this '
            "trial's status (its record is not public yet), so it neither confirms nor contradicts it. Ask the study "
            "team whether it is taking participants.",
            {**evidence, "reason": "official status withheld"})]
    invites = page.status in OPEN_STATUSES and off not in OPEN_STATUSES
    msg = f'This page says "{quote(shown, 60)}", but ClinicalTrials.gov says the trial is {said_status(off)}'
    # (by invitation: what a reader told "Recruiting" needs is who may join; not yet recruiting: that it has not
    # opened, as the summary's claim is said; review round 21)
    not_open = NOT_OPENED_NOW if off == "NOT_YET_RECRUITING" and page.status in OPEN_STATUSES - {off} else "."
    by_invitation = INVITED_ONLY if off == "ENROLLING_BY_INVITATION" else not_open
    msg += ", so it is not taking new participants." if invites else by_invitation
    return [Finding("status_drift", "critical" if invites else "warning", "status", shown, off, msg, evidence)]


# How far along its life a trial is under each status, for telling whether a record could have moved
# from one status to another since a copy of it was taken. Statuses move forward; a suspended trial
# (or expanded access temporarily not available) can also go back. UNKNOWN is left out: it is not a stage.
# a date alone, in digits ("2023-01", "2025-06-27", a year): no words of the page's around it
_BARE_DATE = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")


def _page_date_said(page: PageRecord) -> str:
    """"This page says …" of the page's own last-updated date: its words quoted ("Last updated: 2025-06-01"), but a
    bare date (a claim given as a date alone, or no words kept) as the card writes dates, unquoted: 'This page says
    "2023-01"' put TrialLens's digits in the page's mouth and was hard to read (review r23 #17)."""
    shown = page.as_of_text or page.as_of
    if not _BARE_DATE.fullmatch(shown.strip()):
        return f'This page says "{quote(shown, 60)}"'
    return f"This page says it was last updated {on_date(page.as_of)}"


def check_page_date(page: PageRecord, today: date) -> list[Finding]:
    """A page "updated" on a date still to come (a day of slack for time zones) cannot say when it was
    last right: said once, as information, and the date is not used (reconcile drops it)."""
    if not page.as_of or not well_formed(page.as_of) or not still_to_come(page.as_of, today):
        return []
    shown = page.as_of_text or page.as_of
    return [Finding(
        "page_date_ahead", "info", "as_of", shown, None,
        f"{_page_date_said(page)}, a date in the future, so TrialLens cannot tell when the page was last updated and "
        "did not use that date.",
        {"page_as_of": page.as_of, "today": today.isoformat()},
    )]


# an aggregator's "Last updated" is often ClinicalTrials.gov's date in another time zone, a day either way: a page a
# day behind the record is no sign it missed a change (review r56 F8: "updated on 24 May 2024, 1 day later" was amber)
SAME_DAY_SLACK = 1


def check_freshness(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """The page's last-updated date before the record's last update, by more than a day (a page giving a day; by any
    time for a month or a year). A month or a year counts from
    its last day, and its gap is said as "at least" ("2023" is at least 5 months before 24 May 2024, not 5 months)."""
    posted = official.last_update_posted
    if not page.as_of or not well_formed(posted) or not well_formed(page.as_of):
        return []
    if compare_partial(page.as_of, posted) >= 0:
        return []
    lag = (to_date(posted) - to_date(page.as_of, end=True)).days
    if lag <= SAME_DAY_SLACK and page.as_of.count("-") == 2:   # (a day's date only: "March 2008" can be a month
        return []   # behind a record updated 1 Apr 2008; review r57 F5)
    gap = age_phrase(lag)   # ("over 2 years" says "at least" already)
    gap = f"at least {gap}" if page.as_of.count("-") < 2 and not gap.startswith("over ") else gap
    return [Finding(
        "page_stale", "warning", "as_of", page.as_of_text or page.as_of, posted,
        f"{_page_date_said(page)}, but this trial's ClinicalTrials.gov record was updated {on_date(posted)}, "
        f"{gap} later, so this page may miss recent changes.",
        {"page_as_of": page.as_of, "official_last_update_posted": posted, "lag_days": lag},
    )]


# a history entry written within this long of its own fetch never served as the record: the store puts an answer
# older than its copy (a lagging mirror or cache) straight into history (registry.store: replaced_at = the write's time)
_LAGGING_SECONDS = 60


def _moment(value: object) -> datetime | None:
    try:
        out = datetime.fromisoformat(str(value or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    return out if out.tzinfo else out.replace(tzinfo=timezone.utc)


def lagging_answer(entry: dict, history: list[dict]) -> bool:
    """Was this history entry an answer the store judged out of date when it came (an older version than one it
    already had), not a version that was once the record? Either it went to history within a minute of its fetch
    (the store's "older" write), or another version with a later last update had been fetched no later than it.
    Such an answer vouches for nothing: "right when the page was last updated" rested on one (review r56 F6)."""
    fetched, replaced = _moment(entry.get("fetched_at")), _moment(entry.get("replaced_at"))
    if fetched and replaced and 0 <= (replaced - fetched).total_seconds() <= _LAGGING_SECONDS:
        return True
    posted = parse_partial_date(str(entry.get("last_update_posted") or ""))
    if not fetched or not posted:
        return False
    for other in history:
        other_posted = parse_partial_date(str(other.get("last_update_posted") or "")) if isinstance(other, dict) else None
        other_fetched = _moment(other.get("fetched_at")) if other_posted else None
        if other_fetched and compare_partial(other_posted, posted) > 0 and other_fetched <= fetched:
            return True
    return False


def _versions(official: OfficialRecord, history: list[dict] | None) -> list[tuple[str, str]]:
    """(last_update_posted, status) of every version that was once the record, oldest first, the current one last
    (a lagging answer kept in history left out: lagging_answer)."""
    out = []
    entries = [h for h in history or [] if isinstance(h, dict)]
    for h in entries:
        posted = parse_partial_date(str(h.get("last_update_posted") or ""))
        status = h.get("status")
        status = status if status in STATUS_ENUM else normalize_status(status)
        if posted and status and not lagging_answer(h, entries):
            out.append((posted, status))
    out.sort(key=lambda v: to_date(v[0]))
    if official.last_update_posted and official.status:
        out.append((official.last_update_posted, official.status))
    return out


STATUS_ENUM = frozenset(STATUS_WORDS)


def check_status_history(page: PageRecord, official: OfficialRecord, history: list[dict] | None) -> list[Finding]:
    """The page's status was right at its as-of date and changed since (from stored versions). A page's "Active"
    (ONGOING_WORDS) was right while the record gave any ongoing status, and changed when the trial was over."""
    ongoing = says_ongoing(page, official.status)
    if not history or not (page.status or ongoing) or not page.as_of or page.status == official.status:
        return []
    said = set(ONGOING) if ongoing else {page.status}
    versions = _versions(official, history)
    at_as_of = [v for v in versions if compare_partial(v[0], page.as_of) <= 0]
    if not at_as_of or at_as_of[-1][1] not in said:
        return []
    then = at_as_of[-1]
    later = [v for v in versions if to_date(v[0]) > to_date(then[0]) and v[1] not in said]
    if not later:
        return []
    changed_on, changed_to = later[0]
    after = [v for v in versions if to_date(v[0]) < to_date(changed_on)][-1][0]   # (`then` at least)
    return [Finding(
        "status_changed_since", "info", "status", page.status_text or status_words(page.status), official.status,
        _changed_said(page, then, after, changed_on, changed_to),
        {"page_as_of": page.as_of, "status_at_as_of": then[1], "version_at_as_of_posted": then[0],
         "changed_after": after, "changed_on": changed_on, "changed_to": changed_to,
         "official_status": official.status},
    )]


def _changed_said(page: PageRecord, then: tuple[str, str], after: str, by: str, to: str) -> str:
    """When the status changed, as far as the versions known say: after the last one still giving the page's status
    (`after`) and by the first giving another (`by`), whose last update is no date of the change itself (review r56
    F6: 'changed to "completed" on 4 Aug 2015'). Only a version after the page's date still giving its status shows
    the page was right then; else the change may have come before the page's date, and that is said."""
    if compare_partial(after, page.as_of) > 0:
        when = on_date(by) if to_date(after) >= to_date(by) else f"between {human_date(after)} and {human_date(by)}"
        return (f"This page was right when it was last updated ({human_date(page.as_of)}): the trial was "
                f"{said_status(then[1])} then, but its ClinicalTrials.gov record changed to {said_status(to)} {when}.")
    return (f"This page was right when it was last updated ({human_date(page.as_of)}), as far as TrialLens knows: the "
            f"record's last update before then, {on_date(then[0])}, said the trial was {said_status(then[1])}, and by "
            f"{human_date(by)} its ClinicalTrials.gov record had changed to {said_status(to)}.")


# what to ask the study team about a trial past its planned end, by the status its record still gives
# against a saved copy, the free and instant step first: today's record may settle it (review round 5: the copy's
# age alone sent people to a study team they may not reach)
_LOOK_FIRST = "check its status on ClinicalTrials.gov today, and if it has not changed"
_ASK_AFTER_END = {"RECRUITING": "whether it is still taking participants.",
                  "ENROLLING_BY_INVITATION": "whether it is still taking participants.",
                  "NOT_YET_RECRUITING": "whether it ever opened."}


def _passed_start(official: OfficialRecord, today: date):
    """The record's planned start, passed while it still says "not yet recruiting", or None."""
    start = official.start if official.start and well_formed(official.start.date) else None
    if official.status == "NOT_YET_RECRUITING" and start and to_date(start.date, end=True) < today:
        return start
    return None


def _passed_end(official: OfficialRecord, today: date):
    """The record's planned (primary) completion, passed while its status is still an ongoing one, or None."""
    comp = next((c for c in (official.completion, official.primary_completion) if c and well_formed(c.date)), None)
    if official.status in ONGOING and comp and to_date(comp.date, end=True) < today:
        return comp
    return None


def overdue_field(official: OfficialRecord, today: date) -> str | None:
    """"status" (its start has passed), "completion_date" (its end) or None: the field of check_registry's
    registry_overdue finding, without writing its message (a listing's badges ask this of 100 records)."""
    return "status" if _passed_start(official, today) else "completion_date" if _passed_end(official, today) else None


def overdue_side(official: OfficialRecord, today: date) -> str | None:
    """overdue_field as the service words it for a listing's badge and a related trial: "start" (its planned start
    has passed while not yet recruiting), "end" (its planned end while still ongoing) or None."""
    return {"status": "start", "completion_date": "end"}.get(overdue_field(official, today))


# a status the sponsor has not confirmed for longer "may be out of date" (registry_unverified's warning); a related
# trial's row then says since when, not the saved copy's month (server/related.py unconfirmed_since; review r35 §7)
UNCONFIRMED_MONTHS = 24


def months_unconfirmed(status: str | None, verified: str | None, copy: str | None, today: date) -> int | None:
    """How many months the sponsor had not confirmed a status that is not closed: from the record's last-verified month
    to `copy` (the ISO day of a saved copy, before today), else to today. None for a closed status or no well-formed
    date. Against a saved copy the months since it are the copy's age, not the sponsor's silence (a copy saved the
    month the sponsor confirmed read "last confirmed … over 2 years ago")."""
    if status in CLOSED or not well_formed(verified):
        return None
    return months_between(to_date(verified, end=True), to_date(copy) if copy else today)


def check_registry(official: OfficialRecord, today: date, copy_as_of: str | None = None) -> list[Finding]:
    """Concerns about the official record itself (not about the page). With a stored copy that could not be
    refreshed (`copy_as_of`), what ClinicalTrials.gov says today is not known: the message says what the copy
    says and when it was taken ("TrialLens's saved copy of the ClinicalTrials.gov record, from 18 Nov 2025, says
    "not yet recruiting", and the planned start …"), never what ClinicalTrials.gov "still says"."""
    out: list[Finding] = []
    st = official.status
    day = copy_day(copy_as_of)
    copy = day if day and to_date(day) < today else None
    # (a copy of unknown date speaks as a copy too: what ClinicalTrials.gov says today is just as unknown)
    undated = bool(copy_as_of) and day is None
    says = f"{SAVED_COPY}, {copy_from(copy_as_of)}, says" if copy or undated else "ClinicalTrials.gov still says"
    start = _passed_start(official, today)
    if start:
        days = (today - to_date(start.date, end=True)).days
        out.append(Finding(
            "registry_overdue", "warning", "status", None, st,
            (f'{says} "not yet recruiting", and the planned start ({human_date(start.date)}) was {age_phrase(days)} ago'
             if copy or undated else
             f'{says} "not yet recruiting", {age_phrase(days)} after the planned start ({human_date(start.date)})')
            + (f"; {_LOOK_FIRST}, ask the study team whether it has opened." if copy or undated
               else "; ask the study team whether it has opened."),
            {"start_date": start.date, "start_type": start.type, "days_past": days}, about="registry",
        ))
    comp = _passed_end(official, today)
    if comp and not out:   # (past its start as well: said once)
        days = (today - to_date(comp.date, end=True)).days
        out.append(Finding(
            "registry_overdue", "warning", "completion_date", None, comp.date,
            f"{says} {said_status(st)}, {'and' if copy or undated else 'but'} the trial was due to finish "
            f"{on_date(comp.date)}, {age_phrase(days)} ago; "
            + (f"{_LOOK_FIRST}, ask the study team " if copy or undated else "ask the study team ")
            + _ASK_AFTER_END.get(st, "whether it has finished."),
            {"status": st, "completion_date": comp.date, "completion_type": comp.type, "days_past": days},
            about="registry",
        ))
    verified = official.status_verified
    months = months_unconfirmed(st, verified, copy, today)
    if months is not None:
        if months > 12:
            over24 = months > UNCONFIRMED_MONTHS
            # (not 'ClinicalTrials.gov shows trials not confirmed for over 2 years as "Unknown status"' beside the
            # record's "ClinicalTrials.gov: Recruiting", which read as a contradiction; review round 7)
            unknown = " A status not confirmed for over 2 years may be out of date: check it with the study team."
            out.append(Finding(
                "registry_unverified", "warning" if over24 else "info", "status_verified", None, verified,
                (f"When TrialLens saved its copy of the ClinicalTrials.gov record ({human_date(copy)}), the sponsor "
                 f"(the group running the trial) had not confirmed this trial's status for {months_phrase(months)} "
                 f"(since {human_date(verified)})." if copy else
                 f"In {SAVED_COPY} (from an unknown date), the sponsor (the group running the trial) had last "
                 f"confirmed this trial's status {on_date(verified)}, {months_phrase(months)} before today."
                 if undated else
                 f"The sponsor (the group running the trial) last confirmed this trial's status "
                 f"{on_date(verified)}, {months_phrase(months)} ago.")
                + (unknown if over24 else ""),
                {"status_verified": verified, "months": months, "threshold_months": UNCONFIRMED_MONTHS if over24 else 12},
                about="registry",
            ))
    return out + unknown_status(official, today, copy, undated, copy_as_of)
