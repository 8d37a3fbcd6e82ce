"""A site described by what its readers see: the labels it prints for each field, the
headings of its sections and lists. Most aggregator pages are "label, then value" in some
markup (dl, table rows, nested divs, "Label: value" lines); `read_layout` reads any of
them the same way, so a site module only declares its labels and adds what is peculiar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import PageRecord
from .base import HEADING_TAGS, Line, Page, clean
from ._criteria_lists import criteria_lists, read_criteria_into
from ._list_ends import ListEnds
from ._reader import _label_forms, find_label, norm
from .common import apply_fields, drop_loose_na

# Lines that end any section: legal text, and pointers to the registry ("View on ClinicalTrials.gov").
_CHROME_LINE = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all rights reserved|privacy policy|terms of (?:use|service))|©"
    r"|^(?:view|see|read|open|visit)\b.{0,40}\bclinicaltrials\.gov\W*$|\bvisit clinicaltrials\.gov\W*$",
    re.I,
)


_norm = norm

_LABEL_VALUE = re.compile(r"^[^:：]{1,60}[:：]\s*(\S.*)$")  # "Label: value" (group 1: the value)
_EMPTY_LABEL = re.compile(r"[^:：]{1,80}[:：?]")


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
    # Sites we do not know (the generic reader): a criteria section also ends at a line that
    # looks like a section title, or where a list ends.
    guess_section_ends: bool = False

    def stops(self) -> frozenset[str]:
        """Every label and heading the layout names, as compared (computed once per content)."""
        return _stops(tuple(self.fields.values()), tuple(self.lists.values()), self.sections, self.inclusion,
                      self.exclusion)


@lru_cache(maxsize=256)
def _stops(fields: tuple[tuple[str, ...], ...], lists: tuple[tuple[str, ...], ...], sections: tuple[str, ...],
           inclusion: tuple[str, ...], exclusion: tuple[str, ...]) -> frozenset[str]:
    labels = [lb for group in (*fields, *lists) for lb in group]
    return frozenset(_norm(s) for s in (*labels, *sections, *inclusion, *exclusion))


_INLINE_LABEL = re.compile(r"^([^:：]{1,60})[:：]\s*\S")


@lru_cache(maxsize=65536)
def _stop_keys(text: str) -> tuple[str, bool, str | None]:
    """(the line as a label, is it page chrome, its label before "label: value" or None):
    what is_stop asks of a line, cached — every value and section read walks the same lines."""
    head = _INLINE_LABEL.match(text)
    return _norm(text), bool(_CHROME_LINE.search(text)), _norm(head.group(1)) if head else None


def is_stop(text: str, stops: frozenset[str], inline_labels: bool = False) -> bool:
    """A line that ends a value or section: a known label or heading, page chrome, and with
    `inline_labels` a "Known label: value" line (not used for criteria, whose items may
    well read "Age: 18-65")."""
    full, chrome, head = _stop_keys(text)
    if full in stops or chrome:
        return True
    if inline_labels:
        return head is not None and head in stops
    return False


def block_after(page: Page, idx: int, stops: frozenset[str], inline_labels: bool = False,
                headings: bool = True, guess_ends: bool = False) -> list[Line]:
    """Lines after the label/heading at `idx` up to the next known label, page chrome, or
    (with `headings`) a heading at the same or a higher level. With `guess_ends`, also up
    to a title-like line that is not a list item ("Treatments Being Tested", "Locations (1)")
    or the first line after a list that is not part of it (`_list_ends`)."""
    return block_until(page, idx, stops, inline_labels, headings, guess_ends)[0]


def block_until(page: Page, idx: int, stops: frozenset[str], inline_labels: bool = False,
                headings: bool = True, guess_ends: bool = False) -> tuple[list[Line], Line | None]:
    """`block_after`, and the line that ended it: None when the page did, or when only a guess did (`guess_ends`: a
    line that merely looks like a title does not show a list ended)."""
    level = page.lines[idx].tag
    lines = page.lines
    out: list[Line] = []

    def ends(ln: Line) -> bool:
        return is_stop(ln.text, stops, inline_labels) or (
            headings and ln.tag in HEADING_TAGS and (level not in HEADING_TAGS or ln.tag <= level))

    guess = ListEnds(page, idx, ends) if guess_ends else None
    last_item: Line | None = None
    for k in range(idx + 1, len(lines)):
        ln = lines[k]
        if ends(ln):
            return out, ln
        if guess is not None:
            if guess.ends_at(k, last_item):
                return out, None
            last_item = ln if guess.item(ln) else last_item
        out.append(ln)
    return out, None


def value_of(page: Page, labels: tuple[str, ...], stops: frozenset[str], start: int = 0, end: int | None = None) -> str | None:
    """The single value shown for the first of `labels`: on the label's own line after a
    colon, or the next line unless that line is another label (an empty field)."""
    i = find_label(page, labels, start, end)
    if i is None:
        return None
    t = page.texts[i]
    m = _LABEL_VALUE.match(t)
    if m and _norm(t) not in _label_forms(labels):
        return clean(m.group(1))
    nxt = block_after(page, i, stops, inline_labels=True)
    if not nxt or _EMPTY_LABEL.fullmatch(nxt[0].text):
        return None  # an empty field: the next line is another label ("Sponsor:" then "Information provided by:")
    return nxt[0].text


def values_of(page: Page, labels: tuple[str, ...], stops: frozenset[str], start: int = 0) -> list[str]:
    """Every line shown under the first of `labels` (a list field: conditions, interventions)."""
    i = find_label(page, labels, start)
    if i is None:
        return []
    t = page.texts[i]
    m = _LABEL_VALUE.match(t)
    if m and _norm(t) not in _label_forms(labels):
        return [clean(m.group(1))]
    return [ln.text for ln in block_after(page, i, stops, inline_labels=True)]


def read_criteria(page: Page, layout: Layout, start: int = 0,
                  heads: set[str] | None = None) -> tuple[list[str], list[str], bool]:
    """(inclusion, exclusion, truncated) from the sections under the layout's headings,
    read by the one criteria reader (`_criteria_lists.criteria_lists`); `heads` gets the headings seen."""
    lines, _ = _criteria_lines(page, layout, start)
    return criteria_lists(lines, heads) if lines else ([], [], False)


def _criteria_lines(page: Page, layout: Layout, start: int) -> tuple[list[Line], Line | None]:
    """The lines of the criteria sections, and the line the last of them ended at (`block_until`)."""
    stops = layout.stops()
    guess = layout.guess_section_ends
    lines: list[Line] = []
    end = None
    i = find_label(page, layout.inclusion, start)
    if i is not None:
        block, end = _section(page, i, "Inclusion Criteria:", layout.inclusion, stops, guess)
        lines += block
    j = find_label(page, layout.exclusion, i if i is not None else start)
    if j is not None:
        block, end = _section(page, j, "Exclusion Criteria:", layout.exclusion, stops, guess)
        lines += block
    return lines, end


def _section(page: Page, idx: int, header: str, labels: tuple[str, ...], stops: frozenset[str],
             guess_ends: bool = False) -> tuple[list[Line], Line | None]:
    """The section as the criteria reader expects it: a plain header line (the site's own
    wording may be "Primary Inclusion Criteria"), then the items; and the line it ended at. Text on the header's own
    line after its colon stays on that line (a run-on paragraph may hold both lists)."""
    t = page.texts[idx]
    m = _LABEL_VALUE.match(t)
    inline = m.group(1) if m and _norm(t) not in _label_forms(labels) else ""
    block, end = block_until(page, idx, stops, guess_ends=guess_ends)
    return [Line(clean(f"{header} {inline}"), "p"), *block], end


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
    drop_loose_na(page, values, layout.fields)
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
    lines, end = _criteria_lines(page, layout, start)
    if lines:
        read_criteria_into(rec, lines, end)
    return rec
