"""Where a criteria section ends on a page whose layout is not known (the generic reader), when no heading or known
label says so: at a line that looks like a section title, or after a list at a line that is not one of its items.

An item among items never ends it for reading like a title: "Be a U.S. Resident", "Use of a CGM", "Current Smoker"
and "See Disease Characteristics" are criteria. Nor does a label or an unbulleted line between the record's items
("Patients must have:", "Allowed:", NCT02513394's "FFPE tumor tissue block must be confirmed …") when more items of a
list in the same container follow, or the exclusion criteria's heading does. Review r54 F1: 23 of 300 pages of the
records' own text were cut at one of those and got false "leaves out a requirement" warnings.
"""

from __future__ import annotations

import re
from typing import Callable

from ..criteria_markers import header_kind
from .base import Line, Page
from .common import _MORE_LINE

# How many lines that are not list items may stand between a list's items ("Concurrent Medication:" "Excluded:")
_BETWEEN_ITEMS = 3
# How far the exclusion criteria's heading is looked for after the inclusion list (a scan per line: kept short)
_TO_EXCLUSIONS = 60
_COUNT_END = re.compile(r"\s*\(\d+\)$")
_CLOSING = re.compile(r"[.;:,!?]$")
_DIGIT = re.compile(r"\d")
# a line that may stand between the record's items or after the inclusion list: a criteria label or a criterion
# ("Patients must have:", "Allowed:", "Prior Medication:", "(Note: consent by a representative is allowed …)"), where a
# site's own line after the criteria is not ("Where this study takes place:", "Contact the study team at", "Not sure
# if you qualify?": review r55 F2, such lines with a site or contact list after them in the same <div> were read as
# criteria, 74 -> 219 of 300 verbatim pages alarmed)
_CRITERIA_WORDS = re.compile(
    r"\b(?:must|should|allowed|permitted|excluded|exclude|required|requires?|prior|concurrent|previous|history|"
    r"patients?|subjects?|participants?|eligib\w*|criteri\w*|age[sd]?|medications?|therap(?:y|ies)|treatment|disease|"
    r"characteristics|diagnos\w*|consent|pregnan\w*|women|men|male|female|years?|weeks?|months?|days?|"
    r"prohibited|contraindicat\w*|notes?|groups?|following|amended|documented|infections?|laboratory|tests?|"
    r"cohorts?|arms?|parts?|phase)\b", re.I)
# a short label ("NOTE:", "AMENDED:", "Risk Behavior:", "Control Group:")
_SENTENCE_END = re.compile(r"[.;]\)?\s*$")
_LABEL = re.compile(r"^\W*(?:\S+\s+){0,5}\S+:\s*$")
# ("where" only as the line's first word: "(Note: Consent by legally acceptable representative is allowed where this is
# in accordance with local laws …)" is NCT00463320's last inclusion line, and was cut off with a "leaves out" warning)
_SITE_LINE = re.compile(r"^\W*where\b|\b(?:contact|call|questions?|qualify|locations?|sites?|sponsor|learn more|"
                        r"find out|sign up|navigator)\b", re.I)
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the this to with your about our".split())


def looks_like_title(text: str) -> bool:
    """"Treatments Being Tested", "How to Talk to Your Doctor About This Trial",
    "Locations (1)": two to eight words, each significant word capitalized, no closing
    punctuation — a section title, where a criteria item reads as a sentence or fragment."""
    t = _COUNT_END.sub("", text.strip())
    words = t.split()
    if not 2 <= len(words) <= 8 or _CLOSING.search(t) or _DIGIT.search(t):
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[0].isupper() for w in significant) and words[0][0].isupper() \
        and not all(w.isupper() for w in significant)


def containers(page: Page) -> dict[int, object]:
    """id of each of the page's lines -> the element its block stands in: for a line inside an <li>, the element
    holding the outermost list (a line inside an <li> may be its own <p>: a loose list, as CommonMark renders a record's
    items with blank lines between them, `<li><p>Fluent in English or Spanish</p></li>`); for another line, the element
    holding its own block. Found from the walk's spans (`Page._spans`), once per page; a view without the page's chrome
    keeps the page's own lines. (Lines walked anew, when a dropped block would join the text around it, are not found.)"""
    found = page.__dict__.get("_line_containers")
    if found is None:
        spans = page.__dict__.get("_spans") or {}
        walked = page.__dict__.get("_walked") or []
        found = {}
        own: dict[int, object] = {}   # line index -> the innermost block that is that line alone
        for el, span in spans.items():
            if span and span[1] - span[0] == 1 and (span[0] not in own or own[span[0]] in el.iterancestors()):
                own[span[0]] = el
        for i, el in own.items():
            if el.getparent() is not None:
                found[id(walked[i])] = el.getparent()
        lis = sorted(((el, span) for el, span in spans.items() if span and el.tag == "li"),
                     key=lambda pair: pair[1][1] - pair[1][0])   # innermost first: the outermost is set last
        for el, (start, end) in lis:
            holder = el.getparent()
            holder = holder.getparent() if holder is not None else None
            for ln in walked[start:end]:
                found[id(ln)] = ("li", holder, el.getparent())
        page.__dict__["_line_containers"] = found
    return found


class ListEnds:
    """The guesses of one section's walk: `ends(line)` says whether a line ends it for sure (a heading, a known
    label, page chrome)."""

    def __init__(self, page: Page, head: int, ends: Callable[[Line], bool]):
        self.lines = page.lines
        self.head = page.lines[head]
        self.ends = ends
        self.blocks = containers(page)

    def item(self, ln: Line) -> bool:
        found = self.blocks.get(id(ln))
        return ln.tag == "li" or (isinstance(found, tuple) and found[0] == "li")

    def ends_at(self, k: int, last_item: Line | None) -> bool:
        """Whether line k ends the section, by a guess; `last_item`: the last list item before it in the section."""
        ln = self.lines[k]
        if self.item(ln):
            # an item among the list's items, or of a list in the block of the section's heading, is a criterion
            # whatever it reads like; another list's title-like first item ("Mercy Regional Medical Center" under a
            # label the reader does not know, in a block of its own) is not
            # (after an item, only an item of the same list: a second list right after the criteria in the same
            # <div>, "National Institutes of Health Clinical Center", "Bethesda, Maryland 20892", is the site's;
            # review r55 F2)
            # (after lines kept between the items, `_items_follow`'s lead-in or unbulleted line, a list in the same
            # block as the last is the record's next one: NCT02028676's "Eligibility criteria for the secondary
            # randomisation … Inclusion criteria", then "1. Participating in ARROW" in a list of its own, was cut
            # there and its two more sets of criteria drew 9 false "leaves out a requirement" warnings)
            if last_item is not None and not self.item(self.lines[k - 1]):
                return looks_like_title(ln.text) and not self._same_container(last_item, ln)
            return looks_like_title(ln.text) and not (self._same_list(last_item, ln) if last_item is not None
                                                      else self._same_container(self.head, ln))
        if looks_like_title(ln.text):
            return True
        if last_item is None:
            return self._heads_other_list(k)
        return not _MORE_LINE.match(ln.text) and not self._items_follow(k, last_item)

    def _heads_other_list(self, k: int) -> bool:
        """Before any list item of the section: is line k the heading of a list that is not the criteria's, in a block
        of its own with it ("Where this study takes place:", then "Mercy Regional Medical Center")? So when the list
        after it stands outside the section heading's block and the line is no criteria's own (no criteria word nor
        full stop, or a site's words) or the list's first item ends the section anyway (reads like a title). Criteria with no
        list of their own (paragraphs) were read with the site's label as one more: 8 of 300 verbatim pages in the
        label layout drew "This page lists 'Where this study takes place:' as a reason someone cannot join"."""
        if k + 1 >= len(self.lines):
            return False
        ln, nxt = self.lines[k], self.lines[k + 1]
        if not self.item(nxt) or self._same_container(self.head, nxt) or not self._same_container(ln, nxt):
            return False
        # (a label's shape says nothing here: "Our research team:" is a label as "Patients must have:" is)
        own = (_CRITERIA_WORDS.search(ln.text) or _SENTENCE_END.search(ln.text)) and not _SITE_LINE.search(ln.text)
        return not own or looks_like_title(nxt.text)

    def _items_follow(self, k: int, last_item: Line) -> bool:
        """With nothing between that ends the section or looks like a title: an item of a list in the same container
        as the list before within `_BETWEEN_ITEMS` lines (line k is a label or an unbulleted line among the record's
        items), or the exclusion criteria's heading within `_TO_EXCLUSIONS` (line k is among the last paragraphs of
        the inclusion criteria: "(Note: consent by a representative is allowed …)", an NIH protocol's paragraphs)."""
        own = self.lines[k].text
        if _SITE_LINE.search(own):   # (a site's own line: "Where this study takes place:", "Not sure if you qualify?")
            return False
        for j in range(k + 1, min(k + 1 + _TO_EXCLUSIONS, len(self.lines))):
            ln = self.lines[j]
            if header_kind(ln.text) == "exclusion":
                return True
            if self.item(ln):
                if j <= k + _BETWEEN_ITEMS:
                    return (_among_criteria(own) or (self.lines[k - 1] is last_item and _continues(last_item.text, own))) \
                        and self._same_container(last_item, ln)
            elif self.ends(ln) or looks_like_title(ln.text) or _MORE_LINE.match(ln.text):
                return False
        return False

    def _same_list(self, a: Line, b: Line) -> bool:
        """Whether two item lines are items of the same (outermost) list; lines whose list is not known: their
        containers decide (_same_container)."""
        ca, cb = self.blocks.get(id(a)), self.blocks.get(id(b))
        if isinstance(ca, tuple) and isinstance(cb, tuple) and ca[2] is not None and cb[2] is not None:
            return ca[2] is cb[2]
        return self._same_container(a, b)

    def _same_container(self, a: Line, b: Line) -> bool:
        """Whether two lines (an item: its list) stand in the same element (the record's text rendered in one block),
        so a list after an unknown section label in a <div> of its own ("Where this study takes place:", then a site)
        is not read as more criteria. A line whose block is not known says nothing against it."""
        ca, cb = self.blocks.get(id(a)), self.blocks.get(id(b))
        if ca is None or cb is None:
            return True
        ca, cb = (c[1] if isinstance(c, tuple) else c for c in (ca, cb))
        return ca is not None and ca is cb


def _continues(item: str, text: str) -> bool:
    """Whether a line right after an item is the rest of its sentence, broken off by the record's own line breaks: the
    item ends with no closing mark and the line starts in lower case ("… or if you were a welder or metal worker, since
    there may be" / "small metal fragments in the eye", NCT00006177's last exclusions; the record's parser keeps the
    line as an item, and the page reader had ended the list there and left out the item after it)."""
    return not _CLOSING.search(item.strip()) and text.strip()[:1].islower() and not _SITE_LINE.search(text)


def _among_criteria(text: str) -> bool:
    """Whether a line that is no list item may be one of the criteria's own lines (_CRITERIA_WORDS), not a site's."""
    return bool(_CRITERIA_WORDS.search(text) or _LABEL.match(text) or _SENTENCE_END.search(text)) \
        and not _SITE_LINE.search(text)
