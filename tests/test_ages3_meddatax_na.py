"""MedDataX prints the criteria, then the bare age, sex and volunteer values, an "N/A" standing for a missing age
limit. A record whose criteria hold a plain "N/A" paragraph (an empty "Exclusion Criteria" filled with "N/A") and then
go on with a list made that "N/A" start the values: every criterion after it was read as an age or sex value, the list
was lost, and a "Sex: Female" item became the page's sex, dropping its ages. An "N/A" is a value only where values (or
nothing) follow it; the r37 #2 shape (a last "N/A" paragraph, then "18 Years", "N/A", "ALL", "No") still reads 18 and
over."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from datetime import date

from conftest import FIXTURES, scrape_edited
from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

BARE = FIXTURES / "html" / "meddatax.com" / "nct07041801_bare_values.html"   # bare "18 Years", "65 Years", "ALL", "No"
EXCLUSION = "<div>Exclusion Criteria</div><div>2. Those"
TODAY = date(2026, 12, 6)


def _scrape(*subs: tuple[str, str]) -> PageRecord:
    return scrape_edited(BARE, *subs)


def _record() -> OfficialRecord:
    return OfficialRecord(json.loads((SAVED_COPIES / "NCT07041801.json").read_text(encoding="utf-8")))


def test_na_paragraph_then_a_list_keeps_the_list_as_exclusion_criteria():
    page = _scrape((EXCLUSION, "<div>Exclusion Criteria</div><div>N/A</div><div>2. Those"))
    assert len(page.exclusion) == 11 and page.exclusion[0] == "N/A"
    assert page.exclusion[1].startswith("2. Those who have had central nervous system diseases")
    assert (page.min_age, page.max_age, page.sex, page.healthy_volunteers) == \
        (Age(18, "YEARS", "18 Years"), Age(65, "YEARS", "65 Years"), "ALL", False)
    assert page.no_min_age_text is None and page.no_max_age_text is None


def test_na_paragraph_then_list_items_naming_age_and_sex_are_criteria_not_values():
    page = _scrape((EXCLUSION, "<div>Exclusion Criteria</div><div>N/A</div><ul><li>Age over 70 Years</li>"
                               "<li>Sex: Female</li></ul><div>2. Those"))
    assert "Sex: Female" in page.exclusion and "Age over 70 Years" in page.exclusion
    assert (page.min_age, page.max_age, page.sex) == (Age(18, "YEARS", "18 Years"), Age(65, "YEARS", "65 Years"), "ALL")


def test_na_paragraph_under_inclusion_keeps_both_lists():
    page = _scrape(("<div>Inclusion Criteria</div><div>2. Age",
                    "<div>Inclusion Criteria</div><div>N/A</div><div>2. Age"))
    assert (len(page.inclusion), len(page.exclusion)) == (5, 10)
    assert (page.min_age, page.max_age) == (Age(18, "YEARS", "18 Years"), Age(65, "YEARS", "65 Years"))


def test_the_page_with_an_na_paragraph_against_its_record_raises_no_age_or_sex_finding():
    page = _scrape((EXCLUSION, "<div>Exclusion Criteria</div><div>N/A</div><ul><li>Sex: Female</li></ul><div>2. Those"))
    fields = {f.field for f in reconcile(page, _record(), TODAY)}
    assert not fields & {"min_age", "max_age", "sex", "healthy_volunteers"}


def test_a_last_na_paragraph_before_the_values_is_still_no_age_side():
    """(r37 #2) "N/A" closing the criteria, then 18 years, no maximum ("N/A"), ALL, No."""
    page = _scrape(("<div>18 Years</div><div>65 Years</div>", "<div>N/A</div><div>18 Years</div><div>N/A</div>"))
    assert (page.min_age, page.max_age, page.no_max_age_text, page.no_min_age_text) == \
        (Age(18, "YEARS", "18 Years"), None, "N/A", None)


def test_a_bare_na_minimum_right_after_the_criteria_is_still_the_minimum():
    page = _scrape(("<div>18 Years</div><div>65 Years</div>", "<div>N/A</div><div>65 Years</div>"))
    assert (page.min_age, page.max_age, page.no_min_age_text) == (None, Age(65, "YEARS", "65 Years"), "N/A")
    assert len(page.exclusion) == 10
