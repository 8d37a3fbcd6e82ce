"""Short items that read apart letter by letter yet say one criterion: "Diabetes with poor control" for "Poorly
controlled diabetes" (a qualifier where it stands), "Diabetes" for "Poorly controlled diabetes" (a qualifier left out).
align pairs them (its `_pair_sim`), below its bar as written, so compare.py says what changed (scope.qualifier_moves'
warning, a turned "not"), not a criterion added and another left out.
"""

from __future__ import annotations

from functools import lru_cache

from .alike import SHORT
from .scope import WORD, outside, qualifiers, short_for_part
from .reading import FILLER
from .same_words import same_word


@lru_cache(maxsize=65536)   # (align asks of each short entry in a gap, against each entry of the other side)
def _unqualified(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A (lower-case) text's words outside its qualifiers, in order, less function words, and the words those
    qualifiers turn: "poorly controlled diabetes" and "diabetes with poor control" both say (("diabetes",),
    ("control",))."""
    quals = qualifiers(text)
    return (tuple(w.group(0) for w in WORD.finditer(text) if outside(w, quals) and w.group(0) not in FILLER),
            tuple(sorted(kind for _, _, kind, _ in quals)))


def reordered(a: str, b: str) -> bool:
    """Two short (normalized) items that say the same words in the same order but for where a qualifier stands
    ("poorly controlled diabetes" / "diabetes with poor control", "hypertension, uncontrolled"): letter by letter too
    unlike for align to pair, they read as one criterion added and one left out (review of the qualifier findings,
    (c)). The other words must be the same ones, in order (`_same_words`), and qualify the same words: "poorly
    controlled hypertension" is no "diabetes with poor control", nor "children of smokers" "smokers of children".
    align then compares the pair as any (compare.py: a changed "not" or figure is said)."""
    kinds = _kinds_apart(a, b)
    return kinds is not None and bool(kinds[0]) and kinds[0] == kinds[1]


def qualifier_apart(a: str, b: str) -> bool:
    """Two short (normalized) items that say the same words but for a qualifier only one says ("Diabetes" for "Poorly
    controlled diabetes", "Hypertension" for "Uncontrolled hypertension"): they too read as one criterion added and
    one left out (or nothing), where the page leaves out what the record says of the illness: qualifier_moves'
    warning once paired (9 of 200 real short items with their qualifier left out were not said so). A qualifier
    turned ("Controlled diabetes") keeps its word, so pairs only as written."""
    kinds = _kinds_apart(a, b)
    return kinds is not None and bool(kinds[0]) != bool(kinds[1])


def _kinds_apart(a: str, b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words each of two short texts' qualifiers turn, when the two say the same other words (`_same_words`)."""
    if max(len(a), len(b)) >= SHORT:
        return None
    (wa, ka), (wb, kb) = _unqualified(a), _unqualified(b)
    return (ka, kb) if wa and wb and _same_words(wa, wb) else None


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same words in order, as a copy may write them: another form (same_words.same_word), or a short form for a run
    of the other's words ("dm" for "diabetes mellitus", "htn" for "hypertension")."""
    if not a or not b:
        return not a and not b
    if same_word(a[0], b[0]) and _same_words(a[1:], b[1:]):
        return True
    return any(short_for_part(x[:1], y[:k]) and _same_words(x[1:], y[k:])
               for x, y in ((a, b), (b, a)) for k in range(1, min(4, len(y)) + 1))
