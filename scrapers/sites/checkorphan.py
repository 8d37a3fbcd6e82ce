"""checkorphan.org: a long labelled list in CT.gov's own field names — "Brief Title",
"Official Title", "Study Phase", "Study Type", "Condition", "Intervention", then
"Recruitment Information" ("Recruitment Status", "Estimated Enrollment", "Start Date",
"Completion Date", "Eligibility Criteria" as one run-on paragraph, "Gender", "Ages" as
"1 Month - 3 Months") and "Administrative Informations" ("NCT ID"). No freshness date.

The captured page shows "Drug" under "Recruitment Status" (the status is missing and the
intervention type shows through). A value that is not a status wording at all is not
kept as the page's status text: quoting "Drug" back as a status would mislead."""

from __future__ import annotations

import re

from ..model import PageRecord
from ..nct import find_nct_ids
from ._chrome import without_chrome
from ._layout import Layout, read_layout, value_of
from .base import Page
from ._criteria_lists import read_criteria_into
from ._runon import cut_around
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


# a heading the record writes on a line of its own with no colon, as converted legacy records do ("Inclusion Criteria" /
# "Patients may be eligible for this study if they:" / "* Are 18 …"), which CheckOrphan runs into its paragraph: "…
# Inclusion Criteria Patients may be eligible … if they: - Are 18 … Exclusion Criteria Co-existing Condition: …". Read
# in the paragraph, heading, lead-in and list were one item and the exclusions fell under the inclusion heading
# (NCT00004852, NCT00002078: a critical and 15 warnings on the record's own text, review r51 #3). Taken as a heading
# where the record's line could start: at the paragraph's start or after a sentence's end or a closed bracket ("…
# receiving booster vaccine).] Exclusion Criteria Co-existing Condition: …", NCT00001090's amendment note), a capital
# after it (never a colon or a bracket: "Inclusion Criteria (Families):" is the paragraph's own inline heading)
_COLONLESS_HEAD = re.compile(r"(?:^|(?<=[.;:!?)\]])\s+)((?:INCLUSION|EXCLUSION|Inclusion|Exclusion)\s+(?:CRITERIA|Criteria))"
                             r"(?=\s+[A-Z])")

_ITEMS_WORDS = frozenset({"meet", "meets", "meeting", "met", "the", "all", "any", "of", "with", "per", "see", "other",
                          "these", "those", "following"})


def criteria_lines(text: str) -> list[str]:
    """The eligibility paragraph as the lines the record wrote its colonless headings on (`_COLONLESS_HEAD`): each
    heading a line of its own, the text between them a paragraph; a paragraph with none, as it is."""
    return cut_around(text, ((m.start(), m.end(), m.group(1)) for m in _COLONLESS_HEAD.finditer(text)
                             if not _items_words(text[:m.start(1)])))


def _items_words(before: str) -> bool:
    """Does the word before a heading make it an item's words ("- Patients who meet Inclusion Criteria - …")?"""
    word = before.split()[-1:]
    return bool(word) and word[0].lower() in _ITEMS_WORDS


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    stops = LAYOUT.stops()
    if rec.status_text and rec.status is None and not plausible_status_wording(rec.status_text):
        rec.status_text = None
    elig = value_of(view, ("Eligibility Criteria",), stops)
    if elig and "criteria" in elig.lower():
        read_criteria_into(rec, criteria_lines(elig))
    # (the id in the value as scrapers.nct reads ids: "nct 0642 7642" is that trial, and a placeholder ("N/A") none)
    ids = find_nct_ids(value_of(view, ("NCT ID",), stops) or "")
    if ids:
        rec.nct_id = ids[0]
    return rec
