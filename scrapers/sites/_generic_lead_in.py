"""The generic reader's opening line: a record's own lead-in printed between the page's eligibility heading and its
first inclusion heading ("Eligibility Criteria" / "For initial randomisation to CDM vs LCM, and to ART induction
strategy:" / "Inclusion Criteria:", NCT02028676). The record's parser keeps such a line (an unplaced item, compared as
a requirement); a page reader that starts at the inclusion heading left it out, and the record's own text drew "This
page leaves out a criterion" in every layout.

Read only where it is plainly the record's: the one line right between an eligibility heading alone on its line and
the inclusion heading, that ends in a colon (it leads in to the list), has words enough to be a sentence, and is no
heading nor "Label: value" field. A site's own line there ("Check the participation requirements, including …
accepted.") ends otherwise and is never read: over the corpus, 3 records open so before their first heading with a
non-heading line that ends in a colon, and only NCT02028676's has four words or more."""

from __future__ import annotations

import re

from ..criteria_markers import header_kind
from .base import HEADING_TAGS, Line, Page, clean

_MIN_WORDS = 4
_COLON = re.compile(r"[:：]")


def opening_line(view: Page, start: int, headings: tuple[str, ...]) -> Line | None:
    """The lead-in line right before the inclusion heading at `start`, when an eligibility heading (one of
    `headings`, alone on its line) is right before it; None otherwise."""
    if start < 2:
        return None
    line, above = view.lines[start - 1], view.texts[start - 2]
    if clean(above).rstrip(" :：").lower() not in {h.lower() for h in headings}:
        return None
    text = clean(line.text)
    if (line.tag in HEADING_TAGS or not text.endswith((":", "：")) or len(_COLON.findall(text)) != 1
            or len(text.split()) < _MIN_WORDS or header_kind(text) is not None):
        return None
    return Line(text, "p")
