"""Reading the quantities a criterion states: `(comparator, value, unit, window)` for each number, with
comparators read by meaning ("≥ 18", "\\>= 18", "at least 18", "18 or older" are one comparator; "> 18" another).

Split from the fidelity checker (scrapers.fidelity), which compares what two texts say with these facts, so that
reading and comparing each fit one module; reconciliation (reconcile.compare, reconcile.plain) reads them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .criteria import unescape_markdown

__all__ = ["BETWEEN", "CMP_WORDS", "OR_EQUAL", "Fact", "canonical", "implied_durations", "read_quantities",
           "same_duration"]


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

# "> or = 30", "< or equal to 2" (and "= or > 7"): one comparator spelled out. Shared with the item
# normaliser (reconcile.align) and plain English (server.plain), so all three read it alike.
OR_EQUAL = r"\s*or\s*(?:=|equal\b(?:\s+to\b)?)"
# Before a range, "between 18 and 65": also "between the ages of 18 and 65" (server.plain writes
# "and" exactly where this reads a range).
BETWEEN = re.compile(r"\bbetween\s*(?:(?<=\s)(?:the\s+)?ages?\s+(?:of\s+)?)?$", re.I)

# Comparator phrases, longest first; "no more than" must win over "more than".
_CMP_PHRASES = [
    (">=", r"greater than or equal to|more than or equal to|higher than or equal to|larger than or equal to|"
           r"equal to or (?:greater|more|higher|larger) than|equal or (?:greater|more|higher) than|"
           r"at least|no less than|not less than|no fewer than|not fewer than|no younger than|not younger than|"
           r"no lower than|not lower than|(?:a )?minimum of|>\s*/\s*=|=\s*>|>\s*=|=>|"
           r">" + OR_EQUAL + r"|=\s*or\s*>"),
    ("<=", r"less than or equal to|fewer than or equal to|lower than or equal to|smaller than or equal to|"
           r"equal to or (?:less|lower|smaller|fewer) than|equal or (?:less|lower) than|"
           r"at most|no more than|not more than|no greater than|not greater than|no higher than|not higher than|"
           r"no older than|not older than|not exceeding|not to exceed|does not exceed|no longer than|not longer than|"
           r"(?:a )?maximum of|(?<!-)up to|<\s*/\s*=|=\s*<|<\s*=|=<|<" + OR_EQUAL + r"|=\s*or\s*<"),
    (">", r"greater than|more than|higher than|larger than|older than|longer than|in excess of|exceeding|exceeds|"
          r"(?:above|over)(?=\s*\d)"),
    ("<", r"less than|fewer than|lower than|smaller than|younger than|shorter than|(?:below|under)(?=\s*\d)"),
]
_CMP_RE = re.compile("|".join(f"(?P<c{i}>(?<![a-z])(?:{p}))" for i, (_, p) in enumerate(_CMP_PHRASES)))
_CMP_SYM = [c for c, _ in _CMP_PHRASES]
_POST_GE = re.compile(r"^\s*(?:or|and)\s+(?:more|greater|older|above|higher|over|longer)\b|^\s*\+(?!\d)")
_POST_LE = re.compile(r"^\s*(?:or|and)\s+(?:less|fewer|younger|below|lower|under|shorter)\b")
_OF_AGE = re.compile(r"^\s*(?:of\s+age|old)\b")   # "60 years of age or older": age words, not a window

_NUMWORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMWORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
                  "ninety": "90", "hundred": "100"})
_NUMWORD_RE = re.compile(r"\b(" + "|".join(_NUMWORDS) + r")\b")
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


def _normalize(text: str) -> str:
    t = unescape_markdown(text)
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
    return _SPACES.sub(" ", t)


# --------------------------------------------------------------------------- quantities

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
_UNIT_RE = re.compile(r"\s*(?:" + "|".join(f"(?P<u{i}>{p})" for i, (_, p) in enumerate(_UNITS)) + ")")
_UNIT_NAMES = [u for u, _ in _UNITS]
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}

_NUM = r"\d+(?:\.\d+)?"
# 1.0 x 10^9/l, 1.5 x 10(9), 1e6, 10^9/l
_QTY = re.compile(
    rf"(?P<a>{_NUM})\s*(?:x|\*)\s*10\s*(?:\^|\*\*|e)?\s*\(?\s*(?P<ae>-?\d{{1,2}})\s*\)?(?![\d.])"
    rf"|(?P<b>{_NUM})e(?P<be>[+-]?\d{{1,2}})\b"
    rf"|(?<![\d.])10\s*\^\s*\(?(?P<ce>-?\d{{1,2}})\)?"
    rf"|(?P<n>{_NUM})"
)
# A time restated in brackets right after it, "14 days (2 weeks)", "12 months [1 year]": read as one figure when
# the two are the same time exactly (a page's gloss adds nothing), else as two with the same window.
_GLOSS = re.compile(r"\s*[(\[]\s*(\d+(?:\.\d+)?)(?=\s*[a-z])")
_GLOSS_END = re.compile(r"\s*[)\]]")
_RANGE_SEP = re.compile(r"\s*(?:-|to|through|and)\s*(?=[\d.])")

_WIN_BEFORE = re.compile(r"\b(within(?: the (?:past|last|previous|preceding|prior))?|in the (?:past|last|previous|preceding|prior|first|next)|"
                         r"during the (?:past|last|previous|preceding|first)|for the (?:past|last)|over the (?:past|last)|"
                         r"in the|during|for|since|after|before|prior to|following)$")
_FILLER = re.compile(r"(?:\s+|^)(?:the|a|an|approximately|about|around|[<>=]+)\s*$")
_WIN_AFTER = re.compile(r"^\s*(?:of\s+[\w-]+(?:\s*\([^)]*\))?\s+)?(prior to|prior(?!\s+(?!to\b|and\b|or\b)[a-z])|before|preceding|previous(?:ly)?|earlier|ago|after|following|since|"
                        r"post|from|of)\b")
_WIN_CLASS = {"within": "within", "within the past": "within", "within the last": "within", "within the previous": "within",
              "within the preceding": "within", "within the prior": "within", "in the past": "within", "in the last": "within", "in the previous": "within",
              "in the preceding": "within", "in the prior": "within", "during the past": "within",
              "during the last": "within", "during the previous": "within", "during the preceding": "within",
              "for the past": "within", "for the last": "within", "over the past": "within", "over the last": "within",
              "prior to": "before", "prior": "before", "before": "before", "preceding": "before", "previous": "before",
              "previously": "before", "earlier": "before", "ago": "before", "after": "after", "following": "after",
              "since": "since", "post": "after", "from": "from", "of": "of", "during": "during", "for": "for",
              "in the first": "first", "during the first": "first", "in the next": "next", "in the": "in"}


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
    """The text as the quantity reader sees it: lower case, symbols and number words unified, and every
    comparator phrase written as its sign ("at least 6" -> ">= 6"). Reconciliation (reconcile.compare) compares
    comparison words in this form too, so it and the fidelity check read "at least" alike."""
    t = _normalize(text)
    t = _CMP_RE.sub(lambda m: " " + _CMP_SYM[int(m.lastgroup[1:])] + " ", t)
    return _SPACES.sub(" ", t)


def _window(prefix: str, after: str) -> str:
    """The time relation around a duration: the words before it ("within the past") and after it ("before")."""
    prefix = prefix.rstrip()
    while True:
        fm = _FILLER.search(prefix)
        if not fm or not prefix:
            break
        prefix = prefix[: fm.start()].rstrip()
    pre = _WIN_BEFORE.search(prefix)
    post = _WIN_AFTER.match(after)
    parts = []
    if pre:
        parts.append(_WIN_CLASS.get(pre.group(1), pre.group(1)))
    if post:
        parts.append(_WIN_CLASS.get(post.group(1), post.group(1)))
    return "/".join(parts)


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
        rng = _RANGE_SEP.match(t, end)
        between = BETWEEN.search(t, max(0, m.start() - 24), m.start())
        if rng and (between or t[rng.start():rng.end()].strip() in ("-", "to", "through")):
            m2 = _QTY.match(t, rng.end())
            if m2 and m2.group("n"):
                values.append(_num(m2.group("n")))
                end = m2.end()
                cmp = "range"
        if not cmp:
            pm = _POST_GE.match(t[end:]) or _POST_LE.match(t[end:])
            if pm:   # "200 or more cells/mm3": the comparator sits between number and unit
                cmp = ">=" if pm.re is _POST_GE else "<="
                end += pm.end()
        um = _UNIT_RE.match(t, end)
        unit = ""
        if um and um.lastgroup:
            unit = _UNIT_NAMES[int(um.lastgroup[1:])]
            end = um.end()
            per = _PER.match(t, end)
            if per:
                unit += "/" + per.group(1)
                end = per.end()
        glossed = None
        if unit in _TIME_UNITS and len(values) == 1:
            gm = _GLOSS.match(t, end)
            gu = _UNIT_RE.match(t, gm.end()) if gm else None
            gunit = _UNIT_NAMES[int(gu.lastgroup[1:])] if gu and gu.lastgroup else ""
            close = _GLOSS_END.match(t, gu.end()) if gunit in _TIME_UNITS else None
            if close:   # "14 days (2 weeks) before dosing": the window after the brackets is the first figure's
                glossed = (_num(gm.group(1)), gunit)
                end = close.end()
        # "x 10^9/l" right after a plain number was already folded into the scientific form
        rest = t[end:]
        after = _OF_AGE.sub("", rest, count=1) if unit in _TIME_UNITS else rest
        if not cmp:
            if _POST_GE.match(after):
                cmp = ">="
            elif _POST_LE.match(after):
                cmp = "<="
        window = _window(t[max(0, m.start() - 60): m.start()], after) if unit in _TIME_UNITS else ""
        for v in values:
            out.append(Fact(cmp, v, unit, window))
        if glossed:
            gloss = Fact(cmp, glossed[0], glossed[1], window)
            if gloss != out[-1] and not same_duration(out[-1], gloss):
                out.append(gloss)   # "14 days (3 weeks)": a second, different figure, kept so a change shows
        pos = end
    return out


# A length of time said without a figure: "within the past year" is 1 year, "half a year" 0.5 year. Read only by the
# fidelity check, to pair with a figure the other text gives ("within the past 12 months"); never a figure a page
# is asked to show (a summary saying "in the past year" states no number the record must hold).
_IMPLIED = re.compile(r"\bthe (?:past|last|previous|preceding|prior) (year|month|week|day)\b(?!\s*\d)"
                      r"|\bhalf an? (year|month|week|day|hour)\b")


def implied_durations(t: str) -> list[Fact]:
    """The lengths of time a `canonical` text states in words ("within the past year", "for half a year"), read with
    the comparator and time window a figure in their place would have."""
    out = []
    for m in _IMPLIED.finditer(t):
        if m.group(1):   # "within the past year": the window words end where "12" would stand
            unit, value, start = m.group(1), "1", m.start(1)
            window = _window(t[max(0, start - 60): start], t[m.end():])
            if not window.startswith("within"):
                continue   # "the last year of treatment": no span back from now
        else:
            unit, value, start = m.group(2), "0.5", m.start()
            window = _window(t[max(0, start - 60): start], t[m.end():])
        out.append(Fact(_cmp_before(t[:start]), value, unit, window))
    return out


# Units with an exact conversion, in two families that are never mixed. In seconds: a day is 24 hours and a week
# 7 days whatever the calendar. In months: a year is 12 months by definition ("1 year" is "12 months", "2 years"
# "24 months"). Between the families there is none: "3 months" is not "90 days", "1 year" not "52 weeks" or
# "365 days", so those stay a difference.
_EXACT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_EXACT_MONTHS = {"month": 1, "year": 12}


def same_duration(a: Fact, b: Fact) -> bool:
    """Do two facts state the same length of time in units with an exact conversion ("14 days" and "2 weeks",
    "48 hours" and "2 days", "12 months" and "1 year"), with the same comparator and time window? A page may
    write either."""
    if a.cmp != b.cmp or a.window != b.window or a.unit == b.unit:
        return False
    family = next((f for f in (_EXACT_SECONDS, _EXACT_MONTHS) if a.unit in f and b.unit in f), None)
    if family is None:
        return False
    try:
        return Fraction(a.value) * family[a.unit] == Fraction(b.value) * family[b.unit]
    except (ValueError, ZeroDivisionError):
        return False
