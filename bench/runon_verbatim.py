"""Run-on pages whose text is the record's: every alarm is false (prints figures; not a test).

    .venv/bin/python -m bench.runon_verbatim [--per-source 250] [--seed 51] [--drift] [--show 40]

CheckOrphan prints a trial's eligibility criteria as one paragraph, the record's own text with its line breaks run
together and its "*" bullets shown as " - " (dev.jsonl #37: "Inclusion Criteria: - diagnosed with BPD Exclusion
Criteria: - parents' rejection"; fixtures/html/checkorphan.org). Here `--per-source` random records of each corpus file
(native API v2 and converted legacy XML; seed 51 draws review r51's 500) are shown so, their text exactly the record's,
read back with the real CheckOrphan scraper and reconciled with their own record. Any alarm about the page (is_alarm)
is false by construction: counted by kind and severity, and the pages listed. (No line-per-line control: the
CheckOrphan reader reads the one paragraph after "Eligibility Criteria:", as the site prints it.)

`--drift` also shows each page twice more: with the first figure of its criteria that reads as a limit ("18 years", "> 2.0",
"1.5 x ULN") changed, counting the pages where a criteria alarm names the item holding it or says a criterion changed;
and with its middle bulleted line left out, counting the pages where a criterion_missing names it (recall on run-on
pages; pages whose criteria the reader does not read at all, no "criteria" word in the paragraph, counted apart).
"""

from __future__ import annotations

import argparse
import gzip
import html as H
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scrapers import scrape_html  # noqa: E402
from scrapers.criteria import unescape_markdown  # noqa: E402
from scrapers.errors import BadInput  # noqa: E402
from scrapers.official import OfficialRecord  # noqa: E402
from scrapers.reconcile import is_alarm, reconcile  # noqa: E402

CTGOV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ctgov"
TODAY = date(2026, 12, 7)
URL = "https://checkorphan.org/clinicaltrial/x/"
STATUS_WORDS = {"RECRUITING": "Recruiting", "COMPLETED": "Completed", "NOT_YET_RECRUITING": "Not yet recruiting",
                "ACTIVE_NOT_RECRUITING": "Active, not recruiting", "TERMINATED": "Terminated",
                "WITHDRAWN": "Withdrawn", "SUSPENDED": "Suspended", "UNKNOWN": "Unknown status",
                "ENROLLING_BY_INVITATION": "Enrolling by invitation"}
_BULLET = re.compile(r"^\s*[*-]\s+")
# a figure that reads as a limit: a number followed by a unit word or "x", or after a comparator
_LIMIT = re.compile(r"(?:(?<=[<>≤≥=] )|(?<=[<>≤≥=])|(?<=than )|(?<=least )|(?<=age )|(?<=of ))(\d+(?:\.\d+)?)"
                    r"(?=\s*(?:years?|months?|weeks?|days?|mg|g/dl|ml|%|x|kg|cm|mm|hours?)\b)", re.I)


def sample(per_source: int, seed: int) -> list[str]:
    """`per_source` random lines of each corpus file, as review r51 drew them (one generator, v2 first)."""
    random.seed(seed)
    with open(CTGOV / "studies_v2.jsonl", encoding="utf-8") as fh:
        v2 = random.sample(list(fh), per_source)
    with gzip.open(CTGOV / "studies_legacy_xml_as_v2.jsonl.gz", "rt", encoding="utf-8") as fh:
        legacy = random.sample(list(fh), per_source)
    return v2 + legacy


def run_on(criteria: str) -> str:
    """The record's criteria as CheckOrphan prints them: one paragraph, "*" bullets as " - "."""
    body = " ".join(_BULLET.sub("- ", line) for line in criteria.split("\n") if line.strip())
    return re.sub(r"\s+", " ", body)


def page_html(nct_id: str, title: str, status: str, criteria: str) -> str:
    """A CheckOrphan page (labels as the saved pages in fixtures/html/checkorphan.org show them)."""
    elig = f"<p><b>Eligibility Criteria:</b> {H.escape(run_on(criteria))}</p>"
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{H.escape(title)} - CheckOrphan</title></head>"
            f"<body><main><p><b>Brief Title:</b> {H.escape(title)}</p><p><strong>Recruitment Information</strong></p>"
            f"<p><b>Recruitment Status:</b> {status}</p>{elig}"
            f"<p><strong>Administrative Informations</strong></p><p><b>NCT ID:</b> {nct_id}</p></main></body></html>")


def changed_figure(criteria: str) -> tuple[str, str] | None:
    """The criteria with the first limit figure changed (+1, or its tenths), and the record line holding it."""
    for line in criteria.split("\n"):
        m = _LIMIT.search(line)
        if not m:
            continue
        old = m.group(1)
        new = f"{float(old) + 0.5:g}" if "." in old else str(int(old) + 1)
        changed = line[:m.start(1)] + new + line[m.end(1):]
        return criteria.replace(line, changed, 1), line
    return None


@dataclass
class Tally:
    pages: int = 0
    alarmed: list = field(default_factory=list)     # (nct, [(severity, kind, message)])
    by_kind: Counter = field(default_factory=Counter)
    drift_pages: int = 0
    drift_caught: int = 0
    drift_unread: int = 0
    dropped_pages: int = 0
    dropped_caught: int = 0
    dropped_missed: list = field(default_factory=list)
    drift_missed: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def record_of(line: str) -> tuple[OfficialRecord, dict, str] | None:
    """A corpus line's record, its protocolSection and its criteria as a page shows them (markdown escapes
    undone); None for a line that is no usable study."""
    try:
        official = OfficialRecord(json.loads(line))
    except (BadInput, json.JSONDecodeError):
        return None
    p = json.loads(line)["protocolSection"]
    return official, p, unescape_markdown(p.get("eligibilityModule", {}).get("eligibilityCriteria") or "")


def check(line: str, tally: Tally, drift: bool) -> None:
    read = record_of(line)
    if read is None:
        return
    official, p, criteria = read
    if not criteria.strip():
        return
    nct = official.nct_id
    title = p["identificationModule"].get("briefTitle", "")
    status = STATUS_WORDS.get(p["statusModule"].get("overallStatus"), "")
    try:
        page = scrape_html(page_html(nct, title, status, criteria), URL)
        found = [f for f in reconcile(page, official, TODAY) if is_alarm(f)]
    except Exception as exc:   # (a bench: a crash is a finding too, counted and listed)
        tally.errors.append((nct, repr(exc)))
        return
    tally.pages += 1
    if found:
        tally.alarmed.append((nct, [(f.severity, f.kind, f.message) for f in found]))
        tally.by_kind.update((f.severity, f.kind) for f in found)
    if not drift:
        return
    changed = changed_figure(criteria)
    if changed is None:
        return
    text, held = changed
    page = scrape_html(page_html(nct, title, status, text), URL)
    got = [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.field.startswith(("inclusion", "exclusion",
                                                                                                  "criteria"))]
    tally.drift_pages += 1
    key = re.sub(r"\W+", "", held.lower())[:30]
    named = [f for f in got if any(key[:20] in re.sub(r"\W+", "", t.lower())
                                   for t in f.evidence.get("official_texts", []))]
    if not (page.inclusion or page.exclusion):
        tally.drift_unread += 1   # (no criteria read from the page: nothing compared, nothing to catch)
    elif named or any(f.kind == "criterion_changed" for f in got):
        tally.drift_caught += 1
    else:
        tally.drift_missed.append((nct, held.strip()[:100], [f.kind for f in got]))
    if not (page.inclusion or page.exclusion):   # (nothing read: nothing to leave out)
        return
    bullets = [ln for ln in criteria.split("\n") if _BULLET.match(ln) and len(ln.split()) >= 3]
    if len(bullets) < 3 or criteria.count(bullets[len(bullets) // 2]) != 1:
        return
    gone = bullets[len(bullets) // 2]
    page = scrape_html(page_html(nct, title, status, criteria.replace(gone + "\n", "", 1)), URL)
    said = [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.kind == "criterion_missing"]
    tally.dropped_pages += 1
    key = _BULLET.sub("", gone).strip().lower()
    if any(key in (t.lower() for t in f.evidence.get("official_texts", [])) or key[:40] in f.message.lower()
           for f in said):
        tally.dropped_caught += 1
    else:
        tally.dropped_missed.append((nct, gone.strip()[:100], [f.kind for f in said]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-source", type=int, default=250)
    ap.add_argument("--seed", type=int, default=51)
    ap.add_argument("--drift", action="store_true", help="also a changed figure per page: is it caught?")
    ap.add_argument("--show", type=int, default=40, help="list up to N alarmed pages")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    tally = Tally()
    for line in sample(args.per_source, args.seed):
        check(line, tally, args.drift)
    warned = [fs for _, fs in tally.alarmed if any(s != "info" for s, _, _ in fs)]
    print(f"{tally.pages} pages (run-on): {len(tally.alarmed)} with an alarm, "
          f"{len(warned)} with a warning or critical ({sum(any(s == 'critical' for s, _, _ in fs) for fs in warned)} "
          f"with a critical, {sum(any(s != 'info' and k != 'criteria_merged' for s, k, _ in fs) for fs in warned)} "
          f"with one other than criteria_merged); {len(tally.errors)} errors; {time.perf_counter() - t0:.0f}s")
    for (sev, kind), n in sorted(tally.by_kind.items()):
        print(f"  {sev:8} {kind:24} {n}")
    if args.drift:
        read = tally.drift_pages - tally.drift_unread
        print(f"changed figure: {tally.drift_caught}/{read} pages caught of those whose criteria were read "
              f"({tally.drift_unread} of {tally.drift_pages} read none: no 'criteria' word in the paragraph)")
        for nct, held, kinds in tally.drift_missed[:args.show]:
            print(f"  missed {nct}: {held!r} {kinds}")
        print(f"bulleted line left out: {tally.dropped_caught}/{tally.dropped_pages} pages caught")
        for nct, gone, kinds in tally.dropped_missed[:args.show]:
            print(f"  missed {nct}: {gone!r} {kinds}")
    for nct, fs in tally.alarmed[:args.show]:
        print(f"{nct}:")
        for sev, kind, msg in fs:
            print(f"  {sev} {kind}: {msg[:220]}")
    for nct, err in tally.errors[:args.show]:
        print(f"ERROR {nct}: {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
