"""Which group of people a criterion is for, when a trial enrols more than one.

Transplant trials list the patient's and the donor's criteria one after the other, and
studies with healthy volunteers or matched controls give each group its own list, under a
heading ("INCLUSION CRITERIA: DONOR") or a label item ("Healthy Volunteers"); so do the steps of a
trial ("REGISTRATION # 1" / "REGISTRATION # 2 (RANDOMIZATION)") and its cohorts or arms. The criteria
parser keeps the items in one inclusion and one exclusion list, so a limit such as "Weight
greater than or equal to 18 kg" no longer says whose it is. Shown at a glance on its own it
would read as everyone's ("Required: weight at least 18 kg" beside the patients' "more than
40 kg"), so from the first group's heading on, a list's limits are left to the full criteria.
"""

from __future__ import annotations

import re

from scrapers.criteria import Criteria, Item

_GROUP = (r"(?:healthy\s+(?:volunteers?|subjects?|controls?|participants?|individuals?)|normal\s+(?:volunteers?|controls?)"
          r"|controls?(?:\s+(?:subjects?|participants?|group))?|donors?|recipients?|patients?"
          r"|affected\s+(?:subjects?|participants?|individuals?)|caregivers?|partners?)")
# a heading or an item that only names a group: "INCLUSION CRITERIA: DONOR", "Healthy Volunteers", "For donors:"
_LABEL = re.compile(r"^\W*(?:(?:inclusion|exclusion|eligibility)\s+criteria\s*(?:for\b)?\s*[:\-–]?\s*)?(?:for\s+)?(?:all\s+)?"
                    r"(?:the\s+)?(?P<g>" + _GROUP + r")(?:\s*\([^)]*\))?\s*(?:must(?:\s+have)?|should)?\s*:?\s*$", re.I)
# an item that opens a group's list: "A healthy volunteer who meets any of the following criteria will be excluded …:"
_OPENS = re.compile(r"\b(?:an?|the|all|each)\s+(?P<g>" + _GROUP + r")\b[^.:]*\bfollowing\b[^.:]*:\s*$", re.I)
# a label that describes one group by who they are: "Women with normal ovarian function:", "Postmenopausal women (to
# serve as negative controls):", "Women carriers of FMR1 premutations:" (NCT00006156), "Under age 18:"; each names a
# group of its own (a label that says what to meet, "Patients must have the following:", is no group)
_WHO_LABEL = re.compile(r"^[^:.;]{0,100}\b(?:women|men|males|females|patients|participants|subjects|volunteers|children|"
                        r"adults|adolescents|infants|carriers|controls|donors|recipients|relatives|parents|siblings|spouses)\b"
                        r"[^:.;]{0,100}:\s*$|^(?:under|over|younger than|older than|aged?)\s+\d+[^:.;]{0,40}:\s*$", re.I)
# a step, part, cohort or arm under its own label: "REGISTRATION # 1" / "REGISTRATION # 2 (RANDOMIZATION)" (NCT00002649,
# the second a later step's limits, after transplant), "Cohort A:", "Part 2", "Arm B patients:", "Phase IIa"
_STEP = re.compile(r"^\W*(?:for\s+)?(?:registration|step|part|period|phase|cohort|arm|group|stratum|track)\s*#?\s*"
                   r"(?:\d+|[IVX]+|[A-H])[ab]?\b"
                   r"[^:.;]{0,40}:?\s*$", re.I)
_EVERYONE = re.compile(r"\W*(?:for\s+)?all\b", re.I)   # "All subjects:" is everyone, no group
_SAYS_WHAT = re.compile(r"\b(?:following|must|should|shall|will|may|are|is|were|was|have|has|need|needs|require[sd]?)\b", re.I)
_KINDS = (("control", re.compile(r"healthy|normal|control", re.I)), ("donor", re.compile(r"donor", re.I)),
          ("caregiver", re.compile(r"caregiver", re.I)), ("partner", re.compile(r"partner", re.I)))


def _kind(group: str) -> str:
    """"Healthy Volunteers" and "control subjects" are one kind; "patient", "recipient" and "affected subjects" another."""
    return next((kind for kind, word in _KINDS if word.search(group)), "patient")


def _named(text: str, opens: bool) -> str | None:
    if len(text) <= 60 and _STEP.match(text):
        return re.sub(r"\W+", " ", text).strip().lower()   # (each step a kind of its own)
    m = _LABEL.match(text) if len(text) <= 80 else None
    if not m and opens and text.rstrip().endswith(":"):   # (both kinds of opening end with a colon)
        m = _OPENS.search(text)
        if not m and _WHO_LABEL.match(text) and not _SAYS_WHAT.search(text) and not _EVERYONE.match(text):
            return text.rstrip(": ").lower()   # (a group described: a kind of its own)
    return _kind(m.group("g")) if m else None


def names_a_step(text: str) -> bool:
    """An item that only names a step, part, cohort or arm of the trial ("Cohort I (closed to accrual as of 11/1/03)",
    "Group 2:"): the limits under it, or after it when it ends with a colon, are that group's alone, with or without
    another group named beside it (review round 10: NCT00005997's closed Cohort I limits read as everyone's)."""
    return len(text) <= 60 and bool(_STEP.match(text))


def groups_start(crit: Criteria) -> dict[str, int]:
    """For each list, the index of its first top-level item that belongs to one group of people
    only, when the criteria name two groups or more (patients and donors, affected participants
    and healthy volunteers); empty when they name one group or none (then every item is everyone's)."""
    kinds: set[str] = set()
    starts: dict[str, int] = {}
    for heading, section, at in crit.header_at:
        kind = _named(heading, opens=False)
        if kind:
            kinds.add(kind)
            starts.setdefault(section, at)
    for section in ("inclusion", "exclusion", "unplaced"):
        items: list[Item] = getattr(crit, section)
        for i, it in enumerate(items):
            kind = _named(it.text, opens=True)
            if kind:
                kinds.add(kind)
                starts[section] = min(starts.get(section, i), i)
    return starts if len(kinds) > 1 else {}


# a label naming a group of people, said as a heading: "Neurological Group:", "Hypertensive Subjects:", "LYME ARTHRITIS
# CONTROLS", "FOR HIV POSITIVE PATIENTS:", "Randomization group:"; up to 8 words ending in a word for a group, with a
# colon, or in capitals
_GROUP_WORD = (r"(?:groups?|cohorts?|arms?|controls?|volunteers?|subjects|patients|participants|populations?|donors?|"
               r"recipients|strat(?:um|a)|individuals|famil(?:y|ies)|relatives|siblings|children|adults|women|men)")
_GROUP_HEADING = re.compile(r"^\W*(?:[\w'’/+-]+\s+){0,7}?" + _GROUP_WORD + r"\s*(?:\([^()]{0,60}\))?\s*(?P<colon>:)?\s*$",
                            re.I)
_TELLS = re.compile(r"\b(?:following|must|should|shall|will|may|are|is|were|was|have|has|had|need|needs|exist|"
                    r"require[sd]?|who|which|that|with|without|not|no)\b", re.I)


def group_heading(text: str) -> bool:
    """An item that only names a group of people, as a heading over that group's items ("Neurological Group:",
    "MULTIPLE SCLEROSIS CONTROLS"). Its words are a name, kept as the record writes them: put in plain words as if they
    were a criterion they read "Nerve and brain Group:" and "You have MULTIPLE SCLEROSIS CONTROLS" (NCT00001167,
    NCT00001539; plain20). Not an item saying anything of the group ("Patients must have:", "Patients with …:")."""
    m = _GROUP_HEADING.match(text.strip())
    if not m or _TELLS.search(text):
        return False
    return bool(m.group("colon")) or not re.search(r"[a-z]", text)
