"""Site scrapers on a long single-page-app page (prints figures; not a test).

A TrialFinderData page rebuilt as Next.js (fixtures/html/trialfinderdata.org/
nct07635758_nextjs_tailwind.html) grown to a few MB: a similar-trials sidebar of 5,000
cards with their statuses and dates, and a __NEXT_DATA__ blob of 20,000 other trials. Each
site scraper and the generic reader read it; the figure is the best of 3, in CPU time.

    .venv/bin/python bench/scrape_long_spa.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scrapers import scrape_html  # noqa: E402

PAGE = Path(__file__).resolve().parents[1] / "fixtures/html/trialfinderdata.org/nct07635758_nextjs_tailwind.html"
URLS = ("https://www.trialfinderdata.org/trial/NCT07635758", "https://clinconnect.io/trials/NCT07635758",
        "https://meddatax.com/clinical-trials/NCT07635758", "https://ctv.veeva.com/study/placenta-3d-msc",
        "https://unseen.example.org/t/1")


def long_page() -> str:
    cards = "".join(f'<div class="a"><div class="b"><div class="c"><span>Card {i}</span><span>RECRUITING</span>'
                    f'<p>NCT0{1000000 + i} · Updated May 2025</p></div></div></div>' for i in range(5000))
    others = [{"nctId": f"NCT0{2000000 + i}", "overallStatus": "COMPLETED", "x": [{"y": i}] * 3} for i in range(20000)]
    blob = json.dumps({"others": others})
    html = PAGE.read_text(encoding="utf-8")
    html = html.replace("</aside>", "<div><h2>Similar Trials</h2>" + cards + "</div></aside>")
    return html.replace('{"props"', '{"big":' + blob + ',"props"', 1)


def main() -> None:
    html = long_page()
    print(f"long SPA page: {len(html) // 1024} KB")
    for url in URLS:
        best = min(_timed(html, url) for _ in range(3))
        rec = scrape_html(html, url)
        print(f"  {rec.site:26s} best of 3 {best * 1000:6.0f} ms   status {rec.status}  as_of {rec.as_of}")


def _timed(html: str, url: str) -> float:
    """CPU time of one read: the machine is shared, wall time varies with other jobs."""
    t0 = time.process_time()
    scrape_html(html, url)
    return time.process_time() - t0


if __name__ == "__main__":
    main()
