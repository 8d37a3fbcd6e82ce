"""A page giving another phase and a start years from the record's is about another trial, whatever illness and
treatment the two share (identity._another_schedule, ident6): two ovarian cancer trials of paclitaxel, a phase 1 of
2000 and a phase 3 of 1996. A stale page of the trial itself keeps its phase: a start moved on, an early phase 1
shown as a phase 1, a phase "not applicable", or a phase added is never another trial."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import lay_title, page_of, reworded_page
from scrapers.model import OfficialRecord
from scrapers.reconcile.identity import check_identity


@cache
def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


@pytest.mark.parametrize("page_of_, record", [
    ("NCT00005046", "NCT00002894"),   # paclitaxel for ovarian cancer: phase 1 (2000-04) under a phase 3's (1996-03)
    ("NCT00000419", "NCT00001212"),   # lupus: phase 3 (1996-04) under a phase 2's (1986-11)
])
def test_another_phase_and_a_start_years_apart_are_another_trial(page_of_, record):
    a, b = _record(page_of_), _record(record)
    page = page_of(a, b.nct_id)
    assert [f.kind for f in check_identity(page, b)] == ["other_trial"]
    # the same page giving the record's phase, or a start within the years a stale page moves, is let be
    assert check_identity(replace(page, phases=list(b.phases)), b) == []
    assert check_identity(replace(page, start_date=b.start.date), b) == []


@pytest.mark.parametrize("nct_id", ["NCT00002894", "NCT00001212", "NCT00005046", "NCT00000419"])
def test_a_stale_own_page_is_this_trial(nct_id):
    rec = _record(nct_id)
    lay = replace(reworded_page(rec), title=lay_title(rec), inclusion=[], exclusion=[])
    year = int(rec.start.date[:4])
    for start in (f"{year - 6}", f"{year + 6}-01", f"{year - 10}{rec.start.date[4:]}"):
        stale = replace(lay, start_date=start)
        assert check_identity(stale, rec) == [], start
        # its phase told another way, or a phase the record added since
        for phases in (["NA"], ["EARLY_PHASE1"] if rec.phases == ["PHASE1"] else list(rec.phases),
                       sorted(set(rec.phases) | {"PHASE2"})):
            assert check_identity(replace(stale, phases=phases), rec) == [], (start, phases)


def test_a_start_given_by_its_year_alone_is_read_at_its_nearest():
    a, b = _record("NCT00005046"), _record("NCT00002894")   # the record started in March 1996
    page = page_of(a, b.nct_id)
    assert check_identity(replace(page, start_date="1999"), b) == []        # January 1999: under three years
    assert check_identity(replace(page, start_date="1999-04"), b) != []     # three years and a month
