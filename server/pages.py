"""HTML pages for people without the extension: a form (NCT id, or a saved page's HTML)
and a page per trial with the same annotation the API serves.

Everything shown is escaped by Jinja's autoescape (no `|safe` anywhere); the pages carry
no script at all and a Content-Security-Policy that forbids any. A URL a person types is
shown as text, never fetched and never made a link.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from scrapers.dates import human_date, moment
from scrapers.errors import TrialLensError
from scrapers.nct import normalize_nct_id
from scrapers.reconcile import status_words
from scrapers.reconcile.finding import age_phrase

from .api import annotator, checked_page_url, page_claim
from .problems import Problem, http_problem, respond_with, typed_problem

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
PAGE_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
MAX_FORM_HTML = 10 * 1024 * 1024
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def day_ago(timestamp: str | None) -> str:
    """"10 Jan 2026 (11 months ago)": when a record was fetched, the way the card says it (a reader needs the day and
    how old it is, not the minute in UTC). Anything that is not a timestamp comes back as it is."""
    try:
        when = datetime.fromisoformat(str(timestamp).strip().replace("Z", "+00:00"))
    except ValueError:
        return str(timestamp or "")
    when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    days = (datetime.now(timezone.utc) - when).days
    day = human_date(when.astimezone(timezone.utc).date().isoformat())
    return day if days < 1 else f"{day} ({age_phrase(days)} ago)"


def powers_of_ten(text: str) -> str:
    """"100×10^9/L" as "100×10⁹/L": few readers know caret notation (the card's format.js does the same)."""
    return re.sub(r"10\^(\d{1,2})(?!\d)", lambda m: "10" + m.group(1).translate(_SUPERSCRIPT), str(text))


def make_blueprint() -> Blueprint:
    bp = Blueprint("pages", __name__)

    bp.add_app_template_filter(status_words, "status_words")
    bp.add_app_template_filter(moment, "moment")
    bp.add_app_template_filter(human_date, "human_date")
    bp.add_app_template_filter(powers_of_ten, "powers_of_ten")
    bp.add_app_template_filter(day_ago, "day_ago")

    @bp.after_request
    def headers(resp):
        resp.headers.update(PAGE_HEADERS)
        return resp

    @bp.errorhandler(Problem)
    def problem_page(exc: Problem):
        return _error_page(exc.body())

    @bp.errorhandler(TrialLensError)
    def typed_page(exc: TrialLensError):
        return _error_page(typed_problem(exc))

    @bp.errorhandler(HTTPException)
    def http_page(exc: HTTPException):   # a pasted page over the body limit (413), raised in /check
        body, headers = http_problem(exc)
        if body["status"] == 413:
            body["detail"] = (f"the saved page is larger than this service's limit of "
                              f"{current_app.config['MAX_CONTENT_LENGTH']:,} bytes: paste only the trial's part of it")
        return _error_page(body, headers)

    @bp.app_errorhandler(404)
    @bp.app_errorhandler(405)
    def not_here(exc: HTTPException):   # an address no route has: a page for people, JSON for programs
        body, headers = http_problem(exc)
        if request.path.startswith(("/api/", "/openapi.json", "/healthz", "/static/")):
            return respond_with(body, headers)
        return _error_page(body, headers)

    @bp.get("/")
    def index():
        return render_template("index.html")

    @bp.get("/lookup")
    def lookup():
        raw = request.args.get("nct_id", "")
        nct = normalize_nct_id(raw)
        args = {k: v for k in ("status", "as_of") if (v := request.args.get(k, "").strip())}
        return redirect(url_for("pages.trial", nct_id=nct, **args), code=303)

    @bp.get("/trials/<nct_id>")
    def trial(nct_id: str):
        """The official record, its own findings, criteria and related trials; with
        ?status= / ?as_of= (what a page says) also the verdict for that page."""
        claim = page_claim(nct_id, request.args.get("status") or None, request.args.get("as_of") or None,
                           request.args.get("site") or None)
        ann = annotator()
        lookup = ann.lookup(claim.nct_id)
        annotation = ann.annotate_claim(claim, lookup)
        has_claim = bool(claim.status_text or claim.as_of)
        return render_template("trial.html", ann=annotation, nct_id=claim.nct_id, has_claim=has_claim,
                               history=getattr(lookup, "history", None) or [])

    @bp.post("/check")
    def check():
        html = request.form.get("html", "")
        annotation = annotator().annotate(html, checked_page_url(request.form.get("url")))
        return render_template("trial.html", ann=annotation, nct_id=annotation["nct_id"], has_claim=True)

    return bp


def _error_page(problem: dict, headers: dict | None = None):
    # (with the pages' own headers: an address no route has is answered outside the blueprint)
    return (render_template("index.html", error=problem, nct_id=request.args.get("nct_id")), problem["status"],
            {**PAGE_HEADERS, **(headers or {})})
