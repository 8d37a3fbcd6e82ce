"""inclinicaltrials.com: a heading "<Condition> Clinical Trial", "Official title:" (the
trial's title), the summary, then a details table: "Status", "Enrollment", "Est.
completion date", "Est. primary completion date", "Accepts healthy volunteers", "Gender",
"Age group" ("N/A to 13 Days") and "Eligibility" — the whole criteria text in one cell,
items run together ("Inclusion Criteria: … 1. … 2. … Exclusion Criteria: 1. …")."""

from __future__ import annotations

from ..model import PageRecord
from ._chrome import without_chrome
from ._layout import Layout, read_layout, values_of
from .base import Page
from ._criteria_lists import read_criteria_into

HOSTS = ("inclinicaltrials.com",)

LAYOUT = Layout(
    site="inclinicaltrials.com",
    fields={"title": ("Official title",), "status": ("Status",), "enrollment": ("Enrollment",),
            "completion": ("Est. completion date", "Completion date"), "sex": ("Gender",), "ages": ("Age group",),
            "phase": ("Phase",), "healthy_volunteers": ("Accepts healthy volunteers",)},
    sections=("Est. primary completion date", "Eligibility", "Locations",
              "Outcome", "Design", "Countries", "Sponsor"),
    inclusion=(), exclusion=(),
    title_suffixes=(" | inClinicalTrials",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    elig = " ".join(values_of(view, ("Eligibility",), LAYOUT.stops()))
    if elig and "criteria" in elig.lower():
        read_criteria_into(rec, [elig])
    return rec
