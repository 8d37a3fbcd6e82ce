"""Scraper vs bare lxml.html parse on the seed pages: just section 1 of bench_service, fast to rerun.

Usage: .venv/bin/python bench/bench_scrape.py [--reps N] [--profile] [--cold] [--floor]

Besides the per-page wall-clock medians it prints the CPU time (time.process_time, best of
--reps) to scrape and to parse all seed pages once: steadier than wall clock on a shared machine.
The scrapers cache some per-text work (functools caches: a line's label form, a date, a
phase); rerunning the same 40 pages hits those caches as a page never seen before does not,
so the CPU pass is also run with them emptied first ("caches emptied": the honest figure).

--floor prints what each stage costs alone, against the bare parse: what is left for the site
readers once the page's lines and chrome-free views exist, i.e. what a compiled walk could not
remove.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# (this checkout's code, not the one an editable install points at: a git worktree sharing a venv measured main)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import lxml.html  # noqa: E402
from bench_service import bench_scraper, seed_pages  # noqa: E402

from scrapers import scrape_html  # noqa: E402
from scrapers.scrape import _as_text, _choose_primary  # noqa: E402
from scrapers.sites import _chrome, scraper_for  # noqa: E402
from scrapers.sites._chrome import without_chrome  # noqa: E402
from scrapers.sites.base import Page  # noqa: E402
from scrapers.sites._embedded import cross_check_embedded  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--profile", action="store_true",
                    help="print the top cProfile entries instead (--reps passes, caches emptied)")
    ap.add_argument("--cold", action="store_true", help="only the CPU line with emptied caches (quicker)")
    ap.add_argument("--floor", action="store_true", help="each stage alone, against the bare parse")
    args = ap.parse_args()
    pages = seed_pages()
    if args.floor:
        floor(pages, args.reps)
        return
    if args.profile:
        profile(pages, args.reps)
        return
    print(f"# scraper vs parse, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"Python {platform.python_version()}, {os.cpu_count()} cores, {len(pages)} seed pages")
    if not args.cold:
        bench_scraper(pages, args.reps)

    def cpu(fn, cold: bool = False) -> float:
        if cold:
            clear_caches()
        t = time.process_time()
        for _name, url, html in pages:
            fn(html, url)
        return time.process_time() - t

    parse = min(cpu(lambda html, url: lxml.html.fromstring(html)) for _ in range(args.reps))
    runs = [(False, ""), (True, ", caches emptied")] if not args.cold else [(True, ", caches emptied")]
    for cold, label in runs:
        scrape = min(cpu(scrape_html, cold) for _ in range(args.reps))
        print(f"all pages once, CPU time (best of {args.reps}{label}): scrape {scrape * 1000:.1f} ms, "
              f"bare parse {parse * 1000:.2f} ms, ratio {scrape / parse:.1f}x")
    # Where the time goes: the reader's lines alone (parse + one walk: what any scraper
    # reading visible text pays before reading a field), then with the chrome-free view
    # (the last `scrape` above is the one with caches emptied).
    page = min(cpu(Page) for _ in range(args.reps))
    view = min(cpu(lambda html, url: without_chrome(Page(html, url))) for _ in range(args.reps))
    print(f"  of which: parse + reader's lines (Page) {page * 1000:.1f} ms ({page / parse:.1f}x the parse), "
          f"+ chrome-free view {view * 1000:.1f} ms ({view / parse:.1f}x), "
          f"reading the fields and checks about {(scrape - view) * 1000:.1f} ms")


def profile(pages: list, reps: int) -> None:
    """The top cProfile entries over `reps` passes of all pages, caches emptied before each (the honest figure's
    conditions); one pass first, unprofiled, so that imports and regex compiling are not counted as scraping."""
    for _name, url, html in pages:
        scrape_html(html, url)
    prof = cProfile.Profile()
    for _ in range(reps):
        clear_caches()
        prof.enable()
        for _name, url, html in pages:
            scrape_html(html, url)
        prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(30)


def floor(pages: list, reps: int) -> None:
    """Each stage of a scrape alone, CPU time for all pages once (best of `reps`)."""
    texts = [(url, _as_text(html)) for _name, url, html in pages]

    def best(run, cold: bool = False) -> float:
        out = float("inf")
        for _ in range(reps):
            if cold:
                clear_caches()
            t = time.process_time()
            run()
            out = min(out, time.process_time() - t)
        return out * 1000

    parse = best(lambda: [lxml.html.fromstring(h) for _u, h in texts])
    built = [Page(h, u) for u, h in texts]
    visit = best(lambda: [[(e.tag, e.text, e.tail) for e in p.root.iter()] for p in built])
    page = best(lambda: [Page(h, u) for u, h in texts])
    views = {id(p): (without_chrome(p), without_chrome(p, strict=True)) for p in built}
    chrome = best(lambda: [(without_chrome(p), without_chrome(p, strict=True)) for p in built])
    readers = best(lambda: _scrape_with_views(built, views), cold=True)
    records = {id(p): scraper_for(p.url).scrape(p) for p in built}
    checks = best(lambda: _final_checks(built, records), cold=True)
    print(f"bare lxml.html parse {parse:.2f} ms (1x)")
    print(f"a Python visit of every element reading tag, text, tail: {visit:.2f} ms ({visit / parse:.1f}x)")
    print(f"parse + the reader's lines (Page): {page:.2f} ms ({page / parse:.1f}x)")
    print(f"both chrome-free views of every page: {chrome:.2f} ms ({chrome / parse:.1f}x)")
    print(f"site readers, lines and views ready-made: {readers:.2f} ms ({readers / parse:.1f}x)")
    print(f"primary id and embedded-data check: {checks:.2f} ms ({checks / parse:.1f}x)")
    print(f"floor with a free walk and free chrome-free views: parse + readers + checks = "
          f"{(parse + readers + checks) / parse:.1f}x the parse")


def _scrape_with_views(built: list, views: dict) -> None:
    """Every page's site reader, handed its chrome-free views ready-made."""
    real = _chrome.without_chrome
    users = [m for m in list(sys.modules.values())
             if getattr(m, "__name__", "").startswith("scrapers") and getattr(m, "without_chrome", None) is real]

    def ready(page, strict=False):
        made = views.get(id(page))
        return made[1 if strict else 0] if made else real(page, strict)

    for m in users:
        m.without_chrome = ready
    try:
        for p in built:
            scraper_for(p.url).scrape(p)
    finally:
        for m in users:
            m.without_chrome = real


def _final_checks(built: list, records: dict) -> None:
    for p in built:
        record = records[id(p)]
        record.url = p.url
        _choose_primary(record, p)
        cross_check_embedded(record, p, fill=getattr(scraper_for(p.url), "HOSTS", ()) != ())


def clear_caches() -> None:
    """Empty every functools cache in the scrapers package (see the module docstring)."""
    for name, module in list(sys.modules.items()):
        if name == "scrapers" or name.startswith("scrapers."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


if __name__ == "__main__":
    main()
