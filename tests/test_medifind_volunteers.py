"""medifind shows the registry's raw boolean under "Healthy Volunteers" ("f", "t"). Its reader maps it, so a page
saying "t" for a patients-only trial is flagged (a healthy person would contact a trial they cannot join); no other
reader takes a bare "t" or "f" for an answer."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from datetime import date

import pytest
from conftest import FIXTURES, fixture_url

from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

MEDIFIND = FIXTURES / "html" / "medifind.com"
RECORD = OfficialRecord(json.loads((SAVED_COPIES / "NCT06427642.json").read_text(encoding="utf-8")))
TODAY = date(2026, 1, 10)
LABELLED = ["nct06427642_semantic.html", "nct06427642_divs.html", "nct06427642_inline.html",
            "nct06427642_headed_rows.html"]


def _said(html: str, answer: str) -> str:
    """The page with its "Healthy Volunteers" value set to `answer` (the fixtures say "f")."""
    for before, after in (("<span>f</span>", "<span>{}</span>"), ("<dd>f</dd>", "<dd>{}</dd>"),
                          ("</b> f</p>", "</b> {}</p>")):
        assert html.count(before) <= 1
        html = html.replace(before, after.format(answer))
    return html


@pytest.mark.parametrize("name", LABELLED)
def test_medifind_reads_t_and_f(name):
    path = MEDIFIND / name
    html, url = path.read_text(encoding="utf-8"), fixture_url(path)
    assert scrape_html(html, url).healthy_volunteers is False
    yes = scrape_html(_said(html, "t"), url)
    assert yes.healthy_volunteers is True
    assert RECORD.healthy_volunteers is False
    found = [(f.kind, f.field, f.severity) for f in reconcile(yes, RECORD, TODAY) if f.field == "healthy_volunteers"]
    assert found == [("fact_mismatch", "healthy_volunteers", "warning")]
    assert not [f for f in reconcile(scrape_html(html, url), RECORD, TODAY) if f.field == "healthy_volunteers"]


def test_a_bare_t_or_f_is_read_only_by_medifinds_reader():
    html = (MEDIFIND / "nct06427642_semantic.html").read_text(encoding="utf-8")
    assert scrape_html(html, "https://trials.example.org/study/NCT06427642").healthy_volunteers is None
