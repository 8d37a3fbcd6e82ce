"""An item's numbered sub-list inside the one paragraph a page gives the item.

A page that shows one paragraph per criterion (TrialFinderData's tables layout) puts an item's sub-items inside its
paragraph: "2. Has one of: 1. Aaa 2. Bbb 3. Ccc". Split on its numbers, the sub-items were read as criteria of their
own: the list's last item was cut at its own "3." (no next paragraph to say otherwise), and a lead-in with no number
("Abnormal Laboratory Values: 1. … 2. … 3. …", NCT00379756) became four criteria. A whole list run into one paragraph
("Patients must meet all of the following: 1. … 2. …") is still its introduction and its items."""

import pytest

from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line


def head(text: str) -> Line:
    return Line(text, "h3")


def paras(*texts: str) -> list[Line]:
    return [Line(t, "p") for t in texts]


def test_the_last_numbered_paragraph_keeps_its_restarted_sub_list():
    lines = [head("Inclusion Criteria"), *paras("1. Adults", "2. Has one of: 1. Aaa 2. Bbb 3. Ccc"),
             head("Exclusion Criteria"), *paras("1. Pregnant")]
    inc, exc, _ = criteria_lists(lines)
    assert inc == ["1. Adults", "2. Has one of: 1. Aaa 2. Bbb 3. Ccc"]
    assert exc == ["1. Pregnant"]


def test_the_last_numbered_paragraph_before_a_note_keeps_its_sub_list():
    # NCT00001359: item 2's five PANDAS criteria, then the record's unnumbered note, then the next heading
    item2 = ("2. Fulfill criteria for membership in the PANDAS subgroup: 1. Presence of OCD and/or tic disorder "
             "2. Prepubertal symptom onset 3. Abrupt onset and episodic (relapsing-remitting) symptom course "
             "4. Association between symptom exacerbations and GABHS infections 5. Presence of choreiform movements")
    note = "Because \"time to relapse\" is one of the primary outcome variables, children will not be eligible."
    inc, _, _ = criteria_lists([head("Inclusion Criteria"), *paras("1. Ages 4 - 18 years", item2, note)])
    assert inc == ["1. Ages 4 - 18 years", item2, note]


@pytest.mark.parametrize("last, items", [
    # the record ran two items into one line: no colon before a restart at 1
    ("8. Able to attend visits 9. Willing to forego other studies",
     ["8. Able to attend visits", "9. Willing to forego other studies"]),
    # the run after the colon ends at the item's own next number: that starts the next item
    ("8. Has one of: 1. Aaa 2. Bbb 9. Ccc", ["8. Has one of: 1. Aaa 2. Bbb", "9. Ccc"]),
])
def test_a_last_paragraph_without_a_restarted_run_splits_as_before(last, items):
    inc, _, _ = criteria_lists([head("Inclusion Criteria"), *paras("7. Adults", last)])
    assert inc == ["7. Adults", *items]


def test_a_lead_in_among_the_lists_paragraphs_is_one_item():
    lead = ("Abnormal Laboratory Values: 1. serum total testosterone level >25% below the lower limit of normal "
            "2. serum creatinine >3.0 mg/dl. 3. AST and/or ALT >3x the upper limit of normal.")
    lines = [head("Exclusion Criteria"), *paras("Pregnancy", lead, "Allergy to the study drug")]
    assert criteria_lists(lines)[1] == ["Pregnancy", lead, "Allergy to the study drug"]
    # last in its list, after another criterion, as well
    assert criteria_lists([head("Exclusion Criteria"), *paras("Pregnancy", lead)])[1] == ["Pregnancy", lead]


def test_a_lead_in_alone_under_its_heading_is_the_lists_introduction():
    # the whole list run into one paragraph: read whole, the corpus's introductions drew "criteria merged" warnings
    intro = "Patients must meet all of the following: 1. Adults 2. Signed consent"
    lines = [head("Inclusion Criteria"), *paras(intro), head("Exclusion Criteria"), *paras("1. Pregnant")]
    assert criteria_lists(lines)[0] == ["Patients must meet all of the following:", "1. Adults", "2. Signed consent"]
    assert criteria_lists([f"Inclusion Criteria: {intro} Exclusion Criteria: 1. Pregnant"])[0] == [
        "Patients must meet all of the following:", "1. Adults", "2. Signed consent"]


@pytest.mark.parametrize("text, start, want", [
    ("Has one of: 1. Aaa 2. Bbb 3. Ccc", 0, True),
    ("2. Has one of the following 1. Aaa 2. Bbb", 3, True),
    ("Has one of 1. Aaa 2. Bbb", 0, False),                     # no lead-in
    ("Has one of: 1. Aaa", 0, False),                           # one number is no list
    ("Has one of: 1. Aaa 3. Ccc", 0, False),                    # not in sequence
    ("Bilirubin: 1. 5 times the limit 2. Aaa", 0, False),       # a figure
    ("The donor must: 1. a) be anti-HCV+ 2. be 18", 0, False),   # a number before a letter marker (NCT00004850)
    ("1. Aaa 2. Bbb", 0, False),                                # no lead-in words at all
])
def test_sub_list_to_end(text, start, want):
    from scrapers.sites._runon_numbered import sub_list_to_end
    assert sub_list_to_end(text, start) is want
