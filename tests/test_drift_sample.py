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
    """Against a saved copy that could not be refreshed, a page finding quotes the copy (saved_copy.said_by_copy), never
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


def test_the_sample_checks_healthy_volunteers_and_conditions(score):
    """Veeva and meddatax show both (TrialFinderData a condition): a page saying "accepts healthy volunteers" of a
    patients-only trial, or naming another illness, must be said; the milder direction (turning healthy volunteers
    away from a trial that takes them) is due only an info, never counted as an alarm either way."""
    for kind in ("healthy_volunteers_flipped", "condition_changed"):
        assert score.expected[kind] >= 3 and score.found[kind] == score.expected[kind], report(score)
    assert score.info_found["healthy_volunteers_flipped"] == score.info_expected["healthy_volunteers_flipped"] >= 1


def test_faithful_pages_show_healthy_volunteers_and_conditions_as_the_record_does():
    """The layouts render both where the real sites show them, copied from the record, and the site readers read them
    back: what the 0 false alarms on unchanged pages are measured on."""
    from bench_drift import render
    from scrapers import scrape_html

    if not (SHARED / "data" / "ctgov" / "studies_v2.jsonl").exists():
        pytest.skip("../shared/data/ctgov is not beside the checkout")
    seen = {"volunteers": set(), "conditions": set()}
    for case in generate(120, shows(), seed=2028, records=load_records(limit=400)):
        if not case.unchanged:
            continue
        page = scrape_html(*render(case.spec, case.host))
        if case.record.healthy_volunteers is not None and case.host in ("ctv.veeva.com", "meddatax.com") \
                and case.record.sex:
            assert page.healthy_volunteers is case.record.healthy_volunteers, case.nct_id
            seen["volunteers"].add(case.host)
        if case.record.conditions:
            want = case.record.conditions[:1] if case.host == "trialfinderdata.org" else case.record.conditions
            if case.host != "clinconnect.io":   # (its pages show no list of conditions)
                assert [" ".join(c.split()) for c in page.conditions] == [" ".join(c.split()) for c in want]
                seen["conditions"].add(case.host)
    assert seen == {"volunteers": {"ctv.veeva.com", "meddatax.com"},
                    "conditions": {"ctv.veeva.com", "meddatax.com", "trialfinderdata.org"}}


def test_the_sample_drops_last_items_and_says_each(score):
    """A page's last item dropped on a layout that shows where its list ends (the reader's criteria_ends_at) is a
    criterion_missing warning naming it; inject_drop never drops the last item, so this one measures it."""
    assert score.expected["last_item_dropped"] >= 3 and score.found["last_item_dropped"] == \
        score.expected["last_item_dropped"], report(score)


def test_last_item_drops_leave_a_seeds_other_pages_as_they_were():
    """Drawn apart, on pages another injection shows on: the unchanged pages and every other injection are as a
    generator without it makes them (the seeds' published figures stay comparable)."""
    import drift_gen

    if not (SHARED / "data" / "ctgov" / "studies_v2.jsonl").exists():
        pytest.skip("../shared/data/ctgov is not beside the checkout")
    records = load_records(limit=400)
    with_it = generate(120, shows(), seed=2029, records=records)
    saved = dict(drift_gen.DRAWN_APART)
    try:
        drift_gen.DRAWN_APART.update({kind: 0.0 for kind in saved})   # (never drawn: the generator before it)
        without = generate(120, shows(), seed=2029, records=records)
    finally:
        drift_gen.DRAWN_APART.update(saved)
    assert any(x.injection == "last_item_dropped" for c in with_it for x in c.expects)
    assert [c.unchanged for c in with_it] == [c.unchanged for c in without]
    assert [[x.injection for x in c.expects if x.injection != "last_item_dropped"] for c in with_it] == \
        [[x.injection for x in c.expects] for c in without]
