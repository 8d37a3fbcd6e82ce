"""Which bound an age the record's text writes is: "less than 18 years of age", "Maximum age 18 years", "under the
age of 18", "65 years of age and under" are upper limits; "at least 18 years of age", "18 years of age or older",
"Minimum age: 18 years" lower ones; "patients 18 years of age with asthma" neither.

plain_limits reads a figure said as an age ("18 years of age", "Age 18 years") without its comparator, and an age
with no bound backs a page's limit on either side (backed_age). ages4 read "less than 18 years of age" so: the
record's "Inclusion Criteria: … less than 18 years of age" (a trial of children) then backed a page's MINIMUM age
of 18, and a page telling adults "18+" about a trial for those under 18 said nothing. Here the words right around
the figure give its bound; where they give none, or two that disagree, the figure stays unbounded (backs either,
as before): a bound is read only where the record writes one, so no alarm comes from a guess. The comparators are
the project's one table of them (comparators.PHRASES). worded_ages reads the wordings plain_limits' figure-and-unit
readings leave ("Age: 18 and over", "Age 4 to <8 years").
"""

from __future__ import annotations

import re

from ..comparators import PHRASES, phrases

_UNIT = r"(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)"
# between a comparator and its figure: "under the age of 18", "over age 18", "less than age: 18"
_AGE_WORDS = r"(?:\s*(?:the\s+)?age[ds]?\s*(?:of\b|is\b|:|-)?)?\s*"
# the comparator ending right before the figure: comparators' phrases by meaning ("less than", "no older than", "at
# least", ">/=": comparators.PHRASES), the signs as characters ("<", and "≤", which the quantity reader writes "<="
# before it reads it), and the words only an age limit uses ("Maximum age", "under the age of", "upper age limit", "from"); a
# phrase said of a figure (comparators' "over 18", "under 5") also before the age's own words ("over the age of 18").
# The leftmost that reaches the figure wins, so "no less than" is no "less than", nor "greater than or equal to" an
# "equal to". A sign that includes its figure ("<=", ">=") keeps it; one that does not ("<", ">") leaves it out.
_SIGN_CHARS = {"<=": "≤≦⩽", ">=": "≥≧⩾", "<": "<＜", ">": ">＞"}
_AGE_PHRASES = {
    "<=": r"up\s*to|maximum(?:\s+age)?(?:\s+of)?|max\.?(?:\s+age)?|upper\s+(?:age\s+)?limit(?:\s+of)?",
    ">=": r"minimum(?:\s+age)?(?:\s+of)?|min\.?(?:\s+age)?|lower\s+(?:age\s+)?limit(?:\s+of)?|from",
    "<": r"under|below", ">": r"over|above",
}
_SIGN_GROUP = {"<=": "le", "<": "lt", ">=": "ge", ">": "gt"}


def _before_pattern() -> str:
    """_BEFORE's alternatives, one named group per sign, built from comparators.PHRASES."""
    out = []
    for sign, _ in PHRASES:   # (longest first within a sign, as the table has them)
        said = phrases(sign).replace(r"(?=\s*\d)", "")   # ("over" before "the age of 18" too: _AGE_WORDS reaches it)
        out.append(f"(?P<{_SIGN_GROUP[sign]}>[{_SIGN_CHARS[sign]}]|(?<![a-z])(?:{said}|{_AGE_PHRASES[sign]}))"
                   + _AGE_WORDS + "$")
    return "|".join(out)


_BEFORE = re.compile(
    _before_pattern()
    # the top of a range the age wording itself does not span: "Age 18~ 65 years old", "12 through 17 years of age"
    + r"|(?P<top>(?<![\w.])\d+(?:\.\d+)?\s*(?:" + _UNIT + r"\s*)?(?:to|through|and|~|-|–)\s*)$",
    re.I,
)
# the words right after the figure (its unit, "old"/"of age" read): "or older", "and over", "+", "to 17 years"; a
# comparator for the next figure ("18 years and under 65", "or younger than 65") is not this figure's
_NEXT = r"(?!\s*(?:than\b|\d|the\s+age|age))"
_AFTER = re.compile(
    r"\s*(?:" + _UNIT + r"\b)?\s*(?:old\b|of\s+age\b)?\s*(?:"
    r"(?P<low>(?:or|and|&|/)\s*(?:older|over|above|greater|more|upwards?)\b" + _NEXT + r"|\+|"
    r"(?:to|through|~|-|–)\s*\d)"
    r"|(?P<high>(?:or|and|&|/)\s*(?:younger|under|below|less)\b" + _NEXT + "))",
    re.I,
)
# a list's own number before an item's figure ("1- 18 years of age or older"), which is no range
_LIST_NUMBER = re.compile(r"(?:^|\n)\s*(?:[-*•]\s*)?\d+\s*[-–.)]\s*$")


def bound_around(text: str, start: int, end: int) -> tuple[str, bool]:
    """("high", "low" or "", exclusive) for the age figure whose number starts at text[start] and ends at
    text[end]: what the words right before it ("less than", "Maximum age", "≥", "12 to") or right after it ("or
    older", "and under", "+") say it is, and whether that comparator leaves the figure out ("less than 18", "over
    49"). Neither, or the two disagreeing, is "" (either)."""
    before = text[max(0, start - 60):start]
    m = _BEFORE.search(before)
    said_before = "" if m is None else "high" if m.group("le") or m.group("lt") or \
        (m.group("top") and not _LIST_NUMBER.search(before)) else "low" if m.group("ge") or m.group("gt") else ""
    a = _AFTER.match(text, end)
    said_after = "" if a is None else "high" if a.group("high") else "low"
    if said_before and said_after and said_before != said_after:
        return "", False
    return said_before or said_after, bool(m and (m.group("lt") or m.group("gt")))


# the bound of a figure read as the whole figure an exclusive limit includes ("low=", "high="): it backs a page's
# inclusive limit (its age field, "aged 18 to 64 years"), never a page's own exclusive one ("under 204 months" is no
# "under 18 years", whose whole maximum is 17 years = 204 months)
WHOLE = "="


def inclusive_value(value: str, bound: str) -> str | None:
    """The whole figure an exclusive limit names inclusively, as ClinicalTrials.gov writes limits: "less than 18
    years" is at most 17 years, "> 49 years" at least 50 (NCT00003196's inclusion "Patients aged > 49 years and < 66
    years" beside its fields of 50 to 65 years); None for a fraction or an unbounded figure."""
    v = float(value)
    if not v.is_integer() or bound not in ("low", "high") or (bound == "high" and v < 1):
        return None
    return str(int(v) + (1 if bound == "low" else -1))


# Ages the record's text gives in wordings the figure-and-unit readings (plain_limits: "18 years of age", "Age: 18
# years") leave unread (ages6): a figure right after an age word with no unit ("Age: 18 and over", "aged 65 or less",
# "up to age 70": years, as a reader takes them; 1,230 of 8,076 records say one), a figure and unit followed by "and
# older" or "and under" ("18 years and older"), "up to" a figure after an age word ("Age up to 80 years"; a bare "up
# to 6 months" is mostly how long something lasts), a group's range with its top left out ("Age 4 to <8 years
# (phase 1)", "Age strata: 6 to <12 months"), and an item that is only a comparator and years ("> 18 years"). Each is
# read only with the bound its own words give (bound_around), so no figure reads as the other limit.
_AGE_WORD = r"\bage[ds]?\b"
_FIG = r"(?P<v>\d{1,3}(?:\.\d+)?)"
_NO_UNIT = re.compile(_AGE_WORD + r"\s*(?:(?:of|is)\s+|[:\-–]\s*)?" + _FIG + r"(?!\s*(?:[\d.,%/]|" + _UNIT + r"\b))",
                      re.I)
_AND_OLDER = re.compile(r"(?<![\w.])" + _FIG + r"\s*(?P<u>" + _UNIT + r")\s+(?:old\s+)?(?:and|or|&)\s+"
                        r"(?:older|over|above|younger|under|below)\b", re.I)
_UP_TO = re.compile(_AGE_WORD + r"[^.;\n]{0,30}?\bup\s*to\s*" + _FIG + r"\s*(?P<u>" + _UNIT + r")\b", re.I)
_BARE = re.compile(r"\s*(?:[-*•]\s*)?(?:[≤≥≦≧]|[<>]\s*=?|=\s*[<>])\s*" + _FIG + r"\s*(?P<u>years?|yrs?)\s*\.?\s*", re.I)
# the range: its low end read by the words before it ("Age >18 to <70"), its top left out by "<" or comparators' "<"
_AGE_GROUP = re.compile(r"(?<![\w.])(?P<lo>\d{1,3}(?:\.\d+)?)\s*(?P<lu>" + _UNIT + r")?\s*(?:to|-|–)\s*(?:<|"
                    + phrases("<") + r")\s*(?P<v>\d{1,3}(?:\.\d+)?)\s*(?P<u>" + _UNIT + r")\b", re.I)
# where a group's range is an age: an age word before it in its sentence, or "old"/"of age" after it
_AGE_BEFORE = re.compile(_AGE_WORD + r"[^.;\n]{0,40}$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:old\b|of\s+age\b)", re.I)


def worded_ages(text: str) -> list[tuple[str, str | None, str, bool, re.Match]]:
    """(figure, its unit word or None for years, "low"/"high", exclusive, the wording's match) of each age in `text`
    said in a wording above; a figure whose words give no bound is left out."""
    out = []
    for rx in (_NO_UNIT, _AND_OLDER, _UP_TO):
        for m in rx.finditer(text):
            bound, shut = bound_around(text, m.start("v"), m.end("v"))
            if bound:
                out.append((m.group("v"), m.groupdict().get("u"), bound, shut, m))
    if (m := _BARE.fullmatch(text)) and (said := bound_around(text, m.start("v"), m.end("v")))[0]:
        out.append((m.group("v"), m.group("u"), said[0], said[1], m))
    for m in _AGE_GROUP.finditer(text):
        if not (_AGE_BEFORE.search(text, 0, m.start()) or _AGE_AFTER.match(text, m.end())):
            continue
        low, shut = bound_around(text, m.start("lo"), m.end("lo"))
        out.append((m.group("v"), m.group("u"), "high", True, m))
        if low in ("", "low"):   # ("Age >18 to <70": its own "over 18")
            out.append((m.group("lo"), m.group("lu") or m.group("u"), "low", shut and low == "low", m))
    return out
