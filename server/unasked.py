"""Why TrialLens did not ask ClinicalTrials.gov, or used its saved copy of a record, in the words every surface says.

A verdict without a fresh record says why (offline, a client's own lookup budget, TrialLens's own limit of requests,
the registry unreachable, the record gone) and whether a saved copy is there but unreadable; the service, the CLI and
the problem responses decide it from the same error with these functions, so none of them words it anew.
"""

from __future__ import annotations

from scrapers.errors import RateLimited

from .verdict_words import NOTES, UNASKED_UNREACHABLE, WHY_UNASKED


def why_not_asked(offline: bool, error: BaseException | None) -> str | None:
    """summarize's `why` when there is no record at all, not even a saved copy: "offline" when TrialLens works offline
    (it never asked), "budget" when `error` is the asking client's own lookup limit (the service's per-client budgets),
    "busy" when it is TrialLens's own limit of requests to ClinicalTrials.gov, else None."""
    if offline:
        return "offline"
    if isinstance(error, RateLimited):
        return "budget" if getattr(error, "client_limit", False) else "busy"
    return None


def unreadable_copy(error: BaseException | None) -> bool:
    """Whether a lookup found no record because the only saved copy is no usable study (Registry.lookup,
    usable.no_usable_copy), not because none is stored: summarize's `unreadable`."""
    return bool(getattr(error, "unreadable_copy", None))


def no_record_note(reason: str, why: str | None, unreadable: bool) -> str:
    """The note of a verdict with no record (`reason`: not_asked or official_unavailable), by why ClinicalTrials.gov
    was not asked (why_not_asked) and whether a saved copy is there but cannot be read: never "has no saved copy" over
    a copy it has (svc12), nor "too often in the last minute" where a client's own budget ran out."""
    key = (reason if why not in ("busy", "budget") else f"official_{why}") + ("_unreadable" if unreadable else "")
    return NOTES[key]


def saved_copy_why(why: str | None, cli: bool = False) -> str:
    """Why a saved copy of the record was used (summarize's `why`), in the note's own words (WHY_UNASKED): the record
    is gone from ClinicalTrials.gov, TrialLens works offline (said by the CLI or by a service), TrialLens's own limit
    of requests to it was reached (busy), or ClinicalTrials.gov was unreachable (also when nothing said why). The
    note, the card's footer and the CLI say it with these same words."""
    key = "offline_cli" if why == "offline" and cli else why
    return WHY_UNASKED.get(key or "unreachable", UNASKED_UNREACHABLE)
