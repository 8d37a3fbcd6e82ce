"""What neg1 (same_negatives.py, side words in scope.py) left or broke (neg2). A side left out of a list of sides
("or bilateral vagotomy" for "unilateral or bilateral vagotomy") went silent; "cancerous" for "benign" only warned;
a "No" dropped where the page's "non-" balanced its count only warned; "but ineligible" for "but not eligible" was
critical. And review r43's: a negative moved to another clause, or a noun read across a sentence's end, was read as the
record's word, and the flip went silent. Items are real ClinicalTrials.gov items (NCT ids given) or r43's rows."""

import pytest

from criteria_support import worst_alarm

from scrapers.fidelity import polarity_flips
from scrapers.reconcile.same_negatives import in_record_negatives

def _severity(item: str, old: str, new: str, section: str = "exclusion") -> str:
    return worst_alarm(item, old, new, section)


@pytest.mark.parametrize("item, old, new", [
    ("Has had a previous unilateral or bilateral vagotomy.", "unilateral ", ""),   # NCT01701245
    ("Mild, moderate, severe or profound unilateral or bilateral hearing loss", "unilateral ", ""),   # NCT06136923
    ("Unilateral or bilateral leg ulcers.", "Unilateral or bilateral", "Or bilateral"),   # NCT00005783
    ("Unilateral or bilateral leg ulcers.", "Unilateral or bilateral", "Bilateral"),
    ("Primary invasive adenocarcinoma of the unilateral or bilateral breast", "unilateral ", ""),   # NCT00002920
    ("At least 1 unidimensionally or bidimensionally measurable target lesion on chest CT scan",   # NCT00002623
     "unidimensionally ", ""),
    ("Bidimensionally or unidimensionally measurable lesions", "or unidimensionally", "or"),   # NCT00004935
    ("Histologically proven unifocal or multifocal, supratentorial, pure or mixed anaplastic oligodendroglioma",
     "unifocal ", ""),   # NCT00002569
    ("Solitary, unilateral, intracranial mass consistent with metastasis on MRI scan", "unilateral, ", ""),
])
@pytest.mark.parametrize("section", ["inclusion", "exclusion"])
def test_a_side_left_out_of_a_list_of_sides_warns(item, old, new, section):
    """Each warned before neg1 ('leaves out "unilateral"'); those with the list's "or" left behind went silent."""
    assert _severity(item, old, new, section) in ("warning", "critical")


@pytest.mark.parametrize("item, old, new", [
    ("Has had a previous unilateral or bilateral vagotomy.", "unilateral or bilateral", "bilateral or unilateral"),
    ("Has had a previous unilateral or bilateral vagotomy.", "unilateral", "one-sided"),
])
def test_a_list_of_sides_reordered_or_reworded_stays_silent(item, old, new):
    assert _severity(item, old, new, "inclusion") == "silent"


@pytest.mark.parametrize("item", [
    "Severe benign prostatic hypertrophy with an IPSS scale score over 19.",   # NCT02514629
    "Lymphadenopathy allowed if biopsy proof of a benign cause",   # NCT00002550
])
def test_cancerous_for_benign_is_critical(item):
    """"cancerous" names the people "malignant" does: a flip, as "malignant" for "benign" is (68 of 68 warned)."""
    assert _severity(item, "benign", "cancerous") == "critical"
    assert _severity(item, "benign", "malignant") == "critical"
    assert _severity(item, "benign", "non-cancerous") == "silent"


def test_cancerous_is_the_side_of_malignant_and_not_cancerous_neither():
    assert polarity_flips("benign tumor", "cancerous tumor") == [("benign", "cancerous")]
    for page in ("non-cancerous tumor", "noncancerous tumor", "not cancerous tumor", "benign"):
        assert not polarity_flips("benign tumor", page)
    assert not polarity_flips("malignant tumor", "cancerous tumor")   # (one side, two words)


@pytest.mark.parametrize("item, old, new", [
    ("No benign meningioma", "No benign", "Non-cancerous"),   # NCT00003292
    ("Colonoscopy with submission of at least 7 rectosigmoid biopsies required at entry No benign hyperplastic "
     "polyps or polyps less than 10 mm", "No benign", "non-cancerous"),   # NCT00002650
])
def test_a_dropped_no_stays_critical_beside_a_reworded_negative(item, old, new):
    """The page's "non-" stands where the record's "No benign" did: read as "benign", so the "No" is left out."""
    assert _severity(item, old, new, "inclusion") == "critical"
    assert _severity(item, old, new) == "critical"


@pytest.mark.parametrize("item, old, new", [
    ("Patients with cancer but not eligible for surgery", "not eligible", "ineligible"),
    ("Patients with cancer but ineligible for surgery", "ineligible", "not eligible"),
    ("Patients with operable disease but unable to undergo surgery", "unable", "not able"),
])
def test_but_with_the_other_negative_is_silent(item, old, new):
    """"but not" is also an exception word to the fidelity check: "but ineligible" for "but not eligible" lost one."""
    assert _severity(item, old, new) == "silent"
    assert _severity(item, old, new.replace("not ", "").replace("in", "").replace("un", "")) == "critical"


def test_but_with_the_other_negative_and_another_not_dropped_stays_critical():
    item = "Patients with operable disease but unable to undergo surgery and not pregnant"
    assert _severity(item, "unable to undergo surgery and not", "not able to undergo surgery and") == "critical"


@pytest.mark.parametrize("record, page", [
    ("Use of steroids is prohibited during the study; use of antihistamines is allowed during the study",
     "Use of steroids is allowed during the study; use of antihistamines is not allowed during the study"),
    ("Steroids are not allowed during the study; antihistamines are allowed during the study",
     "Steroids are allowed during the study; antihistamines are prohibited during the study"),
    ("Benign tumors are allowed; malignant tumors are not allowed",
     "Non-malignant tumors are not allowed; malignant tumors are allowed"),
    ("Patients with benign disease are eligible; patients with malignant disease are ineligible",
     "Patients with non-malignant disease are ineligible; patients with malignant disease are eligible"),
    ("Benign prostatic hyperplasia is allowed; malignant prostate disease is excluded",
     "Non-cancerous prostatic hyperplasia is excluded; malignant prostate disease is allowed"),
    # (NCT00462423's clauses swapped: a chemotherapy-pretreated patient told they may join)
    ("Surgical adjuvant therapy with interferon, vaccines, or cytokines is permitted. Prior adjuvant therapy with "
     "chemotherapeutic agents is not allowed.",
     "Surgical adjuvant therapy with interferon, vaccines, or cytokines is prohibited. Prior adjuvant therapy with "
     "chemotherapeutic agents is allowed."),
    # (NCT00000919: "prohibited" dropped, "not" added in the next sentence: no "Prohibited midazolam")
    ("Systemic ketoconazole or itraconazole, intravenous pentamidine, and rifabutin are prohibited. Midazolam is "
     "allowed for sedation in patients participating on ACTG 723.",
     "Systemic ketoconazole or itraconazole, intravenous pentamidine, and rifabutin are. Midazolam is not "
     "allowed for sedation in patients participating on ACTG 723."),
    ("Warfarin and heparin are prohibited. Aspirin is allowed.", "Warfarin and heparin are. Aspirin is not allowed."),
])
def test_a_negative_moved_to_another_clause_is_critical(record, page):
    """r43 HARMFUL 1-3: critical before neg1, silent or a warning after."""
    assert _severity(record, record, page) == "critical"
    assert _severity(record, record, page, "inclusion") == "critical"


def test_a_moved_negative_is_not_read_as_the_record_word():
    record = "Steroids are not allowed during the study; antihistamines are allowed during the study"
    page = "Steroids are allowed during the study; antihistamines are prohibited during the study"
    assert in_record_negatives(record, page) == page
    assert in_record_negatives("Warfarin is prohibited. Aspirin is allowed.", "Warfarin is. Aspirin is not allowed.") \
        == "Warfarin is. Aspirin is not allowed."
    assert in_record_negatives("Concomitant medications that are prohibited: steroids",
                               "Concomitant medications that are not allowed: steroids") == \
        "Concomitant medications that are prohibited: steroids"


@pytest.mark.parametrize("item, old, new", [
    ("Multifocal glioblastoma", "Multifocal", "Unifocal"),
    ("Histologically proven unifocal supratentorial oligodendroglioma", "unifocal", "multifocal"),
    ("At least 1 bidimensionally measurable lesion", "bidimensionally", "unidimensionally"),
    ("Ipsilateral breast tumor recurrence", "Ipsilateral", "Contralateral"),
])
def test_one_focus_dimension_or_side_for_the_other_is_critical(item, old, new):
    """r43: these turned who may join and only warned ('differs in a word'), as "bilateral" for "unilateral" does not."""
    assert _severity(item, old, new, "inclusion") == "critical"
    assert _severity("At least 1 unidimensionally or bidimensionally measurable lesion", "unidimensionally or "
                     "bidimensionally", "bidimensionally or unidimensionally", "inclusion") == "silent"
