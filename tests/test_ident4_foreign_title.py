"""Where the conditions say nothing ("Healthy" on the page and in the record), a page title none of whose words is
anywhere in the record is evidence of another trial: ident3 gave such swaps up, since the harsh own page (lay title,
the sponsor's initials, a stale enrollment) looked the same on every other signal. A title that keeps any of the
record's words, or says fewer than four, is no evidence; nor is a title alone, without criteria mostly not the
record's (ident5, r44 H1). Real records, pages built as bench/identity_eval.py
builds them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import own_pages, page_of, reworded_page
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.identity import check_identity


def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


def _with_records_schedule(page: PageRecord, record: OfficialRecord) -> PageRecord:
    """The page giving the record's phase and start: no other phase and start years apart (ident6's evidence)."""
    return replace(page, phases=list(record.phases), start_date=record.start.date if record.start else None)


def test_a_healthy_volunteer_page_whose_title_and_criteria_the_record_never_says_is_another_trial():
    """NCT00493220 ("Pharmacokinetic and Safety Study of HYLENEX Recombinant-Augmented Subcutaneous Ceftriaxone
    Administration", "Healthy") under NCT00001956 ("Influence of Genetics in Pain Sensitivity", "Healthy", "Pain"),
    its criteria shown too."""
    a, b = _record("NCT00493220"), _record("NCT00001956")
    assert "Healthy" in a.conditions and "Healthy" in b.conditions
    found = check_identity(page_of(a, b.nct_id, criteria=True), b)
    assert [(f.kind, f.severity) for f in found] == [("other_trial", "critical")]


def test_a_foreign_title_alone_is_no_evidence():
    """The same swapped page showing no criteria, and giving the record's phase and start (as shown, its phase 1
    of 2007 under a phase 2 of 2000 is another trial's: ident6): its title is all that differs from a trial's own
    page retitled in lay words, which r44 found "a different trial" for 195 of 269 records (ident5)."""
    a, b = _record("NCT00493220"), _record("NCT00001956")
    assert check_identity(page_of(a, b.nct_id), b) != []
    assert check_identity(_with_records_schedule(page_of(a, b.nct_id), b), b) == []


def test_a_title_keeping_one_of_the_records_words_is_no_evidence():
    """The same swapped page, its title given one word the record says ("genetics"): nothing then tells it from a
    trial's own page retitled in lay words."""
    a, b = _record("NCT00493220"), _record("NCT00001956")
    page = _with_records_schedule(page_of(a, b.nct_id, title=a.brief_title + " and Genetics"), b)
    assert check_identity(page, b) == []


@pytest.mark.parametrize("title", [
    "How we see patterns and move our eyes",         # lay words, some of them the record's ("patterns", "eye")
    "Research study for people with Healthy",         # says one word
    "Vibration Imaging",                              # two words the record never says: too few to tell
])
def test_a_healthy_volunteer_trials_own_page_retitled_is_not_another_trial(title):
    r = _record("NCT00001172")   # "Visual Stimulus and Eye Movement", "Healthy"
    page = replace(reworded_page(r), title=title, inclusion=[], exclusion=[])
    assert check_identity(page, r) == []


@pytest.mark.parametrize("nct_id", ["NCT00493220", "NCT00001956", "NCT00001172"])
def test_those_trials_own_pages_are_not_another_trial_in_any_layout(nct_id):
    r = _record(nct_id)
    for name, page in own_pages(r).items():
        assert check_identity(page, r) == [], name
