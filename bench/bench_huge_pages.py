"""Scrape time on huge pages (up to the service's 10 MB body limit): prints figures for docs/benchmarks.md.

    .venv/bin/python bench/bench_huge_pages.py [--sizes 1,4,10] [--tags li,p,div,td,span] [--page FIXTURE]

Each page is a real trial page (a fixture, its own source URL) with filler put before </body> under a "Comments"
heading, as a page with an endless comment thread would carry it: N tiny elements of one tag ("<li>a</li>" in one <ul>, "<td>a</td>"
in rows of ten, "<span>a</span>" all in one <div>: one line of many parts) up to 1, 4 and 10 MB, and 10 MB of
normal-sized paragraphs (about 600 characters each, words and numbers). Each figure is one scrape_html call (the
parse included); "fields kept" says whether every field the fixture's expected record holds was read as without
the filler (the trial's fields come first), "lines" how many lines the reader built.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers import scrape_html  # noqa: E402
from scrapers.sites.base import Page  # noqa: E402

FIXTURE = "fixtures/html/clinconnect.io/nct04811651_nextjs_accordion.html"
MB = 1024 * 1024
_SOURCE = re.compile(r"<!--\s*source:\s*(\S+)")
_PARAGRAPH = ("Participants reported 12 adverse events over 24 weeks; the dose of 40 mg was given twice daily, and "
              "blood pressure was measured at each visit by a nurse who did not know the assigned group. ") * 3


def filler(tag: str, size: int) -> str:
    """About `size` characters of tiny `tag` elements (or, tag "paragraphs", of normal-sized <p>)."""
    if tag == "paragraphs":
        one = f"<p>{_PARAGRAPH}</p>"
        return "<section>" + one * (size // len(one)) + "</section>"
    one = f"<{tag}>a</{tag}>"
    n = size // len(one)
    if tag == "li":
        return "<ul>" + one * n + "</ul>"
    if tag == "td":
        row = "<tr>" + one * 10 + "</tr>"
        return "<table>" + row * (size // len(row)) + "</table>"
    return "<div>" + one * n + "</div>"


def huge_page(base: str, tag: str, size: int) -> str:
    at = base.rfind("</body>")
    at = at if at >= 0 else len(base)
    return base[:at] + "<section><h2>Comments</h2>" + filler(tag, size - len(base)) + "</section>" + base[at:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,4,10", help="page sizes in MB, comma-separated (default %(default)s)")
    ap.add_argument("--tags", default="li,p,div,td,span", help="tiny elements' tags (default %(default)s)")
    ap.add_argument("--page", default=FIXTURE, help="the trial page the filler goes into (default %(default)s)")
    args = ap.parse_args()
    path = ROOT / args.page
    base = path.read_text(encoding="utf-8")
    url = _SOURCE.search(base).group(1)
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, Python {platform.python_version()}, "
          f"page {args.page} ({len(base):,} characters) with filler before </body>")
    print("| filler | page | scrape | lines read | fields kept |")
    print("| --- | ---: | ---: | ---: | --- |")
    cases = [(tag, float(mb)) for mb in args.sizes.split(",") for tag in args.tags.split(",")]
    cases.append(("paragraphs", 10.0))
    for tag, mb in cases:
        html = huge_page(base, tag, int(mb * MB) - 64)   # (under the 10 MB limit)
        t = time.perf_counter()
        record = scrape_html(html, url)
        secs = time.perf_counter() - t
        got = record.to_dict()
        kept = [k for k, v in expected.items() if k not in ("other_nct_ids", "related_nct_ids") and got.get(k) != v]
        lines = len(Page(html, url).lines)
        label = f"{tag}" if tag == "paragraphs" else f"<{tag}>a</{tag}>"
        print(f"| {label} | {len(html) / MB:.1f} MB | {secs:.2f} s | {lines:,} | "
              f"{'yes' if not kept else 'no: ' + ', '.join(kept)} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
