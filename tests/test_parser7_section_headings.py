"""Section headings the record parser misread, so a requirement was shown as a reason to stay out or the reverse:
a heading the record hard-wrapped onto a second line (NCT00001392, NCT00001539, NCT00490321) and "Exclusions" for
"Exclusion Criteria" (NCT00001350, NCT00000569, NCT00006110). Texts are the records' own, shortened."""

from __future__ import annotations

import pytest

from scrapers.criteria import flatten, header_kind, parse_criteria


def _texts(items) -> list[str]:
    return [it.text for it in flatten(items)]


# NCT00001392: the pilot study's inclusion heading, wrapped at ~90 columns, inside the study before's exclusions
NCT00001392 = """\
  -  EXCLUSION CRITERIA:

     ---None

  -  INCLUSION CRITERIA FOR ADULT PATIENTS PARTICIPATING IN PILOT STUDY OF COMBINATION
     RITUXIMAB AND CYCLOSPORINE:

       -  First void urine protein to creatinine ratio > 2g/g despite optimal use of an ACE
          inhibitor or ARB (or possibly both)

       -  Women must use reliable birth control method to avoid pregnancy while
          participating in the study.

  -  EXCLUSION CRITERIA:

       -  Age < 4 years.
"""


def test_wrapped_inclusion_heading_inside_exclusions_opens_the_inclusions():
    crit = parse_criteria(NCT00001392)
    assert _texts(crit.inclusion) == [
        "First void urine protein to creatinine ratio > 2g/g despite optimal use of an ACE inhibitor or ARB (or "
        "possibly both)",
        "Women must use reliable birth control method to avoid pregnancy while participating in the study."]
    assert _texts(crit.exclusion) == ["---None", "Age < 4 years."]
    assert ("- INCLUSION CRITERIA FOR ADULT PATIENTS PARTICIPATING IN PILOT STUDY OF COMBINATION RITUXIMAB AND "
            "CYCLOSPORINE:") in crit.headers


def test_wrapped_exclusion_heading_is_no_item():
    """NCT00001539: the heading was an exclusion of its own ("EXCLUSION CRITERIA FOR … CONTROLS:")."""
    text = ("EXCLUSION CRITERIA FOR MULTIPLE SCLEROSIS CONTROLS:\n\n  1. Pregnancy\n\n"
            "EXCLUSION CRITERIA FOR RECOVERED, SEROPOSITIVE, OSPA VACCINATED AND HEALTHY VOLUNTEERS\nCONTROLS:\n\n"
            "1. Pre-existing or concurrent serious chronic medical or psychiatric illness.\n")
    crit = parse_criteria(text)
    assert _texts(crit.exclusion) == ["Pregnancy",
                                      "Pre-existing or concurrent serious chronic medical or psychiatric illness."]
    assert len(crit.headers) == 2


def test_wrapped_heading_with_a_bracket_places_both_lists():
    """NCT00490321: both headings wrapped inside their bracket; their lists were unplaced."""
    text = ("Inclusion Criteria (The following are general criteria; detailed criteria are included in\n"
            "the study protocol):\n\n  -  LVEF <=25%\n\n"
            "Exclusion Criteria (The following are general criteria; detailed criteria are included in\n"
            "the study protocol):\n\n  -  Contraindication to LVAD implantation\n")
    crit = parse_criteria(text)
    assert _texts(crit.inclusion) == ["LVEF <=25%"]
    assert _texts(crit.exclusion) == ["Contraindication to LVAD implantation"]
    assert crit.unplaced == []


def test_wrapped_sentence_about_the_criteria_stays_an_item():
    """NCT00006400: an item that wraps before a word a heading may end with is no heading (it does not start with
    its section word), and its wrapped "eligibility:" is its end, no heading either (parse9: it was one, so the item
    ended "… re-evaluated for" and its numbered list stood apart from it)."""
    text = ("Exclusion Criteria:\n\n  -  Cancer\n\n"
            "  -  The following exclusion criteria are transient; patients can be re-evaluated for\n"
            "     eligibility:\n\n  1. Hemoglobin less than 6.0 gm/dL\n")
    crit = parse_criteria(text)
    lead = "The following exclusion criteria are transient; patients can be re-evaluated for eligibility:"
    assert lead in _texts(crit.exclusion)
    assert "Hemoglobin less than 6.0 gm/dL" in _texts(crit.exclusion)
    assert crit.inclusion == [] and crit.headers == ["Exclusion Criteria:"]


# NCT00001350: an outline heading that says "exclusions", no "criteria"
NCT00001350 = """\
III.III. INCLUSION CRITERIA FOR THE NATURAL HISTORY STUDY:

  1. Aged 0 to 99 years.

III.VI. STUDY EXCLUSIONS:

An individual who meets any of the following criteria will be excluded from participation
in screening or the natural history study:

1. Any condition that the principal investigator deems to be non-conducive to the research
goals of the study.
"""


def test_study_exclusions_heading_opens_the_exclusions():
    crit = parse_criteria(NCT00001350)
    assert _texts(crit.inclusion) == ["Aged 0 to 99 years."]
    assert _texts(crit.exclusion) == [
        "An individual who meets any of the following criteria will be excluded from participation in screening or "
        "the natural history study:",
        "Any condition that the principal investigator deems to be non-conducive to the research goals of the study."]
    assert crit.headers[-1] == "III.VI. STUDY EXCLUSIONS:"


def test_exclusions_after_inclusion_heading():
    """NCT00000569: "Inclusion:" … "Exclusions:"; its seven exclusions were read as requirements."""
    crit = parse_criteria("Inclusion:\n\n  1. Ages 40 to 69\n\nExclusions:\n\n  1. Cancer\n\n  2. Alcoholism\n")
    assert _texts(crit.inclusion) == ["Ages 40 to 69"]
    assert _texts(crit.exclusion) == ["Cancer", "Alcoholism"]


def test_bare_exclusions_line_in_a_pdq_record():
    """NCT00006110: "Exclusions" alone over "Prior malignancies except:" (the exceptions under it keep no one out)."""
    text = ("PATIENT CHARACTERISTICS:\n\nSex: Female\n\nExclusions\n\nPrior malignancies except:\n\n"
            "Effectively treated squamous cell or basal cell skin cancer\n")
    crit = parse_criteria(text)
    assert _texts(crit.inclusion) == ["Sex: Female"]
    assert _texts(crit.exclusion) == ["Prior malignancies except:",
                                      "Effectively treated squamous cell or basal cell skin cancer"]


@pytest.mark.parametrize("line,kind", [
    ("III.VI. STUDY EXCLUSIONS:", "exclusion"),
    ("Exclusions:", "exclusion"),
    ("EXCLUSIONS - NORMAL VOLUNTEERS:", "exclusion"),
    ("EXCLUSIONS for MRI Scanning:", "exclusion"),
    ("Other Exclusions", "exclusion"),
    ("* Other Exclusions:", "exclusion"),
    ("Medical exclusions:", "exclusion"),
    ("Inclusions:", "inclusion"),
    ("INCLUSION CRITERIA FOR ADULT PATIENTS PARTICIPATING IN PILOT STUDY OF COMBINATION RITUXIMAB AND CYCLOSPORINE:",
     "inclusion"),
    ("Additional exclusion criteria for subjects with hepatic insufficiency (those who meet any of the followings are "
     "ineligible):", "exclusion"),
])
def test_named_headings(line, kind):
    assert header_kind(line) == kind


@pytest.mark.parametrize("line", [
    "Exclusions related to medications",          # NCT00004992, an item
    "Study exclusions included:",                 # NCT00490243, a lead-in
    "exclusions include:",
    "There are no general exclusions.",
    "noted under exclusions.",
    "Exclusions for underlying disease likely to increase side effects or to hinder objective data collection:",
    "Inclusion criteria for the extension phase are the same as those for the main study listed above and all:",
    "Exclusion criteria for subjects who must stop their medication before the first visit of the whole study:",
])
def test_not_named_headings(line):
    assert header_kind(line) is None
