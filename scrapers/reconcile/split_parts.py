"""The page-independent side of splits.py's readings, read once per record item: the runs of separators of its lists,
its words, and each way of reading one list into the words its parts share and each part's own (a SplitReading),
with what each page item is as one part of it remembered. regroup_splits tries every run of up to five page items
against one record item, and each run re-read the same item anew: NCT00002642 (one record line per paragraph) took
6.8 s of CPU, nearly all of it re-reading the item and matching one bullet to one part again for each run it is in
(session cap1). Kept apart from splits.py, which says what a faithful split is, as that grew past 400 lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .reading import TOKEN
from .same_words import same_word
from .scope import LIST_ENDS

# what parts a list: a comma (before an "or"), "or", "and/or", a slash
_SEP = re.compile(r"\s*,\s*(?:(?:and/or|or)\s+)?|\s+(?:and/or|or)\s+|\s*/\s*")


@lru_cache(maxsize=256)
def tokens(t: str) -> tuple[tuple[re.Match, ...], tuple[int, ...]]:
    """The words of `t` (reading.TOKEN) and where each starts: each list's parts are runs of them."""
    ms = tuple(TOKEN.finditer(t))
    return ms, tuple(m.start() for m in ms)


def between(t: str, a: int, b: int) -> list[re.Match]:
    """The words of `t` from `a` to `b`, as TOKEN.finditer(t, a, b) reads them: a list's part starts after a
    separator and ends at one (_SEP begins and ends at a space, comma or slash), so no word crosses its ends."""
    ms, starts = tokens(t)
    return list(ms[bisect_left(starts, a):bisect_left(starts, b)])


@lru_cache(maxsize=1024)
def lists(t: str, n: int) -> tuple[tuple[re.Match, ...], ...]:
    """Each run of `n` separators of one list in `t`: none of them "and", the last an "or" or all slashes, nothing
    between them that ends a list or opens a bracket."""
    seps = list(_SEP.finditer(t))
    out = []
    for a in range(len(seps) - n + 1):
        run = seps[a:a + n]
        kinds = ["/" if "/" in m.group(0) and "and/or" not in m.group(0) else
                 "or" if "or" in m.group(0) else "," for m in run]
        between_ = t[run[0].start():run[-1].end()]
        if LIST_ENDS.search(between_) or re.search(r"[()\[\]]", between_):
            continue
        if kinds[-1] == "or" and len(set(kinds[:-1])) <= 1 and "/" not in kinds or set(kinds) == {"/"}:
            out.append(tuple(run))
    return tuple(out)


# page items one reading remembers at most (a faithful page's run needs a few hundred; the worst, NCT00002642
# hard-wrapped, fewer than 2,000)
SEEN_MAX = 4096


@dataclass
class SplitReading:
    """One reading of a list: `head` and `tail` the words its parts share, `cores` each part's own as the record says
    them, `matched` those a bullet is matched by (a loose reading's, less figures and comparison words). What each
    page item is as each part is remembered (`part`): the same bullet meets the same reading in every run of page
    items it is in."""

    head: list[re.Match]
    cores: list[list[re.Match]]
    tail: list[re.Match]
    matched: list[list[re.Match]]
    _words: tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, ...], ...]] = field(init=False, repr=False)
    _seen: dict = field(default_factory=dict, repr=False)
    needed: frozenset[int] | None = field(default=None, repr=False)   # (splits._read_as's, read once)
    parts: list[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._words = (tuple(m.group(0).lower() for m in self.head), tuple(m.group(0).lower() for m in self.tail),
                       tuple(tuple(m.group(0).lower() for m in c) for c in self.matched))

    def part(self, c: int, page: tuple[str, ...]) -> frozenset[int] | None:
        """The shared words (their places: the head's, then the tail's after them) page item `page` (its words)
        keeps as part `c`, some of the head's, the part's own, then some of the tail's, in order; None when it is
        not that part."""
        key = (c, page)
        if key not in self._seen:
            if len(self._seen) >= SEEN_MAX:   # (a hot plan stays cached: what it remembers must not grow with every
                self._seen.clear()            # page a long-running service is sent for the same trial)
            head, tail, cores = self._words
            self._seen[key] = as_part(page, cores[c], head, tail)
        return self._seen[key]


def as_part(page: tuple[str, ...], core: tuple[str, ...], head: tuple[str, ...],
            tail: tuple[str, ...]) -> frozenset[int] | None:
    """The places of the shared words a page item keeps (a tail word's after the head's), when it is some of the
    head's words, the part's own, then some of the tail's, in order; None when it is not."""
    for s in range(len(page) - len(core) + 1):
        if all(same_word(a, b) for a, b in zip(page[s:s + len(core)], core)):
            before, after = _within(page[:s], head, 0), _within(page[s + len(core):], tail, len(head))
            if before is not None and after is not None:
                return frozenset(before | after)
    return None


def _within(page: tuple[str, ...], shared: tuple[str, ...], offset: int) -> set[int] | None:
    """The places (from `offset`) of the shared words these page words are, in order, or None when one of them is
    not shared."""
    out, k = set(), 0
    for w in page:
        while k < len(shared) and not same_word(w, shared[k]):
            k += 1
        if k == len(shared):
            return None
        out.add(offset + k)
        k += 1
    return out
