"""Fallback for hosts without a scraper of their own: only what the page plainly says.

It will meet pages of sites we have never seen, so every field must be told plainly, or
left empty — a wrong status or date raises a false alarm, an empty one only says less:

- NCT id: a labelled id ("NCT ID", "ClinicalTrials.gov Identifier"…), else the one trial
  the page links to on ClinicalTrials.gov; otherwise the caller's rule (URL, heading, most
  frequent id in the text).
- status: the value under a status label; several status labels that disagree say
  nothing. Failing that, a badge near the title that is exactly one unambiguous wording.
  Prose ("the study is recruiting…") is never read.
- as_of: a date right after a freshness label at the start of a line (also run together
  with the next fact there, on a line naming no trial), outside footers,
  navigation, sidebars and news blocks; two different dates for the same kind of label
  say nothing.
- phase, enrollment, study type, sex, ages, sponsor, dates, healthy volunteers: labelled values
  of the expected shape only (an enrollment must be a number, a phase must be only a phase,
  healthy volunteers Yes or No).
- criteria: lists under "Inclusion Criteria" / "Exclusion Criteria" headings (on through a record's later parts, each
  closed by its own exclusion heading), or one paragraph
  on the "Eligibility Criteria:" label's own line that heads its inclusion criteria (on a page
  naming no other trial).
- schema.org JSON-LD (MedicalTrial / MedicalStudy) and og:/twitter: meta tags.
"""

from __future__ import annotations

import re

from ..dates import parse_age_range, parse_partial_date
from ..model import PageRecord
from ..nct import ID_PATTERN, find_nct_ids, normalize_nct_id
from ..vocab import normalize_phases, normalize_sex, normalize_status, normalize_study_type
from ._chrome import without_chrome
from ._generic_ages import one_age_range
from ._generic_as_of import page_as_of
from ._generic_lead_in import opening_lines
from ._generic_parts import read_on
from ._criteria_lists import criteria_lists, read_criteria_into
from ._layout import Layout, _criteria_lines, find_label, value_of
from ._runon import _BULLET
from .base import HEADING_TAGS, Page
from .common import PHASE_ONLY, apply_fields, drop_loose_na, int_from, markup_nct_id, plausible_status_wording, trim_trailing_values

HOSTS: tuple[str, ...] = ()

# Specific status labels first: a bare "Status" is also used for each site of a trial.
STATUS_LABELS = ("Recruitment Status", "Overall Status", "Study Status", "Trial Status", "Recruiting Status",
                 "Enrollment Status", "Overall Recruitment Status")
BARE_STATUS_LABELS = ("Status",)
NCT_LABELS = ("NCT ID", "NCT Number", "NCT No.", "NCT No", "NCT", "NCT Identifier", "ClinicalTrials.gov ID",
              "ClinicalTrials.gov Identifier", "ClinicalTrials.gov Number", "ClinicalTrials.gov NCT Number",
              "Registration Number", "Trial Registration", "Registry ID")
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "phase": ("Phase", "Study Phase", "Trial Phase", "Clinical Phase", "Phases"),
    "enrollment": ("Enrollment", "Target Enrollment", "Estimated Enrollment", "Actual Enrollment",
                   "Enrollment (Estimated)", "Enrollment (Actual)", "Target Recruitment", "Planned Enrollment",
                   "Target number of participants", "Number of Participants", "Sample Size", "Participants",
                   "Enrollment Target", "Planned Participants", "Estimated Participants", "Total Enrollment"),
    "study_type": ("Study Type", "Trial Type", "Study Classification"),
    "sex": ("Sex", "Gender", "Sexes Eligible", "Sexes Eligible for Study", "Eligible Sex", "Participant Gender",
            "Participant Sex"),
    "ages": ("Ages Eligible for Study", "Age", "Ages", "Age Range", "Age Group", "Eligible Ages", "Age Limits"),
    "min_age": ("Minimum Age", "Min Age", "Min. Age"),
    "max_age": ("Maximum Age", "Max Age", "Max. Age"),
    "healthy_volunteers": ("Accepts Healthy Volunteers", "Healthy Volunteers"),
    "sponsor": ("Lead Sponsor", "Sponsor", "Study Sponsor"),
    "start": ("Study Start Date", "Start Date", "Study Start", "Actual Study Start Date", "Estimated Study Start Date",
              "Trial Start Date"),
    "completion": ("Study Completion Date", "Completion Date", "Estimated Completion Date", "Study Completion",
                   "Actual Study Completion Date", "Estimated Study Completion Date", "Trial End Date"),
}
SECTION_STOPS = (
    "Eligibility", "Eligibility Criteria", "Locations", "Location", "Contacts", "Contact", "Contact Information",
    "Study Design", "Outcome Measures", "Primary Outcome", "Secondary Outcome", "Outcomes", "Sponsor", "Sponsors",
    "Collaborators", "Investigators", "More Information", "Publications", "References", "Study Locations",
    "Arms and Interventions", "Interventions", "Conditions", "Description", "Detailed Description", "Brief Summary",
    "Summary", "Study Record Dates", "Join this Trial", "How to join", "Share", "Related Trials", "Similar Trials",
    # CT.gov's own field names, which many sites copy: an empty field is followed by one of them
    "Allocation", "Masking", "Intervention Model", "Primary Purpose", "Official Title", "Brief Title", "Keywords",
    "Study Arms", "Arms",
    "Primary Completion Date", "First Posted", "First Submitted", "Responsible Party", "Other Study ID Numbers",
    "Acronym", "Countries", "Intervention Type", "Intervention", "Condition", "Study Population",
    "Sampling Method", "Time Perspective", "Observational Model", "Purpose",
    *(lb for group in FIELD_LABELS.values() for lb in group), *STATUS_LABELS, *BARE_STATUS_LABELS,
)
LAYOUT = Layout(
    site="",
    sections=SECTION_STOPS,
    inclusion=("Inclusion Criteria", "Key Inclusion Criteria", "Main Inclusion Criteria", "Primary Inclusion Criteria"),
    exclusion=("Exclusion Criteria", "Key Exclusion Criteria", "Main Exclusion Criteria", "Primary Exclusion Criteria"),
    guess_section_ends=True,
)
ELIGIBILITY_HEADINGS = ("Eligibility", "Eligibility Criteria", "Participation Criteria", "Who can take part",
                        "Who can participate", "Participation Requirements")
# Wordings clear enough to be read from a badge with no label (no "Open", "Active", "Closed").
BADGE_STATUS_WORDS = frozenset({
    "recruiting", "not yet recruiting", "active not recruiting", "active, not recruiting", "completed",
    "terminated", "withdrawn", "suspended", "enrolling by invitation", "actively recruiting",
    "open actively recruiting", "currently recruiting", "now recruiting", "now enrolling",
})
_ENROLLMENT = re.compile(
    r"^(?:(?:estimated|actual|anticipated|target|planned|approx\.?|approximately|about)\s*:?\s*)?"
    r"(\d{1,3}(?:,\d{3})+|\d{1,6})\s*(?:(?:estimated|actual|anticipated|planned|expected)\s+)?"
    r"(?:participants?|patients?|subjects?|people|persons|volunteers|children|adults)?"
    r"\s*(?:\((?:estimated|actual|anticipated)\))?$",
    re.I,
)


# fields whose labels are tried one by one when the first shown has no value: only those whose value must have a
# shape of its own (a count, a phase, a study type); an "Age:" or "Sex:" further down may be a criterion's
_EACH_LABEL = frozenset({"phase", "enrollment", "study_type"})
_UNDER = 3   # (the label shown first, and the two lines under it)
_MAX_PART_LINES = 2000   # (a bound on the lines read through repeated exclusion headings)


def _key(text: str) -> str:
    return re.sub(r"[^a-z,]+", " ", text.lower()).strip()


def scrape(page: Page) -> PageRecord:
    view = without_chrome(page, strict=True)  # sidebars and news blocks hold other trials' facts
    rec = PageRecord(site=page.host or "unknown", url=page.url)
    stops = LAYOUT.stops()
    _criteria(view, rec, stops)
    _labelled_fields(view, rec, stops)
    _labelled_status(view, rec, stops)
    if rec.status_text is None:
        _badge_status(view, rec)
    if not rec.phases:
        _badge_phase(view, rec)
    rec.as_of, rec.as_of_text = page_as_of(view)
    _json_ld(page, rec)
    rec.nct_id = _nct_id(view, stops) or rec.nct_id
    if rec.title is None:
        h1 = view.headings("h1")
        rec.title = h1[0] if h1 else (page.meta("og:title") or page.meta("twitter:title"))
    return rec


def _labelled_fields(view: Page, rec: PageRecord, stops: frozenset[str]) -> None:
    values: dict[str, str | None] = {}
    for name, labels in FIELD_LABELS.items():
        value = value_of(view, labels, stops)
        if value is None and name in _EACH_LABEL and (first := find_label(view, labels)) is not None:
            # the first of the labels shown may be a heading over another right under it ("Participants", then
            # "Target number of participants: 120"): each label alone, the more specific first, within the next
            # lines only (further down, "Number of Participants: 7" is a result's, a site's or an arm's; review r50 F3)
            value = next((v for v in (value_of(view, (lb,), stops, first, first + _UNDER) for lb in labels)
                          if v is not None), None)
        if value is None or len(value) > 120 or _BULLET.match(value):
            continue  # (a bulleted line under "Sex:" is an older record's criterion, "* Female", not the field's value)
        if name == "phase" and not (PHASE_ONLY.match(value) or re.fullmatch(r"(?:[1-4]|i{1,3}|iv)(?:\s*/\s*(?:[1-4]|i{1,3}|iv))?", value, re.I)):
            continue
        if name == "phase" and not value.lower().startswith(("phase", "early", "not", "n/")):
            value = "Phase " + value
        if name == "ages" and not one_age_range(value):
            continue  # (a PDQ "Age:" line of two groups, "Birth to 12 months 6 to 10 years": no one limit; reader15)
        if name == "enrollment" and (not _ENROLLMENT.match(value) or int_from(value) == 0):
            continue  # 0 is what sites print when they have no figure
        if name in ("start", "completion") and (parse_partial_date(value) is None or len(value) > 40):
            continue
        values[name] = value
    drop_loose_na(view, values, FIELD_LABELS)
    apply_fields(rec, values)
    if any(name in values and _in_criteria(view, rec, FIELD_LABELS[name]) for name in _AGE_FIELDS):
        rec.no_max_age_text = rec.no_min_age_text = None


# A criterion's age ("* Age: 20 years and older- Males with …", NCT00668135) is read as the page's limit it gives, but
# it says nothing of the other: it is one item of a list, and another item may give that limit ("Over 65 years of
# age" among the exclusions). Read as the page saying "there is no upper age limit", the page copying the record's
# own criteria drew a critical against the record's own maximum age of 65 (the record contradicts itself).
_AGE_FIELDS = ("ages", "min_age", "max_age")


def _in_criteria(view: Page, rec: PageRecord, labels: tuple[str, ...]) -> bool:
    """Is the first line showing one of `labels` (the line a field's value is read from) the start of one of the
    criteria the page's criteria were read as?"""
    i = find_label(view, labels)
    text = view.texts[i].strip() if i is not None else ""
    if text.rstrip(" :").lower() in {lb.lower() for lb in labels}:
        return False   # (a label alone, "Age:" over its value, is no criterion's line: an item may also start "Age:")
    return bool(text) and any(item.startswith(text) for item in (*rec.inclusion, *rec.exclusion))


def _status_values(view: Page, labels: tuple[str, ...], stops: frozenset[str]) -> list[str]:
    """Every value shown under any of `labels`, in page order."""
    out = []
    i = find_label(view, labels)
    while i is not None:
        v = value_of(view, labels, stops, i, i + 1)
        if v:
            out.append(v)
        i = find_label(view, labels, i + 1)
    return out


def _labelled_status(view: Page, rec: PageRecord, stops: frozenset[str]) -> None:
    values = _status_values(view, STATUS_LABELS, stops) or _status_values(view, BARE_STATUS_LABELS, stops)
    if not values:
        return
    known = {normalize_status(v) for v in values if normalize_status(v)}
    if len(known) > 1:
        return  # the page disagrees with itself: say nothing
    if known:
        shown = next(v for v in values if normalize_status(v))
        rec.status, rec.status_text = known.pop(), shown
        return
    # An unknown wording is kept as shown (never mapped) when it reads like a status.
    if plausible_status_wording(values[0]):
        rec.status_text = values[0]


def _header_zone(view: Page) -> list[str]:
    """Lines around the title: from the top (or a few lines above the h1) to a few after it,
    never past the first section heading after the title."""
    h1 = next((i for i, ln in enumerate(view.lines) if ln.tag == "h1"), None)
    if h1 is None:
        return []
    lo, hi = max(0, h1 - 4), min(len(view.lines), h1 + 7)
    if h1 + 1 < len(view.lines) and _subtitle(view.lines[h1].text, view.lines[h1 + 1]):
        hi = min(len(view.lines), hi + 1)   # (the subtitle takes no place of the lines after it)
    out = []
    for i in range(lo, hi):
        ln = view.lines[i]
        if i == h1 + 1 and _subtitle(view.lines[h1].text, ln):
            continue
        if i > h1 and ln.tag in HEADING_TAGS:
            break
        if i == h1:
            continue
        # a badge row run together in the text ("RECRUITINGPhase 2INTERVENTIONAL") counts as
        # its parts — only when every part is a badge, so a sentence with one bold word is not one
        if len(ln.parts) > 1 and all(_is_badge(p) for p in ln.parts):
            out.extend(ln.parts)
        else:
            out.append(ln.text)
    return out


def _subtitle(title: str, ln) -> bool:
    """A heading right under the title that is the title again (trialx shows it as h1 and h2): it opens no section, so
    the badges under it are still the title's. Any other heading ends the zone, a long one too: under a search page's
    h1 the first result's title is one, and its badges are that trial's."""
    return ln.tag in HEADING_TAGS and " ".join(ln.text.split()).casefold() == " ".join(title.split()).casefold()


def _is_badge(text: str) -> bool:
    t = text.strip()
    return bool(
        _key(t) in BADGE_STATUS_WORDS or re.fullmatch(r"[A-Z]+(?:_[A-Z]+)+|[A-Z]{4,}", t)
        or PHASE_ONLY.match(t) or normalize_study_type(t) and len(t.split()) <= 2
        or normalize_sex(t) or (len(t) <= 25 and any(parse_age_range(t)))
    )


def _badge_status(view: Page, rec: PageRecord) -> None:
    found = {}
    for t in _header_zone(view):
        if _key(t) in BADGE_STATUS_WORDS or re.fullmatch(r"[A-Z]+(?:_[A-Z]+)+|RECRUITING|COMPLETED|TERMINATED|WITHDRAWN|SUSPENDED", t):
            st = normalize_status(t)
            if st:
                found.setdefault(st, t)
    if len(found) == 1:
        rec.status, rec.status_text = next(iter(found.items()))


def _badge_phase(view: Page, rec: PageRecord) -> None:
    found = {}
    for t in _header_zone(view):
        # only "Phase …" badges: a bare "Not Applicable" near a title could be about anything
        if PHASE_ONLY.match(t.strip()) and re.match(r"(?:early\s+)?phase", t.strip(), re.I):
            found.setdefault(tuple(normalize_phases(t)), t)
    found.pop((), None)
    if len(found) == 1:
        (phases, text), = found.items()
        rec.phases, rec.phase_text = list(phases), text


def _criteria(view: Page, rec: PageRecord, stops: frozenset[str]) -> None:
    """Criteria under an inclusion heading. A page may show them twice (a description
    quoting an older wording, then the eligibility section): when the copies differ, only
    the one right under an "Eligibility" heading is read; with no such heading, none."""
    starts = []
    i = find_label(view, LAYOUT.inclusion)
    while i is not None:
        starts.append(i)
        i = find_label(view, LAYOUT.inclusion, i + 1)
    if not starts:
        _run_on_criteria(view, rec)
        return
    heads: list[set[str]] = []
    readings, done = [], set()
    for at in starts:   # (a start a record's earlier population was read on into is that reading's)
        if at not in done:
            heads.append(set())
            readings.append(_read_parts(view, at, heads[-1], done))
    starts = [at for at in starts if at not in done]
    chosen = 0
    if any(r[:2] != readings[0][:2] for r in readings[1:]):
        under = [k for k, at in enumerate(starts) if _eligibility_heading_between(view, starts[k - 1] if k else -1, at)]
        if len(under) != 1:
            return
        chosen = under[0]
    inc, exc, truncated = readings[chosen]
    rec.inclusion, rec.exclusion = trim_trailing_values(inc), trim_trailing_values(exc)
    rec.criteria_truncated = truncated
    rec.criteria_headings = sorted(heads[chosen])


def _read_parts(view: Page, start: int, heads: set[str], done: set[int]) -> tuple[list[str], list[str], bool]:
    """`read_criteria` from the inclusion heading at `start` (with the record's lead-in right above it,
    `opening_lines`), and on through a record's later parts and populations (`_generic_parts.read_on`; the inclusion
    headings read so go into `done`). Any other heading of inclusion criteria is another start (a second copy,
    `_criteria`'s to choose)."""
    lines, end = _criteria_lines(view, LAYOUT, start)
    if lines:
        lines = [*opening_lines(view, start, ELIGIBILITY_HEADINGS), *lines]   # (the record's lead-in lines)
    lines = read_on(view, LAYOUT, lines, end, done, _MAX_PART_LINES)
    return criteria_lists(lines, heads) if lines else ([], [], False)


_RUN_ON = re.compile(r"^(?:" + "|".join(re.escape(h) for h in ELIGIBILITY_HEADINGS) + r")\s*:\s*(.*\binclusion\s+criteria\b\s*(?:\([^)]{0,80}\)\s*)?[:\-–—].*)$",
                     re.I | re.S)


def _run_on_criteria(view: Page, rec: PageRecord) -> None:
    """The whole criteria as one paragraph on the eligibility label's own line ("Eligibility Criteria: Inclusion
    Criteria: * age 40 … Exclusion Criteria: …", as checkorphan.org and sites copying CT.gov's field list show them):
    read as the site scrapers read such a paragraph, only when it heads its inclusion criteria ("Inclusion Criteria:",
    "INCLUSION CRITERIA -": prose after "Eligibility:" that mentions them is no list) and only when one line of the
    page is such a paragraph."""
    found = [m.group(1) for m in map(_RUN_ON.match, view.texts) if m]
    # (not on a page naming other trials, in its text or its links: the paragraph may be in another trial's card;
    # review r50 F4)
    named = set(find_nct_ids(view.text)) | {i for a in view.root.iter("a") for i in find_nct_ids(a.get("href") or "")}
    if len(found) == 1 and len(named) <= 1:
        read_criteria_into(rec, found)


def _eligibility_heading_between(view: Page, lo: int, hi: int) -> bool:
    at = find_label(view, ELIGIBILITY_HEADINGS, lo + 1, hi)
    return at is not None


def _nct_id(view: Page, stops: frozenset[str]) -> str | None:
    i = find_label(view, NCT_LABELS)
    while i is not None:
        ids = find_nct_ids(value_of(view, NCT_LABELS, stops, i, i + 1) or "")
        if ids:
            return ids[0]
        i = find_label(view, NCT_LABELS, i + 1)
    # "NCT ID NCT07635758" with no colon
    for t in view.texts:
        m = re.match(rf"^(?:NCT\s+(?:ID|Number|No\.?)|ClinicalTrials\.gov\s+(?:ID|Identifier))\s*[:#]?\s*({ID_PATTERN})\s*$", t, re.I)
        if m:
            return normalize_nct_id(m.group(1))
    return markup_nct_id(view)


def _json_ld(page: Page, rec: PageRecord) -> None:
    for item in page.json_ld():
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if not any(t in ("MedicalTrial", "MedicalStudy") for t in types):
            continue
        if isinstance(item.get("name"), str) and rec.title is None:
            rec.title = item["name"].strip() or None
        st = item.get("status") or item.get("studyStatus") or item.get("overallStatus")
        if isinstance(st, dict):
            st = st.get("name") or st.get("@id")
        if isinstance(st, str) and st.strip():
            words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", st.rsplit("/", 1)[-1])
            norm = normalize_status(words)
            if rec.status is None and rec.status_text is None:
                rec.status, rec.status_text = norm, words if norm else None
            elif rec.status and norm and norm != rec.status:
                rec.status, rec.status_text = None, None  # page and its own data disagree
        phase = item.get("phase")
        if isinstance(phase, str) and not rec.phases and normalize_phases(phase):
            rec.phases, rec.phase_text = normalize_phases(phase), phase
        for ident in _as_list(item.get("identifier")) + _as_list(item.get("url")) + _as_list(item.get("sameAs")):
            value = ident.get("value") if isinstance(ident, dict) else ident
            ids = find_nct_ids(str(value or ""))
            if ids and rec.nct_id is None:
                rec.nct_id = ids[0]
        sponsor = item.get("sponsor")
        sponsor = (_as_list(sponsor) or [None])[0]
        if isinstance(sponsor, dict):
            sponsor = sponsor.get("name")
        if isinstance(sponsor, str) and rec.sponsor is None:
            rec.sponsor = sponsor.strip() or None
        if not rec.conditions:
            conds = [c.get("name") if isinstance(c, dict) else c for c in _as_list(item.get("healthCondition"))]
            rec.conditions = [c.strip() for c in conds if isinstance(c, str) and c.strip()]


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
