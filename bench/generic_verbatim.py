"""Pages of hosts without a reader of their own whose criteria are the record's: every alarm is false (prints figures;
not a test).

    .venv/bin/python -m bench.generic_verbatim [--per-source 150] [--seed 5454] [--show 20]

Review r54 F1: the generic reader (every hospital, university and long-tail site) cut a criteria list at an item that
read like a title ("Be a U.S. Resident") or at the first line after a list that was not an item, and a verbatim page
got "This page leaves out a requirement". Here `--per-source` random records of each corpus file (native API v2 and
converted legacy XML, drawn as r54 drew its 300 with seed 5454) have their eligibility text rendered by CommonMark (as
ClinicalTrials.gov renders it) into three layouts such sites use, each followed by other sections that must not be read
as criteria:

- md: "Eligibility Criteria" h2, the rendered text, then h2 "Outcome Measures", "Locations", "Contacts" with lists;
- h3: the record's "Inclusion/Exclusion Criteria:" lines as h3 headings under an h2, then a "Study Locations" h2;
- div: no heading elements at all: labels in bold paragraphs, the next section "Treatments Being Tested" (a title the
  reader only guesses ends the list) with its own list, then "Contacts";
- label: as div, but the next section is headed by a label the reader does not know and that looks like no title
  ("Where this study takes place:"), its list in a block of its own.

Each page is read by the real scraper (`scrape_html`, an unknown host) and reconciled with its own record. Counted:
pages with an alarm (warning or critical) by kind, and pages whose criteria took in a line of the sections after them
(`leaked`: the outcome measure, a site name or a treatment; must stay 0). `--drop` also shows each md page without its
middle list item and counts the pages where a criterion_missing names it (recall). `--multi-part` reads every record
whose criteria name "inclusion criteria" twice or more instead of the sample (reader15: records in populations and parts).
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

from markdown_it import MarkdownIt  # noqa: E402

from scrapers import scrape_html  # noqa: E402
from scrapers.errors import BadInput  # noqa: E402
from scrapers.official import OfficialRecord  # noqa: E402
from scrapers.reconcile import is_alarm, reconcile  # noqa: E402

CTGOV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ctgov"
TODAY = date(2026, 12, 7)
URL = "https://research.example-hospital.org/clinical-trials/{nct}"
LAYOUTS = ("md", "h3", "div", "label")
_MD = MarkdownIt("commonmark")
_HEADER = re.compile(r"^\s*((?:key |main )?(?:inclusion|exclusion) criteria)\s*:?\s*$", re.I | re.M)
# the sections after the criteria: what they say must never be read as a criterion
OUTCOME, SITE, TREATMENT = "Change in quality of life score at week twelve", "Mercy Regional Medical Center", \
    "Drug: study tablet taken once daily"


def sample(per_source: int, seed: int, multi_part: bool = False) -> list[dict]:
    """`per_source` random records with criteria of each corpus file, drawn as review r54 drew them; with
    `multi_part`, instead every record whose criteria name "inclusion criteria" twice or more (populations, parts,
    PDQ outlines: 175 of the corpus; reader15)."""
    records: dict[str, dict] = {}
    with open(CTGOV / "studies_v2.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            records[d["protocolSection"]["identificationModule"]["nctId"]] = d
    v2 = set(records)
    with gzip.open(CTGOV / "studies_legacy_xml_as_v2.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            records.setdefault(d["protocolSection"]["identificationModule"]["nctId"], d)
    ids = [n for n in sorted(records)
           if records[n]["protocolSection"].get("eligibilityModule", {}).get("eligibilityCriteria")]
    if multi_part:
        return [records[n] for n in ids if len(re.findall(
            r"inclusion\s+criteria", records[n]["protocolSection"]["eligibilityModule"]["eligibilityCriteria"], re.I)) >= 2]
    random.seed(seed)
    a, b = [n for n in ids if n in v2], [n for n in ids if n not in v2]
    return [records[n] for n in random.sample(a, per_source) + random.sample(b, per_source)]


_BARE_ANGLE = re.compile(r"(?<!\\)([<>])")


def page_html(layout: str, nct: str, title: str, criteria: str) -> str:
    """A page of an unknown host showing `criteria` (the record's text) in `layout`, other sections after it. A "<" or
    ">" the record does not escape is escaped first (as the API's own text does, "\\> 12%"): CommonMark would show a
    line starting "> 6 months" as a quote without its comparator, or "<5" as markup, and the page would not be the
    record's text."""
    criteria = _BARE_ANGLE.sub(r"\\\1", criteria)
    if layout == "md":
        body = (f"<h2>Eligibility Criteria</h2>{_MD.render(criteria)}"
                f"<h2>Outcome Measures</h2><ul><li>{OUTCOME}</li></ul>"
                f"<h2>Locations</h2><ul><li>{SITE}</li></ul><h2>Contacts</h2><p>Study coordinator, 555-0100</p>")
    elif layout == "h3":
        text = _HEADER.sub(lambda m: f"\n\n### {m.group(1)}\n\n", criteria)
        body = f"<h2>Eligibility</h2>{_MD.render(text)}<h2>Study Locations</h2><ul><li>{SITE}</li></ul>"
    else:
        text = _HEADER.sub(lambda m: f"\n\n**{m.group(1)}**\n\n", criteria)
        after = f"<p>Treatments Being Tested</p><ul><li>{TREATMENT}</li></ul>" if layout == "div" else \
            f"<p>Where this study takes place:</p><ul><li>{SITE}</li></ul>"
        body = (f"<div><p><strong>Who can take part</strong></p>{_MD.render(text)}</div><div>{after}</div>"
                f"<div><p><strong>Contacts</strong></p><p>Study coordinator, 555-0100</p></div>")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{H.escape(title)}</title></head><body><main>"
            f"<h1>{H.escape(title)}</h1><p>NCT ID: {nct}</p>{body}</main></body></html>")


@dataclass
class Tally:
    pages: int = 0
    alarmed: list = field(default_factory=list)    # (nct, [(severity, kind, message)])
    by_kind: Counter = field(default_factory=Counter)
    leaked: list = field(default_factory=list)
    dropped: int = 0
    dropped_caught: int = 0
    errors: list = field(default_factory=list)


def _read(layout: str, nct: str, title: str, criteria: str, official: OfficialRecord):
    page = scrape_html(page_html(layout, nct, title, criteria), URL.format(nct=nct))
    return page, [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity != "info"]


def check(record: dict, layout: str, tally: Tally, drop: bool) -> None:
    try:
        official = OfficialRecord(record)
    except BadInput:
        return
    p = record["protocolSection"]
    criteria = p["eligibilityModule"]["eligibilityCriteria"]
    nct, title = official.nct_id, p["identificationModule"].get("briefTitle", "")
    try:
        page, found = _read(layout, nct, title, criteria, official)
    except Exception as exc:   # (a bench: a crash is a finding too, counted and listed)
        tally.errors.append((nct, layout, repr(exc)))
        return
    tally.pages += 1
    if found:
        tally.alarmed.append((f"{nct} [{layout}]", [(f.severity, f.kind, f.message) for f in found]))
        tally.by_kind.update((f.severity, f.kind) for f in found)
    if any(s in item for item in page.inclusion + page.exclusion for s in (OUTCOME, SITE, TREATMENT, "555-0100")):
        tally.leaked.append(f"{nct} [{layout}]")
    if not drop or layout != "md":
        return
    items = [ln for ln in criteria.split("\n") if re.match(r"^\s*[*-]\s+\S", ln) and len(ln.split()) >= 4]
    if len(items) < 3 or criteria.count(items[len(items) // 2]) != 1:
        return
    gone = items[len(items) // 2]
    page, found = _read(layout, nct, title, criteria.replace(gone + "\n", "", 1), official)
    tally.dropped += 1
    key = re.sub(r"^\s*[*-]\s+", "", gone).strip().lower()[:40]
    if any(f.kind == "criterion_missing" and any(key in t.lower() for t in f.evidence.get("official_texts", []))
           for f in found):
        tally.dropped_caught += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-source", type=int, default=150)
    ap.add_argument("--seed", type=int, default=5454)
    ap.add_argument("--drop", action="store_true", help="also the md page without its middle item: is it caught?")
    ap.add_argument("--show", type=int, default=20, help="list up to N alarmed pages")
    ap.add_argument("--layouts", default=",".join(LAYOUTS), help="which layouts, comma-separated")
    ap.add_argument("--multi-part", action="store_true",
                    help="instead of the sample: every record naming 'inclusion criteria' twice or more")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    records = sample(args.per_source, args.seed, args.multi_part)
    for layout in args.layouts.split(","):
        tally = Tally()
        for record in records:
            check(record, layout, tally, args.drop)
        missing = tally.by_kind.get(("warning", "criterion_missing"), 0)
        print(f"[{layout}] {tally.pages} pages: {len(tally.alarmed)} with a warning or critical "
              f"({missing} criterion_missing warnings); {len(tally.leaked)} read another section as criteria; "
              f"{len(tally.errors)} errors")
        for (sev, kind), n in sorted(tally.by_kind.items()):
            print(f"  {sev:8} {kind:24} {n}")
        if args.drop and layout == "md":
            print(f"  middle item left out: {tally.dropped_caught}/{tally.dropped} pages caught")
        for name in tally.leaked[:args.show]:
            print(f"  leaked: {name}")
        for name, fs in tally.alarmed[:args.show]:
            print(f"  {name}: " + "; ".join(f"{s} {k}: {m[:120]}" for s, k, m in fs[:2]))
        for nct, lay, err in tally.errors[:args.show]:
            print(f"  ERROR {nct} [{lay}]: {err}")
    print(f"{time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
