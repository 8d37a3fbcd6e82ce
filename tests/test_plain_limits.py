"""Ages written as shorthand (">18 / <80", "over 18 and under 80") and weights ("Body weight 45-90 kg", "weighing at
least 50 kg") in a page's plain-language text, held to the record: a disagreement the record backs is a finding; a
wording that is no limit to join, or one the record gives nothing to compare with, is left alone."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.registry import load_demo_record

TODAY = date(2026, 1, 15)
CRITERIA = ("Inclusion Criteria:\n\n* Age 18-80 years\n* Body weight 45-90 kg\n* Diagnosed with acute ischemic stroke"
            "\n\nExclusion Criteria:\n\n* Pregnant women\n* Surgery within 14 days")


def _record(criteria: str = CRITERIA, minimum: str = "18 Years", maximum: str | None = "80 Years") -> OfficialRecord:
    eligibility = {"sex": "ALL", "minimumAge": minimum, "eligibilityCriteria": criteria}
    if maximum:
        eligibility["maximumAge"] = maximum
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT06427642"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": eligibility}})


def _said(summary: str, record: OfficialRecord | None = None) -> list[tuple[str, str, str]]:
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT06427642", plain_summary=summary)
    return [(f.kind, f.severity, f.message) for f in reconcile(page, record or _record(), TODAY)
            if f.field == "plain_summary"]


# --------------------------------------------------------------------------- ages

@pytest.mark.parametrize("summary", [
    "Who May Qualify: 1. Age >18 / <81",
    "Who May Qualify: 1. Age: >18 2. Diagnosed with acute ischemic stroke",
    "Who May Qualify: 1. Age >18 years",
    "Adults over 18 and under 81 may join.",
    "You must be over 18 years old to join.",
    "Participants must be at least 18 years old.",
])
def test_shorthand_ages_the_record_gives_raise_nothing(summary):
    assert _said(summary) == []


@pytest.mark.parametrize("summary,shown", [
    ("Who May Qualify: 1. Age >16 / <80", "Age >16 / <80"),
    ("Who May Qualify: 1. Age >21 years", "Age >21 years"),
    ("Adults over 21 and under 81 may join.", "Adults over 21 and under 81"),
    ("Participants must be >18 years and <65 years.", ">18 years and <65 years"),
    ("You must be over 18 years old and under 65 to take part.", "over 18 years old and under 65"),
])
def test_a_shorthand_age_the_record_does_not_give_is_critical(summary, shown):
    assert _said(summary) == [
        ("plain_age", "critical",
         f'This page\'s summary says "{shown}", but ClinicalTrials.gov says 18 years to 80 years.')]


@pytest.mark.parametrize("summary", [
    "Men over 45 years old are most at risk of this disease.",          # no limit to join (a record's own summary)
    "Patients over 50 years old will also undergo exercise testing.",
    "Who Should NOT Join This Trial: 1. Age > 80 years",                # a reason to stay out
    "Patients under 18 are excluded.",
    "Who May Qualify: 1. Patients over 24 hours after onset",          # no age
])
def test_a_wording_that_is_no_limit_to_join_is_left_alone(summary):
    assert [k for k in _said(summary) if k[0] == "plain_age"] == []


def test_a_bound_without_a_unit_is_not_read_against_a_record_in_months():
    # a reader takes ">3" for years; the record's minimum is 6 months: no guess at what the page meant
    record = _record("Inclusion Criteria:\n\n* Children with asthma", minimum="6 Months", maximum="17 Years")
    assert [k for k in _said("Who May Qualify: 1. Age >3", record) if k[0] == "plain_age"] == []
    assert _said("Who May Qualify: 1. Age >3 years", record) == [
        ("plain_age", "critical", 'This page\'s summary says "Age >3 years", but ClinicalTrials.gov says '
                                  "6 months to 17 years.")]


# --------------------------------------------------------------------------- weights

@pytest.mark.parametrize("summary", [
    "Who May Qualify: 1. Age ≥18 years and ≤80 years 2. Body weight 45-90 kg",
    "You may qualify if you weigh at least 45 kg.",
    "You may qualify if you weigh more than 45 kg.",   # (one reading of the scale apart: the same limit)
    "You may qualify if your body weight is at least 100 lb.",   # the record's 45 kg in pounds
    "You may qualify if you weigh between 45 and 90 kg.",
])
def test_the_records_weight_raises_nothing(summary):
    assert _said(summary) == []


@pytest.mark.parametrize("summary,shown", [
    ("Who May Qualify: 1. Age ≥18 years and ≤80 years 2. Body weight 50-90 kg", "Body weight 50-90 kg"),
    ("You may qualify if you weigh at least 90 kg.", "weigh at least 90 kg"),   # the record's upper figure as a lower
    ("You may qualify if you weigh less than 45 kg.", "weigh less than 45 kg"),
    ("You may qualify if your body weight is at least 110 lb.", "body weight is at least 110 lb"),
])
def test_a_weight_the_record_contradicts_is_said(summary, shown):
    assert _said(summary) == [
        ("plain_number", "warning", f'This page\'s summary says "{shown}", but ClinicalTrials.gov says '
                                    '"Body weight 45-90 kg".')]


def test_a_weight_below_the_records_only_lower_limit_is_said():
    record = _record("Inclusion Criteria:\n\n* Age 18-80 years\n* Body weight ≥ 45 kg\n\nExclusion Criteria:\n\n"
                     "* Pregnant women")
    assert _said("To join, you must weigh less than 45 kg.", record) == [
        ("plain_number", "warning", 'This page\'s summary says "weigh less than 45 kg", but ClinicalTrials.gov says '
                                    '"Body weight ≥ 45 kg".')]
    assert _said("To join, you must weigh at least 45 kg.", record) == []


@pytest.mark.parametrize("criteria", [
    # two weight rules (one for men, one for women): which one the page means is a guess
    "Inclusion Criteria:\n\n* Men: body weight ≥ 50 kg\n* Women: body weight ≥ 45 kg\n\nExclusion Criteria:\n\n* None",
    # the record's weight rule is a reason to stay out: not a limit to join as written
    "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Body weight > 45 kg",
])
def test_a_weight_is_not_compared_without_one_plain_rule_to_join(criteria):
    found = _said("You may qualify if you weigh less than 45 kg.", _record(criteria))
    assert [m for _, _, m in found if "ClinicalTrials.gov says" in m] == []


def test_a_weight_said_of_a_dose_is_no_limit():
    assert _said("Patients weighing more than 100 kg will receive two vials.") == []


# --------------------------------------------------------------------------- the saved TrialFinderData page

PAGE = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"


def _on_the_saved_page(old: str, new: str) -> list[tuple[str, str, str]]:
    src = PAGE.read_text(encoding="utf-8")
    assert old in src
    page = scrape_html(src.replace(old, new, 1), fixture_url(PAGE))
    return [(f.kind, f.severity, f.message) for f in reconcile(page, load_demo_record(page.nct_id), TODAY)
            if f.field == "plain_summary"]


def test_the_saved_page_as_captured_raises_nothing():
    assert _on_the_saved_page("Body weight 45-90 kg", "Body weight 45-90 kg") == []   # (as scraped)


def test_a_changed_weight_on_the_saved_page_quotes_the_records_rule():
    assert _on_the_saved_page("Body weight 45-90 kg", "Body weight 40-90 kg") == [
        ("plain_number", "warning", 'This page\'s summary says "Body weight 40-90 kg", but ClinicalTrials.gov says '
                                    '"Body weight 45-90 kg".')]


def test_shorthand_ages_on_the_saved_page():
    assert _on_the_saved_page("Age ≥18 years and ≤80 years", "Age >18 / <81") == []
    assert _on_the_saved_page("Age ≥18 years and ≤80 years", "Age >18 / <70") == [
        ("plain_age", "critical", 'This page\'s summary says "Age >18 / <70", but ClinicalTrials.gov says 18 years to '
                                  '80 years.')]
