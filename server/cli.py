"""`triallens`: one verb per capability, JSON with --json, a clear message (never a
traceback) for bad input."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from scrapers import registry, scrape_html
from scrapers.errors import BadInput, TrialLensError
from scrapers.reconcile import Finding, reconcile, status_words
from scrapers.reconcile.status import copy_from
from server.drift import saved_copy_why, summarize
from server.worded import WORDED_NOTE

from .page_source import read_page


def _print_json(obj) -> None:
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def cmd_scrape(args) -> int:
    if len(args.files) > 1:
        return scrape_many(args)
    args.file = args.files[0]
    html, url = read_page(args.file, args.url)
    record = scrape_html(html, url)
    if args.json:
        _print_json(record.to_dict())
    else:
        for key, value in record.to_dict().items():
            if value not in (None, [], False):
                print(f"{key:>18}: {value}")
    return 0


def scrape_many(args) -> int:
    """Several pages: one line per page that could not be read (on stderr), then the
    coverage table (fields found per host). Exit 2 only when no page could be read."""
    from scrapers.sites.base import host_of
    from server.coverage import coverage, format_table

    records, errors, failed = [], {}, []
    for source in args.files:
        try:
            html, url = read_page(source, args.url)
            records.append(scrape_html(html, url))
        except TrialLensError as exc:
            host = host_of(args.url) or (Path(source).parent.name or "unknown")
            errors[host] = errors.get(host, 0) + 1
            failed.append({"file": source, "error": str(exc)})
            print(f"triallens: {source}: {exc}", file=sys.stderr)
    cov = coverage(records, errors)
    if args.json:
        _print_json({"coverage": cov, "records": [r.to_dict() for r in records], "errors": failed})
    else:
        print(format_table(cov))
        print(f"\n{len(records)} page(s) read, {len(failed)} could not be read.")
    return 0 if records else 2


def cmd_check(args) -> int:
    html, url = read_page(args.source, args.url)
    page = scrape_html(html, url)
    looked = None if args.record else registry.lookup(page.nct_id)  # store first, CT.gov when stale
    official = looked.record if looked else record_for(page.nct_id, args.record)
    today = args.today or date.today()
    copy_as_of = looked.copy_as_of if looked else None
    findings = reconcile(page, official, today, history=looked.history if looked else None, copy_as_of=copy_as_of)
    # (read=True: the page was read whole, so "found no eligibility criteria … did not check who can join" is said as
    # on the card and the service's pages; cli=True: the offline note names no service; review round 12d, P1 and P7)
    drift = summarize(page, official, findings, copy_as_of, gone=bool(looked and looked.gone),
                      offline=bool(looked and looked.reason == "offline"), read=True, cli=True)
    if args.json:
        _print_json({
            "nct_id": page.nct_id,
            "today": today.isoformat(),
            "page": page.to_dict(),
            "official": {"status": official.status, "last_update_posted": official.last_update_posted,
                         "status_verified": official.status_verified, "url": official.url,
                         "fetched_at": looked.known_fetched_at if looked else None, "stale": bool(looked and looked.stale),
                         "note": looked.note if looked else None},
            "drift": {k: v for k, v in drift.items() if k != "findings"},
            "findings": [f.to_dict() for f in findings],
        })
        return 0
    print_check(page, official, findings, drift, copy_as_of)
    if looked and looked.stale and not drift.get("note_says_why"):
        # (a note that does not say why a saved copy was used; the note that does is not said twice: review round 12d,
        # P7, "Note: TrialLens used its saved copy …" repeated it, with the registry's error in developer words)
        print(f"\n{saved_copy_why(bool(looked.gone), looked.reason == 'offline', cli=True)}.")
    if looked and looked.note and args.verbose:
        print(f"\nDetails: {looked.note}", file=sys.stderr)
    return 0


def record_for(nct_id: str, path: str):
    """The --record file's study, which must be the page's trial (or list the page's id among its aliases):
    another trial's record turned every difference between the two trials into an alarm."""
    official = registry.load_record_file(path)
    if official.nct_id != nct_id and nct_id not in official.aliases:
        raise BadInput(f"--record {path} is the record of {official.nct_id}, but the page is about {nct_id}: "
                       f"give {nct_id}'s record, or leave out --record to use the local store")
    return official


def print_check(page, official, findings: list[Finding], drift: dict, copy_as_of: str | None = None) -> None:
    """The page's and the record's status, then the verdict the service and the extension show, then
    every finding. From a saved copy that could not be refreshed (`copy_as_of`), the record's row names the
    copy: not what ClinicalTrials.gov says today."""
    print(f"{page.nct_id} on {page.site}: {page.title or ''}".rstrip())
    print(f"  page says:           {page.status_text or 'no status shown'}"
          + (f" ({page.as_of_text})" if page.as_of_text else ""))
    print(f"  {'saved copy:' if copy_as_of else 'ClinicalTrials.gov:':<20} {status_words(official.status)}"
          + (f", last update posted {official.last_update_posted}" if official.last_update_posted else "")
          + (f" (TrialLens's copy of the record, {copy_from(copy_as_of)})" if copy_as_of else ""))
    print(f"  official record:     {official.url}")
    print(f"\n{drift['headline']}")
    if drift.get("note"):
        print(drift["note"])
    if not findings:
        return
    print(f"{len(findings)} finding(s):")
    for f in findings:
        tag = "about the official record" if f.about == "registry" else "about this page"
        print(f"  [{f.severity.upper()}] {f.message} ({tag})")




def cmd_serve(args) -> int:
    """Development server (threaded werkzeug). Production: gunicorn, see README "Service"."""
    import logging

    from server import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app = create_app({"TRIALLENS_OFFLINE": "1"} if args.offline else None)
    except ValueError as exc:  # a malformed TRIALLENS_* setting
        raise BadInput(str(exc)) from None
    print(f"TrialLens service on http://{args.host}:{args.port}/ (API under /api/v1, spec at /openapi.json)",
          file=sys.stderr, flush=True)
    app.run(host=args.host, port=args.port, threaded=True, debug=False, use_reloader=False)
    return 0


def cmd_ingest(args) -> int:
    from scrapers.registry.ingest import ingest
    from scrapers.registry.freshness import default_db_path
    from scrapers.registry.store import Store

    store = Store(default_db_path())
    report = ingest(store, args.paths, fetched_at=args.fetched_at, progress=None if not args.json else False,
                    commit_every=args.commit_every)
    if args.json:
        _print_json({"db": str(store.path), **report.to_dict()})
        return _nothing_read(report.to_dict())
    d = report.to_dict(max_rejected=20)
    print(f"ingested into {store.path}: {d['added']} added, {d['updated']} updated, {d['unchanged']} unchanged"
          + (f", {d['older']} older than stored (kept in history)" if d["older"] else "")
          + f", {d['rejected']} rejected")
    for reason, n in d["rejected_by_reason"].items():
        print(f"  rejected ({reason}): {n}")
    for r in d["rejected_records"]:
        print(f"    {r['where']}: {r['reason']}")
    if d["rejected"] > len(d["rejected_records"]):
        print(f"    … and {d['rejected'] - len(d['rejected_records'])} more (see --json)")
    return _nothing_read(d)


def _nothing_read(d: dict) -> int:
    """Exit status 2 when every record was rejected: a script must not take a wrong file for a
    successful ingest (some rejected among good records is still a success)."""
    if d["rejected"] and not (d["added"] or d["updated"] or d["unchanged"] or d["older"]):
        print(f"triallens: error: nothing ingested: all {d['rejected']} record(s) rejected", file=sys.stderr)
        return 2
    return 0


def cmd_sync(args) -> int:
    from scrapers.registry.freshness import client_from_env, default_db_path, is_offline
    from scrapers.registry.store import Store
    from scrapers.registry.sync import sync

    if is_offline():
        raise BadInput("TRIALLENS_OFFLINE is set: sync needs ClinicalTrials.gov")
    store = Store(default_db_path())

    def progress(rep) -> None:
        if not args.json and sys.stderr.isatty():
            total = f"/{rep.total_count}" if rep.total_count is not None else ""
            print(f"\rsync: page {rep.pages}, {rep.fetched}{total} records", end="", file=sys.stderr, flush=True)

    report = sync(store, client_from_env(), args.since, query=args.query, filter_advanced=args.filter,
                  page_size=args.page_size, max_pages=args.max_pages, restart=args.restart, on_page=progress)
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        _print_json({"db": str(store.path), **report.to_dict()})
        return 0
    d = report.to_dict()
    state = "complete" if report.complete else "paused (run the same command again to resume)"
    print(f"sync since {d['since']}{' for ' + repr(d['query']) if d['query'] else ''}: {state}"
          + (" [resumed]" if d["resumed"] else ""))
    print(f"  {d['pages']} page(s), {d['fetched']} records: {d['added']} added, {d['updated']} updated, "
          f"{d['unchanged']} unchanged, {d['rejected']} rejected")
    for note in d["notes"]:
        print(f"  note: {note}")
    return 0

def load_official(source: str):
    """An official record from an NCT id (the local store) or an API v2 JSON file."""
    from scrapers.errors import InvalidNctId
    from scrapers.nct import normalize_nct_id

    if Path(source).is_file() or source.lower().endswith(".json"):
        return registry.load_record_file(source)
    try:   # (the loose forms `related`, the API and the HTML page take: "NCT 07232563", "nct-07232563")
        return registry.get(normalize_nct_id(source))
    except InvalidNctId:
        raise BadInput(f"{source} is neither an NCT id (NCT + 8 digits) nor a readable JSON file") from None


def cmd_explain(args) -> int:
    from server.explain import explain

    record = load_official(args.source)
    plain = explain(record)
    if args.json:
        _print_json({"nct_id": record.nct_id, **plain.to_dict()})
        return 0
    print_explain(record, plain)
    return 0


def print_explain(record, plain) -> None:
    g = plain.at_a_glance
    print(f"{record.nct_id}: {record.title or ''}".rstrip())
    print("At a glance:")
    yn = {True: "yes", False: "no", None: "not stated"}
    print(f"  age:                {g['age'] or 'not stated'}")
    print(f"  sex:                {(g['sex'] or 'not stated').lower()}")
    print(f"  healthy volunteers: {yn[g['healthy_volunteers']]}")
    print(f"  pregnancy:          {'excluded' if g['pregnancy_excluded'] else 'not mentioned as an exclusion'}")
    print(f"  breastfeeding:      {'excluded' if g['breastfeeding_excluded'] else 'not mentioned as an exclusion'}")
    for t in g["thresholds"]:
        print(f"  {t['label'].lower() + ':':<20}{t['text']}")
    for section in ("inclusion", "exclusion", "unplaced"):
        items = getattr(plain, section)
        if items:
            print(f"\n{plain.headings[section]}")
            _print_items(items, 1)


def _print_items(items, depth: int) -> None:
    pad = "  " * depth
    for e in items:
        tag = "plain" if e.rewritten else ("original: rewrite rejected" if e.losses else "original")
        print(f"{pad}- {e.shown}   [{tag}]")
        if e.rewritten:
            print(f"{pad}    original: {e.original}")
        if e.worded_as_requirement:
            print(f"{pad}    note: {WORDED_NOTE}")
        for loss in e.losses[:3]:
            print(f"{pad}    not shown because: {loss['message']}")
        for gl in e.glossary:
            print(f"{pad}    {gl['term']}: {gl['meaning']}")
        _print_items(e.children, depth + 1)


def cmd_related(args) -> int:
    """Related trials from the index in the local store (kept current by the store's write hook)."""
    from scrapers.errors import RecordNotFound
    from scrapers.nct import normalize_nct_id
    from scrapers.registry import open_registry
    from server.related import related

    nct = normalize_nct_id(args.nct_id)
    env = dict(os.environ)
    if args.db:
        if not Path(args.db).is_file():   # (a typo made a new store of the 5 bundled records and searched that)
            raise BadInput(f"--db {args.db}: no such store file (the store is made by `triallens ingest` or "
                           "`triallens sync` with TRIALLENS_DB set to its path)")
        env["TRIALLENS_DB"] = args.db
    reg = open_registry(env)
    statuses = "any" if args.any_status else None
    try:
        results = related(nct, args.k, statuses, store=reg.store)
    except RecordNotFound:  # not in the store: query with its official record instead
        results = related(reg.lookup(nct).record, args.k, statuses, store=reg.store)
    if args.json:
        _print_json({"nct_id": nct, "related": [r.to_dict() for r in results]})
        return 0
    if not results:
        print(f"No related trials for {nct}" + ("" if args.any_status else " that are open to patients (try --any-status)"))
    for i, r in enumerate(results, 1):
        phases = "/".join(p.replace("PHASE", "Phase ").replace("EARLY_", "Early ") for p in r.phases if p != "NA")
        print(f"{i:>2}. {r.nct_id}  {status_words(r.status)}{'  ' + phases if phases else ''}\n    {r.title}\n    {r.why}")
    return 0


def _whole(low: int, high: int | None = None):
    """An argparse type: a whole number from `low` (to `high`), else a usage error, not a traceback."""
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            n = None
        if n is None or n < low or (high is not None and n > high):
            span = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise argparse.ArgumentTypeError(f"expected a whole number {span}, got {text!r}")
        return n
    return parse


def _day(text: str) -> date:
    """An argparse type: a date as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="triallens", description="Check clinical-trial pages against ClinicalTrials.gov.")
    sub = p.add_subparsers(dest="verb", required=True)

    s = sub.add_parser("scrape", help="read a saved trial page and print what it claims")
    s.add_argument("files", nargs="+", metavar="FILE",
                   help="saved HTML file (or http(s) URL); several: print a coverage table (fields found per host)")
    s.add_argument("--url", help="the page's URL (chooses the site scraper)")
    s.add_argument("--json", action="store_true", help="print the PageRecord as JSON")
    s.set_defaults(func=cmd_scrape)

    c = sub.add_parser("check", help="compare a trial page with the official record")
    c.add_argument("source", metavar="FILE_OR_URL")
    c.add_argument("--url", help="the page's URL when SOURCE is a file")
    c.add_argument("--today", type=_day, help="date to check against (YYYY-MM-DD); default: today")
    c.add_argument("--record", help="official record as an API v2 JSON file (default: the local store)")
    c.add_argument("--json", action="store_true")
    c.add_argument("--verbose", "-v", action="store_true",
                   help="also say (on stderr) where the official record came from, and why a saved copy was used")
    c.set_defaults(func=cmd_check)

    sv = sub.add_parser("serve", help="run the annotation service (development server)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=_whole(1, 65535), default=5000,
                    help="port (default 5000, where the extension looks first)")
    sv.add_argument("--offline", action="store_true", help="answer from the store only (same as TRIALLENS_OFFLINE=1)")
    sv.set_defaults(func=cmd_serve)

    r = sub.add_parser("related", help="trials related to one trial, with the reason for each")
    r.add_argument("nct_id", metavar="NCT_ID")
    r.add_argument("-k", type=_whole(1), default=10, help="how many (default 10)")
    r.add_argument("--any-status", action="store_true", help="include trials that are not open to patients")
    r.add_argument("--db", help="store file (default: $TRIALLENS_DB or the per-user store)")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_related)

    i = sub.add_parser("ingest", help="load API v2 records (.jsonl[.gz], JSON array, folder of NCT*.json, "
                                      "ctg-studies.json.zip) into the local store")
    i.add_argument("paths", nargs="+", metavar="PATH")
    i.add_argument("--fetched-at", help="date the files were downloaded (default: from each record's versionHolder)")
    i.add_argument("--commit-every", type=_whole(1), metavar="N",
                   help="commit every N records (default: one transaction, all or nothing)")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=cmd_ingest)

    y = sub.add_parser("sync", help="pull records changed since a date from ClinicalTrials.gov (resumable)")
    y.add_argument("--since", metavar="DATE", help="last update posted on or after DATE (default: last sync's start)")
    y.add_argument("--query", help="query.term, e.g. 'breast cancer'")
    y.add_argument("--filter", metavar="EXPR", help="extra filter.advanced expression, ANDed")
    y.add_argument("--page-size", type=_whole(1, 1000), default=1000, help="records per page (1 to 1000)")
    y.add_argument("--max-pages", type=_whole(1), help="stop after N pages (the next run resumes)")
    y.add_argument("--restart", action="store_true", help="ignore a saved cursor and start from the first page")
    y.add_argument("--json", action="store_true")
    y.set_defaults(func=cmd_sync)

    e = sub.add_parser("explain", help="eligibility criteria in plain English, checked item by item")
    e.add_argument("source", metavar="NCT_ID_OR_JSON_FILE", help="an NCT id in the store, or an API v2 JSON file")
    e.add_argument("--json", action="store_true", help="print PlainCriteria as JSON")
    e.set_defaults(func=cmd_explain)
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
