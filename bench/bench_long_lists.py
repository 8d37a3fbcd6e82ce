"""Annotation time on a page with one very long criteria list (review round 23, #6): prints figures for
docs/benchmarks.md.

    .venv/bin/python bench/bench_long_lists.py [--sizes 1000,5000,20000,100000s] [--stages] [--corpus]
    .venv/bin/python bench/bench_long_lists.py --line-pages [NCT00002542,...] [--layouts line,para,wrapped]

Each page is the review's: a heading, "Inclusion Criteria" and one <ul> of N items "Age >= i years" (a size ending in
"s" repeats "Age >= 18 years" N times, as the review's 100,000-item page did), annotated in process through the
Annotator against the bundled record NCT06427642, plain English included (the extension's POST /api/v1/annotate
minus HTTP). Related trials are left out: they are looked up per record version, whatever the page lists.

`--stages` splits the time of that same run by stage (wrapped in place while it runs): the scraper reading the list,
the page's and the record's criteria entries, the alignment (align.py), each further step of the criteria check
(items.py: rejoined rules, shortened items, exceptions, foreign lists, coverage…), reconcile as a whole, the verdict,
plain English and the JSON answer. Stages nest (align is inside reconcile). Each figure is one run.

`--corpus` prints what the cap (reconcile/too_long.py) rests on: the length of every criteria list in the shared
corpus (../shared/data/ctgov, entries as align reads them, sub-points counted), and the criteria check of the corpus's
longest record against a page as long as the cap allows, listing other trials' items (nothing pairs: the most
pairing work a page under the cap can cause) and against the record's own list.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers.model import OfficialRecord  # noqa: E402
from scrapers.reconcile import reconcile  # noqa: E402
from scrapers.reconcile import items  # noqa: E402
from scrapers.reconcile.align import official_entries  # noqa: E402
from scrapers.registry import Lookup  # noqa: E402
from server import annotate as server_annotate  # noqa: E402
from server.annotate import Annotator  # noqa: E402
from server.explain import explain  # noqa: E402
from server.providers import Providers  # noqa: E402

NCT = "NCT06427642"
URL = "https://example.org/x"
TODAY = date(2026, 1, 10)


class _Registry:
    """The bundled record, as the store would answer it."""

    def __init__(self, record: OfficialRecord) -> None:
        self.record = record

    def lookup(self, nct_id: str) -> Lookup:
        return Lookup(self.record, fetched_at="2026-01-10T08:00:00Z", stale=False, source="store", history=[])


def long_list_page(n: int, same: bool = False) -> str:
    """The review's page: one <ul> of n items."""
    items = "".join("<li>Age >= 18 years</li>" if same else f"<li>Age >= {i} years</li>" for i in range(n))
    return f"<h1>{NCT} study</h1><h2>Inclusion Criteria</h2><ul>{items}</ul>"


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


# (module, name, stage): the functions one annotation runs, timed where they are looked up, during the one run
_STAGES = (
    (server_annotate, "scrape_html", "scrape"),
    (items, "page_entries", "page entries"),
    (items, "official_entries", "record entries"),
    (items, "align", "align"),
    (items, "rejoin_rules", "rejoin"),
    (items, "shortened_pairs", "shortened"),
    (items, "drop_absent_parts", "absent parts"),
    (items, "exception_roles", "exceptions"),
    (items, "foreign_lists", "foreign lists"),
    (items, "_pair_findings", "pair findings"),
    (items, "coverage_findings", "coverage"),
    (items, "foreign_findings", "foreign findings"),
    (items, "_added_items", "added"),
    (server_annotate, "summarize", "verdict"),
    (server_annotate, "_encoded", "JSON"),
)


class Stages:
    """Seconds spent in each stage (_STAGES) while in use, the functions wrapped in place and put back after."""

    def __init__(self) -> None:
        self.secs: dict[str, float] = {}
        self._saved: list[tuple] = []

    def wrap(self, fn, stage: str):
        def timed(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                self.secs[stage] = self.secs.get(stage, 0.0) + time.perf_counter() - t
        return timed

    def __enter__(self) -> "Stages":
        for module, name, stage in _STAGES:
            if hasattr(module, name):   # (a stage a later version no longer has is left out)
                self._saved.append((module, name, getattr(module, name)))
                setattr(module, name, self.wrap(getattr(module, name), stage))
        return self

    def __exit__(self, *exc) -> None:
        for module, name, fn in self._saved:
            setattr(module, name, fn)


def corpus_figures() -> None:
    """The data behind MAX_PAGE_ITEMS, and the criteria check at the cap (see the module docstring)."""
    import random

    from bench.corpus import iter_corpus
    from scrapers.model import PageRecord
    from scrapers.reconcile.too_long import MAX_PAGE_ITEMS

    lengths, pool = [], []
    for record in iter_corpus():
        entries = official_entries(record)
        lengths.append((len(entries), record.nct_id, record))
        pool += [e.text for e in entries[:3]]
    lengths.sort(key=lambda x: x[0])
    n = len(lengths)
    at = {q: lengths[int(q * (n - 1))][0] for q in (0.5, 0.9, 0.99, 0.999)}
    longest, nct, record = lengths[-1]
    print(f"{n:,} records: criteria entries median {at[0.5]}, 90th percentile {at[0.9]}, 99th {at[0.99]}, "
          f"99.9th {at[0.999]}, longest {longest} ({nct}); cap {MAX_PAGE_ITEMS} page items")
    random.seed(7)
    others = random.sample(pool, MAX_PAGE_ITEMS)
    own = official_entries(record)
    pages = {f"{MAX_PAGE_ITEMS} other trials' items": PageRecord(site="bench", nct_id=nct, inclusion=others[::2],
                                                                   exclusion=others[1::2]),
             "its own list": PageRecord(site="bench", nct_id=nct,
                                        inclusion=[e.text for e in own if e.section == "inclusion"],
                                        exclusion=[e.text for e in own if e.section == "exclusion"])}
    for name, page in pages.items():
        findings, secs = _timed(lambda: items.check_criteria(page, record))
        print(f"criteria check of {nct} against {name}: {secs:.2f} s, {len(findings)} findings")


# records whose faithful page, one record line per paragraph, took longest to reconcile (review r46 N1: NCT00002542,
# a 2,474-character item, did not finish in 100 s; scan of the corpus in docs/benchmarks.md, fix46; the next three
# the slowest left after it, 3-9 s of CPU one line per paragraph and hard-wrapped, cap1)
SLOW_LINE_PAGES = ("NCT00002542", "NCT00002642", "NCT00002552", "NCT00002601")


# how a faithful page shows the record's text (fix46's and cap1's scans): "line" one record line per paragraph (as
# tests/test_wrap9_figure_lines builds it), "para" all of it in one paragraph, "wrapped" each line hard-wrapped at 72
# characters and each wrapped line a paragraph
LAYOUTS = {"line": "one line per paragraph", "para": "one paragraph", "wrapped": "hard-wrapped at 72"}


def _page_lines(text: str, layout: str) -> list[str]:
    """The record's text as the paragraphs of a page in `layout` (LAYOUTS)."""
    import textwrap

    if layout == "para":
        return [" ".join(text.split())]
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if layout == "wrapped":
        lines = [w for ln in lines for w in (textwrap.wrap(ln, 72) or [ln])]
    return [" ".join(ln.split()) for ln in lines]


def line_page_figures(ncts: list[str], layouts: tuple[str, ...] = ("line",)) -> None:
    """Reconcile time of each record's own text shown as a CheckOrphan page in each of `layouts` (LAYOUTS), CPU and
    wall, with the alarms it draws (one line per paragraph, a faithful page: none), and the readings the criteria
    comparison's work budget counted (split_pairs.READINGS_PER_PAGE)."""
    from scrapers.reconcile import split_pairs
    from bench.corpus import iter_corpus
    from scrapers.criteria import unescape_markdown
    from scrapers.model import PageRecord
    from scrapers.reconcile import is_alarm
    from scrapers.sites._criteria_lists import criteria_lists
    from scrapers.sites.base import Line

    wanted = set(ncts)
    for record in iter_corpus():
        if record.nct_id not in wanted:
            continue
        wanted.discard(record.nct_id)
        text = unescape_markdown(record.eligibility_criteria or "")
        for layout in layouts:
            inc, exc, _ = criteria_lists([Line(ln, "p") for ln in _page_lines(text, layout)])
            page = PageRecord(site="checkorphan.org", nct_id=record.nct_id, inclusion=inc, exclusion=exc)
            spent, count = [0], split_pairs.reading_count

            def counting(*args, spent=spent, count=count) -> int:
                n = count(*args)
                spent[0] += n
                return n

            split_pairs.reading_count = counting
            try:
                cpu, wall = time.process_time(), time.perf_counter()
                found = reconcile(page, record, TODAY)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            finally:
                split_pairs.reading_count = count
            alarms = [f.kind for f in found if is_alarm(f) and f.severity in ("critical", "warning")]
            print(f"{record.nct_id} {LAYOUTS[layout]} ({len(inc)} + {len(exc)} page items, {len(text):,} characters): "
                  f"reconcile {cpu:.2f} s CPU, {wall:.2f} s wall, {spent[0]:,} readings, alarms {alarms or 'none'}")
            sys.stdout.flush()
    for nct in sorted(wanted):
        print(f"{nct}: not in the corpus")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,20000,100000s",
                    help="comma-separated item counts; a trailing s repeats one item (default %(default)s)")
    ap.add_argument("--stages", action="store_true", help="also time each stage")
    ap.add_argument("--corpus", action="store_true", help="also the corpus's list lengths and the check at the cap")
    ap.add_argument("--line-pages", nargs="?", const=",".join(SLOW_LINE_PAGES), default=None, metavar="NCT,...",
                    help="only: time these corpus records shown one line per paragraph (default %s)"
                    % ",".join(SLOW_LINE_PAGES))
    ap.add_argument("--layouts", default="line", help="with --line-pages: comma-separated, of %s (default %%(default)s)"
                    % ",".join(LAYOUTS))
    args = ap.parse_args()
    if args.line_pages:
        line_page_figures(args.line_pages.split(","), tuple(args.layouts.split(",")))
        return
    if args.corpus:
        corpus_figures()
    record = OfficialRecord(json.loads((ROOT / "fixtures" / "ctgov" / f"{NCT}.json").read_text(encoding="utf-8")))
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, Python {platform.python_version()}, "
          f"record {NCT} ({len(official_entries(record))} criteria entries)")
    print("| items | page | annotate | verdict | criteria findings |")
    print("| ---: | ---: | ---: | --- | --- |")
    for size in args.sizes.split(","):
        same = size.endswith("s")
        n = int(size.rstrip("s"))
        html = long_list_page(n, same)
        timing = Stages()
        annotator = Annotator(Providers(registry=_Registry(record), explain=timing.wrap(explain, "plain English"),
                                        reconcile=timing.wrap(reconcile, "reconcile"), today=lambda: TODAY))
        with timing:
            (annotation, _), secs = _timed(lambda: annotator.annotate_encoded(html, URL))
        drift = annotation["drift"]
        kinds = sorted({f["kind"] for f in drift["findings"] if "criteri" in f["field"]})
        label = f"{n:,}{' identical' if same else ''}"
        print(f"| {label} | {len(html) / 1024:,.0f} KB | {secs:.2f} s | {drift['verdict']} | {', '.join(kinds)} |")
        if args.stages:
            print("|  | " + ", ".join(f"{k} {v:.2f} s" for k, v in timing.secs.items() if v >= 0.005) + " |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
