"""Extension timings from the end-to-end run: content-script time and service answer -> card visible.

Runs tests/test_extension_e2e.py (Debian's chromium and firefox-esr, the real service on 127.0.0.1),
which records per page, inside the browser:
  content_script_ms     synchronous work on the page before the request leaves (text scan,
                        classification, HTML serialization)                        target < 10 ms
  answer_to_visible_ms  from the background worker holding the service's parsed answer to two
                        animation frames after the card was built (painted)        target < 300 ms
Prints the figures; record them in docs/benchmarks.md. Usage: .venv/bin/python bench/extension_timings.py [runs]

With --cls: the listing's cumulative layout shift as its badges come (Chromium's layout-shift entries), at 360, 390,
414 and 1280 px wide in three fonts, from tests/test_extension_e2e_listing.py's figures test, run [runs] times: the
median and the worst per width and font (the worst is when the page is first drawn before the badges' room is kept).
Usage: .venv/bin/python bench/extension_timings.py --cls [runs]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


def one_run() -> list[dict]:
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_extension_e2e.py"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    rows = []
    for name, browser in (("extension-timings.json", "chromium"), ("extension-timings-firefox.json", "firefox-esr")):
        path = ARTIFACTS / name
        if path.exists():
            rows += [dict(r, browser=browser) for r in json.loads(path.read_text(encoding="utf-8"))]
    return rows


CLS_FIGURES = ARTIFACTS / "listing-cls.jsonl"


def cls_runs(runs: int) -> int:
    CLS_FIGURES.unlink(missing_ok=True)
    for _ in range(runs):
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "tests/test_extension_e2e_listing.py", "-k", "layout_shift_figures"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    by_case: dict[tuple, list[float]] = {}
    for line in CLS_FIGURES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_case.setdefault((row["width"], row["font"]), []).append(row["cls"])
    for (width, font), vals in sorted(by_case.items()):
        print(f"{width:5} px  {font:30} n={len(vals):2} median={statistics.median(vals):.4f} max={max(vals):.4f}")
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--cls"]:
        return cls_runs(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rows = [r for _ in range(runs) for r in one_run()]
    for browser in ("chromium", "firefox-esr"):
        mine = [r for r in rows if r["browser"] == browser]
        if not mine:
            continue
        for key, target in (("content_script_ms", 10), ("answer_to_visible_ms", 300)):
            vals = sorted(r[key] for r in mine if r.get(key) is not None)
            if vals:
                print(f"{browser:12} {key:22} n={len(vals):3} median={statistics.median(vals):7.2f} "
                      f"max={vals[-1]:7.2f} ms  (target < {target} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
