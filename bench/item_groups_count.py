"""How many corpus records have their criteria shown under group headings (server/item_groups.py), and which.

Figures: records whose headings name a group at all; records labelled (two groups or more, or a group beside items
under no group's heading); top-level items labelled; records with a run "Not tied to one group by the record".
`--show N` prints N labelled records (seeded) with each list's runs, to read by eye.
Run: .venv/bin/python -m bench.item_groups_count [--show N --seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_criteria import DATA, criteria_text, iter_records  # noqa: E402
from scrapers.criteria import parse_criteria  # noqa: E402
from server.item_groups import UNGROUPED, group_name, section_groups  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print N labelled records with their runs")
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no data at {DATA}")
        return 1
    records = named = 0
    labelled: list[tuple[str, dict, object]] = []
    items = ungrouped = 0
    for _, nct, rec in iter_records():
        records += 1
        text = criteria_text(rec)
        crit = parse_criteria(text)
        if any(group_name(h) for h in crit.headers):
            named += 1
        groups = section_groups(crit, text)
        if groups:
            labelled.append((nct, groups, crit))
            items += sum(g is not None for labels in groups.values() for g in labels)
            ungrouped += any(g is None and any(labels[:i]) for labels in groups.values() for i, g in enumerate(labels))
    print(f"records {records}; a heading names a group {named}; labelled {len(labelled)}; "
          f"top-level items labelled {items}; records with a '{UNGROUPED}' run {ungrouped}")
    for nct, groups, crit in random.Random(args.seed).sample(labelled, min(args.show, len(labelled))):
        print(f"\n== {nct}  headings: {crit.headers}")
        for section, labels in groups.items():
            its = getattr(crit, section)
            prev = object()
            for i, (it, g) in enumerate(zip(its, labels)):
                if g != prev:
                    print(f"  [{section}] ### {g if g else (UNGROUPED if any(labels[:i]) else '-')}")
                    prev = g
                print(f"      - {it.text[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
