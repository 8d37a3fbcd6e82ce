"""Ages in a page's own plain-language criteria written with comparators: TrialFinderData's "Who May Qualify: 1. Age
≥18 years and ≤80 years" (review round 10, P10: "Age ≥16 years" there, against a record of 18 to 80 years, was said
nothing, though it is the first thing a patient reads on that page)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.reconcile import reconcile
from scrapers.registry import load_demo_record

PAGE = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"
SAID = "Age ≥18 years and ≤80 years"
TODAY = date(2026, 1, 15)


def _plain_findings(shown: str, copy_as_of: str | None = None) -> list:
    src = PAGE.read_text(encoding="utf-8")
    assert SAID in src
    page = scrape_html(src.replace(SAID, shown, 1), fixture_url(PAGE))
    found = reconcile(page, load_demo_record(page.nct_id), TODAY, copy_as_of=copy_as_of)
    return [(f.kind, f.severity, f.message) for f in found if f.field == "plain_summary"]


@pytest.mark.parametrize("shown", ["Age ≥16 years and ≤80 years", "Age ≥18 years and ≤85 years",
                                   "Age ≥18 months and ≤80 years", "Age: at least 17 years"])
def test_an_age_limit_the_record_does_not_give_is_critical(shown):
    assert _plain_findings(shown) == [
        ("plain_age", "critical", f'This page\'s summary says "{shown}", but ClinicalTrials.gov says 18 years to 80 years.')]


@pytest.mark.parametrize("shown", [SAID, "Age >= 18 years and <= 80 years", "Age ≥18 years", "Age ≤ 80 years",
                                   "Age at least 18 years and at most 80 years"])
def test_the_records_own_limits_raise_nothing(shown):
    assert _plain_findings(shown) == []


def test_against_a_saved_copy_the_copy_is_named():
    (kind, severity, message), = _plain_findings("Age ≥16 years and ≤80 years", copy_as_of="2026-01-10T00:00:00Z")
    assert (kind, severity) == ("plain_age", "critical")
    assert message.startswith('This page\'s summary says "Age ≥16 years and ≤80 years", but TrialLens\'s saved copy')
    assert message.endswith("says 18 years to 80 years.")
