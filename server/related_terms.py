"""The words related trials are read by: broad condition headings, treatment words that say nothing of what a
treatment is, condition entries that say nothing of a trial, and the words of phases. Shared by the ranking
(server/related.py) and the reasons it gives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix

from scrapers.registry.search import WORD, norm_term

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
|prostatic diseases|glucose metabolism disorders
""".replace("\n", "").split("|"))


def _singulars(terms) -> frozenset[str]:
    """Each heading with its singular ("Lung Disease" as "Lung Diseases", "Mental Disorder"): records list both, and the
    singular was read as a named condition (a lymphangioleiomyomatosis study listing "Lung Disease" was given to a
    child-asthma study by it; rel8)."""
    return frozenset(terms) | {t.replace("diseases", "disease").replace("disorders", "disorder") for t in terms}


# the singulars _singulars adds, which records list in their own words ("Mental Disorder"; server/related._both_list)
LISTED_HEADINGS = _singulars(BROAD_CONDITIONS) - BROAD_CONDITIONS
BROAD_CONDITIONS = _singulars(BROAD_CONDITIONS)
# the broad headings of one word ("infection", "pain", "inflammation"): a word of a condition that names no condition
# ("Viral Infection" among a glomerular disease study's keywords tied it to HIV studies' "Infectious Diseases")
BROAD_WORDS = frozenset(t for t in BROAD_CONDITIONS if " " not in t)
PHASE_WORDS = {"EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE2": "Phase 2",
               "PHASE3": "Phase 3", "PHASE4": "Phase 4"}

# condition entries that do not say what a trial is about
GENERIC_CONDITION = frozenset({"healthy", "healthy volunteers", "healthy volunteer", "healthy subjects", "normal volunteers",
                               "disease", "diseases", "syndrome", "pathologic processes", "recurrence", "chronic disease",
                               "emergencies", "disease progression", "quality of life"})
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
due onset complicated uncomplicated traumatic male female benign patients human post
""".split())
# ("post", rel6: when, not which condition: "Post Traumatic Stress Disorder" and "Post-Traumatic Headache" were one)
# words that say how or where a condition came, or the kind of its cause, not which it is: no tie between two names
# (same_condition) though kept in them. rel7: "Acquired Immunodeficiency Syndrome" and "Hospital-acquired Bacterial
# Pneumonia" were one condition, and so were an HIV record's MeSH keywords "Emergency Service, Hospital" and
# "Antibodies, Viral" with that pneumonia and a "Respiratory Viral Infection" (an RSV emergency-admission study). As a
# MODIFIER "acquired" made "Acquired Immunodeficiency Syndrome" one with a primary immunodeficiency's "Immunodeficiency".
HOW_CAME = frozenset({"acquired", "hospital", "community", "ventilator", "viral", "bacterial", "fungal"})
# kinds of harm seen in many diseases, generic nouns, and the words of imaging or study kinds some list as keywords
# ("MRI (Magnetic Resonance Imaging)", "Natural History"): "sclerosis" (multiple, tuberous), "injury", "dysfunction"
GENERIC_HEADS = frozenset("""
sclerosis fibrosis dysplasia hyperplasia injury dysfunction failure insufficiency deficiency stenosis atrophy
degeneration dystrophy lesion complication symptom use abuse dependence addiction cell
pathology physiology health function impairment loss defect malformation obstruction infarction neuropathy
nephropathy retinopathy arthritis anemia anaemia hypertension immunodeficiency surgery metastasis metastase
imaging magnetic resonance mri contrast enhancement natural history
sexual pregnancy pregnant toxicity insulin
""".split())
# a harm of those named alone as a condition, the MeSH heading above many diseases' ("Fibrosis" of a radiation-injury
# trial and of a liver one, "Infarction" of heart and brain ones): as broad as BROAD_CONDITIONS where trials are
# compared (server/related.py), but not left out of a longer name's words ("Cystic Fibrosis" stays cystic fibrosis)
BARE_HARMS = frozenset("fibrosis sclerosis infarction atrophy stenosis dysplasia degeneration dystrophy lesion".split())
# (the last line, related4: what a body does or goes through, not which disease: "Sexual desire" beside "Sexual
# Dysfunction", "Pregnancy" beside "Pregnancy Complications" (a postpartum depression trial), "Radiation Toxicity"
# beside "Therapy-related Toxicity", "Insulin Resistance" beside "Insulin Dependent Diabetes")
# parts of the body, and its cells: one condition only between two tumours ("Bladder Cancer", "Bladder Carcinoma"; a
# spinal cord injury trial's keyword "Penile erection" made "Penile Prosthesis" one condition with it: rel6)
ANATOMY = frozenset("""
bladder kidney renal brain heart cardiac cardiovascular lung pulmonary liver hepatic central nervous system spinal
cord urinary tract urogenital genital breast ovarian ovary cervical cervix uterine uterus endometrial prostate
prostatic skin bone blood head neck eye ocular gastrointestinal colorectal colon rectal bowel stomach gastric
pancreatic pancreas thyroid adrenal lymph node vascular artery arterial venous vein muscle joint back pelvic oral
leukocyte mononuclear lymphocyte penile penis
""".split())


# who a trial takes, not what illness they have: a condition entry naming only these ("Pregnancy", "Pregnancy Related",
# "Infant, Newborn", "Children", "Aging", "Menopause") is a population, not a shared illness. Two trials
# listing it are not of one condition (an HIV trial of pregnant women was given an autoimmunity-in-pregnancy registry
# as "Same condition: Pregnancy" and a gestational-diabetes one; related5); it ties only a trial that names nothing
# else (related_ties._shares_heading). In r35's store 29 records list "Pregnancy", 10 "Menopause", 8 "Infant, Newborn".
# Not "Healthy": who may join with healthy volunteers is related_ties._volunteers' to say (old NIH studies listing
# "Healthy" beside their patients' illness, their record not saying they take volunteers, are tied to other healthy
# volunteers' imaging and blood-collection studies by that name, which the scan read as right).
POPULATION_WORDS = frozenset("""
pregnancy pregnant gestation gestational women woman men man girl boy child children infant newborn neonate neonatal
elderly aged aging ageing older adolescent adolescence youth menopause menopausal postmenopausal
premenopausal perimenopausal postpartum mother
""".split())


@lru_cache(maxsize=65536)
def population(term: str) -> bool:
    """Whether a condition name names only who a trial takes (POPULATION_WORDS), not an illness. (Cached: read of every
    candidate's names for every query.)"""
    said = {_singular(w) for w in condition_words(term)} - MODIFIERS
    return bool(said) and said <= POPULATION_WORDS


@dataclass(frozen=True)
class _Name:
    """A condition name as same_condition compares it: its words that say which condition (filler, broad words,
    MODIFIERS and numbers left out, plurals folded), whether it names a tumour, its words said after "non"
    ("Non-Small Cell": small), whether it is a broad heading, its words' first SAME_STEM letters (names sharing
    none share no word: most pairs, told apart at once) and its words of a harm many diseases have (GENERIC_HEADS)."""
    words: frozenset[str]
    tumour: bool
    negated: frozenset[str]
    broad: bool
    stems: frozenset[str]
    heads: frozenset[str]
    population: bool = False


@lru_cache(maxsize=65536)
def _name(term: str) -> _Name:
    words = WORD.findall(term.lower())
    said = frozenset({_singular(w) for w in condition_words(term)} - BROAD_WORDS - MODIFIERS - NEGATING)
    return _Name(said, any(w in TUMOUR_WORDS for w in words),
                 frozenset(_singular(w) for i, w in enumerate(words) if i and words[i - 1] in NEGATING),
                 norm_term(term) in BROAD_CONDITIONS, frozenset(w[:SAME_STEM] for w in said), said & GENERIC_HEADS,
                 population(term))


# words of one meaning spelled apart, read as one where two names are compared: "Preterm Infant" is "Infant, Premature"
# (a population word, "infant", ties no two names since rel8, so the two were no longer one; review r52 F8)
SYNONYMS = {"preterm": "premature", "prematurity": "premature"}


def _singular(w: str) -> str:
    """fold, and "-ies" as "-y" ("Spinal Cord Injuries" is "Spinal Cord Injury"); a SYNONYMS word as its other."""
    w = fold(w)
    w = w[:-2] + "y" if len(w) > 4 and w.endswith("ie") else w
    return SYNONYMS.get(w, w)


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
    if not x.stems & y.stems or x.tumour != y.tumour or x.broad and y.broad or x.population or y.population:
        return False
    if _within(x.words, y.words) and _within(y.words, x.words):
        return not (x.negated ^ y.negated)
    said_non = x.negated | y.negated
    # (nor a word of who has it: "Postpartum Pelvic Floor Function" is not "Postpartum Depression"; rel8)
    return any(_alike(v, w) and not {v, w} & said_non and not {v, w} & GENERIC_HEADS and not {v, w} & HOW_CAME
               and not {v, w} & POPULATION_WORDS
               and (x.tumour or not {v, w} & ANATOMY) for v in x.words for w in y.words)


def condition_names(conditions: list[str], mesh: list[str], keywords: list[str]) -> list[str]:
    """The names of the conditions a trial is about: its listed conditions, and its keywords but those that name
    another disease (another_name)."""
    named = [t for t in conditions if t.strip()]
    own = named + [t for t in mesh if t.strip()]
    own_norm = frozenset(norm_term(t) for t in own)   # (once: PDQ records list a hundred keywords)
    return named + [k for k in keywords if k.strip() and not another_name(k, own, own_norm)]


def another_name(keyword: str, own: list[str], own_norm: frozenset[str] | None = None) -> bool:
    """Whether a keyword names a disease other than the trial's conditions (`own`: listed, and their MeSH terms): it
    is not one of them (same_condition), and either both name tumours, theirs saying which (another cancer), or it
    shares with one a word of a harm many diseases have (GENERIC_HEADS: another dysfunction, "Erectile Dysfunction"
    beside "Sexual Dysfunctions, Psychological"). Such a keyword says
    whom else the trial mentions, not whom it takes: "Breast Cancer" among a melanoma trial's keywords tied it to
    HER2 breast cancer trials, "Erectile Dysfunction" on a low-libido trial to ED trials (related3). A keyword
    sharing nothing with them is kept: it may name their heading ("Uveitis" beside "Iritis", which the bench judged
    related). `own_norm`: the normalized `own`, when the caller has it."""
    if own_norm is None:
        own_norm = frozenset(norm_term(t) for t in own)
    if norm_term(keyword) in own_norm or same_condition_in([keyword], own):
        return False
    return (_tumour(keyword) and any(_tumour(t) and _says_which_tumour(t) for t in own)) or any(
        _name(keyword).heads & _name(t).heads for t in own)


# kinds of tumour named without a TUMOUR_WORDS word ("Melanoma"): another_name reads "Breast Cancer" beside one as
# another cancer
TUMOUR_KINDS = frozenset("""
melanoma melanomas sarcoma sarcomas lymphoma lymphomas leukemia leukemias leukaemia leukaemias myeloma myelomas glioma
gliomas glioblastoma glioblastomas mesothelioma mesotheliomas neuroblastoma neuroblastomas blastoma blastomas
""".split())


def _tumour(term: str) -> bool:
    return _name(term).tumour or any(w in TUMOUR_KINDS for w in WORD.findall(term.lower()))


def _says_which_tumour(term: str) -> bool:
    """A tumour's name that says which cancer ("Melanoma", "Lung Cancer"), not any ("Neoplasm", "Neoplasm
    Metastasis"): a cancer keyword beside "Neoplasm" narrows it."""
    name = _name(term)
    return not name.broad and bool(name.words | (condition_words(term) & TUMOUR_KINDS))


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
    Non-Small-Cell Lung"): an acronym whose letters, sorted, are the sorted first letters of the term's words (the one
    reading of an acronym; related_kinds reads a title's acronyms once and asks spelled_by)."""
    return any(spelled_by(term, acronyms(t)) for t in listed)


@lru_cache(maxsize=8192)
def initials(name: str) -> str:
    """The first letters of a name's words, sorted (what an acronym of it spells, in any order)."""
    return "".join(sorted(w[0] for w in WORD.findall(name.lower())))


@lru_cache(maxsize=8192)
def acronyms(text: str) -> frozenset[str]:
    """The acronyms a text says (words of two or more capitals), each as its letters sorted, lower case."""
    return frozenset("".join(sorted(w.lower())) for w in WORD.findall(text) if len(w) >= 2 and w.isupper())


def spelled_by(name: str, said: frozenset[str]) -> bool:
    """Some acronym of `said` (acronyms()) spells the name."""
    return bool(said) and initials(name) in said


# a condition named as MeSH names a group of diseases: "Cerebrovascular Disorders", "Carotid Artery Diseases"
# (related_ties._about, related_second)
HEADING = re.compile(r"\b(?:diseases|disorders)\b", re.I)


# the headings of whole body systems (MeSH's, and the words clinics list them by): a candidate naming CATCH_ALL_SYSTEMS
# or more of these systems among its conditions is a clinic's catch-all ("Mesenchymal Stem Cells for the Treatment of
# Various Chronic and Acute Conditions": autoimmune, cardiovascular, musculoskeletal, neurologic, pulmonary, skin and
# urologic disorders; server/related_ties.py catch_all). In the 8,092 records of r35's store two name 7 and 6 such
# systems; the next 3 (the Women's Health Initiative: heart, bones and cancer; NCI-MATCH names cancer alone).
BODY_SYSTEMS = {t: system for system, terms in {
    "heart": "cardiovascular diseases|heart diseases|vascular diseases|cardiovascular disorders",
    "lung": "lung diseases|respiratory tract diseases|lung diseases, obstructive|pulmonary disorders|pulmonary disease",
    "nerves": "nervous system diseases|brain diseases|central nervous system diseases|neurodegenerative diseases"
              "|peripheral nervous system diseases|neurologic disorders|neurologic disorder|neurodegenerative disorders",
    "bones": "musculoskeletal diseases|joint diseases|bone diseases|musculoskeletal disorders|orthopedic disorder"
             "|orthopedic disorders",
    "urinary": "urologic diseases|kidney diseases|male urogenital diseases|female urogenital diseases"
               "|urogenital diseases|urologic disorders",
    "skin": "skin diseases|integumentary disease|skin and connective tissue diseases",
    "immune": "autoimmune diseases|immune system diseases",
    "digestive": "digestive system diseases|liver diseases|gastrointestinal diseases",
    "eye": "eye diseases", "mind": "mental disorders", "metabolism": "metabolic diseases|endocrine system diseases",
    "infection": "infections|infection|communicable diseases|virus diseases|bacterial infections",
    "cancer": "neoplasms|cancer",
}.items() for t in _singulars(terms.split("|"))}
CATCH_ALL_SYSTEMS = 4
