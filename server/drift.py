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

from dataclasses import replace

from scrapers.dates import human_date
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.finding import RULE, RULES
from scrapers.reconcile.status import copy_day
from scrapers.vocab import OPEN_STATUSES

HEADLINES = {
    "in_sync": "In sync with ClinicalTrials.gov",
    "out_of_date": "This page may be out of date",
    "differs": "This page differs from ClinicalTrials.gov",
    "not_recruiting": "ClinicalTrials.gov says this trial is not recruiting",
    "could_not_check": "Could not check this page",
}
# against a saved copy that could not be refreshed the headline names the copy: it is not what ClinicalTrials.gov
# says today (message review round 2: "This page differs from ClinicalTrials.gov" over findings that each quote the
# copy)
COPY_HEADLINES = {   # (short enough for the folded card: the status line and the note give the copy's full name)
    "differs": "This page differs from TrialLens's saved copy",
    "not_recruiting": "Not recruiting, says TrialLens's saved copy",
}
# the same against a saved copy: what it means, then the free, instant step (today's record), not the study team a
# copy's age alone sent people to (review round 5)
COPY_OVERDUE_HEADLINES = {
    "completion_date": "This trial may have ended: check ClinicalTrials.gov",
    "status": "This trial may have opened: check ClinicalTrials.gov",   # (not "Start date passed": read as too late)
}
# a page wrong about who may join in a critical way says which, whatever else is wrong (review rounds 5 and 6: "This
# page differs" or "may be out of date" over "aged 1 to 28" for newborns of 1 to 28 days); against a copy, its word
CRITICAL_HEADLINES = {
    "ages": ("The ages on this page differ from ClinicalTrials.gov", "The ages on this page differ from TrialLens's saved copy"),
    # an age with no unit where the record's is days, weeks or months: which ages are right, said (review round 6:
    # a parent reading "children aged 1 to 28" beside "the ages differ" may side with the page)
    # (against a copy too: the unit of a trial's ages does not change between copies; "differ" read as a quibble, the
    # wording round 6 replaced; review round 7)
    "unit": ("The ages on this page are not in years", "The ages on this page may not be in years"),
    # (against a copy, the rule may have been amended since it was saved: the copy's word, not the page's fault)
    "rule": ("This page changes a rule for who can join", "A rule for who can join differs from TrialLens's saved copy"),
}


def about_other_trial(drift: dict | None) -> bool:
    """Is this verdict's page about another trial than its number's (reconcile.identity)? Then that number's status,
    criteria and related trials are not its trial's: the annotation and the page leave them out."""
    return any(f.get("kind") == "other_trial" for f in (drift or {}).get("findings", []))


def _due(finding: dict) -> dict:
    """{"what": "start" | "finish", "when": "1 Dec 2025"} of a registry_overdue finding, for the notes that point to it."""
    start = finding["field"] == "status"
    when = (finding.get("evidence") or {}).get("start_date", "") if start else finding.get("official_value")
    return {"what": "start" if start else "finish", "when": human_date(str(when or ""))}


def _critical_headline(alarms: list[dict], copy: bool) -> str | None:
    """The headline for the most severe alarm when it is a critical one about ages or a changed criterion."""
    first = next((f for f in alarms if f["severity"] == "critical"), None)
    if first is None:
        return None
    evidence = first.get("evidence") or {}
    if first["kind"] == "plain_age" and evidence.get("unit_missing"):
        return CRITICAL_HEADLINES["unit"][copy]
    if first["kind"] == "plain_age" or (first["kind"] == "fact_mismatch" and first["field"] in ("min_age", "max_age")):
        return CRITICAL_HEADLINES["ages"][copy]
    if first["kind"] == "criterion_changed":
        return CRITICAL_HEADLINES["rule"][copy]
    return None


# a page's open status against a saved copy that said "not yet recruiting" before a planned start that has passed
# since: the page was wrong when it was written, but the trial may have opened since (UI review round 3)
STATUS_UNSETTLED = "Check this trial's status on ClinicalTrials.gov"   # (today's record first; review round 5)
# the page's title, sponsor and conditions are all another trial's (reconcile.identity): its number may be wrong
OTHER_TRIAL = "This page may be about a different trial"
# a could-not-check verdict whose reason says more than "could not check" (most of the page was compared)
REASON_HEADLINES = {
    "record_not_current": "This page may be newer than TrialLens's saved copy",
    "unrecognized_wording": "Could not check this page's status",
}
# an in-sync verdict with a caveat (`caveat`) is not headed as if ClinicalTrials.gov had confirmed it today: a page
# matching a stored copy that could not be refreshed, or a record that itself looks overdue (a green tick over "the
# record itself may be out of date" read as "this page is accurate, go ahead")
CAVEATS = {
    "stored_copy": "Matches TrialLens's saved copy",
    "record_overdue": "In sync, but the official record may be out of date",
    # a page showing neither a status nor criteria (only an enrollment figure, a date), or few of the record's
    # criteria: little was compared
    "little_compared": "What TrialLens could check matches ClinicalTrials.gov",
    # a whole list of the record's the page shows none of (criteria_list_not_shown): what TrialLens compared matches,
    # but "Matches" over a page hiding every reason someone cannot join read as reassurance (review round 5)
    # (what TrialLens read: a page may show a list under a heading or on a tab it did not read)
    "list_not_shown": "TrialLens found no list of who can join on this page",
}
# the list_not_shown headline by the list the page leaves out
LIST_NOT_SHOWN = {"exclusion": "TrialLens found no list of who cannot join on this page",
                  "inclusion": "TrialLens found no requirements for joining on this page"}
# the same caveats against a saved copy that could not be refreshed: not "matches ClinicalTrials.gov" (review round 4)
COPY_CAVEATS = {
    "record_overdue": "Matches TrialLens's saved copy, but its record looks overdue",
    "little_compared": "Little to check: no conflict with TrialLens's saved copy",
}
_CAVEAT_OF_NOTE = {"copy_in_sync": "stored_copy", "copy_overdue": "record_overdue", "record_overdue": "record_overdue",
                   "record_overdue_partly": "record_overdue",
                   "little_compared": "little_compared", "copy_little_compared": "little_compared",
                   "few_criteria": "little_compared", "copy_few_criteria": "little_compared"}
# an overdue record's headline says what it means for the reader, by the field of its overdue finding (UI review: the
# headline said "Matches …" over a warning that the trial probably ended 19 months ago)
OVERDUE_HEADLINES = {
    "completion_date": "This trial may have ended: check with the study team",
    # (not "Start date passed": read as too late to join, the wording the copy's headline and the badge dropped;
    # review round 7)
    "status": "This trial may have opened: ask the study team",
}
# why a saved copy was used, when the service is set to work offline (TRIALLENS_OFFLINE): it never asked, and
# "could not check just now" promised that asking again would help
UNASKED_OFFLINE = "This TrialLens service works offline and did not ask ClinicalTrials.gov"
UNASKED_UNREACHABLE = "TrialLens could not check with ClinicalTrials.gov just now"
# the line under the headline (`note`), by reason ("record_overdue": in sync, but the record looks overdue);
# {copy} is the saved copy's date, {shown} what the page showed, {counts} criteria found of the record's, per list;
# {unasked} why the page was compared with a saved copy, {it} who then compared it (see _summarize)
NOTES = {
    "record_overdue": "What this page says matches ClinicalTrials.gov, but the ClinicalTrials.gov record itself may be "
                      "out of date.",
    # (a page showing only part of the criteria: not "What this page says matches"; review round 9)
    "record_overdue_partly": "What TrialLens could compare on this page matches ClinicalTrials.gov, but the "
                             "ClinicalTrials.gov record itself may be out of date.",
    # against a stored copy that could not be refreshed (offline, or ClinicalTrials.gov unreachable); one name for
    # that copy everywhere (reconcile.status.SAVED_COPY)
    "copy_in_sync": "{unasked}, so {it} compared this page with its saved copy of the ClinicalTrials.gov record from {copy}. Anything changed since that "
                    "copy was saved was not checked.",
    "copy_overdue": "{unasked}, so {it} compared this page with its saved copy of the ClinicalTrials.gov record from {copy}. In that copy, {overdue_said}: see "
                    "below.",
    # (not the page's words again: the first finding quotes them; review round 5)
    "may_have_opened": "TrialLens's saved copy of the ClinicalTrials.gov record (from {copy}) said the trial had not "
                       "opened yet, but its planned start has passed since, so this page may be right: check "
                       "ClinicalTrials.gov today, or ask the study team.",
    "may_have_opened_live": "ClinicalTrials.gov says the trial has not opened yet, but its planned start has passed, so "
                            "this page may be right: ask the study team whether it has opened.",
    "record_gone": "ClinicalTrials.gov no longer shows this trial (ask the study team whether it is still running)",
    "copy_says_overdue": "That copy also says the trial was due to {what} by {when}, which has passed: see below.",
    "copy_drifted": "{unasked}, so {it} compared this page with its saved copy of the ClinicalTrials.gov record from {copy}.",
    # (review round 5: "works offline" alone was jargon, and nothing said the page is entirely unchecked)
    "not_asked": "TrialLens has no copy of this trial's official record and works offline here, so nothing on this "
                 "page was checked. Compare the page with the official record on ClinicalTrials.gov.",
    "official_unavailable": "TrialLens could not get this trial's record from ClinicalTrials.gov and has no saved "
                            "copy, so it compared nothing on this page.",
    "record_not_current": "{unasked}. Where this page differs from its "
                          "saved copy of the record (from {copy}), the trial may have changed since, so this page may "
                          "be right.",
    # (not "raises no alarm": that read as "the status is fine")
    "unrecognized_wording": "TrialLens does not recognise how this page describes the trial's status, so it could not "
                            "tell whether the status is right; check it on ClinicalTrials.gov.",
    # (what TrialLens could read: a page may show criteria with no heading it recognises, NCT06427642 on medifind)
    "nothing_to_compare": "TrialLens found no status, dates, phase, number of participants, ages or eligibility "
                          "criteria it could read on this page, so it compared nothing with ClinicalTrials.gov.",
    "only_date": "The only thing TrialLens could read on this page is when it was last updated: no status, start or "
                 "end dates, or eligibility criteria, so it compared nothing.",
    # a page read whole in which TrialLens found no criteria at all (annotate.without_criteria_said); what TrialLens
    # read, not what the page shows: medifind shows its criteria under no heading TrialLens knows
    "no_criteria": "TrialLens found no eligibility criteria it could read on this page, so it did not check who can "
                   "join: read them on ClinicalTrials.gov before you decide.",
    # (what to do, with the count: the finding below says what TrialLens found, and the note had said it again word
    # for word; review round 7)
    "list_not_shown": "Read the {lists} on ClinicalTrials.gov before you decide.",
    # (review round 5: "the trial's own record needs checking" did not say what it says)
    "nothing_but_overdue": "TrialLens found nothing on this page it could compare, but {whose} says the trial's "
                           "planned {end} has passed: see below.",
    "little_compared": "TrialLens found no status and no eligibility criteria it could read on this page, so it "
                       "compared only {shown}.",
    "copy_little_compared": "TrialLens found no status and no eligibility criteria it could read on this page. It "
                            "compared only {shown}, with its saved copy of the ClinicalTrials.gov record from {copy}.",
    # (message review round 2: a green "In sync" over a check that found 2 of 18 criteria)
    "few_criteria": "TrialLens found only {counts} on this page; check the rest on ClinicalTrials.gov.",
    "copy_few_criteria": "{unasked}. It found only {counts} on this page and compared what it found with its saved "
                         "copy of the record from {copy}; check the rest on ClinicalTrials.gov.",
}
# what a page shows besides a status and criteria, as the little-compared note names it (UI review: "Compared:
# enrollment (9)" says more than "dates, phase, number of participants or ages")
_SHOWN_WORDS = (("as_of", "its last-updated date"), ("phases", "its phase"), ("enrollment", "its number of participants"),
                ("start_date", "its start date"), ("completion_date", "its end date"), ("min_age", "its ages"),
                ("max_age", "its ages"), ("sex", "who it is open to by sex"), ("sponsor", "its sponsor"),
                ("study_type", "its kind of study"))


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
              "max_age", "sex", "sponsor", "study_type", "inclusion", "exclusion")


def _d(finding) -> dict:
    return finding if isinstance(finding, dict) else finding.to_dict()


def _invites_to_closed(page: PageRecord, official: OfficialRecord, alarms: list[dict]) -> bool:
    """The page presents the trial as open, in its status or in its summary ("is currently recruiting"), and the
    record says it is closed (not Unknown status: that is not closed)."""
    if official.status is None or official.status in OPEN_STATUSES or official.status == "UNKNOWN":
        return False
    return any((f["field"] == "status" and page.status in OPEN_STATUSES)
               or (f["kind"] == "plain_status" and (f.get("evidence") or {}).get("claim") == "open") for f in alarms)


def _may_have_opened(page: PageRecord, official: OfficialRecord, alarms: list[dict], items: list[dict]) -> bool:
    """The page says recruiting, the record (or saved copy) "not yet recruiting" with a planned start that has passed."""
    return (page.status in OPEN_STATUSES and official.status == "NOT_YET_RECRUITING"
            and any(f["kind"] == "status_drift" for f in alarms)
            and any(f["kind"] == "registry_overdue" and f["field"] == "status" for f in items))


def summarize(page: PageRecord, official: OfficialRecord | None, findings: list, copy_as_of: str | None = None,
              gone: bool = False, offline: bool = False) -> dict:
    """See _summarize; `gone`: ClinicalTrials.gov answered that it no longer has this study, so the saved copy is all
    there is, and "could not check just now" would promise that asking again helps (review round 4). `offline`: the
    service is set to work offline and never asked (the service pages' review: "could not check … just now" read as
    a passing failure)."""
    out = _summarize(page, official, findings, copy_as_of, gone and bool(copy_as_of), offline)
    if gone and copy_as_of and NOTES["record_gone"] not in out.get("note", ""):   # (a note that does not say why)
        out["note"] = (NOTES["record_gone"] + ". " + out.get("note", "")).strip()
    if out.get("note"):
        # whether the note says why a saved copy was used, so the card's footer does not say it again (the card had
        # matched the note's words for it, which a reworded note would silently break; here they are the same constants)
        why = NOTES["record_gone"] if gone else UNASKED_OFFLINE if offline else UNASKED_UNREACHABLE
        out["note_says_why"] = bool(copy_as_of) and why in out["note"]
    return out


def _summarize(page: PageRecord, official: OfficialRecord | None, findings: list, copy_as_of: str | None = None,
               gone: bool = False, offline: bool = False) -> dict:
    """{"state", "verdict", "headline", "findings"} for a page checked against `official`,
    with "reason" when it could not be checked and "note" when there is more to say (see NOTES).
    `copy_as_of`: `official` is a stored copy that could not be refreshed (as for reconcile): what
    the page was compared with is then that copy, and the headline or the note says so."""
    items = [_d(f) for f in findings]
    if official is None:
        # (offline, nothing was asked: "not_asked", and asking again cannot help, so the card offers no "Try again")
        return _result("official_unavailable", "could_not_check", items, "not_asked" if offline else "official_unavailable")
    if any(f["kind"] == "page_date_ahead" for f in items):   # (reconcile did not use a date still to come)
        page = replace(page, as_of=None, as_of_text=None)
    fill = {"copy": human_date(copy_day(copy_as_of) or "") or "an unknown date", "shown": _shown_words(page),
            **({"unasked": NOTES["record_gone"], "it": "TrialLens"} if gone else
               {"unasked": UNASKED_OFFLINE, "it": "it"} if offline else
               {"unasked": UNASKED_UNREACHABLE, "it": "it"})}
    on_page = [f for f in items if f.get("about", "page") == "page"]
    alarms = [f for f in on_page if f["severity"] in ALARM_SEVERITIES and f["kind"] != "cannot_compare"]
    if any(f["kind"] == "other_trial" for f in alarms):   # (reconcile then compared nothing else: said alone)
        out = _result("drifted", "differs", items)
        out["headline"] = OTHER_TRIAL
        return out
    if alarms:
        if _invites_to_closed(page, official, alarms):
            verdict = "not_recruiting"
        else:
            timely = any(f["kind"] in TIME_KINDS or f["field"] in TIME_FIELDS for f in alarms)
            verdict = "out_of_date" if timely else "differs"
        out = _result("drifted", verdict, items, note="copy_drifted" if copy_as_of else None, fill=fill)
        if copy_as_of and verdict in COPY_HEADLINES:
            out["headline"] = COPY_HEADLINES[verdict]
        due = next((f for f in items if f["kind"] == "registry_overdue"), None)
        if copy_as_of and due and "note" in out:   # (the fact that most changes what to do, pointed to from the top)
            out["note"] += " " + NOTES["copy_says_overdue"].format(**_due(due))
        if _may_have_opened(page, official, alarms, items):
            # (live too: ClinicalTrials.gov's own "not yet recruiting" is overdue, so the page may be right; "This page
            # may be out of date" could make a reader skip a trial that has opened; review round 7)
            out["headline"] = STATUS_UNSETTLED if copy_as_of else OVERDUE_HEADLINES["status"]
            out["note"] = NOTES["may_have_opened" if copy_as_of else "may_have_opened_live"].format(**fill)
        # a critical finding about ages or a rule leads whatever else is wrong (review round 6: "This page may be out
        # of date" over "aged 1 to 28" for newborns); a closed trial's headline keeps the lead
        critical = _critical_headline(alarms, bool(copy_as_of)) if verdict != "not_recruiting" else None
        if critical:
            out["headline"] = critical
        return out
    if any(f["kind"] == "unconfirmed" for f in on_page):
        return _result("cannot_compare", "could_not_check", items, "record_not_current", fill=fill)
    if any(f["kind"] == "cannot_compare" for f in on_page):
        return _result("cannot_compare", "could_not_check", items, "unrecognized_wording", fill=fill)
    overdue = [f for f in items if f.get("about", "page") == "registry" and f["severity"] in ALARM_SEVERITIES]
    heads = COPY_OVERDUE_HEADLINES if copy_as_of else OVERDUE_HEADLINES
    said = next((heads[f["field"]] for f in overdue
                 if f["kind"] == "registry_overdue" and f["field"] in heads), None)
    shown = [name for name in COMPARABLE if getattr(page, name, None)]
    if not shown or shown == ["as_of"]:   # (a last-updated date alone says nothing of the trial: UI review round 3)
        out = _result("cannot_compare", "could_not_check", items, "nothing_to_compare", fill=fill)
        if shown:
            out["note"] = NOTES["only_date"]
        if said:   # (the trial's own record needs checking: said first, not under a grey "Could not check")
            due = next(f for f in overdue if f["kind"] == "registry_overdue")
            whose = f"TrialLens's saved copy of its record (from {fill['copy']})" if copy_as_of else "its record"
            out["headline"], out["note"], out["caveat"] = (
                said, NOTES["nothing_but_overdue"].format(whose=whose, end="start" if due["field"] == "status" else "end"),
                "record_overdue")
        return out
    # the page is right to copy the record, but the record looks overdue (said first: it is about the trial itself);
    # or the page shows neither a status nor criteria ("In sync" read as "status and eligibility confirmed" on an
    # enrollment alone), or few of the record's criteria; or what it matches is a stored copy
    few = [f for f in on_page if f["kind"] == "criteria_incomplete"]
    gaps = [f for f in on_page if f["kind"] == "criteria_list_not_shown"]
    if overdue:
        note = "copy_overdue" if copy_as_of else "record_overdue_partly" if few or gaps else "record_overdue"
        # (not "that copy itself looks out of date": it read as "TrialLens's data is stale, ignore it"; review round 4)
        first = overdue[0]
        fill["overdue_said"] = ("the trial's planned start has passed" if first["kind"] == "registry_overdue"
                                and first["field"] == "status" else
                                "the trial's planned end has passed" if first["kind"] == "registry_overdue" else
                                "the sponsor had not confirmed the trial's status for over 2 years")
    elif not page.status_text and not page.inclusion and not page.exclusion:
        note = "copy_little_compared" if copy_as_of else "little_compared"
    elif few:
        note = "copy_few_criteria" if copy_as_of else "few_criteria"
        # per list, as the findings count ("3 of the 5 reasons someone cannot join"): numbers that add up
        fill["counts"] = " and ".join(_found_of(f) for f in few)
    else:
        note = "copy_in_sync" if copy_as_of else None
    out = _result("in_sync", "in_sync", items, note=note, fill=fill)
    if copy_as_of and out.get("caveat") in COPY_CAVEATS:
        out["headline"] = COPY_CAVEATS[out["caveat"]]
    if overdue and few:   # (the counts too, said under the overdue record's headline)
        out["note"] += " " + NOTES["few_criteria"].format(counts=" and ".join(_found_of(f) for f in few))
    missing = [(f.get("evidence") or {}).get("section") for f in gaps]
    if missing and not overdue:   # (an overdue record is about the trial itself: it keeps the headline)
        out["caveat"] = "list_not_shown"
        out["headline"] = LIST_NOT_SHOWN.get(missing[0]) if len(missing) == 1 else CAVEATS["list_not_shown"]
        out["headline"] = out["headline"] or CAVEATS["list_not_shown"]
    if missing:
        # the note says what to do about it: under that headline it spoke only of the other list (review round 6);
        # under an overdue record's headline too, since the finding states only the fact (review round 8)
        said_gap = NOTES["list_not_shown"].format(lists=" and the ".join(
            f"one {RULE.get(s, 'a criterion')[2:]}" if f.get("official_value") == 1 else
            f"{f.get('official_value')} {RULES.get(s, 'criteria')}" for f, s in zip(gaps, missing)))
        out["note"] = f"{out['note']} {said_gap}" if out.get("note") else said_gap
    if said:
        out["headline"] = said
    return out


def _found_of(finding: dict) -> str:
    """"3 of the 5 reasons someone cannot join", as a criteria_incomplete finding counts them (the record's top-level
    items); a list found to its last item, which the page's list stops inside, says so ("19 of the 19 …" alone read
    as all of them)."""
    ev = finding.get("evidence") or {}
    found, total = ev.get("found", "some"), finding.get("official_value")
    if total == 1 and found == 1:   # (not "1 of the 1 requirement for joining (only in part)")
        return f"part of the one {ev.get('list', 'eligibility criterion')}"
    part = " (the last only in part)" if found == total else ""
    return f"{found} of the {total} {ev.get('list', 'eligibility criteria')}{part}"


def _result(state: str, verdict: str, findings: list[dict], reason: str | None = None, note: str | None = None,
            fill: dict | None = None) -> dict:
    """The verdict's dict; `reason` (why it could not be checked) is also the note, unless one is given. `fill`: the
    values the note's placeholders take."""
    out = {"state": state, "verdict": verdict, "headline": REASON_HEADLINES.get(reason, HEADLINES[verdict]),
           "findings": findings}
    caveat = _CAVEAT_OF_NOTE.get(note) if verdict == "in_sync" else None
    if caveat:
        out["caveat"] = caveat   # (added field: the card's colour and icon follow it)
        out["headline"] = CAVEATS[caveat]
    if reason:
        out["reason"] = reason   # why the page could not be checked (added field)
    if note or reason:
        out["note"] = NOTES[note or reason].format(**(fill or {}))   # (added field)
    return out
