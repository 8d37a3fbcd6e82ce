"""Site scrapers, one module per aggregator host, and the registry keyed by host.

A site module defines `HOSTS` (the hosts it reads, without "www.") and
`scrape(page: Page) -> PageRecord`. Modules are found by listing this package, so adding
a site is adding one file (see CONTRIBUTING.md). `generic` is the fallback for any
other host.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from .base import host_of

_NOT_SITES = {"base", "generic", "common"}
_REGISTRY: dict[str, ModuleType] | None = None


def registry() -> dict[str, ModuleType]:
    """{host: module} for every site module in this package."""
    global _REGISTRY
    if _REGISTRY is None:
        reg: dict[str, ModuleType] = {}
        for info in pkgutil.iter_modules(__path__):
            if info.name in _NOT_SITES or info.name.startswith("_"):
                continue
            mod = importlib.import_module(f"{__name__}.{info.name}")
            for host in getattr(mod, "HOSTS", ()):
                if host in reg:
                    raise RuntimeError(f"host {host} claimed by {reg[host].__name__} and {mod.__name__}")
                reg[host] = mod
        _REGISTRY = reg
    return _REGISTRY


def supported_hosts() -> list[str]:
    return sorted(registry())


def scraper_for(url: str | None) -> ModuleType:
    """The module for `url`'s host; sub-domains resolve to their parent ("m.clinconnect.io")."""
    host = host_of(url)
    reg = registry()
    while host:
        if host in reg:
            return reg[host]
        host = host.partition(".")[2] if host.count(".") > 1 else None
    return importlib.import_module(f"{__name__}.generic")
