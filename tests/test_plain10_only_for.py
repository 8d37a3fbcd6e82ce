"""A limit to a group the reader may be in ("for HIV-positive patients only") is said to the reader and keeps its
"only"; a qualifier is never cut off from the people it qualifies ("Only. Caucasian patients …"). Real records'
wording (plain10 in docs/benchmarks.md)."""

import pytest

from scrapers.fidelity import check_fidelity
from server.explain import explain_text


def shown(text: str, section: str = "Inclusion") -> tuple[str, bool]:
    e = explain_text(f"{section} Criteria:\n\n* {text}\n").items()[0]
    return e.shown, e.rewritten


@pytest.mark.parametrize("text, expected", [
    ("No active hepatitis (for HIV-positive patients only)",                                       # NCT00005978
     "You have no active hepatitis (only for people who are HIV-positive)"),
    ("Have a plasma viral load (level of HIV in the blood) of at least 5,000 copies/ml (for chronically infected "
     "patients only).",                                                                             # NCT00006617
     "You have a plasma viral load (level of HIV in the blood) of at least 5,000 copies/ml (only for people who are "
     "chronically infected)."),
    ("Right handed subjects only.", "Only for people who are right handed."),                      # NCT00001915
    ("For HIV-positive patients only", "Only for people who are HIV-positive"),
    ("Only HIV-positive patients", "Only for people who are HIV-positive"),
])
def test_a_group_limit_is_said_to_the_reader_and_keeps_only(text, expected):
    said, rewritten = shown(text)
    assert said == expected and rewritten
    assert not check_fidelity(text, said)
    assert "patients" not in said and "subjects" not in said


def test_an_excluded_group_limit_is_said_to_the_reader_too():
    said, _ = shown("Have had prior anti-HIV treatment (for recently infected patients only).", "Exclusion")  # NCT00006617
    assert said == "You have had prior anti-HIV treatment (only for people who are recently infected)."


@pytest.mark.parametrize("text", [
    "Resectable or unresectable disease (Phase I patients only)",     # a group of the study's making: not "who are"
    "Amprenavir therapy (Arm A and B patients only)",
])
def test_a_study_group_is_not_said_as_what_people_are(text):
    assert "people who are" not in shown(text)[0]


def test_a_qualifier_is_not_cut_off_from_its_people():
    said, _ = shown("Only Caucasian patients will be included.", "Exclusion")                         # NCT00005569
    assert not said.startswith("Only.")
    assert said.startswith("Only Caucasian")


@pytest.mark.parametrize("text, section, expected", [
    ("Agree to be treated with rifabutin at least 2 weeks before starting HAART (applies only to patients infected "
     "with TB).", "Inclusion", "(applies only to people infected with TB)."),                       # NCT00004736
    ("Subject has a history of hypoglycemia unawareness (only applicable to subjects age 11 and older).", "Exclusion",
     "(only applicable to people age 11 and older)."),                                               # NCT05251116
    ("Subject is pregnant, attempting to conceive or not willing and able to practice birth control during the study "
     "duration (applicable to female subjects only).", "Exclusion", "(applicable to females only)."),  # NCT03159546
])
def test_whom_a_rule_applies_to_is_said_as_people_beside_you(text, section, expected):
    said, rewritten = shown(text, section)
    assert said.startswith("You ") and said.endswith(expected) and rewritten
    assert not check_fidelity(text, said)
