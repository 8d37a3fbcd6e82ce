"""A record's criteria shown in one paragraph, its line breaks run together (CheckOrphan's "Eligibility Criteria:"):
"*" bullets split as the record writes them, and a lead-in with no number after numbered items read as its own item
with its restarted list (not glued to the item before)."""

from criteria_support import one_paragraph, one_paragraph_alarms

from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line
from scrapers.sites._runon import split_paragraph


# NCT00297544, as the record writes it
STARS = ("Inclusion Criteria:\n\n* age 40-70\n* impotence\n* with and without hypertension, Hypercholesteremia or DM\n\n"
         "Exclusion Criteria:\n\n* CHF: NYHA > II\n* Stable angina: CCS > II\n* Nitrate treatment")


def test_star_bullets_run_together_split_as_the_record_writes_them():
    assert one_paragraph(STARS) == (
        ["age 40-70", "impotence", "with and without hypertension, Hypercholesteremia or DM"],
        ["CHF: NYHA > II", "Stable angina: CCS > II", "Nitrate treatment"])
    assert one_paragraph_alarms("NCT00297544", STARS) == []


def test_a_star_that_is_the_texts_own_is_no_bullet():
    assert split_paragraph("* HbA1c 7.5%* or more * p*q of (Age * AST) * a ** bold ** word") == [
        "HbA1c 7.5%* or more", "p*q of (Age * AST)", "a ** bold ** word"]
    # products: between figures, and a figure times a limit
    assert split_paragraph("* ALT < 2.5 * ULN * platelets < 50 * 10 9/L * AST < 3 * the upper limit") == [
        "ALT < 2.5 * ULN", "platelets < 50 * 10 9/L", "AST < 3 * the upper limit"]
    # after a figure, a bullet starts with any other word ("age 40-70 * impotence", "Male * 18-55 years")
    assert split_paragraph("* age 40-70 * impotence * Male * 18-55 years") == [
        "age 40-70", "impotence", "Male", "18-55 years"]


def test_a_lead_in_before_the_first_star_is_its_own_line():
    assert split_paragraph("ED patient must: * Be male * 18 years of age") == [
        "ED patient must:", "Be male", "18 years of age"]
    # an item's own "*" sub-list stays in the numbered item
    assert split_paragraph("1. Female patients who: * are postmenopausal, OR * are sterile 2. Signed consent") == [
        "1. Female patients who: * are postmenopausal, OR * are sterile", "2. Signed consent"]


# NCT03813992's shape, shortened: items 1-8, then a lead-in with no number and its restarted list, to the next heading
LEAD_IN = ("Inclusion Criteria:\n\n1. Subject is a male aged between 18 and 70 years inclusive, at screening\n"
           "2. Low IIEF-EF scores (≤ 25) during the screening period\n\n"
           "To continue in the open-label extension phase of the study, subjects must meet the following inclusion "
           "criteria at the follow-up visit of the double-blind phase (Visit 6):\n\n"
           "1. Subject and his female partner complete the double-blind phase\n"
           "2. Documented written informed consent from both subject and his female partner\n\n"
           "Exclusion Criteria:\n\n1. Any history of radical prostatectomy\n"
           "2. Subjects with severe premature ejaculation (little or no control of ejaculation at the time of "
           "penetration)\n\nSubjects are prohibited from participating in the open-label extension phase of the study "
           "if they meet any of the following exclusion criteria at the follow-up visit of the double-blind phase "
           "(Visit 6):\n\n1. Subject using any medication that is likely to affect the subject's ability to complete "
           "the study.\n2. Any presence of a symptomatic, active urinary tract infection")


def test_a_lead_in_without_a_number_is_not_glued_to_the_item_before():
    inc, exc = one_paragraph(LEAD_IN)
    assert inc[1] == "2. Low IIEF-EF scores (≤ 25) during the screening period"
    assert inc[2].startswith("To continue in the open-label extension phase") and inc[2].endswith(
        "1. Subject and his female partner complete the double-blind phase 2. Documented written informed consent "
        "from both subject and his female partner")
    assert exc[1].endswith("(little or no control of ejaculation at the time of penetration)")
    assert exc[2].startswith("Subjects are prohibited from participating") and len(exc) == 3
    assert one_paragraph_alarms("NCT03813992", LEAD_IN) == []


def test_an_items_own_lead_in_keeps_its_list():
    # the colon's sentence is the item's first: its own list
    assert split_paragraph("1. Adult 2. Any of the following: 1. a 2. b") == ["1. Adult", "2. Any of the following: 1. a 2. b"]
    # a capital name mid-sentence starts no lead-in, nor does a number's full stop
    assert split_paragraph("1. Adult 2. Patients treated with Keytruda for the following: 1. a 2. b") == [
        "1. Adult", "2. Patients treated with Keytruda for the following: 1. a 2. b"]
    assert split_paragraph("1. Reversibility of at least 12% OR 2. Methacholine PC20 as follows: 1. a 2. b") == [
        "1. Reversibility of at least 12% OR 2. Methacholine PC20 as follows: 1. a 2. b"]
    # after a full stop the last sentence may be the item's own, and a capital word after a capital one is a name
    # (bench/runon_gaps.py: "7. … allowed. Participants are eligible … if all of the following apply: 1. …")
    assert split_paragraph("1. Adult 2. Households may join. Participants are eligible if all of the following "
                           "apply: 1. a 2. b") == [
        "1. Adult", "2. Households may join. Participants are eligible if all of the following apply: 1. a 2. b"]
    assert split_paragraph("1. Adult 2. Mast Cell Related Condition Patients with any of the following will be "
                           "excluded: 1. a 2. b")[1].startswith("2. Mast Cell Related Condition Patients with")
    # a restarted list that the top level resumes after is no lead-in's
    assert split_paragraph("1. Adult 2. Healthy. To join, any of: 1. a 2. b 3. Signed consent") == [
        "1. Adult", "2. Healthy. To join, any of: 1. a 2. b", "3. Signed consent"]


def test_a_non_inclusion_heading_starts_the_exclusion_list():
    """"Non-inclusion Criteria:" (NCT02472431, NCT04506658, NCT02679963) heads the list the record reads as its
    exclusions; read as an inclusion's words, its 14 items were "listed as requirements for joining" (critical)."""
    assert criteria_lists([Line("Inclusion Criteria: * a * b Non-inclusion Criteria: * c * d", "p")])[:2] == (
        ["a", "b"], ["c", "d"])
    assert criteria_lists(["Inclusion Criteria:", "Adults", "Non-Inclusion Criteria:", "Pregnant"])[:2] == (
        ["Adults"], ["Pregnant"])
    crit = ("Inclusion Criteria:\n\n* Patient suffers from erectile dysfunction\n* IIEF-5 score less than 21\n\n"
            "Non-inclusion Criteria:\n\n* Medical history of penile prosthesis implantation\n* Peyronie's disease\n"
            "* Patients with infections or septic condition")
    assert one_paragraph_alarms("NCT02472431", crit) == []


def test_a_lead_in_and_its_stars_among_other_criteria_is_one_item():
    """One paragraph per item (TrialFinderData's tables layout): "Concomitant Medication: * … * …" (NCT00657644) is one
    item with its sub-list, as "Abnormal Laboratory Values: 1. … 2. …" is; alone under its heading it is the list."""
    lines = [Line("Inclusion Criteria:", "p"), Line("Men aged 18 or older", "p"),
             Line("Concomitant Medication: * Subjects who are taking nitrates. * Subjects who are taking androgens.", "p"),
             Line("Signed consent", "p")]
    assert criteria_lists(lines)[0] == [
        "Men aged 18 or older",
        "Concomitant Medication: * Subjects who are taking nitrates. * Subjects who are taking androgens.",
        "Signed consent"]
    alone = [Line("Inclusion Criteria:", "p"), Line("ED patient must: * Be male * Be 18 or older", "p"),
             Line("Exclusion Criteria:", "p")]
    assert criteria_lists(alone)[0] == ["ED patient must:", "Be male", "Be 18 or older"]
