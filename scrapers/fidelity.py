"""Fidelity checker: does a rewrite keep every number, unit, comparator direction, time
window and negation of the original criterion?

Both texts are reduced to the same canonical facts — `(comparator, value, unit, window)`
for each quantity, and counts of negation / exception / condition words — and every fact
of the original must appear in the rewrite, with nothing added. Comparators are compared
by meaning: "≥ 18", "\\>= 18", "at least 18", "18 or older", "no less than 18" are one fact;
"> 18" is another. A duration in another exactly convertible unit is the same fact too
("2 weeks" is "14 days", "2 days" is "48 hours", "1 year" is "12 months"; days and weeks are never
converted to months or years), and "14 days (2 weeks)" states one figure, not two.
So the same check serves two callers: the plain-English layer (a rewrite that fails is
never shown) and reconciliation (does an aggregator's plain text still say what the
official item says?).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from functools import lru_cache

# The quantity reader lives in scrapers.quantities; its names are re-exported here for the callers that import
# them from the checker (server.plain, reconcile.align, reconcile.plain, the tests).
from .quantities import (BETWEEN, CMP_WORDS, OR_EQUAL, Fact, canonical, implied_durations, read_quantities,
                         same_duration)

__all__ = ["BETWEEN", "CMP_WORDS", "OR_EQUAL", "Loss", "Fact", "check_fidelity", "facts", "is_faithful", "word_classes"]


@dataclass(frozen=True)
class Loss:
    """Something the original says that the rewrite does not (or says differently)."""

    kind: str       # number | unit | comparator | time_window | negation | exception | condition | added
    original: str   # the fact or word as the original has it
    rewrite: str | None
    message: str

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=65536)
def _analyse(text: str) -> tuple[tuple[Fact, ...], tuple[tuple[str, int], ...]]:
    """A text's quantities and its counts of negation, exception, condition, "or" and loose comparator words."""
    t = canonical(text)
    out = read_quantities(t)
    classes = word_classes(t)
    if "<" in t or ">" in t:
        # a comparator with no figure right after it ("but not exceeding Gleason 4+3") still counts
        for sym in _LOOSE_CMP.findall(t):
            classes["comparator " + sym] += 1
    return tuple(out), tuple(sorted(classes.items()))


# --------------------------------------------------------------------------- negation & co.

_CLASSES = {
    "negation": re.compile(
        r"\b(?:no|not|never|without|none|neither|nor|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|wasn't|"
        r"weren't|hasn't|haven't|hadn't|shouldn't|mustn't|non|negative|absence|absent|free of|lack|lacks|lacking|"
        r"unable|inability|unwilling|unwillingness|refuse|refuses|refused|refusal|fail|fails|failed|failure to|"
        r"ineligible|incapable|deny|denies|denied|nonpregnant)\b|\bnon-(?=\w)|\bnon(?=[a-z]{4,})"),
    "exception": re.compile(r"\b(?:except|excepting|excluding|exclusive of|other than|apart from|aside from|"
                            r"with the exception of|but not(?!\s+limited\b)|besides|save for)\b"),   # ("including but not
    #                                                         limited to": a list left open, not an exception)
    "condition": re.compile(r"\b(?:unless|only|if|provided that|as long as|whichever|whatever)\b"),
    "or": re.compile(r"\band\s*/\s*or\b|\bor\b"),
}


_POST_PHRASE = re.compile(r"\b(?:or|and)\s+(?:more|greater|older|above|higher|over|longer|less|fewer|younger|"
                          r"below|lower|under|shorter)\b")


_LOOSE_CMP = re.compile(r"(>=|<=|>(?!=)|<(?!=))(?!\s*(?:[-+]?[\d.]|half an?\b))")   # ("at least half a year": a figure)
_CLASS_KIND = {"negation": "negation", "exception": "exception", "condition": "condition"}   # (else "conjunction")


# Everyone may join whatever their sex: "no gender restrictions", "no restriction on sex", "regardless of gender",
# "any sex" say one thing, so that "no" is not a negation a rewording can lose. Only a sex or gender restriction
# is read so: "no dietary restrictions" keeps its negation.
_ANY_SEX = re.compile(r"\bno\s+(?:(?:gender|sex)\s+(?:restrictions?|limits?|limitations?|requirements?)|"
                      r"(?:restrictions?|limits?|limitations?|requirements?)\s+(?:on|of|for|by|regarding)\s+(?:gender|sex))\b"
                      r"|\bregardless\s+of\s+(?:gender|sex)\b")

_EITHER_SEX = re.compile(r"\b(?:his or her|her or his|he or she|she or he|him or her|her or him)\b")


def word_classes(t: str) -> Counter:
    """How many negation, exception, condition and "or" words a (lower-case) text has, with "no gender
    restrictions" and "his or her" read as saying nothing of the kind."""
    t = _POST_PHRASE.sub(" ", t)   # "18 or older" is a comparator, not an alternative
    if "sex" in t or "gender" in t:   # (most texts say neither: no substitution pass over them)
        t = _ANY_SEX.sub(" any sex ", t)
    if " or " in t:
        t = _EITHER_SEX.sub(" their ", t)   # "his or her bone marrow" offers no alternative: "your bone marrow" loses none
    c: Counter = Counter()
    for name, rx in _CLASSES.items():
        n = len(rx.findall(t))
        if n:
            c[name] = n
    return c


def facts(text: str) -> list[Fact]:
    """The quantities a text states, canonicalized (for callers that show them, e.g. thresholds)."""
    return list(_analyse(text)[0])


def check_fidelity(original: str, rewrite: str) -> list[Loss]:
    """Everything the rewrite loses or changes from the original; empty means faithful."""
    of, oc = _analyse(original or "")
    rf, rc = _analyse(rewrite or "")
    losses: list[Loss] = []
    missing = Counter(of) - Counter(rf)
    extra = Counter(rf) - Counter(of)
    extra_list = list(extra.elements())
    # "within the past year" said by one text only: it may stand for the other's "within the past 12 months"
    io, ir = Counter(implied_durations(canonical(original or ""))), Counter(implied_durations(canonical(rewrite or "")))
    gained, dropped = list((ir - io).elements()), list((io - ir).elements())
    missing_list = []
    for f in missing.elements():
        # "2 weeks" for "14 days", "2 days" for "48 hours", "1 year" for "12 months": the same time, exactly
        # (never days or weeks for months or years)
        g = next((g for g in extra_list + gained if same_duration(f, g) or g == f), None)
        if g is None:
            missing_list.append(f)
        else:
            (extra_list if g in extra_list else gained).remove(g)
    for g in list(extra_list):
        d = next((d for d in dropped if same_duration(g, d) or g == d), None)
        if d is not None:
            extra_list.remove(g)
            dropped.remove(d)
    for g in list(gained):   # "in the past month" for "in the past year": a changed span, though said in words
        d = next((d for d in dropped if same_duration(g, d)), None)
        if d is not None:
            gained.remove(g)
            dropped.remove(d)
    missing_list += dropped
    extra_list += gained
    for f in missing_list:
        same_val = [g for g in extra_list if g.value == f.value]
        g = same_val[0] if same_val else None
        if g is not None:
            extra_list.remove(g)
            if g.cmp != f.cmp:
                kind = "comparator"
            elif g.unit != f.unit:
                kind = "unit"
            else:
                kind = "time_window"
            losses.append(Loss(kind, f.words(), g.words(), f'"{f.words()}" became "{g.words()}"'))
        else:
            losses.append(Loss("number", f.words(), None, f'"{f.words()}" is missing'))
    for g in extra_list:
        losses.append(Loss("added", "", g.words(), f'"{g.words()}" is not in the original'))
    oc_d, rc_d = dict(oc), dict(rc)
    loose = sorted({k for k in oc_d.keys() | rc_d.keys() if k.startswith("comparator ")})
    for name in list(_CLASSES) + loose:
        a, b = oc_d.get(name, 0), rc_d.get(name, 0)
        if a != b:
            kind = "comparator" if name in loose else _CLASS_KIND.get(name, "conjunction")
            losses.append(Loss(kind, f"{a} × {name}", f"{b} × {name}",
                               f"the original has {a} {name} word(s), the rewrite {b}"))
    return losses


def is_faithful(original: str, rewrite: str) -> bool:
    return not check_fidelity(original, rewrite)
