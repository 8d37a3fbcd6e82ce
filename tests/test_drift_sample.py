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


@pytest.mark.parametrize("copy_as_of", ["2026-11-22T00:00:00Z", "undated"])
def test_against_a_saved_copy_no_page_finding_says_what_clinicaltrials_gov_says_today(copy_as_of):
    """Against a saved copy that could not be refreshed, a page finding quotes the copy (status.said_by_copy), never
    "ClinicalTrials.gov says / lists / gives …" of a registry nobody asked. said_by_copy rewrites finished messages,
    so a new message worded another way would slip past it: this runs every kind the drift sample raises against a
    copy (dated the sample's day, so the alarms stand, and one nothing dates) and fails on any such wording."""
    import re

    from bench_drift import TODAY, render
    from scrapers import scrape_html
    from scrapers.reconcile import reconcile

    if not (SHARED / "data" / "ctgov" / "studies_v2.jsonl").exists():
        pytest.skip("../shared/data/ctgov is not beside the checkout")
    present = re.compile(r"\bClinicalTrials\.gov(?: says| lists| gives| calls| names| does not| still|, which says)\b"
                         r"|could not find it on ClinicalTrials\.gov")
    kinds, said = set(), []
    for case in generate(160, shows(), seed=2027, records=load_records(limit=800)):
        html_text, url = render(case.spec, case.host)
        for f in reconcile(scrape_html(html_text, url), case.record, TODAY, copy_as_of=copy_as_of):
            if f.about == "page" and f.kind != "unconfirmed":
                kinds.add(f.kind)
                if present.search(f.message):
                    said.append((case.nct_id, f.kind, f.message))
    assert len(kinds) >= 8, kinds   # (the check reaches the kinds it guards)
    assert not said, said[:5]
