"""clinicaltrials.gov itself, as a reader sees it in a browser: the study page
(/study/NCT…: a status chip above the title, "ClinicalTrials.gov ID", "Last Update
Posted", "Study Overview" fields such as "Enrollment (Estimated)", "Participation
Criteria") and the classic pages (/ct2/show/…, /show/…, results view: "Recruitment
Status :", "Last Update Posted :", tables). There is no drift to check on the registry's
own page; reading it lets the card show plain-English criteria and related trials."""

from __future__ import annotations

import re

from ..dates import parse_partial_date
from ..model import PageRecord
from ..nct import find_nct_ids
from ..vocab import normalize_phases, normalize_status
from ._chrome import without_chrome
from ._layout import Layout, find_label, read_layout, value_of
from ._reader import intervention_name
from .base import Page
from .common import PHASE_ONLY

HOSTS = ("clinicaltrials.gov",)

_START = ("Study Start (Actual)", "Study Start (Estimated)", "Study Start", "Actual Study Start Date",
          "Estimated Study Start Date", "Study Start Date")
_COMPLETION = ("Study Completion (Estimated)", "Study Completion (Actual)", "Study Completion",
               "Estimated Study Completion Date", "Actual Study Completion Date", "Study Completion Date")
_ENROLLMENT = ("Enrollment (Estimated)", "Enrollment (Actual)", "Enrollment", "Estimated Enrollment",
               "Actual Enrollment")
_AS_OF = ("Last Update Posted", "Last Update Posted (Actual)", "Last Update Posted (Estimated)")

LAYOUT = Layout(
    site="clinicaltrials.gov",
    fields={"status": ("Recruitment Status", "Overall Status"), "sponsor": ("Sponsor",),
            "study_type": ("Study Type",), "enrollment": _ENROLLMENT, "start": _START,
            "completion": _COMPLETION, "sex": ("Sexes Eligible for Study", "Sex"),
            "ages": ("Ages Eligible for Study",), "healthy_volunteers": ("Accepts Healthy Volunteers",)},
    lists={"conditions": ("Conditions",), "interventions": ("Intervention / Treatment", "Interventions")},
    sections=("ClinicalTrials.gov ID", "ClinicalTrials.gov Identifier", "Information provided by",
              "Information provided by (Responsible Party)", "Last Update Posted", "First Posted",
              "Results First Posted", "Study Overview", "Brief Summary", "Official Title", "Other Study ID Numbers",
              "Primary Completion (Estimated)", "Primary Completion (Actual)", "Study Type", "Phase",
              "Participation Criteria", "Eligibility Criteria", "Ages Eligible for Study", "Sexes Eligible for Study",
              "Study Plan", "Contacts and Locations", "Study Record Dates",
              "Study Design", "Enrollment", "Recruitment Details", "Criteria", *_START, *_COMPLETION, *_ENROLLMENT),
    inclusion=("Inclusion Criteria",),
    exclusion=("Exclusion Criteria",),
    title_suffixes=(" | ClinicalTrials.gov", " - Full Text View - ClinicalTrials.gov"),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    # the name as CT.gov lists it, without the type the site prefixes (as the other scrapers do)
    rec.interventions = [intervention_name(t) for t in rec.interventions]
    stops = LAYOUT.stops()
    ident = value_of(view, ("ClinicalTrials.gov ID", "ClinicalTrials.gov Identifier"), stops)
    ids = find_nct_ids(ident or "")
    rec.nct_id = ids[0] if ids else None
    if not view.headings("h1") and view.title_tag:
        m = re.match(r"^Study Details \| NCT\d{8} \| (.+?) \| ClinicalTrials\.gov$", view.title_tag)
        rec.title = m.group(1) if m else rec.title

    # Study page: the status chip is the only status wording between the top and the title.
    h1 = find_label(view, tuple(view.headings("h1")[:1])) if view.headings("h1") else None
    if rec.status_text is None:
        ident_at = find_label(view, ("ClinicalTrials.gov ID",))
        top = [t for t in view.texts[: ident_at if ident_at is not None else (h1 or 0)] if normalize_status(t)]
        if len(top) == 1:
            rec.status_text, rec.status = top[0], normalize_status(top[0])

    # "Last Update Posted" is the registry's own date for this record: the page is as fresh as it.
    for label in _AS_OF:
        value = value_of(view, (label,), stops)
        if value and parse_partial_date(value):
            rec.as_of, rec.as_of_text = parse_partial_date(value), f"{label}: {value}"
            break

    phase = value_of(view, ("Phase",), stops)
    if phase and PHASE_ONLY.match(phase.strip()):
        rec.phases, rec.phase_text = normalize_phases(phase), phase
    else:  # classic page: "Condition or disease | Intervention/treatment | Phase" table
        i = find_label(view, ("Intervention/treatment",))
        if i is not None:
            for t in view.texts[i + 1: i + 30]:
                if PHASE_ONLY.match(t.strip()):
                    rec.phases, rec.phase_text = normalize_phases(t), t
                    break
    return rec
