"""Grammar after substitutions: each case a real corpus item (or a shortened one) whose rewrite read
wrong: agreement, articles, doubled words, capitals, and what a replacement means beside its words."""

import re

import pytest
from plain_support import shown

from scrapers.fidelity import check_fidelity
from server.explain import explain_item, explain_text
from server.plain import second_person


# --------------------------------------------------------------------------- grammar after substitutions
# Each case below is a real corpus item (or a shortened one) whose rewrite read wrong.

@pytest.mark.parametrize("text,section,expected", [
    # "the following criteria are met:" names "criteria", not "met": "these criteria", never "this criteria"
    ("A participant will be eligible for entry into the study if all of the following criteria are met:", "inclusion",
     "A participant will be eligible for entry into the study if all of these criteria are met:"),
    ("Patients who meet any one of the following criteria will be excluded from study entry:", "exclusion",
     "Patients who meet any one of these criteria will be excluded from study entry:"),
    ("Patients must meet the following condition:", "inclusion", "Patients must meet this condition:"),
    ("The following apply:", "inclusion", "These apply:"),
    ("The following is a list of the diagnoses eligible:", "inclusion", "This is a list of the diagnoses eligible:"),
    ("Presence of one or more of the following confounding or complicating problems:", "exclusion",
     "Presence of one or more of these confounding or complicating problems:"),
])
def test_these_criteria_agree_in_number(text, section, expected):
    assert shown(text, section) == expected


@pytest.mark.parametrize("text,expected", [
    ("Subject has active tuberculosis or has had tuberculosis in the past three (3) years.",
     "You have active tuberculosis or have had tuberculosis in the past three (3) years."),
    ("Subject is using or agrees to use a medically acceptable form of contraception",
     "You are using or agree to use a medically acceptable form of birth control"),
    ("Has stable housing and has remained at the same residence for at least 13 weeks (3 months) prior to screening, "
     "and does not anticipate housing changes.",
     "You have stable housing and have remained at the same residence for at least 13 weeks (3 months) before screening, "
     "and do not anticipate housing changes."),
    ("Patient who participates in a clinical study of a new drug for Gaucher Disease.",
     "You take part in a clinical study of a new drug for Gaucher Disease."),
    # a bracket between the verbs is kept whole
    ("Subject has severe kidney disease (eGFR <15 mL/min/1.73 m2 by the MDRD equation) or is on dialysis.",
     "You have severe kidney disease (eGFR less than 15 mL/min/1.73 m2 by the MDRD equation) or are on dialysis "
     "(kidney machine treatment)."),
    ("Patient has failed or is intolerant to approved treatments and is unable to participate in a controlled trial.",
     "You have failed or are intolerant to approved treatments and are unable to take part in a controlled trial."),
    # the joining word in capitals (NCT02304679, NCT03599518)
    ("The patient is taking blood thinners AND/OR has an International Normalized Ratio >3",
     "You are taking blood thinners AND/OR have an International Normalized Ratio more than 3"),
    # a clause word with no subject of its own owns no later verb (NCT00399243, NCT00496015, NCT04044170)
    ("Subject has at least 1 previous cycle of cluster headache if episodic or has been in chronic cluster headache "
     "for at least 6 months.",
     "You have at least 1 past cycle of cluster headache if episodic or have been in chronic cluster headache "
     "for at least 6 months."),
    ("Subject is likely to receive antipyretic treatment as a result of a concomitant illness or has been treated "
     "with paracetamol within the past 24 hours.",
     "You are likely to receive antipyretic treatment as a result of a concomitant illness or have been treated "
     "with paracetamol within the past 24 hours."),
    ("Patient has a high risk of cardiac disease, as determined by the Investigator, may undergo either "
     "echocardiogram (ECHO) or multi-gated acquisition (MUGA) during Screening and has a cardiac ejection fraction <50%.",
     "You have a high risk of heart disease, as judged by the study doctor, may have either echocardiogram (ECHO) "
     "or multi-gated acquisition (MUGA) during Screening and have a heart ejection fraction less than 50%."),
    # a comma alone joins "has"/"is" to "you" too (NCT05227898, NCT00000456)
    ("Participant is unable to complete training, has cognitive deficits, more severe psychiatric conditions",
     "You are unable to complete training, have cognitive deficits, more severe mental health conditions"),
    ("Meets criteria for alcohol dependence, has not had more than one previous inpatient medical detoxification.",
     "You meet criteria for alcohol dependence, have not had more than one past inpatient medical detoxification."),
    # one that does, or another subject, keeps the verb its own
    ("Subject has cancer if the tumor is local or has spread to the nodes.",
     "You have cancer if the tumor is local or has spread to the nodes."),
    ("Subject has a tumor that is progressing or needs treatment.",
     "You have a tumor that is progressing or needs treatment."),
])
def test_later_verbs_agree_with_you(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # the verb after "that"/"which" belongs to the thing named, not to you
    ("Subject has a tumor that is larger than 5 cm or has spread to the liver",
     "You have a tumor that is larger than 5 cm or has spread to the liver"),
    ("Subject has a wound which is infected and has not healed", "You have a wound which is infected and has not healed"),
    # two subjects: the verb goes with the nearer one, as written
    ("The patient or legal guardian signs the consent and agrees to the treatment",
     "You or your legal guardian signs the consent and agrees to the treatment"),
])
def test_verbs_of_a_relative_clause_keep_their_subject(text, expected):
    assert second_person(text, "exclusion") == expected


def test_refractory_to_is_resistant_to():
    assert shown("Refractory to or unable to tolerate hormonal therapy", "inclusion") == \
        "Resistant to or unable to tolerate hormonal therapy"
    assert "resistant to standard treatment" in shown("Disease refractory to standard treatment", "inclusion")


@pytest.mark.parametrize("text", ["Disease refractory to platinum-based chemotherapy",
                                  "Platinum-resistant or disease refractory to the last regimen"])
def test_refractory_kept_where_refractory_and_resistant_are_distinct_terms(text):
    # in ovarian cancer "platinum-refractory" and "platinum-resistant" are different definitions
    assert "resistant to" not in shown(text, "inclusion")


@pytest.mark.parametrize("text,section,expected", [
    ("Prior prostatectomy surgery", "exclusion", "You have had prostate removal surgery"),
    ("Contrast CT within 4 weeks unless medically contraindicated", "inclusion", "unless medically unsafe"),
    ("Must discontinue any sex hormonal therapy before prior to and during study", "inclusion",
     "You must stop any sex hormonal therapy before and during study"),
    ("Hepatic cirrhosis", "exclusion", "You have liver scarring"),
    ("Must have an allogeneic donor available", "inclusion", "You must have a donor available"),
    ("Prophylaxis treatment for Pneumocystis pneumonia (PCP).", "inclusion", "Preventive treatment for"),
    ("Patients whose renal, hepatic, and hematologic blood test values are normal", "inclusion",
     "kidney, liver, and blood test values"),
    ("Infants born at >34 weeks gestational age", "inclusion", "Infants born at more than 34 weeks into pregnancy"),
    ("Ability to read an informed consent form, where the study protocol is described.", "inclusion",
     "where the study plan is described"),
    ("History of cancer unless there has been surgical excision that is considered curative.", "exclusion",
     "surgical removal that"),
])
def test_no_doubled_word_from_a_substitution(text, section, expected):
    out = shown(text, section)
    assert expected in out
    assert not re.search(r"\b([a-z]{3,}) \1\b", out, re.I)


def test_follow_up_keeps_its_verb():
    # never "to follow-up requirements" (the doubled-word repair eating the verb), and not the
    # clumsy "to follow follow-up": "comply with" stays before a follow-up
    assert "to comply with follow-up requirements" in shown("Able to comply with follow-up requirements", "inclusion")
    assert "to comply with follow up requirements" in shown("Unable to comply with follow up requirements", "exclusion")


def test_run_on_lines_are_not_merged_as_doubled_words():
    # "Inoperable disease" and "Measurable disease" are two PDQ lines run together: both stay
    out = shown("Inoperable disease Measurable disease", "inclusion")
    assert "inoperable disease Disease that can be measured" in out


@pytest.mark.parametrize("text,section,expected", [
    ("No other contraindication to protocol participation", "inclusion",
     "You have no other medical reason against taking part in the study"),
    ("Previous participation in this study", "exclusion", "You have taken part in this study"),
    ("Prior enrollment in this study", "exclusion", "You have joined this study"),
    ("Prior enrollment on Celgene's thalidomide study.", "exclusion", "You have joined Celgene's thalidomide study."),
    ("Current participation in a clinical trial", "exclusion", "You are currently taking part in a clinical trial"),
    ("Concurrent enrollment in another clinical trial", "exclusion", "You are currently taking part in another clinical trial"),
    ("Enrollment in any other investigational drug protocol.", "exclusion", "Joining any other experimental drug study plan."),
    ("No concurrent participation in another medical research study", "inclusion",
     "You are not currently taking part in another medical research study"),   # was "You have no concurrent taking part"
    ("No concurrent enrollment in another trial", "inclusion", "You are not taking part in another trial at the same time as this study"),
    ("No participation in another trial within 30 days", "inclusion", "You have not taken part in another trial within 30 days"),
    ("Type 2 diabetes diagnosed within 5 years before the enrolment in the study", "inclusion",
     "Type 2 diabetes diagnosed within 5 years before joining the study"),
    ("Women must use contraception for the duration of participation", "inclusion",
     "As a woman, you must use birth control for the whole time you take part"),
])
def test_participation_reads_as_english(text, section, expected):
    assert shown(text, section) == expected


@pytest.mark.parametrize("text,section,expected", [
    ("Asymptomatic HIV infection.", "inclusion", "You have a symptom-free HIV"),
    ("Treatment with an investigational product within 28 days", "exclusion", "Treatment with an experimental product within 28 days"),
    ("Not eligible if an autologous transplantation is not indicated", "inclusion", "if your own transplant is not indicated"),
    ("Positive skin test, defined as a ≥ 5 mm wheal over the saline control wheal.", "inclusion",
     "defined as an at least 5 mm wheal"),
    ("Sleep apnea diagnosis or an ongoing evaluation for possible sleep apnea", "exclusion", "or a current evaluation"),
])
def test_article_fits_the_word_a_substitution_put_after_it(text, section, expected):
    assert expected in shown(text, section)


def test_an_article_written_in_the_original_is_left_alone():
    assert "an hour" in shown("Able to walk for an hour without stopping", "inclusion")


@pytest.mark.parametrize("text, section, expected", [
    # "at ≤ 600 mg/day" read "at at most 600 mg/day"
    ("History of intolerance to AZT at <= 600 mg/day.", "exclusion",
     "You have had intolerance to AZT (an HIV medicine) at no more than 600 mg/day."),
    ("p24 antigen positive at >= 35 pcg/ml.", "inclusion", "p24 antigen positive at no less than 35 pcg/ml."),
    # "idiopathic X" read "of unknown cause X": the word stays, explained in the glossary
    ("Diagnosis of idiopathic Parkinson's disease", "inclusion", "You have a diagnosis of idiopathic Parkinson's disease"),
    # "comply with follow-up" read "follow follow-up"
    ("Inability or unwillingness to comply with follow up requirements", "exclusion",
     "Inability or unwillingness to comply with follow up requirements"),
])
def test_no_doubled_words_from_symbols_or_glosses(text, section, expected):
    assert shown(text, section) == expected
    assert not check_fidelity(text, expected)


@pytest.mark.parametrize("text,expected", [
    # a symbol before a limit, a grade or a number in words is put in words too
    ("Serum creatinine =< ULN", "Blood creatinine (a kidney blood test) at most ULN (upper limit of normal)"),
    ("Neuropathy > Grade 1", "You have nerve damage more than Grade 1"),
    ("APTT < normal limit", "APTT (a blood clotting test) less than normal limit"),
    ("Recurrent (> one episode) oral candidiasis (confirmed).", "Returning (more than one episode) oral candidiasis (confirmed)."),
    # "> or =" and "= or >" are one comparator, not "= or more than"
    ("HAM-D17 total score > or = 22 at Screening and Baseline", "HAM-D17 total score at least 22 at Screening and Baseline"),
    ("Prior AZT or IFN-A2a therapy for = or > 6 months.", "You have had AZT (an HIV medicine) or IFN-A2a treatment for at least 6 months."),
    # a symbol before anything else stays as written
    ("Proteinuria ≥ ++ on dipstick", "Protein in the urine ≥ ++ on dipstick"),
])
def test_comparator_symbols_before_limits_and_grades_are_words(text, expected, section="inclusion"):
    assert shown(text, section) == expected
    assert not check_fidelity(text, expected)


@pytest.mark.parametrize("text,section,expected", [
    # a range after "between" reads "between 18 and 65", not "between 18 to 65"
    ("Being between the ages of 18-65.", "inclusion", "Being between the ages of 18 and 65."),
    ("The patient is between 18-60 years of age.", "inclusion", "You are between 18 and 60 years of age."),
    ("Age 18-65", "inclusion", "You are aged 18 to 65"),
    # the reader is the smoker: "You have current smokers" is wrong, so the item stays as written
    ("Current smokers or users of nicotine products.", "exclusion", "Current smokers or users of nicotine products."),
    ("Active smoker", "exclusion", "Active smoker"),
    # a rating scale named after an illness is no illness the reader has
    ("Children's Depression Rating Scale-R total score at least 45", "inclusion",
     "Children's Depression Rating Scale-R total score at least 45"),
    ("Active hepatitis B", "exclusion", "You have active hepatitis B"),
    # the original's first word is mid-sentence after "You are"; a name keeps its capital
    ("At least 18 years of age", "inclusion", "You are at least 18 years of age"),
    ("Be Male", "inclusion", "You are male"),
    ("Patients with Parkinson's disease", "inclusion", "You have Parkinson's disease"),
    # "who" after the illness is the patient: not "You have cauda equina syndrome who needed …"
    ("Patients with cauda equina syndrome who needed acute operative treatment", "exclusion",
     "Patients with cauda equina syndrome who needed acute operative treatment"),
    ("Subjects with partners who wish to become pregnant during the study", "exclusion",
     "You have partners who wish to become pregnant during the study"),
    # a second "who" about the same patient joins the first: "… or are under legal protection"
    ("Patient who has forfeited his/her freedom or who is under legal protection", "exclusion",
     "You have forfeited your freedom or are under legal protection"),
])
def test_people_words_and_between_read_as_english(text, section, expected):
    assert shown(text, section) == expected


@pytest.mark.parametrize("text,expected", [
    # an item in capitals keeps them where the rewrite kept some of its words (a heading that only names a group,
    # "NORMAL PEDIATRIC VOLUNTEERS:", keeps its words: tests/test_plain20_group_headings.py)
    ("NORMAL PEDIATRIC VOLUNTEERS MUST HAVE:", "NORMAL CHILD VOLUNTEERS MUST HAVE:"),
    ("MUST NOT HAVE ONE OR MORE OF THE FOLLOWING LABORATORY FINDINGS (WITHIN 2 WEEKS OF ENTRY AND NOT YET "
     "RESOLVED):", "MUST NOT HAVE ONE OR MORE OF THESE LAB FINDINGS (WITHIN 2 WEEKS OF ENTRY AND NOT YET RESOLVED):"),
    # a gloss in brackets and a unit the original wrote in lower case stay as they are
    ("IL-2 NAIVE PATIENTS MUST HAVE:", "IL-2 (an immune system protein) NAIVE PATIENTS MUST HAVE:"),
    ("ECMO ENTRY CRITERIA (PaO2 < 50 mm Hg -REPEATED THREE TIMES):",
     "ECMO ENTRY CRITERIA (PaO2 less than 50 mm Hg -REPEATED THREE TIMES):"),
    # a rewrite that kept no word in capitals is sentence case
    ("HEMATOPOIETIC:", "Blood:"),
    # acronyms alone are not an item in capitals; "to" between figures stays small
    ("ASAT/ALAT < 2.5 x UNL", "ASAT/ALAT less than 2.5 x UNL"),
    ("PERFORMANCE STATUS: ECOG 0-2.", "PERFORMANCE STATUS: ECOG (a score of how well you can do daily tasks) 0 to 2."),
    ("CHILDREN ON PROTEASE INHIBITOR-CONTAINING ANTIRETROVIRAL REGIMENS:",
     "CHILDREN ON PROTEASE INHIBITOR-CONTAINING ANTI-HIV TREATMENT PLANS:"),
])
def test_an_item_in_capitals_is_not_shown_in_mixed_case(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # "medical reason against" needs what it is against: with no object the term stays (glossary has it)
    ("Other contraindications in package insert", "Other contraindications in package insert"),
    ("Any contraindication", "Any contraindication"),
    ("Contraindications of PDE5i.", "Medical reasons against PDE5i (erection medicines such as sildenafil)."),
    ("No contraindication to Androcur.", "You have no medical reason against Androcur."),
])
def test_a_replacement_that_needs_an_object_is_used_only_with_one(text, expected):
    e = explain_item(text, "inclusion")
    assert e.shown == expected
    assert any(g["term"].lower().startswith("contraindication") for g in e.glossary)


@pytest.mark.parametrize("text,section,expected", [
    # "a weakened immune system" after a determiner loses its "a"; after an adjective it does not fit
    # ("systemic immunosuppression" is a treatment), so the term stays, explained in the glossary
    ("No immunosuppression resulting from chemo", "inclusion", "You have no immunosuppression (weakening of the immune system) resulting from chemo"),
    ("Solid organ transplant with severe immunosuppression", "exclusion",
     "Solid organ transplant with severe immunosuppression (weakening of the immune system)"),
    ("History of immunosuppression", "exclusion", "You have had immunosuppression (weakening of the immune system)"),
    # an action after "the": "the completion of the study" -> "finishing the study"
    ("Must not donate sperm within 3 months of the completion of the study.", "exclusion",
     "You must not donate sperm within 3 months of finishing the study."),
    ("The hemorrhage resolved", "exclusion", "The bleeding resolved"),
    # "Prior to X" is a time, not "You have had to X"
    ("Prior to surgical treatment", "inclusion", "Before surgical treatment"),
    # a single thing you have had takes "a"
    ("History of positive test for HIV.", "exclusion", "You have had a positive test for HIV (the virus that causes AIDS)."),
    ("Prior stent within 5mm of target lesion", "exclusion", "You have had a stent within 5mm of target lesion"),
    ("Prior stents", "exclusion", "You have had stents"),
    ("History of penile implant or significant penile deformity", "exclusion",
     "You have had a penile implant or significant penile deformity"),
    ("Prior stem cell transplantation", "exclusion", "You have had a stem cell transplant"),
    ("History of spinal cord injury", "exclusion", "You have had a spinal cord injury"),
    ("Current eating disorder", "exclusion", "You have a current eating disorder"),
    # a participle after "have" reads as the verb: not "You have recorded heart muscle disease"
    ("documented cardiomyopathy.", "exclusion", "You have documented heart muscle disease."),
    ("a previously documented intolerance to zidovudine", "exclusion", "A previously recorded intolerance to zidovudine"),
    ("Relapsed germ cell carcinomas", "inclusion", "You have relapsed germ cell cancers"),
    # ... a verb in the source stays a verb
    ("Ovarian cancer that has relapsed after prior chemotherapy", "inclusion", "Ovarian cancer that has returned after prior chemo"),
    ("Subjects must have discontinued their use for 1 month", "inclusion", "Subjects must have stopped their use for 1 month"),
    ("Have seizure foci in more than one region of one hemisphere.", "exclusion",
     "You have seizure foci in more than one region of one hemisphere."),
    ("No patients with any known sensitivity to nystatin;", "inclusion", "You have no known sensitivity to nystatin;"),
    # not before the name of an illness, another noun, a verb or "other"
    ("History of bipolar disorder", "exclusion", "You have had bipolar disorder"),
    ("Uncontrolled seizure disorder", "exclusion", "You have uncontrolled epilepsy"),
    ("Uncontrolled tumor-related pain", "exclusion", "You have uncontrolled tumor-related pain"),
    ("Patients who have sustained head injury", "exclusion", "You have sustained head injury"),
    ("Patients with other medical disorder which prevents conditioning", "exclusion",
     "You have other medical disorder which prevents conditioning"),
    # a term inside a name stays: "American Psychiatric Association", not "American Mental health Association"
    ("Meets criteria of the American Psychiatric Association for PTSD", "inclusion",
     "You meet criteria of the American Psychiatric Association for PTSD (post-traumatic stress disorder)"),
    ("Canadian Cardiovascular Society Classification class I", "inclusion", "Canadian Cardiovascular Society Classification class I"),
    # "medicine" is not said before another word for medicine
    ("Use of anticonvulsant drugs", "exclusion", "Use of seizure drugs"),
    ("No concurrent anticonvulsant medications", "inclusion", "You take no seizure medicines during the study"),
    # list markers after "the following" name nothing: a list follows
    ("Has any of the following a) to i):", "exclusion", "Has any of these a) to i):"),
    # a sign before a Roman-numeral class or a T stage is put in words too; "<I" is left alone
    ("CHF: NYHA > II", "exclusion", "CHF (congestive heart failure): NYHA (a scale of heart failure) more than II"),
    ("Patients must have a clinical stage of < T3", "inclusion", "You must have a clinical stage of less than T3"),
    ("Have abnormal laboratory test results at baseline.", "exclusion", "You have abnormal lab test results at baseline."),
])
def test_replacements_fit_the_word_before_them(text, section, expected):
    assert shown(text, section) == expected


@pytest.mark.parametrize("text,section,expected", [
    # a term joined by "or"/"/" to the words it would become stays as written, not "allergy or allergy"
    ("Known allergy or hypersensitivity to the components", "exclusion",
     "You have a known allergy or hypersensitivity to the components"),
    ("Prior therapy or treatment with X", "exclusion", "You have had therapy or treatment with X"),
    ("hemorrhage/bleeding event", "exclusion", "Hemorrhage/bleeding event"),
    # different words stay replaced: "heart attack" after "heart or" is no repeat
    ("unstable angina or myocardial infarction within 6 months", "exclusion",
     "You have unstable chest pain from the heart or heart attack within 6 months"),
])
def test_a_replacement_is_not_said_twice_across_or(text, section, expected):
    assert shown(text, section) == expected


def test_a_ligature_first_letter_is_not_capitalised_into_two():
    assert not shown("\ufb01nasteride or dutasteride use within 3 months", "exclusion").startswith("FI")


def test_an_abbreviation_sense_can_come_from_the_whole_criteria():
    """"RA" in a list of myelodysplasia subtypes is refractory anemia, though its own item says only "RA
    with mild cytopenias"; elsewhere it is rheumatoid arthritis."""

    mds = explain_text("Inclusion Criteria:\n\n* Myelodysplastic syndrome, one of:\n  * RA with mild cytopenias\n"
                       "  * RAEB with less than 10% blasts\n")
    ra = mds.inclusion[0].children[0]
    assert ra.original == "RA with mild cytopenias" and "rheumatoid" not in ra.shown
    assert all("rheumatoid" not in g["meaning"].lower() for g in ra.glossary)
    arthritis = explain_text("Inclusion Criteria:\n\n* Active RA with 6 or more swollen joints\n")
    assert "RA (rheumatoid arthritis)" in arthritis.inclusion[0].shown


def test_the_proper_names_list_is_names():
    """server/data/names.txt (bench/names_from_corpus.py): sorted, the eponyms we rely on, and no
    everyday word whose capital would then wrongly survive after "You have"."""
    from pathlib import Path

    lines = (Path(__file__).resolve().parents[1] / "server" / "data" / "names.txt").read_text().splitlines()
    names = [w for w in lines if w and not w.startswith("#")]
    assert names == sorted(names) and len(names) > 100
    assert {"Crohn", "Parkinson", "Hodgkin", "Kaposi", "Alzheimer"} <= set(names)
    assert not {"Heart", "Severe", "Active", "History", "Patients", "Kidney", "Chronic"} & set(names)


@pytest.mark.parametrize("text,expected", [
    # cancer spread to a place is not a cancer of that place: "brain cancer spread" read as the spread of
    # a brain cancer, "liver cancer spread" as a liver cancer
    ("Symptomatic brain metastasis", "You have symptomatic cancer spread to the brain"),
    ("No bone metastases", "You have no cancer spread to the bones"),
    ("AST at most 5 times ULN if liver metastases", "AST (a liver enzyme) at most 5 times the upper limit of normal if cancer spread to the liver"),
    ("No active CNS metastases", "You have no active cancer spread to the CNS (brain and spinal cord)"),   # no capital mid-line
    # carcinomatous meningitis is cancer, not an infection
    ("Has carcinomatous meningitis", "You have cancer spread to the lining of the brain and spinal cord"),
    ("Cancer meningitis in subjects", "Cancer meningitis in subjects"),
    ("History of cryptococcal meningitis", "You have had cryptococcal infection around the brain"),
    # a place the lexicon cannot say keeps the word: not "ovarian cancer spread"
    ("Ovarian metastases allowed", "Ovarian metastases allowed"),
])
def test_metastases_say_where_the_cancer_spread(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # two places sharing one noun: replacing the second leaves the first alone ("CNS or cancer spread to
    # the brain", "pleural and fluid around the heart", "chronic or heart failure")
    ("No CNS or brain metastases", "You have no CNS (brain and spinal cord) or brain metastases"),
    ("Patients with severe brain or bone metastases;", "You have severe brain or bone metastases;"),
    ("Dermal, subcutaneous, or lymph node metastases required", "Skin, subcutaneous, or lymph node metastases required"),
    ("Uncontrolled pleural and pericardial effusion.", "You have uncontrolled pleural and pericardial effusion."),
    ("Pleural/pericardial effusion", "Pleural/pericardial effusion"),   # (was "Pleural/fluid around the heart")
    ("No chronic or congestive heart failure", "You have no chronic or congestive heart failure"),
    ("Current homicidal or suicidal ideation.", "You have current homicidal or suicidal ideation."),
    ("No other prior or concurrent experimental or investigational drugs",
     "You have no other prior or concurrent experimental or investigational drugs"),
    # ... but two things, or a replacement that keeps the shared noun in place, are still said plainly
    ("Seizures or brain metastases", "Seizures or cancer spread to the brain"),
    ("Renal or hepatic failure", "Kidney or liver failure"),
    ("Symptomatic or clinically significant arrhythmia", "You have symptomatic or medically important irregular heartbeat"),
])
def test_a_noun_two_words_share_is_not_split(text, expected):
    assert shown(text, "inclusion") == expected


def test_an_abbreviation_explained_inside_a_replacement_is_not_explained_again():
    out = shown("Patients with CNS metastases are eligible if: measurable disease outside the CNS", "inclusion")
    assert out.count("(brain and spinal cord)") == 1 and out.endswith("outside the CNS")
    out = shown("Prior CNS irradiation allowed; no active CNS metastases", "inclusion")
    assert out.count("(brain and spinal cord)") == 1 and "cancer spread to the CNS" in out


def test_a_sufficient_is_not_turned_into_an_enough():
    out = shown("History of cancer unless there has been surgical excision followed by a sufficient observation period.")
    assert "a sufficient observation period" in out and "an enough" not in out
    # "of enough severity", "of enough cognitive ability" do not read: after "of" it stays as written
    assert "of sufficient severity" in shown("Neurological disease of sufficient severity to confound the results")


@pytest.mark.parametrize("text,expected", [
    # a named disease keeps its name: not "ulcerative inflammation of the colon", "acquired weak immune system"
    ("Active ulcerative colitis", "You have active ulcerative colitis"),
    ("Known primary immunodeficiency", "You have known primary immunodeficiency"),
    ("Brain aneurysm clip", "Brain aneurysm clip"),
    # where a replacement would leave its describing word stranded ("heart muscle reduced blood flow",
    # "aortic bulging blood vessel", "Aspartate liver enzyme (AST)") the place is said in it
    ("Objective evidence of myocardial ischemia", "Objective signs of reduced blood flow to the heart muscle"),
    ("History of abdominal aortic aneurysm", "You have had a bulge in the aorta in the belly"),
    ("Aspartate aminotransferase (AST) at most 3 x ULN",
     "Aspartate aminotransferase (AST, a liver enzyme) at most 3 times the upper limit of normal"),
    ("Active lupus nephritis", "You have active kidney inflammation caused by lupus"),
    ("No deep venous thrombosis", "You have no blood clot in a deep vein"),
    ("Hachinski ischemia score more than 4", "Hachinski ischemia score more than 4"),
    ("History of orthostatic hypotension", "You have had low blood pressure on standing up"),   # not "orthostatic low …"
    ("History of ventricular arrhythmias", "You have had irregular heartbeats from the heart's lower chambers"),
    ("Atrial or ventricular arrhythmias", "Atrial or ventricular arrhythmias"),
    ("Uncontrolled arterial hypertension", "You have uncontrolled high blood pressure"),
    ("Pulmonary arterial hypertension", "You have pulmonary arterial hypertension"),   # another disease
    ("No pulmonary edema", "You have no fluid in the lungs"),
    ("Amegakaryocytic thrombocytopenia", "Amegakaryocytic thrombocytopenia"),   # an inherited disorder's name
    # a named syndrome or virus keeps its name: not "severe acute breathing syndrome coronavirus 2"
    ("Self-reported history of severe acute respiratory syndrome (SARS).",
     "Self-reported history of severe acute respiratory syndrome (SARS)."),
    ("Men and women with acute respiratory distress syndrome.", "Men and women with acute respiratory distress syndrome."),
    ("Active upper respiratory tract infection", "You have active nose and throat infection"),   # not "upper breathing tract"
    ("History of familial long QT syndrome", "You have had familial long QT syndrome"),   # not "long QT (a heart rhythm measure) syndrome"
    ("Immune thrombocytopenia requiring IVIG", "Immune thrombocytopenia needing IVIG (antibodies given through a vein)"),
    ("Hormone refractory prostate cancer", "You have hormone-resistant prostate cancer"),   # not "hormone hard-to-treat"
    ("Schizophrenia, Schizoaffective Disorder, or Organic Psychosis.",
     "Schizophrenia, Schizoaffective Disorder, or Organic Psychosis."),   # not "Organic Loss of touch with reality"
])
def test_named_conditions_and_their_places(text, expected):
    assert shown(text, "inclusion") == expected


def test_a_describing_word_keeps_completion_of():
    # not "may prevent the successful finishing the study"
    assert shown("Subject has any disorder that may prevent the successful completion of the study.") == \
        "You have any disorder that may prevent the successful completion of the study."
    assert shown("Prior to completion of the study", "inclusion") == "Before finishing the study"


@pytest.mark.parametrize("text,expected", [
    ("History of aneurysm or stroke", "You have had a bulging blood vessel or stroke"),
    # right after another replacement, "a …" does not follow a describing word: not "kidney a bulging blood vessel"
    ("Abdominal aneurysm (6 cm)", "Belly aneurysm (6 cm)"),
    ("Drug-induced or other drug immunosuppression", "Drug-induced or other drug immunosuppression (weakening of the immune system)"),
])
def test_an_article_in_a_replacement_fits_the_replacement_before_it(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text,expected", [
    ("The patient is taking blood thinners AND/OR has an INR >3",
     "You are taking blood thinners AND/OR have an INR (a blood clotting test) more than 3"),
    ("Subject is likely to receive antipyretic treatment or has been treated with paracetamol within the past 24 hours.",
     "You are likely to receive antipyretic treatment or have been treated with paracetamol within the past 24 hours."),
    # a verb a clause in between could own stays: the cancer is progressing or needs treatment
    ("Has a known additional malignancy that is progressing or requires systemic treatment.",
     "You have a known extra cancer that is progressing or needs systemic treatment."),
])
def test_a_second_verb_of_the_same_subject_agrees_with_you(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # a lower-case first letter that is part of the name stays: "EGFR" is a gene, "eGFR" kidney function;
    # "DdI" is no drug, "ddI" is didanosine
    ("eGFR (calculated by MDRD) at least 30", "eGFR (calculated by MDRD) at least 30"),
    ("ddI, except when patient is also taking allopurinol.", "ddI, except when patient is also taking allopurinol."),
    ("pH less than 7", "pH less than 7"),
    ("hCG positive within 7 days of enrollment", "hCG (pregnancy hormone) positive within 7 days of joining"),
])
def test_a_first_word_with_inner_capitals_keeps_its_case(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text", [
    "Grade 2 or higher neuropathy based on the Neuropathy Targeted Symptom Questionnaire.",
    "Non-frail patients according to Comprehensive Geriatric Assessment",
    "Investigator's Global Assessment (IGA) score at least 3",
    "eGFR calculated by Modification of Diet in Renal Disease (MDRD) at least 30",
    "Admission to Department of Gastrointestinal Surgery at Aarhus",
])
def test_a_title_case_name_keeps_its_words(text):
    # a run of Title Case words ending in a name's word ("Questionnaire", "Assessment"), after
    # "Department of", or shortened by the text to its initials, is a name: not "nerve damage Targeted
    # Symptom Questionnaire", "Comprehensive Geriatric Check", "change of Diet in kidney Disease"
    name = re.search(r"(?:[A-Z][\w']*(?: of| in)? ){2,}[A-Z]\w+", text).group(0)
    assert name in shown(text, "exclusion")


def test_any_investigational_product_is_not_the_study_medicine():
    # "any investigational product" is any experimental product, not this study's medicine
    assert shown("Receipt of any investigational product within 4 weeks of study enrollment") == \
        "Receipt of any experimental product within 4 weeks of joining the study"


def test_pharmacological_doses_are_treatment_level_not_drug_doses():
    # "pharmacological doses of steroids" are doses above the body's own: "drug doses of steroids" lost that
    assert "treatment-level doses of steroids" in shown("Immunomodulating agents, including pharmacological doses of steroids")


def test_an_abbreviation_the_trial_spells_out_otherwise_is_not_glossed():
    # the trial says what CSF is: our "spinal fluid" would be wrong in every item of it
    growth = explain_text("Inclusion Criteria:\n\n* Prior granulocyte colony stimulating factor (CSF) allowed\n"
                          "* No CSF within 7 days\n")
    assert "spinal fluid" not in growth.inclusion[1].shown
    spinal = explain_text("Inclusion Criteria:\n\n* CSF protein normal\n")
    assert "CSF (spinal fluid)" in spinal.inclusion[0].shown


@pytest.mark.parametrize("text,expected", [
    # two abbreviations with one meaning share one bracket, in the plural ...
    ("G-CSF or GM-CSF within 30 days", "G-CSF or GM-CSF (medicines that boost white blood cells) within 30 days"),
    ("Bilirubin, AST and ALT normal", "Bilirubin (a liver blood test), AST and ALT (liver enzymes) normal"),
    # ... and at the end of a list whose item before has no bracket, as "both": a bare plural would seem to take that
    # in (it was said twice, once per name)
    ("Erythropoietin, G-CSF, or GM-CSF within 30 days",
     "Erythropoietin, G-CSF, or GM-CSF (both medicines that boost white blood cells) within 30 days"),
])
def test_a_shared_meaning_is_said_once_for_a_pair(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text,expected", [
    ("AST at most 5 x ULN if liver metastases are present.",
     "AST (a liver enzyme) at most 5 times the upper limit of normal if cancer spread to the liver is present."),
    ("Treated brain metastases were permitted", "Treated cancer spread to the brain was allowed"),
    # the verb of the patients stays theirs
    ("Patients with brain metastases are allowed provided they are stable",
     "Patients with cancer spread to the brain are allowed provided they are stable"),
])
def test_cancer_spread_takes_a_singular_verb(text, expected):
    assert shown(text, "inclusion") == expected


def test_ever_reads_as_a_statement():
    # "Have ever received IL-2" is a criterion, not a question: not "You have ever received"
    assert shown("Have ever received IL-2.") == "You have at some point received IL-2 (an immune system protein)."
    assert shown("Have you ever smoked?") == "Have you ever smoked?"


@pytest.mark.parametrize("text,expected", [
    # a term written in Title Case mid-sentence is not a sentence start
    ("Angiographically confirmed Coronary Artery Disease", "Angiographically confirmed heart artery disease"),
    ("Must give written Informed Consent", "You must give written informed consent (agreement to take part)"),
    # the item's second word after "You have" lowered its first: was "You have untreated Low sex hormones or thyroid
    # disease" (NCT02620982), "You have active Cancer" (NCT05147818)
    ("Untreated Hypogonadism or thyroid disease", "You have untreated low sex hormones or thyroid disease"),
    ("Active Malignancy", "You have active cancer"),
    # ... a Title Case heading keeps its case: "Concurrent Medicine:", not "Concurrent medicine:"
    ("Concurrent Medication:", "Concurrent Medicine:"),
    # ... but a PDQ line that runs on after a limit keeps its capital
    ("Bilirubin normal SGOT less than 2 times normal Alkaline Phosphatase less than 5 times normal",
     "Bilirubin (a liver blood test) normal SGOT (a liver enzyme) less than 2 times normal Alkaline phosphatase "
     "(a liver and bone enzyme) less than 5 times normal"),
])
def test_title_case_capitals_are_not_sentence_starts(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # a term naming a kind of people keeps its word where the replacement would not describe them: was "DSM-5 (…)
    # trouble sleeping patient" (NCT05809544), "No unstable chest pain from the heart patients." (NCT00001889)
    ("DSM-5 insomnia patient", "DSM-5 (a manual for diagnosing mental health conditions) insomnia patient"),
    ("No unstable angina patients.", "No unstable angina patients."),
    ("neurological patients and healthy volunteers", "Neurological patients and healthy volunteers"),
    # ... a replacement that describes them stays
    ("Hypertension patient taking stable hypertensive medication for at least 4 weeks",
     "High blood pressure patient taking stable high blood pressure medicine for at least 4 weeks"),
    ("Pregnant or lactating women", "You are pregnant or breastfeeding"),
])
def test_a_term_before_the_people_it_names_reads_as_one(text, expected):
    e = explain_item(text, "inclusion")
    assert check_fidelity(e.original, e.shown) == [] and e.shown == expected
    if "insomnia" in text:
        assert any(g["term"] == "insomnia" for g in e.glossary)   # still explained


def test_her_own_and_other_peoples_words():
    assert shown("Had her baby at Week 37 of pregnancy or later.", "inclusion") == \
        "You have had your baby at Week 37 of pregnancy or later."
    # family members are other people: the item is left as written, not "You have CF and family members …"
    assert shown("Patients with known or suspected CF and family members of patients with CF.", "inclusion") == \
        "Patients with known or suspected CF and family members of patients with CF."


@pytest.mark.parametrize("text,expected", [
    ("other serious comorbidities or complications", "Other serious health conditions or complications"),
    ("No comorbidities", "You have no other health conditions"),
    ("If taking concomitant medications", "If taking other medicines"),   # "other" is what concomitant says
])
def test_comorbidity_says_other_once(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # "enough" after its word: was "Mental deficiency enough severe", "You have enough recovered", "In enough good health"
    ("Mental deficiency sufficiently severe as to make compliance with the treatment unlikely",
     "Mental deficiency severe enough as to make following the treatment unlikely"),   # NCT00001623
    ("Has sufficiently recovered from surgery", "You have recovered enough from surgery"),   # NCT00492661
    ("In sufficiently good health to attend four in-office visits.",
     "In good enough health to attend four in-office visits."),   # NCT00494676
    ("Sufficiently fluent and willing to complete questionnaires", "Fluent enough and willing to complete questionnaires"),
])
def test_sufficiently_reads_enough_after_its_word(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # one more describing word before the noun still takes the article: was "You have active opportunistic
    # infection", "You have known or suspected allergy to …" (about 200 items)
    ("Active opportunistic infection", "You have an active opportunistic infection"),
    ("Known or suspected allergy to study drugs", "You have a known or suspected allergy to study drugs"),
    ("Known clinically significant allergy to probenecid.", "You have a known medically important allergy to probenecid."),
    # "allergic constitution" (a tendency to allergies) is one thing too (review round 5, NCT07232563)
    ("Patients with known allergic constitution", "You have a known allergic constitution"),
    # not across a noun: "active tuberculosis or history of TB" is not "an active tuberculosis"
    ("Active tuberculosis or history of TB", "You have active tuberculosis or history of TB"),
])
def test_describing_words_keep_the_article(text, expected):
    assert shown(text, "exclusion").startswith(expected)


@pytest.mark.parametrize("text,expected", [
    # a treatment named after an illness is no illness of yours: was "You have cancer chemo", "You have
    # cell-killing anticancer treatment", "You have daily asthma medicine" (29 items)
    ("Cancer chemotherapy.", "Cancer chemo."),
    ("Cytotoxic anticancer therapy.", "Cell-killing anticancer treatment."),
    ("Daily asthma medication", "Daily asthma medicine"),
    # the illness itself still is
    ("Crohn's disease", "You have Crohn's disease"),
    ("Cloacogenic cancer", "You have cloacogenic cancer"),
])
def test_a_treatment_named_after_an_illness_is_not_yours(text, expected):
    assert shown(text, "exclusion") == expected


def test_concomitant_after_a_slash_is_kept():
    """"prior/concomitant medications" read "prior/other medicines you take" (NCT00006077, 3 items)."""
    assert shown("Patients who are on unacceptable prior/concomitant medications.", "exclusion") == \
        "You are on unacceptable prior/concomitant medications."
    assert shown("Any other concomitant medications precluded by the protocol.", "exclusion") == \
        "Any other medicines you take precluded by the study plan."


@pytest.mark.parametrize("text,expected", [
    # "evidence of" is "signs of": the verb before it agrees (was "unless there is signs of …"; 35 items)
    ("No radiotherapy to disease site unless there is evidence of disease progression",
     "No radiation treatment to disease site unless there are signs of disease progression"),
    ("There has been no evidence of disease for 5 years", "There have been no signs of disease for 5 years"),
    ("If there is any evidence of infection", "If there are any signs of infection"),
])
def test_there_are_signs(text, expected):
    assert shown(text, "exclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # a singular term said with a plural noun takes a plural verb (was "unless kidney problems is due to …")
    ("Creatinine normal (unless renal dysfunction is due to tumor obstructing the ureters)",
     "Creatinine (a kidney blood test) normal (unless kidney problems are due to tumor obstructing the ureters)"),
    ("AZT for 12 weeks, except if AZT-related toxicity is observed.",
     "AZT (an HIV medicine) for 12 weeks, except if AZT-related side effects are observed."),
    # not the verb of another subject the term is part of
    ("Expected risk of radiation-induced lung toxicity is modest", "Expected risk of radiation-induced lung side effects is modest"),
])
def test_a_replacement_that_changes_number_changes_its_verb(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # "no" before a word that already says "bad" reads as "do not have" (was "You have no poor kidney function")
    ("No renal insufficiency", "You do not have poor kidney function"),
    ("No hepatic insufficiency", "You do not have poor liver function"),
    ("No active infection", "You have no active infection"),
])
def test_no_before_a_bad_word_reads_do_not_have(text, expected):
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text,expected", [
    # a time window back from now: something you had (was "You have no heart attack within the past 6 months")
    ("No myocardial infarction within the past 6 months", "You have had no heart attack within the past 6 months"),
    ("No surgery in the past year", "You have had no surgery in the past year"),
    # not at the same time, not a window of something else, not a history (its own rule)
    ("No concurrent chemotherapy within 4 weeks", "You have no concurrent chemo within 4 weeks"),
    ("No abnormality within normal limits", "You have no abnormality within normal limits"),
    ("No history of asthma within the past 5 years", "You have not had asthma within the past 5 years"),
])
def test_no_within_a_past_window_reads_had_no(text, expected):
    assert shown(text, "inclusion") == expected
