"""Age limits in a page's plain-language text, held to the record's: ages written with comparators ("Age ≥18 years
and ≤80 years", "Age >18 / <80", "over 18 and under 80") against the record's minimum and maximum age, and the ages the
record's own text states (record_ages).

Split from plain.py (the other plain-language claims). The cues of what a sentence is about (joining, keeping out)
and the helpers the plain checks share are plain_cues' (split off at 400 lines), re-exported here. A limit is
compared only where both sides give it plainly: a bound without a unit only against a record limit in years (the
unit a reader assumes). Anything else is left alone, never guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..comparators import phrases
from ..dates import Age
from ..model import OfficialRecord
from ..units import same_time, unit_at
from .age_bounds import WHOLE, bound_around, inclusive_value, worded_ages
from .dropped_words import PEOPLE
from .facts import same_age
from .finding import Finding, quote
from .other_age import (OTHER_AGE, anothers_age, for_whom_age, illness_age,  # (ages not the participant's own limit)
                        no_limit_age, participant_texts)
from .plain_cues import (AGE_UNIT, CRITERIA_TEXT, ELIGIBILITY_CUE, about_joining, age_unit, keeps_out,  # noqa: F401
                         num, official_values, read_facts, record_prose, sentence, squash)

# --------------------------------------------------------------------------- ages

# the comparators by meaning are comparators.PHRASES' (the one table: "at least", "no less than", "> or =" for ">=";
# "not more than", "up to", "less than or equal to" for "<="; "greater than", "exceeding" for ">"; "under", "less than"
# for "<"), with the signs as characters and a Markdown-escaped sign ("\>= 18", as some sites' text keeps it)
_AT_LEAST = r"(?:[≥≧⩾]|\\?>\s*=|" + phrases(">=") + ")"
_AT_MOST = r"(?:[≤≦⩽]|\\?<\s*=|" + phrases("<=") + ")"
_OVER = r"(?:\\?>|" + phrases(">") + ")"      # a lower limit that leaves its value out (comparators' ">")
_UNDER = r"(?:\\?<|" + phrases("<") + ")"   # an upper limit that leaves its value out (comparators' "<")
_BOUND = r"\s*(?P<{0}>\d+(?:\.\d+)?)(?:\s*(?P<{0}_u>" + AGE_UNIT + r")\b(?P<{0}_old>\s+old|\s+of\s+age)?)?"
# "Age ≥18 years and ≤80 years", "Age >18 / <80", "Age: over 18"; "adults over 18 and under 80", "be at least 18
# years old" (a person before the limit, so a bare figure is an age: never "a score over 18")
_AGE_LIMITS = re.compile(
    r"(?:\b(?P<age>age[ds]?)\s*:?\s*(?:(?:of|is|must\s+be)\s+)?|"
    r"\b(?P<who>adults?|people|patients|participants|individuals|volunteers|men|women|persons|you\s+are|be|"
    r"who\s+are|aged|children|kids|infants|babies|adolescents|teens|teenagers|boys|girls|toddlers|newborns)\s+)"
    r"(?:(?P<lo_c>" + _AT_LEAST + "|" + _OVER + ")" + _BOUND.format("lo") +
    r"(?:\s*(?:and|,|;|/|to|but)?\s*(?P<hi_c>" + _AT_MOST + "|" + _UNDER + ")" + _BOUND.format("hi") + ")?"
    r"|(?P<only_c>" + _AT_MOST + "|" + _UNDER + ")" + _BOUND.format("only") + r")(?!\w|\.\d)",
    re.I,
)


# people whose age a page may well give in months, weeks or days ("infants younger than 6 months")
_YOUNG = frozenset({"children", "kids", "infants", "babies", "toddlers", "newborns"})


@dataclass(frozen=True)
class _Said:
    value: str
    unit: str | None      # an AGE_UNITS name, None when the page gives none
    upper: bool
    exclusive: bool       # "over 18", "< 80": the limit leaves its value out


def _bounds(m: re.Match) -> list[_Said]:
    out = []
    for name, comparator, upper in (("lo", m.group("lo_c"), False), ("hi", m.group("hi_c"), True),
                                    ("only", m.group("only_c"), True)):
        if m.group(name) is None:
            continue
        unit = age_unit(m.group(f"{name}_u")) or (age_unit(m.group("hi_u")) if name == "lo" else None) \
            or (age_unit(m.group("lo_u")) if name == "hi" else None)
        exclusive = not re.match(_AT_LEAST if not upper else _AT_MOST, comparator, re.I)
        out.append(_Said(m.group(name), unit, upper, exclusive))
    return out


def _other_age(m: re.Match, text: str) -> bool:
    """Is the "age" that starts `m` another than the participant's ("gestational age", "bone age")?"""
    before = re.search(r"([a-z-]+)[\s-]*$", text[max(0, m.start() - 30): m.start()], re.I)
    return bool(before and before.group(1).strip("-").lower() in OTHER_AGE)


def _an_age(m: re.Match, text: str) -> bool:
    """Is this match a participant's age: not "gestational age"; and, said without a unit or "age", a bare figure
    that no other unit follows ("patients over 60 kg", "adults over 24 hours after onset" are no ages)."""
    if m.group("age") and _other_age(m, text) or _GESTATION_AFTER.match(text, m.end()):
        return False   # ("Premature infants less than or equal to 34 weeks gestational age")
    said = [n for n in ("lo", "hi", "only") if m.group(n)]
    if m.group("who") and m.group("who").lower() not in _YOUNG and any(m.group(f"{n}_u") and age_unit(m.group(f"{n}_u")) != "YEARS" and not m.group(f"{n}_old")
                              for n in said):
        return False   # ("adults over 24 hours after onset")
    after = unit_at(text.lower(), m.end())
    if m.group("who") and m.group("who").lower() == "be" and not any(m.group(f"{n}_u") for n in said) \
            and not _a_persons(m, text):
        return False
    return after is None or (after[0] == "year" and not any(m.group(f"{n}_u") for n in said))


_GESTATION_AFTER = re.compile(r"\s*'?\s*(?:of\s+)?(?:gestation|gestational|postmenstrual|post-menstrual|"
                              r"conceptional|corrected)\b", re.I)
# A bare figure after "be" is an age only of a person: "Patients must be at least 18", "Must be over 18" (a list
# item's own participant), but not "Hemoglobin must be greater than 9.0", "Karnofsky … must be greater than 70",
# "HIV antigen titer must be = or > 100 pg", "There will be a maximum of 45 patients" nor "… will be up to 10
# subjects", which the comparators table's wider phrases ("greater than", "= or >", "up to", "a maximum of") read
# as ages once they were this reader's (ages7: 8 such readings in 8,092 records' texts, most "must be greater than")
_PERSON = PEOPLE | frozenset("you they he she men women adults children males females age".split())
_BE_FILLER = frozenset("must should shall will would can may to also need needs has have and or not all be in order "
                       "eligible required further who".split())
_CLAUSE_START = re.compile(r"[.;:!?]\s|\n")
_AFTER_BARE = re.compile(r"\s*(?:$|(?![,./]\s*\d)[^\w\s]|(?:and|or|to|at|with|of|for|in|if|but|who|on)\b)",
                         re.I)   # (not a count's "100,000/mm3")


def _a_persons(m: re.Match, text: str) -> bool:
    """Is the bare figure after "be" in `m` a person's: a person (or no one) named before "be" in its clause, and
    no word of its own after it ("10 subjects")?"""
    before = text[max(0, m.start() - 120):m.start()]
    ends = list(_CLAUSE_START.finditer(before))
    before = before[ends[-1].end():] if ends else before
    # (the subject of "be" follows a clause saying whom it is for: "For patients 16 years and older, the Karnofsky
    # score must be at least 50" names the score, not the patients; where nothing is named after the last figure or
    # comma, the whole clause: "pre-PCP arterial PO2 must be above 80", "PSA is mandatory, must be ≤ 20"; ages8)
    named = [w for w in (w.lower() for w in re.findall(r"[a-z]+", re.split(r"[\d,]", before)[-1], re.I))
             if w not in _BE_FILLER] or [w for w in (w.lower() for w in re.findall(r"[a-z]+", before, re.I))
                                         if w not in _BE_FILLER]
    return (not named or any(w in _PERSON for w in named)) and bool(_AFTER_BARE.match(text, m.end()))


_NUM = r"(\d+(?:\.\d+)?)"
# an age range: "aged 1 to 28", "between the ages of 18 and 65 years", "6-17 years old", "between 18 and 65 years of
# age" (its "old"/"of age" is what makes it an age: "between 2 and 10 years" may be how long someone has been ill;
# review service4: "People between 18 and 75 years of age may be able to take part" was read as no age, 673 of 703)
# Its top may be exclusive ("aged 4 to <8 years", "between 12 and less than 18 years of age": comparators' "<", named
# lt1..lt3, read by top_exclusive): the maximum 7 years, as ClinicalTrials.gov writes it (its limits include their
# figure); a top without one ("aged 4 to 8 years") includes its figure, as the registry's own ranges do.
_TOP = r"(?:(?P<lt{0}>" + _UNDER + r")\s*)?"
AGE_RANGE = re.compile(
    r"\b(?:aged?|ages|age\s+range\s+(?:of|is)?|between\s+the\s+age(?:s|\s*\(s\))?\s+of)\s+(?:between\s+|from\s+)?"
    + _NUM + r"\s*" + AGE_UNIT + r"?\s*(?:to|-|–|and|through)\s*" + _TOP.format(1) + _NUM + r"(?:\s*" + AGE_UNIT
    + r")?(\s+old|\s+of\s+age)?\b"
    r"|\b" + _NUM + r"(?:\s*to|[ \t]*\n?[ \t]*[-–])\s*" + _TOP.format(2) + _NUM + r"\s+" + AGE_UNIT
    + r"\s+(?:old|of\s+age)\b"   # (no dash past a blank line: a list's "… POG-9047" / "-  Less than 1 year old")
    r"|\bbetween\s+" + _NUM + r"\s*" + AGE_UNIT + r"?\s+and\s+" + _TOP.format(3) + _NUM + r"\s+" + AGE_UNIT
    + r"\s+(?:old|of\s+age)\b",
    re.I,
)
# an age range the record's own text gives after an "Age" label: "Age - 18-80 years", "Age: 18-80 years", "Ages: 18 to
# 80" (NCT00491777's item "Age - 18-80 years" beside age fields of 18 to 85: a summary repeating it was a false alarm,
# review service4). Read in the record only: a page's labelled range is not read as its claim.
_LABELLED_RANGE = re.compile(r"\bages?\s*(?::|-|–)\s*" + _NUM + r"\s*" + AGE_UNIT + r"?\s*(?:to|-|–|through)\s*"
                             + _NUM + r"(?:\s*" + AGE_UNIT + r")?(?!\s*[\d.%/])\b", re.I)
# a figure said as an age, not a length of time: "18 years of age", "2 years old", "Age 18 years or older"
_AN_AGE = re.compile(r"\b" + _NUM + r"\s*" + AGE_UNIT + r"\s+(?:old|of\s+age|or\s+(?:older|younger))\b|"
                     r"\bage[ds]?\s*:?\s*(?:of\s+|is\s+)?" + _NUM + r"\s*" + AGE_UNIT + r"\b", re.I)


def range_bounds(m: re.Match) -> tuple[str, str | None, str, str | None, str | None]:
    """An AGE_RANGE match's (low, its unit word, high, its unit word, "old"/"of age" or None)."""
    g = m.group
    if g(1):   # (group numbers count the named lt1..lt3 too)
        return g(1), g(2), g(4), g(5), g(6)
    if g(7):
        return g(7), None, g(9), g(10), "old"
    return g(11), g(12), g(14), g(15), "old"


def top_exclusive(m: re.Match) -> bool:
    """Does an AGE_RANGE match's top leave its figure out ("4 to <8 years", "12 to under 18 years of age")?"""
    return bool(m.group("lt1") or m.group("lt2") or m.group("lt3"))


def said_ages(text: str) -> tuple[Age | None, Age | None]:
    """The age limits a summary's sentence states, as read for its findings: its first age range ("aged 4 to 23
    years", "between 4 and 23 years of age"), else its first limits with comparators ("at least 4 years old and no
    older than 23 years"); a limit whose unit neither bound gives is None (summary_fold compares them)."""
    m = AGE_RANGE.search(text)
    if m:
        lo, u1, hi, u2, _ = range_bounds(m)
        unit_hi = age_unit(u2) or age_unit(u1)
        unit_lo = age_unit(u1) or unit_hi
        return Age(float(lo), unit_lo) if unit_lo else None, \
            Age(float(hi), unit_hi, exclusive=top_exclusive(m)) if unit_hi else None
    m = next((m for m in _AGE_LIMITS.finditer(text) if _an_age(m, text)), None)
    bounds = _bounds(m) if m else []
    lo, hi = (next((Age(float(b.value), b.unit, exclusive=b.exclusive) for b in bounds if b.upper == upper and b.unit),
                   None) for upper in (False, True))
    return lo, hi


def record_ages(official: OfficialRecord) -> set[tuple[str, str, str, str]]:
    """Every figure the record gives as the participant's own age, as (value, unit, where, "low"/"high" for the bound
    its words make it (age_bounds: "less than 18 years of age" is "high"), "" for none; "low="/"high=" for the whole
    figure an exclusive limit includes, age_bounds.WHOLE). `where` is "limit" for its age limits and its criteria's
    inclusion items or items under no heading (other_age.participant_texts: never an exclusion item, nor a donor's or
    parent's list), "joining" for a sentence of its brief summary about who may join, "prose" for the rest.
    An age is read from an age wording ("between the ages of 18 and 65 years", "patients under 18 years of age",
    "Age ≥ 19 years"), never from a length of time ("a smoking history of at least 20 years", review r20), nor where
    it is another's ("donor age ≤ 45 years", "onset between the ages of 18 and 45": other_age.anothers_age), nor in
    its prose where it describes the illness ("usually at the age of 30 to 50": other_age.illness_age). A figure
    without a unit in an age wording is taken as years, as a reader would. One reading for every check that asks
    whether the record backs an age (backed_age)."""
    out = {(num(str(a.value)), a.unit.lower().rstrip("s"), "limit", bound)
           for a, bound in ((official.min_age, "low"), (official.max_age, "high")) if a}
    for text in participant_texts(official.eligibility_criteria):   # (not "Karnofsky ≥ 50 for patients > 10 years",
        out |= {(v, u, "limit", bound) for v, u, bound, _, _ in limit_ages(text)}   # "Cancer diagnosed under age 50")
    for k, text in enumerate(record_prose(official)[1:]):
        text = text or ""   # (k 0: the brief summary, what pages retell; a description's sentence is too loosely read)
        out |= {(v, u, "joining" if k == 0 and about_joining(text, a, b) else "prose", bound)
                for v, u, bound, a, b in limit_ages(text, prose=True)}   # ("usually at the age of 30 to 50")
    return out


def own_criteria_text(official: OfficialRecord) -> str:
    """The record's criteria a page may repeat word for word as the participant's limits, squashed: its inclusion
    items and items under no heading (participant_texts), each age wording that is another's cut out ("Parent aged 18
    to 65 years" gives a summary's "aged 18 to 65 years" nothing to repeat)."""
    out = []
    for text in participant_texts(official.eligibility_criteria):
        for _, _, _, m in sorted(_ages_said(text), key=lambda said: -said[3].start()):
            if anothers_age(text, m.start()):
                text = text[:m.start()] + " " + text[m.end():]
        out.append(text)
    return squash(" ".join(out))


def repeats_record(text: str, m: re.Match, own: tuple[str, ...]) -> bool:
    """Does the page repeat the record's words at `m`? `own`: (own_criteria_text, the whole criteria squashed, and
    optionally the record's summary and description squashed). The age wording as the record gives the participant's
    limits, or its whole sentence as it stands anywhere in the criteria (an exclusion item "Age more than 70 yr and
    less than 40 yr", a donor's age: the record's text, not the page's claim; NCT03459976 in bench_drift), less the
    next item's number of a list run into one paragraph ("… 70 years old 3.", NCT05679999), or as it stands in the
    record's summary or description (a page copying NCT00000773's "patients aged 3 months to less than 2 years of age
    who received …", NCT00005281's "… young adults aged up to 35": the record's words, read once ages7 read these
    wordings). A wording only a donor's or parent's item has in a sentence of the page's own is none."""
    said = squash(re.sub(r"\s+\d+\.$", "", sentence(text, m.start(), m.end())))
    return squash(m.group(0)) in own[0] or said in own[1] or (len(own) > 2 and said in own[2])


def own_prose(official: OfficialRecord) -> str:
    """The record's brief summary and description squashed, for repeats_record."""
    return squash(" ".join(t or "" for t in (official.brief_summary, record_prose(official)[4])))


def own_ages(text: str) -> list[tuple[str, str, str, int, int]]:
    """(value, singular lower-case unit, bound, start, end) of each age `text` gives as the participant's own, a
    limit to join or not (limit_ages)."""
    return [(num(v), (age_unit(u) or "YEARS").lower().rstrip("s"), bound, m.start(), m.end())
            for v, u, bound, m in _ages_said(text) if not anothers_age(text, m.start())]


def limit_ages(text: str, prose: bool = False) -> list[tuple[str, str, str, int, int]]:
    """own_ages less those that are no limit to join (other_age.no_limit_age: whom another requirement is for, the
    illness's; `prose`: a summary's or description's text): the reading record_ages makes of each text, and
    bench/summary_fold_eval picks its age items with it."""
    return [said for said in own_ages(text) if not no_limit_age(text, said[3], said[4], prose)]


def _ages_said(text: str) -> list[tuple[str, str | None, str, re.Match]]:
    """(value, unit word, bound, the age wording's match) of each age wording in `text`, whoever's age it is."""
    said = [(b.value, b.unit, "high" if b.upper else "low", m, b.exclusive) for m in _AGE_LIMITS.finditer(text)
            if _an_age(m, text) for b in _bounds(m)]
    ranges = [(range_bounds(m), m) for m in AGE_RANGE.finditer(text)] \
        + [(m.groups() + (None,), m) for m in _LABELLED_RANGE.finditer(text) if _labelled_age(m, text)]
    for (lo, u1, hi, u2, _), m in ranges:   # ("4 to <8 years": its top exclusive, top_exclusive)
        said += [(lo, u1 or u2, "low", m, False),
                 (hi, u2 or u1, "high", m, m.re is AGE_RANGE and top_exclusive(m))]
    for m in _AN_AGE.finditer(text):
        k = 1 if m.group(1) else 3
        bound, shut = bound_around(text, m.start(k), m.end(k))
        if bound or not any(r.start() <= m.start(k) < r.end() for _, r in ranges):   # (a figure of a range read
            said.append((m.group(k), m.group(k + 1), bound, m, shut))   # above with no bound of its own is that
            # range's: "18-65 years of age"; a list's "1- 18 years of age or older" is no range of 1 to 18)
    said += [(v, u, bound, m, shut) for v, u, bound, shut, m in worded_ages(text) if not _other_age(m, text)]
    # (an exclusive limit also as the whole figure it includes: "< 66 years" is at most 65)
    return [(v, u, bound, m) for v, u, bound, m, shut in said] + \
        [(w, u, bound + WHOLE, m) for v, u, bound, m, shut in said if shut and (w := inclusive_value(v, bound))]


def _labelled_age(m: re.Match, text: str) -> bool:
    """Is a _LABELLED_RANGE match the participant's age: not "gestational age: 24-32 weeks", and a range without a
    unit of its own followed by none ("Age: 18 - 65 kg" is no age)?"""
    return not _other_age(m, text) and (bool(m.group(4)) or unit_at(text.lower(), m.end()) is None)


def backed_age(value: str, unit: str, ages: set[tuple[str, str, str, str]], anywhere: bool,
               upper: bool | None = None, exclusive: bool = False) -> bool:
    """Does the record give this age (value, singular lower-case unit), in that unit or another exactly ("216 months"
    for its "under 18 years of age"; never "4 weeks" for "1 month"): as a limit or in a sentence about joining
    (record_ages), or with `anywhere` in its other prose too (a summary's "men over 45 years old")? Given `upper`, as
    that bound or as an age its wording leaves either: the record's maximum of 18 years, or the top of its "between
    the ages of 18 months and 18 years", vouches for no page's minimum of 18 years (NCT00001127, review r20); an
    `exclusive` page figure ("under 204 months") only by the record's own figures (not age_bounds.WHOLE's): its
    age fields among them, as a site writes a record of 12 to 12 years "Age >12 / <12" (test_plain_round20)."""
    value, unit = num(value), unit.lower().rstrip("s")   # ("18.0", "YEARS" -> "18", "year")
    wanted = {"", "high" if upper else "low"} if upper is not None else {"", "low", "high"}
    wanted |= set() if exclusive else {w + WHOLE for w in wanted if w}   # (age_bounds.WHOLE)
    return any((v == value and u == unit or same_time(value, unit, v, u)) and (where != "prose" or anywhere)
               and bound in wanted for v, u, where, bound in ages)


def _comparators_blank(m: re.Match, text: str) -> str:
    """`text` with the comparators of the _AGE_LIMITS match `m` blanked: the "not" of "not more than 60 years" is
    the limit's own word, no sign that the sentence keeps people out (keeps_out)."""
    for name in ("lo_c", "hi_c", "only_c"):
        if m.group(name):
            text = text[:m.start(name)] + " " * len(m.group(name)) + text[m.end(name):]
    return text


def _admits_no_one(bounds: list[_Said], official: OfficialRecord) -> bool:
    """Does a page's lower age limit stand at or above its upper one ("Age >18 / <18" for 15 to 18 years)? Not when
    the two are the record's own limits: a record of 12 to 12 years said as "Age >12 / <12" copies its figures."""
    lo = next((b for b in bounds if not b.upper), None)
    hi = next((b for b in bounds if b.upper), None)
    if lo is None or hi is None:
        return False
    low = Age(float(lo.value), lo.unit or (official.min_age.unit if official.min_age else "YEARS"))
    high = Age(float(hi.value), hi.unit or (official.max_age.unit if official.max_age else "YEARS"))
    if official.min_age and official.max_age and same_age(low, official.min_age) and same_age(high, official.max_age):
        return False
    a, b = low.in_days(), high.in_days()
    return a > b + 1e-9 or (abs(a - b) < 1e-9 and (lo.exclusive or hi.exclusive))


def age_limit_claims(field: str, text: str, official: OfficialRecord, own: tuple[str, str],
                     backed: set) -> list[Finding]:
    """Ages given with comparators ("Age ≥16 years and ≤80 years", "Age >18 / <80", "over 18 and under 80"), each
    bound compared with the record's, where the record gives that bound and the page states its unit or the record's
    unit is years. An exclusive bound is read as ClinicalTrials.gov's limits are (facts.same_age): "over 18" is the
    minimum 18 years, "under 80" the maximum 79 years. The (value, unit) of each bound the record backs goes into
    `backed`, so "under 81" is no figure the record lacks."""
    out = []
    known: set | None = None
    for m in _AGE_LIMITS.finditer(text):
        if repeats_record(text, m, own) or not _an_age(m, text) or anothers_age(text, m.start()) \
                or illness_age(text, m.start()) or for_whom_age(text, m.start(), m.end()) \
                or keeps_out(_comparators_blank(m, text), m.start(), m.end()):
            continue  # the record's own criterion text, no participant's limit ("For patients ≥ 16 years, the
            #           Karnofsky score …": other_age.for_whom_age), or a reason to stay out
        bounds = _bounds(m)
        # "over 18", "> 65 years", "adults aged …": said of people as often as of who may join ("Patients over 50
        # years old will also undergo exercise testing", "individuals aged > 65 years are at higher risk"), so read
        # as a limit only where the page speaks of joining; "Age ≥ 18 years" and "at least" are limits as they stand
        loose = bool(m.group("who")) or any(b.exclusive for b in bounds)
        if loose and not about_joining(text, m.start(), m.end()):
            continue
        wrong, ages = [], {}
        for said in bounds:
            off = official.max_age if said.upper else official.min_age
            unit = said.unit or ("YEARS" if off is not None and off.unit == "YEARS" else None)
            if off is None or unit is None:
                continue   # (the record gives no such limit, or a figure without a unit against one in months)
            ages[f"page_{'max' if said.upper else 'min'}_age"] = \
                Age(float(said.value), unit, exclusive=said.exclusive).to_dict()
            if not same_age(Age(float(said.value), unit, exclusive=said.exclusive), off, said.upper):
                wrong.append((num(said.value), unit.lower().rstrip("s"), said.upper, said.exclusive))
            else:
                backed.add((num(said.value), said.unit.lower().rstrip("s") if said.unit else ""))
        shut = _admits_no_one(bounds, official)   # ("Age >18 / <18": said whatever the record gives)
        if not wrong and not shut:
            continue
        known = record_ages(official) if known is None else known
        if not shut and all(backed_age(v, u, known, loose, upper, shut_out) for v, u, upper, shut_out in wrong):
            continue  # the record's own criteria give that age ("Age ≥ 19 years" beside a minimum age of 18), or for
            #           a loose wording its own summary ("men over 45 years old"): not the page's
        lo_off, hi_off = official.min_age, official.max_age
        official_text = f"{lo_off} to {hi_off}" if lo_off and hi_off else \
            f"at least {lo_off}" if lo_off else f"at most {hi_off}"
        # (quoted from its limit on after a verb: "over 18 and under 85", not "be over 18 and under 85")
        verb = (m.group("who") or "").lower() in ("be", "you are", "who are")
        shown = text[m.start("lo_c" if m.group("lo_c") else "only_c") if verb else m.start(): m.end()].strip()
        out.append(Finding(
            "plain_age", "critical", field, shown, official_text,
            f'This page\'s summary says "{shown}", but ClinicalTrials.gov says {official_text}.',
            {"sentence": quote(sentence(text, m.start(), m.end()), 300), **ages,   # (each limit as read: summary_fold)
             "official_min_age": lo_off.to_dict() if lo_off else None,
             "official_max_age": hi_off.to_dict() if hi_off else None},
        ))
    return out
