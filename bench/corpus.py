"""Read the shared CT.gov corpus (../shared/data/ctgov) as OfficialRecords, for benchmarks."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

from scrapers.errors import BadInput
from scrapers.official import OfficialRecord

CTGOV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ctgov"


def iter_corpus(ctgov: Path = CTGOV) -> Iterator[OfficialRecord]:
    """Every study in the two JSONL files (native v2 first, then converted legacy XML)."""
    with open(ctgov / "studies_v2.jsonl", encoding="utf-8") as fh:
        lines = list(fh)
    with gzip.open(ctgov / "studies_legacy_xml_as_v2.jsonl.gz", "rt", encoding="utf-8") as fh:
        lines += list(fh)
    for line in lines:
        try:
            yield OfficialRecord(json.loads(line))
        except (BadInput, json.JSONDecodeError):
            continue
