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

from scrapers.dates import human_date
from scrapers.timestamps import moment
from scrapers.errors import TrialLensError
from scrapers.nct import is_nct_id, normalize_nct_id
from scrapers.reconcile.finding import age_phrase
from scrapers.reconcile.saved_copy import SAVED_COPY

from .api import annotator, one_arg, page_claim
from .claim_text import MAX_CLAIM, BadDate
from .copy_names import DEMO_RECORD_LINE, as_demo
from .drift import about_other_trial
from .glance import pregnancy_row
from .glance_record import breastfeeding_row, healthy_volunteers_row, sex_row
from .official_page import is_official_site
from .page_errors import date_problem, page_error, wait_words
from .page_url import MAX_URL, BadPageUrl, page_url
from .problems import Problem, http_problem, respond_with, typed_headers, typed_problem
from .related_words import (RELATED_NONE, RELATED_NOTHING_TO_MATCH, RELATED_SAME_WHO, reading_who, same_who_left_out,
                            search_words, who_line)
from .record_closed import closed_words
from .status_shown import official_url, related_status, status_words, utc_moment
from .item_groups import runs as group_runs
from .worded import WORDED_LIST_NOTE, WORDED_MARK, WORDED_NOTE, worded_count

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
# Cache-Control: a trial page shows a verdict and a status, which are about now; kept, a browser's back button or a
# proxy showed an old one as if current (review r23 #16; the API's answers say the same, app.py)
# Referrer-Policy same-origin: no other site learns from a link which trial was looked up; the page's own form posts
# with its origin (under no-referrer a browser sends "Origin: null", which server/guard.py cannot tell from a sandboxed
# frame's: review r60 F2)
PAGE_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
                "Cache-Control": "no-store"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# The verdict box's tone and icon, as the extension's card decides them (extension/lib/format.js: TONES, ICONS,
# CAVEAT_TONES, verdictView): keep the two in step. Colour is never the only signal: the icon goes with it.
TONES = {"in_sync": "ok", "out_of_date": "warn", "differs": "warn", "not_recruiting": "alert", "could_not_check": "unknown"}
ICONS = {"ok": "✓", "warn": "!", "alert": "✕", "unknown": "?", "info": "i"}
CAVEAT_TONES = {"stored_copy": "unknown", "record_overdue": "warn", "little_compared": "unknown", "list_not_shown": "warn",
                "record_closed": "warn"}
# format.js OFFICIAL_SITE_VIEW: a page from ClinicalTrials.gov itself is the official record, not a page to check
OFFICIAL_SITE_VIEW = {"tone": "info", "icon": ICONS["info"], "headline": "This is the official record"}


def verdict_view(drift: dict | None) -> dict:
    """{verdict, tone, icon}: format.js verdictView in Python. The verdict gives the tone, unless the service adds a
    caveat: matching a copy not checked today or comparing little is grey "?", a record that looks overdue ("This
    trial may have ended") amber "!", also on a could-not-check verdict."""
    drift = drift or {}
    verdict = drift.get("verdict") if drift.get("verdict") in TONES else "could_not_check"
    caveat = drift.get("caveat")
    if caveat not in CAVEAT_TONES or not (verdict == "in_sync" or caveat in ("record_overdue", "record_closed")):
        caveat = None
    # drawn as its gravest finding, as the card is (r26 T3): a critical one is the red alarm, not a red label in amber
    critical = any(isinstance(f, dict) and f.get("severity") == "critical" for f in drift.get("findings") or ())
    tone = "alert" if critical else CAVEAT_TONES[caveat] if caveat else TONES[verdict]
    return {"verdict": verdict, "tone": tone, "icon": ICONS[tone]}


def said_status(page: dict | None) -> str:
    """What a page (or person) gave as the status: their words, but a bare code ("NOT_YET_RECRUITING") in words."""
    page = page or {}
    text = page.get("status_text") or ""
    return status_words(text) if page.get("status") and text == page.get("status") else text


def copy_date(official: dict | None) -> str:
    """The day TrialLens's saved copy was fetched ("24 May 2024"), "" when nothing dates it (format.js copyDate)."""
    when = utc_moment(official and official.get("fetched_at"))
    return human_date(when.date().isoformat()) if when else ""


# the other trials a pasted page names that its result page links to (a listing pasted whole names dozens)
MAX_ALSO_NAMED = 5


def closed_box(official: dict | None) -> tuple[str, str] | None:
    """(headline, note) for a trial looked up with no status entered whose record says no one can join now
    (withdrawn, completed, …): the page showed "Withdrawn" in its body, then "You may be able to join if…", with no
    verdict (review r56 F1b). The verdict's words for a page showing no status (record_closed.closed_words); None
    otherwise."""
    stale = bool(official and official.get("stale"))
    closed = closed_words(official, (copy_date(official) or "an unknown date") if stale else None)
    if closed is None:
        return None
    box = (closed.headline, f"{closed.said} {closed.step}")
    return tuple(as_demo(text) for text in box) if official.get("reconstructed") else box


def record_status(official: dict | None) -> tuple[str, str] | None:
    """(whose word it is, the status): ("ClinicalTrials.gov", "Recruiting"), or from a copy that could not be
    refreshed ("TrialLens's saved copy (24 May 2024)", …): format.js recordStatus."""
    if not official or not official.get("status"):
        return None
    status = status_words(official["status"])
    if not official.get("stale"):
        return "ClinicalTrials.gov", status
    return f"{copy_name(official)} ({copy_date(official) or 'date unknown'})", status


def copy_name(official: dict) -> str:
    """The record's short name when it could not be refreshed: a demo record rebuilt from aggregator pages is not a
    copy of ClinicalTrials.gov's (copy_names.py; format.js copyName)."""
    return "TrialLens's demo record" if official.get("reconstructed") else "TrialLens's saved copy"


# why a saved copy, by official.stale_reason, as the card's footer says it (format.js STALE_WHY)
STALE_WHY = {
    "offline": "This TrialLens service works offline and did not ask ClinicalTrials.gov.",
    "gone": "ClinicalTrials.gov no longer shows this trial.",
    "unreachable": "TrialLens could not check it with ClinicalTrials.gov just now.",
    # TrialLens's own limit of requests to ClinicalTrials.gov, not it failing (review r19 #2)
    "busy": "TrialLens has asked ClinicalTrials.gov too often in the last minute; try again in a minute.",
    # this client's own limit of lookups (a minute's share, or an hour's budget), not TrialLens's: which, official.note
    "budget": "As many trials have been looked up from here as TrialLens allows for now; try again later.",
}
# the lookup budget's why with the service's wait (official.retry_after): when, not "later" (format.js BUDGET_USED)
BUDGET_USED = "As many trials have been looked up from here as TrialLens allows for now."


def copy_line(official: dict | None, noted: bool = False) -> str:
    """The footer line for a saved copy, as the card's checkedLine says it: "TrialLens's saved copy of the
    ClinicalTrials.gov record, from 24 May 2024 (over 2 years ago). This TrialLens service works offline and did
    not ask ClinicalTrials.gov."; "from an unknown date" without a date. `noted`: the note shown above says why
    (drift.note_says_why), so it is not said twice (review round 7)."""
    when = day_ago(official.get("fetched_at")) if official and official.get("fetched_at") else ""
    whose = DEMO_RECORD_LINE if official and official.get("reconstructed") else SAVED_COPY
    line = f"{whose}, from {when or 'an unknown date'}."
    return " ".join(part for part in (line, stale_why(official or {}, noted)) if part)


def stale_why(official: dict, noted: bool) -> str:
    """Why a saved copy, after its footer line (format.js staleWhy): STALE_WHY's, or for the lookup budget with its
    wait, when to try again; `noted`: the note above says why, so only the budget's wait (or nothing) is said."""
    reason = official.get("stale_reason")
    seconds = official.get("retry_after") if reason == "budget" else None
    wait = f"Try again in about {wait_words(seconds)}." if isinstance(seconds, int) else ""
    if noted:
        return wait
    return f"{BUDGET_USED} {wait}" if wait else STALE_WHY.get(reason or "unreachable", STALE_WHY["unreachable"])


def day_ago(timestamp: str | None) -> str:
    """"10 Jan 2026 (11 months ago)": when a record was fetched, the way the card says it (a reader needs the day and
    how old it is, not the minute in UTC). Anything that is not a timestamp comes back as it is."""
    when = utc_moment(timestamp)
    if when is None:
        return str(timestamp or "")
    days = (datetime.now(timezone.utc) - when).days
    day = human_date(when.date().isoformat())
    return day if days < 1 else f"{day} ({age_phrase(days)} ago)"


_TERM_FIRST = re.compile(r"^([^:]{1,80}):\s+(\S[\s\S]*)$")


def meaning_only(meaning: str, term: str) -> str:
    """A glossary meaning without its own leading "Term:" ("Platelets: blood cells …" beside the term "Platelets"),
    as the card's lib/criteria.js meaningOnly shows it (review round 8: the page said the term twice)."""
    m = _TERM_FIRST.match(str(meaning))
    return m.group(2) if m and m.group(1).strip().lower() == str(term).lower() else str(meaning)


def powers_of_ten(text: str) -> str:
    """"100×10^9/L" as "100×10⁹/L": few readers know caret notation (the card's lib/criteria.js does the same)."""
    return re.sub(r"10\^(\d{1,2})(?!\d)", lambda m: "10" + m.group(1).translate(_SUPERSCRIPT), str(text))


def make_blueprint() -> Blueprint:
    bp = Blueprint("pages", __name__)

    bp.add_app_template_filter(status_words, "status_words")
    bp.add_app_template_filter(moment, "moment")
    bp.add_app_template_filter(human_date, "human_date")
    bp.add_app_template_filter(powers_of_ten, "powers_of_ten")
    bp.add_app_template_filter(meaning_only, "meaning_only")
    bp.add_app_template_filter(day_ago, "day_ago")
    bp.add_app_template_filter(related_status, "related_status")
    bp.add_app_template_global(WORDED_NOTE, "worded_note")   # (the card's words: extension/lib/criteria.js)
    bp.add_app_template_global(WORDED_MARK, "worded_mark")
    bp.add_app_template_global(WORDED_LIST_NOTE, "worded_list_note")
    bp.add_app_template_global(worded_count, "worded_count")
    bp.add_app_template_global(group_runs, "group_runs")   # (each group's items under its name: server/item_groups.py)
    bp.add_app_template_global(MAX_CLAIM, "max_claim")   # (the form's claim fields take what the API reads: claim_text.claim_text)
    bp.add_app_template_global(MAX_URL, "max_url")       # (and its page address what page_url reads)
    # (a related trial's who-line, as `triallens related` and the card word it: server/related_words.py)
    for name, value in (("who_line", who_line), ("reading_who", reading_who), ("same_who_left_out", same_who_left_out),
                        ("related_same_who", RELATED_SAME_WHO), ("related_nothing_to_match", RELATED_NOTHING_TO_MATCH),
                        ("related_none", RELATED_NONE), ("search_words", search_words)):
        bp.add_app_template_global(value, name)

    @bp.after_request
    def headers(resp):
        resp.headers.update(PAGE_HEADERS)
        return resp

    @bp.errorhandler(Problem)
    def problem_page(exc: Problem):
        return _error_page(exc.body())

    @bp.errorhandler(TrialLensError)
    def typed_page(exc: TrialLensError):
        problem = typed_problem(exc)   # (saved_copy "unusable" when it is: not said to be missing)
        return _error_page(problem, typed_headers(exc, problem))

    @bp.errorhandler(HTTPException)
    def http_page(exc: HTTPException):   # a pasted page over the body limit (413), raised in /check
        return _error_page(*http_problem(exc))

    @bp.app_errorhandler(404)
    @bp.app_errorhandler(405)
    def not_here(exc: HTTPException):   # an address no route has: a page for people, JSON for programs
        body, headers = http_problem(exc)
        if request.path.startswith(("/api/", "/openapi.json", "/healthz", "/static/")):
            return respond_with(body, headers)
        return _error_page(body, headers)

    @bp.get("/")
    def index():
        return render_template("index.html", form={})

    @bp.get("/lookup")
    def lookup():
        given = _args("nct_id", "status", "as_of")
        nct = normalize_nct_id(given["nct_id"] or "")
        args = {k: v for k in ("status", "as_of") if (v := (given[k] or "").strip())}
        return redirect(url_for("pages.trial", nct_id=nct, **args), code=303)

    @bp.get("/trials/<nct_id>")
    def trial(nct_id: str):
        """The official record, its own findings, criteria and related trials; with
        ?status= / ?as_of= (what a person read on a page) also the verdict for it."""
        given = _args("status", "as_of", "site")
        try:
            claim = page_claim(nct_id, given["status"] or None, given["as_of"] or None, given["site"] or None)
        except BadDate as exc:   # (the API's words name the field "as_of": the form's are a person's)
            return _error_page(date_problem(exc))
        ann = annotator()
        lookup = ann.lookup(claim.nct_id)
        annotation = ann.annotate_claim(claim, lookup)
        has_claim = bool(claim.status_text or claim.as_of)
        return _trial_page(annotation, has_claim=has_claim, entered=True,
                           history=getattr(lookup, "history", None) or [])

    @bp.get("/check")
    def check_again():
        """/check opened again (a reload, a bookmark, a shared link): its result answered a pasted page, which TrialLens
        does not keep, so the form says to paste it again (a 405 titled "Page not found"; review r23 #15)."""
        return _error_page({"type": "check-again", "status": 200})

    @bp.post("/check")
    def check():
        form = {k: request.form.get(k, "") for k in ("url", "html")}
        try:
            try:
                url = page_url(form["url"])
            except BadPageUrl:   # (said in the form's words: its field is the page address, not JSON "url")
                return _error_page({"type": "bad-url", "status": 400}, form=form)
            official_site = is_official_site(url, form["html"])
            annotation = annotator().annotate(form["html"], url, official_site)
        except Problem as exc:
            return _error_page(exc.body(), form=form)
        except TrialLensError as exc:
            problem = typed_problem(exc)
            return _error_page(problem, typed_headers(exc, problem), form=form)
        return _trial_page(annotation, has_claim=not official_site, official_site=official_site)

    return bp


def _trial_page(ann: dict, **kw):
    nct_id = ann["nct_id"]
    page = ann.get("page") or {}
    site = page.get("site")
    other = about_other_trial(ann.get("drift"))
    return render_template("trial.html", ann=ann, nct_id=nct_id, view=verdict_view(ann.get("drift")), other=other,
                           # (a page about another trial: that number's status is not its trial's; card.js whoRows)
                           record=None if other else record_status(ann.get("official")),
                           # (a pasted page naming other trials too: which one was checked, and the others' pages; r56 F5)
                           also_named=[] if other or kw.get("entered") or kw.get("official_site")
                           else [i for i in page.get("other_nct_ids") or [] if is_nct_id(i)][:MAX_ALSO_NAMED],
                           # (no status entered: a closed trial says so before its criteria, as a verdict would)
                           closed=None if other or kw.get("has_claim") or kw.get("official_site")
                           else closed_box(ann.get("official")),
                           # (the note is shown with a page's claim: then it may have said why already)
                           copy_line=copy_line(ann.get("official"), noted=bool(
                               kw.get("has_claim") and (ann.get("drift") or {}).get("note_says_why"))),
                           copy_date=copy_date(ann.get("official")), said=said_status(page),
                           record_url=official_url(ann.get("official"), nct_id),
                           site=site if site not in (None, "", "api", "unknown") else None,
                           official_view=OFFICIAL_SITE_VIEW,
                           pregnancy_row=pregnancy_row, sex_row=sex_row, healthy_volunteers_row=healthy_volunteers_row,
                           breastfeeding_row=breastfeeding_row,
                           api_key_required=bool(current_app.config["TRIALLENS"].api_keys),
                           **{"history": [], "entered": False,
                                                                 "official_site": False, **kw})


# what sites add to a link when it is shared or clicked (a newsletter's utm_source, Facebook's fbclid): no claim, so
# never refused; a trial page's link shared on Facebook would otherwise open an error
_LINK_TRACKING = re.compile(r"(?i)^(?:utm_\w+|fbclid|gclid|msclkid)$")


def _args(*names: str) -> dict[str, str | None]:
    """The query parameters `names`, by the API's rules (api.one_arg, app._refuse_unknown_args): one given twice
    ("?status=Recruiting&status=Completed") is a 400 page saying so, where the first was used without a word (review
    r19 §12); so is one the page does not read ("?statu=Recruiting" showed the trial with no verdict; review r23 #10)."""
    unknown = [name for name in request.args if name not in names and not _LINK_TRACKING.match(name)]
    if unknown:
        raise Problem(400, "unknown-parameter", "Unknown query parameter",
                      f"unknown query parameter {unknown[0][:40]!r}: this page takes {', '.join(names)}",
                      parameter=unknown[0][:40], given=request.args.getlist(unknown[0])[:1], accepted=list(names))
    out = {}
    for name in names:
        try:
            out[name] = one_arg(name)
        except Problem as exc:
            raise Problem(400, "repeated-parameter", exc.title, exc.detail, parameter=name,
                          given=request.args.getlist(name)[:5]) from None
    return out


def _error_page(problem: dict, headers: dict | None = None, form: dict | None = None):
    # (with the pages' own headers: an address no route has is answered outside the blueprint)
    args = request.args if request.method == "GET" else {}
    raw = args.get("nct_id") or (request.view_args or {}).get("nct_id") or ""
    try:
        nct_id = normalize_nct_id(raw) if raw else None
    except TrialLensError:
        nct_id = None
    values = {"nct_id": raw, "status": args.get("status", ""), "as_of": args.get("as_of", ""), **(form or {})}
    if problem.get("parameter") in values and str(problem.get("type")).endswith(("repeated-parameter", "bad-claim")):
        # (given twice: neither value is the one they meant; too long or with a control character: not shown again)
        values[problem["parameter"]] = ""
    error = page_error(problem, nct_id, raw)
    if form is not None and error["field"] == "nct_id":   # (a pasted page's trial: not the empty lookup field)
        error["field"] = None
    return (render_template("index.html", error=error, form=values), problem["status"],
            {**PAGE_HEADERS, **(headers or {})})
