"""Review round 10a, sections G, F, D10 and E13: examples cut off into a lone "For example, …" sentence, grammar
slips in replacements, a trial's own abbreviation sense, a pregnancy test missed by the glance. Each test fails on
the code before its fix and asserts the exact shown text."""

from server.explain import explain_text


def _shown(text: str) -> list[str]:
    return [e.shown for e in explain_text(text).items()]


def test_examples_stay_attached_to_a_negated_rule():
    """NCT00003509, NCT00006379: "No severe lung disease, such as chronic obstructive pulmonary disease" was shown as
    "You have no severe lung disease. For example, chronic obstructive pulmonary disease": the lone example reads as
    a statement of its own (869 items)."""
    assert _shown("Inclusion Criteria\n\n"
                  "  -  No severe lung disease, such as chronic obstructive pulmonary disease\n"
                  "  -  No clinically significant comorbid illnesses (e.g., myocardial infarction or cerebrovascular "
                  "accident)\n"
                  "  -  No evidence of extensive disease (i.e., contralateral lung or contralateral supraclavicular "
                  "nodes)\n") == [
        "You have no severe lung disease, such as chronic obstructive pulmonary disease",
        "You have no medically important comorbid illnesses (such as heart attack or stroke)",
        "You have no signs of extensive disease (that is, contralateral lung or contralateral supraclavicular nodes)",
    ]


def test_an_including_list_still_gets_its_own_sentence() -> None:
    """What the fix keeps: "This includes …" is a whole sentence, so that split stays."""
    assert _shown("Inclusion Criteria\n\n  -  Any cancer, including breast cancer and lung cancer.\n") == \
        ["Any cancer. This includes breast cancer and lung cancer."]


def test_an_and_replacement_is_not_used_beside_a_list():
    """NCT01274923: "neurological" -> "nerve and brain" beside the list's "or" read "Non- hormonal, nerve and brain or
    psychological pathology" (353 items); kept as written there, still replaced on its own."""
    assert _shown("Exclusion Criteria\n\n  -  Non- hormonal, neurological or psychological pathology\n"
                  "  -  Neurological disease\n") == \
        ["Non- hormonal, neurological or psychological pathology", "You have nerve and brain disease"]


def test_replacements_that_read_wrongly_next_to_their_words():
    """Section F: "participation" after "Current", "protocol investigators", "preclude subject …", "terminated from",
    "Pediatric ANLL patients", a lone "(e.g., hemorrhagic)", a describing word after "there is"."""
    assert _shown("Exclusion Criteria\n\n"
                  "  -  1. Current participation in any clinical study with any investigational drug or device.\n"
                  "  -  No concurrent investigational agents unless approved by protocol investigators\n"
                  "  -  Any condition which would preclude subject compliance with the protocol\n"
                  "  -  Patients who have failed or have terminated from another Syntex ganciclovir study.\n"
                  "  -  Pediatric ANLL patients in CR1 eligible\n"
                  "  -  a severe cerebrovascular accident (CVA) in the last year (e.g., hemorrhagic)\n"
                  "  -  Surgery allowed if there is radiographic evidence of tumor\n") == [
        "1. Current participation in any clinical study with any experimental drug or device.",
        "No concurrent experimental drugs unless approved by protocol study doctors",
        # ("preclude" kept beside the person's compliance; plain22 keeps "compliance" there too: "preclude subject
        # following the study plan" was broken English)
        "Any condition which would preclude subject compliance with the study plan",
        "You have failed or have terminated from another Syntex ganciclovir study.",
        "Pediatric ANLL patients in CR1 eligible",
        "A severe stroke (CVA) in the last year (such as hemorrhagic)",
        "Surgery allowed if there are radiographic signs of tumor",
    ]


def test_the_items_own_words_after_you_have_had():
    """NCT00000845, NCT00497107, NCT06028984: "or history of", "and judged", "(or has been treated for)" left as the
    registry wrote them after "You have (had)"."""
    assert _shown("Exclusion Criteria\n\n"
                  "  -  History of anaphylaxis or history of other serious adverse reactions to vaccines.\n"
                  "  -  Patient with a history of ischemic heart disease and judged to have difficulties to participate "
                  "in this trial\n"
                  "  -  Has a concurrent diagnosis of (or has been treated for) bipolar disorder\n") == [
        "You have had a severe allergic reaction or other serious side effects to vaccines.",
        "You have had ischemic heart disease and are judged to have difficulties to take part in this trial",
        "You have a concurrent diagnosis of (or have been treated for) bipolar disorder",
    ]


def test_an_abbreviations_meaning_is_not_put_inside_a_longer_name():
    """NCT00460759: "corrected QT (a heart rhythm measure) interval", "prolonged QT (a heart rhythm measure)
    syndrome" (52 items); the glossary explains QT."""
    pc = explain_text("Exclusion Criteria\n\n  -  Prolonged corrected QT interval (QTc) greater than 450 ms\n"
                      "  -  History of prolonged QT syndrome\n")
    assert [e.shown for e in pc.items()] == ["Prolonged corrected QT interval (QTc) more than 450 ms",
                                             "You have had prolonged QT syndrome"]
    assert [g["term"] for g in pc.items()[1].glossary] == ["QT"]


def test_an_abbreviation_the_trial_spells_out_otherwise_keeps_the_trials_sense():
    """NCT00006379: the trial writes "first complete remission (CR)"; later items showed "CR (complete response)".
    An abbreviation spelled out as our meaning ("computed tomography (CT)") is still explained elsewhere."""
    pc = explain_text("Inclusion Criteria\n\n  -  High-risk ALL in first complete remission (CR)\n"
                      "  -  Failure to achieve CR after 2 courses\n  -  Abnormal computed tomography (CT) scan\n"
                      "  -  CT of the chest\n")
    assert [e.shown for e in pc.items()] == ["High-risk ALL in first complete remission (CR)",
                                             "Failure to achieve CR after 2 courses",
                                             "Abnormal computed tomography (CT) scan",
                                             "CT (a type of X-ray scan) of the chest"]


def test_a_pregnancy_test_with_a_long_name_is_seen_at_a_glance():
    """NCT00460759: "a negative serum beta-Human Chorionic Gonadatropin (bHCG) pregnancy test" (47 characters
    between) left the glance saying pregnancy was not mentioned; a list joined by "and" still is not read as one."""
    from scrapers.criteria import parse_criteria
    from server.explain import at_a_glance
    said = "Inclusion Criteria:\n\n* Women must have a negative serum beta-Human Chorionic Gonadatropin (bHCG) " \
           "pregnancy test at screening"
    assert at_a_glance(None, parse_criteria(said))["pregnancy_excluded"] is True
    listed = "Inclusion Criteria:\n\n* A negative hepatitis B surface antigen result at screening and a urine pregnancy test"
    assert at_a_glance(None, parse_criteria(listed))["pregnancy_excluded"] is False
