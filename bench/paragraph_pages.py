"""Legacy records' run-on paragraphs printed by a site that is not CheckOrphan (prints figures; not a test).

    .venv/bin/python -m bench.paragraph_pages [--n 150] [--seed 11] [--show 20] [--without-own-runs]
    .venv/bin/python -m bench.paragraph_pages --one-paragraph 300 [--seed 11] [--readings FILE]

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

`--one-paragraph N` measures the shared list reader alone on the same kind of text (generic12): N random records of
each corpus file printed as one paragraph after an "Eligibility Criteria:" label (bench.runon_verbatim's CheckOrphan
layout), read by CheckOrphan's reader with its own colonless-heading rule off, so the paragraph goes to
`criteria_lists` with no site heading rules (a site printing the record so that has no reader of its own). Every criteria alarm is false by construction; `--readings` keeps each page's reading, to count the
readings a change of the reader changes.
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


# the one-paragraph layout: the record's text as one paragraph on the "Eligibility Criteria:" label's line (CheckOrphan's
# layout, bench.runon_verbatim.page_html), read by the shared list reader alone: CheckOrphan's page reader with its own
# colonless-heading rule off (checkorphan.criteria_lines), as parse9's "faithful measure" read it (docs/benchmarks.md)
ONE_PARAGRAPH_URL = "https://checkorphan.org/clinicaltrial/x/{n}"
# a colonless heading in mid-paragraph where the record's line could start, as CheckOrphan's own rule reads one
_MID_HEAD = re.compile(r"(?<=[.;:!?)\]])\s+(?:INCLUSION|EXCLUSION|Inclusion|Exclusion)\s+(?:CRITERIA|Criteria)(?=\s+[A-Z])")


@dataclass
class OneTally:
    pages: int = 0
    read: int = 0
    with_head: int = 0
    alarmed: list = field(default_factory=list)
    by_kind: Counter = field(default_factory=Counter)
    readings: dict = field(default_factory=dict)


def one_paragraph(line: str, tally: OneTally, site: str | None = None) -> None:
    """One record shown as the one-paragraph page of an unknown host: alarms (all false: the text is the record's)."""
    from bench.runon_verbatim import page_html as runon_page, run_on
    read = record_of(line)
    if read is None or not read[2].strip():
        return
    official, p, criteria = read
    nct = official.nct_id
    page = scrape_html(runon_page(nct, p["identificationModule"].get("briefTitle", ""), "", criteria),
                       ONE_PARAGRAPH_URL.format(n=nct))
    if site:
        page.site = site   # (reconciled as another site's: no allowance for CheckOrphan's run-together lines)
    tally.pages += 1
    tally.read += bool(page.inclusion or page.exclusion)
    tally.with_head += bool(_MID_HEAD.search(run_on(criteria)))
    tally.readings[nct] = (page.inclusion, page.exclusion)
    fs = [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity != "info"
          and f.field.startswith(("inclusion", "exclusion", "criteria"))]
    if fs:
        tally.alarmed.append((nct, [(f.severity, f.kind, f.message) for f in fs]))
        tally.by_kind.update((f.severity, f.kind) for f in fs)


def one_paragraph_main(args: argparse.Namespace) -> int:
    """`--one-paragraph N`: N random records of each corpus file as one-paragraph pages read by the shared reader."""
    from scrapers.sites import checkorphan
    checkorphan.criteria_lines = lambda text: [text]   # (the site's own heading rule off: the shared reader alone)
    random.seed(args.seed)
    with open(CTGOV / "studies_v2.jsonl", encoding="utf-8") as fh:
        lines = random.sample(list(fh), args.one_paragraph)
    with gzip.open(CTGOV / "studies_legacy_xml_as_v2.jsonl.gz", "rt", encoding="utf-8") as fh:
        lines += random.sample(list(fh), args.one_paragraph)
    tally = OneTally()
    for line in lines:
        one_paragraph(line, tally, "trials.example-registry.org" if args.not_run_together else None)
    crit = sum(any(s == "critical" for s, _, _ in fs) for _, fs in tally.alarmed)
    print(f"{tally.pages} one-paragraph pages (the shared reader alone): {tally.read} with criteria read, "
          f"{tally.with_head} with a colonless heading mid-paragraph; {len(tally.alarmed)} with a criteria warning or "
          f"critical ({crit} with a critical)")
    for (sev, kind), n in sorted(tally.by_kind.items()):
        print(f"  {sev:8} {kind:24} {n}")
    for nct, fs in tally.alarmed[:args.show]:
        print(f"{nct}:")
        for sev, kind, msg in fs[:3]:
            print(f"  {sev} {kind}: {msg[:200]}")
    if args.readings:
        Path(args.readings).write_text(json.dumps(tally.readings), encoding="utf-8")
    return 0


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
    ap.add_argument("--one-paragraph", type=int, default=0, metavar="N",
                    help="instead: N random records of each corpus file as an unknown host's one paragraph")
    ap.add_argument("--not-run-together", action="store_true",
                    help="with --one-paragraph: without reconcile's allowance for CheckOrphan's run-together lines")
    ap.add_argument("--readings", help="with --one-paragraph: write each page's reading to this JSON file")
    args = ap.parse_args(argv)
    if args.one_paragraph:
        return one_paragraph_main(args)
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
