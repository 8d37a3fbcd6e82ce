"""Write server/data/names.txt: words the registry's own criteria write as names.

A word capitalised in the middle of sentences ("… with Crohn disease", "… of Kaposi sarcoma")
at least 3 times and written in lower case at most 5% as often is a proper name: the plain
English rewrite keeps its capital when it moves the word after "You have" ("You have Parkinson
disease", not "parkinson disease"). Rerun after the corpus grows:

    .venv/bin/python bench/names_from_corpus.py

It writes server/data/ordinary_words.txt too: capitalised words the criteria write in lower case at least 5
times, and capitalised mid-sentence at most 30% as often ("Severe", "Heart", "Untreated"; not "New", "York",
"Index", "Klinefelter"). Only such a word, capitalised where an item starts or in a Title Case term, is put in
small letters after "You have" (server.first_words.small_words). A drug's name is no ordinary word: the whole name of
a drug the records give ("Metformin", "Aspirin", "Antabuse"), or a word with a drug name's ending ("-mab", "-statin").
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_criteria import iter_records, criteria_text  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "server" / "data" / "names.txt"
ORDINARY = OUT.with_name("ordinary_words.txt")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+)(?:['’]s)?\b")
_LOWER = re.compile(r"\b[a-z]+\b")
_CAPITALISED = re.compile(r"\b([A-Z][a-z]+)\b(?![-'’])")
_DRUG_TYPES = frozenset({"DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT", "DIETARY_SUPPLEMENT", "GENETIC"})
_DRUG_NAME = re.compile(r"\s*([A-Za-z]{4,})(?:\s+(?:hydrochloride|citrate|sodium|sulfate|acetate|tablets?|capsules?|"
                        r"injection|[A-Z]|\d[\w./ ]*))?\s*", re.I)
_DRUG_ENDING = re.compile(r"(?:mab|nib|vir|statin|mycin|micin|cillin|cycline|oxacin|azole|formin|afil|pril|sartan|olol|"
                          r"dipine|platin|taxel|rubicin|icin|parin|farin|prazole|tidine|oxetine|triptyline|azepam|zolam|"
                          r"barbital|caine|profen|coxib|lukast|dronate|gliptin|glitazone|relin|sone|olone|trexate|"
                          r"citabine|fosfamide|mustine|poetin|grastim|leukin|feron|ercept|limus|azine|idine|apine|"
                          r"penem|quine|fungin|ridone|peridol|tropin)$")


def drug_names(record: dict) -> set[str]:
    """The one-word names a record gives its drugs ("Metformin", "Sildenafil citrate"), capitalised."""
    out = set()
    for iv in (((record.get("protocolSection") or {}).get("armsInterventionsModule") or {}).get("interventions") or []):
        if iv.get("type") in _DRUG_TYPES:
            for name in [iv.get("name") or ""] + list(iv.get("otherNames") or []):
                m = _DRUG_NAME.fullmatch(name)
                if m:
                    out.add(m.group(1).capitalize())
    return out


def main() -> None:
    capital: collections.Counter[str] = collections.Counter()
    lower: collections.Counter[str] = collections.Counter()
    seen: set[str] = set()
    drugs: set[str] = set()
    for _src, _nct, record in iter_records():
        text = criteria_text(record) or ""
        capital.update(m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(text))
        lower.update(_LOWER.findall(text))
        seen.update(_CAPITALISED.findall(text))
        drugs |= drug_names(record)
    names = sorted(w for w, n in capital.items() if n >= 3 and lower[w.lower()] <= 0.05 * n)
    OUT.write_text("# Proper names in eligibility criteria, one a line (written by bench/names_from_corpus.py)\n"
                   + "\n".join(names) + "\n")
    print(f"{len(names)} names -> {OUT}")
    ordinary = sorted(w for w in seen if lower[w.lower()] >= 5 and capital[w] <= 0.3 * lower[w.lower()]
                      and w not in drugs and not _DRUG_ENDING.search(w))
    ORDINARY.write_text("# Ordinary words the criteria capitalise only where an item or a Title Case term starts, one a line"
                        " (written by bench/names_from_corpus.py)\n" + "\n".join(ordinary) + "\n")
    print(f"{len(ordinary)} ordinary words -> {ORDINARY}")


if __name__ == "__main__":
    main()
