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
are in server/verdict_words.py; this module decides which are said.
"""

from __future__ import annotations

from dataclasses import replace

from scrapers.dates import human_date
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.conditions import compared_conditions
from scrapers.reconcile.finding import RULE, RULES, status_words
from scrapers.reconcile.saved_copy import copy_day
from scrapers.vocab import OPEN_STATUSES

from .claimed import claimed_headline
from .criteria_found import counts_said, unmatched
from .unasked import no_record_note, saved_copy_why
from .verdict_words import (CAVEATS, CAVEAT_OF_NOTE, CLOSED_LEADS, COPY_CAVEATS, COPY_HEADLINES,
                            COPY_OVERDUE_HEADLINES, CRITICAL_HEADLINES, HEADLINES, INVITED_ONLY_HEADLINES,
                            LIST_NOT_SHOWN, NEXT_STEPS, NOTES, OTHER_TRIAL, OVERDUE_HEADLINES, REASON_HEADLINES,
                            STATUS_UNSETTLED, UNMATCHED_CRITERIA, whose_record)


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


# what a page shows besides a status and criteria, as the little-compared note names it (UI review: "Compared:
# enrollment (9)" says more than "dates, phase, number of participants or ages")
_SHOWN_WORDS = (("as_of", "its last-updated date"), ("phases", "its phase"), ("enrollment", "its number of participants"),
                ("start_date", "its start date"), ("completion_date", "its end date"), ("min_age", "its ages"),
                ("max_age", "its ages"), ("no_max_age_text", "its ages"), ("no_min_age_text", "its ages"),
                ("sex", "who it is open to by sex"), ("sponsor", "its sponsor"),
                ("study_type", "its kind of study"), ("healthy_volunteers", "whether it takes healthy volunteers"),
                ("conditions", "the conditions it studies"))


def _shows(page: PageRecord, name: str) -> bool:
    """Does the page show field `name` in a form reconcile compares? "Healthy volunteers: No" is shown (False is a
    value); conditions only when one names an illness in particular: reconcile says nothing of a page's "Cancer" alone
    (reconcile.conditions), so it was not compared."""
    value = getattr(page, name, None)
    if name == "conditions":
        return compared_conditions(page)
    return isinstance(value, bool) or bool(value)


def _shown_words(page: PageRecord) -> str:
    """"its number of participants and its last-updated date": what this page shows that was compared."""
    said = list(dict.fromkeys(words for name, words in _SHOWN_WORDS if _shows(page, name)))
    if "the conditions it studies" in said and len(page.conditions) == 1:
        said[said.index("the conditions it studies")] = "the condition it studies"
    if not said:
        return "what the page does show"
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


ALARM_SEVERITIES = ("critical", "warning")
# findings about time: with any of these among the alarms the page "may be out of date"
TIME_KINDS = frozenset({"status_drift", "page_stale", "plain_status"})
TIME_FIELDS = frozenset({"status", "as_of", "start_date", "completion_date"})
# PageRecord fields reconcile can compare with the record; a page with none of them is not checked
# ("no_min_age_text": facts._check_no_minimum compares a page's "Under 18 years" with the record's minimum age)
COMPARABLE = ("status_text", "as_of", "phases", "enrollment", "start_date", "completion_date", "min_age",
              "max_age", "no_max_age_text", "no_min_age_text", "sex", "sponsor", "study_type", "healthy_volunteers",
              "conditions", "inclusion", "exclusion")


def _d(finding) -> dict:
    return finding if isinstance(finding, dict) else finding.to_dict()


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
              unreadable: bool = False) -> dict:
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
    return out


def without_criteria_said(drift: dict, page: PageRecord, official) -> dict:
    """A page read whole in which TrialLens found no eligibility criteria, matched on its status and facts: the note
    says who can join was not checked, so that "Matches …" does not read as "checked too" (review rounds 5 and 6, a
    biotechhunter page); on a page that lists criteria under no inclusion or exclusion heading (criteria_unplaced), that
    it lists them and TrialLens did not compare them (unplaced_said): it does show them. Only for a page TrialLens read:
    a caller's claim (GET /drift) names no criteria by design."""
    uncompared = _uncompared(drift.get("findings", []))   # (listed, too many to compare: as if none were read)
    if drift.get("verdict") != "in_sync" or (page.inclusion or page.exclusion) and not uncompared \
            or not official.eligibility_criteria or drift.get("caveat") in ("little_compared", "list_not_shown"):
        return drift
    note = (NOTES[uncompared] if uncompared else
            unplaced_said(page.criteria_unplaced) if page.criteria_unplaced else NOTES["no_criteria"])
    return {**drift, "note": f"{drift['note']} {note}" if drift.get("note") else note}


def _uncompared(findings: list) -> str | None:
    """The note's key where reconcile left the page's criteria uncompared: its list far longer than any trial's, or
    its items too costly to compare in full (too_long.py: evidence "reason" "work"); None where it compared them."""
    said = [_d(f) for f in findings if _d(f)["kind"] == "criteria_not_compared"]
    return None if not said else "criteria_not_compared_in_full" if any(
        (f.get("evidence") or {}).get("reason") == "work" for f in said) else "criteria_not_compared"


def unplaced_said(count: int) -> str:
    """"This page lists 3 eligibility criteria without saying which are for joining …": what a page that lists criteria
    under no inclusion or exclusion heading (PageRecord.criteria_unplaced) is told, instead of "found no criteria"."""
    return NOTES["criterion_unplaced"] if count == 1 else NOTES["criteria_unplaced"].format(count=count)


def _note(key: str, fill: dict | None) -> str:
    """The note `key` with its placeholders filled; for a page listing criteria it could not place (fill["unplaced"]),
    a note that would count criteria among what TrialLens found none of is said without them, then what the page
    lists (unplaced_said)."""
    fill = fill or {}
    if (fill.get("unplaced") or fill.get("uncompared")) and f"{key}_unplaced" in NOTES:
        said = unplaced_said(fill["unplaced"]) if fill.get("unplaced") else NOTES[fill["uncompared"]]
        return NOTES[f"{key}_unplaced"].format(**fill) + " " + said
    return NOTES[key].format(**fill)


def _summarize(page: PageRecord, official: OfficialRecord | None, findings: list, copy_as_of: str | None = None,
               why: str | None = None, cli: bool = False, by: str | None = None) -> dict:
    """{"state", "verdict", "headline", "findings"} for a page checked against `official`,
    with "reason" when it could not be checked and "note" when there is more to say (see NOTES).
    `copy_as_of`: `official` is a stored copy that could not be refreshed (as for reconcile): what
    the page was compared with is then that copy, and the headline or the note says so; `why` and `cli` as for
    summarize."""
    items = [_d(f) for f in findings]
    if official is None:
        # (offline, nothing was asked: "not_asked", and asking again cannot help, so the card offers no "Try again")
        return verdict_result("official_unavailable", "could_not_check", items,
                       "not_asked" if why == "offline" else "official_unavailable", by=by)
    if any(f["kind"] == "page_date_ahead" for f in items):   # (reconcile did not use a date still to come)
        page = replace(page, as_of=None, as_of_text=None)
    fill = {"copy": _copy_said(copy_as_of), "shown": _shown_words(page),
            "unplaced": page.criteria_unplaced, "uncompared": _uncompared(items), "unasked": saved_copy_why(why, cli),
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
    shown = [name for name in COMPARABLE if _shows(page, name)
             and not (fill["uncompared"] and name in ("inclusion", "exclusion"))]
    if not shown or shown == ["as_of"]:   # (a last-updated date alone says nothing of the trial: UI review round 3)
        out = verdict_result("cannot_compare", "could_not_check", items, "nothing_to_compare", fill=fill, by=by)
        if shown:
            out["note"] = _note("only_date", fill)
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


# a trial's statuses under which no one can ask to join (not Withheld, which withholds the status, nor an expanded-access
# record's No longer available or Approved for marketing: no trial to join; review r57 F1, F3)
TRIAL_CLOSED = frozenset({"ACTIVE_NOT_RECRUITING", "COMPLETED", "SUSPENDED", "TERMINATED", "WITHDRAWN"})


def closed_said(official: dict | OfficialRecord | None, copy: str | None = None) -> str | None:
    """"ClinicalTrials.gov's record says this trial is withdrawn." for a record
    whose status is one no one can ask to join under (TRIAL_CLOSED), else None (open, Unknown status, Withheld, an
    expanded-access record's, none). `copy`: the saved copy's day in words, when it is one.
    The service's page says it for a trial looked up with no status entered (pages.py), the verdict for a page that
    shows none (_closed_said)."""
    status = official.get("status") if isinstance(official, dict) else getattr(official, "status", None)
    if status not in TRIAL_CLOSED:
        return None
    said = NOTES["record_closed"].format(whose=whose_record(copy), status=status_words(status))
    # (a withdrawn trial whose record lists expanded access: the one way to the treatment; review r57 F2)
    access = official.get("expanded_access") if isinstance(official, dict) else official.expanded_access_available
    return f"{said} {NOTES['expanded_access'].format(nct=access)}" if access else said


def _closed_said(out: dict, page: PageRecord, official: OfficialRecord, copy_as_of: str | None,
                 by: str | None) -> dict:
    """A verdict on a page (or claim) that shows no status, for a trial the record says is not taking participants:
    the record's status leads, amber, with what to do (review r56 F1: a green "In sync" over a withdrawn trial's "Who
    can take part", on every site whose pages carry no status). Nothing on the page is called wrong: the verdict stays
    what it was, the caveat says why it is not green."""
    closed = None if page.status_text else closed_said(official, _copy_said(copy_as_of) if copy_as_of else None)
    if closed is None:
        return out
    closed = f"{CLOSED_LEADS.get(by, CLOSED_LEADS[None])} {closed}"
    out = {**out, "caveat": "record_closed", "headline": (COPY_CAVEATS if copy_as_of else CAVEATS)["record_closed"],
           "note": f"{closed} {out['note']}" if out.get("note") else closed}
    return _with_next_step(out, "copy_not_recruiting" if copy_as_of else "not_recruiting")


def _copy_said(copy_as_of: str | None) -> str:
    """The saved copy's day in words ("24 May 2024"), as the notes name it; "an unknown date" when nothing dates it."""
    return human_date(copy_day(copy_as_of) or "") or "an unknown date"


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
        out["note"] = _note(note or reason, fill)   # (added field)
    return out
