"""Review r51 #1, #4 and #6, the record side: an "Eligibility for <part>:" heading after an exclusion list opens a list
of who may join (not more exclusions); a line in capitals just before a heading is a title, not the last exclusion's
sub-item; a hard wrap before "B." after "Part", or before the "2." of a list run inside a sentence, starts no item;
and a bulleted "Excluded within 7 days of study entry:" heads the drugs after it."""

from criteria_support import assert_conserved, record_criteria, texts

from scrapers.criteria import flatten, header_kind, iter_items, parse_criteria, parse_items
from server.explain import explain_text


def _section_of(crit, text: str) -> str:
    [section] = [s for s, _, it in iter_items(crit) if it.text == text]
    return section


def test_eligibility_for_a_substudy_after_the_exclusions_is_who_may_join(shared_dir):
    """NCT00001392: "EXCLUSION CRITERIA: ---None", then "ELIGIBLITY FOR WHOLE EXOME/GENOME SEQUENCING:" (so spelt) over
    who may be sequenced. Left in the exclusions, "Age at least 18 years" and "Able to give informed consent" were
    shown as reasons not to join."""
    text = record_criteria(shared_dir, "NCT00001392")
    crit = parse_criteria(text)
    for item in ("Age greater than or equal to 18 years", "Able to provide informed consent",
                 "Age greater than or equal to 2 years", "Subjects without kidney disease"):
        assert _section_of(crit, item) == "inclusion", item
    assert "- ELIGIBLITY FOR WHOLE EXOME/GENOME SEQUENCING:" in crit.headers
    # the next study's title is no sub-item of the last exclusion before it
    [vaccines] = [it for _, _, it in iter_items(crit) if it.text.startswith("Predicted requirement for live vaccines")]
    assert vaccines.children == []
    assert any(h.startswith("- ANALYSIS OF LIPID-CONTAINING PARTICLES") for h in crit.headers)
    assert _section_of(crit, "Age < 4 years.") == "exclusion"
    assert_conserved(text, crit)


def test_the_substudy_requirements_are_not_shown_as_reasons_to_stay_out():
    plain = explain_text("INCLUSION CRITERIA:\n\n-  Known kidney disease.\n\nEXCLUSION CRITERIA:\n\n-  None\n\n"
                         "-  ELIGIBLITY FOR WHOLE EXOME/GENOME SEQUENCING:\n\n-  Age greater than or equal to 18 years\n\n"
                         "-  Able to provide informed consent\n")
    shown_out = [e.original for e in plain.exclusion]
    assert shown_out == ["None"]
    assert "Age greater than or equal to 18 years" in [e.original for e in plain.inclusion]


def test_eligibility_headings():
    assert header_kind("-  ELIGIBLITY FOR WHOLE EXOME/GENOME SEQUENCING:") == "inclusion"
    assert header_kind("Eligibility Criteria for Re-registration for Patients Randomized Pre-operatively:") == "inclusion"
    # an item's label with its bullet stays a label of the list it is in (NCT00005988)
    assert header_kind("-  Eligibility for other transplant types:") == "generic"
    assert header_kind("ELIGIBILITY OF SPECIAL POPULATIONS") == "generic"


def test_an_eligibility_heading_of_neither_list_after_exclusions_is_unplaced():
    """NCT00001539: "ELIGIBILITY OF SPECIAL POPULATIONS" after the exclusions says children 13 and older are eligible
    and pregnant women are not: neither list's."""
    crit = parse_criteria("Inclusion Criteria:\n\n1. Lyme disease.\n\nExclusion Criteria:\n\n1. Prior treatment.\n\n"
                          "ELIGIBILITY OF SPECIAL POPULATIONS\n\nChildren: Children 13 years and older are eligible.\n\n"
                          "Pregnant women: Pregnant women are excluded.\n")
    assert texts(crit.exclusion) == ["Prior treatment."]
    assert texts(crit.unplaced) == ["Children: Children 13 years and older are eligible.",
                                    "Pregnant women: Pregnant women are excluded."]


def test_a_bulleted_eligibility_label_right_under_the_exclusion_heading_stays_in_the_exclusions():
    crit = parse_criteria("Inclusion Criteria\n\n  -  Leukemia\n\nExclusion Criteria\n\n"
                          "  -  Eligibility for other transplant types:\n\n"
                          "       -  Patient has a matched family donor.\n\n  -  Active uncontrolled infection\n")
    assert "Patient has a matched family donor." in texts(crit.exclusion)
    assert "Active uncontrolled infection" in texts(crit.exclusion)
    assert crit.unplaced == [] and texts(crit.inclusion) == ["Leukemia"]


def test_a_wrapped_lowercase_eligibility_criteria_ends_its_item(shared_dir):
    """NCT00000135: "… in all eyes meeting" / "eligibility criteria": the line ends the exclusion, it is no heading."""
    text = record_criteria(shared_dir, "NCT00000135")
    crit = parse_criteria(text)
    assert ("Media opacity that precludes visualization of the fundus in all eyes meeting eligibility criteria"
            in texts(crit.exclusion))
    assert "eligibility criteria" not in crit.headers
    assert_conserved(text, crit)


def test_part_and_its_letter_cut_by_a_wrap_stay_together(shared_dir):
    """NCT00004307: "… entered as controls Part" / "B. Metabolically stable heterozygous OTC females …": read as an item
    "B.", Part B's rules lost their label and read as everyone's."""
    text = record_criteria(shared_dir, "NCT00004307")
    crit = parse_criteria(text)
    assert not any(it.marker == "B." for _, _, it in iter_items(crit))
    [item] = crit.inclusion
    assert "entered as controls Part B. Metabolically stable heterozygous OTC females" in item.text
    assert_conserved(text, crit)


def test_a_list_run_inside_a_sentence_is_not_cut_at_a_wrapped_number(shared_dir):
    """NCT00001229: "… on the basis of one or more of the following: 1. hypertensive episodes …," / "2. abnormal levels
    …, or 3. …": the "2." a wrap put at a line's start made an item that lost "one or more of"."""
    text = record_criteria(shared_dir, "NCT00001229")
    crit = parse_criteria(text)
    lead = crit.unplaced[0]
    assert lead.text.endswith("on the basis of one or more of the following:")
    assert [c.marker for c in lead.children] == ["1.", "2.", "3."]
    assert lead.children[2].text == "an otherwise unexplained abdominal mass."
    assert_conserved(text, crit)


def test_a_real_wrapped_numbered_list_still_splits():
    line1 = "1. Patients with histologically confirmed adenocarcinoma of the colon who have had surgery"
    assert 78 < len(line1) <= 96
    crit = parse_criteria("Inclusion Criteria:\n" + line1 + "\n2. Age 18 years or older and able to consent to the"
                          " study procedures and follow up\n3. ECOG 0-1\n")
    assert [it.marker for it in crit.inclusion] == ["1.", "2.", "3."]
    # lettered items, the first ending in "part" (a verb's, not a label's)
    crit = parse_criteria("Inclusion Criteria:\nA. Patients at least 6 months old with ornithine transcarbamylase "
                          "deficiency who took part\nB. Females aged 18 to under 65\n")
    assert [it.marker for it in crit.inclusion] == ["A.", "B."]


def test_excluded_within_days_heads_the_drugs_after_it(shared_dir):
    """NCT00002070: "-  Excluded within 7 days of study entry:" / "-  Zidovudine (AZT)." …: as siblings, the label was an
    empty item and the drugs read as excluded at any time."""
    text = record_criteria(shared_dir, "NCT00002070")
    crit = parse_criteria(text)
    [within7] = [it for _, _, it in iter_items(crit) if it.text == "Excluded within 7 days of study entry:"]
    assert texts(within7.children) == ["Zidovudine (AZT).", "Trimethoprim / sulfamethoxazole (TMP / SMX).",
                                       "Pyrimethamine."]
    [within30] = [it for _, _, it in iter_items(crit) if it.text == "Excluded within 30 days of study entry:"]
    assert texts(within30.children) == ["Biologic response modifiers.", "Cytotoxic agents.", "Investigational agents."]
    [excluded] = [it for _, _, it in iter_items(crit) if it.text == "Excluded:" and it.children[0].text.startswith("Gran")]
    assert texts(excluded.children) == ["Granulocyte macrophage colony-stimulating factor (GM-CSF).",
                                        "Colony stimulating factor.", "Interleukin 3.",
                                        "Excluded within 7 days of study entry:", "Excluded within 30 days of study entry:"]
    assert_conserved(text, crit)
    # the requirement under the exclusions is marked as worded as one (server.worded), its item under it
    plain = explain_text(text)
    [required] = [e for e in plain.exclusion[-1].children if e.original.startswith("Required within 1 week")]
    assert required.worded_as_requirement and required.children[0].original == "One or more doses of ganciclovir."


DRUGS = ["Prior Medication:", "Excluded:", "- Interleukin 3.", "- Excluded within 7 days of study entry:",
         "- Zidovudine (AZT).", "- Pyrimethamine."]


def test_page_lines_with_a_bulleted_qualifier_nest_alike():
    """A page's lines are read by the same parser (parse_items), so a page showing the record's lines compares alike."""
    for tree in (parse_items(DRUGS), parse_criteria("Exclusion Criteria:\n" + "\n".join(DRUGS)).exclusion):
        [within7] = [it for it in flatten(tree) if it.text == "Excluded within 7 days of study entry:"]
        assert texts(within7.children) == ["Zidovudine (AZT).", "Pyrimethamine."]


def test_a_time_limit_takes_no_condition_that_holds_at_any_time(shared_dir):
    """NCT00000725: "Co-existing Condition:" / "Excluded are patients with:" / "-  Excluded within 90 days of study
    entry:" / "-  Must be off therapy for PCP unless recovered." / "-  Clinically significant cardiac disease …": the
    conditions after it are no drugs taken within 90 days; put under it, a heart attack years ago would read as no bar.
    Under a drug category, its list ends at an item that is no drug ("History of …", "Patients who …")."""
    crit = parse_criteria(record_criteria(shared_dir, "NCT00000725"))
    [cond] = [it for _, _, it in iter_items(crit) if it.text == "Co-existing Condition:"]
    assert not any(it.text.startswith("Excluded within 90 days") and it.children for it in flatten(cond.children))
    items = parse_items(DRUGS + ["- History of life-threatening pentamidine toxicity."])
    [within7] = [it for it in flatten(items) if it.text == "Excluded within 7 days of study entry:"]
    assert texts(within7.children) == ["Zidovudine (AZT).", "Pyrimethamine."]
    assert "History of life-threatening pentamidine toxicity." in texts(flatten(items))
