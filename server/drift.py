"""The drift verdict: findings -> the one line a reader sees first.

Rules:
- not_recruiting: the page presents the trial as open (its status is one under which a
  person can ask to join) and ClinicalTrials.gov says it is not, backed by a page finding;
- out_of_date: any other page-level warning or critical finding about time: the trial's status
  (in a field or in the page's prose), how current the page says it is, or its start and
  completion dates: what a page that copied an older version of the record gets wrong;
- differs: page-level warnings or critical findings, none of them about time (ages, sex, phase,
  enrollment, criteria, a number in the prose): the page disagrees with the record, whatever the
  cause, and "out of date" would guess a cause (an "aged 1 to 28" with no unit is an error,
  not staleness);
- could_not_check: the official record is unavailable, the only page-level findings are
  "cannot compare", the page may be newer than our stored copy of the record (which could not
  be refreshed) where the record could have changed since ("unconfirmed": status, enrollment,
  dates), or the page
  shows nothing that can be compared (no status, date, phase, enrollment, ages or criteria:
  "in sync" would claim a check that did not happen);
- in_sync otherwise. Findings about the official record itself (about == "registry") are
  shown, but alone never make the page out of date: the page may be faithfully copying a
  record that is itself overdue.

The result carries `note`, the line every surface shows under the headline, when there is more to
say: why the page could not be checked, or (in sync, with a warning or critical finding about the
record) that the record itself may be out of date. The CLI, the HTML page, the extension's card and
API callers read the same sentence instead of each deciding it anew.
"""

from __future__ import annotations

from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.status import SAVED_COPY
from scrapers.vocab import OPEN_STATUSES

HEADLINES = {
    "in_sync": "In sync with ClinicalTrials.gov",
    "out_of_date": "This page may be out of date",
    "differs": "This page differs from ClinicalTrials.gov",
    "not_recruiting": "ClinicalTrials.gov says this trial is not recruiting",
    "could_not_check": "Could not check this page",
}
# an in-sync verdict with a caveat (`caveat`) is not headed as if ClinicalTrials.gov had confirmed it today: a page
# matching a stored copy that could not be refreshed, or a record that itself looks overdue (a green tick over "the
# record itself may be out of date" read as "this page is accurate, go ahead")
CAVEATS = {
    "stored_copy": "Matches TrialLens's saved copy of the ClinicalTrials.gov record",
    "record_overdue": "In sync, but the official record may be out of date",
    # a page showing neither a status nor criteria (only an enrollment figure, a date): little was compared
    "little_compared": "What TrialLens could check matches ClinicalTrials.gov",
}
_CAVEAT_OF_NOTE = {"copy_in_sync": "stored_copy", "copy_overdue": "record_overdue", "record_overdue": "record_overdue",
                   "little_compared": "little_compared", "copy_little_compared": "little_compared"}
# an overdue record's headline says what it means for the reader, by the field of its overdue finding (UI review: the
# headline said "Matches …" over a warning that the trial probably ended 19 months ago)
OVERDUE_HEADLINES = {
    "completion_date": "This trial may have ended: check with the study team",
    "status": "This trial's planned start has passed: ask whether it has opened",
}
# the line under the headline (`note`), by reason ("record_overdue": in sync, but the record looks overdue)
NOTES = {
    "record_overdue": "What this page says matches ClinicalTrials.gov, but the ClinicalTrials.gov record itself may be "
                      "out of date.",
    # in sync with a stored copy that could not be refreshed (offline, or ClinicalTrials.gov unreachable); one name
    # for that copy everywhere (reconcile.status.SAVED_COPY)
    "copy_in_sync": f"What this page says matches {SAVED_COPY}, but TrialLens could not check with ClinicalTrials.gov "
                    "just now that the copy is current.",
    "copy_overdue": f"What this page says matches {SAVED_COPY}, but TrialLens could not check with ClinicalTrials.gov "
                    "just now that the copy is current. The record itself may also be out of date.",
    "official_unavailable": "TrialLens could not get this trial's record from ClinicalTrials.gov and has no saved "
                            "copy, so it compared nothing on this page.",
    "record_not_current": f"This page may be newer than {SAVED_COPY}, and TrialLens could not update that copy just "
                          "now, so it did not check what may have changed since (the trial's status, number of "
                          "participants or dates).",
    # (not "raises no alarm": that read as "the status is fine")
    "unrecognized_wording": "TrialLens does not recognise how this page describes the trial's status, so it could not "
                            "tell whether the status is right; check it on ClinicalTrials.gov.",
    # (what TrialLens could read: a page may show criteria with no heading it recognises, NCT06427642 on medifind)
    "nothing_to_compare": "TrialLens found no status, dates, phase, number of participants, ages or eligibility "
                          "criteria it could read on this page, so it compared nothing with ClinicalTrials.gov.",
    # ({shown}: what the page does show, in words; see _shown_words)
    "little_compared": "TrialLens found no status and no eligibility criteria it could read on this page, so it "
                       "compared only {shown}.",
    "copy_little_compared": "TrialLens found no status and no eligibility criteria it could read on this page, so it "
                            f"compared only {{shown}}, with {SAVED_COPY}, which it could not check with "
                            "ClinicalTrials.gov just now.",
}
# what a page shows besides a status and criteria, as the little-compared note names it (UI review: "Compared:
# enrollment (9)" says more than "dates, phase, number of participants or ages")
_SHOWN_WORDS = (("as_of", "its last-updated date"), ("phases", "its phase"), ("enrollment", "its number of participants"),
                ("start_date", "its start date"), ("completion_date", "its end date"), ("min_age", "its ages"),
                ("max_age", "its ages"), ("sex", "who it is open to by sex"))


def _shown_words(page: PageRecord) -> str:
    """"its number of participants and its last-updated date": what this page shows that was compared."""
    said = list(dict.fromkeys(words for name, words in _SHOWN_WORDS if getattr(page, name, None)))
    if not said:
        return "what the page does show"
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
ALARM_SEVERITIES = ("critical", "warning")
# findings about time: with any of these among the alarms the page "may be out of date"
TIME_KINDS = frozenset({"status_drift", "page_stale", "plain_status"})
TIME_FIELDS = frozenset({"status", "as_of", "start_date", "completion_date"})
# PageRecord fields reconcile can compare with the record; a page with none of them is not checked
COMPARABLE = ("status_text", "as_of", "phases", "enrollment", "start_date", "completion_date", "min_age",
              "max_age", "sex", "inclusion", "exclusion")


def _d(finding) -> dict:
    return finding if isinstance(finding, dict) else finding.to_dict()


def summarize(page: PageRecord, official: OfficialRecord | None, findings: list, copy_as_of: str | None = None) -> dict:
    """{"state", "verdict", "headline", "findings"} for a page checked against `official`,
    with "reason" when it could not be checked and "note" when there is more to say (see NOTES).
    `copy_as_of`: `official` is a stored copy that could not be refreshed (as for reconcile): "in
    sync" is then with that copy, and the note says so."""
    items = [_d(f) for f in findings]
    if official is None:
        return _result("official_unavailable", "could_not_check", items, "official_unavailable")
    on_page = [f for f in items if f.get("about", "page") == "page"]
    alarms = [f for f in on_page if f["severity"] in ALARM_SEVERITIES and f["kind"] != "cannot_compare"]
    if alarms:
        closed = (page.status in OPEN_STATUSES and official.status is not None
                  and official.status not in OPEN_STATUSES and official.status != "UNKNOWN"   # (unknown is not closed)
                  and any(f["field"] == "status" for f in alarms))
        if closed:
            return _result("drifted", "not_recruiting", items)
        timely = any(f["kind"] in TIME_KINDS or f["field"] in TIME_FIELDS for f in alarms)
        return _result("drifted", "out_of_date" if timely else "differs", items)
    if any(f["kind"] == "unconfirmed" for f in on_page):
        return _result("cannot_compare", "could_not_check", items, "record_not_current")
    if any(f["kind"] == "cannot_compare" for f in on_page):
        return _result("cannot_compare", "could_not_check", items, "unrecognized_wording")
    if not any(getattr(page, name, None) for name in COMPARABLE):
        return _result("cannot_compare", "could_not_check", items, "nothing_to_compare")
    # the page is right to copy the record, but the record looks overdue (said first: it is about the trial itself);
    # or the page shows neither a status nor criteria ("In sync" read as "status and eligibility confirmed" on an
    # enrollment alone); or what it matches is a stored copy
    overdue = [f for f in items if f.get("about", "page") == "registry" and f["severity"] in ALARM_SEVERITIES]
    if overdue:
        note = "copy_overdue" if copy_as_of else "record_overdue"
    elif not page.status_text and not page.inclusion and not page.exclusion:
        note = "copy_little_compared" if copy_as_of else "little_compared"
    else:
        note = "copy_in_sync" if copy_as_of else None
    out = _result("in_sync", "in_sync", items, note=note)
    if note in ("little_compared", "copy_little_compared"):
        out["note"] = out["note"].format(shown=_shown_words(page))
    said = next((OVERDUE_HEADLINES[f["field"]] for f in overdue
                 if f["kind"] == "registry_overdue" and f["field"] in OVERDUE_HEADLINES), None)
    if said:
        out["headline"] = said
    return out


def _result(state: str, verdict: str, findings: list[dict], reason: str | None = None, note: str | None = None) -> dict:
    """The verdict's dict; `reason` (why it could not be checked) is also the note, unless one is given."""
    out = {"state": state, "verdict": verdict, "headline": HEADLINES[verdict], "findings": findings}
    caveat = _CAVEAT_OF_NOTE.get(note) if verdict == "in_sync" else None
    if caveat:
        out["caveat"] = caveat   # (added field: the card's colour and icon follow it)
        out["headline"] = CAVEATS[caveat]
    if reason:
        out["reason"] = reason   # why the page could not be checked (added field)
    if note or reason:
        out["note"] = NOTES[note or reason]   # (added field)
    return out
