"""A measure's own name a copy leaves out before its figure: "Count < 100,000/mm3" where ClinicalTrials.gov says
"Platelet count < 100,000/mm3", "Level < 50 ng/dL" for "Testosterone level < 50 ng/dL". The page no longer says what
is measured, and nothing stood in the name's place for words.word_changes to compare, so each read as in sync (review
r28's sweep: 12 of the 19 silent range items; words4's sweep of real items: see docs/benchmarks.md).

Read only where the dropped words are the whole name: the word before them (if any, joined by a space or a hyphen)
names nothing ("Baseline", "Serum", "Total", a verb, a bracket), so "CD4 count" for "CD4 cell count" keeps its name;
and not where the page says a dropped word elsewhere ("Count >= 100,000 platelets/mm3") or keeps a short form that
stands for it ("Count (PLT)").
"""

from __future__ import annotations

import re
from typing import Callable

# the words a measure's figure is of: what is counted or whose level is set is the name before them
MEASURE_NOUNS = frozenset("count counts level levels concentration concentrations titer titers titre titres".split())
# words before a name that say which sample or when, not what ("Serum testosterone level" as "Serum level")
NOT_A_NAME = frozenset("""blood peripheral baseline screening whole systolic diastolic fasting corrected resting total
    free serum urine urinary plasma ionized ionised absolute direct indirect conjugated unconjugated trough peak mean
    random morning abnormal normal elevated high low raised reduced decreased increased adequate current""".split())
# words that say what kind of count, never which ("CD4+ count" for "CD4+ T-cell count", "White blood count")
_GENERIC = frozenset("cell cells t".split())
_JOIN = re.compile(r"[ \-]+")
_JOIN_NAME = re.compile(r"[)+]*[ \-]+|\+")   # (a name before: "CD4+ T-cell count", "(CD4)+ lymphocyte count")
_FIGURE = re.compile(r"\d")
_AFTER_FIGURE = re.compile(r"[\d/]\s*$")
# the name, up to five words ("alkaline phosphatase level", "hepatitis B surface antibody titer": r31, four words
# read as no name and each left out in silence)
MOST_NAME_WORDS = 5


def dropped_name(t: str, ms: list[re.Match], i1: int, i2: int, says: Callable[[str], bool],
                 kept_elsewhere: Callable[[list[str]], bool]) -> tuple[str, str] | None:
    """(the record's words, the page's) where the record's tokens i1:i2 (of `ms`, its words in `t`) are the whole
    name of the measure the next token counts or sets a level of, a figure after it, and the page leaves them out:
    ("Platelet count", "count"); None otherwise. `says`: words.py's test of a word that says something;
    `kept_elsewhere(words)`: does the page still say one of these words (the name's own tokens from the first on)
    elsewhere, more often than the record does beside the name?"""
    if not 1 <= i2 - i1 <= MOST_NAME_WORDS or i2 >= len(ms) or ms[i2].group(0).lower() not in MEASURE_NOUNS:
        return None
    name = ms[i1:i2]
    while len(name) > 1 and name[0].group(0).lower() in NOT_A_NAME:   # ("Absolute neutrophil count" as "Count")
        name = name[1:]
    joined = all(_JOIN.fullmatch(t, a.end(), b.start()) for a, b in zip(ms[i1:i2], ms[i1 + 1:i2 + 1]))
    words = [m.group(0).lower() for m in name]
    if not joined or not _FIGURE.search(t, ms[i2].end()) or not all(says(m.group(0)) for m in name) or \
            any(w in NOT_A_NAME and not (w == "blood" and words[k - 1:k] in (["white"], ["red"]))
                for k, w in enumerate(words)) or all(w in _GENERIC for w in words):
        return None   # (a sample word inside the name says what is not named; "white blood cell" names the cells)
    if i1 and _names(t, ms[i1 - 1], says) and _JOIN_NAME.fullmatch(t, ms[i1 - 1].end(), ms[i1].start()):
        return None   # (a name word stays before it: "CD4 count" for "CD4 cell count")
    if kept_elsewhere([m.group(0) for m in ms[i1:i1 + 7]]):
        return None
    return t[ms[i1].start():ms[i2].end()], ms[i2].group(0)


def _names(t: str, m: re.Match, says: Callable[[str], bool]) -> bool:
    """Is this word of `t` one that may name a measure: not a figure, nor a figure's unit ("/mm3" in "WBC at least
    3,000/mm3 Platelet count"), nor a sample, time or degree word (`NOT_A_NAME`)?"""
    w = m.group(0)
    return says(w) and not _FIGURE.match(w) and w.lower() not in NOT_A_NAME and not _AFTER_FIGURE.search(t, 0, m.start())
