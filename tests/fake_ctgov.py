"""A fake ClinicalTrials.gov API v2 server for tests: real HTTP on 127.0.0.1, real records.

It serves GET /api/v2/studies/{nctId} and paged GET /api/v2/studies (pageToken, pageSize,
countTotal, query.term, filter.ids, filter.advanced with AREA[LastUpdatePostDate]RANGE[a,b]) the way
the registry does, and misbehaves on request: push fault names onto `faults` and the next
requests get them, in order:

  "404"            Not Found
  "429:N"          Too Many Requests with Retry-After: N
  "500", "503"     server errors
  "slow:S"         answer after S seconds (beyond the client's timeout)
  "truncated"      the JSON cut in half (a consistent Content-Length)
  "garbage"        an HTML error page with status 200
  "deep"           valid JSON nested far past Python's recursion limit
  "wrong_study"    a different trial than asked for
  "bare"           only the asked id: {"protocolSection": {"identificationModule": {"nctId": ID}}}
  "nullstatus"     the study with overallStatus null
  "oddfields"      the study with fields of the wrong types (overallStatus 42, minimumAge 18, conditions "Stroke")
  "older"          the study as WITHDRAWN, last update posted 2001-01-01 (a lagging mirror)
  "drip:S:N"       the study's JSON in N pieces, S seconds apart (each read is quick, the whole answer slow)
  "huge:MB"        the study padded with MB megabytes of junk, streamed
  "batchjunk"      a search answer of bare records, one per id in filter.ids
  "batchextra"     a search answer with one more study than asked for (a newer WITHDRAWN copy of EXTRA_ID)
  "redirect_to:NCT…" a 301 for the asked id to that other study, which does not list it (review r58 F1)
  "surrogate"      the study with a lone surrogate escape ("\\ud800") in its title: valid to Python's json module,
                   not to the store's encoder (review r58 F2)
  "nolup"          the study as WITHDRAWN with no last update posted date (review r58 F7)
  "sametoken"      a search answer whose nextPageToken is the token asked with (review r58 F8)
Retired ids in `aliases` answer 301 to the current study, which lists them in its nctIdAliases, as CT.gov does.
"""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import base64
import copy
import json
import re
import threading
import time
from collections import deque

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

_RANGE = re.compile(r"AREA\[LastUpdatePostDate\]RANGE\[([^,\]]*),([^\]]*)\]")


def _aliases(study: dict) -> list[str]:
    return study.get("protocolSection", {}).get("identificationModule", {}).get("nctIdAliases", []) or []


def _lup(study: dict) -> str:
    return (study.get("protocolSection", {}).get("statusModule", {}).get("lastUpdatePostDateStruct", {}) or {}).get("date", "")


class FakeCtgov:
    def __init__(self, studies: list[dict]):
        self.studies: dict[str, dict] = {s["protocolSection"]["identificationModule"]["nctId"]: s for s in studies}
        self.aliases: dict[str, str] = {}
        self.faults: deque[str] = deque()
        self.requests: list[Request] = []
        self.user_agents: list[str] = []
        self._lock = threading.Lock()
        self._server = None
        self.base_url = ""
        self.extra: dict | None = None   # the unasked study a "batchextra" answer adds

    # control -------------------------------------------------------------------------
    def set_study(self, study: dict) -> None:
        with self._lock:
            self.studies[study["protocolSection"]["identificationModule"]["nctId"]] = copy.deepcopy(study)

    def start(self) -> "FakeCtgov":
        self._server = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self._server.server_port}/api/v2"
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def calls(self) -> int:
        return len(self.requests)

    # serving -------------------------------------------------------------------------
    def wsgi(self, environ, start_response):
        request = Request(environ)
        with self._lock:
            self.requests.append(request)
            self.user_agents.append(request.headers.get("User-Agent", ""))
            fault = self.faults.popleft() if self.faults else None
        return self.respond(request, fault)(environ, start_response)

    def respond(self, request: Request, fault: str | None) -> Response:
        if fault == "404":
            return Response("Not Found", 404, content_type="text/plain")
        if fault and fault.startswith("429"):
            return Response("Too Many Requests", 429, headers={"Retry-After": fault.partition(":")[2] or "1"})
        if fault in ("500", "502", "503"):
            return Response("upstream error", int(fault), content_type="text/plain")
        if fault == "garbage":
            return Response("<html><body>Service temporarily unavailable</body></html>", 200,
                            content_type="application/json")
        if fault == "deep":
            return Response("[" * 100_000 + "]" * 100_000, 200, content_type="application/json")
        if fault and fault.startswith("slow:"):
            time.sleep(float(fault.split(":")[1]))
        path = request.path
        if path.startswith("/api/v2/studies/"):
            resp = self.study(path.rsplit("/", 1)[1], fault)
        elif path == "/api/v2/studies":
            resp = self.search(request, fault)
        else:
            resp = Response("Not Found", 404, content_type="text/plain")
        if fault == "truncated" and resp.status_code == 200:
            body = resp.get_data()
            resp = Response(body[: len(body) // 2], 200, content_type="application/json")
        return resp

    def listing_aliases(self, study: dict) -> dict:
        """`study` with the retired ids `aliases` redirects to it in its nctIdAliases, as the real API lists every id
        it redirects (ctg-oas-v2.0.5: fetchStudy answers 301 only for an NCTIdAlias)."""
        nct = study["protocolSection"]["identificationModule"]["nctId"]
        retired = [a for a, current in self.aliases.items() if current == nct and a not in _aliases(study)]
        if not retired:
            return study
        study = copy.deepcopy(study)
        ident = study["protocolSection"]["identificationModule"]
        ident["nctIdAliases"] = _aliases(study) + retired
        return study

    def study(self, nct: str, fault: str | None) -> Response:
        nct = nct.upper()
        if nct in self.aliases:
            return Response("", 301, headers={"Location": f"/api/v2/studies/{self.aliases[nct]}"})
        if fault and fault.startswith("redirect_to:"):   # a redirect to a study that does not list the id asked
            return Response("", 301, headers={"Location": f"/api/v2/studies/{fault.split(':')[1]}"})
        study = self.studies.get(nct)
        if study is None:
            return Response(f"Study not found: {nct}", 404, content_type="text/plain")
        if fault == "wrong_study":
            study = next(s for k, s in self.studies.items() if k != nct)
        study = _spoiled(self.listing_aliases(study), nct, fault)
        if fault and fault.startswith("drip:"):
            return _streamed(_dripping(json.dumps(study).encode(), *fault.split(":")[1:]))
        if fault and fault.startswith("huge:"):
            return _streamed(_padded(study, int(fault.split(":")[1])))
        return Response(json.dumps(study), 200, content_type="application/json")

    def search(self, request: Request, fault: str | None = None) -> Response:
        args = request.args
        try:
            size = int(args.get("pageSize", "10"))
            offset = int(base64.urlsafe_b64decode(args["pageToken"]).decode()) if args.get("pageToken") else 0
        except (ValueError, UnicodeDecodeError):
            return Response("invalid pageToken or pageSize", 400, content_type="text/plain")
        if not 1 <= size <= 1000:
            return Response("pageSize must be 1..1000", 400, content_type="text/plain")
        rows = sorted(self.studies.items())
        m = _RANGE.search(args.get("filter.advanced", ""))
        if m:
            lo, hi = m.group(1), m.group(2)
            rows = [(k, s) for k, s in rows if (lo in ("", "MIN") or _lup(s) >= lo) and (hi in ("", "MAX") or _lup(s) <= hi)]
        ids = {i.strip().upper() for i in re.split(r"[,|]", args.get("filter.ids", "")) if i.strip()}
        if ids:   # by NCTId or NCTIdAlias, as the real API
            current = {self.aliases[i] for i in ids if i in self.aliases}
            rows = [(k, s) for k, s in rows if k in ids or k in current or ids & set(_aliases(s))]
        term = args.get("query.term", "").lower()
        if term:
            rows = [(k, s) for k, s in rows if term in json.dumps(s).lower()]
        page = rows[offset:offset + size]
        body: dict = {"studies": [self.listing_aliases(s) for _, s in page]}
        if fault == "batchjunk":
            body["studies"] = [{"protocolSection": {"identificationModule": {"nctId": k}}} for k, _ in page]
        elif fault == "batchextra" and self.extra is not None:
            body["studies"].append(self.extra)
        if offset + size < len(rows):
            body["nextPageToken"] = base64.urlsafe_b64encode(str(offset + size).encode()).decode()
        if fault == "sametoken" and args.get("pageToken"):
            body["nextPageToken"] = args["pageToken"]
        if args.get("countTotal") == "true":
            body["totalCount"] = len(rows)
        return Response(json.dumps(body), 200, content_type="application/json")


def _spoiled(study: dict, nct: str, fault: str | None) -> dict:
    """The study as a faulty registry would send it (the faults that change its content)."""
    if fault == "bare":
        return {"protocolSection": {"identificationModule": {"nctId": nct}}}
    if fault not in ("nullstatus", "oddfields", "older", "surrogate", "nolup"):
        return study
    s = copy.deepcopy(study)
    ps = s["protocolSection"]
    sm = ps.setdefault("statusModule", {})
    if fault == "nullstatus":
        sm["overallStatus"] = None
    elif fault == "surrogate":
        ps["identificationModule"]["briefTitle"] = "A trial \ud800"
    elif fault == "nolup":
        sm["overallStatus"] = "WITHDRAWN"
        sm.pop("lastUpdatePostDateStruct", None)
    elif fault == "oddfields":
        sm["overallStatus"] = 42
        ps["eligibilityModule"] = {**ps.get("eligibilityModule", {}), "minimumAge": 18}
        ps["conditionsModule"] = {"conditions": "Stroke"}
    else:
        sm["overallStatus"] = "WITHDRAWN"
        sm["lastUpdatePostDateStruct"] = {"date": "2001-01-01", "type": "ACTUAL"}
    return s


def _streamed(body) -> Response:
    return Response(body, 200, content_type="application/json", direct_passthrough=True)


def _dripping(data: bytes, seconds: str, pieces: str):
    step = max(1, -(-len(data) // int(pieces)))
    for i in range(0, len(data), step):
        if i:
            time.sleep(float(seconds))
        yield data[i:i + step]


def _padded(study: dict, megabytes: int):
    pad = b'"' + b"x" * ((1 << 20) - 4) + b'",'
    yield b'{"pad": ['
    for _ in range(megabytes):
        yield pad
    yield b'"x"], ' + json.dumps(study).encode()[1:]


# helpers for tests ---------------------------------------------------------------------

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED_V2 = ROOT.parent / "shared" / "data" / "ctgov" / "studies_v2.jsonl"


def sample_studies(n: int = 30) -> list[dict]:
    """`n` real API v2 records: the first of ../shared's studies_v2.jsonl when it is
    there, else copies of the bundled fixture under other NCT ids (so tests still run)."""
    if SHARED_V2.exists():
        out = []
        with SHARED_V2.open(encoding="utf-8") as fh:
            for line in fh:
                out.append(json.loads(line))
                if len(out) == n:
                    return out
    base = json.loads((SAVED_COPIES / "NCT07232563.json").read_text(encoding="utf-8"))
    return [variant(base, nct_id=f"NCT0{9000000 + i:07d}", last_update=f"2024-{1 + i % 12:02d}-15") for i in range(n)]


def variant(study: dict, *, nct_id: str | None = None, status: str | None = None, last_update: str | None = None,
            aliases: list[str] | None = None) -> dict:
    """A changed copy of a study (as the registry would publish after an update)."""
    s = copy.deepcopy(study)
    ps = s["protocolSection"]
    if nct_id:
        ps["identificationModule"]["nctId"] = nct_id
    if aliases is not None:
        ps["identificationModule"]["nctIdAliases"] = aliases
    sm = ps.setdefault("statusModule", {})
    if status:
        sm["overallStatus"] = status
    if last_update:
        sm["lastUpdatePostDateStruct"] = {"date": last_update, "type": "ACTUAL"}
    return s


def nct_of(study: dict) -> str:
    return study["protocolSection"]["identificationModule"]["nctId"]


@pytest.fixture
def studies() -> list[dict]:
    return sample_studies(30)


@pytest.fixture
def fake_ctgov(studies):
    server = FakeCtgov(studies).start()
    yield server
    server.stop()


def fast_client(base_url: str, **kw):
    """A client with test-sized timeouts and backoff (real HTTP; only the waits are short)."""
    from scrapers.registry.client import CtgovClient

    opts = dict(timeout=(1.0, 0.3), retries=2, backoff=0.01, max_backoff=0.05, rate_limit=10_000)
    opts.update(kw)
    return CtgovClient(base_url, **opts)
