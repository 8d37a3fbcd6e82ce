"""ages8 (3, 4): an age of the illness backs no page's participant age, read one way everywhere.
(3) plain_open_ended (a page's "Men 40 years and older may take part" against a record with a maximum) took any
open-ended age in the record's prose as the record's own words, the illness's too ("Erectile dysfunction usually
affects men 40 years and older"): silent; and read a page's "The condition is usually diagnosed in men 40 years and
older" as a claim of no maximum. Now other_age.no_limit_age, the rule record_ages reads by.
(4) The criteria's age at which the illness began ("Colorectal cancer diagnosed under age 50", NCT00004210) backed a
page's age claim as an eligibility age; other_age.illness_began_age reads it as none (not backing says nothing false;
"a diagnosis of depression over the age of 21 years" is still a limit, as ages7 read it)."""

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.plain_limits import own_ages, record_ages

TODAY = date(2026, 12, 7)


def _record(criteria: str = "Erectile dysfunction for at least 6 months", description: str = "A drug study.",
            low: str | None = "40 Years", high: str | None = "70 Years") -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high),
                              ("eligibilityCriteria", f"Inclusion Criteria:\n\n* {criteria}")) if v}
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000012"},
        "descriptionModule": {"briefSummary": "A study of a new drug.", "detailedDescription": description},
        "eligibilityModule": elig}})


def _ages(official: OfficialRecord, text: str) -> list[tuple[str, str]]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=text)
    return [(f.kind, f.severity) for f in reconcile(page, official, TODAY) if f.kind.startswith("plain_")]


# --------------------------------------------------------------------------- (3) plain_open_ended

def test_the_records_illness_age_is_not_its_open_ended_limit():
    official = _record(description="Erectile dysfunction usually affects men 40 years and older.")
    assert _ages(official, "Men 40 years and older may be able to take part.") == [("plain_age", "critical")]


def test_the_records_own_open_ended_limit_still_is():
    official = _record(description="Men 40 years and older with erectile dysfunction may take part.")
    assert _ages(official, "Men 40 years and older may be able to take part.") == []


@pytest.mark.parametrize("text", [
    "Who may qualify: men with erectile dysfunction. The condition is usually diagnosed in men 40 years and older.",
    "Who may qualify: men with erectile dysfunction for at least 6 months. For men 40 years and older, a heart check "
    "is needed.",
])
def test_a_pages_illness_or_conditional_open_ended_age_is_no_claim(text):
    assert [k for k in _ages(_record(), text) if k[0] == "plain_age"] == []


# --------------------------------------------------------------------------- (4) the criteria's illness ages

@pytest.mark.parametrize("text", [
    "Colorectal cancer (or HNPCC-associated cancer) diagnosed under age 50 in 1 of the relatives",   # NCT00004210
    "Diagnosis of colorectal cancer under age 41",                                                   # NCT00004210
    "Diagnosis of pancreatitis at age < 60 OR",                                                      # NCT00004475
    "Must have been diagnosed with osteosarcoma by the age of 25 years.",                            # NCT00001436
    "First degree relative who developed breast cancer at age 50 or less",                           # NCT00002644
    "Depression must have started at age 30 or less in one sibling",                                 # NCT00005914
    "The participant has a medical history of first symptoms of cluster headache from ≤60 years of age.",  # NCT04688775
    "Onset of stuttering in affected individuals must have occurred in childhood (between 3 and 10 years of age)",
])
def test_an_age_the_illness_began_at_backs_nothing(text):
    assert own_ages(text)   # (read as an age wording, as before)
    assert record_ages(_record(text, low=None, high=None)) == set()


@pytest.mark.parametrize("text, value", [
    ("A diagnosis of depression over the age of 21 years", "21"),       # (ages7's guard: a limit to join)
    ("Newly diagnosed de novo AML in patients over 60 years with poor risk features", "60"),   # NCT00004009
    ("Diagnosed with SLE, 18 years old or older, pain duration at least 3 months", "18"),      # NCT00493753
    ("Generally healthy male or female adults 65 years of age or older.", "65"),                # NCT00492557
])
def test_the_participants_limit_beside_a_diagnosis_still_backs(text, value):
    assert any(v == value for v, *_ in record_ages(_record(text, low=None, high=None)))


def test_a_page_age_the_criteria_give_only_as_the_illnesss_is_held_to_the_fields():
    official = _record("Colorectal cancer diagnosed under age 50 in 1 of the relatives", low="18 Years", high=None)
    assert _ages(official, "People aged 18 to 50 years may be able to join this study.") == [("plain_age", "critical")]
    assert _ages(official, "People 18 years of age or older may be able to join this study.") == []


def test_an_age_at_diagnosis_is_read_as_no_age():
    """("Age at diagnosis < 21 years" can be a childhood-cancer trial's limit: not read, it backs nothing and no
    alarm is raised from it)"""
    assert own_ages("Age at diagnosis < 21 years") == []
