"""Criteria for two groups of people (patients and donors, patients and healthy volunteers): a
limit from one group's list is not shown at a glance as everyone's."""

from scrapers.criteria import parse_criteria
from server.groups import groups_start
from server.thresholds import criteria_thresholds

# NCT00006413, shortened: the patient's and the donor's lists under headings of their own
PATIENT_AND_DONOR = """INCLUSION CRITERIA: PATIENT

  * Wt greater than 40 kg.
  * Left ventricular ejection fraction of greater than or equal to 40%.

INCLUSION CRITERIA: DONOR

  * HLA identical family donor.
  * Weight greater than or equal to 18 kg.

EXCLUSION CRITERIA: PATIENT

  * Weight less than or equal to 40 kg.
"""

# NCT00001971, shortened: group labels as items, the healthy volunteers' limits after theirs
PATIENTS_AND_VOLUNTEERS = """Inclusion Criteria:

  * Serum creatinine less than or equal to 1.5 mg/dL
  * Affected Subjects
  * Age 2 years or older.
  * Healthy Volunteers
  * Age 18 years or older.

Exclusion Criteria:

  * Platelet count less than 50,000/mm3
  * Healthy Volunteers
  * A healthy volunteer who meets any of the following criteria will be excluded from participation in this study:
      * BMI < 18 or BMI >25
  * Alkaline Phosphatase >= 150
"""


def shown(text: str) -> list[str]:
    return [f"{t['label']}: {t['text']}" for t in criteria_thresholds(parse_criteria(text))]


def test_a_donor_heading_makes_each_list_a_groups_own():
    crit = parse_criteria(PATIENT_AND_DONOR)
    assert groups_start(crit) == {"inclusion": 0, "exclusion": 0}
    assert shown(PATIENT_AND_DONOR) == []   # not "Required: Weight at least 18 kg" beside "Wt more than 40 kg"


def test_limits_before_the_first_group_label_are_everyones():
    assert shown(PATIENTS_AND_VOLUNTEERS) == ["Required: Serum creatinine at most 1.5 mg/dL",
                                              "Excluded if: Platelet count less than 50,000/mm3"]


def test_one_group_named_is_everyone():
    text = "Inclusion Criteria:\n\n  * Healthy Volunteers\n  * Hemoglobin at least 12 g/dL\n"
    assert groups_start(parse_criteria(text)) == {}
    assert shown(text) == ["Required: Hemoglobin at least 12 g/dL"]


def test_a_heading_counts_only_as_a_group_when_it_names_one():
    text = "Inclusion Criteria:\n\n  * Patients\n  * Hemoglobin at least 12 g/dL\n\nExclusion Criteria:\n\n  * Partners who smoke\n"
    assert groups_start(parse_criteria(text)) == {}   # "Partners who smoke" is a criterion, not a label


def test_groups_described_by_who_they_are():
    """NCT00006156: three groups of women, each under a label that says who they are; the postmenopausal
    controls' FSH floor is not the premenopausal women's."""
    text = ("Inclusion Criteria:\n\n  * Women with normal ovarian function:\n      * Age 18 to 55.\n"
            "  * Postmenopausal women (to serve as negative controls):\n"
            "      * Naturally menopausal: amenorrhea for at least one year; serum FSH greater than 40 IU/mL.\n")
    assert groups_start(parse_criteria(text)) == {"inclusion": 0}
    assert shown(text) == []
    # a label that says what to meet is no group
    text = "Inclusion Criteria:\n\n  * Patients must have the following:\n      * Hemoglobin at least 9 g/dL\n"
    assert shown(text) == ["Required: Hemoglobin at least 9 g/dL"]


def test_a_later_steps_limits_are_not_the_entry_limits():
    """NCT00002649: registration #2 (randomization, 28 to 80 days after transplant) has its own limits."""
    text = ("Inclusion Criteria:\n\n  * REGISTRATION # 1\n  * Serum creatinine =< 1.5 mg/dL\n"
            "  * REGISTRATION # 2 (RANDOMIZATION)\n  * Alkaline phosphatase =< 2 times the institutional upper limit of normal\n")
    assert groups_start(parse_criteria(text)) == {"inclusion": 0}
    assert shown(text) == []


def test_a_cohorts_limits_under_its_label_are_that_cohorts():
    """NCT00005997 (review round 10): "Cohort I (closed to accrual as of 11/1/03)" with no colon held "Bilirubin no
    greater than 1.5 mg/dL", shown as "Required: Bilirubin at most 1.5 mg/dL" to people for whom Cohort II, the only
    open one, admits bilirubin up to 3. The limit above the cohorts stays everyone's."""
    text = ("PATIENT CHARACTERISTICS:\n\nHepatic:\n\n  -  Bilirubin less than 3 mg/dL\n\n"
            "       -  Cohort I (closed to accrual as of 11/1/03)\n\n"
            "            -  Bilirubin no greater than 1.5 mg/dL\n\n"
            "            -  AST no greater than 2.5 times upper limit of normal (ULN)\n\n"
            "       -  Cohort II\n\n"
            "            -  Bilirubin greater than 1.5 mg/dL and less than 3 mg/dL OR\n\n"
            "            -  Bilirubin no greater 1.5 mg/dL AND AST greater than 2.5 times ULN\n")
    assert shown(text) == ["Required: Bilirubin less than 3 mg/dL"]


def test_a_group_label_ending_with_a_colon_holds_the_items_after_it():
    """NCT00002058: "Group 2:" as a list item, then its limits beside it (under the exclusion heading, where they
    showed as "Excluded if: Karnofsky at least 70")."""
    text = ("Exclusion Criteria:\n\n  -  Hemoglobin less than 8 g/dL\n\n  -  Group 2:\n\n"
            "  -  Patients with T4 counts < 100 cells/mm3, regardless of prior opportunistic infections.\n\n"
            "  -  Karnofsky = or > 70.\n")
    assert shown(text) == ["Excluded if: Hemoglobin less than 8 g/dL"]


def test_a_phases_own_list_is_that_phases():
    """NCT03102398: "* Phase I" (healthy men) over "Body mass index (BMI) between 18.5 and 27", not the Phase IIa
    patients' rule."""
    text = ("Inclusion Criteria:\n\n* Phase I\n\n  1. Body mass index (BMI) between 18.5 and 27, inclusive\n"
            "* Phase IIa\n\n  1. With a testosterone level ≥ 240 ng/dL\n")
    assert shown(text) == []
