"""The trial's own page on ClinicalTrials.gov: told from other pages (is_official_site), not compared when it is the
live page (on_official_page: the record's own warnings kept), and, saved and compared by `triallens check`, its
differences said for what they are (saved_official_page)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapers.dates import human_date
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.saved_copy import copy_day

from .claimed import copy_dates
from .drift import ALARM_SEVERITIES, overdue_said, verdict_result
from .status_shown import OFFICIAL_HOST
from .verdict_words import COPY_OVERDUE_HEADLINES, NOTES, OVERDUE_HEADLINES, whose_record

_SAVED_FROM = re.compile(r"(?i)<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)")
_TITLE_TAG = re.compile(r"(?is)<title[^>]*>(.*?)</title>")

# whether a saved copy of the trial's ClinicalTrials.gov page is out of date, by saved_official_page's copy_age ({page}:
# the copy's last update, {record}: the record's), said first by `triallens check`
SAVED_COPY = {
    "older": "Your saved copy is out of date: it was last updated {page}, and ClinicalTrials.gov has updated the "
             "record since ({record}).",
    "same": "Your saved copy is up to date with the record TrialLens has: both were last updated {record}.",
    "newer": "Your saved copy was last updated {page}, after the copy of the record TrialLens has ({record}): "
             "TrialLens cannot tell whether it is out of date. Check ClinicalTrials.gov today.",
    "unknown": "TrialLens could not read when your saved copy, or the record, was last updated, so it cannot tell "
               "whether the copy is out of date.",
}


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
    """`triallens check` of a saved copy of the trial's own ClinicalTrials.gov page: a person who saved it wants to
    know whether their copy is out of date, so `saved_copy` says that first, by the two last-update dates (its `said`
    is printed before the verdict): the file was saved before the record last changed (its differences are changes
    since), it matches the record's last update, the record TrialLens used is older than the file (changes its copy
    lacks), or neither date shows; a page_stale saying the same is marked as said there (said_by_saved_copy). The
    comparison is kept, as documented, but when a difference is an alarm the note says first that it is no site's
    mistake. Added keys only: the verdict, headline and findings are as computed."""
    said, posted = page.as_of, official.last_update_posted
    when = copy_age(said, posted)
    dates = copy_dates(said, posted)
    out = {**drift, "saved_copy": {"page_last_update": said, "record_last_update": posted, "copy_is": when,
                                   "said": SAVED_COPY[when].format(**dates)},
           "findings": [said_by_saved_copy(f, when) for f in drift.get("findings", [])]}
    if not any(f.get("about") == "page" and f["severity"] in ALARM_SEVERITIES for f in drift.get("findings", [])):
        return out
    words = NOTES[f"official_page_saved_{'unknown' if when == 'same' else when}"].format(**dates)
    return {**out, "note": f"{words} {drift.get('note', '')}".strip()}


def said_by_saved_copy(finding: dict, when: str) -> dict:
    """A copy older than the record: its page_stale ("This page says "Last Update Posted: …", but … was updated on
    …") says what saved_copy's line says first, so it is kept for JSON readers, marked `said_in` "saved_copy", and
    print_check leaves it out (the same fact said twice). Any other finding as it is."""
    if when == "older" and finding.get("kind") == "page_stale":
        return {**finding, "said_in": "saved_copy"}
    return finding


def copy_age(said: str | None, posted: str | None) -> str:
    """"older", "same", "newer" or "unknown": the saved page's last update against the record's, as far as the less
    precise of the two goes (a month against a day is compared as months)."""
    n = min(len(said or ""), len(posted or ""))
    if not n:
        return "unknown"
    return "same" if said[:n] == posted[:n] else "older" if said[:n] < posted[:n] else "newer"
