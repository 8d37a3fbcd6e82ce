"""Review r61 F4: reader15 left an "Age:" value unread when it held more than one range (right: "Birth to 12 months
6 to 10 years" has no one limit), but also when a later clause named a duration or a group, so a page's "18 to 75
years, with at least 1 year of diabetes" against a record's 65 went unsaid. The first clause is read when the rest
names no other age."""

from __future__ import annotations

import pytest

from scrapers import scrape_html

URL = "https://studies.example-university.edu/trial/NCT01234567"


def ages(value: str):
    html = (f"<html><body><h1>A Study of Drug X</h1><p>NCT ID: NCT01234567</p><p>Age: {value}</p><h2>Eligibility</h2>"
            "<p>Inclusion Criteria:</p><ul><li>Adults</li></ul></body></html>")
    page = scrape_html(html, URL)
    return (page.min_age.value if page.min_age else None, page.max_age.value if page.max_age else None)


@pytest.mark.parametrize("value", ["18 to 75 years, with at least 1 year of diabetes",
                                   "18 to 75 years (Adult, Older Adult), 2 years of follow-up",
                                   "18 to 75 years; 3 visits"])
def test_a_range_with_a_clause_after_it_is_read(value):
    assert ages(value) == (18, 75)


@pytest.mark.parametrize("value", ["Birth to 12 months 6 to 10 years", "18 to 65 years; 12 to 17 years with consent",
                                   "Part I: 12 months, Part II: 3 months"])
def test_two_ranges_stay_unread(value):
    assert ages(value) == (None, None)
