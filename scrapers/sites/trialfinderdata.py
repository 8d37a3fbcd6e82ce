"""trialfinderdata.org: a header "Updated June 2026 · ClinicalTrials.gov", a badge row
("RECRUITINGPhase 1 / Phase 2INTERVENTIONAL" when the badges are inline spans, or one
badge per line), the brief and official titles, a summary sentence ("X (NCT…) is a Phase 1
/ Phase 2 interventional studying Y, sponsored by Z. RECRUITING as of the most recent
ClinicalTrials.gov update."), a plain-English eligibility block ("Who May Qualify: 1. …
Who Should NOT Join This Trial: …", often cut with "...See full criteria on
ClinicalTrials.gov"), the site's copy of the official text under "Original Eligibility
Criteria", "Treatments Being Tested" and "Locations (N)".

Criteria come from the official copy when the page shows it; the plain-English text is
the site's own rewrite and goes to plain_summary. Without the official copy the
plain-English items are what the page claims, and criteria_truncated says they were cut.
"""

from __future__ import annotations

import re

from ..model import PageRecord
from ..nct import ID_PATTERN, find_nct_ids, normalize_nct_id
from ..vocab import normalize_phases, normalize_status, normalize_study_type
from .base import Line, Page, clean
from ._embedded import fill_from_embedded
from .common import find_as_of, int_from, leading_status, strip_truncation
from ._chrome import listed_other_trials, without_chrome
from ._criteria_lists import read_criteria_into
from ._reader import find_label, is_intervention_type, lines_after, norm, section, section_until

HOSTS = ("trialfinderdata.org",)
BRANDS = ("TrialFinderData",)  # names the site gives itself (og:site_name, <title> suffix)

SECTIONS = (
    "About This Trial", "What Stage of Research Is This?", "Who May Be Eligible (Plain English)",
    "Who May Be Eligible", "Original Eligibility Criteria", "Treatments Being Tested", "Locations",
    "How to Talk to Your Doctor About This Trial", "Authoritative Sources", "Frequently Asked Questions",
    "How This Page Is Built", "Important", "Eligibility", "Conditions", "Sponsor",
)
_STUDY_TYPE_TAIL = re.compile(r"(INTERVENTIONAL|OBSERVATIONAL|EXPANDED[_ ]ACCESS)\s*$", re.I)
_SENTENCE = re.compile(rf"^(?P<title>.+?)\s*\((?P<nct>{ID_PATTERN})\)\s+is\s+an?\s+(?P<rest>.+)$", re.I)


_CHROME = re.compile(r"^(last updated\b|source:|medical disclaimer:|©|copyright\b)", re.I)


_SECTION_SET = frozenset(norm(s) for s in SECTIONS)
_LOCATIONS_N = re.compile(r"locations\s*\(\d+\)")


def _is_section(line: Line) -> bool:
    """A section heading (by its words, whatever the markup) or page chrome (footer)."""
    t = norm(line.text)
    return t in _SECTION_SET or bool(_LOCATIONS_N.fullmatch(t)) or bool(_CHROME.match(line.text))


def _badges(page: Page, end: int) -> tuple[int | None, str | None, str | None, str | None]:
    """(line index, status text, phase text, study-type text) of the badge row near the top:
    just above or below the title when the page has an h1 (a row of status filters or a
    breadcrumb further up is not this trial's badge row)."""
    lo, hi = 0, min(end, len(page.lines))
    h1 = next((i for i, ln in enumerate(page.lines[:hi]) if ln.tag == "h1"), None)
    if h1 is not None:
        lo, hi = max(0, h1 - 3), min(hi, h1 + 3)
    for i in range(lo, hi):
        line = page.lines[i]
        t = line.text
        if len(t) > 90:
            continue
        if len(line.parts) > 1 and normalize_status(line.parts[0]):
            rest = line.parts[1:]
            phase = next((p for p in rest if normalize_phases(p)), None)
            stype = next((p for p in rest if normalize_study_type(p)), None)
            return i, line.parts[0], phase, stype
        status, status_text, rest = leading_status(t)
        if status and (not rest or normalize_phases(rest) or _STUDY_TYPE_TAIL.search(rest)):
            stype = None
            m = _STUDY_TYPE_TAIL.search(rest)
            if m:
                stype, rest = m.group(1), rest[: m.start()]
            phase = clean(rest.strip(" ·|,")) or None
            if not rest.strip() and i + 1 < len(page.lines):  # badges on their own lines
                nxt = page.texts[i + 1: i + 3]
                phase = next((x for x in nxt if normalize_phases(x) and len(x) < 40), None)
                stype = next((x for x in nxt if normalize_study_type(x) and len(x) < 30), None)
            return i, status_text, phase, stype
    return None, None, None, None


def scrape(page: Page) -> PageRecord:
    rec = PageRecord(site="trialfinderdata.org", url=page.url)
    page = without_chrome(page)  # the header's status filters and the similar-trials sidebar are not this trial
    about = find_label(page, ("About This Trial",))
    top = about if about is not None else min(len(page.lines), 40)

    badge_at, status_text, phase_text, stype = _badges(page, top)
    if status_text:
        rec.status_text, rec.status = status_text, normalize_status(status_text)
    if phase_text:
        rec.phase_text, rec.phases = phase_text, normalize_phases(phase_text)
    rec.study_type = normalize_study_type(stype)

    sentence = _summary_sentence(page, top)
    if sentence:
        _read_sentence(rec, sentence)
    if rec.title is None:
        h1 = page.headings("h1")
        if h1:
            rec.title = h1[0]
        elif badge_at is not None and badge_at + 1 < len(page.lines):
            rec.title = page.texts[badge_at + 1]

    rec.as_of, rec.as_of_text = find_as_of(page, end=top)
    if rec.as_of is None:
        rec.as_of, rec.as_of_text = find_as_of(page)

    m = re.search(r"target enrollment of (\d[\d,]*)", page.text, re.I)
    rec.enrollment = int_from(m.group(1)) if m else None

    _eligibility(page, rec)
    rec.interventions = _treatments(page)
    rec.locations = _locations(page)
    rec.related_nct_ids = rec.related_nct_ids or listed_other_trials(page)
    fill_from_embedded(rec, page)
    return rec


def _summary_sentence(page: Page, end: int) -> str | None:
    for t in page.texts[: max(end, 1) + 5]:
        if _SENTENCE.match(t):
            return t
    return None


def _read_sentence(rec: PageRecord, sentence: str) -> None:
    """"X (NCT…) is a Phase 1 / Phase 2 interventional studying Y, sponsored by Z. RECRUITING as of …"."""
    m = _SENTENCE.match(sentence)
    rec.title = clean(m.group("title"))
    rec.nct_id = normalize_nct_id(m.group("nct"))
    rest = m.group("rest")
    cond = re.search(r"\bstudying\s+(.+?),\s+sponsored by\b", rest)
    if cond:
        rec.conditions = [clean(cond.group(1))]
    sp = re.search(r"\bsponsored by\s+(.+)$", rest)
    if sp:
        tail = sp.group(1)
        cut = re.search(r"\.\s+([A-Za-z_ ,]+?)\s+as of the most recent\b", tail)
        if cut:
            rec.sponsor = clean(tail[: cut.start()])
        else:
            rec.sponsor = clean(re.split(r"\.\s+(?=[A-Z])", tail, maxsplit=1)[0]).rstrip(".") or None
        if cut and rec.status_text is None:
            rec.status_text, rec.status = cut.group(1).strip(), normalize_status(cut.group(1))
    if not rec.phase_text:
        ph = re.match(r"(.+?)\s+(interventional|observational)\b", rest, re.I)
        if ph and normalize_phases(ph.group(1)):
            rec.phase_text, rec.phases = ph.group(1), normalize_phases(ph.group(1))
        if ph and rec.study_type is None:
            rec.study_type = normalize_study_type(ph.group(2))


def _eligibility(page: Page, rec: PageRecord) -> None:
    original, end = section_until(page, ("Original Eligibility Criteria",), SECTIONS, stop_if=_is_section)
    original = [ln for ln in original if not re.fullmatch(r"(view|show|hide) (the )?original clinical language", ln.text, re.I)]
    plain = section(page, ("Who May Be Eligible (Plain English)", "Who May Be Eligible"), SECTIONS, stop_if=_is_section)
    plain_text = _plain_block(plain)
    if plain_text:
        cut, _ = strip_truncation([plain_text])
        rec.plain_summary = cut[0] if cut else None
    if original:   # (the record's text whole, in a collapsed block the next section's heading ends)
        read_criteria_into(rec, original, end)
    elif plain_text:
        read_criteria_into(rec, [plain_text])


def _plain_block(lines: list[Line]) -> str | None:
    """The plain-English criteria: the lines from "Who May Qualify" up to the site's note
    about its translations ("These are translations of …")."""
    keep: list[str] = []
    for ln in lines:
        if re.match(r"^(these are (plain-english )?translations|always talk to your doctor)", ln.text, re.I):
            break
        keep.append(ln.text)
    text = clean(" ".join(keep))
    text = re.sub(r"\s*Always talk to your doctor about whether this trial is right for you\.?\s*$", "", text)
    return text or None


def _treatments(page: Page) -> list[str]:
    """Names under "Treatments Being Tested": each follows its type badge (BIOLOGICAL, DRUG…)."""
    lines = section(page, ("Treatments Being Tested",), SECTIONS, stop_if=_is_section)
    names = []
    for k, ln in enumerate(lines[:-1]):
        if is_intervention_type(ln.text):
            names.append(lines[k + 1].text)
        elif len(ln.parts) > 1 and is_intervention_type(ln.parts[0]):
            names.append(clean(" ".join(ln.parts[1:])))
    return names


def _locations(page: Page) -> list[str]:
    i = next((k for k, ln in enumerate(page.lines) if re.fullmatch(r"locations(\s*\(\d+\))?", norm(ln.text))), None)
    if i is None:
        return []
    out = []
    for ln in lines_after(page, i, SECTIONS, stop_if=_is_section):
        if ln.tag == "th" or re.match(r"^trial sites listed\b", ln.text, re.I) or len(ln.text) > 200 or find_nct_ids(ln.text):
            continue
        out.append(ln.text)
    return out
