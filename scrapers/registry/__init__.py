"""The official record: where TrialLens gets ClinicalTrials.gov studies.

- client.py  CtgovClient: the CT.gov API v2 over HTTP (timeouts, retries); pacing.py its rate limit and
             Retry-After; reading.py an answer read within a deadline and a size cap
- store.py   Store: one SQLite file of API v2 records with their history
- freshness.py Registry: the freshness policy (TTL, stale when the registry is down, offline mode)
- settings.py open_registry() and the rest of the configuration from the TRIALLENS_* environment
- ingest.py  bulk files -> store;  sync.py  changed records from the API -> store

`get(nct_id)` is the one-line entry point the CLI uses: the configured registry.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import BadInput, RecordNotFound
from ..nct import normalize_nct_id
from ..official import OfficialRecord
from .client import CtgovClient, FetchedStudy, StudyPage
from .freshness import DEFAULT_TTL, Lookup, Registry
from .settings import default_db_path, open_registry
from .store import Incoming, Store, StoredStudy, WriteSummary
from .search import install as _install_related_index

_install_related_index(Store)  # every store write keeps the related-trials index current (search.py)

__all__ = ["CtgovClient", "FetchedStudy", "StudyPage", "Store", "StoredStudy", "Incoming", "WriteSummary",
           "Registry", "Lookup", "DEFAULT_TTL", "open_registry", "default_db_path", "get", "lookup",
           "load_record_file", "load_demo_record", "demo_dir"]

REPO_ROOT = Path(__file__).resolve().parents[2]


def demo_dir() -> Path:
    """Folder of bundled demo records (TRIALLENS_DEMO_DIR overrides)."""
    return Path(os.environ.get("TRIALLENS_DEMO_DIR") or REPO_ROOT / "fixtures" / "ctgov")


def load_record_file(path: str | Path) -> OfficialRecord:
    """An API v2 study from a JSON file: a study object, or a JSON array or `{"studies": [...]}` answer holding one.
    One holding several (or none) is refused by what it holds: it was called "not an API v2 study … nctId is
    missing" (review r23 #11)."""
    from .ingest import studies_in

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path} is not valid JSON: {exc}") from None
    except RecursionError:
        raise BadInput(f"{path} nests arrays or objects too deeply to be a study") from None
    studies = studies_in(data)
    if studies is not None:
        if not studies:
            raise BadInput(f"{path} holds no study; give one study's file")
        if len(studies) > 1:
            raise BadInput(f"{path} holds {len(studies)} studies; give one study's file (or ingest it and pass the "
                           "NCT id)")
        data = studies[0]
    return OfficialRecord(data)


def load_demo_record(nct_id: str) -> OfficialRecord:
    """The bundled record for `nct_id`, or RecordNotFound."""
    nct = normalize_nct_id(nct_id)
    path = demo_dir() / f"{nct}.json"
    if not path.exists():
        raise RecordNotFound(f"no official record for {nct} in {demo_dir()}")
    return load_record_file(path)


_default: dict[tuple, Registry] = {}


def default_registry() -> Registry:
    """The Registry for the current TRIALLENS_* environment (opened once per setting)."""
    key = tuple(os.environ.get(k) for k in ("TRIALLENS_DB", "TRIALLENS_CTGOV_URL", "TRIALLENS_OFFLINE",
                                           "TRIALLENS_DEMO_DIR", "TRIALLENS_TTL_HOURS", "TRIALLENS_LOOKUP_TIMEOUT",
                                           "XDG_DATA_HOME"))
    if key not in _default:
        _default[key] = open_registry(os.environ)
    return _default[key]


def lookup(nct_id: str) -> Lookup:
    """Lookup (record + fetched_at, stale, source, history) from the configured registry.
    StoreError when the store cannot be opened or is not a TrialLens store: the CLI says so (exit 2), as `related`
    and `serve` do. It used to fall back to the bundled record and say "could not check with ClinicalTrials.gov
    just now", blaming ClinicalTrials.gov for a wrong TRIALLENS_DB (review r23 #5)."""
    return default_registry().lookup(nct_id)


def get(nct_id: str) -> OfficialRecord:
    """The official record for `nct_id`: the single entry point the CLI and service use."""
    return lookup(nct_id).record
