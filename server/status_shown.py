"""How a trial's status is said to a person: the HTML pages, the CLI and (in JavaScript) the card's format.js and
badges.js word it the same way; tests hold the two languages together. Here so the CLI need not import the Flask
pages to print a related trial's status; the error pages link a trial's official record with it."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from scrapers.dates import human_date, to_date, well_formed
from scrapers.timestamps import utc_moment   # (the service pages import it from here)
from scrapers.reconcile.finding import STATUS_WORDS, months_between
from scrapers.reconcile.saved_copy import copy_day
from scrapers.reconcile.status import UNCONFIRMED_MONTHS, months_unconfirmed, overdue_side
from scrapers.reconcile.unknown_status import likely_over


OFFICIAL_HOST = re.compile(r"(?i)^(www\.)?clinicaltrials\.gov\.?$")
_NCT = re.compile(r"NCT\d{8}")


def official_url(official: dict | None, nct_id: str | None) -> str | None:
    """The official record's address: the service's, only on https://clinicaltrials.gov, else built from the id."""
    url = (official or {}).get("url") or ""
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts and parts.scheme == "https" and OFFICIAL_HOST.match(parts.hostname or ""):
        return url
    return f"https://clinicaltrials.gov/study/{nct_id}" if nct_id and _NCT.fullmatch(nct_id) else None


def status_words(status: str | None) -> str:
    """"NOT_YET_RECRUITING" as "Not yet recruiting", capitalised as the card writes statuses (format.js statusWords,
    STATUS_WORDS); wording that is not a status code is shown as given."""
    if not status or status == "UNKNOWN":
        return "Unknown status"
    words = STATUS_WORDS.get(status)
    return words[:1].upper() + words[1:] if words else str(status)


# a related trial past its planned start or end (the service's `overdue`): its status as the saved copy gives it, then
# that fact (extension/lib/badges.js RELATED_OVERDUE). Not the listing badge's "? May have opened": under a caption
# about open trials it read as good news, lost the copy's date, and a screen reader said "question mark" (review r17)
RELATED_OVERDUE = {"start": "though its planned start has passed", "end": "though its planned end has passed"}
RELATED_BY_INVITATION = "By invitation only"
# a related trial whose sponsor had not confirmed its status for over 2 years (the service's `unconfirmed_since`): that
# month, not the saved copy's, which read as "confirmed then" ("Recruiting (as of Sep 2024)" for a status last confirmed
# in Mar 2018; review r35 §7). extension/lib/badges.js RELATED_UNCONFIRMED says it the same
RELATED_UNCONFIRMED = "status last confirmed {month}"
# an expanded-access record is a way to get a treatment outside a trial, not a trial to join: its "Available" must not
# read as a trial's status (review r16 §9). These statuses are given only to such records.
RELATED_EXPANDED_ACCESS = "Expanded access (not a trial)"
EXPANDED_ACCESS_STATUSES = frozenset({"AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE",
                                      "APPROVED_FOR_MARKETING"})


def related_status(trial: dict) -> str:
    """A related trial's status as the card's relatedView words it: from a copy older than two days, with its month
    ("Recruiting (as of Nov 2025)"); "(saved copy)" when nothing dates it; past its planned end "Recruiting (as of
    Nov 2025), though its planned end has passed" (start: "Not yet recruiting, though its planned start has passed"),
    "By invitation only" for "Enrolling by invitation", "Expanded access (not a trial)" for an expanded-access record
    (then its status if it is no longer available: "Expanded access (not a trial): no longer available"); one whose
    sponsor had not confirmed its status for over 2 years "Recruiting (status last confirmed Mar 2018)"."""
    status = _dated_status(trial)
    overdue = RELATED_OVERDUE.get(trial.get("overdue") or "")
    return f"{status}, {overdue}" if overdue else status


def _dated_status(trial: dict) -> str:
    code = trial.get("status")
    if trial.get("study_type") == "EXPANDED_ACCESS" or code in EXPANDED_ACCESS_STATUSES:
        status = RELATED_EXPANDED_ACCESS + (f": {status_words(code).lower()}" if code and code != "AVAILABLE" else "")
    else:
        status = RELATED_BY_INVITATION if code == "ENROLLING_BY_INVITATION" else status_words(code)
    since = trial.get("unconfirmed_since")
    if trial.get("status") and isinstance(since, str) and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", since):
        return f"{status} ({RELATED_UNCONFIRMED.format(month=human_date(since[:7]))})"
    if not trial.get("status") or "status_as_of" not in trial:
        return status
    when = utc_moment(trial.get("status_as_of")) if trial.get("status_as_of") else None
    if when is None:
        return f"{status} (saved copy)"
    if datetime.now(timezone.utc) - when > timedelta(days=2):
        return f"{status} (as of {human_date(when.date().isoformat()[:7])})"
    return status


def unconfirmed_since(record, today: date) -> str | None:
    """The record's last-verified month when its sponsor had not confirmed its (not closed) status for over
    UNCONFIRMED_MONTHS by today, as far as TrialLens's copy shows: a listing's badge then says "Recruiting (status last
    confirmed Aug 2023)", never green nor red, as a related trial does (server/related_fresh.py); else None. A green
    "Recruiting" beside a card warning that the status may be out of date hid it (review r56 F3).
    Live, that is where the card warns registry_unverified (counted to today). A saved copy is counted
    to today too, not to its own day as the card counts the sponsor's silence: the badge must name a month, and the
    copy's ("Recruiting (as of Sep 2024)") read as "confirmed then" of a status its copy says was last confirmed in Aug
    2023 (NCT00499317; status3): the badge's words say the month is the copy's word. An "Unknown status" record counts
    as its card's registry_unverified warning does (reconcile/unknown_status.py)."""
    verified = record.status_verified
    if record.status == "UNKNOWN":
        months = months_between(to_date(verified, end=True), today) if well_formed(verified) else None
    else:
        months = months_unconfirmed(record.status, verified, None, today)
    return verified if months is not None and months > UNCONFIRMED_MONTHS else None


def badge_overdue(record, copy_as_of: str | None, today: date) -> str | None:
    """A listing badge's overdue sign (GET /api/v1/status `overdue`): the record's own (overdue_side: "start" or
    "end"), and "end" for an "Unknown status" record very likely over (unconfirmed for over 2 years, its planned end
    passed: unknown_status.likely_over), whose card is headed "This trial may have ended: check with the study team":
    its badge was a grey "Unknown status", calmer than the card (status3). Counted to the saved copy's day when it is
    one, as the card counts it."""
    side = overdue_side(record, today)
    if side or record.status != "UNKNOWN":
        return side
    return "end" if likely_over(record, copy_before(copy_as_of, today) or today) else None


def copy_before(copy_as_of: str | None, today: date) -> date | None:
    """The day a saved copy was current (`copy_as_of`: its fetched_at), if before today: what a reading "counted to the
    copy's day" counts to. None for no copy, a copy nothing dates, or one of today (or later: a clock set back). The
    one reading of it for the listing's badge (badge_overdue) and a related trial's row (server/related_fresh.py)."""
    day = copy_day(copy_as_of)
    return date.fromisoformat(day) if day and date.fromisoformat(day) < today else None
