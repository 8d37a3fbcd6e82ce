"""plain20: a group's name, as its heading, keeps the record's words. Put in plain words as if it were a criterion,
"Neurological Group:" read "Nerve and brain Group:" (NCT00001167), "LYME ARTHRITIS CONTROLS" read "You have LYME
ARTHRITIS CONTROLS" (NCT00001539) and "Randomization group:" read "Being assigned to a study group:" (NCT00005047).
"""

from __future__ import annotations

import pytest

from plain_support import trial_record as _record
from server.explain import explain, explain_item
from server.groups import group_heading


@pytest.mark.parametrize("item", [
    "Neurological Group:", "Hypertensive Subjects:", "LYME ARTHRITIS CONTROLS", "MULTIPLE SCLEROSIS CONTROLS",
    "FOR HIV POSITIVE PATIENTS:", "Randomization group:", "Postmenopausal women (to serve as negative controls):",
    "NORMAL PEDIATRIC VOLUNTEERS:", "IL-2 NAIVE PATIENTS:",
])
def test_a_groups_heading_keeps_the_records_words(item):
    e = explain_item(item, "inclusion")
    assert (e.shown, e.rewritten, e.losses) == (item, False, [])


def test_a_heading_in_lower_case_is_shown_with_its_capital():
    e = explain_item("patients:", "inclusion")   # (NCT00460343: shown "Patients:" before, as any item)
    assert (e.shown, e.rewritten) == ("Patients:", False)


def test_a_groups_heading_still_explains_its_terms():
    assert [g["term"] for g in explain_item("Neurological Group:", "inclusion").glossary] == ["Neurological"]


@pytest.mark.parametrize("item", [
    "Patients must have:", "Patients with diabetes:", "The following treatments exist for patients:",
    "Healthy volunteers must not have:", "Hypertension", "Subjects with a history of stroke",
])
def test_an_item_saying_something_of_a_group_is_no_heading(item):
    assert not group_heading(item)


def test_the_headings_in_a_record_with_groups_keep_their_words():
    crit = ("INCLUSION CRITERIA:\n\nNormal volunteers:\n\nNormal volunteers ages 21 to 85.\n\nNeurological Group:\n\n"
            "Subjects aged 6 to 85 with dysphagia.\n\nLYME ARTHRITIS CONTROLS\n\nMULTIPLE SCLEROSIS CONTROLS\n")
    shown = [e.shown for e in explain(_record(["Dysphagia"], "Ultrasound of Swallowing", crit)).items()]
    assert "Neurological Group:" in shown and "LYME ARTHRITIS CONTROLS" in shown
    assert not any("Nerve and brain" in s or s.startswith("You have LYME") or s.startswith("You have MULTIPLE")
                   for s in shown)
