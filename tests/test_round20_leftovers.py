"""Review r20's leftovers: a weight rule said with its figure before the cue ("over 60 kg in body weight",
NCT00001723)."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 11, 22)


def _record(criteria: str, minimum: str | None = "12 Years", maximum: str | None = "17 Years") -> OfficialRecord:
    elig = {"eligibilityCriteria": criteria, "sex": "ALL"}
    if minimum:
        elig["minimumAge"] = minimum
    if maximum:
        elig["maximumAge"] = maximum
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09990001", "briefTitle": "A Study of Something"},
        "statusModule": {"overallStatus": "RECRUITING"}, "eligibilityModule": elig}})


def _said(summary: str, record: OfficialRecord) -> list[tuple[str, str, str]]:
    page = PageRecord(site="clinconnect.io", nct_id="NCT09990001", plain_summary=summary)
    return [(f.kind, f.severity, f.message) for f in reconcile(page, record, TODAY)
            if is_alarm(f) and f.severity != "info"]


# --------------------------------------------------------------------------- a weight said before its cue

# NCT00001723's inclusion, as the record words it (the rule ends a long item)
OBESITY = ("Inclusion Criteria:\n\n  -  Obesity: body mass index for age and triceps skinfold above the 95th percentile "
           "(determined by NHANES I age-, sex-, and race- specific data). All subjects will be required to be over 60 kg "
           "in body weight.\n  -  Evidence for a quantifiable obesity-related comorbidity.\n\nExclusion Criteria:\n\n"
           "  -  Recent weight change of more than 3% of body weight in the past two months;\n")


def test_a_weight_rule_said_before_its_cue_is_held_to():
    """The page turns "over 60 kg" into "no more than 60 kg": the same figure, so before it passed as found."""
    got = _said("This clinical trial is studying obesity. To join you must weigh no more than 60 kg.", _record(OBESITY))
    assert [(k, s) for k, s, _ in got] == [("plain_number", "warning")]
    # the record's own sentence is quoted, not the long item's start ("Obesity: body mass index for age …")
    assert 'ClinicalTrials.gov says "All subjects will be required to be over 60 kg in body weight."' in got[0][2]


@pytest.mark.parametrize("summary", [
    "To join you must weigh more than 132 lb.",
    "Participants must have a weight over 60 kg.",
    "To be eligible, participants must be over 60 kg in body weight.",
    "To be eligible, participants must be over 132 lb in body weight.",
])
def test_the_same_weight_rule_restated_is_no_alarm(summary):
    assert _said(f"This clinical trial is studying obesity. {summary}", _record(OBESITY)) == []


@pytest.mark.parametrize("criterion", [
    "Able to drink 5g/kg body weight intake of alcohol",
    "A loss of more than 5 kg of body weight in the past year",
    "Dose of 10 mg per 2 kg body weight tolerated",
])
def test_a_dose_or_a_change_per_weight_is_no_weight_rule(criterion):
    """No rule read, so a page's "at least 5 kg" is held to nothing but the record's figures."""
    from scrapers.reconcile.plain_weights import _record_weight
    assert _record_weight(_record(f"Inclusion Criteria:\n\n  -  {criterion}\n"), False) is None
