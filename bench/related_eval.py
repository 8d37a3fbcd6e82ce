"""Judged evaluation of related trials: the blended ranker against plain BM25.

    .venv/bin/python -m bench.related_eval dossier   # print unjudged (query, result) pairs to read
    .venv/bin/python -m bench.related_eval score     # precision@5, precision@10, nDCG@10 for both
    add --set heldout for the held-out queries

Queries: bench/related_queries.json (33 trials from ../shared/data/ctgov across areas, drawn
from random.Random(2026).sample of the indexed ids and picked one per area before any
judging). Judgements: bench/related_judgements.jsonl, one line per (query, result):
{"query", "result", "relevant", "reason"}, judged by reading both records against the
criterion "a patient eligible for the query trial could plausibly consider this trial".
Both rankers run over every status ("any"), so status does not decide what is compared.
A result missing from the judgements makes `score` fail: nothing is counted unjudged.
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
import tempfile
from pathlib import Path

from bench.corpus import iter_corpus
from scrapers.registry.search import build_index
from server.related import bm25_baseline, related

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "related_queries.json"            # development set (ranker v1 frozen before judging)
HELDOUT = HERE / "related_queries_heldout.json"    # held-out set (ranker v2 frozen before judging)
HELDOUT2 = HERE / "related_queries_heldout2.json"  # second held-out set (ranker v3 frozen before judging)
JUDGEMENTS = HERE / "related_judgements.jsonl"
K = 10


def load_judgements() -> dict[tuple[str, str], dict]:
    out = {}
    if JUDGEMENTS.exists():
        for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                out[(j["query"], j["result"])] = j
    return out


def run_rankers(conn: sqlite3.Connection, queries: list[str]) -> dict[str, dict[str, list[str]]]:
    return {q: {"blended": [r.nct_id for r in related(q, K, "any", conn=conn)],
                "bm25": bm25_baseline(q, K, conn=conn)} for q in queries}


def ndcg(rels: list[bool], k: int = K, ideal_count: int | None = None) -> float:
    """Binary-gain nDCG@k; the ideal ranking has `ideal_count` relevant results (all judged
    relevant results for the query across both rankers, capped at k)."""
    dcg = sum(1 / math.log2(i + 2) for i, r in enumerate(rels[:k]) if r)
    n_ideal = min(k, ideal_count if ideal_count is not None else sum(rels))
    idcg = sum(1 / math.log2(i + 2) for i in range(n_ideal))
    return dcg / idcg if idcg else 0.0


def _summary(rec, width: int) -> str:
    crit = " ".join((rec.eligibility_criteria or "").split())
    ages = f"{rec.min_age.text if rec.min_age else '?'}–{rec.max_age.text if rec.max_age else '?'}"
    ints = "; ".join(f"{n} ({t})" for t, n in rec.interventions)[:200]
    return (f"{rec.nct_id} [{rec.status}] {rec.title}\n   cond: {'; '.join(rec.conditions)[:160]}\n"
            f"   int: {ints}\n   who: {rec.sex} {ages} hv={rec.healthy_volunteers} | {crit[:width]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["dossier", "score"])
    ap.add_argument("--only", help="comma-separated query ids (dossier)")
    ap.add_argument("--set", choices=["dev", "heldout", "heldout2"], default="dev", help="which query set")
    args = ap.parse_args()
    queries = json.loads({"dev": QUERIES, "heldout": HELDOUT, "heldout2": HELDOUT2}[args.set].read_text())["queries"]
    records = {r.nct_id: r for r in iter_corpus()}
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "eval.db")
        build_index(conn, records.values())
        runs = run_rankers(conn, [q["nct_id"] for q in queries])
    judged = load_judgements()
    if args.command == "dossier":
        only = set(args.only.split(",")) if args.only else None
        for q in queries:
            qid = q["nct_id"]
            todo = [r for r in dict.fromkeys(runs[qid]["blended"] + runs[qid]["bm25"]) if (qid, r) not in judged]
            if not todo or (only and qid not in only):
                continue
            print("=" * 100 + "\nQUERY " + _summary(records[qid], 700))
            for r in todo:
                print("-- " + _summary(records[r], 300))
        return
    missing = [(q, r) for q, rs in runs.items() for r in set(rs["blended"] + rs["bm25"]) if (q, r) not in judged]
    if missing:
        sys.exit(f"{len(missing)} results are not judged yet, e.g. {missing[:3]}; run `dossier`")
    table = {}
    for name in ("blended", "bm25"):
        p5 = p10 = nd = 0.0
        for q, rs in runs.items():
            rels = [judged[(q, r)]["relevant"] for r in rs[name]]
            ideal = sum(judged[(q, r)]["relevant"] for r in set(runs[q]["blended"] + runs[q]["bm25"]))
            p5 += sum(rels[:5]) / 5
            p10 += sum(rels[:10]) / 10
            nd += ndcg(rels, K, ideal)
        n = len(runs)
        table[name] = {"P@5": round(p5 / n, 3), "P@10": round(p10 / n, 3), "nDCG@10": round(nd / n, 3)}
    wins = sum(1 for q, rs in runs.items()
               if sum(judged[(q, r)]["relevant"] for r in rs["blended"]) > sum(judged[(q, r)]["relevant"] for r in rs["bm25"]))
    losses = sum(1 for q, rs in runs.items()
                 if sum(judged[(q, r)]["relevant"] for r in rs["blended"]) < sum(judged[(q, r)]["relevant"] for r in rs["bm25"]))
    print(json.dumps({"queries": len(runs), "judged_pairs": len({(q, r) for q, rs in runs.items()
                                                                  for r in rs["blended"] + rs["bm25"]}),
                      "rankers": table, "blended_better_P@10_queries": wins, "bm25_better_P@10_queries": losses},
                     indent=2))


if __name__ == "__main__":
    main()
