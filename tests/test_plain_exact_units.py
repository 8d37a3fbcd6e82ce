"""A figure in a page's plain-language criteria that the record gives in another exact unit ("2 weeks" where the
record says "14 days", "24 months" for "2 years") is in the record: no plain_number warning ("a figure TrialLens could
not find"). Unequal times, and times with no exact conversion ("1 month" for "30 days"), still warn."""

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 1, 10)
CRITERIA = ("Inclusion Criteria:\n\n* Age 18-80 years\n* Diagnosed with acute ischemic stroke\n\n"
            "Exclusion Criteria:\n\n* Major surgery within 14 days before screening\n"
            "* History of malignancy within 2 years\n* Stroke within 48 hours\n* Vaccination within 30 days")


def _numbers(summary: str) -> list[str]:
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT06427642"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"sex": "ALL", "minimumAge": "18 Years", "maximumAge": "80 Years",
                              "eligibilityCriteria": CRITERIA}}})
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT06427642", plain_summary=summary)
    return [f.message for f in reconcile(page, record, TODAY) if f.kind == "plain_number"]


@pytest.mark.parametrize("said", ["major surgery within 2 weeks", "major surgery within two weeks",
                                  "cancer within 24 months", "a stroke within 2 days", "a stroke within 48 hours",
                                  "major surgery within 336 hours"])
def test_the_records_time_in_another_exact_unit_is_in_the_record(said):
    assert _numbers(f"Who Should NOT Join This Trial: 1. Had {said}") == []


@pytest.mark.parametrize("said,figure", [("major surgery within 3 weeks", "3 weeks"),
                                         ("cancer within 25 months", "25 months"),
                                         ("a vaccination within 1 month", "1 month"),   # no exact number of days
                                         ("cancer within 104 weeks", "104 weeks")])     # nor weeks in a year
def test_an_unequal_or_inexact_time_still_warns(said, figure):
    assert _numbers(f"Who Should NOT Join This Trial: 1. Had {said}") == [
        f'This page\'s summary mentions "{figure}" about who can join, a figure TrialLens could not find in the '
        "ClinicalTrials.gov record."]
