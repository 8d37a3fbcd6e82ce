"""A numbered sub-list the record writes at its parent's own level, and one whose "(1)" is followed by a figure.

Both were read as criteria of their own: "Are you sexually abstinent?" stood as a requirement beside "Male
participants should all be at low risk of HIV acquisition … any of the following questions:" (NCT04710303), and
"(2) following initiation of ADT …" as a rule merged into "… time frames: (1) 10-day period …" (NCT03525262)."""

from criteria_support import assert_conserved, record_criteria, texts

from scrapers.criteria import parse_criteria


def markers(items):
    return [i.marker for i in items]


def test_the_last_items_restarted_numbers_before_a_heading_are_its_sub_items():
    text = ("Inclusion Criteria:\n\n1. Adults\n2. Has one of the following:\n\n1. Diabetes\n2. Hypertension\n\n"
            "Exclusion Criteria:\n\n1. Pregnant")
    crit = parse_criteria(text)
    assert texts(crit.inclusion) == ["Adults", "Has one of the following:"]
    assert texts(crit.inclusion[1].children) == ["Diabetes", "Hypertension"]
    assert texts(crit.exclusion) == ["Pregnant"]
    assert_conserved(text, crit)


def test_restarted_numbers_up_to_the_items_own_next_number_are_its_sub_items():
    text = "4. Adults\n5. Has one of the following\n1. Diabetes\n2. Hypertension\n6. Signed consent"
    crit = parse_criteria(text)
    assert texts(crit.unplaced) == ["Adults", "Has one of the following", "Signed consent"]
    assert texts(crit.unplaced[1].children) == ["Diabetes", "Hypertension"]


def test_a_restarted_run_that_something_else_ends_is_left_as_written():
    # after the run, a paragraph: nothing says the sub-list ends there, so nothing moves
    text = "1. Adults\n2. Has one of the following:\n1. Diabetes\n2. Hypertension\n\nSigned consent"
    assert [len(i.children) for i in parse_criteria(text).unplaced] == [0, 0, 0, 0, 0]


def test_a_list_that_starts_at_its_lead_in_stays_the_list():
    """"… must meet the following requirements:" over "1. …" with no number before it (NCT00636506) is the list's
    introduction; its items stay the list's own, each counted as a criterion."""
    lead = "To be eligible to participate in this study, male subjects must meet the following requirements:"
    text = f"Inclusion Criteria:\n\n{lead}\n1. Adults\n2. Signed consent\n\nExclusion Criteria:\n\n1. Pregnant"
    assert texts(parse_criteria(text).inclusion) == [lead, "Adults", "Signed consent"]


def test_nct04710303_the_questions_are_item_9s(shared_dir):
    text = record_criteria(shared_dir, "NCT04710303")
    crit = parse_criteria(text)
    nine = crit.inclusion[8]
    assert nine.marker == "9." and nine.text.endswith("any of the following questions:")
    assert markers(nine.children) == ["1.", "2.", "3."]
    assert nine.children[0].text == "Are you sexually abstinent?"
    # the heading after them ends the sub-list: item 10 stays the list's
    assert crit.inclusion[9].marker == "10."
    assert not any(it.text == "Are you sexually abstinent?" for it in crit.inclusion)
    assert_conserved(text, crit)


def test_nct03813992_the_extension_phases_criteria_are_under_their_lead_in(shared_dir):
    text = record_criteria(shared_dir, "NCT03813992")
    crit = parse_criteria(text)
    for section, first in (("inclusion", "Subject and his female partner complete the double-blind phase"),
                           ("exclusion", "Subsequent to recruitment into the double-blind phase")):
        lead = getattr(crit, section)[-1]
        assert "open-label extension phase" in lead.text and lead.marker is None
        assert markers(lead.children) == ["1.", "2.", "3.", "4."] and lead.children[0].text.startswith(first)
    assert len(crit.inclusion) == 9
    assert_conserved(text, crit)


def test_a_sub_list_whose_first_entry_starts_with_a_figure_is_one_item(shared_dir):
    """"… time frames: (1) 10-day period …; (2) …" (NCT03525262): the "(1)" before a figure was no list marker, so
    the list was read from its "(2)" as rules merged into the lead-in's, the "(1)" left inside the lead-in."""
    text = record_criteria(shared_dir, "NCT03525262")
    crit = parse_criteria(text)
    note = crit.inclusion[7].children[0]
    assert note.text == "-Study entry PSA must not be obtained during the following time frames:"
    assert markers(note.children) == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert note.children[0].text == "10-day period following prostate biopsy;"
    assert len(crit.inclusion[7].children) == 1
    assert_conserved(text, crit)


def test_a_numbered_sub_list_starting_with_a_figure_after_a_colon():
    # NCT00005831's shape: "… ANY of the following: 1. 2+ or 3+ staining …, or 2. a positive FISH score …"
    crit = parse_criteria("* HER2 overexpression as documented by ANY of the following: 1. 2+ or 3+ staining, or "
                          "2. a positive FISH score, or 3. an elevated serum HER2")
    item = crit.unplaced[0]
    assert item.text == "HER2 overexpression as documented by ANY of the following:"
    assert texts(item.children) == ["2+ or 3+ staining, or", "a positive FISH score, or", "an elevated serum HER2"]
    # a figure after a colon with no list after it stays the item's words
    assert texts(parse_criteria("* Bilirubin: 1. 5 times the upper limit").unplaced) == [
        "Bilirubin: 1. 5 times the upper limit"]
