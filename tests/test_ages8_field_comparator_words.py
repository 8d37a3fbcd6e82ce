"""ages8 (1): a page's age field reads a comparator said in words as it reads the sign (dates._AT_LEAST/_AT_MOST are
built from comparators.PHRASES, the one table ages7 made). Before, "less than or equal to 17 years", "at most 17
years", "greater than or equal to 18 years", "at least 18 years" were no age at all (signs only), and "no less than
18 years" read its "less than" as an exclusive MAXIMUM of 18: against a record of 18 and over a false critical."""

from datetime import date

import pytest

from scrapers.dates import parse_age_limits, only_below
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.sites.common import read_ages

TODAY = date(2026, 12, 7)


def _record(low: str | None, high: str | None) -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high),
                              ("eligibilityCriteria", "Inclusion Criteria:\n\n* Asthma")) if v}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT09000008"},
                                               "eligibilityModule": elig}})


def _limits(text: str) -> tuple:
    lo, hi, said = parse_age_limits(text, bare_years=True)
    return tuple(None if a is None else (a.value, a.unit, a.exclusive) for a in (lo, hi)) + (said, only_below(text))


@pytest.mark.parametrize("words, signs", [
    ("less than or equal to 17 years", "≤ 17 years"),
    ("17 years or younger", "≤ 17 years"),
    ("at most 17 years", "≤ 17 years"),
    ("no more than 17 years", "≤ 17 years"),
    ("not older than 17 years", "≤ 17 years"),
    ("Age: equal to or less than 17 years", "Age: ≤ 17 years"),
    ("18 years or older", "≥ 18 years"),
    ("greater than or equal to 18 years", "≥ 18 years"),
    ("at least 18 years", "≥ 18 years"),
    ("no less than 18 years", "≥ 18 years"),
    ("not younger than 18 years", "≥ 18 years"),
    ("equal to or greater than 18 years", "≥ 18 years"),
    (">/= 18 years", "≥ 18 years"),
    ("at least 18", "≥ 18"),
    ("greater than or equal to 18 years and less than or equal to 65 years", "≥ 18 years and ≤ 65 years"),
    ("at least 18 years, at most 65 years", "≥ 18 years, ≤ 65 years"),
    ("at least 18 years and under 65 years", "≥ 18 years and < 65 years"),
    ("21 years of age or older", "≥ 21 years of age"),
    ("17 years of age or younger", "≤ 17 years of age"),
    ("21 years of age or older, and no greater than 65 years of age", "≥ 21 years of age and ≤ 65 years of age"),
])
def test_a_page_age_field_in_words_reads_as_its_signs(words, signs):
    assert _limits(words) == _limits(signs)
    assert _limits(words)[:2] != (None, None)


@pytest.mark.parametrize("text", ["no less than 18 years", "at least 18 years", "greater than or equal to 18 years"])
def test_a_minimum_in_words_is_no_maximum(text):
    """The false critical: "no less than 18 years" was an exclusive maximum of 18 against a record of 18 and over."""
    page = PageRecord("example.org", nct_id="NCT09000008")
    read_ages(page, text)
    assert page.min_age is not None and page.max_age is None
    assert [f for f in reconcile(page, _record("18 Years", None), TODAY) if f.severity == "critical"] == []


@pytest.mark.parametrize("text", ["less than or equal to 17 years", "at most 17 years", "no more than 17 years"])
def test_a_maximum_in_words_is_held_to_the_record(text):
    page = PageRecord("example.org", nct_id="NCT09000008")
    read_ages(page, text)
    assert page.max_age is not None and page.no_min_age_text == text
    assert [f for f in reconcile(page, _record(None, "17 Years"), TODAY) if f.severity == "critical"] == []
    assert [f.kind for f in reconcile(page, _record("18 Years", "65 Years"), TODAY)
            if f.severity == "critical"] == ["fact_mismatch", "fact_mismatch"]   # (as "≤ 17 years" is)


@pytest.mark.parametrize("text", ["no longer than 3 months", "not exceeding 17 years", "weight at least 10 kg"])
def test_no_minimum_from_a_maximums_words_nor_an_age_from_a_weight(text):
    assert parse_age_limits(text, bare_years=True)[0] is None


@pytest.mark.parametrize("text", ["Patients over 40 years of age and under 70 years", "40 years old and under 70 years"])
def test_and_under_before_a_figure_is_that_figures_comparator(text):
    """(NCT05679999's item: once "of age" read as "old" does, "40 years of age and under" was a maximum of 40)"""
    assert _limits(text)[:2] == _limits("under 70 years")[:2]
