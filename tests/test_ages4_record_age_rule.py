"""One rule for what in a record's text backs an age limit a page gives: the participant's own age, in the criteria's
inclusion items or items under no heading, or in a sentence of the record's summary about who may join; never an
exclusion item ("Patients ≥ 65 years with hepatic impairment", NCT05490680's shape), nor another person's age (a
donor's, a parent's) or an illness's ("onset of MS between the ages of 18 and 45"). The page's age field and its
summary's range are held to it alike: a figure it backs says nothing in either (the page says what the record says);
one it does not back is a limit the record lacks, CRITICAL in either. Before, the field said an INFO where the summary
said nothing, and both took exclusion and other people's ages as backing."""

from datetime import date

import pytest

from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.other_age import anothers_age
from scrapers.reconcile.plain_limits import record_ages

TODAY = date(2026, 12, 6)


def _record(criteria: str, low: str | None = "18 Years", high: str | None = None,
            summary: str | None = None) -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high), ("eligibilityCriteria", criteria)) if v}
    ps = {"identificationModule": {"nctId": "NCT09000001"}, "eligibilityModule": elig}
    if summary:
        ps["descriptionModule"] = {"briefSummary": summary}
    return OfficialRecord({"protocolSection": ps})


def _field(official: OfficialRecord, low: Age | None, high: Age | None) -> list[str]:
    page = PageRecord("example.org", nct_id=official.nct_id, min_age=low, max_age=high)
    return [f.severity for f in reconcile(page, official, TODAY) if f.field in ("min_age", "max_age")]


def _summary(official: OfficialRecord, text: str) -> list[str]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=text)
    return [f.severity for f in reconcile(page, official, TODAY) if f.kind == "plain_age"]


Y18, Y65 = Age(18, "YEARS", "18 Years"), Age(65, "YEARS", "65 Years")
RANGE = "People aged 18 to 65 years may be able to take part."

NOT_BACKING = {
    "exclusion": "Inclusion Criteria:\n\n* Chronic hepatitis C\n\nExclusion Criteria:\n\n"
                 "* Patients aged 65 years or older with hepatic impairment\n* Pregnancy",
    "donor list": "Inclusion Criteria:\n\n* Acute leukemia\n\nDONOR INCLUSION CRITERIA:\n\n"
                  "* Donor aged 18 to 65 years\n* HLA-identical sibling",
    "parent": "Inclusion Criteria:\n\n* Child with asthma\n* Parent aged 18 to 65 years able to give consent",
}


@pytest.mark.parametrize("case", list(NOT_BACKING))
def test_an_age_that_is_no_participant_limit_backs_neither_field_nor_summary(case):
    official = _record(NOT_BACKING[case])
    assert _field(official, Y18, Y65) == ["critical"]
    assert _summary(official, RANGE) == ["critical"]


def test_an_illness_onset_age_backs_no_maximum():
    official = _record("Inclusion Criteria:\n\n* Onset of MS between the ages of 18 and 45\n* EDSS 0 to 5.5")
    assert _field(official, Y18, Age(45, "YEARS", "45 Years")) == ["critical"]
    assert _summary(official, "People aged 18 to 45 years may be able to take part.") == ["critical"]


BACKING = {
    "inclusion": "Inclusion Criteria:\n\n* Men and women aged 18 to 65 years\n\nExclusion Criteria:\n\n* Pregnancy",
    "no heading": "Age: 18 to 65 years\nDiagnosis of asthma",
    "pdq": "DISEASE CHARACTERISTICS:\n\n  -  Stage IV breast cancer\n\nPATIENT CHARACTERISTICS:\n\nAge:\n\n"
           "  -  18 to 65 years old\n",
}


@pytest.mark.parametrize("case", list(BACKING))
def test_the_participants_own_limit_in_the_record_says_nothing_in_field_and_summary_alike(case):
    official = _record(BACKING[case])
    assert _field(official, Y18, Y65) == []
    assert _summary(official, RANGE) == []


def test_a_joining_sentence_of_the_records_summary_backs_both():
    official = _record("Inclusion Criteria:\n\n* Asthma", summary="Adults aged 18 to 65 years are eligible to take part.")
    assert _field(official, Y18, Y65) == []
    assert _summary(official, RANGE) == []


def test_a_guardian_named_before_the_patients_own_age_leaves_it_theirs():
    official = _record("Inclusion Criteria:\n\n* Patients under 18 years of age need consent from a parent or guardian",
                       low="3 Months", high="8 Years")
    assert ("18", "year", "limit", "high") in record_ages(official)
    # (ages8: "Consent from a parent or guardian for patients under 18 years of age", this test's item before, is
    # still the patients' own age, but says whom the consent is for: no limit to join, other_age.for_whom_age)
    text = "Consent from a parent or guardian for patients under 18 years of age"
    assert not anothers_age(text, text.index("18"))
    assert ("18", "year", "limit", "high") not in record_ages(_record(f"Inclusion Criteria:\n\n* {text}",
                                                                      low="3 Months", high="8 Years"))


def test_an_exclusion_items_age_is_not_read_as_the_records():
    ages = record_ages(_record(NOT_BACKING["exclusion"]))
    assert not any(v == "65" for v, *_ in ages)


def test_a_page_repeating_an_exclusion_item_word_for_word_makes_no_claim():
    """(bench_drift seed 11, NCT03459976's shape: the page lists the record's exclusion item as it stands)"""
    official = _record("Inclusion Criteria:\n\n* Hip fracture\n\nExclusion Criteria:\n\n"
                       "* Age more than 70 yr and less than 40 yr.", low="40 Years", high="70 Years")
    assert _summary(official, "Who may qualify: Hip fracture. Age more than 70 yr and less than 40 yr.") == []


def test_a_gestational_age_on_the_page_is_no_claim_about_the_participants_age():
    """(bench_drift seed 7, NCT00004382's shape)"""
    official = _record("Inclusion Criteria:\n\n* Premature infants of gestational age 210 to 251 days", low=None,
                       high="24 Hours")
    assert _summary(official, "Who may qualify: premature infants of gestational age 210 to 251 days.") == []
