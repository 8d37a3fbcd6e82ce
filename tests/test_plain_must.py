"""Requirements said with "must" under exclusions, "must" said of a finding, articles before a singular illness, and
lexicon replacements that chained or split a word (all items are real corpus items, NCT ids given)."""

from __future__ import annotations

from plain_support import shown

from server.explain import explain_text
from server.grammar import tidy_grammar
from server.worded import WORDED_NOTE, said_with_must


def _exclusions(*items: str) -> dict[str, tuple[str, bool]]:
    """Each exclusion item's shown text and its worded_as_requirement mark."""
    criteria = "Exclusion Criteria:\n\n" + "".join(f"* {t}\n" for t in items)
    return {e["original"]: (e["shown"], e["worded_as_requirement"]) for e in explain_text(criteria).to_dict()["exclusion"]}


# --- "Must …" under "You cannot join if…" keeps the record's wording ------------------------------------------------

def test_must_exclusions_keep_the_records_wording_in_plain_words_and_stay_marked():
    """NCT00210678 "Must have erectile dysfunction" read "You must have erection problems" under "You cannot join if…":
    an instruction the heading contradicts. It keeps the record's wording (plain words still), and the note beside it."""
    got = _exclusions(
        "Must have erectile dysfunction",                                                        # NCT00210678
        "Female patients must be of non-childbearing potential or using adequate contraception "
        "with a negative pregnancy test at study entry",                                         # NCT00003820
        "Patients must have some control of bladder function; patients with NCI grade 3 incontinence are not "
        "eligible",                                                                              # NCT00003167
        "Patient must be re-registered < 35 days after surgery.",                                # NCT00002525
    )
    assert got == {
        "Must have erectile dysfunction": ("Must have erection problems", True),
        "Female patients must be of non-childbearing potential or using adequate contraception with a negative "
        "pregnancy test at study entry": ("Female patients must be of non-childbearing potential or using good enough "
                                          "birth control with a negative pregnancy test at study entry", True),
        "Patients must have some control of bladder function; patients with NCI grade 3 incontinence are not "
        "eligible": ("Patients must have some control of bladder function. Patients with NCI (US National Cancer "
                     "Institute) grade 3 incontinence are not eligible", True),
        "Patient must be re-registered < 35 days after surgery.":
            ("Patient must be re-registered less than 35 days after surgery.", True),
    }
    assert WORDED_NOTE.startswith("The record lists this under reasons you cannot join")


def test_must_items_are_still_addressed_under_inclusion_and_in_a_later_clause():
    """Inclusion items are unchanged; an exclusion whose rule is not "must" keeps its later "must" clause addressed
    (NCT00496340: the instruction that follows the rule is the reader's)."""
    assert shown("Must have erectile dysfunction", "inclusion") == "You must have erection problems"
    assert shown("Female patients must be of non-childbearing potential", "inclusion") == \
        "As a woman, you must be of non-childbearing potential"
    item = ("Current use of metronidazole or acetaminophen; patients must discontinue use of these agents at least 7 "
            "days prior to the start of Busulfex administration")
    assert _exclusions(item)[item] == ("You now use metronidazole or acetaminophen. You must stop use of these agents "
                                       "at least 7 days before the start of Busulfex administration", False)
    assert said_with_must("Lactating females: All patients must practice adequate birth control")
    assert not said_with_must("Patients must not have received prior chemotherapy")


# --- "must be ruled out/confirmed/signed …": said of a finding, not of the reader -----------------------------------

def test_must_said_of_a_finding_is_not_addressed_to_the_reader():
    """NCT00002189 read "You must be ruled out by thorough work-up in patients with …": what is ruled out is an
    infection, not the reader. So for a consent form (NCT00002298), a diagnosis (NCT00003593), a test result
    (NCT05798663), an excised tumour (NCT00003404), a cancer's origin (NCT00005052)."""
    item = ("Must be ruled out by thorough work-up in patients with unexplained fevers, night sweats, or involuntary "
            "weight loss of more than 10% normal body weight.")
    for section in ("inclusion", "exclusion"):
        assert not shown(item, section).startswith("You")
    assert shown("Must be signed before randomization to treatment.", "inclusion") == \
        "Must be signed before randomization to treatment."
    assert shown("Must be confirmed by bone marrow aspirate, cerebrospinal fluid exam, or blood test", "inclusion") \
        == "Must be confirmed by bone marrow aspirate, cerebrospinal fluid exam, or blood test"
    assert shown("Positive Epstein-Barr virus (EBV) viral capsid antigen immunoglobulin M (IgM) test at screening; "
                 "should be confirmed with PCR testing.").endswith(
        ". Should be confirmed with PCR (a lab test that finds genetic material) testing.")
    assert shown("Must have been excised with breast-conserving resection and no positive margins", "inclusion") == \
        "Must have been excised with breast-conserving surgical removal and no positive margins"
    assert shown("Must originate in the skin", "inclusion") == "Must originate in the skin"


def test_must_of_the_reader_is_still_addressed():
    assert shown("Must be registered on POG-9900 in past 8 days", "inclusion") == \
        "You must be registered on POG-9900 in past 8 days"
    assert shown("Must be able to give informed consent.", "inclusion").startswith("You must be able to give")
    assert shown("Must be recovered from prior surgery", "inclusion") == "You must be recovered from prior surgery"


# --- "a"/"an" before one singular illness, event or allergy ----------------------------------------------------------

def test_one_illness_event_or_allergy_takes_an_article():
    """NCT00497107 read "You have had serious drug allergy"."""
    assert shown("Patient with a history of serious drug allergy") == "You have had a serious drug allergy"
    assert shown("History of serious intestinal bleeding disorder within the past year") == \
        "You have had a serious intestinal bleeding disorder within the past year"            # NCT00351065
    assert shown("History of significant cardiac conduction defect within 90 days of baseline visit.") == \
        "You have had a significant heart conduction defect within 90 days of baseline visit."  # NCT00142506
    assert shown("Serious medical illness likely to interfere with study participation").startswith(
        "You have a serious medical illness likely to")                                        # NCT03764280
    assert shown("Previous inguinal operation") == "You have had an inguinal operation"        # NCT00492804
    assert tidy_grammar("You have never had severe allergic reaction to eggs") == \
        "You have never had a severe allergic reaction to eggs"                               # NCT00004075
    assert tidy_grammar("You must have ability to tolerate oral medicines.") == \
        "You must have the ability to tolerate oral medicines."                               # NCT00001542


def test_no_article_where_the_noun_reads_bare_or_the_phrase_goes_on():
    """Uncountable treatments and illness names take none; nor a noun that is not the end of its phrase ("peptic
    ulcer disease", "immunotherapy including tumor vaccines": NCT00003641 read "You have had an immunotherapy …")."""
    assert shown("Prior chemotherapy") == "You have had chemo"
    assert tidy_grammar("You have had heart failure") == "You have had heart failure"
    assert tidy_grammar("You have had back surgery") == "You have had back surgery"
    assert tidy_grammar("You have active peptic ulcer disease") == "You have active peptic ulcer disease"
    assert shown("Prior immunotherapy including tumor vaccines, interferon, interleukins, levamisole, or other biologic "
                 "response modifiers for melanoma").startswith("You have had immunotherapy including tumor vaccines")
    assert tidy_grammar("You have decreased immune system functioning") == "You have decreased immune system functioning"
    assert tidy_grammar("You have infections or septic condition") == "You have infections or septic condition"


# --- lexicon replacements beside each other --------------------------------------------------------------------------

def test_the_second_half_of_a_split_word_is_kept():
    """"Pre- and postmenopausal women" read "Pre- and women past menopause" (NCT02513394), "hypo- or hypertension"
    "hypo- or high blood pressure" (NCT00862888), "chemo- or radiotherapy" "chemo- or radiation treatment"
    (NCT00497315): the first half was left without its word."""
    assert shown("Pre- and postmenopausal women or men with Stage II", "inclusion") == \
        "Pre- and postmenopausal women or men with Stage II"
    assert shown("Males suffering from treated or untreated hypo- or hypertension") == \
        "Males suffering from treated or untreated hypo- or hypertension"
    assert shown("previous chemo- or radiotherapy for NSCLC").startswith("You have had chemo- or radiotherapy for NSCLC")


def test_vessel_terms_side_by_side_do_not_chain_or_repeat():
    """"cardiovascular and cerebrovascular" would be "heart and blood vessel and brain blood vessel" (it read
    "cardiovascular and brain blood vessel", half replaced: NCT06480136), "vascular and cerebrovascular" "blood vessel
    and brain blood vessel": both kept as written, each in the glossary."""
    e = explain_text("Exclusion Criteria:\n\n* Have serious cardiovascular and cerebrovascular diseases;\n").exclusion[0]
    assert e.shown == "You have serious cardiovascular and cerebrovascular diseases;"
    assert [g["term"] for g in e.glossary] == ["cardiovascular", "cerebrovascular"]
    assert shown("A history of cardiovascular or cerebrovascular disease") == \
        "A history of cardiovascular or cerebrovascular disease"                          # NCT03814226
    assert shown("Vascular and cerebrovascular disease") == "Vascular and cerebrovascular disease"
    assert shown("Significant neurologic/psychiatric disorders") == \
        "You have significant neurologic/mental health disorders"                        # NCT00461344


def test_replacements_that_read_side_by_side_are_still_made():
    assert shown("Hypertension or hypotension") == "High blood pressure or low blood pressure"
    assert shown("cerebrovascular or peripheral vascular disease") == \
        "Brain blood vessel or peripheral blood vessel disease"
    assert shown("cardiac or vascular disease") == "Heart or blood vessel disease"
    assert shown("cardiovascular disease and cerebrovascular disease") == \
        "Heart and blood vessel disease and brain blood vessel disease"
