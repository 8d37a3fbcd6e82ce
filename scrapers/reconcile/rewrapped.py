"""The record's text shown with the page's own line breaks: a record hard-wrapped at 80 columns, each of its lines
shown as a paragraph of its own, cuts its items across lines ("Renal: renal compromise Creatinine greater than 1.2
mg/mL (adults) Creatinine greater than" / "0.9 mg/mL (teenagers) Other: pregnant; Fertile patients with no effective
contraception" / "Poorly controlled seizure disorders …", NCT00004412). Paired item by item, a line holding an item's
start was compared with the whole item (its "0.9" and "than" a number and a limit that differ) and a line holding an
item's tail lost the "no" on the line before: criticals on a faithful page (session sect8 (b)). Here the record's
items and the page's lines that together spell the same text, their breaks falling in different places, are one pair
(a run), compared as the one text they are: a figure changed or a "no" dropped inside it is still found by compare.
"""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from ..criteria import unescape_markdown
from .align import Entry, Pair
from .normal import normalize

SAME_TEXT = 90        # how alike the run's joined texts must be (fuzz.ratio of the two normalized texts)
LINE_SHOWN = 0.6      # of each page line's (record entry's) words, how many the other side must show, in order
MAX_WORDS = 20_000    # a section longer than this (no trial's) is left to the alignment as it is
_AROUND = ":"   # the colon a sub-label's word carries on the page line, which the entry's norm drops: ignored in a run's alignment
_CAPS_HEADING = re.compile(r"\s*[A-Z]{2,}(?:[ /&-]+[A-Z]{2,})+:\s")


def _words(entries: list[Entry], index: list[int]) -> tuple[list[str], list[int], list[int]]:
    """The words of `entries[k]` for each k of `index` in order, the place in `index` of the entry each word belongs
    to, and where each entry starts (its first word)."""
    words, owner, starts = [], [], []
    for n, k in enumerate(index):
        starts.append(len(words))
        for w in entries[k].norm.split():
            words.append(w)
            owner.append(n)
    return words, owner, starts


def _runs(O: list[Entry], oi: list[int], P: list[Entry], pj: list[int], lines: set[str]) -> list[Pair]:
    """The runs of one section: page lines pj[a:b] and record entries whose joined words are the same text, the run
    starting and ending where both a line and an entry do (words the record reads as a heading before its first
    word, "PATIENT CHARACTERISTICS: Age: …", may stand in front), each line inside it breaking where the record's
    words go on (_clean_break) and where the record's text breaks a line (`lines`: the record's lines, normalized: the
    line before or after the break is one of them), and one of them inside an entry."""
    ow, o_owner, o_starts = _words(O, oi)
    pw, _, p_starts = _words(P, pj)
    if not ow or not pw or len(ow) + len(pw) > MAX_WORDS:
        return []
    to_o: dict[int, int] = {}
    # (words matched without the punctuation around them: an entry's norm drops the colon that ends it, "Pulmonary:",
    # which the page line holding it keeps, "cardiovascular: pulmonary: other: …", NCT00003929)
    p_keys, o_keys = _keys(pw), _keys(ow)
    o_text = f" {' '.join(o_keys)} "
    for n, j in enumerate(pj):
        heading = p_keys[p_starts[n]:p_starts[n] + _heading_words(P[j])]
        if heading and f" {' '.join(heading)} " not in o_text:
            for d in range(len(heading)):
                p_keys[p_starts[n] + d] = "\0"   # (matched to nothing: the record has no such words)
    for block in difflib.SequenceMatcher(None, p_keys, o_keys, autojunk=False).get_matching_blocks():
        to_o.update((block.a + d, block.b + d) for d in range(block.size))
    o_start_at = {s: n for n, s in enumerate(o_starts)}
    before, after = _nearest_mapped(len(pw), to_o)
    shown_p, shown_o = set(to_o), set(to_o.values())
    # page lines whose first word of the record's starts an entry, the record's word before it ending the line before
    synced = [n for n, s in enumerate(p_starts) if after[s] is not None and to_o[after[s]] in o_start_at
              and (not s or before[s - 1] is None or to_o[before[s - 1]] == to_o[after[s]] - 1)]
    out = []
    for a, b in zip(synced, synced[1:] + [len(pj)]):
        end = p_starts[b] if b < len(pj) else len(pw)
        last_o = to_o[before[end - 1]] if before[end - 1] is not None else None
        if b - a < 2 or last_o is None or (last_o + 1 < len(ow) and last_o + 1 not in o_start_at):
            continue   # (one line; or the run's last line does not end where an entry does: cut off, clipped.py's)
        first = o_start_at[to_o[after[p_starts[a]]]]
        o_run = oi[first:o_owner[last_o] + 1]
        p_run = pj[a:b]
        inner = p_starts[a + 1:b]
        as_written = all(P[pj[n - 1]].norm in lines or P[pj[n]].norm in lines for n in range(a + 1, b))
        if not as_written or not all(_clean_break(s, before, after, to_o) for s in inner) or all(
                to_o[after[s]] in o_start_at for s in inner):
            continue   # (a line that does not run on from the one before, or breaks where the record does not: a page
            #   that splits an item, "HIV infection." / "No prior …", noted as such; or whole entries, merged or split)
        if not all(_shown(len(P[j].norm.split()), s, shown_p) for j, s in zip(p_run, p_starts[a:b])) or not all(
                _shown(len(O[k].norm.split()), o_starts[n], shown_o) for n, k in enumerate(o_run, first)):
            continue   # (a line the record lacks, or an entry the page leaves out: no wrap, the alignment's to say)
        sim = fuzz.ratio(" ".join(O[k].norm for k in o_run), _run_text(P, p_run, pw, p_starts[a], after[p_starts[a]]))
        if sim >= SAME_TEXT:
            out.append(Pair(o_run, p_run, sim, rewrapped=True))
    return out


def _keys(words: list[str]) -> list[str]:
    """Words as the run's alignment matches them: no punctuation around them ("therapy:" is "therapy")."""
    return [w.strip(_AROUND) or w for w in words]


def _heading_words(e: Entry) -> int:
    """How many words of a page line are an all-caps heading of more than one word in front of its text, "PRIOR
    CONCURRENT THERAPY: Prior murine antibody …" (NCT00002458), which the record reads as a heading, not words of an
    entry: matched, its "PRIOR" ran on from the line before into the entry's "Prior", and the entry's start was lost.
    (_runs keeps the heading's words where the record's entries hold them too: "TRACK II AT RANDOMIZATION: Pregnant …"
    is the start of an entry of NCT00003869.)"""
    m = _CAPS_HEADING.match(e.text)
    if not m:
        return 0
    head = normalize(m.group())
    return len(head.split()) if e.norm.startswith(head) else 0


def _run_text(P: list[Entry], p_run: list[int], pw: list[str], start: int, first: int | None) -> str:
    """The run's page text, without the heading words in front of the record's first word that end with a colon
    ("prior concurrent therapy:" before "prior murine antibody …", NCT00002458: its 3 words put a two-line run at 89,
    under SAME_TEXT), which the record reads as a heading (run_entries gives them to no entry)."""
    text = " ".join(P[j].norm for j in p_run)
    if first is None or first == start or not pw[first - 1].endswith(":"):
        return text
    return text.split(" ", first - start)[-1]


def _nearest_mapped(n: int, to_o: dict[int, int]) -> tuple[list[int | None], list[int | None]]:
    """For each page word, the last word at or before it and the first at or after it that the record has."""
    before: list[int | None] = []
    for k in range(n):
        before.append(k if k in to_o else (before[-1] if before else None))
    after: list[int | None] = [None] * n
    for k in range(n - 1, -1, -1):
        after[k] = k if k in to_o else (after[k + 1] if k + 1 < n else None)
    return before, after


def _clean_break(s: int, before: list[int | None], after: list[int | None], to_o: dict[int, int]) -> bool:
    """Does the page break a line at word `s` where the record's text runs on: as many record words between the
    record's words either side of the break as page words (a word changed there is still compared; "X and Y" shown
    as "X" / "Y", its "and" dropped at the break, is a page that splits an item, not one that wraps it)?"""
    a, b = before[s - 1], after[s]
    return a is not None and b is not None and to_o[b] - to_o[a] == b - a


def _shown(n: int, start: int, matched: set[int]) -> bool:
    """Are most (LINE_SHOWN) of the `n` words from `start` of a page line or record entry matched on the other side?"""
    return sum(start + d in matched for d in range(n)) >= LINE_SHOWN * n


def rewrapped_pairs(O: list[Entry], P: list[Entry], pairs: list[Pair], source: str) -> list[Pair]:
    """`pairs` with each run (the record's entries and the page's lines that spell one text with other breaks) made
    one pair, where every pair the alignment made of their items lies inside the run (none reaches outside it).
    `source`: the record's criteria as written, whose line breaks a run's lines keep."""
    lines = {normalize(line) for line in unescape_markdown(source).splitlines()}
    for section in ("inclusion", "exclusion"):
        oi = [i for i, e in enumerate(O) if e.section == section]
        pj = [j for j, e in enumerate(P) if e.section == section]
        for run in _runs(O, oi, P, pj, lines):
            o_run, p_run = set(run.o), set(run.p)
            touching = [p for p in pairs if o_run & set(p.o) or p_run & set(p.p)]
            if all(set(p.o) <= o_run and set(p.p) <= p_run for p in touching):
                pairs = [p for p in pairs if p not in touching] + [run]
    return pairs


