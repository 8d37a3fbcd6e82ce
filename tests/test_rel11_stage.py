"""Related trials: a trial of localized cancer or of its surgery is none for a query of advanced cancer only, nor is a
trial of spread cancer only for a query of cancer not yet spread (rel11; rel10's scan: a hormone-refractory metastatic
prostate cancer trial was given focal HIFU, brachytherapy for good-prognosis cancer and nerve-graft trials at radical
prostatectomy; an adjuvant trastuzumab trial for stage IA-IIIA breast cancer a metastatic-only programme). Records are
small CT.gov v2 studies written here, shaped as the real ones (NCT00003232, NCT01194648, NCT03830788, NCT06521710,
NCT00005970, NCT03133988), read in their own words only."""

from __future__ import annotations

from server.related_stage import advanced_cancer, curable_cancer, earlier_only, spread_only
from tests.test_rel6_kinds import _with
from tests.test_related_patients import _ids, _index, _others, _rec

PROSTATE = ["Prostatic Neoplasms"]
BREAST = ["Breast Neoplasms"]


def _prostate_trials() -> list:
    return [
        _with(_rec("NCT90110001", "Combination Chemotherapy in Treating Pain in Hormone Refractory Metastatic Prostate "
                   "Cancer", ["Pain", "Prostate Cancer"], PROSTATE, sex="MALE"),
              keywords=["adenocarcinoma of the prostate", "recurrent prostate cancer"]),
        _with(_rec("NCT90110002", "Focal Therapy for Prostate Cancer Using HIFU", ["Prostate Cancer"], PROSTATE,
                   sex="MALE"), keywords=["stage I prostate cancer", "stage IIA prostate cancer"]),
        _with(_rec("NCT90110003", "Erectile Function in Good Prognosis Prostate Cancer: Brachytherapy or SBRT",
                   ["Prostate Cancer"], PROSTATE, sex="MALE"),
              keywords=["localized low-risk and intermediate risk prostate cancer"]),
        _rec("NCT90110004", "Nerve Grafting in Patients Undergoing Robotic Assisted Radical Prostatectomy",
             ["Prostate Cancer"], PROSTATE, sex="MALE"),
        # trials the query's men may join: of metastatic cancer, or saying no stage
        _rec("NCT90110005", "Docetaxel for Metastatic Castration-Resistant Prostate Cancer", ["Prostate Cancer"],
             PROSTATE, sex="MALE"),
        _rec("NCT90110006", "Exercise in Men With Prostate Cancer", ["Prostate Cancer"], PROSTATE, sex="MALE"),
        # a localized-cancer query of its own
        _with(_rec("NCT90110007", "Radiation Therapy in Treating Patients With Localized Prostate Cancer",
                   ["Prostate Cancer"], PROSTATE, sex="MALE"), keywords=["stage IIB prostate cancer"]),
    ]


def test_an_advanced_cancer_trial_is_not_given_trials_of_localized_cancer_or_its_surgery(tmp_path):
    conn = _index(tmp_path, _prostate_trials() + _others(9500))
    found = _ids(conn, "NCT90110001")
    assert {"NCT90110005", "NCT90110006"} <= set(found)
    assert not {"NCT90110002", "NCT90110003", "NCT90110004"} & set(found)
    assert not {"NCT90110002", "NCT90110003", "NCT90110004"} & set(_ids(conn, "NCT90110001", "any"))
    # a trial of localized cancer keeps them, and is not given the metastatic one
    local = _ids(conn, "NCT90110007")
    assert {"NCT90110002", "NCT90110004"} <= set(local)
    assert "NCT90110005" not in local


def test_a_trial_of_cancer_not_yet_spread_is_not_given_trials_of_spread_cancer_only(tmp_path):
    conn = _index(tmp_path, [
        _rec("NCT90110011", "Paclitaxel With or Without Trastuzumab in Women With HER2-Positive Node-Positive Breast "
             "Cancer", ["HER2 Positive Breast Carcinoma", "Stage IA Breast Cancer", "Stage IIIA Breast Cancer"],
             BREAST, sex="FEMALE"),
        _rec("NCT90110012", "Margetuximab for HER2+ Metastatic Breast Cancer", ["HER2-positive Breast Cancer",
             "Neoplasm Metastasis"], BREAST, sex="FEMALE"),
        _rec("NCT90110013", "Trastuzumab After Surgery for HER2-Positive Stage II Breast Cancer",
             ["HER2-positive Breast Cancer"], BREAST, sex="FEMALE"),
    ] + _others(9520))
    found = _ids(conn, "NCT90110011")
    assert "NCT90110013" in found
    assert "NCT90110012" not in found


def test_what_says_a_stage():
    query = ["Pain", "Prostate Cancer", "recurrent prostate cancer",
             "Combination Chemotherapy in Treating Pain in Hormone Refractory Metastatic Prostate Cancer"]
    assert advanced_cancer(query) == "spread"
    assert advanced_cancer(["Lung Cancer", "stage IIIB non-small cell lung cancer", "stage IV non-small cell lung "
                            "cancer"]) == "advanced"
    # a query saying an earlier stage too, or naming no tumour, or no stage, is none
    assert advanced_cancer(["Prostate Cancer", "stage IIA prostate cancer", "stage III prostate cancer",
                            "recurrent prostate cancer"]) is None
    assert advanced_cancer(["Refractory Epilepsy"]) is None
    assert advanced_cancer(["Prostate Cancer"]) is None
    # a blood cancer's stages say no spread
    assert advanced_cancer(["Multiple Myeloma", "refractory multiple myeloma", "stage IV"]) == "advanced"
    # the candidate's own words: localized, early stage, radical surgery; "Early Return" says no stage
    assert earlier_only(["Prostate Cancer", "Nerve Grafting Post Radical Prostatectomy"], "spread")
    assert not earlier_only(["Prostate Cancer", "Early Return of Erectile Function After Radiotherapy"], "spread")
    assert not earlier_only(["Prostate Cancer"], "spread")
    assert not earlier_only(["Localized Scleroderma"], "spread")
    # saying a later stage too keeps it; stage III is not spread, so it keeps it only for an advanced query
    assert not earlier_only(["Localized or Metastatic Prostate Cancer"], "spread")
    local_iii = ["Localized Prostate Carcinoma", "Stage III Prostate Cancer AJCC v8"]
    assert earlier_only(local_iii, "spread") and not earlier_only(local_iii, "advanced")
    assert not earlier_only(["JS207 in Subjects With Stage II-III NSCLC"], "advanced")
    assert earlier_only(["JS207 in Subjects With Stage II-III NSCLC"], "spread")
    assert not earlier_only(["Focal Therapy for Localized Prostate Cancer"], None)


def test_what_says_a_cancer_not_spread():
    assert curable_cancer(["Breast Cancer", "stage I breast cancer", "stage IIIA breast cancer"])
    assert curable_cancer(["Breast Cancer", "AC and Paclitaxel as Adjuvant Treatment for Breast Cancer"])
    assert not curable_cancer(["Breast Cancer", "stage II breast cancer", "stage IV breast cancer"])
    assert not curable_cancer(["Multiple Myeloma", "stage I multiple myeloma", "stage III multiple myeloma"])
    assert not curable_cancer(["Breast Cancer"])
    assert spread_only(["HER2-positive Breast Cancer", "Neoplasm Metastasis"])
    assert not spread_only(["Breast Cancer", "Locally Advanced or Metastatic Breast Cancer"])
    assert not spread_only(["Breast Cancer", "Neoadjuvant or Metastatic Breast Cancer"])
    assert not spread_only(["Advanced Parkinson Disease"])
