"""Write server/data/names.txt: words the registry's own criteria write as names.

A word capitalised in the middle of sentences ("… with Crohn disease", "… of Kaposi sarcoma")
at least 3 times and written in lower case at most 5% as often is a proper name: the plain
English rewrite keeps its capital when it moves the word after "You have" ("You have Parkinson
disease", not "parkinson disease"). Rerun after the corpus grows:

    .venv/bin/python bench/names_from_corpus.py
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_criteria import iter_records, criteria_text  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "server" / "data" / "names.txt"
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+)(?:['’]s)?\b")
_LOWER = re.compile(r"\b[a-z]+\b")


def main() -> None:
    capital: collections.Counter[str] = collections.Counter()
    lower: collections.Counter[str] = collections.Counter()
    for _src, _nct, record in iter_records():
        text = criteria_text(record) or ""
        capital.update(m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(text))
        lower.update(_LOWER.findall(text))
    names = sorted(w for w, n in capital.items() if n >= 3 and lower[w.lower()] <= 0.05 * n)
    OUT.write_text("# Proper names in eligibility criteria, one a line (written by bench/names_from_corpus.py)\n"
                   + "\n".join(names) + "\n")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
