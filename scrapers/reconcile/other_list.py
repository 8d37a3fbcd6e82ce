"""A page item the record has only in its other list: a reason to stay out copied among the requirements, or the
reverse ("Pregnant or breastfeeding" among the inclusions of a trial that excludes pregnant women; review r53 F3).

An item the page adds (paired with none of the record's) was never said where its text stood anywhere in the record's
criteria, whatever the list: the page still showed the exclusion in its own list too, so nothing was left out, and the
copy under the other heading, the one a patient acts on, drew nothing. Here the record's text is read list by list:
an added item that is, word for word, one of the record's items of the other list only is that item under the wrong
heading (critical, as sections.py says a moved one); the start of one (a few words more than the page shows) is a
warning that the record has those words only in the other list. Nothing else changes: an item the record has in its
own list, in both, or in text under no heading ("Also listed": the record does not say which list, NCT00001539's
"ELIGIBILITY OF SPECIAL POPULATIONS"), or in a record with one list (whose items say their side in their own words,
sections.py), is the record's as before.
"""

from __future__ import annotations

from .align import Entry
from .finding import RULE, RULES, Finding, criteria_finding, quote, without_marker
from .sections import WRONG_SECTION

_SECTIONS = ("inclusion", "exclusion")
# a page item's words this long or more, the start of one of the record's items, are that item's start (shorter:
# "Age" or "Pregnant" start many items; they are said added as any short item is)
_PREFIX_CHARS = 12


def _other(section: str) -> str:
    return "exclusion" if section == "inclusion" else "inclusion"


def list_entries(O: list[Entry]) -> dict[str, list[Entry]] | None:
    """Each of the record's lists as its items: those under its heading, in order, then those under no heading (in
    both: the record does not say which list); None where the record does not have both lists under their headings
    (then no item is in "the other" one). The one reading of the record's lists that this module and
    run_on_words.record_words put in their own normal forms."""
    placed = {sec: [e for e in O if e.placed and e.section == sec] for sec in _SECTIONS}
    if not all(placed.values()):
        return None
    loose = [e for e in O if not e.placed]
    return {sec: placed[sec] + loose for sec in _SECTIONS}


def list_texts(O: list[Entry]) -> dict[str, str] | None:
    """Each list's text as the record's items say it (normalised, space-padded; `list_entries`)."""
    lists = list_entries(O)
    return None if lists is None else {sec: " " + " ".join(e.norm for e in items) + " " for sec, items in lists.items()}


def other_list_item(e: Entry, O: list[Entry], texts: dict[str, str] | None, source: str,
                    topic: bool = False) -> tuple[int, bool] | None:
    """The index of the record item of the other list only that page item `e` is (True) or starts (False), or, for
    the trial's own condition (`topic`) among the page's exclusions, names (False); None where the record has its
    words in `e`'s own list, under no heading, anywhere outside its items (`source`, the record's criteria text
    normalised: a heading's "EXCLUSION CRITERIA - Normal Volunteers:", NCT00001922), or not so in the other. (The
    condition among the inclusions is a site's first row, Veeva's "Ischemic Stroke": not said.)"""
    if texts is None or not e.norm or e.norm in texts[e.section] or \
            source.count(e.norm) > texts[_other(e.section)].count(e.norm):
        return None
    # (a label's words, "Patients with any of the following:", say no rule of their own)
    theirs = [i for i, o in enumerate(O) if o.placed and not o.label and o.section == _other(e.section)]
    for i in theirs:
        if O[i].norm == e.norm:
            return i, True
    if topic and e.section == "exclusion":   # ("Type 2 diabetes" keeping out the type 2 diabetes trial's people)
        return next(((i, False) for i in theirs if f" {e.norm} " in f" {O[i].norm} "), None)
    if len(e.norm) < _PREFIX_CHARS:
        return None
    for i in theirs:
        if O[i].norm.startswith(e.norm + " "):
            return i, False
    return None


def other_list_finding(e: Entry, O: list[Entry], i: int, whole: bool) -> Finding:
    """The finding for page item `e`, the record's other-list item `O[i]` (`whole`) or its start (a criterion_added
    as any other, its message saying where the record has the words)."""
    shown, o = without_marker(e.text) or e.text, O[i]
    if whole:
        return criteria_finding(
            "criterion_wrong_section", WRONG_SECTION, [o], [e],
            f'This page lists "{quote(shown, 80)}" as {RULE[e.section]}, but ClinicalTrials.gov lists it as '
            f"{RULE[o.section]}.", 100.0, index=i)
    return criteria_finding(   # (a start, or a name, of the other list's item: said as any added item, warning)
        "criterion_added", "warning", [], [e],
        f'This page lists "{quote(shown, 80)}" as {RULE[e.section]}, but ClinicalTrials.gov has these words only '
        f'among its {RULES[o.section]} ("{quote(o.text, 80)}").', 0.0)
