"""The lab and score limits shown "at a glance" (server/thresholds.py) on every record in
../shared/data/ctgov: how many records and items get any, how fast, and N random ones beside
the item they came from, to read by eye (each must say what its item says, on its own).

    .venv/bin/python bench/glance_limits.py [--sample N] [--seed S] [--section inclusion|exclusion|unplaced]
        [--dump FILE]

--dump writes every limit shown, one JSON line each (record, section, text, item), to diff two versions.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_criteria import DATA, criteria_text, iter_records  # noqa: E402
from scrapers.criteria import parse_criteria  # noqa: E402
from server.thresholds import criteria_thresholds  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--section", choices=("inclusion", "exclusion", "unplaced"))
    ap.add_argument("--dump", type=Path, help="write every limit shown as JSONL")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no data at {DATA}")
        return 1
    records = [(nct, parse_criteria(criteria_text(rec) or "")) for _, nct, rec in iter_records()]
    crits = [c for _, c in records]
    c0 = time.process_time()
    found = [criteria_thresholds(c)
             for c in crits]
    cpu = time.process_time() - c0
    shown = [t for ts in found for t in ts]
    items = {(i, t["item"]) for i, ts in enumerate(found) for t in ts}
    print(f"{len(crits)} records: {sum(1 for ts in found if ts)} with a limit at a glance, {len(shown)} limits "
          f"from {len(items)} items; {cpu:.2f} s CPU ({len(crits) / cpu:,.0f} records/s)")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for i, ts in enumerate(found):
                for t in ts:
                    fh.write(json.dumps({"record": i, "nct": records[i][0], "section": t["section"], "text": t["text"],
                                         "item": t["item"]}, ensure_ascii=False) + "\n")
    pool = [t for t in shown if not args.section or t["section"] == args.section]
    random.seed(args.seed)
    for t in random.sample(pool, min(args.sample, len(pool))):
        print(f"{t['label']:12} {t['text']}\n{'':12} <- {t['item'][:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
