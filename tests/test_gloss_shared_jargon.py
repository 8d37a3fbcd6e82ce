"""A jargon term and the name beside it with one meaning say it once, as two abbreviations do.

"BUN (a kidney blood test) and creatinine (a kidney blood test)" (11 shown items in the corpus) said the gloss twice:
the jargon's own bracket ("creatinine (a kidney blood test)") never shared the pair's bracket that "PT, PTT (both blood
clotting tests)" and "AST and ALT (liver enzymes)" use. Every name stays in the text and the glossary explains each."""

import pytest

from server.explain import explain_text
from server.gloss import gloss


@pytest.mark.parametrize("text, said", [
    # an abbreviation, then the jargon
    ("BUN and creatinine within normal limits", "BUN and creatinine (kidney blood tests) within normal limits"),
    ("Kidney: BUN or creatinine less than 1.5 times normal",
     "Kidney: BUN or creatinine (kidney blood tests) less than 1.5 times normal"),
    # the jargon, then an abbreviation, and two jargon terms
    ("Creatinine and BUN within 2.5 times normal", "Creatinine and BUN (kidney blood tests) within 2.5 times normal"),
    ("Aspartate aminotransferase and alanine aminotransferase normal",
     "Aspartate aminotransferase and alanine aminotransferase (liver enzymes) normal"),
    # after a longer list's unbracketed item, "both" keeps that item out of the pair
    ("Baseline albumin, glucose, creatinine, BUN and electrolytes normal",
     "Baseline albumin, glucose, creatinine, BUN (both kidney blood tests) and electrolytes normal"),
])
def test_a_pair_with_a_jargon_term_says_its_gloss_once(text, said):
    shown, glossary = gloss(text)
    assert shown == said
    assert len(glossary) >= 2


@pytest.mark.parametrize("text, said", [
    # the text's own short name stays in its bracket: nothing is shared that would take "ALT" out
    ("Alanine aminotransferase (ALT) and aspartate aminotransferase normal",
     "Alanine aminotransferase (ALT, a liver enzyme) and aspartate aminotransferase (a liver enzyme) normal"),
    # not a pair: something else between the two names
    ("BUN normal and creatinine less than 2", "BUN (a kidney blood test) normal and creatinine (a kidney blood test) "
     "less than 2"),
])
def test_a_gloss_is_not_shared_where_it_would_drop_a_word_or_join_two_rules(text, said):
    assert gloss(text)[0] == said


def test_explain_shows_the_pair_with_every_figure():
    item = explain_text("Inclusion Criteria:\n\n* BUN and creatinine less than 1.5 times the upper limit of normal"
                        ).items()[0]
    assert item.rewritten and not item.losses
    assert item.shown == "BUN and creatinine (kidney blood tests) less than 1.5 times the upper limit of normal"
