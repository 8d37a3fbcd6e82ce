"""Two abbreviations side by side with one meaning say it once for both, also where the meaning is "a type of …".

"IgG (a type of antibody) or IgA (a type of antibody) multiple myeloma" (NCT00006184, 11 shown items in the corpus
alike, and "CD4 (a type of immune cell) and CD8 (a type of immune cell)") repeated the gloss: "a type of antibody"
had no plural the pair's bracket could take. Every term stays in the text, and the glossary still explains each."""

import pytest

from server.explain import explain_text
from server.fitting import _plural
from server.gloss import gloss


@pytest.mark.parametrize("meaning, plural", [
    ("a type of antibody", "types of antibody"),
    ("a type of immune cell", "types of immune cell"),
    ("a scan of blood vessels", "scans of blood vessels"),
    ("a protein on B cells", "proteins on B cells"),
    ("a liver enzyme", "liver enzymes"),
    # no safe plural: a second article, a comment after the meaning, an irregular noun
    ("a lab test for a virus", None),
    ("a score of disability in daily life; lower is better", None),
    ("a virus of immune cells", None),
])
def test_a_meaning_naming_a_kind_of_thing_has_a_plural(meaning, plural):
    assert _plural(meaning) == plural


@pytest.mark.parametrize("text, said", [
    ("IgG or IgA multiple myeloma", "IgG or IgA (types of antibody) multiple myeloma"),
    ("Normal CD4 and CD8 T cell numbers", "Normal CD4 and CD8 (types of immune cell) T cell numbers"),
    # after a longer list's unbracketed item, "both" keeps that item out of the group, as "PT, PTT (both blood
    # clotting tests)" does
    ("Normal complete blood count, IgM, IgA, and electrolytes",
     "Normal complete blood count, IgM, IgA (both types of antibody), and electrolytes"),
    # a third name joins the pair's bracket
    ("Normal IgM, IgA and IgG", "Normal IgM, IgA and IgG (types of antibody)"),
])
def test_a_pair_sharing_a_kind_says_it_once(text, said):
    shown, glossary = gloss(text)
    assert shown == said
    assert shown.count("antibod") + shown.count("immune cell") == 1
    names = [w for w in ("IgG", "IgM", "IgA", "CD4", "CD8") if w in text]
    assert all(w in shown for w in names)   # no term dropped
    assert set(names) <= {g["term"] for g in glossary}   # each still explained in the glossary


def test_nct00006184_is_explained_with_the_gloss_once():
    item = explain_text("Inclusion Criteria:\n\n* Patients with IgG or IgA multiple myeloma.").inclusion[0]
    assert item.shown == "You have IgG or IgA (types of antibody) multiple myeloma."
    assert item.rewritten
