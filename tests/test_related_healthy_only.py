"""A trial of healthy volunteers only (server/related_ties.healthy_only) is read from its title only where "healthy"
is said of people: "Supporting Healthy Sexual Function" and "Women's Healthy Eating and Living Study" are not trials of
volunteers (rel7 found a contraception study, taken for one, tied to a sickle-cell trial by a shared nitrate)."""

import pytest

from server.related_ties import healthy_only


@pytest.mark.parametrize("title,expected", [
    ("A Study in Healthy Japanese Adult Males", True),
    ("Safety of a Vaccine in Healthy Volunteers", True),
    ("Immunogenicity in the Healthy", True),
    ("Seronegative Adults: Safety of an HIV Vaccine", True),
    ("HR-QoL and Sexuality in Contraception Users: Supporting Healthy Sexual Function", False),
    ("Women's Healthy Eating and Living Study", False),
    ("Promoting Healthy Lifestyles Among Firefighters", False),
    ("Pharmacokinetics in Healthy Subjects and Patients With Renal Impairment", False),   # (who else it takes)
])
def test_healthy_said_of_people(title, expected):
    assert healthy_only(True, ["Contraception"], [title]) is expected


def test_the_records_flag_alone_is_not_only_volunteers():
    assert healthy_only(False, ["Healthy"], ["A Study in Healthy Volunteers"]) is False
    assert healthy_only(True, ["Healthy Volunteers"], ["Anything"]) is True
