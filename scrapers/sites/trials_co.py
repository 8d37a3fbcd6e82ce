"""trials.co: the title, the condition, "About this trial" (a fixed sentence: "This is an
interventional treatment trial for …"), and "Eligibility Criteria" with "Inclusion
Criteria:" / "Exclusion Criteria:" items printed with a literal "- ". No status or
freshness date is shown in what we have seen."""

from __future__ import annotations

import re

from ..model import PageRecord
from ..vocab import normalize_study_type
from ._chrome import without_chrome
from ._layout import Layout, block_after, find_label, read_layout
from .base import Page

HOSTS = ("trials.co",)

LAYOUT = Layout(
    site="trials.co",
    sections=("About this trial", "Eligibility Criteria", "Locations", "Contacts", "Sponsor"),
    title_suffixes=(" | Trials.co",),
)


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    if rec.title in view.texts:
        after = view.texts.index(rec.title) + 1
        about = find_label(view, ("About this trial",))
        if about is not None:
            rec.conditions = [t for t in view.texts[after:about]]
            sentence = " ".join(ln.text for ln in block_after(view, about, LAYOUT.stops()))
            m = re.match(r"^This is an? (interventional|observational|expanded access)\b", sentence, re.I)
            rec.study_type = normalize_study_type(m.group(1)) if m else None
    return rec
