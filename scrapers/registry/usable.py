"""What a usable API v2 study must have, checked wherever a record comes in (the registry's answers, `sync`,
`ingest`, `check --record`).

Why: a registry answer holding only a valid nctId (no statusModule, a null or numeric overallStatus, a minimumAge of
18 as a number, conditions as a string) was accepted, replaced the good stored copy and was served as today's
record, "In sync" over a page's critical error (audit r39 F1). The OpenAPI spec (ctg-oas-v2.0.5) marks no field as
required, so the rule is what every real record has and what TrialLens reads: all 8,727 records of the shared corpus
(native, converted legacy and CT.gov's own zip) have a protocolSection with an identificationModule.nctId and a
statusModule.overallStatus string. Other fields may be absent (52 native records lack minimumAge, one converted record
has no eligibilityModule, a bundled record has no last update date) but, when present, must have the spec's type.
"""

from __future__ import annotations

import re
import time
from typing import Any

from ..errors import NotAskedOffline, RateLimited, RecordNotFound, RegistryError, StudyNotFound
from ..nct import is_nct_id

_STATUS = re.compile(r"[A-Z][A-Z_]*")          # the spec's Status enum form (a new value must not reject every record)
_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")   # the spec's PartialDate: 2024, 2024-05 or 2024-05-24

# (module, field) -> the JSON type the spec gives it; checked only when the field is present and not null
_TYPES: dict[tuple[str, str], type | tuple[type, ...]] = {
    ("identificationModule", "nctIdAliases"): list, ("identificationModule", "briefTitle"): str,
    ("identificationModule", "officialTitle"): str, ("identificationModule", "acronym"): str,
    ("statusModule", "lastKnownStatus"): str, ("statusModule", "whyStopped"): str,
    ("eligibilityModule", "eligibilityCriteria"): str, ("eligibilityModule", "minimumAge"): str,
    ("eligibilityModule", "maximumAge"): str, ("eligibilityModule", "sex"): str,
    ("eligibilityModule", "healthyVolunteers"): bool, ("eligibilityModule", "stdAges"): list,
    ("conditionsModule", "conditions"): list, ("conditionsModule", "keywords"): list,
    ("designModule", "studyType"): str, ("designModule", "phases"): list, ("designModule", "enrollmentInfo"): dict,
    ("armsInterventionsModule", "interventions"): list, ("contactsLocationsModule", "locations"): list,
}
_DATE_STRUCTS = ("startDateStruct", "primaryCompletionDateStruct", "completionDateStruct", "studyFirstPostDateStruct",
                 "lastUpdatePostDateStruct", "resultsFirstPostDateStruct")
_LISTS_OF_STRINGS = {("identificationModule", "nctIdAliases"), ("conditionsModule", "conditions"),
                     ("conditionsModule", "keywords"), ("designModule", "phases"), ("eligibilityModule", "stdAges")}


def _kind(value: Any) -> str:
    return "null" if value is None else {dict: "an object", list: "a list", str: "a string", bool: "true/false",
                                        int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def unusable(data: Any) -> str | None:
    """Why `data` is not a usable API v2 study (one phrase, naming the field), or None when it is."""
    if not isinstance(data, dict):
        return f"a JSON {_kind(data)}, expected an object"
    ps = data.get("protocolSection")
    if not isinstance(ps, dict):
        return "no protocolSection"
    nct = (ps.get("identificationModule") or {}).get("nctId") if isinstance(ps.get("identificationModule"), dict) else None
    if not isinstance(nct, str) or not is_nct_id(nct):
        return "no valid protocolSection.identificationModule.nctId"
    for name, module in ps.items():
        if module is not None and not isinstance(module, dict):
            return f"protocolSection.{name} is {_kind(module)}, not an object"
    sm = ps.get("statusModule")
    if sm is None:
        return "no protocolSection.statusModule (the trial's status)"
    status = sm.get("overallStatus")
    if not isinstance(status, str) or not _STATUS.fullmatch(status):
        said = "missing" if status is None else f"{_kind(status)} {str(status)[:40]!r}"
        return f"protocolSection.statusModule.overallStatus is {said}, not a status such as RECRUITING"
    for key in _DATE_STRUCTS:
        struct = sm.get(key)
        if struct is None:
            continue
        date = struct.get("date") if isinstance(struct, dict) else None
        if not isinstance(date, str) or not _DATE.fullmatch(date):
            return f"protocolSection.statusModule.{key} has no date such as 2024-05-24 (got {str(struct)[:60]!r})"
    verified = sm.get("statusVerifiedDate")
    if verified is not None and not (isinstance(verified, str) and _DATE.fullmatch(verified)):
        return f"protocolSection.statusModule.statusVerifiedDate is not a date (got {str(verified)[:40]!r})"
    for (module, key), kind in _TYPES.items():
        value = (ps.get(module) or {}).get(key)
        if value is None:
            continue
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            return f"protocolSection.{module}.{key} is {_kind(value)}, not {_kind(kind())}"
        if (module, key) in _LISTS_OF_STRINGS and not all(isinstance(v, str) for v in value):
            return f"protocolSection.{module}.{key} holds something other than text"
    return None


def client_limited(exc: RateLimited) -> RateLimited:
    """`exc`, marked as the asking client's own lookup limit (the service's per-client budgets), not TrialLens's limit
    of requests to ClinicalTrials.gov: what the verdict then says why (unasked.why_not_asked: "budget", not "busy")."""
    exc.client_limit = True
    return exc


def no_usable_copy(nct: str, unreadable: str, reason: str, why: str | None,
                   status: str | None = None) -> RegistryError | RecordNotFound:
    """What a lookup raises when ClinicalTrials.gov cannot be asked now (`reason`: as Lookup.reason) and the only stored
    copy is no usable study (`unreadable`: usable.unusable's phrase): the error it raises with nothing stored, saying the
    saved copy is not usable (not: cannot be read, which a
    store that fails says, store-unavailable; svc13), and carrying that (`unreadable_copy`) for the verdict's note and /status, with the copy's
    `status` (`copy_status`: /status says "no_status" of a copy that gives none)."""
    said = f"TrialLens's saved copy of {nct} is not usable ({unreadable})"
    if reason == "offline":
        exc: RegistryError | RecordNotFound = NotAskedOffline(
            f"{nct} has no usable copy in the local store: {said} (offline mode: ClinicalTrials.gov not asked)")
    elif reason == "gone":
        exc = StudyNotFound(f"ClinicalTrials.gov has no study {nct} ({why or 'HTTP 404'}), and {said}")
    elif reason in ("busy", "budget"):
        exc = RateLimited(f"{why}; {said}", reason=f"{why}; {said}")
        if reason == "budget":
            client_limited(exc)
    else:
        exc = RegistryError(f"{why or 'ClinicalTrials.gov could not be reached'}, and {said}")
    exc.unreadable_copy, exc.copy_status = unreadable, status
    return exc


def retry_after_pause(exc: Exception, down_until: float) -> Exception:
    """`exc` with retry_after the pause after a failure, when it says none and one is under way (as with nothing
    stored: Retry-After on its 503)."""
    if getattr(exc, "retry_after", None) is None and time.monotonic() < down_until:
        exc.retry_after = down_until - time.monotonic()
    return exc
