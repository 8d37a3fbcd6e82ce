"""The words related trials are read by: broad condition headings, treatment words that say nothing of what a
treatment is, condition entries that say nothing of a trial, and the words of phases. Shared by the ranking
(server/related.py) and the reasons it gives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix

from scrapers.registry.search import WORD, norm_term
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
|hyperplasia|psychotic disorders|immunologic deficiency syndromes|pathological conditions, anatomical
|pathological conditions, signs and symptoms|signs and symptoms|pathologic processes|headache disorders
|headache disorders, primary|genital diseases|urogenital diseases|neoplasms, plasma cell|behavioral symptoms
|disease attributes|neurologic manifestations|congenital abnormalities|wounds and injuries
|male urogenital diseases|female urogenital diseases|chemically-induced disorders|sexual dysfunctions, psychological
|prostatic diseases
""".replace("\n", "").split("|"))
# the broad headings of one word ("infection", "pain", "inflammation"): a word of a condition that names no condition
# ("Viral Infection" among a glomerular disease study's keywords tied it to HIV studies' "Infectious Diseases")
BROAD_WORDS = frozenset(t for t in BROAD_CONDITIONS if " " not in t)
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

# words of a condition's name that do not say which condition it is: "Lung Neoplasms" is about the lung, "Carcinoma,
# Non-Small-Cell Lung" about non-small-cell lung (condition_words)
CONDITION_FILLER = frozenset("""
disease diseases disorder disorders syndrome syndromes neoplasm neoplasms cancer cancers carcinoma carcinomas tumor
tumors tumour tumours malignancy malignancies malignant condition conditions other and of the in with or by nos
""".split())


@lru_cache(maxsize=65536)
def condition_words(term: str) -> frozenset[str]:
    """The words of a condition's name that say which condition it is, lower-cased, plurals folded."""
    return frozenset(fold(w) for w in WORD.findall(term.lower()) if w not in CONDITION_FILLER and not w.isdigit())


def fold(w: str) -> str:
    """A plural's singular, roughly ("tumors"; not "sclerosis", "virus", "class"). ("injuries" -> "injurie": condition
    names are compared so, and own_condition's rule was tuned on it.)"""
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


# two words of conditions are one word with two endings when they share this many first letters and neither goes on
# for more than MAX_ENDING letters after them: "herniated" and "herniation" (a "Herniated Nucleus Pulposus" trial and
# "Lumbar Disc Herniation" ones, which the bench judged related), "diabetes" and "diabetic"; not "hypertension" and
# "hypertrophy", "cardiomyopathy" and "cardiovascular", "myeloma" and "myelodysplastic"
SAME_STEM, MAX_ENDING = 6, 5


def share_condition_word(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of condition_words share a word, or one word with two endings (SAME_STEM)."""
    return bool(a & b) or any(_alike(x, y) for x in a for y in b)


# Two condition names are one condition when, said as their words that say which condition (condition_words, less a
# broad heading's word and the MODIFIERS), they are the same, or share a word that names a disease ("migraine" of
# "Chronic Migraine, Headache" and "Migraine", "herniated" and "herniation"), both are of one kind (a tumour or not)
# and neither says "non" before it. A word of the body or of a kind of harm seen in many diseases is no such word
# (review r35 §7: "bladder" tied bladder cancer to overactive bladder, "sclerosis" multiple to tuberous sclerosis,
# "injury" spinal cord to brain injury, "urinary, tract" urinary symptoms to a urinary tract infection). A body word is
# one between two tumours: "Cervical Cancer" and "Recurrent Cervical Carcinoma" are one condition.
TUMOUR_WORDS = frozenset("""
cancer cancers carcinoma carcinomas neoplasm neoplasms tumor tumors tumour tumours malignancy malignancies malignant
adenocarcinoma adenocarcinomas
""".split())
# words of a name that say its course, stage, grade, cause or who has it, not which condition: left out of the comparison
MODIFIERS = frozenset("""
acute chronic recurrent relapsed relapsing refractory advanced metastatic early late stage severe mild moderate
primary secondary adult adults childhood pediatric paediatric juvenile unspecified protocol specific newly diagnosed
untreated locally unresectable persistent progressive resistant low high type grade risk related associated induced
due onset complicated uncomplicated traumatic male female benign patients human
""".split())
# kinds of harm seen in many diseases, generic nouns, and the words of imaging or study kinds some list as keywords
# ("MRI (Magnetic Resonance Imaging)", "Natural History"): "sclerosis" (multiple, tuberous), "injury", "dysfunction"
GENERIC_HEADS = frozenset("""
sclerosis fibrosis dysplasia hyperplasia injury dysfunction failure insufficiency deficiency stenosis atrophy
degeneration dystrophy lesion complication symptom use abuse dependence addiction cell
pathology physiology health function impairment loss defect malformation obstruction infarction neuropathy
nephropathy retinopathy arthritis anemia anaemia hypertension immunodeficiency surgery metastasis metastase
imaging magnetic resonance mri contrast enhancement natural history
""".split())
# parts of the body, and its cells: one condition only between two tumours ("Bladder Cancer", "Bladder Carcinoma")
ANATOMY = frozenset("""
bladder kidney renal brain heart cardiac cardiovascular lung pulmonary liver hepatic central nervous system spinal
cord urinary tract urogenital genital breast ovarian ovary cervical cervix uterine uterus endometrial prostate
prostatic skin bone blood head neck eye ocular gastrointestinal colorectal colon rectal bowel stomach gastric
pancreatic pancreas thyroid adrenal lymph node vascular artery arterial venous vein muscle joint back pelvic oral
leukocyte mononuclear lymphocyte
""".split())


@dataclass(frozen=True)
class _Name:
    """A condition name as same_condition compares it: its words that say which condition (filler, broad words,
    MODIFIERS and numbers left out, plurals folded), whether it names a tumour, its words said after "non"
    ("Non-Small Cell": small), whether it is a broad heading, and its words' first SAME_STEM letters (names sharing
    none share no word: most pairs, told apart at once)."""
    words: frozenset[str]
    tumour: bool
    negated: frozenset[str]
    broad: bool
    stems: frozenset[str]


@lru_cache(maxsize=65536)
def _name(term: str) -> _Name:
    words = WORD.findall(term.lower())
    said = frozenset({_singular(w) for w in condition_words(term)} - BROAD_WORDS - MODIFIERS - NEGATING)
    return _Name(said, any(w in TUMOUR_WORDS for w in words),
                 frozenset(_singular(w) for i, w in enumerate(words) if i and words[i - 1] in NEGATING),
                 norm_term(term) in BROAD_CONDITIONS, frozenset(w[:SAME_STEM] for w in said))


def _singular(w: str) -> str:
    """fold, and "-ies" as "-y" ("Spinal Cord Injuries" is "Spinal Cord Injury")."""
    w = fold(w)
    return w[:-2] + "y" if len(w) > 4 and w.endswith("ie") else w


def _alike(x: str, y: str) -> bool:
    """One word, or one word with two endings (SAME_STEM)."""
    return x == y or (len(x) >= SAME_STEM and x[:SAME_STEM] == y[:SAME_STEM]
                      and max(len(x), len(y)) - len(commonprefix((x, y))) <= MAX_ENDING)


def same_condition(a: str, b: str) -> bool:
    """Whether two condition names are one condition (see TUMOUR_WORDS above): the same words, or a shared word that
    names a disease, between names of one kind. Two broad headings ("Neoplasm Metastasis") are not: the ranking ties
    trials by such a heading on its own terms (server/related_ties.py); one ("Solid Tumor") is one condition with a
    name saying it alike ("Unspecified Adult Solid Tumor, Protocol Specific")."""
    x, y = _name(a), _name(b)
    if not x.stems & y.stems or x.tumour != y.tumour or x.broad and y.broad:
        return False
    if _within(x.words, y.words) and _within(y.words, x.words):
        return not (x.negated ^ y.negated)
    said_non = x.negated | y.negated
    return any(_alike(v, w) and not {v, w} & said_non and not {v, w} & GENERIC_HEADS
               and (x.tumour or not {v, w} & ANATOMY) for v in x.words for w in y.words)


def says_which(term: str) -> bool:
    """Whether a condition name has a word that says which disease (not only a body part, unless of a tumour, or a
    harm many diseases have): "Lung Neoplasms" does, the MeSH heading "Sclerosis" does not."""
    name = _name(term)
    return any(w not in GENERIC_HEADS and (name.tumour or w not in ANATOMY) for w in name.words)


def _within(a: frozenset[str], b: frozenset[str]) -> bool:
    return all(any(_alike(x, y) for y in b) for x in a)


def same_condition_in(names: list[str], others: list[str]) -> bool:
    """Whether a name of one list is one condition with a name of the other (same_condition)."""
    return any(same_condition(a, b) for a in names for b in others)


def own_condition(term: str, listed: list[str], mesh: list[str]) -> bool:
    """Whether a (normalized) condition term is one the trial itself is about: a condition it lists, or a MeSH term
    ClinicalTrials.gov drew from one that no other MeSH term of the record narrows ("Lung Neoplasms" beside "Small
    Cell Lung Carcinoma" is the heading above it, not the trial's condition). Drawn from a listed condition: it shares
    a word that says which condition with one, or a listed acronym spells it ("NSCLC"), or some listed condition
    shares nothing with any MeSH term (a synonym: "Heart Attack", "Myocardial Infarction"), so it may be its term.
    ClinicalTrials.gov adds terms by itself: "Psychotic Disorders" on a postpartum depression trial, "Migraine
    Disorders" on a cluster headache one (review r16 §2)."""
    if any(term == " ".join(t.lower().split()) for t in listed):
        return True
    words = condition_words(term)
    if not words or any(words < condition_words(m) for m in mesh):
        return False
    return _explains(term, listed) or any(not any(_explains(m, [t]) for m in mesh) for t in listed)


def _explains(term: str, listed: list[str]) -> bool:
    """A listed condition shares a word with the term, or one of its acronyms is the term's initials ("NSCLC" and
    "Carcinoma, Non-Small-Cell Lung", "T2DM" and "Diabetes Mellitus, Type 2")."""
    words = condition_words(term)
    return any(words & condition_words(t) for t in listed) or spelled(term, listed)


def spelled(term: str, listed: list[str]) -> bool:
    """One of the listed conditions' acronyms is the term's initials ("NSCLC" in "Advanced NSCLC" for "Carcinoma,
    Non-Small-Cell Lung")."""
    initials = sorted(w[0] for w in WORD.findall(term.lower()))
    return any(len(w) >= 2 and w.isupper() and sorted(w.lower()) == initials for t in listed for w in WORD.findall(t))


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
