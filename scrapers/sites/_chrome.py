"""Site chrome and other trials' blocks, left out of the page a scraper reads: navigation
and search filters, footers, cookie banners, the site header, sidebars and "Similar trials"
lists. Their words ("Recruiting" filter chips, a banner's "Last updated", another trial's
status) are never this trial's data.

`without_chrome(page)` is the page without them. It decides what to drop on a copy of the
tree and takes its lines from the page's own walk (see `_lines._visible_lines`' spans), so a
page is walked once.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from ..nct import find_nct_ids
from ._lines import BLOCK_TAGS, Line, _panels, _visible_lines, clean, text_content
from .base import Page

# Blocks marked as news, related items, comments or promotions: their facts are about other things.
_NOISE_CLASS = re.compile(r"(?:^|[\s_-])(?:news|footer|sidebar|side-bar|related|comments?|cookie|promo|widget|"
                          r"newsletter|breadcrumbs?|share|social|advert|ads?)(?:$|[\s_-])", re.I)


# Banners asking for cookie consent: their "Last updated" is the policy's.
_CONSENT = re.compile(r"cookie|consent|gdpr|onetrust|cookiebot", re.I)
# Headings of blocks that list other trials ("Similar Trials", "Related studies", "Recently viewed").
OTHER_TRIALS_HEADING = re.compile(
    r"^(?:similar|related|other|more|recommended|recently viewed|popular|trending|nearby|you may also like)\b"
    r".{0,40}\b(?:trials?|studies|study)\b|^(?:recently viewed|you may also like|people also viewed)\b",
    re.I,
)
_HEADING_WORDS = re.compile(r"\b(?:similar|related|other|more|recommended|recently|popular|trending|nearby|you may|people also)\b", re.I)
_OWN_BLOCKS = frozenset({"body", "main", "article", "html"})


def _named_ids(el) -> list[str]:
    """The NCT ids `el` names, in its text or its links."""
    return find_nct_ids(" ".join(el.itertext()) + " " + " ".join(a.get("href") or "" for a in el.iter("a")))


def _own_ids(page: Page) -> set[str]:
    """The page's own trial, as its URL or canonical URL names it."""
    return set(find_nct_ids(page.url or "")) | set(find_nct_ids(page.canonical_url() or ""))


def _other_trial_ids(el, own: set[str]) -> bool:
    """Does `el` name a trial other than the page's own (in its text or its links)?"""
    return any(i not in own for i in _named_ids(el))


# Marks an element `without_chrome` has dropped from its copy of the page: emptied in place,
# so every other element keeps its place (and can be found again in the page itself).
_GONE = "data-triallens-dropped"


def _drop(el) -> None:
    """Drop `el` from its tree as if removed, keeping its place (see _GONE)."""
    el.clear(keep_tail=True)
    el.set(_GONE, "")


def _own_text(el) -> str:
    """el.text as if the dropped children were removed: the tails of the leading ones join it."""
    text = el.text or ""
    for c in el:
        if not isinstance(c.tag, str) or c.get(_GONE) is None:  # (a comment keeps its tail, as drop_tree would)
            break
        text += c.tail or ""
    return text


def _heading_word(text: str) -> bool:
    """Does `text` hold one of _HEADING_WORDS? Plain substring tests rule out most texts
    first (the regex, case-blind with word boundaries, costs more than the walk)."""
    if text.isascii():
        low = text.lower()
        if not ("similar" in low or "related" in low or "other" in low or "more" in low or "recommended" in low
                or "recently" in low or "popular" in low or "trending" in low or "nearby" in low
                or "you may" in low or "people also" in low):
            return False
    return _HEADING_WORDS.search(text) is not None


def other_trial_blocks(root) -> list:
    """Blocks opened by a heading such as "Similar Trials" or "Related studies" (whatever
    its markup: h2, div, a button): the smallest element that holds the heading and more,
    never the page's main content (body, main, article, or a block holding the h1)."""
    blocks = []
    # candidates: elements (and their parents, for a heading split over inline elements)
    # with a text node holding one of the headings' first words — long pages have thousands
    # of elements, few of them such text
    seen: list = []
    held: set[int] = set()  # ids of elements in `seen` (kept alive by it, so ids stay theirs)
    for el in root.iter(etree.Element):  # (elements only: not comments)
        text, tail = el.text, el.tail  # a heading is short: longer text is never one
        hit = [el] if text and len(text) < 120 and _heading_word(text) else []
        if tail and len(tail) < 120 and _heading_word(tail) and el.getparent() is not None:
            hit.append(el.getparent())
        for h in hit:
            for cand in (h, h.getparent()):
                if cand is not None and id(cand) not in held:
                    held.add(id(cand))
                    seen.append(cand)
    for h in seen:
        if not isinstance(h.tag, str) or h.tag in _OWN_BLOCKS or len(h) - sum(c.get(_GONE) is not None for c in h) > 3:
            continue
        t = clean(text_content(h))
        if not t or len(t) >= 80 or not OTHER_TRIALS_HEADING.match(t):
            continue
        if any(isinstance(c.tag, str) and clean(text_content(c)) == t for c in h):
            continue  # the innermost element holding the heading is the one
        node = h
        while node.getparent() is not None and clean(text_content(node.getparent())) == t:
            node = node.getparent()
        box = node.getparent()
        if box is None or box.tag in _OWN_BLOCKS or box.get("role") == "main" or clean(_own_text(box)):
            continue
        first = next((c for c in box if isinstance(c.tag, str) and clean(text_content(c))), None)
        if first is node and not _XP_H1(box):
            blocks.append(box)
    return blocks


def without_chrome(page: Page, strict: bool = False) -> Page:
    """The same page without the site's chrome: navigation and search filters ("Recruiting"
    chips), footers, cookie banners, the site header (one without the page's h1), and
    sidebars or blocks that list other trials with their own statuses and dates. Menus,
    legal text and other trials' facts are never this trial's data, and a section running
    to the end of the page must not swallow them.

    `strict` (the generic reader, on sites it does not know) also drops any sidebar and
    banner, and blocks whose class or id marks them as news, related items, comments or
    promotions.

    What to drop is decided on a copy of the tree, each drop seen by the decisions after
    it; the view's lines are then the page's own lines without the dropped blocks'
    (`Page._spans`), or, when a drop would join text on either side of it into one line,
    the pruned copy's lines walked anew."""
    body = page.root.find("body")
    source = body if body is not None else page.root
    root = copy.copy(source)  # (the whole subtree: lxml's __deepcopy__ is its __copy__, without deepcopy's memo)
    for el in _XP_GONE(root):  # a page's own attribute of that name must not pass for our mark
        del el.attrib[_GONE]
    own = _own_ids(page)
    dropped: list[tuple[int, ...]] = []  # each dropped element's place: child indices from the root
    for el in (_XP_CHROME_STRICT if strict else _XP_CHROME)(root):
        place = _place(el, root)
        if place:  # (not inside one dropped already)
            dropped.append(place)
            _drop(el)
    lists = other_trial_blocks(root)
    listed = {id(b) for b in lists}  # ids stay theirs while `lists` holds them
    for el, place in _drop_candidates(root, lists, strict):  # in page order, as the pruning goes
        if el.tag in _OWN_BLOCKS or el.get(_GONE) is not None or not _place(el, root):
            continue  # (the page's own blocks; dropped, or inside one dropped, already)
        attrs = el.attrib
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('aria-label') or ''}"
        sidebar = el.tag == "aside" or attrs.get("role") == "complementary"
        if id(el) in listed or (_CONSENT.search(marks) and not _XP_H1(el)) \
                or (sidebar and _other_trial_ids(el, own) and not _XP_H1(el)) \
                or (strict and marks.strip() and _NOISE_CLASS.search(marks)):
            dropped.append(place)
            _drop(el)
    view = copy.copy(page)
    if not dropped:  # the copy is the page's own tree: its lines are the page's
        view.lines = page.lines if page.lines is page.__dict__.get("_walked") else _visible_lines(root)
    else:
        view.lines = _lines_without(page, source, dropped, root)
    view.texts = [ln.text for ln in view.lines]
    view.text = "\n".join(view.texts)
    view.__dict__.pop("_label_keys", None)
    return view


# Elements by their role, found from the role attributes: `.//*[@role='x']` tests every element's attributes, about
# ten times slower on the seed pages (1.5 ms of a 2 ms parse, for both views of all of them) for the same elements
_ROLE = "descendant::*/@role[{}]/.."
_CHROME = (".//footer|.//nav|.//search|" + _ROLE.format(".='contentinfo' or .='navigation' or .='search'") +
           "|.//header[not(ancestor::main or ancestor::article or ancestor::*[@role='main'])]"
           "[not(.//h1) or //h1[not(ancestor::header)]]")  # a logo in an h1 does not make the site header the trial's
_XP_CHROME = etree.XPath(_CHROME)
_XP_CHROME_STRICT = etree.XPath(_CHROME + "|.//aside|" + _ROLE.format(".='complementary' or .='banner'"))
_XP_H1 = etree.XPath(f".//h1[not(ancestor-or-self::*[@{_GONE}])]")  # an h1 still on the page (not dropped)
_XP_MARKS = etree.XPath("descendant::*/@class|descendant::*/@id|descendant::*/@aria-label")
_XP_MARK_VALUES = etree.XPath(_XP_MARKS.path, smart_strings=False)
_XP_SIDEBARS = etree.XPath("descendant::aside|" + _ROLE.format(".='complementary'"))
_XP_GONE = etree.XPath(f"descendant::*/@{_GONE}/..")  # (from the attribute up: see _ROLE)
_XP_IN_PRE = etree.XPath("ancestor::pre|ancestor::select")


def _place(el, root) -> tuple[int, ...]:
    """Where `el` is under `root`: the index of each element on the way down (comments
    counted). The same in the page and in its copy, because dropping keeps places.
    Empty for `root` itself and for an element no longer under it."""
    out = []
    while el is not root:
        parent = el.getparent()
        if parent is None:
            return ()
        out.append(parent.index(el))
        el = parent
    return tuple(reversed(out))


def _at(root, place: tuple[int, ...]):
    for i in place:
        root = root[i]
    return root


def _drop_candidates(root, lists: list, strict: bool) -> list[tuple]:
    """(element, place) for each element `without_chrome` may drop, in page order: those whose class, id or
    aria-label `_CONSENT` (strict: or `_NOISE_CLASS`) finds, sidebars, and the blocks
    listing other trials. Found from the attribute values (one XPath) rather than by
    visiting every element; the caller still decides each one."""
    marked = _CONSENT if not strict else _CONSENT_OR_NOISE
    # the values as plain strings first: strings that know their element cost about a microsecond each to make, and
    # most pages have no value the search finds
    found = {v.getparent() for v in _XP_MARKS(root) if marked.search(v)} \
        if marked.search("\n".join(_XP_MARK_VALUES(root))) else set()
    found.update(_XP_SIDEBARS(root))
    found.update(lists)
    return sorted(((el, _place(el, root)) for el in found), key=lambda pair: pair[1])


_CONSENT_OR_NOISE = re.compile(f"{_CONSENT.pattern}|{_NOISE_CLASS.pattern}", re.I)


def _lines_without(page: Page, source, dropped: list[tuple[int, ...]], pruned) -> list[Line]:
    """The page's lines without those of the dropped elements (by their places), when each
    dropped element's lines are a span of their own; otherwise the pruned copy's lines,
    walked anew."""
    spans = page.__dict__.get("_spans")
    if spans is not None and page.lines is page.__dict__.get("_walked") and _panels(pruned) == _panels(source):
        cut = _spans_of(source, [_at(source, p) for p in dropped], spans)
        if cut is not None:
            keep = [True] * len(page.lines)
            for start, end in cut:
                keep[start:end] = [False] * (end - start)
            return [ln for ln, k in zip(page.lines, keep) if k]
    for el in _XP_GONE(pruned):
        _drop_tree(el)  # removed for real: their tails join the text before them
    return _visible_lines(pruned)


def _drop_tree(el) -> None:
    """lxml.html's drop_tree for a plain element: remove it, its tail joining the text before it."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def _spans_of(source, gone: list, spans: dict) -> list[tuple[int, int]] | None:
    """The line spans of the dropped elements `gone` (elements of the page), or None when
    leaving one out would change the lines around it."""
    gone_set = set(gone)
    cut: list[tuple[int, int]] = []
    for el in gone:
        if any(up in gone_set for up in el.iterancestors()):
            continue  # inside another dropped element: gone with it
        if el in spans:
            span = spans[el]
            if span is None:  # its removal joins the text around it
                return None
            cut.append(span)
        elif el.tag not in BLOCK_TAGS or _XP_IN_PRE(el):
            return None  # inline (shown or not: not recorded), or shown as part of its <pre> or <select>
        # else: a block not shown at all (hidden, or inside something hidden): nothing to cut
        parent = el.getparent()
        if parent is not None and parent.get("class") and all(c in gone_set for c in parent):
            return None  # emptied of children, its own text may now read as an icon's glyph
    return cut


def listed_other_trials(page: Page) -> list[str]:
    """NCT ids of the trials a block headed "Similar Trials" / "Related studies" lists (in
    its text or its links), in page order: the trials the site lists as related. Read once
    per page (site readers ask more than once; the search visits every element)."""
    if "_listed_other_trials" not in page.__dict__:
        own = _own_ids(page)
        out: list[str] = []
        for el in other_trial_blocks(page.root):
            out += [i for i in _named_ids(el) if i not in own]
        page.__dict__["_listed_other_trials"] = list(dict.fromkeys(out))
    return list(page.__dict__["_listed_other_trials"])
