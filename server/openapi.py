"""The OpenAPI 3.1 description served at /openapi.json, written by hand as data.

It describes every endpoint, request and response, including each problem+json error; the schemas are in
openapi_schemas.py. tests/test_service_schema.py runs property-based requests against it and checks that
every response matches.
"""

from __future__ import annotations

from functools import lru_cache

from server.openapi_schemas import CLAIM_TEXT, NCT, RELATED_REASON, SCHEMAS, SEARCH_URL, STR, _obj, _ref


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


PROBLEM_TEXT = {
    400: "malformed JSON, a missing or mistyped field, an invalid NCT id or parameter; or a Host the service is not "
         "known by (host-not-allowed: localhost, its addresses and TRIALLENS_ALLOWED_HOSTS are answered)",
    401: "an API key is required and was not sent or is wrong (only when TRIALLENS_API_KEYS is set)",
    403: "sent by a web page not allowed to use the service (origin-not-allowed): an Origin that is not an extension's, "
         "a configured one (TRIALLENS_CORS_ORIGINS) or the service's own, or another site's request without one "
         "(Sec-Fetch-Site cross-site)",
    404: "ClinicalTrials.gov has no trial with this id (unknown-trial)",
    405: "method not allowed",
    413: "the request body is over the limit (TRIALLENS_MAX_BODY, default 10 MB)",
    415: "the body was sent as a form (application/x-www-form-urlencoded or multipart/form-data): send JSON with "
         "Content-Type: application/json",
    422: "the page holds no trial (no NCT id), or is not a readable HTML page",
    429: "this client exceeded its rate limit (see Retry-After and X-RateLimit-Reset), or its budget of lookups "
         "that ask ClinicalTrials.gov (lookup-budget-used, TRIALLENS_LOOKUP_BUDGET, and for single-trial lookups "
         "TRIALLENS_SINGLE_LOOKUPS: a trial TrialLens holds no usable copy of; a stale stored copy is refreshed at the "
         "same cost, and past the budget is served stale, stale_reason budget, never refused; a copy that is no usable "
         "study, whatever its date, is refreshed at that cost too, and past the budget refused, saved_copy 'unusable'; Retry-After: when it has "
         "room again; /status and POST /drift answer such ids 'not checked' instead, /status with each one's wait in "
         "waits)",
    500: "a bug in the service (never caused by bad input)",
    501: "this part (criteria, related trials) is not installed",
    503: "no usable copy of the record is stored (none, or one that is no usable study: the problem then has saved_copy "
         "'unusable' and its detail says the saved copy is not usable) and ClinicalTrials.gov is unreachable (registry-unavailable; Retry-After when "
         "the service knows when it will ask again: the pause after a failure) or was not asked because TrialLens has "
         "asked it too often in the last minute (registry-busy, its own limit; Retry-After: its next slot), or "
         "the service works offline and holds no usable copy (not-in-local-store, no Retry-After: ClinicalTrials.gov was not "
         "asked, so the trial may exist), or the local store itself failed (store-unavailable: its file, or an entry the "
         "database cannot read; the operator's to mend, said without saved_copy)",
}
# 503 on the endpoints that answer an unavailable record 200 with official null: only the store can fail them
STORE_503 = "the local store itself failed (store-unavailable)"
RETRY_AFTER = {"description": "seconds to wait before asking again", "schema": {"type": "integer", "minimum": 1}}


def _problems(*codes: int, store_only: bool = False) -> dict:
    """Problem responses `codes`, plus those every API operation may give (400, 401, 403, 405, 429, 500). `store_only`: a 503 is
    only the store's (an unavailable record is answered 200 there)."""
    out = {}
    for c in sorted({*codes, 400, 401, 403, 405, 429, 500}):
        text = STORE_503 if c == 503 and store_only else PROBLEM_TEXT[c]
        out[str(c)] = {"description": text, "content": {"application/problem+json": {"schema": _ref("Problem")}}}
        if c in (429, 503):
            out[str(c)]["headers"] = {"Retry-After": RETRY_AFTER}
        if c == 405:
            out[str(c)]["headers"] = {"Allow": {"description": "the methods the address takes",
                                                "schema": {"type": "string"}}}
    return out


NCT_PARAM = {"name": "nct_id", "in": "path", "required": True,
             "schema": {"type": "string", "pattern": r"^NCT\d{8}$", "examples": ["NCT07232563"]},
             "description": "NCT id; loose forms (nct07232563) are accepted and normalized"}


def _op(summary: str, responses: dict, op_id: str, params: list | None = None, body: dict | None = None,
        tags: list[str] | None = None) -> dict:
    op = {"operationId": op_id, "summary": summary, "responses": responses, "tags": tags or ["api"]}
    if params:
        op["parameters"] = params
    if body:
        op["requestBody"] = body
    return op


def _paths() -> dict:
    q = lambda name, schema, desc, required=False: {"name": name, "in": "query", "required": required,  # noqa: E731
                                                    "schema": schema, "description": desc}
    return {
        "/api/v1/annotate": {"post": _op(
            "The annotation for one page: what it claims, the official record, drift verdict, criteria, related trials",
            {"200": _json(_ref("Annotation"), "the annotation; official null and verdict could_not_check "
                                              "when the registry is unreachable and nothing is stored"),
             **_problems(400, 404, 413, 415, 422, 503, store_only=True)}, "annotate",
            body={"required": True, "content": {"application/json": {"schema": _ref("AnnotateRequest")}}})},
        "/api/v1/trials/{nct_id}": {"get": _op(
            "The official record's summary", {"200": _json(_ref("TrialDetail"), "the official summary"),
                                              **_problems(400, 404, 503)}, "getTrial", [NCT_PARAM])},
        "/api/v1/trials/{nct_id}/criteria": {"get": _op(
            "Eligibility criteria in plain English (never losing a number, unit, comparator or negation)",
            {"200": _json({"allOf": [_obj({"nct_id": NCT}), _ref("PlainCriteria")]}, "plain-English criteria"),
             **_problems(400, 404, 501, 503)}, "getCriteria", [NCT_PARAM])},
        "/api/v1/trials/{nct_id}/related": {"get": _op(
            "Related trials, each with the reason it is related",
            {"200": _json(_obj({"nct_id": NCT, "related": {"type": "array", "items": _ref("RelatedTrial")},
                                "reason": RELATED_REASON, "search_url": SEARCH_URL}, required=["nct_id", "related"]),
                          "related trials, best first"),
             **_problems(400, 404, 501, 503)}, "getRelated",
            [NCT_PARAM, q("k", {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}, "how many"),
             q("status", {"type": "string"}, "comma-separated CT.gov statuses to include, or 'any' "
                                              "(default: recruiting and not yet recruiting first)")])},
        "/api/v1/trials/{nct_id}/drift": {"get": _op(
            "Drift check for a caller who already knows what a page says",
            {"200": _json(_ref("DriftResult"), "the verdict for that claim"), **_problems(400, 404, 503, store_only=True)},
            "getDrift",
            [NCT_PARAM, q("status", CLAIM_TEXT, "the status as the page words it, e.g. 'Recruiting'"),
             q("as_of", CLAIM_TEXT, "the page's own 'last updated' date (YYYY-MM-DD, YYYY-MM or YYYY)"),
             q("site", CLAIM_TEXT, "the page's host, echoed back")])},
        "/api/v1/drift": {"post": _op(
            "Drift checks for up to 100 claims at once; an item that fails carries its own problem",
            {"200": _json(_ref("DriftBatchResponse"), "one result per item, in order; an item that fails (not an "
                          "object, a missing or mistyped field, an invalid NCT id or date, an unknown trial) is "
                          "{index, nct_id, error} while the others get their results; a trial not looked up because "
                          "this client's lookup budget is used (TRIALLENS_LOOKUP_BUDGET) gets official null, "
                          "could_not_check and a note saying when to try again, or, with a stale stored copy (whose "
                          "refresh the budget charges too), that copy, stale_reason budget, with retry_after"),
             **_problems(400, 413, 415, 503, store_only=True),
             "400": {**_problems(400)["400"], "description": "the body as a whole is malformed: not JSON, not "
                     "{\"items\": [...]}, or more than 100 items"}}, "postDrift",
            body={"required": True, "content": {"application/json": {"schema": _ref("DriftBatchRequest")}}})},
        "/api/v1/status": {"get": _op(
            "Official statuses for up to 100 trials (badges on listing pages); null for unknown trials",
            {"200": _json(_ref("Statuses"), "status per NCT id"), **_problems(400, 503, store_only=True)}, "getStatuses",
            [{**q("ids", {"type": "array", "items": {"type": "string"}}, "NCT ids separated by commas (at most 100 "
                  "in all); the parameter may be repeated (ids=A&ids=B,C): every one counts. An id that is no NCT id "
                  "is answered in `missing` as invalid; a request with none valid is a 400", required=True),
              "style": "form", "explode": True}])},
        "/api/v1/sites": {"get": _op(
            "The hosts TrialLens reads (the extension's host list is checked against it)",
            {"200": _json(_ref("Sites"), "supported hosts"), **_problems()}, "getSites")},
        "/healthz": {"get": {"operationId": "healthz", "summary": "Liveness", "tags": ["service"],
                             "responses": {"200": _json(_ref("Health"), "the service is up")}}},
        "/openapi.json": {"get": {"operationId": "openapi", "summary": "This description", "tags": ["service"],
                                  "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1 document")}}},
        "/trials/{nct_id}": {"get": {
            "operationId": "trialPage", "summary": "A human-readable page of the trial's annotation", "tags": ["pages"],
            "parameters": [NCT_PARAM, q("status", CLAIM_TEXT, "what a page says (adds a verdict)"),
                           q("as_of", CLAIM_TEXT, "the page's 'last updated' date")],
            "responses": {"200": {"description": "HTML page", "content": {"text/html": {"schema": STR}}},
                          **{str(c): {"description": PROBLEM_TEXT[c], "content": {"text/html": {"schema": STR}}}
                             for c in (400, 404, 429, 503)},
                          "500": {"description": PROBLEM_TEXT[500],
                                  "content": {"application/problem+json": {"schema": _ref("Problem")}}}}}},
        "/": {"get": {"operationId": "home", "summary": "Form: an NCT id or a saved page's HTML", "tags": ["pages"],
                      "responses": {"200": {"description": "HTML page", "content": {"text/html": {"schema": STR}}}}}},
    }


@lru_cache(maxsize=2)
def spec(keys_required: bool = False) -> dict:
    """The document; `keys_required` (TRIALLENS_API_KEYS set): every /api/v1 operation names the apiKey scheme, so
    a generated client sends X-API-Key (review r19 #9). Without keys the scheme is listed, and optional."""
    paths = _paths()
    if keys_required:
        paths = {path: {method: {**op, "security": [{"apiKey": []}]} for method, op in ops.items()}
                 if path.startswith("/api/v1/") else ops for path, ops in paths.items()}
    return {
        "openapi": "3.1.0",
        "info": {"title": "TrialLens", "version": "1.0.0",
                 "description": "Checks clinical-trial pages on aggregator sites against the official "
                                "ClinicalTrials.gov record. Errors are application/problem+json (RFC 9457)."},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key",
                                           "description": "required on /api/v1 only when the service is configured "
                                                          "with TRIALLENS_API_KEYS (its operations then say so); "
                                                          "otherwise not needed, and a key sent is ignored"}},
        },
    }
