"""An age the record's text writes backs only the page limit it is: "less than 18 years of age", "Maximum age 18
years" are maxima and back no page's MINIMUM of 18 (a page telling adults "18+" about a trial for those under 18);
"at least 18 years of age", "18 years of age or older" are minima and back no page's maximum of 18. ages4 read such
a figure with no bound, so it backed either. An exclusive limit also backs the whole figure it includes ("Age: Under
80" is a maximum of 79 years, as ClinicalTrials.gov writes it). A figure written with no comparator backs either, as
before: a bound is read only where the record writes one."""

import pytest
from test_ages4_record_age_rule import _field, _summary

from scrapers.dates import Age
from scrapers.official import OfficialRecord
from scrapers.reconcile.age_bounds import bound_around


def _record(item: str, low: str | None, high: str | None) -> OfficialRecord:
    criteria = f"Inclusion Criteria:\n\n* {item}\n* Diagnosis of asthma\n\nExclusion Criteria:\n\n* Pregnancy"
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high), ("eligibilityCriteria", criteria)) if v}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT09000005"},
                                               "eligibilityModule": elig}})


def _y(n: int) -> Age:
    return Age(n, "YEARS", f"{n} Years")


MAXIMA = ["Children less than 18 years of age", "Age: Maximum age 18 years in France and the United Kingdom",
          "Children under the age of 18 years", "Patients younger than 18 years of age", "Patients < 18 years of age",
          "Patients no older than 18 years of age", "Age 18 years or younger"]


@pytest.mark.parametrize("item", MAXIMA)
def test_a_maximum_in_the_text_backs_no_pages_minimum(item):
    official = _record(item, None, "20 Years")
    assert _field(official, _y(18), _y(20)) == ["critical"]
    assert _summary(official, "People aged 18 to 20 years may be able to take part.") == ["critical"]


MINIMA = ["Patients at least 18 years of age", "Patients 18 years of age or older", "Age 18 years or older",
          "Minimum age: 18 years", "Patients greater than or equal to 18 years of age", "Patients over 18 years of age"]


@pytest.mark.parametrize("item", MINIMA)
def test_a_minimum_in_the_text_backs_no_pages_maximum(item):
    official = _record(item, "8 Years", None)
    assert _field(official, _y(8), _y(18)) == ["critical"]
    assert _summary(official, "People aged 8 to 18 years may be able to take part.") == ["critical"]


@pytest.mark.parametrize("item", MINIMA)
def test_a_minimum_in_the_text_still_backs_the_pages_minimum(item):
    official = _record(item, None, "65 Years")
    assert _field(official, _y(18), _y(65)) == []
    assert _summary(official, "People aged 18 to 65 years may be able to take part.") == []


@pytest.mark.parametrize("item", MAXIMA)
def test_a_maximum_in_the_text_still_backs_the_pages_maximum(item):
    official = _record(item, "2 Years", None)
    assert _field(official, _y(2), _y(18)) == []


@pytest.mark.parametrize("item, page_max", [("Age: Under 80", 79), ("Patient must be less than 70 years old", 69),
                                            ("Adults >= 18 and < 65 years of age", 64)])
def test_an_exclusive_maximum_backs_the_whole_figure_it_includes(item, page_max):
    official = _record(item, "18 Years", None)
    assert _field(official, _y(18), _y(page_max)) == []


def test_an_exclusive_minimum_backs_the_whole_figure_it_includes():
    # (NCT00003196's "Patients aged > 49 years and < 66 years", its fields 50 to 65 years)
    official = _record("Patients aged > 49 years and < 66 years with NHL", None, "65 Years")
    assert _field(official, _y(50), _y(65)) == []


def test_a_figure_with_no_comparator_backs_either_limit():
    official = _record("Patients 18 years of age with asthma", None, "65 Years")
    assert _field(official, _y(18), _y(65)) == []
    official = _record("Patients 18 years of age with asthma", "8 Years", None)
    assert _field(official, _y(8), _y(18)) == []


def test_a_lists_own_number_is_no_range_and_its_or_older_is_read():
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000005"},
        "eligibilityModule": {"maximumAge": "65 Years",
                              "eligibilityCriteria": "Inclusion Criteria:\n1- 18 years of age or older\n2- Asthma"}}})
    assert _field(official, _y(18), _y(65)) == []


def test_a_range_written_between_the_age_s_of_is_read():
    # (NCT00001686: "between the age (s) of 2 years - 40 years")
    official = _record("Children and adults with cancer, between the age (s) of 2 years - 40 years", None, "40 Years")
    assert _field(official, _y(2), _y(40)) == []


@pytest.mark.parametrize("text, bound", [   # (the figure read is in braces)
    ("less than {18} years of age", "high"), ("Maximum age {18} years", "high"), ("under the age of {18} years", "high"),
    ("no older than {18} years", "high"), ("{55} years of age and under", "high"), ("Age 18~ {65} years old", "high"),
    ("no less than {18} years", "low"), ("greater than or equal to {18} years", "low"),
    ("Age: {6} months to 49 years", "low"), ("{18} years of age or older", "low"), ("aged {6} months+", "low"),
    ("Patients {18} years of age with asthma", ""), ("{18} years and under 65 years", ""),
    ("under {18} years or older", ""), ("1- {18} years of age", ""),
])
def test_the_bound_read_from_the_words_around_the_figure(text, bound):
    start = text.index("{")
    text = text.replace("{", "").replace("}", "")
    end = start + len(text[start:].split()[0])
    assert bound_around(text, start, end)[0] == bound


def test_a_page_repeating_an_exclusion_item_in_a_numbered_run_in_list_says_nothing():
    # (NCT05679999 in bench_drift seed 11: the page's "Who May Qualify: 1. … 2. …" copies the record's items; its
    # "Patients under 40 years of age" is the exclusion item word for word, however the inclusion's 40 is read)
    criteria = ("Inclusion Criteria:\n\n1. Patients over 40 years of age and under 70 years\n\nExclusion Criteria:\n\n"
                "1. Patients under 40 years of age and over 70 years old\n2. Patients whose consent can not be obtained")
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000005"},
        "eligibilityModule": {"minimumAge": "40 Years", "maximumAge": "70 Years", "eligibilityCriteria": criteria}}})
    text = ("Who May Qualify: 1. Patients over 40 years of age and under 70 years 2. Patients under 40 years of age and "
            "over 70 years old 3. Patients whose consent can not be obtained")
    assert _summary(official, text) == []
    # (the same words in a sentence of the page's own are its claim)
    assert _summary(official, "Patients under 40 years of age may be able to take part.") == ["critical"]
