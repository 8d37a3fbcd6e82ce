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


# -- review r37: the "≥" reading takes only an age, a range written with signs, "N/A" sides that say "old" ------------
UNKNOWN_SITE = FIXTURES / "html" / "trials.example-health.org" / "nct04811651_nextjs_unknown_site.html"  # "Age: 18-80 years old;"
TRIALSITE = FIXTURES / "html" / "trialsite.example.org" / "nct03466619_divs_unknown_status.html"   # Ages "18 - 80 Years"


def _limits(text: str, bare_years: bool = False) -> tuple:
    lo, hi, said = parse_age_limits(text, bare_years=bare_years)
    return (lo and (lo.value, lo.unit, lo.exclusive), hi and (hi.value, hi.unit, hi.exclusive), said)


@pytest.mark.parametrize("text,expected", [
    # r37 #1: "≥ 10 kg" after an upper age limit is no age, and no "no upper limit" (it took the maximum away)
    ("Age: under 18 years, weight ≥ 10 kg;", (None, (18, "YEARS", True), False)),
    ("17 years and younger; BMI ≥ 30 kg/m2", (None, (17, "YEARS", False), False)),
    ("Under 18 Years (weight ≥ 10 kg)", (None, (18, "YEARS", True), False)),
    ("12 Years and younger, ≥ 10 kg", (None, (12, "YEARS", False), False)),
    ("< 75 years with a Karnofsky score >= 70 and life expectancy", (None, (75, "YEARS", True), False)),
    # a gestational age is when a baby was born, not an age limit
    ("Infants < 6 months of age and >= 36 weeks gestational age", (None, (6, "MONTHS", True), False)),
    ("Newborn ≥ 37 weeks gestation", (None, None, False)),
    # r37 #4: a closed range written with signs, the unit after the maximum only
    ("≥ 18 and ≤ 70 years", ((18, "YEARS", False), (70, "YEARS", False), False)),
    ("≥ 21 to ≤ 65 years", ((21, "YEARS", False), (65, "YEARS", False), False)),
    ("Age ≥ 25 and ≤ 75 years", ((25, "YEARS", False), (75, "YEARS", False), False)),
    ("≥ 18 years of age and < 75 years", ((18, "YEARS", False), (75, "YEARS", True), False)),
    ("weight ≥ 18 kg and ≤ 70 years", (None, (70, "YEARS", False), False)),
    # r37 #4: read before ages2 (apply_fields split the value at "to"), lost by it
    ("N/A to 13 days old", (None, (13, "DAYS", False), False)),
    ("18 years old to N/A", ((18, "YEARS", False), None, True)),
    # r37 #3: brackets that are not the registry's age groups may limit the "N/A" side
    ("18 Years - N/A (up to 65 Years per protocol)", (None, (65, "YEARS", False), False)),
    ("18 Years - N/A (per protocol)", ((18, "YEARS", False), None, False)),
    ("18 Years - N/A (Adult, Older Adult)", ((18, "YEARS", False), None, True)),
    ("18 Years - N/A (Adult, per protocol)", ((18, "YEARS", False), None, False)),
])
def test_signs_and_na_sides_read_only_ages(text, expected):
    assert _limits(text) == expected


def test_a_labelled_unitless_at_least_is_years_as_18_plus_is():
    """r37 #4: "Ages: ≥18" was unread while "18+" is 18 years and over; in running text neither names an age."""
    assert _limits("≥18", bare_years=True) == ((18, "YEARS", False), None, True)
    assert _limits("Ages: ≥ 18", bare_years=True) == ((18, "YEARS", False), None, True)
    assert _limits("≥18") == (None, None, False)


def test_n_a_minimum_with_other_words_in_brackets_is_no_claim_of_no_lower_limit():
    page = _orphan("N/A - 17 Years (per protocol)")
    assert page.max_age == Age(17, "YEARS", "N/A - 17 Years (per protocol)") and page.no_min_age_text is None
    assert _age_messages(page, _record("NCT00033839", "6 Years", "17 Years")) == []


@pytest.mark.parametrize("value,low,high", [
    ("Age: under 18 years, weight ≥ 10 kg;", "2 Years", "17 Years"),
    ("Age: 17 years and younger; BMI ≥ 30 kg/m2", None, "17 Years"),
])
def test_criteria_age_with_a_weight_sign_matches_its_record(value, low, high):
    """r37 #1: CRITICAL "This page says there is no upper age limit" against a page whose limit is the record's."""
    page = _scrape(UNKNOWN_SITE, ("Age: 18-80 years old;", value))
    assert page.no_max_age_text is None and page.max_age is not None
    assert _age_messages(page, _record("NCT04811651", low, high)) == []


@pytest.mark.parametrize("value,low,high", [
    ("Under 18 Years (weight ≥ 10 kg)", "2 Years", "17 Years"),
    ("12 Years and younger, ≥ 10 kg", None, "12 Years"),
])
def test_ages_row_with_a_weight_sign_matches_its_record(value, low, high):
    page = _scrape(TRIALSITE, ("18 - 80 Years", value))
    assert page.no_max_age_text is None and page.max_age is not None
    assert _age_messages(page, _record("NCT03466619", low, high)) == []


def test_criteria_range_with_signs_compares_its_minimum():
    """r37 #4: "≥ 18 and ≤ 70 years" against a record of 21 to 70 was silent (only the maximum read)."""
    page = _scrape(UNKNOWN_SITE, ("Age: 18-80 years old;", "Age: ≥ 18 and ≤ 70 years;"))
    assert _age_messages(page, _record("NCT04811651", "21 Years", "70 Years")) == [
        "critical: This page gives the minimum age as 18 years, but ClinicalTrials.gov says 21 years."]


def test_meddatax_bare_criteria_na_line_is_not_an_age_side():
    """r37 #2: criteria ending in a bare "N/A" line, then the bare "18 Years", "N/A", "ALL", "No": "18 Years" was
    read as the maximum and the criteria's "N/A" as "no lower age limit", CRITICAL against the record it copies."""
    html = MEDDATAX_BARE.read_text(encoding="utf-8")
    start, end = html.index("<h3>Exclusion Criteria</h3>"), html.index("<div>18 Years</div>")
    html = html[:start] + "<h3>Exclusion Criteria</h3>\n<div>N/A</div>\n<div>18 Years</div>\n<div>N/A</div>" \
        + html[end + len("<div>18 Years</div>\n<div>70 Years</div>"):]
    page = scrape_html(html, fixture_url(MEDDATAX_BARE))
    assert (page.min_age, page.max_age, page.no_min_age_text, page.no_max_age_text) == (
        Age(18, "YEARS", "18 Years"), None, None, "N/A")
    assert _age_messages(page, _record("NCT07232563", "18 Years", None)) == []


UCLA = FIXTURES / "html" / "uclahealth.org" / "nct03545607_generic.html"   # label/value div rows, "Maximum Age" "N/A"
UCLA_MAX = '<div><div class="label">Maximum Age</div><div class="value">N/A</div></div>'


def test_na_after_an_empty_maximum_row_is_not_its_value():
    """r37 #3: a "Maximum Age" row with an empty value, then an "N/A" of no row: CRITICAL "no upper age limit"."""
    page = _scrape(UCLA, (UCLA_MAX, '<div><div class="label">Maximum Age</div><div class="value"></div></div>\n'
                                    '<div>N/A</div>'))
    assert page.min_age == Age(18, "YEARS", "18 Years") and page.no_max_age_text is None
    assert _age_messages(page, _record("NCT03545607", "18 Years", "80 Years")) == []


@pytest.mark.parametrize("row", [
    UCLA_MAX,
    '<div><div class="label"><b>Maximum Age:</b></div><div class="value">N/A</div></div>',
    '<div>Maximum Age: N/A</div>',
    '<table><tr><th>Maximum Age</th><td>N/A</td></tr></table>',
])
def test_na_in_the_maximum_rows_own_value_is_no_upper_limit(row):
    page = _scrape(UCLA, (UCLA_MAX, row))
    assert page.no_max_age_text == "N/A"
    assert _age_messages(page, _record("NCT03545607", "18 Years", "80 Years")) == [
        'critical: This page says there is no upper age limit ("N/A"), but ClinicalTrials.gov says the maximum age is '
        "80 years."]
