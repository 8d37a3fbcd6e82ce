"""Review round 18: "You have no … HIV negative" (a negation run on into a stated result), a donor's criteria said to
the patient, allowed conditions read as requirements, "No pregnant or nursing women" missed at a glance, and an
article before a plural."""
from plain_support import shown

from server.explain import explain_item
from server.sentences import split_clauses


# --- #1: a negated PDQ line run on into a stated result ("HIV negative") ---------------------------------------------

def test_negated_line_is_cut_before_a_stated_result():
    """NCT00003944: "No other severe medical disease HIV negative" read "You have no other severe medical disease HIV
    (…) negative": the opposite of the rule (71 items / 70 records)."""
    assert split_clauses("Other: No other severe medical disease HIV negative No prior malignancy") == \
        ["Other: No other severe medical disease", "HIV negative", "No prior malignancy"]
    got = shown("Other: No other severe medical disease HIV negative No prior malignancy", "inclusion")
    assert got.startswith("Other: You have no other severe medical disease. HIV (the virus that causes AIDS) negative.")


def test_the_cut_comes_before_the_whole_result_name():
    """NCT00003107 "No chronic or acute hepatitis Hepatitis B surface antigen negative"; NCT00004145 "HIV-1, HIV-2, and
    HTLV-1 negative"; NCT00002773 "No AIDS HIV negative" (a capitalized word ends the negated line)."""
    assert split_clauses("No chronic or acute hepatitis Hepatitis B surface antigen negative") == \
        ["No chronic or acute hepatitis", "Hepatitis B surface antigen negative"]
    assert split_clauses("Other: No active infection HIV-1, HIV-2, and HTLV-1 negative Not pregnant or nursing") == \
        ["Other: No active infection", "HIV-1, HIV-2, and HTLV-1 negative", "Not pregnant or nursing"]
    assert split_clauses("Other: No AIDS HIV negative No prior or concurrent autoimmune disease") == \
        ["Other: No AIDS", "HIV negative", "No prior or concurrent autoimmune disease"]
    # not inside a name: "vitamin B12 deficiency" stays whole
    assert split_clauses("Other: No uncorrected folate or vitamin B12 deficiency HIV negative") == \
        ["Other: No uncorrected folate or vitamin B12 deficiency", "HIV negative"]


def test_a_result_said_of_someone_or_inside_the_negation_is_not_cut():
    """"No known HIV positive", "No NHL patient HIV positive will be included" (NCT00001571), "… a regular
    known/presumed HIV negative partner" (NCT00490074), "No Hepatitis B/C virus positive patients" (NCT00001462)."""
    for text in ("No known HIV positive", "No NHL patient HIV positive will be included.",
                 "no unprotected vaginal intercourse in the last six months outside a relationship with a regular "
                 "known/presumed HIV negative partner", "No Hepatitis B/C virus positive patients."):
        assert split_clauses(text) == [text]


def test_a_result_whose_name_ends_a_list_is_kept_as_written():
    """NCT00003248 "… corticosteroids Direct antiglobulin test or direct Coombs test negative": no cut inside the
    name ("… or direct. Coombs test negative"), and the negated clause is not said to the reader over it."""
    text = ("Other: No medical condition requiring chronic use of oral corticosteroids Direct antiglobulin test or "
            "direct Coombs test negative")
    assert split_clauses(text) == [text]
    assert not explain_item(text).shown.startswith("Other: You have no")


def test_a_negated_clause_glued_to_a_result_is_not_addressed():
    """When no cut can be made ("Aplastic anemia patients: No … HIV negative …", NCT00005852), the clause stays in
    the registry's words rather than "You have no … HIV negative"."""
    got = explain_item("Other: Aplastic anemia patients: No uncontrolled diabetes mellitus or thyroid disease No active "
                       "serious infections HIV negative Not pregnant or nursing").shown
    assert "You have no" not in got


# --- #2: a donor's criteria are not said to the patient ------------------------------------------------------------

def _shown_under(criteria: str) -> list[str]:
    from server.explain import explain_text
    return [e.shown for e in explain_text(criteria).items()]


def test_a_donor_label_keeps_its_items_off_the_reader():
    """NCT00001880: under "DONOR:", "Pregnant or lactating." read "You are pregnant or breastfeeding." (36 items / 14
    records)."""
    got = _shown_under("EXCLUSION CRITERIA:\n\nPATIENT:\n\nPregnant or lactating.\n\nDONOR:\n\nPregnant or lactating.\n\n"
                       "Age less than 10 or greater than 80 years.\n")
    assert got.count("You are pregnant or breastfeeding.") == 1   # the patient's own item only
    assert "Age less than 10 or more than 80 years." in got


def test_donor_lead_ins_keep_their_items_off_the_reader():
    """NCT00004850 "To fulfill criteria for study entry, the donor must:"; NCT00000824 "Donor siblings must have:";
    NCT00002778 "Availability of an HLA-identical sibling donor"; NCT00004135 "HLA 5/6 or 6/6 matched sibling donor
    available"."""
    for lead, item in (("To fulfill criteria for study entry, the donor must:", "be 18 years of age or older."),
                       ("Donor siblings must have:", "Ability to donate on multiple occasions."),
                       ("Availability of an HLA-identical sibling donor", "At least 3 years of age"),
                       ("HLA 5/6 or 6/6 matched sibling donor available", "No active infection")):
        got = _shown_under(f"Inclusion Criteria:\n\n  -  {lead}\n\n       -  {item}\n")
        assert not any(s.startswith("You") for s in got), got


def test_a_donor_label_inside_an_item_is_not_addressed():
    """NCT00003145 "DONOR: Known allergy to G-CSF" read "DONOR: You have a known allergy to G-CSF"."""
    assert not shown("DONOR: Known allergy to G-CSF").startswith("DONOR: You")
    assert not shown("DONOR: Current serious systemic illness").startswith("DONOR: You")
    assert shown("Other: Current serious systemic illness").startswith("Other: You")   # other labels still are


def test_a_transplant_from_a_donor_is_still_the_patients():
    """NCT00005802 "Allogeneic PBSCT from related … OR unrelated donor": its items ("Must have achieved complete
    remission after PBSCT") are the patient's."""
    got = _shown_under("Inclusion Criteria:\n\n  -  Allogeneic PBSCT from related (HLA identical and 1 antigen mismatch) "
                       "OR unrelated donor\n\n       -  Must have achieved complete remission after PBSCT\n")
    assert "You must have achieved complete remission after PBSCT" in got


# --- #3: a list of what is allowed is not a list of requirements -----------------------------------------------------

def test_allowed_conditions_are_not_said_as_what_you_have():
    """NCT00002778 "The following conditions are allowed:" → "You have fibrosis" under "You may be able to join if…";
    NCT00002945 "Prior medical conditions allowed:" → "You have aplastic anemia"; NCT00003631 "Presence of the
    following prognostic factors are allowed:" → "You have extranodal disease"."""
    for lead, item in (("The following conditions are allowed:", "Fibrosis"),
                       ("Prior medical conditions allowed:", "Aplastic anemia"),
                       ("Presence of the following prognostic factors are allowed:", "Extranodal disease")):
        got = _shown_under(f"Inclusion Criteria:\n\n  -  {lead}\n\n       -  {item}\n")
        assert not any(s.startswith("You have") for s in got), got


# --- #4: "No pregnant or nursing women" in an inclusion list shows at a glance ---------------------------------------

def _glance(criteria: str) -> tuple[bool, bool]:
    from scrapers.criteria import parse_criteria
    from server.explain import at_a_glance
    g = at_a_glance(None, parse_criteria(criteria))
    return g["pregnancy_excluded"], g["breastfeeding_excluded"]


def test_no_pregnant_or_nursing_women_in_the_inclusion_list_shows_both_rows():
    """NCT00001450 "No pregnant or nursing women." showed neither row (85 and ≈78 records)."""
    assert _glance("Inclusion Criteria:\n\n  -  No pregnant or nursing women.\n\n  -  Effective contraception required\n") \
        == (True, True)
    assert _glance("Inclusion Criteria:\n\n  -  Other: No pregnant women Adequate contraception required\n") == (True, False)


def test_a_pregnancy_or_breastfeeding_rule_for_only_some_shows_no_row():
    """NCT00003384 "No pregnant patients who are at high risk for excessive bleeding …" (the trial takes pregnant
    patients); NCT00004757 "No breast feeding if mother on acyclovir"."""
    assert _glance("Inclusion Criteria:\n\n  -  No pregnant patients who are at high risk for excessive bleeding or "
                   "preterm labor if a cone biopsy is performed\n") == (False, False)
    assert _glance("Inclusion Criteria:\n\n  -  No breast feeding if mother on acyclovir\n") == (False, False)


# --- #5: no "a/an" before a plural --------------------------------------------------------------------------------

def test_no_article_before_a_plural_whose_first_word_is_a_count_noun():
    """NCT02945046 "history of hypersensitivity reactions" read "You have had an allergy reactions" (7 items);
    NCT04207047 "History of seizure disorders" read "You have had a seizure disorders" (9 items)."""
    assert shown("History of hypersensitivity reactions to injected proteins") == \
        "You have had allergy reactions to injected proteins"
    assert shown("History of seizure disorders") == "You have had seizure disorders"
    assert shown("Seizure disorders requiring anticonvulsant therapy") == \
        "You have seizure disorders needing seizure medicine treatment"
    # the singular still takes its article
    assert shown("History of stroke") == "You have had a stroke"
    assert shown("Prior organ transplant") == "You have had an organ transplant"


# --- #6: smaller ones --------------------------------------------------------------------------------------------

def test_oral_beside_a_mouth_condition_is_not_glossed_taken_by_mouth():
    """NCT01255813 "active oral or dental abscess" was glossed "Oral: taken by mouth" (7 items); a route still is."""
    from server.plain import glossary_for
    for text in ("Active oral or dental abscess.", "History of oral, genital or rectal herpes",
                 "Oral or vaginal candidiasis."):
        assert not [g for g in glossary_for(text) if g["term"].lower() == "oral"], text
    assert [g for g in glossary_for("Oral or intravenous acyclovir for herpes.") if g["term"] == "Oral"]


def test_no_gloss_inside_a_tests_name():
    """NCT00734604 "haemoglobin A1C" read "hemoglobin (the protein that carries oxygen) A1C (average blood sugar)"."""
    assert "protein that carries oxygen" not in shown("Poorly controlled diabetes (haemoglobin A1C > 9%)")
    assert shown("Glycosylated hemoglobin A1C at most 8%").count("average blood sugar") <= 1


def test_lexicon_swaps_that_broke_a_fixed_phrase():
    """"compliance to the protocol" read "following the study rules to the study plan" (20 items); "determined at the
    discretion of" read "determined as decided by" (7); "physician investigator" read "doctor study doctor" (6)."""
    assert shown("Evidence of poor compliance to the protocol") == "Signs of poor compliance to the study plan"
    assert "following the study rules to" not in shown("Willing to comply; compliance to the study procedures")
    assert "determined as decided by" not in shown("Eligibility will be determined at the discretion of the investigator")
    assert shown("Treatment at the discretion of the investigator") == "Treatment as decided by the study doctor"
    assert "doctor study doctor" not in shown("Any condition that, in the opinion of the physician investigator, "
                                              "would interfere")


def test_people_are_not_what_you_have():
    """NCT00002007 "Current drug or alcohol abusers." read "You have current drug or alcohol abusers."; also
    NCT06190 "Active intravenous drug users"."""
    assert shown("Current drug or alcohol abusers.") == "Current drug or alcohol abusers."
    assert not shown("Active intravenous drug users").startswith("You have")


def test_a_lack_is_not_marked_worded_as_a_requirement():
    """NCT05883553 "No established (sexual) partner …" and NCT02587988 "No reaction to PDE-5 inhibitors" (a
    non-responder rule) are exclusions as written; "No allergic reaction to study drugs" is still marked."""
    from server.worded import worded_as_requirement
    assert not worded_as_requirement("No established (sexual) partner and/or partner is not willing to participate",
                                      False)
    assert not worded_as_requirement("No reaction to PDE-5 inhibitors", False)
    assert worded_as_requirement("No allergic reaction to study drugs", False)
