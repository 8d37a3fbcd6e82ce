"""Exclusions run together with their shared leading words said once (session alarms, item 2): "Uncontrolled diabetes
or hypertension" for the record's "Uncontrolled diabetes" and "Uncontrolled hypertension" paired with one item only,
a critical "differs in an 'or'" and the other item "left out" (61 + 5 + 4 of 150 real pairs critical). Either keeps
someone out alone, so the join keeps the meaning: the merge warning, as for "Uncontrolled diabetes or uncontrolled
hypertension". A part with a changed word, a join by "and", and requirements joined so stay critical."""

from datetime import date

import pytest

from criteria_support import bulleted_record

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.factored import factored

TODAY = date(2026, 12, 6)
INC = ["Age 18 years or older", "Able to swallow tablets", "Able to walk unaided"]
EXC = ["Pregnant women", "Uncontrolled diabetes", "Uncontrolled hypertension", "Uncontrolled asthma",
       "Known allergy to stainless steel", "Known allergy to platinum", "Active infection"]


def _official() -> OfficialRecord:
    return bulleted_record(INC, EXC)


def _alarms(section: str, first: int, count: int, joined: str) -> list:
    inc, exc = list(INC), list(EXC)
    items = inc if section == "inclusion" else exc
    items[first:first + count] = [joined]
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=inc, exclusion=exc)
    return [(f.kind, f.severity) for f in reconcile(page, _official(), TODAY)
            if f.about == "page" and f.severity != "info"]


@pytest.mark.parametrize("first,count,joined", [
    (1, 2, "Uncontrolled diabetes or hypertension"),
    (1, 3, "Uncontrolled diabetes, hypertension, or asthma"),
    (1, 3, "Uncontrolled diabetes, hypertension or asthma"),
    (4, 2, "Known allergy to stainless steel or platinum"),
    (4, 2, "Known allergy to stainless steel and/or platinum"),
])
def test_exclusions_with_their_shared_lead_said_once_are_a_merge_not_a_change(first, count, joined):
    assert _alarms("exclusion", first, count, joined) == [("criteria_merged", "warning")]


@pytest.mark.parametrize("first,count,joined", [
    (1, 2, "Uncontrolled diabetes or controlled hypertension"),
    (1, 2, "Uncontrolled diabetes and hypertension"),
    (4, 2, "Known allergy to stainless steel or not platinum"),
])
def test_a_changed_part_or_an_and_stays_critical(first, count, joined):
    assert ("criterion_changed", "critical") in _alarms("exclusion", first, count, joined)


def test_requirements_joined_by_or_stay_critical():
    assert ("criterion_changed", "critical") in _alarms("inclusion", 1, 2, "Able to swallow tablets or walk unaided")


@pytest.mark.parametrize("texts,whole,said", [
    (["uncontrolled diabetes", "uncontrolled hypertension"], "uncontrolled diabetes or hypertension", True),
    (["history of stroke", "history of myocardial infarction"], "history of stroke, or myocardial infarction", True),
    (["uncontrolled diabetes", "uncontrolled hypertension"], "uncontrolled diabetes or severe hypertension", False),
    (["uncontrolled diabetes", "uncontrolled hypertension"], "uncontrolled diabetes, hypertension", False),
    (["diabetes", "hypertension"], "diabetes or hypertension", False),
])
def test_factored_keeps_every_word_of_each_part(texts, whole, said):
    assert factored(texts, whole) is said
