"""clinicaltrialexchange.com: "Overview", the title, then "Status:", "Trial end date:",
"Target enrollment:", "Participant gender:" (each may be empty: the next label follows),
"Summary", "Phase:", "Accepts Healthy Volunteers?", "Details" ("Lead Sponsor:",
"Collaborators:", "Treatments:") and "Criteria" with "Inclusion Criteria:" /
"Exclusion Criteria:" items printed with a literal "- ". No freshness date is shown."""

from __future__ import annotations

from ..model import PageRecord
from ..vocab import normalize_healthy_volunteers
from ._chrome import without_chrome
from ._layout import Layout, read_layout
from ._reader import value_after
from .base import Page

HOSTS = ("clinicaltrialexchange.com",)

LAYOUT = Layout(
    site="clinicaltrialexchange.com",
    fields={"status": ("Status",), "completion": ("Trial end date",), "enrollment": ("Target enrollment",),
            "sex": ("Participant gender",), "phase": ("Phase",), "sponsor": ("Lead Sponsor",)},
    lists={"interventions": ("Treatments",)},
    sections=("Overview", "Summary", "Accepts Healthy Volunteers", "Details", "Collaborators", "Criteria",
              "Locations", "Contacts", "Outcomes", "Conditions"),
    title_suffixes=(" - Clinical Trial Exchange",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    # "Accepts Healthy Volunteers?" then "No", on its own line or run together with it (no colon)
    rec.healthy_volunteers = normalize_healthy_volunteers(value_after(
        view, ("Accepts Healthy Volunteers",), others=LAYOUT.sections,
        accept=lambda v: normalize_healthy_volunteers(v) is not None))
    # "Target enrollment: 0" is shown for a recruiting trial (NCT03521336, dev.jsonl) and a
    # suspended one: the site prints 0 when it has no figure, so 0 is not a claim.
    if rec.enrollment == 0:
        rec.enrollment = None
    return rec
