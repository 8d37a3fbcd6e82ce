"""What the related-trials index keeps of each trial (TrialFeatures): read from an official record, or from an
aggregator page for a query."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from ..official import OfficialRecord


@dataclass
class TrialFeatures:
    """What the index knows about one trial: enough to rank it, explain it, and to query with it."""

    nct_id: str | None
    title: str = ""
    status: str | None = None
    phases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    condition_mesh: list[str] = field(default_factory=list)
    condition_ancestors: list[str] = field(default_factory=list)
    interventions: list[list] = field(default_factory=list)   # [type | None, name]
    intervention_mesh: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    summary: str = ""
    min_age_days: float | None = None   # who may join: age limits and sex, for compatibility
    max_age_days: float | None = None
    sex: str | None = None
    healthy_volunteers: bool | None = None   # the record's flag: it *accepts* healthy volunteers (not "only")
    # the record's planned dates as CT.gov gives them ({"start": {"date", "type"}, "completion": …,
    # "primary_completion": …}): whether a related trial is past its planned start or end is asked of them
    dates: dict = field(default_factory=dict)
    # shown beside a related trial (who it takes, where it runs, whether it is a trial at all): the age limits as
    # the record gives them (Age.to_dict: value, unit, text; "1 to 28" days is not years), the countries with a site
    # in the record's order, and its study type (INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS)
    min_age: dict | None = None
    max_age: dict | None = None
    countries: list[str] = field(default_factory=list)
    study_type: str | None = None

    # term sets compared between trials (lower-cased)
    def condition_terms(self) -> set[str]:
        return {norm_term(t) for t in (*self.conditions, *self.condition_mesh)} - {""}

    def ancestor_terms(self) -> set[str]:
        return {norm_term(t) for t in self.condition_ancestors} - {""}

    def intervention_terms(self) -> set[str]:
        return ({norm_term(n) for _, n in self.interventions} | {norm_term(t) for t in self.intervention_mesh}) - {""}

    def intervention_types(self) -> set[str]:
        return {t for t, _ in self.interventions if t}

    def to_json(self) -> str:
        """Stored form: the fields, plus the normalized term sets ranking compares (so a
        candidate is scored from its JSON without rebuilding them)."""
        d = asdict(self)
        d["summary"] = ""  # kept in the FTS table only; not needed for ranking or display
        d.update(ct=sorted(self.condition_terms()), at=sorted(self.ancestor_terms()),
                 it=sorted(self.intervention_terms()), ty=sorted(self.intervention_types()))
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | dict) -> "TrialFeatures":
        d = json.loads(text) if isinstance(text, str) else dict(text)
        for key in SIGNAL_KEYS:
            d.pop(key, None)
        return cls(**d)


SIGNAL_KEYS = ("ct", "at", "it", "ty")


def norm_term(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def features_of(record: OfficialRecord) -> TrialFeatures:
    titles = [t for t in (record.brief_title, record.official_title, record.acronym) if t]
    return TrialFeatures(
        nct_id=record.nct_id, title=record.title or "", status=record.status, phases=record.phases,
        titles=list(dict.fromkeys(titles)), conditions=record.conditions, keywords=record.keywords,
        condition_mesh=record.condition_mesh_terms, condition_ancestors=record.condition_mesh_ancestors,
        interventions=[[t, n] for t, n in record.interventions], intervention_mesh=record.intervention_mesh_terms,
        aliases=record.aliases, summary=record.brief_summary or "",
        min_age_days=_days(record.min_age), max_age_days=_days(record.max_age), sex=record.sex,
        healthy_volunteers=record.healthy_volunteers,
        min_age=record.min_age.to_dict() if record.min_age else None,
        max_age=record.max_age.to_dict() if record.max_age else None,
        countries=record.countries, study_type=record.study_type,
        dates={k: {"date": d.date, "type": d.type} for k, d in (("start", record.start), ("completion", record.completion),
               ("primary_completion", record.primary_completion)) if d is not None},
    )


def _days(age) -> float | None:
    return round(age.in_days(), 1) if age is not None else None


def features_of_page(page) -> TrialFeatures:
    """Query features from a PageRecord (an aggregator page): title, conditions, interventions."""
    return TrialFeatures(
        nct_id=page.nct_id, title=page.title or "", status=page.status, phases=list(page.phases or []),
        titles=[page.title] if page.title else [], conditions=list(page.conditions or []),
        interventions=[[None, n] for n in page.interventions or [] if n], summary=page.plain_summary or "",
        min_age_days=_days(page.min_age), max_age_days=_days(page.max_age), sex=page.sex, study_type=page.study_type,
    )
