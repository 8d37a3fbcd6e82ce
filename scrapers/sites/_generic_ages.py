"""The generic reader's "Age:" values: only a value that states one range is read as the page's ages.

A page of an unknown host copying an old record's PDQ text shows its "Age:" line as a labelled value, and the value may
state more than one range or a figure that is no age: "Birth to 12 months 6 to 10 years" (NCT00006273, two groups)
was read as a maximum of 12 months, "Under 18 but with at least 3 months of independent walking" (NCT00004833) as a
minimum of 3 months, "Part I: Less than 12 months Part II: Less than 3 months" (NCT00004696) as Part I's maximum.
Such a value is left unread (the page then says nothing of its ages, which is true of what we can tell) rather than
read as a wrong limit: more than two figures (an ordinal is none: "91 days to 21 years of age (not including the 22nd
birthday)" is read), figures on both sides of a label inside it (not "18 years and above, Genders eligible for study:
both", NCT00492752), or a figure counting time spent at something ("3 months of walking"; "years of age" is
an age)."""

from __future__ import annotations

import re

# a figure that may be an age: not an ordinal ("the 22nd birthday"), nor one of a unit ("kg/m2") or of another measure
# ("BMI ≥ 30 kg/m2", "weight ≥ 10 kg")
_FIGURE = re.compile(r"(?<![A-Za-z\d.,])\d+(?:[.,]\d+)*(?!\d|st\b|nd\b|rd\b|th\b|\s*(?:kg|lbs?|pounds|cm|mm|m|%|mg|g|ml|iu)\b)",
                     re.I)
_DURATION = re.compile(r"\b(?:years?|months?|weeks?|days?|yrs?)\s+of\s+(?!age\b)", re.I)


# an age in a value's later clauses: a figure and a unit of time that is no duration ("12 to 17 years with consent")
_AN_AGE = re.compile(r"\d\s*(?:years?|months?|weeks?|days?|yrs?)\b(?!\s+of\b)", re.I)


def one_age_range(value: str) -> bool:
    """Whether a labelled age value states (at most) one age range, so that reading it can give no wrong limit. Its
    first clause alone when the rest names no other age: "18 to 75 years, with at least 1 year of diabetes" and
    "18 to 75 years (Adult, Older Adult), 2 years of follow-up" are 18 to 75 (left unread, a page's 75 against a
    record's 65 went unsaid: review r61 F4)."""
    m = re.search(r"[,;(]", value)
    if m and _one_range(value[:m.start()]) and not _AN_AGE.search(value[m.start():]):
        return True
    return _one_range(value)


def _one_range(value: str) -> bool:
    labelled = sum(1 for part in value.split(":") if _FIGURE.search(part)) > 1   # ("Part I: … 12 months Part II: … 3")
    return len(_FIGURE.findall(value)) <= 2 and not labelled and not _DURATION.search(value)
