"""What every site scraper reads: the page as a reader sees it.

Scrapers anchor on visible text (labels, headings, order of lines) and embedded data
(JSON-LD, meta tags), not on CSS class names, because the sites' markup changes and is
not in our hands. `Page` turns HTML into the ordered lines a reader sees (`_lines`),
remembering for each line the block element it came from (li, h2, p, dd…).
"""

from __future__ import annotations

import copy
import json
import re
import threading
from functools import lru_cache
from urllib.parse import urlparse

from lxml import etree

from ..nct import find_nct_ids
from ._lines import HEADING_TAGS, Line, clean, read_lines, text_content, truncate_at

# lxml.html's parser without its Python element-class lookup (see _lines.text_content);
# one per thread, so the error log read after a parse is that parse's own
_PARSERS = threading.local()
_TOO_DEEP = etree.ErrorTypes.ERR_RESOURCE_LIMIT
_LABEL_END = re.compile(r"[\s:：]+$")
# XPath compiled once (a string passed to .xpath() is compiled on every call)
_XP_JSON_LD = etree.XPath("//script[@type='application/ld+json']")
_XP_META = etree.XPath("//meta")
_XP_CANONICAL = etree.XPath("//link[@rel='canonical']")
_XP_SCRIPTS = etree.XPath("//script")


def _norm_label(text: str) -> str:
    return _LABEL_END.sub("", text.strip()).lower()


def _parse(html: str):
    """The parsed tree, whole. libxml2 stops at elements nested 256 deep and drops the rest
    of the page; a page read in part would look as if it had lost its criteria, so it is
    refused (ParserError) rather than read."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.HTMLParser()
    root = etree.fromstring(html, parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    last = parser.error_log.last_error
    if last is not None and last.type == _TOO_DEEP:
        raise etree.ParserError("elements are nested more than 255 deep; the rest of the page cannot be read")
    return root


class Page:
    """Parsed HTML with the reader's view of it: `lines`, `text`, JSON-LD, meta tags, links."""

    def __init__(self, html: str, url: str | None = None):
        self.url = url
        self.host = host_of(url) if url else None
        self.root = _parse(html)
        body = self.root.find("body")
        self._spans: dict = {}  # shown element -> its lines (see _visible_lines); without_chrome reads it
        self.lines: list[Line]
        self.lines, stop = read_lines(body if body is not None else self.root, self._spans)
        # a page too long to read whole (_lines.MAX_LINES, MAX_ELEMENTS, MAX_CHARS) is read as far as the walk went, and
        # its tree cut there too, so no reader sees more of it than its lines: how many lines were read, None when all were
        self.cut_at: int | None = None
        if stop is not None:
            truncate_at(stop)
            self.cut_at = len(self.lines)
        self._walked = self.lines  # the lines of the tree as parsed (without_chrome reuses them)
        self.texts: list[str] = [ln.text for ln in self.lines]
        self.text = "\n".join(self.texts)
        self._norms: list[str] | None = None

    def at_address(self, url: str) -> Page:
        """This page read at `url` (a page saved without its address, at its own canonical URL): the same tree and
        lines, not parsed and walked again — neither depends on the address; what is read with it (the page's own
        trial among the ids a "similar trials" block lists) is read anew."""
        page = copy.copy(self)
        page.url, page.host = url, host_of(url)
        page.__dict__.pop("_listed_other_trials", None)
        return page

    @property
    def norms(self) -> list[str]:
        """Each line as a label (lower case, trailing colon dropped), computed once: scrapers
        look up dozens of labels per page."""
        if self._norms is None:
            self._norms = [_norm_label(t) for t in self.texts]
        return self._norms

    # -- embedded data -------------------------------------------------------
    def json_ld(self) -> list[dict]:
        """Every JSON-LD object on the page (@graph flattened); broken blocks are skipped.
        Parsed once per page (a new list each call)."""
        found = self.__dict__.get("_json_ld")
        if found is None:
            found = self.__dict__["_json_ld"] = self._read_json_ld()
        return list(found)

    def _read_json_ld(self) -> list[dict]:
        out: list[dict] = []
        for node in _XP_JSON_LD(self.root):
            try:
                data = json.loads(node.text or "")
            except (ValueError, TypeError, RecursionError):   # (nested past Python's recursion limit)
                continue
            stack = data if isinstance(data, list) else [data]
            for item in stack:
                if isinstance(item, dict):
                    out.append(item)
                    graph = item.get("@graph")
                    if isinstance(graph, list):
                        out.extend(g for g in graph if isinstance(g, dict))
        return out

    def meta(self, name: str) -> str | None:
        """The content of the first <meta> named `name` (name= or property=) that has one."""
        index = self.__dict__.get("_meta")
        if index is None:  # one pass over the page's meta tags, whatever is asked later
            index = self.__dict__["_meta"] = {}
            for node in _XP_META(self.root):
                content = node.get("content")
                if content:
                    for key in (node.get("name"), node.get("property")):
                        if key is not None:
                            index.setdefault(key, clean(content))
        return index.get(name)

    @property
    def title_tag(self) -> str | None:
        """The <title>'s text, read once (the dispatcher, the readers and the primary-id choice each ask)."""
        if "_title_tag" not in self.__dict__:
            node = self.root.find(".//title")
            self.__dict__["_title_tag"] = clean(text_content(node)) if node is not None else None
        return self.__dict__["_title_tag"]

    def headings(self, *levels: str) -> list[str]:
        levels = levels or tuple(HEADING_TAGS)
        return [ln.text for ln in self.lines if ln.tag in levels]

    def links(self) -> list[tuple[str, str]]:
        """(href, visible text) of every link, in page order."""
        return [(a.get("href") or "", clean(text_content(a))) for a in self.root.iter("a")]

    def canonical_url(self) -> str | None:
        if "_canonical" not in self.__dict__:  # asked by the dispatcher, each view and the id readers
            self.__dict__["_canonical"] = next(
                (node.get("href") for node in _XP_CANONICAL(self.root) if node.get("href")), None) or self.meta("og:url")
        return self.__dict__["_canonical"]

    # -- the reader's view ---------------------------------------------------
    def find(self, label: str, start: int = 0, end: int | None = None) -> int | None:
        """Index of the first line that is exactly `label` (case-insensitive, trailing colon ignored)."""
        want = _norm_label(label)
        norms = self.norms
        for i in range(start, len(self.lines) if end is None else min(end, len(self.lines))):
            if norms[i] == want:
                return i
        return None

    def find_any(self, labels: tuple[str, ...] | list[str], start: int = 0, end: int | None = None) -> int | None:
        hits = [i for i in (self.find(lb, start, end) for lb in labels) if i is not None]
        return min(hits) if hits else None

    def labelled(self, label: str, start: int = 0, end: int | None = None) -> str | None:
        """The value shown for `label`: "Label: value" on one line, or the line after "Label".

        Returns None when the label is followed directly by another known label or
        heading (Veeva shows labels with no values).
        """
        want = _norm_label(label)
        norms = self.norms
        head = label.casefold()
        stop = len(self.lines) if end is None else min(end, len(self.lines))
        for i in range(start, stop):
            t = self.texts[i]
            if norms[i] == want:
                if i + 1 < stop:
                    nxt = self.lines[i + 1]
                    if nxt.tag in HEADING_TAGS:
                        return None
                    return nxt.text
                return None
            m = t[:len(label)].casefold() == head and re.match(re.escape(label) + r"\s*[:：]\s*(.+)$", t, re.I)
            if m:
                return clean(m.group(1))
        return None

    def section(self, heading: str | tuple[str, ...], stops: tuple[str, ...] = (), start: int = 0) -> list[Line]:
        """Lines after `heading` up to the next of `stops` (or the next heading of the same or higher level)."""
        labels = (heading,) if isinstance(heading, str) else heading
        i = self.find_any(labels, start)
        if i is None:
            return []
        level = self.lines[i].tag
        stop_set = {_norm_label(s) for s in stops}
        out: list[Line] = []
        norms = self.norms
        for j, ln in enumerate(self.lines[i + 1:], i + 1):
            if norms[j] in stop_set:
                break
            if level in HEADING_TAGS and ln.tag in HEADING_TAGS and ln.tag <= level:
                break
            out.append(ln)
        return out

    def nct_ids(self) -> list[str]:
        return find_nct_ids(self.text)

    def markup_nct_ids(self, exclude: frozenset[str] | set[str] = frozenset()) -> list[str]:
        """NCT ids the markup carries but the text may not show, best evidence first: the
        canonical URL, links to ClinicalTrials.gov, meta tags, then embedded data (JSON-LD,
        framework JSON), each group by frequency, leaving out `exclude`. For pages whose URL is a title slug and
        whose visible text prints no id (some ClinicalTrials.Veeva pages)."""
        groups: list[list[str]] = [find_nct_ids(self.canonical_url() or "")]
        hrefs = [a.get("href") or "" for a in self.root.iter("a")]  # (links() also reads each link's text)
        groups.append([i for href in hrefs if "clinicaltrials.gov" in href.lower() for i in find_nct_ids(href)])
        groups.append([i for node in _XP_META(self.root) for i in find_nct_ids(node.get("content") or "")])
        groups.append([i for node in _XP_SCRIPTS(self.root) for i in find_nct_ids(node.text or "")])
        for ids in groups:
            ids = [i for i in ids if i not in exclude]  # e.g. the trials a similar-trials block lists
            if ids:
                return sorted(dict.fromkeys(ids), key=lambda i: -ids.count(i))
        return []


@lru_cache(maxsize=1024)
def host_of(url: str | None) -> str | None:
    """"https://www.meddatax.com/x" -> "meddatax.com"; None for anything without a host. Cached: each page asks twice
    (its Page, the choice of its reader), and a service sees the same addresses again."""
    if not url:
        return None
    try:
        netloc = urlparse(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not netloc:
        return None
    netloc = netloc.lower().rstrip(".")
    return netloc[4:] if netloc.startswith("www.") else netloc

