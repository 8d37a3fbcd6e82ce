"""Regenerates the extension's content-script host list from the scrapers' supported hosts.

Why: the extension must run on exactly the sites the service can read. Site modules are added
to scrapers/sites/ by other work; re-run `.venv/bin/python extension/sync_hosts.py` after adding one
(`--check` exits 1 when the manifest is out of date, which is what the test asserts). It imports `scrapers`, so it
needs TrialLens's dependencies (lxml, …): the checkout's venv, not a bare system Python.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
# ClinicalTrials.gov itself: only its study pages (the official record, checked for staleness).
CTGOV_MATCHES = ["https://*.clinicaltrials.gov/study/*"]  # "*." matches the bare host too
CTGOV = "clinicaltrials.gov"
SERVICE_HOSTS = ["http://127.0.0.1/*", "http://localhost/*"]  # the service's own hosts, before the sites' patterns


def supported_hosts() -> list[str]:
    """The hosts the service answers for: scrapers' site hosts plus clinicaltrials.gov (as GET /api/v1/sites)."""
    sys.path.insert(0, str(HERE.parent))
    try:
        from scrapers.sites import supported_hosts as site_hosts
    except ModuleNotFoundError as exc:   # (a traceback ending in "No module named 'lxml'": review r15, item 12)
        raise SystemExit(f"sync_hosts: {sys.executable} lacks {exc.name}, which the scrapers need: run "
                         "`make setup` once, then `.venv/bin/python extension/sync_hosts.py`") from None

    return sorted(set(site_hosts()) | {CTGOV})


def matches_for(hosts: list[str]) -> list[str]:
    """Match patterns: each aggregator host and its sub-domains (www., m.) over http and https."""
    out = [f"*://*.{h}/*" for h in sorted(hosts) if h != CTGOV]
    return out + (CTGOV_MATCHES if CTGOV in hosts else [])


def hosts_in_manifest(manifest: dict) -> list[str]:
    """The hosts named by the manifest's content-script match patterns."""
    hosts = set()
    for script in manifest.get("content_scripts", []):
        for pattern in script.get("matches", []):
            m = re.match(r"^[^:]+://(?:\*\.)?([^/]+)/", pattern)
            if m and m.group(1) != "*":
                hosts.add(m.group(1).lower())
    return sorted(hosts)


def load() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the manifest differs, change nothing")
    args = ap.parse_args(argv)
    manifest = load()
    wanted = matches_for(supported_hosts())
    # The aggregators' patterns are host permissions too: Chrome runs the registered content/siteon.js only with them.
    # ClinicalTrials.gov's is not. Both browsers ignore a host permission's path, so ".../study/*" there granted every
    # page of the site (Chrome: scripting.executeScript on /search, fetch of its API); in the content script's matches
    # Chrome keeps the path, so the extension reaches only study pages, where no listing needs siteon.js's early word
    # (lib/nct.js enabledPatterns registers siteon.js only for patterns that are host permissions, so not there).
    # (Firefox grants a content script's matches as the whole origin either way: docs/benchmarks.md, "ext6".)
    granted = [m for m in wanted if m not in CTGOV_MATCHES]
    current = [manifest["content_scripts"][0]["matches"], manifest["host_permissions"][len(SERVICE_HOSTS):]]
    if manifest["host_permissions"][:len(SERVICE_HOSTS)] == SERVICE_HOSTS and current == [wanted, granted]:
        print(f"manifest host list is up to date ({len(wanted)} patterns)")
        return 0
    if args.check:
        print(f"manifest host list differs: has {current}, wants {[wanted, granted]}", file=sys.stderr)
        return 1
    manifest["content_scripts"][0]["matches"] = wanted
    manifest["host_permissions"] = SERVICE_HOSTS + granted
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"manifest host list updated: {', '.join(wanted)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
