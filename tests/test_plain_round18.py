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
