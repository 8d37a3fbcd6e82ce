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


@dataclass(frozen=True)
class DateStruct:
    date: str
    type: str | None  # ACTUAL / ESTIMATED / None

    @property
    def estimated(self) -> bool:
        return self.type == "ESTIMATED"


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
        if isinstance(s, dict) and s.get("date"):
            return DateStruct(s["date"], s.get("type"))
        return None

    # identification
    @property
    def nct_id(self) -> str:
        return self._ps("identificationModule", "nctId")

    @property
    def aliases(self) -> list[str]:
        return list(self._ps("identificationModule", "nctIdAliases", default=[]) or [])

    @property
    def brief_title(self) -> str | None:
        return self._ps("identificationModule", "briefTitle")

    @property
    def official_title(self) -> str | None:
        return self._ps("identificationModule", "officialTitle")

    @property
    def title(self) -> str | None:
        return self.brief_title or self.official_title

    @property
    def acronym(self) -> str | None:
        return self._ps("identificationModule", "acronym")

    # status
    @property
    def status(self) -> str | None:
        return self._ps("statusModule", "overallStatus")

    @property
    def last_known_status(self) -> str | None:
        return self._ps("statusModule", "lastKnownStatus")

    @property
    def status_verified(self) -> str | None:
        return self._ps("statusModule", "statusVerifiedDate")

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
    def first_posted(self) -> str | None:
        d = self._date("statusModule", "studyFirstPostDateStruct")
        return d.date if d else None

    @property
    def last_update_posted(self) -> str | None:
        d = self._date("statusModule", "lastUpdatePostDateStruct")
        return d.date if d else None

    # design
    @property
    def study_type(self) -> str | None:
        return self._ps("designModule", "studyType")

    @property
    def phases(self) -> list[str]:
        return list(self._ps("designModule", "phases", default=[]) or [])

    @property
    def enrollment(self) -> int | None:
        return self._ps("designModule", "enrollmentInfo", "count")

    @property
    def enrollment_type(self) -> str | None:
        return self._ps("designModule", "enrollmentInfo", "type")

    # who
    @property
    def sponsor(self) -> str | None:
        return self._ps("sponsorCollaboratorsModule", "leadSponsor", "name")

    @property
    def collaborators(self) -> list[str]:
        return [c.get("name") for c in self._ps("sponsorCollaboratorsModule", "collaborators", default=[]) if c.get("name")]

    @property
    def conditions(self) -> list[str]:
        return list(self._ps("conditionsModule", "conditions", default=[]) or [])

    @property
    def keywords(self) -> list[str]:
        return list(self._ps("conditionsModule", "keywords", default=[]) or [])

    @property
    def condition_mesh_terms(self) -> list[str]:
        return [m["term"] for m in _get(self.data, "derivedSection", "conditionBrowseModule", "meshes", default=[]) if m.get("term")]

    @property
    def condition_mesh_ancestors(self) -> list[str]:
        return [m["term"] for m in _get(self.data, "derivedSection", "conditionBrowseModule", "ancestors", default=[]) if m.get("term")]

    @property
    def intervention_mesh_terms(self) -> list[str]:
        return [m["term"] for m in _get(self.data, "derivedSection", "interventionBrowseModule", "meshes", default=[]) if m.get("term")]

    @property
    def intervention_mesh_ancestors(self) -> list[str]:
        return [m["term"] for m in _get(self.data, "derivedSection", "interventionBrowseModule", "ancestors", default=[]) if m.get("term")]

    @property
    def interventions(self) -> list[tuple[str | None, str]]:
        """(type, name) pairs, e.g. ("BIOLOGICAL", "Human Placenta-derived 3D MSC")."""
        return [(i.get("type"), i["name"]) for i in self._ps("armsInterventionsModule", "interventions", default=[]) if i.get("name")]

    @property
    def brief_summary(self) -> str | None:
        return self._ps("descriptionModule", "briefSummary")

    # eligibility
    @property
    def eligibility_criteria(self) -> str | None:
        return self._ps("eligibilityModule", "eligibilityCriteria")

    @property
    def min_age(self) -> Age | None:
        return parse_age(self._ps("eligibilityModule", "minimumAge"))

    @property
    def max_age(self) -> Age | None:
        return parse_age(self._ps("eligibilityModule", "maximumAge"))

    @property
    def sex(self) -> str | None:
        return self._ps("eligibilityModule", "sex")

    @property
    def healthy_volunteers(self) -> bool | None:
        return self._ps("eligibilityModule", "healthyVolunteers")

    @property
    def locations(self) -> list[dict]:
        """Each: facility, city, state, country, status (site recruitment status)."""
        out = []
        for loc in self._ps("contactsLocationsModule", "locations", default=[]) or []:
            out.append({k: loc.get(k) for k in ("facility", "city", "state", "country", "status")})
        return out

    @property
    def url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    def __repr__(self) -> str:
        return f"OfficialRecord({self.nct_id}, {self.status})"
