"""A summary that repeats an age the record's own criteria state is backed by the record: no alarm. The record's
"Age - 18-80 years" and "Age: 18-80 years" (an "Age" label, then the range) were not read as ages it gives, so
NCT00491777 (item "Age - 18-80 years", age fields 18 to 85) drew a CRITICAL plain_age on a page whose summary says
"aged 18 to 80 years" (review service4). A summary of another age keeps its alarm; a labelled age that is not the
participant's ("gestational age: 24-32 weeks") or a range another unit follows backs nothing."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.plain_limits import record_ages

TODAY = date(2026, 12, 6)


def _record(item: str, low: str = "18 Years", high: str = "85 Years") -> OfficialRecord:
    """A record of `low` to `high` whose first inclusion item is `item` (NCT00491777's layout)."""
    criteria = (f"Inclusion criteria:\n\n  -  {item}\n\n  -  Weight - 80-300 pounds\n\nExclusion Criteria:\n\n"
                "  -  Ongoing medical emergency or acute medical illness")
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT00491777", "briefTitle": "A study"},
        "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": criteria, "sex": "ALL", "minimumAge": low, "maximumAge": high}}})


def _summary_ages(official: OfficialRecord, summary: str) -> list[str]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=summary)
    return [f.severity for f in reconcile(page, official, TODAY) if f.kind in ("plain_age", "plain_number")]


@pytest.mark.parametrize("item", ["Age - 18-80 years", "Age: 18-80 years", "Ages: 18 to 80", "Ages 18 to 80"])
def test_a_summary_repeating_the_records_labelled_age_is_no_alarm(item):
    official = _record(item)
    assert {("80", "year", "limit", "high"), ("18", "year", "limit", "low")} <= record_ages(official)
    assert _summary_ages(official, "People aged 18 to 80 years may be able to take part.") == []
    assert _summary_ages(official, "People between 18 and 80 years of age may be able to take part.") == []


def test_a_summary_of_another_age_keeps_its_alarm():
    official = _record("Age - 18-80 years")
    assert _summary_ages(official, "People aged 18 to 75 years may be able to take part.") == ["critical"]


@pytest.mark.parametrize("item", ["Gestational age: 24-80 years", "Age: 18 - 80 kg"])
def test_a_labelled_figure_that_is_no_participants_age_backs_nothing(item):
    official = _record(item)
    assert ("80", "year", True, "high") not in record_ages(official)
    assert _summary_ages(official, "People aged 18 to 80 years may be able to take part.") == ["critical"]
