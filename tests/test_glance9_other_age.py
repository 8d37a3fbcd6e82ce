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
])
def test_anothers_age_is_no_limit(text):
    assert parse_age_limits(text) == (None, None, False)


@pytest.mark.parametrize("text, lo, hi", [
    ("Age less than or equal to 12 years", None, Age(12.0, "YEARS", "")),
    ("Under 18 years", None, Age(18.0, "YEARS", "", exclusive=True)),
    ("Chronological age of 10.0 to 14.9 years", Age(10.0, "YEARS", ""), Age(14.9, "YEARS", "")),
    # (the participant's own age beside another's is read as before)
    ("Chronological age 10 to 14 years; bone age up to 12 years", Age(10.0, "YEARS", ""), Age(14.0, "YEARS", "")),
])
def test_the_participants_own_age_is_read_as_before(text, lo, hi):
    got = parse_age_limits(text)[:2]
    assert [(a.value, a.unit, a.exclusive) if a else None for a in got] == \
        [(a.value, a.unit, a.exclusive) if a else None for a in (lo, hi)]
