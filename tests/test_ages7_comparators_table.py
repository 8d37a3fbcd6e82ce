"""ages7 (1): plain_limits' _AT_LEAST / _AT_MOST / _OVER and dates._ABOVE are built from comparators.PHRASES, the one
table of comparators by meaning (age_bounds._BEFORE, dates._BELOW and plain_limits._UNDER already were). Before, each
kept its own short list: "Age not more than 65 years" in a record's inclusion item was no age limit, a page's "must be
no less than 21 years old" no age claim (only its figure was looked for: a plain_number warning, not the critical a
changed limit is), and a page's age field "greater than 18 years" no minimum."""

import re
from datetime import date

import pytest

from scrapers.comparators import PHRASES
from scrapers.dates import Age, parse_age_limits
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile import plain_limits
from scrapers.reconcile.plain_limits import record_ages, said_ages

TODAY = date(2026, 12, 7)


def _record(criteria: str, low: str | None = "18 Years", high: str | None = "65 Years") -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high), ("eligibilityCriteria", criteria)) if v}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT09000007"},
                                               "eligibilityModule": elig}})


def _plain(official: OfficialRecord, text: str) -> list[tuple[str, str]]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=text)
    return [(f.kind, f.severity) for f in reconcile(page, official, TODAY) if f.kind.startswith("plain_")]


# (phrases of each sign in comparators.PHRASES, those the old lists lacked among them)
_TABLE = {
    ">=": ["at least", "no less than", "not less than", "no younger than", "greater than or equal to",
           "more than or equal to", "equal to or greater than", "minimum of", ">/=", "=>", "> or =", "= or >"],
    "<=": ["at most", "no more than", "not more than", "no older than", "not older than", "less than or equal to",
           "equal to or less than", "not exceeding", "up to", "maximum of", "=<", "< or equal to", "=/<"],
    ">": ["over", "above", "more than", "older than", "greater than", "exceeding", "in excess of"],
    "<": ["under", "below", "less than", "younger than", "fewer than"],
}


@pytest.mark.parametrize("name, sign", [("_AT_LEAST", ">="), ("_AT_MOST", "<="), ("_OVER", ">"), ("_UNDER", "<")])
def test_every_phrase_of_the_table_is_read_by_the_page_reader(name, sign):
    rx = re.compile(getattr(plain_limits, name) + r"(?=\s*18$)", re.I)   # ("over" and "under" before a figure)
    assert [w for w in _TABLE[sign] if not (rx.match(w + " 18") and rx.match(w + " 18").end() == len(w))] == []
    table = re.compile(next(p for s, p in PHRASES if s == sign), re.I)   # (each is the table's own phrase)
    assert [w for w in _TABLE[sign] if not (table.match(w + " 18") and table.match(w + " 18").end() == len(w))] == []


@pytest.mark.parametrize("text, bound", [
    ("Age not more than 65 years", ("65", "year", "limit", "high")),
    ("Age no less than 18 years", ("18", "year", "limit", "low")),
    ("Age greater than 18 years", ("18", "year", "limit", "low")),
    ("Patients aged less than or equal to 65 years", ("65", "year", "limit", "high")),
])
def test_the_records_comparator_wordings_give_its_limits(text, bound):
    assert bound in record_ages(_record(f"Inclusion Criteria:\n\n* {text}\n* Asthma", low=None, high=None))


def test_a_page_saying_no_less_than_is_held_to_the_records_minimum():
    official = _record("Inclusion Criteria:\n\n* Asthma")
    assert _plain(official, "You must be no less than 21 years old to join this study.") == [("plain_age", "critical")]
    assert _plain(official, "You must be no less than 18 years old to join this study.") == []


def test_a_page_saying_not_more_than_is_held_to_the_records_maximum():
    official = _record("Inclusion Criteria:\n\n* Asthma")
    assert said_ages("Adults not more than 60 years old may join.")[1] == Age(60, "YEARS")
    assert _plain(official, "Adults not more than 60 years old may join.") == [("plain_age", "critical")]
    assert _plain(official, "Adults not more than 65 years old may join.") == []


@pytest.mark.parametrize("text, low", [
    ("greater than 18 years", Age(18, "YEARS", "greater than 18 years", exclusive=True)),
    ("Exceeding 18 years", Age(18, "YEARS", "Exceeding 18 years", exclusive=True)),
    ("over 18 years", Age(18, "YEARS", "over 18 years", exclusive=True)),
])
def test_a_page_age_field_greater_than_is_an_exclusive_minimum(text, low):
    assert parse_age_limits(text) == (low, None, False)


def test_more_than_or_equal_stays_inclusive_on_both_readers():
    assert said_ages("Adults more than or equal to 18 years old may join.")[0] == Age(18, "YEARS")
    assert ("18", "year", "limit", "low") in record_ages(
        _record("Inclusion Criteria:\n\n* Age more than or equal to 18 years", low=None, high=None))


@pytest.mark.parametrize("item", [
    "Hemoglobin must be greater than 9.0.",                                 # (NCT00001444's shape)
    "Performance status (Karnofsky scale) must be greater than 70; ECOG 0-2.",
    "HIV antigen titer must be = or > 100 pg.",                              # (NCT00000704)
    "The number of patients to be enrolled will be up to 10 subjects in each part.",
])
def test_a_bare_figure_after_be_is_no_age_unless_a_persons(item):
    """The table's wider phrases ("greater than", "= or >", "up to") read after "be" made a measure's figure an age
    limit: only a person's "be" with a bare figure is one ("Patients must be at least 18")."""
    official = _record(f"Inclusion Criteria:\n\n* {item}\n* Asthma", low=None, high=None)
    assert {a for a in record_ages(official) if a[2] == "limit"} == set()


def test_a_persons_bare_figure_after_be_is_an_age():
    official = _record("Inclusion Criteria:\n\n* Patients must be greater than 17.\n* Must be at least 18.",
                       low=None, high=None)
    assert {("17", "year", "limit", "low"), ("18", "year", "limit", "low")} <= record_ages(official)


@pytest.mark.parametrize("text", ["Prior treatment for no longer than 3 months", "not exceeding 17 years",
                                  "Age: not older than 65 years"])
def test_the_end_of_an_at_most_phrase_is_no_minimum(text):
    """("longer than", "exceeding", "older than" are comparators' ">"; after "no"/"not" they are the end of a "<="
    phrase, which a page's age field reader must not take for a minimum: "not older than 65" was one before)"""
    assert parse_age_limits(text)[0] is None


@pytest.mark.parametrize("item", [
    "Premature infants less than or equal to 34 weeks gestational age at birth",   # (NCT00000855's description)
    "The platelet count of normal volunteers must be greater than 100,000/mm(3).",  # (NCT00001432)
])
def test_a_gestational_age_or_a_count_is_no_participants_age(item):
    official = _record(f"Inclusion Criteria:\n\n* {item}\n* Asthma", low=None, high=None)
    assert {a for a in record_ages(official) if a[2] == "limit"} == set()
