"""A page showing another trial's facts and criteria under this trial's number, whose second list is too short to judge
(one or two items, foreign.MIN_SHOWN) and pairs with nothing in the record: that list blocked the criteria signal
(items.criteria_are_another_trials), so a swap whose conditions share a word was not caught. Pages built as
bench/identity_eval.py builds them, on real records."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import page_of
from scrapers.model import OfficialRecord
from scrapers.reconcile.identity import check_identity
from scrapers.reconcile.items import criteria_are_another_trials


def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


@pytest.mark.parametrize("theirs, ours", [
    # nine breast-cancer inclusions, none of the record's 17, and one exclusion label, "Prior malignancies except:"
    # ("Breast Cancer" is a condition of both)
    ("NCT00006110", "NCT00001444"),
    # eleven ALPS inclusions beside the record's one, and two exclusion rows (a label line and "Any condition that the
    # principal investigator deems …") beside the record's "No consent to participate" ("benign" shared)
    ("NCT00001350", "NCT03959917"),
])
def test_another_trials_criteria_with_a_short_unpaired_list_are_said_to_be_another_trials(theirs, ours):
    a, b = _record(theirs), _record(ours)
    page = page_of(a, b.nct_id, criteria=True)
    assert criteria_are_another_trials(page, b)
    found = check_identity(page, b)
    assert [(f.kind, f.severity) for f in found] == [("other_trial", "critical")]
    assert f"The trial number on it, {ours}, is \"{b.brief_title}\"" in found[0].message
    # each trial's own page, in its own words (identity_eval's "same" pages), is not
    for r in (a, b):
        own = page_of(r, r.nct_id, title=r.official_title or r.brief_title, sponsor=(r.sponsor or "").upper(),
                      criteria=True)
        assert not criteria_are_another_trials(own, r) and not check_identity(own, r)


def test_a_short_list_showing_one_of_the_records_items_still_counts_for_the_record():
    """The ALPS page under NCT03959917's number, its exclusion the record's own: a page showing the record's own
    reason to stay out may be the record's page, so the criteria are no sign of another trial."""
    a, b = _record("NCT00001350"), _record("NCT03959917")
    page = replace(page_of(a, b.nct_id, criteria=True), exclusion=["No consent to participate"])
    assert not criteria_are_another_trials(page, b)
    assert not check_identity(page, b)


@pytest.mark.parametrize("placeholder", ["None", "N/A", "See inclusion criteria"])
def test_a_trials_own_page_with_its_exclusions_as_a_placeholder_is_not_another_trial(placeholder):
    """A trial's own page whose exclusion list is one row the record does not word so ("None", "N/A", "See inclusion
    criteria"), with its title, sponsor and enrollment given its own way: its inclusions are the record's, so the
    unpaired row says nothing and the page is the record's. NCT00001392 writes its first exclusions as "---None"."""
    for nct_id in ("NCT00001392", "NCT03959917", "NCT00006110"):
        r = _record(nct_id)
        own = page_of(r, r.nct_id, title=r.official_title or r.brief_title, sponsor=(r.sponsor or "").upper(),
                      criteria=True)
        # (a stale count: the design differs, so the criteria are read)
        page = replace(own, exclusion=[placeholder], enrollment=(r.enrollment or 0) + 37)
        assert not criteria_are_another_trials(page, r)
        assert not check_identity(page, r)
