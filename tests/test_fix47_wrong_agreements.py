"""The conditions check no longer agrees with another trial's record through an organ word a cancer and another
illness share, a non-cancer word inside a cancer's subtype, a keyword naming a procedure or a whole branch of
illness, or an acronym inside another acronym (review r47 M2). Since ident5 identity takes that agreement as "same
illness", each let a page about another trial go. Real records and the pages identity_eval builds of them."""

from __future__ import annotations

from functools import cache

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import page_of
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.condition_names import by_acronym
from scrapers.reconcile.conditions import check_conditions
from scrapers.reconcile.identity import check_identity


@cache
def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


def _says(nct_id: str, condition: str) -> list:
    return check_conditions(PageRecord(site="x", nct_id=nct_id, conditions=[condition]), _record(nct_id))


@pytest.mark.parametrize("nct_id, condition, how", [
    # a cutaneous T-cell lymphoma record whose official title has a drug number "NSC #686673"
    ("NCT00005982", "NSCLC Stage IV", "an acronym inside another"),
    ("NCT00005982", "Recurrent NSCLC", "an acronym inside another"),
    # IgA nephropathy: MeSH "Kidney Diseases", keyword "Renal Fibrosis"
    ("NCT00498368", "Kidney Cancer", "one organ's cancer and another illness"),
    ("NCT00498368", "Renal Cell Carcinoma", "one organ's cancer and another illness"),
    # Hodgkin lymphoma: keyword "adult nodular sclerosis Hodgkin lymphoma"
    ("NCT00002561", "Multiple Sclerosis", "a word of a cancer's subtype"),
    ("NCT00002561", "Atherosclerosis", "a word of a cancer's subtype"),
    # Ewing's sarcoma, neuroblastoma: keyword "ADR-529 for Cardioprotection"
    ("NCT00001335", "Heart Failure", "a procedure's word"),
    ("NCT00001335", "Myocardial Infarction", "a procedure's word"),
    # nephrotic syndrome: keyword "renal and genitourinary disorders" (an Office of Rare Diseases category)
    ("NCT00004466", "Urinary Incontinence", "a whole branch's heading"),
    ("NCT00004466", "Lower Urinary Tract Symptoms", "a whole branch's heading"),
])
def test_another_illness_is_warned(nct_id, condition, how):
    assert _says(nct_id, condition) != [], how


@pytest.mark.parametrize("nct_id, condition", [
    ("NCT00498368", "IgA Nephropathy"), ("NCT00498368", "Kidney Disease"), ("NCT00498368", "Renal Fibrosis"),
    ("NCT00002561", "Nodular Sclerosis Hodgkin Lymphoma"), ("NCT00002561", "Hodgkin's Disease"),
    ("NCT00005982", "Cutaneous T-Cell Lymphoma"), ("NCT00005982", "Mycosis Fungoides"),
    ("NCT00001335", "Ewing Sarcoma"), ("NCT00004466", "Nephrosis"), ("NCT00004466", "Kidney Disease"),
    # the branch heading itself, as the record spells it
    ("NCT00004466", "Renal and Genitourinary Disorders"),
])
def test_the_records_own_illness_still_agrees(nct_id, condition):
    assert _says(nct_id, condition) == []


@pytest.mark.parametrize("page_from, number", [
    ("NCT05701787", "NCT00005982"),   # NSCLC under a cutaneous T-cell lymphoma record
    ("NCT00003887", "NCT00498368"),   # "Kidney Cancer" … under IgA nephropathy
    ("NCT00005131", "NCT00002561"),   # "Atherosclerosis" … under Hodgkin lymphoma
    ("NCT00000557", "NCT00001335"),   # "Myocardial Infarction" … under Ewing's sarcoma
    ("NCT04383093", "NCT00004466"),   # "Lower Urinary Tract Symptoms" … under nephrotic syndrome
])
def test_a_page_with_another_trials_number_is_another_trial(page_from, number):
    """identity_eval's swap: trial `page_from`'s page under `number` (no criteria shown); each was caught before
    ident5 and let go since, the conditions check agreeing."""
    a, b = _record(page_from), _record(number)
    page = page_of(a, b.nct_id)
    assert check_conditions(page, b) != []
    assert [f.kind for f in check_identity(page, b)] == ["other_trial"]


@pytest.mark.parametrize("ours, theirs, same", [
    ("ADHD", "Attention Deficit Hyperactivity Disorder", True), ("ADHD", "ADHD in Adults", True),
    ("NHL", "Lymphoma, Non-Hodgkin", True), ("HIV", "HIV Infections", True),
    ("COPD", "Pulmonary Disease, Chronic Obstructive", True),
    ("NSCLC", "Non-Small Cell Lung Cancer", True),
    # a drug number spells no illness, nor a part of one; an acronym is one whole
    ("NSC #686673", "Non-Small Cell Lung Cancer", False), ("NSC #686673", "NSCLC Stage IV", False),
    ("HIV", "HTLV-I Infection", False),
])
def test_an_acronym_agrees_only_with_a_whole_name_it_spells(ours, theirs, same):
    assert by_acronym([ours], [theirs]) is same
