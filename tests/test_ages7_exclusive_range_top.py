"""ages7 (2): a page summary's age range with an exclusive top ("aged 4 to <8 years", "6 to <24 months of age",
"aged 18 to under 65") is read, its top as ClinicalTrials.gov's limits are read (facts.same_age: "<8 years" is the
maximum of 7 years). Before, plain.py's AGE_RANGE did not read such a range: "4 to <8" against a record of 4 to 7
years drew a plain_number warning for an "8 years" the record lacks (a false alarm), and against a record of 4 to 6
years that warning only. A top without a comparator ("4 to 8") is inclusive, as before.
Real shapes: NCT00461981 (12 to 35 months; "subjects 12 to <36 months of age"), NCT00493285 (6 to 23 months;
"children 6 to <24 months of age"), NCT00460577 (5 to 12 years, its criterion "children 5-<12 years old")."""

from datetime import date

import pytest

from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile import plain_limits
from scrapers.reconcile.plain_limits import AGE_RANGE, record_ages, said_ages

TODAY = date(2026, 12, 7)


def _record(low: str | None, high: str | None, criteria: str = "Inclusion Criteria:\n\n* Asthma") -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high), ("eligibilityCriteria", criteria)) if v}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT09000008"},
                                               "eligibilityModule": elig}})


def _plain(official: OfficialRecord, text: str) -> list[tuple[str, str]]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=text)
    return [(f.kind, f.severity) for f in reconcile(page, official, TODAY) if f.kind.startswith("plain_")]


@pytest.mark.parametrize("said", ["aged 4 to <8 years", "aged 4 to under 8 years", "aged 4 to less than 8 years",
                                  "aged 4 - <8 years", "4 to <8 years old", "between 4 and less than 8 years of age"])
def test_an_exclusive_top_agrees_with_the_maximum_below_it(said):
    text = f"Children {said} may be able to take part."
    assert said_ages(text) == (Age(4, "YEARS"), Age(8, "YEARS", exclusive=True))
    assert _plain(_record("4 Years", "7 Years"), text) == []


@pytest.mark.parametrize("high", ["6 Years", "9 Years"])
def test_an_exclusive_top_against_another_maximum_is_critical(high):
    found = _plain(_record("4 Years", high), "Children aged 4 to <8 years may be able to take part.")
    assert found == [("plain_age", "critical")]


def test_the_records_own_figure_with_the_page_s_sign_is_left_alone():
    """Against a maximum of 8 years, "4 to <8" leaves 8-year-olds out, but its figure is the record's own: as a site
    writing a record of 12 to 12 years "Age >12 / <12" (test_plain_round20), no alarm is raised on a sign alone."""
    assert _plain(_record("4 Years", "8 Years"), "Children aged 4 to <8 years may be able to take part.") == []


def test_an_inclusive_top_is_judged_as_before():
    official = _record("4 Years", "7 Years", "Inclusion Criteria:\n\n* Children up to 7 years old\n* Asthma")
    assert _plain(official, "Children aged 4 to 8 years may be able to take part.") == [("plain_age", "critical")]
    assert _plain(official, "Children aged 4 to 7 years may be able to take part.") == []
    assert not plain_limits.top_exclusive(AGE_RANGE.search("aged 4 to 8 years"))


def test_months_ranges_of_real_records_agree():
    assert _plain(_record("12 Months", "35 Months"), "Children aged 12 to <36 months may be able to take part.") == []
    assert _plain(_record("6 Months", "23 Months"), "Children 6 to <24 months of age may be able to join.") == []
    assert _plain(_record("6 Months", "20 Months"), "Children 6 to <24 months of age may be able to join.") \
        == [("plain_age", "critical")]


def test_the_records_own_exclusive_wording_backs_the_page_repeating_it():
    """NCT00460577's shape: fields of 5 to 12 years, its criterion "Asthmatic children 5-<12 years old": a page
    saying what the criterion says is no alarm the record does not back."""
    official = _record("5 Years", "12 Years", "Inclusion Criteria:\n\n* Asthmatic children 5-<12 years old\n* Wheeze")
    assert {("12", "year", "limit", "high"), ("11", "year", "limit", "high=")} <= record_ages(official)
    assert _plain(official, "Children aged 5 to <12 years may be able to take part.") == []


def test_a_list_dash_after_a_blank_line_joins_no_range():
    """NCT00004188's criteria text: "… POG-9047" then a blank line and the item "-  Less than 1 year old": no range of
    9047 to under 1 year (the exclusive top made it one in text read whole, as a page's summary is)."""
    text = "Enrolled on POG-9047\n\n  -  Less than 1 year old with the following"
    assert AGE_RANGE.search(text) is None
    assert said_ages("Children 6 -\n17 years old may be able to take part.") == (Age(6, "YEARS"), Age(17, "YEARS"))


def test_a_page_copying_the_records_description_makes_no_claim():
    """NCT00000773's shape (fields of 1 month to 12 years; its description: "patients aged 3 months to less than 2
    years of age who received one of the drugs will be enrolled"): a page copying that sentence says what the record
    says. A range of the page's own is held to the fields."""
    desc = "Per the amendment, patients aged 3 months to less than 2 years of age who received one of the drugs will " \
           "be enrolled in a separate cohort."
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000008"}, "descriptionModule": {"detailedDescription": desc},
        "eligibilityModule": {"minimumAge": "1 Month", "maximumAge": "12 Years",
                              "eligibilityCriteria": "Inclusion Criteria:\n\n* HIV infection"}}})
    assert _plain(official, desc) == []
    assert _plain(official, "Patients aged 3 months to less than 2 years of age will be enrolled.") \
        == [("plain_age", "critical")]
