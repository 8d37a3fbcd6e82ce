"""One wrong number, one finding: a summary finding that repeats a criterion finding's changed figure (in the
criterion's words or in its own, of the same measure) is said in that criterion's row, not as a second one (review r26
#6), and a summary age that says the page's own changed age limit is said in that limit's row. Split from plain, which
reads the summary's claims; this module only joins findings already made."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..dates import Age, parse_age_limits
from ..units import restates
from .facts import same_age
from .finding import ALSO_IN_SUMMARY, SEVERITY_ORDER, Finding, quote
from .plain_limits import read_facts, said_ages
from .words import content_words


def fold_summary(facts: list[Finding], criteria: list[Finding], plain: list[Finding]) -> list[Finding]:
    """The facts, criteria and plain-text findings, each summary finding that says the same change as a fact's age
    limit (fold_ages) or a criterion (fold_into_criteria) said in that finding's row."""
    facts, plain = fold_ages(facts, plain)
    return facts + fold_into_criteria(criteria, plain)


def _said_in(row: Finding, summary: Finding, said: str) -> Finding:
    """`row` saying that the page's summary says `said` too, at the graver of the two severities, with the summary
    finding's kind, field, severity and evidence as its `also_in_summary`."""
    severity = min(row.severity, summary.severity, key=SEVERITY_ORDER.__getitem__)
    return replace(row, severity=severity, message=row.message + ALSO_IN_SUMMARY.format(said=quote(said, 80)),
                   evidence={**row.evidence, "also_in_summary": {"kind": summary.kind, "field": summary.field,
                                                                 "severity": summary.severity, **summary.evidence}})


def fold_into_criteria(criteria: list[Finding], plain: list[Finding]) -> list[Finding]:
    """The criteria findings, then the plain-text ones; a summary finding that states the same page value and record
    value as a criterion finding (a page that changes "Body weight 45-90 kg" to "45-120 kg" in its criteria and in
    its summary, or says "weighing 45 to 120 kilograms" there) is said in that criterion finding ("This page's
    summary says … too"), at the graver of the two severities, not as a second row (review r26 #6: one wrong number
    as a CRITICAL and a WARNING read as two problems). Only where both values agree, or the summary's figure the
    record lacks is the criterion's changed one of the same measure (same_measure_figure): a summary with another
    wrong figure keeps its own finding."""
    out = list(criteria)
    kept = []
    for f in plain:
        for i, c in enumerate(out):
            said = _repeats(f, c)
            if said:
                out[i] = _said_in(c, f, said)
                break
        else:
            kept.append(f)
    return out + kept


def _repeats(summary: Finding, criterion: Finding) -> str | None:
    """The summary's words that repeat the criterion finding's wrong value, or None: the same page and record values
    (_same_values), the same changed age limit (same_age_criterion), or a figure the record lacks that is the
    criterion's changed figure of the same measure (same_measure_figure)."""
    if _same_values(summary, criterion) or same_age_criterion(summary, criterion):
        return summary.page_value
    return same_measure_figure(summary, criterion)


def _same_values(summary: Finding, criterion: Finding) -> bool:
    """Does the summary finding say the page value the criterion finding's page item holds, in its words (a quote
    of it may be cut short: quote's "…") or in others, against the same record item?"""
    said, item = summary.page_value, criterion.page_value
    record, official = summary.official_value, criterion.official_value
    if not criterion.field.endswith("_criteria") or not all(isinstance(v, str) and v.strip()
                                                              for v in (said, item, record, official)):
        return False
    record = _plain_words(record).removesuffix("…").rstrip()
    return _plain_words(official).startswith(record) \
        and (_plain_words(said) in _plain_words(item) or _same_figures(said, item, official))


def _same_figures(said: str, item: str, official: str) -> bool:
    """Does `said` state only figures the page item states, one of them a figure the record item lacks (the changed
    one): the same numbers, comparators and units once read ("45 to 120 kilograms" is "45-120 kg"; "at least 45 kg
    and no more than 120 kg" is too), a bracketed restatement in another unit aside ("(about 99 to 265 lb)")? A
    figure in another unit or with another comparator ("45 to 120 lb", "over 120 kg") is another figure."""
    figures, page, record = (read_facts(t) for t in (said, item, official))
    if not figures or not page or record is None:
        return False
    figures = [f for k, f in enumerate(figures)
               if not any(g.unit != f.unit and restates(g.value, g.unit, f.value, f.unit) for g in figures[:k])]
    shown, changed = Counter(page), Counter(page) - Counter(record)
    return not Counter(figures) - shown and any(f in changed for f in figures)


def _plain_words(text: str) -> str:
    """Text compared as a reader sees it: case, dashes, spacing and end punctuation aside."""
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text.casefold())
    return re.sub(r"\s+", " ", text).strip(" .,;:")


# words that say how a figure bounds, or of whom, not what it measures ("adults whose eGFR is less than 40": "egfr" is)
_HOW = frozenset("""less than greater more least most below above under over lower higher equal equals exceeding exceed
    exceeds up no not within between than value level levels adult adults man men woman women child children boy boys
    girl girls male males female females infant infants""".split())
# where what a figure measures is named: after the clause's start, a list's punctuation or the figure before it
_CLAUSE_START = re.compile(r"[;:,\n]|\.\s|(?<![A-Za-z\d.])\d[\d.]*\s*[^\s\d;:,]*\s")


def same_measure_figure(summary: Finding, criterion: Finding) -> str | None:
    """A summary's figure the record lacks ("Who may qualify: eGFR < 40 mL/min", a plain_number with no record value)
    that a changed criterion shows in its place ("eGFR < 40 mL/min/1.73 m2" for the record's "< 30") is one wrong
    number: the summary's words of it, or None. Only when every figure the summary finding names is one the criterion
    changed (the record item lacks it, the page item has it) and each is said of the same measure: the words naming
    what is measured right before the figure in the summary are all in the criterion's words before it, and the
    criterion's nearest such word is among them ("serum creatinine > 2.5" is not "creatinine clearance > 2.5",
    "diastolic blood pressure > 105" not "systolic blood pressure > 105"). A figure whose measure the summary does not
    name ("or < 120 mmHg") is not folded."""
    missing = set(summary.evidence.get("facts_not_in_record") or ())
    item, official, said = criterion.page_value, criterion.official_value, summary.evidence.get("sentence")
    if summary.kind != "plain_number" or not missing or criterion.kind != "criterion_changed" \
            or not criterion.field.endswith("_criteria") or not all(isinstance(v, str) for v in (item, official, said)):
        return None
    page, record = read_facts(item), read_facts(official)
    if not page or record is None:
        return None
    figures = [f for f in Counter(page) - Counter(record) if f.words() in missing]   # (in the item's order)
    if {f.words() for f in figures} != missing:
        return None
    clauses = []
    for f in figures:
        in_summary, in_item = _measured(said, f.value), _measured(item, f.value)
        if not in_summary or not in_item or not set(in_summary[0]) <= set(in_item[0]) \
                or in_item[0][-1] not in in_summary[0]:
            return None
        clauses.append(in_summary[1])
    return "; ".join(dict.fromkeys(clauses))


def _measured(text: str, value: str) -> tuple[list[str], str] | None:
    """What the figure `value` measures in `text`, as up to four content words right before its first showing
    ("Pretreatment prostate-specific antigen ≤ 30 ng/mL" -> ["pretreatment", "prostate", "specific", "antigen"]), and
    the clause that says it; None when the figure is not written as its value or no word names a measure."""
    m = re.search(r"(?<![\d.])" + re.escape(value) + r"(?![\d]|\.\d)", text)
    if not m:
        return None
    start = max((c.end() for c in _CLAUSE_START.finditer(text, 0, m.start())), default=0)
    words = [w for w in content_words(text[start: m.start()]) if w not in _HOW and not w.isdigit()][-4:]
    if not words:
        return None
    end = re.search(r"[;,\n]|\.(?:\s|$)|$", text[m.end():])
    return words, text[start: m.end() + end.start()].strip()


# an item that speaks of age: "Age 18-65", "aged 18 to 65", "18-65 years old", "18 to 65 years of age"
AGE_WORD = re.compile(r"(?i)\bage[ds]?\b|\bold\b")
# an age limit a page or its summary says there is none of ("18 years and older": no maximum)
_NO_LIMIT = "none"
# each age limit's field, and whether it is the upper one
_BOUNDS = {"min_age": False, "max_age": True}


def fold_ages(facts: list[Finding], plain: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """A summary age (plain_age: "adults aged 18 to 80") that says the same change as the page's own age limits
    (fact_mismatch on max_age: "gives the maximum age as 80 years", the record's 70) is said in the first such limit's
    row, not as a second CRITICAL. Only when every limit the summary states is the page's where that limit differs
    from the record, and the record's where it does not: a summary saying "18 to 75" beside a page's 80 says another
    change, and keeps its own finding. Returns the facts and the summary findings left."""
    facts, kept = list(facts), []
    rows = {f.field: i for i, f in enumerate(facts) if f.kind == "fact_mismatch" and f.field in _BOUNDS}
    for f in plain:
        said = _summary_ages(f) if f.kind == "plain_age" and rows else None
        same = said is not None and any(b in rows for b in said) and all(
            _same_limit(age, _page_limit(facts[rows[b]]) if b in rows else _record_limit(f, b), upper)
            for b, upper in _BOUNDS.items() if (age := said.get(b)) is not None)
        if not same:
            kept.append(f)
            continue
        i = rows[next(b for b in _BOUNDS if b in said and b in rows)]
        facts[i] = _said_in(facts[i], f, f.page_value)
        rows = {}   # (one summary age per row: a second is another claim)
    return facts, kept


def same_age_criterion(summary: Finding, criterion: Finding) -> bool:
    """Does a summary age (plain_age: "aged 18 to 75 years"; or a plain_number whose figures the record lacks are its
    ages, where the record gives no age limit to compare it with, _figure_ages) say the same change as a changed age
    requirement ("Men 18-75 years of age" for the record's "18-70")? Only when every limit the summary states is the
    page item's (a limit in another unit is the same only as the same length of time: "75 months" is not "75 years"),
    one of them a limit the page item changed, and for each changed one the record's limit the summary was compared
    with is the record item's: then one change, said in the criterion's row. A summary with another limit ("18 to
    72") keeps its own finding; an exclusion's age ("Age over 65") bounds the other way, and an item that names no age
    ("pain lasting 15-180 minutes", "diagnosed 6-18 months ago") holds no age limit: neither is read."""
    said = _summary_ages(summary) if summary.kind == "plain_age" else _figure_ages(summary)
    if not said or criterion.kind != "criterion_changed" or criterion.field != "inclusion_criteria" \
            or not all(isinstance(v, str) and AGE_WORD.search(v) for v in (criterion.page_value,
                                                                           criterion.official_value)):
        return False
    page, record = (dict(zip(_BOUNDS, parse_age_limits(t)[:2])) for t in (criterion.page_value,
                                                                          criterion.official_value))
    changed = {b for b, upper in _BOUNDS.items() if page[b] is not None and record[b] is not None
               and not same_age(page[b], record[b], upper)}
    return bool(changed & set(said)) and all(
        page[b] is not None and _same_limit(age, page[b], _BOUNDS[b])
        and (b not in changed or _same_limit(_record_limit(summary, b) or record[b], record[b], _BOUNDS[b]))
        for b, age in said.items())


def _summary_ages(f: Finding) -> dict[str, Age | str] | None:
    """The age limits a plain_age finding's words state, by field ("min_age", "max_age"; _NO_LIMIT for "and older"'s
    maximum), or None when they cannot be read (a range with no unit is no limit of the page's fields)."""
    ev = f.evidence
    if ev.get("unit_missing") or not isinstance(f.page_value, str):
        return None
    if ev.get("page_no_max_age"):
        return {"max_age": _NO_LIMIT}
    if ev.get("page_min_age") or ev.get("page_max_age"):
        ages = {"min_age": Age.from_dict(ev.get("page_min_age")), "max_age": Age.from_dict(ev.get("page_max_age"))}
    else:
        lo, hi, _ = parse_age_limits(f.page_value)
        ages = {"min_age": lo, "max_age": hi}
    return {b: a for b, a in ages.items() if a is not None} or None


def _figure_ages(f: Finding) -> dict[str, Age] | None:
    """The age limits a summary figure the record lacks states (a plain_number: "People aged 4 to 23 years may be
    able to take part", its "23 years" missing from a record with no age limits of its own, so no plain_age), by
    field; None unless its sentence speaks of age and every figure it says the record lacks is one of those ages
    ("aged 18 to 75 years with diabetes for 10 years", its "10 years" missing too, says another figure)."""
    said, missing = f.evidence.get("sentence"), set(f.evidence.get("facts_not_in_record") or ())
    if f.kind != "plain_number" or not missing or not isinstance(said, str) or not AGE_WORD.search(said):
        return None
    ages = {b: a for b, a in zip(_BOUNDS, said_ages(said)) if a is not None}
    figures = [x for x in read_facts(said) or () if x.words() in missing]
    if not ages or {x.words() for x in figures} != missing or not all(
            any(_is_age(x.value, x.unit, a) for a in ages.values()) for x in figures):
        return None
    return ages


def _is_age(value: str, unit: str, age: Age) -> bool:
    """Is the figure (value, singular lower-case unit: "23", "year") the age `age` (23 YEARS)?"""
    try:
        return float(value) == age.value and unit == age.unit.lower().rstrip("s")
    except ValueError:
        return False


def _page_limit(fact: Finding) -> Age | str | None:
    """The page's limit an age fact_mismatch holds: its age, or _NO_LIMIT for a page that says there is none."""
    ev = fact.evidence
    if ev.get("page_no_max_age") or ev.get("page_no_min_age"):
        return _NO_LIMIT
    return Age.from_dict(ev.get("page_age"))


def _record_limit(f: Finding, bound: str) -> Age | None:
    """The record's limit a summary age finding was compared with (its evidence's official_min_age / _max_age)."""
    return Age.from_dict(f.evidence.get(f"official_{bound}"))


def _same_limit(said: Age | str, other: Age | str | None, upper: bool) -> bool:
    if said == _NO_LIMIT or other == _NO_LIMIT or other is None:
        return said == other
    return same_age(said, other, upper)
