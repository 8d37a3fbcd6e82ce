"""A page's criteria list far longer than any trial's: not compared item by item (review round 23, #6).

Aligning a page's list with the record's is pairwise (align.py's dynamic programme looks at every page item beside
every record item of a block), so its cost grows with the two lengths multiplied: a page with one <ul> of 20,000
items took 20 s to annotate, past the extension's 20 s timeout, from a 0.5 MB body. No trial lists that many: in the
8,092 records of the shared corpus (data/ctgov) the longest criteria has 144 entries (NCT00006177, sub-points
counted), the 99.9th percentile 91, the median 13. A page list of more than MAX_PAGE_ITEMS (twice the longest, so a
site that splits each of the longest record's items in two is still compared) is no trial's list as ClinicalTrials.gov
gives it: the criteria part answers with one note saying it was not compared (criteria_not_compared, info, never an
alarm), and the status, dates, ages and the other facts are still checked.

A page within the cap may still cost too much to compare in full: split_pairs.regroup_splits tries runs of the
page's items as one record item's alternatives, and a few faithful pages of long items cost seconds of CPU. Past
its budget of readings (split_pairs.READINGS_PER_PAGE, counted, never timed) the criteria part answers with the same
note, saying they were not compared in full (unfinished_finding: evidence "reason" "work"); nothing of them is said
compared, nor in sync, nor an alarm.

No cap relative to the record's own length: a page listing 60 items for a 12-item record is cheap to compare, and what
it says (another trial's list, items the record lacks) is worth saying item by item.
"""

from __future__ import annotations

from ..model import PageRecord
from .align import Entry
from .coverage import top_items
from .finding import Finding

MAX_PAGE_ITEMS = 300


def listed(page: PageRecord) -> int:
    """How many items the page's criteria lists hold, both together, as the page shows them."""
    return len(page.inclusion) + len(page.exclusion)


def too_long(page: PageRecord) -> bool:
    """Is the page's criteria list too long to compare item by item? Counted as the page lists them, before each item
    is read (align.page_entries costs 18 µs an item: 1.8 s of a 100,000-item page); the few a reading leaves out
    (blank rows, a heading inside the list) do not make a list of hundreds a trial's."""
    return listed(page) > MAX_PAGE_ITEMS


def too_long_finding(O: list[Entry], page: PageRecord) -> Finding:
    """The one note for a page list too long to compare: how many the page lists, how many the record does (its
    top-level items, as the other criteria notes count them)."""
    n, total = listed(page), len(top_items(O))
    theirs = (f"ClinicalTrials.gov lists {'one' if total == 1 else total} for this trial" if total else
              "ClinicalTrials.gov lists none for this trial")
    # (a page too long to read whole was read as far as the limit: its list may go on past the cut)
    many = f"at least {n:,}" if page.read_lines is not None else f"{n:,}"
    return Finding(
        "criteria_not_compared", "info", "criteria", f"{many} criteria", total or None,
        f"This page lists {many} eligibility criteria, far more than any trial's record ({theirs}), so TrialLens "
        f"did not compare them one by one.",
        {"page_count": n, "official_count": total, "limit": MAX_PAGE_ITEMS,
         "sections": [s for s in ("inclusion", "exclusion") if getattr(page, s)]})


def unfinished_finding(O: list[Entry], page: PageRecord, spent: int, limit: int) -> Finding:
    """The one note for a page whose criteria cost more than `limit` readings to compare (split_pairs.TooMuchWork):
    not compared in full, so none of the item-by-item findings is said (one not reached could be a false alarm, or a
    silent one)."""
    n, total = listed(page), len(top_items(O))
    return Finding(
        "criteria_not_compared", "info", "criteria", f"{n:,} criteria", total or None,
        "TrialLens did not compare this page's eligibility criteria with ClinicalTrials.gov's in full: matching them "
        "item by item took more work than TrialLens gives one page, so it does not say which of them agree.",
        {"page_count": n, "official_count": total, "reason": "work", "readings": spent, "limit": limit,
         "sections": [s for s in ("inclusion", "exclusion") if getattr(page, s)]})
