"""Own pages naming the record's drug by a development code the check's table does not know (ident8).

Review r50 built own pages titled by a drug's development code the record no longer says ("LY248686 Compared With
Placebo in Patients With Depression" for duloxetine's NCT00494377) from a table of public codes, and 139 over 137
records were called another trial's. identity_eval could not see it: its pages drew names from the corpus, and so
did the table the check reads (scrapers/data/drug_names.json), so every code a page showed was one the check knew.

Here the codes the corpus gives each drug (`corpus_codes`: in the table's synonym groups and interventions' other
names naming one drug) are split in two halves by a hash of the code
(`half`). Each half in turn is made unknown to the check (`codes_unknown`: the table without it, as the table would be
had the corpus never given those codes), and each own page names its record's drug by a code of that half the record
never says (`code_pages`). So the check's table and the pages' codes are disjoint, as for a code no table holds.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile import treatments
from scrapers.reconcile.treatments import _CODE, _DATA, CODE, codes_in, fold, inn_shaped, said

HALVES = 2
_DRUGS = ("DRUG", "BIOLOGICAL")


def half(code: str) -> int:
    """Which half a (folded) code falls in: a stable hash, the same each run."""
    return zlib.crc32(code.encode()) % HALVES


def _generics_named(name: str, generics: frozenset[str]) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9]{3,}", fold(name)) if w in generics}


def corpus_codes(records: Iterable[OfficialRecord]) -> dict[str, set[str]]:
    """Each generic name (folded: "duloxetin") and the drug codes the corpus gives that drug (folded: "ly248686"):
    those in a synonym group of drug_names.json, and those among the other names of an intervention whose name
    names that generic, where nothing else drug-shaped stands beside it (a combination's other names name its other
    drug: "Zoladex plus flutamide"). A code given two drugs (a data slip, a combination) is left out, and so is a
    trial-group number."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    generics, groups = frozenset(data["generics"]), frozenset(data["group_prefixes"])
    found: list[tuple[str, list[str]]] = []
    for group in data["synonyms"]:
        found.append((group[0], group))
    for rec in records:
        for i in rec.intervention_details:
            if i.type in _DRUGS:
                found.append((i.name, [w for t in (i.name, *i.other_names) for w in _words(t)]))
    out: dict[str, set[str]] = {}
    given: dict[str, set[str]] = {}
    for _, words in found:
        named = {w for w in words if w in generics}
        if len(named) == 1 and not any(inn_shaped(w) and w[:5] not in {g[:5] for g in named} for w in words):
            for c in (w for w in words if CODE.fullmatch(w) and re.sub(r"\d+$", "", w) not in groups):
                out.setdefault(next(iter(named)), set()).add(c)
                given.setdefault(c, set()).update(named)
    return {g: {c for c in cs if len(given[c]) == 1} for g, cs in out.items()}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z0-9]{3,}", fold(text)) + sorted(codes_in(text, capitals=False))


@contextmanager
def codes_unknown(which: int) -> Iterator[frozenset[str]]:
    """The check's table (treatments._table) without the codes of half `which`, for the time of the block; yields
    the codes taken out."""
    generics, synonyms, groups = treatments._table()
    gone = frozenset(w for w in synonyms if CODE.fullmatch(w) and half(w) == which)
    reduced = (generics, {w: s - gone for w, s in synonyms.items() if w not in gone}, groups)
    saved = treatments._table
    treatments._table = lambda: reduced
    try:
        yield gone
    finally:
        treatments._table = saved


def code_forms(records: Iterable[OfficialRecord]) -> dict[str, str]:
    """Each folded code and a way the corpus writes it in capitals ("li450190": "LY450190"; fold reads "y" as
    "i", so the folded code is no way to write it)."""
    out: dict[str, str] = {}
    for rec in records:
        for m in _CODE.finditer(json.dumps(rec.data.get("protocolSection") or {})):
            if m[1].isupper():
                out.setdefault(fold(m[1] + m[3]), m[0])
    return out


def shown(code: str, forms: dict[str, str]) -> str:
    """A folded code as a page writes it: as the corpus writes it, else in capitals ("LI-450190")."""
    m = re.fullmatch(r"([a-z]+)(\d+)", code)
    return forms.get(code) or (f"{m[1].upper()}-{m[2]}" if m else code.upper())


def record_code(rec: OfficialRecord, codes: dict[str, set[str]], which: int) -> tuple[str, str] | None:
    """A drug the record names (its name as the record gives it) and a code of half `which` the corpus gives that
    drug, which the record never says (nor its number), or None."""
    generics = frozenset(codes)
    _, theirs, numbers = said(rec)
    for i in rec.intervention_details:
        if i.type not in _DRUGS:
            continue
        for g in sorted(_generics_named(i.name, generics)):
            for c in sorted(codes[g]):
                if half(c) == which and c not in theirs and re.sub(r"^[a-z]+", "", c) not in numbers:
                    return i.name, c
    return None


def code_pages(rec: OfficialRecord, lay: PageRecord, codes: dict[str, set[str]], which: int,
               forms: dict[str, str]) -> dict[str, PageRecord]:
    """Trial `rec`'s own lay page naming its drug by a code of half `which` (see the module docstring): in the
    title as r50 did ("LY248686 Compared With Placebo in Depression"), and in its interventions for the drug's name
    ("Drug: LY248686": a site's intervention of a code alone is in capitals, which codes_in reads as no code); none
    for a record naming no drug the corpus gives such a code (`forms`: code_forms)."""
    found = record_code(rec, codes, which)
    if not found:
        return {}
    name, code = found
    names = [n for _, n in rec.interventions]
    return {"code: held-out code in the title": replace(
                lay, title=f"{shown(code, forms)} Compared With Placebo in {rec.conditions[0]}"),
            "code: held-out code as intervention": replace(
                lay, interventions=[f"Drug: {shown(code, forms)}" if n == name else n for n in names])}
