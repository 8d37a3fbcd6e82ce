"""The JSON API under /api/v1 (shapes fixed by CONTRACTS.md; described in openapi.py).

Views only parse and validate input and shape output; the work is in Annotator. Page
HTML arrives in the request body and is never logged; the `url` a client sends is used
only to choose the site scraper and is never fetched.
"""

from __future__ import annotations

import logging
import re

from flask import Blueprint, current_app, jsonify, request

from scrapers.dates import still_to_come
from scrapers.errors import InvalidNctId, TrialLensError
from scrapers.model import PageRecord, parse_partial_date
from scrapers.nct import ascii_digits, normalize_nct_id
from scrapers.reconcile import status_words
from scrapers.sites import supported_hosts
from scrapers.sites.base import host_of
from scrapers.vocab import STATUSES, normalize_status

from .annotate import Annotator, valid_ids
from .claim_text import BadDate, claim_text, unread_date
from .clients import LookupBudgetUsed, charge_lookups, refusals
from .official_json import budget_wait, budget_waits, official_summary, trial_detail
from .page_url import BadPageUrl, page_url
from .problems import Problem, bad_request, typed_problem
from .status_shown import badge_overdue, unconfirmed_since

log = logging.getLogger("triallens.service")

MAX_BATCH = 100
MAX_RELATED = 50
def annotator() -> Annotator:
    return current_app.extensions["triallens"]


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def json_body() -> object:
    """The parsed JSON body, or a 400 problem saying what is wrong with it (415 for a form body or a compressed one).

    A body without a content type, or text/plain, is read as JSON (lenient); a form content type is refused by
    name: werkzeug parses it as a form, so `curl -d @body.json` was told "the request body is empty" (round 10b)."""
    if request.mimetype in _FORM_TYPES:
        raise Problem(415, "unsupported-media-type", "Unsupported Media Type",
                      f"the request body must be JSON sent with Content-Type: application/json, not "
                      f"{request.mimetype} (with curl: -H 'Content-Type: application/json' --data-binary @body.json)")
    encoding = (request.content_encoding or "").strip().lower()
    if encoding not in ("", "identity"):   # (read as it came, a gzip body was "not valid JSON"; r39 F9)
        raise Problem(415, "unsupported-media-type", "Unsupported Media Type",
                      f"the request body is sent with Content-Encoding: {encoding[:40]}; TrialLens reads a body only as "
                      "sent, not compressed: send it without a Content-Encoding")
    if not request.data:
        raise bad_request("the request body is empty; expected a JSON object")
    try:
        data = request.get_json(silent=True, force=True)
    except RecursionError:   # (silent=True covers decode errors, not this one)
        raise bad_request("the request body nests arrays or objects too deeply to read") from None
    if data is None:
        raise bad_request("expected a JSON object, got null" if request.data.strip() == b"null"
                          else "the request body is not valid JSON")
    return data


def _str_field(obj: dict, name: str, required: bool) -> str | None:
    value = obj.get(name)
    if value is None:
        if required:
            raise bad_request(f'"{name}" is required')
        return None
    if not isinstance(value, str):
        raise bad_request(f'"{name}" must be a string, got {type(value).__name__}')
    if _LONE_SURROGATE.search(value):
        if name == "html":   # a page's stray half-character: read around it, never an error
            return _LONE_SURROGATE.sub("\ufffd", value)
        raise bad_request(f'"{name}" is not valid Unicode (it holds half of a surrogate pair)')
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def checked_page_url(url: str | None) -> str | None:
    """The address a page was saved from (page_url's rule), as given (None when empty); 400 for one too long or not
    http(s). It only chooses the site reader: the service never fetches it."""
    try:
        return page_url(url)
    except BadPageUrl as exc:
        raise bad_request(f'"url" {exc}') from None


def _nct(value: str) -> str:
    return normalize_nct_id(value)  # InvalidNctId -> 400 via problems.TYPED


def _statuses_arg(raw: str | None) -> list[str] | None:
    if not raw:
        return None
    if raw.strip().lower() == "any":
        return list(STATUSES)
    out = []
    for part in raw.split(","):
        s = part.strip().upper()
        if s not in STATUSES:
            raise bad_request(f"status: {part.strip()[:40]!r} is not a ClinicalTrials.gov status "
                              f"(one or more of {', '.join(STATUSES)}, or 'any')")
        out.append(s)
    return out


def one_arg(name: str, default: str | None = None) -> str | None:
    """?name= given once (or not at all: `default`). Given twice ("?status=recruiting&status=completed") it is a 400:
    the first value was used without a word, and a caller could read the answer as about the other (review r19)."""
    values = request.args.getlist(name)
    if len(values) > 1:
        raise bad_request(f"{name} was given {len(values)} times; give it once")
    return values[0] if values else default


def _k_arg(raw: str) -> int:
    """?k= as an int. ASCII digits only: str.isdigit() also takes "²" and "①", which int() then refuses (a 500),
    and int() would take "٣" or "５" as 3 or 5, a number written in a way the spec does not describe."""
    if not re.fullmatch(r"[0-9]{1,3}", raw) or not 1 <= int(raw) <= MAX_RELATED:
        raise bad_request(f"k must be a whole number from 1 to {MAX_RELATED} written with the digits 0-9, "
                          f"got {raw[:20]!r}")
    return int(raw)


def _ids_arg(values: list[str]) -> tuple[dict[str, str | None], list[str]]:
    """GET /status's ids: ({as sent: normalised id, or None when it is no NCT id}, the distinct normalised ids).

    Every `ids=` parameter counts (`ids=A&ids=B`, as URLSearchParams writes a list: B was dropped without a word), and
    one id that is no NCT id is answered as such (missing "invalid") rather than failing the listing's other badges,
    as POST /drift answers a bad item (review r19 #6). Still a 400: no id at all, none valid, or over MAX_BATCH."""
    sent = [p for p in (x.strip() for v in values for x in v.split(",")) if p]
    if not sent:   # (",,," too: it names no trial, as an empty "ids=" does)
        raise bad_request('"ids" is required: NCT ids separated by commas')
    read: dict[str, str | None] = {}
    first_error = None
    for raw in sent:
        if raw not in read:
            try:
                read[raw] = _nct(raw)
            except InvalidNctId as exc:
                read[raw], first_error = None, first_error or exc
    ids = list(dict.fromkeys(n for n in read.values() if n))
    count = len(ids) + sum(1 for n in read.values() if n is None)   # repeats counted once, before the limit
    if count > MAX_BATCH:
        raise bad_request(f"at most {MAX_BATCH} ids per request, got {count}")
    if not ids:
        raise bad_request(f'"ids" holds no valid NCT id: {first_error}')
    return read, ids


def page_claim(nct_id: str, status: str | None = None, as_of: str | None = None, site: str | None = None) -> PageRecord:
    """A PageRecord for a caller who already knows what a page says (the drift endpoints).

    A wording we do not recognise stays unrecognised (status None, text kept), so it is
    reported as "cannot compare", never as drift."""
    status, as_of, site = (claim_text(name, value) for name, value in (("status", status), ("as_of", as_of),
                                                                        ("site", site)))
    status = (status or "").strip() or None   # whitespace only: no status claimed (was "could not compare ' '")
    as_of = (as_of or "").strip() or None
    as_of_iso = None
    if as_of:
        # a bare year is a date here (documented), though a page's own lone "2025" is not; its digits in ASCII,
        # as parse_partial_date gives them ("２０２５" was echoed back as written)
        year = ascii_digits(as_of.strip())
        as_of_iso = year if re.fullmatch(r"(?:19|20)[0-9][0-9]", year) else parse_partial_date(as_of)
        today = annotator().providers.today()
        if as_of_iso is None:
            raise unread_date(as_of, today)
        if still_to_come(as_of_iso, today):
            raise BadDate(f"as_of: {as_of_iso} is after today ({today.isoformat()}): a page cannot be current as of "
                          "a date still to come", as_of, today)
    return PageRecord(site=site or "api", nct_id=_nct(nct_id), status=normalize_status(status),
                      status_text=status or None, as_of=as_of_iso, as_of_text=as_of or None)


def make_blueprint() -> Blueprint:
    bp = Blueprint("api", __name__, url_prefix="/api/v1")

    @bp.post("/annotate")
    def annotate():
        body = json_body()
        if not isinstance(body, dict):
            raise bad_request("expected a JSON object {\"url\": ..., \"html\": ...}")
        url = _str_field(body, "url", required=False)
        html = _str_field(body, "html", required=True)
        result, body = annotator().annotate_encoded(html, checked_page_url(url))
        log.info("annotate %s host=%s verdict=%s", result["nct_id"], _host(url), result["drift"]["verdict"])
        return current_app.response_class(body, mimetype="application/json")

    @bp.get("/trials/<nct_id>")
    def trial(nct_id: str):
        return jsonify(trial_detail(annotator().lookup(_nct(nct_id))))

    @bp.get("/trials/<nct_id>/criteria")
    def criteria(nct_id: str):
        ann = annotator()
        lookup = ann.lookup(_nct(nct_id))
        result = ann.criteria(lookup)
        if result is None:
            raise Problem(501, "not-available", "Not available",
                          "plain-English criteria are not available in this installation")
        return jsonify({"nct_id": lookup.record.nct_id, **result})

    @bp.get("/trials/<nct_id>/related")
    def related(nct_id: str):
        k = _k_arg(one_arg("k", "10"))
        statuses = _statuses_arg(one_arg("status"))
        ann = annotator()
        lookup = ann.lookup(_nct(nct_id))
        result = ann.related(lookup, k, statuses)
        if result is None:
            raise Problem(501, "not-available", "Not available", "related trials are not available in this installation")
        out = {"nct_id": lookup.record.nct_id, "related": result}
        reason = ann.related_reason(lookup, result)
        if reason:   # (an empty list that no status would fill: said why, not "none open")
            out["reason"] = reason
        search = ann.search_url(lookup, result)
        if search:
            out["search_url"] = search
        return jsonify(out)

    @bp.get("/trials/<nct_id>/drift")
    def drift_one(nct_id: str):
        return jsonify(_drift(page_claim(_nct(nct_id), one_arg("status"), one_arg("as_of"), one_arg("site"))))

    @bp.post("/drift")
    def drift_batch():
        body = json_body()
        items = body.get("items") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise bad_request('expected {"items": [{"nct_id", "status", "as_of", "site"}, ...]}')
        if len(items) > MAX_BATCH:
            raise bad_request(f"at most {MAX_BATCH} items per request, got {len(items)}")
        ids = valid_ids(item.get("nct_id") for item in items if isinstance(item, dict))
        held = annotator().held(ids)   # (each id's stored copy read once, for the budget and the batch refresh)
        charged = charge_lookups(ids, held)
        # one registry request for the batch's trials, then lookups are local (a stale copy over budget: not refreshed)
        annotator().prefetch([n for n in ids if n not in charged], held)
        refused = refusals(charged)
        return jsonify({"results": [_drift_item(i, item, refused) for i, item in enumerate(items)]})

    @bp.get("/status")
    def status():
        read, ids = _ids_arg(request.args.getlist("ids"))
        held = annotator().held(ids)   # (each id's stored copy read once, for the budget and the batch refresh)
        charged = charge_lookups(ids, held)
        refused = refusals(charged)
        unreadable: dict[str, str] = {}   # (ids whose saved copy cannot be read: why, in `notes`)
        lookups, missing = annotator().lookup_many(ids, charged, held, unreadable)
        today = annotator().providers.today()
        # keyed by the normalised id ("nct07232563" is answered as NCT07232563); one that is no NCT id, as sent
        statuses: dict[str, dict | None] = {}
        for raw, nct in read.items():
            key = nct or raw
            if key not in statuses:
                found = lookups.get(nct) if nct else None
                statuses[key] = _badge(found, today) if found and found.record.status else None
        # a saved copy with no status (one an older TrialLens let into the store, served while ClinicalTrials.gov
        # cannot be asked): null with its reason, not a badge of a null status with none (audit r39 F1)
        no_status = {nct: "no_status" for nct, found in lookups.items() if found and not found.record.status}
        invalid = {raw: "invalid" for raw, nct in read.items() if nct is None}
        out = {"statuses": statuses, "missing": {**missing, **no_status, **invalid}}
        if refused or unreadable:   # (why those are not_checked, and when to ask again: a client can act on it)
            out["notes"] = {**unreadable, **{nct: str(exc) for nct, exc in refused.items()}}
        # each id the budget left without a status (refused, or its stale copy not served, being no usable study): its
        # own wait, and the response's the longest of them
        waits = budget_waits(charged, lookups, out["missing"])
        if waits:
            out["waits"], out["retry_after"] = waits, max(waits.values())
        return jsonify(out)

    @bp.get("/sites")
    def sites():
        return jsonify({"hosts": sorted(set(supported_hosts()) | {"clinicaltrials.gov"})})

    return bp


def _drift_item(i: int, item: object, refused: dict | None = None) -> dict:
    """One POST /drift item's result, or its own error with its index: one item with a missing or mistyped field
    used to reject the whole batch with a 400 that did not say which item (round 10b)."""
    raw = item.get("nct_id") if isinstance(item, dict) else None
    failed = {"index": i, "nct_id": raw if isinstance(raw, str) and not _LONE_SURROGATE.search(raw) else None}
    try:
        if not isinstance(item, dict):
            raise bad_request(f"items[{i}] must be an object {{\"nct_id\", \"status\", \"as_of\", \"site\"}}, "
                              f"got {type(item).__name__}")
        try:
            fields = {name: _str_field(item, name, required=(name == "nct_id"))
                      for name in ("nct_id", "status", "as_of", "site")}
        except Problem as exc:   # (which item: the detail names the field only)
            raise bad_request(f"items[{i}]: {exc.detail}") from None
        try:
            claim = page_claim(**fields)
        except Problem as exc:   # (its date too: "as_of: …" alone did not say which item; review r19 #10)
            raise Problem(exc.status, exc.slug, exc.title, f"items[{i}]: {exc.detail}", **exc.extra) from None
        try:
            return _drift(claim, (refused or {}).get(claim.nct_id))
        except LookupBudgetUsed as exc:
            # over the budget, its saved copy no usable study (Annotator.lookup): not looked up, as an unstored trial
            # over it is above; a single GET /trials/{id}/drift answers both with the same 429 (svc13: a 429 item)
            return _drift(claim, exc)
    except Problem as exc:  # one bad item does not sink the batch
        return {**failed, "error": exc.body()}
    except TrialLensError as exc:
        return {**failed, "error": typed_problem(exc)}


def _badge(lookup, today) -> dict:
    rec = lookup.record
    return {"status": rec.status, "status_text": status_words(rec.status),
            "last_update_posted": rec.last_update_posted, "stale": bool(lookup.stale),
            # why a saved copy, as /trials/{id} says it: "gone" must not be badged as the copy's status alone (a trial
            # ClinicalTrials.gov dropped read "Not yet recruiting (saved copy)"; review r19 #1)
            "stale_reason": lookup.stale_reason, "note": getattr(lookup, "note", None), **budget_wait(lookup),
            "fetched_at": lookup.known_fetched_at,   # (a stale badge says from when: "(as of Nov 2025)")
            # a demo record TrialLens rebuilt from aggregator pages: the badge names it, never "according to
            # ClinicalTrials.gov" or "(saved copy)" (as the card and the pages do; official_json.official_summary)
            "reconstructed": rec.reconstructed,
            # the record's own overdue sign, so a listing does not badge "Not yet recruiting" a trial whose start has
            # passed (the card says "This trial may have opened"; review rounds 4 and 7)
            # (and "end" for an "Unknown status" record very likely over: its card says it may have ended; status3)
            "overdue": badge_overdue(rec, lookup.copy_as_of, today),
            # the sponsor's last confirmation of a status it had not confirmed for over 2 years, where the card warns
            # registry_unverified: a listing badged such a trial a green "Recruiting" (review r56 F3)
            "unconfirmed_since": unconfirmed_since(rec, today)}


def _drift(page, refused: LookupBudgetUsed | None = None) -> dict:
    """{"nct_id", "official", "drift"} for a claimed page state; the official record is required
    (RecordNotFound -> 404), an unreachable registry gives official null, as does a trial not looked up (`refused`:
    over the client's lookup budget), whose note says so and when to try again."""
    ann = annotator()
    lookup, why = (None, refused) if refused else ann.lookup_or_why(page.nct_id)
    drift = ann.drift(page, lookup, error=why, by="caller")   # (a claim, not a page read: "The status given …")
    if refused:   # (why, and when to try again: a batch item's own Retry-After, as GET /status's waits gives one)
        drift["note"], drift["retry_after"] = str(refused), refused.retry_after
    return {"nct_id": page.nct_id, "page": {"status": page.status, "status_text": page.status_text,
                                              "as_of": page.as_of, "site": page.site},
            "official": official_summary(lookup) if lookup else None, "drift": drift}


def _host(url: str | None) -> str:
    """The page's host for the log line (never the full URL: it can carry a patient's query)."""
    return host_of(url) or "-"
