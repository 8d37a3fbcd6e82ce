"""checkorphan.org: a long labelled list in CT.gov's own field names — "Brief Title",
"Official Title", "Study Phase", "Study Type", "Condition", "Intervention", then
"Recruitment Information" ("Recruitment Status", "Estimated Enrollment", "Start Date",
"Completion Date", "Eligibility Criteria" as one run-on paragraph, "Gender", "Ages" as
"1 Month - 3 Months") and "Administrative Informations" ("NCT ID"). No freshness date.

The captured page shows "Drug" under "Recruitment Status" (the status is missing and the
intervention type shows through). A value that is not a status wording at all is not
kept as the page's status text: quoting "Drug" back as a status would mislead."""

from __future__ import annotations

from ..model import PageRecord
from ..nct import find_nct_ids
from ._chrome import without_chrome
from ._layout import Layout, read_layout, value_of
from .base import Page
from ._criteria_lists import read_criteria_into
from .common import plausible_status_wording

HOSTS = ("checkorphan.org",)

LAYOUT = Layout(
    site="checkorphan.org",
    fields={"title": ("Brief Title",), "phase": ("Study Phase",), "study_type": ("Study Type",),
            "status": ("Recruitment Status", "Overall Status"),
            "enrollment": ("Estimated Enrollment", "Actual Enrollment", "Enrollment"), "start": ("Start Date",),
            "completion": ("Completion Date",), "sex": ("Gender",), "ages": ("Ages",),
            "healthy_volunteers": ("Accepts Healthy Volunteers",)},
    lists={"conditions": ("Condition", "Conditions"), "interventions": ("Intervention", "Interventions")},
    sections=("Official Title", "Brief Summary", "Detailed Description", "Primary Outcome", "Secondary Outcome",
              "Study Arms / Comparison Groups", "Publications", "Recruitment Information", "Primary Completion Date",
              "Eligibility Criteria", "Contacts", "Location Countries",
              "Administrative Informations", "NCT ID"),
    inclusion=(), exclusion=(),
    title_suffixes=(" - CheckOrphan",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    stops = LAYOUT.stops()
    if rec.status_text and rec.status is None and not plausible_status_wording(rec.status_text):
        rec.status_text = None
    elig = value_of(view, ("Eligibility Criteria",), stops)
    if elig and "criteria" in elig.lower():
        read_criteria_into(rec, [elig])
    # (the id in the value as scrapers.nct reads ids: "nct 0642 7642" is that trial, and a placeholder ("N/A") none)
    ids = find_nct_ids(value_of(view, ("NCT ID",), stops) or "")
    if ids:
        rec.nct_id = ids[0]
    return rec
