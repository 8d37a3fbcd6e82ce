"""Partial dates and ages, as pages and the registry write them.

A partial date stays partial: "June 2026" is "2026-06", never June 1st, because a
finding that compares dates must only compare at the precision both sides give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from .comparators import phrases
from .measure_ages import without_anothers_age
from .vocab import fold

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?\b"), "ymd"),
    (re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"), "ymd"),
    (re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(\d{4})\b", re.I), "dmy"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "numeric"),
    (re.compile(r"\b(\d{4})-(\d{1,2})\b(?!-\d)"), "ym"),
    (re.compile(_MON + r",?\s+(\d{4})\b", re.I), "my"),
]


def _valid(y: int, m: int, d: int | None = None) -> bool:
    try:
        date(y, m, d or 1)
    except ValueError:
        return False
    return 1900 <= y <= 2100


def parse_partial_date(text: str | None) -> str | None:
    """The first date in `text` as "YYYY-MM-DD" or "YYYY-MM", or None.

    Numeric d/m/y forms are read only when unambiguous (one part above 12): we prefer
    no date to a wrong one.
    """
    if not text:
        return None
    return _first_date(text)


@lru_cache(maxsize=16384)
def _first_date(text: str) -> str | None:
    """parse_partial_date, cached: scrapers try the same lines for a date more than once
    (find_as_of from the top, then from further down; a page and its chrome-free view)."""
    best: tuple[int, str] | None = None
    for pattern, kind in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groups()
        value = None
        if kind == "ymd":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
            value = f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
        elif kind == "mdy":
            mo, d, y = _month(g[0]), int(g[1]), int(g[2])
            value = f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
        elif kind == "dmy":
            d, mo, y = int(g[0]), _month(g[1]), int(g[2])
            value = f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
        elif kind == "numeric":
            a, b, y = int(g[0]), int(g[1]), int(g[2])
            if a > 12 and b <= 12:
                value = f"{y:04d}-{b:02d}-{a:02d}" if _valid(y, b, a) else None
            elif b > 12 and a <= 12:
                value = f"{y:04d}-{a:02d}-{b:02d}" if _valid(y, a, b) else None
            elif a == b:
                value = f"{y:04d}-{a:02d}-{b:02d}" if _valid(y, a, b) else None
        elif kind == "ym":
            y, mo = int(g[0]), int(g[1])
            value = f"{y:04d}-{mo:02d}" if _valid(y, mo) else None
        elif kind == "my":
            mo, y = _month(g[0]), int(g[1])
            value = f"{y:04d}-{mo:02d}" if _valid(y, mo) else None
        if value and (best is None or m.start() < best[0]):
            best = (m.start(), value)
    return best[1] if best else None


def _month(name: str) -> int:
    key = fold(name).rstrip(".")
    if key in _MONTHS:
        return _MONTHS[key]
    return _MONTHS[key[:3]]


def precision(partial: str) -> int:
    """Number of parts: 1 year, 2 month, 3 day."""
    return len(partial.split("-"))


def compare_partial(a: str, b: str) -> int:
    """Compare two partial dates at the precision both give: -1, 0 (same at that precision) or 1."""
    n = min(precision(a), precision(b))
    pa = a.split("-")[:n]
    pb = b.split("-")[:n]
    return (pa > pb) - (pa < pb)


def to_date(partial: str, end: bool = False) -> date:
    """A concrete date for a partial one: its first day, or its last day with end=True."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        if not end:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def well_formed(text: str | None) -> bool:
    """A well-formed partial ISO date ("2023", "2023-01", "2023-01-31"): anything else is ignored rather than
    guessed."""
    if not text or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        return False
    try:
        to_date(text)
    except ValueError:
        return False
    return True


def still_to_come(partial: str, today: date) -> bool:
    """Whether a page's "as of" date starts after tomorrow (a day of slack for time zones): a page
    cannot be current as of a date still to come."""
    return to_date(partial) > date.fromordinal(today.toordinal() + 1)


AGE_UNITS = ("YEARS", "MONTHS", "WEEKS", "DAYS", "HOURS", "MINUTES")
UNIT_WORDS = {
    "year": "YEARS", "years": "YEARS", "yr": "YEARS", "yrs": "YEARS", "y": "YEARS",
    "month": "MONTHS", "months": "MONTHS", "mo": "MONTHS", "mos": "MONTHS",
    "week": "WEEKS", "weeks": "WEEKS", "wk": "WEEKS", "wks": "WEEKS",
    "day": "DAYS", "days": "DAYS", "d": "DAYS",
    "hour": "HOURS", "hours": "HOURS", "hr": "HOURS", "hrs": "HOURS", "h": "HOURS",
    "minute": "MINUTES", "minutes": "MINUTES", "min": "MINUTES", "mins": "MINUTES",
}
_AGE = re.compile(r"(\d+(?:\.\d+)?)\s*(years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?)\b", re.I)


@dataclass(frozen=True)
class Age:
    """An age limit: value plus unit. "1 Day" is not "1 Year"."""

    value: float
    unit: str  # one of AGE_UNITS
    text: str = ""
    # the limit leaves the value itself out ("under 18 years", "over 18 years"): ClinicalTrials.gov's limits
    # always include it, so its "17 Years" maximum is a page's "under 18 years"
    exclusive: bool = False

    def to_dict(self) -> dict:
        v = int(self.value) if float(self.value).is_integer() else self.value
        # ("exclusive" only when set: an inclusive limit, every one the registry gives, keeps its old shape)
        return {"value": v, "unit": self.unit, "text": self.text} | ({"exclusive": True} if self.exclusive else {})

    @classmethod
    def from_dict(cls, d: dict | None) -> "Age | None":
        if not d:
            return None
        return cls(d["value"], d["unit"], d.get("text", ""), bool(d.get("exclusive", False)))

    def in_days(self) -> float:
        factor = {"YEARS": 365.25, "MONTHS": 30.44, "WEEKS": 7, "DAYS": 1, "HOURS": 1 / 24, "MINUTES": 1 / 1440}
        return self.value * factor[self.unit]

    def __str__(self) -> str:
        v = int(self.value) if float(self.value).is_integer() else self.value
        unit = self.unit.lower()
        return f"{v} {unit[:-1] if v == 1 else unit}"


def parse_age(text: str | None) -> Age | None:
    """"18 Years" -> Age(18, YEARS). No unit, no age: a bare "18" could be days or years."""
    if not text:
        return None
    m = _AGE.search(text)
    if not m:
        return None
    return Age(float(m.group(1)), UNIT_WORDS[fold(m.group(2))], text.strip())


def _unit(word: str | None) -> str | None:
    """An age unit word, folded the way parse_age reads one ("Years", "yrs", "dayſ" -> DAYS)."""
    return UNIT_WORDS.get(fold(word)) if word else None


# an upper limit that leaves its value out: "<" and the phrases that mean it (comparators: "under", "younger than",
# "less than", said before a figure)
_BELOW = r"(?:<|" + phrases("<") + ")"
_ABOVE = r"(?:>|" + phrases(">") + ")"      # a lower limit that leaves its value out (comparators' ">")
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)?\s*(?:to|-|–|—)\s*(" + _BELOW + r"\s*)?(\d+(?:\.\d+)?)\s*([a-z]+)", re.I)
# the comparators that include their value, "≥ 18 years" (review r35 #2) and the table's words for them ("at least 18
# years", "less than or equal to 17 years"): an age field reads the words as it reads the sign (ages8)
_AT_LEAST = r"(?:[≥≧⩾]|>=|=>|(?<![a-z])(?:" + phrases(">=") + "))"
_AT_MOST = r"(?:[≤≦⩽]|<=|=<|(?<![a-z])(?:" + phrases("<=") + "))"
# ClinicalTrials.gov's word for a side with no limit: its data element definitions give "N/A (No limit)" as the unit
# of the minimum and the maximum age alike, and its classic pages (and CheckOrphan's and MedDataX's copies) print
# "18 Years - N/A"; "None" says the same (review r35 #2)
_NA = r"(?:n/?a|none)(?:\s*\(no\s+limit\))?"
_NO_SIDE = r"(?:" + _NA + r"|no\s+limit|unlimited)"
# an age range with "N/A" on one side: "18 Years - N/A" (no upper limit), "N/A to 13 Days old" (no lower limit); the
# registry's age groups may follow in brackets ("(Adult, Older Adult)"). Other words in brackets ("(up to 65 Years
# per protocol)") may limit that side after all: no claim is read from such a range (review r37 #3)
_SIDE = (r"(?:(?P<{0}>\d+(?:\.\d+)?)\s*(?P<{0}_unit>[a-z]+)(?:\s+old|\s+of\s+age)?|(?P<{0}_none>" + _NO_SIDE
         + "))")
_AGE_GROUP = r"(?:child|adult|older\s+adult)"
_ONE_SIDED = re.compile(r"(?:ages?\s*:?\s*)?" + _SIDE.format("lo") + r"\s*(?:to|-|–|—)\s*" + _SIDE.format("hi")
                        + r"\s*(?P<bracket>\((?:(?P<groups>" + _AGE_GROUP + r"(?:\s*,\s*" + _AGE_GROUP + r")*)|[^)]*)\))?\.?",
                        re.I)
# an age unit word, as _AGE reads one
_UNIT_WORD = r"(?:years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?)\b"
# a gestational or postmenstrual age ("≥ 37 weeks gestation", "36 weeks' GA") is when a baby was born, not its age
_NOT_GESTATION = r"(?!\s*'?\s*(?:of\s+)?(?:gestation|gestational|postmenstrual|post-menstrual|corrected|PMA\b|GA\b))"
# "18+ years", "18 years and older", "18 or older", "18+", "≥ 18 years": a lower limit and, said outright, no upper
# one. After "≥" only an age unit: "weight ≥ 10 kg" is no age (review r37 #1)
_AND_OLDER = re.compile(r"(\d+(?:\.\d+)?)\s*\+\s*([a-z]+)?|(\d+(?:\.\d+)?)\s*([a-z]+)?\s*(?:(?:old|of\s+age)\s+)?"
                        r"(?:(?:and|or)\s+(?:older|over|above)\b(?!\s*\d)|\+)|" + _AT_LEAST + r"\s*(\d+(?:\.\d+)?)\s*("
                        + _UNIT_WORD + ")" + _NOT_GESTATION, re.I)
# "≥ 18 and ≤ 70 years", "≥ 21 to ≤ 65 years", "≥ 18 years, < 75 years": a closed range written with signs, the
# minimum's unit, if it has none, the maximum's (as _RANGE reads "18 to 65 years"; review r37 #4)
_SIGNED_RANGE = re.compile(_AT_LEAST + r"\s*(\d+(?:\.\d+)?)\s*(" + _UNIT_WORD + r")?(?:\s+(?:old|of\s+age))?\s*[,;]?\s*"
                           r"(?:and|to|-|–|—)?\s*(" + _AT_MOST + "|" + _BELOW + r")\s*(\d+(?:\.\d+)?)\s*("
                           + _UNIT_WORD + ")" + _NOT_GESTATION, re.I)
# "17 years and younger", "17 years or under": an upper limit that includes its value (a unit is needed: "17 and
# under" could count anything; "over 40 years of age and under 70": that "under" is the next figure's)
_AND_YOUNGER = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)\s+(?:old\s+|of\s+age\s+)?(?:and|or)\s+(?:younger|under|below)\b"
                          r"(?!\s*\d)", re.I)
# a labelled age value that is an upper limit alone ("Under 18 years", "Up to 17 years", "17 years and younger"): it says
# outright that there is no lower limit, as "18 years and older" says there is no upper one (review round 12d, P5)
_ONLY_BELOW = re.compile(r"(?:ages?\s*:?\s*)?(?:(?:" + _AT_MOST + "|" + _BELOW + r"|under|below)\s*"
                        r"\d+(?:\.\d+)?\s*[a-z]+(?:\s+old|\s+of\s+age)?|\d+(?:\.\d+)?\s*[a-z]+\s+(?:old\s+|of\s+age\s+)?(?:and|or)\s+"
                        r"(?:younger|under|below))\.?", re.I)
_UP_TO = re.compile(r"(?<![a-z])(up\s+to|" + _AT_MOST + "|" + _BELOW + r")\s*(\d+(?:\.\d+)?)\s*([a-z]+)?", re.I)
# (not the end of comparators' "<=" phrases: "no longer than 3 months", "not exceeding 17 years" are no minimum)
_OVER = re.compile(r"(?<![a-z])(?<!no\s)(?<!not\s)" + _ABOVE + r"\s*(\d+(?:\.\d+)?)\s*([a-z]+)", re.I)
# a maximum stated after "18 years and older": ", max 65 years", " (maximum 65 years)", "; maximum age: 65 years",
# " to 65 years" (inclusive, as the registry's are; review round 13, F1)
_THEN_MAX = re.compile(r"\s*[,;(]?\s*(?:max(?:imum)?\.?(?:\s+age)?(?:\s+of)?\s*:?|to)\s*(\d+(?:\.\d+)?)\s*([a-z]+)", re.I)
# "between 18 and 65 years": a closed range (review round 13, F2)
_BETWEEN = re.compile(r"(?<![a-z])between\s+(\d+(?:\.\d+)?)\s*([a-z]+)?\s*(?:and|-|–|—)\s*(\d+(?:\.\d+)?)\s*([a-z]+)",
                      re.I)
# "Birth to 17 years", "Newborn - 17 Years": a maximum only; no minimum is claimed (review round 13, F2)
_FROM_BIRTH = re.compile(r"(?<![a-z])(?:birth|newborns?|neonates?)\s*(?:to|-|–|—|through)\s*(\d+(?:\.\d+)?)\s*([a-z]+)",
                         re.I)
# a labelled maximum that says there is none ("No limit", "No maximum", "No upper age limit")
NO_LIMIT = re.compile(r"(?:no\s+(?:upper\s+)?(?:age\s+)?(?:limit|maximum|max)(?:\s+age)?|unlimited)\.?", re.I)
# a labelled limit shown as the registry's "N/A (No limit)" or as "None": no limit on that side where the page gives
# the other limit (the registry's "18 Years - N/A", in two rows), but alone, or beside another "N/A", it is how a site
# without ages fills its rows, and stays "not shown" (review r35 #2)
NOT_GIVEN = re.compile(_NA + r"\.?", re.I)
# a labelled age that is a number with "+" or "and older" and no unit at all ("16+", "18 and over"): years on every
# site seen (review round 11c, N7). Only where the text is that alone: "100+ sites" names no age.
# "≥ 18" alone is read the same way: "18+" written with a sign (review r37 #4)
_BARE_AND_OLDER = re.compile(r"(?:(?:ages?|adults?)\s*:?\s*)?(?:(\d{1,3})\s*(?:\+|(?:and|or)\s+(?:older|over|above)\b)|"
                             + _AT_LEAST + r"\s*(\d{1,3}))\.?", re.I)


def _one_sided(text: str) -> tuple[Age | None, Age | None, bool] | None:
    """(min, max, whether the "N/A" side is said to have no limit) of an age range with "N/A" on one side and an age
    on the other ("18 Years - N/A" -> (18 years, None, True)); None for any other text, "N/A - N/A" too: a site
    without ages fills both rows so. Brackets after it that are not the registry's age groups ("(per protocol)") may
    qualify the "N/A": the age is read, no claim about the other side; brackets that give an age are no such range."""
    m = _ONE_SIDED.fullmatch(text)
    if not m or bool(m["lo_none"]) == bool(m["hi_none"]):
        return None
    side = "hi" if m["lo_none"] else "lo"
    unit = _unit(m[f"{side}_unit"])
    if not unit or _AGE.search(text, m.end(side + "_unit")):
        return None
    age = Age(float(m[side]), unit, text)
    said = not m["bracket"] or m["groups"] is not None
    return (None, age, said) if side == "hi" else (age, None, said)


def only_below(text: str) -> bool:
    """Is the labelled age value an upper limit alone ("Under 18 years", "N/A - 17 Years"), saying outright that
    there is no lower limit?"""
    one_sided = _one_sided(text)
    return bool(_ONLY_BELOW.fullmatch(text)) or (one_sided is not None and one_sided[0] is None and one_sided[2])


def parse_age_range(text: str | None) -> tuple[Age | None, Age | None]:
    """"18 to 70 years old", "18-65 Years", "1 Day to 28 Days", "18+ years", "under 18 years" -> (min, max)."""
    lo, hi, _ = parse_age_limits(text)
    return lo, hi


def parse_age_limits(text: str | None, bare_years: bool = False) -> tuple[Age | None, Age | None, bool]:
    """(min, max, whether the text says outright there is no upper limit). "18 years and older" gives no maximum
    and says so, which a page that merely shows none does not: the reconciler may then hold it to the record's
    maximum. "Under 18 years" is an exclusive maximum (Age.exclusive), "over 18 years" an exclusive minimum.
    `bare_years`: the text is a labelled age, so a unit-less "16+" alone is 16 years (a line that merely contains
    "16+" could count anything)."""
    if not text:
        return None, None, False
    t = without_anothers_age(text.strip()).strip()
    if not t:
        return None, None, False
    if bare_years and (bare := _BARE_AND_OLDER.fullmatch(t)):
        return Age(float(bare.group(1) or bare.group(2)), "YEARS", t), None, True
    if one_sided := _one_sided(t):   # "18 Years - N/A": the registry's own "no upper limit"
        return one_sided[0], one_sided[1], one_sided[1] is None and one_sided[2]
    m = _BETWEEN.search(t)
    if m and (unit_max := _unit(m.group(4))):
        return Age(float(m.group(1)), _unit(m.group(2)) or unit_max, t), Age(float(m.group(3)), unit_max, t), False
    m = _FROM_BIRTH.search(t)
    if m and (unit_max := _unit(m.group(2))):
        return None, Age(float(m.group(1)), unit_max, t), False
    m = _RANGE.search(t)
    if m and (unit_max := _unit(m.group(5))):
        return (Age(float(m.group(1)), _unit(m.group(2)) or unit_max, t),
                Age(float(m.group(4)), unit_max, t, exclusive=bool(m.group(3))), False)
    m = _SIGNED_RANGE.search(t)
    if m and (unit_max := _unit(m.group(5))):
        return (Age(float(m.group(1)), _unit(m.group(2)) or unit_max, t),
                Age(float(m.group(4)), unit_max, t, exclusive=_exclusive(m.group(3))), False)
    m = _AND_OLDER.search(t)
    if m:
        num, word = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
        unit = _unit(word)
        lo = Age(float(num), unit, t) if unit else None
        up = _UP_TO.search(t, m.end())   # "18 years and older, up to 65 years": a limit after all
        if up and (unit_up := _unit(up.group(3))):
            return lo, Age(float(up.group(2)), unit_up, t, exclusive=_exclusive(up.group(1))), False
        then = _THEN_MAX.match(t, m.end())   # "18 years and older, max 65 years": the maximum it names
        if not up and then and (unit_up := _unit(then.group(2))):
            return lo, Age(float(then.group(1)), unit_up, t), False
        # any other age after it may be an upper limit not read here: no claim that there is none. (The "≥" form
        # always has its minimum: only an age unit follows it, so "weight ≥ 10 kg" claims nothing; review r37 #1)
        return lo, None, not up and not _AGE.search(t, m.end())
    m = _AND_YOUNGER.search(t)
    if m and (unit := _unit(m.group(2))):
        return None, Age(float(m.group(1)), unit, t), False
    m = _UP_TO.search(t)
    if m and (unit := _unit(m.group(3))):
        return None, Age(float(m.group(2)), unit, t, exclusive=_exclusive(m.group(1))), False
    m = _OVER.search(t)
    if m and (unit := _unit(m.group(2))):
        return Age(float(m.group(1)), unit, t, exclusive=True), None, False
    return None, None, False


def _exclusive(word: str) -> bool:
    """Does _UP_TO's (or _SIGNED_RANGE's) word leave its value out ("under 18", "<18"), where "up to 17" and "≤ 17"
    include it?"""
    return not re.fullmatch(r"up\s+to|" + _AT_MOST, word, re.I)


def labelled_minimum(text: str | None) -> Age | None:
    """A labelled minimum age: "18 Years", or a unit-less "16+" (years on every site seen; review round 11c, N7)."""
    return parse_age(text) or parse_age_limits(text, bare_years=True)[0]


MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def human_date(text: object) -> str:
    """An ISO date the way the card shows dates ("18 Nov 2025", "Jun 2025", "2025"): messages sit beside the
    card's value rows, and "2025-06" is hard to read. Anything else is returned as given."""
    s = str(text or "").strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        return s
    if not m.group(2):
        return m.group(1)
    month = MONTH_ABBR[int(m.group(2)) - 1]
    return f"{int(m.group(3))} {month} {m.group(1)}" if m.group(3) else f"{month} {m.group(1)}"
