"""Round 10: everyday words no longer glossed; every section has a test that fails on the code before its fix, and
tests that guard what the fix must not change."""

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
