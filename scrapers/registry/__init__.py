"""The official record: where TrialLens gets ClinicalTrials.gov studies.

For now: the bundled demo records in fixtures/ctgov (reconstructed API v2 JSON for the
seed trials). The CT.gov client and the SQLite store build on this.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import BadInput, RecordNotFound
from ..nct import normalize_nct_id
from ..official import OfficialRecord

REPO_ROOT = Path(__file__).resolve().parents[2]


def demo_dir() -> Path:
    """Folder of bundled demo records (TRIALLENS_DEMO_DIR overrides)."""
    return Path(os.environ.get("TRIALLENS_DEMO_DIR") or REPO_ROOT / "fixtures" / "ctgov")


def load_record_file(path: str | Path) -> OfficialRecord:
    """An API v2 study from a JSON file (a study object, or a one-study `{"studies": [...]}`)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path} is not valid JSON: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get("studies"), list) and len(data["studies"]) == 1:
        data = data["studies"][0]
    return OfficialRecord(data)


def load_demo_record(nct_id: str) -> OfficialRecord:
    """The bundled record for `nct_id`, or RecordNotFound."""
    nct = normalize_nct_id(nct_id)
    path = demo_dir() / f"{nct}.json"
    if not path.exists():
        raise RecordNotFound(f"no official record for {nct} in {demo_dir()}")
    return load_record_file(path)


def get(nct_id: str) -> OfficialRecord:
    """The official record for `nct_id`: the single entry point the CLI and service use."""
    return load_demo_record(nct_id)
