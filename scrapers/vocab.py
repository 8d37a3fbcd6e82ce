"""Vocabularies: how sites word status, phase, study type and sex, mapped to CT.gov enums.

A wording we do not know maps to None (the text is kept by the caller): an unknown
wording must never become a guess, because a guessed status would raise false alarms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STATUSES = (
    "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING",
    "RECRUITING", "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE",
    "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN",
)
# Statuses under which a person can still ask to join.
OPEN_STATUSES = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"})

PHASES = ("NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4")
STUDY_TYPES = ("INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS")
SEXES = ("ALL", "FEMALE", "MALE")


_NOT_LETTERS = re.compile(r"[^a-z]+")


def fold(word: str) -> str:
    """A word a case-blind pattern matched, as a lookup key: lower case, with compatibility letters
    in ASCII. re.I lets "ſ" match "s" and "İ" match "i", and their lower case ("ſ", "i̇") is no key
    ("18 yearſ" must not be a KeyError)."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    """The wording's letters only. Cached: scrapers try every line of a badge row or field
    against the status, phase, type and sex vocabularies."""
    return _NOT_LETTERS.sub(" ", text.lower()).strip()


def wording_key(text: str | None) -> str:
    """A wording's letters only, lower case ("In-progress" -> "in progress"), the key every vocabulary here uses."""
    return _key(text or "")


# Site wordings, keyed by their letters only ("Active, not recruiting" -> "active not recruiting").
# Where a wording seen on a site is listed, the comment says where.
_STATUS_WORDS: dict[str, str] = {
    "recruiting": "RECRUITING",
    "active recruiting": "RECRUITING",            # "Active - Recruiting"
    "currently recruiting": "RECRUITING",
    "actively recruiting": "RECRUITING",          # uclahealth.org badge "Open Actively Recruiting" (dev.jsonl)
    "open actively recruiting": "RECRUITING",
    "open": "RECRUITING",
    "open to enrollment": "RECRUITING",
    "enrolling": "RECRUITING",                    # ClinicalTrials.Veeva
    "now enrolling": "RECRUITING",
    "enrolling now": "RECRUITING",
    "recruiting now": "RECRUITING",
    "not yet recruiting": "NOT_YET_RECRUITING",
    "not yet enrolling": "NOT_YET_RECRUITING",    # ClinicalTrials.Veeva
    "not yet open": "NOT_YET_RECRUITING",
    # a trial that will open: "not … yet" said other ways (review round 11c, N7), and Veeva's "Enrolling soon" and
    # "Recruiting soon", which were read as their first word, "Enrolling" (recruiting; N6)
    "not open yet": "NOT_YET_RECRUITING",
    "not recruiting yet": "NOT_YET_RECRUITING",
    "not enrolling yet": "NOT_YET_RECRUITING",
    "enrollment not yet open": "NOT_YET_RECRUITING",
    "enrolment not yet open": "NOT_YET_RECRUITING",
    "recruitment not yet open": "NOT_YET_RECRUITING",
    "not yet open for enrollment": "NOT_YET_RECRUITING",
    "not yet open for enrolment": "NOT_YET_RECRUITING",
    "not yet open to enrollment": "NOT_YET_RECRUITING",
    "enrolling soon": "NOT_YET_RECRUITING",
    "recruiting soon": "NOT_YET_RECRUITING",
    "opening soon": "NOT_YET_RECRUITING",
    "active not recruiting": "ACTIVE_NOT_RECRUITING",
    "active but not recruiting": "ACTIVE_NOT_RECRUITING",
    "ongoing not recruiting": "ACTIVE_NOT_RECRUITING",
    "enrolling by invitation": "ENROLLING_BY_INVITATION",
    "enrolling by invitation only": "ENROLLING_BY_INVITATION",
    "by invitation": "ENROLLING_BY_INVITATION",
    "completed": "COMPLETED",
    "complete": "COMPLETED",
    "terminated": "TERMINATED",
    "stopped early": "TERMINATED",
    "withdrawn": "WITHDRAWN",
    "suspended": "SUSPENDED",
    "on hold": "SUSPENDED",
    "currently on hold": "SUSPENDED",
    "temporarily halted": "SUSPENDED",
    # NCI's trial status "Temporarily Closed to Accrual" is reported to CT.gov as Suspended
    # (NCI CTRP status mapping); a temporary closure cannot mean completed or terminated.
    "temporarily closed to accrual": "SUSPENDED",
    "temporarily closed to accrual and intervention": "SUSPENDED",
    "unknown": "UNKNOWN",
    "unknown status": "UNKNOWN",
    "status unknown": "UNKNOWN",
    "available": "AVAILABLE",
    "expanded access available": "AVAILABLE",
    "no longer available": "NO_LONGER_AVAILABLE",
    "temporarily not available": "TEMPORARILY_NOT_AVAILABLE",
    "approved for marketing": "APPROVED_FOR_MARKETING",
    "withheld": "WITHHELD",
}
for _s in STATUSES:
    _STATUS_WORDS[_key(_s)] = _s

# Wordings seen on sites that do not name one CT.gov status. They stay unrecognized on
# purpose: "No longer recruiting" may be ACTIVE_NOT_RECRUITING, COMPLETED or TERMINATED;
# "Waitlist Available" (Power) is offered for trials in more than one state.
# "Active" alone: aggregators copying CT.gov use it for "Active, not recruiting", but NCI's
# own status "Active" means open to accrual (it is reported to CT.gov as Recruiting), and
# cancer-centre pages show it that way. "Closed to accrual" is reported as Active, not
# recruiting by NCI, but sites also show it for completed trials. "Recruitment complete",
# "Enrollment closed": ongoing or finished, the page does not say. The "enrolling" forms of these ("Not enrolling",
# "No longer enrolling", "Enrollment complete"; Veeva's own word for recruiting is "Enrolling") and "Closed to new
# patients" say no more.
_NOT_ENROLLING = frozenset({
    "not enrolling", "no longer enrolling", "enrollment complete", "enrollment completed", "enrolment complete",
    "enrolment completed", "closed to new patients",
})
# of those, the ones that say only "not now": true of a trial that has not opened yet as of one that has closed
# ("Not enrolling" of a not-yet-recruiting trial is right; "Closed to accrual" is not; review round 11c, N5)
NOT_NOW_WORDS = frozenset({"not recruiting", "not enrolling", "not currently recruiting", "not currently enrolling"})
# Power's "Waitlist Available" as sites spell it (R25 J1: "Wait-list Available", "Join the waitlist" were unread)
WAITLIST_WORDS = frozenset({
    "waitlist available", "wait list available", "waitlist open", "wait list open", "waitlist", "wait list",
    "join the waitlist", "join the wait list", "join waitlist", "join wait list",
})
AMBIGUOUS_STATUS_WORDS = WAITLIST_WORDS | frozenset({
    "no longer recruiting", "closed", "not recruiting", "active", "closed to accrual",
    "recruitment complete", "recruitment completed", "enrollment closed", "enrolment closed", "closed to enrollment",
    "inactive", "ongoing", "in progress",
}) | _NOT_ENROLLING | NOT_NOW_WORDS


# the ambiguous wordings that still say the trial is not taking participants: no one status, but a claim the
# record can contradict ("Closed" on a trial ClinicalTrials.gov lists as recruiting)
NOT_TAKING_WORDS = frozenset({
    "no longer recruiting", "closed", "not recruiting", "closed to accrual", "recruitment complete",
    "recruitment completed", "enrollment closed", "enrolment closed", "closed to enrollment", "inactive",
}) | _NOT_ENROLLING | NOT_NOW_WORDS


def says_not_taking(text: str | None) -> bool:
    """Does a status wording with no single status ("Closed", "Enrollment closed") say no one can join now?"""
    return bool(text) and _key(text) in NOT_TAKING_WORDS


def says_not_now(text: str | None) -> bool:
    """Does a status wording say only that no one can join now ("Not enrolling"), not that the trial is over?"""
    return bool(text) and _key(text) in NOT_NOW_WORDS


def normalize_status(text: str | None) -> str | None:
    """Map a displayed status wording to the CT.gov enum, or None when it is not known."""
    if not text:
        return None
    key = _key(text)
    if key in AMBIGUOUS_STATUS_WORDS:
        return None
    return _STATUS_WORDS.get(key)


def status_words() -> list[str]:
    """Every known wording key, longest first (scrapers use it to find a status in a line)."""
    return sorted(_STATUS_WORDS, key=len, reverse=True)


_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_PHASE_TOKEN = re.compile(
    r"(early\s*phase\s*(?:1|i)\b|phase\s*(?:[1-4]|iv|iii|ii|i)[abc]?(?![a-z0-9])|\bN/?A\b|not\s+applicable"
    r"|early_phase1|phase[1-4])",
    re.IGNORECASE,
)
# two phases after one "Phase": "1/2", "I-II", "2–3", "1 and 2", "1b/2", "2a to 3" (not "phase 1 and 2 weeks later")
_PHASE_PAIR = re.compile(
    r"phase\s*([1-4]|iv|iii|ii|i)[abc]?\s*(?:/|-|–|—|&|\bto\b|\band\b)\s*(?:phase\s*)?([1-4]|iv|iii|ii|i)[abc]?"
    r"(?![a-z0-9])(?!\s*(?:days?|weeks?|months?|years?|hours?|doses?|cycles?|mg)\b)", re.I)


def normalize_phases(text: str | None) -> list[str]:
    """"Phase 1 / Phase 2", "PHASE1/PHASE2", "Phase 2\\nPhase 1", "N/A" -> sorted CT.gov phases."""
    if not text:
        return []
    return list(_phases(text))  # a new list each call: callers may change theirs


@lru_cache(maxsize=16384)
def _phases(text: str) -> tuple[str, ...]:
    """normalize_phases, cached: scrapers test many lines (and the same ones) for a phase."""
    found: set[str] = set()
    for m in _PHASE_TOKEN.finditer(text):
        tok = m.group(0).lower()
        if tok.startswith("early"):
            found.add("EARLY_PHASE1")
        elif tok.replace("/", "") in ("na", "not applicable") or tok.startswith("not"):
            found.add("NA")
        else:
            num = re.sub(r"^phase[\s_]*", "", tok).strip()
            num = re.sub(r"(?<=[1-4iv])[abc]$", "", num)   # (a sub-phase is its phase: "1b" is a phase 1, "IIa" a 2)
            num = _ROMAN.get(num, num)
            if num in "1234":
                found.add("PHASE" + num)
    # Bare "1/2" after one "Phase" ("Phase 1/2", "Phase I-II": read as phase 1 alone, a page's "Phase 2-3" was said
    # to differ from a record's phases 2 and 3)
    for m in _PHASE_PAIR.finditer(text):
        for g in m.groups():
            found.add("PHASE" + _ROMAN.get(g.lower(), g))
    return tuple(p for p in PHASES if p in found)


def normalize_study_type(text: str | None) -> str | None:
    if not text:
        return None
    key = _key(text)
    if key.startswith("interventional"):
        return "INTERVENTIONAL"
    if key.startswith("observational"):
        return "OBSERVATIONAL"
    if key.startswith("expanded access"):
        return "EXPANDED_ACCESS"
    return None


# sex wordings by their letters, after a trailing "only" ("Women only", "Male only"); the record's own enum too
_SEX_WORDS: dict[str, str] = {
    **dict.fromkeys(("all", "both", "any", "all sexes", "both sexes", "any sex", "all genders", "any gender",
                     "both genders", "male and female", "female and male", "female male", "male female",
                     "men and women", "women and men", "males and females", "females and males"), "ALL"),
    **dict.fromkeys(("female", "females", "women", "girls"), "FEMALE"),
    **dict.fromkeys(("male", "males", "men", "boys"), "MALE"),
}


def normalize_sex(text: str | None) -> str | None:
    """Map a displayed sex or gender wording to the CT.gov enum, or None when it is not known. Pages write
    "Women only" and "Female, Male" as often as "Female" and "All" (review round 10: "Women only" was dropped, so a
    page closing a trial open to all to men went unsaid)."""
    if not text:
        return None
    key = _key(text)
    if key.endswith(" only"):
        key = key[: -len(" only")]
    return _SEX_WORDS.get(key)


# Whether a trial takes healthy volunteers, as pages show it: CT.gov's "Accepts Healthy Volunteers" field copied with
# its Yes/No (ClinicalTrials.gov, CheckOrphan, inClinicalTrials, Clinical Trial Exchange, meddatax, uclahealth.org),
# or the value in words under a "Volunteers" label (ClinicalTrials.Veeva: "No Healthy Volunteers"). Keyed by letters.
_VOLUNTEER_WORDS: dict[str, bool] = {
    **dict.fromkeys(("yes", "accepts healthy volunteers", "healthy volunteers", "healthy volunteers accepted",
                     "accepts healthy volunteers yes", "healthy volunteers yes"), True),
    **dict.fromkeys(("no", "no healthy volunteers", "does not accept healthy volunteers",
                     "healthy volunteers not accepted", "accepts healthy volunteers no", "healthy volunteers no"),
                    False),
}


def normalize_healthy_volunteers(text: str | None) -> bool | None:
    """True when a page's value says the trial accepts healthy volunteers ("Yes", "Healthy Volunteers"), False when
    it says it does not ("No", "No Healthy Volunteers"), None for any other wording (never a guess)."""
    if not text:
        return None
    return _VOLUNTEER_WORDS.get(_key(text))
