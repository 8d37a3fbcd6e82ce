"""A reason someone cannot join that bounds one measure on both sides ("Age less than 20 or greater than 69 years",
"Serum potassium < 3.5 or > 5.1 mEq/L") shown one bound per bullet ("Age less than 20" + "Greater than 69 years").
Of an exclusion list each bullet excludes on its own, as the record's "or" does, and a bullet that begins with its
limit continues the measure of the one before it: the record's rule (it was a critical "differs in an "or"": 67 of
69 real ones, session splits2).

Read so only where each part after the first is a limit and its figure, the first names the measure before its
limit, and the bullets are the parts in order, each as the record says it (the fidelity check finds nothing lost or
added) but that a later bullet may leave off the measure and an earlier one the unit the last one gives; what the
record says after that unit ("within 1 month prior to enrollment", "on anti-hypertensive therapy") is on every
bullet, no bullet adds a word, and a bullet that names the measure (the first always does) keeps each of its words
exactly: "Blood pressure < 90" for "Systolic blood pressure < 90 …" is the finding it was before (review r28 #3). A
changed figure, limit or unit fails the fidelity check; read loosely (bound_changes, for splits.changed_split) such a
bullet is that bound changed: the critical change naming the bullet and what changed ("differs in a unit"), not an
"or" (the split itself says the rule) nor an item added (session splits3).
"""

from __future__ import annotations

import re

from ..fidelity import check_fidelity
from .reading import COMPARISON_WORDS, TOKEN, UNIT_WORDS
from .same_words import same_word
from .words import content_words

# the words that say a limit ("less than", "over"), and those that begin what a record says after a figure ("within
# 28 days", "unless"): splits.py builds its readings of a slash pair's limit from the same words
LIMIT_WORDS = r"less|greater|more|fewer|above|below|exceed\w*|under|over"
AFTER_FIGURE_WORDS = (r"within|during|in|after|before|since|for|unless|except|if|when|at|on|by|who|that|which|and|or|"
                      r"with|without|not|no|prior|previous|last|past")
# a limit and its figure ("< 9", "greater than 69", "no more than 2.5"); a range's bound may also be "lower"/"higher"
_BOUND = re.compile(r"(?i)(?:[<>≤≥]=?|=|\b(?:" + LIMIT_WORDS + r"|lower|higher)\b)[^\d;,]{0,12}?\d[\d.,]*")
# where the unit after the last figure ends and what the record says of every bound begins
_CLAUSE = re.compile(r"(?i)\s*(?:\b(?:" + AFTER_FIGURE_WORDS + r"|as|despite)\b|[,;(\[<>≤≥=])")
_ENDS_IN_FIGURE = re.compile(r"\d[\d.,]*\s*$")
_LIST_MARK = re.compile(r"(?i),(?!\d)|;|\bor\b|\band\b")
# what a bullet may change of its bound in a loose reading (one that loses a "not" or a condition is compare's), and
# the words that say it: a figure, a comparison word, a unit ("months" for "years")
FIGURE_KINDS = frozenset({"number", "added", "unit", "comparator"})
_FIGURE_WORD = re.compile(r"\d|^(?:" + "|".join(COMPARISON_WORDS + tuple(UNIT_WORDS)) + r"|than|exceed\w*|equal)$")


def bounds_split(t: str, seps: list[re.Match], shown: list[str]) -> bool:
    """Are the bullets `shown` the bounds of one measure that `t` lists (its separators `seps`), one each, as the
    module's note reads them?"""
    return bound_changes(t, seps, shown) == []


def bound_changes(t: str, seps: list[re.Match], shown: list[str], loose: bool = False) -> \
        list[tuple[str, str, tuple[str, ...]]] | None:
    """Each bullet that changes its bound, as (the bullet, the record's words for that bound, what of a figure it
    loses), where the bullets are otherwise the bounds of one measure `t` lists (see the module's note); [] when none
    does, None when they are not its bounds. `loose`: a bullet may change its figure, limit or unit ("Greater than 70
    months" for "greater than 70 years" was a criterion added and one missing, warnings, session splits3); without
    it, any change is None."""
    ends = [0] + [x for m in seps for x in (m.start(), m.end())] + [len(t)]
    spans = list(zip(ends[::2], ends[1::2]))
    if not all(m.group(0).strip().lower() == "or" for m in seps) or \
            any(_LIST_MARK.search(t, a, b) for a, b in spans[:-1]):
        return None
    first = _BOUND.search(t, *spans[0])
    if first is None or not content_words(t[:first.start()]) or first.end() != spans[0][1] and \
            TOKEN.search(t, first.end(), spans[0][1]) and not _unit_only(t[first.end():spans[0][1]]):
        return None
    lasts = [_BOUND.match(t, a) for a, _ in spans[1:]]
    if any(m is None for m in lasts):
        return None
    head, rest = t[:first.start()], t[lasts[-1].end():]
    cut = _CLAUSE.search(rest)
    unit, clause = (rest[:cut.start()], rest[cut.start():]) if cut else (rest, "")
    needed = content_words(clause)
    record = content_words(t)
    changed = []
    for c, (page, (a, b)) in enumerate(zip(shown, spans)):
        if (c == 0 or not _BOUND.match(page.strip())) and not _names(page, head):
            return None
        said = [w for w in content_words(page) if not (loose and _FIGURE_WORD.search(w))]
        if not all(any(same_word(w, v) for v in said) for w in needed) or \
                not all(any(same_word(w, v) for v in record) for w in said):
            return None
        part = (head if c else "") + t[a:b]   # (the last part ends the record; "< 18 yrs" has its own unit)
        if c < len(spans) - 1:
            part += rest if _ENDS_IN_FIGURE.search(t[a:b]) else clause
        bullet = page
        if c and _BOUND.match(page.strip()):
            page = head + page.strip()   # ("Greater than 69 years": the measure the bullet before names)
        if c < len(spans) - 1 and _ENDS_IN_FIGURE.search(page.rstrip(" .;")):
            page = page.rstrip(" .;") + unit   # ("Age less than 20": the unit the last bullet gives)
        try:
            kinds = tuple(dict.fromkeys(loss.kind for loss in check_fidelity(part, page)))
        except Exception:   # (odd text the checker cannot read: not read as bounds)
            return None
        if kinds and not (loose and set(kinds) <= FIGURE_KINDS):
            return None
        if kinds:
            changed.append((bullet, t[a:b].strip(), kinds))
    return changed


def _names(bullet: str, measure: str) -> bool:
    """Does a bullet that names the measure keep every word of the record's `measure` as written? The fidelity check
    reads plain words loosely and same_word a one-letter slip: "Blood pressure" for "Systolic blood pressure" or
    "Maternal age" for "Paternal age" raised only the split note (review r28 #3, 7 of 37 real ones)."""
    return set(content_words(measure)) <= set(content_words(bullet))


def _unit_only(text: str) -> bool:
    """Is this only a unit after a figure ("yrs", "mmHg", "ng/dL"), nothing said of the bound?"""
    return _CLAUSE.match(text) is None and len(TOKEN.findall(text)) <= 2
