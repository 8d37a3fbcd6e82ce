"""Where a record's own summary fields and its criteria text disagree, and the glance rows that say so.

The glance's sex and healthy-volunteer rows are the record's structured fields. A few records contradict themselves:
NCT00003455's field says "All" while its criteria say "Sex: Female" (a stage IV breast-cancer trial), NCT00001922's
field says healthy volunteers are "Not accepted" while its criteria head a list "INCLUSION CRITERIA - Normal
Volunteers" (review r51 §7). Shown as fact, one side turns a reader away (or in) on a claim the record itself denies;
so the row says what each side says (glance10). Read narrowly: a sex line ("Sex: Female", "Sex:" over "Female") or an
item that is only a sex, not under another group's lead-in (a female-only sub-study group says nothing of the study);
healthy or normal volunteers or controls named as a group (a heading, a lead-in "Normal Controls:") or as the whole of
an inclusion ("Healthy individuals"); never from an exclusion that rules them out ("healthy individuals",
NCT00495989).
"""

from __future__ import annotations

import re

from scrapers.criteria import Item

from .item_groups import group_name

SEX_WORDS = {"ALL": "All", "FEMALE": "Female only", "MALE": "Male only"}
# what the criteria say, said after the summary's words ("All in its summary, female only in its criteria")
_CRITERIA_SEX_WORDS = {"ALL": "male or female", "FEMALE": "female only", "MALE": "male only"}
DISAGREES = "The record disagrees with itself:"

_F = r"(?:females?|wom[ae]n|girls?)"
_M = r"(?:males?|men|boys?)"
_SEX_LINE = re.compile(r"^\W*(?:sex|gender)\s*[:\-]\s*(?P<v>.*?)\s*$", re.I | re.S)
_ONLY_F = re.compile(r"^\W*" + _F + r"(?:\s+only)?\W*$", re.I)
_ONLY_M = re.compile(r"^\W*" + _M + r"(?:\s+only)?\W*$", re.I)
_BOTH = (r"(?:" + _F + r"\s*(?:or|and|/|and/or|&)\s*" + _M + "|" + _M + r"\s*(?:or|and|/|and/or|&)\s*" + _F +
         r"|both\s+(?:sexes|genders))")
_ONLY_BOTH = re.compile(r"^\W*" + _BOTH + r"\W*$", re.I)
# ("Age 18 to 75 years old (male or female).", NCT01534065, whose field says Male; beside an age only, not in a rule
# of birth control "(men and women)", NCT00461773, a trial of women)
_BOTH_BRACKET = re.compile(r"^\W*(?:age[sd]?\b|\d).*\(\s*" + _BOTH + r"\s*\)", re.I | re.S)

# healthy or normal people, named as a group or as everyone the study takes
_HEALTHY_WORDS = (r"(?:healthy|normal)\s+(?:(?:adult|pediatric|paediatric|control|child|elderly|older|young|male|"
                  r"female|research)\s+){0,2}(?:volunteers?|controls?|subjects?|individuals?|participants?|adults?|"
                  r"children|women|men|persons|people)\b")
_HEALTHY = re.compile(r"^\W*" + _HEALTHY_WORDS, re.I)
# ... or one of the groups a heading names ("INCLUSION CRITERIA - BLOOD DRAW/NORMAL CONTROL", NCT00001408; "Patients
# and healthy controls")
_HEALTHY_NAMED = re.compile(r"(?:^|[/,&]|\band\b)\W*" + _HEALTHY_WORDS, re.I)

# a group the record numbers, of volunteers or controls whose every finding it names is normal: "Group 3. Volunteers
# with normal eGFR and normal protein excretion and normal fasting clinical lipid testing." (NCT00001392, whose field
# says healthy volunteers are not accepted; plain18)
_NORMAL_GROUP = re.compile(r"^\W*(?:(?:group|cohort|arm)\s+[\w-]{1,4}\s*[.:)\-–]\s*)?(?:(?:healthy|normal)\s+)?"
                           r"(?:volunteers?|controls?)\s+with\s+(?P<rest>normal\b[^.;:()]*?)\W*$", re.I)


def _normal_group(text: str) -> bool:
    """An item naming a group of volunteers or controls with nothing but normal findings (see _NORMAL_GROUP)."""
    m = _NORMAL_GROUP.match(text)
    return bool(m) and all(re.match(r"normal\b", part.strip(), re.I)
                           for part in re.split(r",|\band\b|\bor\b", m.group("rest"), flags=re.I) if part.strip())


# an inclusion asking for a condition: "Males with reduced erectile function", "Patients with asthma"
_WITH_CONDITION = re.compile(r"^\W*(?:[\w-]+\s+){0,3}with\s+(?!no\b|out\b)", re.I)


def _sex_said(text: str) -> str | None:
    """The sex an item says is the study's, or None where it says none (or "Not specified")."""
    t = text.strip()
    if _ONLY_F.match(t):
        return "FEMALE"
    if _ONLY_M.match(t):
        return "MALE"
    if _ONLY_BOTH.match(t) or _BOTH_BRACKET.match(t):
        return "ALL"
    return None


def criteria_sex(items: list[tuple[Item, bool]]) -> str | None:
    """What the criteria say of sex ("FEMALE", "MALE", "ALL"): from a sex line, the one item under it, an item that is
    only a sex, or "(male or female)" beside an age; None where they say none or say two things. `items`: inclusion
    and unplaced items, each with whether it is under a lead-in naming one group (then not read)."""
    said: set[str] = set()
    for it, in_group in items:
        if in_group:
            continue
        m = _SEX_LINE.match(it.text)
        if m:
            value = m.group("v") or (it.children[0].text if len(it.children) == 1 else "")
            sex = _sex_said(value)
        else:
            sex = _sex_said(it.text)
        if sex:
            said.add(sex)
    return said.pop() if len(said) == 1 else None


def criteria_name_healthy(headings: list[str], lead_ins: list[str], included: list[str]) -> bool:
    """Whether the criteria name healthy or normal volunteers or controls as a group the study takes: a heading
    ("INCLUSION CRITERIA - Normal Volunteers", "EXCLUSIONS - NORMAL VOLUNTEERS"), a lead-in in any list ("Normal
    Controls:", "Healthy volunteer children and adolescents:"), a short inclusion that is all of it ("Healthy
    individuals", "Healthy male adults aged 40-75 years"), or an inclusion naming a group of volunteers with only normal
    findings ("Group 3. Volunteers with normal eGFR and normal protein excretion …")."""
    bare = [t for t in included if _HEALTHY.match(t) and len(t) < 40]
    return (any(_HEALTHY_NAMED.search(group_name(h, loose=True) or "") for h in headings)
            or any(_HEALTHY.match(t) and t.rstrip().endswith(":") and len(t) < 100 for t in lead_ins)
            or any(_normal_group(t) for t in included)
            # (not "otherwise healthy": "Healthy male adults aged 40-75 years" beside "Males with reduced erectile
            # function" (NCT05232279) takes men with the condition studied, whom the field rightly calls no volunteers)
            or bool(bare) and not any(_WITH_CONDITION.match(t) for t in included if t not in bare))


def sex_row(glance: dict) -> str | None:
    """The sex row's words: the record's field ("All"), or, where its criteria say otherwise (sex_in_criteria), both
    (service page, `triallens explain` and the card's sexRow say the same)."""
    sex = glance.get("sex")
    if not sex:
        return None
    words = SEX_WORDS.get(sex, str(sex))
    other = glance.get("sex_in_criteria")
    if other in _CRITERIA_SEX_WORDS and other != sex:
        return f"{DISAGREES} {words} in its summary, {_CRITERIA_SEX_WORDS[other]} in its criteria"
    return words


def healthy_volunteers_row(glance: dict) -> str | None:
    """The healthy-volunteer row's words: the record's field, or, where it says "Not accepted" while the criteria name
    healthy volunteers or controls (healthy_volunteers_in_criteria), both."""
    hv = glance.get("healthy_volunteers")
    if hv is not True and hv is not False:
        return None
    if hv is False and glance.get("healthy_volunteers_in_criteria") is True:
        return f"{DISAGREES} not accepted in its summary, but its criteria name healthy volunteers or controls"
    return "Accepted" if hv else "Not accepted"


# the breastfeeding row's words: as the pregnancy row's (glance_plans), for a rule some groups state only (glance10)
BREASTFEEDING_EXCLUDED = "Excluded"
EXCLUDED_SOME_GROUPS = "Excluded in some of the study's groups (the full list says which)"


def breastfeeding_row(glance: dict) -> str | None:
    """The breastfeeding row's words, or None where the record rules breastfeeding out in none of its groups."""
    if glance.get("breastfeeding_excluded"):
        return BREASTFEEDING_EXCLUDED
    return EXCLUDED_SOME_GROUPS if glance.get("breastfeeding_excluded_some_groups") is True else None
