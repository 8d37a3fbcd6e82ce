"""A page whose only comparable facts are whether the trial takes healthy volunteers or the conditions it studies was
checked on them (reconcile.facts, reconcile.conditions): the verdict says what it compared, not "could not check"."""

from __future__ import annotations

import json
from datetime import date

import pytest
from service_support import page_url, providers, record, trial_page

from scrapers.model import PageRecord
from server.annotate import Annotator
from scrapers.reconcile import reconcile
from server.drift import COMPARABLE, summarize

NCT = "NCT00000001"   # its record: Ischemic Stroke, takes no healthy volunteers


def _conditions_page(*names: str) -> str:
    """A page (generic reader) naming only its conditions, as schema.org's healthCondition does."""
    data = {"@context": "https://schema.org", "@type": "MedicalStudy", "healthCondition": list(names)}
    return trial_page(NCT, status=None, extra=f'<script type="application/ld+json">{json.dumps(data)}</script>')


def _annotate(html: str) -> dict:
    return Annotator(providers()).annotate(html, page_url(NCT))["drift"]


def test_a_page_showing_only_healthy_volunteers_is_checked_on_it():
    same = _annotate(trial_page(NCT, status=None, extra="<dl><dt>Healthy Volunteers</dt><dd>No</dd></dl>"))
    assert (same["verdict"], same["caveat"]) == ("in_sync", "little_compared")
    assert same["note"].endswith("so it compared only whether it takes healthy volunteers.")
    # (and what it compared can differ: a healthy person would contact a trial they cannot join)
    wrong = _annotate(trial_page(NCT, status=None, extra="<dl><dt>Healthy Volunteers</dt><dd>Yes</dd></dl>"))
    assert wrong["verdict"] == "differs"
    assert [f["field"] for f in wrong["findings"] if f["severity"] == "warning"] == ["healthy_volunteers"]


def test_a_page_showing_only_its_conditions_is_checked_on_them():
    same = _annotate(_conditions_page("Stroke"))
    assert (same["verdict"], same["caveat"]) == ("in_sync", "little_compared")
    assert same["note"].endswith("so it compared only the condition it studies.")
    wrong = _annotate(_conditions_page("Psoriasis", "Eczema"))
    assert wrong["verdict"] == "differs"
    assert [f["field"] for f in wrong["findings"] if f["severity"] == "warning"] == ["conditions"]


def test_a_condition_naming_no_illness_in_particular_is_not_said_to_be_compared():
    """reconcile says nothing of "Cancer" alone: "compared only the condition it studies" would claim a check."""
    out = _annotate(_conditions_page("Cancer"))
    assert (out["verdict"], out["reason"]) == ("could_not_check", "nothing_to_compare")


@pytest.mark.parametrize("page, words", [
    (PageRecord(site="x", nct_id=NCT, healthy_volunteers=False), "whether it takes healthy volunteers"),
    (PageRecord(site="x", nct_id=NCT, healthy_volunteers=True, conditions=["Stroke", "Hypertension"], enrollment=9),
     "its number of participants, whether it takes healthy volunteers and the conditions it studies"),
])
def test_the_little_compared_note_names_healthy_volunteers_and_conditions(page, words):
    out = summarize(page, record(NCT), [])
    assert out["verdict"] == "in_sync" and out["note"].endswith(f"so it compared only {words}.")


# the words the nothing-to-compare note gives each field the check compares (drift.COMPARABLE)
NOTE_WORDS = {"status_text": "status", "as_of": "dates", "start_date": "dates", "completion_date": "dates",
              "phases": "phase", "enrollment": "number of participants", "min_age": "ages", "max_age": "ages",
              "no_max_age_text": "ages", "no_min_age_text": "ages", "sex": "sex", "sponsor": "sponsor",
              "study_type": "kind of study", "healthy_volunteers": "healthy volunteers",
              "conditions": "conditions studied", "inclusion": "eligibility criteria",
              "exclusion": "eligibility criteria"}


def test_the_nothing_to_compare_note_lists_all_the_check_compares():
    """It said "no status, dates, phase, number of participants, ages or eligibility criteria" though the check also
    compares healthy volunteers, conditions, sex, sponsor and kind of study: a page showing none of those either
    read as if they had not been looked for."""
    assert set(NOTE_WORDS) == set(COMPARABLE)
    out = summarize(PageRecord(site="x", nct_id=NCT), record(NCT), [])
    assert out["reason"] == "nothing_to_compare"
    assert out["note"] == ("TrialLens could read nothing on this page that it compares with ClinicalTrials.gov "
                           "(status, dates, phase, number of participants, ages, sex, healthy volunteers, sponsor, "
                           "kind of study, conditions studied or eligibility criteria), so it compared nothing.")
    assert all(words in out["note"] for words in NOTE_WORDS.values())


def test_a_page_giving_only_no_minimum_age_is_checked_on_it():
    """facts._check_no_minimum compares a page's "Under 18 years" (no lower limit) with the record's minimum age: a
    page showing only that, and right, was told "compared nothing"."""
    page = PageRecord(site="x", nct_id=NCT, no_min_age_text="Under 18 years")
    official = record(NCT)   # (18 to 70 years)
    found = reconcile(page, official, date(2026, 1, 10))
    assert [(f.kind, f.field, f.severity) for f in found] == [("fact_mismatch", "min_age", "critical")]
    assert summarize(page, official, found)["verdict"] == "differs"
    no_minimum = record(NCT)
    no_minimum.data["protocolSection"]["eligibilityModule"]["minimumAge"] = "0 Years"   # (from birth: no minimum)
    same = summarize(page, no_minimum, reconcile(page, no_minimum, date(2026, 1, 10)))
    assert (same["verdict"], same["caveat"]) == ("in_sync", "little_compared")
    assert same["note"].endswith("so it compared only its ages.")
