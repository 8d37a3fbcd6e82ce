"""An item copied into the other list: is it said? (prints figures; not a test).

    .venv/bin/python -m bench.list_copy [-n 600] [--seed 7] [--show 10]

bench_drift's generator moves an item to the other list (section_swapped) but never copies one: a page showing the
record's exclusion "Pregnant or breastfeeding" among its inclusions as well (review r53 F3) was silent, since any
added item whose text the record holds anywhere was taken for the record's. Here `-n` random records with both lists
are shown twice each way, their lists exactly the record's items: on a card-list page (meddatax.com, read as lists)
and on a CheckOrphan page (the record's text run together, bench/runon_verbatim.py), once unchanged (any criteria
alarm is false) and once with one item of the other list copied to the end of this one. A copy is caught where a
criteria alarm quotes the copied text from the page.

Joined (recon11): on the card page, the copied item is also shown run onto the END of one of this list's items ("Age
18 or older Pregnant or breastfeeding women") instead of as an item of its own; caught where a warning or critical
quotes that item. (Picked with a second generator, seeded `--seed` + 1, so the figures above are drawn as before.)
Of those, "said as the copy" (recon13): a criterion_wrong_section quotes it (the one finding joined_copy.py gives),
not only a warning that the item differs.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import iter_corpus  # noqa: E402
from bench.runon_verbatim import URL as RUNON_URL, page_html  # noqa: E402
from scrapers import PageRecord, scrape_html  # noqa: E402
from scrapers.criteria import flatten, parse_criteria, unescape_markdown  # noqa: E402
from scrapers.reconcile import is_alarm, reconcile  # noqa: E402
from scrapers.reconcile.normal import normalize  # noqa: E402

TODAY = date(2026, 12, 7)
_EXCLUSION_LINE = re.compile(r"^\s*exclusion criteria\s*:?\s*$", re.I)


def _criteria_alarms(page: PageRecord, official) -> list:
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f)
            and f.field.startswith(("inclusion", "exclusion", "criteria"))]


def _quotes(found: list, text: str) -> bool:
    key = normalize(text)[:40]
    return any(key in normalize(t) for f in found for t in f.evidence.get("page_texts", ())) or \
        any(key in normalize(f.message) for f in found)


def _pick(rng: random.Random, items: list[str], others: list[str]) -> str | None:
    """An item of `items` of 2-25 words whose text no item of `others` holds (a real copy, not the record's own)."""
    theirs = " | ".join(normalize(t) for t in others)
    ok = [t for t in items if 2 <= len(t.split()) <= 25 and not t.rstrip().endswith(":")
          and normalize(t) not in theirs]
    return rng.choice(ok) if ok else None


def card_page(official, inclusion: list[str], exclusion: list[str]) -> PageRecord:
    return PageRecord(site="meddatax.com", url=f"https://meddatax.com/clinical-trials/{official.nct_id}",
                      nct_id=official.nct_id, inclusion=inclusion, exclusion=exclusion,
                      criteria_headings=["exclusion", "inclusion"])


def run_on_text(criteria: str, copied: str, into: str) -> str | None:
    """The record's text with `copied` as a last bullet of list `into`; None where the text has no exclusion heading
    line of its own."""
    lines = criteria.split("\n")
    at = next((i for i, ln in enumerate(lines) if _EXCLUSION_LINE.match(ln)), None)
    if at is None:
        return None
    if into == "inclusion":
        while at > 0 and not lines[at - 1].strip():
            at -= 1
        return "\n".join(lines[:at] + [f"* {copied}"] + lines[at:])
    return criteria.rstrip() + f"\n* {copied}\n"


def joined_lists(rng: random.Random, lists: dict[str, list[str]], copied: str, into: str
                 ) -> dict[str, list[str]] | None:
    """The record's lists with `copied` run onto the end of one item of list `into` (one of 3 words or more, not a
    label line); None where it has no such item."""
    ok = [i for i, t in enumerate(lists[into]) if len(t.split()) >= 3 and not t.rstrip().endswith(":")]
    if not ok:
        return None
    at = rng.choice(ok)
    shown = {sec: list(items) for sec, items in lists.items()}
    shown[into][at] = f"{shown[into][at].rstrip()} {copied}"
    return shown


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    rng_joined = random.Random(args.seed + 1)
    records = [r for r in iter_corpus() if r.eligibility_criteria]
    rng.shuffle(records)
    tally: Counter = Counter()
    missed: list = []
    false: list = []
    done = 0
    for official in records:
        if done >= args.n:
            break
        crit = parse_criteria(official.eligibility_criteria)
        lists = {sec: [it.text for it in flatten(getattr(crit, sec))] for sec in ("inclusion", "exclusion")}
        if not (lists["inclusion"] and lists["exclusion"]) or crit.unplaced:
            continue
        done += 1
        raw = unescape_markdown(official.eligibility_criteria)
        base = {"card": card_page(official, lists["inclusion"], lists["exclusion"]),
                "run-on": scrape_html(page_html(official.nct_id, "A trial", "", raw), RUNON_URL)}
        for layout, page in base.items():
            tally[f"{layout} pages"] += 1
            if _criteria_alarms(page, official):
                tally[f"{layout} verbatim alarmed"] += 1
                false.append((layout, official.nct_id))
        for into, frm in (("inclusion", "exclusion"), ("exclusion", "inclusion")):
            copied = _pick(rng, lists[frm], lists[into])
            if copied is None:
                continue
            shown = dict(lists)
            shown[into] = lists[into] + [copied]
            pages = {"card": card_page(official, shown["inclusion"], shown["exclusion"])}
            text = run_on_text(raw, copied, into)
            if text is not None:
                pages["run-on"] = scrape_html(page_html(official.nct_id, "A trial", "", text), RUNON_URL)
            for layout, page in pages.items():
                key = f"{layout} {frm}->{into}"
                tally[f"{key} copies"] += 1
                if _quotes(_criteria_alarms(page, official), copied):
                    tally[f"{key} caught"] += 1
                else:
                    missed.append((key, official.nct_id, copied[:80]))
            joined = joined_lists(rng_joined, lists, copied, into)
            if joined is not None:
                key = f"joined {frm}->{into}"
                tally[f"{key} copies"] += 1
                found = [f for f in _criteria_alarms(card_page(official, joined["inclusion"], joined["exclusion"]),
                                                     official) if f.severity != "info"]
                if _quotes(found, copied):
                    tally[f"{key} caught"] += 1
                    if _quotes([f for f in found if f.kind == "criterion_wrong_section"], copied):
                        tally[f"{key} as copy"] += 1
                else:
                    missed.append((key, official.nct_id, copied[:80]))
    print(f"{done} records with both lists (seed {args.seed})")
    for layout in ("card", "run-on"):
        print(f"{layout}: verbatim pages alarmed {tally[f'{layout} verbatim alarmed']} of {tally[f'{layout} pages']}")
        for way in ("exclusion->inclusion", "inclusion->exclusion"):
            key = f"{layout} {way}"
            print(f"  copied {way}: caught {tally[f'{key} caught']} of {tally[f'{key} copies']}")
    print("joined onto the end of an item (card):")
    for way in ("exclusion->inclusion", "inclusion->exclusion"):
        key = f"joined {way}"
        print(f"  copied {way}: caught {tally[f'{key} caught']} of {tally[f'{key} copies']} "
              f"(said as the copy: {tally[f'{key} as copy']})")
    for row in false[:args.show]:
        print("  verbatim alarmed:", *row)
    for row in missed[:args.show]:
        print("  missed:", *row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
