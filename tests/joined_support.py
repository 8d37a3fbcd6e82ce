"""Card pages (meddatax.com) of a real record's own lists, with an item of one list run onto an item of the other, as
bench/list_copy.py builds them: the shared set-up of the joined-copy tests (recon12, recon13)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import SHARED, corpus_record
from scrapers.criteria import flatten, parse_criteria
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 12, 7)


def record_lists(nct: str) -> tuple[OfficialRecord, dict[str, list[str]]]:
    """The record and its own lists, as the record's parser reads them."""
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    official = OfficialRecord(corpus_record(SHARED, nct))
    crit = parse_criteria(official.eligibility_criteria)
    return official, {sec: [it.text for it in flatten(getattr(crit, sec))] for sec in ("inclusion", "exclusion")}


def page_alarms(official: OfficialRecord, lists: dict[str, list[str]]) -> list:
    """The warnings and criticals on a card page showing `lists`."""
    page = PageRecord(site="meddatax.com", url=f"https://meddatax.com/clinical-trials/{official.nct_id}",
                      nct_id=official.nct_id, inclusion=lists["inclusion"], exclusion=lists["exclusion"],
                      criteria_headings=["exclusion", "inclusion"])
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity != "info"]


def joined(lists: dict[str, list[str]], into: str, head: str, copied: str, head_as: str | None = None) -> dict:
    """The lists with `copied` run onto the end of `into`'s item starting `head`, that item's words shown as
    `head_as` if given."""
    out = {sec: list(items) for sec, items in lists.items()}
    at = next(i for i, t in enumerate(out[into]) if t.startswith(head))
    out[into][at] = f"{head_as or out[into][at].rstrip()} {copied}"
    return out
