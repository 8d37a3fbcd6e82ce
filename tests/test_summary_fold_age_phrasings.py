"""A summary's age said in other words, and a summary age the record has no age limits to compare with (service4).

Over 703 pages built from corpus records with an inclusion item naming both age limits, its maximum +5 and the summary
repeating it (bench/summary_fold_eval.py --only age_criterion): 135 gave no plain_age. 114 of them gave a WARNING
plain_number instead ("mentions "23 years" … a figure TrialLens could not find") beside the CRITICAL criterion row,
the record having no age limit fields to compare the summary's age with: one change said twice, now said in the
criterion's row. "People between 18 and 75 years of age may be able to take part" was read as no age at all (673 of
703: a plain_number), and "at least 18 years old and no older than 75 years" as a minimum of 75 years when folding
(556 pages with two findings)."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

ITEM, CHANGED = "Age between 4 and 18 years.", "Age between 4 and 23 years."
SUMMARY = ("plain_age", "plain_number")


def _findings(summary: str, shown: str = CHANGED, **ages: str) -> list:
    """The page's findings about ages and summary figures: the record's criteria ITEM and another, its age limit
    fields `ages` (minimumAge, maximumAge; none by default), the page showing `shown` for ITEM and `summary`."""
    other = "Asthma diagnosed by a doctor"
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000004", "briefTitle": "An asthma trial"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": f"Inclusion Criteria:\n\n* {ITEM}\n* {other}", "sex": "ALL",
                              **ages}}})
    page = PageRecord("example.org", nct_id="NCT09000004", inclusion=[shown, other], plain_summary=summary)
    return [f for f in reconcile(page, record, date(2026, 12, 6)) if f.kind in ("criterion_changed", *SUMMARY)]


@pytest.mark.parametrize("summary", ["People aged 4 to 23 years may be able to take part.",
                                     "Children between 4 and 23 years of age may be able to take part.",
                                     "Children 4 to 23 years old may be able to take part.",
                                     "Children at least 4 years old and no older than 23 years may be able to take "
                                     "part."])
def test_a_summary_age_the_record_has_no_limit_field_for_is_said_in_the_changed_item_s_row(summary):
    found = _findings(summary)
    assert [f.kind for f in found] == ["criterion_changed"], [f.message for f in found]
    assert found[0].severity == "critical" and found[0].message.endswith("too.")
    assert found[0].evidence["also_in_summary"]["kind"] == "plain_number"


@pytest.mark.parametrize("summary", [
    "People aged 4 to 20 years may be able to take part.",                     # (another limit)
    "People aged 4 to 23 years with asthma for 7 years may be able to take part.",   # (another figure too)
    "People aged 4 to 23 months may be able to take part.",                    # (another unit)
])
def test_a_summary_figure_saying_more_than_the_changed_age_keeps_its_own_finding(summary):
    assert sorted(f.kind for f in _findings(summary)) == ["criterion_changed", "plain_number"]


def test_a_faithful_summary_stays_quiet():
    assert _findings("Children between 4 and 18 years of age may be able to take part.", shown=ITEM) == []
    assert _findings("People aged 4 to 18 years may be able to take part.", shown=ITEM, minimumAge="4 Years",
                     maximumAge="18 Years") == []


def test_between_two_ages_of_age_is_read_as_an_age_range():
    """Against the record's limits it is a CRITICAL plain_age, as "aged 4 to 23 years" is, not a WARNING about a
    figure; said of the page's changed item, it is said in that item's row."""
    alone = _findings("Children between 4 and 23 years of age may be able to take part.", shown=ITEM,
                      minimumAge="4 Years", maximumAge="18 Years")
    assert [(f.kind, f.severity) for f in alone] == [("plain_age", "critical")], [f.message for f in alone]
    assert alone[0].page_value == "between 4 and 23 years of age"
    folded = _findings("Children between 4 and 23 years of age may be able to take part.", minimumAge="4 Years",
                       maximumAge="18 Years")
    assert [f.kind for f in folded] == ["criterion_changed"] and folded[0].evidence["also_in_summary"]["kind"] \
        == "plain_age"


def test_between_two_lengths_of_time_is_no_age():
    """("between 2 and 10 years" without "old" or "of age" may be how long someone has been ill.)"""
    found = _findings("People who have had asthma for between 2 and 10 years may be able to take part.", shown=ITEM,
                      minimumAge="4 Years", maximumAge="18 Years")
    assert [f.kind for f in found] == ["plain_number"], [f.message for f in found]


def test_an_age_said_with_comparators_is_folded_by_the_limits_it_states():
    """"at least 4 years old and no older than 23 years" was read back as a minimum of 23 years, and kept apart."""
    found = _findings("Children at least 4 years old and no older than 23 years may be able to take part.",
                      minimumAge="4 Years", maximumAge="18 Years")
    assert [f.kind for f in found] == ["criterion_changed"], [f.message for f in found]
    assert found[0].evidence["also_in_summary"]["page_max_age"] == {"value": 23.0, "unit": "YEARS", "text": ""}
