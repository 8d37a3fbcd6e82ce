"""A measure's own name a copy leaves out before its figure: "Count < 100,000/mm3" where ClinicalTrials.gov says
"Platelet count < 100,000/mm3", "Level < 50 ng/dL" for "Testosterone level < 50 ng/dL". The page no longer says what
is measured, and nothing stood in the name's place for words.word_changes to compare, so each read as in sync (review
r28's sweep: 12 of the 19 silent range items; words4's sweep of real items: see docs/benchmarks.md).

Read only where the dropped words are the whole name: the word before them (if any, joined by a space or a hyphen)
names nothing ("Baseline", "Serum", "Total", a verb, a bracket), so "CD4 count" for "CD4 cell count" keeps its name;
and not where the page says a dropped word elsewhere ("Count >= 100,000 platelets/mm3") or keeps a short form that
stands for it ("Count (PLT)").

The first word of a longer name, dropped where the page keeps the rest, is read too when it says which of a kind is
measured (`_names_which`): "DNA level < 20 IU/mL" for "HBV DNA level < 20 IU/mL", "Cell count" for "CSF cell count",
"Hemoglobin level" for "Glycosylated hemoglobin level" (words5: 111 of 133 real such drops, and 32 of 150 of a short
form, were silent). A word that says when or how ("Documented", "Circulating", "Pretreatment",
"Postoperative") names no other measure and stays quiet here, as do the sample and default words; one saying whose
("Maternal", "Donor") makes it another's measure, which dropped_words.py warns of (OTHER_PERSON).
"""

from __future__ import annotations

import re
from typing import Callable

from .reading import RUN_ON, WordChange, one_span_left_out, says_something
from .same_words import same_word
from .shorthands import is_short, kept_short_form, stands_for

# the words a measure's figure is of: what is counted or whose level is set is the name before them
MEASURE_NOUNS = frozenset("count counts level levels concentration concentrations titer titers titre titres".split())
# words before a name that say which sample or when, not what ("Serum testosterone level" as "Serum level")
NOT_A_NAME = frozenset("""blood peripheral baseline screening whole systolic diastolic fasting corrected resting total
    free serum urine urinary plasma ionized ionised absolute direct indirect conjugated unconjugated trough peak mean
    random morning abnormal normal elevated high low raised reduced decreased increased adequate current""".split())
# an article, never a name ("A CD4+ cell count <= 100/mm3" names "CD4+": review r33 #4, 3 of 13 real articles left
# out warned 'leaves out "a"'); a letter kept is one ("A level" for "Vitamin A level")
_ARTICLES = frozenset(("a", "an", "the"))
# words that say what kind of count, never which ("CD4+ count" for "CD4+ T-cell count", "White blood count")
_GENERIC = frozenset("cell cells t".split())
# what a measure is of, said without which one: a name's first word left out before these leaves only the kind
# ("Antibody level" for "Anticardiolipin antibody level", "RNA level" for "Viral RNA level")
_KINDS = frozenset("""rna dna antibody antibodies antigen antigens cell cells t hormone hormones protein proteins
    peptide peptides enzyme enzymes""".split())
# first words of a name that say which analyte, where the rest names another or a wider one ("Alanine
# aminotransferase", "Alkaline phosphatase", "Glycosylated hemoglobin", "Vitamin D", "Thyroid stimulating hormone")
_WHICH = frozenset("""viral alkaline alanine aspartate glycosylated glycated bioavailable carcinoembryonic thyroid
    white red vitamin cerebrospinal hepatitis prostate""".split())
_LETTERS_AND_FIGURES = re.compile(r"[A-Za-z]+\d[A-Za-z\d]*|\d+[A-Za-z][A-Za-z\d]*")   # ("CD4", "p24", "T4")
_JOIN_NAME = re.compile(r"[)+]*[ \-]+|\+")   # (a name before: "CD4+ T-cell count", "(CD4)+ lymphocyte count")
_FIGURE = re.compile(r"\d")
_AFTER_FIGURE = re.compile(r"[\d/]\s*$")
# the name, up to five words ("alkaline phosphatase level", "hepatitis B surface antibody titer": r31, four words
# read as no name and each left out in silence)
MOST_NAME_WORDS = 5
_PHRASE_END = re.compile(r"(?i)[(\[;]|,\s|\s(?:and|or)\s")   # (what ends a measure's figure and unit)


def name_dropped(record: str, page: str) -> WordChange | None:
    """(the record's words, the page's) where the page is the record's item but for a measure's name left out before
    its figure (dropped_measure_name): ("White blood cell count", "count"). word_changes reads it too, but takes a
    short item that lost three or four of its seven words for a rewording (r31: "Count >= 3,000/mm3" for "White blood
    cell count >= 3,000/mm3" silent, "Count less than 50/mm3" for "Cerebrospinal fluid leukocyte count …" a note);
    sex_left_out.sex_word_findings asks here for a pair's one item."""
    left_out = one_span_left_out(record, page)
    if left_out is None:
        return None
    t, ms, _, pa, (i1, i2) = left_out
    named = dropped_measure_name(t, ms, i1, i2, pa, says_something)
    return None if named is None else WordChange(*named)


def dropped_measure_name(t: str, ms: list[re.Match], i1: int, i2: int, page_words: list[str],
                         says: Callable[[str], bool]) -> tuple[str, str] | None:
    """dropped_name, with the page's words for what it says elsewhere (`_page_says`): dropped_words.dropped_describer
    asks here first."""
    return dropped_name(t, ms, i1, i2, says, lambda words: _page_says(words, i2 - i1, page_words, t, ms, i2))


def dropped_name(t: str, ms: list[re.Match], i1: int, i2: int, says: Callable[[str], bool],
                 kept_elsewhere: Callable[[list[str]], bool]) -> tuple[str, str] | None:
    """(the record's words, the page's) where the record's tokens i1:i2 (of `ms`, its words in `t`) are the whole
    name of the measure the next token counts or sets a level of, a figure after it, and the page leaves them out:
    ("Platelet count", "count"); None otherwise. `says`: words.py's test of a word that says something;
    `kept_elsewhere(words)`: does the page still say one of these words (the name's own tokens from the first on)
    elsewhere, more often than the record does beside the name?"""
    if not 1 <= i2 - i1 <= MOST_NAME_WORDS or i2 >= len(ms):
        return None
    if ms[i2].group(0).lower() not in MEASURE_NOUNS:
        return _first_word_dropped(t, ms, i1, i2, says, kept_elsewhere)
    name = ms[i1:i2]
    while len(name) > 1 and name[0].group(0).lower() in NOT_A_NAME | _ARTICLES:   # ("Absolute neutrophil count")
        name = name[1:]
    joined = all(RUN_ON.fullmatch(t, a.end(), b.start()) for a, b in zip(ms[i1:i2], ms[i1 + 1:i2 + 1]))
    words = [m.group(0).lower() for m in name]
    if not joined or not _FIGURE.search(t, ms[i2].end()) or not all(says(m.group(0)) for m in name) or \
            any(w in NOT_A_NAME | _ARTICLES and not (w == "blood" and words[k - 1:k] in (["white"], ["red"]))
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
    return says(w) and not _FIGURE.match(w) and w.lower() not in NOT_A_NAME | _ARTICLES and \
        not _AFTER_FIGURE.search(t, 0, m.start())


def _first_word_dropped(t: str, ms: list[re.Match], i1: int, i2: int, says: Callable[[str], bool],
                        kept_elsewhere: Callable[[list[str]], bool]) -> tuple[str, str] | None:
    """dropped_name's reading of a name's first word or two (the record's tokens i1:i2) left out before the rest of
    the name, which the page keeps up to the measure's noun and its figure: ("HBV DNA level", "DNA level"); None
    unless the dropped words say which of a kind is measured (`_names_which`)."""
    noun = next((j for j in range(i2 + 1, min(i2 + 4, len(ms))) if ms[j].group(0).lower() in MEASURE_NOUNS), None)
    if noun is None or i2 - i1 > 2 or not _FIGURE.search(t, ms[noun].end()):
        return None
    dropped, kept = ms[i1:i2], [m.group(0) for m in ms[i2:noun]]
    if not all(_JOIN_NAME.fullmatch(t, a.end(), b.start()) for a, b in zip(ms[i1:noun], ms[i1 + 1:noun + 1])) or \
            any(not says(w) or _FIGURE.match(w) or w.lower() in NOT_A_NAME for w in kept):
        return None
    kinds_only = all(w.lower() in _KINDS for w in kept)   # (the page says only what kind: "RNA", "cell", "antibody")
    if not all(says(m.group(0)) and _names_which(m.group(0), kinds_only) for m in dropped):
        return None
    if i1 and _names(t, ms[i1 - 1], says) and _JOIN_NAME.fullmatch(t, ms[i1 - 1].end(), ms[i1].start()):
        return None   # (a word of the name stays before it: a middle word left out, "Plasma HIV count")
    if kept_elsewhere([m.group(0) for m in ms[i1:i1 + 7]]):
        return None
    return t[ms[i1].start():ms[noun].end()], t[ms[i2].start():ms[noun].end()]


def _names_which(w: str, kinds_only: bool) -> bool:
    """Does this first word of a measure's name say which of a kind is measured: a short form or a name with a
    figure in it ("HBV", "CSF", "LDL", "CD4", "p24"), a letter ("C-peptide", "M protein"), an analyte's first word
    (`_WHICH`), or any word saying something before a name that is left saying only the kind ("Anticardiolipin" of
    "antibody level")? Not a sample, time or degree word (`NOT_A_NAME`), nor a kind's own word ("T" of "T cell")."""
    lw = w.lower()
    if lw in NOT_A_NAME or lw in _GENERIC or lw in _ARTICLES:
        return False
    if is_short(w) or _LETTERS_AND_FIGURES.fullmatch(w) or len(w) == 1 and w.isupper() or lw in _WHICH:
        return True
    return kinds_only and not w.endswith(("ed", "ing", "ly"))   # ("Documented", "circulating": when or how)


def _page_says(words: list[str], dropped: int, page_words: list[str], t: str, ms: list[re.Match], i: int) -> bool:
    """Does the page say one of the first `dropped` of these record words elsewhere, or keep a short form for them?
    Elsewhere: before the name, or a short form for it ("Platelets: count", "WBC (count)"), in the measure's own
    figure ("Count >= 100,000 platelets/mm3": the record's words from its noun, token i, to a bracket, ";", ", " or
    "and"/"or"), or more often than the record does beside the dropped one ("Count of platelets"); not only where the
    record says it again of something else ("Count >= 100,000/mm3 (platelet transfusions not allowed)": r31,
    silent)."""
    end = _PHRASE_END.search(t, ms[i].end())
    figure = [m.group(0) for m in ms[i + 1:] if end is None or m.start() < end.start()]
    rest = [m.group(0) for m in ms]
    before = [m.group(0) for m in ms[:max(i - dropped, 0)]]   # (a lead-in: "Platelets: count >= 100,000/mm3")
    return any(_times(w, page_words) >= _times(w, rest) or _times(w, figure) or _times(w, before)
               for w in words[:dropped]) or kept_short_form(words, page_words) or \
        any(is_short(v) and stands_for(v, words[:dropped + 1]) for v in before[-3:])   # ("WBC (count)")


def _times(w: str, words: list[str]) -> int:
    """How many of these words are this one, in any form ("platelets" for "platelet")."""
    return sum(same_word(w.lower(), v.lower()) for v in words)
