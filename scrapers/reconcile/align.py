"""Aligning a page's criteria with the official ones.

Both sides are normalized (markup, escapes, numbering, bullets, case, spacing). Exact items
anchor the alignment (difflib); the gaps between anchors are aligned by a small dynamic
programme over rapidfuzz similarities that also considers one page item standing for several
official ones (a merge, a run-on line the parser split, a parent shown with its sub-items) and
the reverse (a split). Each similarity is computed at most once per block, and containment is
tested cheaply before rapidfuzz's partial_ratio, so the largest records align in well under a
second.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from ..criteria import flatten, header_kind, parse_criteria
from ..criteria_markers import item_before_heading
from ..model import OfficialRecord, PageRecord
from ..quantities import two_bound_range
from ..units import in_base_units
from .alike import worded_pairs
from .bracket_closers import closers_read
from .factored import factored
from .footnotes import _FOOTNOTE, is_footnote  # noqa: F401  (bench/drift_inject.py reads _FOOTNOTE here)
from .moved import MOVED, moved_items, same_texts
from .normal import as_signs, normalize, strip_marker  # noqa: F401  (intro_rows.py imports it from here)
from .same_negatives import in_record_negatives
from .short_items import qualifier_apart, reordered

MATCH = 60      # lowest similarity for a 1:1 pair
JOINED = 85     # lowest similarity for a merged or split pair
PRESENT = 75   # a part of a joined item scoring below this against the page item is not shown
VERBATIM = 97  # a part scoring at least this is plainly there, never the one a look-alike hides
MAX_JOINED = 16  # most official items one page item is compared with as their join
NEIGHBOUR = 90  # how plainly a neighbour must stand inside a page item to be run together with it
# most a pair alike only with its times in one unit ("216 months" for "18 years") scores: below compare.REWORDED, so
# an equal time is the criterion_reworded INFO that "2 weeks" for "14 days" is, never silently the same text
CONVERTED = 89
# what a short pair alike only once its qualifier is read where it stands ("Diabetes with poor control" for "Poorly
# controlled diabetes") scores: the same criterion_reworded INFO, never silently the same text
REORDERED = CONVERTED


# a word of same_negatives.py's table or its opposite ("prohibited", "not allowed", "permitted", "benign", …)
_NEGATIVE = re.compile(r"prohibit|forbid|allowed|permitted|benign|malignant|cancerous|\bunable|eligible|\bable\b")
_IS = re.compile(r"\b(?:is|are) ")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_COLON = re.compile(":")
# An age limit shown after the lists ("18 Minutes") is not a criterion.
_BARE_AGE = re.compile(r"\d+(?:\.\d+)?\s+(?:years?|months?|weeks?|days?|hours?|minutes?)")


@dataclass
class Entry:
    text: str
    norm: str
    section: str
    group: str = ""      # official: the top-level item it belongs to
    label: bool = False  # official: a label line that parents others ("Patients must have:")
    placed: bool = True  # official: under an inclusion or exclusion heading (not "unplaced" text)
    depth: int = 0       # official: how deep in its top-level item (0: the item itself; 1: a sub-point of it; …)

    @cached_property
    def signs(self) -> str:
        """The text with every comparison written as its sign (normal.as_signs), worked out once per entry: "BMI less
        than 35" and "BMI<35" align as the one criterion they are (review round 13, F3)."""
        return as_signs(self.text)

    @cached_property
    def timed(self) -> str:
        """`signs` with each length of time in its base unit (units.in_base_units): "Age >= 216 months" and the
        record's "Age >= 18years" align as the one criterion they are, and compare then finds whether the times are
        equal."""
        return in_base_units(self.signs)


@dataclass
class Pair:
    o: list[int]
    p: list[int]
    sim: float = 100.0
    rewrapped: bool = False   # the record's text in the page's own line breaks (rewrapped.py)


def official_entries(official: OfficialRecord) -> list[Entry]:
    crit = parse_criteria(official.eligibility_criteria or "")
    out: list[Entry] = []
    unplaced = {id(it) for top in crit.unplaced for it in flatten([top])}
    for section, items in (("inclusion", crit.inclusion + crit.unplaced), ("exclusion", crit.exclusion)):
        for g, top in enumerate(items):
            for it, depth in _depth_first(top):
                if _ALNUM.search(normalize(it.text)) and not header_kind(it.text) and not is_footnote(it.text):
                    out.append(Entry(it.text, normalize(it.text), section, group=f"{section}{g}",
                                     label=bool(it.children) and it.text.rstrip().endswith(":"),
                                     placed=id(it) not in unplaced, depth=depth))
    return out


def _depth_first(item, depth: int = 0):
    """(item, depth) for an item and everything under it, each parent before its children (as criteria.flatten)."""
    yield item, depth
    for child in item.children:
        yield from _depth_first(child, depth + 1)


def page_entries(page: PageRecord) -> list[Entry]:
    out = []
    for section, items in (("inclusion", page.inclusion), ("exclusion", page.exclusion)):
        for text in closers_read(items):
            if header_kind(text):   # (an item with the other list's heading run in: the item, as the record's line)
                text = item_before_heading(text, section) or ""
            n = normalize(text)
            if _ALNUM.search(n) and not _BARE_AGE.fullmatch(n) and not is_footnote(text):
                out.append(Entry(text, n, section))
    return out


def _sim(a: str, b: str) -> float:
    return fuzz.ratio(a, b)


def _pair_sim(o: Entry, p: Entry) -> float:
    """A 1:1 pair's similarity, reading a closed range written with two bounds as the range it is (quantities), a
    comparison in words as its sign ("less than 35" as "< 35") and a length of time in its base unit ("216 months" as
    "18 years")."""
    a, b = o.norm, p.norm
    s = _sim(a, b)
    if s >= MATCH:
        return s
    ra, rb = two_bound_range(a), two_bound_range(b)
    if ra or rb:
        s = max(s, _sim(ra or a, rb or b))
    if s < MATCH:
        s = max(s, _sim(o.signs, p.signs))
    if s < MATCH and (o.timed != o.signs or p.timed != p.signs):
        s = max(s, min(_sim(o.timed, p.timed), CONVERTED))
    if s < MATCH and _NEGATIVE.search(a) and _NEGATIVE.search(b):   # ("Smoking not permitted" for "Smoking is
        #   forbidden": the page read in the record's words, as compare.py reads it, neither saying "is"; so "Smoking
        #   permitted" is that item too, turned)
        s = max(s, _sim(_IS.sub("", a), _IS.sub("", in_record_negatives(a, b))))
    if s < MATCH and (reordered(o.norm, p.norm) or qualifier_apart(o.norm, p.norm)):   # ("Diabetes with poor control",
        #   "Diabetes" / "Poorly controlled diabetes")
        s = REORDERED
    return s


def _joined_sim(parts: list[Entry], whole: Entry, bar: float) -> float:
    """How alike entries shown together are to one entry: as written, or below `bar` with comparisons as signs."""
    s = _sim(_join(parts), whole.norm)
    return s if s >= bar else max(s, _sim(" ".join(e.signs for e in parts), whole.signs))


def _gain(sim: float, a: str, b: str) -> float:
    """Score of pairing two texts: similarity above the floor, weighted by the text it covers, so
    one long item cannot carry a short neighbour into a false "merged" or "split"."""
    return (sim - MATCH) * (len(a) + len(b)) / 100


_UNIT_WORDS = re.compile(r"(?:years?|months?|weeks?|days?|hours?|minutes?|yrs?|mg|g|kg|ml|mmhg|%)(?: old| of age)?")


def _unit_cut(a: str, b: str) -> bool:
    """One short item is the other with its unit dropped or added ("> 18" / "> 18 years"): the
    same criterion, though too short for the similarity bar."""
    short, long_ = sorted((a, b), key=len)
    return (any(ch.isdigit() for ch in short) and long_.startswith(short + " ")
            and bool(_UNIT_WORDS.fullmatch(long_[len(short) + 1:])))


def _join(entries: list[Entry]) -> str:
    return " ".join(e.norm for e in entries)


class _Block:
    """Similarities for one block of the alignment, each computed at most once."""

    def __init__(self, O: list[Entry], P: list[Entry]):
        self.O, self.P = O, P
        self._inside: dict[tuple[str, str], float] = {}

    def inside(self, part: str, whole: str) -> float:
        """How nearly `part` appears verbatim inside `whole` (rapidfuzz partial_ratio)."""
        key = (part, whole)
        if key not in self._inside:
            words = part.split()
            mid = len(words) // 2
            ends = (" ".join(words[:2]), " ".join(words[mid - 1:mid + 1]), " ".join(words[-2:]))
            if len(part) > len(whole) + 5 or (len(words) > 4 and not any(e in whole for e in ends)):
                self._inside[key] = 0.0     # cheap test first: a part shown inside keeps some two words in a row
            else:
                self._inside[key] = fuzz.partial_ratio(part, whole)
        return self._inside[key]

    def merges(self, i: int, j: int):
        """(k, similarity, joined text) for page item j standing for official items i…i+k-1.

        Neighbours from different items must each be (nearly) verbatim inside the page item, so a
        long item cannot absorb a dropped neighbour; a parent shown with all its sub-items is
        compared on the parts the page shows, so a dropped or changed sub-item is found inside it."""
        O, p = self.O, self.P[j]
        if self.inside(O[i].norm, p.norm) < PRESENT:
            return
        yield from self._run(i, p, look_alike=False)
        yield from self._run(i, p, look_alike=True)
        for k in range(2, min(4, len(O) - i) + 1):   # ("Uncontrolled diabetes or hypertension": factored.py)
            parts = O[i:i + k]
            if all(e.section == "exclusion" and e.placed for e in parts) and len({e.group for e in parts}) == k \
                    and factored([e.norm for e in parts], p.norm):
                yield k, max(JOINED, _sim(_join(parts), p.norm)), _join(parts)
        k = 1
        while i + k < len(O) and O[i + k].group == O[i].group:
            k += 1
        if k > 1:
            shown = [e for e in O[i:i + k] if self.inside(e.norm, p.norm) >= PRESENT]
            # the parts the page shows (a dropped sub-item is then found missing), or all of
            # them (one sub-item changed beyond PRESENT, "Hemoglobin at most 10 g/dL", is then
            # found changed inside its parent, not the parent added and every sub-item missing)
            options = [shown, O[i:i + k]] if len(shown) < k else [shown]
            if len(shown) == k <= MAX_JOINED:   # one left out may look present beside a look-alike
                options.append(max(([e for e in shown if e is not x] for x in shown   # ("… count at least …")
                                    if not x.label and self.inside(x.norm, p.norm) < VERBATIM),
                                   key=lambda parts: _sim(_join(parts), p.norm), default=shown))
            # the option that reads most like the page ("… hepatitis c negative" shown: the parent
            # without "hepatitis b negative", not the whole parent nor the run that ends before C)
            scored = [(_joined_sim(parts, p, JOINED), _join(parts)) for parts in options
                      if 0.75 <= len(_join(parts)) / max(1, len(p.norm)) <= 1.34]
            best = max(scored, default=None, key=lambda sj: sj[0])
            if best and best[0] >= JOINED:
                yield k, best[0], best[1]
            else:
                # a short label shown run on with its one changed sub-item ("Life expectancy: no more
                # than 3 months" for "at least"): the label agrees, the rest is compared alone
                label = O[i].norm
                if O[i].label and p.norm.startswith(label + ":"):
                    rest, kids = p.norm[len(label) + 1:].strip(), _join(O[i + 1:i + k])
                    if rest and 0.5 <= len(rest) / max(1, len(kids)) <= 2:
                        s = _sim(kids, rest)
                        if s >= MATCH:
                            yield k, s, _join(O[i:i + k])

    def _run(self, i: int, p: Entry, look_alike: bool):
        """Merges of official items i, i+1, … into page item p, at most one of them left out: one the
        page does not show, or (with `look_alike`) the item right after i when it seems shown only
        because it reads like item i ("… informed consent." after "… informed consent (as
        determined by …)."); the alignment then keeps whichever run reads more like the page."""
        O = self.O
        limit = 1.34 * len(p.norm)
        total = len(O[i].norm)
        parts, skipped = [O[i]], False
        for k in range(2, min(MAX_JOINED, len(O) - i) + 1):
            part = O[i + k - 1]
            inside = self.inside(part.norm, p.norm)
            echo = look_alike and k == 2 and self.inside(part.norm, O[i].norm) >= VERBATIM
            if look_alike and k == 2 and not echo:
                return   # (the same runs as without look-alikes)
            if (inside < NEIGHBOUR or echo) and not skipped and i + k < len(O):
                # one item left out between two the page runs together ("Age: 18 and over; 3, life
                # expectancy: …" with "Performance status" dropped between): it is found missing
                skipped = True
                continue
            total += 1 + len(part.norm)
            if total > limit or inside < NEIGHBOUR:
                break
            parts.append(part)
            if total >= 0.75 * len(p.norm):
                s = _joined_sim(parts, p, JOINED)
                if s >= JOINED:
                    yield k, s, _join(parts)

    def splits(self, i: int, j: int):
        """(k, similarity, joined text) for official item i shown as page items j…j+k-1."""
        o, P = self.O[i], self.P
        if self.inside(P[j].norm, o.norm) < 90:
            return
        for k in range(2, min(4, len(P) - j) + 1):
            if self.inside(P[j + k - 1].norm, o.norm) < 90:
                break
            joined = _join(P[j:j + k])
            if 0.75 <= len(joined) / max(1, len(o.norm)) <= 1.34:
                s = _joined_sim(P[j:j + k], o, JOINED)
                if s >= JOINED:
                    yield k, s, joined


def _align_block(O: list[Entry], P: list[Entry]) -> list[Pair]:
    """Best order-keeping alignment of a small block: 1:1, k:1 (merged), 1:k (split), or unpaired."""
    m, n = len(O), len(P)
    block = _Block(O, P)
    NEG = float("-inf")
    best = [[NEG] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m + 1):
        for j in range(n + 1):
            cur = best[i][j]
            if cur == NEG:
                continue
            moves = []
            if i < m:
                moves.append((i + 1, j, 0.0, None))
            if j < n:
                moves.append((i, j + 1, 0.0, None))
            if i < m and j < n:
                s = _pair_sim(O[i], P[j])
                if s >= (MATCH if O[i].section == P[j].section else MOVED):   # (under the other heading: plainly alike)
                    moves.append((i + 1, j + 1, _gain(s, O[i].norm, P[j].norm), s))
                elif _unit_cut(O[i].norm, P[j].norm):   # "> 18" for "> 18 years": the same item, its unit dropped
                    moves.append((i + 1, j + 1, 1.0, s))
                for k, s, joined in block.merges(i, j):
                    moves.append((i + k, j + 1, _gain(s, joined, P[j].norm), s))
                for k, s, joined in block.splits(i, j):
                    moves.append((i + 1, j + k, _gain(s, O[i].norm, joined), s))
            for ni, nj, gain, s in moves:
                if cur + gain > best[ni][nj]:
                    best[ni][nj] = cur + gain
                    back[ni][nj] = (i, j, s)
    pairs: list[Pair] = []
    i, j = m, n
    while (i, j) != (0, 0):
        pi, pj, s = back[i][j]
        if s is not None:
            pairs.append(Pair(list(range(pi, i)), list(range(pj, j)), s))
        i, j = pi, pj
    return pairs[::-1]


def _anchor_keys(O: list[Entry], P: list[Entry], side: list[Entry]) -> list[tuple[str, str, str]]:
    """What an exact anchor must agree on: the text; the section too for a text that stands
    in both sections ("Concurrent Medication:", "PER AMENDMENT 8/2/96:" over each list); and
    the entry before it for a text that stands twice on one side ("Not specified" under two
    PDQ labels), since the first of two is not always the one the page shows on its own.
    A text that also stands at the head of another entry, before a colon, counts as standing twice:
    "[Allowed: AS PER AMENDMENT 7/5/00:" shown run on with its list ("…7/5/00: a) Topical…") and
    a later "[Allowed:" / "AS PER AMENDMENT 7/5/00:" shown as one line read alike.
    A wrong anchor pulls everything between into the wrong place, and a page that was right
    reads as dozens of missing and added criteria; what is not anchored, the fuzzy pass pairs."""
    sections: dict[str, set[str]] = {}
    for e in O + P:
        sections.setdefault(e.norm, set()).add(e.section)
    twice = {n for entries in (O, P) for n, c in Counter(e.norm for e in entries).items() if c > 1}
    heads = {e.norm[:m.start()] for e in O + P if ":" in e.norm for m in _COLON.finditer(e.norm)}
    twice |= heads & set(sections)
    return [(e.section if len(sections[e.norm]) > 1 else "", e.norm,
             (side[k - 1].norm if k else "") if e.norm in twice else "") for k, e in enumerate(side)]


def align(O: list[Entry], P: list[Entry]) -> list[Pair]:
    """Pairs of official and page entry indices: texts the same on both sides (in order, then out of order), then
    fuzzy ones in order, then moved ones, then ones worded otherwise."""
    sm = difflib.SequenceMatcher(None, _anchor_keys(O, P, O), _anchor_keys(O, P, P), autojunk=False)
    ops = sm.get_opcodes()
    # texts the same on both sides but out of order, paired first: never with a twin in their gap (moved.py)
    free_o = {i for tag, i1, i2, _, _ in ops if tag != "equal" for i in range(i1, i2)}
    free_p = {j for tag, _, _, j1, j2 in ops if tag != "equal" for j in range(j1, j2)}
    pairs = [Pair(o, p) for o, p in same_texts(O, P, free_o, free_p)]
    early_o = {i for p in pairs for i in p.o}
    early_p = {j for p in pairs for j in p.p}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            pairs += [Pair([i1 + k], [j1 + k]) for k in range(i2 - i1)]
            continue
        oi = [i for i in range(i1, i2) if i not in early_o]
        pj = [j for j in range(j1, j2) if j not in early_p]
        if oi and pj:
            for p in _align_block([O[i] for i in oi], [P[j] for j in pj]):
                pairs.append(Pair([oi[x] for x in p.o], [pj[y] for y in p.p], p.sim))
    # what is left, found out of order: one entry, or a whole item (a label run on with its sub-items)
    pairs += [Pair(o, p, s) for o, p, s in moved_items(O, P, pairs)]
    # then what is left in each gap, worded otherwise: "NSCLC" for "Non-small cell lung cancer" (alike.py)
    return pairs + [Pair(o, p, s) for o, p, s in worded_pairs(O, P, pairs, MATCH)]
