"""A record item the page shows as its alternatives, one per bullet (splits.faithful_split), paired with those
bullets, and the warning for a describing word a bullet leaves out: alignment alone pairs the record item with one
bullet and reads the others as criteria added."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .align import Entry, Pair
from .finding import Finding, criteria_finding, quote, rule_words
from .normal import strip_marker
from .and_split import and_parts
from .compare import what_differs
from .splits import ALTERNATIVES, MOST_PARTS, Split, changed_split, faithful_split, reading_count
from .reading import COMPARISON_WORDS, UNIT_WORDS
from .words import content_words

_AND = re.compile(r"\band\b")   # (an exclusion's "X and Y" as two bullets: and_parts)
# the most readings (splits.reading_count: a list of a record item read one way, against one run of page items) one
# page's criteria may cost: about a second of CPU. The corpus's own text as faithful pages needs at most about half
# of it (NCT00002642 hard-wrapped, 31,400; docs/benchmarks.md, cap1). Counted, not timed: a page gets the same answer
# on any machine, however loaded.
READINGS_PER_PAGE = 60_000


class TooMuchWork(Exception):
    """The page's items, tried as runs of alternatives of the record's items, would cost more readings than
    READINGS_PER_PAGE: the criteria are not compared in full (too_long.unfinished_finding says so)."""

    def __init__(self, spent: int, limit: int) -> None:
        super().__init__(f"{spent:,} readings of the record's lists, past the limit of {limit:,}")
        self.spent, self.limit = spent, limit


@dataclass
class _Work:
    """The readings spent on one page so far, and how many it may spend."""

    limit: int
    spent: int = 0

    def spend(self, n: int) -> None:
        """Count `n` more readings; TooMuchWork before any past the limit is done."""
        self.spent += n
        if self.spent > self.limit:
            raise TooMuchWork(self.spent, self.limit)


def regroup_splits(O: list[Entry], P: list[Entry], pairs: list[Pair], limit: int | None = None) -> list[Pair]:
    """Pairs with each record item that the page shows as its alternatives, one per item (faithful_split), paired
    with those items: alignment pairs "AST/ALT > 2.5 x ULN" with "ALT > 2.5 x ULN" alone and reads "AST > 2.5 x ULN"
    as a criterion added, and "Uncontrolled hypertension" for the second bullet of "Uncontrolled diabetes or
    hypertension" is too far from the record's text to be found inside it (and an exclusion's "X and Y" as its two
    clauses, _shows_parts). Only items paired with no other record
    item, or with none, are regrouped. TooMuchWork when trying the page's runs would cost more than `limit` readings
    (splits.reading_count; READINGS_PER_PAGE unless given): a few faithful pages of long items cost seconds of CPU
    (session cap1)."""
    work = _Work(READINGS_PER_PAGE if limit is None else limit)
    out = list(pairs)
    used = {j: n for n, p in enumerate(out) for j in p.p}
    where = {i: n for n, p in enumerate(out) for i in p.o}
    for i, o in enumerate(O):
        n = where.get(i)
        if not (ALTERNATIVES.search(o.norm) or _AND.search(o.norm)) or n is not None and len(out[n].o) > 1:
            continue
        mine = set(out[n].p) if n is not None else set()
        free = sorted(mine | {j for j, e in enumerate(P) if j not in used and e.section == o.section})
        window = _window(o, P, free, mine, work) if len(free) > 1 else None
        if window is None:
            continue
        if n is None:
            n = where[i] = len(out)
            out.append(Pair([i], window, 100.0))
        else:
            out[n] = Pair([i], window, 100.0)
        used.update((j, n) for j in window)
    return out


def _window(o: Entry, P: list[Entry], free: list[int], mine: set[int], work: _Work) -> list[int] | None:
    """The run of page items, among `free` and holding all of `mine`, that shows record item `o` as its
    alternatives; the longest such run. Each run tried is counted against `work` first."""
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
                if not mine <= set(window):
                    continue
                work.spend(reading_count(o.section, o.text, size))
                if _shows_parts(o, tuple(P[j].text for j in window)):
                    return window
    return None


def _shows_parts(o: Entry, pages: tuple[str, ...]) -> bool:
    """Do these page items show record item `o` one part each: its alternatives (faithful_split), with a figure lost
    or changed on one of them (changed_split: "AST > 5 x ULN" for the first of "AST/ALT > 2.5 x ULN" is that
    part, not an item added), or the two clauses of its "X and Y" (and_parts: "The patient has an INR > 3" repeats
    the first bullet's subject, and alignment paired the record with that first bullet alone)?"""
    return faithful_split(o.section, o.text, pages) is not None or \
        changed_split(o.section, o.text, pages) is not None or and_parts(o.section, o.text, pages) is not None


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """A text's words that say something, less a plural's "s", figures, units and comparison words (a changed
    figure, unit or limit is still its part's: "Greater than 70 months", "Under 70" of "… or over 70 years"): a
    quick test before the full reading."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in content_words(text)
                     if not any(c.isdigit() for c in w) and w not in UNIT_WORDS and w not in COMPARISON_WORDS)


def changed_split_findings(o_items: list[Entry], p_items: list[Entry], sim: float) -> list[Finding]:
    """A critical criterion_changed for a record item shown one part per page item where a bullet loses or changes
    the figure its part is held to (changed_split): "AST" for the first bullet of "AST/ALT > 2.5 x ULN" holds AST
    to no limit; as a dropped or changed limit is anywhere else. [] for any other."""
    o = o_items[0]
    split = changed_split(o.section, o.text, tuple(e.text for e in p_items))
    if split is None:
        return []
    bullet, part, kinds = split.changed[0]
    return [criteria_finding(
        "criterion_changed", "critical", o_items, p_items,
        f'{rule_words(o).capitalize()} differs in {what_differs(list(kinds))}: this page shows "{quote(bullet, 80)}" '
        f'as an item of its own, where ClinicalTrials.gov\'s "{quote(strip_marker(o.text), 100)}" says '
        f'"{quote(part, 80)}".', sim, changes=[f'"{p}" became "{b}"' for b, p, _ in split.changed])]


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
