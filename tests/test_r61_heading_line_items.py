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


@pytest.mark.parametrize("layout", ["md", "h3", "div", "label"])
def test_a_lead_in_naming_no_list_under_the_exclusion_heading_stays_in_it(shared_dir, layout):
    """NCT00005988 bullets "Eligibility for other transplant types:" in both its lists; under "Exclusion Criteria" the
    readers took it for an inclusion heading (the record's parser reads such a line so when it is not bulleted), and
    its exclusion items were said to be the page's requirements: 8 criticals on the record's own text in every layout,
    the only own-page criticals of that kind over the corpus (recon13)."""
    from conftest import corpus_record
    from verbatim_support import own_text_alarms

    record = corpus_record(shared_dir, "NCT00005988")
    assert own_text_alarms(record, layout) == []


def test_an_inclusion_heading_under_the_exclusion_list_still_starts_it():
    lines = ["Exclusion Criteria:", "Pregnant", "Eligibility criteria for Part B:", "Adults"]
    inclusion, exclusion = criteria_lists(lines)[:2]
    assert exclusion == ["Pregnant"] and inclusion == ["Adults"]
