"""A page whose only comparable facts are whether the trial takes healthy volunteers or the conditions it studies was
checked on them (reconcile.facts, reconcile.conditions): the verdict says what it compared, not "could not check"."""

from __future__ import annotations

import json

import pytest
from service_support import page_url, providers, record, trial_page

from scrapers.model import PageRecord
from server.annotate import Annotator
from server.drift import summarize

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
