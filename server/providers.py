"""The seams the annotation is assembled from: registry lookup, plain-English criteria,
related trials, reconciliation and the clock.

Each is a plain callable or object handed to the Annotator, so tests inject fakes and
the pieces other parts of the project own (the registry store, server.explain,
server.related) plug in here with a few lines: `default_providers()` uses each one when
it is importable and degrades honestly (criteria null, related []) when it is not.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Protocol

from scrapers import registry as registry_module
from scrapers.model import OfficialRecord
from scrapers.reconcile import reconcile as default_reconcile

from .config import ServiceConfig


class RegistryLike(Protocol):
    """scrapers.registry.Registry, or a test double: lookup(nct_id) -> Lookup."""

    def lookup(self, nct_id: str) -> Any: ...


def open_registry(config: ServiceConfig) -> RegistryLike:
    """The project's registry (SQLite store + CT.gov client) for this configuration; the
    store is seeded from the bundled records on first start."""
    return registry_module.open_registry(env=config.env)


class SingleFlight:
    """Concurrent calls for the same key share one execution: when twenty page views of
    one trial arrive together, the registry is asked once and all twenty get its answer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: dict[Any, "_Call"] = {}

    def do(self, key: Any, fn: Callable[[], Any]) -> Any:
        with self._lock:
            call = self._calls.get(key)
            leader = call is None
            if leader:
                call = self._calls[key] = _Call()
        if not leader:
            call.done.wait()
            if call.error is not None:
                raise call.error
            return call.result
        try:
            call.result = fn()
            return call.result
        except BaseException as exc:
            call.error = exc
            raise
        finally:
            with self._lock:
                self._calls.pop(key, None)
            call.done.set()


class _Call:
    __slots__ = ("done", "result", "error")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None


@dataclass
class Providers:
    """Everything the annotation depends on besides the page itself."""

    registry: RegistryLike
    explain: Callable[[OfficialRecord], Any] | None = None                    # -> PlainCriteria (has .to_dict())
    related: Callable[[OfficialRecord, int, list[str] | None], list] | None = None  # -> [RelatedTrial]
    reconcile: Callable[..., list] = default_reconcile
    today: Callable[[], date] = date.today
    # what a lookup costs the client asking, before it is made: {id: the refusal} for ids over its budget of lookups
    # of unstored trials (server.clients.charge_lookups(ids, single=…), set by create_app); None: lookups are free (the CLI)
    charge: Callable[..., dict] | None = None


def _optional(module: str, name: str) -> Any:
    """`module.name` when that part of the project is installed, else None."""
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError:
        return None


def _index_related(store) -> bool:
    """Keep the related-trials index in step with the store (a write hook) and fill it once
    for records stored before the hook existed. False when that part is not installed."""
    install = _optional("scrapers.registry.search", "install")
    backfill = _optional("scrapers.registry.search", "backfill")
    if install is None or backfill is None:
        return False
    install(store)
    backfill(store)
    return True


def default_providers(config: ServiceConfig) -> Providers:
    registry = open_registry(config)
    explain = _optional("server.explain", "explain")
    related_fn = _optional("server.related", "related")
    related = None
    store = getattr(registry, "store", None)
    if related_fn is not None and store is not None and _index_related(store):
        def related(record: OfficialRecord, k: int, statuses: list[str] | None) -> list:
            return related_fn(record, k=k, statuses=statuses, store=store)

    return Providers(registry=registry, explain=explain, related=related)
