"""Review r61 F1: reader15 read a heading with a group's name after it ("INCLUSION CRITERIA: Recipient:") as one
heading; capitals or Title Case alone were taken for a name too, so a site's first item written on the heading's line
("Exclusion Criteria: Known HIV Infection") was dropped and the check said the page left it out. Now only a colon, a
bracket or a word naming whom the list is for makes a name, unless the page names its groups in another heading."""

from __future__ import annotations

import pytest

from scrapers import scrape_html
from scrapers.sites._criteria_lists import criteria_lists


@pytest.mark.parametrize("first", ["Known HIV Infection", "Pregnant Women", "Prior Chemotherapy", "PREGNANCY",
                                   "Signed Informed Consent"])
def test_a_first_item_on_the_exclusion_headings_line_is_read(first):
    lines = ["Inclusion Criteria:", "Adults 18 years or older", f"Exclusion Criteria: {first}",
             "Pregnant or breastfeeding"]
    inclusion, exclusion = criteria_lists(lines)[:2]
    assert inclusion == ["Adults 18 years or older"]
    assert exclusion == [first, "Pregnant or breastfeeding"]


def test_on_a_page_of_an_unknown_host():
    html = ("<html><body><h1>A Study of Drug X</h1><p>NCT ID: NCT01234567</p><h2>Eligibility</h2>"
            "<p>Inclusion Criteria:</p><ul><li>Adults 18 years or older</li></ul>"
            "<p>Exclusion Criteria: Known HIV Infection</p><ul><li>Pregnant or breastfeeding</li></ul></body></html>")
    page = scrape_html(html, "https://studies.example-university.edu/trial/NCT01234567")
    assert page.exclusion == ["Known HIV Infection", "Pregnant or breastfeeding"]


def test_groups_named_elsewhere_on_the_page_still_name_a_capitalised_one():
    lines = ["INCLUSION CRITERIA: DDD Pacemaker Therapy", "Aged 5 to 15 years", "EXCLUSION CRITERIA: DDD Pacemaker Therapy",
             "Chronic atrial fibrillation.", "INCLUSION CRITERIA: Cohort Study", "Aged 5 to 20 years"]
    inclusion, exclusion = criteria_lists(lines)[:2]
    assert "DDD Pacemaker Therapy" not in inclusion + exclusion
    assert inclusion == ["Aged 5 to 15 years", "Aged 5 to 20 years"]
