"""Findings: what a page claims, checked against the official record.

`reconcile(page, official, today, history=None)` is pure: time is passed in, nothing is
fetched, and the same inputs give the same findings in the same order (severity, then
field, then kind). An alarm the official record does not back is never raised; a page
wording we do not recognise is reported as "cannot compare", never as drift.

One module per concern: status.py (status, freshness, the record's own overdue
signs), facts.py (enrollment, phases, dates, ages…), added_ages.py (an age limit the record lacks), copied_ages.py (an
age the page words as the record's own criteria do is no page error), align.py and
items.py (eligibility criteria item by item), plain.py (claims in the page's plain-language text), summary_fold.py (a summary
finding repeating a criterion's changed figure, or the page's changed age limit, said in that row).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..model import OfficialRecord, PageRecord
from .added_ages import check_added_limits
from .copied_ages import drop_copied_ages
from .facts import check_facts
from .finding import SEVERITY_ORDER, Finding, status_words
from .items import check_criteria
from .plain import check_plain
from .summary_fold import fold_summary
from .identity import check_identity
from .saved_copy import said_by_copy, unconfirmed_by_copy
from .status import check_freshness, check_page_date, check_registry, check_status, check_status_history

__all__ = ["reconcile", "is_alarm", "Finding", "status_words", "SEVERITY_ORDER", "NOT_ALARMS"]

# Notes that say what could not be checked, not that the page is wrong.
NOT_ALARMS = frozenset({"cannot_compare", "criteria_incomplete", "criteria_list_not_shown", "criteria_not_compared",
                        "unconfirmed"})


def is_alarm(f: Finding) -> bool:
    """A finding that tells the reader this page disagrees with the official record."""
    return f.about == "page" and f.kind not in NOT_ALARMS


def reconcile(page: PageRecord, official: OfficialRecord, today: date, history: list[dict] | None = None,
              copy_as_of: str | None = None) -> list[Finding]:
    """Every finding for this page, most severe first, then by field.

    `history` is a list of older versions of the record as plain dicts
    ({"status", "last_update_posted", "fetched_at", …}), e.g. the store's Lookup.history.
    `copy_as_of`: when `official` is a stored copy that could not be refreshed (Lookup.stale), when it
    was fetched: a status the trial could have reached since is then not called wrong.
    """
    other = check_identity(page, official, copy_as_of)
    if other:   # every other comparison would be with another trial's record: said alone
        return other
    ahead = check_page_date(page, today)
    if ahead:   # a date still to come says nothing of when the page was right: not compared
        page = replace(page, as_of=None, as_of_text=None)
    findings = (
        ahead
        + check_status(page, official)
        + check_status_history(page, official, history)
        + check_freshness(page, official)
        + fold_summary(drop_copied_ages(check_facts(page, official) + check_added_limits(page, official), official),
                       check_criteria(page, official), check_plain(page, official))
        + check_registry(official, today, copy_as_of)
    )
    # (named after sorting: the first finding a reader meets names the saved copy in full)
    return said_by_copy(sorted(unconfirmed_by_copy(findings, page, official, copy_as_of), key=_order), copy_as_of)


def _order(f: Finding) -> tuple:
    """Severity, then field (the status first: "this page says Recruiting, ClinicalTrials.gov says not yet" matters
    more to a reader than a stale "Last updated" beside it), then kind; items of one list in the official order."""
    index = f.evidence.get("official_index")
    return (SEVERITY_ORDER[f.severity], f.field != "status", f.field, f.kind, index if isinstance(index, int) else -1,
            f.message)
