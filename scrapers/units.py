"""Units: how a criterion writes them, and when two figures in other units state the same quantity: a length of time
in an exactly convertible unit ("14 days" and "2 weeks"), a figure restated in brackets in another unit of the same
dimension ("45 kg (99 lb)").

Split from the quantity reader (scrapers.quantities), which reads units with this table and asks these questions when
it reads a bracket after a figure; the fidelity check (scrapers.fidelity) pairs a page's "2 weeks" with the record's
"14 days" through it.
"""

from __future__ import annotations

import re
from fractions import Fraction

__all__ = ["TIME_UNITS", "UNIT_NAMES", "UNIT_RE", "amount", "approx_seconds", "in_base_units", "restates", "same_time",
           "unit_at"]

# Each unit's canonical name and how a (lower-case, `quantities.canonical`) text writes it, the longer forms first.
_UNITS = [
    ("xuln", r"(?:x|\*|times|fold)?\s*(?:the\s+)?(?:upper\s+)?uln\b|-fold\s+(?:the\s+)?uln\b"),
    ("xlln", r"(?:x|\*|times|fold)?\s*(?:the\s+)?lln\b"),
    ("mmhg", r"mm\s*hg\b|mmhg\b"),
    ("ml/min/1.73m^2", r"ml\s*/\s*min(?:ute)?\s*/\s*1\.73\s*m\s*\^?2"),
    ("ml/min", r"ml\s*/\s*min(?:ute)?\b"),
    ("kg/m^2", r"kg\s*/\s*m\s*\^?2"),
    ("/mm^3", r"(?:cells\s*)?/\s*(?:cu\s*)?mm\s*\^?3|(?:cells\s*)?/\s*cmm\b|(?:cells\s*)?/\s*mcl\b"),
    ("/ul", r"(?:cells\s*)?/\s*ul\b"),
    ("/l", r"(?:cells\s*)?/\s*l\b"),
    ("mg/dl", r"mg\s*/\s*dl\b|mg\s*/\s*100\s*ml\b|mg%"),
    ("g/dl", r"g\s*/\s*dl\b|gm\s*/\s*dl\b|gm%"),
    ("g/l", r"g\s*/\s*l\b"),
    ("mmol/l", r"mmol\s*/\s*l\b|mm\b(?=\s*(?:glucose|$))"),
    ("umol/l", r"umol\s*/\s*l\b|mcmol\s*/\s*l\b"),
    ("mg/kg", r"mg\s*/\s*kg\b"),
    ("mg/m^2", r"mg\s*/\s*m\s*\^?2"),
    ("ng/ml", r"ng\s*/\s*ml\b"),
    ("pg/ml", r"pg\s*/\s*ml\b"),
    ("iu/l", r"i?u\s*/\s*l\b"),
    ("iu/ml", r"i?u\s*/\s*ml\b"),
    ("copies/ml", r"copies\s*/\s*ml\b"),
    ("%", r"%|percent\b|per\s*cent\b"),
    ("year", r"years?\b|yrs?\b|y\.?o\.?\b|-years?\b|-year-old\b|years?-old\b|y\b"),
    ("month", r"months?\b|mos?\b|mths?\b"),
    ("week", r"weeks?\b|wks?\b"),
    ("day", r"days?\b|d\b"),
    ("hour", r"hours?\b|hrs?\b|h\b"),
    ("minute", r"minutes?\b|mins?\b"),
    ("second", r"seconds?\b|secs?\b|s\b"),
    ("kg", r"kg\b|kilograms?\b"),
    ("lb", r"lbs?\b|pounds?\b"),
    ("mg", r"mg\b|milligrams?\b"),
    ("ug", r"ug\b|mcg\b|micrograms?\b"),
    ("g", r"g\b|grams?\b|gm\b"),
    ("ml", r"ml\b|millilit(?:er|re)s?\b|cc\b"),
    ("l", r"l\b|lit(?:er|re)s?\b"),
    ("cm", r"cm\b|centimet(?:er|re)s?\b"),
    ("mm", r"mm\b|millimet(?:er|re)s?\b"),
    ("m", r"m\b|met(?:er|re)s?\b"),
    ("points", r"points?\b"),
    ("cycles", r"cycles?\b|courses?\b"),
    ("times", r"times\b"),
    ("drinks", r"(?:alcoholic\s+)?(?:drinks?|beverages?|units?)\b"),
]
UNIT_RE = re.compile(r"\s*(?:" + "|".join(f"(?P<u{i}>{p})" for i, (_, p) in enumerate(_UNITS)) + ")")
UNIT_NAMES = [u for u, _ in _UNITS]



def unit_at(t: str, pos: int) -> tuple[str, int] | None:
    """The unit that starts at `pos` and where it ends."""
    um = UNIT_RE.match(t, pos)
    return (UNIT_NAMES[int(um.lastgroup[1:])], um.end()) if um and um.lastgroup else None


TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})

# Units with an exact conversion, in two families that are never mixed. In seconds: a day is 24 hours and a week
# 7 days whatever the calendar. In months: a year is 12 months by definition ("1 year" is "12 months", "2 years"
# "24 months"). Between the families there is none: "3 months" is not "90 days", "1 year" not "52 weeks" or
# "365 days", so those stay a difference.
_EXACT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_EXACT_MONTHS = {"month": 1, "year": 12}


def same_time(value: str, unit: str, other: str, other_unit: str) -> bool:
    """Do two figures state the same length of time exactly ("72 hours" and "3 days", "12 months" and "1 year")?"""
    family = next((f for f in (_EXACT_SECONDS, _EXACT_MONTHS) if unit in f and other_unit in f), None)
    if family is None:
        return False
    try:
        return Fraction(value) * family[unit] == Fraction(other) * family[other_unit]
    except (ValueError, ZeroDivisionError):
        return False


# Each family's unit a length of time is rewritten in by `in_base_units`: days for the seconds family, months for years.
_BASE = ((_EXACT_SECONDS, "day"), (_EXACT_MONTHS, "month"))
# a figure, or a range of two, that a unit may follow ("18 years", "18years", "18-65 years", "2 to 4 weeks", "between
# 10 and 15 years")
_FIGURES = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s*(?:-|to|and)\s*(\d+(?:\.\d+)?))?")


def _in_base(value: str, unit: str) -> str | None:
    """A figure in `unit` written in its family's base unit ("18", "year" -> "216"), or None without an exact one."""
    for family, base in _BASE:
        if unit in family:
            v = Fraction(value) * family[unit] / family[base]
            return str(v.numerator) if v.denominator == 1 else str(v)
    return None


def in_base_units(t: str) -> str:
    """A lower-case text with every length of time in an exactly convertible unit rewritten in its family's base unit
    ("age >= 18 years" and "age >= 216 months" both read "age >= 216 month"; "within 2 weeks" and "within 14 days"
    both "within 14 day"): so two items that differ only in the unit they give the same time in read alike when they
    are aligned (reconcile.align). Times with no exact conversion between them stay apart ("3 months", "90 days")."""
    out, pos = [], 0
    for m in _FIGURES.finditer(t):
        if m.start() < pos:
            continue
        unit = unit_at(t, m.end())
        if unit is None or unit[0] not in TIME_UNITS:
            continue
        values = [_in_base(v, unit[0]) for v in m.groups() if v]
        if None in values:
            continue
        base = next(b for family, b in _BASE if unit[0] in family)
        out += [t[pos:m.start()], "-".join(values), " ", base]
        pos = unit[1]
    return "".join(out) + t[pos:] if out else t


def approx_seconds(value: str, unit: str) -> float | None:
    """A length of time in seconds, a month and a year taken at their average length: only for telling which of two
    times is the longer ("6 hours" before "3 days"), never for calling two times the same."""
    per = {**_EXACT_SECONDS, "month": 2629746, "year": 31556952}.get(unit)
    try:
        return float(value) * per if per else None
    except ValueError:
        return None


# Fixed-factor units of one dimension, in a base unit each: a page may restate a weight in pounds or a height in inches
# in brackets after the record's figure. (Not temperatures, whose scales have different zeros, nor mg/dL and mmol/L,
# whose factor depends on the substance.)
_FACTORS = (
    {"kg": 1.0, "g": 1e-3, "mg": 1e-6, "ug": 1e-9, "lb": 0.45359237},
    {"m": 1.0, "cm": 1e-2, "mm": 1e-3, "inch": 0.0254, "ft": 0.3048},
    {"l": 1.0, "ml": 1e-3},
)


def amount(value: str, unit: str) -> float | None:
    """A weight, length or volume in its dimension's base unit (kg, m, l), for telling which of two is the larger
    ("45 kg" above "90 lb"); None for any other unit."""
    family = next((f for f in _FACTORS if unit in f), None)
    try:
        return float(value) * family[unit] if family else None
    except ValueError:
        return None


# how far a restated figure may stray from the exact conversion: rounding to its last digit, or this share of it
_ROUNDING = 0.015


def restates(value: str, unit: str, gloss: str, gloss_unit: str) -> bool:
    """Does the figure in brackets state the figure before it again, in its unit or another: a time exactly
    ("72 hours (3 days)"), a weight or length up to rounding ("45 kg (99 lb)", "90 kg (about 200 lb)")? "45 kg (50 lb)"
    and "14 days (3 weeks)" do not."""
    try:
        if unit == gloss_unit:
            return Fraction(value) == Fraction(gloss)
    except (ValueError, ZeroDivisionError):
        return False
    if unit in TIME_UNITS or gloss_unit in TIME_UNITS:
        return same_time(value, unit, gloss, gloss_unit)
    family = next((f for f in _FACTORS if unit in f and gloss_unit in f), None)
    if family is None:
        return False
    try:
        exact = float(value) * family[unit] / family[gloss_unit]
        said = float(gloss)
    except ValueError:
        return False
    decimals = len(gloss.partition(".")[2])
    return abs(said - exact) <= max(_ROUNDING * abs(exact), 0.5 * 10 ** -decimals)
