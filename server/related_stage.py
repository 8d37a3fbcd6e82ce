"""Related trials: a candidate for a cancer at another stage than the query's (rel11; rel10's scan of 60 records).
A trial of localized cancer or of its curative surgery is none for a query of advanced cancer only, and a trial of
spread or advanced cancer only none for a query of a cancer not yet spread. Each is read from the record's own words
(conditions, keywords, titles): a record saying no stage is left alone. (related_kinds.pre_invasive and advanced_only
keep advanced-only trials from in situ and stage 0-II queries; this reads the rest.)"""

from __future__ import annotations

import re

from server.related_needs import _cancer

# a cancer past cure by surgery, as a record words it: "Hormone Refractory Metastatic Prostate Cancer", "stage IV breast
# cancer", "Castration-Resistant", "recurrent prostate cancer"; of these, the words of a spread one (_SPREAD)
_SPREAD = (r"\bmetasta|\bstage\s+iv|\b(?:hormone|castrat\w*|androgen)[- ](?:refractory|resistant|independent)"
           r"|\bm?crpc\b")
_SPREAD_ONLY = re.compile(_SPREAD, re.I)
_ADVANCED = re.compile(_SPREAD + r"|\badvanced\b|\brefractory\b|\brelapsed\b|\bunresectable\b|\brecurren", re.I)

# a cancer found early, or its curative surgery: "Localized Prostate Cancer", "early-stage", "early breast cancer",
# "stage I", "stage IIA", "resectable", "organ-confined", "Undergoing Robotic Assisted Radical Prostatectomy",
# "Lumpectomy", "Following Prostate Cancer Surgery", "Neoadjuvant", "Resected" ("Early Return of Erectile Function"
# says no stage; "unresectable" is not "resectable")
_EARLIER = re.compile(r"\blocali[sz]ed\b|\bearly[- ]stage\b"
                      r"|\bearly\s+(?:[\w-]+\s+){0,2}?(?:cancer|carcinoma|tumou?r|disease)"
                      r"|\bstage\s+(?:0|i|ia|ib|ic|ii|iia|iib|iic)\b|\bresectable\b|\borgan[- ]confined\b"
                      r"|\bradical\s+(?:[\w-]+\s+){0,2}?\w+ectom|\blumpectom|\bbreast[- ]conserving\b"
                      r"|\b(?:cancer|carcinoma)\s+surgery\b|\bneo-?adjuvant\b|\bresected\b", re.I)
# a query's treatment after a cancer's removal ("as Adjuvant Treatment"), besides _EARLIER
_ADJUVANT = re.compile(r"\badjuvant\b", re.I)

# a later cancer that has not spread: stage III (a range reaching it says it: "Stage II-III NSCLC", "Resected Stage
# IIA-IIIB") or locally advanced; and, besides _ADVANCED, words of a candidate that may take the query's people too
_STAGE_III = r"\bstage\s+(?:[0i]\w*\s*(?:-|–|to)\s*)?iii"
_NOT_SPREAD_LATER = re.compile(_STAGE_III + r"|\blocally\s+advanced\b", re.I)
_LATER_TOO = re.compile(_STAGE_III + r"|\bsalvage\b|\bprogressi|\bpersistent\s+(?:[\w-]+\s+)?(?:cancer|disease)", re.I)

# a cancer of the blood, whose stages say no spread from an organ (stage III myeloma is its most advanced)
_BLOOD = re.compile(r"myelom|leuka?emi|lymphom|hodgkin|myelodysplas|myeloprolif|plasma\s+cell", re.I)
# a cancer by the acronym records use for it ("Stage II-III NSCLC"), which related_needs._cancer does not read
_CANCER_ACRONYM = re.compile(r"\b(?:n?sclc|m?crpc|hcc|rcc|tnbc|crc|scchn|hnscc)\b", re.I)


def _a_cancer(texts: list[str]) -> bool:
    return any(_cancer(t) or _CANCER_ACRONYM.search(t) for t in texts)


def advanced_cancer(texts: list[str]) -> str | None:
    """How far the query's cancer is past cure by surgery in its own words: "spread" (_SPREAD: metastatic, stage IV,
    hormone-refractory …, with no stage III or locally advanced one and no cancer of the blood), "advanced"
    (_ADVANCED: also recurrent, refractory, unresectable …), or None: no word says so, some says an earlier one
    (_EARLIER), or no cancer is named. Its readers cannot join a trial of localized cancer or its surgery
    (earlier_only)."""
    said = [t for t in texts if t]
    if not (any(_ADVANCED.search(t) for t in said) and not any(_EARLIER.search(t) for t in said)
            and _a_cancer(said)):
        return None
    spread = (any(_SPREAD_ONLY.search(t) for t in said)
              and not any(_NOT_SPREAD_LATER.search(t) or _BLOOD.search(t) for t in said))
    return "spread" if spread else "advanced"


def earlier_only(texts: list[str], query: str | None) -> bool:
    """The candidate takes a cancer found early or at its curative surgery, in its own words (_EARLIER: "localized
    low-risk and intermediate risk prostate cancer", "stage IIA prostate cancer", "… Undergoing Robotic Assisted
    Radical Prostatectomy", "… Post Radical Prostatectomy"), and none says a later one (_ADVANCED, _LATER_TOO; not
    stage III or locally advanced when the query's cancer has spread: "Localized Prostate Carcinoma" with "Stage III
    Prostate Cancer AJCC v8" takes no metastatic one). None for a query of advanced cancer only (`query`:
    advanced_cancer of its words): rel10's scan gave a hormone-refractory metastatic prostate cancer trial focal HIFU,
    brachytherapy for good-prognosis cancer and three nerve-graft or membrane trials at radical prostatectomy."""
    if query is None:
        return False
    said = [t for t in texts if t]
    later = [_NOT_SPREAD_LATER.sub(" ", t) for t in said] if query == "spread" else said
    return (any(_EARLIER.search(t) for t in said)
            and not any(_ADVANCED.search(t) or _LATER_TOO.search(t) for t in later)
            and _a_cancer(said))


def curable_cancer(texts: list[str]) -> bool:
    """The query's cancer has not spread, in its own words: some says an early one, its surgery or adjuvant treatment
    (_EARLIER, _ADJUVANT), and none an advanced one (_ADVANCED) but stage III or locally advanced. Wider than
    related_kinds.pre_invasive, which leaves a query listing stage IIIA (an adjuvant trastuzumab trial for stage IA to
    IIIA breast cancer was given a metastatic-only margetuximab programme and NCI-MATCH; rel11's scan). Not a cancer
    of the blood (_BLOOD)."""
    said = [t for t in texts if t]
    if any(_BLOOD.search(t) for t in said):
        return False
    return (any(_EARLIER.search(t) or _ADJUVANT.search(t) for t in said)
            and not any(_ADVANCED.search(_NOT_SPREAD_LATER.sub(" ", t)) for t in said)
            and _a_cancer(said))


def spread_only(texts: list[str]) -> bool:
    """The candidate takes spread or advanced cancer only, in its own words (_ADVANCED: "HER2+ Metastatic Breast
    Cancer", "Neoplasm Metastasis", "Advanced Refractory Solid Tumors"), and none says an earlier one (_EARLIER,
    _ADJUVANT, stage III, locally advanced): none for a query of a cancer not yet spread (curable_cancer)."""
    said = [t for t in texts if t]
    return (any(_ADVANCED.search(t) for t in said)
            and not any(_EARLIER.search(t) or _ADJUVANT.search(t) or _NOT_SPREAD_LATER.search(t) for t in said)
            and _a_cancer(said))
