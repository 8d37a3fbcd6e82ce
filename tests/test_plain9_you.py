"""An item addressed to the reader speaks of them as "you" throughout, where its "patients" or "the patient" is the
participant; "patients" that are other people stay."""

import pytest

from server.explain import explain_item


@pytest.mark.parametrize("item, shown", [
    ("Fertile patients must use effective contraception", "As a fertile patient, you must use effective birth control"),
    ("Fertile female patients must use effective contraception during and for 3 months after study",
     "As a fertile woman, you must use effective birth control during and for 3 months after study"),
    ("Other: Not pregnant or nursing Fertile patients must use effective contraception",
     "Other: You are not pregnant or breastfeeding. As a fertile patient, you must use effective birth control"),
    ("Signed informed consent by patient.", "You have signed informed consent (agreement to take part)."),
    ("Symptomatic coronary artery disease including patients with chronic stable angina",
     "You have symptomatic heart artery disease including chronic stable chest pain from the heart"),
    ("Current alcohol or substance abuse judged by the investigator to potentially get in the way of patient following "
     "the study rules", "You have current alcohol or substance abuse judged by the study doctor to potentially get in "
     "the way of you following the study rules"),
    ("Serious illness making patient a poor candidate for surgery",
     "You have serious illness making you a poor candidate for surgery"),
])
def test_the_participant_is_you_throughout(item, shown):
    assert explain_item(item, "inclusion").shown == shown


def test_fertile_patients_under_the_exclusions_are_not_told_you_must():
    # under "You cannot join if…", "you must use birth control" would read as a reason you cannot join
    shown = explain_item("Other: No HIV infection Fertile patients must use effective contraception", "exclusion").shown
    assert "Fertile patients must use effective birth control" in shown and "you must" not in shown


@pytest.mark.parametrize("item, kept", [
    ("Genetic relative of a patient enrolled in this study", "a patient enrolled"),
    ("Able to understand the patient information sheet", "patient information sheet"),
    ("Able to complete a patient diary", "patient diary"),
])
def test_other_patients_and_patient_documents_stay(item, kept):
    assert kept in explain_item(item, "inclusion").shown
