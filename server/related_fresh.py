"""Related trials, how current each one's status is by TrialLens's saved copy: when the copy was current, whether the
trial is past its planned start or end, and whether the sponsor had gone long without confirming its status. A trial
last confirmed in Mar 2018 read "Recruiting (as of Sep 2024)", the copy's month, as if confirmed then (review r35 §7).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from scrapers.official import OfficialRecord
from scrapers.reconcile.saved_copy import copy_day
from scrapers.reconcile.status import ONGOING, UNCONFIRMED_MONTHS, months_unconfirmed, overdue_side


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
    """(overdue, unconfirmed_since) of a related trial, from the index's dates and the store's copy."""
    return overdue(nct_id, status, dates, today), unconfirmed_since(status, copy, today)


def unconfirmed_since(status: str | None, copy: Copy | None, today: date) -> str | None:
    """The record's last-verified month when the sponsor had not confirmed its (not closed) status for over
    UNCONFIRMED_MONTHS by the copy's date (by today for a copy nothing dates), as the trial's own page counts it
    (scrapers.reconcile.status.months_unconfirmed); else None."""
    if copy is None:
        return None
    day = copy_day(copy.fetched_at)
    months = months_unconfirmed(status, copy.verified, day if day and date.fromisoformat(day) < today else None, today)
    return copy.verified if months is not None and months > UNCONFIRMED_MONTHS else None


def overdue(nct_id: str, status: str | None, dates: dict, today: date) -> str | None:
    """"start" / "end" as a listing's badge says it (`/api/v1/status` overdue), from the index's copy of the dates."""
    if status not in ONGOING:   # (the rule's own first test, without building a record)
        return None
    module = {"overallStatus": status}
    for key, name in (("start", "startDateStruct"), ("completion", "completionDateStruct"),
                      ("primary_completion", "primaryCompletionDateStruct")):
        if isinstance(dates.get(key), dict):
            module[name] = dates[key]
    rec = OfficialRecord({"protocolSection": {"identificationModule": {"nctId": nct_id}, "statusModule": module}})
    return overdue_side(rec, today)
