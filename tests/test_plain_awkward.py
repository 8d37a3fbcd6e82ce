"""Rewrites a patient stumbled on (corpus items, ../shared/data/ctgov): each case is the general pattern behind one
reported string, with the record it was found in."""

from __future__ import annotations

import pytest

from plain_support import shown


@pytest.mark.parametrize("text,expected", [
    # a word saying which medicines: not "forbidden other medicines you take" (NCT04066023, NCT05486312, NCT06136936)
    ("Use of any prohibited concomitant medications within 30 days of screening",
     "Use of any forbidden medicines within 30 days of screening"),
    ("Currently needs or will likely require prohibited concomitant medications.",
     "You now need or will likely need forbidden medicines."),
    ("Requiring any of the excluded concomitant medications.", "Needing any of the excluded medicines."),   # NCT00000644
    ("Active opportunistic infection requiring treatment with an excluded concomitant medication.",
     "Active opportunistic infection needing treatment with an excluded medicine."),   # NCT00000653
    # "the" names them: not "The other medicines you take listed as exclusion criteria" (NCT03813992)
    ("The concomitant medications listed as exclusion criteria apply to the extension phase.",
     "The other medicines listed as exclusion criteria apply to the extension phase."),
])
def test_medicines_a_word_describes_are_not_other_medicines_you_take(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize("text,section,expected", [
    # a lack of response is had as a history, not had (NCT00656188, NCT00657033: "You have had unresponsiveness to …")
    ("History of unresponsiveness to sildenafil", "inclusion", "You have a history of unresponsiveness to sildenafil"),
    ("Subjects with a history of unresponsiveness to any PDE 5 Inhibitor treatment due to lack of efficacy",
     "exclusion", "You have a history of unresponsiveness to any PDE 5 Inhibitor treatment due to lack of efficacy"),
    # "recent history" is not "had a recent history" (NCT00496847, NCT00090376, NCT01348880)
    ("Recent history of smoking more than 20 cigarettes/day", "exclusion",
     "You have a recent history of smoking more than 20 cigarettes/day"),
    ("Recent history, within 6 months before screening, of drug or alcohol abuse.", "exclusion",
     "You have a recent history, within 6 months before screening, of drug or alcohol misuse."),
    ("No recent history of cardiac ischemia", "inclusion", "You have no recent history of reduced blood flow to the heart"),
    # the window rule still puts a thing had in the past; an illness that resists treatment is still had (NCT00002984)
    ("Recent stroke", "exclusion", "You have had a recent stroke"),
    ("No history of refractory heart failure", "inclusion", "You have never had treatment-resistant heart failure"),
])
def test_a_history_is_not_said_as_had(text, section, expected):
    assert shown(text, section) == expected


def test_a_list_letter_is_not_cut_off_as_a_sentence():
    """"(c) Positive serum …" read "(c). Positive …" (NCT00000708): the cut before "Positive" took the letter of the
    next list item as the end of a sentence."""
    text = ("(a) Positive CSF India ink examination, (b) Culture or biopsy evidence of extraneural cryptococcal "
            "infection, (c) Positive serum or CSF cryptococcal antigen test")
    got = shown(text, "inclusion")
    assert "(c) Positive blood or CSF" in got and "(c)." not in got
    # a bracket closing after a capital letter is no list mark: the PDQ line still ends there (NCT00003326, NCT00006241)
    assert shown("Other: No allergy to drugs containing Cremophor (teniposide, cyclosporine, or vitamin K) No invasive "
                 "cancers within 5 years", "inclusion") == ("Other: You have no allergy to drugs containing Cremophor "
                                                            "(teniposide, cyclosporine, or vitamin K). You have had no "
                                                            "invasive cancers within 5 years")


@pytest.mark.parametrize("text,expected", [
    # PT beside PTT was left bare, so "PT, PTT (a blood clotting test)" read as if only PTT were one (NCT00462124)
    ("Normal values of the PT, PTT and INR tests.", "Normal values of the PT, PTT and INR tests (blood clotting tests)."),
    ("PT and PTT normal", "PT and PTT (blood clotting tests) normal"),
    ("Abnormal PT, PTT, or platelet count less than 50.",
     "Abnormal PT, PTT (blood clotting tests), or platelet count (clotting cells) less than 50."),
    # "PT INR" is one test's name; "PT" without a clotting test beside it is not this one (physical therapy)
    ("PT INR at most 1.3", "PT INR (a blood clotting test) at most 1.3"),
    ("Patients needing PT or OT", "You need PT or OT"),
])
def test_prothrombin_time_is_explained_beside_the_other_clotting_tests(text, expected):
    assert shown(text, "inclusion" if "needing" not in text else "exclusion") == expected


def test_a_myocardial_infarct_is_a_heart_attack():
    """"myocardial infarct" (without "-ion") was only half replaced: "prior heart muscle infarct" (NCT00000679, 7 items)."""
    assert shown("Coronary insufficiency, acute myocardial infarct in the previous 6 month") == \
        "Coronary insufficiency, acute heart attack in the previous 6 month"


@pytest.mark.parametrize("text,expected", [
    # "You have (had) no use of …" (NCT00001284, NCT01106118, NCT00002855, NCT00006399)
    ("No use of psychotropic substances in the last 3 months.", "You have not used psychotropic substances in the last 3 months."),
    ("No use of any anticoagulant within 1 month of study entry.",
     "You have not used any blood thinner within 1 month of study entry."),
    ("No regular use of antacid or H2 blockers", "You do not regularly use antacid or H2 blockers"),
    ("No use of Hormone Replacement Therapy for at least one year",
     "You have not used Hormone Replacement Treatment for at least one year"),
    # (a time in another clause is not this one's: NCT05365607)
    ("no use of vitamin supplements, or willing to stop 1 month prior to the visit;",
     "You do not use vitamin supplements, or willing to stop 1 month before the visit;"),
])
def test_no_use_of_is_said_with_a_verb(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # after a longer list's item with no bracket, the pair's shared bracket said "both" (a bare plural would seem to take
    # in the complete blood count, or the erythropoietin): was "PT (a blood clotting test), PTT (a blood clotting
    # test)", the meaning said twice (NCT00001887)
    ("Normal complete blood count, PT, PTT, and blood electrolytes.",
     "Normal complete blood count, PT, PTT (both blood clotting tests), and blood electrolytes."),
    ("Recombinant erythropoietin, G-CSF, or GM-CSF.",
     "Recombinant erythropoietin, G-CSF, or GM-CSF (both medicines that boost white blood cells)."),
])
def test_a_pair_after_a_longer_list_says_its_meaning_once(text, expected):
    assert shown(text, "inclusion") == expected
