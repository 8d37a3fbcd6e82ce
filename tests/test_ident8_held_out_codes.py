"""A trial's own page naming its drug by a development code the check's table does not know is not another trial's
(review r50 F1: "LY248686" for duloxetine). identity_eval's code lines (bench/identity_codes.py) build such pages from
codes held out of drug_names.json, so that the pages' codes and the check's table are disjoint; and
treatments.other_treatment counts generic names, reading codes apart (`codes_named`): a code counts only as the
development code of the page's sponsor where the record is another's (`makers_code`)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from conftest import SHARED, corpus_record

from bench.identity_codes import code_pages, codes_unknown, corpus_codes, half, record_code
from bench.identity_eval import lay_title, page_of, reworded_page
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


# a drugmaker's code on its own page under another trial's number (ident8: treatments.makers_code)

@pytest.mark.parametrize("page_of_, record", [
    # AstraZeneca's AZD4877 (bladder cancer) under a Fred Hutchinson transplant trial's number (fludarabine, ...)
    ("NCT00460460", "NCT00006251"),
    # Bristol-Myers Squibb's BMS-232632 (atazanavir) under an NIAID trial's (zidovudine, acyclovir; both HIV)
    ("NCT00002240", "NCT00000693"),
])
def test_a_makers_code_on_its_page_under_another_sponsors_drug_trial_is_another_trial(page_of_, record):
    a, b = _record(page_of_), _record(record)
    page = page_of(a, b.nct_id)
    assert codes_named(page.title or "") and not generics_named(page.title or "")
    assert other_treatment(page, b)
    assert [f.kind for f in check_identity(page, b)] == ["other_trial"]


def _record_by(sponsor: str, collaborators: tuple[str, ...] = (), summary: str = "A study of olaparib.",
               drugs: tuple[str, ...] = ("Olaparib",)) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A Study in Ovarian Cancer"},
        "descriptionModule": {"briefSummary": summary},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": n} for n in drugs]},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": sponsor},
                                       "collaborators": [{"name": c} for c in collaborators]}}})


def test_a_code_counts_only_as_the_pages_makers_where_the_record_is_others():
    """A trial's own page names the record's sponsor, so its code is the record's sponsor's or no maker's: never
    a sign (r50's "LY248686" on a Lilly page for a Lilly record saying duloxetine; "AZD4877" on a university's
    trial page, whatever its record names). Only the page's maker's code under a record others run, naming drugs and never the
    maker, counts."""
    def other(title: str, page_sponsor: str, rec: OfficialRecord) -> bool:
        return other_treatment(PageRecord(site="x", nct_id="NCT01234567", title=title, sponsor=page_sponsor), rec)
    university = _record_by("Some University")
    assert other("AZD4877 in Ovarian Cancer", "AstraZeneca", university)
    assert not other("AZD4877 in Ovarian Cancer", "Some University", university)       # the record's own page
    assert not other("AZD4877 in Ovarian Cancer", "SU", university)                    # (initials)
    assert not other("AZD4877 in Ovarian Cancer", "AstraZeneca", _record_by("Some University", ("AstraZeneca",)))
    assert not other("AZD4877 in Ovarian Cancer", "AstraZeneca",
                     _record_by("Some University", summary="Olaparib is supplied by AstraZeneca."))
    assert not other("AZD4877 in Ovarian Cancer", "AstraZeneca", _record_by("Some University", drugs=()))
    assert not other("LY248686 in Depression", "Lilly", _record_by("Eli Lilly and Company", drugs=("Duloxetine",)))
    assert not other("ACM-1234 in Ovarian Cancer", "Acme Pharma", university)           # no maker known
    # (the record saying the code, or a generic name of the page, agrees as before)
    assert not other("AZD4877 in Ovarian Cancer", "AstraZeneca", _record_by("Some University", summary="AZD-4877."))
    assert not other("AZD2281 in Ovarian Cancer", "AstraZeneca", university)   # (olaparib's code: drug_names.json)
