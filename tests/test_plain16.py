"""plain16: three weak spots in the plain-English criteria, found across the corpus.

1. An exclusion worded as a requirement not to be or have something ("Patients must not be receiving other
   investigational drugs") was shown "You must not …" under "You cannot join if…", unmarked: a double negative. It is
   marked as a "No …" requirement is (server.worded), its words and negation unchanged.
2. "No concurrent X" was "You have no X at the same time" ("as what?"): a treatment is "during the study", an illness
   "now", another trial "at the same time as this study"; a cancer not said to be another keeps "concurrent".
3. A gloss put before a word that says it again ("dialysis (kidney machine treatment) treatment") is not.
Items are the corpus's own (NCT ids beside them)."""

from __future__ import annotations

import pytest

from scrapers.fidelity import check_fidelity
from server.explain import explain_item, explain_text
from server.plain import rewrite


def _exclusion(item: str) -> dict:
    return explain_text(f"Exclusion Criteria:\n\n* {item}\n").to_dict()["exclusion"][0]


# --------------------------------------------------------------------------- 1. "must not" under the exclusions

@pytest.mark.parametrize("item", [
    "Patient must not have active cancer",                                   # NCT01953523
    "Patients must not be receiving other investigational drugs",
    "Subjects should have no dietary aberrations and no history of anorexia nervosa within the past 10 years.",
    "Serum bilirubin must not exceed 1.2 x ULN",                             # NCT02619617
    "Patients must have not received cytotoxic chemotherapy for salivary gland cancer.",   # NCT00003744
])
def test_an_exclusion_said_as_must_not_is_marked_worded_as_a_requirement(item):
    d = _exclusion(item)
    assert d["worded_as_requirement"] is True
    # its negation stays: never turned into "You have active cancer" (nor any loss the fidelity check would find)
    assert not check_fidelity(d["original"], d["shown"])
    assert any(w in d["shown"].lower().split() for w in ("not", "no"))


@pytest.mark.parametrize("item", [
    "Take medications that should not be taken with their prescribed anti-HIV drugs.",   # NCT00006415: a clause's
    "Patients should not be enrolled if they have had prior chemotherapy",                # a verdict on who joins
    "Receiving other investigational agents",
])
def test_an_exclusion_that_is_no_must_not_requirement_is_not_marked(item):
    assert _exclusion(item)["worded_as_requirement"] is False


def test_must_not_under_the_inclusions_is_not_marked():
    d = explain_text("Inclusion Criteria:\n\n* Patient must not have active cancer\n").to_dict()["inclusion"][0]
    assert d["worded_as_requirement"] is False


# --------------------------------------------------------------------------- 2. what "concurrent" means

@pytest.mark.parametrize("text, expected", [
    # a kind of treatment a trial often gives itself keeps the record's word (NCT00002734 gives paclitaxel; review r53)
    ("No concurrent chemotherapy", "You have no concurrent chemo"),
    ("No concurrent medical illness", "You have no concurrent medical illness"),   # (NCT00004148, a melanoma trial)
    ("No other concurrent investigational agents", "You take no other experimental drugs during the study"),
    ("Concurrent tamoxifen allowed", "You may take tamoxifen during the study"),
    # an illness is one you have now, not one you promise not to get
    ("No concurrent serious infection", "You have no serious infection now"),
    ("No other serious concurrent illness", "You have no other serious illness now"),
    ("No other concurrent malignancy", "You have no other cancer now"),
    # the thing before what it is for, or the illness it is a sign of
    ("Concurrent steroids for adrenal failure allowed", "You may have steroids for adrenal failure during the study"),
    ("No concurrent surgery for cancer", "You have no surgery for cancer during the study"),
    ("No concurrent evidence of infection", "You have no signs of infection now"),
])
def test_concurrent_says_when(text, expected):
    assert explain_item(text, "inclusion").shown == expected


def test_a_cancer_not_said_to_be_another_keeps_concurrent():
    """NCT05688046 "No concurrent malignancy." was "You have no cancer at the same time.": in a cancer trial the reader
    has one; "concurrent" (the glossary says what it means) stays."""
    e = explain_item("No concurrent malignancy.", "inclusion")
    assert e.shown == "You have no concurrent cancer."
    assert any(g["term"].lower() == "concurrent" for g in e.glossary)


def test_concurrent_use_is_during_the_study():
    assert explain_item("Concurrent use of nitrates in any form", "exclusion").shown == \
        "You use nitrates in any form during the study"


def test_an_illness_allowed_keeps_the_record_words():
    # not "You may have hepatitis now" (a permission, not a state) nor "during the study"
    assert "during the study" not in explain_item("Concurrent hepatitis allowed", "inclusion").shown


# --------------------------------------------------------------------------- 3. a gloss before a word that says it

@pytest.mark.parametrize("text, stacked, kept", [
    ("renal failure (GFR< 30 mL/min) or under dialysis therapy",            # NCT03230123
     "(kidney machine treatment) treatment", "dialysis treatment"),
    ("Current or documented history of positive PPD skin test.",            # NCT00000638
     "(a tuberculosis skin test) skin", "PPD skin test"),
    ("Patients must have FIGO stage III and IV disease",                     # NCT00001272
     "stages) stage", "FIGO stage III"),
    ("Are pregnant and are not taking EFV as part of their HAART regimen.",  # NCT00001097
     "(combination HIV treatment) treatment", "HAART treatment plan"),
    ("contraindications for the MRI scan (particularly metal splinters, ferromagnetic devices and implants)",  # NCT04409977
     "(a body scan using magnets) scan", "MRI scan (particularly metal"),
])
def test_no_gloss_before_a_word_that_says_it(text, stacked, kept):
    shown, glossary = rewrite(text, "inclusion")
    assert stacked not in shown
    assert kept in shown
    assert glossary   # the term is still explained, in the glossary


def test_a_gloss_before_another_word_stays():
    assert "CT scan (a type of X-ray scan)" in rewrite("Prior CT scan")[0]
    assert "HIV (the virus that causes AIDS) that" in rewrite("Other condition than HIV that would reduce survival")[0]


def test_the_records_own_bracket_before_its_word_stays():
    # the record's bracket, though the lexicon has the same words as a meaning: not the rewriter's to take out
    text = "Under dialysis (kidney machine treatment) treatment"
    assert "(kidney machine treatment) treatment" in rewrite(text)[0]
