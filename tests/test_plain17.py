"""plain17: leftovers of the plain-English rewrite (reviews r51, r53).

1. "No concurrent use of <a kind of treatment>" said "during the study", which a trial giving that kind contradicts
   ("No concurrent use of chemotherapy"): the record's "concurrent" stays, as for "No concurrent chemotherapy".
2. "concurrently"/"simultaneously" said "at the same time" where the item does not say as what.
3. A drug's own warning ("CIALIS must not be used in men with …") marked "Worded as a requirement".
4. "congestive heart failure" said "heart failure": the kind dropped.
Items are the corpus's own where an NCT id is beside them."""

from __future__ import annotations

import pytest

from scrapers.fidelity import check_fidelity
from server.everyday import concurrent_when, use_at_the_same_time
from server.explain import explain_item, explain_text
from server.gloss import gloss


def _exclusion(item: str) -> dict:
    return explain_text(f"Exclusion Criteria:\n\n* {item}\n").to_dict()["exclusion"][0]


# --------------------------------------------------------------------------- 1. "concurrent use of" a kind of treatment

@pytest.mark.parametrize("text, section", [
    ("No concurrent use of chemotherapy", "inclusion"),
    ("No concurrent use of chemotherapy", "exclusion"),
    ("Concurrent use of radiotherapy", "exclusion"),
    ("No concurrent use of hormonal therapy.", "inclusion"),
    ("No concurrent use of investigational agents", "inclusion"),
])
def test_concurrent_use_of_a_kind_of_treatment_is_not_during_the_study(text, section):
    e = explain_item(text, section)
    assert "during the study" not in e.shown
    assert "oncurrent" in e.shown                     # the record's word, explained in the glossary
    assert any(g["term"].lower() == "concurrent" for g in e.glossary)
    assert not check_fidelity(text, e.shown)


@pytest.mark.parametrize("text, expected", [
    # said to be another than the trial's, or a medicine no trial of this kind gives: "during the study" is right
    ("No concurrent use of other investigational agents", "You take no other experimental drugs during the study"),
    ("Concurrent use of nitrates", "You use nitrates during the study"),
    ("No concurrent use of warfarin", "You do not use warfarin during the study"),
])
def test_concurrent_use_of_another_or_a_medicine_is_during_the_study(text, expected):
    assert explain_item(text, "inclusion").shown == expected


def test_use_at_the_same_time_leaves_a_kind_of_treatment_to_the_record():
    assert use_at_the_same_time("No concurrent use of chemotherapy") is None
    assert use_at_the_same_time("You must not have concurrent use of radiation therapy") is None
    assert concurrent_when("use of chemotherapy") is None
    assert concurrent_when("investigational agents") is None
    assert concurrent_when("other investigational agents") == "during the study"


def test_no_concurrent_investigational_agents_keeps_concurrent():
    # a trial of an investigational agent gives one: "You take no experimental drugs during the study" denied it
    assert explain_item("No concurrent investigational agents", "inclusion").shown == \
        "You take no concurrent experimental drugs"


# --------------------------------------------------------------------------- 2. "concurrently" said as what

@pytest.mark.parametrize("text, expected", [
    ("Nelfinavir should not be administered concurrently with rifampin or rifabutin",   # NCT00002176
     "at the same time as rifampin"),
    ("Treatment with more than one protease inhibitor concurrently.", "protease inhibitor at the same time"),  # NCT00004580
    ("Use two methods of birth control simultaneously", "birth control at the same time"),
    ("IDV and 3TC must have been started concurrently.", "started at the same time."),   # NCT00000885
    ("Use 2 forms of birth control simultaneously beginning 1 month prior", "birth control at the same time"),  # NCT00001475
    # (another than the study's: at the same time as it)
    ("Concurrently participating in another active clinical study", "At the same time taking part in another"),  # NCT05921903
])
def test_concurrently_is_at_the_same_time_where_the_item_says_as_what(text, expected):
    assert expected in explain_item(text, "inclusion").shown


@pytest.mark.parametrize("text", [
    "Concurrently on anticonvulsants at a steady level for at least 2 weeks",   # NCT00008424
    "Concurrently undergoing treatment with testosterone.",                   # NCT03699943
    "Patients who are concurrently infected with hepatitis B",
])
def test_concurrently_with_nothing_said_keeps_the_record_word(text):
    e = explain_item(text, "inclusion")
    assert "at the same time" not in e.shown
    assert "oncurrently" in e.shown or "imultaneously" in e.shown
    assert e.glossary


# --------------------------------------------------------------------------- 3. a drug's warning is no requirement

@pytest.mark.parametrize("item", [
    "CIALIS, must not be used in men with cardiac disease for whom sexual activity is inadvisable",   # NCT02304679
    "Droperidol must NOT be used in patients with any of the following:",                             # NCT01406860
    "Nelfinavir should not be administered concurrently with rifampin or rifabutin",                  # NCT00002176
    "Subjects must not meet exclusion criteria to be considered eligible for the study",              # NCT05251116
    "Physician feels patient should not participate",
])
def test_a_drug_warning_or_judgement_is_not_marked_worded_as_a_requirement(item):
    assert _exclusion(item)["worded_as_requirement"] is False


@pytest.mark.parametrize("item", [
    "Patients must not be pregnant",
    "Patients should not be treated with steroids",
    "Patients must not have been given live vaccines within 4 weeks",
    "Not concurrently receiving treatment on any other protocol",   # NCT00006994
])
def test_the_participants_own_must_not_is_still_marked(item):
    assert _exclusion(item)["worded_as_requirement"] is True


# --------------------------------------------------------------------------- 4. a gloss keeps the kind

def test_congestive_heart_failure_keeps_congestive():   # NCT04345965, NCT00005764 (review r51)
    shown, glossary = gloss("History of congestive heart failure")
    assert shown == "History of congestive heart failure"
    assert any(g["term"].lower() == "congestive heart failure" for g in glossary)
    assert "congestive heart failure" in explain_item("No congestive heart failure", "inclusion").shown


def test_a_plain_word_for_the_whole_term_is_still_said():
    assert "heart attack" in gloss("Prior myocardial infarction")[0]
