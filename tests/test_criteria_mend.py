"""Where a record's list breaks are not its criteria's (review r17 #7): one criterion cut into two bullets inside a
bracket is one item; "Prior Medication:" heads its "Excluded:" / "Required:" lists; "t(9;22)" and a "3." inside a
bracket are no list numbers."""

import pytest
from criteria_support import assert_conserved, record_criteria, texts

from scrapers.criteria import iter_items, parse_criteria, parse_items


def test_a_list_number_inside_an_open_bracket_is_the_brackets_text(shared_dir):
    """"… 2. gradual progression ….( For recurrent diseases, …, and 3. relapse occurs 6 months after the end of
    treatment)." (NCT04007835): cut at its "3.", the bracket's tail stood as a third condition of its own."""
    text = record_criteria(shared_dir, "NCT04007835")
    crit = parse_criteria(text)
    showed = crit.inclusion[4].children[1]
    assert showed.text == "Patients who showed"
    # its own "1. risk …, 2. gradual progression …" and then the record's indented "1. CEA≥10ng/ml …" list
    assert [c.marker for c in showed.children] == ["1.", "2.", "1.", "2.", "3."]
    assert showed.children[2].text.startswith("CEA")
    assert showed.children[1].text.endswith("in the past, and 3. relapse occurs 6 months after the end of treatment).")
    assert not any(it.text.startswith("relapse occurs") for _, _, it in iter_items(crit))
    assert_conserved(text, crit)


def test_a_sub_list_stops_at_a_bracket_its_next_number_sits_in():
    [item] = parse_items(["Patients who showed 1. risk, 2. progression (for recurrent disease, and 3. relapse after "
                          "treatment)."])
    assert item.text == "Patients who showed"
    assert texts(item.children) == ["risk,", "progression (for recurrent disease, and 3. relapse after treatment)."]


def test_hemoglobin_criterion_cut_inside_its_bracket_is_one_item(shared_dir):
    text = record_criteria(shared_dir, "NCT00495365")
    crit = parse_criteria(text)
    assert len(crit.inclusion) == 5
    assert crit.inclusion[2].text == ("Subjects on darbepoetin alfa for 3 months or more and with a stable entry hemoglobin "
                                      "level of 12 (plus or minus 1 g/dL range 11-13 g/dL)")
    assert not any(t.startswith("range") for t in texts(crit.inclusion))
    assert_conserved(text, crit)


BULLETS = """Exclusion Criteria:

  -  Pulmonary edema or moderate to severe congestive heart failure (New York Heart

  -  Association [NYHA] III-IV)

  -  Available for 6 months of the study. (Note:

  -  Participants who plan to move from one study location to another are eligible.)

  -  Plasma HIV-1 RNA performed within 60 days [AS PER AMENDMENT 5/5/99:

  -  70 days] of study entry.

  -  Viable EBV line prior to initial immunization. [AS PER AMENDMENT 4/30/99:

  -  Negative anti-dsDNA antibodies (for volunteers receiving booster vaccine).]

  -  Uncontrolled hypertension (systolic pressure greater than 180 mm Hg,

  -  No known hypersensitivity to human albumin
"""


def test_only_a_bullet_that_closes_the_bracket_joins():
    crit = parse_criteria(BULLETS)
    assert texts(crit.exclusion) == [
        "Pulmonary edema or moderate to severe congestive heart failure (New York Heart Association [NYHA] III-IV)",
        "Available for 6 months of the study. (Note: Participants who plan to move from one study location to another "
        "are eligible.)",
        "Plasma HIV-1 RNA performed within 60 days [AS PER AMENDMENT 5/5/99: 70 days] of study entry.",
        # a capital after a square amendment bracket may be a criterion the amendment added: kept apart
        "Viable EBV line prior to initial immunization. [AS PER AMENDMENT 4/30/99:",
        "Negative anti-dsDNA antibodies (for volunteers receiving booster vaccine).]",
        # left open, never closed: no join
        "Uncontrolled hypertension (systolic pressure greater than 180 mm Hg,",
        "No known hypersensitivity to human albumin",
    ]
    assert crit.joined_markers == ["-", "-", "-"]
    assert_conserved(BULLETS, crit)


def test_a_numbered_item_is_never_joined_away():
    crit = parse_criteria("Inclusion Criteria:\n1. Hemoglobin of 12 (plus or minus 1 g/dL\n2. range 11-13 g/dL)\n")
    assert [(i.marker, i.text) for i in crit.inclusion] == [("1.", "Hemoglobin of 12 (plus or minus 1 g/dL"),
                                                          ("2.", "range 11-13 g/dL)")]


def test_page_lines_are_joined_like_the_record():
    """The page's copy of the list aligns item for item with the record's (scrapers.reconcile)."""
    items = parse_items(["stable entry hemoglobin level of 12 (plus or minus 1 g/dL", "range 11-13 g/dL)",
                         "glomerular filtration rate (GFR) within 15-60 mL/min"])
    assert texts(items) == ["stable entry hemoglobin level of 12 (plus or minus 1 g/dL range 11-13 g/dL)",
                            "glomerular filtration rate (GFR) within 15-60 mL/min"]


def tree(items, depth=0):
    out = []
    for it in items:
        out.append("  " * depth + it.text)
        out.extend(tree(it.children, depth + 1))
    return out


def test_prior_medication_heads_its_excluded_and_required_lists(shared_dir):
    crit = parse_criteria(record_criteria(shared_dir, "NCT00002397"))
    assert tree(crit.exclusion) == [
        "Prior Medication:",
        "  Excluded:",
        "    Saquinavir and nelfinavir.",
        "    d4T or 3TC within the past 4 months.",
        "  Required:",
        "    Stable antiretroviral therapy for more than 4 weeks.",
    ]


ACTG = """Exclusion Criteria

Co-existing Condition:

Patients with the following symptoms or conditions are excluded:

  -  Active cytomegalovirus disease.

Concurrent Medication:

Excluded:

  -  Cimetidine.

Allowed:

  -  Acyclovir.

Patients with the following prior conditions are excluded:

  -  History of pancreatitis.

Prior Treatment:

Excluded within 4 weeks of study entry:

  -  Irradiation.
"""


def test_qualifier_labels_nest_and_a_label_with_a_subject_ends_the_group():
    crit = parse_criteria(ACTG)
    assert tree(crit.exclusion) == [
        # "Patients with … are excluded:" names its subject: not under the empty "Co-existing Condition:"
        "Co-existing Condition:",
        "Patients with the following symptoms or conditions are excluded:",
        "  Active cytomegalovirus disease.",
        "Concurrent Medication:",
        "  Excluded:",
        "    Cimetidine.",
        "  Allowed:",
        "    Acyclovir.",
        "Patients with the following prior conditions are excluded:",
        "  History of pancreatitis.",
        "Prior Treatment:",
        "  Excluded within 4 weeks of study entry:",
        "    Irradiation.",
    ]
    assert_conserved(ACTG, crit)


def test_a_category_with_items_of_its_own_still_takes_its_qualifiers():
    """"Excluded:" after "Concurrent Medication:" and an item of its own lists concurrent medication too: beside the
    label, it read as excluding whatever came before."""
    text = "Exclusion Criteria\n\nConcurrent Medication:\n\n  -  Antacids.\n\nExcluded:\n\n  -  Cimetidine.\n"
    crit = parse_criteria(text)
    assert tree(crit.exclusion) == ["Concurrent Medication:", "  Antacids.", "  Excluded:", "    Cimetidine."]
    assert_conserved(text, crit)


def test_a_label_with_a_subject_and_items_takes_no_qualifier():
    # "Patients must have:" names what patients must have; the "Allowed:" after it is about medication (NCT00000392)
    crit = parse_criteria("Inclusion Criteria\n\nPatients must have:\n\n  -  HIV infection.\n\nAllowed:\n\n  -  Dapsone.\n")
    assert tree(crit.inclusion) == ["Patients must have:", "  HIV infection.", "Allowed:", "  Dapsone."]


def test_concurrent_medication_keeps_its_allowed_list_after_a_note(shared_dir):
    """NCT00000992: "Concurrent Medication:" / "Itraconazole therapy must begin …" / "Allowed:" / 15 medications; the
    list stood beside the label as a top-level item of its own, not among the concurrent medication."""
    text = record_criteria(shared_dir, "NCT00000992")
    crit = parse_criteria(text)
    med = crit.inclusion[0]
    assert med.text == "Concurrent Medication:"
    assert [c.text[:28] for c in med.children] == ["Itraconazole therapy must be", "Allowed:"]
    assert len(med.children[1].children) == 15
    assert crit.inclusion[1].text == "Concurrent Treatment:"
    assert_conserved(text, crit)


@pytest.mark.parametrize("line, whole", [
    ("In first complete remission with high-risk cytogenetics (t(9;22) or t(4;11))", True),
    ("Must have (9;22) translocation or bcr/abl transcript, and b3a2 breakpoint", True),
    ("High risk features (presenting leukocyte count greater than 100,000/cu mm, Karyotypes t9;22, t4, t19, t11, "
     "biphenotypic leukemia). All second remissions", True),
    # a list number after a bracket left open elsewhere still counts (test_criteria's seed 003)
    ("(8) Drug abuse (subjects who drink (40 proof) spirits); 9. Pregnant women; 10. High risk groups", False),
    # ... and after a bracket never closed: it must not swallow the rest of the list
    ("(8) Drug abuse (subjects who drink 40 proof spirits; 9. Pregnant women; 10. High risk groups", False),
    # a number inside a bracket that closes after it is the bracket's words (NCT04007835)
    ("Progression (for recurrent disease, adjuvant chemotherapy; 3. relapse 6 months after treatment).", True),
])
def test_a_number_inside_a_bracket_is_no_list_marker(line, whole):
    items = parse_items([line])
    assert (texts(items) == [line]) is whole
    if whole:
        assert items[0].marker is None
