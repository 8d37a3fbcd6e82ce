"""Group labels where the record's headings and items do not line up (review r52 F2-F5): a wrong group's name is
worse than none, since people act on it, so where the items under a heading cannot be told the list says no group."""

from __future__ import annotations

import pytest

from scrapers.criteria import parse_criteria
from server.explain import explain_text
from server.item_groups import group_name, runs, section_groups

# NCT00001372's shape: a criterion cut inside a bracket is joined after the headings were counted
JOINED = """Inclusion Criteria - Patients:

* Lupus established by ACR criteria

Inclusion Criteria - Healthy volunteers:

* No chronic illness

Exclusion Criteria:

* Unable to comply with follow up (e.g. distance,
* travel or work)
* Pregnancy

Exclusion criteria for vascular studies only:

* Contraindication to MRI scanning (pacemaker, aneurysm clips)
* Renal dysfunction
"""


def test_a_mended_item_does_not_shift_the_next_groups_run():
    plain = explain_text(JOINED)
    assert [e.original for e in plain.exclusion][0].endswith("(e.g. distance, travel or work)")
    # the MRI contraindication is the vascular studies', not everyone's
    assert [e.group for e in plain.exclusion] == [None, None, "Vascular studies only", "Vascular studies only"]
    assert [h for h, _ in runs(plain.exclusion)] == [None, "Vascular studies only"]


def test_rules_lifted_out_of_an_except_label_stay_in_their_group():
    # the inverse mend: lifting inserts items, which had given the patients' rules the next group's name
    text = ("Exclusion Criteria - Patients:\n\n* Prior cancer, except:\n  * Treated basal cell skin cancer\n"
            "  * No uncontrolled infection\n  * Not pregnant or nursing\n\n"
            "Exclusion Criteria - Healthy volunteers:\n\n* Any chronic illness\n")
    plain = explain_text(text)
    assert [e.original for e in plain.exclusion][1:3] == ["No uncontrolled infection", "Not pregnant or nursing"]
    assert [e.group for e in plain.exclusion] == ["Patients"] * 3 + ["Healthy volunteers"]


def test_without_the_text_the_parsers_counts_are_used():
    crit = parse_criteria(JOINED)
    assert section_groups(crit)["inclusion"] == ["Patients", "Healthy volunteers"]


# NCT00497367's shape: the next group's heading is run into the last item of the group before it
GLUED = """Inclusion Criteria - Phase 1:

* Lesion length ≤20 mm
* Side branch diameter ≥2.5 mm Angiographic Inclusion Criteria - Phase 2
* Lesion length ≤28 mm

Exclusion Criteria - Phase 1:

* Prior stent

Exclusion Criteria - Phase 2:

* Prior bypass graft
"""


def test_a_heading_glued_at_an_items_end_heads_what_follows():
    """glance10 (was: the list left unlabelled, groups10): the heading at the end of an item heads the items after
    it, and the item itself stays its own group's (NCT00497367: 21 labels)."""
    plain = explain_text(GLUED)
    assert len(plain.inclusion) == 3   # (the parser keeps the heading inside the item)
    assert [e.group for e in plain.inclusion] == ["Phase 1", "Phase 1", "Phase 2"]
    assert [h for h, _ in runs(plain.inclusion)] == ["Phase 1", "Phase 2"]
    # the other list's headings are its own
    assert [e.group for e in plain.exclusion] == ["Phase 1", "Phase 2"]


def test_a_heading_glued_at_an_items_start_heads_it():
    """glance10 (was: unlabelled, groups10): NCT05147818's "Inclusion criteria for matched controls 200 Diabetic
    patients …" is the controls' item."""
    text = ("Inclusion criteria for cases:\n\n* Diabetic patients with AKI\n"
            "* Inclusion criteria for matched controls 200 diabetic patients with no AKI\n\n"
            "Exclusion criteria for cases:\n\n* Dialysis\n\nExclusion criteria for controls:\n\n* Kidney disease\n")
    plain = explain_text(text)
    assert [e.group for e in plain.inclusion] == ["Cases", "Matched controls"]
    assert [e.group for e in plain.exclusion] == ["Cases", "Controls"]


def test_a_heading_glued_into_the_middle_of_an_item_still_leaves_its_list_unlabelled():
    """Which of the item's words are whose is not known (r52 F3): no labels, as groups10."""
    text = GLUED.replace("≥2.5 mm Angiographic Inclusion Criteria - Phase 2",
                         "≥2.5 mm Angiographic Inclusion Criteria - Phase 2 side branch diameter ≥2.25 mm, or larger.")
    plain = explain_text(text)
    assert [e.group for e in plain.inclusion] == [None, None, None]


MOTHERS = """Mothers may be eligible for this study if they:

* Are HIV-positive.

Infants may be eligible for this study if they:

* Are born to mothers enrolled in the study.

Mothers will not be eligible for this study if they:

* Currently take any anti-HIV drugs.
* Are allergic to any benzodiazepine.
* Infants will not be eligible for this study if:
* Their mother is excluded prior to being assigned to a study group.
"""


def test_an_item_that_is_all_a_groups_heading_heads_that_groups_items():
    plain = explain_text(MOTHERS)
    assert [e.group for e in plain.exclusion] == ["Mothers", "Mothers", "Infants", "Infants"]


def test_an_item_heading_for_everyone_names_no_group():
    text = ("Volunteers will be able to enroll if they:\n\n* Are 18 or older\n\n"
            "Participants will be able to enroll if they:\n\n* Have HIV\n\n"
            "Exclusion Criteria:\n\n* Neither volunteers nor participants will be eligible if they:\n"
            "* Are pregnant\n")
    assert all(e.group is None for e in explain_text(text).exclusion)


def test_a_sentence_saying_who_may_not_join_is_no_heading():
    text = ("Inclusion criteria for siblings:\n\n* Sibling of a proband\n\nExclusion criteria for siblings:\n\n"
            "* Chemotherapy.\n* Siblings who do not qualify may join the limited part. They may not be eligible for "
            "the 2-day or 1-day study if they have a first-degree relative with psychosis.\n\n"
            "Exclusion criteria for healthy controls:\n\n* Any psychiatric illness\n")
    assert [e.group for e in explain_text(text).exclusion] == ["Siblings", "Siblings", "Healthy controls"]


# NCT00006180's shape: categories of a group's criteria under its heading
def test_a_heading_naming_a_category_of_criteria_keeps_the_group():
    text = ("INCLUSION CRITERIA - DEPRESSED WOMEN:\n\n* Premenopausal\n\n"
            "INCLUSION CRITERIA RELATED TO THE PSYCHIATRIC STATUS:\n\n* At least one episode of major depression\n\n"
            "INCLUSION CRITERIA RELATED TO BONE STATUS:\n\n* Osteopenia\n\n"
            "INCLUSION CRITERIA - HEALTHY CONTROL WOMEN:\n\n* No depression\n")
    assert [e.group for e in explain_text(text).inclusion] == ["Depressed women"] * 3 + ["Healthy control women"]


@pytest.mark.parametrize("heading, group", [
    ("INCLUSION CRITERIA FOR MRI SCANNER CALIBRATION PROJECT:", "MRI scanner calibration project"),
    ("Inclusion Criteria for Caregivers:", "Caregivers"),
    ("Inclusion criteria for health care providers:", "Health care providers"),
    ("Inclusion Criteria for Study Entry:", None),
    ("Exclusion criteria for participation in the study:", None),
    ("Inclusion criteria for the study drug:", None),
    ("Inclusion criteria - extension study patients:", "Extension study patients"),
])
def test_group_words(heading, group):
    assert group_name(heading) == group


def test_caregivers_criteria_are_the_caregivers():
    text = ("Inclusion Criteria for Patients:\n\n* Dementia\n\nInclusion Criteria for Caregivers:\n\n"
            "* Lives with the patient\n")
    assert [e.group for e in explain_text(text).inclusion] == ["Patients", "Caregivers"]


def test_a_step_of_the_trial_is_no_group():
    text = ("Inclusion Criteria for Study Entry:\n\n* Age 18 or older\n\n"
            "Inclusion Criteria for Randomization:\n\n* Response to induction\n\nExclusion Criteria:\n\n* Pregnancy\n")
    plain = explain_text(text)
    assert all(e.group is None for e in plain.items())


def test_categories_after_a_dash_are_no_groups_in_a_list_without_groups():
    text = ("Inclusion Criteria - Patients:\n\n* Epilepsy\n\nInclusion Criteria - Healthy Volunteers:\n\n* No illness\n\n"
            "Exclusion Criteria - Neurologic:\n\n* Stroke\n\nExclusion Criteria - General Medical:\n\n* Pregnancy\n")
    plain = explain_text(text)
    assert [e.group for e in plain.inclusion] == ["Patients", "Healthy volunteers"]
    assert [e.group for e in plain.exclusion] == [None, None]
    assert [h for h, _ in runs(plain.exclusion)] == [None]


@pytest.mark.parametrize("heading, group", [
    ("INCLUSION CRITERIA - TYPE 1 DIABETES PATIENTS", "Type 1 diabetes patients"),
    ("INCLUSION CRITERIA: MALE PATIENTS WITH GOUT", "Male patients with gout"),
    ("INCLUSION CRITERIA FOR SUBJECTS WHO HAVE HAD PRIOR SURGERY", "Subjects who have had prior surgery"),
    ("INCLUSION CRITERIA - HIV-INFECTED PATIENTS", "HIV-infected patients"),
    ("INCLUSION CRITERIA - ADHD PARTICIPANTS", "ADHD participants"),
    ("Inclusion criteria for patients in Japan only:", "Patients in Japan only"),
    ("Inclusion Criteria (Patients with Spasmodic Dysphonia):", "Patients with spasmodic dysphonia"),
    ("Inclusion Criteria - Healthy Volunteers:", "Healthy volunteers"),
])
def test_how_group_names_are_written(heading, group):
    assert group_name(heading) == group


def test_phases_1_and_2_written_two_ways_are_one_group():
    text = ("Inclusion Criteria - Phases 1 and 2:\n\n* Age 18 or older\n\nInclusion Criteria - Phases 1 & 2:\n\n"
            "* Bifurcation lesion\n\nInclusion Criteria - Phase 1:\n\n* Lesion length ≤20 mm\n")
    assert [h for h, _ in runs(explain_text(text).inclusion)] == ["Phases 1 and 2", "Phase 1"]
