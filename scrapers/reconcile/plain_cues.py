"""What a sentence of a page is about, and the record's texts and figures it may take from: who may join (a sentence
that names joining, or the page's heading of requirements) or who stays out (its exclusion heading, "not",
"excluded"); the record's prose, its quantities, and the small helpers the plain-language checks share (a
sentence around a match, squashed text, a figure written plainly, an age unit word).

Split from plain_limits.py (which had reached 400 lines) by concern: plain_limits keeps the age limits, this the
cues every plain-language claim (ages, weights, open-ended ages, plain.py) is read with. plain_limits re-exports
these names, so what imported them from there still does.
"""

from __future__ import annotations

import re

from ..dates import UNIT_WORDS
from ..fidelity import facts
from ..model import OfficialRecord
from ..vocab import fold

AGE_UNIT = r"(years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?)"


def age_unit(word: str | None) -> str | None:
    return UNIT_WORDS[fold(word)] if word else None


def sentence(text: str, start: int, end: int) -> str:
    a = text.rfind(". ", 0, start)
    a = a + 2 if a >= 0 else 0
    b = text.find(". ", end)
    return text[a: b + 1 if b >= 0 else len(text)].strip()


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def num(value: str) -> str:
    v = float(value)
    return str(int(v)) if v.is_integer() else str(v)


def record_prose(official: OfficialRecord) -> list[str | None]:
    """The record's own texts a page could take words and figures from."""
    return [official.eligibility_criteria, official.brief_summary, official.title, official.official_title,
            official._ps("descriptionModule", "detailedDescription")]


def read_facts(text: str) -> list | None:
    if not text.strip():
        return []
    try:
        return facts(text)
    except Exception:  # the checker failing on odd text: no claim either way, never a crash
        return None


def official_values(official: OfficialRecord) -> set[tuple[str, str, bool]] | None:
    """Every quantity the record states anywhere a page could take it from, as (value, unit, in the
    eligibility criteria or age limits), or None when the record's text cannot be read for
    quantities (then no figure is called missing)."""
    ages = [age.text or str(age) for age in (official.min_age, official.max_age) if age]
    texts = [(t, k == 0) for k, t in enumerate(record_prose(official))] + [(a, True) for a in ages]   # (criteria first)
    values: set[tuple[str, str, bool]] = set()
    for text, criteria in texts:
        for part in re.split(r"\n\s*\n|(?<=[.;])\s+", text or ""):   # paragraphs and sentences, so one odd
            got = read_facts(part)                                  # piece cannot hide the rest
            if got is None:
                return None
            values |= {(f.value, f.unit, criteria) for f in got}
    return values


CRITERIA_TEXT = re.compile(r"who may qualify|who should not join|inclusion criteria|exclusion criteria|"
                           r"you may be able to join|you cannot join", re.I)
# A sentence about who may join: it names joining ("eligible", "take part", "to be in this study"), or the limit is
# what is required of whoever joins ("must be 18 or older", "must weigh at least 50 kg"). "Must" or "required" alone
# is not enough: "Participants over 60 years old are required to do an exercise test", "Women over 50 must have had a
# mammogram", "Patients weighing less than 50 kg must receive a lower dose" require something else of people past a
# limit, and the limit is none to join (review r20).
_JOINING = (r"(?:eligib\w*|ineligib\w*|qualif\w*|criteri(?:a|on)|join(?:s|ed|ing)?|take\s+part|taking\s+part|"
            r"participat(?:e|es|ing|ion)|enrol+(?:s|ed|ing|ment)?|recruit(?:s|ed|ing)?|included|excluded|exclude|"
            r"inclusion|exclusion|to\s+be\s+in\s+(?:this|the)\s+(?:study|trial))\b")
_LIMIT_REQUIRED = (r"(?:must|should|(?:is|are)\s+required\s+to|needs?\s+to|ha(?:s|ve)\s+to)\s+(?:(?:be|weigh)\s+(?:an?\s+)?"
                   r"(?:(?:wom[ae]n|m[ae]n|adults?|child(?:ren)?|boys?|girls?|patients?|people|persons?)\s+)?"
                   r"(?:aged?\s+)?(?:at\s+(?:least|most)|over|under|above|below|older|younger|more|less|between|"
                   r"no\s+(?:more|less|older|younger)|from|[≥≤<>=]|\d)|have\s+an?\s+(?:body\s+)?(?:weight|age|bmi|"
                   r"body\s+mass))")
ELIGIBILITY_CUE = re.compile(r"\b(?:" + _JOINING + "|" + _LIMIT_REQUIRED + r")", re.I)


# Where the page's own list of reasons someone cannot join starts ("Who Should NOT Join This Trial:"): a limit there
# is a reason to stay out ("Age > 80 years"), the opposite of a limit to join, and is not read as one.
_LIST_HEAD = re.compile(r"(who\s+should\s+not\s+join|exclusion\s+criteria|you\s+(?:cannot|may\s+not)\s+join|"
                        r"who\s+(?:should\s+not|cannot)\s+(?:take\s+part|participate))|"
                        r"who\s+may\s+qualify|inclusion\s+criteria|you\s+may\s+be\s+able\s+to\s+join", re.I)
_KEEPS_OUT = re.compile(r"\b(?:not|cannot|can't|excluded?|ineligible|unless|except)\b", re.I)


def _heading(text: str, start: int) -> re.Match | None:
    """The page's last criteria heading before `start` ("Who May Qualify:", "Who Should NOT Join This Trial:")."""
    head = None
    for head in _LIST_HEAD.finditer(text, 0, start):
        pass
    return head


def keeps_out(text: str, start: int, end: int) -> bool:
    """Is the limit at text[start:end] said of who stays out: under the page's exclusion heading, or in a sentence
    that says "not", "excluded", "cannot" ("Patients under 18 are excluded")?"""
    head = _heading(text, start)
    return bool(head and head.group(1)) or bool(_KEEPS_OUT.search(sentence(text, start, end)))


def about_joining(text: str, start: int, end: int) -> bool:
    """Is the limit at text[start:end] said of who may join: under the page's heading of requirements, or in a
    sentence that says "may join", "eligible", "must be …" (ELIGIBILITY_CUE)? A summary's "Patients over 50 years old
    will also undergo exercise testing" or "men over 45 years old" (of a disease) states no limit (seen in records'
    own summaries); nor does "People aged 40 to 60 years are the most likely to develop this disease"."""
    head = _heading(text, start)
    return bool(head and not head.group(1)) or bool(ELIGIBILITY_CUE.search(sentence(text, start, end)))
