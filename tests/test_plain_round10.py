"""Round 10: everyday words no longer glossed, and two "had" slips; every section has a test that fails on the code
before its fix, and tests that guard what the fix must not change."""

import pytest
from plain_support import shown

from server.explain import explain_item
from server.plain import glossary_for


def _terms(glossary: list[dict]) -> list[str]:
    return [g["term"].lower() for g in glossary]


# --------------------------------------------------------------------------- everyday words are not glossed

EVERYDAY = ["specified", "prior", "prior to", "previous", "medication", "medications", "required", "require",
            "requires", "requiring", "receiving", "have received", "participate", "participating", "participation",
            "study participation", "additional", "provide", "individual", "individuals", "permitted", "laboratory",
            "examination"]


@pytest.mark.parametrize("text,words", [
    ("Prior chemotherapy: Not specified", ["prior", "specified"]),   # PDQ headings ("Not specified": 6,060 items)
    ("No prior radiotherapy to the pelvis; at least 4 weeks since previous surgery", ["prior", "previous"]),
    ("Stopped all medications prior to enrollment", ["medications", "prior to"]),
    ("Requiring oxygen; a medication that requires dose changes is required", ["requiring", "medication", "requires",
                                                                              "required"]),
    ("Patients receiving steroids who have received an additional laboratory examination", ["receiving",
     "have received", "additional", "laboratory", "examination"]),
    ("Willing to participate and provide a sample; study participation by individuals under 18 is not permitted",
     ["participate", "provide", "study participation", "individuals", "permitted"]),
])
def test_everyday_words_are_not_glossed(text, words):
    """"Specified: stated." (6,060 corpus glossaries), "Prior: earlier, before now." (5,956), "Prior to: before."
    (4,482), "Medication: a medicine.": a word every reader of a patient leaflet knows crowded out the entries that
    help."""
    terms = _terms(glossary_for(text))
    for w in words:
        assert w not in terms


def test_every_everyday_entry_is_unlisted():
    from server.lexicon import load_lexicon
    lex = load_lexicon()
    assert all(not lex.lookup(w).listed for w in EVERYDAY)


@pytest.mark.parametrize("text,said", [
    ("Stopped all medications prior to enrollment", "medicines before"),   # still replaced where a plainer word reads
    ("Patients requiring oxygen", "You need oxygen"),
    ("Willing to participate in the study", "take part"),
])
def test_everyday_words_are_still_replaced(text, said):
    assert said in explain_item(text, "inclusion").shown


def test_medical_and_study_terms_stay_glossed():
    terms = _terms(glossary_for("Prior chemotherapy; concurrent radiotherapy; renal insufficiency; informed consent "
                                "signed; the investigator; physician's letter"))
    assert {"chemotherapy", "concurrent", "radiotherapy", "informed consent", "investigator"} <= set(terms)


# --------------------------------------------------------------------------- "ago" inside an exception

@pytest.mark.parametrize("text,said", [
    ("Has had no prior chemotherapy unless >5 years ago", "You have had no prior chemo unless more than 5 years ago"),
    ("Has had no prior chemotherapy unless it was given >5 years ago for breast cancer or other cancer",
     "You have had no prior chemo unless it was given"),
    ("The subject has had no other diagnosis of malignancy (unless non-melanoma skin cancer, in situ carcinoma of the "
     "cervix, or a malignancy diagnosed ≥5 years ago, with no evidence of disease for 5 years prior to screening for "
     "this study).", "You have had no other diagnosis of cancer (unless"),
    ("Has had no other cancer except one treated 5 years ago", "You have had no other cancer except"),
])
def test_a_time_in_an_exception_does_not_make_the_statement_past(text, said):
    """NCT00493870, NCT00493649, NCT00460278, NCT00491699: "ago" belongs to the exception ("unless >5 years ago"), not
    to the statement; "You had no prior chemo unless …" said the rule was about the past."""
    assert said in shown(text, "inclusion")


@pytest.mark.parametrize("text,said", [
    ("Subjects who have had a kidney transplant 1 year ago or more", "You had a kidney transplant 1 year ago"),
    ("Has had a heart attack (more than 6 months ago)", "You had a heart attack"),
])
def test_a_time_of_the_statement_still_makes_it_past(text, said):
    assert said in shown(text, "inclusion")


# --------------------------------------------------------------------------- "had to be"

@pytest.mark.parametrize("text,said", [
    ("Patients had to be age 18 years or older at written informed consent", "You must be age 18 years or older"),
    ("Had to be age 18 years or older", "You must be age 18 years or older"),
])
def test_had_to_is_a_rule_of_the_trial(text, said):
    """NCT05923281 inclusion 1: "You had to be age 18 years or older" read as a story about the past."""
    assert said in shown(text, "inclusion")
