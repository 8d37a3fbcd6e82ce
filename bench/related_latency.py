"""Related-trials latency and index cost, on the real corpus and on a synthetic large store.

    .venv/bin/python -m bench.related_latency              # 8,087 real records
    .venv/bin/python -m bench.related_latency --scale 200000

The synthetic store replicates the real records under new NCT ids (NCT9xxxxxxx) until it
holds --scale records; it is built in a temporary directory and deleted afterwards.
Prints index build time, database size and per-query p50/p95 for the default mode (open
statuses) and for --any-status: wall time, and CPU time of the querying thread (one core; on
a shared, loaded machine wall time includes waiting for a core, so both are reported with
the load average).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Iterator

from bench.corpus import iter_corpus
from scrapers.official import OfficialRecord
from scrapers.registry.search import build_index
from server.related import related


def replicated(target: int) -> Iterator[OfficialRecord]:
    """The real records, then copies under new ids (no aliases) until `target` records."""
    base = [r.data for r in iter_corpus()]
    seen = set()
    for data in base:
        seen.add(data["protocolSection"]["identificationModule"]["nctId"])
        yield OfficialRecord(data)
    n, serial = len(seen), 0
    while n < target:
        for data in base:
            if n >= target:
                return
            serial += 1
            copy = json.loads(json.dumps(data))
            ident = copy["protocolSection"]["identificationModule"]
            ident["nctId"] = f"NCT9{serial:07d}"
            ident.pop("nctIdAliases", None)
            n += 1
            yield OfficialRecord(copy)


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(scale: int | None, queries: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "related.db"
        conn = sqlite3.connect(path)
        t0 = time.perf_counter()
        n = build_index(conn, replicated(scale) if scale else iter_corpus())
        build_s = time.perf_counter() - t0
        conn.execute("VACUUM")
        size = os.path.getsize(path)
        ids = [r[0] for r in conn.execute("SELECT nct_id FROM related_trials WHERE nct_id NOT LIKE 'NCT9%'")]
        sample = random.Random(seed).sample(ids, min(queries, len(ids)))
        related(sample[0], conn=conn)  # warm the page cache and the temp tables once
        out = {"records": n, "build_s": round(build_s, 1), "db_mb": round(size / 2**20, 1), "queries": len(sample)}
        out["load_avg_1m"] = round(os.getloadavg()[0], 2)
        for mode, statuses in (("default", None), ("any_status", "any")):
            times, cpu, empty = [], [], 0
            for nct in sample:
                t, c = time.perf_counter(), time.thread_time()
                res = related(nct, 10, statuses, conn=conn)
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.thread_time() - c) * 1000)
                empty += not res
            out[mode] = {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(percentile(times, 95), 2),
                         "max_ms": round(max(times), 2), "cpu_p50_ms": round(statistics.median(cpu), 2),
                         "cpu_p95_ms": round(percentile(cpu, 95), 2), "empty_results": empty}
        conn.close()
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=None, help="synthetic store size (default: the real corpus)")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(json.dumps(run(args.scale, args.queries, args.seed), indent=2))


if __name__ == "__main__":
    main()
