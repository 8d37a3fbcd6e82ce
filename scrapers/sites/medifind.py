"""medifind.com: the title, then "Status:", "Location:", "Intervention Type:", "Study
Type:", "Study Phase:", a "SUMMARY", "Eligibility" / "Participation Requirements"
("Sex:", "Minimum Age:", "Maximum Age:", "Healthy Volunteers:"), a criteria list under
"View:", "Locations", "Time Frame" ("Start Date:", "Estimated Completion Date:") and
"Participants" ("Target number of participants:"). The NCT id is in the link to
ClinicalTrials.gov.

The criteria list under "View:" carries no Inclusion/Exclusion heading (the page toggles
between them), so its items are not placed: a guess would put an exclusion among the
inclusions. They are counted (PageRecord.criteria_unplaced), so that the note says the page
lists criteria TrialLens did not compare, not that it found none."""

from __future__ import annotations

from ..model import PageRecord
from ._chrome import without_chrome
from ._layout import Layout, block_after, read_layout
from ._reader import criteria_lists, find_label
from .base import Page
from .common import markup_nct_id

HOSTS = ("medifind.com",)

_COMPLETION = ("Estimated Completion Date", "Actual Completion Date", "Completion Date")
LAYOUT = Layout(
    site="medifind.com",
    fields={"status": ("Status",), "study_type": ("Study Type",), "phase": ("Study Phase",), "sex": ("Sex",),
            "min_age": ("Minimum Age",), "max_age": ("Maximum Age",), "start": ("Start Date",),
            "completion": _COMPLETION, "enrollment": ("Target number of participants",)},
    sections=("Location", "Intervention Type", "SUMMARY", "Eligibility", "Participation Requirements",
              "Healthy Volunteers", "View", "Locations", "Other Locations", "Contact Information", "Time Frame",
              "Participants", "Treatments"),
    title_suffixes=(" | MediFind",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    rec.nct_id = markup_nct_id(view)
    if not rec.inclusion and not rec.exclusion:
        rec.criteria_unplaced = _unplaced_count(view)
    return rec


def _unplaced_count(view: Page) -> int:
    """How many criteria the "View:" list under "Eligibility" shows, split as the one criteria reader splits them
    (bullets, run-on numbering, a "See full criteria" marker): 0 without that label, as on a capture with no labels,
    whose bare list could be anything."""
    at = find_label(view, ("Eligibility", "Participation Requirements"))
    shown = find_label(view, ("View",), at) if at is not None else None
    if shown is None:
        return 0
    inclusion, exclusion, _ = criteria_lists(block_after(view, shown, LAYOUT.stops()))
    return len(inclusion) + len(exclusion)
