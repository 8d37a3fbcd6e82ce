"""curemydisease.com: a plain-language headline, "NCT ID NCT…", a line "First seen <date> ·
Last updated <date> · Updated N times" (the page's own freshness claim), a plain-language
"Summary", "What this could mean", and "Conditions" (a one-line explanation, then the
terms). No status, phase or criteria are shown."""

from __future__ import annotations

import re

from ..dates import parse_partial_date
from ..model import PageRecord
from ..nct import ID_PATTERN, normalize_nct_id
from ._chrome import without_chrome
from ._layout import Layout, block_after, find_label, read_layout
from .base import Page

HOSTS = ("curemydisease.com",)

LAYOUT = Layout(
    site="curemydisease.com",
    sections=("Summary", "What this could mean", "Active substance", "What this could lead to", "What could go wrong",
              "Disclaimer", "Disclaimer Read more", "Get updates", "Get notified about this study", "Conditions",
              "As listed by the trial registrant", "Contacts and locations", "Study contacts", "Locations"),
    inclusion=(), exclusion=(),
    title_suffixes=(" | CureMyDisease",),
)
_LAST_UPDATED = re.compile(r"(?:^|·)\s*(Last updated\s+([A-Za-z]{3,9}\.? \d{1,2},? \d{4}))\s*(?:·|$)")


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page)
    rec = read_layout(view, LAYOUT)
    stops = LAYOUT.stops()
    for t in view.texts[:15]:
        m = re.match(rf"^NCT ID\s*:?\s*({ID_PATTERN})", t)
        if m and rec.nct_id is None:
            rec.nct_id = normalize_nct_id(m.group(1))
        m = _LAST_UPDATED.search(t)
        if m and rec.as_of is None and parse_partial_date(m.group(2)):
            rec.as_of, rec.as_of_text = parse_partial_date(m.group(2)), m.group(1)
    i = find_label(view, ("Summary",))
    if i is not None:
        rec.plain_summary = " ".join(ln.text for ln in block_after(view, i, stops)) or None
    j = find_label(view, ("Conditions",))
    if j is not None:
        lines = [ln.text for ln in block_after(view, j, stops)]
        rec.conditions = [t for t in lines if not t.lower().startswith("the condition")]
    return rec
