"""The generic reader's opening lines: a record's own lead-in printed between the page's eligibility heading and its
first inclusion heading ("Eligibility Criteria" / "For initial randomisation to CDM vs LCM, and to ART induction
strategy:" / "Inclusion Criteria:", NCT02028676). The record's parser keeps such a line (an unplaced item, compared as
a requirement); a page reader that starts at the inclusion heading left it out, and the record's own text drew "This
page leaves out a criterion" in every layout.

Read only where they are plainly the record's: the lines right between an eligibility heading alone on its line and
the inclusion heading, each ending in a colon (it leads in to what follows), with words enough to be a sentence, and no
heading nor "Label: value" field. A site's own line there ("Check the participation requirements, including …
accepted.") ends otherwise and is never read: over the corpus, 3 records open so before their first heading with a
non-heading line that ends in a colon, and only NCT02028676's has four words or more.

A record in populations opens with more than one (reader15): "INCLUSION AND EXCLUSION CRITERIA:" (a heading of the
record's own, which its parser drops), "Inclusion and exclusion criteria for each group are outlined below. … made up
of the following 11 populations:", then the first population's name "Pediatric patients with bipolar disorder or
SMIBRD:" (NCT00006177: 2 "leaves out a criterion" warnings per layout). Up to `_MOST` such lead-ins are read, the
record's combined heading among them skipped; any other line between makes none read.

A PDQ outline whose first part has no inclusion heading of its own ("DISEASE CHARACTERISTICS:" / its items /
"PATIENT CHARACTERISTICS:" / "Inclusion criteria:" …, NCT00498979) opens with that part: every line from a PDQ
heading right under the eligibility heading to the PDQ heading right above the inclusion heading is read, at most
`_PDQ_MOST` lines and no heading element among them (the record's parser reads those items as
inclusion criteria, and the PDQ headings as headings: they are left out)."""

from __future__ import annotations

import re

from ..criteria_markers import header_kind
from .base import HEADING_TAGS, Line, Page, clean

_MIN_WORDS = 4
_MOST = 3   # (lead-in lines; NCT00006177 has two, under its combined heading)
_COLON = re.compile(r"[:：]")
_PDQ_MOST = 80


def _lead_in(line: Line) -> bool:
    text = clean(line.text)
    return not (line.tag in HEADING_TAGS or not text.endswith((":", "：")) or len(_COLON.findall(text)) != 1
                or len(text.split()) < _MIN_WORDS or header_kind(text) is not None)


def _combined_heading(line: Line) -> bool:
    """The record's own "INCLUSION AND EXCLUSION CRITERIA:" over both lists (its parser drops it, as a heading)."""
    return line.tag not in HEADING_TAGS and header_kind(clean(line.text)) == "generic"


def opening_lines(view: Page, start: int, headings: tuple[str, ...]) -> list[Line]:
    """The lead-in lines right before the inclusion heading at `start`, when an eligibility heading (one of
    `headings`, alone on its line) is right above them (the record's combined heading may stand under it); [] when
    any other line stands between."""
    names = {h.lower() for h in headings}
    if start and _pdq_heading(view.lines[start - 1]):
        return _pdq_part(view, start, names)
    found: list[Line] = []
    skipped = False
    for k in range(start - 1, max(-1, start - 3 - _MOST), -1):
        line = view.lines[k]
        if clean(view.texts[k]).rstrip(" :：").lower() in names:
            return [Line(clean(ln.text), "p") for ln in reversed(found)]
        if _lead_in(line) and not skipped and len(found) < _MOST:
            found.append(line)
        elif _combined_heading(line) and not skipped and found:
            skipped = True   # (right under the eligibility heading only: nothing but it may stand above)
        else:
            return []
    return []


def _pdq_heading(line: Line) -> bool:
    return line.tag not in HEADING_TAGS and header_kind(clean(line.text)) == "pdq" and clean(line.text).endswith(":")


def _pdq_part(view: Page, start: int, names: set[str]) -> list[Line]:
    """The lines of a PDQ outline's first part, from the PDQ heading right under an eligibility heading to the one
    right above the inclusion heading at `start`; [] when no eligibility heading is so placed."""
    for k in range(start - 2, max(-1, start - 2 - _PDQ_MOST), -1):
        line = view.lines[k]
        if line.tag in HEADING_TAGS or clean(view.texts[k]).rstrip(" :：").lower() in names:
            if clean(view.texts[k]).rstrip(" :：").lower() in names and k + 1 < start - 1 \
                    and _pdq_heading(view.lines[k + 1]):
                return [Line(clean(ln.text), ln.tag) for ln in view.lines[k + 1:start] if not _pdq_heading(ln)]
            return []
    return []
