"""scrape_html: HTML in, PageRecord out, with bad input refused by a typed error."""

from __future__ import annotations

import re

from lxml.etree import ParserError

from .charset import BINARY, decode_page
from .errors import BadInput, InvalidNctId, NoTrialFound
from .model import PageRecord
from .nct import count_nct_ids, find_nct_ids, normalize_nct_id
from .sites import scraper_for, scraper_for_brand
from .sites.base import Page
from .sites._embedded import cross_check_embedded

MAX_HTML_BYTES = 10 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r
# What XML text cannot hold and lxml refuses when a scraper edits the tree: stray control
# characters (dropped, as browsers show nothing for them; form feed becomes a space) and lone
# surrogates or non-characters (shown as U+FFFD, as a browser decoding the page would).
_NOT_XML_CHAR = re.compile("[\ud800-\udfff\ufffe\uffff]")
_TAG = re.compile(r"<\s*(!doctype|html|head|body|div|p|span|h[1-6]|ul|ol|li|table|a|main|article|section|meta|title)\b", re.I)


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20)])  # _CONTROL's characters, as UTF-8 bytes


def _clean_text(html: str) -> bool:
    """True when `html` holds no control character (_CONTROL) and nothing XML cannot hold
    (_NOT_XML_CHAR): the page needs no cleaning and no binary check can refuse it. Checked
    on the UTF-8 bytes, in C, about 8x faster than the two regex scans: strict encoding
    fails on a lone surrogate; a control byte never occurs inside a multi-byte sequence;
    U+FFFE/U+FFFF are EF BF BE/BF."""
    try:
        raw = html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return len(raw.translate(None, _CONTROL_BYTES)) == len(raw) and b"\xef\xbf\xbe" not in raw \
        and b"\xef\xbf\xbf" not in raw


def _as_text(html: str | bytes) -> str:
    if html is None:
        raise BadInput("no input: expected the HTML of a trial page")
    if isinstance(html, (bytes, bytearray)):
        if len(html) > MAX_HTML_BYTES:
            raise BadInput(f"page is {len(html):,} bytes; the limit is {MAX_HTML_BYTES:,} (10 MB)")
        html = decode_page(html)
    if not isinstance(html, str):
        raise BadInput(f"expected HTML text, got {type(html).__name__}")
    if len(html) > MAX_HTML_BYTES:
        raise BadInput(f"page is {len(html):,} characters; the limit is {MAX_HTML_BYTES:,} (10 MB)")
    if not html or html.isspace():  # (as `not html.strip()`, without copying the page)
        raise BadInput("input is empty: expected the HTML of a trial page")
    if _clean_text(html):  # the common case: nothing below could refuse or change it
        if not _TAG.search(html, 0, 200000):
            raise BadInput("input is not HTML (no HTML tags found)")
        return html.replace("\x0c", " ")
    head = html[:65536]
    if "\x00" in head:
        raise BadInput(BINARY)
    controls = len(_CONTROL.findall(head))
    if controls > len(head) * 0.01:
        raise BadInput("input looks binary (many control characters), not an HTML page")
    if not _TAG.search(html, 0, 200000):
        raise BadInput("input is not HTML (no HTML tags found)")
    html = _CONTROL.sub("", html).replace("\x0c", " ")
    return html if html.isascii() else _NOT_XML_CHAR.sub("\ufffd", html)  # ASCII holds no surrogates


def scrape_html(html: str | bytes, url: str | None = None) -> PageRecord:
    """Read a saved trial page. The scraper is chosen by the URL's host (or the page's own
    canonical URL); hosts without one get the generic reader.

    Raises BadInput for input that is not a readable page and NoTrialFound for a page
    that shows no NCT id.
    """
    text = _as_text(html)
    try:
        page = Page(text, url)
    except (ParserError, ValueError) as exc:
        raise BadInput(f"could not parse the HTML: {exc}") from None
    if url is None:
        canonical = page.canonical_url()
        if canonical and "//" in canonical:
            page = page.at_address(canonical)
    module = scraper_for(page.url)
    if page.url is None:  # saved without its address: a page that names its site still gets that site's reader
        module = scraper_for_brand(page.meta("og:site_name") or page.meta("application-name"), page.title_tag) or module
    record: PageRecord = module.scrape(page)
    record.url = url if url is not None else page.url
    record.read_lines = page.cut_at
    try:
        _choose_primary(record, page)
    except NoTrialFound:
        if page.cut_at is None:
            raise
        raise NoTrialFound(f"no ClinicalTrials.gov NCT id found in the part of this page TrialLens read: the page is "
                           f"too long to read whole, and only its first {page.cut_at:,} lines were read") from None
    cross_check_embedded(record, page, fill=getattr(module, "HOSTS", ()) != ())
    return record


def _canonical(nct_id: str) -> str:
    """A site reader's own id in canonical form. The readers read ids with scrapers.nct, which gives them so; kept so
    that an id a reader takes as written (digits in another script, "NCT٠٧٢٣٢٥٦٣") never reaches the registry as
    written (round 10b)."""
    try:
        return normalize_nct_id(nct_id)
    except InvalidNctId:
        return nct_id


def _choose_primary(record: PageRecord, page: Page) -> None:
    """Primary NCT id: from the URL, then the scraper's labelled id, then the title or
    main heading, then the most frequent id on the page. The rest go to other_nct_ids.

    An address naming a trial the page never mentions, on a page whose label, title or main heading names
    another, is not this page's address (a saved page pasted with the wrong one, or an old id ClinicalTrials.gov
    redirected from): the page's own id wins. The address used to decide, and a lupus trial's page was checked
    against a stroke trial's record, with a critical "maximum age" alarm (review of the service pages)."""
    counts = count_nct_ids(page.text)
    on_page = list(counts)  # page.nct_ids(), from the same scan
    from_url = find_nct_ids(page.url or "")
    heading_ids = find_nct_ids(" ".join(page.headings("h1") + [page.title_tag or ""]))
    if from_url and from_url[0] not in counts and (record.nct_id or heading_ids) \
            and from_url[0] not in page.markup_nct_ids():
        from_url = []
    primary = None
    if from_url:
        primary = from_url[0]
    elif record.nct_id:
        primary = _canonical(record.nct_id)
    elif heading_ids:
        primary = heading_ids[0]
    elif counts:
        best = max(counts.values())
        primary = next(i for i in on_page if counts[i] == best)
    else:  # no id in the text: the one id the markup carries (canonical URL, registry link,
        # embedded data); links to several trials (a search page) are no claim about one
        in_markup = page.markup_nct_ids()
        primary = in_markup[0] if len(in_markup) == 1 else None
    if primary is None:
        raise NoTrialFound("no ClinicalTrials.gov NCT id found on this page")
    record.nct_id = primary
    related = set(record.related_nct_ids)
    record.related_nct_ids = [i for i in record.related_nct_ids if i != primary]
    record.other_nct_ids = [i for i in on_page if i != primary and i not in related]
