"""Reading comparators by meaning: the phrases that mean ">=", "<=", ">" and "<" ("at least", "no more than",
"above"), the ones that follow a figure ("18 or older"), and a closed range written with two of them
("at least 6 and no more than 20", the same as "6-20").

Split from the quantity reader (scrapers.quantities), which writes every comparator as its sign with these before it
reads the figures.
"""

from __future__ import annotations

import re

from .units import TIME_UNITS, approx_seconds, restates, unit_at

__all__ = ["BETWEEN", "CMP_RE", "CMP_SYM", "OR_EQUAL", "PHRASES", "POST_GE", "POST_LE", "closed_ranges", "phrases"]

_NUM = r"\d+(?:\.\d+)?"

# "> or = 30", "< or equal to 2" (and "= or > 7"): one comparator spelled out. Shared with the item
# normaliser (reconcile.align) and plain English (server.plain), so all three read it alike.
OR_EQUAL = r"\s*or\s*(?:=|equal\b(?:\s+to\b)?)"
# Before a range, "between 18 and 65": also "between the ages of 18 and 65" (server.plain writes
# "and" exactly where this reads a range).
# ("between 18 and 65", "between the ages of 18 and 65", "between, and including, 10 and 15 years")
BETWEEN = re.compile(r"\bbetween\s*(?:,\s*and\s+including\s*,\s*)?(?:(?<=\s)(?:the\s+)?ages?\s+(?:of\s+)?)?$",
                     re.I)

# Comparator phrases, longest first; "no more than" must win over "more than". The one table of what a comparator
# means: the quantity reader writes each as its sign, and reconcile.age_bounds reads an age limit's bound with it.
PHRASES = [
    (">=", r"greater than or equal to|more than or equal to|older than or equal to|higher than or equal to|larger than or equal to|"
           r"equal to or (?:greater|more|higher|larger) than|equal or (?:greater|more|higher) than|"
           r"at least|no less than|not less than|no fewer than|not fewer than|no younger than|not younger than|"
           r"no lower than|not lower than|(?:a )?minimum of|>\s*/\s*=|=\s*>|>\s*=|=>|"
           r">" + OR_EQUAL + r"|=\s*or\s*>|=\s*/\s*>"),
    ("<=", r"less than or equal to|fewer than or equal to|younger than or equal to|lower than or equal to|smaller than or equal to|"
           r"equal to or (?:less|lower|smaller|fewer) than|equal or (?:less|lower) than|"
           r"at most|no more than|not more than|no greater than|not greater than|no higher than|not higher than|"
           r"no older than|not older than|not exceeding|not to exceed|does not exceed|no longer than|not longer than|"
           r"(?:a )?maximum of|(?<!-)up to|<\s*/\s*=|=\s*/\s*<|=\s*<|<\s*=|=<|<" + OR_EQUAL + r"|=\s*or\s*<"),
    (">", r"greater than|more than|higher than|larger than|older than|longer than|in excess of|exceeding|exceeds|"
          r"(?:above|over)(?=\s*\d)"),
    ("<", r"less than|fewer than|lower than|smaller than|younger than|shorter than|(?:below|under)(?=\s*\d)"),
]


def phrases(sign: str) -> str:
    """The phrases that mean `sign` (">=", "<=", ">" or "<"), as one alternation that reads any run of spaces or a
    line break between their words: for the readers that look for one comparator by meaning (an age limit's bound)."""
    return next(p for c, p in PHRASES if c == sign).replace(" ", r"\s+")


CMP_RE = re.compile("|".join(f"(?P<c{i}>(?<![a-z])(?:{p}))" for i, (_, p) in enumerate(PHRASES)))
CMP_SYM = [c for c, _ in PHRASES]
POST_GE = re.compile(r"^\s*(?:or|and)\s+(?:more|greater|older|above|higher|over|longer)\b|^\s*\+(?!\d)")
POST_LE = re.compile(r"^\s*(?:or|and)\s+(?:less|fewer|younger|below|lower|under|shorter)\b")


# A closed range written with two bounds, ">= 6 and <= 20", "6 or more and 20 or less", ">= 45 kg and <= 90 kg": the
# same as "6-20" (a ClinicalTrials.gov range includes both ends), so written so. "> 6 and < 20" is not.
_LOW_START = re.compile(rf"(?<![\w.])(?:>=\s*)?{_NUM}(?!\.?\d)")
_BOUND = re.compile(rf"(>=|<=)?\s*({_NUM})(?!\.?\d)")
_BOTH = re.compile(r"\s*,?\s*(?:and|but)\s*")
# A bound restated in brackets, ">= 26 weeks (182 days) and <= 36 weeks (252 days)": skipped when it states the bound
# again (units.restates, as the single-figure rule in scrapers.quantities does); one that disagrees stops the range.
_RESTATED = re.compile(rf"\s*[(\[]\s*(?:(?:about|approximately|approx\.?|around|roughly|~)\s*)?({_NUM})(?=\s*[a-z])")
_RESTATED_END = re.compile(r"\s*[)\]]")


def _restated(t: str, end: int, value: str, unit: str) -> int:
    """Where a bracket restating `value` `unit` right at `end` ends (`end` when there is none)."""
    gm = _RESTATED.match(t, end) if unit else None
    gu = unit_at(t, gm.end()) if gm else None
    close = _RESTATED_END.match(t, gu[1]) if gu else None
    return close.end() if close and restates(value, unit, gm.group(1), gu[0]) else end


def _bound(t: str, pos: int, sign: str, post: re.Pattern) -> tuple[str, str, str, int] | None:
    """One bound of a closed range at `pos`: (value, unit, the unit as written, end), when it has the comparator
    `sign`, before it or after it ("6 or more", "18 years or older")."""
    m = _BOUND.match(t, pos)
    if not m or m.group(1) not in (None, sign):
        return None
    have, end = bool(m.group(1)), m.end()
    if not have and (pm := post.match(t[end:])):   # "6 or more kg"
        have, end = True, end + pm.end()
    unit = unit_at(t, end)
    written = t[end:unit[1]].strip() if unit else ""
    end = _restated(t, unit[1], m.group(2), unit[0]) if unit else end
    if not have:
        pm = post.match(t[end:])
        if not pm:
            return None
        end += pm.end()
    return m.group(2), unit[0] if unit else "", written, end


def closed_ranges(t: str) -> str:
    out, pos = [], 0
    for m in _LOW_START.finditer(t):
        if m.start() < pos:
            continue
        low = _bound(t, m.start(), ">=", POST_GE)
        both = _BOTH.match(t, low[3]) if low else None
        high = _bound(t, both.end(), "<=", POST_LE) if both and both.end() > low[3] else None
        if not high or not _closed(low, high):
            continue
        if low[1] == high[1] or not low[1]:
            said = f"{low[0]}-{high[0]}" + (f" {high[2]}" if high[2] else "")
        else:   # ">= 6 hours and <= 3 days"
            said = f"{low[0]} {low[2]} - {high[0]} {high[2]}"
        out += [t[pos:m.start()], said]
        pos = high[3]
    return "".join(out) + t[pos:] if out else t


def _closed(low: tuple, high: tuple) -> bool:
    """Do two bounds make a range: one measure (the low end's unit the high end's, or left to it, or both times), the
    low end below the high one?"""
    (a, lu, _, _), (b, hu, _, _) = low, high
    if lu == hu or (not lu and hu):
        return float(a) < float(b)
    if lu in TIME_UNITS and hu in TIME_UNITS:
        return (approx_seconds(a, lu) or 0) < (approx_seconds(b, hu) or 0)
    return False
