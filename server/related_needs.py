"""Related trials: a candidate whose patients must have something the query's need not (rel9's scan of 60 records):
a cancer, an advanced one beside a trial preventing it, or a breast cancer of the other HER2 status (another illness:
server/related_second.py; a cancer at another stage: server/related_stage.py). Read from what both records say; each
makes the candidate a trial of another disease (server/related_ties.another_kind)."""

from __future__ import annotations

import re
from functools import lru_cache

from server.related_kinds import _own, _says, _words
from server.related_terms import _tumour, acronyms

# where a title says whom it takes: "… in Men With Lung Cancer", "Focal Therapy for Prostate Cancer Using HIFU",
# "… in Patients Undergoing Radical Prostatectomy" (what follows the first of these words)
_WHO = re.compile(r"\b(?:with|for|in|after|undergoing)\b(.*)$", re.I)


# a text saying anything of a cancer, its treatment or its surgery: read wide on the query's side, so that a query
# hinting at cancer ("Tadalafil After Radical Prostatectomy", "Nausea and Vomiting, Chemotherapy-Induced",
# "Retinoblastoma") keeps its cancer trials
_CANCER_SAID = re.compile(
    r"cancer|carcinom|neoplas|tumou?r|malignan|metasta|oncolog|sarcom|blastom|lymphom|leuka?emi|melanom|myelom|gliom"
    r"|mesotheliom|adenom|seminom|hodgkin|myelodysplas|myeloprolif|polyposis|brca|nsclc|sclc|chemo|radiotherap"
    r"|radiation|irradiat|\w+ectom|prostatectomi[sz]ed|\bpost-?rp\b", re.I)
# a cancer's surgery or treatment (cancer_bound)
_CANCER_CARE = re.compile(r"\w+ectom|radiation|radiotherap|irradiat|chemo", re.I)


# "tumor necrosis factor" names a protein, not a tumour ("Interleukin-2 With or Without a Tumor Necrosis Factor
# Antagonist in Patients With HIV-1 Infection")
_NOT_A_TUMOUR = re.compile(r"\btumou?r[- ]necrosis\b", re.I)


@lru_cache(maxsize=65536)
def _cancer(text: str) -> bool:
    """A text names a tumour (related_terms._tumour), "tumor necrosis factor" aside. (Cached: cancer_bound reads the
    same candidates' names and titles for every query.)"""
    return _tumour(_NOT_A_TUMOUR.sub(" ", text))


@lru_cache(maxsize=16384)
def _who(title: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """Whom a title says its trial takes (_WHO: what follows its first "with", "for", "in" …), with its words and
    acronyms; None if it says no one (cached, as _cancer)."""
    who = _WHO.search(title)
    return (who.group(1), _words(who.group(1)), acronyms(who.group(1))) if who else None


def names_tumour(texts: list[str]) -> bool:
    """Some text says anything of a cancer (_CANCER_SAID): a tumour, its treatment, or an operation ("Prostate
    Cancer", "… After Radical Prostatectomy", "Chemotherapy-Induced", "Osteosarcoma", "Tumor Growth")."""
    return any(t and _CANCER_SAID.search(_NOT_A_TUMOUR.sub(" ", t)) for t in texts)


def cancer_bound(query_names: list[str], query_names_tumour: bool, conditions: list[str], titles: list[str],
                 healthy: bool | None, ours: list[str] | None = None) -> bool:
    """The candidate is for people with a cancer, and the query names no tumour anywhere (`query_names_tumour`:
    names_tumour of its conditions, MeSH terms, keywords and titles; `query_names`: its condition names). Its reader
    has none: an erectile dysfunction trial of hypogonadal men with epilepsy was given a focal-therapy trial for
    prostate cancer listing "Male Erectile Disorder", a nerve graft at radical prostatectomy and a sexual-health study
    of men with lung cancer, each by "Erectile Dysfunction" (rel9). Whom a candidate takes is read from its title
    (_WHO: "… in Men With Lung Cancer"): people with a tumour and none of the query's conditions, or the query's
    people ("… in Patients With Systemic Mastocytosis", listing "Leukemia" first; "Specimen Collections From Patients
    With HIV Infection, KSHV Infection, … and Cancer"); a title saying neither, from its first listed condition, its
    main one, when it lists at most FEW_OTHERS conditions that name no tumour (a bronchoscopy study listing
    "Bronchogenic Carcinoma" first, then four other diseases, Job's syndrome among them, takes each). Not a study
    taking healthy volunteers: a screening or prevention one may take the reader. `ours`: _own(query_names), when the
    caller has it (related_ties reads it once per query)."""
    if query_names_tumour or healthy is True:
        return False
    named = [c for c in conditions if c.strip()]
    main = bool(named) and _cancer(named[0])
    # (a candidate naming no tumour in its conditions or titles is bound to none: most, read at once)
    if not main and not any(_cancer(t) for t in named[1:] + titles if t):
        return False
    if ours is None:
        ours = _own(query_names)   # (not "Men", a keyword)
    for title in titles:
        who = _who(title or "")
        if who:
            text, words, said = who
            if any(_says(n, words, said) for n in ours):
                # (the query's people, unless after a cancer's surgery or treatment, a cancer listed first: "… in
                # Patients With Persistent Erectile Dysfunction Post Radical Prostatectomy"; not "… Psoriasis, …
                # Multiple Basal Cell Carcinomas", which takes either)
                if not (main and _CANCER_CARE.search(text)):
                    return False
            elif _cancer(text) or _CANCER_SURGERY.search(text):
                return True
        elif _CANCER_SURGERY.search(title or ""):
            return True
    return main and sum(not _cancer(c) for c in named) <= FEW_OTHERS


# a title saying its people have had a cancer's surgery, said without naming the cancer: "… BZ371A Topically Applied
# on Prostatectomized Patients", "… in Patients That Performed Radical Prostatectomy" (rel10's scan: a prostatectomy
# gel for an erectile dysfunction trial; rel12)
_CANCER_SURGERY = re.compile(r"\bprostatectomi[sz]ed\b|\bradical\s+(?:[\w-]+\s+){0,3}?prostatectom|\bpost-?rp\b", re.I)


# a candidate listing more conditions of no tumour than this beside a tumour listed first takes people with any of them
FEW_OTHERS = 2


# a title saying its trial keeps people from getting a cancer: "Tamoxifen for the Prevention of Breast Cancer in
# High-Risk Women", "Chemoprevention of …", "… to Prevent Prostate Cancer"
_PREVENTS = re.compile(r"\b(?:chemo)?prevent(?:ion|ing|s)?\s+(?:of\s+)?"
                       r"(?:(?!(?:in|with|for|after|during|among)\b)[\w-]+\s+){0,3}?"
                       r"(?:cancers?|carcinomas?|neoplasms?|tumou?rs?|melanomas?|malignanc\w*)\b", re.I)


def prevents_cancer(titles: list[str]) -> bool:
    """The query's title says it prevents a cancer (_PREVENTS; not "Preventing Nausea in Cancer Patients"): its readers
    have none, so a trial taking advanced cancer only is none for them (related_ties.another_kind, as for a cancer not
    yet invasive: a tamoxifen prevention trial for women at high risk was given NCI-MATCH, "… Advanced Refractory
    Solid Tumors"; rel9)."""
    return any(t and _PREVENTS.search(t) for t in titles)


# a breast cancer's HER2 status as a record words it: positive ("HER2-positive", "HER2+", "Overexpresses HER2",
# "HER2- Overexpressing"), or negative ("HER2-negative", "Triple Negative", "TNBC")
_HER2_POSITIVE = re.compile(r"\bher-?2(?:/neu)?[- ]*(?:positive|\+|overexpress\w*|amplified|enriched)"
                            r"|\boverexpress\w*\s+her-?2\b", re.I)
_HER2_NEGATIVE = re.compile(r"\bher-?2(?:/neu)?[- ]?(?:negative|-(?!\w)(?!\s+(?:over|pos|amplif|enrich)))"
                            r"|\btriple[- ]negative\b|\btnbc\b", re.I)


def her2(texts: list[str]) -> frozenset[str]:
    """The HER2 statuses ("+", "-") the texts say."""
    said = " ".join(t for t in texts if t)
    return frozenset(({"+"} if _HER2_POSITIVE.search(said) else set())
                     | ({"-"} if _HER2_NEGATIVE.search(said) else set()))


def other_her2(query: frozenset[str], candidate: frozenset[str]) -> bool:
    """Each says one HER2 status (her2), and they differ: a woman with HER2-positive breast cancer cannot join a
    triple-negative trial, nor one with triple-negative a HER2-positive one (rel9: a trastuzumab trial for HER2
    overexpressing metastatic breast cancer was given a triple-negative immunotherapy trial)."""
    return len(query) == 1 and len(candidate) == 1 and query != candidate
