"""A list number left at a line's end, its item's text on the next line: "-  Hormonal contraception (…) Or; 21." /
"Non-sterile male participants must agree to use a condom …" (NCT04710303, under "20. Female participants …
includes:"). Item 21 opens beside item 20, not under the bullet it was written in (where it read as a kind of hormonal
contraception). Of the 20 such line ends in 16 records of the shared corpus, 14 already opened their item, 4 are no
list number ("(Month 6)" / "of the study.", "as in (4)" / "above."), NCT00497653's "(6)" stays in the item before (its
"and (5)" stops the run-on reader) and this one was misplaced."""

from criteria_support import assert_conserved, record_criteria

from scrapers.criteria import parse_criteria


def test_item_21_opens_beside_item_20(shared_dir):
    text = record_criteria(shared_dir, "NCT04710303")
    crit = parse_criteria(text)
    [reproductive] = [it for it in crit.inclusion if it.text == "Reproductive Status:"]
    markers = [c.marker for c in reproductive.children]
    assert markers[:2] == ["20.", "21."] and "22." in markers
    twenty, twenty_one = reproductive.children[:2]
    assert twenty_one.text.startswith("Non-sterile male participants must agree to use a condom")
    assert [c.marker for c in twenty.children] == ["-", "-"]
    assert twenty.children[1].text.startswith("Hormonal contraception") and twenty.children[1].children == []
    assert_conserved(text, crit)


def test_the_line_end_numbers_that_opened_their_items_still_do(shared_dir):
    """NCT00000728's "… without a definable cause. 4." / "Herpes zoster …" and NCT00006290's "…; 3)" / "increase in bra
    …" open their items, as at the start of parser3."""
    crit = parse_criteria(record_criteria(shared_dir, "NCT00000728"))
    [arc] = [it for it in crit.exclusion + crit.inclusion if it.text.startswith("Patients with AIDS related complex")]
    assert [c.marker for c in arc.children] == ["-", "2.", "3.", "4.", "5.", "6."]
    assert arc.children[3].text == "Herpes zoster during the past 2 years."
    crit = parse_criteria(record_criteria(shared_dir, "NCT00006290"))
    [fat] = [it for it in crit.inclusion if it.text.startswith("Are experiencing at least 1")]
    assert [c.marker for c in fat.children] == [f"{n})" for n in range(1, 8)]


def test_a_number_run_on_into_a_sub_item_goes_back_to_its_own_list():
    crit = parse_criteria("Inclusion Criteria:\n\n1. Contraception, one of:\n\n   * Pill, or\n   * Implant. 2. Consent "
                          "signed\n\nExclusion Criteria:\n\n* Pregnancy")
    assert [it.marker for it in crit.inclusion] == ["1.", "2."]
    assert [c.text for c in crit.inclusion[0].children] == ["Pill, or", "Implant."]
    # a sub-list of the bullet's own, numbered from 1, stays under it
    crit = parse_criteria("Inclusion Criteria:\n\n1. Contraception, one of:\n\n   * Implant, either: 1) rod; 2) "
                          "capsule\n\n2. Consent")
    implant = crit.inclusion[0].children[0]
    assert [c.marker for c in implant.children] == ["1)", "2)"]
    assert [it.marker for it in crit.inclusion] == ["1.", "2."]
