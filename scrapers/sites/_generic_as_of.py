"""The generic reader's freshness claim: the date a page says it is current as of ("Last updated: …", "Current as of
…", then "Verified"), read only where it is plainly the page's own claim (generic.py's rule: say nothing rather than
something wrong). A wrong date here raises a false "page out of date" alarm; a missing one only says less."""

from __future__ import annotations

import re

from ..dates import _MON, parse_partial_date
from ..nct import ID_PATTERN
from .base import Page

# Freshness labels, strongest kind first. "Verified" is used only when nothing else is shown.
AS_OF_KINDS: tuple[tuple[str, ...], ...] = (
    ("Last Update Posted", "Last Updated", "Last Updated On", "Last Update", "Current as of", "Data current as of",
     "Information current as of", "Data as of", "Record last updated", "Page last updated", "Trial last updated",
     "Date last updated", "Last Modified", "Last changed"),
    ("Last Verified", "Record Verified", "Status Verified", "Verified", "Status Verified Date", "Last Verified Date"),
)


def page_as_of(view: Page) -> tuple[str | None, str | None]:
    for labels in AS_OF_KINDS:
        pattern = re.compile(r"^(" + "|".join(re.escape(lb) for lb in sorted(labels, key=len, reverse=True))
                             + r")\s*(?:\(?(?:actual|estimated)\)?)?\s*(?:[:：]|\bon\b)?\s*", re.I)
        hits: dict[str, str] = {}
        for i, t in enumerate(view.texts):
            m = pattern.match(t)
            d = None
            if m:
                rest, shown = t[m.end():], t
                if not rest.strip() and i + 1 < len(view.texts):
                    rest, shown = view.texts[i + 1], f"{t} {view.texts[i + 1]}"
                d = _date_alone(rest)
            if d is None and m:
                # the claim run together with the next fact at the line's start ("Current as of June 27,
                # 2025Recruiting"): its first piece as a line of its own. Never a claim inside a line (a "·"-separated
                # fact, a run-together part): another trial's card, a news line or a blog teaser says "… · Last
                # updated Jan 3, 2019 · …" of itself (review r50 F2)
                first = _first_piece(view.lines[i])
                m = first and pattern.match(first[0])
                if m:
                    piece, after = first
                    rest = piece[m.end():]
                    d = _date_alone(rest if rest.strip() else after)
                    shown = piece if rest.strip() else f"{piece} {after}"
            if d:
                hits.setdefault(d, shown)
        if len(hits) == 1:
            return next(iter(hits.items()))
        if len(hits) > 1:
            return None, None  # two different claims of the same kind: say nothing
    return None, None


_SEPARATOR = re.compile(r"\s+[·|•]\s+")


def _first_piece(line) -> tuple[str, str] | None:
    """A line's first run-together part or "·"-separated fact, with the one after it: "Current as of June 27, 2025"
    and "Recruiting" in "Current as of June 27, 2025Recruiting". None for a line naming a trial (a list of other
    trials runs each one's "NCT… · RECRUITING · Last Updated: …" together) or a line of one piece."""
    if re.search(ID_PATTERN, line.text) or (len(line.parts) < 2 and not _SEPARATOR.search(line.text)):
        return None
    out = [p.strip() for part in line.parts for p in _SEPARATOR.split(part)]
    out = [p for p in out if p and p not in "·|•"]
    return (out[0], out[1] if len(out) > 1 else "") if out else None


_DATE_ONLY = re.compile(
    r"^(?:\d{4}-\d{1,2}(?:-\d{1,2}(?:T[\d:.]+Z?)?)?|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{4}"
    r"|" + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MON + r",?\s+\d{4}"
    r"|" + _MON + r",?\s+\d{4})$",
    re.I,
)


def _date_alone(text: str) -> str | None:
    """The date `text` is made of, allowing only a separated tail ("June 2025 · 3 updates");
    "by the sponsor on 2024-01-02" or "June 2025 news roundup" is not a date claim."""
    head = re.split(r"\s*[·|•;(]\s*|\s+[-–—]\s+", text.strip(), maxsplit=1)[0].strip().rstrip(".")
    if not _DATE_ONLY.match(head):
        return None
    return parse_partial_date(head)
