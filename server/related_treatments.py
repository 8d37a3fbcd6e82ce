"""The words of a trial's treatments that say what it is, and those that do not: related trials are tied by a
treatment both name only when it says what the treatment is (not "placebo", "questionnaire", "intravenous", a drug
given in many illnesses, a kind of treatment alone), and an after-marketing study or a registry offers none.
Split from server/related_terms.py (its conditions' words stay there)."""

from __future__ import annotations

import re

from scrapers.registry.search import WORD
from server.related_query import STOPWORDS
from server.related_terms import fold

# intervention names that say nothing about the treatment itself
GENERIC_TREATMENT = frozenset("""
placebo placebos sham standard care usual control comparator vehicle matching saline no intervention treatment
therapy drug drugs dose doses oral tablet tablets capsule capsules injection infusion arm group best supportive
observation questionnaire survey
""".split())
# what a study does to learn, not to treat: an "intervention" named only by these and GENERIC_TREATMENT words ("Blood
# draw", "Questionnaires", "Laboratory Biomarker Analysis", "Quality-of-life assessment") is no treatment, and two
# trials listing it give no "Same treatment" (a head and neck cancer trial was given a prostate HIFU one for
# "quality-of-life assessment", a spinal cord injury one a prostate cancer one for "questionnaires"; related4)
STUDY_PROCEDURE = frozenset("""
questionnaire questionnaires survey surveys interview interviews assessment assessments evaluation evaluations
quality life laboratory biomarker biomarkers analysis analyses blood draw draws sampling sample samples specimen
specimens collection venipuncture phlebotomy biopsy biopsies measurement measurements testing tests test screening
data record records review chart follow up visit visits observational administration self reported report reports
complication complications
""".split())
# drugs given to patients of many illnesses for something other than their illness (to lower blood sugar, in
# anaesthesia, for pain or nausea, as a steroid): one shared by trials of different illnesses does not tie them
# ("Same treatment: Insulin · For: Diabetes" on hypoglycaemia and hyperinsulinaemia trials; related4). With a condition
# in common they are still said to share it.
COMMON_DRUGS = frozenset("""
insulin glucose dextrose heparin aspirin acetaminophen paracetamol ibuprofen lidocaine bupivacaine ropivacaine
propofol midazolam fentanyl morphine ondansetron dexamethasone prednisone prednisolone methylprednisolone
hydrocortisone oxygen potassium magnesium
""".split())
# words beside a common drug's name that say which form of it ("Insulin, Globin Zinc", "Heparin sodium")
COMMON_DRUG_FORMS = frozenset("""
globin zinc regular isophane protamine lispro aspart glulisine glargine detemir degludec sodium unfractionated
""".split())
# words in a treatment's name that say how, in what form or from what it is given, not what it is: two treatments
# sharing only these ("Intravenous infusion of … preparation", "Human …") are not similar
INCIDENTAL_TREATMENT = frozenset("""
intravenous intravenously infusions preparation preparations administration administered intranasal nasal
subcutaneous intramuscular intrathecal topical inhaled inhalation sublingual transdermal route human derived based
standard conventional approved combined combination plus single multiple daily weekly monthly twice once high medium
double extended release solution suspension cream ointment spray patch powder formulation product products delivery
dosing regimen course cycle cycles procedure procedures technique method methods intervention interventions program
programme session sessions cell cells collection sample samples blood tissue modification technical novel modified
hydrochloride sulfate sulphate citrate acetate mesylate maleate tartrate succinate phosphate besylate fumarate
""".split())

NOT_WHAT = GENERIC_TREATMENT | INCIDENTAL_TREATMENT | STOPWORDS   # (words that say nothing of what a treatment is)


def study_procedure(term: str) -> bool:
    """Whether an intervention's name says only what a study does to learn (STUDY_PROCEDURE), or nothing of what a
    treatment is (NOT_WHAT: "Tissue biopsy", "Placebo")."""
    return all(w in STUDY_PROCEDURE or w in NOT_WHAT or w.isdigit() for w in WORD.findall(term.lower()))


def common_drug(term: str) -> bool:
    """Whether an intervention's name is a drug given in many illnesses (COMMON_DRUGS), in one of its forms."""
    words = {fold(w) for w in WORD.findall(term.lower())} - NOT_WHAT - COMMON_DRUG_FORMS
    return bool(words) and words <= COMMON_DRUGS


# one-word kinds of treatment: two trials that share only such a word ("radiation", "exercise", "vaccine") do not
# give similar treatments (a Parkinson's exercise trial and Kegel exercises for erectile dysfunction)
TREATMENT_KINDS = frozenset("""
radiation radiotherapy irradiation brachytherapy exercise exercises training vaccine vaccines vaccination surgery
surgical chemotherapy immunotherapy education counseling counselling diet dietary massage acupuncture physiotherapy
physical rehabilitation yoga meditation music imaging ultrasound stimulation app video telehealth psychotherapy
behavioral behavioural cognitive peptide antibody
""".split())


# an observational study that follows people already given a marketed treatment, or keeps a registry of them: one is
# not offered a treatment by joining it (review r16 §9; server/related.py demotes it beside an interventional query)
AFTER_MARKETING = re.compile(r"\bpost[- ]?market(?:ing)?\b|\bsurveillance\b|\buse[- ]results\b|\bdrug[- ]use\b"
                             r"|\bpost[- ]?authori[sz]ation\b", re.I)
REGISTRY = re.compile(r"\bregistry\b|\breal[- ]world\b", re.I)
# a vaccine trial: those it takes are healthy whatever disease it prevents (server/related_ties.py volunteers_trial)
VACCINE = re.compile(r"\bvaccin|\bimmuni[sz]ation\b", re.I)
