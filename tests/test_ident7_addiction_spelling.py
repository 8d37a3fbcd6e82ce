"""A UK site's "Amfetamine-Related Disorders" (the international spelling) is the record's "Amphetamine-Related
Disorders": conditions._PHRASES read only the American spelling as addiction, so the conditions check warned and
identity_eval's own lay page with British/INN spellings was "a different trial" (ident7, found over every record)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import lay_title, reworded_page
from bench.identity_variants import spelt_british
from scrapers.model import OfficialRecord
from scrapers.reconcile.conditions import check_conditions
from scrapers.reconcile.identity import check_identity


@cache
def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


@pytest.mark.parametrize("nct_id", ["NCT00000322", "NCT00000346", "NCT00000351"])
def test_an_addiction_spelt_the_international_way_is_the_records(nct_id):
    # "Amfetamine-Related Disorders" (the international spelling, a UK site's) under a record's "Amphetamine-Related
    # Disorders" was another illness: a warning, and "a different trial" on the lay page (identity_eval's British/INN
    # line over every record, 4 of 8,076, before this change as after the treatment evidence)
    rec = _record(nct_id)
    page = replace(reworded_page(rec), title=lay_title(rec), inclusion=[], exclusion=[],
                   conditions=[spelt_british(c) for c in rec.conditions])
    assert any("Amfetamine" in c for c in page.conditions)
    assert check_conditions(page, rec) == []
    assert check_identity(page, rec) == []
