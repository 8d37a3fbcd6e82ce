"""How often reconcile.identity tells a page about another trial, on real records.

    .venv/bin/python bench/identity_eval.py [--pairs N] [--seed S]

A page with a mistyped trial number shows one trial's title, sponsor, conditions and design under another's number.
Each case here is such a page: trial A's facts (its brief title, lead sponsor, conditions, phases, enrollment, start
date), checked against trial B's record.
- "random": B drawn at random (a number mistyped anywhere).
- "near": B shares a condition word with A (the hard case: two stroke trials, two stem-cell trials).
- "same": A against its own record, its title the official one and its sponsor upper-cased (a page in its own
  words): every alarm here is a false one.
It prints the share said to be about another trial; pages whose A lacks a sponsor or conditions are counted apart,
since the check never speaks without both.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drift_gen import load_records  # noqa: E402

from scrapers.criteria import parse_criteria  # noqa: E402
from scrapers.model import OfficialRecord, PageRecord  # noqa: E402
from scrapers.reconcile.identity import check_identity  # noqa: E402


def page_of(rec: OfficialRecord, nct_id: str, title: str | None = None, sponsor: str | None = None,
            criteria: bool = False) -> PageRecord:
    """Trial `rec`'s facts under `nct_id`; with `criteria`, its eligibility lists too (one line per top item, as
    most aggregators show them)."""
    start = rec.start.date if rec.start else None
    crit = parse_criteria(rec.eligibility_criteria) if criteria else None
    return PageRecord(site="bench", nct_id=nct_id, title=title or rec.brief_title, sponsor=sponsor or rec.sponsor,
                      conditions=list(rec.conditions), phases=list(rec.phases), enrollment=rec.enrollment,
                      start_date=start,
                      inclusion=[i.text for i in crit.inclusion + crit.unplaced] if crit else [],
                      exclusion=[i.text for i in crit.exclusion] if crit else [])


def _words(rec: OfficialRecord) -> set[str]:
    return {w for c in rec.conditions for w in re.findall(r"[a-z]{4,}", c.lower())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    recs = []
    for d in load_records():
        try:
            recs.append(OfficialRecord(d))
        except Exception:   # (a record the model refuses is no case)
            continue
    usable = [r for r in recs if r.sponsor and r.conditions]
    rng = random.Random(args.seed)
    print(f"# identity check, {len(recs)} records, {len(usable)} with a sponsor and conditions, seed {args.seed}")

    def rate(cases: list[tuple[OfficialRecord, OfficialRecord]], criteria: bool = False) -> str:
        hits = sum(bool(check_identity(page_of(a, b.nct_id, criteria=criteria), b)) for a, b in cases)
        return f"{hits}/{len(cases)} = {hits / max(1, len(cases)):.1%}"

    randoms = [(a, b) for a, b in ((rng.choice(usable), rng.choice(usable)) for _ in range(args.pairs))
               if a.nct_id != b.nct_id]
    print(f"random swaps said to be another trial: {rate(randoms)}, with criteria shown {rate(randoms, criteria=True)}")
    by_word: dict[str, list[OfficialRecord]] = {}
    for r in usable:
        for w in _words(r):
            by_word.setdefault(w, []).append(r)
    near = []
    for _ in range(args.pairs):
        a = rng.choice(usable)
        words = sorted(_words(a))
        if not words:
            continue
        pool = [r for r in by_word[rng.choice(words)] if r.nct_id != a.nct_id]
        if pool:
            near.append((a, rng.choice(pool)))
    print(f"near swaps (a condition word shared) said to be another trial: {rate(near)}")
    print(f"near swaps, the page showing A's criteria lists too: {rate(near, criteria=True)}")
    same = rng.sample(usable, min(args.pairs, len(usable)))
    false = sum(bool(check_identity(page_of(r, r.nct_id, title=r.official_title or r.brief_title,
                                            sponsor=(r.sponsor or "").upper(), criteria=True), r)) for r in same)
    print(f"a trial's own page in its own words said to be another trial (false alarms): {false}/{len(same)}")


if __name__ == "__main__":
    main()
