"""How the generic reader does on pages of hosts it was not written for: every saved page
a site scraper reads (its expected values reviewed by hand) is read again by the generic
reader alone. Per field: agree, contradict (a wrong value: must stay 0), silent. Two
freshness dates agree when they agree at the precision both give. (The NCT id
is left out: scrape_html takes it from the URL first, whatever the reader.)

    .venv/bin/python bench/generic_eval.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers.dates import compare_partial  # noqa: E402
from scrapers.sites import generic, scraper_for  # noqa: E402
from scrapers.sites.base import Page  # noqa: E402

FIELDS = ("title", "status", "status_text", "phases", "enrollment", "as_of", "study_type", "sex", "min_age",
          "max_age", "start_date", "completion_date", "sponsor", "inclusion", "exclusion")
_SOURCE = re.compile(r"<!--\s*source:\s*(\S+)")


def main() -> None:
    counts = {f: Counter() for f in FIELDS}
    pages = 0
    for path in sorted((ROOT / "fixtures" / "html").glob("*/*.html")):
        html = path.read_text(encoding="utf-8")
        url = _SOURCE.search(html[:2000]).group(1)
        if scraper_for(url) is generic:
            continue
        pages += 1
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        got = generic.scrape(Page(html, url)).to_dict()
        for f in FIELDS:
            if expected[f] in (None, []):
                continue  # the site shows nothing the site scraper reads: nothing to recall
            if got[f] in (None, []):
                counts[f]["silent"] += 1
            elif got[f] == expected[f] or (f == "as_of" and compare_partial(got[f], expected[f]) == 0):
                counts[f]["agree"] += 1
            else:
                counts[f]["contradict"] += 1
    print(f"generic reader on {pages} site pages (reference: the site scrapers' reviewed fixtures)")
    print(f"{'field':16s} {'agree':>6s} {'contradict':>10s} {'silent':>6s}  recall")
    for f in FIELDS:
        c = counts[f]
        n = sum(c.values())
        print(f"{f:16s} {c['agree']:6d} {c['contradict']:10d} {c['silent']:6d}  {c['agree'] / n:.0%}" if n else f"{f:16s} (no data)")


if __name__ == "__main__":
    main()
