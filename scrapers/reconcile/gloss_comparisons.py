"""Comparison words that compare nothing: a page's explanation in brackets the record lacks ("NIHSS score (higher is
worse) 6-20", "ventricular (lower heart chamber) arrhythmias"), a scale's direction ("lower is better") and a place in
the body ("the heart's lower chambers", TrialLens's own plain English for "ventricular"). compare.direction_words
counts every comparison word, with or without a figure, so each of these was a critical "differs in a comparison word"
(review r35 #4: 6 of 1,500 records whose shown plain English was fed back as a page). They are not counted where one
text has them and the other does not; a comparison that attaches to a figure ("higher than 6", "(6 or higher)",
"(or higher)") is no explanation, and a comparison word both texts have is compared as ever.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from ..quantities import NUMBER_WORDS
from .normal import normalize
from .reading import COMPARISON_WORDS

# a bracket with no figure in it and no "than": an explanation, if the record does not have it
_BRACKET = re.compile(r"\(([^()\d]*)\)")
_NO_GLOSS = re.compile(r"^\s*(?:or|and|and/or|\+)\b|\bthan\b", re.I)
# a figure written as a word ("(a man over forty)", "(sixty-five or older)"): the bracket says a limit (review r38 #1)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBER_WORDS + ("thousand", "half", "twice", "double", "once")) + r")\b",
                          re.I)
# "higher is worse", "a lower score is better", "higher means more severe": which way a scale runs
_DIRECTION = re.compile(r"\b(?:higher|lower|greater|more|less)\s+(?:\w+\s+)?(?:is|are|means?)\s+"
                        r"(?:better|worse|healthier|more\s+severe|less\s+severe)\b", re.I)
# "lower" naming a part of the body, not a lower value
_PLACE = re.compile(r"\blower\s+(?:heart\s+)?(?:chambers?|limbs?|legs?|back|extremit(?:y|ies)|abdomen|abdominal|belly|"
                    r"body|jaw|lips?|lobes?|gi|gastrointestinal|digestive|urinary|respiratory|airways?|tracts?|"
                    r"eyelids?|arms?|quadrant|motor)\b", re.I)


def _gloss(content: str, record: str) -> bool:
    """Is a bracket's content an explanation the record does not give: no figure (in digits or words), no "than", not
    "or higher" (which says the figure before it), some word besides comparison words ("(minimum)" says a limit)?"""
    words = re.findall(r"[a-z]+", content.lower())
    return (not _NO_GLOSS.search(content) and not _NUMBER_WORD.search(content)
            and any(w not in COMPARISON_WORDS for w in words)
            and normalize(content) not in record)


def _descriptions(text: str) -> list[str]:
    """The stretches of `text` whose comparison words describe: a scale's direction, a place in the body."""
    return [m.group(0) for rx in (_DIRECTION, _PLACE) for m in rx.finditer(text)]


def uncompared(wo: Counter, wp: Counter, record: str, page: str,
               count: Callable[[str], Counter]) -> tuple[Counter, Counter]:
    """The record's and the page's comparison words (`wo`, `wp`, as `count` reads them), without those one text has
    and the other lacks that compare nothing: in the page's brackets the record lacks, or in a description."""
    said = normalize(record)
    glosses = [m.group(0) for m in _BRACKET.finditer(page) if _gloss(m.group(1), said)]
    in_page = sum((count(t) for t in glosses + _descriptions(page)), Counter())
    in_record = sum((count(t) for t in _descriptions(record)), Counter())
    return wo - (in_record & (wo - wp)), wp - (in_page & (wp - wo))
