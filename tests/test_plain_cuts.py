"""Where a plain-English rewrite may cut an item into sentences: never taking a clause out of the
scope of a "no"/"except" before it. (Readability rules, with test_plain_person.py, test_plain_words.py
and test_plain_grammar.py; every shown rewrite must still pass the fidelity checker.)"""

import pytest
from plain_support import shown

from server.sentences import split_clauses


# --------------------------------------------------------------------------- where an item may be cut

@pytest.mark.parametrize("text,parts", [
    # a clause with its own subject or verb after ";" is a statement of its own
    ("No history of X; must not be pregnant", ["No history of X", "must not be pregnant"]),
    # two measurements
    ("Hemoglobin >= 9 g/dL; platelets >= 100 x 10^9/L",
     ["Hemoglobin >= 9 g/dL", "platelets >= 100 x 10^9/L"]),
    # PDQ lines run together
    ("Hepatic: Bilirubin no greater than 1.5 times upper limit of normal SGOT no greater than 2 times upper limit of normal",
     ["Hepatic: Bilirubin no greater than 1.5 times upper limit of normal", "SGOT no greater than 2 times upper limit of normal"]),
    ("Pulmonary: No significant pulmonary disease No chronic obstructive pulmonary disease",
     ["Pulmonary: No significant pulmonary disease", "No chronic obstructive pulmonary disease"]),
    ("Not pregnant Fertile patients must use contraception", ["Not pregnant", "Fertile patients must use contraception"]),
])
def test_cuts_at_safe_boundaries(text, parts):
    assert split_clauses(text) == parts


@pytest.mark.parametrize("text", [
    # "no" governs every item of the list: cutting would turn "heart attack" into a requirement
    "No history of stroke; heart attack; or seizure",
    "No history of stroke; recent heart attack",
    "No ALT > 3 x ULN; AST > 3 x ULN",
    # a list opened by a colon shares its scope
    "Any of the following: stroke; prior surgery",
    "Patients are excluded if they have: prior chemotherapy; recent surgery",
    # inside brackets
    "Hepatitis (HBsAg positive; HCV antibody positive)",
    # joined by "and"/"or": one statement
    "are a member of a family at NIH; and",
    "Creatinine no greater than 1.5 mg/dL OR creatinine clearance at least 60 mL/min",
    # "mm Hg" is one unit, "OR"/"and/or" and roman numerals do not start statements
    "Uncontrolled hypertension: BP >160 mm Hg systolic or >95 mm Hg diastolic",
    "FEV1 and/or FVC at least 75% predicted",
    "immune thrombocytopenia (ITP) grade III or higher",
    # a capital "No" after a function word is not a new line
    "Patients with No prior therapy",
    # headline case gives no signal
    "History Of Stroke No Prior Surgery Or Radiation",
])
def test_no_cut_where_scope_could_move(text):
    assert split_clauses(text) == [text]


def test_negations_stay_with_their_own_clause():
    out = shown("No history of stroke; must not be pregnant", "inclusion")
    assert out == "You have never had a stroke. You must not be pregnant"
    out = shown("No history of stroke; heart attack; or seizure", "inclusion")
    assert ". " not in out and out.startswith("You have never had a stroke; heart attack; or seizure")
    out = shown("Not pregnant; no prior chemotherapy except hydroxyurea", "inclusion")
    assert out == "You are not pregnant. You have had no chemo except hydroxyurea"


def test_cut_pdq_lab_values_read_as_sentences():
    out = shown("Hepatic: Bilirubin no greater than 1.5 times upper limit of normal SGOT no greater than 2.5 times "
                "upper limit of normal", "inclusion")
    assert out.startswith("Liver: Bilirubin (a liver blood test) at most 1.5 times the upper limit of normal. SGOT")
    assert out.count(". ") == 1
