"""How a trial's status is said to a person: the HTML pages, the CLI and (in JavaScript) the card's format.js and
badges.js word it the same way; tests hold the two languages together. Here so the CLI need not import the Flask
pages to print a related trial's status; the error pages link a trial's official record with it."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from scrapers.dates import human_date
from scrapers.timestamps import utc_moment   # (the service pages import it from here)
from scrapers.reconcile.finding import STATUS_WORDS
from scrapers.reconcile.saved_copy import copy_day
from scrapers.reconcile.status import UNCONFIRMED_MONTHS, months_unconfirmed


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


def unconfirmed_since(record, copy_as_of: str | None, today: date) -> str | None:
    """The record's last-verified month when its sponsor had not confirmed its (not closed) status for over
    UNCONFIRMED_MONTHS: counted as the trial's own card counts it (scrapers.reconcile.status.check_registry's
    registry_unverified warning: to the day of a saved copy that could not be refreshed, `copy_as_of`, else to today),
    so a listing's badge says "Recruiting (status last confirmed Aug 2023)" exactly where the card warns, as a related
    trial does (server/related_fresh.py); else None. A green "Recruiting" beside a card warning that the status may be
    out of date hid it (review r56 F3)."""
    day = copy_day(copy_as_of)
    copy = day if day and date.fromisoformat(day) < today else None
    verified = record.status_verified
    months = months_unconfirmed(record.status, verified, copy, today)
    return verified if months is not None and months > UNCONFIRMED_MONTHS else None
