"""glance9: a pregnancy rule in criteria under no heading that are split into groups by lead-ins ("IL-2 NAIVE
PATIENTS:", "ASTHMATICS:", "Group 2:"). Review r50 F5 made one group's rule no row of the study's (NCT00001142's "No
pregnancy." under one of its groups), so a rule every group states gave no row either (NCT00001475: a negative
pregnancy test in both groups), and a rule of some groups was not said at all. Every group stating it is the study's
rule ("Excluded"); some stating it is said as such ("Excluded in some of the study's groups"); a donor's or a
relative's group is no group of participants. Texts are the records' own (shortened)."""

from __future__ import annotations

import pytest

from conftest import corpus_record

from scrapers.criteria import parse_criteria
from scrapers.official import OfficialRecord
from server.explain import explain
from server.glance import PREGNANCY_EXCLUDED, at_a_glance, pregnancy_row
from server.glance_plans import PREGNANCY_EXCLUDED_SOME_GROUPS


def _glance(text: str) -> dict:
    return at_a_glance(None, parse_criteria(text))


_BOTH = ("IL-2 NAIVE PATIENTS:\n\n"
         "- Documented HIV-1 infection (ELISA and Western blot positive).\n"
         "- Negative urine pregnancy test within 2 weeks prior to study entry (for women of childbearing potential).\n"
         "- No pregnant or lactating patients.\n\n"
         "PRIOR IL-2 THERAPY PATIENTS:\n\n"
         "- Active participation in protocols 91-CC-0113 or 93-CC-0143.\n"
         "- Negative urine pregnancy test within 2 weeks prior to study entry (for women of childbearing potential).\n")

_ONE = ("PATIENTS WITH NORMAL ADRENAL GLANDS:\n\n"
        "- Patients with normal adrenal glands will be recruited from those studied under NCI protocols.\n"
        "- They will not have Von-Hippel Lindau syndrome.\n\n"
        "PATIENTS WITH ACTH-INDEPENDENT CUSHING'S SYNDROME:\n\n"
        "- Will be aged 18 or older;\n"
        "- Must not be pregnant.\n")


def test_a_rule_every_group_states_is_the_studys():
    """NCT00001475: both groups ask for a negative pregnancy test; breastfeeding only the first (no row for it)."""
    g = _glance(_BOTH)
    assert g["pregnancy_excluded"] is True and pregnancy_row(g) == PREGNANCY_EXCLUDED
    assert g["pregnancy_excluded_some_groups"] is False
    assert g["breastfeeding_excluded"] is False


def test_a_rule_of_some_groups_is_said_as_such():
    """NCT00006278: "Must not be pregnant." under the second of two lead-ins: not "Excluded", not nothing."""
    g = _glance(_ONE)
    assert g["pregnancy_excluded"] is False and g["pregnancy_excluded_some_groups"] is True
    assert pregnancy_row(g) == PREGNANCY_EXCLUDED_SOME_GROUPS


def test_healthy_volunteers_are_a_group_too():
    """A healthy volunteers' group that asks nothing of it leaves the patients' rule some groups' (a pregnant volunteer
    is not turned away)."""
    g = _glance("PATIENTS WITH ASTHMA:\n\n- Asthma.\n- Not pregnant.\n\nHEALTHY VOLUNTEERS:\n\n- Good general health.\n")
    assert (g["pregnancy_excluded"], g["pregnancy_excluded_some_groups"]) == (False, True)


def test_a_lead_in_not_read_as_a_group_keeps_the_rule_some_groups():
    """Review r52 F6: "PATIENTS:" (no rule) beside two groups that say "Not pregnant" is not every group's rule."""
    g = _glance("PATIENTS:\n\n- Diagnosis of lupus nephritis\n- Age 18 or older\n\nHEALTHY VOLUNTEERS:\n\n"
                "- No chronic illness\n- Not pregnant\n\nNORMAL CONTROLS:\n\n- Matched by age to a patient\n- Not pregnant\n")
    assert (g["pregnancy_excluded"], g["pregnancy_excluded_some_groups"]) == (False, True)


def test_a_donors_group_is_no_group_of_participants():
    """The donor's rule ("DONOR:") gives neither value; the patients' beside it, stated in their only group, is some
    groups' (one group's lead-in alone does not say the study has no other)."""
    g = _glance("DONOR:\n\n- Not pregnant or lactating.\n\nGroup A:\n\n- Leukemia.\n")
    assert (g["pregnancy_excluded"], g["pregnancy_excluded_some_groups"], g["breastfeeding_excluded"]) == (
        False, False, False)
    g = _glance("DONOR:\n\n- Healthy.\n\nGroup A:\n\n- Leukemia.\n- Not pregnant.\n")
    assert (g["pregnancy_excluded"], g["pregnancy_excluded_some_groups"]) == (False, True)


def test_a_group_lead_in_with_its_items_after_it_is_not_known_to_state_it():
    """A lead-in whose items are listed after it rather than under it gives the group no items: a rule of the other
    group alone is some groups', never the study's."""
    g = _glance("Group 1:\nGroup 2:\n\n- HCM patients.\n- Females must have a negative pregnancy test.\n")
    assert g["pregnancy_excluded"] is False


@pytest.mark.parametrize("nct_id, row", [
    ("NCT00001475", PREGNANCY_EXCLUDED),             # "Negative urine pregnancy test …" in both patients' groups
    ("NCT00001887", PREGNANCY_EXCLUDED),             # ASTHMATICS: and RESEARCH VOLUNTEERS: both
    ("NCT00005907", PREGNANCY_EXCLUDED),             # HEALTHY VOLUNTEERS: and HSCT VOLUNTEERS: both
    ("NCT00006278", PREGNANCY_EXCLUDED_SOME_GROUPS),  # the Cushing's group's "Must not be pregnant." only
    ("NCT00001445", PREGNANCY_EXCLUDED_SOME_GROUPS),  # ARM B's "Not pregnant …" only
    ("NCT00001530", PREGNANCY_EXCLUDED_SOME_GROUPS),  # Group 2's "Females must have a negative pregnancy test." only
    ("NCT00001142", PREGNANCY_EXCLUDED_SOME_GROUPS),  # one group's "No pregnancy." (r50 F5: never "Excluded")
    ("NCT00001144", PREGNANCY_EXCLUDED),              # "PATIENTS:" is everyone's, as before; the DONOR:'s adds nothing
])
def test_corpus_records(shared_dir, nct_id, row):
    assert pregnancy_row(explain(OfficialRecord(corpus_record(shared_dir, nct_id))).at_a_glance) == row
