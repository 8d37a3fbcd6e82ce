"""biotechhunter.com: the title, a badge row often run together in the text
("PHASE1/PHASE2RecruitingINTERVENTIONAL"), "Enrollment" (number, "Participants"),
"Timeline" (Start Date, Primary Completion Date, Study Completion Date), "Conditions",
"Interventions" (TYPE, name, description), "Trial Locations (N)" (postcode, site status,
site) and "All Listed Sponsors" (role, name, class). No freshness date is shown."""

from __future__ import annotations

import re

from ..model import PageRecord
from ..vocab import normalize_phases, normalize_status, normalize_study_type
from ._chrome import without_chrome
from ._layout import Layout, block_after, find_label, read_layout
from .base import Page
from .common import strip_nct_prefix

HOSTS = ("biotechhunter.com",)

LAYOUT = Layout(
    site="biotechhunter.com",
    fields={"enrollment": ("Enrollment",), "start": ("Start Date",), "completion": ("Study Completion Date",)},
    lists={"conditions": ("Conditions",)},
    sections=("Participants", "Timeline", "Primary Completion Date", "Interventions", "All Listed Sponsors"),
    title_suffixes=(" | Biotech Hunter",),
)
_PHASE_RUN = re.compile(r"^((?:EARLY_)?PHASE\d(?:/(?:EARLY_)?PHASE\d)*|NA)(?![a-z0-9])")
_STUDY_TYPE_RUN = re.compile(r"^(INTERVENTIONAL|OBSERVATIONAL|EXPANDED_ACCESS)\b")
# A status in sentence case, run into the next badge in capitals ("RecruitingINTERVENTIONAL").
_STATUS_RUN = re.compile(r"^([A-Z][a-z]+(?:[ ,-]+[a-z]+)*)(?=[A-Z]|$)")
_INTERVENTION_TYPES = frozenset(
    "DRUG BIOLOGICAL DEVICE PROCEDURE OTHER BEHAVIORAL RADIATION GENETIC DIETARY_SUPPLEMENT "
    "COMBINATION_PRODUCT DIAGNOSTIC_TEST".split()
)
_LOCATIONS = re.compile(r"^Trial Locations\s*\(\d+\)$", re.I)


def read_badges(rec: PageRecord, text: str) -> None:
    """Peel phase, status and study type off one badge line, in any order they come."""
    rest = text.strip()
    while rest:
        m = _PHASE_RUN.match(rest)
        if m and not rec.phases:
            rec.phases, rec.phase_text = normalize_phases(m.group(1)), m.group(1)
            rest = rest[m.end():].strip()
            continue
        m = _STUDY_TYPE_RUN.match(rest)
        if m and rec.study_type is None:
            rec.study_type = normalize_study_type(m.group(1))
            rest = rest[m.end():].strip()
            continue
        m = _STATUS_RUN.match(rest)
        if m and rec.status_text is None and normalize_status(m.group(1)):
            rec.status, rec.status_text = normalize_status(m.group(1)), m.group(1)
            rest = rest[m.end():].strip()
            continue
        return


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    stops = LAYOUT.stops()
    rec.title = strip_nct_prefix(rec.title)
    title_at = view.texts.index(rec.title) if rec.title in view.texts else -1
    end = find_label(view, ("Enrollment",)) or 0
    for t in view.texts[title_at + 1: end]:
        read_badges(rec, t)

    i = find_label(view, ("Interventions",))
    if i is not None:
        lines = [ln.text for ln in block_after(view, i, stops, headings=False)]
        lines = lines[: next((k for k, t in enumerate(lines) if _LOCATIONS.match(t)), len(lines))]
        rec.interventions = [lines[k + 1] for k, t in enumerate(lines[:-1]) if t in _INTERVENTION_TYPES]
    loc_at = next((k for k, t in enumerate(view.texts) if _LOCATIONS.match(t)), None)
    if loc_at is not None:
        for ln in block_after(view, loc_at, stops):
            t = ln.text
            if normalize_status(t) or (len(t) <= 10 and re.search(r"\d", t)):
                continue
            rec.locations.append(t)
    j = find_label(view, ("All Listed Sponsors",))
    if j is not None:
        lines = [ln.text for ln in block_after(view, j, stops)]
        rec.sponsor = next((lines[k + 1] for k, t in enumerate(lines[:-1]) if t.lower() == "lead"), None)
    return rec
