"""Drift generator: real official records rendered as aggregator pages, with known discrepancies.

Each case renders one CT.gov record as a page in one site's visible layout (layouts.py),
so the real site scraper reads it back, and injects zero, one or several discrepancies
whose expected findings are recorded (the injections are in drift_inject.py).
bench_drift.py scores reconcile() against them; tests/test_drift_sample.py runs a small
fixed sample.

Deterministic: the same seed gives the same cases.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from scrapers.criteria import flatten, header_kind, parse_criteria
from scrapers.official import OfficialRecord

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ctgov"

# Injection kind -> the finding kind that should report it.
EXPECTED_KIND = {
    "status_changed": "status_drift",
    "as_of_aged": "page_stale",
    "item_dropped": "criterion_missing",
    "number_altered": "criterion_changed",
    "comparator_altered": "criterion_changed",
    "negation_removed": "criterion_changed",
    "unit_dropped": "criterion_changed",
    "list_truncated": "criteria_truncated",
    "items_merged": "criteria_merged",
    "enrollment_changed": "fact_mismatch",
    "age_unit_changed": "fact_mismatch",
    "summary_status": "plain_status",
    "summary_age": "plain_age",
    "plain_number_altered": ("plain_number", "plain_age"),   # an altered age is reported as an age
    "section_swapped": "criterion_wrong_section",
    "healthy_volunteers_flipped": "fact_mismatch",
    "condition_changed": "fact_mismatch",
    "last_item_dropped": "criterion_missing",
}
# What a layout must show for an injection to be visible on it.
NEEDS = {
    "status_changed": "status", "as_of_aged": "as_of", "item_dropped": "criteria", "number_altered": "criteria",
    "comparator_altered": "criteria", "negation_removed": "criteria", "unit_dropped": "criteria",
    "list_truncated": "truncate", "items_merged": "criteria", "enrollment_changed": "enrollment",
    "age_unit_changed": "ages", "summary_status": "summary", "summary_age": "summary",
    "plain_number_altered": "plain_criteria", "section_swapped": "criteria",
    "healthy_volunteers_flipped": "volunteers", "condition_changed": "conditions",
    "last_item_dropped": "list_end",
}
# Injections drawn apart, with a stream of their own and only on pages with another injection: added after the
# others, they left every page a seed made before as it was (its unchanged pages, the other injections' draws).
DRAWN_APART = {"last_item_dropped": 0.12}   # (the share of changed pages that get it)
CRITICAL_INJECTIONS = ("status_changed", "number_altered", "comparator_altered", "negation_removed", "unit_dropped",
                       "section_swapped")
STATUS_DISPLAY = {  # how a status is worded in plain English
    "RECRUITING": "Recruiting", "NOT_YET_RECRUITING": "Not yet recruiting", "ACTIVE_NOT_RECRUITING": "Active, not recruiting",
    "COMPLETED": "Completed", "TERMINATED": "Terminated", "WITHDRAWN": "Withdrawn", "SUSPENDED": "Suspended",
    "ENROLLING_BY_INVITATION": "Enrolling by invitation", "UNKNOWN": "Unknown status",
}
OPEN = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")


@dataclass
class Shown:
    """One criterion as the page shows it, with the official item(s) it stands for."""

    text: str
    section: str                 # inclusion / exclusion
    sources: list[str]           # official item texts (more than one when merged)
    group: str = ""              # the top-level official item it belongs to (a parent and its sub-items)
    label: bool = False          # a line that parents others ("Patients must have:")
    touched: bool = False        # already changed by an injection
    pos: int = 0                 # position in the official list


@dataclass
class PageSpec:
    """What the page will show: registry facts as the record gives them, criteria as items."""

    nct_id: str
    title: str
    status: str | None
    as_of: str | None
    phases: list[str]
    enrollment: int | None
    study_type: str | None
    start: str | None
    completion: str | None
    sponsor: str | None
    sex: str | None
    min_age: str | None          # "18 Years"
    max_age: str | None
    items: list[Shown]
    truncated: bool = False
    cut: list[str] = field(default_factory=list)   # official item texts cut away by truncation
    dropped: list[tuple[int, str]] = field(default_factory=list)
    summary: str | None = None
    conditions: list[str] = field(default_factory=list)
    healthy_volunteers: bool | None = None
    plain_criteria: list[str] = field(default_factory=list)  # the site's plain-English copy of the items


@dataclass
class Expect:
    injection: str
    kind: str | tuple[str, ...]  # expected finding kind (or kinds that each report it fully)
    key: str                     # field, or official item text the finding must name
    # False: a change reconcile reports as an INFO, not an alarm (a page saying "no healthy volunteers" of a trial
    # that takes them keeps out only people who may still ask); not counted in recall, and any alarm it draws is false
    alarm: bool = True


@dataclass
class Case:
    nct_id: str
    host: str
    record: OfficialRecord
    spec: PageSpec
    expects: list[Expect] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not self.expects


def load_records(limit: int | None = None, legacy: bool = True) -> list[dict]:
    """Real CT.gov records with eligibility text and a status, native v2 first."""
    out: list[dict] = []
    files = [SHARED / "studies_v2.jsonl"] + ([SHARED / "studies_legacy_xml_as_v2.jsonl.gz"] if legacy else [])
    for path in files:
        if not path.exists():
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                ps = d.get("protocolSection", {})
                if (ps.get("eligibilityModule") or {}).get("eligibilityCriteria") and \
                        (ps.get("statusModule") or {}).get("overallStatus"):
                    out.append(d)
                if limit and len(out) >= limit:
                    return out
    return out


def base_spec(rec: OfficialRecord) -> PageSpec:
    crit = parse_criteria(rec.eligibility_criteria or "")
    items = [Shown(it.text, sec, [it.text], f"{sec}{g}", bool(it.children) and it.text.rstrip().endswith(":"))
             for sec, tops in (("inclusion", crit.inclusion + crit.unplaced), ("exclusion", crit.exclusion))
             for g, top in enumerate(tops) for it in flatten([top])]
    spec = PageSpec(
        nct_id=rec.nct_id, title=rec.title or rec.nct_id, status=rec.status, as_of=rec.last_update_posted,
        phases=rec.phases, enrollment=rec.enrollment, study_type=rec.study_type,
        start=rec.start.date if rec.start else None, completion=rec.completion.date if rec.completion else None,
        sponsor=rec.sponsor, sex=rec.sex, conditions=list(rec.conditions), healthy_volunteers=rec.healthy_volunteers,
        min_age=rec.min_age.text if rec.min_age else None, max_age=rec.max_age.text if rec.max_age else None,
        items=[s for s in items if re.search(r"[A-Za-z0-9]", s.text) and not header_kind(s.text)],
    )
    for k, s in enumerate(spec.items):
        s.pos = k
    return spec


def plain_summary(rec: OfficialRecord, spec: PageSpec) -> str:
    """A site-style summary paragraph built from the record's own facts."""
    cond = ", ".join(rec.conditions[:2]) or "the condition studied"
    parts = [f"This clinical trial is studying {cond}."]
    if rec.min_age and rec.max_age:
        lo = num(rec.min_age.value) + ("" if rec.min_age.unit == rec.max_age.unit else f" {rec.min_age.unit.lower()}")
        parts.append(f"People aged {lo} to {num(rec.max_age.value)} {rec.max_age.unit.lower()} may be able to take part.")
    if rec.enrollment:
        parts.append(f"The study plans to enroll {rec.enrollment} participants.")
    if rec.status in OPEN:
        parts.append("This trial is currently recruiting participants." if rec.status == "RECRUITING"
                     else "Talk to the study team about joining.")
    else:
        parts.append("Talk to your doctor about whether a clinical trial is right for you.")
    return " ".join(parts)


@dataclass(frozen=True)
class Condition:
    """One record's first condition, with the MeSH terms CT.gov derived for its conditions (broader ones too)."""

    name: str
    mesh: frozenset[str]


@dataclass
class ConditionPool:
    """Other records' conditions for condition_changed, and each MeSH term's broader terms as native records give them
    (records converted from legacy XML carry MeSH terms without them: looked up here)."""

    conditions: list[Condition]
    broader: dict[str, frozenset[str]]

    def branches(self, terms: list[str], ancestors: list[str]) -> frozenset[str] | None:
        """A record's MeSH terms and their broader ones; None when some term's are unknown."""
        terms = [t.lower() for t in terms]
        if ancestors:
            return frozenset(terms) | {a.lower() for a in ancestors}
        if not terms or any(t not in self.broader for t in terms):
            return None
        return frozenset(terms).union(*(self.broader[t] for t in terms))


def condition_pool(records: list[dict], rng: random.Random, size: int = 400) -> ConditionPool:
    """The first conditions of up to `size` native records (drawn with its own rng, whatever `n`) that CT.gov gave
    broader MeSH terms: those say which branch of illness a condition is in."""
    found, broader = [], {}
    for d in records:
        mod = (d.get("derivedSection") or {}).get("conditionBrowseModule") or {}
        terms = [m["term"].lower() for m in mod.get("meshes") or [] if isinstance(m, dict) and m.get("term")]
        above = [m["term"].lower() for m in mod.get("ancestors") or [] if isinstance(m, dict) and m.get("term")]
        if not above:
            continue
        for t in terms:
            broader[t] = broader.get(t, frozenset()) | frozenset(above)
        names = ((d.get("protocolSection") or {}).get("conditionsModule") or {}).get("conditions") or []
        if names and isinstance(names[0], str) and names[0].strip():
            found.append(Condition(names[0].strip(), frozenset(terms + above)))
    return ConditionPool(rng.sample(found, min(size, len(found))), broader)


def num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def make_case(rec_data: dict, host: str, rng: random.Random, kinds: list[str], shows: frozenset[str],
              pool: ConditionPool | None = None) -> Case:
    """One page of `host`, which shows the parts named in `shows`, with `kinds` injected where visible; `pool`: other
    records' conditions, for the injection that puts one on this page."""
    from drift_inject import INJECTIONS, ORDER, POOLED

    rec = OfficialRecord(rec_data)
    spec = base_spec(rec)
    if "summary" in shows:
        spec.summary = plain_summary(rec, spec)
    if "plain_criteria" in shows:
        spec.plain_criteria = [s.text for s in spec.items[:4]]
    case = Case(rec.nct_id, host, rec, spec)
    for kind in sorted(kinds, key=ORDER.index):
        if kind in DRAWN_APART and not case.expects:
            continue   # (a page none of whose other injections showed stays unchanged, as it was)
        if NEEDS[kind] in shows:
            case.expects += INJECTIONS[kind](rng, spec, rec, *((pool,) if kind in POOLED else ()))
    if any(e.injection == "list_truncated" for e in case.expects):
        # what was cut away is reported as the truncation, not item by item
        shown = {src for s in spec.items for src in s.sources}
        case.expects = [e for e in case.expects if e.key not in spec.cut or e.key in shown]
    return case


def generate(n: int, shows: dict[str, frozenset[str]], seed: int = 7, records: list[dict] | None = None,
             unchanged_share: float = 0.35) -> list[Case]:
    """`n` cases spread over the layouts in `shows` ({host: parts the layout shows}), about
    `unchanged_share` of them with no discrepancy."""
    hosts = sorted(shows)
    rng = random.Random(seed)
    records = records if records is not None else load_records()
    if not records:
        return []
    kinds = [k for k in NEEDS if k not in DRAWN_APART]
    pool = condition_pool(records, random.Random(seed))
    apart = random.Random(f"apart-{seed}")
    cases = []
    for k in range(n):
        rec = records[rng.randrange(len(records))]
        host = hosts[k % len(hosts)]
        if rng.random() < unchanged_share:
            chosen: list[str] = []
        else:
            chosen = rng.sample(kinds, rng.choice([1, 1, 1, 2, 3]))
        draws = {kind: apart.random() for kind in DRAWN_APART}   # (one draw each per page, so pages stay aligned)
        chosen += [kind for kind, share in DRAWN_APART.items() if chosen and draws[kind] < share]
        case = make_case(rec, host, rng, chosen, shows[host], pool)
        cases.append(case)
    return cases
