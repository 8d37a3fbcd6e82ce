"""The words related trials are read by: broad condition headings, treatment words that say nothing of what a
treatment is, condition entries that say nothing of a trial, and the words of phases. Shared by the ranking
(server/related.py) and the reasons it gives."""

from __future__ import annotations

from server.related_query import STOPWORDS

BROAD_CONDITIONS = frozenset("""
neoplasms|carcinoma|adenocarcinoma|cancer|tumor|tumors|solid tumor|neoplasm metastasis|metastatic cancer
|neoplasms, glandular and epithelial|neoplasms by histologic type|neoplasms by site|carcinoma, squamous cell
|cardiovascular diseases|heart diseases|vascular diseases|lung diseases|respiratory tract diseases
|lung diseases, obstructive|eye diseases|retinal diseases|retinal disease|nervous system diseases
|brain diseases|central nervous system diseases|mental disorders|mood disorders|liver diseases
|digestive system diseases|kidney diseases|urologic diseases|skin diseases|infection|infections
|communicable diseases|bacterial infections|virus diseases|inflammation|pain|chronic pain
|genital diseases, male|genital diseases, female|immune system diseases|autoimmune diseases
|metabolic diseases|endocrine system diseases|musculoskeletal diseases|joint diseases
""".replace("\n", "").split("|"))
PHASE_WORDS = {"EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE2": "Phase 2",
               "PHASE3": "Phase 3", "PHASE4": "Phase 4"}

# intervention names that say nothing about the treatment itself
GENERIC_TREATMENT = frozenset("""
placebo placebos sham standard care usual control comparator vehicle matching saline no intervention treatment
therapy drug drugs dose doses oral tablet tablets capsule capsules injection infusion arm group best supportive
observation questionnaire survey
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


# condition entries that do not say what a trial is about
GENERIC_CONDITION = frozenset({"healthy", "healthy volunteers", "healthy volunteer", "healthy subjects", "normal volunteers",
                               "disease", "diseases", "syndrome", "pathologic processes", "recurrence", "chronic disease",
                               "emergencies", "disease progression", "quality of life"})
NOT_WHAT = GENERIC_TREATMENT | INCIDENTAL_TREATMENT | STOPWORDS   # (words that say nothing of what a treatment is)
# a word before a condition's name that makes the longer name another disease ("non-small cell lung cancer")
NEGATING = frozenset({"non", "not", "no", "without"})
# connecting words a cut reason does not end on
TRAILING = frozenset("a an and by for from in of on or the to with".split())
