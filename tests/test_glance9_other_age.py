"""glance9: an age that is another measure's or person's gives no limit of the participant's age where a text is read
as an age limit (scrapers.dates.parse_age_limits: a page's age field, a criterion compared with a summary's ages).
"Bone age less than or equal to 12 years" (NCT00001343, a trial of girls 10 to 14 years) read as a maximum age of 12
years; so did "Gestational age less than 32 weeks" (a maximum of 32 weeks)."""

from __future__ import annotations

import pytest

from scrapers.dates import Age, parse_age_limits


@pytest.mark.parametrize("text", [
    "Bone age less than or equal to 12 years.",        # NCT00001343
    "Bone age no greater than 11 years",               # NCT00004275's words
    "Gestational age less than 32 weeks",
    "Donor age up to 45 years",
    "Skeletal age 12 years and younger",
    # the figures before the measure, or its short form between (corpus items)
    "Infants born at >34 weeks gestational age",
    "Infants of less than 30 weeks gestational age",
    "Gestation age (GA) at birth >= 28 weeks",
    "CAP admission at an estimated gestational age (EGA) <34 weeks",
])
def test_anothers_age_is_no_limit(text):
    assert parse_age_limits(text) == (None, None, False)


@pytest.mark.parametrize("text, lo, hi", [
    ("Age less than or equal to 12 years", None, Age(12.0, "YEARS", "")),
    ("Under 18 years", None, Age(18.0, "YEARS", "", exclusive=True)),
    ("Chronological age of 10.0 to 14.9 years", Age(10.0, "YEARS", ""), Age(14.9, "YEARS", "")),
    # (the participant's own age beside another's is read as before)
    ("Chronological age 10 to 14 years; bone age up to 12 years", Age(10.0, "YEARS", ""), Age(14.0, "YEARS", "")),
    # the participant's own age written without the word "age" beside another's (review r52 F1: all were none)
    ("Pregnant women 18-45 years old with a gestational age of less than 32 weeks", Age(18.0, "YEARS", ""),
     Age(45.0, "YEARS", "")),
    ("Children 5 to 12 years old with bone age less than 12 years", Age(5.0, "YEARS", ""), Age(12.0, "YEARS", "")),
    ("Patients 18-70 years; donor age 18-60 years", Age(18.0, "YEARS", ""), Age(70.0, "YEARS", "")),
    ("65 years and older with an onset age above 60", Age(65.0, "YEARS", ""), None),
    # a person as often the participant: the mother in a pregnancy trial, the parent in a study of parents
    ("Maternal age 18-45 years", Age(18.0, "YEARS", ""), Age(45.0, "YEARS", "")),
    ("Parent age 18 years or older", Age(18.0, "YEARS", ""), None),
    # another measure's age named first, with no figure of its own (review r53)
    ("delayed bone age and chronological age 5 to 12 years", Age(5.0, "YEARS", ""), Age(12.0, "YEARS", "")),
])
def test_the_participants_own_age_is_read_as_before(text, lo, hi):
    got = parse_age_limits(text)[:2]
    assert [(a.value, a.unit, a.exclusive) if a else None for a in got] == \
        [(a.value, a.unit, a.exclusive) if a else None for a in (lo, hi)]
