"""What the store keeps and reports, apart from SQLite itself: canonical record JSON and
its content hash, timestamps that compare as text, and the small dataclasses that go in
and come out of Store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import NamedTuple

import orjson

from ..errors import BadInput, StoreError
from ..official import OfficialRecord


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalize_timestamp(value: str | None) -> str | None:
    """"2024-09-24" or any ISO datetime -> "YYYY-MM-DDTHH:MM:SSZ" (UTC), so they compare as text."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def encode_record(data: dict) -> tuple[str, str]:
    """(stored JSON text, content hash). One serialization for both: canonical JSON
    (sorted keys, compact, UTF-8), with local keys such as "_provenance" left out of the
    hash (they are not registry content) and appended to the stored text. orjson because
    this is the hot path of ingest (7x faster than the json module, same bytes)."""
    core = {k: v for k, v in data.items() if not k.startswith("_")}
    raw = orjson.dumps(core, option=orjson.OPT_SORT_KEYS)
    digest = hashlib.sha256(raw).hexdigest()
    if len(core) != len(data):
        extra = orjson.dumps({k: v for k, v in data.items() if k.startswith("_")})
        raw = raw[:-1] + b"," + extra[1:] if core else extra
    return raw.decode("utf-8"), digest


def decode_record(text: str) -> OfficialRecord:
    return OfficialRecord(orjson.loads(text))


class DamagedCopy(StoreError):
    """A stored copy whose saved text no longer reads as the study it is filed under (damaged on disk, or edited by
    hand): a store fault for that trial alone (store-unavailable), which a usable answer from ClinicalTrials.gov mends
    (Registry.lookup asks, and the damaged text goes to history). It was an undecodable-JSON 500, or a 400 blaming
    the caller, on every route for that trial, never asked about again (review r58 F3)."""

    def __init__(self, nct_id: str, why: str):
        super().__init__(f"the saved copy of {nct_id} in the store cannot be read ({why})")
        self.nct_id = nct_id


def decode_copy(nct_id: str, text: str) -> OfficialRecord:
    """The stored copy of `nct_id`, or DamagedCopy."""
    try:
        record = decode_record(text)
    except orjson.JSONDecodeError as exc:
        raise DamagedCopy(nct_id, f"not JSON: {str(exc)[:60]}") from None
    except BadInput:
        raise DamagedCopy(nct_id, "not a ClinicalTrials.gov study") from None
    if record.nct_id != nct_id:
        raise DamagedCopy(nct_id, f"it holds {record.nct_id}")
    return record


@dataclass
class Incoming:
    """A record on its way into the store, with when it was current and where it came from."""

    record: OfficialRecord
    fetched_at: str | None = None
    origin: str | None = None
    mends: bool = False   # replaces a damaged stored copy (DamagedCopy), whatever that copy's dates or hash claim


@dataclass
class StoredStudy:
    record: OfficialRecord
    fetched_at: str
    origin: str
    content_hash: str
    stored_at: str
    dated: bool = True   # False: nothing said when this copy was current; fetched_at is only when it was stored


class CopyFacts(NamedTuple):
    """What Store.copy_facts reads of a stored copy without its record: enough to tell whether it is fresh."""

    nct_id: str
    fetched_at: str | None   # None: nothing said when the copy was current
    origin: str
    content_hash: str


@dataclass
class WriteSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0  # an older copy than the stored one: kept in history, not made current
    changed_ids: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def merge(self, other: "WriteSummary") -> None:
        for k in ("added", "updated", "unchanged", "older"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.changed_ids.extend(other.changed_ids)

    def to_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged, "older": self.older}
