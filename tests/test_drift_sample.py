"""A small fixed sample of the drift benchmark (bench/bench_drift.py), so a regression in
scraping or reconciliation shows up in CI as a drop in the measured rates."""

import sys

import pytest
from conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "bench"))

from bench_drift import report, run  # noqa: E402
from drift_gen import CRITICAL_INJECTIONS, generate, load_records  # noqa: E402
from layouts import shows  # noqa: E402


@pytest.fixture(scope="module")
def score():
    if not (SHARED / "data" / "ctgov" / "studies_v2.jsonl").exists():
        pytest.skip("../shared/data/ctgov is not beside the checkout")
    records = load_records(limit=1600)   # all native v2 records and the first legacy ones
    cases = generate(240, shows(), seed=2026, records=records)
    return run(cases).faithful   # misreads are the site scrapers' own tests' business


def test_sample_has_every_layout_and_both_kinds_of_page(score):
    assert set(score.by_host) == set(shows())
    assert score.unchanged >= 30 and score.pages - score.unchanged >= 80
    assert not score.errors, score.errors[:3]


def test_no_false_alarm_on_unchanged_pages(score):
    assert score.false_alarm_rate() <= 0.005, report(score) + "\n" + repr(score.false_alarms[:5])


def test_precision_and_recall_targets(score):
    assert score.precision() >= 0.98, report(score) + "\n" + repr(score.false_alarms[:5])
    assert score.recall() >= 0.95, report(score) + "\n" + repr(score.misses[:5])


def test_critical_kinds_recall(score):
    assert score.recall(CRITICAL_INJECTIONS) >= 0.99, report(score) + "\n" + repr(score.misses[:5])
