"""False alarms on pages of unknown hosts that show a record's own criteria (generic12): a run-on number glued to a full
stop ("… molsidomine) .2. Patients …"), a record in parts that repeats its exclusion heading and wraps a part's heading
before its "Inclusion criteria", a site's label after criteria with no list of their own, and a note of the record's
that says "where". The pages are built as bench/generic_verbatim.py builds them."""

from conftest import SAVED_COPIES  # noqa: F401  (the demo records as saved copies: conftest.py)

from conftest import corpus_record
from verbatim_support import generic_page, own_text_alarms
from scrapers.sites._runon_numbered import split_numbered


_page, _alarms = generic_page, own_text_alarms


def test_a_number_glued_to_a_full_stop_starts_the_next_item():
    # NCT00654914's "B) Concomitant Medication" paragraph, as the record's parser cuts it (criteria_runon._RUNON)
    assert split_numbered("B) Concomitant Medication 1. Patients who are taking nitrates (e.g. molsidomine) .2. "
                          "Patients who are taking anticoagulants. 3. Patients who are taking androgens.") == [
        "B) Concomitant Medication", "1. Patients who are taking nitrates (e.g. molsidomine) .",
        "2. Patients who are taking anticoagulants.", "3. Patients who are taking androgens."]
    assert split_numbered("1. Creatinine below 1.5 mg/dL.2. Adults aged 18 or over.") == [
        "1. Creatinine below 1.5 mg/dL.", "2. Adults aged 18 or over."]
    # never a decimal's digits
    assert split_numbered("1. Signed consent to protocol version 1.2. 2. Adults. 3. Able to walk.") == [
        "1. Signed consent to protocol version 1.2.", "2. Adults.", "3. Able to walk."]


def test_a_value_one_right_before_the_next_items_number_stays_in_its_item():
    # NCT02390960's item 19 (its number the page's list's, not the text's): before, cut at "Visit | 1. 20. …", the item
    # lost its "1" and drew a critical "differs in a time period and a number"
    assert split_numbered("Subject has a history of drug abuse within 1 year before Visit 1. 20. Subject has a history "
                          "of alcoholism. 21. Subject has a positive test.") == [
        "Subject has a history of drug abuse within 1 year before Visit 1.", "20. Subject has a history of alcoholism.",
        "21. Subject has a positive test."]
    # a page numbering every item twice is read as before
    assert split_numbered("Adults. 1. 1. Age 18 or over 2. 2. Male") == ["Adults.", "1. 1. Age 18 or over",
                                                                          "2. 2. Male"]


def test_nct00654914_own_text_draws_no_critical(shared_dir):
    # before: a critical "differs in a number" (the page's item held ".2", read as "0.2")
    assert _alarms(corpus_record(shared_dir, "NCT00654914"), "md") == []


PARTS = ("<h2>Eligibility Criteria</h2><p>Inclusion Criteria:</p><ol><li><p>Age 3 months to 17 years</p></li></ol>"
         "<p>Exclusion Criteria:</p><ol><li><p>Likelihood of poor adherence</p></li></ol>"
         "<p>Eligibility criteria for the secondary randomisation to once vs twice daily\nlamivudine+abacavir "
         "Inclusion criteria</p><ol><li><p>Participating in ARROW</p></li><li><p>On ART for at least 36 weeks</p>"
         "<p>Exclusion criteria</p></li><li><p>Likely to switch to second-line therapy in the next 12 weeks</p></li>"
         "</ol><h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>")


def test_a_record_in_parts_is_read_part_by_part():
    # NCT02028676's shape: a part's heading wrapped before "Inclusion criteria", a list restarting after it (its first
    # item reads like a title), and the part's own "Exclusion criteria" heading. Before: the list was cut at
    # "Participating in ARROW", and once read on, the part's requirements were listed as exclusions
    rec = _page(PARTS)
    assert rec.inclusion == ["Age 3 months to 17 years", "Participating in ARROW", "On ART for at least 36 weeks"]
    assert rec.exclusion == ["Likelihood of poor adherence",
                             "Eligibility criteria for the secondary randomisation to once vs twice daily "
                             "lamivudine+abacavir", "Likely to switch to second-line therapy in the next 12 weeks"]
    # an item's own words that end in a heading's are not one ("… of the Exclusion criteria", no part's heading)
    rec = _page("<h2>Eligibility Criteria</h2><p>Inclusion Criteria:</p><ul><li>Adults</li></ul><p>Exclusion "
                "Criteria:</p><p>Patients fulfilling any of the Exclusion criteria</p><ul><li>Pregnant</li></ul>")
    assert rec.exclusion == ["Patients fulfilling any of the Exclusion criteria", "Pregnant"]


def test_nct02028676_own_text_draws_no_critical_and_no_part_left_out(shared_dir):
    # before: 9 "leaves out a requirement" warnings (the two later parts cut off); read on without the part's heading,
    # a critical "lists 'Participating in ARROW' as a reason someone cannot join". Left: the record's lead-in before
    # its first heading, which the page reader does not read (a site's own line there would be read as a criterion)
    found = _alarms(corpus_record(shared_dir, "NCT02028676"), "md")
    assert [f for f in found if f.severity == "critical"] == []
    assert [t for f in found for t in f.evidence.get("official_texts", [])] in (
        [], ["For initial randomisation to CDM vs LCM, and to ART induction strategy:"])


PARAGRAPHS = ("<div><p><strong>Who can take part</strong></p><p><strong>Inclusion Criteria:</strong></p>"
              "<p>All patients who are scheduled to have orthopedic surgery for fibrous dysplasia</p>"
              "<p>Patients meeting criteria for juvenile dermatomyositis are eligible</p></div>")


def test_a_sites_label_after_criteria_with_no_list_is_not_a_criterion():
    # bench.generic_verbatim's label layout (NCT00001973): before, "Where this study takes place:" was read as one
    # more requirement (8 of 300 such pages drew "This page lists 'Where this study takes place:' …")
    for label, first in (("Where this study takes place:", "Mercy Regional Medical Center"),
                         ("Study sites", "Springfield, Illinois 62701"),
                         ("Our research team:", "Dr. Jane Roe, principal investigator")):
        rec = _page(f"{PARAGRAPHS}<div><p>{label}</p><ul><li>{first}</li></ul></div>")
        assert rec.inclusion == ["All patients who are scheduled to have orthopedic surgery for fibrous dysplasia",
                                 "Patients meeting criteria for juvenile dermatomyositis are eligible"], label
    # a label of the criteria's own with its list in a block of its own is still read
    rec = _page(f"{PARAGRAPHS}<div><p>Patients must have:</p><ul><li>a confirmed diagnosis of dysplasia</li></ul></div>")
    assert rec.inclusion[-2:] == ["Patients must have:", "a confirmed diagnosis of dysplasia"]


def test_a_note_that_says_where_is_the_records_own_line():
    # NCT00463320's last inclusion line: before, cut off for its "where" (read as a site's "Where …") in all four
    # layouts, a "leaves out a requirement" warning
    note = ("(Note: Consent by legally acceptable representative is allowed where this is in accordance with local "
            "laws, regulations and ethics committee policy.)")
    rec = _page(f"<h2>Eligibility Criteria</h2><p>Inclusion Criteria:</p><ul><li>Male or female 50 years of age.</li>"
                f"</ul><p>{note}</p><p>Exclusion criteria:</p><ul><li>Additional eye disease in the study eye</li></ul>"
                f"<h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>")
    assert rec.inclusion == ["Male or female 50 years of age.", note]
    assert rec.exclusion == ["Additional eye disease in the study eye"]


def test_the_shared_reader_reads_a_colonless_heading_in_mid_paragraph():
    # a site printing a converted legacy record as one paragraph, read by the shared reader with no heading rules of
    # its own (bench.paragraph_pages --one-paragraph): before, the exclusions after "… Exclusion Criteria Patients will
    # not …" were read as requirements for joining, run into the last one (37 of 797 such pages warned; now 2)
    from scrapers.sites._criteria_lists import criteria_lists
    inc, exc, _ = criteria_lists(["Inclusion Criteria: - Are 18 years or older. - Have HIV infection. Exclusion "
                                  "Criteria Patients will not be eligible for this study if they: - Are pregnant. - "
                                  "Have hepatitis B."])
    assert inc == ["Are 18 years or older.", "Have HIV infection."]
    assert exc == ["Are pregnant.", "Have hepatitis B."]
    # an item's words are not cut: in small letters, or not before a capital
    for words in ("Patients with exclusion criteria as listed below are not eligible.",
                  "Exclusion Criteria as listed in the parent study apply."):
        inc, exc, _ = criteria_lists([f"Inclusion Criteria: - Adults aged 18 or older. - Signed consent. {words} - "
                                      "Pregnant women."])
        assert inc == ["Adults aged 18 or older.", f"Signed consent. {words}", "Pregnant women."] and exc == [], words
