"""ctv.veeva.com (ClinicalTrials.Veeva): the title, the sponsor (after a one-letter
avatar), then label/value blocks: "Status and phase" ("Not yet enrolling" / "Enrolling" /
"Unknown", then one line per phase), "Conditions", "Treatments" ("Biological: X"),
"Study type", "Funder types", "Identifiers" (the NCT id and the sponsor's own ids), "About",
"Full description", "Enrollment" ("9 estimated patients"), "Sex", "Ages" ("18 to 70 years
old"), "Volunteers", "Inclusion criteria" and "Exclusion criteria" lists, then the trial
design and contacts.

Some Veeva pages print the labels with no values ("Status", "Enrollment", "Sex", "Ages"
one after another). Those fields stay empty: a label is never read as a value. The URL
is a title slug, so the NCT id comes from "Identifiers" or, when the page shows none,
from its links to ClinicalTrials.gov.
"""

from __future__ import annotations

import re

from ..model import PageRecord
from ..nct import find_nct_ids
from ..vocab import (normalize_healthy_volunteers, normalize_phases, normalize_sex, normalize_status,
                     normalize_study_type)
from .base import Line, Page, clean
from ._embedded import fill_from_embedded
from .common import find_as_of, int_from, leading_status, read_ages
from ._chrome import listed_other_trials, without_chrome
from ._criteria_lists import criteria_item, criteria_sub_label, read_criteria_into
from ._reader import find_label, intervention_name, lines_after, norm, section, value_after

HOSTS = ("ctv.veeva.com",)
BRANDS = ("ClinicalTrials.Veeva", "ctv.veeva.com")  # names the site gives itself (og:site_name, <title> suffix)

LABELS = (
    "Status and phase", "Status", "Phase", "Conditions", "Condition", "Treatments", "Treatment", "Study type",
    "Funder types", "Funder type", "Identifiers", "Details and patient eligibility", "About", "Full description",
    "Enrollment", "Sex", "Ages", "Age", "Volunteers", "Inclusion criteria", "Exclusion criteria",
    "Primary purpose", "Allocation", "Interventional model", "Masking", "Trial design", "Trial contacts and locations",
    "Central trial contact", "Sites", "Locations", "Loading...", "Data sourced from clinicaltrials.gov",
    "Clinical trials", "Research sites", "Resources", "Legal", "Sponsor", "Sponsors",
)
_LABEL_SET = frozenset(norm(x) for x in LABELS)
_CHROME = re.compile(r"^(clinicaltrials\.veeva|menu|loading\.\.\.|data sourced from\b)", re.I)


_GROUPS = re.compile(r"^\d+\s+participants?\s+in\s+\d+\s+patient\s+groups?", re.I)
_FOOTER_LINE = re.compile(r"^(?:data sourced from\b|©|copyright\b)", re.I)


def _is_stop(line: Line) -> bool:
    return norm(line.text) in _LABEL_SET or bool(_CHROME.match(line.text)) or bool(_GROUPS.match(line.text))


def _block(page: Page, labels: tuple[str, ...], start: int = 0) -> list[str]:
    return [ln.text for ln in section(page, labels, LABELS, start=start, stop_if=_is_stop)]


def scrape(page: Page) -> PageRecord:
    rec = PageRecord(site="ctv.veeva.com", url=page.url)
    page = without_chrome(page)  # search filters ("Enrolling"), similar trials and footer are not this trial
    first_label = find_label(page, ("Status and phase", "Status", "Conditions"))
    rec.title, rec.sponsor = _title_and_sponsor(page, first_label)

    _status_and_phase(page, rec)
    rec.conditions = _block(page, ("Conditions", "Condition"))
    rec.interventions = [intervention_name(t) for t in _block(page, ("Treatments", "Treatment"))]
    rec.study_type = normalize_study_type(value_after(page, ("Study type",), others=LABELS))

    ids = [i for t in _block(page, ("Identifiers",)) for i in find_nct_ids(t)]
    rec.nct_id = ids[0] if ids else _linked_nct_id(page)

    # The eligibility fields come after "About"/"Full description", whose prose may itself
    # say "Inclusion criteria:"; read them from the first of the fields' own labels on.
    start = find_label(page, ("Enrollment", "Sex", "Ages", "Volunteers")) or 0
    crit_start = find_label(page, ("Inclusion criteria", "Exclusion criteria"), start)
    end = crit_start  # the fields sit above the criteria, whose items may say "Age: 18-65"
    rec.enrollment = int_from(value_after(page, ("Enrollment",), others=LABELS, start=start, end=end,
                                          accept=lambda v: bool(re.match(r"^\d", v))))
    rec.sex = normalize_sex(value_after(page, ("Sex", "Gender"), others=LABELS, start=start, end=end))
    # "Volunteers" then "No Healthy Volunteers" / "Healthy Volunteers" (the value in words)
    rec.healthy_volunteers = normalize_healthy_volunteers(value_after(
        page, ("Volunteers",), others=LABELS, start=start, end=end,
        accept=lambda v: normalize_healthy_volunteers(v) is not None))
    ages = value_after(page, ("Ages", "Age"), others=LABELS, start=start, end=end, accept=lambda v: bool(re.search(r"\d", v)))
    if ages:
        read_ages(rec, ages)
    criteria = range(0)
    if crit_start is not None:
        lines, end = [], None
        for ln in page.lines[crit_start:]:
            # an item or a sub-label ("Age:", "Sex: Male" in older records) is a criterion, not the next field
            if _is_stop(ln) and norm(ln.text) not in _CRITERIA_HEADS and not (criteria_item(ln) or criteria_sub_label(ln)):
                end = ln   # ("Trial design": the page shows where its lists end; "Loading..." does not)
                break
            lines.append(ln)
        read_criteria_into(rec, lines, end)
        criteria = range(crit_start, crit_start + len(lines))
    # the site's footer ("Data sourced from clinicaltrials.gov", its menus, legal text) ends the trial
    footer = next((i for i, ln in enumerate(page.lines) if _FOOTER_LINE.match(ln.text) or norm(ln.text) in _FOOTER), None)
    rec.as_of, rec.as_of_text = find_as_of(page, end=footer, skip=criteria)
    rec.related_nct_ids = rec.related_nct_ids or listed_other_trials(page)
    fill_from_embedded(rec, page)
    return rec


_FOOTER = frozenset({"clinical trials", "research sites", "resources", "legal"})
_CRITERIA_HEADS = frozenset({"inclusion criteria", "exclusion criteria"})


def _title_and_sponsor(page: Page, first_label: int | None) -> tuple[str | None, str | None]:
    """The h1 (or the first long line) and the sponsor: the last line before the first
    field label that is not the one-letter avatar."""
    h1 = page.headings("h1")
    end = first_label if first_label is not None else 0
    # the avatar letter may share a line with the sponsor ("B" + "Beike Biotech"): drop it
    head = [clean(" ".join(ln.parts[1:])) if len(ln.parts) > 1 and len(ln.parts[0]) == 1 else ln.text
            for ln in page.lines[:end] if not _CHROME.match(ln.text)]
    title = h1[0] if h1 else next((t for t in head if len(t) > 25), None)
    sponsor = None
    if title in head:
        after = [t for t in head[head.index(title) + 1:] if len(t) > 1]
        sponsor = after[-1] if after else None
    return title, sponsor


def _status_and_phase(page: Page, rec: PageRecord) -> None:
    """"Status and phase" then the status and one line per phase; a label with no values
    (the next line is another label) leaves both empty."""
    i = find_label(page, ("Status and phase", "Status"))
    if i is None:
        return
    # badges run together in one element ("EnrollingPhase 2Phase 1") count as their parts
    values = [p for ln in lines_after(page, i, LABELS, stop_if=_is_stop)
              for p in (ln.parts if len(ln.parts) > 1 and normalize_status(ln.parts[0]) else (ln.text,))]
    if not values:
        return
    first = values[0]
    status, status_text, rest = leading_status(first)
    if status is not None and rest.strip(" ·|,-") and not normalize_phases(rest):
        # more words after the status that are no phase ("Enrolling by referral"): cut there, the card would
        # misquote the page and might read the status it names as another (review round 11c, N6)
        status = None
    if status is None and not normalize_phases(first):
        # a wording we do not know: keep it as shown, never guess
        status_text, rest = first, ""
    elif status is None:
        rest = first
    rec.status, rec.status_text = status, status_text
    phase_lines = ([rest] if rest.strip() else []) + values[1:]
    phase_lines = [p for p in phase_lines if normalize_phases(p)]
    if phase_lines:
        rec.phase_text = ", ".join(phase_lines)
        rec.phases = normalize_phases(" ".join(phase_lines))


def _linked_nct_id(page: Page) -> str | None:
    """The NCT id the markup carries (the "Data sourced from clinicaltrials.gov" link,
    embedded data), for pages that print no identifier."""
    others = set(listed_other_trials(page))
    # the source link first: "Data sourced from clinicaltrials.gov" (or "View on …") names this trial
    sourced = [i for href, text in page.links() if "clinicaltrials.gov" in text.lower()
               for i in find_nct_ids(href) if i not in others]
    if len(set(sourced)) == 1:
        return sourced[0]
    # then the markup's ids, leaving out the trials a similar-trials block lists
    ids = page.markup_nct_ids(exclude=others)
    return ids[0] if ids else None
