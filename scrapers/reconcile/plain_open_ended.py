"""A page's summary that gives only an open-ended lower age ("People aged 35 years and older may be able to take part")
where the record has a maximum age: said as facts.no_maximum_finding says a page's "18 years and older" age field.
Split from plain_limits (ages with comparators, and what the record states), whose readers it uses."""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import parse_age_limits
from .facts import no_maximum_finding
from .finding import Finding, quote
from .other_age import for_whom_age, illness_age, no_limit_age
from .plain_limits import AGE_RANGE, AGE_UNIT, about_joining, age_unit, keeps_out, num, record_prose, sentence

# A lower age limit said as open-ended, of a person: "aged 35 years and older", "Adults 18+", "must be 18 years of age
# or older", "Ages 18 and over". As a limit to join it says there is no upper one, as a page's "18 years and older" age
# field does (facts._check_no_maximum; review round 21, P5: "People aged 35 years and older may be able to take part"
# for a trial of 35 to 78 years, 150 of 150 unsaid). Without a person or "old"/"of age" before it, "10 years or over"
# may be a length of time, and is not read.
_OPEN_ENDED = re.compile(
    r"\b(?:(?P<who>aged?|ages|adults?|people|patients|participants|individuals|volunteers|men|women|persons|children|"
    r"adolescents|teens|teenagers|boys|girls|be|are|is)\s+(?:of\s+)?)?(?<![\w.])(?P<value>\d{1,3}(?:\.\d+)?)\s*"
    r"(?:\+(?:\s*(?P<u1>" + AGE_UNIT + r")\b)?|(?P<u2>" + AGE_UNIT + r")?(?P<old>\s+old|\s+of\s+age)?\s*(?:and|or)\s+"
    r"(?:older|over|above)\b)(?!\s*\d)",
    re.I,
)
# an upper age limit said anywhere in the text ("no older than 65", "under 80", "up to 75 years", "aged 18 to 65"):
# then the page gives a maximum after all, and its "18 and older" is not read as saying there is none
_UPPER_SAID = re.compile(r"(?:\b(?:younger\s+than|under|below|up\s+to|(?:no|not)\s+older\s+than|at\s+most|less\s+than|"
                         r"max(?:imum)?(?:\s+age)?(?:\s+of)?|upper\s+(?:age\s+)?limit(?:\s+of)?)\s*:?\s*(?:the\s+age\s+of\s+)?|"
                         r"[<≤]\s*)\d|\d\s*(?:" + AGE_UNIT + r"\s+)?(?:old\s+)?(?:or|and)\s+(?:younger|under|below)\b|"
                         r"\bupper\s+age\s+limit", re.I)


def _open_ended(text: str) -> list[tuple[re.Match, str, str]]:
    """Each open-ended lower age limit in `text`, as (match, value, singular lower-case unit; years when none is said,
    as a reader assumes)."""
    out = []
    for m in _OPEN_ENDED.finditer(text):
        unit = age_unit(m.group("u1") or m.group("u2"))
        if not (m.group("who") or m.group("old")) or (unit is None and not m.group("who")):
            continue   # (no person and no "old": maybe a length of time)
        out.append((m, num(m.group("value")), (unit or "YEARS").lower().rstrip("s")))
    return out


def no_maximum_claims(field: str, text: str, official: OfficialRecord) -> list[Finding]:
    """A joining sentence that gives only an open-ended lower age limit ("People aged 35 years and older may be able
    to take part") where the record has a maximum age: facts.no_maximum_finding's finding and wording (CRITICAL below
    90 years, INFO from there), said of the page's summary. No claim where the page's text gives an upper limit
    anywhere, or where the record's own text (criteria, summary, description) gives an open-ended age too: a
    summary's loose "adults 18 and older" beside criteria with the maximum repeats the record's words (review r20),
    and a page's other figure ("63 years of age or older" for the record's "60 years of age or older") is no claim
    about the maximum the record does not make itself (the figure is _number_claims' to say)."""
    if official.max_age is None or _UPPER_SAID.search(text) or AGE_RANGE.search(text):
        return []
    own: bool | None = None
    for m, value, unit in _open_ended(text):
        if not about_joining(text, m.start(), m.end()) or keeps_out(text, m.start(), m.end()) \
                or not _a_limit(text, m, illness=True):
            continue   # (no limit to join: "For patients 16 years and older, the Karnofsky score …")
        # the rest of the sentence read as parse_age_limits reads an age field: "…, max 65 years" is a limit after all
        rest = sentence(text, m.start(), m.end())
        rest = rest[rest.find(m.group(0)) + len(m.group(0)):] if m.group(0) in rest else ""
        if not parse_age_limits(f"{value} {unit}s and older{rest}")[2]:
            continue
        own = _record_says_open_ended(official) if own is None else own
        if own:
            return []
        # (quoted from the age on after a verb: "35 years of age or older", not "be 35 years of age or older")
        verb = (m.group("who") or "").lower() in ("be", "are", "is")
        shown = text[m.start("value") if verb else m.start(): m.end()].strip()
        return [replace(f, kind="plain_age", field=field,
                        evidence={**f.evidence, "sentence": quote(sentence(text, m.start(), m.end()), 300)})
                for f in no_maximum_finding(shown, official, subject="This page's summary says")]
    return []


def _a_limit(text: str, m: re.Match, illness: bool) -> bool:
    """Is the open-ended age at `m` a limit to join: not whom another requirement is for ("For patients 16 years and
    older, the Karnofsky score …": other_age.for_whom_age) nor, with `illness`, the illness's ("Erectile dysfunction
    usually affects men 40 years and older": other_age.illness_age)?"""
    return not for_whom_age(text, m.start(), m.end()) and not (illness and illness_age(text, m.start()))


def _record_says_open_ended(official: OfficialRecord) -> bool:
    """Does the record's own text give an open-ended age as a limit (its criteria, summary, titles, description), read
    as record_ages reads them (other_age.no_limit_age; ages8): an age it says of the illness ("usually diagnosed in
    people 50 years and older") or one saying whom another requirement is for gives none, so a page's "People 50
    years and older may join" repeats nothing of the record's."""
    return any(not no_limit_age(t, m.start(), m.end(), prose=k > 0) for k, t in enumerate(record_prose(official)) if t
               for m, _, _ in _open_ended(t))
