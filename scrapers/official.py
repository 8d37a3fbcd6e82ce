"""OfficialRecord: typed, read-only accessors over a ClinicalTrials.gov API v2 study.

The JSON stays the source of truth (it is what the store keeps); accessors tolerate
missing modules, because many real records lack them. Partial dates stay partial.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .dates import Age, parse_age
from .errors import BadInput
from .nct import is_nct_id


def _get(d: Any, *path: str, default: Any = None) -> Any:
    for key in path:
        if not isinstance(d, dict):
            return default
        d = d.get(key)
        if d is None:
            return default
    return d


def _dicts(value: Any) -> list[dict]:
    """The dict items of a JSON list; anything else (missing, wrong type) is empty.

    Real records sometimes lack a module or hold an odd shape; an accessor must never
    raise or return characters of a string as if they were list items.
    """
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


@dataclass(frozen=True)
class DateStruct:
    date: str
    type: str | None  # ACTUAL / ESTIMATED / None

    @property
    def estimated(self) -> bool:
        return self.type == "ESTIMATED"

    @property
    def actual(self) -> bool:
        return self.type == "ACTUAL"

    def to_dict(self) -> dict:
        return {"date": self.date, "type": self.type}


@dataclass(frozen=True)
class MeshTerm:
    term: str
    id: str | None = None


@dataclass(frozen=True)
class Intervention:
    type: str | None
    name: str
    description: str | None = None
    other_names: tuple[str, ...] = ()


# the note a record TrialLens rebuilt carries at its top level (OfficialRecord.reconstructed)
RECONSTRUCTED_KEY = "triallensReconstructed"


class OfficialRecord:
    """One CT.gov API v2 study, read through named accessors."""

    __slots__ = ("data",)

    def __init__(self, data: dict):
        if not isinstance(data, dict) or not is_nct_id(str(_get(data, "protocolSection", "identificationModule", "nctId", default=""))):
            raise BadInput("not a ClinicalTrials.gov API v2 study: protocolSection.identificationModule.nctId is missing or invalid")
        self.data = data

    def _ps(self, *path: str, default: Any = None) -> Any:
        return _get(self.data, "protocolSection", *path, default=default)

    def _date(self, module: str, key: str) -> DateStruct | None:
        s = self._ps(module, key)
        if isinstance(s, dict) and _str(s.get("date")):
            return DateStruct(s["date"], _str(s.get("type")))
        return None

    def _text(self, *path: str) -> str | None:
        return _str(self._ps(*path))

    # identification
    @property
    def nct_id(self) -> str:
        return self._ps("identificationModule", "nctId")

    @property
    def aliases(self) -> list[str]:
        return _strings(self._ps("identificationModule", "nctIdAliases"))

    @property
    def brief_title(self) -> str | None:
        return self._text("identificationModule", "briefTitle")

    @property
    def official_title(self) -> str | None:
        return self._text("identificationModule", "officialTitle")

    @property
    def title(self) -> str | None:
        return self.brief_title or self.official_title

    @property
    def acronym(self) -> str | None:
        return self._text("identificationModule", "acronym")

    # status
    @property
    def status(self) -> str | None:
        return self._text("statusModule", "overallStatus")

    @property
    def last_known_status(self) -> str | None:
        """The status before the record went UNKNOWN (CT.gov keeps it beside UNKNOWN)."""
        return self._text("statusModule", "lastKnownStatus")

    @property
    def status_verified(self) -> str | None:
        return self._text("statusModule", "statusVerifiedDate")

    @property
    def expanded_access_available(self) -> str | None:
        """The NCT id of the expanded-access record this record lists as available (statusModule.expandedAccessInfo
        with statusForNctId AVAILABLE): a way to the treatment outside the trial, worth saying beside a closed one."""
        nct = self._text("statusModule", "expandedAccessInfo", "nctId")
        available = self._text("statusModule", "expandedAccessInfo", "statusForNctId") == "AVAILABLE"
        return nct if available and nct and is_nct_id(nct) else None

    @property
    def start(self) -> DateStruct | None:
        return self._date("statusModule", "startDateStruct")

    @property
    def primary_completion(self) -> DateStruct | None:
        return self._date("statusModule", "primaryCompletionDateStruct")

    @property
    def completion(self) -> DateStruct | None:
        return self._date("statusModule", "completionDateStruct")

    @property
    def first_posted_struct(self) -> DateStruct | None:
        return self._date("statusModule", "studyFirstPostDateStruct")

    @property
    def first_posted(self) -> str | None:
        d = self.first_posted_struct
        return d.date if d else None

    @property
    def last_update_posted_struct(self) -> DateStruct | None:
        return self._date("statusModule", "lastUpdatePostDateStruct")

    @property
    def last_update_posted(self) -> str | None:
        d = self.last_update_posted_struct
        return d.date if d else None

    @property
    def last_update_submitted(self) -> str | None:
        return self._text("statusModule", "lastUpdateSubmitDate")

    @property
    def why_stopped(self) -> str | None:
        return self._text("statusModule", "whyStopped")

    @property
    def has_results(self) -> bool:
        return self.data.get("hasResults") is True

    @property
    def reconstructed(self) -> bool:
        """A record TrialLens rebuilt from aggregator pages (the bundled demo records, fixtures/ctgov/README.md), marked
        by its `triallensReconstructed` note: no ClinicalTrials.gov answer has it. Everything said about such a record
        names it as what it is, not as a copy of ClinicalTrials.gov's (review r51 §8)."""
        return bool(self.data.get(RECONSTRUCTED_KEY))

    @property
    def version_holder(self) -> str | None:
        """The date CT.gov stamped on this copy of the record (when it was current)."""
        return _str(_get(self.data, "derivedSection", "miscInfoModule", "versionHolder"))

    # design
    @property
    def study_type(self) -> str | None:
        return self._text("designModule", "studyType")

    @property
    def phases(self) -> list[str]:
        return _strings(self._ps("designModule", "phases"))

    @property
    def enrollment(self) -> int | None:
        n = self._ps("designModule", "enrollmentInfo", "count")
        return n if isinstance(n, int) and not isinstance(n, bool) else None

    @property
    def enrollment_type(self) -> str | None:
        """ACTUAL (people enrolled) or ESTIMATED (the target)."""
        return self._text("designModule", "enrollmentInfo", "type")

    @property
    def allocation(self) -> str | None:
        return self._text("designModule", "designInfo", "allocation")

    @property
    def primary_purpose(self) -> str | None:
        return self._text("designModule", "designInfo", "primaryPurpose")

    @property
    def masking(self) -> str | None:
        return self._text("designModule", "designInfo", "maskingInfo", "masking")

    # who
    @property
    def sponsor(self) -> str | None:
        return self._text("sponsorCollaboratorsModule", "leadSponsor", "name")

    @property
    def collaborators(self) -> list[str]:
        return [c["name"] for c in _dicts(self._ps("sponsorCollaboratorsModule", "collaborators")) if _str(c.get("name"))]

    @property
    def conditions(self) -> list[str]:
        return _strings(self._ps("conditionsModule", "conditions"))

    @property
    def keywords(self) -> list[str]:
        return _strings(self._ps("conditionsModule", "keywords"))

    def _mesh(self, module: str, key: str) -> list[MeshTerm]:
        items = _dicts(_get(self.data, "derivedSection", module, key))
        return [MeshTerm(m["term"], _str(m.get("id"))) for m in items if _str(m.get("term"))]

    @property
    def condition_meshes(self) -> list[MeshTerm]:
        return self._mesh("conditionBrowseModule", "meshes")

    @property
    def intervention_meshes(self) -> list[MeshTerm]:
        return self._mesh("interventionBrowseModule", "meshes")

    @property
    def condition_mesh_terms(self) -> list[str]:
        return [m.term for m in self._mesh("conditionBrowseModule", "meshes")]

    @property
    def condition_mesh_ancestors(self) -> list[str]:
        """Broader MeSH terms CT.gov derived (absent in records converted from legacy XML)."""
        return [m.term for m in self._mesh("conditionBrowseModule", "ancestors")]

    @property
    def intervention_mesh_terms(self) -> list[str]:
        return [m.term for m in self._mesh("interventionBrowseModule", "meshes")]

    @property
    def intervention_mesh_ancestors(self) -> list[str]:
        return [m.term for m in self._mesh("interventionBrowseModule", "ancestors")]

    @property
    def intervention_details(self) -> list[Intervention]:
        out = []
        for i in _dicts(self._ps("armsInterventionsModule", "interventions")):
            if _str(i.get("name")):
                out.append(Intervention(_str(i.get("type")), i["name"], _str(i.get("description")),
                                        tuple(_strings(i.get("otherNames")))))
        return out

    @property
    def interventions(self) -> list[tuple[str | None, str]]:
        """(type, name) pairs, e.g. ("BIOLOGICAL", "Human Placenta-derived 3D MSC")."""
        return [(i.type, i.name) for i in self.intervention_details]

    @property
    def brief_summary(self) -> str | None:
        return self._text("descriptionModule", "briefSummary")

    # eligibility
    @property
    def eligibility_criteria(self) -> str | None:
        return self._text("eligibilityModule", "eligibilityCriteria")

    @property
    def min_age(self) -> Age | None:
        return parse_age(self._text("eligibilityModule", "minimumAge"))

    @property
    def max_age(self) -> Age | None:
        return parse_age(self._text("eligibilityModule", "maximumAge"))

    @property
    def sex(self) -> str | None:
        return self._text("eligibilityModule", "sex")

    @property
    def healthy_volunteers(self) -> bool | None:
        v = self._ps("eligibilityModule", "healthyVolunteers")
        return v if isinstance(v, bool) else None

    @property
    def std_ages(self) -> list[str]:
        return _strings(self._ps("eligibilityModule", "stdAges"))

    @property
    def locations(self) -> list[dict]:
        """Each: facility, city, state, country, status (site recruitment status)."""
        out = []
        for loc in _dicts(self._ps("contactsLocationsModule", "locations")):
            out.append({k: _str(loc.get(k)) for k in ("facility", "city", "state", "country", "status")})
        return out

    @property
    def countries(self) -> list[str]:
        """Countries with at least one site, in first-seen order."""
        return list(dict.fromkeys(loc["country"] for loc in self.locations if loc["country"]))

    def summary(self) -> dict:
        """The handful of facts the service shows beside a page (JSON-ready)."""
        return {"nct_id": self.nct_id, "title": self.title, "status": self.status,
                "last_known_status": self.last_known_status,
                "last_update_posted": self.last_update_posted, "status_verified": self.status_verified,
                "url": self.url}

    @property
    def url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    def __repr__(self) -> str:
        return f"OfficialRecord({self.nct_id}, {self.status})"
