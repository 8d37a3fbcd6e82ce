"""Errors as application/problem+json (RFC 9457): every error the service returns, on
every path, has a type, a short title, the HTTP status and a detail a caller can act on.

Typed TrialLens errors map to statuses here, in one table; anything else that escapes a
view is a bug, answered with a generic 500 (the traceback goes to the log, never to the
caller, and never with the page's content).
"""

from __future__ import annotations

import json
import logging
import math

from flask import Flask, Response, current_app, g, has_request_context, request
from werkzeug.exceptions import HTTPException

from scrapers.errors import (BadInput, InvalidNctId, NoTrialFound, NotAskedOffline, RateLimited, RecordNotFound,
                             RegistryError, StoreError)

from .annotate import UnreadablePage
from .clients import LookupBudgetUsed
from .unasked import unreadable_copy

log = logging.getLogger("triallens.service")

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:triallens:problem:"

# error class -> (status, slug, title); the first matching class wins.
TYPED: list[tuple[type, int, str, str]] = [
    (InvalidNctId, 400, "invalid-nct-id", "Invalid NCT id"),
    (NoTrialFound, 422, "no-trial", "No trial number found on this page"),
    (UnreadablePage, 422, "unreadable-page", "Not a readable trial page"),
    (BadInput, 400, "bad-input", "Bad input"),
    (RecordNotFound, 404, "unknown-trial", "Unknown trial"),
    # offline and not stored: ClinicalTrials.gov was not asked, so TrialLens cannot know whether the trial exists: a
    # 503 like "unreachable with nothing stored", never a 404 a caller reads as "no such trial" (annotate and listing
    # badges say "could not check"; review r15, item 8). No Retry-After: asking again will not help while offline.
    (NotAskedOffline, 503, "not-in-local-store", "No usable stored copy, and ClinicalTrials.gov not asked (offline)"),
    # this client's own budget of lookups of trials TrialLens holds no copy of (clients.charge_lookups; r39 F3): the
    # client is refused, not the service; Retry-After: when the budget has room again. (Not "… of trials TrialLens
    # holds no copy of": a stale or unusable copy's refresh is charged too, svc11, svc13)
    (LookupBudgetUsed, 429, "lookup-budget-used", "Too many lookups that ask ClinicalTrials.gov"),
    # TrialLens's own limit of requests to ClinicalTrials.gov, not ClinicalTrials.gov failing (review r19 #2: it was
    # titled "ClinicalTrials.gov unavailable"); Retry-After: the limit's next slot
    (RateLimited, 503, "registry-busy", "TrialLens is asking ClinicalTrials.gov too often just now"),
    (RegistryError, 503, "registry-unavailable", "ClinicalTrials.gov unavailable"),
    # the store itself failing (its file, or a damaged entry the database cannot read): the operator's to mend. Not a
    # saved copy that is no usable study (one an older TrialLens let in), which is answered as with none stored, by why
    # ClinicalTrials.gov was not asked, with saved_copy "unusable" (typed_problem; svc13)
    (StoreError, 503, "store-unavailable", "Local store failed"),
]


class Problem(Exception):
    """Raise from a view to answer with a problem document."""

    def __init__(self, status: int, slug: str, title: str, detail: str, **extra) -> None:
        super().__init__(detail)
        self.status, self.slug, self.title, self.detail, self.extra = status, slug, title, detail, extra

    def body(self) -> dict:
        return problem_body(self.status, self.slug, self.title, self.detail, **self.extra)


def bad_request(detail: str, **extra) -> Problem:
    return Problem(400, "bad-request", "Bad request", detail, **extra)





def problem_body(status: int, slug: str, title: str, detail: str, **extra) -> dict:
    return {"type": TYPE_PREFIX + slug, "title": title, "status": status, "detail": detail, **extra}


def problem_response(status: int, slug: str, title: str, detail: str, headers=None, **extra) -> Response:
    return respond_with(problem_body(status, slug, title, detail, **extra), headers)


def respond_with(body: dict, headers=None) -> Response:
    """A problem document (problem_body's) as the application/problem+json response."""
    resp = Response(json.dumps(body, ensure_ascii=False), status=body["status"], mimetype=PROBLEM_JSON)
    for key, value in (headers or {}).items():
        resp.headers[key] = value
    return resp


# a store that cannot be read, as a caller is told it: its own message names the store's path and can quote a damaged
# row's bytes, which are the operator's to read in the log, not any API client's (audit r39 F9)
STORE_UNREADABLE = ("TrialLens's local store of ClinicalTrials.gov records failed when read just now (a fault in the "
                    "store itself, for the service's operator to look at)")


def typed_problem(exc: Exception) -> dict | None:
    """The problem document for a typed TrialLens error, None for anything else."""
    for cls, status, slug, title in TYPED:
        if isinstance(exc, cls):
            nct_id = getattr(exc, "nct_id", None)  # which trial, when the error is about one
            detail = str(exc) or title
            if isinstance(exc, StoreError):
                where = f"{request.method} {request.path}" if has_request_context() else "-"
                log.warning("store unavailable on %s: %s", where, detail)
                detail = STORE_UNREADABLE
            extra = {"nct_id": nct_id} if nct_id else {}
            if unreadable_copy(exc):   # (which fault it is: this trial's saved copy, not the store; svc13)
                extra["saved_copy"] = "unusable"
            return problem_body(status, slug, title, detail, **extra)
    return None


def retry_after(exc: Exception) -> str | None:
    """Retry-After (whole seconds) for a 503 when the service knows the wait: its own limit's next slot to
    ClinicalTrials.gov, or what is left of the pause after it failed (`retry_after` on the registry's error), and for
    a 429 of the client's lookup budget: when it has room again. None otherwise: offline (not-in-local-store), asking
    again will not help (review r19 #5)."""
    seconds = getattr(exc, "retry_after", None)
    if not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
        return None
    return str(max(1, math.ceil(seconds)))


def typed_headers(exc: Exception, typed: dict | None) -> dict:
    """The headers of a typed error's answer (API or HTML page): Retry-After for a 503 or 429 whose wait is known, also
    noted for app.py's after-request, which keeps it over the rate limiter's own (about its request window)."""
    wait = retry_after(exc) if typed and typed["status"] in (429, 503) else None
    if not wait:
        return {}
    g.triallens_retry_after = wait
    return {"Retry-After": wait}


def http_problem(exc: HTTPException) -> tuple[dict, dict]:
    """(problem document, headers) for a werkzeug HTTP error: its status, a detail a person can act on,
    and the headers it needs (Retry-After, Allow). Shared by the JSON API and the HTML pages."""
    status = exc.code or 500
    slug = (exc.name or "error").lower().replace(" ", "-").replace("'", "")
    detail = exc.description or exc.name
    headers = {}
    if status == 413:
        detail = f"the request body is larger than the limit of {current_app.config['MAX_CONTENT_LENGTH']:,} bytes"
    elif status == 429:
        detail = f"too many requests from this client ({exc.description}); slow down and retry later"
        retry = getattr(exc, "retry_after", None)
        headers = {k: v for k, v in (exc.get_headers() or []) if k.lower() == "retry-after"}
        if retry and "Retry-After" not in headers:
            headers["Retry-After"] = str(retry)
    elif status == 405:
        headers = {k: v for k, v in (exc.get_headers() or []) if k.lower() == "allow"}
    return problem_body(status, slug, exc.name or "Error", detail), headers


def register(app: Flask) -> None:
    @app.errorhandler(Problem)
    def _problem(exc: Problem):
        return problem_response(exc.status, exc.slug, exc.title, exc.detail, **exc.extra)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        return respond_with(*http_problem(exc))

    @app.errorhandler(Exception)
    def _any(exc: Exception):
        typed = typed_problem(exc)
        if typed is not None:
            return respond_with(typed, typed_headers(exc, typed))
        log.error("unhandled error on %s %s", request.method, request.path, exc_info=exc)
        return problem_response(500, "internal-error", "Internal error",
                                "the service hit an unexpected error; it has been logged")
