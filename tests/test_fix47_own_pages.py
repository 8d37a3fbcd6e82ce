"""A trial's own page naming its condition by a short or lay name is neither warned by the conditions check nor
called "a different trial" (review r47 H2, M1). Real records; each page is built as r47's ident_lay_terms.py builds
it: identity_eval's reworded own page with no criteria, a site the record never names as its sponsor, and one
condition in a site's words."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import reworded_page
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.conditions import check_conditions, compared_conditions
from scrapers.reconcile.identity import check_identity

SITE = "Memorial Regional Hospital"


@cache
def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


def _own_page(r: OfficialRecord, conditions: list[str]) -> PageRecord:
    return replace(reworded_page(r), inclusion=[], exclusion=[], sponsor=SITE, conditions=conditions)


# (record, its condition, the page's name for it): each was "a different trial" before (r47 lay_terms_new.json)
SHORT = [("NCT00004287", "Cystic Fibrosis", "CF"), ("NCT00004645", "Multiple Sclerosis", "MS"),
         ("NCT00000778", "Tuberculosis", "TB"), ("NCT00462085", "Cerebral Palsy", "CP")]
LAY = [("NCT00001035", "Hepatitis C", "hep C"), ("NCT00000177", "Alzheimer Disease", "Dementia"),
       ("NCT00151463", "Impotence", "erection problems"), ("NCT00422734", "Impotence", "erection problems"),
       ("NCT00002787", "Multiple Myeloma", "bone marrow cancer"),
       ("NCT00460694", "Multiple Myeloma", "bone marrow cancer")]


@pytest.mark.parametrize("nct_id, condition, name", SHORT + LAY)
def test_an_own_page_naming_its_condition_its_own_way_is_no_other_trial(nct_id, condition, name):
    r = _record(nct_id)
    assert condition in r.conditions + r.condition_mesh_terms
    page = _own_page(r, [name])
    assert check_conditions(page, r) == []
    assert check_identity(page, r) == []


@pytest.mark.parametrize("nct_id", ["NCT00000171", "NCT00000172", "NCT00000177"])
def test_dementia_is_alzheimer_diseases_broader_heading_on_a_record_carrying_none(nct_id):
    """Legacy records with no broader MeSH terms: cond2 warned "Dementia" on 20 of 36 Alzheimer own pages."""
    r = _record(nct_id)
    assert "Alzheimer Disease" in r.condition_mesh_terms and not r.condition_mesh_ancestors
    assert check_conditions(_own_page(r, ["Dementia"]), r) == []


@pytest.mark.parametrize("nct_id, condition, name", SHORT)
def test_a_short_acronym_agrees_through_what_it_stands_for_beside_another_condition(nct_id, condition, name):
    """"Fatigue" alone is not the record's: the acronym beside it is, so the page agrees."""
    r = _record(nct_id)
    assert check_conditions(_own_page(r, ["Fatigue"]), r) != []
    assert check_conditions(_own_page(r, [name, "Fatigue"]), r) == []


def test_a_two_letter_acronym_alone_is_never_reason_to_warn():
    """"PE" stands for pulmonary embolism, and also for a pre-eclampsia record's illness: neither check may say the
    page is about another illness on it."""
    r = _record("NCT00004399")
    assert r.conditions == ["Pre-eclampsia"]
    page = _own_page(r, ["PE"])
    assert not compared_conditions(page)
    assert check_conditions(page, r) == []
    assert check_identity(page, r) == []


def test_a_page_naming_no_illness_the_record_never_says_is_still_another_trial():
    """What ident3 made evidence where the conditions say nothing stays: "Healthy" under a trial for an illness (the
    page's enrollment not the record's, its sponsor a site); a short name beside it may be the record's illness."""
    r = _record("NCT00004287")
    assert not any("healthy" in t.lower() for t in r.conditions + r.keywords + [r.brief_title or ""])
    page = _own_page(r, ["Healthy"])
    assert check_identity(page, r) != []
    assert check_identity(_own_page(r, ["Healthy", "CF"]), r) == []
