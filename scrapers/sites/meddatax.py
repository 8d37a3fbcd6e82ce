"""meddatax.com: "NCT ID:" and "Last Updated:" under the title, a "Basic Information" block
shown with field labels ("Recruitment Status", "Clinical Phase"…) or as bare values in a
fixed order, a "Related Clinical Trials" list (title then NCT id), and criteria under
"Eligibility Criteria" followed by the bare age, sex and healthy-volunteer values (the
page may start numbering at 2: an item was dropped, and the number is kept to show it).

Each section starts with a one-line description ("Get a concise snapshot…"), skipped.
"""

from __future__ import annotations

import re

from ..dates import labelled_minimum, parse_age, parse_partial_date
from ..model import PageRecord
from ..nct import find_nct_ids
from ..vocab import (AMBIGUOUS_STATUS_WORDS, normalize_healthy_volunteers, normalize_phases, normalize_sex,
                     normalize_status, normalize_study_type, wording_key)
from .base import Line, Page, clean
from ._embedded import fill_from_embedded
from .common import find_as_of, int_from, no_maximum_said, no_minimum_said
from ._chrome import without_chrome
from ._criteria_lists import criteria_item, read_criteria_into
from ._reader import find_label, intervention_name, is_intervention_type, norm, value_after

HOSTS = ("meddatax.com",)
BRANDS = ("MedDataX", "meddatax", "meddatax.com")  # names the site gives itself (og:site_name, <title> suffix)

SECTIONS = (
    "Study Results", "Basic Information", "Brief Summary", "Related Clinical Trials", "Detailed Description",
    "Conditions", "Study Design", "Study Groups", "Interventions", "Other Intervention Names",
    "Eligibility Criteria", "Sponsors", "Responsible Party", "Locations", "Countries", "Central Contacts",
    "Facility Contacts", "Provided Documents", "Other Identifiers", "More Related Trials", "Outcome Measures",
    "Primary Outcome Measures", "Secondary Outcome Measures",
)
_SECTION_SET = frozenset(norm(s) for s in SECTIONS)
_INTRO = re.compile(r"^(Get|Review|Explore|Dive|See|Understand|Learn|Discover|Check|Meet|Identify|Reach|Find|Download|Additional)\b")
_BASIC_LABELS = {
    "status": ("Recruitment Status", "Overall Status", "Status"),
    "phase": ("Clinical Phase", "Phase", "Study Phase"),
    "enrollment": ("Total Enrollment", "Enrollment"),
    "study_type": ("Study Classification", "Study Type"),
    "start": ("Study Start Date", "Start Date"),
    "completion": ("Study Completion Date", "Completion Date"),
}
_ALL_BASIC = tuple(lb for group in _BASIC_LABELS.values() for lb in group)
_TAIL_LABELS = {
    "min_age": ("Minimum Age", "Min Age"), "max_age": ("Maximum Age", "Max Age"),
    "sex": ("Sex", "Gender", "Eligible Sex", "Sex/Gender"), "volunteers": ("Healthy Volunteers", "Accepts Healthy Volunteers"),
}
_ALL_TAIL = frozenset(norm(lb) for group in _TAIL_LABELS.values() for lb in group)
_SEX_LABELS = frozenset(norm(lb) for lb in _TAIL_LABELS["sex"])
# a bare age value may say "and older" ("18 Years and older": an age, not a criterion; review round 13, F5)
_OLDER = r"(?:\s+(?:and|or)\s+(?:older|over|above))?"
_TAIL_VALUE = re.compile(r"^(?:\d+(?:\.\d+)?\s+(?:years?|months?|weeks?|days?|hours?|minutes?)" + _OLDER
                         + r"|all|female|male|yes|no|n/?a)$", re.I)
_AGE_ONLY = re.compile(r"^\d+(\.\d+)?\s+(years?|months?|weeks?|days?|hours?|minutes?)" + _OLDER + r"$", re.I)


_STAR = re.compile(r"^\s*[*•]\s+")
_TAIL_LABEL = re.compile(r"^([^:]{1,40}):")
_TAIL_LABEL_VALUE = re.compile(r"^([^:]{1,40}):\s*(.+)$")
_NA = re.compile(r"n/?a", re.I)


def _is_section(line: Line) -> bool:
    return norm(line.text) in _SECTION_SET


def _block(page: Page, heading: str) -> list[Line]:
    """Lines of a section, without its one-line description."""
    return _block_until(page, heading)[0]


def _block_until(page: Page, heading: str) -> tuple[list[Line], Line | None]:
    """`_block`, and the section heading that ended it (None when the page did)."""
    i = find_label(page, (heading,))
    if i is None:
        return [], None
    out: list[Line] = []
    end = None
    for ln in page.lines[i + 1:]:
        if _is_section(ln):
            end = ln
            break
        out.append(ln)
    if out and _INTRO.match(out[0].text) and len(out[0].text) > 40:
        out = out[1:]
    return out, end


def _texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


def _basic(page: Page) -> dict[str, str]:
    """The Basic Information values, by their labels when the page prints them."""
    i = find_label(page, ("Basic Information",))
    # the block ends at the next section: criteria below may read "Phase I: …" (older records)
    nxt = SECTIONS if i is not None else ("Brief Summary", "Related Clinical Trials", "Detailed Description")
    end = find_label(page, tuple(s for s in nxt if s != "Basic Information"), (i or 0) + 1)
    out: dict[str, str] = {}
    for key, labels in _BASIC_LABELS.items():
        accept = {
            "status": lambda v: bool(normalize_status(v)),
            "phase": lambda v: bool(normalize_phases(v)),
            "enrollment": lambda v: bool(re.match(r"^\d", v)),
            "study_type": lambda v: bool(normalize_study_type(v)),
        }.get(key, lambda v: bool(parse_partial_date(v)))
        v = value_after(page, labels, others=_ALL_BASIC + SECTIONS, start=i or 0, end=end, accept=accept)
        if v is None:  # a label followed by a value we do not recognise: keep the text
            v = value_after(page, labels, others=_ALL_BASIC + SECTIONS, start=i or 0, end=end)
        if v is not None:
            out[key] = v
    if out or i is None:
        return out
    # Bare values in display order: status, phase, enrollment, type, start, completion.
    dates = []
    for t in _texts(_block(page, "Basic Information")):
        # (a wording that names no one status, "Active", is kept too: the status check reads it, and dropping it
        # showed a completed trial's "Active" page as in sync; review round 21, P8)
        if "status" not in out and (normalize_status(t) or wording_key(t) in AMBIGUOUS_STATUS_WORDS):
            out["status"] = t
        elif "phase" not in out and normalize_phases(t) and len(t) < 40:
            out["phase"] = t
        elif "enrollment" not in out and re.match(r"^\d[\d,]*\s+(participants?|patients?|subjects?)\b", t, re.I):
            out["enrollment"] = t
        elif "study_type" not in out and normalize_study_type(t):
            out["study_type"] = t
        elif parse_partial_date(t) and len(t) < 30:
            dates.append(t)
    if dates:
        out["start"] = dates[0]
    if len(dates) > 1:
        out["completion"] = dates[1]
    return out


def scrape(page: Page) -> PageRecord:
    rec = PageRecord(site="meddatax.com", url=page.url)
    full, page = page, without_chrome(page)  # header filters, cookie banner, sidebars: not this trial
    nct = value_after(page, ("NCT ID", "NCT Number", "NCT"), accept=lambda v: bool(find_nct_ids(v)))
    if nct and find_nct_ids(nct):  # "NCT ID: not yet assigned" gives none
        rec.nct_id = find_nct_ids(nct)[0]
    h1 = page.headings("h1")
    first = find_label(page, ("NCT ID", "NCT Number"))
    if h1:
        rec.title = h1[0]
    elif first:
        rec.title = page.texts[first - 1]
    basic_at = find_label(page, ("Basic Information",))
    # "Last Updated:" sits under the title; banners above it (cookie notices) are not the trial's
    top = first - 1 if first else next((i for i, ln in enumerate(page.lines) if ln.tag == "h1"), 0)
    rec.as_of, rec.as_of_text = find_as_of(page, start=top, end=basic_at if basic_at is not None else top + 15)
    if rec.as_of is None:
        rec.as_of, rec.as_of_text = find_as_of(page, start=top, end=top + 25)

    basic = _basic(page)
    if "status" in basic:
        rec.status_text = basic["status"]
        rec.status = normalize_status(basic["status"])
    if "phase" in basic:
        rec.phase_text = basic["phase"]
        rec.phases = normalize_phases(basic["phase"])
    rec.enrollment = int_from(basic.get("enrollment"))
    rec.study_type = normalize_study_type(basic.get("study_type"))
    rec.start_date = parse_partial_date(basic.get("start"))
    rec.completion_date = parse_partial_date(basic.get("completion"))

    # the related lists are read from the whole page: the reader's view leaves lists of other trials out
    related = _block(full, "Related Clinical Trials") + _block(full, "More Related Trials")
    # cards may run title and id together ("…ErythematosusNCT03219801"): read each inline part
    rec.related_nct_ids = list(dict.fromkeys(i for ln in related for p in ln.parts or (ln.text,) for i in find_nct_ids(p)))

    rec.conditions = [p for ln in _block(page, "Conditions") for p in (ln.parts if len(ln.parts) > 1 else (ln.text,))]
    rec.interventions = _interventions(_block(page, "Interventions"))
    _eligibility(page, rec)
    sponsors = [t for t in _texts(_block(page, "Sponsors"))
                if t.upper() not in ("OTHER", "INDUSTRY", "NIH", "FED", "OTHER_GOV", "INDIV", "NETWORK", "UNKNOWN", "AMBIG")
                and norm(t) not in ("lead sponsor", "sponsor", "collaborators", "collaborator")]
    rec.sponsor = sponsors[0] if sponsors else None
    rec.locations = _texts(_block(page, "Locations"))
    fill_from_embedded(rec, page)
    return rec


def _interventions(lines: list[Line]) -> list[str]:
    """Names in the Interventions section: a name line then its description (or, with
    labels, "Intervention Type"/"Name" pairs). Names are short and carry no sentence end."""
    texts = [t for t in _texts(lines) if norm(t) not in ("intervention type", "type", "name", "description", "intervention name")]
    names: list[str] = []
    k = 0
    while k < len(texts):
        t = texts[k]
        if is_intervention_type(t):  # "BIOLOGICAL" badge, the name follows
            k += 1
            continue
        if re.match(r"^[A-Za-z ]+:\s", t) and is_intervention_type(t.split(":")[0]):
            names.append(intervention_name(t))
            k += 2
            continue
        names.append(t)
        k += 2  # skip the description
    return [n for n in names if len(n) <= 200]


def _eligibility(page: Page, rec: PageRecord) -> None:
    """Criteria lists, then the bare (or labelled) age, sex and volunteer values."""
    block, end = _block_until(page, "Eligibility Criteria")
    crit, tail = _split_values(block)
    # the lists end at the next section ("Sponsors") or, before it, at the age and sex values that follow them
    read_criteria_into(rec, crit, end if end is not None or not tail else tail[0])
    labelled = {key: _tail_value(tail, labels) for key, labels in _TAIL_LABELS.items()}
    rec.healthy_volunteers = normalize_healthy_volunteers(labelled["volunteers"] or _bare_volunteers(tail))
    if labelled["min_age"] or labelled["max_age"] or labelled["sex"]:
        rec.min_age = labelled_minimum(labelled["min_age"])
        rec.max_age = parse_age(labelled["max_age"])
        rec.no_max_age_text = no_maximum_said(labelled["min_age"], labelled["max_age"])
        rec.no_min_age_text = None if rec.min_age else no_minimum_said(labelled["min_age"], labelled["max_age"])
        rec.sex = normalize_sex(labelled["sex"])
        return
    pair = _bare_ages(tail)
    if pair:
        rec.min_age, rec.max_age = parse_age(pair[0]), parse_age(pair[1])
        rec.no_max_age_text = None if rec.max_age else no_maximum_said(*pair)
        rec.no_min_age_text = None if rec.min_age else no_minimum_said(*pair)
    elif len(ages := [t for t in tail if _AGE_ONLY.match(t)]) >= 2:
        rec.min_age, rec.max_age = parse_age(ages[0]), parse_age(ages[1])
    rec.sex = next((normalize_sex(t) for t in tail if normalize_sex(t)), None)


def _inline_values(line: Line) -> bool:
    """A line of the bare values as inline spans run together ("18 Years", "65 Years", "ALL", "No")."""
    return len(line.parts) > 1 and all(_TAIL_VALUE.match(p) for p in line.parts)


def _tail_start(t: str) -> bool:
    """Does the line (its text) start the age, sex and volunteer values after the criteria: an age, a sex, or one of
    their labels?"""
    label = _TAIL_LABEL.match(t)
    return bool(_AGE_ONLY.match(t) or t in ("ALL", "FEMALE", "MALE") or norm(t) in _ALL_TAIL
                or (label and norm(label.group(1)) in _ALL_TAIL))


def _split_values(block: list[Line]) -> tuple[list[Line], list[str]]:
    """The criteria lines, and the page's own age, sex and volunteer values after them (as texts, inline spans each
    one). The values are the block's last run of value lines: a "Gender: Female" or "Sex:" line inside the criteria
    (an older record's sub-label, or a plain line in a list without bullets) is followed by more criteria, so it is
    the record's text, not the page's sex, and an "N/A" the criteria go on after ("Exclusion Criteria", "N/A", then
    a list) is the record's text too. The page shows one sex: of two in that run (a criterion "Gender: Female" right
    before "18 Years", "65 Years", "ALL", "No"), the earlier is a criterion's."""
    k = len(block)
    while k > 0 and _value_line(block, k - 1):
        k -= 1
    sexes = [j for j in range(k, len(block)) if _says_sex(block[j])]
    if len(sexes) > 1:
        k = sexes[-2] + 1
    return block[:k], [p for ln in block[k:] for p in (ln.parts if _inline_values(ln) else (_text(ln),))]


def _text(line: Line) -> str:
    return clean(_STAR.sub("", line.text))


def _value_line(block: list[Line], k: int) -> bool:
    """Can line k be one of the page's age, sex and volunteer values: bare values run together, an age, a sex, "N/A",
    "Yes"/"No", a field label (with its value or alone), or the value right after a label alone? A list item never
    is: it is a criterion, even one that reads "Sex: Male" (older records)."""
    ln = block[k]
    if _inline_values(ln):
        return True
    if criteria_item(ln):
        return False
    t = _text(ln)
    return bool(_tail_start(t) or _TAIL_VALUE.match(t)) or \
        (k > 0 and not criteria_item(block[k - 1]) and norm(_text(block[k - 1])) in _ALL_TAIL)


def _says_sex(line: Line) -> bool:
    """Does the line give a sex: a bare sex value ("ALL", "Female"), among inline values too, or a sex label with its
    value ("Gender: Female")? (A label alone gives none: its value, the next line, does.)"""
    if _inline_values(line):
        return any(normalize_sex(p) for p in line.parts)
    t = _text(line)
    m = _TAIL_LABEL_VALUE.match(t)
    if m:
        return norm(m.group(1)) in _SEX_LABELS
    return bool(_TAIL_VALUE.match(t) and normalize_sex(t))


def _bare_ages(tail: list[str]) -> tuple[str, str] | None:
    """The bare minimum and maximum age values (an age or "N/A" each: the page's placeholder for no limit), in the
    page's order minimum, maximum, sex, volunteers: the two values right before the sex, or, with no sex shown, the
    tail's only two. A criteria section that is a bare "N/A" line also starts the tail: it is never an age side, so
    ("N/A", "18 Years", "N/A", "ALL") is 18 and over, not a maximum of 18 (review r37 #2); None when it cannot be told."""
    def age_or_na(t: str) -> bool:
        return bool(_AGE_ONLY.match(t) or _NA.fullmatch(t))
    sex = next((k for k, t in enumerate(tail) if normalize_sex(t)), None)
    pair = tail[sex - 2:sex] if sex is not None and sex >= 2 else [t for t in tail if age_or_na(t)]
    if len(pair) != 2 or not all(map(age_or_na, pair)) or not any(_AGE_ONLY.match(t) for t in pair):
        return None
    return pair[0], pair[1]


def _bare_volunteers(tail: list[str]) -> str | None:
    """The healthy-volunteer value among bare values: the "Yes" or "No" right after the sex ("18 Years", "65 Years",
    "ALL", "No"), the order the page shows them in. A Yes/No anywhere else is not known to be that."""
    for k, t in enumerate(tail[:-1]):
        if normalize_sex(t) and normalize_healthy_volunteers(tail[k + 1]) is not None:
            return tail[k + 1] if norm(tail[k + 1]) in ("yes", "no") else None
    return None


def _tail_value(tail: list[str], labels: tuple[str, ...]) -> str | None:
    want = {norm(lb) for lb in labels}
    for k, t in enumerate(tail):
        m = _TAIL_LABEL_VALUE.match(t)
        if m and norm(m.group(1)) in want:
            return m.group(2)
        if norm(t) in want and k + 1 < len(tail) and norm(tail[k + 1]) not in _ALL_TAIL:
            return tail[k + 1]
    return None
