"""Items a page shows in another order than the record (review round 22, F3 and F4).

align keeps the record's order: exact items anchor it and the gaps between anchors are aligned in order. A page that
lists the record's items in another order then left them in the wrong gaps, where
- an item was paired with its near-twin in the same gap ("No other concurrent investigational drugs" with "No other
  concurrent antitumor drugs", "Hematopoietic: Not specified" with "Radiotherapy: Not specified"), then reported as
  "differs in a word";
- a label shown run on with its sub-items ("Age: a) Over 18") paired with nothing, since out of order only 1:1 pairs
  were tried, and a faithful list read as "another trial's".
Here the texts that are (nearly) the same on both sides are paired first, across the whole list, and a whole record
item found out of order is paired with the page line that shows it. Entries are duck-typed (align.Entry: norm, group).
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

MOVED = 90   # lowest similarity to pair items found out of order (align: also items under the other heading)

# spacing and the colon after a label are all a page's line and the record's parts may differ in ("Age: a) Over 18"
# reads "age: over 18", the record's "Age:" + "Over 18" "age over 18"); signs, figures and points stay
_LOOSE = re.compile(r"[\s:;]+")


def _key(text: str) -> str:
    return _LOOSE.sub("", text)


def _groups(O: list) -> list[list[int]]:
    """The record's top-level items of two entries or more (a label and its sub-items, a parent and its points), each
    as its entries' indices in order."""
    by: dict[str, list[int]] = {}
    for i, e in enumerate(O):
        by.setdefault(e.group, []).append(i)
    return [idx for idx in by.values() if len(idx) > 1]


def same_texts(O: list, P: list, free_o: set[int], free_p: set[int]) -> list[tuple[list[int], list[int]]]:
    """(record indices, [page index]) for each page line in `free_p` (not anchored in order) that reads the same as
    exactly one record entry, or one whole record item, in `free_o`, when no other page line reads so: paired before
    the order-keeping alignment, so an item is never paired with its twin. A text standing twice on either side ("Not
    specified" under two labels) is left to the alignment, which places it by its neighbours."""
    cands: dict[str, list[list[int]]] = {}
    for i, e in enumerate(O):
        cands.setdefault(_key(e.norm), []).append([i])
    for idx in _groups(O):
        cands.setdefault("".join(_key(O[i].norm) for i in idx), []).append(idx)
    on_page = Counter(_key(e.norm) for e in P)
    out = []
    for j in sorted(free_p):
        k = _key(P[j].norm)
        found = cands.get(k, [])
        if k and on_page[k] == 1 and len(found) == 1 and all(i in free_o for i in found[0]):
            out.append((found[0], [j]))
    return out


def moved_items(O: list, P: list, pairs: list) -> list[tuple[list[int], list[int], float]]:
    """(record indices, [page index], similarity) for the page lines left unpaired by the alignment (`pairs`) that
    plainly show a record entry none paired, or a whole record item none of whose entries is paired (a label run on
    with its sub-items, a word or mark of theirs changed): the list shown in another order, not items added and left
    out."""
    used_o = {i for p in pairs for i in p.o}
    used_p = {j for p in pairs for j in p.p}
    out = []
    for j in [j for j in range(len(P)) if j not in used_p]:
        cands = [(fuzz.ratio(O[i].norm, P[j].norm), i) for i in range(len(O)) if i not in used_o]
        if cands:
            s, i = max(cands)
            if s >= MOVED:
                out.append(([i], [j], s))
                used_o.add(i)
                used_p.add(j)
    free = [idx for idx in _groups(O) if not any(i in used_o for i in idx)]
    for j in [j for j in range(len(P)) if j not in used_p]:
        scored = [(fuzz.ratio(" ".join(O[i].norm for i in idx), P[j].norm), idx) for idx in free]
        s, idx = max(scored, default=(0.0, []))
        if s >= MOVED:
            out.append((idx, [j], s))
            free.remove(idx)
    return out
