"""Session cap1: split_pairs.regroup_splits tries runs of up to five page items as one record item's alternatives, and
a few faithful pages of long items cost seconds of CPU (NCT00002642 one record line per paragraph 6.8 s, hard-wrapped
8.8 s). Each list reading is now read once per record item (splits._plans, split_parts.SplitReading), and a page may
spend at most READINGS_PER_PAGE readings (splits.reading_count: counted, never timed): past it the criteria are one
note, criteria_not_compared with evidence "reason" "work", and the verdict does not count them as checked. No timing
here: counts only (bench/bench_long_lists.py and docs/benchmarks.md give the seconds)."""

from __future__ import annotations

import random

import pytest
from criteria_support import TODAY, _record, record_criteria
from test_wrap9_figure_lines import _page

import scrapers.reconcile.split_pairs as split_pairs
from scrapers.model import PageRecord
from scrapers.reconcile import NOT_ALARMS, is_alarm, reconcile
from scrapers.reconcile.items import criteria_are_another_trials
from scrapers.reconcile.split_pairs import READINGS_PER_PAGE
from server.drift import summarize
from server.verdict_words import NOTES

NCT = "NCT01234567"


def _names(n: int) -> list[str]:
    """`n` made-up drug names no two of which same_word reads as one (no shared start of three letters)."""
    rnd, out = random.Random(3), []
    while len(out) < n:
        w = rnd.choice("bcdfgklmnprstvz") + "".join(rnd.choice("aeiou") + rnd.choice("bcdfgklmnprstvz")
                                                    for _ in range(3))
        if all(w[:3] != v[:3] for v in out):
            out.append(w)
    return out


def _huge(n: int, status_text: str | None = "Completed") -> tuple[PageRecord, object]:
    """A record whose one exclusion is an allergy to any of `n` drugs joined by "or", and a page listing "Allergy to
    X" for each: every run of up to five of those bullets is tried against every list of the item (without the budget,
    120 drugs cost 6.7 million readings, 79 s of CPU)."""
    names = _names(n)
    criteria = "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* History of allergy to " + " or ".join(names)
    page = PageRecord(site="checkorphan.org", nct_id=NCT, status_text=status_text,
                      status=status_text.upper() if status_text else None,
                      inclusion=["Adults"], exclusion=[f"Allergy to {w}" for w in names])
    return page, _record(NCT, criteria)


@pytest.fixture
def counted(monkeypatch):
    """The readings regroup_splits counts, summed over each reconcile."""
    spent = [0]
    count = split_pairs.reading_count

    def counting(section: str, record: str, k: int) -> int:
        n = count(section, record, k)
        spent[0] += n
        return n

    monkeypatch.setattr(split_pairs, "reading_count", counting)
    return spent


def test_a_page_past_the_budget_is_said_not_compared_in_full(counted):
    page, record = _huge(120)
    findings = reconcile(page, record, TODAY)
    criteria = [f for f in findings if "criteri" in f.field]
    assert [(f.kind, f.severity) for f in criteria] == [("criteria_not_compared", "info")]
    note = criteria[0]
    assert not is_alarm(note) and note.kind in NOT_ALARMS
    assert note.evidence["reason"] == "work" and note.evidence["limit"] == READINGS_PER_PAGE
    assert note.evidence["readings"] > READINGS_PER_PAGE
    # (stopped at the budget: the readings counted are the ones it took to pass it, not the 6.7 million)
    assert READINGS_PER_PAGE < counted[0] < 2 * READINGS_PER_PAGE + 5_000
    assert "not compare this page's eligibility criteria with ClinicalTrials.gov's in full" in note.message
    assert not [f for f in findings if is_alarm(f) and f.severity in ("critical", "warning")]
    assert criteria_are_another_trials(page, record) is False   # (not compared: no sign of another trial)


def test_the_verdict_does_not_count_criteria_not_compared_in_full_as_checked():
    page, record = _huge(120)
    drift = summarize(page, record, reconcile(page, record, TODAY), read=True)
    assert drift["verdict"] == "in_sync" and drift["note"] == NOTES["criteria_not_compared_in_full"]
    bare, record = _huge(120, status_text=None)
    drift = summarize(bare, record, reconcile(bare, record, TODAY), read=True)
    assert (drift["verdict"], drift["reason"]) == ("could_not_check", "nothing_to_compare")
    assert NOTES["criteria_not_compared_in_full"] in drift["note"]
    assert drift["caveat"] == "record_closed"   # (the page shows no status of a completed trial: the record's leads)


def test_a_page_within_the_budget_is_compared_item_by_item(counted):
    page, record = _huge(20)
    findings = reconcile(page, record, TODAY)
    assert "criteria_not_compared" not in {f.kind for f in findings}
    assert 0 < counted[0] <= READINGS_PER_PAGE


def test_the_slowest_faithful_page_stays_well_within_the_budget_and_counts_alike_twice(shared_dir, counted):
    """NCT00002642 one record line per paragraph, the slowest the corpus scan found (6.8 s of CPU before cap1): its
    readings are counted the same on a second reading, when every cache is warm (a budget by cache state would answer
    one page two ways), and stay under a bound well within the budget."""
    nct = "NCT00002642"
    criteria = record_criteria(shared_dir, nct)
    said = []
    for _ in range(2):
        counted[0] = 0
        found = reconcile(_page(nct, criteria), _record(nct, criteria), TODAY)
        said.append((counted[0], [(f.kind, f.severity) for f in found if "criteri" in f.field]))
    assert said[0] == said[1]
    spent, kinds = said[0]
    assert 10_000 < spent <= 20_000 < READINGS_PER_PAGE // 2
    assert ("criteria_not_compared", "info") not in kinds
    assert not [k for k, severity in kinds if severity in ("critical", "warning")]


def test_the_same_page_past_a_smaller_budget_is_not_compared_in_full(shared_dir, monkeypatch):
    nct = "NCT00002642"
    criteria = record_criteria(shared_dir, nct)
    monkeypatch.setattr(split_pairs, "READINGS_PER_PAGE", 1_000)
    found = reconcile(_page(nct, criteria), _record(nct, criteria), TODAY)
    criteria_found = [f for f in found if "criteri" in f.field]
    assert [(f.kind, f.evidence.get("reason")) for f in criteria_found] == [("criteria_not_compared", "work")]
    assert criteria_found[0].evidence["limit"] == 1_000
