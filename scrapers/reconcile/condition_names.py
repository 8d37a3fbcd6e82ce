"""The short and broad names pages give an illness, for reconcile.conditions: acronyms ("NSCLC", "CF"), clipped lay
words ("hep C"), one side spelling out what the other abbreviates ("ADHD", "Attention Deficit Hyperactivity
Disorder"), and MeSH's broader heading for a record that carries none ("Dementia" for Alzheimer Disease). Kept apart
from the word comparison (conditions.py) as the names a page may use are one concern, and each loose reading of them
also hid a page about another trial (cond2, review r47).
"""

from __future__ import annotations

import re

from ..illness_words import NO_ILLNESS

# Acronyms pages and records use for an illness, and what they stand for (several where one acronym is used for more
# than one: "AD"). They only ever add words to agree with, on either side: a page's "HCV" agrees with a record's
# "Chronic Hepatitis C", a page's "Lung Cancer" with a record's "NSCLC" (review round 22, F5).
LEXICON: dict[str, tuple[str, ...]] = {
    "NSCLC": ("non-small cell lung cancer",), "SCLC": ("small cell lung cancer",), "HCV": ("hepatitis C virus",),
    "HBV": ("hepatitis B virus",), "NHL": ("non-Hodgkin lymphoma",),
    "AMD": ("age-related macular degeneration",), "CKD": ("chronic kidney disease",),
    "COPD": ("chronic obstructive pulmonary disease",), "IBD": ("inflammatory bowel disease",),
    "GERD": ("gastroesophageal reflux disease",), "GORD": ("gastro-oesophageal reflux disease",),
    "BPH": ("benign prostatic hyperplasia",), "ED": ("erectile dysfunction",), "MS": ("multiple sclerosis",),
    "RA": ("rheumatoid arthritis",), "SLE": ("systemic lupus erythematosus",), "CHF": ("congestive heart failure",),
    "CAD": ("coronary artery disease",), "MI": ("myocardial infarction",), "PD": ("Parkinson disease",),
    "AD": ("Alzheimer disease", "atopic dermatitis"), "ADHD": ("attention deficit hyperactivity disorder",),
    "PTSD": ("post-traumatic stress disorder",), "OCD": ("obsessive-compulsive disorder",),
    "T1D": ("type 1 diabetes",), "T2D": ("type 2 diabetes",), "T1DM": ("type 1 diabetes mellitus",),
    "T2DM": ("type 2 diabetes mellitus",), "AML": ("acute myeloid leukemia",),
    "ALL": ("acute lymphoblastic leukemia",),
    "CLL": ("chronic lymphocytic leukemia",), "CML": ("chronic myeloid leukemia",),
    "HCC": ("hepatocellular carcinoma",),
    "RCC": ("renal cell carcinoma",), "CRC": ("colorectal cancer",), "UC": ("ulcerative colitis",),
    "IBS": ("irritable bowel syndrome",), "UTI": ("urinary tract infection",), "TB": ("tuberculosis",),
    "AF": ("atrial fibrillation",), "AFIB": ("atrial fibrillation",), "DVT": ("deep vein thrombosis",),
    "PE": ("pulmonary embolism",), "ESRD": ("end-stage renal disease",), "ALS": ("amyotrophic lateral sclerosis",),
    "CF": ("cystic fibrosis",), "OSA": ("obstructive sleep apnea",), "MDD": ("major depressive disorder",),
    "ASD": ("autism spectrum disorder",), "NASH": ("nonalcoholic steatohepatitis",),
    "NAFLD": ("nonalcoholic fatty liver disease",), "MDS": ("myelodysplastic syndrome",), "MM": ("multiple myeloma",),
    # (known, so never read less a letter for "virus": "HI" is "Human Influenza", "Hepatic Insufficiency": cond2)
    "HIV": ("human immunodeficiency virus",),
    "CP": ("cerebral palsy", "chronic pancreatitis", "chronic prostatitis"),
}
# lay words clipped from an illness's name ("hep C" for Hepatitis C: r47 M1, 28 of 28 own pages warned)
CLIPPED: dict[str, str] = {"hep": "hepatitis", "strep": "streptococcal", "staph": "staphylococcal"}
_TOKEN = re.compile(r"[A-Za-z0-9]+")


def expanded(text: str) -> str:
    """The text with what its acronyms and clipped words stand for added: "HCV" -> "HCV hepatitis C virus", "hep C"
    -> "hep C hepatitis". An acronym is a word of three letters or more written in capitals, or the whole text
    ("Afib", "ED": two letters alone stand for too much, "ED" also for an emergency department)."""
    whole = text.strip().upper()
    extra = [x for w in _TOKEN.findall(text) if (w.isupper() and len(w) > 2 or w.upper() == whole)
             and w.upper() in LEXICON for x in LEXICON[w.upper()]]
    extra += [CLIPPED[w.lower()] for w in _TOKEN.findall(text) if w.lower() in CLIPPED]
    return " ".join([text, *extra])


# (not a Roman numeral: "Stage III" and "Phase III" are no illness: cond2)
ACRONYM = re.compile(r"\b(?![IVX]+\b)[A-Z]{3,6}\b")
_SMALL = frozenset("of and the with in on to for or by".split())
# words an acronym may leave out or add a letter for: "CKD" for "Kidney Disease", "HCV" for "Chronic Hepatitis C"
_FILLER = frozenset("chronic virus viral disease diseases disorder disorders infection infections".split())


def uninverted(text: str) -> str:
    """MeSH's "Lymphoma, Non-Hodgkin" in the written order, "Non-Hodgkin Lymphoma" (one comma only: a list of
    several is left as it is)."""
    head, sep, tail = text.partition(",")
    return f"{tail.strip()} {head.strip()}" if sep and "," not in tail and tail.strip() else text


def _units(text: str, drop: frozenset[str] = frozenset()) -> list[tuple[str, bool]]:
    """Each word's letter for initials, and whether the word names an illness (not one of `NO_ILLNESS`: "Non-Small
    Cell Lung Cancer" is n, s, c, l (lung), c). An acronym in it is one whole: "HTLV-I Infection" is "htlv", "i",
    not HIV's "hi"; "NSCLC Stage IV" is "nsclc", "s", "iv", in which no "NSC" is (cond2, r47 M2)."""
    whole = text.isupper()   # (a text in capitals is no acronym)
    return [(w.lower() if w.isupper() and len(w) > 1 and not whole else w[0].lower(),
             len(w) > 2 and w.lower() not in NO_ILLNESS)
            for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in _SMALL and w.lower() not in drop]


def initials(text: str, drop: frozenset[str] = frozenset()) -> set[str]:
    """"Chronic Obstructive Pulmonary Disease" -> "copd"; "Post-Traumatic Stress Disorder" -> "ptsd"; MeSH's
    "Lymphoma, Non-Hodgkin" -> "lnh" and, in the written order, "nhl"."""
    return {"".join(u for u, _ in _units(t, drop)) for t in {text, uninverted(text)}}


def _spells(acronym: str, text: str) -> bool:
    """Does `text` spell out `acronym`: its letters the initials of a run of the text's words that holds every word
    naming an illness ("ADHD" in "ADHD in Adults", "Attention Deficit Hyperactivity Disorder"; "NHL" in MeSH's
    "Lymphoma, Non-Hodgkin")? Not part of a word's letters, nor a run that leaves an illness out: a title's drug
    number "NSC #686673" does not spell "Non-Small Cell Lung Cancer", nor NSCLC (r47 M2)."""
    for t in {text, uninverted(text)}:
        units = _units(t)
        ill = [i for i, (_, named) in enumerate(units) if named]
        for i in range(len(units)):
            if ill and ill[0] < i:
                break
            letters = ""
            for j in range(i, len(units)):
                letters += units[j][0]
                if len(letters) >= len(acronym):
                    if letters == acronym and (not ill or ill[-1] <= j):
                        return True
                    break
    return False


def _cores(acronym: str) -> set[str]:
    """An acronym less one letter for a word it may add: a leading "c" (chronic: "CKD" for "Kidney Disease") or a
    trailing "v", "d" or "c" (virus, disease, chronic: "HCV" for "Hepatitis C"), as long as two letters are left."""
    out = {acronym[1:]} if acronym.startswith("c") else set()
    if acronym[-1:] in ("v", "d", "c"):
        out.add(acronym[:-1])
    return {acronym} | {x for x in out if len(x) >= 2}


def by_acronym(ours: list[str], theirs: list[str]) -> bool:
    """One side spells out what the other abbreviates (`_spells`: "ADHD", "Attention Deficit Hyperactivity
    Disorder"; "NHL", "Lymphoma, Non-Hodgkin")."""
    for a, b in ((ours, theirs), (theirs, ours)):
        short = {m.lower() for t in a for m in ACRONYM.findall(t)}
        if short and any(_spells(x, t) for t in b for x in short):
            return True
    return False


def by_core(ours: list[str], theirs: list[str]) -> bool:
    """An acronym `LEXICON` does not know that leaves out or adds a letter for "chronic", "virus" or "disease" and
    then spells one whole condition of the other side ("HDV", "Hepatitis D"). Conditions only, not titles: two or
    three letters are too easily some title's initials."""
    for a, b in ((ours, theirs), (theirs, ours)):
        cores = set().union(*(_cores(m.lower()) for t in a for m in ACRONYM.findall(t) if m not in LEXICON))
        if cores and any(i in cores for t in b for i in initials(t) | initials(t, _FILLER)):
            return True
    return False


# MeSH's broader headings of a few illnesses that pages name by them ("Dementia" for Alzheimer Disease), for the
# records that carry no broader terms (legacy records: NCT00000171's own page "Dementia" was warned, r47 M1). Read
# like the broader terms records carry (conditions._all_words_in); from the MeSH tree, a heading and its parents.
BROADER: dict[str, tuple[str, ...]] = {k.lower(): v for k, v in {
    "Alzheimer Disease": ("Dementia",),
    "Parkinson Disease": ("Parkinsonian Disorders", "Movement Disorders"),
    "Schizophrenia": ("Schizophrenia Spectrum and Other Psychotic Disorders",),
    "Multiple Sclerosis": ("Demyelinating Autoimmune Diseases, CNS", "Demyelinating Diseases"),
    "Asthma": ("Bronchial Diseases", "Lung Diseases, Obstructive"),
    "Myocardial Infarction": ("Myocardial Ischemia", "Heart Diseases"),
    "Coronary Disease": ("Myocardial Ischemia", "Heart Diseases"),
    "Crohn Disease": ("Inflammatory Bowel Diseases",),
    "Colitis, Ulcerative": ("Inflammatory Bowel Diseases",),
    "Migraine Disorders": ("Headache Disorders, Primary", "Headache Disorders"),
    "Depressive Disorder, Major": ("Depressive Disorder", "Mood Disorders"),
    "Bipolar Disorder": ("Bipolar and Related Disorders", "Mood Disorders"),
}.items()}


def _key(text: str) -> str:
    """A name as BROADER is keyed: small letters, no possessive ("Alzheimer's Disease" is "alzheimer disease")."""
    return re.sub(r"['’]s\b", "", text.strip().lower())


def broader(texts: list[str]) -> list[str]:
    """MeSH's broader headings (`BROADER`) of these conditions or MeSH terms, each once."""
    return list(dict.fromkeys(b for t in texts for b in BROADER.get(_key(t), ())))
