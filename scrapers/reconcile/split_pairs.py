"""A record item the page shows as its alternatives, one per bullet (splits.faithful_split), paired with those
bullets, and the warning for a describing word a bullet leaves out: alignment alone pairs the record item with one
bullet and reads the others as criteria added."""

from __future__ import annotations

from functools import lru_cache

from .align import Entry, Pair
from .finding import Finding, criteria_finding, quote, rule_words
from .normal import strip_marker
from .splits import ALTERNATIVES, MOST_PARTS, Split, faithful_split
from .words import content_words


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
        if not ALTERNATIVES.search(o.norm) or n is not None and len(out[n].o) > 1:
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
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in content_words(text))


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
