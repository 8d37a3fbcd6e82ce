"""Review r20's leftovers: a weight rule said with its figure before the cue ("over 60 kg in body weight",
NCT00001723), criteria on a medifind page listed under "Inclusion Criteria:"/"Exclusion Criteria:" rows, a record's
bracket-split item shown split where the record's own text breaks it, and an age the record gives only as the other
bound (NCT00001127)."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from datetime import date

import pytest

from conftest import FIXTURES

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from tests.test_plain_round20 import _record as _record_aged

TODAY = date(2026, 11, 22)


def _record(criteria: str, minimum: str | None = "12 Years", maximum: str | None = "17 Years") -> OfficialRecord:
    return _record_aged(criteria, minimum, maximum)


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


# --------------------------------------------------------------------------- medifind lists with heading rows

MEDIFIND = FIXTURES / "html" / "medifind.com"
MEDIFIND_URL = "https://www.medifind.com/conditions/bronchopulmonary-dysplasia/645/clinical-trial/518532584"


def _medifind(html: str):
    from scrapers import scrape_html
    official = OfficialRecord(json.loads((SAVED_COPIES / "NCT06427642.json").read_text(encoding="utf-8")))
    page = scrape_html(html, MEDIFIND_URL)
    return page, [(f.kind, f.severity) for f in reconcile(page, official, TODAY)
                  if is_alarm(f) and f.kind.startswith("criteri")]


def test_a_medifind_list_under_heading_rows_is_compared():
    """Before, every item of such a list was counted unplaced and a changed figure in it went unsaid."""
    html = (MEDIFIND / "nct06427642_headed_rows.html").read_text(encoding="utf-8")
    page, found = _medifind(html)
    assert (len(page.inclusion), len(page.exclusion), page.criteria_unplaced) == (3, 3, 0)
    assert found == []
    changed = html.replace("gestational age of 25-30 weeks", "gestational age of 25-36 weeks")
    assert changed != html
    assert _medifind(changed)[1] == [("criterion_changed", "critical")]


def test_a_medifind_list_that_names_a_list_only_further_down_stays_unplaced():
    """Its first items stand under no heading the page shows (the toggle may show either list): not guessed at."""
    html = (MEDIFIND / "nct06427642_headed_rows.html").read_text(encoding="utf-8")
    html = html.replace('<div class="list-item"><span>• Inclusion Criteria:</span></div>', "", 1)
    page, found = _medifind(html)
    assert (page.inclusion, page.exclusion, page.criteria_unplaced) == ([], [], 6)
    assert found == []


# --------------------------------------------------------------------------- a bracket-split item as the record breaks it

# NCT00002425's inclusion: one criterion the record's text cuts inside a bracket, which the parser joins
SPLIT = ("Inclusion Criteria:\n\n  -  HIV infection.\n\n  -  No prior experience with PIs. (Note:\n\n"
         "  -  At least 75 percent of patients must be naive to PIs.)\n\nExclusion Criteria:\n\n  -  Pregnancy.\n")


def _criteria_notes(inclusion: list[str]) -> list[str]:
    page = PageRecord(site="meddatax.com", nct_id="NCT09990001", inclusion=inclusion, exclusion=["Pregnancy."])
    return [f.kind for f in reconcile(page, _record(SPLIT, None, None), TODAY) if f.kind.startswith("criteri")]


def test_an_item_shown_split_where_the_records_text_breaks_it_is_no_split():
    """The page copies the record's two lines: before, an INFO said the page "splits" the item."""
    assert _criteria_notes(["HIV infection.", "No prior experience with PIs. (Note:",
                            "At least 75 percent of patients must be naive to PIs.)"]) == []


def test_an_item_the_page_splits_elsewhere_is_still_said():
    assert _criteria_notes(["HIV infection.", "No prior experience with PIs.",
                            "(Note: At least 75 percent of patients must be naive to PIs.)"]) == ["criteria_split"]


# --------------------------------------------------------------------------- an age backed only as the other bound

# NCT00001127: 18 months to 18 years, said again in its criteria
TEENS = ("Inclusion Criteria:\n\n  -  Is between the ages of 18 months and 18 years, with consent of parent or "
         "guardian.\n\nExclusion Criteria:\n\n  -  Has received another vaccine or study drug in the past month.\n")


def test_the_records_maximum_does_not_vouch_for_a_pages_minimum():
    """"aged 18 to 18 years" turns away every child under 18: before, the record's "18 years" (its maximum, the top
    of its range) vouched for the page's minimum."""
    got = _said("This clinical trial is studying influenza. Children aged 18 to 18 years may be eligible to join.",
                _record(TEENS, "18 Months", "18 Years"))
    assert [(k, s) for k, s, _ in got] == [("plain_age", "critical")]


@pytest.mark.parametrize("summary", [
    "Children aged 18 months to 18 years may be eligible to join.",
    "Children aged 1.5 to 18 years may be eligible to join.",
    "Children must be under 19 years old to join.",
])
def test_the_records_own_bounds_still_vouch(summary):
    assert _said(f"This clinical trial is studying influenza. {summary}", _record(TEENS, "18 Months", "18 Years")) == []
