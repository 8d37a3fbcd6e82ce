"""The data every stage passes along: what a page claims (PageRecord) and the official
record (OfficialRecord, in official.py, re-exported here). Plain dataclasses, JSON in
and out, so the CLI, the service and the tests all see the same shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from .dates import Age, parse_age, parse_age_range, parse_partial_date  # noqa: F401  (re-exported)
from .official import OfficialRecord  # noqa: F401  (re-exported)
from .vocab import normalize_phases, normalize_sex, normalize_status, normalize_study_type  # noqa: F401


@dataclass
class PageRecord:
    """What one aggregator page says about one trial.

    Normalized values sit beside the text as displayed (status + status_text, as_of +
    as_of_text, ages with units), because findings quote the page back to the reader.
    """

    site: str
    url: str | None = None
    nct_id: str | None = None
    title: str | None = None
    status: str | None = None          # CT.gov overallStatus enum, or None when unrecognized
    status_text: str | None = None     # as displayed
    phases: list[str] = field(default_factory=list)
    phase_text: str | None = None
    study_type: str | None = None
    enrollment: int | None = None
    start_date: str | None = None      # partial ISO date: "2025-06" stays a month
    completion_date: str | None = None
    as_of: str | None = None           # the page's own freshness claim, partial ISO date
    as_of_text: str | None = None
    sponsor: str | None = None
    conditions: list[str] = field(default_factory=list)
    interventions: list[str] = field(default_factory=list)
    sex: str | None = None
    min_age: Age | None = None
    max_age: Age | None = None
    # the page's words when it says outright there is no upper age limit ("18 years and older", "18+ years",
    # "No maximum"), None when it shows none: only a page that says so can be held to the record's maximum
    no_max_age_text: str | None = None
    # the mirror: the page's words when its age value is an upper limit alone ("Under 18 years", "Up to 17 years"),
    # which says there is no lower one; held to the record's minimum (review round 12d, P5)
    no_min_age_text: str | None = None
    # does the trial take healthy volunteers, as the page shows it ("Accepts Healthy Volunteers: No", Veeva's "No
    # Healthy Volunteers"); None when the page does not say (review round 21, P7: a page saying "Healthy Volunteers"
    # for a patients-only trial sends healthy people to it)
    healthy_volunteers: bool | None = None
    inclusion: list[str] = field(default_factory=list)
    exclusion: list[str] = field(default_factory=list)
    criteria_truncated: bool = False
    # the section heading or field label the page's criteria visibly end at ("Sponsors", "Trial design", "Locations
    # (1)"), as the site's reader saw it: the page shows where its last list ends, so the record's items past its last
    # one are left out, not "further down" (review round 21, P3). None when the list runs to the end of what was read
    # or stops at a pointer ("Read more", "Loading...", "See full criteria"), or the reader cannot tell. In the JSON
    # only when set
    criteria_ends_at: str | None = None
    # the criteria headings the page showed ("inclusion", "exclusion"), sorted: [] for a page with no heading, whose
    # items are all read as "inclusion". Most pages show the headings of the lists they have, so the JSON holds it
    # only when it differs from those (a heading over no items: a page moving its whole exclusion list under
    # "Inclusion Criteria" still shows "Exclusion Criteria"; or items under no heading), and from_dict fills it in
    criteria_headings: list[str] = field(default_factory=list)
    # eligibility items the page lists under no inclusion or exclusion heading that the site's reader did not place
    # (medifind's "View:" list toggles between the two lists and names neither): how many, so the note can say the
    # page shows criteria TrialLens did not compare, not that it found none. In the JSON only when there are some
    criteria_unplaced: int = 0
    plain_summary: str | None = None
    # a page too long to read whole (past sites/_lines.MAX_LINES lines, MAX_ELEMENTS elements or MAX_CHARS: an endless
    # comment thread, footer or filler) is read as far as that and no further: how many of its lines were read. A field
    # shown further down is not read (None, or a list as far as the cut), never misread. In the JSON only when set
    read_lines: int | None = None
    related_nct_ids: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    other_nct_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["min_age"] = self.min_age.to_dict() if self.min_age else None
        d["max_age"] = self.max_age.to_dict() if self.max_age else None
        for said in ("no_max_age_text", "no_min_age_text", "criteria_ends_at", "read_lines"):
            if d[said] is None:   # (said only when the page says it: other pages' JSON keeps its shape)
                del d[said]
        if not self.criteria_unplaced:   # (other pages' JSON keeps its shape)
            del d["criteria_unplaced"]
        if self.criteria_headings == self._listed_headings():   # (other pages' JSON keeps its shape)
            del d["criteria_headings"]
        return d

    def _listed_headings(self) -> list[str]:
        """The criteria headings of the lists the page has: the headings it showed, unless it showed one over no items
        or its items under no heading."""
        return [sec for sec in ("exclusion", "inclusion") if getattr(self, sec)]

    @classmethod
    def from_dict(cls, d: dict) -> "PageRecord":
        known = {f.name for f in fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise ValueError(f"unknown PageRecord fields: {sorted(unknown)}")
        data = dict(d)
        data["min_age"] = Age.from_dict(d.get("min_age"))
        data["max_age"] = Age.from_dict(d.get("max_age"))
        rec = cls(**data)
        if "criteria_headings" not in d:
            rec.criteria_headings = rec._listed_headings()
        return rec
