"""A site described by what its readers see: the labels it prints for each field, the
headings of its sections and lists. Most aggregator pages are "label, then value" in some
markup (dl, table rows, nested divs, "Label: value" lines); `read_layout` reads any of
them the same way, so a site module only declares its labels and adds what is peculiar.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import PageRecord
from .base import HEADING_TAGS, Line, Page, _visible_lines, clean
from .common import apply_fields, criteria_items, split_runon_criteria, strip_truncation

# Lines that end any section: legal text, and pointers to the registry ("View on ClinicalTrials.gov").
_CHROME_LINE = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all rights reserved|privacy policy|terms of (?:use|service))|©"
    r"|^(?:view|see|read|open|visit)\b.{0,40}\bclinicaltrials\.gov\W*$|\bvisit clinicaltrials\.gov\W*$",
    re.I,
)


# Blocks marked as news, related items, comments or promotions: their facts are about other things.
_NOISE_CLASS = re.compile(r"(?:^|[\s_-])(?:news|footer|sidebar|side-bar|related|comments?|cookie|promo|widget|"
                          r"newsletter|breadcrumbs?|share|social|advert|ads?)(?:$|[\s_-])", re.I)


def without_chrome(page: Page, strict: bool = False) -> Page:
    """The same page without footer and navigation (site menus and legal text are never
    trial data; a section running to the end of the page must not swallow them).

    `strict` (the generic reader, on sites it does not know) also drops sidebars, banners
    and blocks whose class or id marks them as news, related items, comments or promotions."""
    body = page.root.find("body")
    root = copy.deepcopy(body if body is not None else page.root)
    drop = ".//footer|.//nav|.//*[@role='contentinfo' or @role='navigation']"
    if strict:
        drop += "|.//aside|.//*[@role='complementary' or @role='banner']"
    for el in root.xpath(drop):
        el.drop_tree()
    if strict:
        for el in list(root.iter()):
            marks = f"{el.get('class') or ''} {el.get('id') or ''}" if isinstance(el.tag, str) else ""
            if marks.strip() and _NOISE_CLASS.search(marks) and el.getparent() is not None:
                el.drop_tree()
    view = copy.copy(page)
    view.lines = _visible_lines(root)
    view.texts = [ln.text for ln in view.lines]
    view.text = "\n".join(view.texts)
    view.__dict__.pop("_label_keys", None)
    return view


_TRAIL = re.compile(r"[\s:：?]+$")


def _norm(text: str) -> str:
    return _TRAIL.sub("", text.strip()).lower()


@lru_cache(maxsize=512)
def _wanted(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_norm(lb) for lb in labels)


@dataclass
class Layout:
    site: str
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)   # PageRecord field -> labels
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)    # conditions/interventions/locations -> labels
    sections: tuple[str, ...] = ()        # other labels and headings the site prints (they end a value or section)
    inclusion: tuple[str, ...] = ("Inclusion Criteria", "Key Inclusion Criteria")
    exclusion: tuple[str, ...] = ("Exclusion Criteria", "Key Exclusion Criteria")
    title_suffixes: tuple[str, ...] = ()  # " | MedPath": stripped from <title> when there is no h1
    criteria_after: tuple[str, ...] = ()  # criteria are read only after this heading ("Eligibility")

    def stops(self) -> frozenset[str]:
        labels = [lb for group in (*self.fields.values(), *self.lists.values()) for lb in group]
        return frozenset(_norm(s) for s in (*labels, *self.sections, *self.inclusion, *self.exclusion))


def is_stop(text: str, stops: frozenset[str], inline_labels: bool = False) -> bool:
    """A line that ends a value or section: a known label or heading, page chrome, and with
    `inline_labels` a "Known label: value" line (not used for criteria, whose items may
    well read "Age: 18-65")."""
    if _norm(text) in stops or _CHROME_LINE.search(text):
        return True
    if inline_labels:
        head = re.match(r"^([^:：]{1,60})[:：]\s*\S", text)
        return bool(head and _norm(head.group(1)) in stops)
    return False


def block_after(page: Page, idx: int, stops: frozenset[str], inline_labels: bool = False,
                headings: bool = True) -> list[Line]:
    """Lines after the label/heading at `idx` up to the next known label, page chrome, or
    (with `headings`) a heading at the same or a higher level."""
    level = page.lines[idx].tag
    out: list[Line] = []
    for ln in page.lines[idx + 1:]:
        if is_stop(ln.text, stops, inline_labels):
            break
        if headings and ln.tag in HEADING_TAGS and (level not in HEADING_TAGS or ln.tag <= level):
            break
        out.append(ln)
    return out


def _label_keys(page: Page) -> list[tuple[str, str | None]]:
    """Per line: (the line as a label key, the key of its "Label:" head or None), computed
    once per page view (pages run to thousands of lines; labels are looked up often)."""
    cached = page.__dict__.get("_label_keys")
    if cached is not None and cached[0] is page.lines:
        return cached[1]
    keys = []
    for t in page.texts:
        head = re.match(r"^([^:：]{1,60})[:：]\s*\S", t)
        keys.append((_norm(t), _norm(head.group(1)) if head else None))
    page.__dict__["_label_keys"] = (page.lines, keys)
    return keys


def find_label(page: Page, labels: tuple[str, ...], start: int = 0, end: int | None = None) -> int | None:
    """Index of the first line that is one of `labels`, alone or as "Label: value"."""
    want = _wanted(tuple(labels))
    keys = _label_keys(page)
    stop = len(keys) if end is None else min(end, len(keys))
    for i in range(start, stop):
        full, head = keys[i]
        if full in want or (head is not None and head in want):
            return i
    return None


def value_of(page: Page, labels: tuple[str, ...], stops: frozenset[str], start: int = 0, end: int | None = None) -> str | None:
    """The single value shown for the first of `labels`: on the label's own line after a
    colon, or the next line unless that line is another label (an empty field)."""
    i = find_label(page, labels, start, end)
    if i is None:
        return None
    t = page.texts[i]
    m = re.match(r"^[^:：]{1,60}[:：]\s*(\S.*)$", t)
    if m and _norm(t) not in {_norm(lb) for lb in labels}:
        return clean(m.group(1))
    nxt = block_after(page, i, stops, inline_labels=True)
    if not nxt or re.fullmatch(r"[^:：]{1,80}[:：?]", nxt[0].text):
        return None  # an empty field: the next line is another label ("Sponsor:" then "Information provided by:")
    return nxt[0].text


def values_of(page: Page, labels: tuple[str, ...], stops: frozenset[str], start: int = 0) -> list[str]:
    """Every line shown under the first of `labels` (a list field: conditions, interventions)."""
    i = find_label(page, labels, start)
    if i is None:
        return []
    t = page.texts[i]
    m = re.match(r"^[^:：]{1,60}[:：]\s*(\S.*)$", t)
    if m and _norm(t) not in {_norm(lb) for lb in labels}:
        return [clean(m.group(1))]
    return [ln.text for ln in block_after(page, i, stops, inline_labels=True)]


def read_criteria(page: Page, layout: Layout, start: int = 0) -> tuple[list[str], list[str], bool]:
    """(inclusion, exclusion, truncated) from the sections under the layout's headings."""
    stops = layout.stops()
    inc: list[str] = []
    exc: list[str] = []
    i = find_label(page, layout.inclusion, start)
    if i is not None and re.search(r"\bexclusion criteria\s*[:：]", page.texts[i], re.I):
        inc, exc = split_runon_criteria(page.texts[i])  # one paragraph holds both lists
        inc, t1 = strip_truncation(inc)
        exc, t2 = strip_truncation(exc)
        return inc, exc, t1 or t2
    if i is not None:
        inc = criteria_items(_section_items(page, i, layout.inclusion, stops))
    j = find_label(page, layout.exclusion, i if i is not None else start)
    if j is not None:
        exc = criteria_items(_section_items(page, j, layout.exclusion, stops))
    inc, t1 = strip_truncation(inc)
    exc, t2 = strip_truncation(exc)
    return inc, exc, t1 or t2


def _section_items(page: Page, idx: int, labels: tuple[str, ...], stops: frozenset[str]) -> list[Line]:
    t = page.texts[idx]
    m = re.match(r"^[^:：]{1,60}[:：]\s*(\S.*)$", t)
    first = [Line(clean(m.group(1)), "p")] if m and _norm(t) not in {_norm(lb) for lb in labels} else []
    return first + block_after(page, idx, stops)


def title_of(page: Page, suffixes: tuple[str, ...] = ()) -> str | None:
    """The trial title as shown: the h1, else og:title / <title> without the site suffix."""
    h1 = page.headings("h1")
    if h1:
        return h1[0]
    for cand in (page.meta("og:title"), page.title_tag):
        if not cand:
            continue
        changed = True
        while changed:
            changed = False
            for suf in suffixes:
                if cand.endswith(suf):
                    cand, changed = cand[: -len(suf)].strip(), True
        return cand or None
    return None


def read_layout(page: Page, layout: Layout) -> PageRecord:
    """A PageRecord from the layout's labelled fields, lists and criteria sections."""
    rec = PageRecord(site=layout.site, url=page.url)
    stops = layout.stops()
    values = {name: value_of(page, labels, stops) for name, labels in layout.fields.items()}
    apply_fields(rec, values)
    if rec.title is None:
        rec.title = title_of(page, layout.title_suffixes)
    for name, labels in layout.lists.items():
        setattr(rec, name, values_of(page, labels, stops))
    start = 0
    if layout.criteria_after:
        at = find_label(page, layout.criteria_after)
        if at is None:
            return rec
        start = at
    rec.inclusion, rec.exclusion, rec.criteria_truncated = read_criteria(page, layout, start)
    return rec
