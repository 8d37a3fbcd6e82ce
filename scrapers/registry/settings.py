"""The registry's configuration from the TRIALLENS_* environment: where the store is, whether TrialLens is offline,
the API address, how long a lookup may wait (TRIALLENS_LOOKUP_TIMEOUT), how long a stored copy is fresh
(TRIALLENS_TTL_HOURS), and open_registry(), which puts them together (seeding the bundled fixtures)."""

from __future__ import annotations

import json
import math
import os
from datetime import timedelta
from pathlib import Path
from typing import Mapping

from ..errors import BadInput
from .client import DEFAULT_BASE_URL, CtgovClient
from .freshness import DEFAULT_TTL, Registry
from .reading import MIN_ATTEMPT
from .records import encode_record
from .store import Incoming, Store, utc_now

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}
REPO_ROOT = Path(__file__).resolve().parents[2]


# Someone is waiting on a lookup: fewer, shorter retries and waits than a bulk sync, and all of them over within
# LOOKUP_TIMEOUT; then the stored copy is served (marked stale) or, with none, the registry is reported unavailable.
# The browser extension gives up on the service after 20 s (extension/lib/protocol.js TIMEOUT_MS) and gunicorn's
# worker timeout in README is 30 s: a lookup has to be over well before either (3 attempts x 30 s took 91 s).
LOOKUP_TIMEOUT = 8.0
INTERACTIVE = dict(retries=1, backoff=0.5, max_retry_after=3.0, max_rate_wait=2.0, timeout=(3.0, 5.0),
                   deadline=LOOKUP_TIMEOUT)


def default_db_path(env: Mapping[str, str] = os.environ) -> Path:
    """TRIALLENS_DB, else $XDG_DATA_HOME/triallens/triallens.sqlite3 (~/.local/share/...)."""
    if env.get("TRIALLENS_DB"):
        return Path(env["TRIALLENS_DB"]).expanduser()
    base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "triallens" / "triallens.sqlite3"


def switch(env: Mapping[str, str], name: str) -> bool:
    """An on/off setting: 1, true, yes or on; 0, false, no, off or unset. Anything else is refused at start: "y",
    "2" or "offline" for TRIALLENS_OFFLINE silently meant online, and TrialLens asked the network (review r58 F6)."""
    text = str(env.get(name) or "").strip()
    if text.lower() in _TRUE | _FALSE:
        return text.lower() in _TRUE
    raise BadInput(f"{name} must be 1 (on) or 0 (off), got {text[:40]!r}")


def is_offline(env: Mapping[str, str] = os.environ) -> bool:
    return switch(env, "TRIALLENS_OFFLINE")


def client_from_env(env: Mapping[str, str] = os.environ, **kwargs) -> CtgovClient:
    return CtgovClient(env.get("TRIALLENS_CTGOV_URL") or DEFAULT_BASE_URL, **kwargs)


def interactive_settings(env: Mapping[str, str] = os.environ) -> dict:
    """INTERACTIVE, with TRIALLENS_LOOKUP_TIMEOUT (seconds) as the whole wait when it is set; the timeout of
    each attempt never exceeds it."""
    text = str(env.get("TRIALLENS_LOOKUP_TIMEOUT") or "").strip()
    if not text:
        return dict(INTERACTIVE)
    try:
        limit = float(text)
    except ValueError:
        limit = -1.0
    if not MIN_ATTEMPT <= limit <= 600:   # (also NaN; under one attempt's least time no lookup is tried: r58 F10)
        raise BadInput(f"TRIALLENS_LOOKUP_TIMEOUT must be a number of seconds from {MIN_ATTEMPT:g} to 600, got {text!r}")
    connect, read = INTERACTIVE["timeout"]
    return {**INTERACTIVE, "deadline": limit, "timeout": (min(connect, limit), min(read, limit))}


def seed_fixtures(store: Store, folder: Path) -> int:
    """Put the bundled records the store does not hold yet into it (all of them into an
    empty store; later, any fixture added since). Their fetched_at is the date they were
    known to be current (versionHolder, else last update posted), not now: a
    reconstructed fixture must not pass for a fresh registry answer."""
    from .ingest import read_sources  # local: ingest imports this module's neighbours

    held = set(store.ids())
    files = sorted(folder.glob("NCT*.json"))
    missing = [f for f in files if f.stem.upper() not in held]
    # a bundled record the store holds from an older bundle, and only that (origin "fixture": never a registry answer,
    # an ingest or a sync), is the bundle's current file: a store seeded before the demo records said they were
    # rebuilt from aggregator pages kept calling them saved copies of ClinicalTrials.gov's (review r55 F1)
    renewed = [f for f in files if f.stem.upper() in held and _older_bundle(store, f)]
    if not missing and not renewed:
        return 0
    items = [Incoming(r.record, r.fetched_at, "fixture") for r in read_sources(missing + renewed) if r.record]
    store.put_many(items, meta={"seeded_fixtures": utc_now()})
    return len(items)


def _older_bundle(store: Store, path: Path) -> bool:
    """Whether the store's copy of a bundled record came from the bundle (origin "fixture") and its content differs
    from the file's, as the store tells content apart (its content hash, read without the record: encode_record); a
    file that cannot be read says no (read_sources would say why, where it is read)."""
    facts = store.copy_facts(path.stem.upper())
    if facts is None or facts.origin != "fixture":
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and encode_record(data)[1] != facts.content_hash


MAX_TTL_HOURS = 1_000_000   # (114 years: "never ask again" in effect)


def ttl_from_env(hours: str | None) -> timedelta:
    """TRIALLENS_TTL_HOURS as a timedelta (DEFAULT_TTL when unset); BadInput for anything but a number of hours from 0
    to MAX_TTL_HOURS: "inf" and "1e11" were an OverflowError traceback, "-5" taken without a word (audit r39 F8)."""
    if not hours:
        return DEFAULT_TTL
    try:
        value = float(hours)
    except ValueError:
        value = math.nan
    if not 0 <= value <= MAX_TTL_HOURS:   # (nan and inf fail it too)
        raise BadInput(f"TRIALLENS_TTL_HOURS must be a number of hours from 0 to {MAX_TTL_HOURS:,}, got {hours!r}")
    return timedelta(hours=value)


def open_registry(env: Mapping[str, str] = os.environ, *, client: CtgovClient | None = None,
                  ttl: timedelta | float | None = None) -> Registry:
    """The Registry configured from TRIALLENS_DB / TRIALLENS_CTGOV_URL / TRIALLENS_OFFLINE,
    with the bundled fixtures/ctgov records seeded into an empty store."""
    store = Store(default_db_path(env))
    demo = Path(env.get("TRIALLENS_DEMO_DIR") or REPO_ROOT / "fixtures" / "ctgov")
    if demo.is_dir():
        seed_fixtures(store, demo)
    offline = is_offline(env)
    if ttl is None:
        ttl = ttl_from_env(env.get("TRIALLENS_TTL_HOURS"))
    return Registry(store, None if offline else (client or client_from_env(env, **interactive_settings(env))), ttl,
                    offline)
