"""Rough edges reviewers found in shown rewrites: a "Now …" label, "or be likely to", an "Exclude …" instruction,
the study's "investigators" as the people an item is about, and "You have concurrent use of X"."""

import pytest
from plain_support import bundled_item, shown

from server.explain import explain_item


# --------------------------------------------------------------------------- "currently" at a statement's start

def test_currently_severe_illness_lead_in_is_addressed_not_now():
    """NCT07635758: "Currently severe illness, including:" was shown as "Now severe illness, including:"."""
    e = bundled_item("NCT07635758", "Currently severe illness")
    assert e.shown == "You now have severe illness, including:"
    assert e.children[0].shown.startswith("You have severe heart failure")


@pytest.mark.parametrize("text", ["Currently a prisoner;", "Currently on vitamin C", "Currently Smoking",
                                  "Currently in prison"])
def test_currently_left_as_written_where_no_one_is_addressed(text):
    """"Now a prisoner", "Now on vitamin C": "now" opening a statement with no "you" reads as nonsense;
    "currently" stays where the item is not turned into "You …" (not glossed: a word every reader knows, review
    round 8 N5)."""
    e = explain_item(text, "exclusion")
    assert e.shown == text
    assert not any(g["term"].lower() == "currently" for g in e.glossary)


def test_currently_mid_sentence_still_said_as_now():
    assert "not now needing drug treatment" in shown(
        "History of seizure (except secondary epilepsy not currently requiring drug treatment)")


def test_or_be_likely_to_takes_are_with_you():
    """NCT00205894: was "Now need, or be likely to need, MRI …"."""
    assert shown("Currently require, or be likely to require, MRI or diathermy.") == \
        "You now need, or are likely to need, MRI (a body scan using magnets) or diathermy."
    assert shown("Currently receives, or be expected to receive, chemotherapy") == \
        "You now receive, or are expected to receive, chemo"


# --------------------------------------------------------------------------- "Exclude …" in an exclusion list

def test_leading_exclude_is_dropped_in_an_exclusion_list():
    """NCT06495437: "Exclude intracranial lesions and early lung tumors;" read as an instruction to the reader."""
    assert bundled_item("NCT06495437", "Exclude intracranial").shown == "Intracranial lesions and early lung tumors;"
    assert shown("Exclude mucosal changes such as vocal nodules or polyps.") == \
        "Mucosal changes such as vocal nodules or polyps."
    assert shown("Exclude patients with active hepatitis B") == "You have active hepatitis B"


@pytest.mark.parametrize("text,section", [
    ("Exclude hemophiliacs.", "exclusion"),                  # a group of people, not a condition
    ("Exclude if B12 less than 100 pg/ml", "exclusion"),     # "If B12 …" would lead
    ("Exclude intracranial lesions", "inclusion"),           # not under "You cannot join if…"
])
def test_exclude_kept_where_dropping_it_would_not_leave_a_condition(text, section):
    assert explain_item(text, section).shown.startswith("Exclude")


# --------------------------------------------------------------------------- the study's investigators

def test_investigators_the_item_is_about_are_not_called_study_doctors():
    """NCT06495437's "Clinical investigators who have participated in drugs within 3 months" (people who took part
    in other drug trials) was shown as "Clinical study doctors who have participated in drugs …"."""
    e = bundled_item("NCT06495437", "Used stem cell")
    assert "Clinical investigators who have participated in drugs within 3 months" in e.shown
    assert "study doctors" not in e.shown
    assert shown("Investigators, site personnel directly affiliated with this study, and their immediate families.") \
        .startswith("Investigators, site personnel")
    g = explain_item("Clinical investigators who have participated in drugs", "exclusion").glossary
    assert g == []   # nor glossed "the doctors or researchers who run the study" (review round 8 N4)


@pytest.mark.parametrize("text,expected", [
    ("The investigator judges that there are any patients with conditions that endanger safety",
     "The study doctor judges that"),
    ("The investigator or the local radiologist must exclude evidence of tumour", "The study doctor or the local"),
    ("Investigators believe that any other serious disease may affect the study", "Study doctors believe"),
    ("Judged by the investigator to be in impending respiratory failure.", "Judged by the study doctor"),
])
def test_the_investigator_who_judges_is_still_the_study_doctor(text, expected):
    assert shown(text).startswith(expected)


# --------------------------------------------------------------------------- "concurrent use of X"

@pytest.mark.parametrize("text,section,expected", [
    ("Concurrent use of nitrates in any form", "exclusion", "You use nitrates in any form during the study"),
    ("Concurrent use of the anticoagulant warfarin (Coumadin) and heparin.", "exclusion",
     "You use the blood thinner warfarin (Coumadin) and heparin during the study."),
    ("Concomitant use of rifabutin and/or rifampin.", "exclusion", "You use rifabutin and/or rifampin during the study."),
    ("No concurrent use of terfenadine, astemizole, omeprazole, or cisapride", "inclusion",
     "You do not use terfenadine, astemizole, omeprazole, or cisapride during the study"),
    ("No concurrent use of beta adrenergic blocking agents.", "inclusion",
     "You take no beta adrenergic blocking agents during the study."),
    ("No concurrent use of any other investigational medications", "inclusion",
     "You do not use any other experimental medicines during the study"),
    ("Must not have concomitant use of aminoglycoside or other nephrotoxic agent.", "unplaced",
     "You must not use aminoglycoside or other kidney-damaging agent during the study."),
    ("Patient may not have any concurrent use of other investigational agents", "exclusion",
     "You may not use any other experimental drugs during the study"),
])
def test_concurrent_use_said_with_a_verb(text, section, expected):
    assert shown(text, section) == expected


@pytest.mark.parametrize("text,section", [
    # "at the same time" at the end would take the scope of the exception, the clause or the time
    ("Concurrent use of systemic corticosteroids, except for physiologic replacement.", "exclusion"),
    ("Concurrent use of antibiotics that interfere with neuromuscular transmission", "exclusion"),
    ("No concurrent use of other medications during study", "inclusion"),
    ("No concurrent use of a sunbed or exposure to strong sunlight", "inclusion"),
    ("Concurrent use of steroids (except inhaled)", "exclusion"),   # a limit in brackets
])
def test_concurrent_use_of_more_than_a_few_words_is_not_you_have_concurrent_use(text, section):
    got = explain_item(text, section).shown
    assert "oncurrent use of" in got and not got.startswith("You have")
