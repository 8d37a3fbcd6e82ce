"""Review round 18, the leftovers: "oral" glossed "taken by mouth" beside more mouth words, a removal that reads as
removing the next thing too, lexicon swaps inside names the item gives, chained limits ("90≤ sitSBP < 140 mmHg") said
half in words and shown at a glance without one bound, glossary entries labelled with a whole phrase, the consent gloss
saying "to take part" twice, and a negated line run on after a hepatitis letter."""
from plain_support import shown

from server.plain import glossary_for


# --- #6: "oral" in the mouth, and the article before such a condition -------------------------------------------

def test_oral_beside_more_mouth_words_is_not_glossed_taken_by_mouth():
    """NCT00001167 "Oral Prosthesis", "oral dryness"; NCT00002167 "oral KS"; NCT00001601 "oral diseases or systemic
    diseases with oral manifestations" (15 items were glossed "Oral: taken by mouth")."""
    for text in ("Oral Prosthesis", "Subjects with complaints of oral dryness", "Patients with oral KS",
                 "Patients with oral diseases or systemic diseases with oral manifestations", "Oral symptoms"):
        assert not [g for g in glossary_for(text) if g["term"].lower() == "oral"], text
    # a route still is
    assert [g for g in glossary_for("Safety for oral feeding") if g["term"].lower() == "oral"]


def test_an_article_before_two_place_words_joined_by_or():
    """NCT01255813 "Subject has active oral or dental abscess." read "You have active oral or dental abscess."."""
    assert shown("Subject has active oral or dental abscess.") == "You have an active oral or dental abscess."
    assert shown("Patients with acute medical or psychiatric illness") == \
        "You have an acute medical or mental health illness"
    # (not before an illness and a kind: "diabetes or kidney abscess" are two things)
    assert shown("Patients with diabetes or renal abscess") == "You have diabetes or kidney abscess"
