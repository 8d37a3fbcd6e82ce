"""The verdict on the trial's own page on ClinicalTrials.gov: no page comparison, the record's own warnings kept."""

from __future__ import annotations

from scrapers.dates import human_date
from scrapers.reconcile.status import copy_day

from .drift import ALARM_SEVERITIES, overdue_said, verdict_result
from .verdict_words import COPY_OVERDUE_HEADLINES, NOTES, OVERDUE_HEADLINES


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
        whose = (f"TrialLens's saved copy of its record (from {human_date(copy_day(copy_as_of) or '') or 'an unknown date'})"
                 if copy_as_of else "its record")
        out["caveat"] = "record_overdue"
        out["note"] = NOTES["official_page_overdue"].format(whose=whose, overdue_said=overdue_said(first))
    return out
