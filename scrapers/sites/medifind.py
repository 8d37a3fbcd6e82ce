"""medifind.com: the title, then "Status:", "Location:", "Intervention Type:", "Study
Type:", "Study Phase:", a "SUMMARY", "Eligibility" / "Participation Requirements"
("Sex:", "Minimum Age:", "Maximum Age:", "Healthy Volunteers:" t/f), a criteria list under
"View:", "Locations", "Time Frame" ("Start Date:", "Estimated Completion Date:") and
"Participants" ("Target number of participants:"). The NCT id is in the link to
ClinicalTrials.gov.

The criteria list under "View:" usually carries no Inclusion/Exclusion heading (the page
toggles between them), so its items are not placed: a guess would put an exclusion among the
inclusions. They are counted (PageRecord.criteria_unplaced), so that the note says the page
lists criteria TrialLens did not compare, not that it found none. A list that opens with an
"Inclusion Criteria:" or "Exclusion Criteria:" row names its lists itself: its items are
placed under those rows and compared (review r20)."""

from __future__ import annotations

from ..model import PageRecord
from ..vocab import normalize_healthy_volunteers
from ._chrome import without_chrome
from ._layout import Layout, block_after, read_layout
from ._criteria_lists import criteria_lists, read_criteria_into
from ._reader import find_label, norm, value_after
from ._runon import strip_bullet
from .base import Line, Page, clean
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
    # ("Participation Requirements": where both the volunteers' row and the "View:" list are found, looked up once)
    at = find_label(view, ("Eligibility", "Participation Requirements"))
    rec.healthy_volunteers = _volunteers(view, at)
    if not rec.inclusion and not rec.exclusion:
        shown = _view_list(view, at)
        if _opens_with_heading(shown):
            read_criteria_into(rec, shown)
        else:
            inclusion, exclusion, _ = criteria_lists(shown)
            rec.criteria_unplaced = len(inclusion) + len(exclusion)
    return rec


# medifind shows the registry's raw boolean ("Healthy Volunteers: f"); read here only, under its own label: a "t" or
# "f" anywhere else is too short to trust
_TF = {"t": True, "f": False}


def _volunteers(view: Page, at: int | None) -> bool | None:
    """"Healthy Volunteers" under "Participation Requirements" (line `at`): t/f, or in words ("No") should the site
    spell it out."""
    if at is None:
        return None
    value = value_after(view, ("Healthy Volunteers",), others=LAYOUT.stops(), start=at,
                        accept=lambda v: norm(v) in _TF or normalize_healthy_volunteers(v) is not None)
    if value is None:
        return None
    return _TF[norm(value)] if norm(value) in _TF else normalize_healthy_volunteers(value)


# the "View:" list ends at the layout's labels, but not at its criteria headings: a row of the list may be one
_LIST_STOPS = LAYOUT.stops() - {norm(label) for label in LAYOUT.inclusion + LAYOUT.exclusion}


def _view_list(view: Page, at: int | None) -> list[Line]:
    """The lines of the "View:" list under "Eligibility", split later as the one criteria reader splits them (run-on
    numbering, a "See full criteria" marker): none without that label, as on a capture with no labels, whose bare
    list could be anything. A row the site marks with a bullet ("• …", "⁃ …") is one criterion, read as a list item:
    "• 1. … degenerative changes … 2. … dysplastic vertebral bodies …" is one item of the record too (NCT01640457)."""
    shown = find_label(view, ("View",), at) if at is not None else None
    rows = block_after(view, shown, _LIST_STOPS) if shown is not None else []
    return [Line(ln.text, "li") if strip_bullet(ln.text) != clean(ln.text) else ln for ln in rows]


def _opens_with_heading(lines: list[Line]) -> bool:
    """Does the list's first row name its list ("• Inclusion Criteria:", "Exclusion Criteria: …") with no item before
    the heading? Then every item stands under a heading the page shows; a list that names one only further down
    would leave its first items to a guess."""
    heads: set[str] = set()
    inclusion, exclusion, _ = criteria_lists(lines[:1], heads)
    return bool(heads) and (not inclusion or "inclusion" in heads)
