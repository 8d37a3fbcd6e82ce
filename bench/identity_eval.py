"""How often reconcile.identity tells a page about another trial, on real records.

    .venv/bin/python bench/identity_eval.py [--pairs N] [--seed S]

A page with a mistyped trial number shows one trial's title, sponsor, conditions and design under another's number.
Each case here is such a page: trial A's facts (its brief title, lead sponsor, conditions, phases, enrollment, start
date), checked against trial B's record.
- "random": B drawn at random (a number mistyped anywhere).
- "near": B shares a condition word with A (the hard case: two stroke trials, two stem-cell trials).
- own pages, A against its own record: every alarm here is a false one. "own words": its title the official one,
  its sponsor upper-cased. "reworded" (harsh but faithful, ident3): the title "Research study for people with
  <its first condition>", the sponsor's initials, the enrollment 37 more, each criterion cut to six words. Each also
  with its exclusions shown as a placeholder row ("None", "N/A", "See inclusion criteria"); "reworded, no
  criteria": that page showing no criteria at all. "lay title" (r44): the reworded page retitled in lay words (of
  `LAY_TITLES`, the one with most words its record never says: "Tracking Where People Look When Shown Pictures"),
  with its criteria cut, with none, with its conditions spelt the British way ("Leukaemia") and shown as the
  record's MeSH terms ("Erectile Dysfunction" for "Impotence"); and (ident6) that lay page showing its interventions,
  lower-cased, as their MeSH terms, as their other names, and with a start five years earlier (a stale page); and
  (ident7, "treatment: ..." lines) that lay page showing its treatments as lay sites do: by a brand, in British
  spelling, renamed, with its trial-group number in the title (bench/identity_variants.py; each line says how many
  of its pages differ from the lay page listing its interventions, the others being that page); and (ident8, "code:
  ..." lines) that lay page naming its drug by a development code the check's table does not know, in the title
  ("LY248686 Compared With Placebo in Depression", as review r50 did) and as intervention (bench/identity_codes.py:
  the corpus's codes for each drug split in halves, each held out of the table in turn; a record whose drugs the
  corpus gives no code has no page there, and the line says how many pages it checked). Swaps are also
  shown with A's interventions (most sites list them), a line of their own so that the lines before stay comparable
  with earlier runs. --all-own checks every record's own pages, not a sample.
It prints the share said to be about another trial; pages whose A lacks a sponsor or conditions are counted apart,
since the check never speaks without both.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# (this checkout's code, not the one an editable install points at: a git worktree sharing a venv measured main)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from drift_gen import load_records  # noqa: E402

from scrapers.criteria import parse_criteria  # noqa: E402
from scrapers.model import OfficialRecord, PageRecord  # noqa: E402
from scrapers.reconcile.identity import check_identity  # noqa: E402
from identity_variants import corpus_generics, corpus_other_names, respelt, treatment_pages  # noqa: E402
from identity_codes import HALVES, code_forms, code_pages, codes_unknown, corpus_codes  # noqa: E402


def page_of(rec: OfficialRecord, nct_id: str, title: str | None = None, sponsor: str | None = None,
            criteria: bool = False, interventions: bool = False) -> PageRecord:
    """Trial `rec`'s facts under `nct_id`; with `criteria`, its eligibility lists too (one line per top item, as
    most aggregators show them); with `interventions`, the names of its interventions (as most show them)."""
    start = rec.start.date if rec.start else None
    crit = parse_criteria(rec.eligibility_criteria) if criteria else None
    return PageRecord(site="bench", nct_id=nct_id, title=title or rec.brief_title, sponsor=sponsor or rec.sponsor,
                      conditions=list(rec.conditions), phases=list(rec.phases), enrollment=rec.enrollment,
                      start_date=start, interventions=[n for _, n in rec.interventions] if interventions else [],
                      inclusion=[i.text for i in crit.inclusion + crit.unplaced] if crit else [],
                      exclusion=[i.text for i in crit.exclusion] if crit else [])


def _cut(items: list[str]) -> list[str]:
    return [" ".join(t.split()[:6]) + ("…" if len(t.split()) > 6 else "") for t in items]


def reworded_page(rec: OfficialRecord) -> PageRecord:
    """Trial `rec`'s own page as a harsh but faithful aggregator shows it: a lay title, the sponsor's initials, a
    stale enrollment, criteria cut to six words (ident3)."""
    own = page_of(rec, rec.nct_id, criteria=True)
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", rec.sponsor or "")).upper()
    return replace(own, title=f"Research study for people with {rec.conditions[0]}", sponsor=initials,
                   enrollment=(rec.enrollment or 0) + 37, inclusion=_cut(own.inclusion), exclusion=_cut(own.exclusion))


PLACEHOLDERS = ("None", "N/A", "See inclusion criteria")

# titles a lay-worded site gives a trial, faithful to any of them and saying few of its record's words (r44)
LAY_TITLES = ("Tracking Where People Look When Shown Pictures",
              "Checking Whether a Promising Medicine Is Safe in Healthy Adults",
              "Can an Experimental Medicine Shrink Tumours That Have Spread?",
              "Testing a Promising Painkiller to Ease Everyday Aches",
              "Finding Out Whether a Promising Approach Helps",
              "How Quickly Breathing Returns to Normal After a Hard Workout")


def lay_title(rec: OfficialRecord) -> str:
    """Of `LAY_TITLES`, the one with most words the record never says (a harsh but faithful retitling)."""
    said = set(re.findall(r"[a-z]+", " ".join(filter(None, (rec.brief_title, rec.official_title, rec.brief_summary,
                                                            rec.eligibility_criteria, *rec.conditions))).lower()))
    return max(LAY_TITLES, key=lambda t: len(set(re.findall(r"[a-z]{4,}", t.lower())) - said))


# British spellings of American medical words, as a UK site writes a record's conditions
_BRITISH = ((r"\b(h)em(o|a|at|or)", r"\1aem\2"), (r"an(emi)", r"anaemi"), (r"leukem", "leukaem"), (r"\bedem", "oedem"),
            (r"\besophag", "oesophag"), (r"\bestrogen", "oestrogen"), (r"diarrhea", "diarrhoea"),
            (r"pediatric", "paediatric"), (r"tumor", "tumour"), (r"ischemi", "ischaemi"), (r"orthoped", "orthopaed"),
            (r"septicem", "septicaem"), (r"glycem", "glycaem"), (r"lipidem", "lipidaem"), (r"uremi", "uraemi"),
            (r"behavior", "behaviour"), (r"celiac", "coeliac"), (r"gonorrhea", "gonorrhoea"), (r"apnea", "apnoea"),
            (r"fetal", "foetal"))


def british(text: str) -> str:
    """`text` spelt the British way, capitals kept ("Leukemia" is "Leukaemia", "Solid Tumor" "Solid Tumour")."""
    return respelt(text, _BRITISH)


def own_pages(rec: OfficialRecord, others: dict[str, list[str]] | None = None,
              generics: frozenset[str] = frozenset()) -> dict[str, PageRecord]:
    """Trial `rec`'s own page in each layout the evaluation checks (see the module docstring); with `others` (the
    names corpus records give each drug: identity_variants.corpus_other_names; `generics`, corpus_generics), the
    treatment layouts too."""
    pages = {"own words": page_of(rec, rec.nct_id, title=rec.official_title or rec.brief_title,
                                  sponsor=(rec.sponsor or "").upper(), criteria=True),
             "reworded": reworded_page(rec)}
    for name, page in list(pages.items()):
        for placeholder in PLACEHOLDERS:
            pages[f"{name}, exclusions {placeholder!r}"] = replace(page, exclusion=[placeholder])
    pages["reworded, no criteria"] = bare = replace(pages["reworded"], inclusion=[], exclusion=[])
    pages["lay title"] = replace(pages["reworded"], title=lay_title(rec))
    pages["lay title, no criteria"] = lay = replace(bare, title=lay_title(rec))
    pages["lay title, no criteria, British spelling"] = replace(lay, conditions=[british(c) for c in rec.conditions])
    pages["lay title, no criteria, MeSH terms"] = replace(lay, conditions=list(rec.condition_mesh_terms
                                                                             or rec.conditions))
    # (ident6) its interventions as the record names them, lower-cased; as their MeSH terms (a site showing those);
    # as their other names (a brand for a code)
    names = [n for _, n in rec.interventions]
    pages["lay title, no criteria, interventions"] = replace(lay, interventions=[n.lower() for n in names])
    pages["lay title, no criteria, interventions as MeSH terms"] = replace(
        lay, interventions=list(rec.intervention_mesh_terms or names))
    pages["lay title, no criteria, interventions as other names"] = replace(
        lay, interventions=[(i.other_names or (i.name,))[0] for i in rec.intervention_details])
    # (ident6) a stale page: the anticipated start of five years before, as first registered
    pages["lay title, no criteria, start 5 years earlier"] = replace(
        lay, start_date=f"{int(lay.start_date[:4]) - 5}{lay.start_date[4:]}" if lay.start_date else None)
    if others is not None:
        pages.update(treatment_pages(rec, lay, others, generics))
    return pages


def _words(rec: OfficialRecord) -> set[str]:
    return {w for c in rec.conditions for w in re.findall(r"[a-z]{4,}", c.lower())}


Pair = tuple[OfficialRecord, OfficialRecord]


def usable_records() -> tuple[int, list[OfficialRecord]]:
    """How many corpus records the model reads, and those with a sponsor and conditions (the check needs both)."""
    recs = []
    for d in load_records():
        try:
            recs.append(OfficialRecord(d))
        except Exception:   # (a record the model refuses is no case)
            continue
    return len(recs), [r for r in recs if r.sponsor and r.conditions]


def cases(usable: list[OfficialRecord], pairs: int, seed: int) -> tuple[list[Pair], list[Pair], list[OfficialRecord]]:
    """The random swaps, the near swaps and the records whose own pages are checked, drawn as `seed` says."""
    rng = random.Random(seed)
    randoms = [(a, b) for a, b in ((rng.choice(usable), rng.choice(usable)) for _ in range(pairs))
               if a.nct_id != b.nct_id]
    by_word: dict[str, list[OfficialRecord]] = {}
    for r in usable:
        for w in _words(r):
            by_word.setdefault(w, []).append(r)
    near = []
    for _ in range(pairs):
        a = rng.choice(usable)
        words = sorted(_words(a))
        if not words:
            continue
        pool = [r for r in by_word[rng.choice(words)] if r.nct_id != a.nct_id]
        if pool:
            near.append((a, rng.choice(pool)))
    return randoms, near, rng.sample(usable, min(pairs, len(usable)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--all-own", action="store_true",
                    help="check every usable record's own pages (not a sample of --pairs), as review r48 did")
    args = ap.parse_args()
    n, usable = usable_records()
    print(f"# identity check, {n} records, {len(usable)} with a sponsor and conditions, seed {args.seed}")

    def rate(cases: list[Pair], criteria: bool = False, interventions: bool = False) -> str:
        hits = sum(bool(check_identity(page_of(a, b.nct_id, criteria=criteria, interventions=interventions), b))
                   for a, b in cases)
        return f"{hits}/{len(cases)} = {hits / max(1, len(cases)):.1%}"

    randoms, near, same = cases(usable, args.pairs, args.seed)
    print(f"random swaps said to be another trial: {rate(randoms)}, with criteria shown {rate(randoms, criteria=True)}")
    print(f"near swaps (a condition word shared) said to be another trial: {rate(near)}")
    print(f"near swaps, the page showing A's criteria lists too: {rate(near, criteria=True)}")
    print(f"random swaps, the page showing A's interventions too: {rate(randoms, interventions=True)}")
    print(f"near swaps, the page showing A's interventions too: {rate(near, interventions=True)}")
    others, generics = corpus_other_names(usable), corpus_generics(usable)
    if args.all_own:
        same = usable
    false: dict[str, int] = {}
    told: dict[str, int] = {}   # (pages of a treatment layout that differ from the lay page listing its interventions)
    for r in same:
        pages = own_pages(r, others, generics)
        base = replace(pages["lay title, no criteria"], interventions=[n for _, n in r.interventions])
        for name, page in pages.items():
            false[name] = false.get(name, 0) + bool(check_identity(page, r))
            told[name] = told.get(name, 0) + (page != base)
    # (ident8) its drug named by a code the check's table does not know: each half of the corpus's codes held out
    # in turn (bench/identity_codes.py); a record with no such code has no page in these lines
    codes, forms = corpus_codes(usable), code_forms(usable)
    for which in range(HALVES):
        with codes_unknown(which):
            for r in same:
                lay = replace(reworded_page(r), title=lay_title(r), inclusion=[], exclusion=[])
                for name, page in code_pages(r, lay, codes, which, forms).items():
                    false[name] = false.get(name, 0) + bool(check_identity(page, r))
                    told[name] = told.get(name, 0) + 1
    for name, k in false.items():
        shown = (f" ({told[name]} differ from its lay page)" if name.startswith("treatment:") else
                 f" ({told[name]} pages: each half of the codes held out in turn)" if name.startswith("code:") else "")
        print(f"a trial's own page ({name}) said to be another trial (false alarms): {k}/{len(same)}{shown}")

if __name__ == "__main__":
    main()
