"""usable.unusable's verdict on a stored copy, judged once per content.

Why: whether a stored copy is a usable study decides both what a lookup asks ClinicalTrials.gov about and what the
client's lookup budget counts (svc13), so every copy dated within the TTL was read whole and judged once for the
budget's count and again by each lookup of it (about 0.2 ms an id). The verdict depends on the copy's registry content
alone, which the store's content_hash names (sha256 of the canonical JSON, written with the data in one statement on
every path into the store: put, put_many, ingest, sync), so it is remembered by that hash: a copy that changes gets a
new hash and is judged afresh; another worker's write is seen, the hash being read from the row each time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from .usable import unusable

# verdicts remembered at most (about 250 bytes each): a worker's memory must not grow with every id ever asked about
VERDICTS_MAX = 20_000
UNKNOWN = object()   # (known(): not judged yet)


class Verdicts:
    """{content_hash: unusable(data)}, the least recently used forgotten past `size`. Thread-safe (a batch's lookups
    run in a few threads)."""

    def __init__(self, size: int = VERDICTS_MAX) -> None:
        self.size = size
        self._seen: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()
        self.judged = 0   # (how many times unusable() ran: what the cache saves, for tests and benchmarks)

    def known(self, content_hash: str | None) -> str | None | object:
        """The verdict on the content `content_hash` names, or UNKNOWN when it has not been judged."""
        if not content_hash:
            return UNKNOWN
        with self._lock:
            verdict = self._seen.get(content_hash, UNKNOWN)
            if verdict is not UNKNOWN:
                self._seen.move_to_end(content_hash)
            return verdict

    def of(self, content_hash: str | None, data: Any) -> str | None:
        """unusable(data), `data` being the stored copy whose content_hash is `content_hash` (read with it, from one
        row): judged once per hash. A copy with no hash is judged every time."""
        verdict = self.known(content_hash)
        if verdict is not UNKNOWN:
            return verdict   # type: ignore[return-value]
        verdict = unusable(data)
        with self._lock:
            self.judged += 1
            if content_hash:
                self._seen[content_hash] = verdict
                self._seen.move_to_end(content_hash)
                while len(self._seen) > self.size:
                    self._seen.popitem(last=False)
        return verdict
