"""Review round 18, the leftovers: "oral" glossed "taken by mouth" beside more mouth words, a removal that reads as
removing the next thing too, lexicon swaps inside names the item gives, chained limits ("90≤ sitSBP < 140 mmHg") said
half in words and shown at a glance without one bound, glossary entries labelled with a whole phrase, the consent gloss
saying "to take part" twice, and a negated line run on after a hepatitis letter."""
from plain_support import shown

from scrapers.criteria import parse_criteria
from server.explain import at_a_glance, explain_item
from server.plain import glossary_for
from server.sentences import split_clauses


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


def test_a_scale_section_and_a_diagnosis_code_keep_their_words():
    """"Suicidal Ideation Items" of the C-SSRS read "thoughts of suicide Items" (3 items); "Psychosis NOS" read "loss
    of touch with reality NOS" (4)."""
    assert "Suicidal Ideation Items" in shown('A "yes" response to either item 4 or 5 on the C-SSRS Suicidal Ideation '
                                              "Items within the last 13 weeks")
    assert "Suicidal Ideation section" in shown('Score "yes" on item 4 or item 5 of the Suicidal Ideation section')
    assert "or Psychosis NOS" in shown("Diagnosis of Schizophrenia, Schizoaffective Disorder or Psychosis NOS.")
    assert "thoughts of suicide" in shown("Active suicidal ideation")


def test_seropositive_before_a_noun_is_kept():
    """NCT00001422 "seropositive, symmetric polyarthritis" read "positive on a blood test, symmetric polyarthritis";
    "a seropositive control", "seropositive reference group" likewise (16 items)."""
    assert "seropositive, symmetric polyarthritis" in \
        shown("Clinical diagnosis of rheumatoid arthritis: seropositive, symmetric polyarthritis.")
    assert "seropositive control" in shown("A seropositive control is defined as a healthy person")
    assert shown("Be HIV seropositive and asymptomatic.") == \
        "You are HIV (the virus that causes AIDS) positive on a blood test and symptom-free."


def test_fixed_phrases_keep_their_words():
    """"disease duration" read "You have disease length" (9 items); "independent completion of" read "independent
    finishing"; "made at the discretion of" read "made as decided by" (2); "the safety or compliance of the subject"
    read "… following the study rules of the subject" (40)."""
    assert shown("Disease duration less than 5 years", "inclusion") == "You have disease duration less than 5 years"
    assert "independent completion of" in shown("Unable to comply with study procedures (such as independent "
                                                "completion of electronic diary items)")
    assert "made at the discretion of" in shown("The determination will be made at the discretion of the Team.")
    got = shown("Any condition that would compromise the safety or compliance of the patient")
    assert "compliance of the patient" in got and "following the study rules of" not in got
    assert "eDiary compliance" in shown("At least 90% patient-reported eDiary compliance during the Baseline epoch",
                                        "inclusion")


# --- #11: chained limits ---------------------------------------------------------------------------------------

def test_a_chained_limit_is_kept_as_written():
    """NCT02587988 "90≤ sitSBP < 140 mmHg" read "90≤ sitSBP less than 140 mmHg", half a rule in words; NCT01912586
    "18 < Age < 70" read "18 < Age less than 70" (29 items). A symbol the chain keeps has no bracket after its name."""
    assert shown("90≤ sitSBP < 140 mmHg and 50 ≤ sitDBP < 90 mmHg", "inclusion") == \
        "90≤ sitSBP < 140 mmHg and 50 ≤ sitDBP < 90 mmHg"
    assert shown("18 < Age < 70", "inclusion") == "18 < Age < 70"
    assert shown("25<BMI<35", "inclusion") == "25<BMI<35"
    assert shown("Weight: male ≥ 50 kg, 18 kg/m2 ≤ BMI ≤ 30 kg/m2", "inclusion") == \
        "Weight: male at least 50 kg, 18 kg/m2 ≤ BMI ≤ 30 kg/m2"
    # a limit after a list's comma is no chain: "INR > 1.5, PT > ULN" in words
    assert shown("Coagulation problems (INR> 1.5, PT> ULN +4s or APTT> 1.5 ULN)") == \
        "Coagulation problems (INR more than 1.5, PT more than ULN +4s or APTT more than 1.5 ULN)"


def test_a_chained_limit_is_not_shown_at_a_glance_with_one_bound():
    """NCT02587988 showed "Required: sitDBP less than 90 mmHg" (without 50 ≤ and the systolic range); NCT05208814
    "BMI at most 30 kg/m2" (without 18 ≤); NCT00497120 "AHI less than 20" (without 5 ≤)."""
    for item in ("90≤ sitSBP < 140 mmHg and 50 ≤ sitDBP < 90 mmHg", "18 kg/m2 ≤ BMI ≤ 30 kg/m2",
                 "5 ≤ Apnea Hypopnea Index (AHI) < 20"):
        crit = parse_criteria(f"Inclusion Criteria:\n\n  -  {item}\n  -  Hemoglobin ≥ 9 g/dL\n")
        assert [t["text"] for t in at_a_glance(None, crit)["thresholds"]] == ["Hemoglobin at least 9 g/dL"], item


# --- #12: a glossary entry labelled with the word it explains -----------------------------------------------------

def _glossed(text: str, term: str) -> list[dict]:
    return [g for g in explain_item(text, "exclusion").glossary if g["term"].lower() == term]


def test_a_glossary_entry_is_labelled_with_the_word_it_explains():
    """"pregnant or nursing" was explained under that label as "Nursing: breastfeeding." (1,695 items); "known
    hypersensitivity" as "Hypersensitivity: …" (260)."""
    assert _glossed("Women who are pregnant or nursing", "nursing")[0]["meaning"] == "Nursing: breastfeeding."
    assert not _glossed("Women who are pregnant or nursing", "pregnant or nursing")
    assert _glossed("Pregnant or lactating women", "lactating")
    assert [g["term"] for g in explain_item("Known hypersensitivity to the drug or hypersensitivity to eggs",
                                            "exclusion").glossary] == ["hypersensitivity"]


# --- #13: the consent gloss saying "to take part" twice --------------------------------------------------------

def test_the_consent_gloss_does_not_say_to_take_part_twice():
    """"give written informed consent to participate" read "… informed consent (agreement to take part) to take part"
    (57 items)."""
    assert shown("Subject is able and willing to give written informed consent to participate in the study.",
                 "inclusion") == "You are able and willing to give written informed consent to take part in the study."
    assert "(agreement to take part) for taking part" not in \
        shown("Patients must be able to give written informed consent for participation in the study", "inclusion")
    assert "(agreement to take part)" not in shown("Be willing to provide Informed Consent for study participation.",
                                                   "inclusion")
    assert shown("Signed informed consent", "inclusion") == "You have signed informed consent (agreement to take part)"


def test_a_describing_word_keeps_the_term_it_describes():
    """"secondary hypogonadism" read "secondary low sex hormones" (9 items); "investigational or non-investigational
    drug" read "experimental or non-investigational drug" (3)."""
    assert shown("A confirmed diagnosis of secondary hypogonadism", "inclusion") == \
        "A confirmed diagnosis of secondary hypogonadism"
    assert "an investigational or non-investigational drug" in \
        shown("Exposed to an investigational or non-investigational drug or device")
    # elsewhere the plain words still read
    assert shown("Diagnosis of hypogonadism", "inclusion") == "You have a diagnosis of low sex hormones"


# --- a negated line run on after a hepatitis letter ------------------------------------------------------------

def test_a_negated_line_ending_in_a_hepatitis_letter_is_cut():
    """NCT00003679 "No active hepatitis B or C Liver biopsy normal" read "You have no active hepatitis B or C Liver
    biopsy normal"; NCT00002961 "… hepatitis B or C Bilirubin no greater than 1.5 times normal" stayed glued."""
    assert split_clauses("Hepatic: No active hepatitis B or C Liver biopsy normal (if positive serology)") == \
        ["Hepatic: No active hepatitis B or C", "Liver biopsy normal (if positive serology)"]
    assert split_clauses("No hepatitis C Bilirubin no greater than 1.5 mg/dL") == \
        ["No hepatitis C", "Bilirubin no greater than 1.5 mg/dL"]
    got = shown("Hepatic: No active hepatitis B or C Liver biopsy normal (if positive serology for hepatitis B or C)",
                "inclusion")
    assert "hepatitis B or C Liver" not in got
