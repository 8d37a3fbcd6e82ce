"""A page item that gives the record's time in another exact unit ("Age >= 216 months" for "Age >= 18years",
"216-840 months" for "18-70 years") is the record's item: paired with it, and at most the criterion_reworded INFO
that "2 weeks" for "14 days" already is. It used to read as the record's item left out and an item of the page's
own added. A time that is not equal once converted ("204 months" for 18 years) is still a changed criterion, and
units with no exact conversion ("90 days" for "3 months") still differ."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from datetime import date
from pathlib import Path

import pytest

from scrapers.criteria import parse_criteria
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.units import in_base_units

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 1, 10)
NCT = "NCT07232563"   # bundled record: "Age 18-70 years, no gender restriction", "Within 24 hours to 14 days of …"


def _bundled_page_with(index: int, old: str, new: str) -> list:
    """Page findings for the bundled record's own items, inclusion item `index` with `old` written as `new`."""
    record = json.loads((SAVED_COPIES / f"{NCT}.json").read_text(encoding="utf-8"))
    crit = parse_criteria(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    inc, exc = [it.text for it in crit.inclusion], [it.text for it in crit.exclusion]
    assert old in inc[index], inc[index]
    inc[index] = inc[index].replace(old, new)
    page = PageRecord(site="meddatax.com", nct_id=NCT, inclusion=inc, exclusion=exc)
    return [f for f in reconcile(page, OfficialRecord(record), TODAY) if f.about == "page"]


def _record(first: str) -> OfficialRecord:
    crit = (f"Inclusion Criteria:\n\n* {first}\n* Diagnosed with acute ischemic stroke\n* NIHSS score 6-20\n\n"
            "Exclusion Criteria:\n\n* Pregnant women\n* History of seizure")
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT06427642"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"sex": "ALL", "minimumAge": "18 Years", "eligibilityCriteria": crit}}})


def _synthetic(record_first: str, page_first: str) -> list:
    page = PageRecord(site="meddatax.com", nct_id="NCT06427642",
                      inclusion=[page_first, "Diagnosed with acute ischemic stroke", "NIHSS score 6-20"],
                      exclusion=["Pregnant women", "History of seizure"])
    return [(f.kind, f.severity, f.message) for f in reconcile(page, _record(record_first), TODAY)
            if f.about == "page"]


@pytest.mark.parametrize("record_first,page_first", [
    ("Age >= 18years", "Age >= 216 months"),
    ("Age >= 18 years", "Age >= 216 months"),
    ("Age >= 18 years", "Age ≥ 216 months"),
    ("Age >= 18 years", "Age at least 216 months"),
    ("Age 18 years or older", "Age 216 months or older"),
])
def test_an_age_in_months_equal_to_the_records_years_is_its_item(record_first, page_first):
    assert _synthetic(record_first, page_first) == [
        ("criterion_reworded", "info", f'This page words a requirement for joining as "{page_first}", where '
                                       f'ClinicalTrials.gov says "{record_first}". No number, unit, limit or "not" '
                                       'differs; read both to see what else does.')]


@pytest.mark.parametrize("record_first,page_first", [
    ("Age >= 17 years", "Age >= 216 months"),
    ("Age >= 18years", "Age >= 204 months"),
    ("Age >= 18 years", "Age >= 18 months"),
])
def test_an_age_not_equal_once_converted_is_a_changed_criterion(record_first, page_first):
    what = "a unit" if "18 months" in page_first else "a number"
    assert _synthetic(record_first, page_first) == [
        ("criterion_changed", "critical", f'A requirement for joining differs in {what}: this page says "{page_first}", '
                                          f'but ClinicalTrials.gov says "{record_first}".')]


def test_an_age_range_in_months_is_the_records_range_in_years():
    found = _bundled_page_with(0, "18-70 years", "216-840 months")
    assert [(f.kind, f.severity) for f in found] == [("criterion_reworded", "info")]
    assert not [f for f in found if is_alarm(f) and f.severity != "info"]


def test_an_age_range_in_months_one_month_short_still_differs():
    found = _bundled_page_with(0, "18-70 years", "216-828 months")
    assert [(f.kind, f.severity, f.message) for f in found] == [(
        "criterion_changed", "critical", 'A requirement for joining differs in a number: this page says "Age 216-828 '
        'months, no gender restriction", but ClinicalTrials.gov says "Age 18-70 years, no gender restriction".')]


@pytest.mark.parametrize("new", ["Within 24 hours to 2 months of stroke onset",
                                 "Within 24 hours to 1 month of stroke onset"])
def test_no_exact_conversion_between_days_and_months_still_differs(new):
    found = _bundled_page_with(5, "Within 24 hours to 14 days of stroke onset", new)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "critical")]


@pytest.mark.parametrize("text,base", [
    ("age >= 18years", "age >= 216 month"),
    ("age >= 216 months", "age >= 216 month"),
    ("age 18-65 years old", "age 216-780 month old"),
    ("within 2 weeks of onset", "within 14 day of onset"),
    ("within 48 hours", "within 2 day"),
    ("within 36 hours", "within 3/2 day"),
    ("within 3 months", "within 3 month"),     # months and days: never converted
    ("within 90 days", "within 90 day"),
    ("type 2 diabetes, hba1c 7 %", "type 2 diabetes, hba1c 7 %"),   # not times
])
def test_in_base_units_writes_each_time_in_its_familys_unit(text, base):
    assert in_base_units(text) == base


def test_in_base_units_reads_a_and_b():
    assert in_base_units("between, and including, 10 and 15 years of age") == \
        in_base_units("between, and including, 120 and 180 months of age")
    assert in_base_units("between 10 and 15 years") == "between 120-180 month"


def test_a_and_b_years_restated_in_months_is_the_records_item():
    """Review r20 P6 (NCT00492544, NCT00795938): "between, and including, 10 and 15 years" shown as "120 and 180
    months" was a critical changed number; "10 to 15 years" as "120 to 180 months" already paired."""
    rng = ("Inclusion Criteria:\n\n  -  A female between, and including, 10 and 15 years of age at the first "
           "vaccination.\n  -  Healthy\n\nExclusion Criteria:\n\n  -  Pregnancy\n")
    rec = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT06427642"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"sex": "FEMALE", "minimumAge": "10 Years", "maximumAge": "15 Years",
                              "eligibilityCriteria": rng}}})

    def page(first: str) -> list:
        p = PageRecord(site="meddatax.com", nct_id="NCT06427642", inclusion=[first, "Healthy"], exclusion=["Pregnancy"])
        return [(f.kind, f.severity) for f in reconcile(p, rec, TODAY) if f.about == "page" and f.severity != "info"]

    assert page("A female between, and including, 120 and 180 months of age at the first vaccination.") == []
    assert page("A female between, and including, 120 and 170 months of age at the first vaccination.") \
        == [("criterion_changed", "critical")]


def test_aged_a_and_b_years_restated_in_months_is_the_records_item():
    """NCT00004274: "Girls aged 8 and 12 years" (no "between") shown as "96 and 144 months"."""
    found = _synthetic("Girls aged 8 and 12 years with Turner's syndrome-compatible karyotype",
                       "Girls aged 96 and 144 months with Turner's syndrome-compatible karyotype")
    assert [(kind, severity) for kind, severity, _ in found] == [("criterion_reworded", "info")]
    found = _synthetic("Girls aged 8 and 12 years with Turner's syndrome-compatible karyotype",
                       "Girls aged 96 and 156 months with Turner's syndrome-compatible karyotype")
    assert [(kind, severity) for kind, severity, _ in found] == [("criterion_changed", "critical")]
