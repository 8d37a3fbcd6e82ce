"""The lines a reader sees: one walk over the parsed page (the hot loop of every scrape).

Each line remembers the block element it came from (li, h2, p, dd…), where inline elements
meet inside it (`Line.parts`), and the dates <time> elements give it. Hidden text is left
out the way a browser leaves it out: `hidden`, display:none, closed dialogs, screen-reader-
only text and icon-font ligatures; a collapsed accordion panel is kept (a click opens it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

# An element's text as lxml.html's text_content() reads it (the same XPath), for pages parsed
# with a plain etree.HTMLParser: lxml.html's element classes are looked up in Python for every
# element touched, a tenth of a scrape's time.
text_content = etree.XPath("string()", smart_strings=False)

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
# XPath compiled once (a string passed to .xpath() is compiled on every call)
# (from the attribute up, as _chrome._ROLE: a third faster than testing every element for the attribute)
_XP_PANELS = etree.XPath("descendant-or-self::*/@aria-expanded/../@aria-controls")
_XP_SELECTED = etree.XPath(".//option[@selected]")
_XP_OPTIONS = etree.XPath(".//option")

# How much of a page the walk reads: the trial's own fields come first, and no trial page needs more. The longest page
# in fixtures/html has 111 lines (194 elements); a page showing the whole of the longest record in the shared corpus
# (8,092 records: NCT02513394, every field and result) would have about 28,000, one listing the 1,412 sites of
# NCT00490139 about 7,000. A page past either limit (an endless comment thread or footer, or filler: 400,000 "<li>a</li>"
# took 10 s to read) is read as far as the limit and says so (Page.cut); what lies further down is not read at all.
MAX_LINES = 20_000
MAX_ELEMENTS = 100_000  # elements the walk enters (a hidden one counts once, its contents not at all)
# characters of text read (the lines' own, a newline each): 10 MB of normal-sized paragraphs is 18,192 lines, under
# both limits above, and was read whole. The longest record in the shared corpus (NCT02513394, results included) has
# 550,301 characters of text in all, keys too; the longest saved page in fixtures/html 12,143
MAX_CHARS = 2_000_000


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


_make = object.__new__


def _new_line(text: str, tag: str, parts: tuple[str, ...], times: tuple[str, ...]) -> Line:
    """Line(text, tag, parts, times), made as the walk makes thousands: a frozen dataclass's __init__ sets each field
    through object.__setattr__, about twice the cost of filling the new instance's __dict__ (the same fields in the
    same order: equal, hashed and shown as one made by Line(…))."""
    line = _make(Line)
    d = line.__dict__
    d["text"] = text
    d["tag"] = tag
    d["parts"] = parts
    d["times"] = times
    return line


def clean(text: str | None) -> str:
    """Collapse whitespace the way a browser shows it."""
    # str.split() splits on every Unicode space (&nbsp;, thin and ideographic spaces, newlines)
    if not text:
        return ""
    if text.isascii():  # no invisible characters to drop
        return " ".join(text.split())
    return " ".join(_INVISIBLE_RE.sub("", text).split())  # a regex scan: str.translate is slow on long text


@dataclass(frozen=True)
class Stop:
    """Where `read_lines` stopped on a page too long to read whole: the first element it did not read, or a <pre> it
    read only the first rows of (`rows_read`: their text)."""
    element: object
    rows_read: str | None = None


_CUT = "\x00"  # marks where an inline element starts or ends, for Line.parts
_CUT_OR_SPACE = _CUT + " \t\n\r\f\v"  # what may surround a line's text without making it more than one part


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
    if not cls or cls.isspace():
        return False
    if not _VISUALLY_HIDDEN.isdisjoint(cls.lower().split()):  # (lower case splits where the class names do)
        return True
    # an icon font's ligature word ("calendar_today") drawn as a glyph
    if len(el) == 0 and _LIGATURE.fullmatch((el.text or "").strip()) and (
            _ICON_FONT.search(cls) or (get("aria-hidden") == "true" and _ICON_CLASS.search(cls))):
        return True
    return False


def _collapse(text: str) -> str:
    """`clean` for text already known to be ASCII (no invisible characters to drop)."""
    return " ".join(text.split())


_NO_ATTRS: dict[str, str] = {}
# Tags an element without attributes is hidden by ("": a comment or processing instruction, whose tail is still text)
_HIDDEN_BARE = SKIP_TAGS | {"dialog", ""}
_SELECT_OR_PRE = frozenset({"select", "pre"})
# el.tag as the walk compares it, by the tag as parsed: a dict lookup instead of lower() and a namespace test for every
# element (bounded: a page of made-up tag names must not grow it without end)
_TAG_NAMES: dict = {}


def _tag_name(raw) -> str:
    """`raw` (an element's .tag) in lower case without its namespace; "" for a comment or processing instruction."""
    if not isinstance(raw, str):
        tag = ""
    else:
        tag = raw.lower()
        if "}" in tag:
            tag = tag.rsplit("}", 1)[-1]
    if len(_TAG_NAMES) < 2048:
        _TAG_NAMES[raw] = tag
    return tag


def _panels(root) -> frozenset[str]:
    """Ids of the panels a button under `root` opens (aria-controls): a collapsed accordion
    panel is shown, though hidden until the click."""
    return frozenset(
        pid for value in _XP_PANELS(root)
        for pid in value.split()
    )


def _visible_lines(root, spans: dict | None = None) -> list[Line]:
    """`read_lines`' lines alone."""
    return read_lines(root, spans)[0]


def read_lines(root, spans: dict | None = None, max_lines: int | None = None,
               max_elements: int | None = None, max_chars: int | None = None) -> tuple[list[Line], Stop | None]:
    """(lines, stop): the lines a reader sees under `root`, in order, and where the walk stopped on a page too long to
    read whole (None when it read all of it). One recursive walk over every element: the hot loop of every scrape, so
    attributes are read once per element. Limits: MAX_LINES, MAX_ELEMENTS and MAX_CHARS unless given.

    The walk stops before the element that would take it past `max_elements`, or that starts when `max_lines` lines
    or `max_chars` characters are read (an element's own lines may take it a little past); `stop.element` is that
    element, the first not read: neither it nor anything after it (the tails of the elements holding it included) is in
    the lines. A <pre> longer than the lines or characters left is read that far and is itself `stop.element`, with
    `stop.rows_read`.

    `spans`, if given, is filled with every block element the walk shows: one whose lines
    are exactly lines[start:end] maps to (start, end) — leaving it out of the page leaves
    the other lines as they are — and one whose removal would join the text around it,
    or a <pre>, to None. (Inline elements are not recorded: their text runs with the
    text around them.) The chrome-free view (`_chrome.without_chrome`) drops blocks by
    their spans instead of walking the page again."""
    lines: list[Line] = []
    buf: list[str] = []
    times: list[str] = []
    tags: list[str] = ["body"]
    panels = _panels(root)
    max_lines = MAX_LINES if max_lines is None else max_lines
    max_elements = MAX_ELEMENTS if max_elements is None else max_elements
    max_chars = MAX_CHARS if max_chars is None else max_chars
    seen = 0
    chars = 0   # of the lines read, a newline each
    full = max_lines <= 0 or max_chars <= 0  # lines or characters read up to their limit (kept by flush)
    stop = None
    append = buf.append

    def flush() -> None:
        nonlocal chars, full
        if not buf:
            return
        raw = "".join(buf)
        buf.clear()
        if raw.isspace():  # the spaces between two blocks (a third of the calls): no line
            if times:
                times.clear()
            return
        ascii_ = raw.isascii()
        if _CUT in raw:
            core = raw.strip(_CUT_OR_SPACE)
            if _CUT not in core:  # inline elements at the line's ends only ("<p><a>…</a></p>"): one part, as below
                raw = core
        if _CUT not in raw:  # no inline element boundary: the line is one part (most lines)
            text = " ".join(raw.split()) if ascii_ else clean(raw)
            if text:
                lines.append(_new_line(text, tags[-1], (text,), tuple(times) if times else ()))
                chars += len(text) + 1
        else:
            tidy = _collapse if ascii_ else clean
            text = tidy(raw.replace(_CUT, ""))
            if text:
                parts = tuple(filter(None, map(tidy, raw.split(_CUT))))
                lines.append(_new_line(text, tags[-1], parts if len(parts) > 1 else (text,),
                                       tuple(times) if times else ()))
                chars += len(text) + 1
        if times:
            times.clear()
        full = len(lines) >= max_lines or chars >= max_chars

    def walk(el) -> None:
        nonlocal seen, stop
        seen += 1
        if seen > max_elements or full:
            stop = Stop(el)
            return
        raw_tag = el.tag
        tag = _TAG_NAMES.get(raw_tag)
        if tag is None:
            tag = _tag_name(raw_tag)
        items = el.items() if tag else None
        if items:
            attrs = dict(items)
            shadow = tag == "template" and (attrs.get("shadowrootmode") or attrs.get("shadowroot"))
            hidden = (tag in SKIP_TAGS and not shadow) or _hidden(el, panels, attrs)  # declarative shadow DOM is shown
        else:  # (most elements: no attributes, so only the tag can hide them; comments have no tag)
            attrs = _NO_ATTRS
            hidden = tag in _HIDDEN_BARE
        if hidden:
            tail = el.tail
            if tail:
                append(tail)
            return
        if tag in _SELECT_OR_PRE:
            if tag == "select":  # a closed drop-down shows its chosen option only
                chosen = _XP_SELECTED(el) or _XP_OPTIONS(el)[:1]
                append(_CUT + (text_content(chosen[0]) if chosen else "") + _CUT + (el.tail or ""))
                return
            if tag == "pre":  # line breaks inside <pre> are the reader's lines
                if spans is not None:
                    spans[el] = None
                flush()
                tags.append(tag)
                rows = text_content(el).splitlines()
                room = _rows_within(rows, max(max_lines - len(lines), 0), max_chars - chars)
                if len(rows) > room:  # (rows may be blank: no line; a longer <pre> is cut, and the walk with it)
                    rows = rows[:room]
                    stop = Stop(el, "\n".join(rows))
                for row in rows:
                    append(row)
                    flush()
                tags.pop()
                if el.tail and stop is None:
                    append(el.tail)
                return
        if attrs and tag not in HEADING_TAGS and attrs.get("role") == "heading":  # <div role="heading" aria-level="2">
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
            append(_CUT)
        text = el.text
        if text:
            append(text)
        for child in el:
            walk(child)
            if stop is not None:
                break
        if block:
            if buf:
                flush()
            tags.pop()
            if spans is not None:
                spans[el] = (start, len(lines)) if quiet else None  # (no date is left pending at a block's end)
        else:
            append(_CUT)
        if stop is None:
            tail = el.tail
            if tail:
                append(tail)

    walk(root)
    flush()
    return lines, stop


def _rows_within(rows: list[str], lines: int, chars: int) -> int:
    """How many of a <pre>'s `rows` are read with `lines` lines and `chars` characters left: the rows up to the one
    that reaches the characters' limit, included (as an element that starts under it is read whole), at most `lines`."""
    total = 0
    for n, row in enumerate(rows[:lines]):
        if total >= chars:
            return n
        total += len(row) + 1
    return min(len(rows), lines)


def truncate_at(stop: Stop) -> None:
    """Remove from the tree the element `read_lines` stopped at (of a <pre> it read in part, the rows it did not read)
    and everything after it in document order, the tails of the elements holding it included: the tree as far as the
    walk read it, so that every other reader of the page (chrome, links, embedded data in the body) sees the same part
    of the page."""
    node = stop.element
    parent = node.getparent()
    if parent is None:
        return
    partial = stop.rows_read is not None
    at = parent.index(node) + (1 if partial else 0)
    if partial:
        del node[:]
        node.text, node.tail = stop.rows_read, None
    del parent[at:]
    node = parent
    while node.getparent() is not None:
        parent = node.getparent()
        node.tail = None
        del parent[parent.index(node) + 1:]
        node = parent
