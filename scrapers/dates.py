"""Partial dates and ages, as pages and the registry write them.

A partial date stays partial: "June 2026" is "2026-06", never June 1st, because a
finding that compares dates must only compare at the precision both sides give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timezone

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

    def to_dict(self) -> dict:
        v = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": v, "unit": self.unit, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict | None) -> "Age | None":
        if not d:
            return None
        return cls(d["value"], d["unit"], d.get("text", ""))

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


def parse_age_range(text: str | None) -> tuple[Age | None, Age | None]:
    """"18 to 70 years old", "18-65 Years", "1 Day to 28 Days", "18+ years" -> (min, max)."""
    if not text:
        return None, None
    t = text.strip()
    m = re.search(r"(\d+(?:\.\d+)?)\s*([a-z]+)?\s*(?:to|-|–|—)\s*(\d+(?:\.\d+)?)\s*([a-z]+)", t, re.I)
    if m and (unit_max := _unit(m.group(4))):
        return Age(float(m.group(1)), _unit(m.group(2)) or unit_max, t), Age(float(m.group(3)), unit_max, t)
    m = re.search(r"(\d+(?:\.\d+)?)\s*\+\s*([a-z]+)|(\d+(?:\.\d+)?)\s*([a-z]+)\s*(?:and\s+(?:older|over|above)|\+|or\s+older)", t, re.I)
    if m:
        num, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if unit := _unit(word):
            return Age(float(num), unit, t), None
    m = re.search(r"(?:up to|under|younger than|below)\s+(\d+(?:\.\d+)?)\s*([a-z]+)", t, re.I)
    if m and (unit := _unit(m.group(2))):
        return None, Age(float(m.group(1)), unit, t)
    return None, None


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


def moment(timestamp: str | None) -> str:
    """A stored UTC timestamp as a person reads it, the way messages give dates: "2026-01-10T08:05:00Z" ->
    "10 Jan 2026, 08:05 UTC"; midnight exactly is a date alone ("2024-05-24T00:00:00Z" -> "24 May 2024": a copy
    seeded from a record's date has no time of day, and "00:00 UTC" would make one up). Anything that is not a
    timestamp comes back as it is."""
    if not timestamp:
        return ""
    try:
        when = datetime.fromisoformat(timestamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return timestamp
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    day = f"{when.day} {MONTH_ABBR[when.month - 1]} {when.year}"   # (not %b: that follows the locale)
    if (when.hour, when.minute, when.second, when.microsecond) == (0, 0, 0, 0):
        return day
    return f"{day}, {when:%H:%M} UTC"
