"""Checks on the saved pages of the sites added for issue 9 whose official record is bundled:
each of these pages agrees with ClinicalTrials.gov (status, freshness), so no finding may be
about the page — only the registry's own findings (an overdue start, an old verification)."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.reconcile import is_alarm, reconcile
from server.cli import registry

HOSTS = ("trial.medpath.com", "medifind.com", "crick.ai", "curemydisease.com", "trialx.com", "biotechhunter.com")
CASES = [p for h in HOSTS for p in sorted((FIXTURES / "html" / h).glob("*.html"))
         if (SAVED_COPIES / (json.loads(p.with_suffix(".json").read_text())["nct_id"] + ".json")).exists()]


@pytest.mark.parametrize("html_path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_no_alarm_about_a_page_that_agrees(html_path: Path):
    page = scrape_html(html_path.read_text(encoding="utf-8"), fixture_url(html_path))
    official = registry.load_record_file(str(SAVED_COPIES / f"{page.nct_id}.json"))
    findings = reconcile(page, official, date(2026, 11, 22))
    # a capture that ends mid-list gets a note (criteria_incomplete), never an alarm
    about_page = [f.to_dict() for f in findings if is_alarm(f)]
    assert not about_page, about_page


def test_there_are_cases():
    assert len(CASES) >= 10
