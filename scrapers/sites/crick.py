"""crick.ai: the title (not always shown), the summary, then labelled design facts
("Study Type", "Allocation", "Purpose", "Masking", "Enrollment"), interventions,
locations and outcomes ("Time frame: …"). A status shown there belongs to a location
(it runs into the first outcome: "RECRUITINGIncidence of…"), not to the trial, so it is
not read. No freshness date or criteria are shown in what we have seen."""

from __future__ import annotations

from ..model import PageRecord
from ._chrome import without_chrome
from ._layout import Layout, read_layout
from .base import Page

HOSTS = ("crick.ai",)

LAYOUT = Layout(
    site="crick.ai",
    fields={"study_type": ("Study Type",), "enrollment": ("Enrollment",)},
    sections=("Allocation", "Purpose", "Masking", "Locations", "Outcomes"),
    inclusion=("Inclusion Criteria",), exclusion=("Exclusion Criteria",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    h1 = view.headings("h1")
    rec.title = h1[0] if h1 else None  # the <title> is only the site's name
    return rec
