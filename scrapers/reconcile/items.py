"""Eligibility criteria, item by item: the page's list aligned with the official one.

The official text is parsed by scrapers.criteria (the one parser); page items are
compared after normalizing markup, escapes, numbering, bullets and whitespace. Exact
items anchor the alignment (difflib); the gaps between anchors are aligned by a small
dynamic programme over rapidfuzz similarities that also considers one page item
standing for several official ones (merged) and the reverse (split).

Findings: criterion_missing, criterion_added, criterion_changed (a number, unit,
comparator or negation differs: critical), criterion_reworded (info), criteria_merged,
criteria_split, criteria_truncated. Anything the record's own text contains is never
reported as added, and a whole section the page does not show is not "missing".
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..criteria import flatten, header_kind, parse_criteria, unescape_markdown
from ..fidelity import check_fidelity
from ..model import OfficialRecord, PageRecord
from .finding import Finding, quote

MATCH = 60      # lowest similarity for a 1:1 pair
JOINED = 85     # lowest similarity for a merged or split pair
PRESENT = 75   # a part of a joined item scoring below this against the page item is not shown
MAX_JOINED = 16  # most official items one page item is compared with as their join
MOVED = 90      # lowest similarity to pair items found out of order
REWORDED = 90   # below this a same-meaning pair is reported as reworded


_INLINE_MARKER = re.compile(r"(?:(?<=[\s;:,])|^)\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s|(?:(?<=[\s;:,])|^)(?:[a-z]|[ivx]{1,4})\)\s")
_ALNUM = re.compile(r"[A-Za-z0-9]")
# An age limit shown after the lists ("18 Minutes") is not a criterion.
_BARE_AGE = re.compile(r"\d+(?:\.\d+)?\s+(?:years?|months?|weeks?|days?|hours?|minutes?)")


@dataclass
class Entry:
    text: str
    norm: str
    section: str
    group: str = ""      # official: the top-level item it belongs to
    label: bool = False  # official: a label line that parents others ("Patients must have:")


@dataclass
class Pair:
    o: list[int]
    p: list[int]
    sim: float = 100.0


_SYMBOLS = str.maketrans({"≥": ">=", "≤": "<=", "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "’": "'", "‘": "'",
                          "“": '"', "”": '"', "\u00a0": " ", "…": "...", "•": " ", "·": " "})
_MARKER = re.compile(r"^\s*(?:[-*•●▪◦‣∙+■□➢►✓]|\(?\d{1,3}[.)](?!\d)|\(\d{1,3}\)|\[\d{1,3}\]|\(?[a-zA-Z][.)](?=\s)|"
                     r"\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)](?=\s))\s*")


def normalize(text: str) -> str:
    """Item text for matching: no markup, escapes, numbering, bullets, case or spacing differences."""
    t = html.unescape(unescape_markdown(text))
    t = unicodedata.normalize("NFKC", t).translate(_SYMBOLS)
    t = strip_marker(re.sub(r"=>", ">=", re.sub(r"=<", "<=", t)))
    t = _INLINE_MARKER.sub(" ", t)   # sub-item markers inside an item ("…by: a) Total…") are layout
    t = re.sub(r"\s+", " ", t).strip().lower()
    t = re.sub(r"\s*([<>]=?)\s*", r" \1 ", t)
    return re.sub(r"\s+", " ", t).strip(" ;.,:")


def official_entries(official: OfficialRecord) -> list[Entry]:
    crit = parse_criteria(official.eligibility_criteria or "")
    out: list[Entry] = []
    for section, items in (("inclusion", crit.inclusion + crit.unplaced), ("exclusion", crit.exclusion)):
        for g, top in enumerate(items):
            for it in flatten([top]):
                if _ALNUM.search(normalize(it.text)) and not header_kind(it.text):
                    out.append(Entry(it.text, normalize(it.text), section, group=f"{section}{g}",
                                     label=bool(it.children) and it.text.rstrip().endswith(":")))
    return out


def page_entries(page: PageRecord) -> list[Entry]:
    out = []
    for section, items in (("inclusion", page.inclusion), ("exclusion", page.exclusion)):
        for text in items:
            n = normalize(text)
            if _ALNUM.search(n) and not header_kind(text) and not _BARE_AGE.fullmatch(n):
                out.append(Entry(text, n, section))
    return out


def _sim(a: str, b: str) -> float:
    return fuzz.ratio(a, b)


def _gain(sim: float, a: str, b: str) -> float:
    """Score of pairing two texts: similarity above the floor, weighted by the text it covers, so
    one long item cannot carry a short neighbour into a false "merged" or "split"."""
    return (sim - MATCH) * (len(a) + len(b)) / 100


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
        limit = 1.34 * len(p.norm)
        if self.inside(O[i].norm, p.norm) < PRESENT:
            return
        total = len(O[i].norm)
        for k in range(2, min(MAX_JOINED, len(O) - i) + 1):
            part = O[i + k - 1]
            total += 1 + len(part.norm)
            if total > limit or self.inside(part.norm, p.norm) < 90:
                break
            if total >= 0.75 * len(p.norm):
                joined = _join(O[i:i + k])
                s = _sim(joined, p.norm)
                if s >= JOINED:
                    yield k, s, joined
        k = 1
        while i + k < len(O) and O[i + k].group == O[i].group:
            k += 1
        if k > 1:
            shown = [e for e in O[i:i + k] if self.inside(e.norm, p.norm) >= PRESENT]
            joined = _join(shown)
            if 0.75 <= len(joined) / max(1, len(p.norm)) <= 1.34:
                s = _sim(joined, p.norm)
                if s >= JOINED:
                    yield k, s, joined

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
                s = _sim(o.norm, joined)
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
                s = _sim(O[i].norm, P[j].norm)
                if s >= MATCH:
                    moves.append((i + 1, j + 1, _gain(s, O[i].norm, P[j].norm), s))
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


def align(O: list[Entry], P: list[Entry]) -> list[Pair]:
    """Pairs of official and page entry indices (exact ones, then fuzzy ones, then moved ones)."""
    sm = difflib.SequenceMatcher(None, [e.norm for e in O], [e.norm for e in P], autojunk=False)
    pairs: list[Pair] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs += [Pair([i1 + k], [j1 + k]) for k in range(i2 - i1)]
        elif i2 > i1 and j2 > j1:
            for p in _align_block(O[i1:i2], P[j1:j2]):
                pairs.append(Pair([i1 + x for x in p.o], [j1 + y for y in p.p], p.sim))
    used_o = {i for p in pairs for i in p.o}
    used_p = {j for p in pairs for j in p.p}
    for j in [j for j in range(len(P)) if j not in used_p]:
        cands = [(_sim(O[i].norm, P[j].norm), i) for i in range(len(O)) if i not in used_o]
        if cands:
            s, i = max(cands)
            if s >= MOVED:
                pairs.append(Pair([i], [j], s))
                used_o.add(i)
    return pairs


def check_criteria(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    P = page_entries(page)
    if not P and not page.criteria_truncated:
        return []
    O = official_entries(official)
    if not O:
        return []
    pairs = align(O, P)
    out: list[Finding] = []
    matched_o = {i for p in pairs for i in p.o}
    matched_p = {j for p in pairs for j in p.p}
    last = max(matched_o, default=-1)
    source_text = normalize(official.eligibility_criteria or "")
    # Some sites list the trial's condition as the first criterion ("Ischemic Stroke" on Veeva).
    topics = {normalize(t) for t in official.conditions + official.keywords + official.condition_mesh_terms}
    cut_short = False
    absent: set[int] = set()
    for p in pairs:
        if len(p.o) > 1 and len(p.p) == 1:
            gone = [i for i in p.o if not O[i].label and fuzz.partial_ratio(O[i].norm, P[p.p[0]].norm) < PRESENT]
            if gone and len(gone) < len(p.o):
                absent.update(gone)     # a sub-item the page's joined item leaves out
                p.o = [i for i in p.o if i not in gone]
    matched_o -= absent
    for p in pairs:
        o_items, p_items = [O[i] for i in p.o], [P[j] for j in p.p]
        o_text = " ".join(e.text for e in o_items)
        p_text = " ".join(e.text for e in p_items)
        if page.criteria_truncated and max(p.o) == last and len(p.p) == 1 and _is_cut(o_items, p_items[0]):
            cut_short = True
            continue
        if len(p.o) > 1 and not _same_item(o_items, official.eligibility_criteria or ""):
            out.append(_finding("criteria_merged", "warning", o_items, p_items,
                                f"This page runs {len(p.o)} separate criteria together as one item, "
                                f'"{quote(p_text, 80)}", where ClinicalTrials.gov lists them separately.', p.sim))
        elif len(p.p) > 1:
            out.append(_finding("criteria_split", "info", o_items, p_items,
                                f"This page splits one criterion into {len(p.p)} items; ClinicalTrials.gov lists "
                                f'"{quote(o_text, 80)}" as one.', p.sim))
        if o_items and p_items and normalize(o_text) != normalize(p_text):
            out += _compare(o_items, p_items, p.sim)
    shown_sections = {e.section for e in P} | {O[i].section for i in matched_o}
    shown = len(matched_o)
    hidden: list[int] = []
    if page.criteria_truncated:
        hidden = [i for i in range(len(O)) if i not in matched_o and i > last]
        if hidden or cut_short:
            out.append(Finding(
                "criteria_truncated", "warning", "criteria", f"{shown} of {len(O)} criteria shown", len(O),
                f"This page cuts the eligibility list short: it shows {shown} of the {len(O)} criteria on "
                f"ClinicalTrials.gov, so read the full list there.",
                {"hidden_count": len(hidden) + cut_short, "official_texts": [O[i].text for i in hidden][:20],
                 "last_cut_mid_item": cut_short},
            ))
    else:
        # Criteria after the last one the page shows, with no "see full criteria" marker: the page
        # may load them further down or behind a button, or a capture may end there. Say so, as a
        # note rather than an alarm: only items left out between shown ones are certainly dropped.
        hidden = [i for i in range(len(O)) if i not in matched_o and i > last and not O[i].label
                  and O[i].section in shown_sections]
        if hidden:
            out.append(Finding(
                "criteria_incomplete", "info", "criteria", f"{shown} of {len(O)} criteria shown", len(O),
                f"This page's list stops after {shown} of the {len(O)} criteria on ClinicalTrials.gov; the rest "
                f"may be further down the page or left out, so check the full list there.",
                {"not_shown_count": len(hidden), "official_texts": [O[i].text for i in hidden][:20]},
            ))
    for i, e in enumerate(O):
        if i in matched_o or i in hidden or e.label or e.section not in shown_sections:
            continue
        out.append(_finding("criterion_missing", "warning", [e], [],
                            f'This page leaves out a criterion that ClinicalTrials.gov lists: "{quote(e.text)}".',
                            0.0, index=i))
    for j, e in enumerate(P):
        if j in matched_p or (len(e.norm) >= 12 and e.norm in source_text) or e.norm in topics \
                or len(re.sub(r"[^a-z0-9]", "", e.norm)) < 4:   # "N/A", "-": a placeholder, not a criterion
            continue
        out.append(_finding("criterion_added", "warning", [], [e],
                            f'This page lists a criterion that ClinicalTrials.gov does not: "{quote(e.text)}".', 0.0))
    return out


def _same_item(items: list[Entry], source: str) -> bool:
    return one_item_as_written([e.text for e in items], source, len({e.group for e in items}) == 1)


def one_item_as_written(texts: list[str], source: str, same_group: bool = False) -> bool:
    """Official items that are one item as written: a parent with its sub-items, or one line
    the parser split ("1) … 2) …"). Showing them together is not a merge."""
    if same_group:
        return True
    heads = [re.sub(r"\s+", " ", t[:25]).strip() for t in texts]
    for line in unescape_markdown(source).splitlines():
        line = re.sub(r"\s+", " ", line)
        if all(h in line for h in heads):
            return True
    return False


def _is_cut(o_items: list[Entry], p: Entry) -> bool:
    """The page's last item is the start of the official one, cut off by "…See full criteria"."""
    full = " ".join(e.norm for e in o_items)
    return len(p.norm) < len(full) * 0.95 and fuzz.partial_ratio(p.norm, full[: len(p.norm) + 5]) >= 90


def _compare(o_items: list[Entry], p_items: list[Entry], sim: float) -> list[Finding]:
    o_text = " ".join(strip_marker(e.text) for e in o_items)
    p_text = unescape_markdown(" ".join(strip_marker(e.text) for e in p_items))
    if len(o_items) > 1 or len(p_items) > 1:   # items shown together: their numbering is layout
        o_text, p_text = strip_numbering(o_text), strip_numbering(p_text)
    try:
        changes = [loss.message for loss in check_fidelity(o_text, p_text)]
    except Exception:  # a checker failure on odd text must not sink the whole check: no alarm for this item
        return []
    wo, wp = _direction_words(o_text), _direction_words(p_text)
    if wo != wp and not changes:
        changes.append(f"comparison words {' '.join(sorted((wo - wp).elements()))} became "
                       f"{' '.join(sorted((wp - wo).elements())) or 'nothing'}")
    if changes:
        a, b = excerpt_pair(p_text, o_text)
        return [_finding("criterion_changed", "critical", o_items, p_items,
                         f'This page says "{a}", but ClinicalTrials.gov says "{b}".', sim, changes=changes)]
    if sim < REWORDED and len(o_items) == len(p_items) == 1:
        a, b = excerpt_pair(p_text, o_text)
        return [_finding("criterion_reworded", "info", o_items, p_items,
                         f'This page words a criterion as "{a}", where ClinicalTrials.gov says "{b}".', sim)]
    return []


_DIRECTION = re.compile(r"\b(above|below|over|under|greater|less|more|fewer|higher|lower|older|younger|exceed\w*|"
                        r"least|most|maximum|minimum)\b|[<>]=?")


def _direction_words(text: str) -> Counter:
    """Comparison words and signs, with or without a number: a page item is meant to be a copy,
    so "above average" becoming "below average" changes who may join."""
    return Counter(m.group(0) for m in _DIRECTION.finditer(normalize(text)))


def strip_marker(text: str) -> str:
    """Text without its leading list marker ("2. ", "(b) ", "• "): numbering is not a threshold."""
    for _ in range(3):
        t = _MARKER.sub("", text, count=1)
        if t == text:
            break
        text = t
    return text


def strip_numbering(text: str) -> str:
    """Numbering left inside a merged item ("…1.4mg/dl; 6, the subject's…", "…by: a) Total…") is
    not part of either criterion."""
    text = re.sub(r"(?<=[;.:])\s*\(?\d{1,2}[.),]\s+", " ", text)
    text = re.sub(r"(?:(?<=[\s;:,])|^)\(?\d{1,2}[.)](?=\s|[A-Za-z])", " ", text)
    return re.sub(r"(?:(?<=[\s;:,])|^)\(?(?:[a-z]|[ivx]{1,4})[.)](?=\s|[A-Za-z])", " ", text)


def excerpt_pair(a: str, b: str, context: int = 6) -> tuple[str, str]:
    """The stretch of two long texts around where they differ, a few words either side."""
    wa, wb = a.split(), b.split()
    if len(wa) <= 16 and len(wb) <= 16:
        return a, b
    sm = difflib.SequenceMatcher(None, [w.lower() for w in wa], [w.lower() for w in wb], autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if not ops:
        return quote(a), quote(b)
    _, i1, i2, j1, j2 = ops[0]
    _, e1, e2, f1, f2 = ops[-1] if ops[-1][2] - i1 < 20 else ops[0]

    def cut(words: list[str], s: int, e: int) -> str:
        lo, hi = max(0, s - context), min(len(words), e + context)
        return ("…" if lo else "") + " ".join(words[lo:hi]) + ("…" if hi < len(words) else "")

    return cut(wa, i1, max(i2, e2)), cut(wb, j1, max(j2, f2))


def _finding(kind: str, severity: str, o_items: list[Entry], p_items: list[Entry], message: str, sim: float,
             index: int | None = None, changes: list[str] | None = None) -> Finding:
    o_text = " ".join(e.text for e in o_items) or None
    p_text = " ".join(e.text for e in p_items) or None
    section = (o_items or p_items)[0].section
    ev = {"section": section, "official_texts": [e.text for e in o_items], "page_texts": [e.text for e in p_items],
          "similarity": round(sim, 1)}
    if index is not None:
        ev["official_index"] = index
    if changes:
        ev["changes"] = changes
    return Finding(kind, severity, f"{section}_criteria", p_text, o_text, message, ev)
