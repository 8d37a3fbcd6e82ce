"""trialx.com: the title (twice), a row of badges — status ("Recruiting"), ages
("18-65 years", "18 years and older"), sex ("All"), phase ("Phase 1/2") — then
"Overview", "Description" (which may itself quote criteria: never read as eligibility)
and "Eligibility" with "Inclusion Criteria:" / "Exclusion Criteria:". The NCT id is in
the link to ClinicalTrials.gov, not in the listing URL."""

from __future__ import annotations

from ..dates import parse_age_range
from ..model import PageRecord
from ..vocab import normalize_phases, normalize_sex, normalize_status
from ._chrome import without_chrome
from ._layout import Layout, find_label, read_layout
from .base import Page
from .common import markup_nct_id, read_ages

HOSTS = ("trialx.com",)

LAYOUT = Layout(
    site="trialx.com",
    sections=("Overview", "Description", "Eligibility", "Powered by AI", "Locations", "Contact", "Study Details"),
    title_suffixes=(" | TrialX",),
    criteria_after=("Eligibility",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    rec.nct_id = markup_nct_id(view)
    end = find_label(view, ("Overview", "Powered by AI")) or 0
    start = max((i for i in range(end) if view.texts[i] == rec.title), default=-1) + 1
    for t in view.texts[start:end]:
        if len(t) > 40:
            continue
        if rec.status_text is None and normalize_status(t):
            rec.status_text, rec.status = t, normalize_status(t)
        elif rec.min_age is None and rec.max_age is None and any(parse_age_range(t)):
            read_ages(rec, t)
        elif rec.sex is None and normalize_sex(t):
            rec.sex = normalize_sex(t)
        elif not rec.phases and normalize_phases(t):
            rec.phases, rec.phase_text = normalize_phases(t), t
    return rec
