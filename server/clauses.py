"""Where a limit's clause, bracket, run-on item and sentence begin and end, for the at-a-glance
limits (thresholds.py): what may qualify a limit is read only within these bounds."""

from __future__ import annotations

import re

CMP = r"(?:at least|at most|more than|less than)"
CMP_WORDS = re.compile(r"\b" + CMP + r"\s+\d")
# Who a rule may be for: "for patients with …", "HIV positive volunteers: …", "women who …".
PEOPLE = (r"(?:patients|participants|subjects|volunteers|people|persons|individuals|those|women|men|males|females|"
          r"children|adults|adolescents|infants)")
# A condition after the limit in its clause: "SBP more than 170 or DBP more than 100, while on treatment".
CONDITION_AFTER = re.compile(
    r"\b(?:while|despite|after|post|following|if|when|whenever|unless|provided|except|only|in (?:" + PEOPLE + r"|the presence)|for " + PEOPLE + r")\b", re.I)
# Where a run-on list starts a new item: a short label ("Other:", "Hepatic:") or a capital
# after a lower-case word ("Not pregnant or nursing Bilirubin no greater than 2.0 mg/dL").
_ITEM_START = re.compile(r"(?:^|\s)[A-Z][\w/-]*(?:\s+[A-Z][\w/-]*){0,2}:\s|(?<=\s)(?=[A-Z][a-z])")
_FUNCTION_WORDS = {"of", "with", "and", "or", "no", "not", "nor", "to", "for", "in", "on", "the", "a", "an",
                   "without", "any", "by", "from", "as", "at",
                   # what a sample or a reading is of: the capital after it is the thing measured, not a new
                   # run-on item ("No patients with serum IgA level less than 11 mg/dl" is one statement)
                   "serum", "plasma", "blood", "urine", "urinary", "total", "free", "fasting", "baseline", "absolute",
                   "direct", "ionized", "corrected", "resting", "mean", "peak", "trough", "random", "whole", "venous",
                   "arterial", "capillary", "salivary"}


def start_of_item(text: str, start: int) -> int:
    """Where the item holding the limit at `start` begins, for what may qualify it (a negation,
    an "or"): the whole text before it when the limit sits in a bracket ("No history of Heart
    Failure (ejection fraction less than 45%)"), else the run-on item it is part of."""
    before = text[:start]
    if before.count("(") + before.count("[") > before.count(")") + before.count("]"):
        return 0
    for m in reversed(list(_ITEM_START.finditer(before))):
        if m.group(0):   # a label
            return m.end()
        prev = before[:m.start()].split()[-1:]   # a capital after a lower-case word that is no function word
        if prev and re.match(r"[a-z]", prev[0]) and prev[0].lower() not in _FUNCTION_WORDS:
            return m.end()
    return 0


def _unmatched(text: str, positions: range, nests: str, ends: str, stop: str = "") -> int | None:
    """The first position in `positions` (walked in its order) holding a bracket in `ends` that no
    bracket in `nests` seen on the way has paired, or a `stop` character outside any such pair."""
    depth = 0
    for i in positions:
        ch = text[i]
        if ch in nests:
            depth += 1
        elif ch in ends:
            if depth == 0:
                return i
            depth -= 1
        elif ch in stop and depth == 0:
            return i
    return None


def bracket_opening(text: str, start: int, lo: int = 0) -> int:
    """Where the bracket that encloses text[start] opens (searching back to `lo`); -1 if none."""
    at = _unmatched(text, range(start - 1, lo - 1, -1), ")]", "([")
    return -1 if at is None else at


def bracket_closing(text: str, end: int, semicolon: bool = False) -> int:
    """Where the bracket that encloses text[end] closes (or, with `semicolon`, a semicolon outside
    any bracket opened after `end` comes first); len(text) if neither."""
    at = _unmatched(text, range(end, len(text)), "([", ")]", ";" if semicolon else "")
    return len(text) if at is None else at


def clause_around(text: str, start: int, end: int, prev_end: int = 0) -> tuple[str, str]:
    """(the words before the limit in its clause, the stretch joining it to its neighbours) for
    the limit at text[start:end]. The clause is the bracket it sits in, else the stretch between
    semicolons; the stretch runs from the limit before it to the limit after it, within the
    clause (with an "and"/"or" that opens the next clause: "A at least 1; or B at least 2" are
    alternatives)."""
    opened = bracket_opening(text, start)
    if opened >= 0:
        return text[opened + 1:start], text[opened + 1:bracket_closing(text, end)]
    lo = text.rfind(";", 0, start) + 1
    hi = text.find(";", end)
    hi = len(text) if hi < 0 else hi
    nxt = re.match(r";\s*(?:and|or)\b", text[hi:])
    nxt_limit = CMP_WORDS.search(text, end, hi)
    hi = nxt_limit.start() if nxt_limit else hi + (nxt.end() if nxt else 0)
    label = text.find(":", end, hi)   # "… Coagulation: …": a label starts another group
    return text[lo:start], text[max(lo, prev_end, text.rfind(":", 0, start) + 1):hi if label < 0 else label]


# Where what follows a limit stops qualifying it: a new sentence, or a new item run on without a
# stop ("… 1.5 mg/dL AST/ALT no greater than 3 times ULN", "… Renal: …"), not one joined by and/or.
_NEXT_STATEMENT = re.compile(r"\.\s+(?=[A-Z])|(?<![,;:])(?<!\band)(?<!\bor)(?<!\band/or)(?<!\ba)(?<!\ban)(?<!\bthe)\s(?=[A-Z][\w/()-]*(?:\s+[\w/()\[\]-]+){0,5}?\s+"
                             + CMP + r"\s+\d|[A-Z][\w/ -]{0,30}:\s)")


# "… or diastolic blood pressure ": the next limit joined to this one (a joining word, then its subject)
JOINER = re.compile(r"[^\w,;]*,?\s*(?:and/or|and|or)\s+(?:[\w'/()\[\]-]+\s+){1,5}$")


def rest_of_clause(text: str, end: int) -> str:
    """The text after a limit that may still qualify it: up to the next semicolon, the end of
    the bracket it sits in, a new sentence or a new run-on item."""
    stop = bracket_closing(text, end, semicolon=True)
    nxt = _NEXT_STATEMENT.search(text, end, stop)
    stop = nxt.start() if nxt else stop
    # the next limit bounds it too, unless joined to this one ("SBP more than 170 or DBP more than
    # 100, while on treatment": the condition is both limits')
    at = end
    while True:
        other = CMP_WORDS.search(text, at, stop)
        if not other:
            break
        if not JOINER.match(text, at, other.start()) or CONDITION_AFTER.search(text, at, other.start()):
            stop = other.start()
            break
        at = other.end()
    return text[end:stop]


def before_bracket(text: str, item_start: int, start: int) -> str:
    """For a limit inside a bracket, the item's words before that bracket ("" otherwise)."""
    opened = bracket_opening(text, start, item_start)
    return text[item_start:opened] if opened >= 0 else ""
