"""What a criterion means in the parts a patient acts on: numbers with their units,
comparators and negations. Two wordings of one criterion that differ here are not the
same criterion ("ASPECTS >= 6" is not "ASPECTS > 6"; "no cardiac dysfunction" is not
"cardiac dysfunction"); anything else is only rewording.
"""

from __future__ import annotations

import re
from collections import Counter

_UNITS = (r"mg/dl|mg/kg|mg/m2|mg/m²|g/dl|g/l|mmol/l|µmol/l|umol/l|μmol/l|mcg|µg|ug|mg|kg/m2|kg/m²|kg|ml/min(?:/1\.73\s?m2)?|"
          r"ml|l|mmhg|mm\s?hg|cm|mm|years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|h|minutes?|min|"
          r"%|percent|x\s?uln|×\s?uln|uln|times|cells/mm3|cells/µl|cells/ul|/mm3|/µl|/ul|x\s?10\^?9/l|×\s?10\^?9/l|"
          r"iu/l|u/l|iu|units?|bpm|points?|lbs?|pounds|g|kcal|cigarettes|drinks|beverages|cycles|doses|times")
_QTY = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(\d+(?:[.,]\d+)?))?\s*(" + _UNITS + r")?(?![A-Za-z0-9])", re.I)
_COMPARATOR_WORDS = [
    (r">=|≥|=>|\bat least\b|\bor more\b|\bor greater\b|\bor older\b|\bor above\b|\bor higher\b|\bminimum of\b|\bnot less than\b", ">="),
    (r"<=|≤|=<|\bno more than\b|\bat most\b|\bup to\b|\bor less\b|\bor fewer\b|\bor younger\b|\bor below\b|\bor lower\b|"
     r"\bmaximum of\b|\bnot more than\b|\bnot exceed(?:ing)?\b|\bno greater than\b|\bno older than\b", "<="),
    (r"(?<![<>=])>(?!=)|\bgreater than\b|\bmore than\b|\bover\b|\babove\b|\bexceed(?:s|ing)?\b|\bolder than\b|\bhigher than\b|\blonger than\b", ">"),
    (r"(?<![<>=])<(?!=)|\bless than\b|\bfewer than\b|\bunder\b|\bbelow\b|\byounger than\b|\blower than\b|\bshorter than\b", "<"),
]
_NEGATION = re.compile(r"\b(?:not|no|non|without|never|cannot|unable|neither|nor|none|absence|free of|lack of|n't)\b|n't\b", re.I)


def _clean(text: str) -> str:
    t = text.replace("\\", "").replace("−", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", t).lower()


def _unit(u: str | None) -> str | None:
    if not u:
        return None
    u = re.sub(r"\s+", "", u.lower()).replace("×", "x").replace("μ", "µ").replace("²", "2")
    for full, short in (("years", "year"), ("yrs", "year"), ("yr", "year"), ("months", "month"), ("mos", "month"),
                        ("mo", "month"), ("weeks", "week"), ("wks", "week"), ("wk", "week"), ("days", "day"),
                        ("hours", "hour"), ("hrs", "hour"), ("hr", "hour"), ("h", "hour"), ("minutes", "minute"),
                        ("min", "minute"), ("percent", "%"), ("units", "unit"), ("points", "point"), ("lbs", "lb"),
                        ("pounds", "lb")):
        if u == full:
            return short
    return u


def quantities(text: str) -> Counter:
    """Numbers with the unit that follows them ("18-70 years" gives 18 year and 70 year)."""
    out: Counter = Counter()
    for m in _QTY.finditer(_clean(text)):
        unit = _unit(m.group(3))
        for g in (m.group(1), m.group(2)):
            if g:
                out[(g.replace(",", "."), unit)] += 1
    return out


def comparators(text: str) -> Counter:
    t = _clean(text)
    out: Counter = Counter()
    for pattern, op in _COMPARATOR_WORDS:
        found = re.findall(pattern, t)
        if found:
            out[op] += len(found)
            t = re.sub(pattern, " ", t)
    return out


def negations(text: str) -> int:
    return len(_NEGATION.findall(_clean(text)))


def meaning_changes(official: str, page: str) -> list[str]:
    """How the page's wording changes what the official criterion means (empty: it does not)."""
    changes = []
    qo, qp = quantities(official), quantities(page)
    if qo != qp:
        numbers_o = Counter(n for (n, _u), c in qo.items() for _ in range(c))
        numbers_p = Counter(n for (n, _u), c in qp.items() for _ in range(c))
        lost = sorted((numbers_o - numbers_p).elements())
        new = sorted((numbers_p - numbers_o).elements())
        if lost or new:
            changes.append("numbers: " + ", ".join(lost or ["-"]) + " became " + ", ".join(new or ["-"]))
        else:
            units_o = sorted(f"{n} {u or ''}".strip() for (n, u) in (qo - qp).elements())
            units_p = sorted(f"{n} {u or ''}".strip() for (n, u) in (qp - qo).elements())
            changes.append("units: " + ", ".join(units_o or ["-"]) + " became " + ", ".join(units_p or ["-"]))
    co, cp = comparators(official), comparators(page)
    if co != cp:
        changes.append("comparators: " + " ".join(sorted((co - cp).elements())) + " became "
                       + " ".join(sorted((cp - co).elements())))
    no, np_ = negations(official), negations(page)
    if no != np_:
        changes.append(f"negations: {no} became {np_}")
    return changes
