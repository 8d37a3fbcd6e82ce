"""A name and its abbreviation said together ("aspartate aminotransferase AST", "… [AST]", "AST aspartate
aminotransferase") are one thing: its meaning is said once, not "aspartate aminotransferase (a liver enzyme) AST (a
liver enzyme)". Two things sharing a meaning side by side ("AST, ALT") still share one bracket; both names stay."""

import pytest

from server.gloss import gloss


@pytest.mark.parametrize("text, said", [
    ("aspartate aminotransferase AST 2.5 times ULN",
     "aspartate aminotransferase (a liver enzyme) AST 2.5 times ULN (upper limit of normal)"),
    # NCT00003440's square brackets, and a dash or comma between the two
    ("serum aspartate aminotransferase [AST]) < 2", "aspartate aminotransferase (a liver enzyme) [AST]) < 2"),
    ("alanine aminotransferase - ALT - above 2", "alanine aminotransferase (a liver enzyme) - ALT - above 2"),
    ("aspartate aminotransferase, AST, above 2", "aspartate aminotransferase (a liver enzyme), AST, above 2"),
    # the abbreviation first
    ("AST aspartate aminotransferase above 2", "AST (a liver enzyme) aspartate aminotransferase above 2"),
])
def test_a_name_and_its_abbreviation_are_explained_once(text, said):
    shown, glossary = gloss(text)
    assert shown.endswith(said)
    assert shown.count("liver enzyme") == 1
    # the glossary still explains the abbreviation
    assert ("ALT" if "ALT" in text else "AST") in {g["term"] for g in glossary}


@pytest.mark.parametrize("text, said", [
    ("AST, ALT above 2 times ULN", "AST, ALT (liver enzymes) above 2 times ULN (upper limit of normal)"),
    ("Aspartate aminotransferase (AST) > 2.5 x ULN",
     "Aspartate aminotransferase (AST, a liver enzyme) > 2.5 x ULN (upper limit of normal)"),
    # words between: not said together
    ("aspartate aminotransferase above 2 or AST above 3",
     "aspartate aminotransferase (a liver enzyme) above 2 or AST (a liver enzyme) above 3"),
])
def test_other_pairs_are_said_as_before(text, said):
    assert gloss(text)[0] == said


@pytest.mark.parametrize("text, said", [
    # NCT04691388's pair, and the other orders and joins: one enzyme named twice, its meaning singular
    ("AST and aspartate aminotransferase above 3 times ULN",
     "AST and aspartate aminotransferase (a liver enzyme) above 3 times ULN (upper limit of normal)"),
    ("aspartate aminotransferase and AST above 3", "aspartate aminotransferase and AST (a liver enzyme) above 3"),
    ("aspartate aminotransferase or AST above 3", "aspartate aminotransferase or AST (a liver enzyme) above 3"),
    ("AST/aspartate aminotransferase above 3", "AST/aspartate aminotransferase (a liver enzyme) above 3"),
])
def test_a_name_joined_to_its_own_abbreviation_is_one_thing_in_the_singular(text, said):
    """Before: "AST and aspartate aminotransferase (liver enzymes)", one enzyme said as two."""
    assert gloss(text)[0] == said


def test_two_things_joined_still_share_a_plural():
    assert gloss("ALT and aspartate aminotransferase above 3")[0] == "ALT and aspartate aminotransferase (liver enzymes) above 3"
