"""The identity check and the conditions check read "does this condition name an illness?" from one list
(`illness_words.NO_ILLNESS`). The identity check had its own, narrower one: "Pain", "Failure", "Infection", "Risk"
named an illness there, so "Renal Failure" under a heart failure trial's number, or "HIV Infection" under an HTLV-I
infection trial's, shared a word with the record and the swap went unseen. Real records, pages built as
bench/identity_eval.py builds them."""

from __future__ import annotations

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import own_pages, page_of
from scrapers.illness_words import NO_ILLNESS
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.conditions import compared_conditions, illness_words_of
from scrapers.reconcile.identity import check_identity


def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


@pytest.mark.parametrize("condition, names_one", [
    ("Pain", False), ("Chronic Pain", False), ("Healthy Volunteers", False), ("Advanced Solid Tumors", False),
    ("Infection", False), ("Renal Failure", True), ("HIV Infection", True), ("Low Risk Prostate Cancer", True),
])
def test_both_checks_say_alike_whether_a_condition_names_an_illness(condition, names_one):
    page = PageRecord(site="x", conditions=[condition])
    assert compared_conditions(page) is names_one
    assert bool(illness_words_of(condition)) is names_one


def test_the_words_naming_no_illness_are_one_list():
    assert {"pain", "failure", "infection", "healthy", "cancer", "risk"} <= NO_ILLNESS
    assert not illness_words_of("Pain Failure Infection Risk Healthy Cancer")


@pytest.mark.parametrize("a, b", [
    ("NCT00498160", "NCT00462774"),   # "Renal Failure" under "Congestive Heart Failure", ...
    ("NCT03849365", "NCT00005331"),   # "Low Risk Prostate Cancer" under "Coronary Heart Disease Risk Reduction", ...
])
def test_a_swapped_page_sharing_only_a_word_that_names_no_illness_is_another_trial(a, b):
    ra, rb = _record(a), _record(b)
    found = check_identity(page_of(ra, rb.nct_id), rb)
    assert [(f.kind, f.severity) for f in found] == [("other_trial", "critical")]


@pytest.mark.parametrize("nct_id", ["NCT00498160", "NCT00006320", "NCT03849365", "NCT00462774", "NCT00001785"])
def test_those_trials_own_pages_are_not_another_trial_in_any_layout(nct_id):
    r = _record(nct_id)
    for name, page in own_pages(r).items():
        assert check_identity(page, r) == [], name
