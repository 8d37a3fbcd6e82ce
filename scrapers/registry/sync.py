"""`triallens sync`: pull the records changed since a date into the store, resumably.

Each page is written in one transaction together with the cursor (the token of the next
page), so an interrupted sync (network gone, Ctrl-C, crash) resumes from the first page
not yet stored when the same command runs again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from ..errors import BadInput, BadRequest, MalformedResponse, RegistryError
from .client import MAX_PAGE_SIZE, CtgovClient, last_update_filter
from .store import Store, WriteSummary, utc_now

LAST_SYNC_KEY = "sync:last_completed"


@dataclass
class SyncReport:
    since: str
    query: str | None
    pages: int = 0
    fetched: int = 0
    total_count: int | None = None
    resumed: bool = False
    complete: bool = False
    summary: WriteSummary = field(default_factory=WriteSummary)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"since": self.since, "query": self.query, "pages": self.pages, "fetched": self.fetched,
                "total_count": self.total_count, "resumed": self.resumed, "complete": self.complete,
                **self.summary.to_dict(), "rejected": len(self.rejected),
                "rejected_records": [{"where": w, "reason": r} for w, r in self.rejected[:200]], "notes": self.notes}


def _check_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise BadInput(f"--since must be a date like 2026-01-31, got {value!r}") from None


def cursor_key(since: str, query: str | None, filter_advanced: str | None) -> str:
    sig = json.dumps([since, query, filter_advanced])
    return "sync:cursor:" + hashlib.sha1(sig.encode()).hexdigest()[:16]


def sync(store: Store, client: CtgovClient, since: str | None = None, *, query: str | None = None,
         filter_advanced: str | None = None, page_size: int = MAX_PAGE_SIZE, max_pages: int | None = None,
         restart: bool = False, on_page: Callable[[SyncReport], None] | None = None) -> SyncReport:
    """Store every study whose last update was posted on or after `since` (default: the
    start date of the last completed sync), optionally narrowed by a query.term."""
    if since is None:
        last = store.get_meta(LAST_SYNC_KEY)
        if not last:
            raise BadInput("give --since DATE: there is no earlier completed sync to continue from")
        since = json.loads(last)["started_at"][:10]
    since = _check_date(since)
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise BadInput(f"--page-size must be between 1 and {MAX_PAGE_SIZE}")
    flt = last_update_filter(since)
    if filter_advanced:
        flt = f"{flt} AND ({filter_advanced})"
    key = cursor_key(since, query, filter_advanced)
    report = SyncReport(since, query)
    saved = None if restart else store.get_meta(key)
    cursor = json.loads(saved) if saved else {"page_token": None, "pages": 0, "started_at": utc_now()}
    report.resumed = bool(saved)
    search = {"query": {"term": query} if query else None, "filter_advanced": flt, "page_size": page_size}

    token = cursor["page_token"]
    seen: set[str] = set()   # the tokens this run has asked with: one given again would page forever (review r58 F8)
    while True:
        if max_pages is not None and report.pages >= max_pages:
            return report  # cursor already saved: the next run resumes here
        try:
            page = client.search(page_token=token, count_total=token is None, **search)
        except BadRequest:
            if not token or not report.resumed or report.pages:
                raise
            report.notes.append("the saved page token was refused (expired?); started again from the first page")
            token, cursor = None, {"page_token": None, "pages": 0, "started_at": cursor["started_at"]}
            continue
        except RegistryError as exc:
            raise type(exc)(f"{exc}. Sync stopped after {report.pages} page(s) this run; the pages stored are kept "
                            "and running the same command again resumes from there") from None
        if token:
            seen.add(token)
        if page.next_page_token in seen:
            raise MalformedResponse(
                f"ClinicalTrials.gov gave a page token it had given before in this sync, so its pages would never "
                f"end. Sync stopped after {report.pages} page(s) this run; the pages stored are kept")
        if page.total_count is not None:
            report.total_count = page.total_count
        report.pages += 1
        report.fetched += len(page.records)
        report.rejected.extend(page.rejected)
        cursor = {**cursor, "page_token": page.next_page_token, "pages": cursor["pages"] + 1}
        meta: dict[str, str | None] = {key: json.dumps(cursor) if page.next_page_token else None}
        if not page.next_page_token:
            meta[LAST_SYNC_KEY] = json.dumps({"since": since, "query": query, "started_at": cursor["started_at"],
                                              "completed_at": utc_now()})
        report.summary.merge(store.put_many(page.records, origin="sync", fetched_at=utc_now(), meta=meta))
        if on_page:
            on_page(report)
        if not page.next_page_token:
            report.complete = True
            return report
        token = page.next_page_token
