"""What a lookup of one trial answers: the record, how current it is, and why not when it is a saved copy."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..official import OfficialRecord

# Lookup.copy_as_of of a stored copy whose date nothing gives: a copy (truthy), never a date (reconcile reads any
# copy_as_of that is not a date as "from an unknown date")
UNDATED = "undated"


@dataclass
class Lookup:
    record: OfficialRecord
    fetched_at: str          # when this content was known to be current (UTC ISO)
    stale: bool              # older than the TTL and could not be refreshed
    source: str              # "store" | "registry"
    history: list[dict] = field(default_factory=list)  # older versions, newest first
    note: str | None = None  # why stale, or what else the reader should know
    requested_id: str | None = None  # the id asked for, when it was an alias
    dated: bool = True       # False: nothing says when this copy was current (fetched_at is only when it was stored)
    # why a stale copy: "offline" (never asked), "unreachable", "gone" (HTTP 404), "busy" (TrialLens's own limit of
    # requests to ClinicalTrials.gov was reached: it was up, and was not asked; review r19 #2)
    reason: str | None = None
    # with reason "budget": seconds until the asking client's lookup budget has room again (the service sets it:
    # Annotator.over_budget; the card says when to try again from it, not from the note's text)
    retry_after: int | None = None

    @property
    def gone(self) -> bool:
        """ClinicalTrials.gov answered that it no longer has this study (HTTP 404)."""
        return self.reason == "gone"

    @property
    def stale_reason(self) -> str | None:
        """Why the record is a saved copy, as callers are told it ("unreachable" when nothing said why); None for a
        current record."""
        return (self.reason or "unreachable") if self.stale else None

    @property
    def copy_as_of(self) -> str | None:
        """When the record was fetched, if it is a stored copy that could not be refreshed (what reconcile and
        the drift verdict need to know to not call a newer page wrong); UNDATED for such a copy nothing dates;
        None when it is current."""
        if not self.stale:
            return None
        return self.fetched_at if self.dated else UNDATED

    @property
    def known_fetched_at(self) -> str | None:
        """fetched_at as callers are told it: None when the copy's date is not known (the time it was stored
        would read as a copy minutes old)."""
        return self.fetched_at if self.dated else None

    def to_dict(self) -> dict:
        return {**self.record.summary(), "fetched_at": self.known_fetched_at, "stale": self.stale, "source": self.source,
                "note": self.note, "requested_id": self.requested_id,
                "history": [{k: v for k, v in h.items() if k != "data"} for h in self.history]}
