"""Related trials tied by a name or heading, yet for another kind of the disease or about another disease (rel6's review
of the related-trials scan: 300 trials, random.seed(11), and 600, seed 23, /api/v1/trials/<id>/related). Records are
small CT.gov v2 studies written here (tests.test_related_patients), shaped as the real ones the scan showed."""

from __future__ import annotations

from scrapers.official import OfficialRecord
from server.related_kinds import (about_another, advanced_only, diabetes_types, negated_sibling, other_diabetes,
                                  pre_invasive)
from tests.test_related_patients import _ids, _index, _others, _rec


def _with(rec: OfficialRecord, keywords: list[str] = (), ancestors: list[str] = ()) -> OfficialRecord:
    """`rec` with keywords and the MeSH headings above its terms, as ClinicalTrials.gov gives them (_rec writes
    neither)."""
    data = rec.data
    data["protocolSection"]["conditionsModule"]["keywords"] = list(keywords)
    data["derivedSection"]["conditionBrowseModule"]["ancestors"] = [{"term": a} for a in ancestors]
    return OfficialRecord(data)


GLUCOSE = ["Glucose Metabolism Disorders", "Metabolic Diseases", "Endocrine System Diseases"]
CORONARY = GLUCOSE + ["Coronary Disease", "Myocardial Ischemia", "Heart Diseases", "Arteriosclerosis",
                      "Arterial Occlusive Diseases", "Vascular Diseases"]


# ---------------------------------------------------------------- the type of diabetes

def test_diabetes_types_are_read_as_records_word_them():
    assert diabetes_types(["Diabetes Mellitus, Type 2"]) == {"2"}
    assert diabetes_types(["Type2 Diabetes"]) == {"2"}
    assert diabetes_types(["Diabetes Mellitus, Non-Insulin-Dependent"]) == {"2"}
    assert diabetes_types(["Type II diabetes"]) == {"2"}
    assert diabetes_types(["Genetics Of Autoimmunity In Type I Diabetes"]) == {"1"}
    assert diabetes_types(["Type1diabetes"]) == {"1"}
    assert diabetes_types(["T1DM"]) == {"1"}
    # "insulin dependent" alone says how it is treated, not which type (NCT06167499 takes type 1 or 2 on insulin)
    assert diabetes_types(["Insulin Dependent Diabetes"]) == frozenset()
    assert diabetes_types(["Diabetes Mellitus"]) == frozenset()
    # a type said of something else is not a type of diabetes
    assert diabetes_types(["Human Papillomavirus Type 16"]) == frozenset()
    assert not other_diabetes(["Diabetes Mellitus"], ["Type 1 Diabetes"])          # (the query says no type)
    assert not other_diabetes(["Type 1 and Type 2 Diabetes"], ["Type 1 Diabetes"])
    assert other_diabetes(["Type 2 Diabetes Mellitus"], ["Diabetes", "Gastric Emptying in Type 1 Diabetes Mellitus"])


def test_a_type_2_diabetes_trial_is_not_given_type_1_trials(tmp_path):
    """NCT00497133 (Type 2 Diabetes Mellitus) was given NCT03648918 (Genetics Of Autoimmunity In Type I Diabetes) and
    NCT06173934 (conditions "Diabetes", title "… Blood Glucose Profile of Type 1 Diabetes Mellitus") as "Related
    condition: Diabetes Mellitus"; a type 2 trial is kept."""
    conn = _index(tmp_path, [
        _with(_rec("NCT90060001", "Coaching in Type 2 Diabetes Mellitus", ["Type 2 Diabetes Mellitus"],
                   ("Diabetes Mellitus", "Diabetes Mellitus, Type 2")), ancestors=GLUCOSE),
        _with(_rec("NCT90060002", "Genetics Of Autoimmunity In Type I Diabetes",
                   ["Type1diabetes", "Diabetes Mellitus, Type 1", "Diabetes Mellitus"],
                   ("Diabetes Mellitus", "Diabetes Mellitus, Type 1")), ["Family", "Healthy Controls", "Siblings"],
              GLUCOSE + ["Autoimmune Diseases", "Immune System Diseases"]),
        _with(_rec("NCT90060003", "Gastric Emptying and Blood Glucose Profile of Type 1 Diabetes Mellitus",
                   ["Diabetes"], ("Diabetes Mellitus",)), ancestors=GLUCOSE),
        _with(_rec("NCT90060004", "A New Medicine in Japanese People With Type 2 Diabetes",
                   ["Diabetes Mellitus, Type 2"], ("Diabetes Mellitus", "Diabetes Mellitus, Type 2")),
              ancestors=GLUCOSE),
        _with(_rec("NCT90060005", "Nurse Education for Diabetic Patients on Intensified Insulin Therapy",
                   ["Diabete Mellitus", "Insulin Dependent Diabetes"],
                   ("Diabetes Mellitus", "Diabetes Mellitus, Type 1")),
              ancestors=GLUCOSE + ["Autoimmune Diseases", "Immune System Diseases"]),
        *_others(6000),
    ])
    found = _ids(conn, "NCT90060001")
    assert "NCT90060004" in found and not {"NCT90060002", "NCT90060003"} & set(found)
    assert "NCT90060001" not in _ids(conn, "NCT90060002")   # (and the other way round)
    assert "NCT90060003" in _ids(conn, "NCT90060002")


# ---------------------------------------------------------------- a name said with "non"

def test_negated_sibling_reads_non_against_the_same_name():
    nsclc = ["Lung Cancer", "recurrent non-small cell lung cancer", "stage IV non-small cell lung cancer"]
    sclc = ["Lung Cancer", "extensive stage small cell lung cancer"]
    assert negated_sibling(sclc, nsclc) and negated_sibling(nsclc, sclc)   # (two PDQ records: their keywords say)
    assert negated_sibling(nsclc, ["Small Cell Lung Carcinoma (SCLC)", "Neuroendocrine Neoplasms"])
    # other kinds of non-small cell cancer the query names share only "cell lung" with it (NCT00003666)
    assert negated_sibling(nsclc + ["squamous cell lung cancer", "large cell lung cancer"],
                           ["Small Cell Lung Carcinoma (SCLC)", "Neuroendocrine Neoplasms"])
    assert negated_sibling(sclc, ["Non Small Cell Lung Cancer"])
    assert not negated_sibling(nsclc, ["NSCLC"]) and not negated_sibling(nsclc, ["Non Small Cell Lung Cancer"])
    # a name saying neither ("Lung Cancer") does not clash; one the query names as it is is kept
    assert not negated_sibling(nsclc, ["Lung Cancer", "Melanoma"])
    assert not negated_sibling(nsclc + ["limited stage small cell lung cancer"], ["Small Cell Lung Cancer"])
    # a trial listing both a lymphoma and "Lymphoma" takes both (NCI-MATCH); a listed name is not a keyword
    assert not negated_sibling(["Non-hodgkins Lymphoma"], ["Lymphoma", "Hodgkin Lymphoma"],
                               frozenset({"Non-hodgkins Lymphoma", "Lymphoma", "Hodgkin Lymphoma"}))
    assert not negated_sibling(["Diabetes Mellitus, Non-Insulin-Dependent"], ["Diabetes Mellitus, Type 2"])


def test_a_small_cell_lung_cancer_trial_is_not_given_non_small_cell_ones(tmp_path):
    """NCT00008372 (Lung Cancer; keyword "extensive stage small cell lung cancer") was given NCT02679963 (Non Small Cell
    Lung Cancer) as "Related condition: Non Small Cell Lung Cancer"; NCT00006215 (keywords "stage IIIB non-small cell
    lung cancer") a small cell one. Both list "Lung Cancer" (a PDQ record); the keywords say which."""
    conn = _index(tmp_path, [
        _with(_rec("NCT90061001", "Topotecan in Treating Patients With Small Cell Lung Cancer", ["Lung Cancer"],
                   ("Lung Neoplasms", "Small Cell Lung Carcinoma")), ["extensive stage small cell lung cancer"]),
        _with(_rec("NCT90061002", "Docetaxel in Treating Patients With Non-small Cell Lung Cancer", ["Lung Cancer"],
                   ("Lung Neoplasms", "Carcinoma, Non-Small-Cell Lung")), ["stage IIIB non-small cell lung cancer"]),
        _rec("NCT90061003", "Maintenance Olaparib in Platinum-sensitive Non Small Cell Lung Cancer",
             ["Non Small Cell Lung Cancer"], ("Carcinoma, Non-Small-Cell Lung", "Lung Neoplasms")),
        _rec("NCT90061004", "Doses of BI 764532 in Small Cell Lung Cancer",
             ["Small Cell Lung Carcinoma (SCLC)", "Neuroendocrine Neoplasms"], ("Small Cell Lung Carcinoma",)),
        *_others(6100),
    ])
    assert _ids(conn, "NCT90061001") == ["NCT90061004"]
    assert _ids(conn, "NCT90061002") == ["NCT90061003"]


# ---------------------------------------------------------------- what the title says it is about

def test_about_another_reads_the_title():
    brazil = ["Cardiovascular Diseases", "Diabete Mellitus", "Coronary Artery Disease"]
    title = ["Brazilian Diabetes Study: a Type 2 Diabetes Prospective Cohort"]
    heart = ["Cardiovascular Diseases", "Heart Diseases", "Coronary Disease", "Myocardial Infarction"]
    assert about_another(heart, brazil, title)
    # the title names a condition of the query's ("CAD" spells one), or the first condition is the query's: kept
    assert not about_another(heart, ["Coronary Artery Disease", "Diabete Mellitus"],
                             ["The Efficacy of SGLT-2 Inhibitor in Patients With CAD and DM Undergoing PCI."])
    assert not about_another(["Schizophrenia"], ["Schizophrenia Spectrum and Other Psychotic Disorders",
                                                 "Affective Psychoses"], ["SloMo2: therapy for paranoia in psychosis"])
    # a title naming none of its conditions says nothing; nor does a basket's list of 50
    assert not about_another(heart, brazil, ["Repeated GON Injections"])
    assert not about_another(["Lung Cancer"], [f"Cancer {i}" for i in range(5)] + ["Plasma Cell Myeloma"],
                             ["Targeted Therapy in Solid Tumors, Lymphomas, or Multiple Myeloma"])


def test_a_diabetes_cohort_listing_coronary_disease_is_not_given_to_coronary_cohorts(tmp_path):
    """NCT04949152 ("Brazilian Diabetes Study: a Type 2 Diabetes Prospective Cohort"; Cardiovascular Diseases, Diabete
    Mellitus, Coronary Artery Disease; it takes people with type 2 diabetes) was given to 18 coronary heart disease
    cohorts of the two scans as "Related condition: Coronary Artery Disease"; a coronary one is kept."""
    conn = _index(tmp_path, [
        _rec("NCT90062001", "Coronary Heart Disease in Physicians",
             ["Cardiovascular Diseases", "Heart Diseases", "Coronary Disease", "Myocardial Infarction"],
             ("Cardiovascular Diseases", "Myocardial Infarction", "Heart Diseases", "Coronary Disease", "Infarction")),
        _with(_rec("NCT90062002", "Brazilian Diabetes Study: a Type 2 Diabetes Prospective Cohort",
                   ["Cardiovascular Diseases", "Diabete Mellitus", "Coronary Artery Disease"],
                   ("Cardiovascular Diseases", "Coronary Artery Disease", "Diabetes Mellitus")),
              ["diabetes", "cardiovascular disease"], CORONARY),
        _with(_rec("NCT90062003", "SGLT-2 Inhibitor in Patients With CAD and DM Undergoing PCI",
                   ["Coronary Artery Disease", "Diabete Mellitus"], ("Coronary Artery Disease", "Diabetes Mellitus")),
              ancestors=CORONARY),
        _rec("NCT90062004", "Coronary Disease Outcomes Cohort", ["Coronary Disease"], ("Coronary Disease",)),
        *_others(6200),
    ])
    found = _ids(conn, "NCT90062001")
    assert "NCT90062004" in found and "NCT90062002" not in found


# ---------------------------------------------------------------- a cancer not yet invasive

def test_pre_invasive_and_advanced_only():
    assert pre_invasive(["Breast Cancer", "breast cancer in situ", "ductal breast carcinoma in situ"])
    assert pre_invasive(["Cervical Cancer", "Precancerous/Nonmalignant Condition", "cervical cancer",
                         "cervical intraepithelial neoplasia grade 2"])
    assert pre_invasive(["DCIS"])
    # an early stage, beside the organ, a histology of it, or a name of no tumour (NCT00005605: osteoporosis too)
    assert pre_invasive(["Breast Cancer", "Osteoporosis", "stage I breast cancer", "stage II breast cancer",
                         "mucinous ductal breast carcinoma"])
    assert pre_invasive(["Prostate Cancer", "adenocarcinoma of the prostate", "stage IIB prostate cancer"])
    assert not pre_invasive(["Head and Neck Cancer", "stage I laryngeal cancer", "recurrent laryngeal cancer"])
    assert not pre_invasive(["Breast Cancer", "Lung Cancer", "stage I breast cancer", "small cell lung cancer"])
    # not a tumour: a refractory bronchopulmonary dysplasia trial is not one of advanced cancer (NCT00004669)
    assert not pre_invasive(["Bronchopulmonary Dysplasia", "Lung Diseases"])
    assert not pre_invasive(["Sleep Stage II"])
    # a later stage beside it, or no in-situ or early name at all: not
    assert pre_invasive(["Breast Cancer", "breast cancer in situ", "stage II breast cancer"])
    assert not pre_invasive(["Breast Cancer", "breast cancer in situ", "stage IIIA breast cancer"])
    assert not pre_invasive(["Breast Cancer", "stage IV breast cancer"]) and not pre_invasive([])
    assert advanced_only(["Targeted Therapy in Patients With Advanced Refractory Solid Tumors, Lymphomas, or Myeloma"])
    assert not advanced_only(["Radiation Therapy With or Without Tamoxifen in Women With Ductal Carcinoma in Situ"])
    assert not advanced_only(["Neratinib in Early and Advanced HER2-positive Breast Cancer"])


def test_an_in_situ_cancer_trial_is_not_given_a_trial_of_advanced_cancer_only(tmp_path):
    """NCT00003857 (Breast Cancer; keywords "breast cancer in situ", "ductal breast carcinoma in situ") was given
    NCI-MATCH (NCT02465060, "… Patients With Advanced Refractory Solid Tumors …") as "Related condition: Breast
    Carcinoma", and so were stage I-II breast cancer trials (NCT00002873); a stage IV breast cancer trial is still given
    it, and another DCIS trial is kept."""
    match = ["Advanced Malignant Solid Neoplasm", "Breast Carcinoma", "Lung Carcinoma", "Recurrent Breast Carcinoma"]
    conn = _index(tmp_path, [
        _with(_rec("NCT90064001", "Radiation Therapy With or Without Tamoxifen in Women With Ductal Carcinoma in Situ",
                   ["Breast Cancer"], ("Breast Neoplasms", "Carcinoma, Intraductal, Noninfiltrating"), sex="FEMALE"),
              ["breast cancer in situ", "ductal breast carcinoma in situ"]),
        _rec("NCT90064002", "Targeted Therapy Directed by Genetic Testing in Patients With Advanced Refractory Solid "
             "Tumors", match, ("Breast Neoplasms", "Lung Neoplasms", "Neoplasms")),
        _with(_rec("NCT90064003", "Tamoxifen in Women With Ductal Carcinoma in Situ of the Breast", ["Breast Cancer"],
                   ("Breast Neoplasms", "Carcinoma, Intraductal, Noninfiltrating"), sex="FEMALE"),
              ["ductal breast carcinoma in situ"]),
        _with(_rec("NCT90064004", "Chemotherapy in Women With Stage IV Breast Cancer", ["Breast Cancer"],
                   ("Breast Neoplasms",), sex="FEMALE"), ["stage IV breast cancer", "recurrent breast cancer"]),
        _with(_rec("NCT90064005", "Radiation Therapy in Treating Women With Stage I or Stage II Breast Cancer",
                   ["Breast Cancer"], ("Breast Neoplasms",), sex="FEMALE"),
              ["stage I breast cancer", "stage II breast cancer", "mucinous ductal breast carcinoma"]),
        *_others(6400),
    ])
    assert "NCT90064002" not in _ids(conn, "NCT90064001") and "NCT90064003" in _ids(conn, "NCT90064001")
    assert "NCT90064002" not in _ids(conn, "NCT90064005")   # (NCT00002873, at an early stage)
    assert "NCT90064002" in _ids(conn, "NCT90064004")
