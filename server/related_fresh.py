"""Related trials, how current each one's status is by TrialLens's saved copy: when the copy was current, whether the
trial is past its planned start or end, and whether the sponsor had gone long without confirming its status. A trial
last confirmed in Mar 2018 read "Recruiting (as of Sep 2024)", the copy's month, as if confirmed then (review r35 §7).
A row says what a listing's badge says of the same record on the same day (server/status_shown.py badge_overdue and
unconfirmed_since, which it calls): a sponsor's silence counted to today, and an "Unknown status" record very likely over
past its planned end. The row counted the silence to the copy's day and never said the latter, calmer than the badge
beside it (rel13).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from scrapers.official import OfficialRecord
from scrapers.reconcile.status import ONGOING
from server.status_shown import badge_overdue, unconfirmed_since as badge_unconfirmed


@dataclass(frozen=True)
class Copy:
    """The store's copy of a trial's record: when it was current (None: not dated) and the record's last-verified
    month (statusVerifiedDate)."""

    fetched_at: str | None
    verified: str | None


def copies(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Copy]:
    """{nct_id: Copy} of the store's copies among `ids` (an index built apart from a store has none)."""
    if not ids:
        return {}
    try:
        rows = conn.execute("SELECT nct_id, CASE WHEN dated THEN fetched_at END, status_verified FROM studies "
                            f"WHERE nct_id IN ({','.join('?' * len(ids))})", ids).fetchall()
    except sqlite3.OperationalError:   # (no studies table, or one from before `dated`)
        return {}
    return {nct: Copy(fetched, verified) for nct, fetched, verified in rows}


def freshness(nct_id: str, status: str | None, dates: dict, copy: Copy | None, today: date) -> tuple[str | None, str | None]:
    """(overdue, unconfirmed_since) of a related trial, from the index's dates and the store's copy (its last-verified
    month; without a copy nothing says when the status was confirmed), as a listing's badge gives them for the record
    on the same day (status_shown.badge_overdue, status_shown.unconfirmed_since)."""
    if copy is None and status not in ONGOING:
        return None, None   # (only an ongoing status is past its plans without a last-verified month: most, at once)
    rec = _record(nct_id, status, dates, copy)
    return (badge_overdue(rec, copy.fetched_at if copy else None, today),
            badge_unconfirmed(rec, today) if copy is not None else None)


def _record(nct_id: str, status: str | None, dates: dict, copy: Copy | None) -> OfficialRecord:
    """The record as far as the badge's rules read it: its status, dates and last-verified month."""
    module = {"overallStatus": status}
    for key, name in (("start", "startDateStruct"), ("completion", "completionDateStruct"),
                      ("primary_completion", "primaryCompletionDateStruct")):
        if isinstance(dates.get(key), dict):
            module[name] = dates[key]
    if copy is not None and copy.verified:
        module["statusVerifiedDate"] = copy.verified
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": nct_id}, "statusModule": module}})
