"""Review round 18, the leftovers: "oral" glossed "taken by mouth" beside more mouth words, a removal that reads as
removing the next thing too, lexicon swaps inside names the item gives, chained limits ("90≤ sitSBP < 140 mmHg") said
half in words and shown at a glance without one bound, glossary entries labelled with a whole phrase, the consent gloss
saying "to take part" twice, and a negated line run on after a hepatitis letter."""
from plain_support import shown

from server.explain import explain_item
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


# --- #7: a removal before another thing that can be removed ------------------------------------------------------

def test_a_removal_is_kept_before_another_removable_thing():
    """NCT00734604 "history of radical prostatectomy or penile implant" read "You have had surgery to remove the whole
    prostate or penile implant", the removal of either (4 items)."""
    got = shown("Have history of radical prostatectomy or penile implant.")
    assert "remove the whole prostate or penile" not in got and "radical prostatectomy or penile implant" in got
    assert [g["term"] for g in explain_item("Radical prostatectomy or penile implant", "exclusion").glossary] == \
        ["Radical prostatectomy"]
    # before a procedure it reads right
    assert "surgery to remove the whole prostate or radical pelvic surgery" in \
        shown("Has a history of spinal cord injury or a radical prostatectomy or radical pelvic surgery.")
    assert "surgery to remove the whole prostate and bilateral lymph node dissection" in \
        shown("Patients with a history of radical prostatectomy and bilateral lymph node dissection")


# --- #9: lexicon swaps inside a name or a fixed phrase ---------------------------------------------------------

def test_a_name_the_item_gives_is_kept():
    """NCT00734604: "Heart attack, also known as a myocardial infarction (MI)" read "… also known as a heart attack
    (MI)"; "(called unstable angina or angina)" read "(called unstable chest pain from the heart or angina)"."""
    got = shown("Have had any of the following in the past 90 days: Heart attack, also known as a myocardial "
                "infarction (MI); Heart failure")
    assert "also known as a myocardial infarction (MI)" in got
    assert "(called unstable angina or angina)" in shown("Have chest pain (called unstable angina or angina) that "
                                                          "requires treatment.")
    assert "heart attack" in shown("History of myocardial infarction")
