"""meddatax.com: "NCT ID:" and "Last Updated:" under the title, a "Basic Information" block
shown with field labels ("Recruitment Status", "Clinical Phase"…) or as bare values in a
fixed order, a "Related Clinical Trials" list (title then NCT id), and criteria under
"Eligibility Criteria" (the page may start numbering at 2: an item was dropped)."""

from __future__ import annotations

import re

from ..dates import parse_age, parse_partial_date
from ..model import PageRecord
from ..nct import find_nct_ids, normalize_nct_id
from ..vocab import normalize_phases, normalize_sex, normalize_status, normalize_study_type
from .base import Page
from .common import find_as_of, int_from, strip_truncation

HOSTS = ("meddatax.com",)

SECTIONS = (
    "Study Results", "Basic Information", "Brief Summary", "Related Clinical Trials", "Detailed Description",
    "Conditions", "Study Design", "Study Groups", "Interventions", "Other Intervention Names",
    "Eligibility Criteria", "Sponsors", "Responsible Party", "Locations", "Countries", "Central Contacts",
    "Facility Contacts", "Provided Documents", "Other Identifiers", "More Related Trials",
)
_BASIC_LABELS = {
    "Recruitment Status": "status", "Clinical Phase": "phase", "Total Enrollment": "enrollment",
    "Study Classification": "study_type", "Study Start Date": "start", "Study Completion Date": "completion",
}


def _block(page: Page, heading: str) -> list[str]:
    """Lines of a section, without its one-line description ("Get a concise snapshot…")."""
    i = page.find(heading)
    if i is None:
        return []
    out = []
    for t in page.texts[i + 1:]:
        if t in SECTIONS:
            break
        out.append(t)
    if out and re.match(r"^(Get|Review|Explore|Dive|See|Understand|Learn|Discover|Check|Meet|Identify|Reach|Find|Download|Additional)\b", out[0]):
        out = out[1:]
    return out


def _basic(lines: list[str]) -> dict[str, str]:
    labelled = {_BASIC_LABELS[t]: lines[k + 1] for k, t in enumerate(lines[:-1]) if t in _BASIC_LABELS}
    if labelled:
        return labelled
    # Bare values in display order: status, phase, enrollment, type, start, completion.
    out: dict[str, str] = {}
    dates = []
    for t in lines:
        if "status" not in out and normalize_status(t):
            out["status"] = t
        elif "phase" not in out and normalize_phases(t) and len(t) < 40:
            out["phase"] = t
        elif "enrollment" not in out and re.match(r"^\d[\d,]*\s+(participants?|patients?|subjects?)\b", t, re.I):
            out["enrollment"] = t
        elif "study_type" not in out and normalize_study_type(t):
            out["study_type"] = t
        elif parse_partial_date(t) and len(t) < 30:
            dates.append(t)
    if dates:
        out["start"] = dates[0]
    if len(dates) > 1:
        out["completion"] = dates[1]
    return out


def scrape(page: Page) -> PageRecord:
    rec = PageRecord(site="meddatax.com", url=page.url)
    nct = page.labelled("NCT ID")
    if nct:
        ids = find_nct_ids(nct)
        rec.nct_id = normalize_nct_id(ids[0]) if ids else None
    first = page.find_prefix("NCT ID")
    if first:
        rec.title = page.texts[first - 1]
    elif page.headings("h1"):
        rec.title = page.headings("h1")[0]
    rec.as_of, rec.as_of_text = find_as_of(page, end=(first or 0) + 4)

    basic = _basic(_block(page, "Basic Information"))
    if "status" in basic:
        rec.status_text = basic["status"]
        rec.status = normalize_status(basic["status"])
    if "phase" in basic:
        rec.phase_text = basic["phase"]
        rec.phases = normalize_phases(basic["phase"])
    rec.enrollment = int_from(basic.get("enrollment"))
    rec.study_type = normalize_study_type(basic.get("study_type"))
    rec.start_date = parse_partial_date(basic.get("start"))
    rec.completion_date = parse_partial_date(basic.get("completion"))

    related = _block(page, "Related Clinical Trials")
    rec.related_nct_ids = [i for t in related for i in find_nct_ids(t) if re.fullmatch(r"\s*NCT\s*\d{8}\s*", t, re.I)]

    rec.conditions = _block(page, "Conditions")
    rec.plain_summary = None
    elig = _eligibility(page)
    rec.inclusion, rec.exclusion, rec.criteria_truncated = elig["inclusion"], elig["exclusion"], elig["truncated"]
    ages = elig["tail"]
    for t in ages:
        if parse_age(t) and rec.min_age is None and re.fullmatch(r"\d+\s+\w+", t):
            rec.min_age = parse_age(t)
        elif parse_age(t) and re.fullmatch(r"\d+\s+\w+", t):
            rec.max_age = parse_age(t)
        elif normalize_sex(t) and rec.sex is None:
            rec.sex = normalize_sex(t)
    sponsors = _block(page, "Sponsors")
    rec.sponsor = sponsors[0] if sponsors else None
    rec.locations = [t for t in _block(page, "Locations")]
    return rec


def _eligibility(page: Page) -> dict:
    lines = _block(page, "Eligibility Criteria")
    inc: list[str] = []
    exc: list[str] = []
    tail: list[str] = []
    target = None
    for t in lines:
        low = t.lower().rstrip(":")
        if low in ("inclusion criteria", "key inclusion criteria"):
            target = inc
            continue
        if low in ("exclusion criteria", "key exclusion criteria"):
            target = exc
            continue
        if target is exc and (re.fullmatch(r"\d+\s+(years?|months?|weeks?|days?|hours?)", t, re.I) or t in ("ALL", "FEMALE", "MALE")):
            target = tail
        if target is not None:
            target.append(t)
    inc, t1 = strip_truncation(inc)
    exc, t2 = strip_truncation(exc)
    return {"inclusion": inc, "exclusion": exc, "truncated": t1 or t2, "tail": tail}
