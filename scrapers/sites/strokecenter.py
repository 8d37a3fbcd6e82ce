"""strokecenter.org (Stroke Trials Registry): the title, the status on its own line
("Recruiting", "Withdrawn"), a "Phase 1/2 Results N/A" line, and one tab per URL
(/description: "Trial Description", "Conditions", "Interventions", "Trial Design",
"Outcomes"; /eligibility: "Eligibility Criteria" with "Inclusion Criteria" / "Exclusion
Criteria", items printed as "- 1. …"). The NCT id is in the link to ClinicalTrials.gov."""

from __future__ import annotations

import re

from ..model import PageRecord
from ..vocab import normalize_phases, normalize_status
from ._chrome import without_chrome
from ._layout import Layout, read_layout
from .base import Page
from .common import markup_nct_id

HOSTS = ("strokecenter.org",)

LAYOUT = Layout(
    site="strokecenter.org",
    lists={"interventions": ("Interventions",)},
    sections=("Trial Description", "Conditions", "Trial Design", "Outcomes", "Eligibility Criteria", "Locations",
              "Sources", "Description", "Eligibility", "Contacts"),
    title_suffixes=(" - Stroke Trials Registry",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    rec.nct_id = markup_nct_id(view)
    at = view.texts.index(rec.title) if rec.title in view.texts else -1
    for t in view.texts[at + 1: at + 4]:
        if rec.status_text is None and normalize_status(t):
            rec.status_text, rec.status = t, normalize_status(t)
        m = re.match(r"^(.*?phase.*?)\s+results\b", t, re.I)  # "Phase 1/2 Results N/A": "N/A" is about results
        if m and not rec.phases and normalize_phases(m.group(1)):
            rec.phases, rec.phase_text = normalize_phases(m.group(1)), m.group(1)
    return rec
