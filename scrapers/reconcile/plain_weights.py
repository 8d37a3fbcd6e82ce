"""Weight limits in a page's plain-language text ("Body weight 45-90 kg", "weighing at least 50 kg", "at least
99 lb") against the one weight rule the record's criteria give (an inclusion mirrored by its exclusion, "Weight of
15 kg or greater" / "Weight less than 15 kg", is one rule). Split from plain_limits (ages), whose tests of what is
about joining it shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..criteria import flatten, parse_criteria
from ..model import OfficialRecord
from ..quantities import Fact, canonical, read_quantities
from ..units import amount, restates
from .finding import Finding, quote
from .plain_limits import about_joining, keeps_out, sentence, squash

_WEIGHT = re.compile(r"\b(birth\s+)?(?:body\s+)?(?:weigh(?:t|s|ing)?|wt)\b(?![\s-]*(?:loss|gain|chang|reduc|increas|decreas|"
                     r"bearing|based|management|control|adjust|percentile|for\s+(?:age|length|height)))", re.I)
# where what follows "weight" stops: a sentence, a clause after a semicolon, the page's next list number
_WEIGHT_END = re.compile(r";|\.(?!\d)|\n|\s\(?\d{1,2}[.)]\s")
_WEIGHT_UNITS = frozenset({"kg", "lb", "g"})
# a weight said before its cue, the clause from its start to the cue: "All subjects will be required to be over 60 kg
# in body weight" (NCT00001723), "≥40kg in weight", "At least 15 kg body weight"
_CLAUSE_START = re.compile(r"[;:,(\n]|\.(?!\d)")
_BEFORE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:kg|kilograms?|lbs?|pounds?)\s+(?:(?:in|of)\s+)?$", re.I)
# a clause about a change, a dose or an intake per weight is no limit ("a loss of more than 5 kg of body weight",
# "5g/kg body weight intake of alcohol")
_NOT_A_LIMIT = re.compile(r"/|\b(?:per|doses?|dosing|mg|mcg|ml|intake|loss|lost|gain(?:ed)?|chang\w*|reduc\w*|"
                          r"increas\w*|decreas\w*|drop\w*)\b", re.I)


@dataclass(frozen=True)
class _Weight:
    low: Fact | None
    high: Fact | None
    birth: bool
    end: int          # where the words that say it end, in the text read
    start: int        # where they start: the cue, or the figure said before it


def _weight_at(text: str, m: re.Match) -> _Weight | None:
    """The weight limit said right after the cue `m`, or None when no weight figure follows it; a _Weight with neither
    bound when one does but says no limit ("Body weight: 50 kg")."""
    stop = _WEIGHT_END.search(text, m.end(), m.end() + 90)
    said = text[m.end(): stop.start() if stop else m.end() + 90]
    got = _figures(said, 0)
    if got is None:
        return None
    ends = [e.end() for e in re.finditer(r"\d(?:[\d.,]*\d)?\s*(?:kg|kilograms?|lbs?|pounds?|g|grams?)\b", said, re.I)]
    # (a figure inside a bracket opened after the first restates it in another unit, "45 to 120 kg (about 99 to 265
    # lb)": the quote ends at the weight's own figure, not mid-bracket)
    ends = [e for e in ends if said.count("(", 0, e) <= said.count(")", 0, e)] or ends
    end = m.end() + (ends[1 if got[0].cmp == "range" and len(ends) > 1 else 0] if ends else len(said))
    return _limit(got, True, bool(m.group(1)), end, m.start())


def _weight_before(text: str, m: re.Match) -> _Weight | None:
    """The weight limit said right before the cue `m` ("over 60 kg in body weight"), or None; read as _weight_at
    reads one after it."""
    window = text[max(0, m.start() - 90): m.start()]
    cut = [c.end() for c in _CLAUSE_START.finditer(window)]
    said = window[cut[-1] if cut else 0:]
    if not _BEFORE.search(said) or _NOT_A_LIMIT.search(said):
        return None
    got = _figures(said, -1)
    if got is None:
        return None
    return _limit(got, False, bool(m.group(1)), m.end(), m.start() - len(said.lstrip()))


def _figures(said: str, near: int) -> list[Fact] | None:
    """The figures read in `said`, when the one nearest the cue (got[near]: 0 after it, -1 before it) is a weight;
    else None."""
    try:
        got = read_quantities(canonical(said))
    except Exception:   # (odd text: nothing read, nothing claimed)
        return None
    return got if got and got[near].unit in _WEIGHT_UNITS else None


def _limit(got: list[Fact], after: bool, birth: bool, end: int, start: int) -> _Weight:
    """The limit the figure nearest the cue says (the first of `got` after it, the last before it): a range, with the
    figure beside it (away from the cue) when that is a weight range too; a lower or an upper bound; else no limit."""
    near, beside = (got[0], got[1:2]) if after else (got[-1], got[-2:-1])
    if near.cmp == "range" and beside and beside[0].cmp == "range" and beside[0].unit in _WEIGHT_UNITS:
        return _Weight(*((near, beside[0]) if after else (beside[0], near)), birth, end, start)
    if near.cmp in (">=", ">"):
        return _Weight(near, None, birth, end, start)
    if near.cmp in ("<=", "<"):
        return _Weight(None, near, birth, end, start)
    return _Weight(None, None, birth, end, start)


def _weight_said(text: str, m: re.Match) -> _Weight | None:
    """The weight said at the cue `m`, after it ("Body weight over 60 kg") or before it ("over 60 kg in body
    weight"), with where its words start."""
    return _weight_at(text, m) or _weight_before(text, m)


def _record_weight(official: OfficialRecord, birth: bool) -> tuple[_Weight, str] | None:
    """The record's one weight rule of this kind (birth weight or not) and the sentence of its item that says it (all of
    a short item; "All subjects will be required to be over 60 kg in body weight." of a long one): None when its
    criteria give none, more than one, one it cannot read as a limit, or one among the reasons someone cannot join."""
    crit = parse_criteria(official.eligibility_criteria or "")
    found = []
    for section, items in (("inclusion", crit.inclusion), ("exclusion", crit.exclusion + crit.unplaced)):
        for item in flatten(items):
            for m in _WEIGHT.finditer(item.text):
                w = _weight_said(item.text, m)
                if w is not None and w.birth == birth:
                    found.append((section, w, sentence(item.text, w.start, w.end)))
    found = [f for f in found if not (f[0] == "exclusion" and any(_mirrors(w, f[1]) for s, w, _ in found
                                                                   if s == "inclusion"))]
    rules = {(w.low, w.high) for _, w, _ in found}
    if len(rules) != 1 or any(section != "inclusion" for section, _, _ in found) \
            or not (found[0][1].low or found[0][1].high):
        return None
    return found[0][1], found[0][2]


def _mirrors(rule: _Weight, out: _Weight) -> bool:
    """Is the exclusion `out` the inclusion `rule` said the other way ("Weight of 15 kg or greater" and "Weight less
    than 15 kg", NCT00005014): the same figure, the complementary comparator? Then it is no second rule."""
    def flip(a: Fact | None, b: Fact | None) -> bool:
        return bool(a and b and a.value == b.value and a.unit == b.unit
                    and {a.cmp, b.cmp} in ({">=", "<"}, {">", "<="}))
    return (rule.low or rule.high) is not None and (not rule.low or flip(rule.low, out.high)) \
        and (not rule.high or flip(rule.high, out.low)) and bool(out.low or out.high) \
        and (out.low is None or rule.high is not None) and (out.high is None or rule.low is not None)


def _same(page: Fact, record: Fact) -> bool:
    """One weight, in its unit or another ("45 kg" and "99 lb", up to rounding: units.restates)."""
    if page.unit == record.unit:
        return Fraction(page.value) == Fraction(record.value)
    return restates(record.value, record.unit, page.value, page.unit)


def _apart(low: Fact | None, high: Fact | None) -> bool:
    """Does a lower limit stand at or above an upper one: the page admits no weight the record does?"""
    a, b = (amount(low.value, low.unit), amount(high.value, high.unit)) if low and high else (None, None)
    return a is not None and b is not None and a >= b


def weight_claims(field: str, text: str, official: OfficialRecord, own: str) -> tuple[list[Finding], set]:
    """Weight limits in the page's plain-language text that the record's one weight rule contradicts (a bound both give
    that differs, or limits that leave no weight between them), and the (value, unit) figures it backs ("at least
    100 lb" for the record's "≥ 45 kg"). A bound only one side gives is not compared: a summary may leave one out.
    A limit with the same figure and another comparator ("over 45 kg" for "≥ 45 kg") is the same limit: a weight
    is measured, not counted, and the two part at one reading of the scale."""
    out: list[Finding] = []
    backed: set = set()
    rules: dict[bool, tuple[_Weight, str] | None] = {}   # (the record's rule, read once for each kind)
    for m in _WEIGHT.finditer(text):
        said = _weight_said(text, m)
        if said is None or not (said.low or said.high) or squash(text[said.start: said.end]) in own \
                or keeps_out(text, said.start, said.end) or not about_joining(text, said.start, said.end):
            continue   # (no limit, the record's own words, a reason to stay out, or a dose: "Patients weighing
            #            over 100 kg will receive 2 vials")
        if said.birth not in rules:
            rules[said.birth] = _record_weight(official, said.birth)
        rule = rules[said.birth]
        if rule is None:
            continue
        record, item = rule
        differs = any(p and r and not _same(p, r) for p, r in ((said.low, record.low), (said.high, record.high)))
        if not differs and not _apart(said.low, record.high) and not _apart(record.low, said.high):
            backed |= {(f.value, f.unit) for f in (said.low, said.high) if f}
            continue
        shown = text[said.start: said.end].strip()
        record_said = quote(item, 120)
        out.append(Finding(
            "plain_number", "warning", field, shown, record_said,
            f'This page\'s summary says "{quote(shown, 80)}", but ClinicalTrials.gov says "{record_said}".',
            {"sentence": quote(sentence(text, said.start, said.end), 300), "weight_rule": record_said},
        ))
    return out, backed
