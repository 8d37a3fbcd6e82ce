"""Registry facts a page restates: enrollment, phases, study type, sponsor, dates, sex, ages, healthy volunteers, and
(conditions.py) the conditions studied.

Each comparison only speaks when both sides give the value, compares dates at the
precision both sides give, and compares ages with their units ("1 to 28" days is not
"1 to 28" years).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..dates import Age, compare_partial, human_date, parse_partial_date
from ..model import OfficialRecord, PageRecord
from .conditions import check_conditions
from .finding import Finding, quote

PHASE_WORDS = {"NA": "not applicable", "EARLY_PHASE1": "early phase 1", "PHASE1": "phase 1", "PHASE2": "phase 2",
               "PHASE3": "phase 3", "PHASE4": "phase 4"}
TYPE_WORDS = {"INTERVENTIONAL": "interventional", "OBSERVATIONAL": "observational",
              "EXPANDED_ACCESS": "expanded access"}
# what each study type means, for a reader who meets the word for the first time
TYPE_MEANS = {"INTERVENTIONAL": "one that tests a treatment", "OBSERVATIONAL": "one that gives no treatment and only "
              "observes", "EXPANDED_ACCESS": "a way to get a treatment outside a trial"}
SEX_WORDS = {"ALL": "people of all sexes", "FEMALE": "females only", "MALE": "males only"}
# an enrollment figure is a plan until the trial has enrolled (enrollmentInfo.type)
ENROLLMENT_KIND = {"ESTIMATED": "planned", "ACTUAL": "actually enrolled"}


def participants(count: object, kind: str | None) -> str:
    """"40 participants (actually enrolled)": the record's figure with what it counts."""
    said = ENROLLMENT_KIND.get((kind or "").upper())
    return f"{count} participants" + (f" ({said})" if said else "")

# Legal-form words that differ between a sponsor's registered and displayed name.
_LEGAL = re.compile(
    r"\b(inc|incorporated|ltd|limited|llc|llp|lp|plc|co|corp|corporation|company|gmbh|ag|sa|sas|spa|s p a|srl|"
    r"bv|nv|ab|as|asa|oy|pty|pte|kk|kg|se|the|of)\b"
)


def sponsor_key(name: str) -> str:
    """Sponsor name without case, punctuation or legal suffixes."""
    s = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and "))
    return re.sub(r"\s+", " ", _LEGAL.sub(" ", s)).strip()


_BRACKETED = re.compile(r"\(([A-Z][A-Za-z-]*[A-Z])\)")
_NOT_INITIALLED = frozenset("and for on in at".split())


def sponsor_short(name: str) -> set[str]:
    """What a sponsor's name says it is called for short: its bracketed acronym ("NEI" of "National Eye Institute
    (NEI)", "CC" of "National Institutes of Health Clinical Center (CC)") and, three letters or more, its initials
    ("ECOG" of "Eastern Cooperative Oncology Group"; "NIAID" of "National Institute of Allergy and Infectious
    Diseases"), as sponsor_key reads them."""
    out = {sponsor_key(m).replace(" ", "") for m in _BRACKETED.findall(name)}
    initials = "".join(w[0] for w in sponsor_key(_BRACKETED.sub(" ", name)).split() if w not in _NOT_INITIALLED)
    return out | ({initials} if len(initials) >= 3 else set())


# words many sponsors' names share, which say nothing of which one it is
_COMMON_NAME_WORDS = frozenset("""
university universite universidad universidade universita hospital hospitals institute institut instituto national
medical medicine center centre centers research health healthcare foundation group pharmaceutical pharmaceuticals
pharma sciences science clinical clinic clinics college school cancer children childrens memorial general regional
association society council ministry department therapeutics biotech biotechnology oncology trials network alliance
international american european china chinese japan korea state city new royal saint and for
""".split())


def _named_by_a_word(a: str, b: str) -> bool:
    """A page naming a sponsor by one word of its own that the record's name holds, as sites shorten names ("Lilly"
    for "Eli Lilly and Company", "Merck" for "Merck Sharp & Dohme Corp.", "Lilly USA" too; review r50 F1: each was
    "another sponsor", a sign of another trial on the trial's own page). Never a word many names share ("University",
    "Cancer")."""
    own = [w for w in a.split() if len(w) >= 4 and w not in _COMMON_NAME_WORDS and not w.isdigit()]
    return len(a.split()) <= 3 and bool(own) and own[0] in b.split()


def same_sponsor(page_name: str, official_names: list[str]) -> bool:
    """One of the record's sponsors, named alike (case, punctuation, legal suffixes aside), one inside the other, by
    a word of its own (_named_by_a_word), or for short as the record's name supports (sponsor_short: a page's "NEI"
    for "National Eye Institute (NEI)")."""
    a = sponsor_key(page_name)
    for name in official_names:
        b = sponsor_key(name)
        if not a or not b or a == b or (" " not in a and a in sponsor_short(name)) or _named_by_a_word(a, b):
            return True
        sa, sb = a.replace(" ", ""), b.replace(" ", "")   # "Bio-Technology" is "Biotech…"
        if fuzz.ratio(a, b) >= 90 or (min(len(sa), len(sb)) >= 8 and (sa in sb or sb in sa)):
            return True
    return False


def _phases(phases: list[str]) -> str:
    return " and ".join(PHASE_WORDS.get(p, p.lower()) for p in phases) or "none"


def age_text(age: Age | None, upper: bool = False) -> str:
    """"17 years"; a page's exclusive limit as it says it: "under 18 years", "over 18 years"."""
    if not age:
        return "no limit"
    return f"{'under' if upper else 'over'} {age}" if age.exclusive else str(age)


def _near_days(da: float, db: float) -> bool:
    return abs(da - db) <= max(1.0, 0.02 * max(da, db))


def same_age(a: Age, b: Age, upper: bool = False) -> bool:
    """Equal limits, whatever the unit ("216 months" is "18 years"), within rounding.

    ClinicalTrials.gov's limits include the day they name up to the next one: its "17 Years" maximum runs to the
    18th birthday, which a page says as "under 18 years" (Age.exclusive). So with `upper` an exclusive maximum N is
    the inclusive N−1 of the same whole unit. An exclusive minimum ("over 18 years") is the inclusive N: its
    "18 Years" minimum starts on the 18th birthday, and a page's "over 18" differs from it by that day alone."""
    if upper and a.exclusive != b.exclusive:
        shut, kept = (a, b) if a.exclusive else (b, a)
        if shut.unit == kept.unit and float(shut.value).is_integer() and float(kept.value).is_integer():
            return abs(shut.value - 1 - kept.value) < 1e-9
        return _near_days(shut.in_days(), Age(kept.value + 1, kept.unit).in_days())
    if a.unit == b.unit:
        return abs(a.value - b.value) < 1e-9
    return _near_days(a.in_days(), b.in_days())


def _fact(field: str, page_value, official_value, message: str, evidence: dict, severity: str = "warning") -> Finding:
    return Finding("fact_mismatch", severity, field, page_value, official_value, message, evidence)


def check_facts(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    out: list[Finding] = []
    if page.enrollment is not None and official.enrollment is not None and page.enrollment != official.enrollment:
        out.append(_fact("enrollment", page.enrollment, official.enrollment,
                         f"This page says {page.enrollment} participants, but ClinicalTrials.gov says "
                         f"{participants(official.enrollment, official.enrollment_type)}.",
                         {"official_enrollment_type": official.enrollment_type}))
    if page.phases and official.phases and set(page.phases) != set(official.phases):
        out.append(_fact("phases", page.phase_text or _phases(page.phases), official.phases,
                         f'This page says "{page.phase_text or _phases(page.phases)}", but ClinicalTrials.gov '
                         f'gives the phase as "{_phases(official.phases)}".',
                         {"page_phases": page.phases, "official_phases": official.phases}))
    if page.study_type and official.study_type and page.study_type != official.study_type:
        out.append(_fact("study_type", page.study_type, official.study_type,
                         f"This page calls it an {TYPE_WORDS.get(page.study_type, page.study_type)} study, but "
                         f"ClinicalTrials.gov calls it an {TYPE_WORDS.get(official.study_type, official.study_type)} "
                         f"study" + (f" ({TYPE_MEANS[official.study_type]})." if official.study_type in TYPE_MEANS
                                     else "."), {}))
    if page.sponsor and official.sponsor and not same_sponsor(page.sponsor, [official.sponsor] + official.collaborators):
        out.append(_fact("sponsor", page.sponsor, official.sponsor,
                         f'This page names the sponsor "{quote(page.sponsor, 60)}", but ClinicalTrials.gov names '
                         f'"{quote(official.sponsor, 60)}".',
                         {"official_collaborators": official.collaborators,
                          "page_key": sponsor_key(page.sponsor), "official_key": sponsor_key(official.sponsor)},
                         severity="info"))
    out += _check_dates(page, official)
    if page.sex and official.sex and page.sex != official.sex:
        # the card's rows give both sides in the message's words, not the codes ("This page: FEMALE"; round 11c N9)
        said, off_said = SEX_WORDS.get(page.sex, page.sex), SEX_WORDS.get(official.sex, official.sex)
        out.append(_fact("sex", said, off_said, f"This page says the trial is open to {said}, but ClinicalTrials.gov "
                         f"says it is open to {off_said}.", {"page_sex": page.sex, "official_sex": official.sex}))
    out += _check_age(page.min_age, official.min_age, "min_age", "minimum")
    out += _check_age(page.max_age, official.max_age, "max_age", "maximum")
    out += _check_no_maximum(page, official)
    out += _check_no_minimum(page, official)
    out += _check_volunteers(page, official)
    out += check_conditions(page, official)
    return out


# the two sides of "Accepts Healthy Volunteers" in the words the card's rows show ("This page: accepts healthy
# volunteers"), never a bare true/false
VOLUNTEER_WORDS = {True: "accepts healthy volunteers", False: "does not accept healthy volunteers"}


def _check_volunteers(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """A page that says the trial takes healthy volunteers where the record says it does not: a healthy person
    contacts a trial they cannot join (review round 21, P7), a WARNING. The reverse keeps out only people who could
    have joined, and they may still ask: an INFO."""
    said, off = page.healthy_volunteers, official.healthy_volunteers
    if said is None or off is None or said == off:
        return []
    msg = ("This page says the trial accepts healthy volunteers, but ClinicalTrials.gov says it does not: only people "
           "with the condition it studies can join." if said else
           "This page says the trial does not accept healthy volunteers, but ClinicalTrials.gov says it does: people "
           "without the condition it studies may join too.")
    return [_fact("healthy_volunteers", VOLUNTEER_WORDS[said], VOLUNTEER_WORDS[off], msg,
                  {"page_healthy_volunteers": said, "official_healthy_volunteers": off},
                  severity="warning" if said else "info")]


def _partial(text: str | None) -> str | None:
    """A partial ISO date ("2029", "2027-03", "2027-03-31") as given, or parsed from display text."""
    if not text:
        return None
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text.strip()):
        return text.strip()
    return parse_partial_date(text)


def _check_dates(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    out = []
    pairs = (("start_date", page.start_date, [official.start], "start"),
             ("completion_date", page.completion_date, [official.completion, official.primary_completion], "end"))
    for field, shown, structs, word in pairs:
        claimed = _partial(shown)
        offs = [s for s in structs if s and _partial(s.date)]
        if not claimed or not offs:
            continue
        if any(compare_partial(claimed, _partial(s.date)) == 0 for s in offs):
            continue
        main = offs[0]
        out.append(_fact(field, shown, main.date,
                         f'This page gives the {word} date as "{shown}", but ClinicalTrials.gov gives '
                         f"{human_date(main.date)}{' (planned)' if main.estimated else ''}.",
                         {"official_dates": [{"date": s.date, "type": s.type} for s in offs]}))
    return out


def _check_age(page_age: Age | None, off_age: Age | None, field: str, word: str) -> list[Finding]:
    upper = word == "maximum"
    if page_age is None or off_age is None or same_age(page_age, off_age, upper):
        return []
    unit_only = abs(page_age.value - off_age.value) < 1e-9 and page_age.unit != off_age.unit
    msg = (f"This page gives the {word} age as {age_text(page_age, upper)}, but ClinicalTrials.gov says "
           f"{age_text(off_age)}" + (": the unit differs." if unit_only else "."))
    return [_fact(field, page_age.text or str(page_age), str(off_age), msg,
                  {"page_age": page_age.to_dict(), "official_age": off_age.to_dict(), "unit_changed": unit_only},
                  severity="critical")]


# A record maximum this high is no limit a page's "18 years and older" misleads anyone about: registrants enter 99,
# 100 or 120 years to mean "no upper limit" (review round 11c, N3). In the corpus of 8,092 records
# (/work/shared/data/ctgov), of the record maxima from 80 years up, the criteria text itself states the figure for
# 114 of 204 records at 80 and 28 of 53 at 85 (real limits), but for only 18 of 56 at 90, 3 of 67 at 99, 4 of 484 at
# 100 and 4 of 230 at 120. From 90 years the difference is said as information, not as an alarm.
HIGH_MAXIMUM = Age(90, "YEARS")


def _check_no_maximum(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """A page that says there is no upper age limit ("18 years and older", a maximum "No limit") where the record
    has one: a 70-year-old reads that they may join a trial for 18 to 65. A page that shows no maximum says
    nothing, and is not compared. Against a record maximum of HIGH_MAXIMUM or more, an INFO: the page is right for
    nearly everyone, and a red alarm over the registry's "99 Years" would teach readers to ignore the real ones.
    One wording whether the page says it in so many words ("Unlimited") or by "18 years and older" (review round
    12d, P7: "gives the maximum age as "Unlimited"" beside "says "18 years and older", with no upper age limit")."""
    if page.max_age is not None:
        return []
    return no_maximum_finding(page.no_max_age_text, official)


def no_maximum_finding(said: str | None, official: OfficialRecord, subject: str = "This page says") -> list[Finding]:
    """_check_no_maximum's finding for the words `said` ("18 years and older") that give no upper age limit, where
    `subject` says them ("This page says"; plain_limits: "This page's summary says"); [] when the record has no
    maximum."""
    off_age = official.max_age
    if not said or off_age is None:
        return []
    high = off_age.in_days() >= HIGH_MAXIMUM.in_days() - 1e-6
    return [_no_limit("max_age", "upper", "maximum", said, off_age, "only people older than that are left out"
                      if high else None, subject)]


# The mirror for minima (review round 12d, P5): a page whose age value is an upper limit alone ("Under 18 years",
# "Up to 17 years") says there is no lower one. A record minimum of a day or less is no minimum: registrants enter
# "0 Years", "1 Day", hours or minutes to mean "from birth" (of the 6,325 records with a minimum in the corpus of 8,087
# (/work/shared/data/ctgov), 180: "0 Years" 135, "1 Day" 36, minutes or hours ("24 Hours" included) 8, "0 Days" 1),
# and the page is right. Below a month (11 records: 4 to 29 days, 3 or 4 weeks) only newborns are left out: said as
# information, as a maximum of 90 years or more is. From a month up (6,134 records: 18 years 3,880, 13 years 282, …
# 1 month 20, 3 months 40, 6 months 38) the minimum is a real limit the page hides: a parent of a 3-year-old reads "Under 18" as eligible
# for a trial for 6 to 17 years, and an adult page's "Under 65" lets in children a minimum of 18 years keeps out.
NO_MINIMUM = Age(1, "DAYS")
LOW_MINIMUM = Age(1, "MONTHS")


def _check_no_minimum(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    said, off_age = page.no_min_age_text, official.min_age
    if not said or page.min_age is not None or off_age is None or off_age.in_days() <= NO_MINIMUM.in_days() + 1e-6:
        return []
    low = off_age.in_days() < LOW_MINIMUM.in_days() - 1e-6
    return [_no_limit("min_age", "lower", "minimum", said, off_age, "only babies younger than that are left out"
                      if low else None)]


def _no_limit(field: str, side: str, word: str, said: str, off_age: Age, few: str | None,
              subject: str = "This page says") -> Finding:
    """"This page says there is no upper age limit ("18 years and older"), but ClinicalTrials.gov says the maximum age
    is 65 years.": a CRITICAL; with `few` (the record's limit leaves out only the few it names), an INFO. `subject`:
    who says it."""
    page_said = f'{subject} there is no {side} age limit ("{quote(said, 60)}")'
    msg = (f"{page_said}; ClinicalTrials.gov gives a {word} age of {off_age}, so {few}." if few else
           f"{page_said}, but ClinicalTrials.gov says the {word} age is {off_age}.")
    return _fact(field, said, str(off_age), msg, {f"page_no_{word[:3]}_age": True, "official_age": off_age.to_dict()},
                 severity="info" if few else "critical")
