"""One wrong number, one finding: a summary finding that repeats a criterion finding's changed figure (in the
criterion's words or in its own) is said in that criterion's row, not as a second one (review r26 #6). Split from
plain, which reads the summary's claims; this module only joins findings already made."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..units import restates
from .finding import ALSO_IN_SUMMARY, SEVERITY_ORDER, Finding, quote
from .plain_limits import read_facts


def fold_into_criteria(criteria: list[Finding], plain: list[Finding]) -> list[Finding]:
    """The criteria findings, then the plain-text ones; a summary finding that states the same page value and record
    value as a criterion finding (a page that changes "Body weight 45-90 kg" to "45-120 kg" in its criteria and in
    its summary, or says "weighing 45 to 120 kilograms" there) is said in that criterion finding ("This page's
    summary says … too"), at the graver of the two severities, not as a second row (review r26 #6: one wrong number
    as a CRITICAL and a WARNING read as two problems). Only where both values agree: a summary with another wrong
    figure keeps its own finding."""
    out = list(criteria)
    kept = []
    for f in plain:
        i = next((i for i, c in enumerate(out) if _same_values(f, c)), None)
        if i is None:
            kept.append(f)
            continue
        c = out[i]
        severity = min(c.severity, f.severity, key=SEVERITY_ORDER.__getitem__)
        out[i] = replace(c, severity=severity, message=c.message + ALSO_IN_SUMMARY.format(said=quote(f.page_value, 80)),
                         evidence={**c.evidence, "also_in_summary": {"kind": f.kind, "field": f.field,
                                                                     "severity": f.severity, **f.evidence}})
    return out + kept


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
