"""Reading a page's eligibility criteria lists: headers ("Inclusion Criteria:", inline or alone), list items and
paragraphs, and which paragraph is one item. Split from `_reader` (labelled fields); the site readers import these
names from here. The headings are `_criteria_heads`', which paragraph is one item and what it holds
`_criteria_paragraphs`', the splitting of one run-on paragraph `_runon`'s (its numbers: `_runon_numbered`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..criteria_markers import END_HEADER, START_HEADER
from ._criteria_heads import (_BARE_ALONE, _HEAD_ALONE, _ITEMS_WORDS, _is_exclusion, _record_heading,
                              _split_bare_heads, _split_heads, qualified_heading, wrapped_part_heading)
from ._criteria_paragraphs import (_bullet_run, _items_and_heads, _one_item, _sentence_end, criteria_item,
                                   criteria_sub_label)
from ._runon import strip_bullet
from .base import Line, clean
from .common import strip_truncation

__all__ = ["Line", "criteria_item", "criteria_lists", "criteria_sub_label", "read_criteria_into", "shown_end"]


# A line that ends a criteria block without showing the list ended there: a pointer to more ("Read more", "Show all",
# "…See full criteria", "Loading...", an expander) or to the registry ("View on ClinicalTrials.gov"). A page cut there
# may show the rest behind it.
_NOT_AN_END = re.compile(r"^\W*(?:see|view|read|show|load|loading|expand|more|continue|click|open)\b|^(?:\.{3}|…)"
                         r"|clinicaltrials\.gov|\bfull (?:criteria|list|eligibility)\b", re.I)


# words of a heading that say which list follows
_NAMES_A_LIST = re.compile(r"inclu|exclu|criteri|who\s+(?:can|may|cannot|should)", re.I)


def shown_end(line: Line | str | None) -> str | None:
    """The words a criteria block ended at, when they show the page's list ends there: a following section heading,
    field label or footer ("Sponsors", "Trial design", "Locations (1)"). None at the end of the page (a capture may
    stop anywhere) or at a pointer to more (`_NOT_AN_END`)."""
    text = clean(line.text if isinstance(line, Line) else line or "")
    if not text or len(text) > 80 or _NOT_AN_END.search(text):
        return None
    return text


def criteria_lists(lines: Iterable[Line | str], heads: set[str] | None = None) -> tuple[list[str], list[str], bool]:
    """(inclusion, exclusion, truncated) from the lines of an eligibility section.

    Headers may be lines, list items ("Inclusion Criteria:" as an li) or inline in a
    paragraph ("Inclusion Criteria: 1. … Exclusion Criteria: 1. …"); list items are kept
    as shown (bullets stripped), paragraphs split on their numbering. Items before any
    header count as inclusion. A "...See full criteria" marker sets truncated. `heads`, when
    given, gets the headers seen ("inclusion", "exclusion"), even one with no items under it.
    """
    inc: list[str] = []
    exc: list[str] = []

    def list_for(head: str) -> list[str]:
        excl = _is_exclusion(head)
        if heads is not None:
            heads.add("exclusion" if excl else "inclusion")
        return exc if excl else inc

    target = inc
    filled: tuple[int, int] | None = None   # (the line, the list) the last item was read from, into
    lines = list(lines)
    # (a page that names one group in a heading names its others so: qualified_heading's `loose`)
    named_groups = any(qualified_heading(ln.text if isinstance(ln, Line) else ln) for ln in lines)
    for at, ln in enumerate(lines):
        text, tag = (ln.text, ln.tag) if isinstance(ln, Line) else (ln, "p")
        before, after = (lines[at - 1] if at else None), (lines[at + 1] if at + 1 < len(lines) else None)
        end_of_sentence = _sentence_end(text, at, lines) if tag != "li" and filled == (at - 1, id(target)) else None
        if end_of_sentence:
            target[-1] = f"{target[-1]} {end_of_sentence}"   # ("… under the age of" / "18.": one sentence, as the record's)
            continue
        text = text if tag != "li" and _bullet_run(text, before, after) else strip_bullet(text)
        m = _HEAD_ALONE.match(text) or (tag != "li" and _BARE_ALONE.fullmatch(text))
        if m and not _ITEMS_WORDS.match(m.group(1)):
            target = list_for(m.group(1))
            continue
        kind = _record_heading(text, "exclusion" if target is exc else "inclusion") or qualified_heading(text, named_groups)
        if kind == "inclusion" and target is exc and not text.isupper() and not _NAMES_A_LIST.search(text):
            # under the exclusion heading, a line naming no list ("Eligibility for other transplant types:", the lead-in
            # NCT00005988 bullets in both its lists) is the list's own: taken for an inclusion heading, the exclusion
            # items after it were said to be the page's requirements (8 criticals on the record's text, every layout).
            # One in capitals is a part's heading, as the record's parser reads it even bulleted ("ELIGIBLITY FOR
            # WHOLE EXOME/GENOME SEQUENCING:", NCT00001392)
            kind = None
        if kind:
            target = list_for(kind)
            continue
        # a heading the record ran into an item without a colon, as the official parser reads it:
        # "Study Exclusion Criteria. History of …" starts its list, "… immunotherapy. Exclusion Criteria" ends one
        start = START_HEADER.match(text)
        if start:
            target = list_for(start.group(1))
            # (the dash after a colonless heading is its list's first bullet: "INCLUSION CRITERIA - Age ≥ 3 years - …",
            # read on, the list is cut at its bullets as any "- a - b" paragraph; reader15)
            # (a run of bullets, not one naming whom the list is for: "INCLUSION CRITERIA - PATIENT: Ages 18-80 years. …",
            # NCT00003553; "EXCLUSION CRITERIA - Recipient - any of the following:", NCT00003838)
            rest = text[start.end():].split(" - ")
            dashed = tag != "li" and start.group(0).rstrip().endswith("-") and len(rest) > 2 and ":" not in rest[0]
            text = ("- " if dashed else "") + text[start.end():]
        next_target = None
        end = END_HEADER.search(text)
        part = wrapped_part_heading(text) if tag != "li" and after is not None and not end else None
        if end:
            next_target = list_for(end.group(1))
            text = text[:end.start()]
        elif part:
            text, next_target = part[0], list_for(part[1])
        pieces = _split_heads(text)
        if tag == "li" and pieces[0].strip():
            pieces = [text]  # a list item with words before "exclusion criteria:" is one criterion
        elif tag != "li":
            pieces = _split_bare_heads(pieces)
        # pieces: [before, head, after, head, after…]
        for k, piece in enumerate(pieces):
            if k % 2 == 1:
                target = list_for(piece)
                continue
            # (nor the bullet a paragraph's heading was written after: "* Inclusion …:", "- INCLUSION CRITERIA: - …")
            if piece.strip() in ("", "*") or (k == 0 and len(pieces) > 1 and piece.strip() in ("-", "•")):
                continue
            # (a heading the record reads before another: "Eligibility Criteria for Randomization: Inclusion Criteria:
            # - …", NCT00002525, read as an item before)
            if len(pieces) > 1 and tag != "li" and _record_heading(piece.strip(), "") == "inclusion" and k == 0:
                target = list_for("inclusion")
                continue
            if len(pieces) == 1 and (tag == "li" or _one_item(text, before, after)):
                target.append(piece.strip())
                filled = (at, id(target))
                continue
            for item, head in _items_and_heads(piece):
                if item:
                    target.append(item)
                    filled = (at, id(target))
                if head:
                    target = list_for(head)
        if next_target is not None:
            target = next_target
    inc, t1 = strip_truncation(inc)
    exc, t2 = strip_truncation(exc)
    return inc, exc, t1 or t2


def read_criteria_into(rec, lines: Iterable[Line | str], end: Line | str | None = None) -> None:
    """A PageRecord's inclusion, exclusion, criteria_truncated and criteria_headings from the lines of an
    eligibility section (`criteria_lists`); with `end`, the line the section ended at, criteria_ends_at when that
    shows where the page's list ends (`shown_end`: a list cut by a marker has no end to show)."""
    heads: set[str] = set()
    rec.inclusion, rec.exclusion, rec.criteria_truncated = criteria_lists(lines, heads)
    rec.criteria_headings = sorted(heads)
    shown = (rec.inclusion or rec.exclusion) and not rec.criteria_truncated
    rec.criteria_ends_at = shown_end(end) if shown else None
