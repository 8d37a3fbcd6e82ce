"""Who may use the service from a browser: the Host a request names and the web page that sent it.

CORS only keeps other sites from *reading* an answer; the request itself still runs. A web page open in the same
browser as the extension could send the local service requests (an <img>, a no-cors fetch, a form post) that spent the
reader's lookup budget until the card said "Could not check", post HTML to /check, or, by DNS rebinding (a name of its
own pointed at 127.0.0.1), read which trials the reader had looked up and when (review r60 F2). So:

- a Host that is a name must be one the service is known by: localhost, or one in TRIALLENS_ALLOWED_HOSTS (an address
  such as 127.0.0.1 or 192.168.1.20 is always allowed: a rebinding page's Host is its own name, never an address);
- a request carrying an Origin must come from an extension, a configured origin (TRIALLENS_CORS_ORIGINS) or the
  service's own pages;
- a request another site's page sent without an Origin (an <img>, an iframe, a no-cors fetch: browsers say so in
  Sec-Fetch-Site) is refused, except a person following a link to one of the service's pages or answers.

/openapi.json stays open to every origin (it is the same for everyone). Callers that are not browsers send none of
these headers and are unaffected.

What this cannot stop: browsers send Sec-Fetch-* only to secure origins (https, localhost, 127.0.0.1), so a service on
plain http at a network address or name (`serve --host 0.0.0.0`) is still sent, and answers, an image another site
embeds; that one is as open to the network as it is to such pages (review r61 F6).
"""

from __future__ import annotations

import ipaddress
import re
from typing import Iterable

from flask import Flask, request

from . import problems

# names every machine has for itself; "*.localhost" too (RFC 6761: never resolved elsewhere)
LOCAL_NAMES = ("localhost",)
# what Sec-Fetch-Site says of a request another site's page sent (same-site: another port or subdomain, also not us)
OTHER_SITES = ("cross-site", "same-site")
OPEN_PATHS = ("/openapi.json",)


def host_name(host: str) -> str:
    """The name or address of a Host header, without its port or IPv6 brackets, lower-cased."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """Whether a request naming `host` is for this service: an address, localhost, or a configured name ("*" any name,
    "*.example.org" its subdomains)."""
    name = host_name(host).rstrip(".")
    if not name:
        return False
    if is_address(name) or name in LOCAL_NAMES or name.endswith(".localhost"):
        return True
    for entry in allowed:
        if entry == "*" or entry == name or entry.startswith("*.") and name.endswith(entry[1:]):
            return True
    return False


def same_origin(origin: str, host: str) -> bool:
    """Whether `origin` (scheme://host[:port]) is the service's own, as the request's Host names it."""
    netloc = origin.split("://", 1)[1] if "://" in origin else ""
    return bool(netloc) and netloc.lower() == host.strip().lower()


def origin_allowed(origin: str, patterns: Iterable[re.Pattern]) -> bool:
    return any(p.match(origin) for p in patterns) or same_origin(origin, request.host)


def install(app: Flask, allowed_hosts: tuple[str, ...], origins: list[re.Pattern]) -> None:
    """Refuse, before any other work, a request for another Host or from a page not allowed to use the service (a
    Problem: the API answers it as problem+json, the HTML pages as a page saying it)."""
    @app.before_request
    def check_caller():
        host = request.host
        if not host_allowed(host, allowed_hosts):
            raise problems.Problem(
                400, "host-not-allowed", "Host not allowed",
                f"this service does not answer for the host name {host_name(host)[:80]!r}: it answers at its address "
                "(e.g. 127.0.0.1), at localhost, and at the names set in TRIALLENS_ALLOWED_HOSTS")
        if request.path in OPEN_PATHS:
            return None
        origin = request.headers.get("Origin")
        fetched_from = request.headers.get("Sec-Fetch-Site", "").lower()
        if fetched_from == "same-origin":
            # the browser says the service's own page sent it (no page can set Sec-Fetch-*): whatever its Origin reads,
            # "null" under a page's old Referrer-Policy no-referrer, or a name and port a reverse proxy does not pass
            # on as the Host (nginx's "Host $host" drops the port; its default sends the upstream's: review r61 F2)
            return None
        if origin is not None:
            if origin_allowed(origin, origins):
                return None
            raise problems.Problem(
                403, "origin-not-allowed", "Origin not allowed",
                f"requests from web pages at {origin[:80]!r} are refused: only the TrialLens extension, the service's "
                "own pages and the origins set in TRIALLENS_CORS_ORIGINS may use it from a browser")
        followed_link = (request.method == "GET" and request.headers.get("Sec-Fetch-Mode", "").lower() == "navigate"
                         and request.headers.get("Sec-Fetch-Dest", "").lower() == "document")
        if fetched_from in OTHER_SITES and not followed_link:
            raise problems.Problem(
                403, "origin-not-allowed", "Origin not allowed",
                "requests another site's page sends on its own (an image, a frame, a script's fetch) are refused; "
                "open the service's pages directly")
        return None
