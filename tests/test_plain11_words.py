"""What the study does with everyone, filed under the exclusions, is not said as a reason the reader cannot join ("All
Subjects will undergo …" was "You will have …" under "You cannot join if…"); "Only <people> … are eligible" is said as
"Only for people …", keeping its figures, comparators and negations. Real records' wording (plain11 in
docs/benchmarks.md)."""

import pytest

from scrapers.fidelity import check_fidelity
from server.explain import explain_text


def shown(text: str, section: str = "Inclusion") -> tuple[str, bool]:
    e = explain_text(f"{section} Criteria:\n\n* {text}\n").items()[0]
    return e.shown, e.rewritten


@pytest.mark.parametrize("text, start", [
    ("All Subjects will undergo a neurological physical and answer the Healthy volunteer form.",
     "All Subjects will"),                                                                           # NCT00004577
    ("All patients will have positive antibody for HIV confirmed by any federally licensed ELISA test kit.",
     "All patients will have positive antibody for HIV"),                                            # NCT00001010
    ("All subjects will be adults (greater than 18 years).", "All subjects will be adults"),        # NCT00001500
    ("Participants will be required to discontinue all erectogenic medications for 1 months prior to initiation of "
     "treatment", "Participants will be required to"),                                              # NCT04720755
    ("All patients will be screened with an ultrasound of the kidneys.", "All patients will be screened"),  # NCT00004988
    ("The patient will need to consult with the outside surgeon to develop a plan for sending a sample of tumor tissue "
     "to the NIH research team.", "The patient will need to consult"),                              # NCT00004847
    ("Patients are advised that validity of this trial may be jeopardized by use of other potentially antiviral "
     "treatments.", "Patients are advised that"),                                                    # NCT00000693
])
def test_a_study_step_under_the_exclusions_is_not_said_to_the_reader(text, start):
    said, _ = shown(text, "Exclusion")
    assert said.startswith(start)
    assert not said.startswith("You")


def test_the_same_step_in_the_inclusions_is_still_said_to_the_reader():
    assert shown("All Subjects will undergo a neurological physical.")[0].startswith("You will have")


@pytest.mark.parametrize("text, expected", [
    # the reader's own reason, and a verdict: still addressed
    ("Patient will require therapy with any immunosuppressive agent other than those prescribed in the study",
     "You will need treatment with"),                                                                # NCT00496483
    ("Patients who will be undergoing prosthesis placement using local anesthesia", "You will be having"),  # NCT04801368
    ("Patients will be ineligible if the white blood cell (WBC) is less than 3000/microliters.",
     "You will be ineligible if"),                                                                   # NCT00004547
])
def test_a_reason_of_the_readers_own_under_the_exclusions_is_still_addressed(text, expected):
    assert shown(text, "Exclusion")[0].startswith(expected)


@pytest.mark.parametrize("text, expected", [
    ("Only previously untreated patients are eligible.", "Only for people who are previously untreated."),  # NCT00001512
    ("Only patients who are not coinfected with HIV will be included in the study.",
     "Only for people who are not coinfected with HIV (the virus that causes AIDS)."),              # NCT00001701
    ("Only patients less than 60 years are eligible for this protocol.", "Only for people less than 60 years."),
    ("Only patients aged 18 or older are considered for inclusion.", "Only for people aged 18 or older."),  # NCT05161130
    ("Only subjects scheduled to receive infliximab as part of their care are eligible to participate.",
     "Only for people scheduled to receive infliximab as part of their care."),
    ("Only those patients that are being treated under protocol 89-DK-0015 will be eligible.",
     "Only for people who are being treated under protocol 89-DK-0015."),
])
def test_only_people_who_are_eligible_is_said_as_only_for_people(text, expected):
    said, rewritten = shown(text)
    assert said == expected and rewritten
    assert not check_fidelity(text, said)


def test_only_people_in_an_item_the_record_did_not_place_too():
    e = explain_text("Only patients with anti-GAD antibodies will be included.").unplaced[0]
    assert e.shown == "Only for people with anti-GAD antibodies."


@pytest.mark.parametrize("text, section", [
    ("Only patients diagnosed and treated in the United States and Canada will be included in this analysis.",
     "Inclusion"),                                                    # an analysis, not the trial
    ("Only mothers with singleton or twin pregnancies will be included in the pilot study.", "Inclusion"),
    ("Only those volunteers meeting the criteria for AVEG Risk Groups A and B will be enrolled in this study.",
     "Exclusion"),                                                    # NCT00000835: not under the exclusions
    # ("Only patients with SAA will be admitted, defined as:", a lead-in, is read since plain14: "Only for people with
    # SAA, defined as:", tests/test_plain14_only.py)
])
def test_only_people_is_left_where_the_verdict_is_not_the_whole_item(text, section):
    assert not shown(text, section)[0].startswith("Only for people")
