"""Is the page about the illness the record is? A page naming another condition ("… studying 5q Minus Syndrome" for a
head and neck cancer trial; review round 21, P6) sends someone with that condition to a trial for another illness.

Pages reword conditions: "heart attack" for myocardial infarction, "breast cancer" for Breast Neoplasms, "stroke"
for a cerebral infarction, a MeSH heading for the registrant's words. So a page condition agrees with the record when
it shares one meaningful word with any of the record's conditions, keywords or MeSH condition terms: words agree when
equal, when one is the other with an ending ("diabetic", "diabetes"), or when both name the same part of the body or
kind of illness (`_BODY`: "Impotence" and "Erectile Dysfunction", "Throat Cancer" and "Head and Neck Cancer"), a lay
word with a medical one, and two cancers or two illnesses neither a cancer ("Asthma" is not "Lung Cancer"). The
record's titles and broader MeSH terms agree only where they say every word of a page condition, and MeSH's headings
of a whole branch ("Mental Disorders") only as MeSH spells them. A condition also agrees when one side abbreviates
what the other spells out ("COPD", "ADHD"; "NHL" and MeSH's "Lymphoma, Non-Hodgkin"; "CKD" and "Kidney Disease"), and
a common acronym or clipped word counts as the words it stands for (condition_names: "NSCLC" names the lung, "hep C"
hepatitis). Words that name no illness in particular ("disease", "cancer", "chronic", "patients") are not compared,
and a page condition made only of them, or of them and a two-letter acronym ("MS"), says nothing against the record.
Only a page none of whose conditions agrees is said to differ. reconcile.identity takes this check's agreement as the
page's illness being the record's, so each loose rule also hid pages about another trial (cond2, r47).
"""

from __future__ import annotations

import re
from os.path import commonprefix
from functools import lru_cache

from ..illness_words import CHECK_ONLY, NO_ILLNESS, NOUNS, check_pattern
from ..model import OfficialRecord, PageRecord
from .condition_names import broader, by_acronym, by_core, expanded as _expanded, uninverted
from .finding import Finding, quote
from .shorthands import american

# Lay and medical words for one part of the body or kind of illness: a page word and a record word agree when both
# are in one group (lay words whole, medical ones as word beginnings: "myocard" is "myocardial", "myocarditis").
_BODY: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = tuple(
    (frozenset(lay.split()), tuple(stems.split())) for lay, stems in (
    ("heart heartbeat palpitations chest",
     "cardi coronar myocard angina arrhythm atrial atrium ventric aort valv infarct"),
    ("stroke strokes", "cerebrovasc cerebr infarct apoplex hemorrhag haemorrhag ischemi ischaemi"),
    ("brain memory", "cerebr neuro enceph glio glioma cognit alzheim dement mening"),
    ("nerve nerves", "neur"),
    ("kidney kidneys", "renal nephr dialys"),
    ("liver", "hepat cirrho"),
    ("lung lungs breathing breath chest", "pulmon respirat bronch pneum pneumon copd asthma apnea apnoea"),
    ("throat", "pharyn laryn headneck tonsil"),
    ("impotence impotent erection erections", "erectil impoten"),   # ("erection problems": r47 M1)
    # (not the drugs themselves: an opioid in a pain trial's keywords is no addiction; "Opioid-Related Disorders",
    # "Opioid Use Disorder" are said as addiction by _PHRASES)
    ("addiction addictions addict addicts addicted dependence dependency", "addict substance heroin cocain"),
    ("blood clot clots", "hemat haemat hemo haemo anemi anaemi thromb embol coagul platelet seps septi"),
    # blood cancers, each its own illness ("Multiple Myeloma" is not a lymphoma trial's), all of them blood cancers
    ("leukemia leukaemia", "leukem leukaem myeloid myelogen myelodysplas myeloblast myelofibros myeloprolif hematolog"),
    ("lymphoma lymphomas", "lymphom hodgkin hematolog"),
    ("myeloma", "myeloma plasmacyt hematolog"),   # (not "myelom": chronic myelomonocytic leukemia)
    ("pressure", "hypertens hypotens"),
    ("sugar glucose", "diabet glyc insulin"),
    ("skin", "derma cutan psoria eczema melanom acne"),
    ("bone bones", "osteo skelet fractur marrow"),
    ("joint joints", "arthr rheumat"),
    ("stomach belly heartburn indigestion", "gastr peptic dyspeps"),
    ("bowel bowels gut intestine intestines colon", "intestin colorect colon crohn colitis bowel gastro enter"),
    ("eye eyes sight vision blindness blind", "ocul ophthalm retin macul glaucom catarac visual vision cornea uveit"),
    ("ear ears hearing deafness deaf", "otitis cochle tinnit audit"),
    ("mouth tooth teeth gum gums", "oral dental periodont gingiv caries stomat"),
    ("womb", "uter endometri"),
    ("breast breasts", "mamm"),
    ("mental mood", "depress psychi bipolar anxi schizo"),
    ("sleep", "insomni apnea apnoea somn"),
    ("weight overweight fat", "obes bariatr adipos"),
    ("smoking smokers smoker cigarettes", "tobacco nicotin smok cigar"),
    ("drinking", "alcohol"),
    ("aids", "hiv immunodefic"),
    ("flu", "influenza"),
    ("pregnancy pregnant birth baby babies newborn newborns",
     "pregnan obstet gestat preterm neonat infant perinat birth"),
    ("muscle muscles", "muscul myopath myasth myosit dystroph"),
    ("bladder urine urinary", "urin vesic incontin cystit"),
    ("headache headaches", "migrain cephal"),
    ("hair", "alopec"),
    ("cholesterol", "cholesterol lipidem lipoprotein"),
    ("menopause flashes flushes flushing", "menopaus climacter flashes"),
    ("adhd", "hyperactiv hyperkin attention"),
    ("bedwetting", "enuresis"),
    ("shingles chickenpox", "zoster varicell"),
    ("hay", "rhinit pollen pollin"),
    ("gehrig", "amyotroph"),
    ("swelling swollen", "edem lymphedem lymphoedem angioedem"),
    ("ptsd", "posttraum"),
))

# `_BODY` spelled as the words compared with it are (shorthands.american: "angioedem" is "angiedem" there)
_BODY_SPELT = tuple((frozenset(american(w) for w in lay), tuple(dict.fromkeys(american(x) for x in stems)))
                    for lay, stems in _BODY)


# a word for a procedure on a part of the body or its protection, not an illness of it: a keyword "ADR-529 for
# Cardioprotection" under an Ewing's sarcoma record agreed with a page's "Heart Failure" (r47 M2); "bronchoscopy",
# "arthroplasty", "neuroimaging", "cardiology" neither
_PROCEDURE = re.compile(r"(?:protect\w*|scopy|scopic|plasty|plasties|graphy|imaging|ology)$")


@lru_cache(maxsize=65536)
def _keys(word: str) -> tuple[str, frozenset[int], frozenset[tuple[int, str]]]:
    """One word in American spelling, the groups of `_BODY` it is a lay word of, and the (group, medical stem) pairs
    it holds."""
    w = american(word)   # (British spellings, as the record may have the other)
    if _PROCEDURE.search(w):
        return w, frozenset(), frozenset()
    lay = frozenset(i for i, (words, _) in enumerate(_BODY_SPELT) if w in words)
    # (a medical stem of six letters or more also inside a word: "oligodendroglioma", "postmenopausal")
    stems = frozenset((i, x) for i, (_, xs) in enumerate(_BODY_SPELT) for x in xs
                      if w.startswith(x) or len(x) >= 6 and x in w)
    return w, lay, stems


def _same_body(a: str, b: str) -> bool:
    """Do two words name one part of the body or kind of illness (`_BODY`)? A lay word agrees with its group's
    medical words ("heart", "myocardial"); two medical words only through one stem ("edema", "angioedema"): two
    illnesses of one organ are not one illness ("dementia" and "cerebral palsy", "thrombosis" and "hemorrhage":
    cond2)."""
    (wa, lay_a, st_a), (wb, lay_b, st_b) = _keys(a), _keys(b)
    groups_a, groups_b = lay_a | {i for i, _ in st_a}, lay_b | {i for i, _ in st_b}
    if (lay_a & groups_b) or (lay_b & groups_a):
        return True
    return any(i in groups_b and x in wb for i, x in st_a) or any(i in groups_a and x in wa for i, x in st_b)


# "head and neck" is one part of the body, the throat's (`_BODY`), not a head and a neck; "opioid-related disorders",
# "drug abuse", "cocaine use disorder" are addiction (so is "amfetamine-related", the international spelling: ident7);
# a "blood cancer" is a cancer of the blood-forming cells ("hematologic", in each blood cancer's group), not any
# illness of the blood, and so is a "bone marrow cancer" (a page's name for multiple myeloma, r47 M1), not a bone's;
# a "brain attack" is a stroke
_PHRASES = ((re.compile(r"\bhead\W+(?:and|&)\W+neck\b", re.I), "headneck"),
            (re.compile(r"\b(?:opioids?|opiates?|heroin|cocaine|(?:meth)?am(?:ph|f)etamines?|cannabis|marijuana|"
                        r"substances?|drugs?)[\s-]+(?:related\s+disorders?|use\s+disorders?|abuse|misuse|dependence|"
                        r"dependency|addiction)\b", re.I), "addiction"),
            (re.compile(r"\b(?:blood|bone\W+marrow)\W+cancers?\b", re.I), "hematologic"),
            (re.compile(r"\bbrain\W+attacks?\b", re.I), "stroke"))


def illness_words_of(text: str) -> set[str]:
    """The words of a condition that name an illness in particular (none of `NO_ILLNESS`, no number, three letters or
    more): what this check compares, and what reconcile.identity asks of a page's conditions; empty for "Healthy",
    "Advanced Cancers", "Pain"."""
    for pat, to in _PHRASES:
        text = pat.sub(to, text)
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in NO_ILLNESS and not w.isdigit()}


# Endings that make another word for one illness, not another illness: "diabet-es", "diabet-ic"; "asthma",
# "asthma-tic"; "depress-ion", "depress-ive"; "obes-e", "obes-ity"; "scler-osis", "scler-otic". A shared start alone
# is not enough: "myelom-a" is not "myelom-onocytic" (chronic myelomonocytic leukemia, 101 records agreed with a page's
# "Multiple Myeloma"), nor "lympho-ma" "lympho-cytic" or "lymph" (a lymph node); "-oma" and "-cyte" name things.
_ENDINGS = frozenset("""s es ies ic ics al als ical ically tic tics atic y e ed er ers ing a ia ias ial ian ians
    ism isms ist ists ity ities ive ion ions tion ation ations ated osis oses otic asis ases ous us um eal ary ory ce cy t
    ness""".split()) | {""}
_PLURAL = frozenset({"", "s", "es"})


def _same_stem(wa: str, wb: str) -> bool:
    """One stem, each word that stem with one of `_ENDINGS`, or one of them with a number ("covid19"). The stem has
    five letters or more, or four for a plural ("cyst", "cysts"): "hear-ing" is not "hear-t", nor "sept-al" "sept-ic"."""
    n = len(commonprefix((wa, wb)))
    for k in range(3, n + 1):
        ends = {wa[k:], wb[k:]}
        if "" in ends and any(e.isdigit() for e in ends):   # "hiv", "hiv1" (not "brca1", "brca2")
            return True
        if k >= 4 and ends <= _ENDINGS and (k >= 5 or ends <= _PLURAL):
            return True
    return False


# a general word for an illness is no illness inside another word: "Bifunctional Enzyme Deficiency" is not an
# "Immunodeficiency" (cond2)
_GENERAL = frozenset(w.lower() for w in NOUNS + CHECK_ONLY)


def _agree_by_letters(wa: str, wb: str) -> bool:
    """Two words in American spelling equal, one the other with another ending (`_ENDINGS`: "diabetes", "diabetic";
    "asthma", "asthmatic") or a beginning ("arthritis", "osteoarthritis")."""
    if wa == wb:
        return True
    short, long_ = sorted((wa, wb), key=len)
    if len(short) >= 7 and short in long_ and short not in _GENERAL:
        return True
    return _same_stem(wa, wb)


# a cancer's name: a lung cancer and asthma, a melanoma of the skin and atopic dermatitis, are one organ's illnesses
# but two illnesses (cond2); (not "glaucoma", "hematoma", "granuloma": no tumour)
_CANCER = re.compile(r"(?i)cancer|carcinom|tumou?r|neoplas|malignan|leuk[a]?emi|myelodysplas|myeloprolif|myelofibros|"
                     r"hodgkin|metasta|\b(?!(?:glauc|ha?emat|granul|condyl|trach|ather|xanth|scot|c|st)omas?\b)\w+omas?\b")


def _names_cancer(text: str) -> bool:
    return bool(_CANCER.search(text))


_ILLNESS_WORD = re.compile(check_pattern())


def _illness_after(text: str) -> str:
    """The words after a cancer's name that name another illness, one the cancer brings ("Breast Cancer Related
    Lymphedema" is a lymphedema, "Cancer-Associated Thrombosis" a thrombosis): ending like an illness or holding a
    medical stem of `_BODY`. "" where the text ends in the cancer, as a subtype's words do ("Nodular Sclerosis
    Hodgkin Lymphoma", and MeSH's "Hodgkin Lymphoma, Nodular Sclerosis" read in the written order)."""
    words = uninverted(text).split()
    last = max((i for i, w in enumerate(words) if _names_cancer(w)), default=len(words))
    tail = " ".join(words[last + 1:])
    named = illness_words_of(tail)
    return tail if any(_ILLNESS_WORD.fullmatch(w) or _keys(w)[2] for w in named) else ""


Words = dict[bool, list[tuple[str, str]]]


def _record_words(named: list[str]) -> Words:
    """The words of the record's conditions, keywords and MeSH terms (`named`) by whether the text names a cancer:
    each word and its key."""
    words: dict[bool, set[str]] = {True: set(), False: set()}
    for e in map(_expanded, named):
        words[_names_cancer(e)] |= illness_words_of(e)
        # (and the other illness a cancer brings, as that illness: an own page's "Lymphedema" under "Breast Cancer
        # Related Lymphedema" was warned, ident6)
        words[False] |= illness_words_of(_illness_after(e))
    return {cancer: [(w, _keys(w)[0]) for w in side] for cancer, side in words.items()}


def _word_agrees(condition: str, theirs: Words) -> bool:
    """Does a word of a page condition agree with a word of the record's conditions, keywords or MeSH terms
    (`theirs`, `_record_words`)? With those that are a cancer as it is or is not (`_names_cancer`): by its letters
    (`_agree_by_letters`), or as one part of the body (`_same_body`); with the others only by letters, and only a word
    that names a cancer itself ("Myeloma", "Myelomatosis"). One organ's cancer and another illness of it are two
    illnesses, whether their words are one ("Kidney Cancer", "Kidney Diseases") or two ("Renal Cell Carcinoma",
    "Renal Fibrosis"), and a cancer's subtype names no other illness ("Multiple Sclerosis", "nodular sclerosis
    Hodgkin lymphoma": r47 M2)."""
    expanded = _expanded(condition)
    ours = [_keys(w)[0] for w in illness_words_of(expanded)]
    if not ours:
        return False
    cancer = _names_cancer(expanded)
    if any(_agree_by_letters(w, key) or _same_body(w, t) for w in ours for t, key in theirs[cancer]):
        return True
    if any(_agree_by_letters(w, key) for w in ours for _, key in theirs[not cancer]
           if _names_cancer(w) or _names_cancer(key)):
        return True
    # (a page's "Breast Cancer Related Lymphedema" is also a lymphedema, the record's "Lymphedema": ident6)
    after = _illness_after(expanded) if cancer else ""
    return bool(after) and _word_agrees(after, theirs)


def record_texts(official: OfficialRecord) -> list[str]:
    """The record's words for what it studies: conditions, keywords, MeSH condition terms and broader terms, titles,
    acronym."""
    titles = [official.brief_title or "", official.official_title or "", official.acronym or ""]
    return [t for t in (official.conditions + official.keywords + official.condition_mesh_terms
                        + official.condition_mesh_ancestors + titles) if t]


# MeSH's headings of a whole branch of illness (the C tree's and "Mental Disorders", F03) and the catch-alls under
# them: a broader term no page condition agrees with, as every trial of the branch is under it (cond2)
_BRANCHES = frozenset(t.lower() for t in (
    "Infections", "Neoplasms", "Musculoskeletal Diseases", "Digestive System Diseases", "Stomatognathic Diseases",
    "Respiratory Tract Diseases", "Otorhinolaryngologic Diseases", "Nervous System Diseases", "Eye Diseases",
    "Urogenital Diseases", "Male Urogenital Diseases", "Female Urogenital Diseases and Pregnancy Complications",
    "Female Urogenital Diseases", "Cardiovascular Diseases", "Hemic and Lymphatic Diseases",
    "Congenital, Hereditary, and Neonatal Diseases and Abnormalities", "Skin and Connective Tissue Diseases",
    "Nutritional and Metabolic Diseases", "Endocrine System Diseases", "Immune System Diseases",
    "Disorders of Environmental Origin", "Animal Diseases", "Pathological Conditions, Signs and Symptoms",
    "Occupational Diseases", "Chemically-Induced Disorders", "Wounds and Injuries", "Mental Disorders",
    "Behavior and Behavior Mechanisms", "Pathologic Processes", "Pathological Conditions, Anatomical",
    "Signs and Symptoms", "Disease Attributes", "Disease", "Neoplasms by Site", "Neoplasms by Histologic Type",
    # the NIH Office of Rare Diseases' categories legacy records carry as keywords: "renal and genitourinary
    # disorders" under a nephrotic syndrome record is every kidney and bladder illness ("Urinary Incontinence": r47 M2)
    "Rare Disease", "Rare Diseases", "Neurologic and Psychiatric Disorders",
    "Genetic Diseases and Dysmorphic Syndromes",
    "Cardiovascular and Respiratory Diseases", "Immunologic Disorders and Infectious Disorders",
    "Inborn Errors of Metabolism", "Disease-Related Problem/Condition", "Endocrine Disorders", "Hematologic Disorders",
    "Arthritis & Connective Tissue Diseases", "Gastrointestinal Disorders", "Renal and Genitourinary Disorders",
    "Neonatal Disorders", "Dermatologic Disorders", "Oncologic Disorders", "Environmental/Toxic Disorders"))


def _near_ancestors(official: OfficialRecord) -> tuple[list[str], set[str]]:
    """The record's broader MeSH terms (or, for a record carrying none, those condition_names.BROADER knows of its
    conditions and MeSH terms) less the headings of a whole branch (`_BRANCHES`: "Mental Disorders", "Cardiovascular
    Diseases"), and those headings: an erectile dysfunction trial is under "Mental Disorders", and so is every other
    trial's "Mental Disorder" (cond2). A page that shows a heading as MeSH spells it still agrees."""
    near, branches = [], set()
    terms = official.condition_mesh_ancestors or broader(official.conditions + official.condition_mesh_terms)
    for t in terms:
        if t.lower() in _BRANCHES:
            branches.add(t.lower())
        else:
            near.append(t)
    return near, branches


def _all_words_in(condition: str, text: str) -> bool:
    """Does `text` say every illness word of a page condition (equal, another ending, British spelling: no part of
    the body)? How a title or broader MeSH term agrees: one word shared with them is too little ("Spinal Cord Injury"
    and "Umbilical Cord Blood", "Stage III Lymphoma" and "Phase III")."""
    words = [_keys(t)[0] for t in illness_words_of(text)]
    ours = illness_words_of(_expanded(condition))
    return bool(ours) and all(any(_agree_by_letters(_keys(w)[0], t) for t in words) for w in ours)


def check_conditions(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """A WARNING when none of the page's conditions agrees with the record (see the module docstring); nothing when
    either side names none, or the page's conditions are only words like "cancer" or "chronic disease"."""
    if not page.conditions or not official.conditions or not compared_conditions(page):
        return []
    # (a condition named only by a short acronym, "MS", "CF", agrees through what it stands for, but is never reason
    # alone to warn: "PE" is also preeclampsia, "PD" peritoneal dialysis; compared_conditions: r47 H2)
    said = [c for c in page.conditions if illness_words_of(_expanded(c))]
    ancestors, branches = _near_ancestors(official)
    # (a keyword or MeSH term that is a whole branch's heading, "renal and genitourinary disorders", agrees only as
    # spelled, as a broader term does)
    named = official.conditions + [t for t in official.keywords + official.condition_mesh_terms
                                   if t.lower() not in _BRANCHES]
    branches |= {t.lower() for t in official.keywords + official.condition_mesh_terms if t.lower() in _BRANCHES}
    # (acronyms are read in what names the illness, not in titles: "ED" there is as often an emergency department)
    # titles and broader terms agree only where they say all of a page condition (`_all_words_in`)
    loose = [t for t in (official.brief_title, official.official_title, official.acronym) if t] + ancestors
    theirs = _record_words(named)
    if (any(_word_agrees(c, theirs) for c in said)
            or any(_all_words_in(c, t) for c in said for t in loose) or any(c.lower() in branches for c in said)
            # (a page naming an illness by MeSH's narrower heading: "Alzheimer Disease" under a "Dementia" record)
            or any(_all_words_in(b, t) for b in broader(said) for t in named)
            or by_acronym(said, named + loose) or by_core(said, named + ancestors)):
        return []
    page_list, off_list = _listed(page.conditions), _listed(official.conditions)
    # (the rows show each side's list as given; the sentence quotes them)
    return [Finding(
        "fact_mismatch", "warning", "conditions", "; ".join(page.conditions), "; ".join(official.conditions),
        f"This page says the trial studies {page_list}, but ClinicalTrials.gov says it studies {off_list}: check "
        "which illness the trial is for before contacting it.",
        {"page_conditions": page.conditions, "official_conditions": official.conditions,
         "official_keywords": official.keywords[:10], "official_mesh_terms": official.condition_mesh_terms[:10]})]


def _listed(conditions: list[str]) -> str:
    """'"A"', '"A" and "B"', '"A", "B" and 2 more': a list of conditions as a sentence names them."""
    shown = [f'"{quote(c, 60)}"' for c in conditions[:3]]
    more = len(conditions) - len(shown)
    if more:
        return ", ".join(shown) + f" and {more} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def compared_conditions(page: PageRecord) -> bool:
    """Whether check_conditions compares this page's conditions: one of them names an illness in particular (a page's
    "Cancer" alone is not compared). What the drift verdict counts as compared, so that the two stay in step."""
    return any(illness_words_of(c) for c in page.conditions or [])
