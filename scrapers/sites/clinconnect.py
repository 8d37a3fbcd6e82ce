"""clinconnect.io: breadcrumb "Search / Trial NCT…", the title, "Launched by SPONSOR ·
May 19, 2024", "Trial Information", "Current as of June 27, 2025", the status on its own
line ("Recruiting", "Completed"), "Keywords", "ClinConnect Summary" (the site's lay text),
"Gender", "Eligibility criteria" (one list whose items include "Inclusion Criteria:" and
"Exclusion Criteria:"), "About SPONSOR", "Locations", "Patients applied", "Trial Officials"
and "Timeline". Compact renderings drop most of these sections; every field is optional.

The summary is the site's rewrite and is kept as shown: its "children aged 1 to 28" (the
trial is for newborns aged 1 to 28 days) is never read as an age limit.
"""

from __future__ import annotations

import re

from ..dates import parse_age, parse_partial_date
from ..model import PageRecord
from ..nct import ID_PATTERN, normalize_nct_id
from ..vocab import AMBIGUOUS_STATUS_WORDS, normalize_phases, normalize_sex, normalize_status, normalize_study_type
from .base import Line, Page, clean
from ._embedded import fill_from_embedded
from .common import find_as_of, int_from, leading_status, read_ages, time_date
from ._chrome import listed_other_trials, without_chrome
from ._criteria_lists import criteria_item, criteria_sub_label, read_criteria_into
from ._reader import find_label, norm, section, section_until, value_after

HOSTS = ("clinconnect.io",)
BRANDS = ("ClinConnect",)  # names the site gives itself (og:site_name, <title> suffix)

_ONE_AGE = re.compile(r"\d+(?:\.\d+)?\s*[a-z]+(?:\s+old)?\.?", re.I)
LABELS = (
    "Trial Information", "Keywords", "ClinConnect Summary", "Gender", "Sex", "Age", "Ages", "Eligibility criteria",
    "Eligibility", "Locations", "Patients applied", "Trial Officials", "Timeline", "First submit", "Trial launched",
    "Trial updated", "Estimated completion", "Status", "Phase", "Study type", "Conditions", "Interventions",
    "Enrollment", "Sponsor",
)
_CURRENT = re.compile(r"\bcurrent\s+as\s+of\s*[:：]?\s*", re.I)
# A footer in plain divs: its lines end the last section (Locations must not swallow them).
_FOOTER = re.compile(r"^(?:©|\(c\)\s|copyright\b|all rights reserved|last updated\b|privacy policy|terms of (?:use|service))", re.I)
_NO_TEXT = re.compile(r"^no (description|summary) (provided|available)\.?$", re.I)


_LABEL_SET = frozenset(norm(x) for x in LABELS)  # as compared; built once, not per line
_ABOUT = re.compile(r"^about\s+\S", re.I)


def _is_stop(line: Line) -> bool:
    """Section headings ClinConnect prints without fixed markup: known labels and "About SPONSOR"."""
    return norm(line.text) in _LABEL_SET or bool(_ABOUT.match(line.text) and len(line.text) < 120) \
        or bool(_FOOTER.match(line.text))


def scrape(page: Page) -> PageRecord:
    rec = PageRecord(site="clinconnect.io", url=page.url)
    crumb = next((m for t in page.texts[:12] if (m := re.search(rf"\btrial\s+({ID_PATTERN})", t, re.I))), None)
    if crumb:
        rec.nct_id = normalize_nct_id(crumb.group(1))
    page = without_chrome(page)  # the site's "Recruiting"/"Completed" filters and similar trials are not this trial

    launched_at = next((i for i, t in enumerate(page.texts) if re.match(r"^launched by\s+", t, re.I)), None)
    if launched_at is None:  # "Launched by" alone, the sponsor in the next element
        launched_at = next((i for i, t in enumerate(page.texts[:-1]) if norm(t) == "launched by"), None)
        if launched_at is not None:
            rec.sponsor = clean(re.split(r"\s*[·•|]\s*", page.texts[launched_at + 1])[0])
    else:
        m = re.match(r"^launched by\s+(.+?)(?:\s*[·•|]\s*.*)?$", page.texts[launched_at], re.I)
        rec.sponsor = clean(m.group(1)) if m else None
    rec.title = _title(page, launched_at)

    current_at, tail = _as_of(page, rec)
    _status(page, rec, current_at, tail)

    # labelled fields are read above the criteria, whose items may well say "Age: 18-80"
    end = find_label(page, ("Eligibility criteria", "Eligibility")) or len(page.lines)
    phase = value_after(page, ("Phase", "Phases", "Trial phase"), others=LABELS, end=end)
    if phase and normalize_phases(phase):
        rec.phase_text, rec.phases = phase, normalize_phases(phase)
    rec.study_type = normalize_study_type(value_after(page, ("Study type", "Study Type"), others=LABELS, end=end))
    rec.enrollment = int_from(value_after(page, ("Enrollment", "Target enrollment"), others=LABELS, end=end,
                                          accept=lambda v: bool(re.match(r"^\d", v))))
    rec.sex = normalize_sex(value_after(page, ("Gender", "Sex"), others=LABELS, end=end))
    ages = value_after(page, ("Age", "Ages", "Age range"), others=LABELS, end=end)
    if ages:
        read_ages(rec, ages)
        # a value that is one age alone ("18 Years") is the minimum; any other it cannot read stays unread, never its
        # first figure guessed as the minimum ("Between 18 and 60 years" was a minimum of 60; review round 13, F2)
        if rec.min_age is None and rec.max_age is None and _ONE_AGE.fullmatch(clean(ages)):
            rec.min_age = parse_age(ages)

    summary = section(page, ("ClinConnect Summary",), LABELS, stop_if=_is_stop)
    text = clean(" ".join(ln.text for ln in summary))
    rec.plain_summary = None if not text or _NO_TEXT.match(text) else "\n\n".join(ln.text for ln in summary)

    # an item or a sub-label ("Age:", "Sex: Male" in older records) is a criterion, not the next section
    elig, end = section_until(page, ("Eligibility criteria", "Eligibility Criteria", "Eligibility"),
                              stop_if=lambda ln: _is_stop(ln) and not (criteria_item(ln) or criteria_sub_label(ln)))
    read_criteria_into(rec, elig, end)

    rec.conditions = [x for x in (clean(t) for t in _list_after(page, ("Conditions",))) if x]
    rec.interventions = _list_after(page, ("Interventions",))
    rec.locations = [ln.text for ln in section(page, ("Locations",), LABELS, stop_if=_is_stop)
                     if not re.fullmatch(r"\d+\s+locations?", ln.text, re.I)]
    completion = value_after(page, ("Estimated completion", "Completion", "Trial completed"), others=LABELS)
    rec.completion_date = parse_partial_date(completion) if completion else None
    start = value_after(page, ("Trial start", "Start date"), others=LABELS)
    rec.start_date = parse_partial_date(start) if start else None
    rec.related_nct_ids = rec.related_nct_ids or listed_other_trials(page)
    fill_from_embedded(rec, page)
    return rec


def _title(page: Page, launched_at: int | None) -> str | None:
    h1 = page.headings("h1")
    if h1:
        return h1[0]
    if launched_at:  # the title is the line just above "Launched by"
        return page.texts[launched_at - 1]
    return None


def _as_of(page: Page, rec: PageRecord) -> tuple[int | None, str]:
    """"Current as of June 27, 2025" (ClinConnect's own freshness claim); other claims only
    when that one is missing. Returns the claim's line index and any text after the date
    on that line (a status run together with it: "…, 2025Recruiting")."""
    for i, line in enumerate(page.lines):
        t = line.spaced
        m = _CURRENT.search(t)
        if not m:
            continue
        rest = t[m.end():]
        if not rest.strip() and i + 1 < len(page.texts):
            nxt = page.lines[i + 1]
            d = parse_partial_date(nxt.spaced[:40]) or time_date(nxt)
            if d:
                claim, tail = _claim(nxt.spaced)
                rec.as_of, rec.as_of_text = d, clean(t + " " + claim)
                return i + 1, tail
        claim, tail = _claim(t[m.start():])
        d = parse_partial_date(claim) or (time_date(line) if len(rest) < 40 else None)
        if d:
            rec.as_of, rec.as_of_text = d, claim
            return i, tail
    rec.as_of, rec.as_of_text = find_as_of(page)
    return None, ""


_DATE_END = re.compile(r"(?:\b(?:\d+|an?|one)\s+(?:minute|hour|day|week|month|year)s?\s+ago\b|\b(?:today|yesterday)\b|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})")


def _claim(text: str) -> tuple[str, str]:
    """"Current as of June 27, 2025Recruiting" -> ("Current as of June 27, 2025", "Recruiting")."""
    m = _DATE_END.search(text)
    if not m:
        return clean(text), ""
    return clean(text[: m.end()]), clean(text[m.end():].strip(" ·|•"))


def _status(page: Page, rec: PageRecord, current_at: int | None, tail: str) -> None:
    """The status: labelled when the page labels it, else the short text that shares the
    "Current as of" line or follows it, else the first line near the top that is wholly
    a status wording."""
    labels = {norm(x) for x in LABELS}
    labelled = value_after(page, ("Status", "Recruitment status", "Trial status", "Overall status"), others=LABELS)
    if labelled:
        rec.status_text, rec.status = labelled, normalize_status(labelled)
        return
    tail = re.sub(r"^(?:(?:recruitment|trial|overall)\s+)?status\s*[:：]?\s*", "", tail, flags=re.I)
    if tail:
        st, st_text, _ = leading_status(tail)
        if st or len(tail) <= 40:
            rec.status_text, rec.status = (st_text, st) if st else (tail, normalize_status(tail))
            return
    if current_at is not None and current_at + 1 < len(page.lines):
        nxt = page.texts[current_at + 1]
        if len(nxt) <= 40 and norm(nxt) not in labels and (
                normalize_status(nxt) or not (normalize_phases(nxt) or re.search(r"\d", nxt))):
            rec.status_text, rec.status = nxt, normalize_status(nxt)
            return
    stop = find_label(page, ("ClinConnect Summary", "Eligibility criteria", "Keywords")) or min(len(page.lines), 30)
    # from the title on: status filters and menus above it are the site's, not this trial's
    first = next((i for i, ln in enumerate(page.lines[:stop]) if ln.tag == "h1"), 0)
    for t in page.texts[first:stop]:
        if normalize_status(t) or re.sub(r"[^a-z]+", " ", t.lower()).strip() in AMBIGUOUS_STATUS_WORDS:
            rec.status_text, rec.status = t, normalize_status(t)
            return


def _list_after(page: Page, labels: tuple[str, ...]) -> list[str]:
    return [ln.text for ln in section(page, labels, LABELS, stop_if=_is_stop)]
