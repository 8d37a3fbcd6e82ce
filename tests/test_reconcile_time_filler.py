"""A time window copied without a filler word (session alarms, item 1): "within past 5 years" for the record's "within
the past 5 years" was a critical "differs in a time period" on 148 of 150 real items, "within the past 5 years" for
"within the last 5 years" a warning about another word on 149 of 150. Both say the same look back. A window turned
to the future ("within the next 6 months", "during the next seven days") or left without its look-back word after
"in" ("in 6 months": ahead, read so) stays critical."""

from datetime import date

import pytest

from scrapers.fidelity import check_fidelity
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 12, 6)
INC = ["Age 18 years or older",
       "Patients must have no active infection during the prior seven days"]
EXC = ["Any malignancy within the past 5 years, except treated basal cell carcinoma of the skin",
       "Chemotherapy-induced neutropenia (within the last 5 years)",
       "Myocardial infarction in the previous 6 months",
       "Smoking over the past year"]


def _official() -> OfficialRecord:
    text = ("Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in INC) + "\n\nExclusion Criteria:\n\n"
            + "\n".join(f"* {t}" for t in EXC))
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}})


def _alarms(section: str, index: int, old: str, new: str) -> list:
    inc, exc = list(INC), list(EXC)
    items = inc if section == "inclusion" else exc
    assert old in items[index]
    items[index] = items[index].replace(old, new)
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=inc, exclusion=exc)
    return [f for f in reconcile(page, _official(), TODAY) if f.about == "page" and f.severity != "info"]


@pytest.mark.parametrize("section,index,old,new", [
    ("exclusion", 0, "within the past", "within past"),
    ("exclusion", 1, "within the last", "within last"),
    ("exclusion", 2, "in the previous", "in previous"),
    ("exclusion", 3, "over the past year", "over past year"),
    ("inclusion", 1, "during the prior", "during prior"),
    ("exclusion", 0, "the past", "the last"),
    ("exclusion", 1, "the last", "the past"),
    ("exclusion", 2, "previous", "past"),
    ("inclusion", 1, "prior", "past"),
])
def test_a_look_back_copied_without_its_filler_or_in_another_look_back_word_is_quiet(section, index, old, new):
    assert _alarms(section, index, old, new) == []


@pytest.mark.parametrize("section,index,old,new", [
    ("exclusion", 0, "the past", "the next"),
    ("exclusion", 1, "the last", "the next"),
    ("exclusion", 2, "previous", "next"),
    ("inclusion", 1, "prior", "next"),
    ("exclusion", 2, "in the previous 6", "in 6"),
])
def test_a_look_back_turned_ahead_stays_critical(section, index, old, new):
    found = _alarms(section, index, old, new)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "critical")]
    assert "differs in a time period" in found[0].message


@pytest.mark.parametrize("record,page", [
    ("no infection within the past year", "no infection within past year"),
    ("no infection within past year", "no infection within the past 12 months"),
    ("no infection in the last 6 months", "no infection in last 6 months"),
    ("during the prior 7 days", "during the past 7 days"),
])
def test_the_fidelity_check_reads_one_window(record, page):
    assert check_fidelity(record, page) == []


def test_a_last_dose_is_not_a_prior_one():
    """Only before a time span is "last" a look back: "the last dose" and "the prior dose" may be two doses."""
    from scrapers.reconcile.words import word_changes
    assert word_changes("within 4 weeks of the last dose of study drug",
                        "within 4 weeks of the prior dose of study drug") != []
