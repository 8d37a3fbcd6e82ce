"""The Flask application factory: configuration, blueprints, CORS and who may call (guard), API keys, rate limit,
problem+json errors, and the routes outside /api/v1 (/healthz, /openapi.json)."""

from __future__ import annotations

import io
import os
import re
from dataclasses import replace
from functools import lru_cache
from typing import Mapping

from flask import Flask, g, jsonify, request
from flask_cors import CORS
from flask_limiter import Limiter
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

from scrapers.errors import TrialLensError

from . import api, guard, pages, problems
from .annotate import Annotator
from .clients import LookupBudget, charge_lookups, client_key, known_key
from .config import ServiceConfig, origin_pattern
from .openapi import spec
from .page_source import read_at_most
from .providers import Providers, default_providers

# Browser-extension origins: Chrome (32 letters a-p) and Firefox (a UUID, 8-4-4-4-12 hex) ids. The UUID's shape, not
# 36 of [0-9a-f-]: that let "moz-extension://" and 36 hyphens through (review r19 #11)
EXTENSION_ORIGINS = [re.compile(r"^chrome-extension://[a-p]{32}$"),
                     re.compile(r"^moz-extension://[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")]


def create_app(config: Mapping[str, object] | None = None, *, providers: Providers | None = None) -> Flask:
    """The TrialLens service. `config` overrides the environment (keys are the env names,
    e.g. {"TRIALLENS_DB": path, "TRIALLENS_OFFLINE": "1"}); `providers` replaces the
    registry / criteria / related parts (tests and benchmarks)."""
    try:
        cfg = ServiceConfig.from_env(config)
        providers = providers or default_providers(cfg)
    except (ValueError, TrialLensError) as exc:   # (a malformed TRIALLENS_* setting, a store that cannot be opened)
        raise startup_error(exc) from None
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = cfg.max_body
    app.config["TRIALLENS"] = cfg
    app.json.sort_keys = False
    if cfg.trust_proxy:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1)

    if providers.charge is None:   # (every route's lookups pass the client's budget: clients.charge_lookups)
        providers = replace(providers, charge=charge_lookups)
    app.extensions["triallens"] = Annotator(providers, cfg.cache_size)
    # (per client, apart from the request rate: what made-up ids may cost in lookups of ClinicalTrials.gov)
    app.extensions["triallens_budget"] = (LookupBudget(cfg.lookup_budget, cfg.rate_limit_storage)
                                          if cfg.lookup_budget else None)
    # (and the share of the registry's allowance one client may spend on single lookups, a request each: r39 F3)
    app.extensions["triallens_singles"] = (LookupBudget(cfg.single_lookups, cfg.rate_limit_storage, single=True)
                                           if cfg.single_lookups else None)
    problems.register(app)
    # (first: a request for another host or from a web page not allowed to use the service costs nothing: review r60 F2)
    api_origins = EXTENSION_ORIGINS + [origin_pattern(o) for o in cfg.cors_origins]
    guard.install(app, cfg.allowed_hosts, api_origins)
    _bound_chunked_body(app, cfg.max_body)

    api_bp = api.make_blueprint()
    if cfg.api_keys:
        _require_api_key(api_bp, cfg.api_keys)
    _refuse_unknown_args(api_bp)   # (after the key check: a caller without a key learns that first)

    @app.after_request
    def _retry_after_only_on_refusals(response):
        # (Flask-Limiter's headers go on every response; a Retry-After on a 200 reads as a throttling hint to a
        # caller: it belongs to 429 and 503 answers only, not to a 401 whose fix is to send a key (review rounds 10b
        # and r19 #5). A 503 keeps the service's own wait (problems.retry_after), not the limiter's window, or none.
        # Registered before the limiter: Flask runs after-request functions last-registered first, so this one sees
        # the limiter's headers)
        if response.status_code == 503 or response.status_code == 429 and g.get("triallens_retry_after"):
            # (a 429 of the client's lookup budget keeps its own wait too: problems.typed_headers)
            own = g.get("triallens_retry_after")
            if own:
                response.headers["Retry-After"] = own
            else:
                response.headers.pop("Retry-After", None)
        elif response.status_code != 429:
            response.headers.pop("Retry-After", None)
        if response.status_code == 401:
            # (nor the limiter's budget: they describe the per-address bucket, not the key's own one the next request,
            # with a key, is counted in; and one 401 carried them while another did not (review r23 #18))
            for name in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
                response.headers.pop(name, None)
        if request.path.startswith("/api/"):
            # an answer is about now (the registry's status, today's date): never kept by a browser or proxy and
            # served again later as if current (review r19 #11); the extension asks again when it needs to
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    limiter = Limiter(client_key, app=app, storage_uri=cfg.rate_limit_storage, headers_enabled=True)
    pages_bp = pages.make_blueprint()
    if cfg.rate_limit:
        # one budget per client across all of /api/v1 (a plain limit would count each endpoint apart);
        # the HTML pages do the same work (a look-up, a pasted page's check): a budget of their own
        limiter.shared_limit(cfg.rate_limit, scope="api", exempt_when=lambda: request.method == "OPTIONS")(api_bp)
        limiter.shared_limit(cfg.rate_limit, scope="pages")(pages_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(pages_bp)

    # (/openapi.json is public and the same for everyone: any origin may read it, so a docs viewer hosted elsewhere can)
    # (each configured origin as an anchored pattern: config.origin_pattern; a plain string holding a regex character
    # would be matched by flask-cors as an unanchored regex)
    CORS(app, resources={r"/api/*": {"origins": api_origins},
                         r"/openapi.json": {"origins": "*"}},
         methods=["GET", "POST", "OPTIONS"], allow_headers=["Content-Type", "X-API-Key"],
         expose_headers=["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"], max_age=600)

    @app.get("/healthz")
    def healthz():
        # which ClinicalTrials.gov this service asks (None offline: only the store answers)
        return jsonify({"status": "ok", "offline": cfg.offline, "registry": None if cfg.offline else cfg.ctgov_url})

    @app.get("/openapi.json")
    def openapi():
        return jsonify(spec(bool(cfg.api_keys)))

    return app


def startup_error(exc: Exception) -> Exception:
    """A configuration error as create_app raises it: itself (the CLI, tests), or under gunicorn one it prints as its
    one line and stops on (audit r39 F8: the README's command printed a 40-line traceback ending in the message).
    gunicorn prints an AppImportError's message alone when a worker loads the app, and a RuntimeError's with --preload,
    then stops ("App failed to load." / exit 1); so the error is both."""
    if not os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn/"):
        return exc
    from gunicorn.errors import AppImportError

    class ConfigurationError(AppImportError, RuntimeError):
        pass

    return ConfigurationError(f"TrialLens cannot start: {exc}")


def _bound_chunked_body(app: Flask, limit: int) -> None:
    """A chunked body (no Content-Length) over `limit` is a 413, as one with a Content-Length is. werkzeug reads such
    a body up to the limit and stops without a word, so an 11 MB page was cut at 10 MB and answered 400 "not valid JSON"
    (audit r39 F9). Read here, at most the limit and one byte more, and handed on whole when it fits."""
    @app.before_request
    def read_chunked():
        environ = request.environ
        if environ.get("CONTENT_LENGTH") or "chunked" not in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            return None
        body = read_at_most(environ["wsgi.input"], limit)
        if body is None:
            raise RequestEntityTooLarge()
        # (now a plain body of known length: werkzeug reads a "chunked" one's length as unknown)
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        environ.pop("wsgi.input_terminated", None)
        return None


def _require_api_key(bp, keys: frozenset[str]) -> None:
    @bp.before_request
    def check_key():
        if request.method == "OPTIONS":
            return None
        if not known_key(request.headers.get("X-API-Key", ""), keys):
            return problems.problem_response(401, "api-key-required", "API key required",
                                             "send a valid key in the X-API-Key header",
                                             headers={"WWW-Authenticate": 'ApiKey header="X-API-Key"'})
        return None


@lru_cache(maxsize=1)
def query_args() -> dict[tuple[str, str], tuple[str, ...]]:
    """{(method, OpenAPI path): its query parameters, () for none} for every /api/v1 operation: /openapi.json is the
    one list of them, so what is refused is what the document does not declare."""
    return {(method.upper(), path): tuple(p["name"] for p in op.get("parameters", []) if p["in"] == "query")
            for path, ops in spec()["paths"].items() if path.startswith("/api/v1/") for method, op in ops.items()}


def declared_query_args() -> dict[tuple[str, str], tuple[str, ...]]:
    """query_args for the operations that take any."""
    return {operation: names for operation, names in query_args().items() if names}


def _refuse_unknown_args(bp) -> None:
    """A query parameter an operation does not take is a 400 naming it and the ones it takes: "/drift?statu=
    Recruiting" dropped the claim without a word and answered could_not_check (review r23 #10)."""
    @bp.before_request
    def check_args():
        rule = request.url_rule.rule if request.url_rule else ""
        method = "GET" if request.method == "HEAD" else request.method
        operation = (method, re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule))
        accepted = query_args().get(operation)
        if accepted is None:   # (no such operation: its own 404 or 405 says so)
            return None
        unknown = [name for name in request.args if name not in accepted]
        if not unknown:
            return None
        named = ", ".join(repr(name[:40]) for name in unknown[:5])
        # (an operation that takes none refuses them too: "/trials/NCT…?status=Completed" answered the summary as if
        # the status had been checked)
        takes = f"this endpoint takes {', '.join(accepted)}" if accepted else "this endpoint takes no query parameters"
        return problems.problem_response(
            400, "unknown-parameter", "Unknown query parameter",
            f"unknown query parameter{'s' if len(unknown) > 1 else ''} {named}: {takes}",
            parameter=unknown[0][:40], accepted=list(accepted))
