"""Fallback for hosts without a scraper of their own: only what the page plainly says.

It prefers saying nothing over a wrong value: the NCT id (URL first, then the page), a
status next to a status label, a labelled freshness date, and JSON-LD when present.
"""

from __future__ import annotations

from ..model import PageRecord
from ..vocab import normalize_status
from .base import Page
from .common import find_as_of, status_in

HOSTS: tuple[str, ...] = ()
STATUS_LABELS = ("Status", "Recruitment Status", "Overall Status", "Study Status", "Trial Status", "Recruiting Status")


def scrape(page: Page) -> PageRecord:
    rec = PageRecord(site=page.host or "unknown", url=page.url)
    for label in STATUS_LABELS:
        value = page.labelled(label)
        if value:
            st, text = status_in(value)
            if st:
                rec.status, rec.status_text = st, text
                break
            if len(value) < 40 and rec.status_text is None and normalize_status(value) is None:
                # a short value under a status label we do not know: keep the text, no guess
                rec.status_text = value
    rec.as_of, rec.as_of_text = find_as_of(page)
    for item in page.json_ld():
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(t in ("MedicalTrial", "MedicalStudy") for t in types):
            rec.title = rec.title or item.get("name")
            st = item.get("status") or item.get("studyStatus")
            if isinstance(st, str) and rec.status is None:
                rec.status = normalize_status(st.rsplit("/", 1)[-1])
                rec.status_text = st if rec.status else rec.status_text
    if rec.title is None and page.headings("h1"):
        rec.title = page.headings("h1")[0]
    return rec
