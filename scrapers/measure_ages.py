"""Ages that are not the participant's years since birth: another measure's ("bone age", "gestational age",
"mental age", "onset age") or a donor's. dates.parse_age_limits blanks them out before reading the participant's own
limits (glance9; reviews r52 F1 and r53)."""

from __future__ import annotations

import re

# the words before "age" that make it another measure's, not the participant's years since birth (other_age.OTHER_AGE's
# measures), and a donor's: never a word for a person who is as often the participant ("maternal age 18-45" in a
# pregnancy trial, "parent age 18 or older" in a study of parents; review r52 F1)
_MEASURE = (r"\b(?:gestational|gestation|post-?menstrual|menstrual|corrected|conceptional|post-?conceptional|bone|"
            r"skeletal|mental|developmental|reading|physiologic(?:al)?|biological|onset|donor)[\s-]*ages?\b"
            r"(?:\s*\([A-Z]{1,5}\))?")   # (its short form: "gestational age (EGA)")
_FIGURE = r"\d+(?:\.\d+)?"
_TIME_UNIT = r"(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)"
_MEASURE_AGE = re.compile(
    # the measure, then its figures and their units, up to the clause's end: "bone age less than or equal to 12
    # years", "gestational age of 24 to 32 weeks", "Gestation age (GA) at birth >= 28 weeks"
    _MEASURE + r"(?:(?!\b(?:ages?|aged|old)\b)[^,;.()])*?(?:" + _FIGURE + r"\s*(?:[-–]|to|and)\s*)?" + _FIGURE + r"\s*" + _TIME_UNIT
    + r"?(?:\s+(?:old|of\s+age))?"
    # or the figures before it: "Infants born at >34 weeks gestational age", "less than 30 weeks gestational age"
    r"|(?:(?:[<>≤≥]=?|(?:greater|less|more|fewer)\s+than|at\s+least|at\s+most|over|under)\s*)?"
    r"(?:" + _FIGURE + r"\s*(?:[-–]|to)\s*)?" + _FIGURE + r"\s*" + _TIME_UNIT + r"\s+(?:of\s+)?" + _MEASURE, re.I)


def without_anothers_age(text: str) -> str:
    """The text with each age of another measure or person blanked out, figures and units too ("Bone age less than or
    equal to 12 years", NCT00001343; "Gestational age less than 32 weeks"; "Donor age <= 45 years"), so only the
    participant's own is read: "Pregnant women 18-45 years old with a gestational age of less than 32 weeks" is
    18-45 years (glance9; review r52 F1: blanking the whole text lost it). Not an age said after other words
    ("consent of a parent if less than 18 years of age" is the participant's)."""
    return _MEASURE_AGE.sub(lambda m: " " * len(m.group(0)), text) if "age" in text.lower() else text
