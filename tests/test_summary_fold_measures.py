"""A summary figure the record lacks that a changed criterion repeats is one wrong number, one finding: the page's
criterion says "eGFR < 40 mL/min/1.73 m2" for the record's "< 30", and its summary "eGFR < 40 mL/min/1.73 m2" too.
It was a CRITICAL criterion_changed and a WARNING plain_number (the summary's figure "not in the record"); over
2,762 pages built from corpus records with one criterion figure changed and repeated in the summary, 1,919 pages
had both (4,681 findings; now 113 pages, 2,875 findings). Folded only when the summary's figure is said of the same
measure: the same figure of another measure ("creatinine clearance < 40 mL/min") is another claim, and keeps its own
finding (1,945 such pages: none folded)."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

CRITERIA = ["Adults with chronic kidney disease", "eGFR < 30 mL/min/1.73 m2",
            "Systolic blood pressure > 160 mmHg", "Diastolic blood pressure > 100 mmHg"]


def _findings(changed: dict[str, str], summary: str):
    """The record with CRITERIA; a page showing them with `changed` items replaced, and `summary`."""
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000001", "briefTitle": "A kidney trial"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n"
                              + "\n".join(f"* {c}" for c in CRITERIA)}}})
    page = PageRecord("example.org", nct_id="NCT09000001", inclusion=[changed.get(c, c) for c in CRITERIA],
                      plain_summary=summary)
    return [f for f in reconcile(page, record, date(2026, 12, 6)) if f.kind in ("criterion_changed", "plain_number")]


EGFR_40 = {"eGFR < 30 mL/min/1.73 m2": "eGFR < 40 mL/min/1.73 m2"}


@pytest.mark.parametrize("summary,said", [
    ("Who may qualify: eGFR < 40 mL/min/1.73 m2.", "eGFR < 40 mL/min/1.73 m2"),
    ("Who may qualify: adults whose eGFR is less than 40 mL/min/1.73 m2 may join.",
     "adults whose eGFR is less than 40 mL/min/1.73 m2 may join"),
])
def test_a_changed_figure_the_summary_repeats_of_the_same_measure_is_one_finding(summary, said):
    (only,) = _findings(EGFR_40, summary)
    assert (only.kind, only.severity, only.page_value, only.official_value) == (
        "criterion_changed", "critical", "eGFR < 40 mL/min/1.73 m2", "eGFR < 30 mL/min/1.73 m2")
    assert only.message.endswith(f'This page\'s summary says "{said}" too.'), only.message
    also = only.evidence["also_in_summary"]
    assert (also["kind"], also["severity"], also["facts_not_in_record"]) == ("plain_number", "warning",
                                                                             ["less than 40 ml/min/1.73m^2"])


@pytest.mark.parametrize("changed,summary", [
    # the same figure of another measure
    ({"eGFR < 30 mL/min/1.73 m2": "eGFR < 40 mL/min/1.73 m2"},
     "Who may qualify: creatinine clearance < 40 mL/min/1.73 m2."),
    ({"Systolic blood pressure > 160 mmHg": "Systolic blood pressure > 170 mmHg"},
     "Who should not join: diastolic blood pressure > 170 mmHg."),
    # a figure whose measure the summary does not name
    ({"Systolic blood pressure > 160 mmHg": "Systolic blood pressure > 170 mmHg"},
     "Who should not join: or > 170 mmHg."),
    # a summary figure the criterion did not change beside the one it did
    (EGFR_40, "Who may qualify: eGFR < 40 mL/min/1.73 m2 and systolic blood pressure > 150 mmHg."),
])
def test_a_summary_figure_not_the_changed_criterion_s_keeps_its_own_finding(changed, summary):
    got = sorted((f.kind, f.severity) for f in _findings(changed, summary))
    assert got == [("criterion_changed", "critical"), ("plain_number", "warning")], got
    assert not any("also_in_summary" in f.evidence for f in _findings(changed, summary))
