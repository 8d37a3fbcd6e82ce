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
            return d, _claim_only(t, m.start())
    return None, None


def _claim_only(line: str, at: int) -> str:
    """"Updated June 2026 · ClinicalTrials.gov" -> "Updated June 2026": the freshness claim
    without the other items sharing its line (a finding quotes just the claim)."""
    pieces = re.split(r"\s+[·|•]\s+", line)
    pos = 0
    for piece in pieces:
        start = line.find(piece, pos)
        if start <= at < start + len(piece):
            return piece.strip()
        pos = start + len(piece)
    return line


def status_in(text: str) -> tuple[str | None, str | None]:
    """A known status wording that is the whole of `text` (case-insensitive)."""
    st = normalize_status(text)
    return (st, clean(text)) if st else (None, None)


def embedded_trial(page: Page) -> dict[str, str]:
    """Title and status a page states in JSON-LD (MedicalStudy / MedicalTrial), for a
    scraper to fall back on when its visible text shows none. schema.org's CamelCase
    statuses ("ActiveNotRecruiting", ".../Recruiting") are read as words."""
    for item in page.json_ld():
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if not any(t in ("MedicalTrial", "MedicalStudy") for t in types):
            continue
        out: dict[str, str] = {}
        if isinstance(item.get("name"), str):
            out["title"] = clean(item["name"])
        st = item.get("status") or item.get("studyStatus")
        if isinstance(st, str):
            words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", st.rstrip("/").rsplit("/", 1)[-1])
            out["status_text"] = words
        return out
    return {}


def fill_from_embedded(rec, page: Page) -> None:
    """Fill title and status from JSON-LD only where the visible page gave none."""
    data = embedded_trial(page)
    if rec.title is None and data.get("title"):
        rec.title = data["title"]
    if rec.status_text is None and data.get("status_text"):
        rec.status_text = data["status_text"]
        rec.status = normalize_status(data["status_text"])


def leading_status(text: str) -> tuple[str | None, str | None, str]:
    """A status wording at the start of a run-together line ("RECRUITINGPhase 1…") and the rest."""
    best: re.Match | None = None
    for word in status_words():
        # words joined by any non-letters ("Active, not recruiting", "NOT_YET_RECRUITING"); the
        # wording must end where the next word starts: "RECRUITINGPhase" (the case changes),
        # "Recruiting · Phase 1"; not "Recruitingly" nor "ACTIVE" in "ACTIVE_NOT…"
        pattern = r"[^A-Za-z]+".join(re.escape(w) for w in word.split()) + r"(?-i:(?![a-z_]))"
        m = re.match(pattern, text, re.I)
        if m and normalize_status(m.group(0)) and (best is None or m.end() > best.end()):
            best = m
    if best is None:
        return None, None, text
    return normalize_status(best.group(0)), best.group(0), text[best.end():]


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


def split_criteria(lines: list[Line] | list[str]) -> tuple[list[str], list[str]]:
    """One list holding "Inclusion Criteria:" … "Exclusion Criteria:" items -> (inclusion, exclusion).

    Kept for callers of the first version; `_reader.criteria_lists` is the one reader
    (it also splits run-on paragraphs and reports truncation). Items before any header
    count as inclusion.
    """
    from ._reader import criteria_lists

    inc, exc, _ = criteria_lists(lines)
    return inc, exc


def int_from(text: str | None) -> int | None:
    """"9 participants", "58 estimated patients", "1,200" -> int."""
    if not text:
        return None
    m = re.search(r"\b(\d{1,3}(?:,\d{3})+|\d+)\b", text)
    return int(m.group(1).replace(",", "")) if m else None
