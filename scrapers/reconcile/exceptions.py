"""A rule with exceptions: "History of brain tumor or malignancy within the past 5 years, …, except: a) radically
excised non-melanoma skin cancer; … e) …" (NCT07635758's 5th reason someone cannot join). The record's label line over
the exceptions is the rule; the items under it keep no one out. A page leaving them out is stricter than the record,
and one listing them as reasons of their own keeps out people the record does not (review rounds 7 and 8)."""

from __future__ import annotations

import re
from dataclasses import replace

from .align import Entry, Pair
from .finding import Finding, criteria_finding, quote, rule_words

# a label line over the exceptions to its rule: "History of brain tumor or malignancy within the past 5 years, …,
# except:" (NCT07635758) over the cancers that keep no one out
EXCEPT_LABEL = re.compile(r"[,;(]?\s*\b(?:except(?:\s+(?:for|the\s+following))?|excluding|other\s+than|with\s+the\s+exception\s+of)"
                           r"\s*:?\s*$", re.I)


def rule_before_exceptions(entry: Entry) -> str | None:
    """The rule a label line over exceptions states, without its closing "except:" ("History of brain tumor or
    malignancy within the past 5 years, including concurrent second primary malignancy"); None for any other item."""
    m = EXCEPT_LABEL.search(entry.text) if entry.label else None
    return entry.text[:m.start()].rstrip(" ,;:") if m else None


def without_exceptions(O: list[Entry], o: list[int], p_items: list[Entry], matched_o: set[int]) -> list[Entry]:
    """A pair's record items to compare, a rule's closing "except:" taken off where the page shows none of the
    exceptions under it, nor an "except:" of its own: a page dropping the exceptions drops their "except:" too, which
    is said once with them (coverage._left_out_findings), not as a critical "differs in an exception" beside a warning per
    exception (review round 7). A rule changed otherwise still differs."""
    if p_items and EXCEPT_LABEL.search(p_items[-1].text):
        return [O[i] for i in o]
    out = []
    for i in o:
        rule = rule_before_exceptions(O[i])
        alone = rule is not None and not any(k in matched_o for k, e in enumerate(O) if e.group == O[i].group and k != i)
        out.append(replace(O[i], text=rule) if alone else O[i])
    return out


def exceptions_left_out(O: list[Entry], P: list[Entry], pairs: list[Pair], head: int, parts: list[int],
                         rule: str) -> Finding:
    """A page keeping a rule but none of its exceptions: one finding, with the page's rule and the record's rule and
    exceptions as its rows (review round 7: a critical "differs in an exception" and a warning per exception)."""
    shown = next((p.p for p in pairs if head in p.o), [])
    message = (f'This page leaves out all {len(parts)} exceptions to {rule_words(O[head])}: ClinicalTrials.gov says '
               f'"{quote(rule, 120)}" does not keep out people with any of them. This page is stricter than the record.')
    return criteria_finding("criterion_missing", "warning", [O[head]] + [O[i] for i in parts], [P[j] for j in shown],
                            message, 0.0, index=parts[0])


def exception_left_out(rule: str, text: str) -> str:
    """The message for one exception the page leaves out, the rule shown."""
    # ("This page leaves out an exception that ClinicalTrials.gov lists to a reason someone cannot join ("…"): "…""
    # was hard to follow and did not say what it meant; review round 7. It says no more: other rules apply)
    return (f'This page leaves out an exception: ClinicalTrials.gov says "{quote(rule, 120)}" does not keep out '
            f'people with "{quote(text.rstrip(" ;,."))}". This page is stricter than the record.')
