"""`triallens`: one verb per capability, JSON with --json, a clear message (never a
traceback) for bad input."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from scrapers import registry, scrape_html
from scrapers.errors import BadInput, TrialLensError
from scrapers.reconcile import Finding, reconcile, status_words
from scrapers.sites import registry as site_registry

MAX_FETCH_BYTES = 10 * 1024 * 1024


def _print_json(obj) -> None:
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def read_page(source: str, url: str | None = None) -> tuple[str | bytes, str | None]:
    """(html, url) from a file path or an http(s) URL.

    For a file without --url, the folder name is used as the host when it is a supported
    site (fixtures/html/<host>/case.html), so saved pages are read by the right scraper.
    """
    if source.startswith(("http://", "https://")):
        return fetch_page(source), url or source
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {source}: {exc.strerror or exc}") from None
    if url is None and path.parent.name in site_registry():
        url = f"https://{path.parent.name}/"
    return data, url


def fetch_page(url: str) -> bytes:
    import requests

    try:
        resp = requests.get(url, timeout=20, stream=True, headers={"User-Agent": "TrialLens/0.1 (+page check)"})
        resp.raise_for_status()
        chunks, size = [], 0
        for chunk in resp.iter_content(65536):
            size += len(chunk)
            if size > MAX_FETCH_BYTES:
                raise BadInput(f"{url} is larger than 10 MB")
            chunks.append(chunk)
        return b"".join(chunks)
    except requests.RequestException as exc:
        raise BadInput(f"could not fetch {url}: {exc}") from None


def cmd_scrape(args) -> int:
    html, url = read_page(args.file, args.url)
    record = scrape_html(html, url)
    if args.json:
        _print_json(record.to_dict())
    else:
        for key, value in record.to_dict().items():
            if value not in (None, [], False):
                print(f"{key:>18}: {value}")
    return 0


def cmd_check(args) -> int:
    html, url = read_page(args.source, args.url)
    page = scrape_html(html, url)
    official = registry.load_record_file(args.record) if args.record else registry.get(page.nct_id)
    today = date.fromisoformat(args.today) if args.today else date.today()
    findings = reconcile(page, official, today)
    if args.json:
        _print_json({
            "nct_id": page.nct_id,
            "today": today.isoformat(),
            "page": page.to_dict(),
            "official": {"status": official.status, "last_update_posted": official.last_update_posted,
                         "status_verified": official.status_verified, "url": official.url},
            "findings": [f.to_dict() for f in findings],
        })
        return 0
    print_check(page, official, findings)
    return 0


def print_check(page, official, findings: list[Finding]) -> None:
    print(f"{page.nct_id} on {page.site}: {page.title or ''}".rstrip())
    print(f"  page says:           {page.status_text or 'no status shown'}"
          + (f" ({page.as_of_text})" if page.as_of_text else ""))
    print(f"  ClinicalTrials.gov:  {status_words(official.status)}"
          + (f", last update posted {official.last_update_posted}" if official.last_update_posted else ""))
    print(f"  official record:     {official.url}")
    if not findings:
        if not page.status_text and not page.as_of:  # e.g. Veeva labels shown without values
            print("\nNothing to compare: this page shows no status and no update date.")
        else:
            print("\nIn sync with ClinicalTrials.gov: no findings.")
        return
    print(f"\n{len(findings)} finding(s):")
    for f in findings:
        tag = "about the official record" if f.about == "registry" else "about this page"
        print(f"  [{f.severity.upper()}] {f.message} ({tag})")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="triallens", description="Check clinical-trial pages against ClinicalTrials.gov.")
    sub = p.add_subparsers(dest="verb", required=True)

    s = sub.add_parser("scrape", help="read a saved trial page and print what it claims")
    s.add_argument("file", help="saved HTML file (or http(s) URL)")
    s.add_argument("--url", help="the page's URL (chooses the site scraper)")
    s.add_argument("--json", action="store_true", help="print the PageRecord as JSON")
    s.set_defaults(func=cmd_scrape)

    c = sub.add_parser("check", help="compare a trial page with the official record")
    c.add_argument("source", metavar="FILE_OR_URL")
    c.add_argument("--url", help="the page's URL when SOURCE is a file")
    c.add_argument("--today", help="date to check against (YYYY-MM-DD); default: today")
    c.add_argument("--record", help="official record as an API v2 JSON file (default: the local store)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_check)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except TrialLensError as exc:
        print(f"triallens: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
