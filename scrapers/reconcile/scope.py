"""What a qualifier describes in a criterion: a page that moves "poorly controlled" from one illness to another
("Diabetes or poorly controlled hypertension" where ClinicalTrials.gov says "Poorly controlled diabetes or
hypertension") keeps every word, figure and "not". The fidelity check counts them and words.py compares words in
place, so both passed it; yet the page turns away everyone with diabetes, the record only those whose diabetes is
poorly controlled (review of the qualifier findings, (b)).

A criterion is read as lists (ended by ";", ":" or a full stop) of parts (parted by ",", "or", "and", "/", "with",
brackets). A qualifier that turns its word ("poorly controlled", "with poor control", "uncontrolled", "not well
differentiated") describes the part it stands in; before the first part or after the last, it may describe the whole
list ("Poorly controlled diabetes or hypertension" may mean both). A qualifier is said to have moved only where the
two texts list the same parts, qualify the same word as often, and no reading of one is a reading of the other: a
copy that words a qualifier otherwise ("Diabetes with poor control") or puts it at the list's other end raises
nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..fidelity import negated_base
from ..qualifiers import POOR_CONTROL, POOR_FORM
from .alike import SHORT
from .words import FILLER, same_word

_LISTS = re.compile(r";|:|\.(?=\s|$)|\n")
_PARTS = re.compile(r",|[()\[\]/]|\b(?:and|or|nor|with)\b")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z]+)*")
# words that link a part to its qualifier ("hypertension that is poorly controlled"): no part of what is described
_LINKS = frozenset("that which who is are was were has have having a an the".split())

Part = tuple[str, ...]   # a part's words, as written (lower case), less its qualifier and linking words


@dataclass(frozen=True)
class Qualified:
    """One qualifier in a text: the word it turns (stemmed: "control" for "controlled"), as written, the part it
    stands with and what it may describe (that part, or the whole list)."""

    kind: str
    said: str
    part: Part
    readings: frozenset[frozenset[Part]]


@dataclass(frozen=True)
class Moved:
    """A qualifier the page says of another part than the record does ("" for one the page leaves out or adds)."""

    record_said: str
    page_said: str
    record_part: str
    page_part: str


def _kind(word: str) -> str:
    """The word a qualifier turns, stemmed: "controlled" and "control" are one."""
    w = word.lower().replace("-", "")
    w = w[:-2] if w.endswith("ed") else w
    return w[:-1] if len(w) > 2 and w[-1] == w[-2] else w


def _qualifiers(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, as written) of each qualifier that turns its word."""
    out = [(m.start(), m.end(), _kind(m.group(1)), m.group(0)) for m in POOR_FORM.finditer(text)]
    out += [(m.start(), m.end(), "control", m.group(0)) for m in POOR_CONTROL.finditer(text)]
    for m in _WORD.finditer(text):
        base = negated_base(m.group(0).replace("-", ""))
        if base and _outside(m, out):
            out.append((m.start(), m.end(), _kind(base), m.group(0)))
    return sorted(out)


def _outside(word: re.Match, quals: list[tuple[int, int, str, str]]) -> bool:
    """Is this word no part of any of these qualifiers?"""
    return not any(s <= word.start() < e for s, e, *_ in quals)


def read_qualified(text: str) -> tuple[list[Qualified], Counter]:
    """The qualifiers of a text, and how often it lists each part."""
    low = text.lower()
    quals = _qualifiers(low)
    out: list[Qualified] = []
    parts: Counter = Counter()
    start = 0
    for end in [m.start() for m in _LISTS.finditer(low)] + [len(low)]:
        seps = list(_PARTS.finditer(low, start, end))
        spans = list(zip([start] + [m.end() for m in seps], [m.start() for m in seps] + [end]))
        words = [[w for w in _WORD.finditer(low, a, b) if w.group(0) not in _LINKS and _outside(w, quals)]
                 for a, b in spans]
        listed = [tuple(w.group(0) for w in ws) for ws in words if ws]
        parts.update(listed)
        for s, e, kind, said in quals:
            at = next((k for k, (a, b) in enumerate(spans) if a <= s < b), None)
            if at is None:
                continue
            before = any(w.start() >= e for w in words[at])   # ("poorly controlled diabetes": before its part)
            if not words[at]:   # a part of its own ("Diabetes, poorly controlled"): the part before, else after
                near = [k for k in range(at - 1, -1, -1) if words[k]] or [k for k in range(at + 1, len(spans))
                                                                          if words[k]]
                if not near:
                    continue
                before, at = near[0] > at, near[0]
            part = tuple(w.group(0) for w in words[at])
            i = listed.index(part)
            readings = {frozenset({part})}
            if len(listed) > 1 and (i == 0 and before or i == len(listed) - 1 and not before):
                readings.add(frozenset(listed))
            out.append(Qualified(kind, text[s:e], part, frozenset(readings)))
        start = end + 1
    return out, parts


@lru_cache(maxsize=65536)   # (align asks of each short entry in a gap, against each entry of the other side)
def _unqualified(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A (lower-case) text's words outside its qualifiers, in order, less function words, and the words those
    qualifiers turn: "poorly controlled diabetes" and "diabetes with poor control" both say (("diabetes",),
    ("control",))."""
    quals = _qualifiers(text)
    return (tuple(w.group(0) for w in _WORD.finditer(text) if _outside(w, quals) and w.group(0) not in FILLER),
            tuple(sorted(kind for _, _, kind, _ in quals)))


def reordered(a: str, b: str) -> bool:
    """Two short (normalized) items that say the same words in the same order but for where a qualifier stands
    ("poorly controlled diabetes" / "diabetes with poor control", "hypertension, uncontrolled"): letter by letter too
    unlike for align to pair, they read as one criterion added and one left out (review of the qualifier findings,
    (c)). The other words must be the same ones, in order (as a copy may write a word: words.same_word), and qualify
    the same words: "poorly controlled hypertension" is no "diabetes with poor control", nor "children of smokers"
    "smokers of children". align then compares the pair as any (compare.py: a changed "not" or figure is said)."""
    if max(len(a), len(b)) >= SHORT:
        return False
    (wa, ka), (wb, kb) = _unqualified(a), _unqualified(b)
    return bool(ka and wa) and ka == kb and len(wa) == len(wb) and all(map(same_word, wa, wb))


def _named(part: Part) -> str:
    """A part as a message names it: "psychiatric", not "no psychiatric" (the "no" is the whole list's)."""
    return " ".join(part[1:] if len(part) > 1 and part[0] in ("no", "any") else part)


def qualifier_moves(record: str, page: str) -> list[Moved]:
    """Each qualifier the page says of another part of the criterion than the record does, or leaves out, or adds
    ("Diabetes or hypertension" for "Uncontrolled diabetes or hypertension"), where both list the same parts (a
    qualifier turned, "controlled" for "uncontrolled", is the fidelity check's). A qualifier of one word left out
    where one of another word is added ("inoperable" for "unresectable") is words.py's to compare."""
    if record == page:
        return []
    qr, parts_r = read_qualified(record)
    qp, parts_p = read_qualified(page)
    if not (qr or qp) or parts_r != parts_p:
        return []
    out, dropped, added = [], [], []
    for kind in sorted({q.kind for q in qr + qp}):
        unmatched, left = [q for q in qp if q.kind == kind], []
        for q in (q for q in qr if q.kind == kind):   # (each with a page qualifier of a reading of its own)
            twin = next((t for t in unmatched if q.readings & t.readings), None)
            if twin is None:
                left.append(q)
            else:
                unmatched.remove(twin)
        if len(left) == len(unmatched):
            out += [Moved(q.said, t.said, _named(q.part), _named(t.part)) for q, t in zip(left, unmatched)]
        else:
            dropped += left
            added += unmatched
    if not (dropped and added):
        out += [Moved(q.said, "", _named(q.part), "") for q in dropped]
        out += [Moved("", t.said, "", _named(t.part)) for t in added]
    return out
