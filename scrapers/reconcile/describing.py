"""The describing words of a record item's list that a split may say of the whole list ("uncontrolled", "severe",
"poorly controlled", "active"), and each as the record writes it: splits.py's word-level reading, kept apart as
splits.py grew past 400 lines (fix46's caches)."""

from __future__ import annotations

import re
from functools import lru_cache

from .scope import STATE, qualifiers


def describing(t: str, m: re.Match) -> bool:
    """Is this word of the record a describing word that may be said of the whole list ("uncontrolled", "severe",
    "poorly controlled", "active")?"""
    return bool(STATE.fullmatch(m.group(0).lower())) or m.start() in _turned_at(t)


@lru_cache(maxsize=256)
def _turning(t: str) -> tuple[tuple[int, int], ...]:
    """Where `t` has a qualifier that turns its word: "poorly controlled", "poor control", or a word in "un-"
    ("uncontrolled", "unstable"; not every "in-": "involvement", "incompatible with survival" name no state the list
    shares). Cached: read anew for every word of every reading, one page took over 100 s (r46 N1, NCT00002542)."""
    return tuple((s, e) for s, e, _, written in qualifiers(t.lower()) if " " in written or written.startswith("un"))


@lru_cache(maxsize=256)
def _turned_at(t: str) -> frozenset[int]:
    """Each place in `t` inside a qualifier that turns its word (_turning): a word is looked up, not searched for."""
    return frozenset(x for s, e in _turning(t) for x in range(s, e))


def as_written(t: str, m: re.Match) -> str:
    """A describing word as the record writes it, the whole qualifier for one of its words ("poorly controlled")."""
    for s, e in _turning(t):
        if s <= m.start() < e:
            return t[s:e]
    return m.group(0)
