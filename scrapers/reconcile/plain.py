"""Claims in a page's own plain-language text (summaries, "plain English" criteria) that
contradict the official record: status words, ages and their units, enrollment counts,
and numbers in an eligibility sentence that the official eligibility text lacks.

Precision first: a claim is only read from phrasings that leave no doubt what they
mean ("is currently recruiting", "aged 1 to 28", "will enroll 120 participants"), and
only compared when the record gives the value.
"""

from __future__ import annotations

import re

from ..dates import Age
from ..model import OfficialRecord, PageRecord
from ..vocab import OPEN_STATUSES
from ..units import restates, same_time
from .added_ages import added_limit_severity, record_states
from .facts import participants, same_age
from .finding import INVITED_ONLY, NOT_OPENED_NOW, Finding, quote, said_status
from .numbering import strip_numbering
from .other_age import anothers_age, for_whom_age, illness_age
from .plain_limits import (AGE_RANGE, CRITERIA_TEXT, ELIGIBILITY_CUE, about_joining, age_limit_claims, age_unit,
                           num, official_values, own_criteria_text, own_prose, range_bounds, read_facts, record_ages,
                           record_prose, repeats_record, sentence, squash, top_exclusive)
from .plain_open_ended import no_maximum_claims
from .plain_weights import weight_claims

_NEG_BEFORE = re.compile(r"\b(not|no longer|never|n't|nor|isn't|aren't|wasn't|stopped|closed)\b[\w\s,]{0,12}$", re.I)
_OPEN_CLAIM = re.compile(
    r"\b(?:(?:is|are)\s+(?:now\s+|currently\s+|actively\s+|still\s+)?|currently\s+|actively\s+|now\s+)"
    r"(?:recruiting|enrolling|accepting\s+(?:new\s+)?(?:participants|patients|volunteers|applicants))\b"
    r"|\bopen\s+(?:to|for)\s+(?:new\s+)?(?:enrollment|recruitment|participants)\b"
    r"|\bRECRUITING\s+as\s+of\b",
    re.I,
)
_NOT_YET_CLAIM = re.compile(r"\b(?:is|are)\s+not\s+yet\s+(?:recruiting|enrolling|open)\b", re.I)
_CLOSED_CLAIM = re.compile(
    r"\b(?:trial|study)\s+(?:has\s+been|was|is|has)\s+(completed|terminated|withdrawn|suspended)\b"
    r"|\bno\s+longer\s+(?:recruiting|enrolling|accepting)\b",
    re.I,
)
_CLOSED_WORD = {"completed": "COMPLETED", "terminated": "TERMINATED", "withdrawn": "WITHDRAWN", "suspended": "SUSPENDED"}

_ENROLL = re.compile(
    r"\b(?:enrol+|recruit|include|involve|aims?\s+to\s+enrol+|plans?\s+to\s+enrol+)\w*\s+"
    r"(about|approximately|around|roughly|up\s+to|some|a\s+total\s+of|an\s+estimated|nearly|over|more\s+than)?\s*"
    r"(\d{1,3}(?:,\d{3})+|\d+)\s+(?:participants|patients|people|subjects|volunteers|adults|children|women|men|"
    r"infants|newborns|individuals)\b"
    r"|\b(?:target|planned|estimated|expected|total)\s+enrol+ment\s+(?:of|is|:)?\s*"
    r"(about|approximately|around|roughly|up\s+to)?\s*(\d{1,3}(?:,\d{3})+|\d+)\b",
    re.I,
)
def plain_texts(page: PageRecord) -> list[tuple[str, str]]:
    """(field, text) of every plain-language text the page shows."""
    return [("plain_summary", page.plain_summary)] if page.plain_summary else []


def check_plain(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    out: list[Finding] = []
    for field, text in plain_texts(page):
        weights, backed = weight_claims(field, text, official, squash(official.eligibility_criteria or ""))
        found = _status_claims(field, text, official) + _age_claims(field, text, official, backed) \
            + _enrollment_claims(field, text, official) + weights
        flagged = {f.evidence.get("sentence") for f in found} | {f.page_value for f in found if f.kind == "plain_age"} \
            | {f.page_value for f in weights}
        out += found + _number_claims(field, text, official, flagged, backed)
    return out


def _status_claims(field: str, text: str, official: OfficialRecord) -> list[Finding]:
    off = official.status
    if not off:
        return []
    for m in _OPEN_CLAIM.finditer(text):
        if _NEG_BEFORE.search(text[max(0, m.start() - 30): m.start()]) or _about_a_participant(text, m):
            continue
        said = sentence(text, m.start(), m.end())
        if off in _NOT_OPEN_TO_ALL:
            return _not_open_to_all(field, text, m, said, off)
        if off in OPEN_STATUSES:
            return []
        unknown = off == "UNKNOWN"
        return [Finding(
            "plain_status", "warning" if unknown else "critical", field, m.group(0), off,
            f'This page\'s summary says the trial "{m.group(0)}", but '
            + ('ClinicalTrials.gov lists its status as "Unknown status" because the sponsor has not confirmed it in '
               "over 2 years." if unknown else
               f"ClinicalTrials.gov says it is {said_status(off)}, so it is not taking new participants."),
            {"sentence": quote(said, 300), "official_status": off, "claim": "open"},
        )]
    m = next((m for m in _NOT_YET_CLAIM.finditer(text) if not _about_a_participant(text, m)), None)
    if m and off not in ("NOT_YET_RECRUITING",) and off in OPEN_STATUSES | {"ACTIVE_NOT_RECRUITING", "COMPLETED", "TERMINATED", "WITHDRAWN", "SUSPENDED"}:
        return [Finding("plain_status", "warning", field, m.group(0), off,
                        f'This page\'s summary says the trial "{m.group(0)}", but ClinicalTrials.gov says it is '
                        f"{said_status(off)}.", {"sentence": quote(sentence(text, m.start(), m.end()), 300),
                                                  "claim": "not_yet"})]
    for m in _CLOSED_CLAIM.finditer(text):
        claimed = _CLOSED_WORD.get((m.group(1) or "").lower())
        if off in OPEN_STATUSES and (claimed is None or claimed != off):
            return [Finding("plain_status", "warning", field, m.group(0), off,
                            f'This page\'s summary says the trial "{m.group(0)}", but ClinicalTrials.gov says it is '
                            f"{said_status(off)}.", {"sentence": quote(sentence(text, m.start(), m.end()), 300),
                                                      "claim": "closed"})]
    return []


# open statuses a claim that the trial "is currently recruiting" gets wrong: a reader would try to join a trial that has
# not opened, or that takes only the people its team invites (review round 21, P4: 79 of 79 such summaries unsaid)
_NOT_OPEN_TO_ALL = {"NOT_YET_RECRUITING": NOT_OPENED_NOW,
                    "ENROLLING_BY_INVITATION": INVITED_ONLY}
# the page's own words that it enrolls by invitation ("is enrolling by invitation only", "is recruiting invited
# participants"): what the record says, no alarm
_BY_INVITATION = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:by\s+invitation|invit\w*)", re.I)


def _not_open_to_all(field: str, text: str, m: re.Match, said: str, off: str) -> list[Finding]:
    """A summary's "is currently recruiting" of a trial not yet recruiting or enrolling by invitation: a WARNING (the
    status field's same claim is one, status.check_status). Its claim is "open", so against a saved copy a trial the
    copy calls not yet recruiting may have opened since (saved_copy.unconfirmed_by_copy)."""
    if off == "ENROLLING_BY_INVITATION" and _BY_INVITATION.search(text[m.end(): m.end() + 40]):
        return []
    return [Finding(
        "plain_status", "warning", field, m.group(0), off,
        f'This page\'s summary says the trial "{m.group(0)}", but ClinicalTrials.gov says it is {said_status(off)}'
        + _NOT_OPEN_TO_ALL[off], {"sentence": quote(said, 300), "official_status": off, "claim": "open"},
    )]


_CLAUSE_START = re.compile(r"(?:^|[.:;!?]\s+|\n)\s*(?:\(?\d{1,2}[.)]\s*|[-•*]\s*)?$")


def _about_a_participant(text: str, m: re.Match) -> bool:
    """Is the "recruiting"/"enrolling" at `m` said of a person rather than the trial? After a
    criteria heading (TrialFinderData's "Who May Qualify: 1. Are enrolling in a qualifying
    study"); after "who" ("people who are enrolling in another trial"); or an "Is/Are …" with
    no subject of its own, as list items addressed to a participant start."""
    if CRITERIA_TEXT.search(text, 0, m.start()):
        return True
    before = text[max(0, m.start() - 200): m.start()]
    if re.search(r"\bwho\s+$", before, re.I):
        return True
    return bool(re.match(r"(?:is|are)\s", m.group(0), re.I)) and bool(_CLAUSE_START.search(before))


def _age_claims(field: str, text: str, official: OfficialRecord, backed: set) -> list[Finding]:
    """Ages the page's plain-language text gives as a range ("aged 1 to 28"; its top exclusive in "aged 4 to <8
    years", the registry's maximum of 7), else with comparators (plain_limits.age_limit_claims); the figures of either
    that agree with the record go into `backed`, so no plain_number says the record lacks them. Against a record with
    one limit, the range's other bound is a limit the record does not have: "aged 7 to 25 years" for a record of 2
    years and over was said nothing of (review r37 §7, NCT05251116); it is held to the record as the page's own age
    fields are (added_ages), unless the record's text gives that age."""
    lo_off, hi_off = official.min_age, official.max_age
    if lo_off is None and hi_off is None:
        return []
    # (the record's text a page may repeat word for word: only where it gives the participant's own limits, the
    # rule record_states holds both the summary and the age fields to; a donor's "aged 18 to 65 years" is none)
    own = (own_criteria_text(official), squash(official.eligibility_criteria or ""), own_prose(official))
    out = []
    ages: set | None = None
    for m in AGE_RANGE.finditer(text):
        if repeats_record(text, m, own) or not about_joining(text, m.start(), m.end()) \
                or anothers_age(text, m.start()) or illness_age(text, m.start()) \
                or for_whom_age(text, m.start(), m.end()):
            continue  # the page repeats the record's own criterion text, says no limit to join ("People aged 40
            #           to 60 years are the most likely to develop this disease"), another's age ("Parents aged
            #           18 to 65 years", read by the rule the record's text is read by), the illness's ("Symptoms
            #           usually begin between 45 and 55 years of age": other_age.illness_age) or whom another
            #           requirement is for ("a Lansky score of at least 50 if you are 1 to 15 years old")
        lo, u1, hi, u2, old = range_bounds(m)
        lo_v, hi_v = float(lo), float(hi)
        unit_hi = age_unit(u2) or (age_unit(u1) if u1 else None)
        unit_lo = age_unit(u1) or unit_hi
        shown = m.group(0).strip()
        official_text = f"{lo_off} to {hi_off}" if lo_off and hi_off else \
            f"{lo_off} and older, with no upper age limit" if lo_off else f"up to {hi_off}, with no lower age limit"
        if unit_hi is None:
            # No unit: a reader assumes years. Only a claim when the numbers are the record's own.
            if old or lo_off is None or hi_off is None or (lo_off.unit == "YEARS" and hi_off.unit == "YEARS"):
                continue
            if abs(lo_v - lo_off.value) < 1e-9 and abs(hi_v - hi_off.value) < 1e-9:
                out.append(Finding(
                    "plain_age", "critical", field, shown, official_text,
                    f'This page\'s summary says "{shown}" with no unit, so readers may think it means years, but '
                    f"ClinicalTrials.gov says {official_text}.",
                    {"sentence": quote(sentence(text, m.start(), m.end()), 300), "unit_missing": True,
                     "official_min_age": lo_off.to_dict(), "official_max_age": hi_off.to_dict()},
                ))
            continue
        # (an exclusive top, "aged 4 to <8 years", is the record's maximum of 7 years: facts.same_age)
        page_lo, page_hi = Age(lo_v, unit_lo), Age(hi_v, unit_hi, exclusive=top_exclusive(m))
        differ = [(said, off, upper) for said, off, upper in ((page_lo, lo_off, False), (page_hi, hi_off, True))
                  if not (same_age(said, off, upper) if off else added_limit_severity(said, upper) is None)]
        backed |= {(num(str(said.value)), said.unit.lower().rstrip("s")) for said in (page_lo, page_hi)
                   if all(said is not d[0] for d in differ)}   # (its "<8 years" is no figure the record lacks)
        if not differ:
            continue
        ages = record_ages(official) if ages is None else ages
        wrong = [(said, off, upper) for said, off, upper in differ if not record_states(said, upper, ages)]
        if not wrong:
            continue  # ages the record's own text gives as the participant's limits, each as the bound it is: a
            #           cohort's "between the ages of 18 and 65 years" in a record of 6 to 65, its "4 weeks" beside a
            #           minimum age of 1 month; the page's age fields are held to the same rule (added_ages)
        severity = "critical" if any(off or added_limit_severity(said, upper) == "critical"
                                     for said, off, upper in wrong) else "info"
        out.append(Finding(
            "plain_age", severity, field, shown, official_text,
            f'This page\'s summary says "{shown}", but ClinicalTrials.gov says {official_text}.',
            {"sentence": quote(sentence(text, m.start(), m.end()), 300),
             "page_min_age": page_lo.to_dict(), "page_max_age": page_hi.to_dict(),
             "official_min_age": lo_off.to_dict() if lo_off else None,
             "official_max_age": hi_off.to_dict() if hi_off else None},
        ))
    return (out or age_limit_claims(field, text, official, own, backed) or no_maximum_claims(field, text, official))[:1]


def _enrollment_claims(field: str, text: str, official: OfficialRecord) -> list[Finding]:
    count = official.enrollment
    if count is None:
        return []
    for m in _ENROLL.finditer(text):
        hedge = m.group(1) or m.group(3)
        n = _count(m)
        if n == count:
            return []
        if hedge and abs(n - count) <= max(2, 0.15 * count):
            return []
        if hedge and re.match(r"up\s+to|over|more", hedge, re.I):
            return []
        if n in _enrollments_in_text(official):
            return []   # the record's own summary says it ("involve approximately 200 patients"): not the page's error
        shown = m.group(0).strip()
        return [Finding(
            "plain_enrollment", "warning", field, shown, count,
            f'This page\'s summary says "{shown}", but ClinicalTrials.gov says '
            f"{participants(count, official.enrollment_type)}.",
            {"sentence": quote(sentence(text, m.start(), m.end()), 300), "page_count": n},
        )]
    return []


def _count(m: re.Match) -> int:
    """The participant count an _ENROLL match states."""
    return int((m.group(2) or m.group(4)).replace(",", ""))


def _enrollments_in_text(official: OfficialRecord) -> set[int]:
    """Participant counts the record's own prose states: a planned size its summary or criteria kept
    ("…which will involve approximately 200 patients" in NCT00004467's criteria, 173 enrolled)."""
    return {_count(m) for t in record_prose(official) if t for m in _ENROLL.finditer(t)}


_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})


def _stated(value: str, unit: str, known: set[tuple[str, str, bool]]) -> bool:
    """Whether the record states this figure. A span of time must match its unit, or stand without
    one in the criteria ("Life expectancy: 12" for "12 weeks"): "19 Years" (the minimum age) does
    not vouch for "at least 19 weeks" of life expectancy, nor "63 patients" in the description for
    "63 years of age"; the same time in another exact unit does ("2 weeks" for "14 days", "24 months" for "2 years",
    never "1 month" for "30 days"). Other units are written too many ways ("1.5 x ULN", "1.5 times the upper
    limit of normal"; "40 mm Hg", "40 mm") to be compared, so there the figure alone counts, or the record's figure
    in another unit of its kind up to rounding ("33 lb" for "15 kg", units.restates)."""
    if unit in _TIME_UNITS:   # (in its unit, or one it converts to exactly: "2 weeks" is "14 days", units.same_time)
        return any((v == value and (u == unit or (not u and criteria))) or same_time(value, unit, v, u)
                   for v, u, criteria in known)
    return any(v == value or (u and unit and u != unit and restates(v, u, value, unit)) for v, u, _ in known)


def _number_claims(field: str, text: str, official: OfficialRecord, flagged: set, backed: set) -> list[Finding]:
    """A threshold in the page's plain-language criteria that the record does not state anywhere. `backed`: (value,
    unit) figures the record states otherwise (plain_limits: "100 lb" for its "45 kg", "under 81" for its maximum
    age of 80 years)."""
    if not official.eligibility_criteria:
        return []
    whole = bool(CRITERIA_TEXT.search(text))
    # list numbering ("… and over 4. Sex: …") is not a figure: drop it before reading sentences
    sentences = re.split(r"(?<=[.;!?])\s+(?=[A-Z0-9])", strip_numbering(text))
    known: set[str] | None = None
    count = str(official.enrollment) if official.enrollment is not None else None   # (a count, never weeks or years)
    for piece in sentences:
        if (not whole and not ELIGIBILITY_CUE.search(piece)) or quote(piece.strip(), 300) in flagged \
                or any(isinstance(said, str) and said in piece for said in flagged):
            continue  # not about eligibility, or already reported as an age / enrollment claim
        claims = [f for f in read_facts(piece) or [] if (f.unit or f.cmp not in ("", "range") or f.window)
                  and not f.value.startswith("~")]
        if not claims:
            continue
        if known is None:
            known = official_values(official)
            if known is None:
                return []
        unknown = [f for f in claims if not _stated(f.value, f.unit, known) and not (f.value == count and not f.unit)
                   and (f.value, f.unit) not in backed]
        if unknown:
            shown = quote(piece.strip(), 160)
            value, unit = unknown[0].value, unknown[0].unit
            plural = unit in ("year", "month", "week", "day", "hour", "minute") and value != "1"
            said = f"{value} {unit}{'s' if plural else ''}".strip()
            return [Finding(
                "plain_number", "warning", field, shown, None,
                f'This page\'s summary mentions "{said}" about who can join, a figure TrialLens could not find in the '
                f"ClinicalTrials.gov record.",
                {"sentence": quote(piece.strip(), 300), "facts_not_in_record": [f.words() for f in unknown]},
            )]
    return []
