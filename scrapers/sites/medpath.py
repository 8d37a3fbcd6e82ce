"""trial.medpath.com: title, then two badges (phase, status as "Recruiting"), the labelled
"Conditions", "Interventions", "Registration Number" (the NCT id) and "Lead Sponsor",
then "Recruitment & Eligibility" with "Status" (enum spelling: NOT_YET_RECRUITING), "Sex",
"Target Recruitment" and the two criteria lists. No freshness date is shown."""

from __future__ import annotations

from ..model import PageRecord
from ..nct import find_nct_ids
from ..vocab import normalize_phases, normalize_status
from ._chrome import without_chrome
from ._layout import Layout, find_label, read_layout
from ._reader import intervention_name
from .base import Page

HOSTS = ("trial.medpath.com",)

LAYOUT = Layout(
    site="trial.medpath.com",
    fields={"status": ("Status",), "sex": ("Sex",), "enrollment": ("Target Recruitment",),
            "sponsor": ("Lead Sponsor",)},
    lists={"conditions": ("Conditions",), "interventions": ("Interventions",)},
    sections=("Registration Number", "Brief Summary", "Detailed Description", "Recruitment & Eligibility",
              "Locations", "Trial Locations", "Contacts", "Outcome Measures", "Study Design", "Sponsors"),
    title_suffixes=(" | MedPath",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    # the name as CT.gov lists it, without the type the site prefixes (as the other scrapers do)
    rec.interventions = [intervention_name(t) for t in rec.interventions]
    i = find_label(view, ("Registration Number",))
    if i is not None and i + 1 < len(view.lines):
        ids = find_nct_ids(view.texts[i] + " " + view.texts[i + 1])
        rec.nct_id = ids[0] if ids else None
    # Badges between the title and "Conditions": phase ("Not Applicable", "Phase 2") and status.
    top = find_label(view, ("Conditions",)) or 0
    title_at = view.texts.index(rec.title) if rec.title in view.texts else -1
    for t in view.texts[title_at + 1: top]:
        if not rec.phases and len(t) < 40 and normalize_phases(t):
            rec.phases, rec.phase_text = normalize_phases(t), t
        elif rec.status_text is None and normalize_status(t):
            rec.status, rec.status_text = normalize_status(t), t
    return rec
