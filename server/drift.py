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
  shows nothing that can be compared (COMPARABLE: no status, date, phase, enrollment, ages, sex, healthy volunteers,
  sponsor, study type, conditions or criteria:
  "in sync" would claim a check that did not happen);
- in_sync otherwise. Findings about the official record itself (about == "registry") are
  shown, but alone never make the page out of date: the page may be faithfully copying a
  record that is itself overdue.

The result carries `note`, the line every surface shows under the headline, when there is more to
say: why the page could not be checked, or (in sync, with a warning or critical finding about the
record) that the record itself may be out of date. The CLI, the HTML page, the extension's card and
API callers read the same sentence instead of each deciding it anew. The words themselves (headlines, caveats, notes)
are in server/verdict_words.py; this module decides which are said. What the page showed that was compared, and the
notes on criteria left uncompared, are in server/drift_shown.py; what is said of a trial its record says is closed
(headline, status sentence, next step), for the verdict and the service's trial page alike, in server/record_closed.py.
"""

from __future__ import annotations

from dataclasses import replace

from scrapers.dates import human_date
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.finding import RULE, RULES
from scrapers.vocab import OPEN_STATUSES

from .claimed import claimed_headline
from .copy_names import drift_as_demo
from .criteria_found import counts_said, unmatched
from .drift_shown import (COMPARABLE, as_dict, filled_note, shown_words, shows, uncompared, unplaced_said,
                          without_criteria_said)
from .record_file import drift_as_file
from .record_closed import TRIAL_CLOSED, closed_said, closed_words, copy_said, not_recruiting_headline
from .unasked import no_record_note, saved_copy_why
from .verdict_words import (CAVEATS, CAVEAT_OF_NOTE, CLOSED_LEADS, COPY_CAVEATS, COPY_HEADLINES,
                            COPY_OVERDUE_HEADLINES, CRITICAL_HEADLINES, HEADLINES, INVITED_ONLY_HEADLINES,
                            LIST_NOT_SHOWN, NEXT_STEPS, NOTES, OTHER_TRIAL, OVERDUE_HEADLINES, REASON_HEADLINES,
                            STATUS_UNSETTLED, UNMATCHED_CRITERIA, whose_record)

# (re-exported: callers and tests import these from the verdict's module)
__all__ = ["ALARM_SEVERITIES", "COMPARABLE", "NOTES", "OTHER_TRIAL", "TIME_FIELDS", "TIME_KINDS", "TRIAL_CLOSED",
           "about_other_trial", "closed_said", "overdue_said", "summarize", "unplaced_said", "verdict_result",
           "without_criteria_said"]


def about_other_trial(drift: dict | None) -> bool:
    """Is this verdict's page about another trial than its number's (reconcile.identity)? Then that number's status,
    criteria and related trials are not its trial's: the annotation and the page leave them out."""
    return any(f.get("kind") == "other_trial" for f in (drift or {}).get("findings", []))


def _due(finding: dict) -> dict:
    """{"what": "start" | "finish", "when": "1 Dec 2025"} of a registry_overdue finding, for the notes that point to it."""
    start = finding["field"] == "status"
    when = (finding.get("evidence") or {}).get("start_date", "") if start else finding.get("official_value")
    return {"what": "start" if start else "finish", "when": human_date(str(when or ""))}


def _critical_kind(alarms: list[dict]) -> str | None:
    """What the most severe alarm is about when it is a critical one about ages or a changed criterion: its key in
    CRITICAL_HEADLINES ("unit", "ages", "rule"), else None."""
    first = next((f for f in alarms if f["severity"] == "critical"), None)
    if first is None:
        return None
    evidence = first.get("evidence") or {}
    if first["kind"] == "plain_age" and evidence.get("unit_missing"):
        return "unit"
    if first["kind"] == "plain_age" or (first["kind"] == "fact_mismatch" and first["field"] in ("min_age", "max_age")):
        return "ages"
    # (a reason someone cannot join listed as a requirement changes a rule as much as a changed figure does: it read
    # "This page differs …" over it; review round 10, P4)
    if first["kind"] in ("criterion_changed", "criterion_wrong_section"):
        return "rule"
    return None


def _with_next_step(out: dict, step: str) -> dict:
    """The alarm verdict `out` with its next step (NEXT_STEPS[step]) said last in its note (review r26 #3)."""
    out["note"] = f"{out['note']} {NEXT_STEPS[step]}" if out.get("note") else NEXT_STEPS[step]
    return out


ALARM_SEVERITIES = ("critical", "warning")
# findings about time: with any of these among the alarms the page "may be out of date"
TIME_KINDS = frozenset({"status_drift", "page_stale", "plain_status"})
TIME_FIELDS = frozenset({"status", "as_of", "start_date", "completion_date"})
def _presents_open(page: PageRecord, alarms: list[dict], status_kinds: frozenset[str] | None = None) -> bool:
    """Does an alarm show the page presenting the trial as open, in its status (an alarm on the status field, of
    `status_kinds` when given) or in its summary ("is currently recruiting")?"""
    return any((f["field"] == "status" and page.status in OPEN_STATUSES
                and (status_kinds is None or f["kind"] in status_kinds))
               or (f["kind"] == "plain_status" and (f.get("evidence") or {}).get("claim") == "open") for f in alarms)


def _invites_to_closed(page: PageRecord, official: OfficialRecord, alarms: list[dict]) -> bool:
    """The page presents the trial as open and the record says it is closed (not Unknown status: that is not closed)."""
    if official.status is None or official.status in OPEN_STATUSES or official.status == "UNKNOWN":
        return False
    return _presents_open(page, alarms)


def _open_to_anyone_invited_only(page: PageRecord, official: OfficialRecord, alarms: list[dict]) -> bool:
    """The page presents the trial as open (a status_drift in its status field, or its summary) and the record says it
    is enrolling by invitation: open, but only to the people its study team invites."""
    return official.status == "ENROLLING_BY_INVITATION" and _presents_open(page, alarms, frozenset({"status_drift"}))


def _may_have_opened(page: PageRecord, official: OfficialRecord, alarms: list[dict], items: list[dict]) -> bool:
    """The page says recruiting, the record (or saved copy) "not yet recruiting" with a planned start that has passed."""
    return (page.status in OPEN_STATUSES and official.status == "NOT_YET_RECRUITING"
            and any(f["kind"] == "status_drift" for f in alarms)
            and any(f["kind"] == "registry_overdue" and f["field"] == "status" for f in items))


def summarize(page: PageRecord, official: OfficialRecord | None, findings: list, copy_as_of: str | None = None,
              why: str | None = None, read: bool = False, cli: bool = False, by: str | None = None,
              unreadable: bool = False, record_file: str | None = None) -> dict:
    """See _summarize. `why`: why ClinicalTrials.gov was not asked, so a saved copy was used or none was there
    (Lookup.stale_reason; with no record, why_not_asked): None (nothing said why, or a current record), "gone" (it
    answered that it no longer has this study, so the saved copy is all there is, and "could not check just now" would
    promise that asking again helps; review round 4), "offline" (set to work offline, never asked: "could not check …
    just now" read as a passing failure), "busy" (TrialLens's own limit of requests to it was reached, so it did not
    ask: not ClinicalTrials.gov being unreachable; review r19 #2) or "unreachable". `read`: the page was read whole
    from its HTML (the CLI's check, the service's annotation), so a part TrialLens found nothing of is said to be
    unchecked (without_criteria_said): here, so that no channel can leave it out (review round 12d, P1: the CLI did).
    `cli`: said by the CLI, which is no service: "TrialLens is set to work offline", not "This TrialLens service works
    offline". `by`: who made the claim checked, when no page was read (claimed.BY): the headline is then theirs.
    `record_file`: the CLI's --record file the record came from: the saved copy it names is that file (record_file.py);
    else a demo record rebuilt from aggregator pages is named as that (copy_names.drift_as_demo), here for every caller.
    `unreadable`: with no record, TrialLens's saved copy is there but is no usable study (unreadable_copy), so the note
    does not say it has none."""
    gone = why == "gone" and bool(copy_as_of)   # (with no saved copy, "gone" has no copy to explain)
    out = _summarize(page, official, findings, copy_as_of, None if why == "gone" and not gone else why, cli, by)
    if official is None:
        out["note"] = no_record_note(out["reason"], why, unreadable)
    if read and official is not None:
        out = without_criteria_said(out, page, official)
    if gone and NOTES["record_gone"] not in out.get("note", ""):   # (a note that does not say why)
        out["note"] = (NOTES["record_gone"] + ". " + out.get("note", "")).strip()
    if official is not None and (out["verdict"] == "in_sync" or out.get("reason") == "nothing_to_compare"):
        out = _closed_said(out, page, official, copy_as_of, by)   # (an alarm's card opens on the record's status row)
    if page.read_lines is not None:   # (the verdict is about the part read: say where that ends)
        out["note"] = (out.get("note", "") + " " + NOTES["page_cut"].format(lines=f"{page.read_lines:,}")).strip()
    if out.get("note"):
        # whether the note says why a saved copy was used, so the card's footer does not say it again (the card had
        # matched the note's words for it, which a reworded note would silently break; here they are the same constants)
        out["note_says_why"] = bool(copy_as_of) and saved_copy_why(why, cli) in out["note"]
    if record_file:
        return drift_as_file(out, record_file)
    return drift_as_demo(out) if official is not None and official.reconstructed else out


def _summarize(page: PageRecord, official: OfficialRecord | None, findings: list, copy_as_of: str | None = None,
               why: str | None = None, cli: bool = False, by: str | None = None) -> dict:
    """{"state", "verdict", "headline", "findings"} for a page checked against `official`,
    with "reason" when it could not be checked and "note" when there is more to say (see NOTES).
    `copy_as_of`: `official` is a stored copy that could not be refreshed (as for reconcile): what
    the page was compared with is then that copy, and the headline or the note says so; `why` and `cli` as for
    summarize."""
    items = [as_dict(f) for f in findings]
    if official is None:
        # (offline, nothing was asked: "not_asked", and asking again cannot help, so the card offers no "Try again")
        return verdict_result("official_unavailable", "could_not_check", items,
                       "not_asked" if why == "offline" else "official_unavailable", by=by)
    if any(f["kind"] == "page_date_ahead" for f in items):   # (reconcile did not use a date still to come)
        page = replace(page, as_of=None, as_of_text=None)
    fill = {"copy": copy_said(copy_as_of), "shown": shown_words(page),
            "unplaced": page.criteria_unplaced, "uncompared": uncompared(items), "unasked": saved_copy_why(why, cli),
            "it": "TrialLens" if why == "gone" else "it"}
    on_page = [f for f in items if f.get("about", "page") == "page"]
    alarms = [f for f in on_page if f["severity"] in ALARM_SEVERITIES and f["kind"] != "cannot_compare"]
    if any(f["kind"] == "other_trial" for f in alarms):   # (reconcile then compared nothing else: said alone)
        out = verdict_result("drifted", "differs", items, by=by)
        out["headline"] = OTHER_TRIAL
        return _with_next_step(out, "other_trial")
    if alarms:
        if _invites_to_closed(page, official, alarms):
            verdict = "not_recruiting"
        else:
            timely = any(f["kind"] in TIME_KINDS or f["field"] in TIME_FIELDS for f in alarms)
            verdict = "out_of_date" if timely else "differs"
        out = verdict_result("drifted", verdict, items, note="copy_drifted" if copy_as_of else None, fill=fill, by=by)
        if copy_as_of and verdict in COPY_HEADLINES:
            out["headline"] = claimed_headline(COPY_HEADLINES[verdict], f"copy_{verdict}", by)
        if verdict == "not_recruiting":   # (a record closed for good: its ending, not "not recruiting"; r56 F7)
            out["headline"] = not_recruiting_headline(official.status, bool(copy_as_of))
        due = next((f for f in items if f["kind"] == "registry_overdue"), None)
        if copy_as_of and due and "note" in out:   # (the fact that most changes what to do, pointed to from the top)
            out["note"] += " " + NOTES["copy_says_overdue"].format(**_due(due))
        step = ("copy_not_recruiting" if copy_as_of else "not_recruiting") if verdict == "not_recruiting" else "other"
        if verdict == "out_of_date" and _open_to_anyone_invited_only(page, official, alarms):
            # (what the reader needs is who may join: "This page may be out of date" over "only people the study team
            # invites can join" read as a stale date, and a reader could still try to sign up)
            out["headline"], step = INVITED_ONLY_HEADLINES[bool(copy_as_of)], "invited_only"
        if _may_have_opened(page, official, alarms, items):
            # (live too: ClinicalTrials.gov's own "not yet recruiting" is overdue, so the page may be right; "This page
            # may be out of date" could make a reader skip a trial that has opened; review round 7)
            out["headline"] = STATUS_UNSETTLED if copy_as_of else OVERDUE_HEADLINES["status"]
            out["note"] = NOTES["may_have_opened" if copy_as_of else "may_have_opened_live"].format(**fill)
            step = None   # (that note ends with what to do: check today's record, or ask the study team)
        # a critical finding about ages or a rule leads whatever else is wrong (review round 6: "This page may be out
        # of date" over "aged 1 to 28" for newborns); a closed trial's headline keeps the lead
        critical = _critical_kind(alarms) if verdict != "not_recruiting" else None
        if critical:
            out["headline"] = CRITICAL_HEADLINES[critical][bool(copy_as_of)]
            step = "rule" if critical == "rule" else "ages" if step else None
        return _with_next_step(out, step) if step else out
    if any(f["kind"] == "unconfirmed" for f in on_page):
        return verdict_result("cannot_compare", "could_not_check", items, "record_not_current", fill=fill, by=by)
    if any(f["kind"] == "cannot_compare" for f in on_page):
        return verdict_result("cannot_compare", "could_not_check", items, "unrecognized_wording", fill=fill, by=by)
    overdue = [f for f in items if f.get("about", "page") == "registry" and f["severity"] in ALARM_SEVERITIES]
    heads = COPY_OVERDUE_HEADLINES if copy_as_of else OVERDUE_HEADLINES
    said = next((heads[f["field"]] for f in overdue
                 if f["kind"] == "registry_overdue" and f["field"] in heads), None) \
        or (heads["completion_date"] if any(_likely_over(f) for f in overdue) else None)
    # (criteria too many to compare were listed, not compared: the verdict does not count them as checked)
    shown = [name for name in COMPARABLE if shows(page, name)
             and not (fill["uncompared"] and name in ("inclusion", "exclusion"))]
    if not shown or shown == ["as_of"]:   # (a last-updated date alone says nothing of the trial: UI review round 3)
        out = verdict_result("cannot_compare", "could_not_check", items, "nothing_to_compare", fill=fill, by=by)
        if shown:
            out["note"] = filled_note("only_date", fill)
        if said:   # (the trial's own record needs checking: said first, not under a grey "Could not check")
            due = next((f for f in overdue if f["kind"] == "registry_overdue"), {"field": "completion_date"})
            whose = whose_record(fill["copy"] if copy_as_of else None)
            out["headline"], out["note"], out["caveat"] = (
                said, NOTES["nothing_but_overdue"].format(whose=whose, end="start" if due["field"] == "status" else "end"),
                "record_overdue")
        return out
    # the page is right to copy the record, but the record looks overdue (said first: it is about the trial itself);
    # or the page shows neither a status nor criteria ("In sync" read as "status and eligibility confirmed" on an
    # enrollment alone), or few of the record's criteria; or what it matches is a stored copy
    few = [f for f in on_page if f["kind"] == "criteria_incomplete"]
    gaps = [f for f in on_page if f["kind"] == "criteria_list_not_shown"]
    if few:   # per list, as the findings count ("3 of the 5 reasons someone cannot join"): numbers that add up
        fill["counts"] = counts_said(few)
    if overdue:
        note = ("copy_overdue" if copy_as_of else "record_overdue_partly" if few or gaps or fill["uncompared"]
                else "record_overdue")
        fill["overdue_said"] = overdue_said(overdue[0])
    elif not page.status_text and (fill["uncompared"] or not page.inclusion and not page.exclusion):
        note = "copy_little_compared" if copy_as_of else "little_compared"
    elif few:
        note = "copy_few_criteria" if copy_as_of else "few_criteria"
    else:
        note = "copy_in_sync" if copy_as_of else None
    out = verdict_result("in_sync", "in_sync", items, note=note, fill=fill, by=by)
    if copy_as_of and out.get("caveat") in COPY_CAVEATS:
        out["headline"] = COPY_CAVEATS[out["caveat"]]
    if overdue and few:   # (the counts too, said under the overdue record's headline)
        out["note"] += " " + NOTES["few_criteria"].format(**fill)
    if out.get("caveat") == "little_compared" and any(unmatched(f) for f in few):
        out["headline"] = UNMATCHED_CRITERIA[bool(copy_as_of)]   # (not "What TrialLens could check matches …")
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


def _closed_said(out: dict, page: PageRecord, official: OfficialRecord, copy_as_of: str | None,
                 by: str | None) -> dict:
    """A verdict on a page (or claim) that shows no status, for a trial the record says is not taking participants:
    the record's status leads, amber, with what to do (review r56 F1: a green "In sync" over a withdrawn trial's "Who
    can take part", on every site whose pages carry no status). Nothing on the page is called wrong: the verdict stays
    what it was, the caveat says why it is not green."""
    closed = None if page.status_text else closed_words(official, copy_said(copy_as_of) if copy_as_of else None)
    if closed is None:
        return out
    said = f"{CLOSED_LEADS.get(by, CLOSED_LEADS[None])} {closed.said}"
    note = f"{said} {out['note']}" if out.get("note") else said
    return {**out, "caveat": "record_closed", "headline": closed.headline, "note": f"{note} {closed.step}"}


def _likely_over(finding: dict) -> bool:
    """An "Unknown status" record's warning that the trial is very likely over (its planned end passed, its status
    unconfirmed for over 2 years: reconcile/unknown_status.py): headed as an overdue end is, whatever the page shows,
    where a page showing no status got a grey "Could not check" and one saying "Unknown status" an amber "In sync, but
    …" over the same warning (review r57 F6)."""
    return finding["kind"] == "registry_unverified" and bool((finding.get("evidence") or {}).get("likely_over"))


def overdue_said(first: dict) -> str:
    """What the record's first warning about itself says, for the notes that point to it ("In that copy, …")."""
    # (not "that copy itself looks out of date": it read as "TrialLens's data is stale, ignore it"; review round 4)
    if first["kind"] == "registry_overdue":
        return f"the trial's planned {'start' if first['field'] == 'status' else 'end'} has passed"
    return "the sponsor had not confirmed the trial's status for over 2 years"


def verdict_result(state: str, verdict: str, findings: list[dict], reason: str | None = None, note: str | None = None,
            fill: dict | None = None, by: str | None = None) -> dict:
    """The verdict's dict; `reason` (why it could not be checked) is also the note, unless one is given. `fill`: the
    values the note's placeholders take; `by`: who made the claim checked (claimed_headline)."""
    key = reason if reason in REASON_HEADLINES else verdict
    out = {"state": state, "verdict": verdict, "findings": findings,
           "headline": claimed_headline(REASON_HEADLINES.get(reason, HEADLINES[verdict]), key, by)}
    caveat = CAVEAT_OF_NOTE.get(note) if verdict == "in_sync" else None
    if caveat:
        out["caveat"] = caveat   # (added field: the card's colour and icon follow it)
        out["headline"] = CAVEATS[caveat]
    if reason:
        out["reason"] = reason   # why the page could not be checked (added field)
    if note or reason:
        out["note"] = filled_note(note or reason, fill)   # (added field)
    return out
