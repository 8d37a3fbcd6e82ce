"""Store benchmark: ingest rate, lookup latency, size on disk. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_store.py [--lookups 5000]

Reads ../shared/data/ctgov (the ~8,100-record corpus and the 635-record CT.gov zip).
Targets (issue 3): ingest >= 2,000 records/s on one core; store lookup p99 < 2 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers.registry import Registry, Store  # noqa: E402
from scrapers.registry.client import CtgovClient  # noqa: E402
from scrapers.registry.ingest import ingest  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ctgov"
CORPUS = [DATA / "studies_v2.jsonl", DATA / "studies_legacy_xml_as_v2.jsonl.gz"]
ZIP = DATA / "bulk" / "ctg-studies.json.zip"


def timed_ingest(db: Path, paths: list[Path]) -> tuple[int, float, float, dict]:
    store = Store(db)
    t0, c0 = time.perf_counter(), time.process_time()
    report = ingest(store, paths)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = report.summary.added + report.summary.updated + report.summary.unchanged + report.summary.older
    store.close()
    return n, wall, cpu, report.summary.to_dict()


def size_on_disk(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def percentiles(samples: list[float]) -> tuple[float, float]:
    qs = statistics.quantiles(samples, n=100, method="inclusive")
    return qs[49], qs[98]


def timed(call, args: list) -> tuple[list[float], list[float]]:
    """(wall ms, CPU ms) of call(a) for each a in args."""
    wall, cpu = [], []
    for a in args:
        t0, c0 = time.perf_counter(), time.thread_time()
        call(a)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lookups", type=int, default=5000)
    args = ap.parse_args()
    if not all(p.exists() for p in CORPUS + [ZIP]):
        print(f"needs {DATA} (the shared CT.gov corpus)", file=sys.stderr)
        return 1
    print(f"load average at start: {open('/proc/loadavg').read().split()[0]} on {os.cpu_count()} cores")
    print(f"machine: {platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "corpus.sqlite3"
        n, wall, cpu, summary = timed_ingest(db, CORPUS)
        print(f"ingest corpus (jsonl + jsonl.gz): {n} records in {wall:.2f} s = {n / wall:,.0f} records/s wall, "
              f"{n / cpu:,.0f} records per CPU-second {summary}")
        n2, wall2, cpu2, summary2 = timed_ingest(db, CORPUS)
        print(f"re-ingest corpus (all unchanged): {n2} records in {wall2:.2f} s = {n2 / wall2:,.0f} records/s {summary2}")
        size = size_on_disk(db)
        print(f"store size: {size / 1e6:.1f} MB for {n} records = {size / n * 1000 / 1e6:.2f} MB per 1,000 records")

        zdb = tmp / "zip.sqlite3"
        nz, wallz, cpuz, summaryz = timed_ingest(zdb, [ZIP])
        print(f"ingest ctg-studies.json.zip: {nz} records in {wallz:.2f} s = {nz / wallz:,.0f} records/s wall, "
              f"{nz / cpuz:,.0f} records per CPU-second {summaryz}")

        store = Store(db)
        ids = store.ids()
        rng = random.Random(7)
        sample = [rng.choice(ids) for _ in range(args.lookups)]
        store.get_stored(sample[0])  # open the connection outside the timing
        lat, cpu = timed(store.get_stored, sample)
        p50, p99 = percentiles(lat)
        c50, c99 = percentiles(cpu)
        print(f"store lookup (get_stored, JSON parsed into OfficialRecord): p50 {p50:.3f} ms, p99 {p99:.3f} ms, "
              f"max {max(lat):.3f} ms over {len(lat)} lookups; CPU time p50 {c50:.3f} ms, p99 {c99:.3f} ms")

        reg = Registry(store, None, ttl=timedelta(days=365 * 100), offline=True)
        lat, _ = timed(reg.lookup, sample)
        p50, p99 = percentiles(lat)
        print(f"Registry.lookup from the store (fresh, with history): p50 {p50:.3f} ms, p99 {p99:.3f} ms")

        # a listing page's badges: prefetch checks which of 100 ids need asking for (none here: all
        # fresh, so no request is made), then each is looked up; the check alone is what is timed
        never_asked = CtgovClient("http://127.0.0.1:9")   # (every id is fresh: no request is made)
        online = Registry(store, never_asked, ttl=timedelta(days=365 * 100), offline=False)
        _, cpu = timed(online.prefetch, [sample[i:i + 100] for i in range(0, len(sample) - 99, 100)])
        p50, p99 = percentiles(cpu)
        print(f"Registry.prefetch of 100 fresh ids (which need asking for: none): CPU p50 {p50:.2f} ms, "
              f"p99 {p99:.2f} ms over {len(cpu)} batches")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
