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
# Invisible characters sites put in text (zero-width spaces to allow line breaks, soft
# hyphens, byte-order marks): "NCT\u200b07635758" is NCT07635758 to a reader.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Class names that hide text from sighted readers but keep it for screen readers
# ("sr-only" in Tailwind/Bootstrap, WordPress's "screen-reader-text"…). That text is not
# what a reader sees: "Status: " before a badge would run into the badge row.
_VISUALLY_HIDDEN = frozenset(
    "sr-only visually-hidden visuallyhidden screen-reader-text screen-reader-only screenreader-only "
    "a11y-hidden hidden-visually u-visually-hidden u-hidden-visually element-invisible "
    "cdk-visually-hidden assistive-text".split()
)
# Icon fonts draw a glyph from a word ("calendar_today", "check_circle"): the word is not text.
# Only an icon font's own class, or an element hidden from screen readers whose class says
# icon: a status badge styled "status-icon" that reads "recruiting" is text.
_ICON_FONT = re.compile(r"(?:^|\s)(?:material-icons|material-symbols|glyphicon)[\w-]*(?:$|\s)", re.I)
_ICON_CLASS = re.compile(r"icon|(?:^|\s)fa[srlbd]?(?:$|\s|-)", re.I)
_LIGATURE = re.compile(r"[a-z][a-z0-9_]*")
_LABEL_END = re.compile(r"[\s:：]+$")
# XPath compiled once (a string passed to .xpath() is compiled on every call)
_XP_PANELS = etree.XPath("descendant-or-self::*[@aria-expanded]/@aria-controls")
_XP_SELECTED = etree.XPath(".//option[@selected]")
_XP_OPTIONS = etree.XPath(".//option")
_XP_JSON_LD = etree.XPath("//script[@type='application/ld+json']")
_XP_META = etree.XPath("//meta")
_XP_CANONICAL = etree.XPath("//link[@rel='canonical']")
_XP_SCRIPTS = etree.XPath("//script")


@dataclass(frozen=True)
class Line:
    text: str
    tag: str  # nearest block element: "li", "h2", "p", "div", …
    # The line's text split where one inline element ends and the next begins: a badge row
    # shown as "RECRUITINGPhase 1INTERVENTIONAL" has parts ("RECRUITING", "Phase 1", …).
    parts: tuple[str, ...] = ()
    # `datetime` attributes of <time> elements in the line: the machine-readable date behind
    # "3 days ago" or "Jun 27" when the text alone gives none.
    times: tuple[str, ...] = ()

    @property
    def spaced(self) -> str:
        """The text with a space where two inline elements meet letter to letter: flex items
        ("Current as of" + "July 09, 2025") are apart on screen though no space separates
        them in the source. Used for quoting a claim; `text` keeps the run-together form."""
        if len(self.parts) < 2:
            return self.text
        out, pos = [], 0
        for part in self.parts:
            at = self.text.find(part, pos)
            if at < 0:
                return self.text
            gap = self.text[pos:at]
            if out and not gap and out[-1][-1:].isalnum() and part[:1].isalnum():
                gap = " "
            out.append(gap + part)
            pos = at + len(part)
        return "".join(out) + self.text[pos:]


def clean(text: str | None) -> str:
    """Collapse whitespace the way a browser shows it."""
    # str.split() splits on every Unicode space (&nbsp;, thin and ideographic spaces, newlines)
    if not text:
        return ""
    if text.isascii():  # no invisible characters to drop
        return " ".join(text.split())
    return " ".join(_INVISIBLE_RE.sub("", text).split())  # a regex scan: str.translate is slow on long text


_CUT = "\x00"  # marks where an inline element starts or ends, for Line.parts


def _hidden(el, panels: frozenset[str], attrs: dict[str, str] | None = None) -> bool:
    """Is `el` out of a reader's sight? `hidden`, display:none, a closed <dialog>, and
    screen-reader-only text are; a collapsed accordion panel (the target of a button's
    aria-controls) and `hidden="until-found"` are not: the reader opens them with a click
    (criteria often sit in one). `attrs`: el's attributes, when the caller has them already."""
    if attrs is None:
        attrs = dict(el.items())
    if not attrs:
        return el.tag == "dialog"
    get = attrs.get
    if get("id") in panels:
        return False
    hidden = get("hidden")
    if hidden is not None and hidden.strip().lower() != "until-found":
        return True
    style = get("style")
    if style:
        style = style.replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            return True
    if el.tag == "dialog" and get("open") is None:
        return True
    cls = get("class") or ""
    classes = cls.split()
    if classes and _VISUALLY_HIDDEN.intersection(c.lower() for c in classes):
        return True
    # an icon font's ligature word ("calendar_today") drawn as a glyph
    if classes and len(el) == 0 and _LIGATURE.fullmatch((el.text or "").strip()) and (
            _ICON_FONT.search(cls) or (get("aria-hidden") == "true" and _ICON_CLASS.search(cls))):
        return True
    return False


def _collapse(text: str) -> str:
    """`clean` for text already known to be ASCII (no invisible characters to drop)."""
    return " ".join(text.split())


_NO_ATTRS: dict[str, str] = {}


def _panels(root) -> frozenset[str]:
    """Ids of the panels a button under `root` opens (aria-controls): a collapsed accordion
    panel is shown, though hidden until the click."""
    return frozenset(
        pid for value in _XP_PANELS(root)
        for pid in value.split()
    )


def _visible_lines(root, spans: dict | None = None) -> list[Line]:
    """The lines a reader sees under `root`, in order. One recursive walk over every
    element: the hot loop of every scrape, so attributes are read once per element.

    `spans`, if given, is filled with every block element the walk shows: one whose lines
    are exactly lines[start:end] maps to (start, end) — leaving it out of the page leaves
    the other lines as they are — and one whose removal would join the text around it,
    or a <pre>, to None. (Inline elements are not recorded: their text runs with the
    text around them.) The chrome-free view (`_layout.without_chrome`) drops blocks by
    their spans instead of walking the page again."""
    lines: list[Line] = []
    buf: list[str] = []
    times: list[str] = []
    tags: list[str] = ["body"]
    panels = _panels(root)

    def flush() -> None:
        if not buf:
            return
        raw = "".join(buf)
        buf.clear()
        tidy = _collapse if raw.isascii() else clean
        if _CUT not in raw:  # no inline element boundary: the line is one part (most lines)
            text = tidy(raw)
            if text:
                lines.append(Line(text, tags[-1], (text,), tuple(times)))
            times.clear()
            return
        text = tidy(raw.replace(_CUT, ""))
        if text:
            parts = tuple(p for p in map(tidy, raw.split(_CUT)) if p)
            lines.append(Line(text, tags[-1], parts if len(parts) > 1 else (text,), tuple(times)))
        times.clear()

    def walk(el) -> None:
        raw_tag = el.tag
        if not isinstance(raw_tag, str):  # comments, processing instructions
            if el.tail:
                buf.append(el.tail)
            return
        tag = raw_tag.lower()
        if "}" in tag:
            tag = tag.rsplit("}", 1)[-1]
        items = el.items()
        if items:
            attrs = dict(items)
            shadow = tag == "template" and (attrs.get("shadowrootmode") or attrs.get("shadowroot"))
            hidden = (tag in SKIP_TAGS and not shadow) or not tag or _hidden(el, panels, attrs)  # declarative shadow DOM is shown
        else:  # (most elements: no attributes, so only the tag can hide them)
            attrs = _NO_ATTRS
            hidden = tag in SKIP_TAGS or tag == "dialog" or not tag
        if hidden:
            if el.tail:
                buf.append(el.tail)
            return
        if tag == "select":  # a closed drop-down shows its chosen option only
            chosen = _XP_SELECTED(el) or _XP_OPTIONS(el)[:1]
            buf.append(_CUT + (chosen[0].text_content() if chosen else "") + _CUT + (el.tail or ""))
            return
        if tag == "pre":  # line breaks inside <pre> are the reader's lines
            if spans is not None:
                spans[el] = None
            flush()
            tags.append(tag)
            for row in el.text_content().splitlines():
                buf.append(row)
                flush()
            tags.pop()
            if el.tail:
                buf.append(el.tail)
            return
        if attrs and attrs.get("role") == "heading" and tag not in HEADING_TAGS:  # <div role="heading" aria-level="2">
            level = (attrs.get("aria-level") or "2").strip()
            tag = f"h{level}" if level in ("1", "2", "3", "4", "5", "6") else "h2"
        if tag == "time" and attrs.get("datetime"):
            times.append(attrs["datetime"].strip())
        block = tag in BLOCK_TAGS
        if block:
            before = len(lines)
            quiet = not times  # no date pending: it would go to this block (or be cleared), not past it
            if buf:  # (most blocks start and end with nothing pending: skip the call)
                flush()
            start = len(lines)
            quiet = quiet and start == before  # nothing pending became a line: no text to join
            tags.append(tag)
        else:
            buf.append(_CUT)
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            if buf:
                flush()
            tags.pop()
            if spans is not None:
                spans[el] = (start, len(lines)) if quiet else None  # (no date is left pending at a block's end)
        else:
            buf.append(_CUT)
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return lines


def _norm_label(text: str) -> str:
    return _LABEL_END.sub("", text.strip()).lower()


class Page:
    """Parsed HTML with the reader's view of it: `lines`, `text`, JSON-LD, meta tags, links."""

    def __init__(self, html: str, url: str | None = None):
        self.url = url
        self.host = host_of(url) if url else None
        self.root = lxml.html.document_fromstring(html)
        body = self.root.find("body")
        self._spans: dict = {}  # shown element -> its lines (see _visible_lines); without_chrome reads it
        self.lines: list[Line] = _visible_lines(body if body is not None else self.root, self._spans)
        self._walked = self.lines  # the lines of the tree as parsed (without_chrome reuses them)
        self.texts: list[str] = [ln.text for ln in self.lines]
        self.text = "\n".join(self.texts)
        self._norms: list[str] | None = None

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
        node = self.root.find(".//title")
        return clean(node.text_content()) if node is not None else None

    def headings(self, *levels: str) -> list[str]:
        levels = levels or tuple(HEADING_TAGS)
        return [ln.text for ln in self.lines if ln.tag in levels]

    def links(self) -> list[tuple[str, str]]:
        """(href, visible text) of every link, in page order."""
        return [(a.get("href") or "", clean(a.text_content())) for a in self.root.iter("a")]

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
        groups.append([i for href, _ in self.links() if "clinicaltrials.gov" in href.lower() for i in find_nct_ids(href)])
        groups.append([i for node in _XP_META(self.root) for i in find_nct_ids(node.get("content") or "")])
        groups.append([i for node in _XP_SCRIPTS(self.root) for i in find_nct_ids(node.text or "")])
        for ids in groups:
            ids = [i for i in ids if i not in exclude]  # e.g. the trials a similar-trials block lists
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

