"""Plain-English eligibility criteria, fidelity-checked item by item.

`explain(record)` parses the official criteria (scrapers.criteria), rewrites each item in
plain English (server.plain), and keeps a rewrite only when scrapers.fidelity finds
nothing lost or changed; otherwise the item shows its original wording with its terms
glossed (`rewritten=False`). An "at a glance" block adds ages, sex, healthy volunteers,
pregnancy/breastfeeding exclusion and the lab or score thresholds in the criteria.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrapers.criteria import Item, flatten, parse_criteria, unescape_markdown
from scrapers.dates import Age
from scrapers.fidelity import check_fidelity
from scrapers.official import OfficialRecord

from .plain import glossary_for, rewrite, words_for_symbols

HEADINGS = {"inclusion": "You may be able to join if…", "exclusion": "You cannot join if…",
            "unplaced": "Also listed (the record does not say whether this includes or excludes you):"}


@dataclass
class Explained:
    original: str
    shown: str
    rewritten: bool
    glossary: list[dict] = field(default_factory=list)
    children: list["Explained"] = field(default_factory=list)
    losses: list[dict] = field(default_factory=list)   # why a rewrite was not shown (empty when it was)

    def to_dict(self) -> dict:
        return {"original": self.original, "shown": self.shown, "rewritten": self.rewritten,
                "glossary": list(self.glossary), "children": [c.to_dict() for c in self.children]}


@dataclass
class PlainCriteria:
    at_a_glance: dict
    inclusion: list[Explained] = field(default_factory=list)
    exclusion: list[Explained] = field(default_factory=list)
    unplaced: list[Explained] = field(default_factory=list)
    headings: dict = field(default_factory=lambda: dict(HEADINGS))

    def items(self) -> list[Explained]:
        out: list[Explained] = []
        stack = list(reversed(self.inclusion + self.exclusion + self.unplaced))
        while stack:
            e = stack.pop()
            out.append(e)
            stack.extend(reversed(e.children))
        return out

    def to_dict(self) -> dict:
        return {"headings": dict(self.headings), "at_a_glance": self.at_a_glance,
                "inclusion": [e.to_dict() for e in self.inclusion],
                "exclusion": [e.to_dict() for e in self.exclusion],
                "unplaced": [e.to_dict() for e in self.unplaced]}


def explain_item(text: str, section: str = "inclusion") -> Explained:
    """One criterion: the plain rewrite if it is faithful, else the original with terms glossed."""
    original = unescape_markdown(text).strip()
    candidate, glossary = rewrite(original, section)
    losses = check_fidelity(original, candidate)
    if not losses and candidate != original:
        return Explained(original, candidate, True, glossary)
    return Explained(original, original, False, glossary_for(original), losses=[l.to_dict() for l in losses])


def _explain_tree(items: list[Item], section: str) -> list[Explained]:
    out = []
    for it in items:
        e = explain_item(it.text, section) if it.text.strip() else Explained(it.text, it.text, False)
        e.children = _explain_tree(it.children, section)
        out.append(e)
    return out


def explain_text(criteria_text: str | None, record: OfficialRecord | None = None) -> PlainCriteria:
    crit = parse_criteria(criteria_text)
    return PlainCriteria(
        at_a_glance=at_a_glance(record, crit),
        inclusion=_explain_tree(crit.inclusion, "inclusion"),
        exclusion=_explain_tree(crit.exclusion, "exclusion"),
        unplaced=_explain_tree(crit.unplaced, "unplaced"),
    )


def explain(record: OfficialRecord) -> PlainCriteria:
    """The official record's eligibility criteria in plain English (see module docstring)."""
    return explain_text(record.eligibility_criteria, record)


# --------------------------------------------------------------------------- at a glance

def age_phrase(lo: Age | None, hi: Age | None) -> str | None:
    """"18 to 70 years", "18 years and older", "up to 17 years", "6 months to 17 years"."""
    if lo and hi:
        if lo.unit == hi.unit:
            return f"{_num(lo.value)} to {hi}"
        return f"{lo} to {hi}"
    if lo:
        return f"{lo} and older"
    if hi:
        return f"up to {hi}"
    return None


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


_PREG = re.compile(r"\bpregnan", re.I)
_FEED = re.compile(r"\b(?:breast-?\s?feeding|lactat\w*|nursing(?!\s+(?:home|facility|care|staff)))\b", re.I)
_NOT_PREG = re.compile(r"\b(?:not|non-?)\s*pregnant|\bnegative\b[^.;]{0,40}\bpregnancy test|\bpregnancy test\b[^.;]{0,30}\bnegative", re.I)
_NOT_FEED = re.compile(r"\bnot\b[^.;]{0,30}\b(?:breast-?\s?feeding|lactating|nursing)\b|\bnon-?(?:lactating|nursing)\b", re.I)
_PARTNER = re.compile(r"\bpartner|\bspouse", re.I)

# "platelet count less than 100×10^9/L": a subject of up to six words, a comparator, a number, a unit
_UNIT = (r"times the (?:institutional )?(?:upper|lower) limit of normal|%|"
         r"[A-Za-zµ]{1,8}(?:/[\w.^⁰-⁹²³]+)+|/[\w.^⁰-⁹²³]+|"
         r"(?:mmHg|mg|g|kg|mL|ml|L|l|s|sec|seconds|points?|cells|copies|IU|U|ng|pg|mcg|µg|ug|mmol|µmol|umol|"
         r"cm|mm|kPa|bpm|ms|msec|mEq|cc|units?)\b")
_THRESHOLD = re.compile(
    r"(?P<subj>(?:[A-Za-z0-9\[(][\w'/()\[\]-]*\s+){0,5}[A-Za-z\[(][\w'/()\[\]-]*)\s+(?P<cmp>at least|at most|more than|less than)\s+"
    r"(?P<num>\d+(?:[.,]\d+)?(?:\s*(?:×|x)\s*10\^?\s*[⁰-⁹\d]+)?)(?:\s*(?P<unit>" + _UNIT + "))?")
_TIME_AFTER = re.compile(r"\s*(?:years?|months?|weeks?|days?|hours?|minutes?|yrs?|hrs?|wks?|mos?)\b", re.I)
_SKIP_SUBJ = re.compile(r"\b(?:age|aged|years?|old|within|since|after|before|prior|duration|life expectancy)\b", re.I)


def _subject(words: str) -> str:
    """The measured thing before a comparator: the last clause, at most four words, brackets kept whole."""
    clause = re.split(r"[,;:]|\band\b|\bor\b|\bwith\b|\bof\b(?=\s+(?:the\s+)?(?:following|any)\b)", words)[-1].strip()
    clause = re.split(r"(?<=[a-z])\s+(?=[A-Z][a-z])", clause)[-1] if not re.search(r"[(\[]", clause) else clause
    toks = clause.split()
    while len(toks) > 4 or (toks and sum(t.count("(") + t.count("[") for t in toks) < sum(t.count(")") + t.count("]") for t in toks)):
        if len(toks) <= 1:
            break
        toks = toks[1:]
    subj = " ".join(toks)
    if subj.count("(") + subj.count("[") > subj.count(")") + subj.count("]"):
        subj = re.split(r"[(\[]", subj)[-1]   # "hypertension (systolic BP" -> "systolic BP"
    return subj.lstrip(")]").strip()


_CMP_WORDS = re.compile(r"\b(?:at least|at most|more than|less than)\s+\d")
_SUBJECT_END = re.compile(r"(?:[A-Za-z0-9\[(][\w'/()\[\]-]*\s+){0,5}[A-Za-z\[(][\w'/()\[\]-]*\s+$")


# How each list's thresholds are labelled: a limit found in an exclusion item is a reason you
# cannot join ("Excluded if platelet count less than 100"), never a requirement.
THRESHOLD_LABELS = {"inclusion": "Required", "exclusion": "Excluded if", "unplaced": "Mentioned"}


def thresholds(items: list[Item], section: str = "unplaced") -> list[dict]:
    """Lab and score thresholds with the list they came from, e.g. {"text": "eGFR less than
    30 mL/min/1.73m²", "section": "exclusion", "label": "Excluded if", "item": original}."""
    out: list[dict] = []
    seen: set[str] = set()
    for it in items:
        worded = words_for_symbols(it.text)
        if not _CMP_WORDS.search(worded):
            continue
        last_end = 0
        for c in _CMP_WORDS.finditer(worded):
            window_start = max(last_end, c.start() - 80)
            sm = _SUBJECT_END.search(worded, window_start, c.start())
            if not sm:
                continue
            m = _THRESHOLD.match(worded, sm.start())
            if not m or m.start("cmp") != c.start():
                continue
            last_end = m.end()
            if _TIME_AFTER.match(worded, m.end("num")):
                continue   # "more than 30 days": a time window, not a lab or score threshold
            subj = _subject(m.group("subj"))
            if len(subj) < 2 or _SKIP_SUBJ.search(subj) or not re.search(r"[A-Za-z]{2}", subj):
                continue
            end = m.end("unit") if m.group("unit") else m.end("num")
            text = f"{subj} {worded[m.start('cmp'):end].strip()}"
            if text.lower() in seen:
                continue
            seen.add(text.lower())
            out.append({"text": text, "section": section, "label": THRESHOLD_LABELS[section], "item": it.text})
    return out


def at_a_glance(record: OfficialRecord | None, crit) -> dict:
    inc = flatten(crit.inclusion)
    exc = flatten(crit.exclusion)
    unplaced = flatten(crit.unplaced)

    def own(it: Item) -> bool:   # about the participant, not a partner
        return not _PARTNER.search(it.text)

    preg = any(_PREG.search(it.text) and own(it) for it in exc) or any(_NOT_PREG.search(it.text) for it in inc)
    feed = any(_FEED.search(it.text) and own(it) for it in exc) or any(_NOT_FEED.search(it.text) for it in inc)
    lo = record.min_age if record else None
    hi = record.max_age if record else None
    return {
        "age": age_phrase(lo, hi),
        "min_age": lo.to_dict() if lo else None,
        "max_age": hi.to_dict() if hi else None,
        "sex": record.sex if record else None,
        "healthy_volunteers": record.healthy_volunteers if record else None,
        "pregnancy_excluded": bool(preg),
        "breastfeeding_excluded": bool(feed),
        "thresholds": thresholds(inc, "inclusion") + thresholds(exc, "exclusion") + thresholds(unplaced, "unplaced"),
    }
