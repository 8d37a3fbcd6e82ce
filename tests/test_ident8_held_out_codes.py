"""A trial's own page naming its drug by a development code the check's table does not know is not another trial's
(review r50 F1: "LY248686" for duloxetine). identity_eval's code lines (bench/identity_codes.py) build such pages from
codes held out of drug_names.json, so that the pages' codes and the check's table are disjoint; and
treatments.other_treatment counts generic names only (`generics_named`), reading codes apart (`codes_named`)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from conftest import SHARED, corpus_record

from bench.identity_codes import code_pages, codes_unknown, corpus_codes, half, record_code
from bench.identity_eval import lay_title, reworded_page
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile import treatments
from scrapers.reconcile.identity import check_identity
from scrapers.reconcile.treatments import codes_named, drugs_named, generics_named, other_treatment, said


@cache
def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


def _lay(rec: OfficialRecord) -> PageRecord:
    return replace(reworded_page(rec), title=lay_title(rec), inclusion=[], exclusion=[])


def test_held_out_codes_are_out_of_the_table_for_the_block_only():
    codes = corpus_codes([])   # (the table's own groups: "tadalafil" with "LY450190")
    assert "li450190" in codes["tadalafil"]
    table = treatments._table()
    for which in (0, 1):
        with codes_unknown(which) as gone:
            synonyms = treatments._table()[1]
            held = {c for cs in codes.values() for c in cs if half(c) == which}
            assert held and held <= gone
            assert not held & (set(synonyms) | set().union(*synonyms.values()))
        assert treatments._table() is table


def test_an_own_page_titled_by_a_code_the_check_does_not_know_is_the_trials():
    """NCT00334477 (tadalafil, University of Pernambuco) never says LY450190; with that code held out of the table,
    its own lay page titled and listing it by the code is no other trial's. (Counting a code as a sign, hundreds of
    such pages over the corpus are called another trial's: docs/benchmarks.md, ident8.)"""
    rec = _record("NCT00334477")
    codes = corpus_codes([rec])
    which = half("li450190")
    assert record_code(rec, codes, which) == ("tadalafil", "li450190")
    assert "li450190" not in said(rec)[1]
    pages = code_pages(rec, _lay(rec), codes, which, {"li450190": "LY450190"})
    assert pages["code: held-out code in the title"].title == "LY450190 Compared With Placebo in Erectile Dysfunction"
    assert pages["code: held-out code as intervention"].interventions == ["Drug: LY450190"]
    with codes_unknown(which):
        for page in pages.values():
            assert "li450190" in set().union(drugs_named(page.title or ""), *map(drugs_named, page.interventions))
            assert check_identity(page, rec) == [], page


def test_codes_are_read_apart_from_generic_names_and_only_generic_names_count():
    text = "KW-6002 and Irinotecan in Parkinson's Disease"
    assert codes_named(text) == {"kw6002"}
    assert generics_named(text) == {"irinotecan"}
    assert drugs_named(text) == {"kw6002", "irinotecan"}
    rec = _record("NCT00334477")
    assert not other_treatment(PageRecord(site="x", nct_id=rec.nct_id, title="KW-6002 in Erectile Dysfunction"), rec)
    assert other_treatment(PageRecord(site="x", nct_id=rec.nct_id, title="Irinotecan in Erectile Dysfunction"), rec)

