"""Related trials: the worst wrong suggestions of rel9's fresh scan of 60 records spread over the corpus: trials for
people with a cancer given to trials of no cancer, a heading's name tying a keyword ("Mood"), trials of advanced cancer
given to prevention trials, and a triple-negative breast cancer trial given to HER2-positive ones. Records are small
CT.gov v2 studies written here, shaped as the real ones the scan showed (tests.test_related_patients)."""

from __future__ import annotations

import pytest

from server.related_needs import cancer_bound, her2, names_tumour, other_her2, prevents_cancer
from tests.test_rel6_kinds import _with
from tests.test_related_patients import _ids, _index, _others, _rec


# (the erectile dysfunction trials of rel9's scan: NCT00179517's list held NCT01194648, NCT06521710, NCT06532149)
ED_TRIALS = [
    _rec("NCT90090031", "Testosterone for Sexual Dysfunction in Hypogonadal Men With Epilepsy",
         ["Seizure Disorder", "Hypogonadism", "Erectile Dysfunction"],
         ("Epilepsy", "Hypogonadism", "Erectile Dysfunction"), sex="MALE", treatments=("Testosterone",)),
    _rec("NCT90090032", "Focal Therapy for Prostate Cancer Using HIFU",
         ["Male Erectile Disorder", "Prostate Cancer", "Urinary Incontinence"],
         ("Prostatic Neoplasms", "Urinary Incontinence", "Erectile Dysfunction"), sex="MALE"),
    _rec("NCT90090033", "Nerve Grafting to Preserve Erectile Function in Patients Undergoing Radical Prostatectomy",
         ["Prostate Cancer", "Erectile Dysfunction"], ("Prostatic Neoplasms", "Erectile Dysfunction"), sex="MALE"),
    _rec("NCT90090034", "Erectile Dysfunction and Sexual Health Assessment in Men With Lung Cancer",
         ["NSCLC Stage IV", "Erectile Dysfunction"], ("Erectile Dysfunction",), sex="MALE"),
    _rec("NCT90090035", "Platelet-Rich Plasma for Erectile Dysfunction", ["Erectile Dysfunction"],
         ("Erectile Dysfunction",), sex="MALE"),
    _rec("NCT90090036", "Tadalafil for Erectile Dysfunction After Radical Prostatectomy", ["Erectile Dysfunction"],
         ("Erectile Dysfunction",), sex="MALE", treatments=("Tadalafil",)),
    _rec("NCT90090037", "Specimen Collections From Patients With Erectile Dysfunction, Lymphoma and Cancer",
         ["Erectile Dysfunction", "Lymphoma", "Kaposi Sarcoma"], ("Erectile Dysfunction", "Lymphoma"), sex="MALE"),
]


def test_a_trial_of_no_cancer_is_not_given_trials_for_people_with_one(tmp_path):
    conn = _index(tmp_path, ED_TRIALS + _others(9200))
    found = _ids(conn, "NCT90090031")
    assert "NCT90090035" in found
    assert not {"NCT90090032", "NCT90090033", "NCT90090034"} & set(found)
    # (a title taking the query's people among others is left alone)
    assert "NCT90090037" in found
    # a query after a cancer's surgery keeps them
    found = _ids(conn, "NCT90090036")
    assert "NCT90090033" in found and "NCT90090032" in found


def test_whom_a_candidate_takes_for_a_cancer():
    assert cancer_bound(["Erectile Dysfunction"], False, ["Prostate Cancer", "Erectile Dysfunction"], [], False)
    assert cancer_bound(["Erectile Dysfunction"], False, ["NSCLC", "Erectile Dysfunction"],
                        ["Sexual Health in Men With Lung Cancer"], None)
    # the query's people named, a screening study of healthy people, or a query saying cancer anywhere
    assert not cancer_bound(["Systemic Mastocytosis"], False, ["Leukemia", "Systemic Mastocytosis"],
                            ["Ontak in Patients With Systemic Mastocytosis"], False)
    assert not cancer_bound(["Smoking"], False, ["Lung Cancer"], ["Lung Cancer Screening"], True)
    assert not cancer_bound(["Erectile Dysfunction"], True, ["Prostate Cancer"], [], False)
    # ("tumor necrosis factor" is no tumour)
    assert not cancer_bound(["HIV Infections"], False, ["Acquired Immunodeficiency Syndrome", "HIV Infection"],
                            ["Home Treatment of HIV-Infected Patients With Interleukin-2 With or Without a Tumor "
                             "Necrosis Factor Antagonist"], False)
    # a tumour first among many others is one of several the study takes
    assert not cancer_bound(["Job Syndrome"], False, ["Bronchogenic Carcinoma", "Chronic Granulomatous Disease",
                                                      "Job's Syndrome", "Mycobacterium Infection"], [], False)
    assert names_tumour(["Tadalafil After Radical Prostatectomy"]) and names_tumour(["Retinoblastoma"])
    assert not names_tumour(["Erectile Dysfunction", "Hypogonadism", "HIV Infections"])


def test_a_heading_by_name_ties_no_keyword(tmp_path):
    """NCT00001481 (postpartum mood, keyword "Mood") was given perimenopausal and premenstrual mood studies, each
    listing only "Mood Disorder"."""
    conn = _index(tmp_path, [
        _with(_rec("NCT90090041", "The Role of Hormones in Postpartum Mood Disorders", ["Postpartum Depression"],
                   ("Depression, Postpartum", "Mood Disorders"), sex="FEMALE", healthy=True),
              keywords=["Postpartum Disorders", "Mood", "Hormones"]),
        _rec("NCT90090042", "Perimenopause-Related Mood and Behavioral Disorders", ["Mood Disorder"],
             ("Mood Disorders",), sex="FEMALE", healthy=True),
        _rec("NCT90090043", "Ganaxolone in Women With Postpartum Depression", ["Postpartum Depression"],
             ("Depression, Postpartum",), sex="FEMALE", treatments=("Ganaxolone",)),
        *_others(9300),
    ])
    found = _ids(conn, "NCT90090041")
    assert "NCT90090043" in found and "NCT90090042" not in found


def test_a_prevention_trial_is_not_given_trials_of_advanced_cancer(tmp_path):
    """NCT00002644 (tamoxifen to prevent breast cancer in women at high risk) was given NCI-MATCH (NCT02465060)."""
    conn = _index(tmp_path, [
        _rec("NCT90090051", "Tamoxifen for the Prevention of Breast Cancer in High-Risk Women", ["Breast Cancer"],
             ("Breast Neoplasms",), sex="FEMALE", treatments=("Tamoxifen",)),
        _rec("NCT90090052", "Targeted Therapy by Genetic Testing in Patients With Advanced Refractory Solid Tumors",
             ["Breast Carcinoma", "Advanced Malignant Solid Neoplasm"], ("Breast Neoplasms", "Neoplasms")),
        _rec("NCT90090053", "Raloxifene for the Prevention of Breast Cancer", ["Breast Cancer"], ("Breast Neoplasms",),
             sex="FEMALE", treatments=("Raloxifene",)),
        *_others(9400),
    ])
    found = _ids(conn, "NCT90090051")
    assert "NCT90090053" in found and "NCT90090052" not in found
    assert not prevents_cancer(["Preventing Nausea in Cancer Patients", "Prevention of Recurrence in Breast Cancer"])


def test_a_her2_positive_trial_is_not_given_a_triple_negative_one(tmp_path):
    """NCT00004935 (trastuzumab, metastatic breast cancer that overexpresses HER2) was given Morpheus-TNBC."""
    conn = _index(tmp_path, [
        _rec("NCT90090061", "Herceptin in Women With Metastatic Breast Cancer That Overexpresses HER2",
             ["Breast Cancer"], ("Breast Neoplasms",), sex="FEMALE", treatments=("Trastuzumab",)),
        _rec("NCT90090062", "Immunotherapy Combinations in Metastatic Triple-Negative Breast Cancer",
             ["Triple Negative Breast Cancer"], ("Breast Neoplasms", "Triple Negative Breast Neoplasms")),
        _rec("NCT90090063", "Margetuximab Expanded Access Program", ["HER2-positive Breast Cancer"],
             ("Breast Neoplasms",)),
        *_others(9500),
    ])
    found = _ids(conn, "NCT90090061")
    assert "NCT90090063" in found and "NCT90090062" not in found


@pytest.mark.parametrize("text, said", [
    ("HER2-positive Breast Cancer", {"+"}), ("Patients With HER2- Overexpressing Metastatic Breast Cancer", {"+"}),
    ("Triple Negative Breast Cancer", {"-"}), ("HER2-negative", {"-"}), ("Breast Cancer", set()),
    ("HER2+ and HER2- cohorts", {"+", "-"}),
])
def test_her2_status_as_records_word_it(text, said):
    assert her2([text]) == said


def test_her2_statuses_clash_only_when_each_says_one():
    assert other_her2(frozenset("+"), frozenset("-")) and other_her2(frozenset("-"), frozenset("+"))
    assert not other_her2(frozenset("+"), frozenset("+-")) and not other_her2(frozenset("+"), frozenset())
