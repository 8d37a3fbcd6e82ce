"""ages7 (3): an age a record's prose gives of the illness ("usually at the age of 30 to 50", "Symptoms begin in
midlife, between 45 and 55 years of age", "the prevalence of erectile dysfunction in men over the age of 40") is no
limit to join: it backs no page's age claim (plain_limits.record_ages leaves it out; other_age.illness_age), and a
page's summary saying it makes no claim. Before, such ages were read as the participant's (a "prose" age backing a
page's loose "men over 40 may join"; NCT00006176's summary, whose onset sentence runs into "may be eligible", a
"joining" age backing even a page's range and age fields). The criteria are read as before."""

from datetime import date

import pytest

from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import other_age, reconcile
from scrapers.reconcile.plain_limits import record_ages

TODAY = date(2026, 12, 7)


def _record(summary: str | None = None, description: str | None = None, low: str | None = "18 Years",
            high: str | None = None, criteria: str = "Inclusion Criteria:\n\n* Diagnosis of the disease") \
        -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high), ("eligibilityCriteria", criteria)) if v}
    desc = {k: v for k, v in (("briefSummary", summary), ("detailedDescription", description)) if v}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT09000009"},
                                               "eligibilityModule": elig, "descriptionModule": desc}})


def _page(official: OfficialRecord, summary: str | None = None, low: Age | None = None,
          high: Age | None = None) -> list[tuple[str, str]]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=summary, min_age=low, max_age=high)
    return [(f.kind, f.severity) for f in reconcile(page, official, TODAY)
            if f.kind.startswith("plain_") or f.field in ("min_age", "max_age")]


ONSET = ("Symptoms begin in midlife, between 45 and 55 years of age.\n\nAdults 18 years of age or older at risk for "
         "the disease may be eligible for this study.")   # (NCT00006176's shape)


def test_an_onset_age_in_a_joining_summary_backs_no_range_nor_field():
    official = _record(summary=ONSET, low="10 Years")
    assert not any(v in ("45", "55") for v, *_ in record_ages(official))
    assert ("18", "year", "joining", "low") in record_ages(official)   # (its own "18 years of age or older" still)
    assert _page(official, "People aged 45 to 55 years may be able to take part.") == [("plain_age", "critical")]
    assert _page(official, high=Age(55, "YEARS", "55 Years")) == [("fact_mismatch", "critical")]


@pytest.mark.parametrize("prose", [
    "Erectile dysfunction affects about 40% of all men above the age of 40.",
    "In the world, the prevalence of erectile dysfunction in men over the age of 40 is high.",
    "The syndrome is rare, usually at the age of 40 to 60 years.",
    "About 30-40% of cases are diagnosed in patients older than 40 years.",   # (NCT02175381)
])
def test_an_age_said_of_the_illness_backs_no_loose_page_claim(prose):
    official = _record(summary="A study of erectile dysfunction.", description=prose)
    assert not any(v == "40" for v, *_ in record_ages(official))
    assert _page(official, "Men over 40 years old may join this study.") == [("plain_age", "critical")]


def test_a_population_age_in_the_prose_still_backs_a_loose_claim():
    official = _record(summary="A study of erectile dysfunction.",
                       description="Participants will be men over 40 years old with erectile dysfunction.")
    assert ("40", "year", "prose", "low") in record_ages(official)
    assert _page(official, "Men over 40 years old may join this study.") == []


def test_a_page_retelling_the_illness_age_makes_no_claim():
    official = _record(summary=ONSET, low="10 Years")
    said = "Symptoms begin in midlife, between 45 and 55 years of age, and people with the disease may be eligible."
    assert _page(official, said) == []
    assert _page(official, "People between the ages of 45 and 55 years may be eligible.") == [("plain_age", "critical")]


def test_the_criteria_are_read_as_before():
    official = _record(criteria="Inclusion Criteria:\n\n* A diagnosis of depression over the age of 21 years",
                       summary="A study of depression.")
    assert ("21", "year", "limit", "low") in record_ages(official)


@pytest.mark.parametrize("text, want", [
    ("The syndrome affects about 1-2% of the population, usually at the age of 30", True),   # NCT00405041
    ("Symptoms begin in midlife, between 45 and 55 years of age", True),                    # NCT00006176
    ("The incidence occurs mostly at the age of 55 years", True),                           # NCT04947163
    ("AIDS is often first identified in infants who are about 6 months old", True),          # NCT00000701
    ("Participants included all men and non-pregnant women ages 24 to 64", False),          # NCT00005205
    ("We will recruit 100 patients with ADHD, aged 9", False),                              # NCT00491647
    ("Onset was at 3 years.\nAdults aged 18 to 65 years", False),                          # (another clause)
])
def test_illness_age_reads_the_words_before_the_age_in_its_clause(text, want):
    at = max(text.rfind(w) for w in ("the age", "between 45", "infants who", "ages 24", "aged"))
    assert other_age.illness_age(text, at) is want
