"""Can the corpus derive related_treatments.COMMON_DRUGS (drugs given in many illnesses) instead of a hand-written list?

    .venv/bin/python -m bench.related_eval_common_drugs [--db INDEX.sqlite3] [--top 25]

For every treatment named by one word (its form and route words left out, as related_treatments.common_drug reads it) it
counts the indexed trials giving it and the condition families they span: the whole-system headings
(related_terms.BODY_SYSTEMS) among their condition terms and MeSH ancestors, a family counting once 2 trials give it.
It prints the widest-spanning treatments and the hand list's members. A derivation works only if some family count N
puts the known members above it and few others: related5 found none on ../shared/data/ctgov (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from scrapers.registry.search import WORD
from server.related_terms import BODY_SYSTEMS, fold
from server.related_treatments import COMMON_DRUG_FORMS, COMMON_DRUGS, NOT_WHAT


def spans(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """{one-word treatment: (trials giving it, condition families with 2 or more of them)}."""
    families: dict[str, Counter] = defaultdict(Counter)
    trials: Counter = Counter()
    for (fjson,) in conn.execute("SELECT features FROM related_trials"):
        d = json.loads(fjson)
        systems = {BODY_SYSTEMS[t] for t in set(d["ct"]) | set(d["at"]) if t in BODY_SYSTEMS}
        names = set()
        for t in d["it"]:
            words = {fold(w) for w in WORD.findall(t.lower())} - NOT_WHAT - COMMON_DRUG_FORMS
            if len(words) == 1:
                names |= words
        for n in names:
            trials[n] += 1
            families[n].update(systems)
    return {n: (trials[n], sum(1 for k in families[n].values() if k >= 2)) for n in trials}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an index built by scrapers.registry.search.build_index (default: build one)")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    if args.db:
        conn = sqlite3.connect(args.db)
    else:
        from bench.corpus import iter_corpus
        from scrapers.registry.search import build_index
        conn = sqlite3.connect(Path(tempfile.mkdtemp()) / "index.sqlite3")
        build_index(conn, list(iter_corpus()))
    found = spans(conn)
    ranked = sorted(found.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
    print("treatment  trials  families  (hand-listed?)")
    for n, (t, f) in ranked[:args.top]:
        print(f"{n:<20} {t:>6} {f:>9}  {'yes' if n in COMMON_DRUGS else ''}")
    print("\nhand-listed members:")
    for n in sorted(COMMON_DRUGS, key=lambda n: (-found.get(n, (0, 0))[1], n)):
        t, f = found.get(n, (0, 0))
        print(f"{n:<20} {t:>6} {f:>9}")
    for n_min in (2, 3, 4):
        above = [n for n, (_, f) in found.items() if f >= n_min]
        print(f"families >= {n_min}: {len(above)} treatments, of them hand-listed {sorted(set(above) & COMMON_DRUGS)}")


if __name__ == "__main__":
    main()
