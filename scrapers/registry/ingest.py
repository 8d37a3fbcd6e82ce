"""Bulk ingest: API v2 records from files into the store.

Reads `.jsonl` / `.jsonl.gz` (one study per line), a JSON array (or an API answer
`{"studies": [...]}`, or one study), a directory of `NCT*.json`, and CT.gov's own
download `ctg-studies.json.zip` (one `NCTxxxxxxxx.json` per entry). A bad record is
reported with where it was and why, and skipped; it never stops the rest.

By default one ingest is one transaction: interrupted (Ctrl-C, crash, power cut), the
store is exactly as it was before.
"""

from __future__ import annotations

import gzip
import itertools
import sys
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from ..errors import BadInput
from ..official import OfficialRecord, _get
from .store import Incoming, Store, WriteSummary, normalize_timestamp, utc_now
from .usable import unusable


@dataclass
class SourceItem:
    where: str                         # "studies.jsonl:12", "ctg-studies.json.zip!NCT00000102.json"
    record: OfficialRecord | None = None
    fetched_at: str | None = None      # when this copy was current, as far as the file tells
    error: str | None = None


@dataclass
class IngestReport:
    files: list[str]
    summary: WriteSummary = field(default_factory=WriteSummary)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self, max_rejected: int = 200) -> dict:
        reasons = Counter(_reason_kind(r) for _, r in self.rejected)
        return {"files": self.files, **self.summary.to_dict(), "rejected": len(self.rejected),
                "rejected_by_reason": dict(reasons.most_common()),
                "rejected_records": [{"where": w, "reason": r} for w, r in self.rejected[:max_rejected]]}


def _reason_kind(reason: str) -> str:
    return reason.split(":", 1)[0]


def record_time(data: dict) -> str | None:
    """When a record copy was current, from the record itself: CT.gov's versionHolder,
    else the legacy download date of converted records, else its last update posted."""
    for path in (("derivedSection", "miscInfoModule", "versionHolder"), ("_provenance", "legacyDownloadDate"),
                 ("protocolSection", "statusModule", "lastUpdatePostDateStruct", "date")):
        value = normalize_timestamp(_get(data, *path))
        if value:
            return value
    return None


def to_record(data: Any, where: str, fetched_at: str | None = None) -> SourceItem:
    """A SourceItem with a record, or with the reason the JSON is not an API v2 study."""
    if not isinstance(data, dict):
        return SourceItem(where, error=f"not a study: a JSON {type(data).__name__}, expected an object")
    if "FullStudiesResponse" in data or "FullStudy" in data or "Study" in data:
        return SourceItem(where, error="old API format: ClinicalTrials.gov classic API (v1) JSON, not API v2")
    why = unusable(data)
    if why:   # (an id alone replaced the dated full record: audit r39 F1)
        return SourceItem(where, error=f"not an API v2 study: {why}")
    return SourceItem(where, OfficialRecord(data), fetched_at or record_time(data))


def studies_in(data: Any) -> list | None:
    """The studies a JSON document lists (a JSON array, or an API search answer `{"studies": [...]}`); None for a
    document that is one study (or not a study at all). `ingest` and a record file given to `check`/`explain` read
    the same documents."""
    if isinstance(data, dict) and isinstance(data.get("studies"), list):
        return data["studies"]
    return data if isinstance(data, list) else None


def _from_document(data: Any, where: str, fetched_at: str | None = None) -> Iterator[SourceItem]:
    studies = studies_in(data)
    if studies is None:
        yield to_record(data, where, fetched_at)
        return
    for i, item in enumerate(studies):
        yield to_record(item, f"{where}[{i}]", fetched_at)


def _parse(raw: bytes, where: str) -> tuple[Any, str | None]:
    try:
        return orjson.loads(raw), None
    except orjson.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"


def _jsonl(path: Path, opener: Callable) -> Iterator[SourceItem]:
    lineno = 0
    try:
        with opener(path) as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                data, err = _parse(line, f"{path.name}:{lineno}")
                yield SourceItem(f"{path.name}:{lineno}", error=err) if err else to_record(data, f"{path.name}:{lineno}")
    except (OSError, EOFError, zlib.error) as exc:
        yield SourceItem(f"{path.name}:{lineno + 1}", error=f"unreadable file: {exc} (rest of the file skipped)")


def _json_file(path: Path, opener: Callable) -> Iterator[SourceItem]:
    try:
        with opener(path) as fh:
            raw = fh.read()
    except (OSError, EOFError, zlib.error) as exc:
        yield SourceItem(path.name, error=f"unreadable file: {exc}")
        return
    data, err = _parse(raw, path.name)
    if err:
        yield SourceItem(path.name, error=err)
    else:
        yield from _from_document(data, path.name)


def _zip(path: Path) -> Iterator[SourceItem]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield SourceItem(path.name, error=f"unreadable file: not a readable zip ({exc})")
        return
    with zf:
        for info in zf.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".json"):
                continue
            where = f"{path.name}!{info.filename}"
            try:
                raw = zf.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                yield SourceItem(where, error=f"unreadable file: {exc}")
                continue
            data, err = _parse(raw, where)
            if err:
                yield SourceItem(where, error=err)
                continue
            y, m, d = info.date_time[:3]
            # The entry date is when the file was downloaded; versionHolder, when present, says the same more exactly.
            entry_date = f"{y:04d}-{m:02d}-{d:02d}" if y >= 1995 else None
            for item in _from_document(data, where):
                if item.record and not _get(data, "derivedSection", "miscInfoModule", "versionHolder") and entry_date:
                    item.fetched_at = normalize_timestamp(entry_date)
                yield item


def read_path(path: Path) -> Iterator[SourceItem]:
    """Every record (or rejection) in one file or directory; a file with none (`[]`, `{"studies": []}`, an empty
    .jsonl) is said as one, as a folder with no NCT*.json is, not passed over as an ingest of 0 records."""
    found = False
    for item in _path_items(path):
        found = True
        yield item
    if not found:
        yield SourceItem(path.name, error="no records: the file holds no studies")


def _path_items(path: Path) -> Iterator[SourceItem]:
    name = path.name.lower()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.name.upper().startswith("NCT") and p.suffix.lower() == ".json")
        if not files:
            yield SourceItem(str(path), error="no records: the folder has no NCT*.json files")
        for f in files:
            yield from _json_file(f, lambda p: open(p, "rb"))
    elif name.endswith(".zip"):
        yield from _zip(path)
    elif name.endswith((".jsonl.gz", ".ndjson.gz")):
        yield from _jsonl(path, lambda p: gzip.open(p, "rb"))
    elif name.endswith((".jsonl", ".ndjson")):
        yield from _jsonl(path, lambda p: open(p, "rb"))
    elif name.endswith(".json.gz"):
        yield from _json_file(path, lambda p: gzip.open(p, "rb"))
    elif name.endswith(".json"):
        yield from _json_file(path, lambda p: open(p, "rb"))
    else:
        yield SourceItem(path.name, error="unsupported file type: expected .jsonl, .jsonl.gz, .json, .zip or a folder")


def read_sources(paths: Iterable[str | Path]) -> Iterator[SourceItem]:
    for p in paths:
        yield from read_path(Path(p))


def check_paths(paths: list[str]) -> list[Path]:
    """All paths exist, or BadInput before anything is written."""
    if not paths:
        raise BadInput("nothing to ingest: give one or more files or folders")
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise BadInput(f"no such file or folder: {', '.join(missing)}")
    return [Path(p) for p in paths]


def _progress(items: Iterator[SourceItem], enabled: bool | None) -> Iterator[SourceItem]:
    """A tqdm bar on a terminal (stderr), nothing otherwise."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return items
    from tqdm import tqdm

    return iter(tqdm(items, unit=" rec", desc="ingest", file=sys.stderr, mininterval=0.5))


def ingest(store: Store, paths: list[str | Path], *, fetched_at: str | None = None, progress: bool | None = False,
           commit_every: int | None = None) -> IngestReport:
    """Load `paths` into `store`. One transaction unless `commit_every` is given (then a
    crash keeps the batches already committed, and loses none of the older data)."""
    checked = check_paths([str(p) for p in paths])
    now = utc_now()
    given = normalize_timestamp(fetched_at)
    if fetched_at is not None and given is None:
        raise BadInput(f"--fetched-at must be a date or ISO datetime, got {fetched_at!r}")
    if given is not None and given > now:
        # a copy dated in the future would pass for ClinicalTrials.gov's current answer until that date
        raise BadInput(f"--fetched-at {fetched_at} is in the future (it is now {now}): give the date the files "
                       "were downloaded")
    report = IngestReport([str(p) for p in checked])

    def incoming() -> Iterator[Incoming]:
        for item in _progress(read_sources(checked), progress):
            if item.error:
                report.rejected.append((item.where, item.error))
            else:
                origin = "ingest:" + item.where.split("!")[0].split(":")[0].split("[")[0]
                when = given or item.fetched_at
                # a record dated after now (a future versionHolder) is stored undated: that date says nothing
                yield Incoming(item.record, when if when is None or when <= now else None, origin)

    stream = incoming()
    if not commit_every:
        report.summary = store.put_many(stream)
        return report
    while batch := list(itertools.islice(stream, commit_every)):
        report.summary.merge(store.put_many(batch))
    return report
