"""Stored timestamps (when TrialLens fetched or saved a record: "2025-11-03T10:00:00Z"): the one reading of one, and
how a person reads it. Split from scrapers/dates.py, which reads the dates and ages pages and records give."""

from __future__ import annotations

from datetime import datetime, timezone

from .dates import MONTH_ABBR


def utc_moment(timestamp) -> datetime | None:
    """A stored timestamp ("2025-11-03T10:00:00Z", or naive, taken as UTC) as an aware UTC datetime; None if it is
    not one. The one reading of a stored timestamp: moment() words it, the service pages age it, the registry asks
    whether a copy is fresh."""
    try:
        when = datetime.fromisoformat(str(timestamp).strip().replace("Z", "+00:00"))
        return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    except (ValueError, OverflowError):   # (OverflowError: "0001-01-01T00:00:00+05:00" in UTC is before year 1)
        return None


def moment(timestamp: str | None) -> str:
    """A stored UTC timestamp as a person reads it, the way messages give dates: "2026-01-10T08:05:00Z" ->
    "10 Jan 2026, 08:05 UTC"; midnight exactly is a date alone ("2024-05-24T00:00:00Z" -> "24 May 2024": a copy
    seeded from a record's date has no time of day, and "00:00 UTC" would make one up). Anything that is not a
    timestamp comes back as it is."""
    if not timestamp:
        return ""
    when = utc_moment(timestamp)
    if when is None:
        return timestamp
    day = f"{when.day} {MONTH_ABBR[when.month - 1]} {when.year}"   # (not %b: that follows the locale)
    if (when.hour, when.minute, when.second, when.microsecond) == (0, 0, 0, 0):
        return day
    return f"{day}, {when:%H:%M} UTC"
