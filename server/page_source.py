"""Where a page to check comes from: a saved file (its address read from the file or its folder)
or an http(s) URL fetched for the command line. The service never fetches a client's URL; only
`triallens check URL` does, for the person running it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from scrapers.charset import decode_page, header_charset
from scrapers.errors import BadInput
from scrapers.registry.settings import is_offline
from scrapers.scrape import MAX_HTML_BYTES
from scrapers.sites import registry as site_registry

MAX_FETCH_BYTES = MAX_HTML_BYTES


def read_page(source: str, url: str | None = None) -> tuple[str | bytes, str | None]:
    """(html, url) from a file path (its bytes, which scrape_html decodes) or an http(s) URL (its text).

    A URL is refused in offline mode. For a file without --url, the folder name is used as the host when it is a supported
    site (fixtures/html/<host>/case.html), so saved pages are read by the right scraper.
    """
    if source.startswith(("http://", "https://")):
        if is_offline():   # README: offline, TrialLens never uses the network (this fetch included)
            raise BadInput(f"TRIALLENS_OFFLINE is set: TrialLens will not fetch {source}; save the page and "
                           "pass the file (with --url for its address)")
        return fetch_page(source), url or source
    path = Path(source)
    data = read_bounded(path, source)
    if url is None:
        url = saved_from(data)
    if url is None and path.parent.name in site_registry():
        url = f"https://{path.parent.name}/"
    return data, url


def read_bounded(path: Path, source: str) -> bytes:
    """The file's bytes, reading at most the page limit and one byte more: `scrape /dev/zero` (or an endless pipe) read
    without bound before the limit was checked (audit r39 F8). BadInput for one over the limit or unreadable."""
    try:
        with path.open("rb") as f:
            data = read_at_most(f, MAX_HTML_BYTES)
    except OSError as exc:
        raise BadInput(f"cannot read {source}: {exc.strerror or exc}") from None
    if data is None:
        raise BadInput(f"{source} is more than {MAX_HTML_BYTES:,} bytes; the limit is {MAX_HTML_BYTES:,} (10 MB)")
    return data


def read_at_most(stream: BinaryIO, limit: int) -> bytes | None:
    """All of a binary stream if it holds at most `limit` bytes, else None; it reads at most `limit` + 1 bytes, so an
    endless one (a file like /dev/zero, a chunked request body) costs no more than the limit."""
    chunks, size = [], 0
    while size <= limit:
        part = stream.read(min(1 << 16, limit + 1 - size))
        if not part:
            break
        chunks.append(part)
        size += len(part)
    return None if size > limit else b"".join(chunks)


# a browser's "Save page as" mark, the SingleFile extension's header, or our fixtures' comment
_SAVED_FROM = re.compile(rb"<!--\s*(?:saved from url=\(\d+\)|source:|Page saved with SingleFile\s+url:)\s*(https?://[^\s>]+?)\s*(?:-->|\s)")


def saved_from(data: bytes) -> str | None:
    """The page's address recorded in the file: a browser's "saved from url=(N)…" mark,
    SingleFile's "Page saved with SingleFile / url: …" header or the fixtures'
    "<!-- source: URL -->" comment (first 4 KB only)."""
    m = _SAVED_FROM.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def fetch_page(url: str) -> str:
    """The page at `url` as text, decoded by its byte-order mark, the charset the site sent, or its own <meta>."""
    import requests

    try:
        resp = requests.get(url, timeout=20, stream=True, headers={"User-Agent": "TrialLens/0.1 (+page check)"})
        resp.raise_for_status()
        chunks, size = [], 0
        for chunk in resp.iter_content(65536):
            size += len(chunk)
            if size > MAX_FETCH_BYTES:
                raise BadInput(f"{url} is larger than 10 MB")
            chunks.append(chunk)
        return decode_page(b"".join(chunks), header_charset(resp.headers.get("Content-Type")))
    except requests.RequestException as exc:
        raise BadInput(f"could not fetch {url}: {_why_not_fetched(exc)}") from None


def _why_not_fetched(exc: Exception) -> str:
    """A fetch failure in a sentence ("the site did not answer within 20 s"), not urllib3's repr."""
    import requests

    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        return f"the site answered HTTP {exc.response.status_code} {exc.response.reason or ''}".rstrip()
    if isinstance(exc, requests.Timeout):
        return "the site did not answer within 20 s"
    if isinstance(exc, requests.ConnectionError):
        text = str(exc)
        if "NameResolution" in text or "Name or service not known" in text or "getaddrinfo" in text:
            return "the host name could not be resolved (no network, or a mistyped address?)"
        return "could not connect to the site"
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema)):
        return "not a web address TrialLens can fetch (use http:// or https://)"
    return type(exc).__name__
