"""Age limits as pages word them: "under 18 years" is ClinicalTrials.gov's "17 Years" maximum, and a page that says
there is no upper limit ("18 years and older", a maximum "No limit") is held to the record's maximum (review
round 10c, P3 and P5). Read from the saved Veeva and MedDataX pages with their age values edited."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import copy
import json
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.dates import Age, parse_age_range
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from server.drift import summarize

TODAY = date(2026, 11, 22)
VEEVA = FIXTURES / "html" / "ctv.veeva.com" / "nct07041801_divs.html"       # "18 to 65 years old"; record 18–65
MEDDATAX = FIXTURES / "html" / "meddatax.com" / "nct07232563_labelled.html"  # Minimum 18 / Maximum 70; record 18–70


def _record(nct: str, low: str | None = None, high: str | None = None, keep: bool = False) -> OfficialRecord:
    """The bundled record, its ages as given (`keep`) or set to `low`/`high` (None: no limit)."""
    data = copy.deepcopy(json.loads((SAVED_COPIES / f"{nct}.json").read_text(encoding="utf-8")))
    elig = data["protocolSection"]["eligibilityModule"]
    if not keep:
        for key, value in (("minimumAge", low), ("maximumAge", high)):
            elig.pop(key, None)
            if value:
                elig[key] = value
    return OfficialRecord(data)


def _scrape(path: Path, *subs: tuple[str, str]) -> PageRecord:
    html = path.read_text(encoding="utf-8")
    for old, new in subs:
        assert old in html
        html = html.replace(old, new)
    return scrape_html(html, fixture_url(path))


def _veeva(ages: str) -> PageRecord:
    return _scrape(VEEVA, ("<div>18 to 65 years old</div>", f"<div>{ages}</div>"))


def _age_messages(page: PageRecord, official: OfficialRecord, **kw) -> list[str]:
    return [f"{f.severity}: {f.message}" for f in reconcile(page, official, TODAY, **kw)
            if f.field in ("min_age", "max_age")]


# -- P3: an exclusive upper limit ---------------------------------------------------------------------------------

def test_under_18_is_up_to_17_years():
    lo, hi = parse_age_range("Under 18 years")
    assert lo is None and hi == Age(18, "YEARS", "Under 18 years", exclusive=True)
    lo, hi = parse_age_range("6 years to under 18 years")
    assert lo == Age(6, "YEARS", "6 years to under 18 years")
    assert hi == Age(18, "YEARS", "6 years to under 18 years", exclusive=True)
    assert parse_age_range("Up to 17 years")[1] == Age(17, "YEARS", "Up to 17 years")   # "up to" includes it


@pytest.mark.parametrize("ages", ["Under 18 years", "Younger than 18 years", "6 years to under 18 years",
                                  "6 to <18 years", "6 to 17 years old", "Up to 17 years"])
def test_a_childrens_page_saying_under_18_matches_a_record_maximum_of_17_years(ages):
    # (a page's "6 years" beside a record with no minimum is a limit the record lacks: test_ages3_added_limits)
    assert [f for f in reconcile(_veeva(ages), _record("NCT07041801", None, "17 Years"), TODAY)
            if f.field == "max_age"] == []
    # (against a minimum of 6 years, "Under 18 years" alone leaves it out: test_an_upper_limit_alone_…)
    assert [f for f in reconcile(_veeva(ages), _record("NCT07041801", "6 Years", "17 Years"), TODAY)
            if f.field == "max_age"] == []


def test_under_18_against_another_maximum_is_said_as_the_page_says_it():
    page = _veeva("6 years to under 18 years")
    assert _age_messages(page, _record("NCT07041801", "6 Years", "15 Years")) == [
        "critical: This page gives the maximum age as under 18 years, but ClinicalTrials.gov says 15 years."]
    # the record's "18 Years" takes 18-year-olds, whom "under 18" leaves out
    assert _age_messages(page, _record("NCT07041801", "6 Years", "18 Years")) == [
        "critical: This page gives the maximum age as under 18 years, but ClinicalTrials.gov says 18 years."]


def test_an_exclusive_maximum_in_another_unit_is_the_records_last_whole_unit():
    page = PageRecord(site="ctv.veeva.com", nct_id="NCT07041801", max_age=Age(18, "YEARS", "Under 18 years", exclusive=True))
    assert _age_messages(page, _record("NCT07041801", None, "215 Months")) == []   # up to the 216th month: 18 years
    page = PageRecord(site="ctv.veeva.com", nct_id="NCT07041801", max_age=Age(1, "YEARS", "Under 1 year", exclusive=True))
    assert _age_messages(page, _record("NCT07041801", None, "11 Months")) == []


def test_over_18_is_the_records_minimum_of_18_and_differs_from_another():
    page = _veeva("Over 18 years")
    assert page.min_age == Age(18, "YEARS", "Over 18 years", exclusive=True) and page.no_max_age_text is None
    assert _age_messages(page, _record("NCT07041801", "18 Years", "65 Years")) == []
    assert _age_messages(page, _record("NCT07041801", "16 Years", "65 Years")) == [
        "critical: This page gives the minimum age as over 18 years, but ClinicalTrials.gov says 16 years."]


# -- P5: a page that says there is no upper limit -------------------------------------------------------------------

def test_open_ended_age_on_page_against_record_maximum_is_found():
    page = _veeva("18 years and older")
    assert page.no_max_age_text == "18 years and older" and page.max_age is None
    official = _record("NCT07041801", keep=True)   # 18 to 65 years
    assert _age_messages(page, official) == [
        'critical: This page says there is no upper age limit ("18 years and older"), but ClinicalTrials.gov says the '
        "maximum age is 65 years."]
    # against a saved copy, the copy and its date are named, as in the other age findings
    assert _age_messages(page, official, copy_as_of="2025-07-01T00:00:00Z") == [
        'critical: This page says there is no upper age limit ("18 years and older"), but TrialLens\'s saved copy of the '
        "ClinicalTrials.gov record (from 1 Jul 2025) says the maximum age is 65 years."]
    drift = summarize(page, official, reconcile(page, official, TODAY))
    assert drift["headline"] == "The ages on this page differ from ClinicalTrials.gov"


@pytest.mark.parametrize("ages", ["18+ years", "18+", "18 or older", "18 Years and over"])
def test_other_wordings_of_no_upper_limit_are_found(ages):
    found = _age_messages(_veeva(ages), _record("NCT07041801", keep=True))
    assert found == [f'critical: This page says there is no upper age limit ("{ages}"), but ClinicalTrials.gov says the '
                     "maximum age is 65 years."]


def test_a_childrens_page_saying_6_and_older_is_found():
    found = _age_messages(_veeva("6 years and older"), _record("NCT07041801", "6 Years", "17 Years"))
    assert found == ['critical: This page says there is no upper age limit ("6 years and older"), but ClinicalTrials.gov '
                     "says the maximum age is 17 years."]


@pytest.mark.parametrize("maximum,said", [("No limit", "No limit"), ("No maximum", "No maximum")])
def test_a_labelled_maximum_saying_no_limit_is_found(maximum, said):
    page = _scrape(MEDDATAX, ("<dd>70 Years</dd>", f"<dd>{maximum}</dd>"))
    assert page.no_max_age_text == said
    assert _age_messages(page, _record("NCT07232563", keep=True)) == [
        f'critical: This page says there is no upper age limit ("{said}"), but ClinicalTrials.gov says the maximum age '
        "is 70 years."]


def test_a_labelled_minimum_and_older_beside_no_limit_is_found_once():
    page = _scrape(MEDDATAX, ("<dd>18 Years</dd>", "<dd>18 years and older</dd>"), ("<dd>70 Years</dd>", "<dd>No limit</dd>"))
    assert _age_messages(page, _record("NCT07232563", keep=True)) == [
        'critical: This page says there is no upper age limit ("No limit"), but ClinicalTrials.gov says the maximum age is '
        "70 years."]


def test_a_maximum_not_shown_is_no_claim():
    """A "-" is how sites show a value they lack ("N/A" or "None" beside a minimum is the registry's "no limit":
    test_age_not_applicable); a record with no maximum backs no alarm; a page that gives a maximum the record lacks
    is one (ages3), but not here: the record's own inclusion criteria say "Age 18-65 years old" (ages4: silent, as the
    same figure in the page's summary is)."""
    page = _scrape(MEDDATAX, ("<dd>70 Years</dd>", "<dd>-</dd>"))
    assert page.no_max_age_text is None
    assert _age_messages(page, _record("NCT07232563", keep=True)) == []
    for maximum in ("N/A", "None"):
        page = _scrape(MEDDATAX, ("<dd>70 Years</dd>", f"<dd>{maximum}</dd>"))
        assert _age_messages(page, _record("NCT07232563", "18 Years", None)) == []
    assert _age_messages(_veeva("18 years and older"), _record("NCT07041801", "18 Years", None)) == []
    assert _age_messages(_veeva("18 to 65 years old"), _record("NCT07041801", "18 Years", None)) == []


def test_the_page_record_json_says_it_only_when_the_page_does():
    page = _veeva("18 years and older")
    assert page.to_dict()["no_max_age_text"] == "18 years and older"
    assert PageRecord.from_dict(page.to_dict()) == page
    shut = _veeva("Under 18 years")
    assert shut.to_dict()["max_age"] == {"value": 18, "unit": "YEARS", "text": "Under 18 years", "exclusive": True}
    assert PageRecord.from_dict(shut.to_dict()) == shut
    plain = _veeva("18 to 65 years old").to_dict()
    assert "no_max_age_text" not in plain and "exclusive" not in plain["max_age"]


# -- round 11c N3: a record maximum that stands for none -----------------------------------------------------------

@pytest.mark.parametrize("ages", ["18 years and older", "18+ years"])
@pytest.mark.parametrize("maximum,said", [("99 Years", "99 years"), ("100 Years", "100 years"),
                                          ("90 Years", "90 years"), ("1200 Months", "1200 months")])
def test_no_upper_limit_against_a_record_maximum_of_90_or_more_is_information(ages, maximum, said):
    """Registrants enter 99, 100 or 120 years to mean no upper limit: "18 years and older" against "18 to 99" was a
    CRITICAL that would teach readers to pass over the real one ("18+" against 65)."""
    page = _veeva(ages)
    official = _record("NCT07041801", "18 Years", maximum)
    assert _age_messages(page, official) == [
        f'info: This page says there is no upper age limit ("{ages}"); ClinicalTrials.gov gives a maximum age of {said}, so '
        "only people older than that are left out."]
    drift = summarize(page, official, reconcile(page, official, TODAY))
    assert drift["verdict"] == "in_sync"
    # against a saved copy, the copy is named (in full, with its date, only in the first finding: here a note that
    # the exclusion list is not shown)
    assert _age_messages(page, official, copy_as_of="2025-07-01T00:00:00Z") == [
        f'info: This page says there is no upper age limit ("{ages}"); TrialLens\'s saved copy gives a maximum age of '
        f"{said}, so only people older than that are left out."]


def test_a_labelled_no_limit_against_a_record_maximum_of_100_is_information():
    page = _scrape(MEDDATAX, ("<dd>70 Years</dd>", "<dd>No limit</dd>"))
    assert _age_messages(page, _record("NCT07232563", "18 Years", "100 Years")) == [
        'info: This page says there is no upper age limit ("No limit"); ClinicalTrials.gov gives a maximum age of 100 '
        "years, so only people older than that are left out."]


@pytest.mark.parametrize("maximum,said", [("65 Years", "65 years"), ("75 Years", "75 years"), ("85 Years", "85 years"),
                                          ("89 Years", "89 years")])
def test_no_upper_limit_against_a_real_record_maximum_stays_critical(maximum, said):
    """Below 90 years a record maximum is a real limit (at 80 and 85 the record's own criteria state it in over half
    the corpus's records): a 70-year-old told "18 years and older" would apply in vain."""
    assert _age_messages(_veeva("18 years and older"), _record("NCT07041801", "18 Years", maximum)) == [
        'critical: This page says there is no upper age limit ("18 years and older"), but ClinicalTrials.gov says the '
        f"maximum age is {said}."]


# -- round 11c N7: a unit-less "16+" and a maximum "Unlimited" -----------------------------------------------------

@pytest.mark.parametrize("ages", ["16+", "Adults 16+", "16 and over", "16 or older"])
def test_a_unitless_plus_age_is_a_minimum_in_years(ages):
    """"16+" was read as no minimum at all, so a page letting 16-year-olds in to an adults' trial said nothing."""
    page = _veeva(ages)
    assert page.min_age == Age(16, "YEARS", ages) and page.max_age is None and page.no_max_age_text == ages
    assert _age_messages(page, _record("NCT07041801", "18 Years", None)) == [
        "critical: This page gives the minimum age as 16 years, but ClinicalTrials.gov says 18 years."]
    assert _age_messages(_veeva(ages.replace("16", "18")), _record("NCT07041801", "18 Years", None)) == []


def test_a_labelled_unitless_minimum_is_in_years_and_a_count_is_no_age():
    page = _scrape(MEDDATAX, ("<dd>18 Years</dd>", "<dd>16+</dd>"), ("<dd>70 Years</dd>", "<dd>N/A</dd>"))
    assert page.min_age == Age(16, "YEARS", "16+")
    assert _age_messages(page, _record("NCT07232563", "18 Years", None)) == [
        "critical: This page gives the minimum age as 16 years, but ClinicalTrials.gov says 18 years."]
    # only a labelled age alone: a line that merely holds "100+" counts something else
    assert parse_age_range("100+ sites") == (None, None) and parse_age_range("16+") == (None, None)


def test_a_labelled_maximum_unlimited_is_no_limit():
    page = _scrape(MEDDATAX, ("<dd>70 Years</dd>", "<dd>Unlimited</dd>"))
    assert page.no_max_age_text == "Unlimited"
    assert _age_messages(page, _record("NCT07232563", keep=True)) == [
        'critical: This page says there is no upper age limit ("Unlimited"), but ClinicalTrials.gov says the maximum age is '
        "70 years."]


# -- review round 12d, P5: an upper limit alone says there is no lower one --------------------------------------------

@pytest.mark.parametrize("ages", ["Under 18 years", "Up to 17 years", "17 years and younger", "Younger than 18 years",
                                  "<18 years", "Up to 17 years old"])
def test_an_upper_limit_alone_against_a_record_minimum_is_the_mirror_of_no_upper_limit(ages):
    """"Under 18 years" on a trial for 6 to 17 years was silent, while "6 years and older" on it is a CRITICAL: a
    parent of a 3-year-old reads "Under 18" as eligible."""
    page = _veeva(ages)
    assert page.min_age is None and page.no_min_age_text == ages and page.to_dict()["no_min_age_text"] == ages
    assert PageRecord.from_dict(page.to_dict()) == page
    official = _record("NCT07041801", "6 Years", "17 Years")
    assert _age_messages(page, official) == [
        f'critical: This page says there is no lower age limit ("{ages}"), but ClinicalTrials.gov says the minimum age '
        "is 6 years."]
    drift = summarize(page, official, reconcile(page, official, TODAY))
    assert drift["headline"] == "The ages on this page differ from ClinicalTrials.gov"
    assert _age_messages(page, official, copy_as_of="2025-07-01T00:00:00Z") == [
        f'critical: This page says there is no lower age limit ("{ages}"), but TrialLens\'s saved copy of the '
        "ClinicalTrials.gov record (from 1 Jul 2025) says the minimum age is 6 years."]


def test_under_65_on_an_adults_trial_lets_children_in():
    assert _age_messages(_veeva("Under 65 years"), _record("NCT07041801", "18 Years", "64 Years")) == [
        'critical: This page says there is no lower age limit ("Under 65 years"), but ClinicalTrials.gov says the '
        "minimum age is 18 years."]


def test_under_6_months_against_a_minimum_of_1_month_is_said():
    assert _age_messages(_veeva("Under 6 months"), _record("NCT07041801", "1 Month", "5 Months")) == [
        'critical: This page says there is no lower age limit ("Under 6 months"), but ClinicalTrials.gov says the '
        "minimum age is 1 month."]


@pytest.mark.parametrize("minimum", [None, "0 Years", "0 Days", "1 Day", "24 Hours", "5 Minutes"])
def test_a_record_minimum_of_a_day_or_less_is_no_minimum(minimum):
    """Registrants enter "0 Years", "1 Day", hours or minutes to mean from birth (180 of the corpus's 6,325 minima):
    "Under 18 years" is right."""
    assert _age_messages(_veeva("Under 18 years"), _record("NCT07041801", minimum, "17 Years")) == []


@pytest.mark.parametrize("minimum,said", [("28 Days", "28 days"), ("3 Weeks", "3 weeks"), ("4 Days", "4 days")])
def test_a_record_minimum_under_a_month_is_information(minimum, said):
    """Below a month only newborns are left out (11 of the corpus's minima): information, as a record maximum of 90
    years or more is against "18 years and older"."""
    page = _veeva("Under 18 years")
    official = _record("NCT07041801", minimum, "17 Years")
    assert _age_messages(page, official) == [
        'info: This page says there is no lower age limit ("Under 18 years"); ClinicalTrials.gov gives a minimum age of '
        f"{said}, so only babies younger than that are left out."]
    assert summarize(page, official, reconcile(page, official, TODAY))["verdict"] == "in_sync"


@pytest.mark.parametrize("ages", ["Children under 18 years with asthma", "6 years to under 18 years", "6 to 17 years"])
def test_only_an_upper_limit_alone_says_there_is_no_minimum(ages):
    """A phrase in prose, or a range, is no claim that there is no lower limit."""
    page = _veeva(ages)
    assert page.no_min_age_text is None and "no_min_age_text" not in page.to_dict()


def test_a_labelled_maximum_beside_no_minimum_is_no_claim():
    """MedDataX's "Minimum age: -" beside a maximum is a value the site lacks, not "no lower limit" (its "N/A" is the
    registry's "no limit": test_age_not_applicable)."""
    page = _scrape(MEDDATAX, ("<dd>18 Years</dd>", "<dd>-</dd>"))
    assert page.min_age is None and page.no_min_age_text is None
    assert _age_messages(page, _record("NCT07232563", keep=True)) == []


# -- review round 13, F1: "18 years and older" followed by a maximum states an upper limit ---------------------------

@pytest.mark.parametrize("ages", ["18 Years and older, max 65 Years", "18 years or older (maximum 65 years)",
                                  "18 years and older to 65 years", "18 years and older; maximum age 65 years",
                                  "18 Years and older, maximum age: 65 Years"])
def test_and_older_with_a_stated_maximum_reads_the_maximum(ages):
    """"18 Years and older, max 60 Years" was told it claims no upper limit (CRITICAL on 472 of 1,500 records): the
    text names the maximum, so it is read and compared, never "no upper limit"."""
    page = _veeva(ages)
    assert page.no_max_age_text is None
    assert page.min_age == Age(18, "YEARS", ages) and page.max_age == Age(65, "YEARS", ages)
    assert _age_messages(page, _record("NCT07041801", keep=True)) == []
    # read, so a maximum other than the record's is still found
    assert _age_messages(_veeva(ages.replace("65", "70")), _record("NCT07041801", keep=True)) == [
        "critical: This page gives the maximum age as 70 years, but ClinicalTrials.gov says 65 years."]


@pytest.mark.parametrize("ages", ["18 years and older (65 years for part B)", "18 years and older, 65 years in Japan"])
def test_and_older_beside_another_age_it_cannot_read_is_no_claim_of_no_limit(ages):
    page = _veeva(ages)
    assert page.no_max_age_text is None and page.max_age is None
    assert _age_messages(page, _record("NCT07041801", keep=True)) == []


def test_and_older_with_nothing_after_still_says_no_upper_limit():
    page = _veeva("18 Years and older (Adult, Older Adult)")
    assert page.no_max_age_text == "18 Years and older (Adult, Older Adult)"
    assert [m.split(":")[0] for m in _age_messages(page, _record("NCT07041801", keep=True))] == ["critical"]


# -- review round 13, F2: a ClinConnect age value is never guessed as a minimum -------------------------------------

CLINCONNECT = FIXTURES / "html" / "clinconnect.io" / "nct07041801_divs.html"   # no Age row; record 18–65


def _clinconnect(ages: str) -> PageRecord:
    gender = "<div><div>Gender</div><div>ALL</div></div>"
    return _scrape(CLINCONNECT, (gender, f"{gender}\n<div><div>Age</div><div>{ages}</div></div>"))


@pytest.mark.parametrize("ages,low,high", [("Between 18 and 65 years", "18 Years", "65 Years"),
                                           ("Between 18 and 65 years old", "18 Years", "65 Years"),
                                           ("Birth to 17 years", "0 Years", "17 Years"),
                                           ("Newborn to 17 years", None, "17 Years"),
                                           ("Newborn - 17 Years", "1 Day", "17 Years")])
def test_clinconnect_range_is_not_misread_as_a_minimum(ages, low, high):
    """"Between 18 and 60 years" was read as a minimum of 60 (CRITICAL on 526 of 1,500 records), "Birth to 100
    Years" as a minimum of 100: the fallback took the first figure of a value it could not read as a whole."""
    page = _clinconnect(ages)
    assert page.max_age == Age(float(high.split()[0]), "YEARS", ages)
    assert page.min_age == (Age(18, "YEARS", ages) if ages.startswith("Between") else None)
    assert page.no_min_age_text is None and page.no_max_age_text is None
    assert _age_messages(page, _record("NCT07041801", low, high)) == []


def test_clinconnect_between_range_is_compared_once_read():
    assert _age_messages(_clinconnect("Between 18 and 70 years"), _record("NCT07041801", keep=True)) == [
        "critical: This page gives the maximum age as 70 years, but ClinicalTrials.gov says 65 years."]
    assert _age_messages(_clinconnect("Birth to 70 years"), _record("NCT07041801", keep=True)) == [
        "critical: This page gives the maximum age as 70 years, but ClinicalTrials.gov says 65 years."]


@pytest.mark.parametrize("ages", ["From 18 till 65 years", "Adults; see criteria (60 years for cohort 2)"])
def test_clinconnect_age_value_it_cannot_read_is_left_unread(ages):
    page = _clinconnect(ages)
    assert page.min_age is None and page.max_age is None
    assert _age_messages(page, _record("NCT07041801", keep=True)) == []


def test_clinconnect_single_age_value_is_still_the_minimum():
    page = _clinconnect("18 Years")
    assert page.min_age == Age(18, "YEARS", "18 Years") and page.max_age is None
    assert _age_messages(_clinconnect("16 Years"), _record("NCT07041801", keep=True)) == [
        "critical: This page gives the minimum age as 16 years, but ClinicalTrials.gov says 18 years."]


# -- review round 13, F5: MedDataX's bare minimum "18 Years and older" is an age, not a criterion -------------------

MEDDATAX_BARE = FIXTURES / "html" / "meddatax.com" / "nct07232563_bare_values.html"   # bare "18 Years", "70 Years"


@pytest.mark.parametrize("maximum,high,said", [("N/A", None, []), ("70 Years", "70 Years", [])])
def test_meddatax_bare_minimum_and_older_is_the_minimum(maximum, high, said):
    page = _scrape(MEDDATAX_BARE, ("<div>18 Years</div>\n<div>70 Years</div>",
                                   f"<div>18 Years and older</div>\n<div>{maximum}</div>"))
    assert page.min_age == Age(18, "YEARS", "18 Years and older")
    assert all("18 Years" not in c for c in page.inclusion + page.exclusion)
    official = _record("NCT07232563", "18 Years", high)
    assert [f"{f.severity}: {f.kind}" for f in reconcile(page, official, TODAY)
            if f.severity != "info" and (f.kind.startswith("criterion") or f.field in ("min_age", "max_age"))] == said


def test_meddatax_bare_minimum_and_older_beside_no_maximum_against_a_record_maximum_is_found():
    page = _scrape(MEDDATAX_BARE, ("<div>18 Years</div>\n<div>70 Years</div>", "<div>18 Years and older</div>\n<div>N/A</div>"))
    assert _age_messages(page, _record("NCT07232563", keep=True)) == [
        'critical: This page says there is no upper age limit ("18 Years and older"), but ClinicalTrials.gov says the '
        "maximum age is 70 years."]
