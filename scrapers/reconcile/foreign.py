"""A page list that is not the record's: another trial's criteria under this trial's number (review round 21, P2).

When most of a page list's items pair with nothing of the record's, and most of the record's list of that kind is not
on the page (or the record has no such list), item-by-item findings mislead: with no pair anywhere they were all dropped (the page was then called
matching, "What TrialLens could check matches ClinicalTrials.gov"), and with the other list paired they were one
criterion_added per item (up to 35 on one card, label lines such as "Prior Medication:" among them) and every record
item a "may be further down" note. One warning per such list says what a reader needs: read the official list.
"""

from __future__ import annotations

from .align import JOINED, Entry, Pair
from .coverage import list_words, top_items
from .finding import RULE, RULES, Finding

MIN_SHOWN = 3        # a page list this long at least: a shorter one may be a summary whose wording pairs with nothing
# most of the page's list is not the record's, and most of the record's is not on the page: the two lists are not one.
# (Not "under 20%": legacy cancer records share template items, "Age: 18 and over", "Performance status: ECOG 0-2", so
# another such trial's list pairs 5 of its 12 items and still gave 20 criterion_missing and 5 criterion_added.) A page
# showing most of the record's list and adding its own, or a few of its items changed, is said item by item.
FEW_PAIRED = 0.5
FEW_FOUND = 0.5


def _counts(O: list[Entry], P: list[Entry], pairs: list[Pair], section: str, own: frozenset[int] = frozenset()
            ) -> tuple[list[int], int, int, int]:
    """(the page's items of a list, how many of them pair or are `own`, the record's top-level items of it, how many
    are found). `own`: page items that are each one whole block of the record's own text (own_runs.block_items), the
    record's words as it runs them together, however the parser cut them: NCT00003423's "PATIENT CHARACTERISTICS:
    Age: Under 15 Performance status: Not specified …" paired with none of its six items, and a page printing the
    record's three paragraphs was said to show another trial's list.
    Label lines are neither: "Prior Medication:", "Excluded:", "Patients must have:" head most legacy (PDQ) records'
    lists, so another trial's list pairs with the record's by them alone, and a reader does not count them as reasons."""
    paired_p = {j for p in pairs if any(not O[i].label for i in p.o) for j in p.p} | own
    found_o = {i for p in pairs for i in p.o if not O[i].label}
    shown = [j for j, e in enumerate(P) if e.section == section and not e.text.rstrip().endswith(":")]
    items = top_items(O, section)
    return (shown, sum(j in paired_p for j in shown), len(items),
            sum(any(i in found_o for i in idx) for idx in items.values()))


def foreign_lists(O: list[Entry], P: list[Entry], pairs: list[Pair], own: frozenset[int] = frozenset()) -> list[str]:
    """The sections ("inclusion", "exclusion") whose page list is not the record's list of that kind (`own`: see
    `_counts`)."""
    out = []
    for section in ("inclusion", "exclusion"):
        shown, paired, total, found = _counts(O, P, pairs, section, own)
        # (a record with no such list: most of the page's list pairs with nothing in the record, e.g. 19 reasons on a
        # legacy record whose criteria have no exclusion heading, which were 19 criterion_added)
        if len(shown) >= MIN_SHOWN and paired < FEW_PAIRED * len(shown) and (not total or found < FEW_FOUND * total):
            out.append(section)
    return out


def says_nothing(O: list[Entry], P: list[Entry], pairs: list[Pair], section: str, own: frozenset[int] = frozenset()
                 ) -> bool:
    """Is the page's list of `section` too short for foreign_lists to judge (under MIN_SHOWN items, label lines not
    counted) and none of its items on the record's list? Such a list says nothing about whose criteria the page shows:
    another trial's one or two exclusions pair with nothing, and so may a summary of the record's own."""
    shown, paired, _, _ = _counts(O, P, pairs, section, own)
    return len(shown) < MIN_SHOWN and not paired


def compared(O: list[Entry], P: list[Entry], pairs: list[Pair], foreign: list[str]) -> list[Pair]:
    """The pairs to compare item by item. In a list that is not the record's only those plainly one item: not one
    whose record side is label lines only ("ECOG performance status of 0 or 1." beside the record's "Performance
    status:"), nor two items alike only in their template ("Histologically confirmed metastatic colorectal
    adenocarcinoma" beside "… stage IV melanoma"): each was a critical "differs in a number" on a page showing another
    trial's criteria."""
    return [p for p in pairs if P[p.p[0]].section not in foreign
            or (p.sim >= JOINED and not all(O[i].label for i in p.o))]


def _share(n: int, total: int) -> str:
    """"none of the 16", "only 2 of the 16": how many of a list are found in the other."""
    return f"none of the {total}" if n == 0 else f"only {n} of the {total}"


def foreign_findings(O: list[Entry], P: list[Entry], pairs: list[Pair], sections: list[str],
                     own: frozenset[int] = frozenset()) -> list[Finding]:
    """One warning per page list that is not the record's (foreign_lists): how many of the page's items are on the
    record's list and how many of the record's are on the page, then what to do. The record's count is of its
    top-level items, as the other notes count them."""
    out = []
    pairs = compared(O, P, pairs, sections)   # (counted as TrialLens compares them)
    for section in sections:
        shown, paired, total, found = _counts(O, P, pairs, section, own)
        items = top_items(O, section)
        theirs = list_words(O, section, total)
        page_part = f"{_share(paired, len(shown))} {RULES[section]} on this page"
        theirs = "" if theirs == RULES[section] else f" {theirs}"   # ("none of the 7 it lists": said once is enough)
        record_part = (f"the one{theirs or ' ' + RULE[section][2:]} that ClinicalTrials.gov lists is not on this page"
                       if total == 1 else
                       f"{_share(found, total)}{theirs} it lists {'is' if found < 2 else 'are'} on this page")
        verb = "is" if paired < 2 else "are"
        message = (f"{page_part[0].upper()}{page_part[1:]} {verb} on the list ClinicalTrials.gov gives for this trial, and "
                   f"{record_part}: this page's list may be another trial's. Read the official list on "
                   f"ClinicalTrials.gov before you decide." if total else
                   f"{page_part[0].upper()}{page_part[1:]} {verb} in the eligibility criteria ClinicalTrials.gov gives "
                   f"for this trial: this page's list may be another trial's. Read the official criteria on "
                   f"ClinicalTrials.gov before you decide.")
        shown_words = f"{len(shown)} {RULES[section] if len(shown) > 1 else RULE[section].removeprefix('a ')}"
        out.append(Finding(
            "criteria_not_record", "warning", f"{section}_criteria",
            f"{shown_words}, {'none' if not paired else f'only {paired}'} on the record's list", total or None,
            message,
            {"section": section, "page_count": len(shown), "paired": paired, "official_count": total,
             "found": found, "page_texts": [P[j].text for j in shown][:20],
             "official_texts": [O[idx[0]].text for idx in items.values()][:20]}))
    return out
