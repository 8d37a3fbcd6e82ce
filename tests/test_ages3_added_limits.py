"""An age limit a page gives where ClinicalTrials.gov gives none: "12 Years - 65 Years" for a record of 12 years with
no maximum compared only the minimum, so a 70-year-old read that they could not join a trial they could. Now a
finding graded as a changed limit is (CRITICAL), an INFO for a maximum of 90 years or more or a minimum under a month,
nothing for a minimum of a day or less, nor where the record's own inclusion criteria give the figure. The
reverse (the record has a maximum, the page says "N/A") stays as ages2 made it. A summary's range with a bound the
record lacks ("aged 7 to 25 years" for 2 years and over, NCT05251116 in summary_fold_eval's "differ" case) is held to
the record the same way."""

from datetime import date

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 12, 6)
# CheckOrphan's page of NCT00033839 ("Ages: 18 Years - N/A"; its record: 18 years, no maximum)
ORPHAN = FIXTURES / "html" / "checkorphan.org" / "nct00033839_inline_stars_no_heading.html"
NCT = "NCT00033839"


def _record(low: str | None, high: str | None, criteria: str | None = None, summary: str | None = None,
            nct: str = NCT) -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high), ("eligibilityCriteria", criteria)) if v}
    ps = {"identificationModule": {"nctId": nct}, "eligibilityModule": elig}
    if summary:
        ps["descriptionModule"] = {"briefSummary": summary}
    return OfficialRecord({"protocolSection": ps})


def _orphan(ages: str) -> PageRecord:
    html = ORPHAN.read_text(encoding="utf-8")
    assert "<b>Ages:</b> 18 Years - N/A" in html
    return scrape_html(html.replace("<b>Ages:</b> 18 Years - N/A", f"<b>Ages:</b> {ages}"), fixture_url(ORPHAN))


def _ages(page: PageRecord, official: OfficialRecord) -> list[str]:
    return [f"{f.severity}: {f.message}" for f in reconcile(page, official, TODAY)
            if f.field in ("min_age", "max_age", "plain_summary")]


def test_a_maximum_the_record_does_not_have_is_critical():
    assert _ages(_orphan("12 Years - 65 Years"), _record("12 Years", None)) == [
        "critical: This page gives the maximum age as 65 years, but ClinicalTrials.gov gives no upper age limit."]


def test_a_minimum_the_record_does_not_have_is_critical():
    assert _ages(_orphan("18 Years - 65 Years"), _record(None, "65 Years")) == [
        "critical: This page gives the minimum age as 18 years, but ClinicalTrials.gov gives no lower age limit."]


def test_a_maximum_of_90_years_or_more_the_record_lacks_is_information():
    assert _ages(_orphan("18 Years - 99 Years"), _record("18 Years", None)) == [
        "info: This page gives the maximum age as 99 years, but ClinicalTrials.gov gives no upper age limit, so only "
        "people older than that are told they cannot join."]


def test_a_minimum_under_a_month_the_record_lacks_is_information():
    assert _ages(_orphan("14 Days - 17 Years"), _record(None, "17 Years")) == [
        "info: This page gives the minimum age as 14 days, but ClinicalTrials.gov gives no lower age limit, so only "
        "babies younger than that are told they cannot join."]


@pytest.mark.parametrize("ages", ["0 Years - 17 Years", "N/A - 17 Years"])
def test_a_minimum_from_birth_or_none_beside_a_record_with_no_minimum_says_nothing(ages):
    assert _ages(_orphan(ages), _record(None, "17 Years")) == []


def test_a_maximum_the_records_own_inclusion_criteria_give_says_nothing():
    """(ages4: silent, as the same figure in the page's summary is; it was an INFO while the record's text was read
    with its exclusion items and others' ages)"""
    record = _record("12 Years", None, "Inclusion Criteria:\n\n* Age: 12 to 65 years\n* Asthma")
    assert _ages(_orphan("12 Years - 65 Years"), record) == []


def test_a_record_with_no_age_limit_at_all_states_nothing_about_ages():
    assert _ages(_orphan("12 Years - 65 Years"), _record(None, None)) == []


def test_the_page_as_the_record_says_nothing():
    assert _ages(_orphan("18 Years - N/A"), _record("18 Years", None)) == []


def test_the_reverse_a_page_na_maximum_against_a_record_maximum_is_unchanged():
    assert _ages(_orphan("18 Years - N/A"), _record("18 Years", "65 Years")) == [
        'critical: This page says there is no upper age limit ("18 Years - N/A"), but ClinicalTrials.gov says the '
        "maximum age is 65 years."]


def test_the_reverse_against_a_record_maximum_of_90_years_or_more_is_still_information():
    assert [m.split(":")[0] for m in _ages(_orphan("18 Years - N/A"), _record("18 Years", "99 Years"))] == ["info"]


def _summary(text: str, official: OfficialRecord) -> list[str]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=text)
    return [f"{f.severity}: {f.message}" for f in reconcile(page, official, TODAY) if f.kind == "plain_age"]


def test_a_summary_range_with_a_maximum_the_record_lacks_is_critical():
    """NCT05251116's shape: the record's item "Subjects aged 7 - 17 years" backs the 7, nothing backs the 25."""
    record = _record("2 Years", None, "Inclusion Criteria:\n\n1. Subjects aged 7 - 17 years of age must assent.")
    assert _summary("People aged 7 to 25 years may be able to take part.", record) == [
        'critical: This page\'s summary says "aged 7 to 25 years", but ClinicalTrials.gov says 2 years and older, '
        "with no upper age limit."]


def test_a_summary_range_below_a_records_only_minimum_is_critical():
    assert _summary("People aged 10 to 17 years may be able to take part.", _record("18 Years", None)) == [
        'critical: This page\'s summary says "aged 10 to 17 years", but ClinicalTrials.gov says 18 years and older, '
        "with no upper age limit."]


def test_a_summary_range_with_a_minimum_the_record_lacks_is_critical():
    assert _summary("People aged 18 to 65 years may be able to take part.", _record(None, "65 Years")) == [
        'critical: This page\'s summary says "aged 18 to 65 years", but ClinicalTrials.gov says up to 65 years, '
        "with no lower age limit."]


@pytest.mark.parametrize("text,record", [
    # the record's own criteria give the range
    ("People aged 18 to 65 years may be able to take part.",
     _record("18 Years", None, "Inclusion Criteria:\n\n* Men aged 18-65 years")),
    # the page copies the record's own summary
    ("Adults aged 18 to 65 years with asthma are eligible to take part.",
     _record("18 Years", None, summary="Adults aged 18 to 65 years with asthma are eligible to take part.")),
    # the record's only minimum, said as it is
    ("People aged 18 years and older may be able to take part.", _record("18 Years", None)),
    # a range that is no limit to join
    ("People aged 40 to 60 years are the most likely to develop this disease.", _record("18 Years", None)),
    # a minimum from birth beside a record with no minimum
    ("Children aged 0 to 17 years may be able to take part.", _record(None, "17 Years")),
])
def test_summary_ages_the_record_backs_say_nothing(text, record):
    assert _summary(text, record) == []


def test_a_summary_and_the_page_adding_the_same_maximum_are_one_finding():
    page = PageRecord("example.org", nct_id=NCT, min_age=Age(18, "YEARS", "18 Years"),
                      max_age=Age(65, "YEARS", "65 Years"),
                      plain_summary="People aged 18 to 65 years may be able to take part.")
    found = [f for f in reconcile(page, _record("18 Years", None), TODAY) if f.field in ("max_age", "plain_summary")]
    assert [(f.kind, f.field, f.severity) for f in found] == [("fact_mismatch", "max_age", "critical")]
