"""Parse every eligibility text in ../shared/data/ctgov and print what the parser found.

Figures: share of records with both sections, items per record, records with unplaced
text, and a text-conservation check (every word of the input is in an item or a heading).
Run: .venv/bin/python bench/bench_criteria.py [--show-unplaced N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers.criteria import iter_items, parse_criteria, unescape_markdown  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ctgov"


def iter_records(data: Path = DATA):
    """(source, nct_id, criteria text) for every record in the shared corpus."""
    with open(data / "studies_v2.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield "v2", r["protocolSection"]["identificationModule"]["nctId"], r
    with gzip.open(data / "studies_legacy_xml_as_v2.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield "legacy", r["protocolSection"]["identificationModule"]["nctId"], r


def criteria_text(r: dict) -> str:
    return ((r.get("protocolSection") or {}).get("eligibilityModule") or {}).get("eligibilityCriteria") or ""


def words(s: str) -> list[str]:
    return re.findall(r"\S+", s)


def conserved(text: str, crit) -> bool:
    """Every non-space character of the input appears, in order, in headings + markers + item texts."""
    src = "".join(words(unescape_markdown(text.replace("\u00a0", " "))))
    parts = list(crit.headers) + list(crit.joined_markers)
    for _, _, it in iter_items(crit):
        parts.append((it.marker or "") + it.text)
    got = "".join("".join(words(p)) for p in parts)
    return sorted(src) == sorted(got)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-unplaced", type=int, default=0, help="print N records with unplaced text")
    ap.add_argument("--show-lost", type=int, default=0)
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no data at {DATA}")
        return 1
    stats = {"v2": [], "legacy": []}
    shown = lost_shown = 0
    t0 = time.perf_counter()
    for src, nct, rec in iter_records():
        text = criteria_text(rec)
        crit = parse_criteria(text)
        n = sum(1 for _ in iter_items(crit))
        ok = conserved(text, crit)
        stats[src].append((bool(text.strip()), bool(crit.inclusion), bool(crit.exclusion), bool(crit.unplaced), n, ok,
                           bool(crit.unplaced) and not crit.inclusion and not crit.exclusion))
        if crit.unplaced and shown < args.show_unplaced:
            shown += 1
            print("=== unplaced", nct, [u.text[:100] for u in crit.unplaced[:3]], crit.headers[:3])
        if not ok and lost_shown < args.show_lost:
            lost_shown += 1
            print("=== not conserved", nct)
    elapsed = time.perf_counter() - t0
    print(f"{'corpus':<8} {'records':>7} {'w/ text':>7} {'both':>7} {'inc only':>8} {'exc only':>8} "
          f"{'unplaced':>8} {'all unpl':>8} {'items/rec':>9} {'median':>6} {'conserved':>9}")
    for src, rows in list(stats.items()) + [("all", stats["v2"] + stats["legacy"])]:
        withtext = [r for r in rows if r[0]]
        N = len(withtext) or 1
        both = sum(1 for r in withtext if r[1] and r[2])
        inc_only = sum(1 for r in withtext if r[1] and not r[2])
        exc_only = sum(1 for r in withtext if r[2] and not r[1])
        unpl = sum(1 for r in withtext if r[3])
        allun = sum(1 for r in withtext if r[6])
        items = [r[4] for r in withtext]
        cons = sum(1 for r in withtext if r[5])
        print(f"{src:<8} {len(rows):>7} {len(withtext):>7} {both / N:>7.1%} {inc_only / N:>8.1%} {exc_only / N:>8.1%} "
              f"{unpl / N:>8.1%} {allun / N:>8.1%} {statistics.mean(items):>9.1f} {statistics.median(items):>6} "
              f"{cons}/{len(withtext)}")
    total = sum(len(v) for v in stats.values())
    print(f"parsed {total} records in {elapsed:.1f}s ({total / elapsed:.0f} records/s, including JSON decoding)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
