"""Criteria run into one paragraph (CheckOrphan's "Eligibility Criteria:"), read as the record reads them: a list that
starts with its first "*" bullet, a heading that says in brackets whom its list is for, an outline's numbered heading
with no colon before a lead-in two sentences long."""

from criteria_support import one_paragraph, one_paragraph_alarms

from scrapers.criteria import parse_criteria
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line


# NCT00033839, as the record writes it: bullets and no heading
NO_HEADING = ("* At least 2 year history of episodic cluster headache (meeting IHS criteria)\n"
              "* At least 2 previous episodes\n"
              "* Expected duration of cluster period is at least 6 weeks but not longer than 16 weeks\n"
              "* At least 1 but not more than 8 headaches on each of the 3 days immediately prior to treatment")


def test_a_paragraph_that_starts_with_its_first_star_splits_on_its_bullets():
    assert one_paragraph(NO_HEADING)[0] == [
        "At least 2 year history of episodic cluster headache (meeting IHS criteria)",
        "At least 2 previous episodes",
        "Expected duration of cluster period is at least 6 weeks but not longer than 16 weeks",
        "At least 1 but not more than 8 headaches on each of the 3 days immediately prior to treatment"]
    assert one_paragraph_alarms("NCT00033839", NO_HEADING) == []
    # a heading after that first bullet, or later in the paragraph, still heads its list
    assert criteria_lists([Line("* Inclusion Criteria: * a * b Exclusion Criteria: * c * d", "p")])[:2] == (
        ["a", "b"], ["c", "d"])
    assert criteria_lists([Line("* a * b Exclusion Criteria: * c * d", "p")])[:2] == (["a", "b"], ["c", "d"])
    # one bullet, or a list item, as before
    assert criteria_lists([Line("* a", "p"), Line("* b * c", "li")])[0] == ["a", "b * c"]


# NCT03648918's headings say in brackets whom their list is for
BRACKETS = ("Inclusion Criteria (Families):\n\n* Families where at least one first-degree family member has type 1 "
            "diabetes\n* Family members must be at least 2 years old to participate\n\nExclusion Criteria (Families):\n\n"
            "* Families with no history of type 1 diabetes\n\nInclusion Criteria (Controls):\n\n* Age 2 or older\n\n"
            "Exclusion Criteria (Controls):\n\n* Personal or family history of autoimmune disease")


def test_a_heading_with_brackets_heads_its_list():
    assert one_paragraph(BRACKETS) == (
        ["Families where at least one first-degree family member has type 1 diabetes",
         "Family members must be at least 2 years old to participate", "Age 2 or older"],
        ["Families with no history of type 1 diabetes", "Personal or family history of autoimmune disease"])
    assert criteria_lists(["Exclusion Criteria (Families)", "Pregnant"])[:2] == ([], ["Pregnant"])
    assert one_paragraph_alarms("NCT03648918", BRACKETS) == []


# NCT00004307, as the record writes it: the heading of its exclusions hard-wrapped into the line before
WRAPPED = ("PROTOCOL ENTRY CRITERIA:\n\nPart A. Patients at least 6 months old with ornithine transcarbamylase "
           "deficiency (OTC),\ni.e.: Hemizygous OTC or homozygous autosomal recessive disorder with evidence of complete\n"
           "enzyme deficiency Normal adult volunteers and genotyped siblings entered as controls Part\n"
           "B. Metabolically stable heterozygous OTC females aged 18 to under 65 Orotic acid level at\n"
           "least 5 times normal on allopurinol Symptoms ranging from severe to asymptomatic acceptable\n"
           "No prior hospitalization for hyperammonemia Exclusion criteria (Parts A and B): Acute or\n"
           "chronic intercurrent illness Pregnancy Acute hyperammonemia")


def test_a_bracketed_heading_inside_a_record_line_is_read_there_as_on_the_page():
    """Read on the page only, its exclusions were "listed as requirements" in the record's reading (critical)."""
    assert [i.text for i in parse_criteria(WRAPPED).exclusion] == [
        "Acute or chronic intercurrent illness Pregnancy Acute hyperammonemia"]
    assert one_paragraph(WRAPPED)[1] == ["Acute or chronic intercurrent illness Pregnancy Acute hyperammonemia"]
    assert not [a for a in one_paragraph_alarms("NCT00004307", WRAPPED) if a[1] == "critical"]


# NCT05266716, shortened: an outline's numbered heading with no colon, then a lead-in of two sentences
OUTLINE = ("To be eligible to participate in the study, prospective participants must:\n\n1. Be 18 years of age or older;\n"
           "2. Be willing to comply with study procedures, including use of the Affect app consistent with the study "
           "protocol and therapeutic activities.\n\nIII.6 EXCLUSION CRITERIA\n\nIndividuals will be precluded from "
           "enrolling in the study if they endorse (or if there is documentation of) any of following conditions. "
           "Already enrolled participants will be withdrawn from study participation upon emergence of any excluded "
           "condition (except pregnancy):\n\n1. Serious medical diagnoses (e.g., seizure, stroke, heart disease);\n"
           "2. Pregnancy;\n3. Have pending legal action or other situation that could inhibit consistent participation "
           "in the study or in study activities.")


def test_an_outline_heading_without_a_colon_heads_its_list_and_its_lead_in_stays_whole():
    inc, exc = one_paragraph(OUTLINE)
    assert inc[-1] == ("2. Be willing to comply with study procedures, including use of the Affect app consistent with "
                       "the study protocol and therapeutic activities.")
    assert exc[0] == ("Individuals will be precluded from enrolling in the study if they endorse (or if there is "
                      "documentation of) any of following conditions. Already enrolled participants will be withdrawn "
                      "from study participation upon emergence of any excluded condition (except pregnancy):")
    assert len(exc) == 4
    assert one_paragraph_alarms("NCT05266716", OUTLINE) == []
    # a capitalised heading without a colon or section number after a full stop and before a capital heads its list
    # too (generic12, _BARE_AFTER_STOP: as CheckOrphan's own rule reads it; the shared reader alone on one-paragraph
    # pages, 37 -> 2 of 797 warned); in small letters it stays the item's
    assert criteria_lists([Line("1. Adult. 2. Healthy. Exclusion Criteria Pregnant", "p")])[:2] == (
        ["1. Adult.", "2. Healthy."], ["Pregnant"])
    assert criteria_lists([Line("1. Adult. 2. Healthy. exclusion criteria apply", "p")])[:2] == (
        ["1. Adult.", "2. Healthy. exclusion criteria apply"], [])
