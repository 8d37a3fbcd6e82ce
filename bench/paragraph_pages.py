"""Legacy records' run-on paragraphs printed by a site that is not CheckOrphan (prints figures; not a test).

    .venv/bin/python -m bench.paragraph_pages [--n 150] [--seed 11] [--show 20] [--without-own-runs]

An old record's criteria are often PDQ paragraphs ("PATIENT CHARACTERISTICS: Age: 18 and over Performance status:
ECOG 0-2 Life expectancy: Greater than 3 months Hematopoietic: …") that the record's parser cuts into items at their
labels. A site printing that text as it stands (here meddatax's layout, the record's markdown rendered, as review r54
F2 built it) shows each paragraph as one item: the record's words, in the record's order. Any criteria alarm about such
a page is false by construction (counted by kind and severity).

Each page is then shown three more times with one real change, counting the pages where it is still caught by
an alarm the unchanged page does not raise:
- a figure that reads as a limit changed (bench.runon_verbatim.changed_figure): an alarm naming the record item holding
  it, or any criterion_changed;
- a "not" dropped from a line (the first line with " not " in its middle): any criteria alarm naming that line's item
  or a criterion_changed;
- the last inclusion block moved to the end of the exclusions (under a heading added where the record has none):
  any criteria alarm.
"""

from __future__ import annotations

import argparse
import gzip
import html as H
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from markdown_it import MarkdownIt  # noqa: E402

from bench.runon_verbatim import CTGOV, TODAY, changed_figure, record_of  # noqa: E402
from scrapers import scrape_html  # noqa: E402
from scrapers.criteria import unescape_markdown  # noqa: E402
from scrapers.official import OfficialRecord  # noqa: E402
from scrapers.reconcile import is_alarm, reconcile  # noqa: E402

URL = "https://meddatax.com/clinical-trials/{n}"
_MD = MarkdownIt("commonmark")
_NOT = re.compile(r"(?<=\w) not (?=\w)")


def page_html(nct: str, title: str, status: str, criteria: str) -> str:
    """A meddatax page (review r54's layout) with the criteria rendered from the record's markdown."""
    return (f"<!DOCTYPE html><html><head><title>{nct} | meddatax</title></head><body><main>"
            f"<h1>{H.escape(title)}</h1><div>NCT ID: {nct}</div><h2>Basic Information</h2><div>Get a concise "
            f"snapshot of the trial, including recruitment status, study phase, enrollment targets, and key timeline "
            f"milestones.</div><div>{status}</div><h2>Eligibility Criteria</h2><div>Check the participation "
            f"requirements, including inclusion and exclusion rules, age limits, and whether healthy volunteers are "
            f"accepted.</div>{_MD.render(criteria)}<h2>Locations</h2></main></body></html>")


def paragraphs(criteria: str) -> bool:
    """Does the record have a run-on paragraph: a line of at least three "Label:" runs?"""
    return any(len(re.findall(r"\b[A-Z][a-z]+(?: [a-z]+)?: ", ln)) >= 3 for ln in criteria.split("\n"))


def dropped_not(criteria: str) -> tuple[str, str] | None:
    for line in criteria.split("\n"):
        if _NOT.search(line):
            return criteria.replace(line, _NOT.sub(" ", line, count=1), 1), line
    return None


def moved_line(criteria: str) -> str | None:
    """The last inclusion block (blank-line-separated, four words or more; before any "Exclusion" heading) moved to
    the end of the exclusions (under an "Exclusion Criteria:" heading put at the end where the record has none)."""
    parts = criteria.split("\n\n")
    at = next((i for i, b in enumerate(parts) if re.match(r"\W*exclusion", b, re.I)), None)
    k = max((i for i in range(len(parts) if at is None else at) if len(parts[i].split()) >= 4), default=None)
    if k is None or k == 0:
        return None
    rest = parts[:k] + parts[k + 1:] + ([] if at is not None else ["Exclusion Criteria:"])
    return "\n\n".join(rest + [parts[k]])


@dataclass
class Tally:
    pages: int = 0
    alarmed: list = field(default_factory=list)
    by_kind: Counter = field(default_factory=Counter)
    tried: Counter = field(default_factory=Counter)
    caught: Counter = field(default_factory=Counter)
    missed: list = field(default_factory=list)


def _criteria_alarms(html: str, official: OfficialRecord) -> list:
    page = scrape_html(html, URL.format(n=official.nct_id))
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity != "info"
            and f.field.startswith(("inclusion", "exclusion", "criteria"))]


def _names(fs: list, held: str) -> bool:
    key = re.sub(r"\W+", "", held.lower())[:20]
    return any(f.kind == "criterion_changed" or any(key in re.sub(r"\W+", "", t.lower())
                                                    for t in f.evidence.get("official_texts", [])) for f in fs)


def check(line: str, tally: Tally) -> None:
    read = record_of(line)
    if read is None:
        return
    official, p, criteria = read
    nct, title = official.nct_id, p["identificationModule"].get("briefTitle", "")
    status = p["statusModule"].get("overallStatus", "")
    fs = _criteria_alarms(page_html(nct, title, status, criteria), official)
    before = {(f.kind, f.message) for f in fs}

    def new(found: list) -> list:   # (only alarms the unchanged page does not raise count as catching the change)
        return [f for f in found if (f.kind, f.message) not in before]
    tally.pages += 1
    if fs:
        tally.alarmed.append((nct, [(f.severity, f.kind, f.message) for f in fs]))
        tally.by_kind.update((f.severity, f.kind) for f in fs)
    for kind, made in (("figure", changed_figure(criteria)), ("not", dropped_not(criteria))):
        if made is None:
            continue
        tally.tried[kind] += 1
        if _names(new(_criteria_alarms(page_html(nct, title, status, made[0]), official)), made[1]):
            tally.caught[kind] += 1
        else:
            tally.missed.append((kind, nct, made[1].strip()[:90]))
    moved = moved_line(criteria)
    if moved is not None:
        tally.tried["moved"] += 1
        if new(_criteria_alarms(page_html(nct, title, status, moved), official)):
            tally.caught["moved"] += 1
        else:
            tally.missed.append(("moved", nct, ""))


def sample(n: int, seed: int) -> list[str]:
    """`n` random legacy records whose criteria have a run-on paragraph."""
    with gzip.open(CTGOV / "studies_legacy_xml_as_v2.jsonl.gz", "rt", encoding="utf-8") as fh:
        lines = [ln for ln in fh if paragraphs(unescape_markdown(
            json.loads(ln)["protocolSection"].get("eligibilityModule", {}).get("eligibilityCriteria") or ""))]
    random.seed(seed)
    return random.sample(lines, min(n, len(lines)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--without-own-runs", action="store_true",
                    help="as before reconcile/own_runs.py (its filter off): the before figures")
    args = ap.parse_args(argv)
    if args.without_own_runs:
        import scrapers.reconcile.items as items
        items.said_of_blocks = lambda found, page, official: found
    tally = Tally()
    for line in sample(args.n, args.seed):
        check(line, tally)
    print(f"{tally.pages} paragraph pages (meddatax): {len(tally.alarmed)} with a warning or critical "
          f"({sum(any(s == 'critical' for s, _, _ in fs) for _, fs in tally.alarmed)} with a critical)")
    for (sev, kind), n in sorted(tally.by_kind.items()):
        print(f"  {sev:8} {kind:24} {n}")
    for kind in ("figure", "not", "moved"):
        print(f"{kind}: caught {tally.caught[kind]}/{tally.tried[kind]}")
    for kind, nct, held in tally.missed[:args.show]:
        print(f"  missed {kind} {nct}: {held!r}")
    for nct, fs in tally.alarmed[:args.show]:
        print(f"{nct}:")
        for sev, kind, msg in fs[:4]:
            print(f"  {sev} {kind}: {msg[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
