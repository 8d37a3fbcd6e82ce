"""Ages the record's text gives in wordings ages5's reading left unread (age_bounds.worded_ages): a figure after an
age word with no unit ("Age: 18 and over", the PDQ records' form; "aged 65 or less"), "18 years and older", "Age up
to 80 years", an item that is only "> 18 years", and a group's range with its top left out ("Age 4 to <8 years
(phase 1)", NCT02782117; "Age strata: 6 to <12 months", NCT00493246). Unread, a page's limit only they back was a
CRITICAL "ClinicalTrials.gov gives no … limit" the record's own criteria contradict: of 8,076 real records, pages
showing the record's own limit with that field removed (the text decides) were critical 2,988 times before, 2,746
after (none new), and pages whose age was changed by 3 were caught as often as before. Each figure backs only the
limit its own words make it, as ages5's did. The texts below are real records' items."""

import pytest
from test_ages4_record_age_rule import _field, _summary

from scrapers.dates import Age, parse_age_limits
from scrapers.official import OfficialRecord
from scrapers.reconcile.age_bounds import worded_ages


def _record(items: list[str], low: str | None, high: str | None, exclusion: str = "Pregnancy") -> OfficialRecord:
    criteria = "Inclusion Criteria:\n\n" + "\n".join(f"* {i}" for i in items) + f"\n\nExclusion Criteria:\n\n* {exclusion}"
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high), ("eligibilityCriteria", criteria)) if v}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT09000006"},
                                               "eligibilityModule": elig}})


def _y(n: float, unit: str = "YEARS", exclusive: bool = False) -> Age:
    return Age(n, unit, f"{n:g} {unit.title()}", exclusive)


MINIMA = [("Age: 18 and over", 18),                           # NCT00003280 (PDQ "Age:" label and its item)
          ("Patient must be age 16 or older", 16),            # NCT01953523
          ("Male ethnic Chinese aged 18 or above", 18),       # NCT00563511
          ("18 years and older", 18),                         # NCT00665496 (the whole item)
          ("> 18 years", 18)]                                 # NCT00493272 (the whole item)


@pytest.mark.parametrize("item, age", MINIMA)
def test_a_minimum_said_so_backs_the_pages_minimum_and_no_maximum(item, age):
    assert _field(_record([item, "Diagnosis of asthma"], None, "80 Years"), _y(age), _y(80)) == []
    assert _summary(_record([item], None, "80 Years"), f"People aged {age} to 80 years may be able to take part.") \
        == []
    assert _field(_record([item], "8 Years", None), _y(8), _y(age)) == ["critical"]


MAXIMA = [("Age 62 or younger", 62),                          # NCT00000512
          ("Patients aged 65 or less.", 65),                  # NCT00000496
          ("Age: 70 and under", 70),                          # NCT00003405
          ("Age up to 80 years", 80)]                         # NCT00461123


@pytest.mark.parametrize("item, age", MAXIMA)
def test_a_maximum_said_so_backs_the_pages_maximum_and_no_minimum(item, age):
    assert _field(_record([item], "2 Years", None), _y(2), _y(age)) == []
    assert _field(_record([item], None, "90 Years"), _y(age), _y(90)) == ["critical"]


GROUPS = "Age 4 to <8 years (phase 1) or age 4 to <13 years (phase 2)"   # NCT02782117


@pytest.mark.parametrize("page_max", [7, 12])
def test_a_groups_range_backs_the_whole_years_under_its_top(page_max):
    # ("4 Years to 7 Years", as an aggregator shows the phase 1 group, and the record's own 12)
    assert _field(_record([GROUPS], "4 Years", None), _y(4), _y(page_max)) == []


def test_a_groups_range_backs_no_other_maximum_nor_minimum():
    assert _field(_record([GROUPS], "4 Years", None), _y(4), _y(20)) == ["critical"]
    assert _field(_record([GROUPS], None, "12 Years"), _y(6), _y(12)) == ["critical"]


def test_a_pages_exclusive_top_is_kept_and_backed_by_the_records_own():
    # (a page's field "4 Years to under 8 Years" is 4 to 8 exclusive: dates keeps the "under", and the record's
    # "to <8" backs it; a page's "under 9 years" it does not)
    lo, hi, _ = parse_age_limits("4 Years to under 8 Years")
    assert hi.exclusive and hi.value == 8
    assert _field(_record([GROUPS], "4 Years", None), lo, hi) == []
    assert _field(_record([GROUPS], "4 Years", None), lo, _y(9, exclusive=True)) == ["critical"]


def test_strata_in_months():
    # (NCT00493246: "Age strata: 6 to <12 months"; a page of 6 to 11 months)
    official = _record(["Age strata: 6 to <12 months"], "6 Months", None)
    assert _field(official, _y(6, "MONTHS"), _y(11, "MONTHS")) == []
    assert _field(official, _y(6, "MONTHS"), _y(18, "MONTHS")) == ["critical"]


@pytest.mark.parametrize("item", [
    "Prior antiretroviral agents for up to 6 months per agent.",   # NCT00002150: how long, no age
    "Effective contraception during and for 2 to <6 months after study",
    "Infants born at gestational age 32 or more",                   # another's age
    "HbA1c 8 and over",                                             # no age word
])
def test_no_age_is_read_from_other_figures(item):
    assert _field(_record([item], "1 Years", None), _y(1), _y(6, "MONTHS" if "month" in item else "YEARS")) \
        == ["critical"]


def test_an_exclusion_age_still_backs_nothing():
    # (by design: "Age 62 or younger" as an exclusion keeps people out; it sets no maximum)
    official = _record(["Diagnosis of asthma"], "2 Years", None, exclusion="Age 62 or younger")
    assert _field(official, _y(2), _y(62)) == ["critical"]


@pytest.mark.parametrize("text, want", [
    ("Age: 18 and over", [("18", None, "low", False)]),
    ("Any subject above the age of 18 who is capable", [("18", None, "low", True)]),   # NCT00001711
    ("Age 18 or over 20 years and not more than 70", []),   # (its "or over" is the next figure's)
    ("Age: 15 to 60", [("15", None, "low", False)]),
    ("Age >18 to <70 years old.", [("70", "years", "high", True), ("18", "years", "low", True)]),   # NCT00493649
    ("Male aged 40 years and above", [("40", "years", "low", False)]),
    ("up to 18 years", []),
])
def test_worded_ages_reads_the_bound_its_words_give(text, want):
    got = [(v, u, b, s) for v, u, b, s, _ in worded_ages(text)]
    assert sorted(set(got)) == sorted(want)
