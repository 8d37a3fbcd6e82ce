"""One record item's alternatives shown one per page item: "Uncontrolled diabetes or hypertension" as the two bullets
"Uncontrolled diabetes" and "Uncontrolled hypertension", "AST/ALT > 2.5 x ULN" as "AST > 2.5 x ULN" and
"ALT > 2.5 x ULN".

Of a reason someone cannot join, a list of bullets means what its "or" does (any one of them excludes), so such a
split says the record's rule: at most the criteria_split note (review round 25, J4: it was a critical "differs in an
"or"", and a page that repeats the shared words on each bullet read as a criterion added). A split that leaves a
describing word said of the whole list off a bullet ("Hypertension" for the second bullet of "Uncontrolled diabetes or
hypertension") may drop what the record says of that part: a warning naming the word. Of a requirement for joining,
bullets are each required, so "A or B" as two bullets asks for both: not read here (compare's "differs in an "or""
stays), but for a requirement the bullets state each as the record does: two tests under one limit ("AST/ALT
<= 2.5 x ULN": each within it), and "No A or B" as "No A" and "No B".

Read so only where each bullet is one alternative of the list with none, some or all of the words the list's parts
share (before its first part, after its last), in order, adding no word of its own; every word the record has is on
some bullet, and no bullet loses a figure, limit, "not" or exception the record says of it (the fidelity check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from ..fidelity import check_fidelity
from .align import Entry, Pair
from .finding import Finding, criteria_finding, quote, rule_words
from .normal import strip_marker
from .scope import LIST_ENDS, STATE, qualifiers
from .words import FILLER, TOKEN, as_read, same_word

MOST_PARTS = 5   # most bullets read as one item's alternatives (real lists split so have 2 to 4)
# what parts a list: a comma (before an "or"), "or", "and/or", a slash
_SEP = re.compile(r"\s*,\s*(?:(?:and/or|or)\s+)?|\s+(?:and/or|or)\s+|\s*/\s*")
_ALTERNATIVES = re.compile(r"\bor\b|/")
# a limit said after a slash list: "AST/ALT <= 2.5 x ULN", "PT/PTT within normal limits" set it for each test
_LIMIT = re.compile(r"(?i)\d|[<>=≤≥]|\b(?:normal|uln|limits?|range|times|twice|greater|less|more|above|below|within|"
                    r"exceed\w*)\b")
_NEGATION = re.compile(r"(?i)^\W*(?:no|not|without|absence of|free of)\b")


@dataclass(frozen=True)
class Split:
    """The bullets read as the record item's alternatives: the describing words said of the whole list that a bullet
    leaves out (as the record writes them, with the bullet), and whether the list is a slash pair of tests."""

    left_out: tuple[tuple[str, str], ...]
    lab_pair: bool
    negated: bool


def faithful_split(section: str, record: str, pages: tuple[str, ...]) -> Split | None:
    """The Split of a record item shown as these page items, where bullets say what the record does for this
    section (see the module's note); None else."""
    split = split_reading(record, pages)
    if split is None or section == "exclusion":
        return split
    # (a requirement's "A or B" as two bullets asks for both; "AST/ALT <= 2.5 x ULN" and "No A or B" do not)
    return split if (split.lab_pair or split.negated) and not split.left_out else None


@lru_cache(maxsize=4096)
def split_reading(record: str, pages: tuple[str, ...]) -> Split | None:
    """How the page items say the record item's alternatives, one each (see the module's note); None when they do
    not."""
    k = len(pages)
    if not 2 <= k <= MOST_PARTS:
        return None
    t = as_read(record).strip().rstrip(".;")
    if not _ALTERNATIVES.search(t):
        return None
    shown = [as_read(p).strip().rstrip(".;") for p in pages]
    said = [_content(s) for s in shown]
    readings = []
    for seps in _lists(t, k - 1):
        split = _read(t, seps, shown, said)
        if split is not None:
            readings.append(split)
    # (of two readings, the one that has the bullets leave out fewest words: never an alarm one reading explains)
    return min(readings, key=lambda s: len(s.left_out), default=None)


def _content(text: str) -> list[str]:
    """The words of a text that say something (lower case), in order."""
    return [w for w in (m.group(0).lower() for m in TOKEN.finditer(as_read(text))) if w not in FILLER]


def _lists(t: str, n: int) -> list[list[re.Match]]:
    """Each run of `n` separators of one list in `t`: none of them "and", the last an "or" or all slashes, nothing
    between them that ends a list or opens a bracket."""
    seps = list(_SEP.finditer(t))
    out = []
    for a in range(len(seps) - n + 1):
        run = seps[a:a + n]
        kinds = ["/" if "/" in m.group(0) and "and/or" not in m.group(0) else
                 "or" if "or" in m.group(0) else "," for m in run]
        between = t[run[0].start():run[-1].end()]
        if LIST_ENDS.search(between) or re.search(r"[()\[\]]", between):
            continue
        if kinds[-1] == "or" and len(set(kinds[:-1])) <= 1 and "/" not in kinds or set(kinds) == {"/"}:
            out.append(run)
    return out


def _read(t: str, seps: list[re.Match], shown: list[str], said: list[list[str]]) -> Split | None:
    """The Split for one list of `t` (its separators `seps`), or None when the page items are not its parts."""
    bounds = [0] + [x for m in seps for x in (m.start(), m.end())] + [len(t)]
    segs = [list(TOKEN.finditer(t, a, b)) for a, b in zip(bounds[::2], bounds[1::2])]
    words = [[m for m in seg if m.group(0).lower() not in FILLER] for seg in segs]
    if any(not ws for ws in words):
        return None
    # the widest reading of what the parts share: all of the first part but its last word, all of the last after its
    # first word (with the describing words before that: "clinically significant" of "… or clinically significant
    # penile deformity" is the last part's own)
    own = next((n for n, m in enumerate(words[-1]) if not _describing(t, m)), len(words[-1]) - 1) + 1
    head, tail = words[0][:-1], words[-1][own:]
    cores = [[words[0][-1]]] + words[1:-1] + [words[-1][:own]]
    # a later part that names the first's last word again is written in full ("Concurrent malignancy or a history of
    # malignancy"): what stands before the first part is its own
    whole = any(same_word(cores[0][0].group(0).lower(), m.group(0).lower()) for ws in words[1:] for m in ws)
    for order in permutations(range(len(shown))):
        kept = [_as_part(said[j], [m.group(0).lower() for m in cores[c]], head, tail)
                for c, j in enumerate(order)]
        if any(k is None for k in kept):
            continue
        on_page = set().union(*kept)
        if any(id(m) not in on_page for m in head + tail if not _describing(t, m)):
            return None   # (a word the record says, on no bullet: "Chemotherapy" and "Radiotherapy" for "Prior …")
        if any(_loses(_part_said(t, seps, cores, c), shown[j]) for c, j in enumerate(order)):
            continue
        left = tuple((_as_written(t, m), shown[j]) for c, j in enumerate(order) for m in _shared(t, head, cores, c, whole)
                     if not any(same_word(m.group(0).lower(), w) for w in said[j]))
        lab_pair = all("/" in m.group(0) for m in seps) and bool(_LIMIT.search(t, seps[-1].end()))
        return Split(tuple(dict.fromkeys(left)), lab_pair,
                     bool(_NEGATION.match(t)) and all(_NEGATION.match(s) for s in shown))
    return None


def _shared(t: str, head: list[re.Match], cores: list[list[re.Match]], c: int, whole: bool) -> list[re.Match]:
    """The describing words before the list that part c may share: those of the head ("uncontrolled" of
    "Uncontrolled diabetes or hypertension"), none for the first part (its own), nor for a part with a describing word
    of its own ("… or serious medical condition") or a list written in full. (A describing word after the last part's
    first word is read as that part's own: "Critically-ill or medically unstable patients".)"""
    if c == 0 or whole or any(_describing(t, m) for m in cores[c]):
        return []
    return [m for m in head if _describing(t, m) and m.group(0).lower() != "other"]


def _part_said(t: str, seps: list[re.Match], cores: list[list[re.Match]], c: int) -> str:
    """Part c of the list with all the words the parts share: "Uncontrolled hypertension > 2.5 x ULN"."""
    head, tail = t[:cores[0][0].start()], t[cores[-1][-1].end():]
    if c == 0:
        return t[:seps[0].start()] + tail
    if c == len(cores) - 1:
        return head + t[seps[-1].end():]
    return head + t[cores[c][0].start():cores[c][-1].end()] + tail


def _as_part(page: list[str], core: list[str], head: list[re.Match], tail: list[re.Match]) -> set[int] | None:
    """The shared words (their ids) a page item keeps, when it is some of the head's words, the part's own, then some
    of the tail's, in order; None when it is not."""
    for s in range(len(page) - len(core) + 1):
        if all(same_word(a, b) for a, b in zip(page[s:s + len(core)], core)):
            before, after = _within(page[:s], head), _within(page[s + len(core):], tail)
            if before is not None and after is not None:
                return before | after
    return None


def _within(page: list[str], shared: list[re.Match]) -> set[int] | None:
    """The ids of the shared words these page words are, in order, or None when one of them is not shared."""
    out, k = set(), 0
    for w in page:
        while k < len(shared) and not same_word(w, shared[k].group(0).lower()):
            k += 1
        if k == len(shared):
            return None
        out.add(id(shared[k]))
        k += 1
    return out


def _loses(record_part: str, page: str) -> bool:
    """Does the page item lose a figure, limit, "not", exception or condition the record says of its part, or add
    one? (A shared describing word it leaves out is the Split's to name.)"""
    try:
        return bool(check_fidelity(record_part, page))
    except Exception:   # (odd text the checker cannot read: not read as a faithful split)
        return True


def _describing(t: str, m: re.Match) -> bool:
    """Is this word of the record a describing word that may be said of the whole list ("uncontrolled", "severe",
    "poorly controlled", "active")?"""
    return bool(STATE.fullmatch(m.group(0).lower())) or any(s <= m.start() < e for s, e in _turning(t))


def _turning(t: str) -> list[tuple[int, int]]:
    """Where `t` has a qualifier that turns its word: "poorly controlled", "poor control", or a word in "un-"
    ("uncontrolled", "unstable"; not every "in-": "involvement", "incompatible with survival" name no state the list
    shares)."""
    return [(s, e) for s, e, _, written in qualifiers(t.lower()) if " " in written or written.startswith("un")]


def _as_written(t: str, m: re.Match) -> str:
    """A describing word as the record writes it, the whole qualifier for one of its words ("poorly controlled")."""
    for s, e in _turning(t):
        if s <= m.start() < e:
            return t[s:e]
    return m.group(0)


def regroup_splits(O: list[Entry], P: list[Entry], pairs: list[Pair]) -> list[Pair]:
    """Pairs with each record item that the page shows as its alternatives, one per item (faithful_split), paired
    with those items: alignment pairs "AST/ALT > 2.5 x ULN" with "ALT > 2.5 x ULN" alone and reads "AST > 2.5 x ULN"
    as a criterion added, and "Uncontrolled hypertension" for the second bullet of "Uncontrolled diabetes or
    hypertension" is too far from the record's text to be found inside it. Only items paired with no other record
    item, or with none, are regrouped."""
    out = list(pairs)
    used = {j: n for n, p in enumerate(out) for j in p.p}
    where = {i: n for n, p in enumerate(out) for i in p.o}
    for i, o in enumerate(O):
        n = where.get(i)
        if not _ALTERNATIVES.search(o.norm) or n is not None and len(out[n].o) > 1:
            continue
        mine = set(out[n].p) if n is not None else set()
        free = sorted(mine | {j for j, e in enumerate(P) if j not in used and e.section == o.section})
        window = _window(o, P, free, mine) if len(free) > 1 else None
        if window is None:
            continue
        if n is None:
            n = where[i] = len(out)
            out.append(Pair([i], window, 100.0))
        else:
            out[n] = Pair([i], window, 100.0)
        used.update((j, n) for j in window)
    return out


def _window(o: Entry, P: list[Entry], free: list[int], mine: set[int]) -> list[int] | None:
    """The run of page items, among `free` and holding all of `mine`, that shows record item `o` as its
    alternatives; the longest such run."""
    have = _stems(o.text)
    near = [j for j in free if j in mine or _stems(P[j].text) <= have]
    runs, run = [], []
    for j in near:
        if run and j != run[-1] + 1:
            runs.append(run)
            run = []
        run.append(j)
    runs.append(run)
    for run in runs:
        for size in range(min(MOST_PARTS, len(run)), 1, -1):
            for a in range(len(run) - size + 1):
                window = run[a:a + size]
                if mine <= set(window) and \
                        faithful_split(o.section, o.text, tuple(P[j].text for j in window)) is not None:
                    return window
    return None


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """A text's words that say something, less a plural's "s": a quick test before the full reading."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _content(text))


def left_out_findings(o_items: list[Entry], p_items: list[Entry], split: Split, sim: float) -> list[Finding]:
    """A criterion_changed warning naming the describing word a bullet leaves out (Split.left_out); [] for a split
    that leaves none out."""
    if not split.left_out:
        return []
    word, item = split.left_out[0]
    o = o_items[0]
    return [criteria_finding(
        "criterion_changed", "warning", o_items, p_items,
        f'{rule_words(o).capitalize()} differs in a word: this page shows "{quote(item, 80)}" as an item of its own, '
        f'without "{word.lower()}", which ClinicalTrials.gov\'s "{quote(strip_marker(o.text), 100)}" may say of it '
        "too.", sim, changes=[f'"{w}" left out of "{i}"' for w, i in split.left_out])]
