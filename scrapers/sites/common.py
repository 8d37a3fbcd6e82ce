"""Readers shared by several site scrapers: freshness claims, labelled status, criteria lists."""

from __future__ import annotations

import re

from ..dates import parse_partial_date
from ..vocab import normalize_status, status_words
from .base import Line, Page, clean

# "Current as of June 27, 2025", "Last Updated: 2025-11-18", "Updated June 2026 · ClinicalTrials.gov",
# "Last update posted 2025-11-18", "Verified: 2025-06", "Data current as of …"
_AS_OF = re.compile(
    r"\b(?:current\s+as\s+of|last\s+updated?(?:\s+on)?|last\s+update\s+posted|last\s+verified|"
    r"updated(?:\s+on)?|data\s+as\s+of|as\s+of|record\s+verified|verified)\s*[:：]?\s*",
    re.I,
)


def find_as_of(page: Page, start: int = 0, end: int | None = None) -> tuple[str | None, str | None]:
    """(partial ISO date, the line as shown) of the page's own freshness claim, or (None, None)."""
    stop = len(page.lines) if end is None else end
    for i in range(start, min(stop, len(page.lines))):
        t = page.texts[i]
        m = _AS_OF.search(t)
        if not m or len(t) > 160:
            continue
        rest = t[m.end():]
        d = parse_partial_date(rest[:40])
        if d is None and not rest.strip() and i + 1 < len(page.lines):
            nxt = page.texts[i + 1]
            d = parse_partial_date(nxt[:40])
            if d:
                return d, clean(t + " " + nxt)
        if d:
            return d, t
    return None, None


def status_in(text: str) -> tuple[str | None, str | None]:
    """A known status wording that is the whole of `text` (case-insensitive)."""
    st = normalize_status(text)
    return (st, clean(text)) if st else (None, None)


def leading_status(text: str) -> tuple[str | None, str | None, str]:
    """A status wording at the start of a run-together line ("RECRUITINGPhase 1…") and the rest."""
    low = text.lower()
    for word in status_words():
        cand = low[: len(word)]
        if re.sub(r"[^a-z]+", " ", cand).strip() == word and (len(low) == len(word) or not low[len(word)].islower()):
            return normalize_status(text[: len(word)]), text[: len(word)], text[len(word):]
    # enum spellings with underscores: NOT_YET_RECRUITING
    m = re.match(r"([A-Z]+(?:_[A-Z]+)*)", text)
    if m and normalize_status(m.group(1)):
        return normalize_status(m.group(1)), m.group(1), text[m.end():]
    return None, None, text


_MORE = re.compile(r"(\.{3}|…)\s*(see|view|read|show)\s+(the\s+)?(full|all|more)\b.*$", re.I)
_MORE_LINE = re.compile(r"^(\.{3}|…)?\s*(see|view|read|show)\s+(the\s+)?(full|all|more)(\s+(eligibility|criteria)\b.*)?$", re.I)


def strip_truncation(items: list[str]) -> tuple[list[str], bool]:
    """Remove a "...See full criteria" marker; say whether the list was cut short."""
    out: list[str] = []
    truncated = False
    for it in items:
        if _MORE_LINE.match(it.strip()):
            truncated = True
            continue
        m = _MORE.search(it)
        if m:
            truncated = True
            it = it[: m.start()].rstrip()
            if not it:
                continue
        out.append(it)
    return out, truncated


_HEADER_ITEM = re.compile(r"^\s*(key\s+)?(inclusion|exclusion)\s+criteria\s*[:：]?\s*$", re.I)


def split_criteria(lines: list[Line] | list[str]) -> tuple[list[str], list[str]]:
    """One list holding "Inclusion Criteria:" … "Exclusion Criteria:" items -> (inclusion, exclusion).

    Used where a site shows both sections as a single list (ClinConnect, TrialFinderData).
    Items before any header count as inclusion.
    """
    inc: list[str] = []
    exc: list[str] = []
    target = inc
    for ln in lines:
        text = ln.text if isinstance(ln, Line) else ln
        m = _HEADER_ITEM.match(text)
        if m:
            target = exc if m.group(2).lower() == "exclusion" else inc
            continue
        target.append(text)
    return inc, exc


def int_from(text: str | None) -> int | None:
    """"9 participants", "58 estimated patients", "1,200" -> int."""
    if not text:
        return None
    m = re.search(r"\b(\d{1,3}(?:,\d{3})+|\d+)\b", text)
    return int(m.group(1).replace(",", "")) if m else None
