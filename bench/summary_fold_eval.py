"""One change, one finding: pages built from the corpus's real records (../shared/data/ctgov) with one change the
page says twice, or with a consent clause left out, and the findings reconcile() gives them (docs/benchmarks.md,
"service2"). Prints counts; the figures are not timed.

- figure: one criterion's figure with a unit changed (+10, or +0.5 for a decimal) and the page's summary repeating it:
  `short` as measure + comparator + figure ("Pretreatment prostate-specific antigen ≤ 30 ng/mL"), `item` as the whole
  changed item, `other` as the same figure of another measure ("Serum creatinine ≤ 30 ng/mL": never one finding).
- age: both age limits in one unit; the page's maximum +5 and its summary "People aged lo to hi unit may be able to
  take part." with the page's maximum (`same`) or another (+3: `differ`).
- age_criterion: an inclusion item naming age ("age", "aged", "old") and stating both its limits in one unit ("Men
  18-70 years of age"), its maximum +5 on the page and the summary "People aged lo to hi unit may be able to take
  part." with the page's maximum (`same`), another (+3: `differ`) or the page's figure in another unit (`unit`: "75
  months" for "75 years"); the page's maximum in other words (`same-between`: "People between lo and hi unit of age
  …", `same-ages`: "Ages lo-hi unit …", `same-old`: "… if you are lo to hi unit old", `same-limits`: "People at
  least lo unit old and no older than hi unit …"); and each phrasing on a page as the record, stating the item's own
  limits (`faithful-…`: any finding is a false alarm). Summary findings counted: plain_age and plain_number (a
  figure the record lacks).
- consent: a consent item's clause after its "and"/"or" left out (`left`), or one word "written"/"signed" (`word`).

Usage: python bench/summary_fold_eval.py [--limit N] [--only CASE]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from datetime import date

from bench.corpus import iter_corpus
from bench.drift_gen import base_spec
from scrapers.dates import Age, parse_age_limits
from scrapers.model import PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.plain_limits import limit_ages, num
from scrapers.reconcile.summary_fold import AGE_WORD
from scrapers.reconcile.words import content_words

TODAY = date(2026, 12, 6)
_FIGURE = re.compile(r"(?P<measure>[A-Za-z][A-Za-z0-9 ()/-]{1,40}?)\s*(?P<cmp><=|>=|<|>|≤|≥|less than|greater than|"
                     r"more than|at least)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>mg/dL|mL/min(?:/1\.73 ?m2)?|g/dL|%|"
                     r"kg/m2|kg|mmHg|x ULN|× ULN|mm3|/mm3|/µL|µmol/L|mmol/L|ng/mL|U/L)")
_OTHER = ["Serum creatinine", "Creatinine clearance", "Diastolic blood pressure", "Systolic blood pressure", "HbA1c",
          "Total bilirubin", "Platelet count", "eGFR", "Hemoglobin", "Body mass index"]


def _page(rec, spec, k: int, shown: str, **more) -> PageRecord:
    """The record's items as a page shows them, item `k` as `shown`."""
    lists = {sec: [x.text if j != k else shown for j, x in enumerate(spec.items) if x.section == sec]
             for sec in ("inclusion", "exclusion")}
    return PageRecord("example.org", nct_id=rec.nct_id, **lists, **more)


def _kinds(page: PageRecord, rec, kinds: tuple[str, ...] | None = None) -> tuple[str, ...]:
    return tuple(sorted(f"{f.kind}/{f.severity}" + ("+summary" if "also_in_summary" in f.evidence else "")
                        for f in reconcile(page, rec, TODAY) if f.about == "page" and (not kinds or f.kind in kinds)))


def figure_case(rec, mode: str) -> tuple[str, ...] | None:
    spec = base_spec(rec)
    hit = next(((i, m) for i, s in enumerate(spec.items) for m in _FIGURE.finditer(s.text)), None)
    if hit is None:
        return None
    i, m = hit
    s, old = spec.items[i], m.group("num")
    new = str(int(old) + 10) if "." not in old else f"{float(old) + 0.5:g}"
    changed = s.text[: m.start("num")] + new + s.text[m.end("num"):]
    start = m.start("measure")
    while start > 0 and s.text[start - 1].isalnum():
        start -= 1
    measure = s.text[start: m.end("measure")].strip()
    if mode == "other":
        measure = next(x for x in _OTHER if not set(content_words(x)) & set(content_words(measure)))
    said = changed if mode == "item" else f"{measure} {m.group('cmp')} {new} {m.group('unit')}"
    who = "Who may qualify" if s.section == "inclusion" else "Who should not join"
    return _kinds(_page(rec, spec, i, changed, plain_summary=f"{who}: {said}."), rec,
                  ("criterion_changed", "plain_number"))


def age_case(rec, mode: str) -> tuple[str, ...] | None:
    lo, hi = rec.min_age, rec.max_age
    if not lo or not hi or lo.unit != hi.unit or hi.value >= 90:
        return None
    new, said = hi.value + 5, hi.value + (5 if mode == "same" else 3)
    page = PageRecord("example.org", nct_id=rec.nct_id, min_age=lo, max_age=Age(new, hi.unit, f"{num(new)} {hi.unit}"),
                      plain_summary=f"People aged {num(lo.value)} to {num(said)} {hi.unit.lower()} may be able to "
                                    "take part.")
    return _kinds(page, rec, ("fact_mismatch", "plain_age"))


# a summary stating an age item's limits, in the words pages use (age_criterion's phrasings)
PHRASINGS = {"aged": "People aged {lo} to {hi} {unit} may be able to take part.",
             "between": "People between {lo} and {hi} {unit} of age may be able to take part.",
             "ages": "Ages {lo}-{hi} {unit} may be able to take part.",
             "old": "You may be able to join if you are {lo} to {hi} {unit} old.",
             "limits": "People at least {lo} {unit} old and no older than {hi} {unit} may be able to take part."}


def _own_limits(text: str, lo: Age, hi: Age) -> bool:
    """Are the item's two limits (as parse_age_limits reads them) ages the check reads as the participant's own
    limits (plain_limits.limit_ages; ages8: not "a CD4 count … if between 1 and 2 years of age")? "Born at 24-29
    weeks of gestational age", "during a 2-6 month period" give limits to
    parse_age_limits but no participant's age: a summary saying "People aged 24 to 29 weeks" would not be the item's
    words in others, and the check is right to hold it to the record's age fields (ages4: 14 of ages3's "faithful"
    findings were such items)."""
    said = {(v, u, bound) for v, u, bound, _, _ in limit_ages(text)}
    return all(any((num(a.value), a.unit.lower().rstrip("s"), b) in said for b in ("", bound))
               for a, bound in ((lo, "low"), (hi, "high")))


def age_criterion_case(rec, mode: str) -> tuple[str, ...] | None:
    """`mode`: "same", "differ" or "unit" (the "aged" phrasing), "same-<phrasing>" (the page's maximum in another
    phrasing) or "faithful-<phrasing>" (the page as the record, its summary stating the item's own limits: no
    finding is right)."""
    spec = base_spec(rec)
    how, _, phrasing = mode.partition("-")
    for k, s in enumerate(spec.items):
        lo, hi, _ = parse_age_limits(s.text) if s.section == "inclusion" and AGE_WORD.search(s.text) \
            else (None, None, False)
        m = hi and lo and lo.unit == hi.unit and hi.value.is_integer() and _own_limits(s.text, lo, hi) \
            and re.search(rf"(?<![\d.]){int(hi.value)}(?![\d.])", s.text)
        if not m:
            continue
        new = int(hi.value) + (0 if how == "faithful" else 5)
        unit = hi.unit.lower() if how != "unit" else "months" if hi.unit != "MONTHS" else "years"
        said = new + (3 if how == "differ" else 0)
        summary = PHRASINGS[phrasing or "aged"].format(lo=f"{lo.value:g}", hi=said, unit=unit)
        page = _page(rec, spec, k, s.text[: m.start()] + str(new) + s.text[m.end():], plain_summary=summary)
        return _kinds(page, rec, ("criterion_changed", "plain_age", "plain_number"))
    return None


def consent_case(rec, mode: str) -> tuple[str, ...] | None:
    if "consent" not in (rec.eligibility_criteria or "").lower():
        return None
    spec = base_spec(rec)
    for k, s in enumerate(spec.items):
        c = re.search(r"\b(?:consent|assent)\w*", s.text, re.I)
        if not c:
            continue
        if mode == "left":
            m = re.search(r"\s+(?:and|or)\s+[^.;]+?\.?$", s.text[c.end():])
            if m and len(s.text[c.end() + m.start():].split()) >= 3:
                return _kinds(_page(rec, spec, k, s.text[: c.end() + m.start()]), rec)
        elif m := re.search(r"\b(written|signed)\s+", s.text, re.I):
            return _kinds(_page(rec, spec, k, s.text[: m.start()] + s.text[m.end():]), rec)
    return None


CASES = {"figure": (figure_case, ("short", "item", "other")), "age": (age_case, ("same", "differ")),
         "age_criterion": (age_criterion_case, ("same", "differ", "unit", *(f"same-{p}" for p in list(PHRASINGS)[1:]),
                                                *(f"faithful-{p}" for p in PHRASINGS))),
         "consent": (consent_case, ("left", "word"))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="records read (default: all)")
    ap.add_argument("--only", choices=list(CASES), default=None, help="one case (default: all)")
    args = ap.parse_args(argv)
    records = [r for r, _ in zip(iter_corpus(), range(args.limit or 10**9)) if r.eligibility_criteria]
    for name, (case, modes) in CASES.items():
        for mode in modes if args.only in (None, name) else ():
            got = Counter(k for k in (case(r, mode) for r in records) if k is not None)
            pages, findings = sum(got.values()), sum(len(k) * n for k, n in got.items())
            print(f"{name} {mode}: {pages} pages, {findings} findings")
            for k, n in got.most_common(6):
                print(f"  {n:5d}  {', '.join(k) or '(none)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
