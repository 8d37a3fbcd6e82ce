"""What `triallens` prints: the check's text and JSON, the plain-English criteria, related trials (server/cli.py
parses the arguments and does the work)."""

from __future__ import annotations

import json
import sys
from datetime import date

from scrapers.dates import human_date
from scrapers.reconcile import status_words
from scrapers.reconcile.saved_copy import copy_day, copy_from
from server.official_json import official_summary
from server.claimed import COPY, claimed_drift
from server.copy_names import DEMO_EXPLAINED
from server.glance import pregnancy_row
from server.glance_record import breastfeeding_row, healthy_volunteers_row, sex_row
from server.related_words import (RELATED_NONE, RELATED_NOTHING_TO_MATCH, RELATED_SAME_WHO, same_who_left_out,
                                  search_words, who_line)
from server.status_shown import related_status
from server.item_groups import runs
from server.worded import WORDED_LIST_NOTE, WORDED_MARK, WORDED_NOTE, worded_count


def print_json(obj) -> None:
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def check_json(page, looked, drift: dict, today: date) -> dict:
    """`check --json`: the annotation's shape where they say the same thing (`nct_id`, `page`, `official`, `drift`
    with its `findings`), so a script reads one shape from the CLI and the API (review r15, item 4: the findings were
    top-level here and under `drift` there). Plus `today`, the day checked against. `looked` None: no record could be
    had (official null, the verdict could_not_check), as the API's annotation says it."""
    return {"nct_id": page.nct_id, "today": today.isoformat(), "page": page.to_dict(),
            "official": official_summary(looked) if looked is not None else None, "drift": drift}


def print_check(page, looked, drift: dict, record_file: str | None = None) -> None:
    """The page's and the record's status, then the verdict the service and the extension show, then every finding
    with its severity and kind (the README's "What `check` finds" table, by kind). A saved copy that could not be
    refreshed, or a --record file, is named as such: not what ClinicalTrials.gov says today. A saved copy of the
    trial's own ClinicalTrials.gov page is said as the person's copy (claimed.COPY), its line on whether it is out of
    date first, and a finding saying that again (`said_in`, official_page.said_by_saved_copy) is not printed."""
    official, copy_as_of = looked.record, looked.copy_as_of
    print(f"{page.nct_id} on {page.site}: {page.title or ''}".rstrip())
    saved = drift.get("saved_copy")   # (a saved ClinicalTrials.gov page: whether it is out of date, said first)
    if saved:
        drift = claimed_drift(drift, page, COPY)
    print(f"  {'your copy says:' if saved else 'page says:':<20} {page.status_text or 'no status shown'}"
          + (f" ({page.as_of_text})" if page.as_of_text else ""))
    demo = official.reconstructed and not record_file   # (rebuilt from pages: not a copy of ClinicalTrials.gov's)
    label = "record file:" if record_file else "demo record:" if demo else "saved copy:" if copy_as_of \
        else "ClinicalTrials.gov:"
    # (a copy dated the day of the last update the line gives is not dated again: "last update posted 1 Jun 2024 (the
    # record in r.json, from 1 Jun 2024)" said the one date twice; a copy of another day, or none, keeps its date)
    dated = copy_as_of and copy_day(copy_as_of) == (official.last_update_posted or "")[:10]
    when = "" if dated else f", {copy_from(copy_as_of) if copy_as_of else 'current'}"
    whose = (f" (the record in {record_file}{when})" if record_file
             else f" (rebuilt from aggregator pages{when})" if demo
             else f" (TrialLens's copy of the record{when})" if copy_as_of else "")
    # (the CLI's own dates as the page and the card write them, "18 Nov 2025": "last update posted 2025-11-18" sat
    # beside "from 18 Nov 2025"; review r23 #17. The page's own words above, and --json, stay as given.)
    print(f"  {label:<20} {status_words(official.status)}"
          + (f", last update posted {human_date(official.last_update_posted)}" if official.last_update_posted else "")
          + whose)
    print(f"  official record:     {official.url}")
    print()
    if saved:
        print(saved["said"])
    print(drift["headline"])
    if drift.get("note"):
        print(drift["note"])
    findings = [f for f in drift.get("findings") or [] if not f.get("said_in")]
    if not findings:
        return
    print(f"{len(findings)} finding(s):")
    for f in findings:
        tag = "about the official record" if f.get("about") == "registry" \
            else "your saved copy against the record" if saved else "about this page"
        print(f"  [{f['severity'].upper()} {f['kind']}] {f['message']} ({tag})")


def print_explain(record, plain) -> None:
    g = plain.at_a_glance
    print(f"{record.nct_id}: {record.title or ''}".rstrip())
    if record.reconstructed:   # (review r55 F4: nothing said the criteria were a rebuild's)
        print(DEMO_EXPLAINED)
    print("At a glance:")
    yn = {True: "yes", False: "no", None: "not stated"}
    # (not "not stated": ten corpus records give ages only in their criteria, "Must be between 18 and 80"; review r49)
    no_age = "not in the record's age fields"
    print(f"  age:                {g['age'] or no_age}")
    # (where the record's field and its own criteria disagree, both: server/glance_record.py, glance10)
    print(f"  sex:                {(sex_row(g) if g.get('sex_in_criteria') else g['sex'] or 'not stated').lower()}")
    hv = healthy_volunteers_row(g) if g.get("healthy_volunteers_in_criteria") is True else None
    print(f"  healthy volunteers: {hv.lower() if hv else yn[g['healthy_volunteers']]}")
    if not (plain.inclusion or plain.exclusion or plain.unplaced):
        # (no criteria at all, e.g. a withheld record: "pregnancy: not mentioned as an exclusion" read as "pregnancy
        # is fine" for a record that lists nothing; review r23 #14)
        print("\nThe record gives no eligibility criteria for this trial.")
        return
    print(f"  pregnancy:          {(pregnancy_row(g) or 'not mentioned as an exclusion').lower()}")
    print(f"  breastfeeding:      {(breastfeeding_row(g) or 'not mentioned as an exclusion').lower()}")
    for t in g["thresholds"]:
        print(f"  {t['label'].lower() + ':':<20}{t['text']}")
    for section in ("inclusion", "exclusion", "unplaced"):
        items = getattr(plain, section)
        if items:
            print(f"\n{plain.headings[section]}")
            marked = worded_count(items) > 1   # (the note once, a mark on each: review r17)
            if marked:
                print(f"  note: {WORDED_LIST_NOTE}")
            for group, run in runs(items):   # (each group's heading once above its items: item_groups)
                if group:
                    print(f"  [{group}]")
                _print_items(run, 2 if group else 1, marked)


def _print_items(items, depth: int, marked: bool = False) -> None:
    pad = "  " * depth
    for e in items:
        tag = "plain" if e.rewritten else ("original: rewrite rejected" if e.losses else "original")
        print(f"{pad}- {e.shown}   [{tag}]")
        if e.rewritten:
            print(f"{pad}    original: {e.original}")
        if e.worded_as_requirement:
            print(f"{pad}    note: {WORDED_MARK.lower() if marked else WORDED_NOTE}")
        for loss in e.losses[:3]:
            print(f"{pad}    not shown because: {loss['message']}")
        for gl in e.glossary:
            print(f"{pad}    {gl['term']}: {gl['meaning']}")
        _print_items(e.children, depth + 1, marked)


def print_related(nct: str, results: list, any_status: bool, reading: dict | None = None,
                  reason: str | None = None, search: str | None = None) -> None:
    """Related trials as the card and the trial page word them: the status ("Recruiting (as of Nov 2025)", "By
    invitation only"), who it takes beside `reading` (who the trial itself takes: none where the same, said once at the
    top; "No age or sex limit given" where it has none beside a trial with some; related_words.who_line), where it runs
    and why it is related. `reason`: why there are none, when no status would help (related.related_reason)."""
    if not results and reason == "nothing_to_match":   # (not "try --any-status": no status would find one)
        print(RELATED_NOTHING_TO_MATCH)
        return
    if not results:   # (and the way on: ClinicalTrials.gov's search for open trials of its condition, `search`)
        print(f"No related trials for {nct}" if any_status else f"{RELATED_NONE} Try --any-status for trials that are not open.")
        if search:
            print(f"{search_words(search)}: {search}")
        return
    shown = [r.to_dict() for r in results]
    if same_who_left_out(shown, reading):
        print(RELATED_SAME_WHO)
    for i, (r, d) in enumerate(zip(results, shown), 1):
        phases = "/".join(p.replace("PHASE", "Phase ").replace("EARLY_", "Early ") for p in r.phases if p != "NA")
        lines = [r.title, who_line(d, reading), f"Where: {r.where}" if r.where else None, r.why]
        print(f"{i:>2}. {r.nct_id}  {related_status(d)}{'  ' + phases if phases else ''}"
              + "".join(f"\n    {line}" for line in lines if line))
