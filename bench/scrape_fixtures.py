"""Scraping speed per host over the saved pages in fixtures/html (prints figures; not a test).

    .venv/bin/python bench/scrape_fixtures.py [ROUNDS]
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scrapers import scrape_html  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "html"
_SOURCE = re.compile(r"<!--\s*source:\s*(\S+)")


def main(rounds: int = 20) -> None:
    pages = []
    for path in sorted(ROOT.glob("*/*.html")):
        html = path.read_text(encoding="utf-8")
        m = _SOURCE.search(html[:2000])
        pages.append((path.parent.name, html, m.group(1) if m else None))
    per_host: dict[str, list[float]] = defaultdict(list)
    for _ in range(rounds):
        for host, html, url in pages:
            t0 = time.perf_counter()
            scrape_html(html, url)
            per_host[host].append((time.perf_counter() - t0) * 1000)
    tracemalloc.start()
    for _host, html, url in pages:
        scrape_html(html, url)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    all_ms = [ms for v in per_host.values() for ms in v]
    print(f"{len(pages)} pages x {rounds} rounds; median {statistics.median(all_ms):.2f} ms/page, "
          f"p95 {sorted(all_ms)[int(len(all_ms) * 0.95)]:.2f} ms, peak traced memory {peak:.1f} MB")
    for host in sorted(per_host):
        v = per_host[host]
        print(f"  {host:28s} median {statistics.median(v):6.2f} ms   max {max(v):6.2f} ms")
    # A long page on an unknown host (generic reader): 3,000 labelled rows, 2,000 criteria items.
    body = ("<h1>T</h1><p>NCT03466619</p>"
            + "".join(f"<div><div>Label {i}</div><div>value {i}</div></div><p>Status: Recruiting</p>" for i in range(3000))
            + "<h2>Inclusion Criteria</h2><ul>" + "<li>item</li>" * 2000 + "</ul>")
    big = f"<html><body>{body}</body></html>"
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        scrape_html(big, "https://unseen.example.org/t")
        times.append(time.perf_counter() - t0)
    print(f"long page ({len(big) // 1024} KB, generic reader): best of 3 {min(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
