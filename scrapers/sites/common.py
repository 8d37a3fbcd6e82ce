"""Readers shared by several site scrapers: freshness claims, labelled status, criteria lists."""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import NO_LIMIT, NOT_GIVEN, labelled_minimum, only_below, parse_age, parse_age_limits, parse_partial_date
from ..nct import ID_PATTERN
from ..vocab import normalize_status, status_words
from .base import Line, Page, clean
from ._lines import text_content

# "Current as of June 27, 2025", "Last Updated: 2025-11-18", "Updated June 2026 · ClinicalTrials.gov",
# "Last update posted 2025-11-18", "Verified: 2025-06", "Data current as of …"
_AS_OF = re.compile(
    r"\b(?:current\s+as\s+of|last\s+updated?(?:\s+on)?|last\s+update\s+posted|last\s+verified|"
    r"updated(?:\s+on)?|data\s+as\s+of|as\s+of|record\s+verified|verified)\s*[:：]?\s*",
    re.I,
)


def find_as_of(page: Page, start: int = 0, end: int | None = None,
               skip: range = range(0)) -> tuple[str | None, str | None]:
    """(partial ISO date, the line as shown) of the page's own freshness claim, or (None, None).

    The date is read from the text; a <time datetime> in the claim's line gives it when
    the text shows none ("Updated 3 days ago"). Only a line that starts with the claim
    counts: a cookie notice ("We use cookies… Last updated: January 2, 2026"), a criteria
    item or a sentence ("vaccination updated as of 2020-01-01") is no claim about the page.
    `skip`: lines the scraper knows are the criteria ("As of January, 1991 accrual of
    these patients was reached" is an item of an old record, not the page's date)."""
    stop = len(page.lines) if end is None else end
    for i in range(start, min(stop, len(page.lines))):
        if i in skip:
            continue
        line = page.lines[i]
        t = line.spaced
        m = _AS_OF.search(t)
        if not m or len(t) > 160 or re.search(r"[A-Za-z0-9]", t[: m.start()]):
            continue
        rest = t[m.end():]
        d = parse_partial_date(rest[:40])
        if d is None and not rest.strip() and i + 1 < len(page.lines):
            nxt = page.lines[i + 1]
            d = parse_partial_date(nxt.spaced[:40]) or time_date(nxt)
            if d:
                return d, clean(t + " " + nxt.spaced)
        if d is None and rest.strip() and len(rest) < 40:
            d = time_date(line)
        if d:
            return d, _claim_only(t, m.start())
    return None, None


def time_date(line: Line) -> str | None:
    """The date of the first <time datetime="…"> in `line`, at the precision it gives."""
    for value in line.times:
        d = parse_partial_date(value)
        if d:
            return d
    return None


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


@lru_cache(maxsize=4)
def _status_patterns(words: tuple[str, ...]) -> tuple[tuple[re.Pattern, ...], re.Pattern]:
    """One compiled pattern per status wording (longest first), and their alternation, which
    matches exactly when one of them does. Compiled once: leading_status runs on every line."""
    # words joined by any non-letters ("Active, not recruiting", "NOT_YET_RECRUITING"); the
    # wording must end where the next word starts: "RECRUITINGPhase" (the case changes),
    # "Recruiting · Phase 1"; not "Recruitingly" nor "ACTIVE" in "ACTIVE_NOT…"
    sources = [r"[^A-Za-z]+".join(re.escape(w) for w in word.split()) + r"(?-i:(?![a-z_]))" for word in words]
    return tuple(re.compile(src, re.I) for src in sources), re.compile("|".join(f"(?:{src})" for src in sources), re.I)


@lru_cache(maxsize=1)
def _known_status_patterns() -> tuple[tuple[re.Pattern, ...], re.Pattern]:
    """_status_patterns of vocab's wordings (a constant table: sorted once, not per line)."""
    return _status_patterns(tuple(status_words()))


def leading_status(text: str) -> tuple[str | None, str | None, str]:
    """A status wording at the start of a run-together line ("RECRUITINGPhase 1…") and the rest."""
    best: re.Match | None = None
    patterns, any_word = _known_status_patterns()
    if not any_word.match(text):  # most lines start with no status: one match says so
        return None, None, text
    for pattern in patterns:
        m = pattern.match(text)
        if m and normalize_status(m.group(0)) and (best is None or m.end() > best.end()):
            best = m
    if best is None:
        return None, None, text
    return normalize_status(best.group(0)), best.group(0), text[best.end():]


_MORE = re.compile(r"(\.{3}|…)\s*(see|view|read|show)\s+(the\s+)?(full|all|more)\b.*$", re.I)
# a line that is only a link or button to the rest of the list: "See full criteria", and the other ways sites word it
# ("Load more", "Show 4 more", "+ 4 more", "View all 12 criteria", "More…", "Expand all", "Continue reading", with
# arrows or chevrons: "Show more ▼", "Read more »", "[+] Show more"). Read as a criterion, "Load more" was "a reason
# someone cannot join" the record lacks, and the record's items behind it were called left out (review round 22, F1)
_MORE_LINE = re.compile(
    r"^[^\w(]*(?:\.{3}|…)?\s*(?:"
    r"(?:see|view|read|show|load|display|open)\s+(?:the\s+)?(?:\d+\s+)?(?:full|all|more|rest)(?:\s+of\s+the)?(?:\s+\d+)?"
    r"(?:\s+(?:eligibility|criteria|items?|reasons?|requirements?|inclusion|exclusion)\b.*)?"
    r"|\+?\s*\d+\s+more(?:\s+(?:eligibility|criteria|items?|reasons?|requirements?))?"
    r"|more\s*(?:\.{3}|…)|expand(?:\s+all)?|continue\s+reading"
    r")\s*(?:\(\d+\))?[^\w]*$", re.I)


# a line standing where the criteria would be, saying where they are instead: "See eligibility on sponsor site",
# "Sign in to view the full eligibility criteria.", "Eligibility criteria not available.", "Please contact the study
# team for eligibility details." It is no criterion: counted as one, the note said "found only 0 of the 10" and a
# finding called it "the one it shows" (review round 10)
_PLACEHOLDER = re.compile(
    r"^\W*(?:please\s+)?(?:"
    r"(?:see|view|check|refer\s+to|visit)\s+(?:the\s+)?(?:full\s+)?(?:eligibility|criteria)(?:\s+criteria)?\s+"
    r"(?:on|at)\s+(?:the\s+)?(?:sponsor(?:'s)?|study|trial|clinicaltrials\.gov|official)\b[\w\s.'-]{0,30}"
    r"|(?:sign|log)\s*(?:in|on)\b[^.]{0,20}\bto\s+(?:view|see|read)\b[^.]{0,50}"
    r"|(?:the\s+)?(?:eligibility\s+)?criteria\s+(?:are\s+|is\s+)?not\s+(?:available|provided|listed|shown)(?:\s+here)?"
    r"|contact\s+(?:the\s+)?(?:study\s+(?:team|site|coordinator|contact)|sponsor|site|investigators?)\s+for\s+"
    r"(?:the\s+)?(?:full\s+)?(?:eligibility|criteria)\b[^.]{0,30}"
    r")\W*$", re.I)


def strip_truncation(items: list[str]) -> tuple[list[str], bool]:
    """Remove a "...See full criteria" marker, and a line saying where the criteria are instead of them
    (`_PLACEHOLDER`); say whether the list was cut short."""
    out: list[str] = []
    truncated = False
    for it in items:
        if _MORE_LINE.match(it.strip()):
            truncated = True
            continue
        if len(it) < 120 and _PLACEHOLDER.match(it):
            continue
        m = _MORE.search(it) if "..." in it or "…" in it else None  # (_MORE needs one: skip the scan)
        if m:
            truncated = True
            it = it[: m.start()].rstrip()
            if not it:
                continue
        out.append(it)
    return out, truncated


def int_from(text: str | None) -> int | None:
    """"9 participants", "58 estimated patients", "1,200" -> int."""
    if not text:
        return None
    m = re.search(r"\b(\d{1,3}(?:,\d{3})+|\d+)\b", text)
    return int(m.group(1).replace(",", "")) if m else None


# -- shared by the label-driven site scrapers and the generic reader ----------------------

def apply_fields(rec, values: dict[str, str | None]) -> None:
    """Fill a PageRecord from displayed values keyed by field; each value is normalized
    and the displayed text kept where PageRecord has room for it. Unknown wordings stay None."""
    from ..vocab import normalize_healthy_volunteers, normalize_phases, normalize_sex, normalize_study_type

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
    if "healthy_volunteers" in v:
        rec.healthy_volunteers = normalize_healthy_volunteers(v["healthy_volunteers"])
    if "ages" in v:   # ("18 Years - N/A", "N/A to 13 Days": the registry's "no limit" on one side)
        read_ages(rec, v["ages"])
    if "min_age" in v:
        rec.min_age = labelled_minimum(v["min_age"])
    if "max_age" in v:
        rec.max_age = parse_age(v["max_age"])
    if "min_age" in v or "max_age" in v:
        said = no_maximum_said(v.get("min_age"), v.get("max_age"))
        rec.no_max_age_text = None if rec.max_age is not None else said or rec.no_max_age_text
        said = no_minimum_said(v.get("min_age"), v.get("max_age"))
        rec.no_min_age_text = None if rec.min_age is not None else said or rec.no_min_age_text


def drop_loose_na(page: Page, values: dict[str, str | None], labels: dict[str, tuple[str, ...]]) -> None:
    """Leave out of `values` a minimum or maximum age "N/A" that is not the label's own value: the reader takes the line
    after the label, and a "Maximum Age" with an empty value is followed by whatever the page shows next, an "N/A" of
    another field too, which would say "no upper age limit" against a record it matches (review r37 #3). Its own
    value sits in the element right after the label's (a row's next cell, a <dd>) or beside it in one element."""
    for name in ("min_age", "max_age"):
        value = values.get(name)
        if value and NOT_GIVEN.fullmatch(clean(value)) and not _beside_label(page, labels[name], clean(value)):
            del values[name]


def _beside_label(page: Page, labels: tuple[str, ...], value: str) -> bool:
    """Does the page show `value` right after an element that holds only one of `labels` ("Maximum Age", "Maximum
    Age:"), or in one element with it ("Maximum Age: N/A")?"""
    want = {_label_key(lb) for lb in labels}
    for el in page.root.iter("*"):
        own = _label_key(el.text or "")
        if own not in want:
            if own.startswith(tuple(f"{w}:" for w in want)) and _label_key(text_content(el)).endswith(value.lower()):
                return True   # "Maximum Age: N/A" in one element
            continue
        node = el   # the outermost element holding the label alone (<dt><b>Maximum Age</b></dt>)
        while node.getnext() is None and not (node.tail or "").strip() and node.getparent() is not None \
                and _label_key(text_content(node.getparent())) in want:
            node = node.getparent()
        nxt = node.getnext()
        beside = (node.tail or "").strip() or (text_content(nxt) if nxt is not None else "")
        if clean(beside) == value:
            return True
    return False


def _label_key(text: str) -> str:
    """A label as written, lower case, spaces folded and its closing colon dropped."""
    return clean(text).lower().rstrip(" :：")


def no_maximum_said(low: str | None, high: str | None) -> str | None:
    """The words of labelled age limits that say there is no upper limit: a maximum "No limit" / "No maximum", a
    minimum "18 years and older" beside no maximum age, or a maximum "N/A" / "None" beside a minimum age (the
    registry's "N/A (No limit)"). A lone "N/A" is how a site shows a value it does not have: not a claim."""
    if high and parse_age(high):
        return None
    if high and NO_LIMIT.fullmatch(clean(high)):
        return clean(high)
    if low and parse_age_limits(low, bare_years=True)[2]:   # (a labelled minimum: "18+" is 18 years and over)
        return clean(low)
    if high and NOT_GIVEN.fullmatch(clean(high)) and labelled_minimum(low):
        return clean(high)
    return None


def no_minimum_said(low: str | None, high: str | None) -> str | None:
    """no_maximum_said's mirror: a minimum "N/A" / "None" beside a maximum age says there is no lower limit."""
    if low and NOT_GIVEN.fullmatch(clean(low)) and high and parse_age(high):
        return clean(low)
    return None


def read_ages(rec, text: str | None) -> None:
    """Set a PageRecord's age limits from one displayed value ("18 to 65 years", "Under 18 years", "18 years and
    older"), and keep the page's words when they say there is no upper limit (PageRecord.no_max_age_text), or, being
    an upper limit alone, no lower one (PageRecord.no_min_age_text)."""
    rec.min_age, rec.max_age, open_above = parse_age_limits(text, bare_years=True)
    rec.no_max_age_text = clean(text) if open_above and text else None
    # (the whole value an upper limit alone: "Under 18 years", not "Children under 18 years with asthma")
    rec.no_min_age_text = clean(text) if rec.min_age is None and rec.max_age is not None and text \
        and only_below(clean(text)) else None


def markup_nct_id(page: Page) -> str | None:
    """The one NCT id the markup carries (canonical URL, ClinicalTrials.gov links, meta,
    embedded data: `Page.markup_nct_ids`); None when there is none or more than one — a
    list of links is no claim about this trial."""
    ids = page.markup_nct_ids()
    return ids[0] if len(ids) == 1 else None


def strip_nct_prefix(title: str | None) -> str | None:
    """"NCT07041801 - Treatment of …" -> "Treatment of …" (titles built from <title> tags)."""
    if not title:
        return title
    return re.sub(rf"^\s*{ID_PATTERN}\s*[-–—:|]\s*", "", title) or title


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


_SEX_WORD = re.compile(r"^(?:male|female)$", re.I)


def trim_trailing_values(items: list[str]) -> list[str]:
    """Drop bare field values ("18 Years", "ALL", "No") that a list runs into at its end
    when the page shows the next fields without labels. A lone "male" or "female" after a
    criterion is kept: a record's own last item ("* male", NCT00170339; dropped, the page
    copying it drew "leaves out a requirement"), where a page's unlabelled fields show more
    than the sex (its ages, "No" for healthy volunteers)."""
    out = list(items)
    if len(out) >= 2 and _SEX_WORD.match(out[-1].strip()) and not _BARE_VALUE.match(out[-2].strip()):
        return out
    while out and _BARE_VALUE.match(out[-1].strip()):
        out.pop()
    return out
