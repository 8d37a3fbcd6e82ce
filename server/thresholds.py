"""Lab and score limits for the "at a glance" block: "platelet count less than 100×10^9/L".

A limit is shown on its own, far from the sentence it came from, so it is shown only when it
stands as written: a measured thing, a comparator, a number and the whole unit, with nothing
after it that qualifies it. "SBP more than 170 or less than 90 mm Hg" (the unit comes later),
"PSA at least 4.0 to at most 10.0 ng/mL" (a range), "ALT at most 2.5 times the upper limit of
normal if no liver metastases" (a condition), "a T-score at least 2.5 SD below the mean" (the
words after the number reverse it), "more than 2 drinks" (a unit we do not carry) and limits
given as an example ("e.g., NIHSS increased at least 4 points") are left to the full criteria
below, which always show them. Fewer limits, never a wrong one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrapers.criteria import Criteria, Item

from .clauses import (CMP, CMP_WORDS, CONDITION_AFTER, JOINER, PEOPLE, before_bracket, bracket_closing, clause_around,
                      rest_of_clause, start_of_item)
from .measured import (NEGATION, SUBJECT_END, measured_thing, same_thing, shares_limit_with_names_before,
                       subject_before, whole_name)
from .groups import groups_start
from .plain import words_for_symbols

# How each list's limits are labelled: a limit found in an exclusion item is a reason you
# cannot join ("Excluded if platelet count less than 100"), never a requirement.
THRESHOLD_LABELS = {"inclusion": "Required", "exclusion": "Excluded if", "unplaced": "Mentioned"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_POWER = r"(?:\s*(?:×|x|X|\*)\s*10\s*(?:\^\s*|\*\*\s*)?[⁰-⁹\d]+)"
# A unit is read whole or the limit is not shown: "mm Hg" is not "mm", "/mm(3)" not "/mm".
_PER = r"(?:1\.73\s?m(?:2|²|\^2)|[A-Za-zµμ]+(?:\^?[23²³]|\(3\))?|\d+(?:\.\d+)?\s?[A-Za-zµμ]+)"
_UNIT = (r"times the (?:institutional )?(?:upper|lower) limit of normal|%|/\s?\d+\s?mm\s?Hg\b|"
         r"°?\s?[CF]\b(?![/.-])|degrees?\s+(?:C|F|Celsius|Fahrenheit)\b|mm\s?Hg\b|cm\s?H2O\b|"
         r"[A-Za-zµμ]{1,10}(?:\s?/\s?" + _PER + r")+|/" + _PER + r"|"
         r"(?:mg|g|kg|mL|ml|dL|dl|L|l|s|sec|seconds|points?|cells|copies|IU|U|ng|pg|mcg|µg|ug|mmol|µmol|umol|"
         r"cm|mm|kPa|bpm|beats per minute|ms|msec|mEq|cc|units?)\b")
_THRESHOLD = re.compile(
    r"(?P<subj>(?:[A-Za-z0-9\[(][\w'/()\[\]+-]*\s+){0,5}[A-Za-z\[(][\w'/()\[\]+-]*)\s+(?P<cmp>" + CMP + r")\s+"
    r"(?P<num>(?:" + _NUM + r")" + _POWER + r"?)(?:\s*(?!and/|or/)(?P<unit>" + _UNIT + "))?")
# What may follow a limit that stands as written: the end, a clause break, a closing bracket,
# or "and"/"or" starting something else (not another comparator or number: a range or a
# shared unit). A full stop ends it only when no digit follows ("1.5" is not "1.").
_STANDS = re.compile(r"\s*(?:$|[;)\]]|:(?!\d)|,(?!\s?\d|\s*but\b|\s*(?:and|or|to)\s+" + CMP + r"\s)|\.(?!\d)|\s(?:and/or|and|or)\s+(?!" + CMP + r"|\d|equal|greater|less|to\b)|"
                     # a list run on without separators: "… 1.0×10⁹/L Platelets (PLT) less than 75", "… Renal Function:"
                     r"\s(?=[A-Z][\w/()-]*(?:\s+[\w/()\[\]-]+){0,5}?(?::|\s+" + CMP + r"\s+\d)))")
# a limit with its unit further on, past the range's other end: "greater than or equal to 2,000 RNA copies/ml and
# less than or equal to 50,000 RNA copies/ml" (NCT00002237) is not "assay at least 2,000"
_RANGE_UNIT_LATER = re.compile(r"\s+[A-Za-z][\w/()-]*(?:\s+[\w/()-]+){0,2}?\s+(?:and|to|but)\s+" + CMP + r"\s+\d")
_TIME_AFTER = re.compile(r"\s*(?:years?|months?|weeks?|days?|hours?|minutes?|yrs?|hrs?|wks?|mos?)\b", re.I)
# Inside an example ("e.g., NIHSS increased at least 4 points") a limit is not the criterion.
_EXAMPLE = re.compile(r"(?:\be\.\s?g\.|\bi\.\s?e\.|\b(?:eg|ie|such as|for example|for instance|including)\b)[^;:]*$", re.I)
# Alternatives: in a list of requirements "A or B" requires neither A nor B alone.
_ALTERNATIVES = re.compile(r"\bor\b|\beither\b|\b(?:any|one|at least one) of\b", re.I)
# "at least 2 of the following: …", "any of the following": in a list of requirements, none alone
_SOME_OF_THESE = r"\b(?:any|one|either|at least \w+|\w+ or more|\d+) of\b"
_SOME_OF = re.compile(_SOME_OF_THESE + r"|\bincluding\s*:", re.I)   # ("… regimens including: Cisplatin at least 50 mg/m2 …")
_SOME_OF_ABOVE = re.compile(_SOME_OF_THESE, re.I)   # (above an item "including:" lists what is asked: "… status, including:")
# Among exclusions, a count of conditions that exclude together: "BMI ≥ 35 with more than one of the following:
# age > 45, systolic blood pressure > 140 mm Hg, …" (NCT00497055) excludes for no one limit alone
_COUNT_OF = re.compile(r"\b(?:more than (?:one|two|three|\d+)|(?:two|three|four|[2-9]|\d\d+) or more|"
                       r"at least (?:two|three|four|[2-9]|\d\d+)|any (?:two|three|[2-9])) of\b", re.I)   # ("1 or more of": any one)
# Joined limits: in a list of exclusions "A and B" excludes only with both.
_JOINED = re.compile(r"\band\b(?!\s*/\s*or)|\bboth\b|\ball of\b|\bas well as\b|\bwith\b", re.I)
# A condition in the same clause: "for patients with liver metastases, ALT at most 5 times …".
_CONDITION = re.compile(
    r"(?:\b\w+ " + PEOPLE + r":|\bage\b[^:;]*:|:\s*\(\s*(?:except|excluding|other than)\b|"   # ("Hematopoietic: (Except patients with …) ANC …")
    # a subgroup's label: "TRACK I:", "Cohort B:", "RA and RARS: Platelet count less than 50,000/mm3" (NCT00003361)
    r"\b(?:track|cohort|arm|stratum)\s+[\w-]+[^:;]{0,30}:|(?-i:(?<![\w-])[A-Z]{2,6}(?:\s+(?:and|or)\s+|,\s*)[A-Z]{2,6}\s*:)|"
    # one sex's limits under its label: "Males: LV ejection fraction ≥ 50% …" (NCT00497146) says nothing of females
    r"\b(?:males?|females?|men|women|boys|girls)\s*:|"
    r"\b(?:if|when|unless|whose|provided|for (?:" + PEOPLE + r"|anyone)|in (?:" + PEOPLE + r"|the presence|case))\b)[^;]*$",
    re.I)
# In a list of exclusions, a limit that must hold again or for long: "Unexplained temperature > 37.8 C on more than
# 5 consecutive days" (NCT00002271), "… diastolic >105 mm/Hg on two readings separated by 5 min." excludes no one
# for one reading
_REPEATED = re.compile(r"\b(?:on|in|at|for|over|during)\s+(?:(?:at least|more than|a minimum of|all|each of|both)\s+)?"
                       r"(?:\d+|two|three|four|five|six|several|multiple|repeated|consecutive|separate|serial)\s+"
                       r"(?:\w+\s+){0,2}?(?:occasions?|readings?|measurements?|measures?|visits?|days?|weeks?|months?|"
                       r"tests?|samples?|determinations?)\b|\bconsecutive\b|\bpersistent(?:ly)?\b", re.I)
# A subgroup with its own requirements: "Patients with stabilized disease must have … pO2 at least 60".
_SUBGROUP = re.compile(r"\b" + PEOPLE + r"\s+(?:(?:with|who|on|receiving|taking|unable|not able)\b"
                       r"[^;]*\b(?:must|should|may|will|need|needs|requires?)\b|(?:aged\s+)?(?:at least|at most|more than|"
                       r"less than|over|under|younger than|older than)\s+\d+\s*(?:years?|months?)\b)[^;]*$", re.I)   # ("Patients >= 13 years of age with …")
# in a list of requirements, alternatives after the limit ("IgM less than 50 mg/dL, IgA …, or IgG less than 600") or
# right after the bracket it sits in ("Low risk prostate cancer (… PSA <10 ng/ml …) or intermediate risk …")
_OR_LATER = re.compile(r"(?:[^;.]*?,|\s*;[^;.]{0,40}?" + CMP + r"\s+\d[^;.]{0,20}?)\s*(?:or|and/or)\s+(?:[\w/()-]+\s+){0,10}?" + CMP + r"\s+\d", re.I)
# (or past the next limit, across a semicolon: "Creatinine less than 1.5 mg/dL; BUN less than 30 mg/dL or a creatinine clearance greater than or
# equal to 60 mL/min", NCT00496873, lets in either)
_OR_NEXT = re.compile(r"\s*,?\s*(?:or|and/or)\b", re.I)   # an alternative right after the bracket a limit sits in
# in a list of exclusions, another condition joined right after the bracket: "Severe depression (BDI > 28) and deemed
# inappropriate for study by site clinician" (NCT00497874) excludes only with both
# ("… (GFR<30ml/min) and is therefore not eligible for angiography" joins a consequence, not a condition)
_AND_NEXT = re.compile(r"\s*,?\s*(?:and|as well as|with|requiring|needing|(?:that|which)\s+(?:requires?|needs?))\b(?!\s*/\s*or|\s+(?:(?:is|are)\s+)?(?:therefore|thus|hence|so)\b)", re.I)
# the bracket qualifies one of a list of like things: "stage I (tumors at least 1 cm), stage II, and stage IIIA"
# (NCT00003787) asks the 1 cm of stage I only
_KIND_BEFORE = re.compile(r"\b([A-Za-z]{3,})\s+[\w-]{1,6}\s*$")
# a list after a heading that names alternatives: "Penile arterial insufficiency and or venous leakage (doppler):
# PSV <25 cm/sec, PSV >25 cm/sec, EDV>5cm/sec" (NCT01089387) is one kind's limits or the other's, not everyone's
_OR_BEFORE_LIST = re.compile(r"^[^:;.]*\bor\b[^:;.]*:[^:;]*$", re.I)
_SCORED = re.compile(r"\bpoints?\s+each\b|\b\d+\s+points?\s*:", re.I)
# Words of a requirement: in an exclusion list they make a limit read backwards ("Excluded if serum
# creatinine at most 2.0" from "adequate renal function (serum creatinine <= 2.0)").
_REQUIREMENT = re.compile(r"(?<!\bto maintain )(?<!\bnot )(?<!\bof )\b(?:adequate|sufficient|preserved|acceptable)\b"
                          # "Creatinine clearance must be greater than 50 cc/min" listed among exclusions (NCT00001457)
                          r"|\b(?:must|should|shall)\s+(?:be|have|remain)\b[^.;]{0,60}?\b" + CMP +
                          r"(?!\s+[\d.]+\s*(?:years?|months?|weeks?|days?|hours?)\b)"   # (not "for at least 4 weeks")
                          # what counts as normal: "Testosterone levels has been considered normal for plasma levels ≥ 12
                          # nmol/L and/or calculated free testosterone ≥ 225 pmol/L" among exclusions (NCT02450188)
                          r"|\b(?:considered|defined\s+as|regarded\s+as|deemed)\s+normal\b", re.I)
# "Patients with severe renal impairment (creatinine clearance less than 30)": the bracket defines
# the condition, the "with" joins nothing
_WHO_WITH = re.compile(r"^\W*(?:\d+[.)]\s*)?" + PEOPLE + r"\s+"
                       r"(?:with|who have|who has|having)\s+", re.I)
# a limit with no name before it, and words that make it another limit for the thing before it ("ALT ≤2.5x ULN
# NOTE: ≤5x ULN is acceptable if liver metastases are present")
_BARE_LIMIT = re.compile(CMP + r"\s+(?P<num>" + _NUM + r")" + _POWER + r"?\s*(?P<unit>" + _UNIT + r")?")
_ALLOWED_IF = re.compile(r"\b(?:if|unless|in (?:the )?case|allowed|acceptable|permitted|except)\b", re.I)
# the limit is on a part of the thing named after it: not "Required: IIEF score at most 21" for "Erectile Function
# domain (EF) of the International Index of Erectile Function (IIEF) score <= 21" (NCT00517179)
_PART_OF = re.compile(r"\b(?:domains?|sub-?scales?|sub-?scores?|components?|items?|sections?|parts?)\s*(?:\([^)]*\)\s*)?"
                      r"(?:of|on|in)\s+(?:the\s+)?$", re.I)
# a level at another time, its subject cut after the time word: "Prior to prostatectomy PSA (…) level<10 ng/mL"
# (NCT02344849) is not "prostatectomy PSA level less than 10"
_THEN = re.compile(r"\b(?:prior\s+to|before|after|following)\s+$", re.I)
# a change in the thing, not its level: "Fall in systolic blood pressure (supine to standing) of at least 20 mm Hg",
# "increase in systolic blood pressure ≥150mmHg or diastolic …" (a "postural drop of more than 30" names the change);
# the limits joined on to it by "and"/"or" in the same sentence are changes too
_CHANGE = re.compile(r"\b(?:falls?|drops?|decreases?|declines?|increases?|rises?|reductions?|changes?|gaps?|differences?)\s+(?:in|of|between)\b"
                     r"(?!\s+(?:" + CMP + r"|\d))", re.I)
_JOINED_ON = re.compile(r"[^.;]*?\b(?:and|or|and/or)\b[^.;]*")


def _a_change(text: str, start: int, end: int) -> bool:
    """Whether a change word (see _CHANGE) stands between start and end (its look-ahead reading on past end)."""
    for m in _CHANGE.finditer(text, start):
        return m.start() < end
    return False

# the measured thing starts inside a word ("25-OHD" read as "OHD") or after a "+" that belongs to it
_CUT_BEFORE = re.compile(r"(?:[^\s(\[,;:]|\+\s+)$")
_PRESSURE = re.compile(r"systolic|diastolic|\b(?:ms)?[SD]BP\b|\bBP\b|blood pressure", re.I)


def _unit_comes_later(text: str, subj: str | None, end: int) -> bool:
    """Whether a limit without a unit shares the unit of the like limit joined to it: "msSBP ≥
    160 and/or msDBP ≥ 100 mmHg" is not "msSBP at least 160" ("Gleason score <7 and PSA <20
    ng/ml" share nothing)."""
    nxt = CMP_WORDS.search(text, end, end + 80)
    sm = SUBJECT_END.search(text, end, nxt.start()) if nxt else None
    if not sm or not JOINER.match(text, end, nxt.start()):
        return False
    m = _THRESHOLD.match(text, sm.start())
    if not m or not m.group("unit"):
        return False
    this, other = (subj or "").split(), (subject_before(m.group("subj")) or "").split()
    return bool(this and other and ((_PRESSURE.search(this[-1]) and _PRESSURE.search(other[-1]))
                                    or this[-1].lower() == other[-1].lower()))


def _qualified(before: str) -> bool:
    """Words before a limit that make it an example, a condition or a subgroup's own rule."""
    return bool(_EXAMPLE.search(before) or _CONDITION.search(before) or _SUBGROUP.search(before))


# A limit given in words no comparator sign has: "For patients with liver metastases, TBIL may be
# up to 3×ULN". Never shown, but it is another limit for the thing it names.
_UP_TO = re.compile(r"\b(?:up to|as (?:high|low|much|many) as)\s+\d")


def _another_next(section: str, lead: str, text: str, after: int) -> bool:
    """Whether what follows the bracket a limit sits in makes that bracket one option among
    several (an "or" in a list of requirements; the same kind of thing again, "stage I (…),
    stage II"), or one of conditions that exclude together (an "and" in a list of exclusions)."""
    if (_OR_NEXT if section == "inclusion" else _AND_NEXT).match(text, after):
        return True
    kind = _KIND_BEFORE.search(lead)
    return bool(kind and re.match(r"\s*,\s*(?:(?:and|or)\s+)?" + re.escape(kind.group(1)) + r"\b", text[after:], re.I))


_NO_NAME = {"then", "but", "and", "or", "is", "are", "be", "to", "up"}   # words before a limit that name nothing


def _second_limit(text: str, at: int, said: list[tuple[str, str]]) -> bool:
    """A limit with no name of its own, in the unit of the limit before it and beside words that allow
    it ("ALT ≤2.5x ULN NOTE: ≤5x ULN is acceptable if liver metastases are present"): a second limit
    for the thing before it, noted in `said`."""
    bare = _BARE_LIMIT.match(text, at)
    if said and bare and bare.group("unit") and said[-1][1].endswith(bare.group("unit").lower()) \
            and _ALLOWED_IF.search(text, max(0, at - 40), min(len(text), bare.end() + 60)):
        said.append((said[-1][0], bare.group(0).strip().lower()))
        return True
    return False


def _given_another_limit(subj: str, found: list[tuple[str, str]], said: list[tuple[str, str]]) -> bool:
    """Whether the item gives this thing a second limit: found twice ("PSV less than 25 cm/sec,
    PSV more than 25 cm/sec", "pT2a (Gleason score at most 7), pT2b (Gleason score at most 7)"),
    or given a different one anywhere, shown or not ("lipase at most 1.5×ULN; if lipase more
    than 1.5×ULN, … can be enrolled"; "Platelets at least 75,000 (patients with ITP platelets at
    least 30,000)"). Such a limit is read in the item, not alone."""
    subj = subj.lower()
    return (sum(other.lower() == subj for other, _ in found) > 1
            or len({limit for other, limit in said if same_thing(subj, other)}) > 1)


# the item lets the limits go: "Lower values are allowed if they are due to marrow infiltration" (NCT00461747),
# "Values above these levels may be accepted, at the discretion of the PI" (NCT00001830), "ANC >= 1,000/ul; may be
# included if … lower counts are explained by marrow involvement" (NCT00005950)
_RELAXED = re.compile(r"\b(?:lower|higher|other|greater|abnormal)\s+(?:values|counts|levels|results)\b[^.;]*\b(?:allowed|acceptable|"
                      r"accepted|permitted|eligible)\b|\bvalues\s+(?:above|below|outside)\s+(?:these|this|the)\b[^.;]*\b(?:may|can|will)"
                      r"\s+be\s+(?:accepted|allowed|permitted)\b|\bmay\s+be\s+(?:included|eligible|enrolled)\s+if\b|"
                      r"\b(?:are|is)\s+eligible\s+with\s+(?:the\s+)?(?:prior\s+)?approval\b|\bmay\s+approve\b|"
                      r"\bthe\s+following\s+(?:counts|values|levels|limits)\s+are\s+acceptable\b|"
                      # "Poor renal function (creatinin level >150 mmol/l), … unless these abnormalities are related to
                      # the lymphoma" (NCT00498043)
                      r"\bunless\s+(?:these|those|such|the\s+(?:abnormalit|elevation|values?\b|results?\b|laboratory|lab\b))", re.I)


# the item lets in the low counts its limits would keep out, wherever it says so: "Neutropenia or thrombocytopenia
# secondary to myelophthisis from breast cancer allowed" after "Absolute neutrophil count at least 1,500/mm3",
# "Cytopenias from marrow involvement eligible with study chairman approval ANC at least 1,000", "Patients with
# stable chronic thrombocytopenia will be eligible" beside "platelets greater than or equal to 100,000"
_LOW_COUNTS_LET_IN = re.compile(r"\b(?:\w*cytopenias?|neutropenia|thrombocytopenia|leukopenia|lymphopenia|an(?:a)?emia)\b"
                                r"[^.;]{0,100}?\b(?:allowed|eligible|permitted|acceptable|accepted)\b", re.I)


# a negated condition whose evidence follows as a list: "No inadequate bone marrow function … as evidenced by
# the following: Absolute neutrophil count less than 2000/mm3 Platelet count less than 100,000/mm3" (NCT00004861)
# asks for the opposite of each limit after the colon; "No abnormalities of laboratory findings … including the
# following: … Total WBC greater than 150/mm(3)" (NCT00001445) names what is not allowed
_NEGATED_LIST = re.compile(r"\b(?:no|not|non|without|absence\s+of|never)\b[^.;:]{0,200}?\b(?:as\s+evidenced\s+by|"
                           r"evidenced\s+by|including|defined\s+(?:as|by)|as\s+follows|such\s+as)\b"
                           r"(?:\s+the\s+following)?[^.;:]{0,20}:", re.I)


# a label above an item that gives it the other list's verdict
_OTHER_VERDICT = {
    "inclusion": re.compile(r"\b(?:are|is|will\s+be|be)\s+(?:excluded|not\s+eligible|ineligible|not\s+allowed|prohibited)\b"
                            r"|\b(?:excluded|not\s+allowed|prohibited)\s*:", re.I),
    "exclusion": re.compile(r"\b(?:are|is|will\s+be)\s+(?:eligible|included|allowed|permitted|required)\b"
                            r"|\b(?:allowed|permitted|required|must\s+have)\s*:", re.I),
}


# a count that had to be met once, not now: "Diagnosis of CLL that meets the following criteria at any point prior to
# study entry: Peripheral blood absolute blood count greater than 5,000/mm^3" (NCT00006390)
_ONCE = re.compile(r"\bat\s+any\s+(?:point|time)\b|\bat\s+(?:the\s+time\s+of\s+)?(?:initial\s+|original\s+)?diagnosis\b", re.I)
# an item that describes the patients and their matched controls at once: "Severe obstructive sleep apnea (AHI>=30/hr)
# age, sex, BMI match control subject" (NCT00498732) asks the AHI of the patients only
_CONTROLS_TOO = re.compile(r"\b(?:match(?:ed|ing)?)\s+(?:healthy\s+)?controls?\b|\bcontrol\s+(?:subjects?|participants?|group)\b",
                           re.I)


# what opens every list ("Participants are excluded from the study if any of the following criteria apply:", "Subjects
# are eligible for this trial if"), a label for everyone ("All subjects:") and a test's timing ("when assessed with
# the following requirements …") set no condition on the items below them
_FOR_EVERYONE = re.compile(r"\b(?:eligible|ineligible|eligibility|excluded|included|enrolled|entered)\b", re.I)
_ALL_OF_THEM = re.compile(r"\b(?:for\s+)?all\s+" + PEOPLE + r"\s*:|\bwhen\s+(?:assessed|tested|measured|performed|done|obtained)\b",
                          re.I)


@lru_cache(maxsize=512)   # (asked again for each item under the same parent)
def _conditional(above: str) -> bool:
    """Whether the items above set a condition or a subgroup on this one ("Patients will begin IL-2/GM-CSF therapy if
    they meet the following criteria post-transplant:", "In the presence of bone metastases:", NCT00003199, NCT00498901)."""
    if not above or _FOR_EVERYONE.search(above):
        return False
    return bool(_CONDITION.search(_ALL_OF_THEM.sub("", above)))


# An item with more limits than any real record gives one (13 at most in the corpus) or longer than any
# real item is not read for limits: each limit is checked against the text around it, so the cost grows
# with the square of the item, and a registry's junk must not hold a worker for minutes.
MAX_LIMITS_PER_ITEM = 40
MAX_ITEM_CHARS = 6000


# a list item that opens the items after it at its own level, as sources flatten a list: it ends with a colon
# ("Patients will begin IL-2/GM-CSF therapy if they meet the following criteria post-transplant:", NCT00003199) or
# names a choice among them ("Any of the following combinations of factors (NOTE: …)", NCT00931528)
_OPENS_NEXT = re.compile(r"(?::|\b(?:any|one|either|\d+|at least \w+|\w+ or more) of the following\b[^.;:]{0,80})\s*$",
                         re.I)   # (at its end: a run-on item with "… one of the following: A B C" in it opens nothing)
# an item that lets the limits of its list go: "Hepatic criteria not applicable if abnormal functions are attributable to
# lymphomatous infiltration of bone marrow or liver" (NCT00003575), read with every item beside it
_WAIVED = re.compile(r"\b(?:criteria|criterion|values?|limits?|requirements?|counts?)\s+(?:are\s+|is\s+|do\s+|does\s+)?not\s+"
                     r"(?:applicable|apply|required)\b", re.I)
_OR_A_FIGURE = re.compile(r"\bor\s+(?:fewer|more|less|greater|older|younger|higher|lower)\b", re.I)
_ENDS_WITH_OR = re.compile(r"\b(?:or|and/or)\s*[:;,]?\s*$", re.I)


def _with_context(items: list[Item], above: str = "") -> list[tuple[Item, str]]:
    """Items depth-first with the text of the items above each one: their parents, the item before them at their
    own level that opens the items after it (see _OPENS_NEXT), and an "or" ending the item just before them
    ("Creatinine no greater than 1.5 mg/dL OR" / "Creatinine clearance greater than 60 mL/min": either one)."""
    out: list[tuple[Item, str]] = []
    opener = ""
    waiver = next((it.text for it in items if _WAIVED.search(it.text)), "")
    for i, it in enumerate(items):
        context = f"{above} {opener} {waiver}".strip()
        if i and _ENDS_WITH_OR.search(items[i - 1].text[-12:]):
            context += " or"
        out.append((it, context))
        out.extend(_with_context(it.children, f"{above} {it.text}".strip()))
        if it.children:
            opener = ""   # (a labelled group of its own: what opened the items before it does not reach past it)
        elif len(it.text) <= 300 and ((tail := it.text[-120:]).rstrip().endswith(":") or "following" in tail.lower()) \
                and _OPENS_NEXT.search(tail):   # (a long paragraph opens no list)
            # (who it opens for is no joined condition; "14 or fewer days" offers no choice)
            opener = _OR_A_FIGURE.sub("", _WHO_WITH.sub("", it.text, count=1))
    return out


def thresholds(items: list[Item], section: str = "unplaced") -> list[dict]:
    """Lab and score limits with the list they came from, e.g. {"text": "eGFR less than
    30 mL/min/1.73m²", "section": "exclusion", "label": "Excluded if", "item": original}.
    `items` is the section's tree: an item's limits are read in the light of the items above it."""
    out: list[dict] = []
    seen: set[str] = set()
    # what makes a limit not stand alone in this list (see the module docstring)
    apart = {"inclusion": _ALTERNATIVES, "exclusion": _JOINED}.get(section)
    other_verdict = _OTHER_VERDICT.get(section)
    for it, above in _with_context(items):
        if len(it.text) > MAX_ITEM_CHARS:
            continue
        worded = words_for_symbols(it.text)
        limits = len(CMP_WORDS.findall(worded))
        if limits > MAX_LIMITS_PER_ITEM:
            continue   # (see MAX_LIMITS_PER_ITEM; its limits stay in the full criteria)
        if not limits or worded.count(")") + worded.count("]") > worded.count("(") + worded.count("["):
            continue   # (a piece of a bracket split off its item: read with the item, not alone)
        if NEGATION.search(above) or (apart and apart.search(above)) or _SCORED.search(f"{above} {worded}"):
            continue   # (a risk score's parts, "2 points each: serum potassium <3.6, QTc>449", exclude no one alone)
        if _ONCE.search(above) or _CONTROLS_TOO.search(worded):
            continue   # (a count met once before entry; the patients' limit beside their controls)
        if _conditional(above) or (section == "inclusion" and _SOME_OF_ABOVE.search(above)) \
                or (section == "exclusion" and _COUNT_OF.search(above)):
            continue   # under "… if they meet the following criteria post-transplant:" or "At least 2 of the following:"
        if _LOW_COUNTS_LET_IN.search(worded):
            continue   # (its count limits hold only for the others: read in the item, not alone)
        if section == "exclusion" and _REQUIREMENT.search(worded):
            continue   # "Have … adequate renal (serum creatinine <= 2.0)" listed among exclusions: a requirement
        if other_verdict and other_verdict.search(above):
            continue   # under "Patients with the following are excluded:" in the inclusion list (or "Patients
            #            must have:" among exclusions), as older records write: not "Required: hemoglobin < 8"
        negated_from = min((m.end() for m in _NEGATED_LIST.finditer(worded)), default=len(worded) + 1)
        last_end = prev_end = change_end = joined_end = 0
        found: list[tuple[str, str]] = []
        said: list[tuple[str, str]] = []   # every limit the item gives a thing, shown or not
        for c in CMP_WORDS.finditer(worded):
            window_start = max(last_end, c.start() - 80)
            sm = SUBJECT_END.search(worded, window_start, c.start())
            m = _THRESHOLD.match(worded, sm.start()) if sm else None
            if not m or m.start("cmp") != c.start():
                _second_limit(worded, c.start(), said)
                continue
            subj = subject_before(m.group("subj"))
            if subj and shares_limit_with_names_before(worded, sm.start(), m.group("subj"), subj):
                subj = None   # "ALT, AST, and alkaline phosphatase ≤ 5 times ULN": the limit is all three's
            if subj and subj.lower() in _NO_NAME and _second_limit(worded, c.start(), said):
                continue   # ("… ALT ≤ 3 × ULN; if liver metastases are present, then ≤ 5 × ULN is allowed")
            prev_end, last_end = last_end, m.end()
            said.append(((subj or "").lower(), worded[m.start("cmp"):m.end()].strip().lower()))
            if _TIME_AFTER.match(worded, m.end("num")):
                continue   # "more than 30 days": a time window, not a lab or score threshold
            if not m.group("unit") and (_unit_comes_later(worded, subj, m.end()) or _RANGE_UNIT_LATER.match(worded, m.end())):
                continue
            item_start = start_of_item(worded, c.start())
            if _a_change(worded, item_start, c.start()) or (change_end and _JOINED_ON.fullmatch(worded, change_end, c.start())):
                change_end = m.end()   # (and the limits joined on to it: "… and diastolic blood pressure of at least 15")
                continue
            if not _STANDS.match(worded, m.end()) or NEGATION.search(worded, item_start, c.start()) \
                    or c.start() >= negated_from:
                continue   # (after "No inadequate … function as evidenced by the following:", the opposite is asked)
            if _RELAXED.search(worded, m.end()):
                continue   # (the item allows other values after it, under conditions: read in the item, not alone)
            before, stretch = clause_around(worded, c.start(), m.end(), max(prev_end, item_start))
            joining = _WHO_WITH.sub("", stretch, count=1)   # (who is excluded "with" a condition joins nothing)
            if joined_end and joined_end == prev_end and _OR_NEXT.match(worded, prev_end):
                joined_end = m.end()   # (its alternative after "or" is joined as it was: "A with B or C" needs A)
                continue
            if section == "exclusion" and _JOINED.search(joining) \
                    and CMP_WORDS.search(worded, item_start, c.start()):
                # joined to a condition with a limit of its own: "> 10 percent weight loss … with serum carotene
                # < 75 IU/ml or vitamin A < 75 IU/ml" (NCT00001009) excludes only with the weight loss
                joined_end = m.end()
                continue
            if (_qualified(before) or (apart and apart.search(joining))
                    or CONDITION_AFTER.search(rest := rest_of_clause(worded, m.end()))
                    or (section == "exclusion" and (_REPEATED.search(rest) or _COUNT_OF.search(worded, 0, c.start())))
                    or (section == "inclusion" and (_SOME_OF.search(worded, 0, c.start())
                                                    or _OR_BEFORE_LIST.search(worded, 0, c.start())))):
                continue
            lead = before_bracket(worded, item_start, c.start())
            if lead and (_qualified(lead) or (apart and apart.search(_WHO_WITH.sub("", lead, count=1)))):
                continue   # "OR Lymphopenia (lymphocyte count at most 1000)": the bracket is read with its item
            if section == "inclusion" and _OR_LATER.match(worded, m.end()):
                continue   # "IgM less than 50 mg/dL, IgA less than 100 mg/dL, or IgG less than 600 mg/dL": any one of them
            if lead and _another_next(section, lead, worded, bracket_closing(worded, m.end()) + 1):
                continue   # "Low risk prostate cancer (T1-T2a and PSA <10 ng/ml, …) or intermediate risk …" (NCT03830788)
            if subj and m.group("subj").startswith(subj) and _CUT_BEFORE.search(worded, 0, m.start("subj")):
                continue   # the measured thing cut inside a word: "CD4+ cells" read as "cells", "25-OHD" as "OHD"
            subj = whole_name(worded, c.start(), subj)
            named_at = max(0, worded.rfind(subj or "", 0, c.start()))
            if not measured_thing(subj) or _PART_OF.search(worded, 0, named_at) or _THEN.search(worded, 0, named_at):
                continue   # (or a part of it: "Erectile Function domain (EF) of the International Index of … score")
            end = m.end("unit") if m.group("unit") else m.end("num")
            found.append((subj, f"{subj} {worded[m.start('cmp'):end].strip()}"))
        for w in _UP_TO.finditer(worded):
            sm = SUBJECT_END.search(worded, max(0, w.start() - 80), w.start())
            if sm:
                said.append(((subject_before(sm.group(0).strip()) or "").lower(), worded[w.start():w.end()].lower()))
        for subj, text in found:
            if not _given_another_limit(subj, found, said) and text.lower() not in seen:
                seen.add(text.lower())
                out.append({"text": text, "section": section, "label": THRESHOLD_LABELS[section], "item": it.text})
    return out


def criteria_thresholds(crit: Criteria) -> list[dict]:
    """The limits of all three lists, inclusion first. Items that belong to one group of several
    (the donor's list after the patient's) are left out: a limit shown alone must be everyone's."""
    everyone_until = groups_start(crit)
    return [t for section in ("inclusion", "exclusion", "unplaced")
            for t in thresholds(getattr(crit, section)[:everyone_until.get(section)], section)]
