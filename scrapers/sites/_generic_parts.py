"""The generic reader's records in parts and populations. A record in parts ("For the secondary randomisation
… Inclusion criteria 1. … Exclusion criteria 5. …", NCT02028676) repeats its exclusion heading, and the page's list was
cut at the second one (9 false "leaves out a requirement" warnings on the record's own text): read on through each
exclusion heading that ends the last section read (generic12).

A record in populations: "Pediatric patients with bipolar disorder:" / "INCLUSION CRITERIA:" / … / "EXCLUSION
CRITERIA:" / … / "Adults with BD participating as individuals …:" / "INCLUSION CRITERIA:" / … (NCT00006177, 11
populations). The page's exclusion list of one population ends at the next one's heading (a line that merely looks
like a title: a guess), and the reader took each later "Inclusion Criteria" for a second copy of the criteria and read
the first population alone: 24 "leaves out a requirement" warnings per layout on the record's own text.

A list read on into the next population only where the line right after it is plainly such a heading of the record's:
a line of its own ending in a colon (a population's or part's name leading in to its lists), no heading of criteria
nor a field label, with the next population's inclusion heading right under it. The population's heading is kept as
the last line of the list before it, where the record's parser lists it."""

from __future__ import annotations

from ..criteria_markers import header_kind
from ._criteria_heads import qualified_heading
from ._layout import Layout, _criteria_lines, _section, is_stop
from ._reader import find_label
from .base import HEADING_TAGS, Line, Page, clean

_MAX_WORDS = 25


def _part_head(view: Page, k: int, inclusion: tuple[str, ...], stops: frozenset[str]) -> bool:
    """Whether line k is a part's or population's heading of the record's with its inclusion heading right under it:
    a line of its own ending in its one colon, no heading element, heading of criteria (a PDQ part's "PATIENT
    CHARACTERISTICS:" is one) nor field label."""
    if k + 1 >= len(view.lines):
        return False
    head = view.lines[k]
    text = clean(head.text)
    if (head.tag in HEADING_TAGS or not text.endswith(":") or text.count(":") != 1 or len(text.split()) > _MAX_WORDS
            or header_kind(text) not in (None, "pdq") or is_stop(text, stops, True)):
        return False
    return find_label(view, inclusion, k + 1, k + 2) == k + 1


def _named_part(view: Page, k: int, inclusion: tuple[str, ...]) -> bool:
    """Whether line k is an inclusion heading naming its part ("INCLUSION CRITERIA: Cohort Study" after the lists of
    "INCLUSION CRITERIA: DDD Pacemaker Therapy", NCT00001396: `qualified_heading`), so the record's next part."""
    return k < len(view.lines) and qualified_heading(clean(view.lines[k].text)) == "inclusion" \
        and find_label(view, inclusion, k, k + 1) == k


def _pdq(line: Line) -> bool:
    """A PDQ part's heading ("PATIENT CHARACTERISTICS:"): the record's parser reads it as a heading, not an item (a
    population's name it keeps as one)."""
    return header_kind(clean(line.text)) == "pdq"


def _index(view: Page, line: Line) -> int | None:
    return next((i for i in range(len(view.lines) - 1, -1, -1) if view.lines[i] is line), None)


def next_part(view: Page, lines: list[Line], inclusion: tuple[str, ...],
              stops: frozenset[str]) -> tuple[Line, int] | None:
    """(the population's heading line, the index of its inclusion heading) right after the last of `lines`, a block
    a guess ended; None when the block is not followed so."""
    last = _index(view, lines[-1]) if lines else None
    if last is None or not _part_head(view, last + 1, inclusion, stops):
        return None
    return view.lines[last + 1], last + 2


def read_on(view: Page, layout: Layout, lines: list[Line], end: Line | None, done: set[int], limit: int) -> list[Line]:
    """`lines`, the criteria sections read from an inclusion heading (ended at `end`), with the sections after them
    read on into: after each exclusion heading that ends the last section, each next population (`next_part`,
    whose inclusion heading's index goes into `done`), and each inclusion heading that ends the last section right
    under a part's heading the section took in as its last line (a PDQ outline's "PATIENT CHARACTERISTICS:" /
    "Inclusion criteria:", NCT00499265: 11 "leaves out a requirement" warnings per layout), and each inclusion heading
    naming its part that ends it ("INCLUSION CRITERIA: Cohort Study" after "… DDD Pacemaker Therapy"'s lists); at most
    about `limit` lines."""
    stops = layout.stops()
    while len(lines) < limit:
        if end is None:
            part = next_part(view, lines, layout.inclusion, stops)
            last = _index(view, lines[-1]) if lines and part is None else None
            if last is not None and _named_part(view, last + 1, layout.inclusion):
                done.add(last + 1)
                block, end = _criteria_lines(view, layout, last + 1)
                lines = [*lines, *block]
                continue
            if part is None:
                break
            done.add(part[1])
            block, end = _criteria_lines(view, layout, part[1])
            lines = [*lines, *([] if _pdq(part[0]) else [part[0]]), *block]
            continue
        at = next(i for i, ln in enumerate(view.lines) if ln is end)
        if find_label(view, layout.exclusion, at, at + 1) == at:
            block, end = _section(view, at, "Exclusion Criteria:", layout.exclusion, stops, True)
        elif at and lines and view.lines[at - 1] is lines[-1] and _part_head(view, at - 1, layout.inclusion, stops):
            done.add(at)
            lines = lines[:-1] if _pdq(lines[-1]) else lines
            block, end = _criteria_lines(view, layout, at)
        elif _named_part(view, at, layout.inclusion):
            done.add(at)
            block, end = _criteria_lines(view, layout, at)
        else:
            break
        lines = [*lines, *block]
    return lines
