"""ClinicalTrials.gov's "N/A" beside an age limit means that side has no limit: its data element definitions give
"N/A (No limit)" as the unit of both the minimum and the maximum age, its classic pages print "Ages: 18 Years - N/A",
and CheckOrphan and MedDataX copy that. The minimum beside an "N/A" maximum was not read at all, so a CheckOrphan
page saying "12 Years - N/A" against a record minimum of 18 "matched" (review r35 #2); and a page whose maximum is
"N/A" beside a minimum says there is no upper limit, as "18 years and older" does. A lone "N/A" (no other limit
shown, or both "N/A": how a site without ages fills its rows) and a "-" stay "not shown", never an alarm."""

from datetime import date

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.dates import Age, parse_age_limits
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 11, 22)
# CheckOrphan's page of NCT00033839 ("Ages: 18 Years - N/A"; its record: 18 years, no maximum)
ORPHAN = FIXTURES / "html" / "checkorphan.org" / "nct00033839_inline_stars_no_heading.html"
MEDDATAX = FIXTURES / "html" / "meddatax.com" / "nct07232563_labelled.html"      # Minimum 18 / Maximum 70
MEDDATAX_BARE = FIXTURES / "html" / "meddatax.com" / "nct07232563_bare_values.html"   # bare "18 Years", "70 Years"


def _record(nct: str, low: str | None, high: str | None) -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high)) if v}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": nct}, "eligibilityModule": elig}})


def _scrape(path, *subs: tuple[str, str]) -> PageRecord:
    html = path.read_text(encoding="utf-8")
    for old, new in subs:
        assert old in html
        html = html.replace(old, new)
    return scrape_html(html, fixture_url(path))


def _orphan(ages: str) -> PageRecord:
    return _scrape(ORPHAN, ("<b>Ages:</b> 18 Years - N/A", f"<b>Ages:</b> {ages}"))


def _age_messages(page: PageRecord, official: OfficialRecord) -> list[str]:
    return [f"{f.severity}: {f.message}" for f in reconcile(page, official, TODAY) if f.field in ("min_age", "max_age")]


@pytest.mark.parametrize("text,low,high,open_above", [
    ("18 Years - N/A", Age(18, "YEARS"), None, True),
    ("2 Years – N/A", Age(2, "YEARS"), None, True),
    ("18 Years to N/A (Adult, Older Adult)", Age(18, "YEARS"), None, True),
    ("18 Years - N/A (No limit)", Age(18, "YEARS"), None, True),
    ("18 Years - None", Age(18, "YEARS"), None, True),
    ("N/A - 65 Years", None, Age(65, "YEARS"), False),
    ("N/A to 13 Days", None, Age(13, "DAYS"), False),
    ("≥ 18 Years", Age(18, "YEARS"), None, True),
    (">= 18 years", Age(18, "YEARS"), None, True),
    ("≤ 65 Years", None, Age(65, "YEARS"), False),
    ("<= 65 years", None, Age(65, "YEARS"), False),
    ("≥ 18 years and ≤ 65 years", Age(18, "YEARS"), Age(65, "YEARS"), False),
])
def test_the_limit_beside_na_or_a_sign_is_read(text, low, high, open_above):
    lo, hi, said = parse_age_limits(text)
    assert (lo and (lo.value, lo.unit, lo.exclusive)) == (low and (low.value, low.unit, False))
    assert (hi and (hi.value, hi.unit, hi.exclusive)) == (high and (high.value, high.unit, False))
    assert said is open_above


@pytest.mark.parametrize("text", ["N/A - N/A", "N/A", "None", "N/A to N/A", "18 - N/A"])
def test_na_with_no_age_beside_it_says_nothing(text):
    assert parse_age_limits(text) == (None, None, False)


def test_checkorphans_minimum_beside_na_is_read_and_compared():
    """r35 T07: "12 Years - N/A" against a record minimum of 18 was "Matches"."""
    page = _orphan("12 Years - N/A")
    assert page.min_age == Age(12, "YEARS", "12 Years - N/A") and page.max_age is None
    assert _age_messages(page, _record("NCT00033839", "18 Years", None)) == [
        "critical: This page gives the minimum age as 12 years, but ClinicalTrials.gov says 18 years."]


def test_checkorphans_page_as_saved_matches_its_record():
    page = _scrape(ORPHAN)
    assert page.min_age == Age(18, "YEARS", "18 Years - N/A") and page.no_max_age_text == "18 Years - N/A"
    assert _age_messages(page, _record("NCT00033839", "18 Years", None)) == []


def test_checkorphans_na_maximum_against_a_record_maximum_is_no_upper_limit():
    """r35 T01: "40 Years - N/A" for a record of 40 to 70 says what "40 Years and older" says."""
    page = _orphan("40 Years - N/A")
    assert _age_messages(page, _record("NCT00033839", "40 Years", "70 Years")) == [
        'critical: This page says there is no upper age limit ("40 Years - N/A"), but ClinicalTrials.gov says the '
        "maximum age is 70 years."]
    assert _age_messages(page, _record("NCT00033839", "40 Years", "99 Years")) == [
        'info: This page says there is no upper age limit ("40 Years - N/A"); ClinicalTrials.gov gives a maximum age '
        "of 99 years, so only people older than that are left out."]


def test_checkorphans_na_minimum_against_a_record_minimum_is_no_lower_limit():
    page = _orphan("N/A - 17 Years")
    assert page.min_age is None and page.max_age == Age(17, "YEARS", "N/A - 17 Years")
    assert _age_messages(page, _record("NCT00033839", "6 Years", "17 Years")) == [
        'critical: This page says there is no lower age limit ("N/A - 17 Years"), but ClinicalTrials.gov says the '
        "minimum age is 6 years."]
    assert _age_messages(page, _record("NCT00033839", None, "17 Years")) == []


def test_checkorphans_na_on_both_sides_is_not_shown():
    page = _orphan("N/A - N/A")
    assert (page.min_age, page.max_age, page.no_max_age_text, page.no_min_age_text) == (None, None, None, None)
    assert _age_messages(page, _record("NCT00033839", "18 Years", "65 Years")) == []


@pytest.mark.parametrize("maximum", ["N/A", "None"])
def test_meddatax_labelled_na_maximum_beside_a_minimum_is_no_upper_limit(maximum):
    """r35 S12 / T03: "Maximum Age: N/A" (or "None") for a record of 18 to 70 was silent."""
    page = _scrape(MEDDATAX, ("<dd>70 Years</dd>", f"<dd>{maximum}</dd>"))
    assert page.no_max_age_text == maximum
    assert _age_messages(page, _record("NCT07232563", "18 Years", "70 Years")) == [
        f'critical: This page says there is no upper age limit ("{maximum}"), but ClinicalTrials.gov says the maximum '
        "age is 70 years."]
    assert _age_messages(page, _record("NCT07232563", "18 Years", None)) == []


@pytest.mark.parametrize("subs", [
    (("<dd>70 Years</dd>", "<dd>-</dd>"),),                                         # r35 T05: a dash
    (("<dd>18 Years</dd>", "<dd>N/A</dd>"), ("<dd>70 Years</dd>", "<dd>N/A</dd>")),  # both "N/A"
])
def test_meddatax_labelled_dash_or_na_beside_no_age_is_not_shown(subs):
    page = _scrape(MEDDATAX, *subs)
    assert page.no_max_age_text is None and page.no_min_age_text is None
    assert _age_messages(page, _record("NCT07232563", "18 Years", "70 Years")) == []


def test_meddatax_labelled_na_minimum_beside_a_maximum_is_no_lower_limit():
    page = _scrape(MEDDATAX, ("<dd>18 Years</dd>", "<dd>N/A</dd>"))
    assert page.min_age is None and page.no_min_age_text == "N/A"
    assert _age_messages(page, _record("NCT07232563", "18 Years", "70 Years")) == [
        'critical: This page says there is no lower age limit ("N/A"), but ClinicalTrials.gov says the minimum age is '
        "18 years."]
    assert _age_messages(page, _record("NCT07232563", None, "70 Years")) == []


def test_meddatax_bare_na_minimum_before_a_maximum_is_no_lower_limit():
    page = _scrape(MEDDATAX_BARE, ("<div>18 Years</div>\n<div>70 Years</div>", "<div>N/A</div>\n<div>70 Years</div>"))
    assert page.max_age == Age(70, "YEARS", "70 Years") and page.no_min_age_text == "N/A"
    assert _age_messages(page, _record("NCT07232563", "18 Years", "70 Years")) == [
        'critical: This page says there is no lower age limit ("N/A"), but ClinicalTrials.gov says the minimum age is '
        "18 years."]


def test_meddatax_bare_na_maximum_after_a_minimum_is_no_upper_limit():
    page = _scrape(MEDDATAX_BARE, ("<div>18 Years</div>\n<div>70 Years</div>", "<div>18 Years</div>\n<div>N/A</div>"))
    assert page.min_age == Age(18, "YEARS", "18 Years") and page.no_max_age_text == "N/A"
    assert _age_messages(page, _record("NCT07232563", "18 Years", "70 Years")) == [
        'critical: This page says there is no upper age limit ("N/A"), but ClinicalTrials.gov says the maximum age is '
        "70 years."]
