"""`triallens`: one verb per capability, JSON with --json, a clear message (never a
traceback) for bad input."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from datetime import date
from pathlib import Path

from scrapers import registry, scrape_html
from scrapers.dates import human_date
from scrapers.errors import BadInput, NotAskedOffline, RegistryError, TrialLensError
from scrapers.reconcile import reconcile
from server.drift import summarize
from server.unasked import saved_copy_why, unreadable_copy, why_not_asked

from .cli_output import check_json, print_check, print_explain, print_json, print_related
from .official_page import is_official_site, saved_official_page
from .page_source import read_page
from .page_url import BadPageUrl, page_url
from .record_file import file_copy_as_of, record_lookup, usable_record_file


def cmd_scrape(args) -> int:
    if len(args.files) > 1:
        return scrape_many(args)
    args.file = args.files[0]
    html, url = read_page(args.file, args.url)
    record = scrape_html(html, url)
    if args.json:
        print_json(record.to_dict())
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
        url = args.url
        try:
            html, url = read_page(source, args.url)
            records.append(scrape_html(html, url))
        except TrialLensError as exc:
            # a host's error only when the page's host is known (--url, the file's mark or a site's folder); a file
            # that could not be read has none: it was counted under a "host" named after its folder (review r23 #18)
            host = host_of(url)
            if host:
                errors[host] = errors.get(host, 0) + 1
            failed.append({"file": source, "error": str(exc)})
            print(f"triallens: {source}: {exc}", file=sys.stderr)
    cov = coverage(records, errors)
    if args.json:
        print_json({"coverage": cov, "records": [r.to_dict() for r in records], "errors": failed})
    else:
        print(format_table(cov))
        print(f"\n{len(records)} page(s) read, {len(failed)} could not be read.")
    return 0 if records else 2


def cmd_check(args) -> int:
    html, url = read_page(args.source, args.url)
    page = scrape_html(html, url)
    today = args.today or date.today()
    # the store first, ClinicalTrials.gov when stale; or the given file, as the copy of the record it is
    try:
        looked = record_lookup(page.nct_id, args.record) if args.record else registry.lookup(page.nct_id)
    except RegistryError as exc:   # (not stored, and offline or ClinicalTrials.gov unreachable: not an unknown trial)
        if args.json:
            # the annotation's could_not_check document on stdout, as the API answers it, so a script reads one shape
            # from both (it printed nothing: review r19 #8); the error and exit status 2 as for any trial not checked
            drift = summarize(page, None, [], why=why_not_asked(isinstance(exc, NotAskedOffline), exc), read=True,
                              cli=True, unreadable=unreadable_copy(exc))
            print_json(check_json(page, None, drift, today))
        raise
    copy_as_of = file_copy_as_of(looked) if args.record else looked.copy_as_of
    findings = reconcile(page, looked.record, today, history=looked.history, copy_as_of=copy_as_of)
    # (read=True: the page was read whole, so "found no eligibility criteria … did not check who can join" is said as
    # on the card and the service's pages; cli=True: the offline note names no service; review round 12d, P1 and P7)
    # (record_file: the saved copy the verdict names is that file; a demo record is named as one by summarize itself)
    drift = summarize(page, looked.record, findings, copy_as_of, why=looked.stale_reason, read=True, cli=True,
                      record_file=args.record)
    if is_official_site(url or page.url, html):   # (a saved ClinicalTrials.gov page: what its differences mean, said first)
        drift = saved_official_page(drift, page, looked.record)
    if args.json:
        print_json(check_json(page, looked, drift, today))
        return 0
    print_check(page, looked, drift, args.record)
    if looked.stale and not args.record and not drift.get("note_says_why"):
        # (a note that does not say why a saved copy was used; the note that does is not said twice: review round 12d,
        # P7, "Note: TrialLens used its saved copy …" repeated it, with the registry's error in developer words)
        print(f"\n{saved_copy_why(looked.stale_reason, cli=True)}.")
    if looked.note and args.verbose:
        print(f"\nDetails: {looked.note}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    """Development server (threaded werkzeug). Production: gunicorn, see README "Service"."""
    import logging

    from server import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app = create_app(serve_config(args.host, args.offline))
    except ValueError as exc:  # a malformed TRIALLENS_* setting
        raise BadInput(str(exc)) from None
    port_free(args.host, args.port)   # (before the banner: it said "service on …" and then failed; review r15, 18)
    print(f"TrialLens service on http://{args.host}:{args.port}/ (API under /api/v1, spec at /openapi.json)",
          file=sys.stderr, flush=True)
    app.run(host=args.host, port=args.port, threaded=True, debug=False, use_reloader=False)
    return 0


def serve_config(host: str, offline: bool) -> dict[str, str]:
    """create_app's overrides for `serve`: offline, and the name given to --host among the names the service answers
    for (server/guard.py), so `--host mybox.lan` serves http://mybox.lan:5000/ as asked."""
    from .guard import is_address

    overrides = {"TRIALLENS_OFFLINE": "1"} if offline else {}
    name = host.strip().strip("[]").lower()
    if name and not is_address(name):
        named = os.environ.get("TRIALLENS_ALLOWED_HOSTS", "").strip()
        overrides["TRIALLENS_ALLOWED_HOSTS"] = f"{named},{name}" if named else name
    return overrides


def port_free(host: str, port: int) -> None:
    """BadInput (exit 2, `triallens: error: …`) when the service could not listen on host:port, with what to do."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.create_server((host, port), family=family):
            pass
    except OSError as exc:
        why = str(exc.strerror or exc).split(" (while attempting to bind")[0]
        if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
            # a name that does not resolve, or an address that is not this machine's: another port would not help
            # (it was suggested for `--host nosuchhost.invalid`; review r23 #18)
            raise BadInput(f"cannot listen on {host}: {why}; --host must be an address of this computer, e.g. "
                           "127.0.0.1 (this computer only, the default) or 0.0.0.0 (every network it is on)") from None
        hint = (" (on macOS, AirPlay Receiver takes port 5000)" if port == 5000 else "")
        raise BadInput(f"cannot listen on {host}:{port}: {why}{hint}; start it on another port, "
                       "e.g. `triallens serve --port 5050`, and enter http://127.0.0.1:5050 as the service address "
                       "in the extension's options") from None


def cmd_ingest(args) -> int:
    from scrapers.registry.ingest import ingest
    from scrapers.registry.settings import default_db_path
    from scrapers.registry.store import Store

    store = Store(default_db_path())
    report = ingest(store, args.paths, fetched_at=args.fetched_at, progress=None if not args.json else False,
                    commit_every=args.commit_every)
    if args.json:
        print_json({"db": str(store.path), **report.to_dict()})
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
    """Exit status 2 when every record was rejected, or the files held none: a script must not take a wrong or empty
    file for a successful ingest (some rejected among good records is still a success)."""
    if d["rejected"] and not (d["added"] or d["updated"] or d["unchanged"] or d["older"]):
        if set(d["rejected_by_reason"]) == {"no records"}:
            where = ", ".join(r["where"] for r in d["rejected_records"])
            print(f"triallens: error: nothing ingested: no records found in {where}", file=sys.stderr)
        else:
            print(f"triallens: error: nothing ingested: all {d['rejected']} record(s) rejected", file=sys.stderr)
        return 2
    return 0


def cmd_sync(args) -> int:
    from scrapers.registry.settings import client_from_env, default_db_path, is_offline
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
        print_json({"db": str(store.path), **report.to_dict()})
        return 0
    d = report.to_dict()
    state = "complete" if report.complete else "paused (run the same command again to resume)"
    # (the date as the CLI writes dates, "1 Nov 2025": the operator's ISO echoed back was the one such date; r23 #17)
    print(f"sync since {human_date(d['since'])}{' for ' + repr(d['query']) if d['query'] else ''}: {state}"
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
        return usable_record_file(source, source)
    try:   # (the loose forms `related`, the API and the HTML page take: "NCT 07232563", "nct-07232563")
        return registry.get(normalize_nct_id(source))
    except InvalidNctId:
        raise BadInput(f"{source} is neither an NCT id (NCT + 8 digits) nor a readable JSON file") from None


def cmd_explain(args) -> int:
    from server.explain import explain

    record = load_official(args.source)
    plain = explain(record)
    if args.json:
        print_json({"nct_id": record.nct_id, **plain.to_dict()})
        return 0
    print_explain(record, plain)
    return 0


def cmd_related(args) -> int:
    """Related trials from the index in the local store (kept current by the store's write hook)."""
    from scrapers.errors import RecordNotFound
    from scrapers.nct import normalize_nct_id
    from scrapers.registry import open_registry
    from server.related import related, related_reason, who_takes
    from server.related_words import search_url

    nct = normalize_nct_id(args.nct_id)
    env = dict(os.environ)
    if args.db:
        if not Path(args.db).is_file():   # (a typo made a new store of the 5 bundled records and searched that)
            raise BadInput(f"--db {args.db}: no such store file (the store is made by `triallens ingest` or "
                           "`triallens sync` with TRIALLENS_DB set to its path)")
        env["TRIALLENS_DB"] = args.db
    reg = open_registry(env)
    statuses = "any" if args.any_status else None
    query = nct
    try:
        results = related(nct, args.k, statuses, store=reg.store)
    except RecordNotFound:  # not in the store: query with its official record instead
        query = reg.lookup(nct).record
        results = related(query, args.k, statuses, store=reg.store)
    reason = related_reason(query, results, store=reg.store)   # (as the API's /related gives it)
    record = query if not isinstance(query, str) else reg.store.get(nct) if not results else None
    search = search_url(record.conditions) if record is not None and not results else None
    if args.json:
        print_json({"nct_id": nct, "related": [r.to_dict() for r in results], **({"reason": reason} if reason else {}),
                    **({"search_url": search} if search else {})})
        return 0
    # (beside who the trial itself takes, each who-line is worded as on the page and the card)
    print_related(nct, results, args.any_status, reading=who_takes(query, store=reg.store) if results else None,
                  reason=reason, search=search)
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


def _page_url(text: str) -> str | None:
    """An argparse type: the page's http(s) address, refused in the API's words otherwise ("notaurl" was taken as
    the page's host: the generic reader, "no status shown" for a Recruiting page; review r23 #8)."""
    try:
        return page_url(text)
    except BadPageUrl as exc:
        raise argparse.ArgumentTypeError(f"{exc}, got {text.strip()!r}") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="triallens", description="Check clinical-trial pages against ClinicalTrials.gov.")
    sub = p.add_subparsers(dest="verb", required=True)

    s = sub.add_parser("scrape", help="read a saved trial page and print what it claims")
    s.add_argument("files", nargs="+", metavar="FILE",
                   help="saved HTML file (or http(s) URL); several: print a coverage table (fields found per host)")
    s.add_argument("--url", type=_page_url, help="the page's http(s) address (chooses the site scraper)")
    s.add_argument("--json", action="store_true", help="print the PageRecord as JSON")
    s.set_defaults(func=cmd_scrape)

    c = sub.add_parser("check", help="compare a trial page with the official record")
    c.add_argument("source", metavar="FILE_OR_URL")
    c.add_argument("--url", type=_page_url,
                   help="the page's http(s) address when FILE_OR_URL is a file (chooses the site scraper)")
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
    i.add_argument("--fetched-at", help="date the files were downloaded (default: each record's versionHolder, else "
                                        "the zip entry's date, else a converted record's legacy download date, else "
                                        "its last update posted)")
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
