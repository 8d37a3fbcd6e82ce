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
from ._layout import Layout, _criteria_lines, _section, is_stop
from ._reader import find_label
from .base import HEADING_TAGS, Line, Page, clean

_MAX_WORDS = 25


def next_part(view: Page, lines: list[Line], inclusion: tuple[str, ...],
              stops: frozenset[str]) -> tuple[Line, int] | None:
    """(the population's heading line, the index of its inclusion heading) right after the last of `lines`, a block
    a guess ended; None when the block is not followed so."""
    if not lines:
        return None
    last = next((i for i in range(len(view.lines) - 1, -1, -1) if view.lines[i] is lines[-1]), None)
    if last is None or last + 2 >= len(view.lines):
        return None
    head, at = view.lines[last + 1], last + 2
    text = clean(head.text)
    if (head.tag in HEADING_TAGS or not text.endswith(":") or text.count(":") != 1 or len(text.split()) > _MAX_WORDS
            or header_kind(text) is not None or is_stop(text, stops, True)):
        return None
    return (head, at) if find_label(view, inclusion, at, at + 1) == at else None


def read_on(view: Page, layout: Layout, lines: list[Line], end: Line | None, done: set[int], limit: int) -> list[Line]:
    """`lines`, the criteria sections read from an inclusion heading (ended at `end`), with the sections after them
    read on into: after each exclusion heading that ends the last section, and each next population (`next_part`,
    whose inclusion heading's index goes into `done`); at most about `limit` lines."""
    stops = layout.stops()
    while len(lines) < limit:
        if end is None:
            part = next_part(view, lines, layout.inclusion, stops)
            if part is None:
                break
            done.add(part[1])
            block, end = _criteria_lines(view, layout, part[1])
            lines = [*lines, part[0], *block]
            continue
        at = next(i for i, ln in enumerate(view.lines) if ln is end)
        if find_label(view, layout.exclusion, at, at + 1) != at:
            break
        block, end = _section(view, at, "Exclusion Criteria:", layout.exclusion, stops, True)
        lines = [*lines, *block]
    return lines
