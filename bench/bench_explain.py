"""Explain every criterion in ../shared/data/ctgov and print how plain and how faithful it is.

Figures: share of items rewritten, shown unchanged (nothing to simplify), shown as a
fallback (a rewrite was rejected by the fidelity checker); fidelity failures among shown
rewrites, re-checked independently (must be 0); Flesch-Kincaid grade (textstat) of the
original vs the shown text, median and 90th percentile; items per second (parse + rewrite +
check + glossary, one core, JSON decoding excluded).
Run: .venv/bin/python bench/bench_explain.py [--limit N] [--show-fallbacks N] [--sample N --seed S]
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import textstat  # noqa: E402

from bench_criteria import DATA, criteria_text, iter_records  # noqa: E402
from scrapers.fidelity import check_fidelity  # noqa: E402
from server.explain import explain_text  # noqa: E402


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N records")
    ap.add_argument("--show-fallbacks", type=int, default=0, help="print N rejected rewrites with their losses")
    ap.add_argument("--show-unchanged", type=int, default=0, help="print N items left as written")
    ap.add_argument("--sample", type=int, default=0,
                    help="print N random shown rewrites beside their originals, with grades (to read by eye)")
    ap.add_argument("--seed", type=int, default=5, help="seed for --sample")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no data at {DATA}")
        return 1
    texts = []
    for i, (_, _, rec) in enumerate(iter_records()):
        if args.limit and i >= args.limit:
            break
        texts.append(criteria_text(rec))
    t0, c0 = time.perf_counter(), time.process_time()
    results = [explain_text(t) for t in texts]
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0

    counts = collections.Counter()
    loss_kinds = collections.Counter()
    grade_orig, grade_shown, grade_rw_orig, grade_rw_shown = [], [], [], []
    unfaithful = 0
    shown_fallbacks = 0
    for pc in results:
        for e in pc.items():
            counts["items"] += 1
            if e.rewritten:
                counts["rewritten"] += 1
                if check_fidelity(e.original, e.shown):
                    unfaithful += 1
            elif e.losses:
                counts["fallback"] += 1
                for k in {l["kind"] for l in e.losses}:
                    loss_kinds[k] += 1
                if shown_fallbacks < args.show_fallbacks:
                    shown_fallbacks += 1
                    from server.plain import rewrite
                    print("--- fallback:", e.original[:160])
                    print("    rewrite: ", rewrite(e.original)[0][:160])
                    print("    losses:  ", [(l["kind"], l["original"], l["rewrite"]) for l in e.losses][:3])
            else:
                counts["unchanged"] += 1
                if args.show_unchanged and counts["unchanged"] % 97 == 0 and counts["unchanged"] // 97 <= args.show_unchanged:
                    print("--- unchanged:", e.original[:200])
            if len(e.original.split()) >= 3:
                go, gs = textstat.flesch_kincaid_grade(e.original), textstat.flesch_kincaid_grade(e.shown)
                grade_orig.append(go)
                grade_shown.append(gs)
                if e.rewritten:
                    grade_rw_orig.append(go)
                    grade_rw_shown.append(gs)
    if args.sample:
        import random
        rewritten = [e for pc in results for e in pc.items() if e.rewritten]
        for e in random.Random(args.seed).sample(rewritten, min(args.sample, len(rewritten))):
            print(f"[{textstat.flesch_kincaid_grade(e.original):5.1f}] {e.original[:300]}")
            print(f"[{textstat.flesch_kincaid_grade(e.shown):5.1f}] {e.shown[:300]}\n")
    n = counts["items"] or 1
    print(f"records {len(texts)}, items {counts['items']}: parse + explain took {elapsed:.1f}s wall, {cpu:.1f}s CPU "
          f"-> {counts['items'] / cpu:,.0f} items per CPU-second on one core ({counts['items'] / elapsed:,.0f} items/s wall)")
    print(f"rewritten (plain text shown)          {counts['rewritten'] / n:6.1%}  ({counts['rewritten']})")
    print(f"unchanged (nothing to simplify)       {counts['unchanged'] / n:6.1%}  ({counts['unchanged']})")
    print(f"fallback (rewrite rejected, original) {counts['fallback'] / n:6.1%}  ({counts['fallback']})")
    print(f"fidelity failures among shown rewrites: {unfaithful}")
    print("fallback reasons (items):", dict(loss_kinds.most_common()))
    print(f"Flesch-Kincaid grade, items of 3+ words (n={len(grade_orig)}):")
    print(f"  all items      original median {statistics.median(grade_orig):5.1f} p90 {pct(grade_orig, .9):5.1f}"
          f" | shown median {statistics.median(grade_shown):5.1f} p90 {pct(grade_shown, .9):5.1f}")
    if grade_rw_orig:
        print(f"  rewritten only original median {statistics.median(grade_rw_orig):5.1f} p90 {pct(grade_rw_orig, .9):5.1f}"
              f" | shown median {statistics.median(grade_rw_shown):5.1f} p90 {pct(grade_rw_shown, .9):5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
