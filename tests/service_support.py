"""Shared pieces for the service tests: official records derived from the bundled one, a
registry fake that counts calls and can be "down", and simple trial pages."""

from __future__ import annotations

import copy
import html
import json
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from scrapers.errors import RegistryError, StudyNotFound
from scrapers.model import OfficialRecord
from scrapers.nct import normalize_nct_id
from conftest import SAVED_COPIES
from scrapers.registry import Lookup, Registry
from server import create_app
from server.providers import Providers

ROOT = Path(__file__).resolve().parents[1]
# (as a saved copy of a real record: without the demo record's "rebuilt" note, conftest.saved_copies_of_the_demo_records)
BUNDLED = json.loads((SAVED_COPIES / "NCT07232563.json").read_text(encoding="utf-8"))
MEDDATAX_HTML = (ROOT / "fixtures" / "html" / "meddatax.com" / "nct07232563_bare_values.html").read_text(encoding="utf-8")
MEDDATAX_URL = "https://meddatax.com/clinical-trials/NCT07232563"
TODAY = date(2026, 1, 10)


def registry_service(store, client, **settings: str):
    """The service over a real Registry (`client` None: offline) with a day's freshness and the request rate limit
    off, so a test sees only the lookup limits its `settings` set."""
    registry = Registry(store, client, ttl=timedelta(hours=24))
    return create_app({"TRIALLENS_RATE_LIMIT": "off", **settings}, providers=Providers(registry=registry))


def record(nct_id: str, status: str = "RECRUITING", last_update: str = "2025-11-18", verified: str = "2025-11",
           start: str = "2025-12-01", completion: str = "2027-11-07") -> OfficialRecord:
    """The bundled record's content under another id and status (real shape, chosen facts)."""
    data = copy.deepcopy(BUNDLED)
    ps = data["protocolSection"]
    ps["identificationModule"]["nctId"] = nct_id
    sm = ps["statusModule"]
    sm["overallStatus"] = status
    sm["statusVerifiedDate"] = verified
    sm["lastUpdatePostDateStruct"] = {"date": last_update, "type": "ACTUAL"}
    sm["startDateStruct"] = {"date": start, "type": "ACTUAL"}
    sm["completionDateStruct"] = {"date": completion, "type": "ESTIMATED"}
    return OfficialRecord(data)


@dataclass
class FakeRegistry:
    """Registry.lookup over a dict; ids in `down` behave as "unreachable, nothing stored"."""

    records: dict[str, OfficialRecord] = field(default_factory=dict)
    down: set[str] = field(default_factory=set)
    delay: float = 0.0
    stale: bool = False
    calls: list[str] = field(default_factory=list)
    history: dict[str, list[dict]] = field(default_factory=dict)
    max_in_flight: int = 0   # most lookups running at the same moment
    store = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._in_flight = 0

    def lookup(self, nct_id: str) -> Lookup:
        nct = normalize_nct_id(nct_id)
        with self._lock:
            self.calls.append(nct)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            return self._answer(nct)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _answer(self, nct: str) -> Lookup:
        if self.delay:
            time.sleep(self.delay)
        if nct in self.down:
            raise RegistryError(f"ClinicalTrials.gov could not be reached for {nct} and no copy is stored")
        if nct not in self.records:
            raise StudyNotFound(f"ClinicalTrials.gov has no study {nct}")
        return Lookup(self.records[nct], fetched_at="2026-01-10T08:00:00Z", stale=self.stale,
                      source="store", history=self.history.get(nct, []))


def standard_registry() -> FakeRegistry:
    return FakeRegistry(records={
        "NCT07232563": OfficialRecord(copy.deepcopy(BUNDLED)),            # NOT_YET_RECRUITING
        "NCT00000001": record("NCT00000001", "RECRUITING"),
        "NCT00000002": record("NCT00000002", "COMPLETED", last_update="2025-06-01"),
        "NCT00000003": record("NCT00000003", "RECRUITING", last_update="2025-09-30"),
    }, down={"NCT09999999"})


def providers(registry: FakeRegistry | None = None, **kw) -> Providers:
    return Providers(registry=registry or standard_registry(), today=lambda: TODAY, **kw)


def trial_page(nct_id: str, status: str | None = "Recruiting", as_of: str | None = None, extra: str = "") -> str:
    """A page on a host without a site scraper (the generic reader), with labelled facts."""
    parts = [f"<html><head><title>{nct_id} study</title></head><body><h1>A study ({nct_id})</h1><dl>"]
    if status:
        parts.append(f"<dt>Status</dt><dd>{status}</dd>")
    if as_of:
        parts.append(f"<dt>Last updated</dt><dd>{as_of}</dd>")
    parts.append(f"</dl>{extra}</body></html>")
    return "".join(parts)


def page_url(nct_id: str) -> str:
    return f"https://trials.example.org/study/{nct_id}"


def shipped_offline_app(folder: Path):
    """The app as shipped, offline, with its store in `folder`: seeded from the bundled records on first start, so
    every record is a saved copy (stale), some dated and one (NCT06495437) not."""
    return create_app({"TRIALLENS_DB": str(folder / "store.sqlite3"), "TRIALLENS_OFFLINE": "1",
                       "TRIALLENS_RATE_LIMIT": "off"})


def shipped_offline_client(folder: Path):
    """shipped_offline_app's test client."""
    return shipped_offline_app(folder).test_client()


def section_text(resp, section_id: str) -> str:
    """The words of an HTML page's <section id=...> as a reader sees them (tags dropped, spaces run together); empty
    when the page has no such section."""
    m = re.search(rf'(?s)<section id="{section_id}".*?</section>', resp.get_data(as_text=True))
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", m.group(0)))).strip() if m else ""


@contextmanager
def served(app):
    """`app` served over real HTTP on 127.0.0.1 (a free port) in a thread, for browsers and raw HTTP clients; yields
    its base URL ("http://127.0.0.1:PORT") and stops the server after."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
