"""Write scrapers/data/drug_names.json: what reconcile.treatments learns of drug names from the corpus (ident7).

    .venv/bin/python bench/drug_names_from_corpus.py

- "generics": the words of the corpus's intervention MeSH terms (the registry's generic names: "Zidovudine", never
  "Retrovir") that have an international drug name's ending. Only such a word, or a drug code, on a page can name a
  treatment its record never mentions: a brand ("Retrovir", "Aricept", "Viracept") has such an ending too, and a
  site may show it where the record says only the generic name.
- "synonyms": groups of names one intervention is given in one record (its name and other names: "tadalafil",
  "Cialis", "LY450190"), each folded as treatments.fold reads a word, kept where a generic or a drug code of the group
  is written with no start in common with another of its names: a page naming one may be the trial of a record
  naming another.
- "group_prefixes": the letters that start the corpus's study identifiers ("ACTG 5041", "CALGB-9741", "SWOG-S0221",
  "CDR0000…") of `GROUP_RECORDS` records or more and start no intervention's drug code: such a code is a
  trial-group number, no drug (a page's code under its own record agrees anyway: its number is the record's).
Rerun after the corpus grows; the table is derived data, never edited by hand.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from drift_gen import load_records  # noqa: E402

from scrapers.reconcile.reading import FILLER  # noqa: E402
from scrapers.reconcile.treatments import CODE, STEM, codes_in, fold, inn_shaped  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "scrapers" / "data" / "drug_names.json"
_ID_PREFIX = re.compile(r"^([A-Za-z]{2,6})[\s-]*[A-Za-z]?\d{3,}")


GROUP_RECORDS = 3   # records a prefix starts the identifiers of, to be a group's or a sponsor's numbering
FEW_DRUGS = 2   # generic names a word of a name may stand beside to tell that name (a brand: "cialis", not "tablet")
RARE = 100      # records (of ~8,100) a word of a name may be said in ("viagra" 84, "tablet" 239, "after" 4,360)


def _names(text: str) -> set[str]:
    """A name's generic-shaped words and drug codes, folded."""
    return {w for w in re.findall(r"[a-z][a-z0-9]{3,}", fold(text)) if inn_shaped(w)} | codes_in(text, capitals=False)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z0-9]{3,}", fold(text))) | codes_in(text, capitals=False)


def _drug(word: str) -> bool:
    """A generic-shaped word or a drug code (as codes_in folds one: "mk3475"; not "pde5", "hbo2t")."""
    return inn_shaped(word) or bool(CODE.fullmatch(word))


def build() -> dict[str, list]:
    generics: set[str] = set()
    groups: set[tuple[str, ...]] = set()
    id_prefixes: Counter[str] = Counter()   # (records whose identifiers each starts)
    code_prefixes: set[str] = set()
    records = load_records()
    said_in: Counter[str] = Counter()   # (records saying each word anywhere)
    for d in records:
        said_in.update(set(re.findall(r"[a-z][a-z0-9]{3,}", fold(json.dumps(d.get("protocolSection") or {})))))
    for d in records:
        ps = d.get("protocolSection") or {}
        for m in ((d.get("derivedSection") or {}).get("interventionBrowseModule") or {}).get("meshes") or []:
            generics |= {w for w in _words(m.get("term") or "") if inn_shaped(w)}
        for iv in (ps.get("armsInterventionsModule") or {}).get("interventions") or []:
            names = [iv.get("name") or ""] + [n for n in iv.get("otherNames") or [] if isinstance(n, str)]
            code_prefixes |= {re.sub(r"\d+$", "", c) for n in names for c in codes_in(n)}
            drugs = set().union(*(_names(n) for n in names))
            words = set().union(*(_words(n) for n in names))
            if drugs:
                groups.add(tuple(sorted(words)))
        idm = ps.get("identificationModule") or {}
        ids = [(idm.get("orgStudyIdInfo") or {}).get("id") or ""]
        ids += [(s or {}).get("id") or "" for s in idm.get("secondaryIdInfos") or []]
        id_prefixes.update({fold(m[1]) for m in map(_ID_PREFIX.match, ids) if m})
    # a word named beside more than `FEW_DRUGS` generic names, or said in more than `RARE` records, names none of
    # them ("tablet", "placebo", "oral", "after")
    beside: dict[str, set[str]] = {}
    for g in groups:
        for w in g:
            beside.setdefault(w, set()).update(d[:STEM] for d in g if inn_shaped(d) and d[:STEM] != w[:STEM])
    told = {tuple(w for w in g if _drug(w) or len(beside[w]) <= FEW_DRUGS and said_in[w] <= RARE and w not in FILLER)
            for g in groups}
    # (kept where a drug of the group has no start in common with another of its words; a group whose words all
    # stand in a larger one says nothing more)
    told = {g for g in told if any(_drug(d) for d in g)
            and len({w[:STEM] for w in g}) > 1}
    kept = sorted(g for g in told if not any(set(g) < set(h) for h in told))
    return {"generics": sorted(generics), "synonyms": [list(g) for g in kept],
            "group_prefixes": sorted(p for p, n in id_prefixes.items()
                                     if n >= GROUP_RECORDS and p not in code_prefixes and p != "nct")}


def main() -> None:
    table = build()
    OUT.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table['generics'])} generics, {len(table['synonyms'])} synonym groups, "
          f"{len(table['group_prefixes'])} group prefixes, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
