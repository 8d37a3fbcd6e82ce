"""The rule for the address a page was saved from, as the API, the HTML form and the CLI take it.

Flask-free on purpose: `triallens check --url` uses it, and importing it from server.api loaded Flask for every check
(the CLI had kept its own copy of the rule instead; review r23 #8). Each caller words the refusal for its own input:
the API names its JSON field ('"url" must be …'), the CLI adds what was given (", got 'notaurl'").
"""

from __future__ import annotations

import re

from scrapers.errors import BadInput

MAX_URL = 4096
# (a scheme with nothing after it is no address: "https://" alone chose no site reader)
_WEB_ADDRESS = re.compile(r"(?i)https?://\S")


class BadPageUrl(BadInput):
    """The page's address is not an http(s) address, or is too long; the message says which, without naming the
    field (each caller names it its own way)."""


def page_url(text: str | None) -> str | None:
    """The address a page was saved from, as given (None when empty); BadPageUrl for one too long or not http(s).
    It only chooses the site reader: TrialLens never fetches it."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) > MAX_URL:
        raise BadPageUrl(f"is longer than {MAX_URL} characters")
    if not _WEB_ADDRESS.match(text):
        raise BadPageUrl("must be the page's http(s) address (it only chooses the site reader; it is never fetched)")
    return text
