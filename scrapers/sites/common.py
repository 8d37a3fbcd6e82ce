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


# -- shared by the label-driven site scrapers and the generic reader ----------------------

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣⁃●○■□✓✔\-–—*]\s*)+")
# "1." "2)" "(3)" "a)" "(b)" — but not "E. coli": a letter counts only with a bracket.
_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-z]\))\s+(?=\S)", re.I)


def clean_item(text: str) -> str:
    """A criteria item without its bullet or list number ("- 1. Age 18-80" -> "Age 18-80").

    The number is markup, not content; a dropped item is told by the count of items,
    not by a gap in the numbering the site printed."""
    t = _BULLET.sub("", text)
    t = _NUMBERING.sub("", t, count=1)
    return clean(t)


def criteria_items(lines: list[Line] | list[str]) -> list[str]:
    """Lines of a criteria section to clean items: list lines as they are, run-on numbered
    paragraphs split, bullets and numbers removed, empty bullets ("-") dropped."""
    as_lines = [ln if isinstance(ln, Line) else Line(ln, "p") for ln in lines]
    items: list[str] = []
    for ln in as_lines:
        if ln.tag == "li":
            parts = [ln.text]
        else:
            parts = re.split(r"(?<=\s)(?=(?:\d{1,2}\.|[•⁃])\s)", ln.text)
        for part in parts:
            it = clean_item(part)
            if it:
                items.append(it)
    return items


_INC_HEAD = re.compile(r"\b(?:key\s+|main\s+|primary\s+)?inclusion\s+criteria\s*[:：]?", re.I)
_EXC_HEAD = re.compile(r"\b(?:key\s+|main\s+|primary\s+)?exclusion\s+criteria\s*[:：]?", re.I)


def split_runon_criteria(text: str) -> tuple[list[str], list[str]]:
    """One paragraph "Inclusion Criteria: - a - b Exclusion Criteria: 1. c 2. d" -> (inc, exc).

    Items are split on " - " bullets (not between numbers: "18 - 65" stays) and on "N. "
    numbering. Text before any header counts as inclusion."""
    m = _EXC_HEAD.search(text)
    inc_text, exc_text = (text[: m.start()], text[m.end():]) if m else (text, "")
    inc_text = _INC_HEAD.sub(" ", inc_text, count=1)

    def items(t: str) -> list[str]:
        t = t.strip()
        if re.match(r"[-•]\s", t):  # a bulleted list: split on bullets only
            parts = re.split(r"(?:^|(?<=[^\d\s]))\s*[-•]\s+", t)
        else:  # numbered (or a single paragraph): split on "N. " only
            parts = re.split(r"(?<=\s)(?=\d{1,2}\.\s)", t)
        return [c for c in (clean_item(p) for p in parts) if c]

    return items(inc_text), items(exc_text)


def apply_fields(rec, values: dict[str, str | None]) -> None:
    """Fill a PageRecord from displayed values keyed by field; each value is normalized
    and the displayed text kept where PageRecord has room for it. Unknown wordings stay None."""
    from ..dates import parse_age, parse_age_range
    from ..vocab import normalize_phases, normalize_sex, normalize_study_type

    v = {k: clean(x) for k, x in values.items() if x and clean(x)}
    if "title" in v:
        rec.title = v["title"]
    if "status" in v:
        rec.status_text = v["status"]
        rec.status = normalize_status(v["status"])
    if "phase" in v and len(v["phase"]) <= 60 and normalize_phases(v["phase"]):
        rec.phases = normalize_phases(v["phase"])
        rec.phase_text = v["phase"]
    if "study_type" in v:
        rec.study_type = normalize_study_type(v["study_type"])
    if "enrollment" in v and re.fullmatch(r"(?:[^\d]{0,40}\s)?\d[\d,]*(?:\s[^\d]{0,40})?", v["enrollment"]):
        rec.enrollment = int_from(v["enrollment"])
    if "start" in v:
        rec.start_date = parse_partial_date(v["start"])
    if "completion" in v:
        rec.completion_date = parse_partial_date(v["completion"])
    if "sponsor" in v:
        rec.sponsor = v["sponsor"]
    if "sex" in v:
        rec.sex = normalize_sex(v["sex"])
    if "ages" in v:
        # "N/A to 13 Days" / "18 Years to N/A": one side has no limit
        m = re.match(r"^\s*(.+?)\s+to\s+(.+?)\s*(?:\(.*\))?$", v["ages"], re.I)
        if m and re.fullmatch(r"n/?a|none|no limit", m.group(1).strip(), re.I):
            rec.min_age, rec.max_age = None, parse_age(m.group(2))
        elif m and re.fullmatch(r"n/?a|none|no limit", m.group(2).strip(), re.I):
            rec.min_age, rec.max_age = parse_age(m.group(1)), None
        else:
            rec.min_age, rec.max_age = parse_age_range(v["ages"])
    if "min_age" in v:
        rec.min_age = parse_age(v["min_age"])
    if "max_age" in v:
        rec.max_age = parse_age(v["max_age"])


def nct_from_links(page: Page, registry_only: bool = True) -> str | None:
    """The one NCT id the page links to (by default only links to ClinicalTrials.gov);
    None when there is none or more than one: a list of links is no claim about this trial."""
    from ..nct import find_nct_ids

    ids: list[str] = []
    for href, _text in page.links():
        if registry_only and "clinicaltrials.gov" not in href.lower():
            continue
        for i in find_nct_ids(href):
            if i not in ids:
                ids.append(i)
    return ids[0] if len(ids) == 1 else None


def strip_nct_prefix(title: str | None) -> str | None:
    """"NCT07041801 - Treatment of …" -> "Treatment of …" (titles built from <title> tags)."""
    if not title:
        return title
    return re.sub(r"^\s*NCT\s?\d{8}\s*[-–—:|]\s*", "", title) or title


# A line that is nothing but a phase: "Phase 1/2", "Early Phase 1", "PHASE1/PHASE2", "Phase III",
# "Not Applicable", "N/A". Used where a phase is told only by its shape (badges, table cells).
PHASE_ONLY = re.compile(
    r"^(?:early\s+)?phase\s*(?:[1-4]|i{1,3}|iv)(?:\s*[/,&]\s*(?:phase\s*)?(?:[1-4]|i{1,3}|iv))*$"
    r"|^(?:early_)?phase\d(?:\s*/\s*(?:early_)?phase\d)*$|^not applicable$|^n/a$",
    re.I,
)


# Values of other fields that show through under a status label when the status is missing
# (checkorphan.org shows "Drug" there): never kept as the page's status wording.
_OTHER_FIELD_VALUE = re.compile(
    r"^(?:drug|device|biological|procedure|radiation|behavioral|genetic|dietary supplement|combination product|"
    r"diagnostic test|other|interventional|observational|expanded access|all|male|female|yes|no|n/?a|none|"
    r"not applicable|phase\s*\S+|\d.*)$",
    re.I,
)


def plausible_status_wording(text: str) -> bool:
    """Could `text` be a status wording we do not know ("Waitlist Available")? Short, no
    digits, and not another field's value."""
    t = clean(text)
    return bool(t) and len(t) <= 40 and len(t.split()) <= 5 and not re.search(r"\d", t) \
        and not t.endswith(":") and not _OTHER_FIELD_VALUE.match(t)


_BARE_VALUE = re.compile(
    r"^(?:\d+(?:\.\d+)?\s*(?:years?|months?|weeks?|days?|hours?)|all|male|female|both|yes|no|n/?a|none)$", re.I
)


def trim_trailing_values(items: list[str]) -> list[str]:
    """Drop bare field values ("18 Years", "ALL", "No") that a list runs into at its end
    when the page shows the next fields without labels."""
    out = list(items)
    while out and _BARE_VALUE.match(out[-1].strip()):
        out.pop()
    return out
