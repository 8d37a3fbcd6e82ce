"""Injections for the drift generator: each changes a PageSpec the way sites drift and says
which finding should report it (an Expect), or returns [] when it does not apply to the page."""

from __future__ import annotations

import random
import re
from datetime import timedelta

from drift_gen import EXPECTED_KIND, OPEN, ConditionPool, Expect, PageSpec, Shown, num
from scrapers.criteria import header_kind
from scrapers.dates import to_date
from scrapers.reconcile.align import _FOOTNOTE
from scrapers.reconcile.conditions import illness_words_of
from scrapers.reconcile.items import one_item_as_written

# Each returns a list of Expect (empty when the injection does not apply to this page).

_NUMBER = re.compile(r"(?<![\w.\-/^])(\d+(?:\.\d+)?)(?![\d.]*[A-Za-z]*\d)(?!\.\d)")
_COMPARATORS = [
    (r">=", "<="), (r"<=", ">="), (r"≥", "≤"), (r"≤", "≥"), (r"(?<![<>=])>(?!=)", "<"), (r"(?<![<>=])<(?!=)", ">"),
    (r"\bat least\b", "no more than"), (r"\bno more than\b", "at least"), (r"\bgreater than\b", "less than"),
    (r"\bless than\b", "greater than"), (r"\bmore than\b", "fewer than"), (r"\bolder than\b", "younger than"),
    (r"\byounger than\b", "older than"), (r"\babove\b", "below"), (r"\bbelow\b", "above"),
]
_NEGATIONS = [
    (r"\b(?:do|does|did|have|has|are|is|was|were|will|should|must|can|could)\s+not\b", None),
    (r"\bnot\s+", ""), (r"^No\s+", ""), (r"\bwithout\b", "with"), (r"\bunable to\b", "able to"), (r"\bnever\s+", ""),
    (r"\bcannot\b", "can"),
]
_UNIT = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s?(mg/dl|mg/kg|mg/m2|g/dl|mmol/l|µmol/l|umol/l|mg|kg/m2|kg|ml/min|ml|mmhg|cm|"
    r"years?|months?|weeks?|days?|hours?|%)(?![A-Za-z0-9])",
    re.I,
)


def _free(s: Shown) -> bool:
    return len(s.sources) == 1 and not s.touched


def _enumerator(text: str, m: re.Match) -> bool:
    """A list number inside an item ("… in response to: (1) mechanical …, or (2) visual …"): changing it changes no
    rule, so reconcile rightly says nothing; as an injection it counted as a miss (seed 11, NCT00652262, once the
    parser kept that bracket whole)."""
    return text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")" and m.group(1).isdigit() \
        and int(m.group(1)) <= 20


def _pick(rng: random.Random, spec: PageSpec, pattern) -> tuple[int, re.Match] | None:
    cands = []
    for i, s in enumerate(spec.items):
        if not _free(s):
            continue
        for m in (pattern.finditer(s.text) if hasattr(pattern, "finditer") else []):
            if pattern is _NUMBER and _enumerator(s.text, m):
                continue
            cands.append((i, m))
    return rng.choice(cands) if cands else None


def inject_number(rng, spec: PageSpec, rec) -> list[Expect]:
    hit = _pick(rng, spec, _NUMBER)
    if not hit:
        return []
    i, m = hit
    old = m.group(1)
    new = str(int(old) + rng.choice([1, 2, 5, 10])) if "." not in old else f"{float(old) + 0.5:g}"
    s = spec.items[i]
    s.text = s.text[: m.start(1)] + new + s.text[m.end(1):]
    s.touched = True
    return [Expect("number_altered", EXPECTED_KIND["number_altered"], s.sources[0])]


def inject_comparator(rng, spec: PageSpec, rec) -> list[Expect]:
    cands = []
    for i, s in enumerate(spec.items):
        if not _free(s):
            continue
        for pat, repl in _COMPARATORS:
            for m in re.finditer(pat, s.text, re.I):
                cands.append((i, m, repl))
    if not cands:
        return []
    i, m, repl = rng.choice(cands)
    s = spec.items[i]
    s.text = s.text[: m.start()] + repl + s.text[m.end():]
    s.touched = True
    return [Expect("comparator_altered", EXPECTED_KIND["comparator_altered"], s.sources[0])]


def inject_negation(rng, spec: PageSpec, rec) -> list[Expect]:
    cands = []
    for i, s in enumerate(spec.items):
        if not _free(s):
            continue
        for pat, repl in _NEGATIONS:
            for m in re.finditer(pat, s.text, re.I if pat != r"^No\s+" else 0):
                cands.append((i, m, repl))
    if not cands:
        return []
    i, m, repl = rng.choice(cands)
    s = spec.items[i]
    if header_kind(s.text[: m.start()] + (repl or "") + s.text[m.end():]):
        return []  # "No eligibility criteria" -> "Eligibility criteria" would read as a heading
    if repl is None:  # "do not" -> "do"
        repl = m.group(0).rsplit(None, 1)[0]
    new = (s.text[: m.start()] + repl + s.text[m.end():]).strip()
    if m.start() == 0 and new:
        new = new[0].upper() + new[1:]
    s.text = new
    s.touched = True
    return [Expect("negation_removed", EXPECTED_KIND["negation_removed"], s.sources[0])]


def inject_unit(rng, spec: PageSpec, rec) -> list[Expect]:
    hit = _pick(rng, spec, _UNIT)
    if not hit:
        return []
    i, m = hit
    s = spec.items[i]
    rest = s.text[m.end():]
    # the first bound of a range whose second bound gives the same unit ("between 5% and 20%"): "between 5 and 20%"
    # says the same, so both go ("between 5 and 20"), a unit truly dropped (the same pick, so the seed's pages stay)
    both = re.match(r"(\s*(?:and|to|-|–)\s*\d+(?:\.\d+)?)\s?" + re.escape(m.group(2)) + r"(?![A-Za-z0-9])", rest, re.I)
    if both:
        rest = both.group(1) + rest[both.end():]
    s.text = s.text[: m.end(1)] + rest
    s.touched = True
    return [Expect("unit_dropped", EXPECTED_KIND["unit_dropped"], s.sources[0])]


def inject_drop(rng, spec: PageSpec, rec) -> list[Expect]:
    sizes = {sec: sum(1 for s in spec.items if s.section == sec) for sec in ("inclusion", "exclusion")}
    # never the last item: a list that simply ends early is only noted ("criteria_incomplete")
    cands = [i for i, s in enumerate(spec.items[:-1]) if _free(s) and not s.label and len(s.text) > 12
             and sizes[s.section] > 1]
    if len(spec.items) < 3 or not cands:
        return []
    i = rng.choice(cands)
    s = spec.items.pop(i)
    spec.dropped.append((s.pos, s.sources[0]))
    return [Expect("item_dropped", EXPECTED_KIND["item_dropped"], s.sources[0])]


def inject_last_drop(rng, spec: PageSpec, rec) -> list[Expect]:
    """The page's last item left out, on a layout that shows where its list ends (the next section's heading after
    it: the reader's criteria_ends_at): inject_drop never drops it, so the warning for it went unmeasured. Applied
    after every other injection and with no draw of its own (the item is the last), so the other injections on its
    page and the seed's other pages are as they were. Not where the list is cut by a marker (truncated: no end shown),
    nor the footnote "Other protocol-defined criteria may apply" (no rule: left out of the comparison)."""
    if spec.truncated or len(spec.items) < 3:
        return []
    s = spec.items[-1]
    if not _free(s) or s.label or len(s.text) <= 12 or _FOOTNOTE.match(s.text) \
            or sum(1 for t in spec.items if t.section == s.section) < 2:
        return []
    spec.items.pop()
    spec.dropped.append((s.pos, s.sources[0]))
    return [Expect("last_item_dropped", EXPECTED_KIND["last_item_dropped"], s.sources[0])]


def inject_truncate(rng, spec: PageSpec, rec) -> list[Expect]:
    if len(spec.items) < 4 or spec.truncated:
        return []
    keep = rng.randint(1, len(spec.items) - 2)
    spec.cut = [src for s in spec.items[keep:] for src in s.sources]
    spec.cut += [text for pos, text in spec.dropped if pos > spec.items[keep - 1].pos]  # dropped past the cut
    spec.items = spec.items[:keep]
    spec.truncated = True
    return [Expect("list_truncated", EXPECTED_KIND["list_truncated"], "criteria")]


def _alone(spec: PageSpec, s: Shown) -> bool:
    """An item with no parent and no sub-items: merging it with its neighbour is a plain merge."""
    return sum(1 for t in spec.items if t.group == s.group) == 1


def inject_merge(rng, spec: PageSpec, rec) -> list[Expect]:
    cands = [i for i in range(len(spec.items) - 1)
             if spec.items[i].section == spec.items[i + 1].section and spec.items[i].group != spec.items[i + 1].group
             and _free(spec.items[i]) and _free(spec.items[i + 1])
             and _alone(spec, spec.items[i]) and _alone(spec, spec.items[i + 1])
             and len(spec.items[i].text) > 15 and len(spec.items[i + 1].text) > 15
             and not one_item_as_written([spec.items[i].text, spec.items[i + 1].text], rec.eligibility_criteria or "")]
    if not cands:
        return []
    i = rng.choice(cands)
    a, b = spec.items[i], spec.items[i + 1]
    style = rng.choice(["space", "semicolon", "veeva"])
    joint = {"space": " ", "semicolon": "; ", "veeva": f"; {i + 2}, "}[style]
    a.text = a.text.rstrip(" ;.") + joint + (b.text[0].lower() + b.text[1:] if style == "veeva" else b.text)
    a.sources = a.sources + b.sources
    a.touched = True
    del spec.items[i + 1]
    return [Expect("items_merged", EXPECTED_KIND["items_merged"], a.sources[0])]


def inject_status(rng, spec: PageSpec, rec) -> list[Expect]:
    off = rec.status
    if off in OPEN:
        spec.status = rng.choice([s for s in ("COMPLETED", "ACTIVE_NOT_RECRUITING", "TERMINATED", "RECRUITING",
                                              "NOT_YET_RECRUITING") if s != off])
    else:
        spec.status = rng.choice(["RECRUITING", "RECRUITING", "NOT_YET_RECRUITING"] +
                                 [s for s in ("COMPLETED", "ACTIVE_NOT_RECRUITING") if s != off])
    return [Expect("status_changed", EXPECTED_KIND["status_changed"], "status")]


def inject_as_of(rng, spec: PageSpec, rec) -> list[Expect]:
    posted = rec.last_update_posted
    if not posted or len(posted) != 10:
        return []
    # at least 40 days, so the claim is older even where a site shows only the month
    spec.as_of = (to_date(posted) - timedelta(days=rng.randint(40, 900))).isoformat()
    return [Expect("as_of_aged", EXPECTED_KIND["as_of_aged"], "as_of")]


def inject_enrollment(rng, spec: PageSpec, rec) -> list[Expect]:
    if not spec.enrollment:
        return []
    spec.enrollment = spec.enrollment + rng.choice([-1, 1]) * rng.randint(1, max(1, spec.enrollment // 2))
    if spec.enrollment <= 0 or spec.enrollment == rec.enrollment:
        spec.enrollment = rec.enrollment + 7
    return [Expect("enrollment_changed", EXPECTED_KIND["enrollment_changed"], "enrollment")]


def inject_age_unit(rng, spec: PageSpec, rec) -> list[Expect]:
    if not spec.min_age or not rec.min_age or rec.min_age.value == 0:
        return []
    new_unit = "Months" if rec.min_age.unit == "YEARS" else "Years"
    spec.min_age = f"{num(rec.min_age.value)} {new_unit}"
    return [Expect("age_unit_changed", EXPECTED_KIND["age_unit_changed"], "min_age")]


def inject_summary_status(rng, spec: PageSpec, rec) -> list[Expect]:
    if spec.summary is None or rec.status in OPEN or rec.status == "UNKNOWN":
        return []
    spec.summary += " This trial is currently recruiting participants."
    return [Expect("summary_status", EXPECTED_KIND["summary_status"], "plain_summary")]


def inject_summary_age(rng, spec: PageSpec, rec) -> list[Expect]:
    """"aged 1 to 28 days" -> "aged 1 to 28" (the unit lost), or "aged 18 to 65 years" -> "… to 75 years"."""
    if spec.summary is None or not rec.min_age or not rec.max_age:
        return []
    m = re.search(r"aged (\S+) to (\S+) (\w+) may", spec.summary)  # one unit for both ages
    if not m:
        return []
    if rec.max_age.unit != "YEARS" or rec.min_age.unit != "YEARS":
        new = f"aged {m.group(1)} to {m.group(2)} may"
    else:
        new = f"aged {m.group(1)} to {int(float(m.group(2))) + rng.choice([5, 10, 15])} {m.group(3)} may"
    spec.summary = spec.summary[: m.start()] + new + spec.summary[m.end():]
    return [Expect("summary_age", EXPECTED_KIND["summary_age"], "plain_summary")]


def inject_plain_number(rng, spec: PageSpec, rec) -> list[Expect]:
    """A threshold in the site's plain-English criteria changed to a figure the record lacks."""
    known = {m.group(0) for m in re.finditer(r"\d+(?:\.\d+)?", rec.eligibility_criteria or "")}
    cands = [(i, m) for i, t in enumerate(spec.plain_criteria)
             for m in re.finditer(r"(?<![\w.\-/^])(\d+)\s?(mg/dl|kg|years?|months?|weeks?|days?|hours?|%)(?![A-Za-z0-9])", t,
                                  re.I)]
    if not cands:
        return []
    i, m = rng.choice(cands)
    new = int(m.group(1)) + rng.choice([3, 7, 11])
    while str(new) in known:
        new += 13
    t = spec.plain_criteria[i]
    spec.plain_criteria[i] = t[: m.start(1)] + str(new) + t[m.end(1):]
    return [Expect("plain_number_altered", EXPECTED_KIND["plain_number_altered"], "plain_summary")]


def inject_section_swap(rng, spec: PageSpec, rec) -> list[Expect]:
    """An exclusion criterion moved to the end of the inclusion list (who may join)."""
    inc = [i for i, s in enumerate(spec.items) if s.section == "inclusion"]
    exc = [i for i, s in enumerate(spec.items) if s.section == "exclusion"]
    cands = [i for i in exc if _free(spec.items[i]) and _alone(spec, spec.items[i]) and len(spec.items[i].text) > 12
             and not spec.items[i].text.rstrip().endswith(":")]   # a label line is not a criterion
    if len(inc) < 2 or len(exc) < 3 or not cands:
        return []
    i = rng.choice(cands)
    s = spec.items.pop(i)
    s.section, s.touched = "inclusion", True
    spec.items.insert(inc[-1] + 1, s)
    return [Expect("section_swapped", EXPECTED_KIND["section_swapped"], s.sources[0])]


def inject_volunteers(rng, spec: PageSpec, rec) -> list[Expect]:
    """Healthy volunteers accepted <-> not. Saying "accepts" of a patients-only trial sends healthy people to it: an
    alarm. The reverse keeps out only people who could have joined and may still ask (reconcile.facts: an INFO), so
    it is expected as an info, not counted in recall, and any alarm it draws is false."""
    if spec.healthy_volunteers is None:
        return []
    spec.healthy_volunteers = not spec.healthy_volunteers
    return [Expect("healthy_volunteers_flipped", EXPECTED_KIND["healthy_volunteers_flipped"], "healthy_volunteers",
                   alarm=spec.healthy_volunteers)]


_WORD = re.compile(r"[a-z]{3,}")


def _words(texts) -> set[str]:
    """Words and their first five letters ("diabetes", "diabetic": "diabe"): a shared one may be the same illness."""
    out = set()
    for t in texts:
        for w in _WORD.findall((t or "").lower()):
            out |= {w, w[:5]}
    return out


def inject_condition(rng, spec: PageSpec, rec, pool: ConditionPool | None) -> list[Expect]:
    """The page's conditions replaced by another record's first condition, one that shares no word with anything
    this record says it studies (conditions, keywords, MeSH terms, titles) and whose MeSH terms, broader ones too, are
    in no branch of this record's: another illness, not a lay rewording (a record's "Stroke" is not replaced by
    "Brain Ischemia"). Only records whose branches are known (ConditionPool.branches); and only a condition that
    names an illness in particular, as reconcile.conditions reads one ("Cancer" alone is compared with nothing)."""
    if pool is None:
        return []
    ours = pool.branches(rec.condition_mesh_terms, rec.condition_mesh_ancestors)
    if not spec.conditions or not rec.conditions or ours is None:
        return []
    said = _words(rec.conditions + rec.keywords + rec.condition_mesh_terms + rec.condition_mesh_ancestors
                  + [rec.brief_title, rec.official_title, rec.acronym])
    cands = [c.name for c in pool.conditions if c.mesh.isdisjoint(ours) and not (_words([c.name]) & said)
             and illness_words_of(c.name)]
    if not cands:
        return []
    spec.conditions = [rng.choice(cands)]
    return [Expect("condition_changed", EXPECTED_KIND["condition_changed"], "conditions")]


INJECTIONS = {
    "status_changed": inject_status, "as_of_aged": inject_as_of, "item_dropped": inject_drop,
    "number_altered": inject_number, "comparator_altered": inject_comparator, "negation_removed": inject_negation,
    "unit_dropped": inject_unit, "list_truncated": inject_truncate, "items_merged": inject_merge,
    "enrollment_changed": inject_enrollment, "age_unit_changed": inject_age_unit,
    "summary_status": inject_summary_status, "summary_age": inject_summary_age,
    "plain_number_altered": inject_plain_number, "section_swapped": inject_section_swap,
    "healthy_volunteers_flipped": inject_volunteers, "condition_changed": inject_condition,
    "last_item_dropped": inject_last_drop,   # (last: see inject_last_drop)
}
# injections that also take the pool of other records' conditions (drift_gen.condition_pool)
POOLED = frozenset({"condition_changed"})
# Injections that change criteria items must not touch the same item twice; the last item's drop goes last.
ORDER = list(INJECTIONS)
