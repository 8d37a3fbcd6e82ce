import pytest

from scrapers.dates import Age, compare_partial, parse_age, parse_age_range, parse_partial_date
from scrapers.timestamps import moment
from scrapers.model import PageRecord
from scrapers.nct import find_nct_ids, normalize_nct_id
from scrapers.errors import InvalidNctId
from scrapers.vocab import normalize_phases, normalize_status


@pytest.mark.parametrize("text,expected", [
    ("RECRUITING", "RECRUITING"), ("Recruiting", "RECRUITING"), ("Enrolling", "RECRUITING"),
    ("Not yet enrolling", "NOT_YET_RECRUITING"), ("Not yet recruiting", "NOT_YET_RECRUITING"),
    ("NOT_YET_RECRUITING", "NOT_YET_RECRUITING"), ("Active, not recruiting", "ACTIVE_NOT_RECRUITING"),
    ("Active - Recruiting", "RECRUITING"), ("Completed", "COMPLETED"), ("Unknown", "UNKNOWN"),
    ("Enrolling by invitation", "ENROLLING_BY_INVITATION"), ("currently on hold", "SUSPENDED"),
    # never a guess
    ("Waitlist Available", None), ("No longer recruiting", None), ("Recruiting soon-ish", None), ("", None),
])
def test_status_vocabulary(text, expected):
    assert normalize_status(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Phase 1 / Phase 2", ["PHASE1", "PHASE2"]), ("PHASE1/PHASE2", ["PHASE1", "PHASE2"]),
    ("Phase 2\nPhase 1", ["PHASE1", "PHASE2"]), ("PHASE1", ["PHASE1"]), ("NA", ["NA"]),
    ("Phase I/II", ["PHASE1", "PHASE2"]), ("Early Phase 1", ["EARLY_PHASE1"]), ("Phase 3", ["PHASE3"]),
    ("", []),
    # a range told another way was one phase (a page's "Phase 2-3" said to differ from a record's phases 2 and 3), a
    # sub-phase none (r48)
    ("Phase I-II", ["PHASE1", "PHASE2"]), ("Phase 2-3", ["PHASE2", "PHASE3"]), ("Phase 2 – 3", ["PHASE2", "PHASE3"]),
    ("Phase 1 and 2", ["PHASE1", "PHASE2"]), ("Phase 1/2a", ["PHASE1", "PHASE2"]), ("Phase 1b/2", ["PHASE1", "PHASE2"]),
    ("Phase 1b", ["PHASE1"]), ("Phase IIa", ["PHASE2"]), ("phase 3b", ["PHASE3"]), ("Phase Ia/Ib", ["PHASE1"]),
    # not a second phase: a time after the figure
    ("in phase 1 and 2 weeks later", ["PHASE1"]), ("Phase 1 - 3 months", ["PHASE1"]),
])
def test_phases(text, expected):
    assert normalize_phases(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Current as of June 27, 2025", "2025-06-27"), ("Last Updated: 2025-11-18", "2025-11-18"),
    ("Updated June 2026 · ClinicalTrials.gov", "2026-06"), ("Launched by X · May 19, 2024", "2024-05-19"),
    ("2025-06", "2025-06"), ("03/04/2025", None), ("31/12/2024", "2024-12-31"), ("no date here", None),
    ("2025-02-30", None),
])
def test_partial_dates(text, expected):
    assert parse_partial_date(text) == expected


def test_partial_dates_compare_at_shared_precision():
    assert compare_partial("2026-06", "2026-06-27") == 0
    assert compare_partial("2025-06-27", "2025-11-18") == -1
    assert compare_partial("2026", "2025-12-01") == 1


@pytest.mark.parametrize("stamp, shown", [
    ("2024-05-24T00:00:00Z", "24 May 2024"),                    # (a date alone: no made-up "00:00")
    ("2026-01-10T08:05:59.123456+00:00", "10 Jan 2026, 08:05 UTC"),
    ("2026-01-10T10:30:00+02:00", "10 Jan 2026, 08:30 UTC"),    # shown in UTC, as stored
    ("2026-01-10T08:00:00", "10 Jan 2026, 08:00 UTC"),          # the store writes UTC
    ("2026-01-09T23:00:00-01:00", "10 Jan 2026"),               # midnight once in UTC
    ("not a time", "not a time"),                               # never lost, never guessed
    ("", ""), (None, ""),
])
def test_moment_reads_a_stored_timestamp(stamp, shown):
    assert moment(stamp) == shown


def test_age_keeps_its_unit():
    assert parse_age("1 Day") == Age(1, "DAYS", "1 Day")
    assert parse_age("1 Day") != parse_age("1 Year")
    assert parse_age("18") is None  # no unit, no age
    lo, hi = parse_age_range("18 to 70 years old")
    assert (lo.value, lo.unit, hi.value, hi.unit) == (18, "YEARS", 70, "YEARS")
    lo, hi = parse_age_range("1 Day to 28 Days")
    assert (lo.unit, hi.value, hi.unit) == ("DAYS", 28, "DAYS")
    # a range's units are read the way a single age's are (folded), not by a separate lower-casing
    assert [(a.value, a.unit) for a in parse_age_range("1 day to 28 day\u017f")] == [(1, "DAYS"), (28, "DAYS")]
    assert parse_age_range("5 to 10 foo") == (None, None)


def test_nct_ids():
    assert normalize_nct_id("nct06427642") == "NCT06427642"
    assert normalize_nct_id(" NCT 0642 7642 ") == "NCT06427642"
    for bad in ("NCT123", "06427642", "NCT064276421", "", "NCT0642764x"):
        with pytest.raises(InvalidNctId):
            normalize_nct_id(bad)
    assert find_nct_ids("see nct06427642 and NCT 0223 4567, NCT06427642 again") == ["NCT06427642", "NCT02234567"]


def test_page_record_round_trip():
    rec = PageRecord(site="x.org", nct_id="NCT06427642", min_age=Age(1, "DAYS", "1 Day"), phases=["PHASE1"])
    d = rec.to_dict()
    assert d["min_age"] == {"value": 1, "unit": "DAYS", "text": "1 Day"}
    assert PageRecord.from_dict(d) == rec
    with pytest.raises(ValueError):
        PageRecord.from_dict({**d, "bogus": 1})
