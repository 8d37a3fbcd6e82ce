"""An item that opens with whose judgment it is ("In the investigator's opinion, currently needs …") and then gives
no subject was shown with none ("In the study doctor's opinion, now needs …"); "Patients who are experiencing any
major illness" read "You are having any major illness". Real corpus items, shortened where long."""

import pytest
from plain_support import shown


@pytest.mark.parametrize("text,section,expected", [
    ("In the investigator's opinion, currently needs or will likely require prohibited concomitant medications "
     "and/or therapy during the study.", "exclusion",                                          # NCT06136936
     "In the study doctor's opinion, you now need or will likely need forbidden medicines and/or treatment during "
     "the study."),
    ("In the opinion of the investigator, presents a serious risk of suicide.", "exclusion",   # NCT06136936
     "In the view of the study doctor, you present a serious risk of suicide."),
    ("In the opinion of the PI, has a history of drug or alcohol abuse within last 12 months", "exclusion",  # NCT05081232
     "In the view of the PI, you have a history of drug or alcohol misuse within last 12 months"),
    ("In the opinion of the investigator, able to comply with protocol requirements.", "inclusion",  # NCT00001649
     "In the view of the study doctor, you are able to follow study plan requirements."),
    ("In the judgment of the consenting professional, is able to provide informed consent.", "inclusion",  # NCT00496613
     "In the judgment of the consenting professional, you are able to give informed consent (agreement to take part)."),
])
def test_a_judgment_lead_in_with_no_subject_is_said_of_you(text, section, expected):
    assert shown(text, section) == expected


@pytest.mark.parametrize("text,section", [
    # a subject of their own, or no verb to say of you: as they were
    ("In the opinion of the investigator, they have other considerations that may adversely affect patient safety",
     "exclusion"),
    ("In the opinion of the investigator, ability to maintain follow-up contact.", "inclusion"),
    ("In the investigators judgment, with clinical significance of penis abnormalities, or has received penile "
     "prosthesis implantation surgery;", "exclusion"),
])
def test_a_judgment_lead_in_before_anything_else_is_not_said_of_you(text, section):
    assert " you " not in shown(text, section)


@pytest.mark.parametrize("text,section,expected", [
    ("Patients who are experiencing any major illness, including unstable cardiovascular disease", "exclusion",
     "You have any major illness, including unstable heart and blood vessel disease"),          # NCT02637648
    ("The patient is experiencing intractable pain; or", "exclusion", "You have intractable pain; or"),  # NCT03433391
    ("Are experiencing at least moderate anxiety", "inclusion", "You have at least moderate anxiety"),  # NCT05227898
    ("Must not be experiencing pain", "inclusion", "You must not have pain"),
    # something happening to you: still "are having"
    ("The subject is experiencing his/her first episode of schizophrenia.", "inclusion",      # NCT00490516
     "You are having your first episode of schizophrenia."),
])
def test_experiencing_is_having_not_are_having(text, section, expected):
    assert shown(text, section) == expected
