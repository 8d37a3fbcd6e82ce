"""A glossary replacement is fitted to its sentence in the glossary's small letters, then given its case:
a Title Case term reads as the same term in small letters does (fit2)."""

import pytest

from server.gloss import gloss


@pytest.mark.parametrize("text, shown", [
    ("Severe Hypotension", "Severely low blood pressure"),          # was "Severe Low blood pressure"
    ("Moderate Neutropenia", "Moderately low neutrophil count"),    # was "Moderate Low neutrophil count"
    ("Forbidden Concomitant medications", "Forbidden medicines"),   # was "Forbidden Other medicines you take"
    ("No Serious Comorbidities", "No Serious health conditions"),   # was "No Serious Other health conditions"
    ("Patients with Severe Hypotension", "Patients with Severely low blood pressure"),
])
def test_title_case_term_fits_like_small_letters(text, shown):
    assert gloss(text)[0] == shown


@pytest.mark.parametrize("text, shown", [
    ("severe hypotension", "severely low blood pressure"),
    ("forbidden concomitant medications", "forbidden medicines"),
    ("Concomitant medications are allowed", "Other medicines you take are allowed"),   # a sentence start keeps its capital
    ("Investigator", "Study doctor"),
    ("Hepatic Cirrhosis", "Liver scarring"),
    # not joined to the word before, but after a describing word whose capital is the sentence's: small letters
    # (plain9; was "Untreated Low sex hormones")
    ("Untreated Hypogonadism", "Untreated low sex hormones"),
])
def test_case_unchanged_elsewhere(text, shown):
    assert gloss(text)[0] == shown
