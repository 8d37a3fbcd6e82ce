"""Run-on numbered criteria read back, with and without items left out (prints figures; not a test).

    .venv/bin/python bench/runon_gaps.py [--out mismatches.jsonl]

Every corpus record (../shared/data/ctgov) with 3+ parsed criteria is shown as TrialFinderData
shows NCT07635758 in one paragraph: "Inclusion Criteria: 1. a 2. b: 1. x 2. y 3. c Exclusion
Criteria: 1. …", sub-items numbered after their parent, deeper ones lettered. Then the same
page with one top-level item left out (three picks per list), with two in a row left out
(one pick) and with three in a row left out (one pick, lists of 4+ items), keeping the record's
numbers, so a gap shows ("… 3. … 5. …", "… 3. … 7. …"). Picks are seeded per record, so runs
before and after a change compare page for page (--out lists each misread page). The reader
(`_criteria_lists.criteria_lists`) must give back exactly the page's top-level items. A page read
wrongly without any gap is the splitter's own misreading (mostly a sub-list, not after a colon,
whose numbers reach its parent's next one).

    .venv/bin/python bench/runon_gaps.py --paragraphs [--out mismatches.jsonl]

Every record with sub-items, shown one paragraph per top-level item, its sub-items inline, as TrialFinderData's
tables layout shows NCT00463151: once numbered as above ("2. Has one of: 1. x 2. y"), once with the record's own
markers (an unnumbered or bulleted item shown without one: "Has one of: 1. x 2. y"). Each paragraph must read back
as one item.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import iter_corpus  # noqa: E402

from scrapers.criteria import Item, header_kind, parse_criteria  # noqa: E402
from scrapers.sites._criteria_lists import criteria_lists  # noqa: E402
from scrapers.sites.base import Line  # noqa: E402
from scrapers.criteria_markers import marker_style  # noqa: E402

SECTIONS = ("inclusion", "exclusion")


def shown(k: int, item: Item) -> str:
    """Top-level item k as the paragraph shows it, with its sub-items."""
    parts = [f"{k}. {item.text}"]
    for j, child in enumerate(item.children, 1):
        parts.append(f"{j}. {child.text}")
        parts += [f"{chr(96 + min(i, 26))}) {g.text}" for i, g in enumerate(child.children, 1)]
    return " ".join(" ".join(parts).split())


def page(lists: dict[str, list[Item]], drop: frozenset) -> tuple[str, dict[str, list[str]]]:
    """The paragraph without the items in `drop` ((section, index) pairs), and its items."""
    parts, items = [], {s: [] for s in SECTIONS}
    for sec in SECTIONS:
        if not lists[sec]:
            continue
        parts.append(sec.capitalize() + " Criteria:")
        for k, it in enumerate(lists[sec]):
            if (sec, k) not in drop:
                items[sec].append(shown(k + 1, it))
                parts.append(items[sec][-1])
    return " ".join(parts), items


def own_markers(item: Item, top: bool = True) -> str:
    """An item as the record marks it, sub-items inline; a top-level bullet is not shown (a page's paragraph has none)."""
    bullet = item.marker is None or marker_style(item.marker)[0] == "bullet"
    head = item.text if top and bullet else f"{item.marker or ''} {item.text}"
    return " ".join(" ".join([head] + [own_markers(c, False) for c in item.children]).split())


def paragraphs(lists: dict[str, list[Item]], show) -> tuple[list[Line], dict[str, list[str]]]:
    """The page's lines, one paragraph per top-level item under its heading, and its items."""
    lines, items = [], {s: [] for s in SECTIONS}
    for sec in SECTIONS:
        if lists[sec]:
            lines.append(Line(sec.capitalize() + " Criteria", "h3"))
            items[sec] = [show(k, it) for k, it in enumerate(lists[sec], 1)]
            lines += [Line(t, "p") for t in items[sec]]
    return lines, items


def read(lines) -> dict[str, list[str]]:
    inc, exc, _ = criteria_lists(lines)
    return {"inclusion": [" ".join(x.split()) for x in inc], "exclusion": [" ".join(x.split()) for x in exc]}


def main_paragraphs(out) -> None:
    """--paragraphs: records with sub-items, one paragraph per top-level item (see the module's docstring)."""
    styles = {"numbered": shown, "own markers": lambda k, it: own_markers(it)}
    tally = {name: [0, 0] for name in styles}
    for rec in iter_corpus():
        crit = parse_criteria(rec.eligibility_criteria or "")
        lists = {s: [i for i in getattr(crit, s) if i.text and not header_kind(i.text)] for s in SECTIONS}
        if not any(i.children for s in SECTIONS for i in lists[s]):
            continue
        for name, show in styles.items():
            lines, want = paragraphs(lists, show)
            got = read(lines)
            tally[name][0] += 1
            tally[name][1] += got == want
            if out and got != want:
                out.write(json.dumps({"nct_id": rec.nct_id, "kind": name, "want": want, "got": got},
                                     ensure_ascii=False) + "\n")
    for name, (pages, right) in tally.items():
        print(f"  {name:12s} {right:6d} / {pages:6d} pages read exactly ({right / pages:.1%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="write each misread page here (JSON lines)")
    ap.add_argument("--paragraphs", action="store_true", help="one paragraph per top-level item (see above)")
    args = ap.parse_args()
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    if args.paragraphs:
        main_paragraphs(out)
        return
    tally: dict[str, list[int]] = {}
    records = 0
    t0 = time.perf_counter()
    for rec in iter_corpus():
        crit = parse_criteria(rec.eligibility_criteria or "")
        lists = {s: [i for i in getattr(crit, s) if i.text and not header_kind(i.text)] for s in SECTIONS}
        if sum(map(len, lists.values())) < 3:
            continue
        records += 1
        # picks seeded by the record, so a parser change to one record leaves every other record's pages as they were
        # and two runs compare page for page (--out); three-in-a-row picks have their own stream
        rng, rng3 = random.Random(f"{rec.nct_id}/11"), random.Random(f"{rec.nct_id}/13")
        variants = [("no gap", frozenset())]
        for sec, items in lists.items():
            if len(items) >= 3:
                variants += [("one left out", frozenset({(sec, k)})) for k in sorted(rng.sample(range(len(items)), 3))]
                k = rng.randrange(len(items) - 1)
                variants.append(("two left out", frozenset({(sec, k), (sec, k + 1)})))
            if len(items) >= 4:
                k = rng3.randrange(len(items) - 2)
                variants.append(("three left out", frozenset({(sec, k), (sec, k + 1), (sec, k + 2)})))
        for kind, drop in variants:
            text, want = page(lists, drop)
            inc, exc, _ = criteria_lists([text])
            got = {"inclusion": [" ".join(x.split()) for x in inc], "exclusion": [" ".join(x.split()) for x in exc]}
            right = got == want
            tally.setdefault(kind, [0, 0])
            tally[kind][0] += 1
            tally[kind][1] += right
            if out and not right:
                out.write(json.dumps({"nct_id": rec.nct_id, "kind": kind, "dropped": sorted(drop), "want": want,
                                      "got": got}, ensure_ascii=False) + "\n")
    print(f"{records} records ({time.perf_counter() - t0:.0f} s)")
    for kind, (pages, right) in tally.items():
        print(f"  {kind:14s} {right:6d} / {pages:6d} pages read exactly ({right / pages:.1%})")


if __name__ == "__main__":
    main()
