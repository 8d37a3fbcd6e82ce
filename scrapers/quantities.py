"""Reading the quantities a criterion states: `(comparator, value, unit, window)` for each number, with
comparators read by meaning ("≥ 18", "\\>= 18", "at least 18", "18 or older" are one comparator; "> 18" another).

Split from the fidelity checker (scrapers.fidelity), which compares what two texts say with these facts, so that
reading and comparing each fit one module; reconciliation (reconcile.compare, reconcile.plain) reads them too. The
comparator phrases are in scrapers.comparators, the units and their conversions in scrapers.units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .comparators import BETWEEN, OR_EQUAL
from .comparators import CMP_RE as _CMP_RE
from .comparators import CMP_SYM as _CMP_SYM
from .comparators import POST_GE as _POST_GE
from .comparators import POST_LE as _POST_LE
from .comparators import closed_ranges as _closed_ranges
from .criteria import unescape_markdown
from .units import TIME_UNITS as _TIME_UNITS
from .units import UNIT_NAMES as _UNIT_NAMES
from .units import UNIT_RE as _UNIT_RE
from .units import restates, same_time, unit_at
from .windows import window as _window

__all__ = ["BETWEEN", "CMP_WORDS", "OR_EQUAL", "Fact", "canonical", "implied_durations", "near_duration",
           "read_quantities", "same_duration", "two_bound_range"]


@dataclass(frozen=True)
class Fact:
    """One quantity as it constrains eligibility."""

    cmp: str        # ">=", ">", "<=", "<", "=", "range", ""
    value: str      # canonical number ("18", "1.5", "1e+09", "class 4")
    unit: str       # canonical unit ("year", "mg/dl", "xuln", "")
    window: str     # time relation for durations: "within", "before", "after", "within/before", ""

    def words(self) -> str:
        parts = [self.window.replace("/", " ") + ":" if self.window else "", CMP_WORDS.get(self.cmp, self.cmp),
                 self.value.lstrip("~"), self.unit]
        return " ".join(p for p in parts if p)


CMP_WORDS = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than", "=": "exactly", "range": "range"}

# --------------------------------------------------------------------------- normalization

_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_CHAR_MAP = {
    "≥": " >= ", "≧": " >= ", "⩾": " >= ", "≤": " <= ", "≦": " <= ", "⩽": " <= ", "＞": " > ", "＜": " < ",
    "–": "-", "—": "-", "−": "-", "‐": "-", "µ": "u", "μ": "u", "×": " x ", "·": " x ", "％": "%",
    "Ⅰ": "i", "Ⅱ": "ii", "Ⅲ": "iii", "Ⅳ": "iv", "Ⅴ": "v", "’": "'", "‘": "'", "“": '"', "”": '"',
}
_CHAR_RE = re.compile("|".join(map(re.escape, _CHAR_MAP)))
_SUPER_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+")

_OF_AGE = re.compile(r"^\s*(?:of\s+age|old)\b")   # "60 years of age or older": age words, not a window

_NUMWORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMWORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
                  "ninety": "90", "hundred": "100"})
_NUMWORD_RE = re.compile(r"\b(" + "|".join(_NUMWORDS) + r")\b")
NUMBER_WORDS = tuple(_NUMWORDS)   # the figures written as words that are read as figures ("sixty" for 60)
_ROMAN = {r: str(i) for i, r in enumerate("i ii iii iv v vi vii viii ix x xi xii".split(), start=1)}
_ROMAN_AFTER = ("class", "grade", "stage", "type", "phase", "category", "level")
_ROMAN_RE = re.compile(r"\b(" + "|".join(_ROMAN_AFTER) + r")\s+(xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\b(?![\w-])")


_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_ULN_WORDS = re.compile(r"\b(?:the\s+)?(?:institutional\s+|institution's\s+|laboratory\s+)?upper limits? of (?:the\s+)?normal"
                        r"(?:\s+range)?(?:\s*\(\s*uln\s*\))?")
_LLN_WORDS = re.compile(r"\b(?:the\s+)?(?:institutional\s+)?lower limits? of (?:the\s+)?normal(?:\s*\(\s*lln\s*\))?")
_ULN_DUP = re.compile(r"\buln\s*\(\s*uln\s*\)|\b(?:the\s+)?(?:institutional|institution|laboratory|lab)\s+uln\b")
_NOT_GT = re.compile(r"\bnot\s*>\s*(?!=)")
_NOT_LT = re.compile(r"\bnot\s*<\s*(?!=)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_LEADING_DOT = re.compile(r"(?<![\d.])\.(?=\d)")
_SPACES = re.compile(r"\s+")


# "Age: 10-80 years Prior documentation of …" (two items run together): a capital "Prior" before a
# noun starts a new statement, it is no time window ("10-80 years prior"). This is the case-sensitive
# half of _WIN_AFTER's "prior before a noun" rule: it runs before _normalize lowercases, so it alone
# sees that "years Prior and/or …" and "years Previous <noun>" start a new item.
_NEW_SENTENCE = re.compile(r"\b((?:year|month|week|day|hour)s?)\s+(?=(?:Prior|Previous)\s+(?!to\b)[a-z])")


# "within the next 6-months", "12-weeks prior to": a figure hyphened to a plural time unit is that time, as when spaced
# (the adjective "a 6-month course" keeps its own reading)
_HYPHEN_SPAN = re.compile(r"(?<![\w.-])(\d+(?:\.\d+)?)-(?=(?:years|months|weeks|days|hours)\b)")


# A list number glued to the full stop of the item before it ("History of positive test for HIV.9. Severe chronic
# …", NCT00657644: one line of the record holding its items 8 and 9, which the record's parser cuts there,
# criteria_runon._RUNON): no decimal ".9" (read "0.9", the page copying the line drew a critical "differs in a
# number"). Only after a letter or a closing bracket and before a new sentence's capital, so "1.5. Next" and
# "pH 7.4." keep their figures.
_GLUED_ITEM_NUMBER = re.compile(r"(?<=[A-Za-z)\]])\.\d{1,2}\.(?=\s+[A-Z])")


def _normalize(text: str) -> str:
    t = unescape_markdown(text)
    if "." in t:
        t = _GLUED_ITEM_NUMBER.sub(".", t)
    if not t.isascii():  # superscripts and the symbols in _CHAR_MAP are all non-ASCII
        t = _SUPER_RE.sub(lambda m: "^" + m.group(0).translate(_SUPER), t)
        t = _CHAR_RE.sub(lambda m: _CHAR_MAP[m.group(0)], t)
    if "Prior" in t or "Previous" in t:
        t = _NEW_SENTENCE.sub(r"\1. ", t)
    t = t.lower()
    if "'s" in t:
        t = _POSSESSIVE.sub("", t)
    if "limit" in t:
        t = _LLN_WORDS.sub("lln", _ULN_WORDS.sub("uln", t))
    if "uln" in t:
        t = _ULN_DUP.sub("uln", t)
    t = _NUMWORD_RE.sub(lambda m: _NUMWORDS[m.group(1)], t)
    if any(w in t for w in _ROMAN_AFTER):
        t = _ROMAN_RE.sub(lambda m: f"{m.group(1)} {_ROMAN[m.group(2)]}", t)
    if "not" in t:
        t = _NOT_LT.sub(" >= ", _NOT_GT.sub(" <= ", t))             # "not > 14" is "<= 14"
    if "," in t:
        t = _THOUSANDS.sub("", t)                                   # 100,000 -> 100000
    t = _LEADING_DOT.sub("0.", t)                                   # .36 -> 0.36
    if "-" in t:
        t = _HYPHEN_SPAN.sub(r"\1 ", t)                            # "within the next 6-months": "6 months"
    return _SPACES.sub(" ", t)


# --------------------------------------------------------------------------- quantities


_NUM = r"\d+(?:\.\d+)?"
# 1.0 x 10^9/l, 1.5 x 10(9), 1e6, 10^9/l
_QTY = re.compile(
    rf"(?P<a>{_NUM})\s*(?:x|\*)\s*10\s*(?:\^|\*\*|e)?\s*\(?\s*(?P<ae>-?\d{{1,2}})\s*\)?(?![\d.])"
    rf"|(?P<b>{_NUM})e(?P<be>[+-]?\d{{1,2}})\b"
    rf"|(?<![\d.])10\s*\^\s*\(?(?P<ce>-?\d{{1,2}})\)?"
    rf"|(?P<n>{_NUM})"
)
# A figure restated in brackets right after it, "14 days (2 weeks)", "72 hours (3 days)", "45-90 kg (about 99-198 lb)":
# read as one figure when the bracket states it again (scrapers.equivalents: a time exactly, a weight or length up to
# rounding), as one more figure with the same window when it gives another time, else as the figures it says.
_GLOSS = re.compile(r"\s*[(\[]\s*(?:(?:inclusive|i\.?e\.?|about|approximately|approx\.?|around|roughly|~)\s*[,:]?\s*)?"
                    r"(\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(\d+(?:\.\d+)?))?(?=\s*[a-z\"'])")
_GLOSS_UNIT = re.compile(r"\s*(?:(?P<inch>inch(?:es)?\b|in\b\.?|\")|(?P<ft>f(?:ee|oo)?t\b|'))")   # (in brackets only)
_GLOSS_END = re.compile(r"\s*[)\]]")
_AGED = re.compile(r"\bage[ds]\s*$", re.I)
# "10 and 16 years old" (NCT06715774): two figures joined by "and" are an age range with no "between" or "aged" before
# them only when an age unit and "old"/"of age" follow the second, and they open the item or follow "age"/"age:"
# ("10 and 16 years of smoking", "smokers 10 and 16 years old" are not read so)
_AND_AGES = re.compile(r"\s*and\s*\d+(?:\.\d+)?\s*(?:years?|months?|weeks?|days?)\s*(?:old|of\s+age)\b")
_AGE_WORD = re.compile(r"\bage\s*:?\s*$")
_RANGE_SEP = re.compile(r"\s*(?:-|to|through|and)\s*(?=[\d.])")

def _num(s: str) -> str:
    v = float(s)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)


def _sci(mant: str | None, exp: str) -> str:
    v = (float(mant) if mant else 1.0) * 10 ** int(exp)
    return f"{v:.6g}"


_CMP_TAIL = re.compile(r"(>=|<=|>|<|=)\s*$")
_PER = re.compile(r"\s*(?:/|per)\s*(day|week|month|year|hour)s?\b")


def _cmp_before(prefix: str) -> str:
    """Comparator that ends right before a number: symbol or phrase (phrases are already symbols)."""
    m = _CMP_TAIL.search(prefix[-12:])
    return m.group(1) if m else ""


@lru_cache(maxsize=65536)
def canonical(text: str) -> str:
    """The text as the quantity reader sees it: lower case, symbols and number words unified, every comparator
    phrase written as its sign ("at least 6" -> ">= 6") and a closed range written with two bounds as one
    ("at least 6 and no more than 20" -> "6-20"). Reconciliation (reconcile.compare) compares comparison words in
    this form too, so it and the fidelity check read "at least" alike."""
    t = _normalize(text)
    t = _CMP_RE.sub(lambda m: " " + _CMP_SYM[int(m.lastgroup[1:])] + " ", t)
    t = _SPACES.sub(" ", t)
    return _closed_ranges(t) if ">=" in t or " or " in t or " and " in t else t


@lru_cache(maxsize=8192)
def two_bound_range(text: str) -> str | None:
    """The `canonical` text when it writes a closed range with two bounds ("Body weight at least 45 kg and at most
    90 kg" -> "body weight 45-90 kg"), else None: for pairing such an item with the record's "45-90 kg"
    (reconcile.align), which reads too unlike it letter by letter."""
    if not any(w in text for w in (">=", "≥", "least", "more", "older", "minimum")):
        return None
    t = _SPACES.sub(" ", _CMP_RE.sub(lambda m: " " + _CMP_SYM[int(m.lastgroup[1:])] + " ", _normalize(text)))
    folded = _closed_ranges(t)
    return _SPACES.sub(" ", folded).strip() if folded != t else None


def _range_with_units(t: str, end: int, between: bool) -> tuple[str, list[str], int] | None:
    """A range whose first end has its unit too, "between 6 hours and 72 hours", "45 kg - 90 kg", "6 hours to 3 days":
    (second value, each end's unit, where it ends), when both ends are times or in one unit."""
    first = unit_at(t, end)
    rng = _RANGE_SEP.match(t, first[1]) if first else None
    if not rng or not (between or t[rng.start():rng.end()].strip() in ("-", "to", "through")):
        return None
    m2 = _QTY.match(t, rng.end())
    second = unit_at(t, m2.end()) if m2 and m2.group("n") else None
    if not second or not (second[0] == first[0] or {first[0], second[0]} <= _TIME_UNITS):
        return None
    return _num(m2.group("n")), [first[0], second[0]], second[1]


def _gloss(t: str, end: int, values: list[str], units: list[str]) -> tuple[list[tuple[str, str]], int] | None:
    """A bracket right after a figure (or a range, or a range's last end) that gives it in figures again: the figures
    it adds (none when it restates the figure before it) and where it ends. A bracket giving another weight or length
    is not taken here ("45-90 kg (50-100 lb)"): it is read as the figures it says."""
    gm = _GLOSS.match(t, end)
    if not gm:
        return None
    said = [_num(v) for v in gm.groups() if v]
    gu = unit_at(t, gm.end())
    if gu is None:
        gu = (lambda g: (g.lastgroup, g.end()) if g else None)(_GLOSS_UNIT.match(t, gm.end()))
    close = _GLOSS_END.match(t, gu[1]) if gu else None
    if gu and not close:   # a note on the note that restates it: "25 lb (11.5 kg (25 lb))" (NCT00004776 on Veeva)
        inner = _gloss(t, gu[1], said, [gu[0]] * len(said))
        close = _GLOSS_END.match(t, inner[1]) if inner and not inner[0] else None
    if not close or len(said) > len(values):
        return None
    if all(restates(v, u, g, gu[0]) for v, u, g in zip(values[-len(said):], units[-len(said):], said)):
        return [], close.end()
    if units[-1] in _TIME_UNITS and gu[0] in _TIME_UNITS:
        return [(g, gu[0]) for g in said], close.end()
    return None


def read_quantities(t: str) -> list[Fact]:
    """The quantities of a `canonical` text, in order: each number with its comparator, unit and time window."""
    out: list[Fact] = []
    pos = 0
    while True:
        m = _QTY.search(t, pos)
        if not m:
            break
        if m.start() > 0 and (t[m.start() - 1].isalpha() or t[m.start() - 1] == "_"):
            # part of a name ("cd4", "hba1c", "t2"): kept as one token so dropping it still shows
            name = re.search(r"\w[\w-]*$", t[: m.start()])
            out.append(Fact("", "~" + (name.group(0) if name else "") + m.group(0), "", ""))
            pos = m.end()
            continue
        if m.group("a"):
            val = _sci(m.group("a"), m.group("ae"))
        elif m.group("b"):
            val = _sci(m.group("b"), m.group("be"))
        elif m.group("ce"):
            val = _sci(None, m.group("ce"))
        else:
            val = _num(m.group("n"))
        end = m.end()
        values = [val]
        cmp = _cmp_before(t[: m.start()])
        units: list[str] | None = None   # each end's own unit: "between 6 hours and 3 days"
        rng = _RANGE_SEP.match(t, end)
        # ("aged 8 and 12 years", NCT00004274: two ages joined by "and" are a range as after "between")
        between = BETWEEN.search(t, max(0, m.start() - 24), m.start()) or _AGED.search(t, max(0, m.start() - 12),
                                                                                       m.start())
        if rng and not between and _AND_AGES.match(t, rng.start()):
            between = not t[: m.start()].strip(" *-\u2022\u00b7") or _AGE_WORD.search(t, max(0, m.start() - 8),
                                                                                   m.start())
        if rng and (between or t[rng.start():rng.end()].strip() in ("-", "to", "through")):
            m2 = _QTY.match(t, rng.end())
            if m2 and m2.group("n"):
                values.append(_num(m2.group("n")))
                end = m2.end()
                cmp = "range"
        elif not rng:
            two = _range_with_units(t, end, bool(between))
            if two:
                values.append(two[0])
                units, end, cmp = two[1], two[2], "range"
        if not cmp:
            pm = _POST_GE.match(t[end:]) or _POST_LE.match(t[end:])
            if pm:   # "200 or more cells/mm3": the comparator sits between number and unit
                cmp = ">=" if pm.re is _POST_GE else "<="
                end += pm.end()
        um = _UNIT_RE.match(t, end) if units is None else None
        unit = units[-1] if units else ""
        if um and um.lastgroup:
            unit = _UNIT_NAMES[int(um.lastgroup[1:])]
            end = um.end()
            per = _PER.match(t, end)
            if per:
                unit += "/" + per.group(1)
                end = per.end()
        units = units or [unit] * len(values)
        glossed: list[tuple[str, str]] = []
        gloss = _gloss(t, end, values, units) if unit else None
        while gloss:   # "14 days (2 weeks) before dosing": the window after the brackets is the first figure's
            said, end = gloss
            glossed += said
            # a second bracket that restates it too ("15 kg (33 lb) (about 33 pounds)": a page's pound note
            # beside the record's own)
            gloss = _gloss(t, end, values, units) if not said else None
        # "x 10^9/l" right after a plain number was already folded into the scientific form
        rest = t[end:]
        after = _OF_AGE.sub("", rest, count=1) if unit in _TIME_UNITS else rest
        if not cmp:
            if _POST_GE.match(after):
                cmp = ">="
            elif _POST_LE.match(after):
                cmp = "<="
        window = _window(t[max(0, m.start() - 60): m.start()], after, t[:m.start()]) \
            if unit in _TIME_UNITS else ""
        for v, u in zip(values, units):
            out.append(Fact(cmp, v, u, window))
        for v, u in glossed:   # "14 days (3 weeks)": a second, different figure, kept so a change shows
            out.append(Fact(cmp, v, u, window))
        pos = end
    return out


# A length of time said without a figure: "within the past year" is 1 year, "half a year" 0.5 year. Read only by the
# fidelity check, to pair with a figure the other text gives ("within the past 12 months"); never a figure a page
# is asked to show (a summary saying "in the past year" states no number the record must hold).
# "within month prior to study entry", "in week prior to study entry" (NCT00000978, NCT00494533: no "the", no figure)
# are one month and one week back, as "within the month prior to" is.
_IMPLIED = re.compile(r"\b(?:(?:the )?(?:past|last|previous|preceding|prior)"
                      r"|(?:the|within|in|during|over)(?= \w+ (?:before|prior to|preceding) ))"
                      r" (year|month|week|day)\b(?!\s*\d)"
                      r"|\bhalf an? (year|month|week|day|hour)\b")


def implied_durations(t: str) -> list[Fact]:
    """The lengths of time a `canonical` text states in words ("within the past year", "for half a year"), read with
    the comparator and time window a figure in their place would have."""
    out = []
    for m in _IMPLIED.finditer(t):
        if m.group(1):   # "within the past year": the window words end where "12" would stand
            unit, value, start = m.group(1), "1", m.start(1)
            window = _window(t[max(0, start - 60): start], t[m.end():], t[:start])
            if not window.startswith(("within", "for past")):
                continue   # "the last year of treatment": no span back from now
        else:
            unit, value, start = m.group(2), "0.5", m.start()
            window = _window(t[max(0, start - 60): start], t[m.end():], t[:start])
        out.append(Fact(_cmp_before(t[:start]), value, unit, window))
    return out


def same_duration(a: Fact, b: Fact) -> bool:
    """Do two facts state the same length of time in units with an exact conversion ("14 days" and "2 weeks",
    "48 hours" and "2 days", "12 months" and "1 year"; scrapers.equivalents), with the same comparator and time
    window? A page may write either."""
    return a.cmp == b.cmp and a.window == b.window and a.unit != b.unit and same_time(a.value, a.unit, b.value, b.unit)


# the calendar lengths a month or year figure may be given as in weeks or days: N months are 4N weeks (the records' own
# authors' "1 month (28 days)", "3 months (12 weeks)", "12 months (48 weeks)") to 4.35N (the average month, "6 months
# (26 weeks)"), or 28N to 31N days; N years are 52N to 52.2N weeks (to the whole week: "18 years" as 939 weeks) or 365N
# to 366N days. A share of the figure (window3's 10%) took lengths no calendar gives, and more the longer the span:
# "3350 weeks" for 60 years, "395 days" for 12 months (review r34 #3)
_CALENDAR = {("month", "week"): (4.0, 4.35), ("month", "day"): (28.0, 31.0),
             ("year", "week"): (52.0, 52.2), ("year", "day"): (365.0, 366.0)}
_MONTHS = frozenset({"month", "year"})


def near_duration(a: Fact, b: Fact) -> bool:
    """Do two facts give about one length of time, one in months or years and the other in weeks or days within the
    calendar's range ("4 weeks" or "30 days" for "1 month", "52 weeks" or "365 days" for "1 year"), with the same
    comparator and time window? Close, never the same: a day or two at the edge reads otherwise, so a page that converts
    so is a change to check, not another rule ("8 weeks" or "2 months" for "1 month" is)."""
    if a.cmp != b.cmp or a.window != b.window or (a.unit in _MONTHS) == (b.unit in _MONTHS):
        return False
    long, short = (a, b) if a.unit in _MONTHS else (b, a)
    span = _CALENDAR.get((long.unit, short.unit))
    try:
        n, m = float(long.value), float(short.value)
    except ValueError:
        return False
    if span is None or n <= 0:
        return False
    low, high = span[0] * n, span[1] * n
    if short.unit == "week":   # (to the whole week: 18 years are 936 to 939.6 weeks, so 940 is one)
        low, high = float(int(low)), float(round(high))
    return low <= m <= high
