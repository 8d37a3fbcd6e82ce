"""Site scrapers, one module per aggregator host, and the registry keyed by host.

A site module defines `HOSTS` (the hosts it reads, without "www.") and
`scrape(page: Page) -> PageRecord`. Modules are found by listing this package, so adding
a site is adding one file (see CONTRIBUTING.md). `generic` is the fallback for any
other host.
"""

from __future__ import annotations

import importlib
import re
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


def scraper_for_brand(site_name: str | None, title: str | None):
    """The module whose site brands a page by name, for a page saved without its address
    (no URL, no canonical link): og:site_name / application-name, or the last segment of
    the <title> ("… | ClinConnect"). None when nothing names a known site."""
    names = [site_name or ""]
    if title:
        names.append(re.split(r"\s+[|–—·-]\s+", title)[-1])
    keys = {re.sub(r"[^a-z0-9]+", "", n.lower()) for n in names if n}
    keys.discard("")
    for mod in dict.fromkeys(registry().values()):
        brands = {re.sub(r"[^a-z0-9]+", "", b.lower()) for b in getattr(mod, "BRANDS", ())}
        if keys & brands:
            return mod
    return None
