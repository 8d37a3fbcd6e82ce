"""MedDataX prints the record's criteria as plain lines, then the page's own bare age, sex and volunteer values. A
"Gender: Female" or "Sex:" line inside the criteria (an older record's sub-label, or a line of a list without bullets)
started those values: it became the page's sex, the ages after it were lost, and so were the criteria after it. A
trial for all sexes whose criteria say "Sex: Female" (NCT00003455) then showed a "sex differs" alarm the page does not
make. The page's values are the section's last run of value lines, and it shows one sex."""

from datetime import date

from conftest import FIXTURES, fixture_url, scrape_edited
from scrapers import scrape_html
from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

DIR = FIXTURES / "html" / "meddatax.com"
BARE = DIR / "nct07041801_bare_values.html"        # bare "18 Years", "65 Years", "ALL", "No"
PDQ = DIR / "nct00003455_sex_sublabel_in_criteria.html"
EXCLUSION = "<div>Exclusion Criteria</div><div>2. Those"
TODAY = date(2026, 12, 6)


def _scrape(*subs: tuple[str, str]) -> PageRecord:
    return scrape_edited(BARE, *subs)


def _values(page: PageRecord) -> tuple:
    return page.min_age, page.max_age, page.sex, page.healthy_volunteers


EIGHTEEN_TO_65 = (Age(18, "YEARS", "18 Years"), Age(65, "YEARS", "65 Years"), "ALL", False)


def test_a_gender_line_inside_the_inclusion_criteria_is_a_criterion():
    page = _scrape((EXCLUSION, "<div>Gender: Female</div>" + EXCLUSION))
    assert _values(page) == EIGHTEEN_TO_65
    assert page.inclusion[-1] == "Gender: Female" and len(page.exclusion) == 10


def test_a_sex_sub_label_and_its_bulleted_value_are_criteria():
    page = _scrape((EXCLUSION, "<div>Sex:</div><div>* Female</div>" + EXCLUSION))
    assert _values(page) == EIGHTEEN_TO_65
    assert page.inclusion[-2:] == ["Sex:", "Female"] and len(page.exclusion) == 10


def test_a_gender_line_closing_the_criteria_right_before_the_values_is_not_the_page_sex():
    page = _scrape(("<div>18 Years</div>", "<div>Gender: Female</div><div>18 Years</div>"))
    assert _values(page) == EIGHTEEN_TO_65
    assert page.exclusion[-1] == "Gender: Female"


def test_the_page_own_labelled_sex_is_still_read():
    page = _scrape(("<div>18 Years</div><div>65 Years</div><div>ALL</div><div>No</div>",
                    "<div>Minimum Age</div><div>18 Years</div><div>Maximum Age</div><div>65 Years</div>"
                    "<div>Sex</div><div>FEMALE</div><div>Healthy Volunteers</div><div>No</div>"))
    assert _values(page) == (Age(18, "YEARS", "18 Years"), Age(65, "YEARS", "65 Years"), "FEMALE", False)
    assert len(page.exclusion) == 10


def test_the_pdq_page_reads_its_own_values_and_every_criterion():
    page = scrape_html(PDQ.read_text(encoding="utf-8"), fixture_url(PDQ))
    assert (page.min_age, page.max_age, page.no_max_age_text, page.sex) == (Age(18, "YEARS", "18 Years"), None, "N/A", "ALL")
    assert ["Sex:", "Female"] == page.inclusion[page.inclusion.index("Sex:"):][:2]
    assert page.inclusion[-1] == "No other concurrent therapy for metastatic breast cancer"


def _pdq_record() -> OfficialRecord:
    """NCT00003455 as ClinicalTrials.gov gives it: all sexes, 18 years and over; criteria kept to the lines that
    matter here (the record's own text says "Sex:" then "Female")."""
    criteria = ("DISEASE CHARACTERISTICS:\n\n  -  Histologically confirmed stage IV breast cancer\n\n"
                "PATIENT CHARACTERISTICS:\n\nAge:\n\n  -  18 and over\n\nSex:\n\n  -  Female\n")
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT00003455", "briefTitle": "Antineoplaston Therapy in Treating Women With "
                                                                      "Advanced Breast Cancer"},
        "statusModule": {"overallStatus": "WITHDRAWN", "lastUpdatePostDateStruct": {"date": "2013-07-10"}},
        "eligibilityModule": {"eligibilityCriteria": criteria, "sex": "ALL", "minimumAge": "18 Years",
                              "healthyVolunteers": False}}})


def test_the_pdq_page_against_its_record_raises_no_sex_or_age_finding():
    page = scrape_html(PDQ.read_text(encoding="utf-8"), fixture_url(PDQ))
    fields = {f.field for f in reconcile(page, _pdq_record(), TODAY)}
    assert not fields & {"min_age", "max_age", "sex"}
