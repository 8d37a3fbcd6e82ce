"""The trial's own page on ClinicalTrials.gov: told from other pages (is_official_site), not compared when it is the
live page (on_official_page: the record's own warnings kept), and, saved and compared by `triallens check`, its
differences said for what they are (saved_official_page)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapers.dates import human_date
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.status import copy_day

from .drift import ALARM_SEVERITIES, overdue_said, verdict_result
from .status_shown import OFFICIAL_HOST
from .verdict_words import COPY_OVERDUE_HEADLINES, NOTES, OVERDUE_HEADLINES, whose_record

_SAVED_FROM = re.compile(r"(?i)<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)")
_TITLE_TAG = re.compile(r"(?is)<title[^>]*>(.*?)</title>")


def is_official_site(url: str | None, html: str | bytes = "") -> bool:
    """True for a page saved from ClinicalTrials.gov itself (format.js isOfficialSite): by the address given, else
    by the browser's "saved from url" mark or a title ending "ClinicalTrials.gov", as its pages' titles do. `html`
    may be a file's bytes (the CLI's), read for these ASCII marks only."""
    if url:
        return bool(OFFICIAL_HOST.match(urlsplit(url).hostname or ""))
    head = html[:20000]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    saved = _SAVED_FROM.search(head)
    if saved:
        return bool(OFFICIAL_HOST.match(urlsplit(saved.group(1)).hostname or ""))
    title = _TITLE_TAG.search(head)
    return bool(title and re.search(r"(?i)\bClinicalTrials\.gov\s*$", title.group(1)))


def on_official_page(drift: dict, copy_as_of: str | None = None) -> dict:
    """The verdict for the trial's own page on ClinicalTrials.gov (the extension's card there, a pasted study page):
    no page comparison (`could_not_check`, reason "official_page": "This page differs from ClinicalTrials.gov" on
    ClinicalTrials.gov would only say that TrialLens's copy or reading differs), but the findings about the record
    itself (about "registry": overdue, unverified) and their note, which the same trial's card shows on every other
    site (review r26 #2: "This is the official record" alone where "it may have opened: ask the study team" helps
    most). Overdue, the headline says what that means, as for a page with nothing to compare (caveat record_overdue).
    `copy_as_of`: the record is a saved copy that could not be refreshed, from then."""
    registry = [f for f in drift.get("findings", []) if f.get("about") == "registry"]
    out = verdict_result("cannot_compare", "could_not_check", registry, "official_page")
    alarms = [f for f in registry if f["severity"] in ALARM_SEVERITIES]
    if alarms:
        first = alarms[0]
        heads = COPY_OVERDUE_HEADLINES if copy_as_of else OVERDUE_HEADLINES
        if first["kind"] == "registry_overdue" and first["field"] in heads:
            out["headline"] = heads[first["field"]]
        whose = whose_record((human_date(copy_day(copy_as_of) or "") or "an unknown date") if copy_as_of else None)
        out["caveat"] = "record_overdue"
        out["note"] = NOTES["official_page_overdue"].format(whose=whose, overdue_said=overdue_said(first))
    return out


def saved_official_page(drift: dict, page: PageRecord, official: OfficialRecord) -> dict:
    """`triallens check` of a saved copy of the trial's own ClinicalTrials.gov page: compared with the record, as
    documented (the copy may be older), but a difference found is no site's mistake, so the note says first what it
    means, by the two last-update dates: the file was saved before the record last changed (the differences are
    changes since), the record TrialLens used is older than the file (changes its copy lacks), or neither shows
    (TrialLens may have read the page differently). Unchanged when no alarm is about the page."""
    if not any(f.get("about") == "page" and f["severity"] in ALARM_SEVERITIES for f in drift.get("findings", [])):
        return drift
    said, posted = page.as_of, official.last_update_posted
    n = min(len(said or ""), len(posted or ""))
    when = "unknown" if not n or said[:n] == posted[:n] else "older" if said[:n] < posted[:n] else "newer"
    words = NOTES[f"official_page_saved_{when}"].format(page=human_date(said or "") or said,
                                                        record=human_date(posted or "") or posted)
    return {**drift, "note": f"{words} {drift.get('note', '')}".strip()}
