"""Which lines of a criteria section are criteria, which paragraph is one item, and the items (and headings) a
paragraph holds: a list item or bulleted line is one criterion; a paragraph is cut on its bullets or numbers
(`_runon`) unless it is one item of a list the page shows one paragraph per item. Split from `_criteria_lists` (the
reader of a section's lines), which uses these."""

from __future__ import annotations

import re

from ..criteria_markers import END_HEADER, START_HEADER
from ._criteria_heads import (_BARE_ALONE, _HEAD_ALONE, _HEAD_WORDS, _ITEM_THEN_HEAD, _ITEMS_WORDS, _heading_after,
                              _record_heading, _split_heads)
from ._figure_lines import OWN_NUMBER as _OWN_NUMBER, ends_sentence, figure_line
from ._runon import _BULLET, split_dashes, split_paragraph, split_stars, strip_bullet
from ._runon_numbered import split_numbered, sub_list_to_end
from .base import HEADING_TAGS, Line, clean


def criteria_item(line: Line) -> bool:
    """A line that is a criterion whatever it says: a list item, or a line that starts with a
    bullet. Older CT.gov records group criteria under sub-labels ("Age:", "Sex: Male",
    "Performance status:") that read like a site's field labels; inside the criteria they
    are items, and only a line outside the list (a heading, the next field) ends it."""
    return line.tag == "li" or bool(_BULLET.match(line.text))


_SUB_LABEL = re.compile(r"[^:：]{1,60}[:：]")


def criteria_sub_label(line: Line) -> bool:
    """"Age:" / "Hepatic:" alone on a line: a sub-heading of the criteria (sites print their
    own field labels without a trailing colon)."""
    return bool(_SUB_LABEL.fullmatch(line.text.strip()))


def _text_of(line: Line | str | None) -> str:
    return "" if line is None else strip_bullet(line.text if isinstance(line, Line) else line)


def _own_number(line: Line | str | None) -> int | None:
    own = _OWN_NUMBER.match(_text_of(line))
    return int(own.group(1)) if own else None


def _list_line(line: Line | str | None) -> bool:
    """Is this neighbour one more criterion of the same list (not a heading, nor a line holding one)?"""
    text = _text_of(line)
    if not text or (isinstance(line, Line) and line.tag in HEADING_TAGS) or _HEAD_ALONE.match(text):
        return False
    return not START_HEADER.match(text) and not END_HEADER.search(text) and len(_split_heads(text)) == 1


def _one_item(text: str, before: Line | str | None, after: Line | str | None) -> bool:
    """Is this paragraph one item of a list the page shows one paragraph per item, the numbers inside it its own
    sub-list's?

    - It starts with its number N and the next line with N + 1: its numbers are never the list's next item, which the
      next line is ("2. … insufficient response: 1. … 2. … 3. Patients whose DAI …" above "3. Patients shown via
      colonoscopy …", NCT00463151).
    - It starts with N, the line before with N - 1, no numbered line follows (the list's last item, before the next
      heading), and after its lead-in's colon its numbers restart at 1 and run to its end (`sub_list_to_end`): "2. Has
      one of: 1. Aaa 2. Bbb 3. Ccc" (its "3." is no item 3: the page would have given that a paragraph).
    - It has no number of its own, a neighbour is another criterion of its list, and it is a lead-in and its
      restarted run: "Abnormal Laboratory Values: 1. … 2. … 3. …" (NCT00379756). Alone under its heading (a whole
      list run into one paragraph, "Patients must meet all of the following: 1. … 2. …") it is the list's
      introduction and its items, and is split as before: read whole, 9 of the corpus's 9 such lists the record
      shows as introduction and items drew a "criteria merged" warning (split: 52 of 53 clean the other way)."""
    own = _own_number(text)
    nxt = _own_number(after)
    if own is not None:
        if nxt == own + 1:
            return True
        return nxt is None and _own_number(before) == own - 1 and sub_list_to_end(text, _OWN_NUMBER.match(text).end())
    return (_list_line(before) or _list_line(after)) and (sub_list_to_end(text) or _bullet_sub_list(text))


def _bullet_sub_list(text: str) -> bool:
    """"Has one of the following: * Aaa * Bbb": a lead-in and its "*" bullets in one paragraph (`split_stars`). Among
    other criteria, one paragraph per item, they are that item's sub-list (bench/runon_gaps.py --paragraphs: 41 pages
    read their sub-items as criteria of their own), as a numbered one is. So too a lead-in and its "-" bullets, which
    `split_dashes` cuts after a lead-in too (a whole list run into one paragraph, NCT00002071), read whole there as
    before."""
    text = clean(text)
    parts = split_stars(text)
    if parts is None and text[:1] not in "-•":   # (a "- Lead: - a" paragraph was split on its bullets before)
        parts = split_dashes(text)
    return parts is not None and len(parts) > 1 and parts[0].rstrip().endswith((":", "："))


def _bullet_run(text: str, before: Line | str | None, after: Line | str | None) -> bool:
    """Does this paragraph start with the first of its bullets ("* a * b * c", "- a - b - c", no heading before it)?
    Then that bullet is the list's: stripped, the rest no longer starts with one and was read as one item (NCT00033839).
    A "-" line among other bulleted lines is one item of a list shown one item a line, its " - " the item's own; a "-"
    paragraph whose numbers split it is a numbered list (NCT00001405: "- ELIGIBILITY CRITERIA: … 1. … 2. …")."""
    lead = text.lstrip()[:1]
    if lead == "*":
        parts = split_stars(clean(text))
    elif lead and lead in "-•" and not any(_bulleted(n) for n in (before, after)):
        parts = split_dashes(clean(text))
        if parts and len(split_numbered(parts[0])) > 1:
            return False   # its numbering comes first: "- ELIGIBILITY CRITERIA: … 1. … 2. …" is a numbered list
    else:
        return False
    return parts is not None and len(parts) > 1


def _items_and_heads(piece: str) -> list[tuple[str, str | None]]:
    """A paragraph's items (`split_paragraph`), each with the heading that follows it, if any. In a "- a - b" run a
    heading without a colon is read where the dashes show it: alone as a bullet's words ("- INCLUSION CRITERIA - a",
    the record's "INCLUSION CRITERIA - Normal Volunteers:" cut at its dash) or after an item's full stop, a heading line
    without a bullet run into the item before ("… or crying. EXCLUSION CRITERIA - Patients with …:"). Read as items,
    the reasons to stay out after them were listed as requirements (NCT00001922: a critical the record does not
    back). Only when every heading in the run is read so: one left in an item's words ("… Pregnancy INCLUSION
    CRITERIA - for the Parents …", no full stop) would put the lists after it under the heading before it
    (NCT00006334), so the run is read as before, its items under the heading it started under."""
    items = split_paragraph(piece)
    plain = [(it, None) for it in items]
    if len(items) < 2 or split_dashes(clean(piece)) is None:
        return plain
    out: list[tuple[str, str | None]] = []
    for it in items:
        alone = _HEAD_ALONE.match(it) or _BARE_ALONE.fullmatch(it)
        end = END_HEADER.search(it)
        kind = None if alone else _record_heading(it, "")
        if alone and not _ITEMS_WORDS.match(alone.group(1)):
            out.append(("", alone.group(1)))
        elif _heading_after(it):
            out.append(_heading_after(it))
        elif kind and _ITEM_THEN_HEAD.fullmatch(it):
            # ("- family caregiver Exclusion Criteria - Emotional …", NCT00006253: the record's last inclusion, then its
            # colonless heading line; read as the heading alone, the item was "left out" of the record's own text)
            out.append((_ITEM_THEN_HEAD.fullmatch(it).group(1).strip(), kind))
        elif kind:
            out.append(("", kind))   # ("- INCLUSION CRITERIA FOR ADULT PATIENTS … CYCLOSPORINE: - …", NCT00001392)
        elif end:
            out.append((it[:end.start()].strip(), end.group(1)))
        elif _HEAD_WORDS.search(it):
            return plain   # a heading in an item's words ("… Pregnancy INCLUSION CRITERIA"): not read, nor the others
        else:
            out.append((it, None))
    return out


def _sentence_end(raw: str, at: int, lines: list[Line | str]) -> str | None:
    """The words paragraph `at` (`raw`, as shown) adds to the sentence the paragraph before breaks off, when it is the
    figure that ends it (`_figure_lines.ends_sentence`), the line before no heading. None otherwise."""
    text = clean(raw)
    if not at or not figure_line(text):
        return None   # (most lines: no figure line, so the line before is not read)
    before = lines[at - 1]
    prev, tag = (before.text, before.tag) if isinstance(before, Line) else (before, "p")
    prev = clean(prev)
    if tag in HEADING_TAGS or _HEAD_ALONE.match(strip_bullet(prev)):
        return None
    return text if ends_sentence(text, prev, [_text_of(other) for other in lines]) else None


def _bulleted(line: Line | str | None) -> bool:
    return line is not None and criteria_item(line if isinstance(line, Line) else Line(line, "p"))
