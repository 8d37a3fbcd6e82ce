"""ClinicalTrials.gov API v2 client (requests).

Polite and defensive: a timeout on every call, retries with exponential backoff on
connection errors, 429 and 5xx (honouring Retry-After), a client-side rate limit (the
registry publishes no limit headers, so we keep under 50 requests a minute by default),
a descriptive User-Agent. Whatever comes back is checked before anyone sees it:
malformed or truncated JSON, a study of another trial, a page without `studies` all
raise MalformedResponse, so garbage never reaches the store.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

import orjson
import requests
import urllib3

from ..errors import BadInput, BadRequest, MalformedResponse, RegistryError, RegistryUnavailable, StudyNotFound
from ..nct import normalize_nct_id
from ..official import OfficialRecord
from .pacing import REGISTRY_RATE, RateLimiter, parse_retry_after
from .reading import MAX_ANSWER_BYTES, MIN_ATTEMPT, StillArriving, read_body
from .usable import unusable

DEFAULT_BASE_URL = "https://clinicaltrials.gov/api/v2"
USER_AGENT = "TrialLens/0.1 (checks aggregator trial pages against ClinicalTrials.gov; python-requests)"
MAX_PAGE_SIZE = 1000
_RETRY_STATUS = {429, 500, 502, 503, 504}


def _seconds(timeout: float | tuple[float, float]) -> str:
    """A timeout as people read it: the longest wait ("5", not "(3.0, 5.0)")."""
    return f"{round(max(timeout) if isinstance(timeout, tuple) else timeout, 1):g}"


@dataclass
class FetchedStudy:
    """One study as the registry returned it. `requested_id` differs from
    `record.nct_id` when the registry redirected an alias to the current id."""

    record: OfficialRecord
    requested_id: str
    fetched_at: str
    redirected: bool = False

    @property
    def alias(self) -> str | None:
        return self.requested_id if self.requested_id != self.record.nct_id else None


@dataclass
class StudyPage:
    records: list[OfficialRecord]
    next_page_token: str | None
    total_count: int | None
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (where, why) for unusable studies


def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def base_url_checked(url: str) -> str:
    """The API base URL without its trailing slash; BadInput for one that is no http(s) address
    ("garbage" was a connection error retried three times, reported as ClinicalTrials.gov down)."""
    try:   # ("http://[::1" and "http://host:port" are a ValueError, from urlsplit and .port: r39 F8)
        parts = urlsplit(url.strip())
        parts.port
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise BadInput(f"the ClinicalTrials.gov API address must be an http(s) URL such as {DEFAULT_BASE_URL}, "
                       f"got {url!r} (TRIALLENS_CTGOV_URL)")
    return url.strip().rstrip("/")


class CtgovClient:
    """`get_study(nct_id)` and paged `search(...)` / `iter_pages(...)` over API v2."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL, *, timeout: float | tuple[float, float] = (5.0, 30.0),
                 retries: int = 3, backoff: float = 1.0, max_backoff: float = 30.0, max_retry_after: float = 120.0,
                 rate_limit: int = REGISTRY_RATE, rate_period: float = 60.0, max_rate_wait: float | None = None,
                 deadline: float | None = None, max_bytes: int = MAX_ANSWER_BYTES, user_agent: str = USER_AGENT,
                 session: requests.Session | None = None, sleep: Callable[[float], None] = time.sleep):
        self.base_url = base_url_checked(base_url)
        self.timeout = timeout
        self.retries = retries
        self.backoff, self.max_backoff, self.max_retry_after = backoff, max_backoff, max_retry_after
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": user_agent, "Accept": "application/json"})
        self.session.max_redirects = 5
        self.limiter = RateLimiter(rate_limit, rate_period, sleep=sleep)
        self.max_rate_wait = max_rate_wait  # None: wait as long as the limit needs (bulk sync)
        # the most one call may take, retries and waits included: someone waiting on a lookup would rather have the
        # saved copy than 3 attempts x 30 s (None: no limit, a bulk sync is patient)
        self.deadline = deadline
        self.max_bytes = max_bytes
        self._sleep = sleep
        self.calls = 0  # HTTP requests actually sent (tests and the CLI report it)

    # transport -----------------------------------------------------------------------
    def _backoff(self, attempt: int) -> float:
        base = min(self.max_backoff, self.backoff * (2 ** attempt))
        return base * (0.5 + random.random() / 2)  # jitter so clients don't retry in step

    def _until(self) -> float | None:
        """The monotonic time by which a call must be over (None: no deadline)."""
        return None if self.deadline is None else time.monotonic() + self.deadline

    def _within(self, until: float | None) -> tuple[float | tuple[float, float], float | None] | None:
        """(timeout, rate wait) for one more attempt before `until`; None when no time is left for one."""
        if until is None:
            return self.timeout, self.max_rate_wait
        left = until - time.monotonic()
        if left < MIN_ATTEMPT:
            return None
        timeout = tuple(min(t, left) for t in self.timeout) if isinstance(self.timeout, tuple) else min(self.timeout, left)
        return timeout, left if self.max_rate_wait is None else min(self.max_rate_wait, left)

    def _request(self, path: str, params: dict[str, Any] | None = None, until: float | None = None) -> requests.Response:
        """GET with rate limit, timeout and retries, all over by `until` when one is given. Returns a 2xx/4xx
        response; raises RegistryUnavailable when every attempt failed."""
        url = f"{self.base_url}/{path.lstrip('/')}"
        last = "no attempt made"
        tried = 0
        for attempt in range(self.retries + 1):
            budget = self._within(until)
            if budget is None:
                raise _gave_up(self.deadline, tried, last, url)
            timeout, rate_wait = budget
            self.limiter.acquire(rate_wait)
            self.calls += 1
            tried += 1
            wait = None
            try:
                resp = self.session.get(url, params=params, timeout=timeout, stream=True)
                read_body(resp, until, timeout, self.max_bytes)
            except StillArriving:
                raise _gave_up(self.deadline, tried, "its answer was still arriving", url) from None
            except (requests.Timeout, urllib3.exceptions.ReadTimeoutError):
                last = f"no answer within {_seconds(timeout)} s"
            except requests.TooManyRedirects:
                raise MalformedResponse(f"{url}: too many redirects") from None
            except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
                last = f"cannot connect: {type(exc).__name__}"
            else:
                if resp.status_code not in _RETRY_STATUS:
                    return resp
                last = f"HTTP {resp.status_code}"
                wait = parse_retry_after(resp.headers.get("Retry-After"))
                if wait is not None and wait > self.max_retry_after:
                    raise RegistryUnavailable(
                        f"ClinicalTrials.gov asks us to wait {wait:.0f} s ({last}); not waiting that long",
                        reason=f"asked us to wait {wait:.0f} s ({last})") from None
            if attempt == self.retries:
                break
            pause = wait if wait is not None else self._backoff(attempt)
            if until is not None and time.monotonic() + pause + MIN_ATTEMPT > until:
                raise _gave_up(self.deadline, tried, last, url)
            self._sleep(pause)
        reason = f"was unavailable after {_attempts(tried)} ({last})"
        raise RegistryUnavailable(f"ClinicalTrials.gov {reason}: {url}", reason=reason)

    def _json(self, resp: requests.Response) -> Any:
        """The answer's JSON, parsed as the store will write it (orjson, as ingest reads files): the json module let
        in a lone surrogate ("\\ud800"), which the store cannot encode, so the answer passed every check and then
        raised TypeError on saving it: a 500 on every route for that trial and a sync stuck on that page (review r58
        F2). JSON is UTF-8 (RFC 8259); a byte-order mark is allowed."""
        try:
            return orjson.loads(resp.content.removeprefix(b"\xef\xbb\xbf"))
        except (ValueError, requests.RequestException) as exc:   # (orjson.JSONDecodeError is a ValueError)
            raise MalformedResponse(f"{resp.url}: not valid JSON ({type(exc).__name__}: {str(exc)[:80]})") from None

    def _get_json(self, path: str, params: dict[str, Any] | None = None) -> tuple[requests.Response, Any]:
        """A 200 JSON answer; a malformed body is retried like a 5xx (it is usually a cut
        connection), then raised as MalformedResponse."""
        until = self._until()
        for attempt in range(self.retries + 1):
            resp = self._request(path, params, until)
            if resp.status_code != 200:
                return resp, None
            try:
                return resp, self._json(resp)
            except MalformedResponse:
                pause = self._backoff(attempt)
                if attempt == self.retries or (until is not None and time.monotonic() + pause + MIN_ATTEMPT > until):
                    raise
                self._sleep(pause)
        raise AssertionError("unreachable")

    # API -----------------------------------------------------------------------------
    def get_study(self, nct_id: str, *, fields: list[str] | None = None) -> FetchedStudy:
        """GET /studies/{nctId}. 404 -> StudyNotFound; an alias redirect is followed and
        reported in FetchedStudy.alias."""
        nct = normalize_nct_id(nct_id)
        params = {"format": "json"}
        if fields:
            params["fields"] = "|".join(fields)
        resp, data = self._get_json(f"studies/{nct}", params)
        if resp.status_code == 404 and _no_such_study(resp, nct):
            raise StudyNotFound(f"ClinicalTrials.gov has no study {nct}")
        if resp.status_code == 404:
            raise _not_the_api(resp, self.base_url)
        if resp.status_code != 200:
            raise RegistryError(f"ClinicalTrials.gov answered HTTP {resp.status_code} for {nct}: {resp.text[:200]}")
        record = _study(data, f"study {nct}")
        # another trial's record, even after a redirect: the API redirects only an id the study lists in its
        # nctIdAliases (ctg-oas-v2.0.5, fetchStudy); trusting any redirect stored an alias that pointed a recruiting
        # trial at a completed one for good (review r58 F1)
        if record.nct_id != nct and nct not in record.aliases:
            moved = " (after a redirect, but that study does not list it as an alias)" if resp.history else ""
            raise MalformedResponse(f"asked ClinicalTrials.gov for {nct}, got {record.nct_id}{moved}")
        return FetchedStudy(record, nct, _utc_now(), redirected=bool(resp.history))

    def get_studies(self, nct_ids: list[str]) -> list[OfficialRecord]:
        """Many studies in one request: GET /studies?filter.ids=… (ids and their aliases). A study
        ClinicalTrials.gov does not know is simply absent from the answer (at most 1,000 ids)."""
        return self.get_studies_page(nct_ids).records

    def get_studies_page(self, nct_ids: list[str]) -> StudyPage:
        """get_studies' whole answer: with its next-page token and rejected studies, so a caller can tell a
        complete answer (an id absent from it is one ClinicalTrials.gov has no study for, by id or alias: the API's
        filter.ids searches NCTId and NCTIdAlias) from one that may have left studies out."""
        ids = list(dict.fromkeys(normalize_nct_id(n) for n in nct_ids))
        if not ids:
            return StudyPage([], None, 0)
        if len(ids) > MAX_PAGE_SIZE:
            raise BadInput(f"at most {MAX_PAGE_SIZE} ids per request, got {len(ids)}")
        return self.search(page_size=len(ids), extra={"filter.ids": ",".join(ids)})

    def search(self, *, query: dict[str, str] | None = None, filter_advanced: str | None = None,
               fields: list[str] | None = None, page_size: int = MAX_PAGE_SIZE, page_token: str | None = None,
               count_total: bool = False, extra: dict[str, str] | None = None) -> StudyPage:
        """One page of GET /studies. `query` keys are query.* names without the prefix
        ("term", "cond", "intr", ...)."""
        params: dict[str, Any] = {"format": "json", "pageSize": max(1, min(page_size, MAX_PAGE_SIZE))}
        for key, value in (query or {}).items():
            params[key if key.startswith("query.") else f"query.{key}"] = value
        if filter_advanced:
            params["filter.advanced"] = filter_advanced
        if fields:
            params["fields"] = "|".join(fields)
        if page_token:
            params["pageToken"] = page_token
        if count_total:
            params["countTotal"] = "true"
        params.update(extra or {})
        resp, data = self._get_json("studies", params)
        if resp.status_code == 400:
            raise BadRequest(f"ClinicalTrials.gov rejected the search: {resp.text[:200]}")
        if resp.status_code == 404:   # the API always has a /studies: this is not the API
            raise _not_the_api(resp, self.base_url)
        if resp.status_code != 200:
            raise RegistryError(f"ClinicalTrials.gov answered HTTP {resp.status_code} for a search: {resp.text[:200]}")
        if not isinstance(data, dict) or not isinstance(data.get("studies"), list):
            raise MalformedResponse(f"{resp.url}: a search answer without a `studies` list")
        records, rejected = [], []
        for i, item in enumerate(data["studies"]):
            try:
                records.append(_study(item, f"studies[{i}]"))
            except MalformedResponse as exc:
                rejected.append((f"studies[{i}]", str(exc)))
        token = data.get("nextPageToken")
        if token is not None and not isinstance(token, str):   # (read as "no more pages", a sync said it was complete)
            raise MalformedResponse(f"{resp.url}: a search answer whose nextPageToken is not text "
                                    f"({type(token).__name__})")
        total = data.get("totalCount")
        return StudyPage(records, token if isinstance(token, str) and token else None,
                         total if isinstance(total, int) else None, rejected)

    def iter_pages(self, *, page_token: str | None = None, **search_args) -> Iterator[tuple[StudyPage, str | None]]:
        """Pages in order, each with the token that fetched it (store it to resume)."""
        token = page_token
        first = True
        while True:
            page = self.search(page_token=token, count_total=first and token is None, **search_args)
            yield page, token
            if not page.next_page_token:
                return
            token, first = page.next_page_token, False


_NOT_FOUND_WORDS = re.compile(r"\bstud(?:y|ies)\b.{0,40}\bnot found\b|\bnot found\b.{0,40}\bstudy\b", re.I)


def _no_such_study(resp: requests.Response, nct: str) -> bool:
    """Whether a 404 is the API's own answer that it has no such study: a short plain-text message (the API's
    OpenAPI spec: text/plain errorMessage) naming the id or saying the study was not found. An HTML 404 page, or a
    bare "Not Found" (a mistyped TRIALLENS_CTGOV_URL, a proxy) says nothing about the trial."""
    if "html" in resp.headers.get("Content-Type", "").lower():
        return False
    text = resp.text[:2000]
    if text.lstrip().startswith("<"):
        return False
    asked = {nct, urlsplit(resp.url or "").path.rstrip("/").rsplit("/", 1)[-1].upper()}   # (after an alias redirect)
    return any(i and i in text.upper() for i in asked) or bool(_NOT_FOUND_WORDS.search(text))


def _attempts(n: int) -> str:
    return f"{n} attempt" if n == 1 else f"{n} attempts"


def _gave_up(deadline: float, tried: int, last: str, url: str) -> RegistryUnavailable:
    """"ClinicalTrials.gov did not answer within 2 s (1 attempt): <url>", the time said once (it read "… within 2 s
    (1 attempt(s), no answer within 2 s)"); the last failure is named when it was not that no answer came."""
    said = _attempts(tried) if last.startswith("no answer within") else f"{_attempts(tried)}, the last: {last}"
    reason = f"did not answer within {deadline:g} s ({said})"
    return RegistryUnavailable(f"ClinicalTrials.gov {reason}: {url}", reason=reason)


def _not_the_api(resp: requests.Response, base_url: str) -> RegistryUnavailable:
    """A 404 that is not the API's own answer: the registry is unavailable, not the trial gone. Its reason, as every
    RegistryUnavailable's, is said of ClinicalTrials.gov after "a moment ago it" (freshness.Registry.lookup): it read
    "a moment ago it an address under … answered HTTP 404 …" (review r56 F9); and neither ends in a question, which
    read "…(TRIALLENS_CTGOV_URL)?; showing the saved copy"."""
    hint = f"{base_url} may not be the API v2 address: see TRIALLENS_CTGOV_URL"
    return RegistryUnavailable(
        f"{resp.url} answered HTTP 404 without saying that ClinicalTrials.gov has no such study ({hint})",
        reason=f"was not found at {base_url}, which answered HTTP 404 without saying that it has no such study ({hint})")


def down_reason(exc: RegistryUnavailable) -> str:
    """What went wrong, said of ClinicalTrials.gov, to follow "a moment ago it" ("did not answer within 2 s (1
    attempt)"): every RegistryUnavailable raised here gives such a reason; one raised with none (its message, a whole
    clause, stands in for it) is said as "could not be used (…)", never "a moment ago it ClinicalTrials.gov …"."""
    return exc.reason if exc.reason != str(exc) else f"could not be used ({exc})"


def _study(data: Any, where: str) -> OfficialRecord:
    """An OfficialRecord from JSON the registry sent, or MalformedResponse."""
    why = unusable(data)
    if why:   # (a bare nctId, or a null status, replaced the good stored copy: audit r39 F1)
        raise MalformedResponse(f"{where}: not a usable API v2 study ({why})")
    return OfficialRecord(data)


def last_update_filter(since: str, until: str | None = None) -> str:
    """filter.advanced expression for records whose last update was posted in [since, until]."""
    return f"AREA[LastUpdatePostDate]RANGE[{since},{until or 'MAX'}]"


__all__ = ["CtgovClient", "FetchedStudy", "StudyPage", "last_update_filter", "down_reason", "DEFAULT_BASE_URL"]
