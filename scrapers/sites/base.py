"""What every site scraper reads: the page as a reader sees it.

Scrapers anchor on visible text (labels, headings, order of lines) and embedded data
(JSON-LD, meta tags), not on CSS class names, because the sites' markup changes and is
not in our hands. `Page` turns HTML into the ordered lines a reader sees, remembering
for each line the block element it came from (li, h2, p, dd…).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlparse

import lxml.html
from lxml import etree

from ..nct import find_nct_ids

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul button label option".split()
)
SKIP_TAGS = frozenset("script style noscript template head svg iframe object canvas".split())
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f]+")


@dataclass(frozen=True)
class Line:
    text: str
    tag: str  # nearest block element: "li", "h2", "p", "div", …
    # The line's text split where one inline element ends and the next begins: a badge row
    # shown as "RECRUITINGPhase 1INTERVENTIONAL" has parts ("RECRUITING", "Phase 1", …).
    parts: tuple[str, ...] = ()


def clean(text: str | None) -> str:
    """Collapse whitespace the way a browser shows it."""
    return _WS.sub(" ", text or "").strip()


_CUT = "\x00"  # marks where an inline element starts or ends, for Line.parts


def _visible_lines(root) -> list[Line]:
    lines: list[Line] = []
    buf: list[str] = []
    tags: list[str] = ["body"]

    def flush() -> None:
        raw = "".join(buf)
        buf.clear()
        text = clean(raw.replace(_CUT, ""))
        if text:
            parts = tuple(p for p in (clean(x) for x in raw.split(_CUT)) if p)
            lines.append(Line(text, tags[-1], parts if len(parts) > 1 else (text,)))

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if tag in SKIP_TAGS or not tag:
            if el.tail:
                buf.append(el.tail)
            return
        if el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", "").lower():
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            flush()
            tags.append(tag)
        else:
            buf.append(_CUT)
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
            tags.pop()
        else:
            buf.append(_CUT)
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return lines


def _norm_label(text: str) -> str:
    return re.sub(r"[\s:：]+$", "", text.strip()).lower()


class Page:
    """Parsed HTML with the reader's view of it: `lines`, `text`, JSON-LD, meta tags, links."""

    def __init__(self, html: str, url: str | None = None):
        self.url = url
        self.host = host_of(url) if url else None
        self.root = lxml.html.document_fromstring(html)
        self.lines: list[Line] = _visible_lines(self.root.find("body") if self.root.find("body") is not None else self.root)
        self.texts: list[str] = [ln.text for ln in self.lines]
        self.text = "\n".join(self.texts)

    # -- embedded data -------------------------------------------------------
    def json_ld(self) -> list[dict]:
        """Every JSON-LD object on the page (@graph flattened); broken blocks are skipped."""
        out: list[dict] = []
        for node in self.root.xpath("//script[@type='application/ld+json']"):
            try:
                data = json.loads(node.text or "")
            except (ValueError, TypeError):
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
        for node in self.root.xpath("//meta[@name=$n or @property=$n]", n=name):
            content = node.get("content")
            if content:
                return clean(content)
        return None

    @property
    def title_tag(self) -> str | None:
        node = self.root.find(".//title")
        return clean(node.text_content()) if node is not None else None

    def headings(self, *levels: str) -> list[str]:
        levels = levels or tuple(HEADING_TAGS)
        return [ln.text for ln in self.lines if ln.tag in levels]

    def links(self) -> list[tuple[str, str]]:
        """(href, visible text) of every link, in page order."""
        return [(a.get("href") or "", clean(a.text_content())) for a in self.root.iter("a")]

    def canonical_url(self) -> str | None:
        for node in self.root.xpath("//link[@rel='canonical']"):
            if node.get("href"):
                return node.get("href")
        return self.meta("og:url")

    # -- the reader's view ---------------------------------------------------
    def find(self, label: str, start: int = 0, end: int | None = None) -> int | None:
        """Index of the first line that is exactly `label` (case-insensitive, trailing colon ignored)."""
        want = _norm_label(label)
        for i in range(start, len(self.lines) if end is None else min(end, len(self.lines))):
            if _norm_label(self.texts[i]) == want:
                return i
        return None

    def find_any(self, labels: tuple[str, ...] | list[str], start: int = 0, end: int | None = None) -> int | None:
        hits = [i for i in (self.find(lb, start, end) for lb in labels) if i is not None]
        return min(hits) if hits else None

    def find_prefix(self, prefix: str, start: int = 0) -> int | None:
        """Index of the first line starting with `prefix` (case-insensitive)."""
        want = prefix.lower()
        for i in range(start, len(self.lines)):
            if self.texts[i].lower().startswith(want):
                return i
        return None

    def labelled(self, label: str, start: int = 0, end: int | None = None) -> str | None:
        """The value shown for `label`: "Label: value" on one line, or the line after "Label".

        Returns None when the label is followed directly by another known label or
        heading (Veeva shows labels with no values).
        """
        want = _norm_label(label)
        stop = len(self.lines) if end is None else min(end, len(self.lines))
        for i in range(start, stop):
            t = self.texts[i]
            if _norm_label(t) == want:
                if i + 1 < stop:
                    nxt = self.lines[i + 1]
                    if nxt.tag in HEADING_TAGS:
                        return None
                    return nxt.text
                return None
            m = re.match(re.escape(label) + r"\s*[:：]\s*(.+)$", t, re.I)
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
        for ln in self.lines[i + 1:]:
            if _norm_label(ln.text) in stop_set:
                break
            if level in HEADING_TAGS and ln.tag in HEADING_TAGS and ln.tag <= level:
                break
            out.append(ln)
        return out

    def nct_ids(self) -> list[str]:
        return find_nct_ids(self.text)

    def markup_nct_ids(self) -> list[str]:
        """NCT ids the markup carries but the text may not show, best evidence first: the
        canonical URL, links to ClinicalTrials.gov, meta tags, then embedded data (JSON-LD,
        framework JSON), each group by frequency. For pages whose URL is a title slug and
        whose visible text prints no id (some ClinicalTrials.Veeva pages)."""
        groups: list[list[str]] = [find_nct_ids(self.canonical_url() or "")]
        groups.append([i for href, _ in self.links() if "clinicaltrials.gov" in href.lower() for i in find_nct_ids(href)])
        groups.append([i for node in self.root.xpath("//meta[@content]") for i in find_nct_ids(node.get("content") or "")])
        groups.append([i for node in self.root.xpath("//script") for i in find_nct_ids(node.text or "")])
        for ids in groups:
            if ids:
                return sorted(dict.fromkeys(ids), key=lambda i: -ids.count(i))
        return []


def host_of(url: str | None) -> str | None:
    """"https://www.meddatax.com/x" -> "meddatax.com"; None for anything without a host."""
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


def split_items(lines: list[Line]) -> list[str]:
    """Criteria lines to items: list lines as they are, other lines split on run-on numbering."""
    items: list[str] = []
    for ln in lines:
        text = ln.text
        if ln.tag == "li":
            items.append(text)
            continue
        parts = re.split(r"(?:(?<=^)|(?<=\s))(?=\d{1,2}\.\s)", text)
        items.extend(p.strip() for p in parts if p.strip())
    return items


def etree_text(el) -> str:
    return clean(etree.tostring(el, method="text", encoding="unicode"))
