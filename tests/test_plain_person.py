"""The second person: an item about the patient read as "You …", grammatical, never dropping a
qualifier ("female", "adult") nor saying "you" of other people."""

import pytest
from plain_support import shown

from server.plain import rewrite, second_person, tidy_grammar


# --------------------------------------------------------------------------- second person, grammatical

@pytest.mark.parametrize("text,section,expected", [
    ("Recent myocardial infarction", "exclusion", "You have had a recent heart attack"),
    ("Known diagnosis of OSA", "exclusion", "You have a known diagnosis of OSA (obstructive sleep apnea)"),
    ("Active infection", "exclusion", "You have an active infection"),
    ("No history of congestive heart failure", "inclusion", "You have never had congestive heart failure"),
    ("History of seizures", "exclusion", "You have had seizures"),
    ("History of adverse reaction to anesthesia", "exclusion", "You have had an adverse reaction to anesthesia"),
    ("Women who are not of childbearing potential", "inclusion", "You are a woman who is not able to become pregnant"),
    ("Adult patients with AML", "inclusion", "You are an adult with AML (a blood cancer)"),
    ("No patients with brain metastases", "inclusion", "You have no cancer spread to the brain"),
    ("Has ability to give written consent", "inclusion", "You have the ability to give written consent"),
    ("Patients who had undergone a transplant", "exclusion", "You have had a transplant"),   # not "You had had"
    # a criterion is about now: not "You had taken", "You had been"
    ("Subjects who had taken other clinical trial medicine within the previous 30 days", "exclusion",
     "You have taken other clinical trial medicine within the previous 30 days"),
    ("Patients had been in a heterosexual relationship for at least 1 month", "inclusion",
     "You have been in a heterosexual relationship for at least 1 month"),
    ("Known to have a psychiatric disorder", "exclusion", "You are known to have a mental health disorder"),   # not "You have known to"
    ("Currently have diabetes mellitus of at least 3 months duration.", "inclusion", "You now have diabetes"),
    ("Prior participation on an HIV vaccine trial.", "exclusion", "You have taken part on an HIV"),   # not "You have had taking part"
    ("Previous randomization into this study.", "exclusion", "You have had randomization into this study"),
    ("Active suicidal or homicidal thoughts or plans", "exclusion",
     "You have active suicidal or homicidal thoughts or plans"),   # the noun, not "or plan"
    ("Lives with assailant and plans to continue to do so", "exclusion", "You live with assailant and plan to continue"),
    # but a past state stays past
    ("Subjects had uncontrolled major mental health disorder", "exclusion",
     "You had uncontrolled major mental health disorder"),
])
def test_second_person_reads_as_english(text, section, expected):
    assert shown(text, section).startswith(expected)


def test_a_qualifier_on_the_subject_is_never_dropped():
    """"Female participants must …" applies to women only; "You must …" would tell a man too."""
    out = shown("Female participants must be postmenopausal for at least 1 year or surgically sterile", "inclusion")
    assert out.startswith("As a woman, you must be postmenopausal for at least 1 year")
    assert shown("Male subjects must agree to use condoms", "inclusion").startswith("As a man, you must agree")


@pytest.mark.parametrize("text", [
    "Prior interferon allowed if administered as maintenance",    # its own verb: not "You have prior …"
    "Prior chemotherapy must have ended 4 weeks before",
    "No prior radiotherapy allowed",
    "Does the patient have cancer?",                            # a question
    "Participants were recruited if they had taken part in the Heart Study",   # narrative about "they"
])
def test_no_you_have_over_items_that_are_not_about_what_you_have(text):
    assert not rewrite(text, "inclusion")[0].startswith(("You have", "You were"))


@pytest.mark.parametrize("text", [
    # a list that names other groups of people beside "you": "You are pregnant, breastfeeding mothers, …" is wrong
    "Pregnant women, nursing mothers, or women of childbearing age not practicing birth control.",
    "Subjects who have a history of chronic obstructive lung disease, those who have major neurologic disorders",
    "Patients with known sulfa allergies and patients with significant cardiac disease will be excluded.",
    "Is currently a smoker or uses tobacco products on a regular basis or subjects not willing to maintain tobacco use",
])
def test_no_you_over_a_list_of_other_people(text):
    assert not shown(text, "exclusion").startswith(("You", "As a"))


def test_the_same_patients_named_again_after_or_are_you_too():
    assert shown("Patients with diabetes or patients with hypertension", "exclusion") == \
        "You have diabetes or high blood pressure"
    assert shown("Patients with cirrhosis or those with biliary obstruction", "exclusion").startswith("Patients with")


def test_you_stays_where_the_people_named_are_you_or_others_you_meet():
    assert shown("Pregnant or lactating women", "exclusion") == "You are pregnant or breastfeeding"
    assert shown("Patients must be able to avoid close contact with children < 3 years of age, pregnant women, "
                 "individuals with eczema", "inclusion").startswith("You must be able to avoid close contact")
    assert shown("Currently taking part in a multisite longitudinal study, Women's Interagency HIV Study (WIHS).",
                 "inclusion").startswith("You are now taking part")


@pytest.mark.parametrize("text,expected", [
    # the people named after "pregnant or breastfeeding" are you: not "You are pregnant or breastfeeding female patients"
    ("Pregnant or lactating female patients;", "You are pregnant or breastfeeding;"),   # NCT06097962
    ("Pregnant or breast-feeding female subjects.", "You are pregnant or breastfeeding."),   # NCT00498589
    ("Pregnant or lactating female participant.", "You are pregnant or breastfeeding."),   # NCT05921903
    ("Pregnant or breastfeeding female adolescents.", "You are pregnant or breastfeeding."),   # NCT00004847
    # a "who" clause narrows the people: not "You are pregnant or breastfeeding who are not using …" (NCT00006449)
    ("Pregnant or lactating females who are not using a reliable method of birth control.",
     "Pregnant or breastfeeding females who are not using a reliable method of birth control."),
    # "pregnant with" reads as the baby: "Pregnant women with chronic hypertension" (NCT00000543)
    ("Pregnant women with chronic hypertension.", "You are pregnant and have chronic high blood pressure."),
    ("Are pregnant with more than one baby (such as twins or triplets).",
     "You are pregnant with more than one baby (such as twins or triplets)."),
])
def test_pregnant_people_named_are_you(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # the same two states, whatever the people are called (NCT00576225, NCT00496405)
    ("Pregnant women or nursing mothers.", "You are pregnant or breastfeeding."),
    ("Pregnant women or breast feeding women", "You are pregnant or breast feeding"),
    # two groups, each excluded: not one person who is both ("You are pregnant and breastfeeding", NCT03058094)
    ("Pregnant and lactating women.", "Pregnant and breastfeeding women."),
    ("No pregnant and nursing women", "No pregnant and breastfeeding women"),
    # a list of people, not a state of yours: was "You are pregnant and fetuses" (NCT00001219),
    # "You are pregnant or donors." (NCT00006417)
    ("Pregnant women and fetuses", "Pregnant women and fetuses"),
    ("Pregnant patients or donors.", "Pregnant patients or donors."),
    ("Pregnant women or other inappropriate condition for thread-embedding acupuncture",
     "Pregnant women or other inappropriate condition for thread-embedding acupuncture"),   # NCT03236753
])
def test_pregnant_and_another_group(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # you are one person: was "You are candidates for …", "You are cigarette smokers"
    ("Patients who are candidates for curative surgery or radiotherapy.",
     "You are a candidate for curative surgery or radiation treatment."),   # NCT00494182
    ("Subjects who are cigarette smokers", "You are a cigarette smoker"),   # NCT04100759
    ("Individuals who are not yet adults (infants, children, teenagers)",
     "You are not yet an adult (infants, children, teenagers)"),   # NCT06071325
    ("Be adults age 18 or older.", "You are an adult age 18 or older."),   # NCT00006494
    # and the "who" clause after it agrees (NCT00006327, NCT00492479)
    ("Are women who have sex with men and do not plan to use effective birth control.",
     "You are a woman who has sex with men and does not plan to use effective birth control."),
    ("Patients who are habitual tanners (outdoors or with tanning beds) who plan on tanning during the study",
     "You are a habitual tanner (outdoors or with tanning beds) who plans on tanning during the study"),
    # a list of groups, and people after a preposition, stay as written
    ("People who are commercial food handlers, day care workers, or health care workers",
     "You are commercial food handlers, day care workers, or health care workers"),
    ("Are born to women participating in this study.", "You are born to women taking part in this study."),
])
def test_you_are_one_person(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # "must be", "will be" too (NCT00001221, NCT00001500, NCT00462995)
    ("Patients must be females with Turner's syndrome diagnosed by leukocyte karyotype",
     "You must be a female with Turner's syndrome diagnosed by leukocyte karyotype"),
    ("All subjects will be adults (greater than 18 years).", "You will be an adult (more than 18 years)."),
    ("Patients must be deemed appropriate candidates for resection by the treating surgeon;",
     "You must be deemed an appropriate candidate for surgical removal by the treating surgeon;"),
    # two groups in one sentence stay two (NCT00001521)
    ("Subjects will be boys with bone ages 2 to 13 years and girls with bone ages 2 to 11 years.",
     "You will be boys with bone ages 2 to 13 years and girls with bone ages 2 to 11 years."),
    # a "who" clause too far from the noun to agree with it: left plural, not "an adult … who remain" (NCT03245528)
    ("Patients must be adults >= 18 years of age who remain hypotensive despite fluid therapy",
     "You must be adults at least 18 years of age who remain hypotensive despite fluid treatment"),
    # a "who" whose verb is the same for one person is fine (NCT05551195)
    ("Must be women aged 22-45 years who had onset of a major depressive episode during pregnancy",
     "You must be a woman aged 22 to 45 years who had onset of a major depressive episode during pregnancy"),
])
def test_you_must_be_one_person(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # "having" is "have": was "You are having a known allergy", "You are having exceeded …", "You are having had …"
    ("Patients having a known allergy to CsA.", "You have a known allergy to CsA"),   # NCT00001737
    ("Patient having exceeded the annual amount of compensation authorized for participation in research protocols.",
     "You have exceeded the annual amount of compensation authorized for taking part in research protocols."),
    ("Subjects having undergone cataract surgery less than 3 months prior to enrollment",
     "You have had cataract surgery less than 3 months before joining"),   # NCT00460967
    ("Patients having a positive PPD.", "You have a positive PPD"),   # NCT00006292
    # "Plans for" and "Uses of" are nouns: was "You plan for surgery", "You use of acetyl-salicylic …"
    ("plans for surgery in next 3 months", "You have plans for surgery in next 3 months"),   # NCT06000007
    ("Uses of acetyl-salicylic or non-steroid anti-inflammatory drugs 2 days prior to blood sampling.",
     "Uses of acetyl-salicylic or non-steroid anti-inflammatory drugs 2 days before blood sampling."),   # NCT00493272
    ("Participants with life expectancy less than 1 year", "You have an expected length of life less than 1 year"),
])
def test_having_plans_and_uses(text, expected):
    assert shown(text, "exclusion").startswith(expected)


@pytest.mark.parametrize("text,expected", [
    # a name keeps its first capital after "You have": not "You have cauda Equina Syndrome"
    ("Cauda Equina Syndrome,", "You have Cauda Equina Syndrome,"),   # NCT05484791
    ("La Peyronie's disease.", "You have La Peyronie's disease."),   # NCT04399057
    ("Chronic Obstructive Pulmonary Disease exacerbation", "You have Chronic Obstructive Pulmonary Disease exacerbation"),
    # (a describing word before a lower-case or all-capitals word is still lower-cased)
    ("Active HIV infection", "You have active HIV (the virus that causes AIDS) infection"),
    ("Uncontrolled diabetes", "You have uncontrolled diabetes"),
])
def test_a_title_case_name_keeps_its_capital_after_you_have(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text", [
    # a named score is a measurement, not an illness you have: was "You have asthma Control Test Score at most 19"
    "Asthma Control Test Score ≤19, or",   # NCT06651385
    "Premature Ejaculation Diagnosis Tool (PEDT) questionnaire score greater than 11",   # NCT06425211
    "Depression Anxiety Stress Scale score above 20",
])
def test_a_named_score_is_not_something_you_have(text):
    assert not shown(text, "inclusion").startswith("You ")


def test_a_list_left_open_reads_as_a_sentence():
    # was "… administration. This includes but not limited to epilepsy, …" (NCT07041801)
    out = shown("Central nervous system diseases within 8 weeks before administration (including but not limited to "
                "epilepsy, mental illness, stroke, encephalitis, etc.);", "exclusion")
    assert "This includes, but is not limited to, epilepsy, mental illness, stroke" in out


def test_biopsy_proven_before_its_noun_keeps_the_word_order():
    # was "You have a confirmed by biopsy Kaposi's sarcoma", "with confirmed by biopsy prostate cancer"
    assert shown("Biopsy-proven Kaposi's sarcoma", "inclusion") == "You have a biopsy-proven Kaposi's sarcoma"
    assert "with biopsy-proven prostate cancer" in shown("PSA less than 15 ng/ml with biopsy-proven prostate cancer",
                                                         "inclusion")


@pytest.mark.parametrize("text,expected", [
    # "Those who …" / "Those with …" (as Chinese registries write) are you, as "Patients who …" are
    ("Those who have previously received sunitinib;", "You have previously received sunitinib;"),
    ("Those with Peyronie's disease", "You have Peyronie's disease"),
    ("Those who are not practicing effective birth control.", "You are not practicing effective birth control."),
])
def test_those_who_are_you(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text", ["Chronic cluster patients", "Severe hemolysis patients", "No fertile women",
                                  "Untreated older children entered as controls"])
def test_a_group_of_people_is_not_something_you_have(text):
    # was "You have chronic cluster patients" (NCT02510729), "You have no fertile women" (NCT00004315)
    assert not shown(text, "exclusion").startswith("You have")


def test_people_you_have_stay_yours():
    # the item says "has": the children are yours (NCT00001927)
    assert shown("Volunteer has biological children without a history of cancer", "inclusion").startswith(
        "You have biological children")
    assert shown("Have had sex with men", "inclusion") == "You have had sex with men"


@pytest.mark.parametrize("text,expected", [
    # once the item says "you", the patient's own "his"/"her" is "your"
    ("The subject must agree not to donate his sperm during the study.",
     "You must agree not to donate your sperm during the study."),   # NCT00770042
    ("The subject has received radiation to >25% of his or her bone marrow within 30 days.",
     "You have had radiation to more than 25% of your bone marrow within 30 days."),   # NCT00491699
    # another person's stays theirs
    ("Able to attend regularly scheduled visits with Dr. Anderson and his research staff",
     "You are able to attend regularly scheduled visits with Dr. Anderson and his research staff"),
    ("Patients must have a tissue diagnosis confirmed by Stephania Pittaluga, M.D. or her designee.",
     "You must have a tissue diagnosis confirmed by Stephania Pittaluga, M.D. or her designee."),
])
def test_the_patients_own_his_or_her_is_your(text, expected):
    assert shown(text, "inclusion") == expected


def test_patients_who_relapsed_did_not_return():
    # was "You have a returned after transplant": an article for "relapsed … transplant", then "relapsed" -> "returned"
    assert shown("Patients who have relapsed after transplant", "inclusion") == "You have relapsed after transplant"
    # "patients who have returned" reads as coming back to the clinic; the disease that has come back is "returned"
    assert "who have relapsed after chemo" in shown("Low grade NHL patients who have relapsed after chemotherapy",
                                                   "inclusion")
    assert shown("Disease that has relapsed after chemotherapy", "inclusion").endswith("that has returned after chemo")


def test_had_before_a_participle_is_not_said_twice():
    # was "You have had achieved a CR …" (NCT00495079), "You have had received long-term pharmacotherapy" (NCT01249703)
    assert shown("Had achieved a CR to at least 1 prior anti-leukemia therapy", "inclusion").startswith(
        "You have achieved a CR (complete response) to at least 1 prior")
    assert shown("Had received long-term pharmacotherapy.", "exclusion") == "You have had long-term pharmacotherapy."
    assert shown("Had a stroke in the past year", "exclusion") == "You have had a stroke in the past year"


def test_a_history_that_does_not_exclude_is_not_yours():
    # was "You have had uncomplicated febrile seizures does not exclude.)" (NCT00000761): a note, not a criterion
    assert shown("History of uncomplicated febrile seizures does not exclude.", "exclusion") == \
        "History of uncomplicated febrile seizures does not exclude."


@pytest.mark.parametrize("text,expected", [
    # a second "who" clause about the same person: was "You have had tuberculosis or who are presently …" (NCT00000955)
    ("History of tuberculosis or who are presently receiving chemoprophylaxis.",
     "You have had tuberculosis or are presently getting chemoprophylaxis."),
    ("Subjects preparing for or who have previously undergone tissue/organ transplantation;",
     "You are preparing for or have previously had tissue/organ transplant;"),
    # one woman, "who is": was "You are a female who are pregnant, have had …, or use …" (NCT00000442)
    ("Females who are postmenopausal, have had surgical sterilization, or use reliable means of birth control.",
     "You are a female who is postmenopausal, has had surgical sterilization, or uses reliable means of birth control."),
    ("Women who are pregnant, nursing, or who plan to become pregnant while in the trial.",
     "You are a woman who is pregnant, nursing, or who plans to become pregnant while in the trial."),
    # a verb after a helper keeps its form; a second verb of "you" drops its -s (NCT03369899)
    ("Women who do not speak and understand English or Spanish.",
     "You are a woman who does not speak and understand English or Spanish."),
    ("Subject is known to be pregnant or becomes pregnant during the study.",
     "You are known to be pregnant or become pregnant during the study."),
    # a "who" that describes someone else stays theirs
    ("Patients living with a partner who is pregnant or who is breastfeeding",
     "You are living with a partner who is pregnant or who is breastfeeding"),
])
def test_who_clauses_agree_with_you(text, expected):
    assert shown(text, "exclusion") == expected


def test_epilepsy_takes_no_article():
    # "seizure disorder" -> "epilepsy": was "You have had an epilepsy." (NCT00000817)
    assert shown("History of seizure disorder.", "exclusion") == "You have had epilepsy."


@pytest.mark.parametrize("text,expected", [
    # what the trial does not limit is not something you have: was "You have no age limits."
    ("No age limits.", "No age limits."),
    ("No limitation on prior therapy", "No limitation on prior treatment"),
    ("No minimum PSA for measurable disease", "No minimum PSA (a prostate blood test) for disease that can be measured"),
    # ... but a limit on you still is yours
    ("No severe limits from disease other than leukemia", "You have no severe limits from disease other than leukemia"),
    # "No requirement for X" is something you do not need
    ("No requirement for supplemental oxygen", "You do not need supplemental oxygen"),
])
def test_no_limit_and_no_requirement(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # a use now beside a use before, said with verbs: was "You have current use or any prior exposure to …"
    # (NCT02397473), "You have current or past use of bupropion", "You have current use, or use within …"
    ("Current use or any prior exposure to any calcitonin-gene-related peptide (CGRP) antibody",
     "You now use or have had any prior exposure to any calcitonin-gene-related peptide (CGRP) antibody"),
    ("Current or previous use of bupropion (Wellbutrin).", "You now use or have used bupropion (Wellbutrin)."),
    ("Current or recent use (30 days) of injected or oral corticosteroids",
     "You now use or have recently used (30 days) injected or oral steroids"),
    ("Current use, or use within the last 28 days, of any investigational agent.",
     "You now use, or have used within the last 28 days, any experimental drug."),
    ("current use (or within previous 6 months) of hormone therapy",
     "You now use (or have used within previous 6 months) hormone treatment"),
    ("Ongoing use of bisphosphonates", "You now use bisphosphonates"),   # was "You have current use of …"
])
def test_a_current_use_is_something_you_use(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # words naming the kind of one diagnosis or history take its article: was "You have chronic cluster headache
    # diagnosis made …" (NCT04814381), "You have uncertain headache diagnosis." (NCT06200480)
    ("Chronic cluster headache diagnosis made according to ICHD-3 criteria",
     "You have a chronic cluster headache diagnosis made according to ICHD-3 (the international headache classification) "
     "criteria"),
    ("Uncertain headache diagnosis.", "You have an uncertain headache diagnosis."),
    ("Current breast cancer diagnosis", "You have a current breast cancer diagnosis"),
    ("Clinically significant history of heart failure.", "You have a medically important history of heart failure."),
    # ... not when the noun belongs to a phrase of its own ("at diagnosis", "any history")
    ("Pneumonia at diagnosis", "You have pneumonia at diagnosis"),
])
def test_a_diagnosis_named_by_its_kind_takes_an_article(text, expected):
    assert shown(text, "exclusion") == expected


def test_requiring_reads_as_you_need():
    # was "You are needing dialysis (kidney machine treatment);"
    assert shown("Subjects requiring dialysis;", "exclusion").startswith("You need dialysis")


def test_a_second_who_clause_about_you_loses_its_who():
    # was "You have had vaccination within 30 days before screening, or who plan to receive …" (NCT05976503)
    assert shown("Those who have received vaccination within 30 days prior to screening, or who plan to receive "
                 "vaccination during the trial;", "exclusion") == \
        "You have had vaccination within 30 days before screening, or plan to receive vaccination during the trial;"
    assert shown("Subjects who successfully completed the primary study and who did not receive Varilrix",
                 "inclusion") == "You successfully completed the primary study and did not receive Varilrix"


def test_a_rule_for_some_participants_is_not_said_to_you():
    # was "You have concurrent daily aspirin dose at most 81 mg for participants getting clopidogrel" (NCT00006392)
    assert shown("Concurrent daily aspirin dose ≤ 81 mg for participants receiving clopidogrel", "inclusion").startswith(
        "Concurrent daily aspirin")
    assert shown("Presence of circulating leukemic blasts detected by standard pathology for patients with CML",
                 "exclusion").startswith("Presence of")
    # a limit for each sex is still about you
    assert shown("Have an average weekly alcohol consumption of at least 24 drinks for men and 18 drinks for women.",
                 "inclusion").startswith("You have an average weekly alcohol use")


def test_no_pregnant_women_is_about_you_but_no_other_people_is_left_as_written():
    # (under inclusions: under "You cannot join if…", "You are not pregnant" would say the opposite; round 10a)
    assert shown("No pregnant or nursing women", "inclusion") == "You are not pregnant or breastfeeding"
    assert shown("No pregnant women.", "inclusion") == "You are not pregnant."
    # the same people as "Pregnant or lactating female patients" names (one list): was "You are not pregnant or
    # breastfeeding participants"
    assert shown("No pregnant or nursing participants", "inclusion") == "You are not pregnant or breastfeeding"
    assert shown("No pregnant or lactating female patients", "inclusion") == "You are not pregnant or breastfeeding"
    assert shown("No pregnant or nursing women", "exclusion") == "No pregnant or breastfeeding women"
    # was "You have no females who are pre-menopausal": nonsense
    assert not shown("No females who are pre-menopausal.", "exclusion").startswith("You")
    assert not shown("No pregnant or nursing women who plan to breastfeed", "exclusion").startswith("You")


def test_a_pdq_test_result_line_is_a_sentence_of_its_own():
    out = shown("Other: Not pregnant or nursing Negative pregnancy test Fertile patients must use effective contraception",
                "inclusion")
    assert "You are not pregnant or breastfeeding. " in out   # was "… breastfeeding Negative pregnancy test."
    assert shown("Severity of Negative Symptoms score at least 3", "inclusion").startswith("Severity of Negative")
    assert shown("Other: No evidence of bowel obstruction Able to understand English", "inclusion") == \
        "Other: You have no signs of bowel obstruction. You are able to understand English"


def test_an_abbreviation_meaning_follows_the_noun_it_names():
    assert "CT scan (a type of X-ray scan)." in shown("as determined by CT scan.", "inclusion")
    assert "MRI scan (a body scan using magnets) or" in shown("Measurable disease by MRI scan or bone scan", "inclusion")
    assert "HIV (the virus that causes AIDS) infection" in shown("HIV infection", "exclusion")   # not its head noun
    # one bracket at a time: the scan's own bracket stays right after it, and the meaning does not stand before the
    # word it says ("MRI (a body scan using magnets) scan", plain16): the glossary explains MRI
    out = shown("contraindications for the MRI scan (particularly metal splinters)", "exclusion")
    assert "MRI scan (particularly" in out and "(a body scan using magnets)" not in out


def test_a_meaning_joins_the_text_own_short_name_in_one_bracket():
    assert shown("Absolute neutrophil count (ANC) >= 1,500/mm3", "inclusion") == \
        "Absolute neutrophil count (ANC, white cells that fight infection) at least 1,500/mm3"   # not "(…) (ANC)"
    assert shown("Absolute neutrophil count (neutrophils + bands) of at least 1,500/ul", "inclusion").startswith(
        "Absolute neutrophil count (white cells that fight infection) (neutrophils + bands)")   # not a short name


def test_a_meaning_follows_the_form_it_names():
    assert shown("Signed informed consent form", "inclusion") == "You have signed an informed consent form (agreement to take part)"
    assert shown("Signed informed consent", "inclusion") == "You have signed informed consent (agreement to take part)"
    # the item's own verb comes later: "signed" describes the consent, it is not what you did
    out = shown("Signed informed consent of the patient will be collected before inclusion in the study", "inclusion")
    assert not out.startswith("You have signed") and "will be collected" in out   # NCT02782533
    assert shown("Signed informed consent must be obtained prior to any study procedure", "inclusion").startswith("Signed")


@pytest.mark.parametrize("text,kept", [
    # "participating" before a noun names who takes part: not "a taking part community" (NCT00006159)
    ("Living in a participating Native American community served by one of three participating Indian Health "
     "Service clinics", "participating Native American community"),
    ("Food pantry client at one of three participating food banks", "participating food banks"),   # NCT02569060
    ("Employee of the sponsor/participating study center", "participating study center"),   # NCT02945046
])
def test_participating_before_a_noun_is_kept(text, kept):
    assert kept in shown(text, "exclusion")
    # the verb is still said plainly
    assert "taking part in another" in shown("Currently participating in another interventional study", "exclusion")


def test_compliance_reads_once():
    # a word about how well you comply keeps "compliance": not "Poor following treatment", "Non following"
    assert shown("Poor compliance with treatment", "exclusion") == "Poor compliance with treatment"
    assert "following" not in shown("Non compliance with the protocol", "exclusion")
    out = shown("Alcohol abuse that could interfere with study compliance", "exclusion")
    assert "following the study rules" in out and "study following" not in out
    assert shown("Occupational responsibilities which preclude compliance with the protocol.", "exclusion") == \
        "Occupational responsibilities which prevent following the study plan."


def test_named_diseases_keep_their_name():
    assert shown("Sickle cell anaemia", "exclusion") == "You have sickle cell anaemia"   # not "sickle cell low red …"
    assert "Fanconi's anemia" in shown("No evidence of chromosome fragility typical of Fanconi's anemia", "exclusion")
    assert "low red blood cell count" in shown("Severe anemia", "exclusion")
    assert shown("Refractory anemia with excess blasts (RAEB)", "exclusion").startswith("Refractory anemia")   # an MDS type
    # a named infection is not the inflammation it causes
    assert "Japanese encephalitis vaccine" in shown("Prior Japanese encephalitis vaccine", "exclusion")
    assert "brain inflammation" in shown("History of encephalitis", "exclusion")
    # a named standard keeps its name: not "Response Check-up Criteria", "Common Side effects Criteria",
    # "human weak immune system virus", "Alzheimer's Disease Check Scale", "a taking part clinician"
    for name in ("Response Evaluation Criteria in Solid Tumors", "Common Toxicity Criteria",
                 "human immunodeficiency virus", "Alzheimer's Disease Assessment Scale", "Hachinski Ischemia Score",
                 "a participating clinician", "Early Treatment Diabetic Retinopathy Study", "Radiation Therapy Oncology Group",
                 "Brief Psychiatric Rating Scale"):
        assert name in shown(f"Measured with {name} at screening", "inclusion"), name
    assert shown("Alzheimer's Disease Assessment Scale Cognitive at least 12", "inclusion").startswith("Alzheimer's")
    assert shown("Early Treatment Diabetic Retinopathy Study BCVA letter score of 73 to 24", "inclusion").startswith(
        "Early Treatment")   # a measurement named after a study, not "You have early Treatment …"
    # a specific illness is not widened to its kind: "atrial fibrillation" is one irregular heartbeat
    assert shown("History of atrial fibrillation", "exclusion") == \
        "You have had atrial fibrillation (a common type of irregular heartbeat)"
    assert "high eye pressure" in shown("History of glaucoma or ocular hypertension", "exclusion")   # not blood pressure
    assert "heart irregular" not in shown("Clinically significant cardiac arrhythmias", "exclusion")
    assert shown("Prior bowel resection", "exclusion") == "You have had surgery to remove part of the bowel"
    # "RA" beside myelodysplasia words is refractory anemia, not rheumatoid arthritis
    assert "rheumatoid" not in shown("RA with ringed sideroblasts (RARS)", "inclusion")
    assert "RA (rheumatoid arthritis)" in shown("Active RA defined as 6 or more swollen joints", "inclusion")
    assert "large bowel resection" in shown("Scheduled for partial large bowel resection", "inclusion")   # not "large surgery"
    assert "collagen vascular disease" in shown("History of collagen vascular disease", "exclusion")   # lupus and kin
    assert "smoking cessation treatment" in shown("Receiving other smoking cessation treatment", "exclusion")   # not "smoking stopping"
    # a measure keeps its name, explained: not "having a weeks of pregnancy of less than 31 weeks"
    assert "having a gestational age (weeks of pregnancy) of less than 31 weeks" in shown(
        "Infants having a gestational age of less than 31 weeks", "inclusion")
    # a device named after what it treats: "aneurysm clips", not "bulging blood vessel clips"
    assert "magnetic aneurysm clips" in shown("Pacemakers, magnetic aneurysm clips or other implanted devices", "exclusion")


@pytest.mark.parametrize("text, expected", [
    ("Crohn's disease", "You have Crohn's disease"),
    ("Parkinson disease", "You have Parkinson disease"),
    ("Guillain-Barre syndrome", "You have Guillain-Barre syndrome"),
    ("Kaposi's sarcoma.", "You have Kaposi's sarcoma."),
    ("Heart disease", "You have heart disease"),
    ("Non-Hodgkin lymphoma", "You have non-Hodgkin lymphoma"),
])
def test_a_name_keeps_its_capital_after_you_have(text, expected):
    assert shown(text, "exclusion") == expected


def test_history_of_habits_keeps_its_wording():
    assert shown("History of smoking").startswith("You have a history of smoking")
    assert shown("Patients with a history of alcohol abuse").startswith("You have a history of alcohol")


def test_tidy_grammar_adds_only_articles_and_tense():
    assert tidy_grammar("You have recent stroke") == "You have had a recent stroke"
    assert tidy_grammar("You have prior chemotherapy") == "You have had chemotherapy"
    assert tidy_grammar("You have prior history of stroke") == "You have a prior history of stroke"
    assert tidy_grammar("You have no prior surgery within 4 weeks") == "You have had no surgery within 4 weeks"


def test_second_person_applies_per_statement_after_a_cut():
    assert second_person("must not be pregnant", "exclusion") == "You must not be pregnant"


def test_an_item_that_says_what_does_not_count_is_not_yours():
    """"Kaposi's sarcoma …, regardless of …, does not constitute an indication for AZT" read "You have
    Kaposi's sarcoma … does not constitute …" (NCT00000999), like "… does not exclude"."""
    text = ("Kaposi's sarcoma without any of the symptoms listed above, regardless of total T4 lymphocyte count, "
            "does not constitute an indication for AZT treatment under the labeling.")
    assert shown(text, "inclusion").startswith("Kaposi's sarcoma without")


@pytest.mark.parametrize("text,expected", [
    # "the patient" later in an item about you is you (was "… put the participant at risk" after "You have")
    ("Has a condition that may put the participant at risk", "You have a condition that may put you at risk"),
    ("Has any condition, which compromises the subject's ability to take part",
     "You have any condition, which compromises your ability to take part"),
    ("Has heart problems that would compromise the safety of the patient.",
     "You have heart problems that would compromise your safety."),
    ("Has a known condition. The patient is willing and able to comply", "You have a known condition. You are willing and able to comply"),
    ("Has an illness for which the subject takes insulin", "You have an illness for which you take insulin"),
    # not where "you" would not read: a thing named after the patient, a verb "you" does not take, a shared "the"
    ("Is unwilling or unable to complete the patient diary card.", "You are unwilling or unable to complete the patient diary card."),
    ("Has a disorder. The subject refuses to comply", "You have a disorder. The subject refuses to comply"),
    ("Has any condition that would present a risk to the safety of the subject or study staff",
     "You have any condition that would present a risk to the safety of the subject or study staff"),
])
def test_the_patient_later_in_an_item_is_you(text, expected):
    assert shown(text, "exclusion").startswith(expected)


def test_no_gender_restriction_is_the_trials_and_said_as_any_sex():
    """"No gender restrictions" is what the trial does not limit, not "You have no gender restrictions"; after an age,
    ", no gender restriction" reads ", of any sex" (review round 4)."""
    from server.explain import explain_item

    assert explain_item("No gender restrictions").shown == "No gender restrictions"
    assert explain_item("Age 18-70 years old, no gender restriction").shown == "You are 18 to 70 years old, of any sex"


@pytest.mark.parametrize("text,expected", [
    # was "Now receive treatment with …", no one doing it (review round 5's "Now severe illness" neighbours)
    ("Currently receive treatment with nitrates, cancer chemotherapy, or antiandrogens",
     "You now receive treatment with nitrates, cancer chemo, or antiandrogens"),
    ("Currently receives treatment with doxazosin", "You now receive treatment with doxazosin"),
    # was "You have now uncontrolled diabetes"
    ("Currently uncontrolled diabetes mellitus (HbA1C>12%)", "You now have uncontrolled diabetes (HbA1C more than 12%)"),
    # a second verb after "or be": "are" with "you" (was "Now need, or be likely to need, …")
    ("Currently require, or be likely to require, MRI or diathermy.",
     "You now need, or are likely to need, MRI (a body scan using magnets) or diathermy."),
])
def test_currently_with_a_verb_or_a_condition_is_addressed_to_the_reader(text, expected):
    assert shown(text, "exclusion") == expected


# --------------------------------------------------------------------------- "No X exists": a verb of its own

@pytest.mark.parametrize("text", [
    "No curative standard therapy exists",
    "No standard or curative therapies exist",
    "No matched sibling donor remains available",
])
def test_an_item_saying_there_is_none_is_not_made_something_you_have(text):
    # "You have no curative standard therapy exists" (NCT00006085's "No standard curative therapy exists OR
    # Refractory …"): the item's own verb says there is none; left as written, in plain words
    assert second_person(text, "inclusion") == text
    assert not shown(text, "inclusion").startswith("You have")


@pytest.mark.parametrize("text,expected", [
    # a verb inside a clause of its own keeps the rewrite
    ("No disease that remains after surgery", "You have no disease that remains after surgery"),
    ("No HLA identical sibling donor available", "You have no HLA identical sibling donor available"),
])
def test_a_no_item_whose_verb_is_another_clauses_is_still_yours(text, expected):
    assert second_person(text, "inclusion") == expected
