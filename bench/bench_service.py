"""Annotation service benchmark: prints figures for docs/benchmarks.md.

    .venv/bin/python bench/bench_service.py [--rounds N] [--seconds S] [--clients C]

1. scraper vs bare parse: time inside scrape_html for each seed page (fixtures/html) beside
   a bare lxml.html.fromstring of the same page (median of many runs);
2. annotate latency, in process through the Flask test client:
   - cold: new app, empty store, the trial's record fetched from the registry helper's fake
     CT.gov API on 127.0.0.1 (tests/fake_ctgov.py);
   - first view: a page not seen before (empty caches), its record already in the store;
   - warm: the same page again (annotation cache);
3. throughput: gunicorn workers on 127.0.0.1, C concurrent HTTP clients for S seconds,
   repeated pages (warm) and distinct pages (each page new to the cache, store warm).

Target (issue 7): warm p95 at most 50 ms; scraper at most 3x the bare parse.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import lxml.html  # noqa: E402
import requests  # noqa: E402

from scrapers import scrape_html  # noqa: E402
from scrapers.registry import load_record_file  # noqa: E402

_SOURCE = re.compile(r"<!--\s*source:\s*(\S+)")


def seed_pages() -> list[tuple[str, str, str]]:
    """(name, url, html) for every saved page whose trial has a bundled official record."""
    from scrapers.nct import find_nct_ids

    records = {p.stem for p in (ROOT / "fixtures" / "ctgov").glob("NCT*.json")}
    out = []
    for path in sorted((ROOT / "fixtures" / "html").glob("*/*.html")):
        ids = find_nct_ids(path.stem)
        if not ids or ids[0] not in records:
            continue
        html = path.read_text(encoding="utf-8")
        m = _SOURCE.search(html[:2000])
        url = m.group(1) if m else f"https://{path.parent.name}/"
        out.append((f"{path.parent.name}/{path.stem}", url, html))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ms(x: float) -> str:
    return f"{x * 1000:.2f} ms"


def timed(fn, reps: int) -> float:
    """Median seconds per call."""
    samples = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


# 1. scraper vs bare parse ----------------------------------------------------------------

def bench_scraper(pages, reps: int) -> None:
    print("\n## scraper vs bare lxml.html parse (median per page)")
    print(f"{'page':55} {'bytes':>8} {'lxml':>10} {'scrape':>10} {'ratio':>6}")
    ratios, scrapes = [], []
    for name, url, html in pages:
        bare = timed(lambda: lxml.html.fromstring(html), reps)
        scrape = timed(lambda: scrape_html(html, url), reps)
        ratios.append(scrape / bare)
        scrapes.append(scrape)
        print(f"{name[:55]:55} {len(html.encode()):>8} {ms(bare):>10} {ms(scrape):>10} {scrape / bare:>5.1f}x")
    print(f"ratio: median {statistics.median(ratios):.1f}x, max {max(ratios):.1f}x (target <= 3x: "
          f"{'met' if statistics.median(ratios) <= 3 else 'NOT met'})")
    # the absolute budget the issue's owner is asked to take instead (issue 7's note): what a reader waits for
    worst = max(scrapes)
    print(f"scrape per page: worst {ms(worst)} (proposed budget <= 5 ms per page: {'met' if worst <= 0.005 else 'NOT met'})")


# 2. latency -------------------------------------------------------------------------------

def fake_registry(pages):
    """The registry helper's fake CT.gov server, serving the bundled records for the seed pages."""
    from fake_ctgov import FakeCtgov

    studies = [load_record_file(p).data for p in sorted((ROOT / "fixtures" / "ctgov").glob("NCT*.json"))]
    return FakeCtgov(studies).start()


def make_app(db: Path, ctgov_url: str | None, seed: bool = False):
    """A fresh app on store `db`; with ctgov_url, a registry that fetches from it (client rate
    limit raised: the bench measures the service, not politeness towards CT.gov)."""
    from scrapers.registry import CtgovClient, open_registry
    from server import create_app
    from server.providers import Providers, default_providers
    from server.config import ServiceConfig

    env = {"TRIALLENS_DB": str(db), "TRIALLENS_RATE_LIMIT": "off"}
    if not seed:   # an empty store: records come from the fake registry
        env["TRIALLENS_DEMO_DIR"] = str(db.parent / "nodemo")
    if ctgov_url:
        env["TRIALLENS_CTGOV_URL"] = ctgov_url
    else:
        env["TRIALLENS_OFFLINE"] = "1"
    cfg = ServiceConfig.from_env(env, environ={})
    base = default_providers(cfg)
    client = CtgovClient(ctgov_url, rate_limit=100000) if ctgov_url else None
    registry = open_registry(cfg.env, client=client) if client else base.registry
    return create_app(env, providers=Providers(registry=registry, explain=base.explain, related=base.related))


def bench_latency(pages, rounds: int, warm_reps: int) -> None:
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)   # the fake's access log
    fake = fake_registry(pages)
    cold, first, warm = [], [], []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for r in range(rounds):
                db = Path(tmp) / f"store{r}.sqlite3"
                (Path(tmp) / "nodemo").mkdir(exist_ok=True)
                c = make_app(db, fake.base_url).test_client()
                for _, url, html in pages:          # empty store: a trial's first page fetches its record
                    t = time.perf_counter()
                    resp = c.post("/api/v1/annotate", json={"url": url, "html": html})
                    dt = time.perf_counter() - t
                    assert resp.status_code == 200, resp.data[:300]
                    (cold if resp.get_json()["official"]["source"] == "registry" else first).append(dt)
                c = make_app(db, fake.base_url).test_client()
                for _, url, html in pages:          # first view: new caches, record in the store
                    t = time.perf_counter()
                    resp = c.post("/api/v1/annotate", json={"url": url, "html": html})
                    first.append(time.perf_counter() - t)
                    assert resp.status_code == 200
                for _ in range(warm_reps):          # warm: the same page again
                    for _, url, html in pages:
                        t = time.perf_counter()
                        resp = c.post("/api/v1/annotate", json={"url": url, "html": html})
                        warm.append(time.perf_counter() - t)
                        assert resp.status_code == 200
    finally:
        fake.stop()
    print(f"\n## annotate latency (Flask test client, {len(pages)} seed pages, {rounds} rounds)")
    for name, xs in (("cold (record from fake CT.gov)", cold), ("first view (record in store)", first),
                     ("warm (cached)", warm)):
        print(f"{name:32} n={len(xs):5}  p50 {ms(pct(xs, 50)):>10}  p95 {ms(pct(xs, 95)):>10}")
    print(f"warm p95 target <= 50 ms: {'met' if pct(warm, 95) <= 0.05 else 'NOT met'}")


def bench_stages(pages) -> None:
    """Where a first view's time goes: each stage of the annotation on its own (store warm)."""
    from datetime import date

    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(Path(tmp) / "store.sqlite3", None, seed=True)
        prov = app.extensions["triallens"].providers
        for _, url, html in pages:  # one untimed pass: imports, compiled patterns, store seeded
            scrape_html(html, url)
        stages: dict[str, list[float]] = {k: [] for k in ("scrape", "lookup", "reconcile", "explain", "related")}
        for _, url, html in pages:
            t = time.perf_counter()
            page = scrape_html(html, url)
            t1 = time.perf_counter()
            lk = prov.registry.lookup(page.nct_id)
            t2 = time.perf_counter()
            prov.reconcile(page, lk.record, date.today(), history=lk.history)
            t3 = time.perf_counter()
            if prov.explain:
                prov.explain(lk.record)
            t4 = time.perf_counter()
            if prov.related:
                prov.related(lk.record, 5, None)
            t5 = time.perf_counter()
            for name, dt in zip(stages, (t1 - t, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                stages[name].append(dt)
    print(f"\n## first-view stages ({len(pages)} seed pages, one each)")
    for name, xs in stages.items():
        print(f"{name:10} p50 {ms(pct(xs, 50)):>10}  p95 {ms(pct(xs, 95)):>10}")


# 3. throughput ----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_throughput(pages, seconds: float, clients: int, workers: int) -> None:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    if not gunicorn.exists():
        print("\n## throughput: skipped (gunicorn not installed: pip install -e '.[serve]')")
        return
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {**os.environ, "TRIALLENS_DB": str(Path(tmp) / "store.sqlite3"), "TRIALLENS_OFFLINE": "1",
               "TRIALLENS_RATE_LIMIT": "off"}
        proc = subprocess.Popen([str(gunicorn), "--workers", str(workers), "--threads", "4", "--preload",
                                 "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "server:create_app()"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if requests.get(base + "/healthz", timeout=1).ok:
                        break
                except requests.ConnectionError:
                    time.sleep(0.1)
            print(f"\n## throughput (gunicorn {workers} workers x 4 threads, {clients} clients, {seconds:.0f} s each)")
            for label, distinct in (("repeated pages (warm)", False), ("distinct pages (scrape each)", True)):
                rate, lat, errors = _load(base, pages, seconds, clients, distinct)
                print(f"{label:30} {rate:7.1f} req/s  p50 {ms(pct(lat, 50)):>10}  p95 {ms(pct(lat, 95)):>10}"
                      f"  errors {errors}")
        finally:
            proc.terminate()
            proc.wait(10)


def _load(base, pages, seconds, clients, distinct):
    stop = time.monotonic() + seconds
    lat: list[float] = []
    errors = [0]
    lock = threading.Lock()
    counter = [0]

    def client(i):
        s = requests.Session()
        n = 0
        while time.monotonic() < stop:
            _, url, html = pages[n % len(pages)]
            if distinct:
                with lock:
                    counter[0] += 1
                    html = html + f"<!-- {counter[0]} -->"
            n += 1
            t = time.perf_counter()
            r = s.post(base + "/api/v1/annotate", json={"url": url, "html": html}, timeout=30)
            dt = time.perf_counter() - t
            with lock:
                lat.append(dt)
                errors[0] += r.status_code != 200

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(lat) / (time.monotonic() - t0), lat, errors[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--warm", type=int, default=50, help="warm repetitions per page per round")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--reps", type=int, default=50, help="repetitions for scraper vs parse")
    args = ap.parse_args()
    pages = seed_pages()
    print(f"# TrialLens service benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"Python {platform.python_version()}, {os.cpu_count()} cores, {len(pages)} seed pages")
    bench_scraper(pages, args.reps)
    bench_latency(pages, args.rounds, args.warm)
    bench_stages(pages)
    bench_throughput(pages, args.seconds, args.clients, args.workers)


if __name__ == "__main__":
    main()
