"""Parts a page's joined item leaves out (items.py's check_criteria): taken out of their pair, so they count as missing.

A page that runs a record item's parts together ("Pulmonary: a) … b) No chronic obstructive pulmonary disease c) …")
may also write one of them short ("b) No COPD"): letter by letter that part then reads as absent (48 against the page
item, under align.PRESENT), and a faithful page got a criterion_missing warning and a critical criterion_changed (the
page's "No COPD" read as a "not" the record lacks; review round 22, the contract class). So a part that reads as
absent is read again written with a short form the page item has and the record item has not (`_in_page_wording`),
and counts as shown only if it then stands in the page item near-verbatim. Reading every part in the page's wording
instead hid real dropped parts: "Testicular leukemia" read as the "TEL" of the page's "TEL-AML1", "Classified" as its
"CSF"; those short forms are the record item's own too, so they are never used.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from rapidfuzz import fuzz

from .alike import short_forms, shortened   # (alike.py's short forms of a text, and its writer of a run of words as one)
from .align import PRESENT, VERBATIM, Entry, Pair
from .normal import normalize

LEFT_OUT = 3    # a joined item reading this much more like its parts without one: that one is left out


def drop_absent_parts(O: list[Entry], P: list[Entry], pairs: list[Pair]) -> set[int]:
    """Sub-items a page's joined item leaves out: taken out of their pair, so they count as missing.
    A sub-item not found verbatim is left out only if the page's item reads more like the
    others alone than like all of them: otherwise the page shows it changed ("Hemoglobin at
    most 10 g/dL" for "at least"), which the comparison of the pair then reports."""
    absent: set[int] = set()
    for p in pairs:
        if len(p.o) > 1 and len(p.p) == 1:
            shown = P[p.p[0]]
            W = _in_page_wording(O, p.o, shown)
            inside = {i: fuzz.partial_ratio(W[i].norm, shown.norm) for i in p.o if not W[i].label}
            gone = [i for i, r in inside.items() if r < PRESENT]
            if not gone:
                gone = _only_in_a_neighbour(W, p.o, shown.norm, inside)
            if not gone:
                gone = _one_left_out(W, p.o, shown.norm, inside)
            if gone and fuzz.ratio(" ".join(W[i].norm for i in p.o), shown.norm) > \
                    fuzz.ratio(" ".join(W[i].norm for i in p.o if i not in gone), shown.norm):
                continue
            if gone and len(gone) < len(p.o):
                absent.update(gone)
                p.o = [i for i in p.o if i not in gone]
    return absent


def _in_page_wording(O: list[Entry], parts: list[int], shown: Entry) -> list[Entry]:
    """The record's entries with each part of this joined item that reads as absent written with a short form the
    page item uses more often than the whole record item (`_page_shorts`), where that part then stands in the page
    item near-verbatim (VERBATIM): the page's "No COPD" is the record's "No chronic obstructive pulmonary disease".
    A part that reads as absent either way, and every part already found, stays as written. One part per short form,
    the part reading least like the page item first."""
    plain = {i: fuzz.partial_ratio(O[i].norm, shown.norm) for i in parts if not O[i].label}
    unread = sorted((i for i, r in plain.items() if r < PRESENT), key=plain.get)
    if not unread:
        return O
    out = list(O)
    for short in _page_shorts([O[i].text for i in parts], shown.text):
        for i in (i for i in unread if out[i] is O[i]):
            text = shortened(O[i].text, short, 1)
            if text != O[i].text and fuzz.partial_ratio(normalize(text), shown.norm) >= VERBATIM:
                out[i] = dataclasses.replace(O[i], text=text, norm=normalize(text))
                break
    return out


def _page_shorts(parts: list[str], shown: str) -> list[str]:
    """Short forms ("COPD", "HTN") the page item has more often than the record item's parts together: only those
    can stand for words the record spells out (a "TEL" the record's own "TEL-AML1" gives the page is no
    "Testicular leukemia")."""
    said = Counter(short_forms(shown))
    said.subtract(Counter(s for t in parts for s in short_forms(t)))
    return sorted(s for s, n in said.items() if n > 0)


def _only_in_a_neighbour(O: list[Entry], parts: list[int], shown: str, inside: dict[int, float]) -> list[int]:
    """Parts that read as present only through words a neighbour shown verbatim stands on: NCT00005603's "Any age with
    WBC > 100,000/mm^3", dropped, read 84 (over PRESENT) in the page's "… patients with WBC > 100,000/mm^3 who are …"
    of the next part, and the page item read only 2 more like the parts without it (under LEFT_OUT). So the places the
    parts shown verbatim stand in are taken out of the page item (the longest part first), and a part neither verbatim
    nor found in what is left is one the page leaves out (a part shown changed still reads in its own place)."""
    rest = shown
    # (the scores drop_absent_parts read; a label's, which it does not read, here)
    score = {k: inside[k] if k in inside else fuzz.partial_ratio(O[k].norm, shown) for k in parts}
    for i in sorted((k for k in parts if score[k] >= VERBATIM), key=lambda k: -len(O[k].norm)):
        at = fuzz.partial_ratio_alignment(O[i].norm, rest)
        if at is not None and at.score >= VERBATIM:
            rest = rest[:at.dest_start] + " | " + rest[at.dest_end:]
    return [i for i, r in inside.items() if r < VERBATIM and fuzz.partial_ratio(O[i].norm, rest) < PRESENT]


def _one_left_out(O: list[Entry], parts: list[int], shown: str, inside: dict[int, float]) -> list[int]:
    """The one sub-item a joined item leaves out though a look-alike neighbour makes it seem present
    ("Platelet count at least 100,000/mm^3" beside "Absolute neutrophil count at least 1,000/mm^3"):
    the page's item reads clearly more like the others without it."""
    whole = fuzz.ratio(" ".join(O[i].norm for i in parts), shown)
    best, out = whole + LEFT_OUT, []
    for i, r in inside.items():
        # (a part verbatim inside the page item may still be the one left out when it is verbatim
        # inside another part too: "… informed consent." beside "… informed consent (as determined …).")
        if r < VERBATIM or any(k != i and fuzz.partial_ratio(O[i].norm, O[k].norm) >= VERBATIM for k in parts):
            without = fuzz.ratio(" ".join(O[k].norm for k in parts if k != i), shown)
            if without >= best:
                best, out = without, [i]
    return out
