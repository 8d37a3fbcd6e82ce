"""Service configuration: environment variables with documented defaults.

Every setting has one environment name (the same the CLI and the registry read) and a
default that works on a fresh machine with no network once the store is seeded.
`create_app(config)` takes a mapping keyed by the same names (e.g. {"TRIALLENS_DB": path})
that overrides the environment, which is how tests and the benchmark configure an app
without touching os.environ.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Mapping

from scrapers.registry.client import base_url_checked
from scrapers.registry.pacing import REGISTRY_RATE
from scrapers.registry.settings import switch

DEFAULT_CTGOV_URL = "https://clinicaltrials.gov/api/v2"
DEFAULT_MAX_BODY = 10 * 1024 * 1024
DEFAULT_RATE_LIMIT = "300 per minute"
# lookups of trials the store holds no copy of, per client: a person browsing listings of new trials uses a few hundred
# an hour; each 100 costs ClinicalTrials.gov a request at least, shared by the whole service (review r19 #2)
DEFAULT_LOOKUP_BUDGET = "1000 per hour"
# single-trial lookups of unstored trials, per client: each is a whole registry request, so one client may spend at
# most a fifth of the service's allowance (REGISTRY_RATE a minute) on them; 120 made-up ids a minute from one address
# emptied it for everyone (audit r39 F3)
DEFAULT_SINGLE_LOOKUPS = f"{REGISTRY_RATE // 5} per minute"

# name -> (default, what it means); README's "Service" section lists the same table.
SETTINGS: dict[str, tuple[str | None, str]] = {
    "TRIALLENS_DB": (None, "store file (SQLite); default: the registry's per-user data folder"),
    "TRIALLENS_CTGOV_URL": (DEFAULT_CTGOV_URL, "ClinicalTrials.gov API v2 base URL (the only URL the service calls)"),
    "TRIALLENS_OFFLINE": ("", "1: answer from the store only, never call the registry"),
    "TRIALLENS_CORS_ORIGINS": ("", "extra allowed browser origins, comma separated, each scheme://host[:port] compared "
                               "exactly, or https://*.example.org for its subdomains (extension origins are always "
                               "allowed)"),
    "TRIALLENS_ALLOWED_HOSTS": ("", "host names the service answers for besides localhost and its addresses, comma "
                                "separated, e.g. triallens.example.org or *.example.org; '*' any name (then keep it "
                                "off 127.0.0.1: a web page could reach it by DNS rebinding)"),
    "TRIALLENS_API_KEYS": ("", "comma-separated keys; when set, /api/v1 requires one in the X-API-Key header"),
    "TRIALLENS_MAX_BODY": (str(DEFAULT_MAX_BODY), "largest request body in bytes (413 above it)"),
    "TRIALLENS_RATE_LIMIT": (DEFAULT_RATE_LIMIT, "per-client limit across all of /api/v1 (a configured API key, else IP), and apart "
                             "across the HTML pages, e.g. '300 per minute'; 'off' disables"),
    "TRIALLENS_LOOKUP_BUDGET": (DEFAULT_LOOKUP_BUDGET, "per-client budget (as the rate limit's client) of lookups "
                                "of trials the store holds no copy of, or a stale copy of (refreshed), on every route, e.g. "
                                "'1000 per hour'; over it /status and POST /drift answer unstored ids 'not checked', "
                                "a single lookup of an unstored trial (/trials/{id}, annotate, the HTML pages) is a "
                                "429, and a stale copy is served stale (stale_reason 'budget'); 'off' disables"),
    "TRIALLENS_SINGLE_LOOKUPS": (DEFAULT_SINGLE_LOOKUPS, "per-client limit, on top of TRIALLENS_LOOKUP_BUDGET, of "
                                 "single-trial lookups of trials the store holds no copy of, or a stale copy of (a ClinicalTrials.gov "
                                 "request each: /trials/{id} and its parts, annotate, the HTML pages), e.g. '10 per "
                                 "minute', a fifth of the 50 a minute the service asks at most; over it such a lookup "
                                 "is the same 429 (a stale copy: served stale); 'off' disables"),
    "TRIALLENS_RATE_LIMIT_STORAGE": ("memory://", "where the rate-limit counters live: memory:// (each worker its own) "
                                     "or a store the workers share, e.g. redis://host:6379 (needs the redis package)"),
    "TRIALLENS_CACHE_SIZE": ("2048", "annotations (and scraped pages) kept in memory per worker"),
    "TRIALLENS_TRUST_PROXY": ("", "1: take the client address from X-Forwarded-For (behind one reverse proxy)"),
}

OFF = ("", "off", "0", "none")


@dataclass(frozen=True)
class ServiceConfig:
    db: str | None = None
    ctgov_url: str = DEFAULT_CTGOV_URL
    offline: bool = False
    cors_origins: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    api_keys: frozenset[str] = frozenset()
    max_body: int = DEFAULT_MAX_BODY
    rate_limit: str | None = DEFAULT_RATE_LIMIT
    rate_limit_storage: str = "memory://"
    lookup_budget: str | None = DEFAULT_LOOKUP_BUDGET
    single_lookups: str | None = DEFAULT_SINGLE_LOOKUPS
    cache_size: int = 2048
    trust_proxy: bool = False
    env: dict[str, str] = field(default_factory=dict)  # the merged TRIALLENS_* mapping, for open_registry(env=)

    @classmethod
    def from_env(cls, overrides: Mapping[str, object] | None = None, environ: Mapping[str, str] | None = None) -> "ServiceConfig":
        """Environment first, then `overrides` (keys are the env names)."""
        env = {k: v for k, v in (os.environ if environ is None else environ).items()}
        for key, value in (overrides or {}).items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value if isinstance(value, str) else ("1" if value is True else "" if value is False else str(value))

        def get(name: str) -> str:
            value = env.get(name)
            return SETTINGS[name][0] or "" if value is None else value.strip()

        rate = get("TRIALLENS_RATE_LIMIT")
        storage = get("TRIALLENS_RATE_LIMIT_STORAGE") or "memory://"
        budget = get("TRIALLENS_LOOKUP_BUDGET")
        singles = get("TRIALLENS_SINGLE_LOOKUPS")
        if rate.lower() not in OFF:
            _check_rate(rate)
        if budget.lower() not in OFF:
            _check_rate(budget, "TRIALLENS_LOOKUP_BUDGET", "1000 per hour")
        if singles.lower() not in OFF:
            _check_rate(singles, "TRIALLENS_SINGLE_LOOKUPS", DEFAULT_SINGLE_LOOKUPS)
        if any(v.lower() not in OFF for v in (rate, budget, singles)):
            _check_storage(storage)
        return cls(
            db=get("TRIALLENS_DB") or None,
            ctgov_url=base_url_checked(get("TRIALLENS_CTGOV_URL") or DEFAULT_CTGOV_URL),   # (BadInput is a ValueError)
            offline=switch(env, "TRIALLENS_OFFLINE"),
            cors_origins=tuple(_origin(o) for o in get("TRIALLENS_CORS_ORIGINS").split(",") if o.strip()),
            allowed_hosts=tuple(_host(h) for h in get("TRIALLENS_ALLOWED_HOSTS").split(",") if h.strip()),
            api_keys=_api_keys(get("TRIALLENS_API_KEYS")),
            max_body=_positive_int(get("TRIALLENS_MAX_BODY"), "TRIALLENS_MAX_BODY"),
            rate_limit=None if rate.lower() in OFF else rate,
            lookup_budget=None if budget.lower() in OFF else budget,
            single_lookups=None if singles.lower() in OFF else singles,
            rate_limit_storage=storage,
            cache_size=_positive_int(get("TRIALLENS_CACHE_SIZE"), "TRIALLENS_CACHE_SIZE"),
            trust_proxy=switch(env, "TRIALLENS_TRUST_PROXY"),
            env=env,
        )


def _positive_int(text: str, name: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {text!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value


def _check_rate(text: str, name: str = "TRIALLENS_RATE_LIMIT", example: str = "300 per minute") -> None:
    """Refuse a malformed rate (TRIALLENS_RATE_LIMIT, TRIALLENS_LOOKUP_BUDGET, …) at start-up rather than on the first
    request."""
    from limits import parse

    try:
        item = parse(text)
    except ValueError:
        raise ValueError(f"{name} must look like '{example}' or '5/second', got {text!r}") from None
    if item.amount < 1:   # ("0 per minute" refused every request: review r58 F10)
        raise ValueError(f"{name} must allow at least 1 request, got {text!r} (to turn it off, set it to 'off')")


def _api_keys(text: str) -> frozenset[str]:
    """TRIALLENS_API_KEYS: set, it must name a key (" , ", a templating slip, started an open service where the
    operator meant to require keys: review r58 F10)."""
    keys = frozenset(k.strip() for k in text.split(",") if k.strip())
    if text and not keys:
        raise ValueError(f"TRIALLENS_API_KEYS is set but names no key (got {text!r}); unset it for an open service")
    return keys


def _check_storage(uri: str) -> None:
    """Refuse an unknown rate-limit store, or one whose client library is missing, at
    start-up: a limiter that cannot count would fail every API request."""
    from limits.errors import ConfigurationError
    from limits.storage import storage_from_string

    try:
        storage_from_string(uri)
    except ConfigurationError as exc:
        raise ValueError(f"TRIALLENS_RATE_LIMIT_STORAGE {uri!r} cannot be used: {exc}") from None


# a browser origin as TRIALLENS_CORS_ORIGINS takes it: http(s), a host name (or "*." and one, for its subdomains), an
# IPv4 address or a bracketed IPv6 one, an optional port; nothing else (no path, no user, no pattern)
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_ORIGIN = re.compile(rf"(https?)://(\*\.)?((?:{_LABEL}\.)*{_LABEL}|\[[0-9a-f:.]+\])(?::([0-9]{{1,5}}))?")


def _origin(text: str) -> str:
    """One configured origin, lower-cased, without a trailing slash; a ValueError (a configuration error at start)
    for anything else. flask-cors read an entry holding `*`, `?`, `[`… as an unanchored regex: "*" let every origin
    in, "http://localhost:*" let in http://localhostevil.com (audit r39 F6); here each is an exact origin, or the one
    documented wildcard form https://*.example.org (any subdomain of example.org, not example.org itself)."""
    origin = text.strip().rstrip("/").lower()
    m = _ORIGIN.fullmatch(origin)
    if not m or m.group(4) and not 0 < int(m.group(4)) < 65536 or m.group(2) and m.group(3).startswith("["):
        raise ValueError(f"TRIALLENS_CORS_ORIGINS: {text.strip()[:80]!r} is not a browser origin: give each as "
                         "scheme://host[:port], such as https://dashboard.example.org or http://localhost:3000, or "
                         "https://*.example.org for every subdomain of example.org (a lone '*' is not taken: list the "
                         "origins)")
    return origin


def _host(text: str) -> str:
    """One TRIALLENS_ALLOWED_HOSTS entry, lower-cased: a host name, "*.name" for its subdomains, or "*"; a ValueError
    (a configuration error at start) for anything else (a port, a scheme, a path)."""
    host = text.strip().lower().rstrip(".")
    if host == "*" or re.fullmatch(rf"(\*\.)?(?:{_LABEL}\.)*{_LABEL}", host):
        return host
    raise ValueError(f"TRIALLENS_ALLOWED_HOSTS: {text.strip()[:80]!r} is not a host name: give each as a name such as "
                     "triallens.example.org (no scheme, port or path), *.example.org for its subdomains, or * for any")


def origin_pattern(origin: str) -> re.Pattern:
    """The anchored, case-insensitive pattern flask-cors matches a request's Origin with for a configured origin
    (_origin's): exact, or for "*.host" one or more labels before the host."""
    scheme, rest = origin.split("://", 1)
    if rest.startswith("*."):
        return re.compile(rf"^{scheme}://(?:{_LABEL}\.)+{re.escape(rest[2:])}$", re.IGNORECASE)
    return re.compile(f"^{re.escape(origin)}$", re.IGNORECASE)
