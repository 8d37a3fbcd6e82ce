"""Drift benchmark: precision and recall of reconcile() on generated pages with known discrepancies.

    .venv/bin/python bench/bench_drift.py [-n 2400] [--seed 7] [--hosts meddatax.com,...]

Renders real CT.gov records (../shared/data/ctgov) in each supported site layout, injects
known discrepancies (drift_gen.py), scrapes the HTML back with the real site scraper and
scores the findings. Registry findings (about the official record) and the notes in
reconcile.NOT_ALARMS ("cannot compare", "list stops early") are not alarms about the page and
are not scored; every other finding is, save one: where an injection is due only an info (a page
saying the trial takes no healthy volunteers when it does: reconcile's INFO), that info is counted
apart (the "info given" table), neither a hit nor a false alarm; a warning there is a false alarm.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drift_gen import CRITICAL_INJECTIONS, Case, Expect, generate, load_records  # noqa: E402
from layouts import LAYOUTS, render, shows  # noqa: E402

from scrapers import PageRecord, scrape_html  # noqa: E402
from scrapers.criteria import unescape_markdown  # noqa: E402
from scrapers.reconcile.align import strip_marker  # noqa: E402
from scrapers.dates import parse_age  # noqa: E402
from scrapers.reconcile import Finding, is_alarm, reconcile  # noqa: E402

TODAY = date(2026, 11, 22)
def alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if is_alarm(f)]


def matches(f: Finding, x: Expect) -> bool:
    if f.kind not in ((x.kind,) if isinstance(x.kind, str) else x.kind):
        return False
    if f.kind in ("status_drift", "page_stale", "fact_mismatch", "plain_status", "plain_age", "plain_number",
                  "plain_enrollment", "criteria_truncated"):
        return f.field == x.key or x.key == "criteria"
    return x.key in f.evidence.get("official_texts", [])


@dataclass
class Score:
    pages: int = 0
    unchanged: int = 0
    unchanged_alarmed: int = 0
    tp: Counter = field(default_factory=Counter)        # finding kind -> matched findings
    fp: Counter = field(default_factory=Counter)        # finding kind -> unmatched findings
    expected: Counter = field(default_factory=Counter)  # injection kind -> injected
    found: Counter = field(default_factory=Counter)     # injection kind -> reported
    by_host: dict = field(default_factory=lambda: defaultdict(Counter))
    false_alarms: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    info_expected: Counter = field(default_factory=Counter)  # injection kind -> injected where only an info is due
    info_found: Counter = field(default_factory=Counter)     # ... and reported as that info

    def add(self, case: Case, findings: list[Finding]) -> None:
        got = alarms(findings)
        self.pages += 1
        self.by_host[case.host]["pages"] += 1
        if case.unchanged:
            self.unchanged += 1
            if got:
                self.unchanged_alarmed += 1
                self.by_host[case.host]["unchanged_alarmed"] += 1
        needed = [x for x in case.expects if x.alarm]
        noted = [x for x in case.expects if not x.alarm]
        for f in got:
            if any(matches(f, x) for x in needed):
                self.tp[f.kind] += 1
            elif f.severity == "info" and any(matches(f, x) for x in noted):
                continue   # the info that was due (counted below), neither a hit nor a false alarm
            else:
                self.fp[f.kind] += 1
                self.false_alarms.append((case.nct_id, case.host, [x.injection for x in case.expects], f.kind, f.message))
        for x in case.expects:
            if not x.alarm:   # (an info is due: never an alarm, so not in recall)
                self.info_expected[x.injection] += 1
                self.info_found[x.injection] += any(matches(f, x) and f.severity == "info" for f in findings)
                continue
            self.expected[x.injection] += 1
            if any(matches(f, x) for f in got):
                self.found[x.injection] += 1
            else:
                self.misses.append((case.nct_id, case.host, x.injection, x.key[:80], [f.kind for f in got]))

    # figures
    def precision(self, kind: str | None = None) -> float:
        tp = sum(self.tp.values()) if kind is None else self.tp[kind]
        fp = sum(self.fp.values()) if kind is None else self.fp[kind]
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, injections: tuple[str, ...] | None = None) -> float:
        keys = injections or tuple(self.expected)
        exp = sum(self.expected[k] for k in keys)
        return sum(self.found[k] for k in keys) / exp if exp else 1.0

    def false_alarm_rate(self) -> float:
        return self.unchanged_alarmed / self.unchanged if self.unchanged else 0.0


_SUB_MARKER = re.compile(r"(?:(?<=\s)|^)\(?[a-z][.)](?=\s)")


def _squash(texts: list[str], shown: bool) -> str:
    """Item texts without markup, punctuation or spacing, and without the list markers each
    starts with: what a faithful read must keep, number for number. The caller strips the
    record's side too (read_back): a record's own item may start "(1) …" or "-9. …", and
    stripping only the page's side counted faithful reads as misreads."""
    if shown:
        texts = [strip_marker(unescape_markdown(html.unescape(t))) for t in texts]
    joined = _SUB_MARKER.sub(" ", " ".join(unescape_markdown(t) for t in texts))
    return re.sub(r"[^a-z0-9]+", "", joined.lower())


def read_back(case: Case, page: PageRecord) -> list[str]:
    """What the site scraper did not read back as rendered (empty: a faithful read). Findings on a
    misread page measure the scraper, not reconcile, so they are scored apart."""
    spec, bad = case.spec, []
    # a run-on layout shows a group's later items inside the first ("1. a a) b"): only items that
    # start a page item lose their leading marker
    nested = case.host == "trialfinderdata.org"
    starts = [not nested or k == 0 or spec.items[k - 1].group != s.group for k, s in enumerate(spec.items)]
    shown = [html.unescape(strip_marker(s.text) if start else s.text) for s, start in zip(spec.items, starts)]
    if _squash(shown, False) != _squash(page.inclusion + page.exclusion, True):
        bad.append("criteria")
    if spec.status and page.status != spec.status:
        bad.append("status")
    if spec.truncated != page.criteria_truncated:
        bad.append("truncated")
    for name, want, got in (("enrollment", spec.enrollment, page.enrollment), ("sex", spec.sex, page.sex)):
        if want is not None and got is not None and want != got:
            bad.append(name)
    if spec.as_of and page.as_of and not spec.as_of.startswith(page.as_of):
        bad.append("as_of")
    if spec.min_age and page.min_age and str(parse_age(spec.min_age)) != str(page.min_age):
        bad.append("min_age")
    if spec.healthy_volunteers is not None and page.healthy_volunteers is not None \
            and spec.healthy_volunteers != page.healthy_volunteers:
        bad.append("healthy_volunteers")
    # (TrialFinderData names the first condition alone, in a sentence)
    conditions = spec.conditions[:1] if case.host == "trialfinderdata.org" else spec.conditions
    if page.conditions and [" ".join(c.split()) for c in conditions] != [" ".join(c.split()) for c in page.conditions]:
        bad.append("conditions")
    return bad


def run_case(case: Case, timings: list[float] | None = None) -> tuple[list[Finding], list[str]]:
    html_text, url = render(case.spec, case.host)
    page = scrape_html(html_text, url)
    t0 = time.perf_counter()
    findings = reconcile(page, case.record, TODAY)
    if timings is not None:
        timings.append(time.perf_counter() - t0)
    return findings, read_back(case, page)


@dataclass
class Run:
    all: Score                    # end to end: every generated page
    faithful: Score               # pages the site scraper read back as rendered
    misread: Counter              # host -> pages the scraper misread
    misread_parts: Counter        # part -> pages where it was misread
    examples: list
    timings: list = field(default_factory=list)   # seconds in reconcile() per page


def run(cases: list[Case]) -> Run:
    out = Run(Score(), Score(), Counter(), Counter(), [])
    for case in cases:
        try:
            findings, bad = run_case(case, out.timings)
        except Exception as exc:  # a crash is a scored failure, not a silent skip
            out.all.errors.append((case.nct_id, case.host, repr(exc)))
            out.faithful.errors.append((case.nct_id, case.host, repr(exc)))
            findings, bad = [], []
        out.all.add(case, findings)
        if bad:
            out.misread[case.host] += 1
            out.misread_parts.update(bad)
            if len(out.examples) < 50:
                out.examples.append((case.nct_id, case.host, bad))
        else:
            out.faithful.add(case, findings)
    return out


def report(score: Score, seconds: float | None = None) -> str:
    lines = [f"pages: {score.pages} ({score.unchanged} unchanged) over {', '.join(sorted(score.by_host))}"]
    lines.append(f"false alarms on unchanged pages: {score.unchanged_alarmed}/{score.unchanged} = "
                 f"{score.false_alarm_rate():.2%}")
    lines.append(f"overall precision: {score.precision():.3f}   recall: {score.recall():.3f}   "
                 f"critical-kind recall: {score.recall(CRITICAL_INJECTIONS):.3f}")
    lines.append("\n| injection | injected | found | recall |\n| --- | --- | --- | --- |")
    for k in sorted(score.expected):
        lines.append(f"| {k} | {score.expected[k]} | {score.found[k]} | {score.found[k] / score.expected[k]:.3f} |")
    if score.info_expected:
        lines.append("\n| injection where only an info is due | injected | info given |\n| --- | --- | --- |")
        for k in sorted(score.info_expected):
            lines.append(f"| {k} | {score.info_expected[k]} | {score.info_found[k]} |")
    lines.append("\n| finding kind | true | false | precision |\n| --- | --- | --- | --- |")
    for k in sorted(set(score.tp) | set(score.fp)):
        lines.append(f"| {k} | {score.tp[k]} | {score.fp[k]} | {score.precision(k):.3f} |")
    lines.append("\n| host | pages | unchanged pages with an alarm |\n| --- | --- | --- |")
    for h, c in sorted(score.by_host.items()):
        lines.append(f"| {h} | {c['pages']} | {c['unchanged_alarmed']} |")
    if score.errors:
        lines.append(f"\nerrors: {len(score.errors)} (first: {score.errors[0]})")
    if seconds is not None:
        lines.append(f"\n{score.pages / seconds:.1f} pages/s ({seconds:.1f} s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--hosts", default=",".join(LAYOUTS))
    ap.add_argument("--show", type=int, default=0, help="print up to N false alarms and misses")
    args = ap.parse_args(argv)
    records = load_records()
    if not records:
        print("../shared/data/ctgov not found: nothing to measure", file=sys.stderr)
        return 1
    layouts = shows(args.hosts.split(","))
    missing = sorted(set(args.hosts.split(",")) - set(layouts))
    if missing:
        print(f"no scraper installed for {', '.join(missing)}: skipped", file=sys.stderr)
    t0 = time.perf_counter()
    cases = generate(args.n, layouts, seed=args.seed, records=records)
    result = run(cases)
    seconds = time.perf_counter() - t0
    print("## reconcile on pages the site scraper read back faithfully\n")
    print(report(result.faithful))
    print("\n## end to end (every generated page, including scraper misreads)\n")
    print(report(result.all, seconds))
    t = sorted(result.timings)
    if t:
        print(f"\nreconcile() alone: median {1000 * t[len(t) // 2]:.1f} ms, p95 {1000 * t[int(len(t) * 0.95)]:.1f} ms, "
              f"max {1000 * t[-1]:.1f} ms per page")
    print("\npages misread by the site scraper: " + ", ".join(f"{h} {n}" for h, n in sorted(result.misread.items()))
          + " (parts: " + ", ".join(f"{p} {n}" for p, n in result.misread_parts.most_common()) + ")")
    for item in result.faithful.false_alarms[: args.show]:
        print("FALSE", item)
    for item in result.faithful.misses[: args.show]:
        print("MISS", item)
    for item in result.examples[: args.show]:
        print("MISREAD", item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
