"""An age limit a page gives where ClinicalTrials.gov gives none: a page's "12 Years - 65 Years" for a record of 12
years with no maximum tells a 70-year-old they cannot join a trial they can. facts.py compares two limits and says
a page's missing limit (_check_no_maximum, _check_no_minimum); this is the third case, the limit the page adds.

Graded as those are: CRITICAL, as a changed limit is (a page's 60 for the record's 65 keeps people out the same
way); an added maximum of 90 years or more (HIGH_MAXIMUM: how registrants and sites write "no limit") or an added
minimum under a month (LOW_MINIMUM) leaves out only the few past it, an INFO; an added minimum of a day or less
(NO_MINIMUM: "0 Years", "1 Day") is "from birth", the record's own meaning, and says nothing. Nor does a figure the
record's own text gives as the participant's limit ("Inclusion Criteria: … Age 12 to 65 years" in a record whose
maximum field is empty): the page says what the record says, and "ClinicalTrials.gov gives no upper age limit" would
tell the reader something the record's own criteria contradict. A summary's range is held to the same rule
(record_states, used by plain.py), which reads only the participant's own ages (plain_limits.record_ages: inclusion
items or items under no heading, joining sentences of the summary; never an exclusion item, "Patients ≥ 65 years with
hepatic impairment", nor a donor's or parent's age). ages3 made such a field an INFO because that reading then also
took those ages (most of the 14 of 7,383 corpus pages with an added 65/99-year maximum or 18-year minimum it backed).
Kept apart from facts.py because it reads the record's criteria (plain_limits.record_ages), which imports facts.
"""

from __future__ import annotations

from ..dates import Age
from ..model import OfficialRecord, PageRecord
from .facts import HIGH_MAXIMUM, LOW_MINIMUM, NO_MINIMUM, age_text
from .finding import Finding
from .plain_limits import backed_age, num, record_ages


def added_limit_severity(age: Age, upper: bool) -> str | None:
    """How loud a limit the record lacks is: "critical", "info" (it leaves out only the oldest, or newborns), or
    None (a minimum of a day or less: no limit)."""
    days = age.in_days()
    if upper:
        return "info" if days >= HIGH_MAXIMUM.in_days() - 1e-6 else "critical"
    if days <= NO_MINIMUM.in_days() + 1e-6:
        return None
    return "info" if days < LOW_MINIMUM.in_days() - 1e-6 else "critical"


def record_states(age: Age, upper: bool, ages: set) -> bool:
    """Does the record's own text give this figure as the participant's limit, as that bound or as an age either bound
    may be (`ages`: plain_limits.record_ages)? The one rule for a page's age field and its summary's range: its
    inclusion items or items under no heading, or a sentence of its summary or description about who may join; never
    an exclusion item, nor another person's age."""
    return backed_age(num(str(age.value)), age.unit, ages, False, upper, age.exclusive)


def check_added_limits(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """A fact_mismatch for each age limit the page gives and the record does not (see the module's docstring). A
    record with no age limit at all states nothing about ages (a bare record, as "N/A - N/A" is on a page): only
    beside the other limit is a missing one the registry's "no limit"."""
    if official.min_age is None and official.max_age is None:
        return []
    out = []
    ages: set | None = None
    for field, said, off, upper in (("min_age", page.min_age, official.min_age, False),
                                    ("max_age", page.max_age, official.max_age, True)):
        severity = added_limit_severity(said, upper) if said is not None and off is None else None
        if severity is None:
            continue
        ages = record_ages(official) if ages is None else ages
        if record_states(said, upper, ages):
            continue
        word, side = ("maximum", "upper") if upper else ("minimum", "lower")
        few = ("only people older than that are told they cannot join" if upper else
               "only babies younger than that are told they cannot join") if severity == "info" else None
        msg = (f"This page gives the {word} age as {age_text(said, upper)}, but ClinicalTrials.gov gives no {side} "
               f"age limit" + (f", so {few}." if few else "."))
        out.append(Finding("fact_mismatch", severity, field, said.text or str(said), f"no {side} age limit", msg,
                           {"page_age": said.to_dict(), "official_age": None, "official_no_limit": True}))
    return out
