"""Conditions that name no illness in particular ("Healthy", "Healthy Volunteers", "Advanced Cancers") give the
identity check nothing to compare, and no evidence must not count as evidence of another trial: a trial's own page
worded its own way (lay title, the sponsor's initials, a stale enrollment, criteria cut to six words) was called
another trial's for 11 such records, 22-28 with a placeholder exclusion row. Real records, pages built as
bench/identity_eval.py builds them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import page_of
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.identity import check_identity


def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


def _cut(items: list[str]) -> list[str]:
    return [" ".join(t.split()[:6]) + ("…" if len(t.split()) > 6 else "") for t in items]


def _own_page_reworded(r: OfficialRecord) -> PageRecord:
    """The record's own page as a harsh but faithful aggregator shows it."""
    own = page_of(r, r.nct_id, criteria=True)
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", r.sponsor or "")).upper()
    return replace(own, title=f"Research study for people with {r.conditions[0]}", sponsor=initials,
                   enrollment=(r.enrollment or 0) + 37, inclusion=_cut(own.inclusion), exclusion=_cut(own.exclusion))


@pytest.mark.parametrize("nct_id", [
    "NCT00001172",   # "Healthy"
    "NCT00001309",   # "Healthy Volunteers"
    "NCT00001711",   # "Healthy Volunteers", "Patients"
    "NCT00499382",   # "Advanced Cancers"
    "NCT00499499",   # "Cancer"
])
@pytest.mark.parametrize("exclusion", ["", "None", "N/A", "See inclusion criteria"], ids=["cut", "none", "na", "see"])
def test_a_trials_own_page_whose_conditions_name_no_illness_is_not_another_trial(nct_id, exclusion):
    r = _record(nct_id)
    page = _own_page_reworded(r)
    if exclusion:
        page = replace(page, exclusion=[exclusion])
    # (every other signal disagrees: the title, the sponsor, the enrollment)
    assert page.title != r.brief_title and page.enrollment != r.enrollment
    assert check_identity(page, r) == []


def test_a_page_saying_healthy_under_a_trial_that_never_does_is_still_another_trial():
    """"Healthy" under a breast cancer trial's number: the record never says healthy, so the page's condition is
    evidence, and the swap is still caught without any criteria shown."""
    a, b = _record("NCT00461214"), _record("NCT00499083")
    assert a.conditions == ["Healthy"] and b.conditions == ["Breast Cancer"]
    found = check_identity(page_of(a, b.nct_id), b)
    assert [(f.kind, f.severity) for f in found] == [("other_trial", "critical")]


def test_a_healthy_volunteer_trials_page_under_a_trial_that_takes_healthy_people_is_judged_by_its_criteria():
    """NCT00710099 ("Healthy") under NCT00001143 ("Healthy", "Strabismus"): the condition is the record's own word,
    so it says nothing; with a title keeping one of the record's words (ident4: a title with none is evidence)
    and without criteria the page is not called another trial's, with its criteria (none of the record's) it is.
    Its title names a drug the record never mentions, "Sildenafil" (a generic name: evidence of its own since ident7's
    treatments.py), so the title is told here without it too."""
    a, b = _record("NCT00710099"), _record("NCT00001143")
    assert "Healthy" in b.conditions
    title = a.brief_title.replace("Oral Sildenafil", "a Pill") + " in Strabismus"
    assert check_identity(page_of(a, b.nct_id, title=title), b) == []
    found = check_identity(page_of(a, b.nct_id, title=title, criteria=True), b)
    assert [(f.kind, f.severity) for f in found] == [("other_trial", "critical")]
    # (its own title, naming sildenafil, is another trial's without criteria too)
    found = check_identity(page_of(a, b.nct_id, title=a.brief_title + " in Strabismus"), b)
    assert [(f.kind, f.severity) for f in found] == [("other_trial", "critical")]
