"""Separate record items a page runs together as one, joined by a word: "Diabetes or hypertension" where
ClinicalTrials.gov lists "Diabetes" and "Hypertension" as two items. Each reason someone cannot join keeps them out
alone, so two exclusions joined by "or" say what the record says; two requirements are each asked for, so joined by
"and" they say it too. The other word changes the rule: two requirements joined by "or" ask for either, two exclusions
joined by "and" keep out only someone with both. The fidelity check sees an "or" (or "and") the record lacks and says
the item "differs in an 'or'", quoting the record's items run together, beside the criteria_merged warning: a
critical alarm for the faithful join and two findings for the wrong one (words3). Here the join is read once: nothing
more than the merge for the faithful word, one critical finding saying what the other word does.
"""

from __future__ import annotations

import re
from collections import Counter

from .align import Entry
from .finding import Finding, criteria_finding, quote, rule_words

# the word that joins separate items of a list as the list itself does
_LIST_WORD = {"exclusion": "or", "inclusion": "and"}
JOINED = "separate items joined"   # (the start of the change a wrong join reports: items.py drops the merge warning)


def _joins(text: str) -> Counter:
    return Counter(re.findall(r"\b(?:or|and)\b", re.sub(r"(?i)\band\s*/\s*or\b", "or", text).lower()))


def join_word(o_items: list[Entry], o_text: str, p_text: str) -> str | None:
    """The word ("or"/"and") a page adds to join several separate record items of one list into one item, when that
    is all the fidelity check found; None for anything else (sub-points of one item, whose lead-in says how they
    join; items the record gives under no heading; another change besides)."""
    if len(o_items) < 2 or len({e.group for e in o_items}) < len(o_items) or \
            len({e.section for e in o_items}) > 1 or not all(e.placed for e in o_items):
        return None
    o, p = _joins(o_text), _joins(p_text)
    added = [w for w in ("or", "and") if p[w] > o[w]]
    fewer = [w for w in ("or", "and") if p[w] < o[w]]
    return added[0] if len(added) == 1 and not fewer else None


def joined_findings(o_items: list[Entry], p_items: list[Entry], word: str, p_text: str,
                    sim: float) -> list[Finding] | None:
    """[] when the page joins the record's items with its list's own word (nothing to add to the merge warning); one
    critical criterion_changed when with the other word; None when `word` is not the list's to judge."""
    section = o_items[0].section
    if section not in _LIST_WORD:
        return None
    if word == _LIST_WORD[section]:
        return []
    shown = "; ".join(f'"{quote(e.text.strip().rstrip(".;"), 60)}"' for e in o_items)
    n = len(o_items)
    if section == "inclusion":
        effect = f"ClinicalTrials.gov asks for each of them ({shown}), this page for any one of them"
    else:
        effect = (f"on ClinicalTrials.gov each of them ({shown}) keeps someone out alone, on this page only all of "
                  "them together")
    return [criteria_finding("criterion_changed", "critical", o_items, p_items,
                             f'This page runs {n} separate {rule_words(o_items[0], plural=True)} together as one item '
                             f'joined by "{word}", "{quote(p_text, 80)}": {effect}.', sim,
                             changes=[f'{JOINED} by "{word}"'])]
