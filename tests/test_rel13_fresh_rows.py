"""A related trial's row is no calmer than a listing's badge for the same record on the same day (rel13).

The badge counts a saved copy's unconfirmed months to today and gives an "Unknown status" record very likely over
(unconfirmed for over 2 years, its planned end passed) the overdue sign "end" ("? May have ended"); the row counted the
months to the copy's day and gave an "Unknown status" record no sign at all. Both now read the record with the badge's
functions (server/status_shown.py badge_overdue, unconfirmed_since), and one helper says "the copy's day, if before
today" (status_shown.copy_before)."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.registry.store import Incoming, Store
from server.related import related
from server.status_shown import badge_overdue, copy_before, related_status, unconfirmed_since
from tests.test_related_patients import _rec

TODAY = date(2026, 12, 5)
RECENT = "2026-09-10T00:00:00Z"
OLD = "2024-09-10T00:00:00Z"


def _verified(rec, month: str | None):
    rec.data["protocolSection"]["statusModule"]["statusVerifiedDate"] = month
    return rec


# (record, its copy's date): every kind of freshness a row and a badge say
RECORDS = [
    (_verified(_rec("NCT90001300", "Colchicine for gout", ["Gout"]), "2026-08"), RECENT),            # the query
    # confirmed 9 months before its copy of Sep 2024, 3 years before today: the badge names the month
    (_verified(_rec("NCT90001301", "Colchicine for gout flares", ["Gout"]), "2023-12"), OLD),
    # "Unknown status", unconfirmed since 2018, due to end in 2019: very likely over (the badge: "? May have ended")
    (_verified(_rec("NCT90001302", "Colchicine for gout flares", ["Gout"], status="UNKNOWN", start="2017-01",
                    end="2019-06"), "2018-03"), RECENT),
    # the same, its copy from Sep 2024: still very likely over by that copy's day
    (_verified(_rec("NCT90001303", "Colchicine for gout flares", ["Gout"], status="UNKNOWN", start="2017-01",
                    end="2019-06"), "2018-03"), OLD),
    # "Unknown status" whose 2 years of silence passed only after its copy's day: not "very likely over" by the copy
    # (as the badge and the card count it), but unconfirmed by today
    (_verified(_rec("NCT90001304", "Colchicine for gout flares", ["Gout"], status="UNKNOWN", start="2020-01",
                    end="2023-06"), "2023-06"), OLD),
    # recruiting past its planned end, confirmed lately
    (_verified(_rec("NCT90001305", "Colchicine for gout flares", ["Gout"], start="2020-01", end="2025-06"),
               "2026-08"), RECENT),
    # confirmed lately: nothing to say
    (_verified(_rec("NCT90001306", "Colchicine for gout flares", ["Gout"]), "2026-08"), RECENT),
    # closed long ago: its silence says nothing
    (_verified(_rec("NCT90001307", "Colchicine for gout flares", ["Gout"], status="COMPLETED"), "2018-03"), OLD),
]


def _store(tmp_path) -> Store:
    store = Store(tmp_path / "s.db")
    store.put_many([Incoming(r, copied, "registry") for r, copied in RECORDS])
    return store


def test_a_row_says_what_the_badge_says_of_the_same_record_on_the_same_day(tmp_path):
    rows = {t.nct_id: t for t in related("NCT90001300", k=10, statuses="any", store=_store(tmp_path), today=TODAY)}
    assert set(rows) == {r.nct_id for r, _ in RECORDS[1:]}
    for rec, copied in RECORDS[1:]:
        badge = (badge_overdue(rec, copied, TODAY), unconfirmed_since(rec, TODAY))
        assert (rows[rec.nct_id].overdue, rows[rec.nct_id].unconfirmed_since) == badge, rec.nct_id
    # (the figures the badge gives, so that the comparison above is not between two Nones)
    got = {n: (t.overdue, t.unconfirmed_since) for n, t in rows.items()}
    assert got == {"NCT90001301": (None, "2023-12"), "NCT90001302": ("end", "2018-03"),
                   "NCT90001303": ("end", "2018-03"), "NCT90001304": (None, "2023-06"),
                   "NCT90001305": ("end", None), "NCT90001306": (None, None), "NCT90001307": (None, None)}


def test_the_rows_words(tmp_path):
    rows = {t.nct_id: t.to_dict() for t in related("NCT90001300", k=10, statuses="any", store=_store(tmp_path),
                                                    today=TODAY)}
    # (it read "Recruiting (as of Sep 2024)": confirmed then, to a reader, of a status last confirmed in Dec 2023)
    assert related_status(rows["NCT90001301"]) == "Recruiting (status last confirmed Dec 2023)"
    # (it read "Unknown status (as of Sep 2026)", beside a badge asking "? May have ended")
    assert related_status(rows["NCT90001302"]) == ("Unknown status (status last confirmed Mar 2018), though its "
                                                   "planned end has passed")
    assert related_status(rows["NCT90001304"]) == "Unknown status (status last confirmed Jun 2023)"
    assert related_status(rows["NCT90001305"]).endswith("), though its planned end has passed")


def test_a_list_of_trials_to_join_ranks_a_long_unconfirmed_copy_lower(tmp_path):
    """The row's month is the ranking's too: a copy whose status went unconfirmed for over 2 years by today ranks as
    one unconfirmed by the copy's day did (related.F_UNCONFIRMED)."""
    order = [t.nct_id for t in related("NCT90001300", k=10, store=_store(tmp_path), today=TODAY)]
    assert order.index("NCT90001306") < order.index("NCT90001301")


@pytest.mark.parametrize("copy_as_of,expected", [
    ("2026-11-01T00:00:00Z", date(2026, 11, 1)), ("2026-11-01", date(2026, 11, 1)),
    ("2026-12-05T08:00:00Z", None),   # (today's copy: counted to today)
    ("2026-12-09T00:00:00Z", None),   # (a clock set back)
    (None, None), ("", None), ("undated", None), ("2026-13-01", None)])
def test_the_copys_day_if_before_today(copy_as_of, expected):
    assert copy_before(copy_as_of, TODAY) == expected


def test_the_badge_counts_very_likely_over_to_the_copys_day():
    """badge_overdue reads the copy's day with the one helper: an "Unknown status" record whose 2 years of silence
    passed only after its copy says no "end" by that copy, as before."""
    rec = RECORDS[4][0]
    assert badge_overdue(rec, OLD, TODAY) is None
    assert badge_overdue(rec, None, TODAY) == "end"
