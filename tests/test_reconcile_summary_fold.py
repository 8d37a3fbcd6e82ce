"""One wrong number, one finding (review r26 #6): a page changing "Body weight 45-90 kg" to "45-120 kg" in its criteria
and in its plain-English summary got a CRITICAL criterion_changed and a WARNING plain_number with the same two values,
which read as two problems of different weight. The summary's is said in the criterion's row; another wrong figure in
the summary keeps its own finding."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from datetime import date

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import Finding, reconcile

SEMANTIC = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"


def _changed_weight() -> str:
    text = SEMANTIC.read_text(encoding="utf-8")
    assert text.count("Body weight 45-90 kg") == 2   # (its summary's "Who May Qualify", then its criteria)
    return text.replace("Body weight 45-90 kg", "Body weight 45-120 kg")


def _findings(page_html: str) -> list[Finding]:
    page = scrape_html(page_html, fixture_url(SEMANTIC))
    rec = OfficialRecord(json.loads((SAVED_COPIES / "NCT07635758.json").read_text(encoding="utf-8")))
    # (the page's "Updated June 2026" is still to come on this date: an info, left aside)
    return [x for x in reconcile(page, rec, date(2026, 1, 10)) if x.kind != "page_date_ahead"]


def test_a_number_changed_in_criteria_and_summary_is_one_finding():
    (only,) = _findings(_changed_weight())
    assert (only.kind, only.severity, only.page_value, only.official_value) == (
        "criterion_changed", "critical", "Body weight 45-120 kg", "Body weight 45-90 kg")
    assert only.message == ('A requirement for joining differs in a number: this page says "Body weight 45-120 kg", '
                            'but ClinicalTrials.gov says "Body weight 45-90 kg". This page\'s summary says '
                            '"Body weight 45-120 kg" too.')
    assert only.evidence["also_in_summary"]["kind"] == "plain_number"


def test_another_wrong_number_in_the_summary_keeps_its_own_finding():
    """The criteria say 45-120 kg, the summary 45-100 kg: two wrong numbers, two findings."""
    text = SEMANTIC.read_text(encoding="utf-8").replace("Body weight 45-90 kg", "Body weight 45-120 kg", 1)
    text = text.replace("Body weight 45-90 kg", "Body weight 45-100 kg")
    got = {(x.kind, x.field, x.page_value) for x in _findings(text)}
    kinds = sorted(x.kind for x in _findings(text))
    assert kinds == ["criterion_changed", "plain_number"], got
    assert all("summary says" not in x.message or x.kind == "plain_number" for x in _findings(text))


def test_a_number_changed_only_in_the_summary_is_still_a_summary_finding():
    text = SEMANTIC.read_text(encoding="utf-8")
    first = text.index("Body weight 45-90 kg")   # (the summary's "Who May Qualify" comes first)
    text = text[:first] + "Body weight 45-120 kg" + text[first + len("Body weight 45-90 kg"):]
    (only,) = _findings(text)
    assert (only.kind, only.field, only.severity) == ("plain_number", "plain_summary", "warning")


def _summary_says(words: str) -> str:
    """The page with its criteria saying "Body weight 45-120 kg" (the record: 45-90 kg) and its summary's "Who May
    Qualify" saying `words` in that item's place."""
    text = _changed_weight()
    first = text.index("Body weight 45-120 kg")   # (the summary's comes first)
    return text[:first] + words + text[first + len("Body weight 45-120 kg"):]


@pytest.mark.parametrize("words", [
    "Adults weighing 45 to 120 kilograms",
    "Weighing between 45 and 120 kg",
    "Weighing at least 45 kg and no more than 120 kg",
    "Weighing 45 to 120 kg (about 99 to 265 lb)",
])
def test_the_same_changed_figure_in_other_words_is_one_finding(words):
    (only,) = _findings(_summary_says(words))
    assert (only.kind, only.severity, only.page_value, only.official_value) == (
        "criterion_changed", "critical", "Body weight 45-120 kg", "Body weight 45-90 kg")
    assert only.message.startswith('A requirement for joining differs in a number: this page says "Body weight '
                                   '45-120 kg", but ClinicalTrials.gov says "Body weight 45-90 kg". This page\'s '
                                   'summary says "')
    said = only.evidence["also_in_summary"]
    assert (said["kind"], said["field"], said["severity"]) == ("plain_number", "plain_summary", "warning")


@pytest.mark.parametrize("words", [
    "Weighing 45 to 120 lb",          # another unit: another figure
    "Weighing over 120 kg",           # another comparator: another limit
    "Weighing up to 120 kg",
    "Weighing 50 to 120 kg",          # one more figure the criterion lacks
])
def test_a_figure_that_is_not_the_criterion_s_keeps_its_own_finding(words):
    got = sorted((x.kind, x.field) for x in _findings(_summary_says(words)))
    assert got == [("criterion_changed", "inclusion_criteria"), ("plain_number", "plain_summary")]
    assert not any("summary says" in x.message and x.kind == "criterion_changed" for x in _findings(_summary_says(words)))


def test_a_bracketed_restatement_is_not_cut_mid_bracket_in_the_quote():
    """The summary's weight is quoted up to its own figure: "45 to 120 kg", not into the bracket's other unit
    ('… (about 99 to 265 lb' with no ')': the quote ended at the bracket's second figure)."""
    (only,) = _findings(_summary_says("Weighing 45 to 120 kg (about 99 to 265 lb)"))
    quoted = only.message.split('This page\'s summary says "', 1)[1].split('"', 1)[0]
    assert quoted.count("(") == quoted.count(")")
    assert "45 to 120 kg" in quoted
