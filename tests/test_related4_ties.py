"""What ties a related trial to the one being read, the three kinds related3 left (r35's scan of 300 trials): the
query's own keyword naming another disease, a clinic's catch-all listing a condition of every body system, and a
"treatment" that is a study's procedure or a drug given in many illnesses. Records are small CT.gov v2 studies written
here (tests.test_related_patients), so each test states the facts it depends on."""

from __future__ import annotations

from server.related import related
from server.related_terms import another_name
from server.related_treatments import common_drug, study_procedure
from server.related_ties import catch_all
from tests.test_related_patients import TODAY, _ids, _index, _others, _rec


def _with_keywords(record, keywords: list[str]):
    record.data["protocolSection"]["conditionsModule"]["keywords"] = keywords
    return record


def test_a_keyword_naming_another_cancer_ties_no_trial_of_it(tmp_path):
    """NCT00001832, a melanoma trial whose keywords say "Breast Cancer", was given a HER2 breast cancer access
    programme ("Shared terms: metastasis"); a melanoma trial is still given."""
    conn = _index(tmp_path, [
        _with_keywords(_rec("NCT90004001", "Adoptive Cell Transfer for Metastatic Melanoma",
                            ["Melanoma", "Neoplasm Metastasis"]), ["Immunotherapy", "Breast Cancer"]),
        _rec("NCT90004002", "Margetuximab Access Program for Metastatic Breast Cancer",
             ["HER2-positive Breast Cancer", "Neoplasm Metastasis"]),
        _rec("NCT90004003", "Adoptive Cell Transfer for Advanced Melanoma", ["Melanoma"]),
        *_others(4100),
    ])
    assert _ids(conn, "NCT90004001") == ["NCT90004003"]


def test_a_keyword_naming_another_dysfunction_ties_no_trial_of_it(tmp_path):
    """NCT04002661, a low-libido trial (MeSH "Sexual Dysfunctions, Psychological") whose keywords say "Erectile
    Dysfunction", was given erectile dysfunction trials."""
    conn = _index(tmp_path, [
        _with_keywords(_rec("NCT90004011", "Flibanserin for Low Sexual Desire in Men", ["Low Libido"],
                            ("Sexual Dysfunctions, Psychological",), sex="MALE"), ["Erectile Dysfunction"]),
        _rec("NCT90004012", "Shockwave Therapy for Low Sexual Function and Erectile Dysfunction in Men",
             ["Erectile Dysfunction"], ("Erectile Dysfunction",), sex="MALE"),
        _rec("NCT90004013", "Testosterone for Low Libido in Men", ["Low Libido"], sex="MALE"),
        *_others(4120),
    ])
    assert _ids(conn, "NCT90004011") == ["NCT90004013"]


def test_pregnancy_is_no_disease_two_trials_share(tmp_path):
    """NCT00000839, an HIV trial of pregnant women ("Pregnancy" among its conditions), was given a postpartum
    depression trial listing "Pregnancy Complications"."""
    conn = _index(tmp_path, [
        _rec("NCT90004021", "Didanosine in HIV-Infected Pregnant Women", ["HIV Infections", "Pregnancy"], sex="FEMALE"),
        _rec("NCT90004022", "Ganaxolone for Depression After Pregnancy in Women",
             ["Depression, Postpartum", "Pregnancy Complications"], sex="FEMALE"),
        _rec("NCT90004023", "Zidovudine in HIV-Infected Pregnant Women", ["HIV Infections"], sex="FEMALE"),
        *_others(4140),
    ])
    assert _ids(conn, "NCT90004021") == ["NCT90004023"]


def test_which_keywords_name_another_disease():
    assert another_name("Breast Cancer", ["Melanoma", "Neoplasm Metastasis"])
    assert another_name("Erectile Dysfunction", ["Low Libido", "Sexual Dysfunctions, Psychological"])
    # the same condition, a heading sharing no word ("Uveitis" beside "Iritis"), and a cancer narrowing "Neoplasm"
    assert not another_name("recurrent cervical cancer", ["Cervical Cancer"])
    assert not another_name("Uveitis", ["Iritis", "Choroiditis"])
    assert not another_name("Kidney Cancer", ["Kidney Disease", "Neoplasm", "Neoplasm Metastasis"])


CLINIC = ["Heart Failure", "Kidney Diseases", "Autoimmune Diseases", "Musculoskeletal Diseases",
          "Nervous System Diseases", "Lung Diseases"]


def test_a_clinics_catch_all_needs_a_treatment_as_well(tmp_path):
    """NCT03899298, a stem-cell clinic's study listing heart failure, kidney disease and a dozen more, was given to a
    heart failure trial ("Shared terms: cardiac, failure") and a cancer trial with impaired kidneys; a stem-cell heart
    failure trial is still given it."""
    conn = _index(tmp_path, [
        _rec("NCT90004031", "Amiodarone in Congestive Heart Failure", ["Heart Failure"], treatments=("Amiodarone",)),
        _rec("NCT90004032", "Umbilical Cord Tissue Therapy for Heart Failure and Numerous Conditions", CLINIC,
             CLINIC[1:], treatments=("Umbilical cord tissue",)),
        _rec("NCT90004033", "Sotalol in Congestive Heart Failure", ["Heart Failure"], treatments=("Sotalol",)),
        _rec("NCT90004034", "Umbilical Cord Mesenchymal Stem Cells in Heart Failure", ["Heart Failure"],
             treatments=("Umbilical cord mesenchymal stem cells",)),
        *_others(4160),
    ])
    assert "NCT90004032" not in _ids(conn, "NCT90004031") and "NCT90004033" in _ids(conn, "NCT90004031")
    assert "NCT90004032" in _ids(conn, "NCT90004034")


def test_what_is_a_catch_all():
    assert catch_all({"ct": [t.lower() for t in CLINIC]})
    # NCI-MATCH lists 50 cancers: one system; the Women's Health Initiative heart, bones and cancer
    assert not catch_all({"ct": ["neoplasms", "breast neoplasms", "lymphoma", "melanoma", "glioma"]})
    assert not catch_all({"ct": ["cardiovascular diseases", "bone diseases", "neoplasms", "osteoporosis"]})


def test_a_study_procedure_is_no_treatment(tmp_path):
    """A volunteers' pain-genetics study (Blood draw, Tissue biopsy) was given, over every status, a DiGeorge thymus
    transplant for "Same treatment: Blood Draw" and cancer trials for "Similar treatment: biopsy"."""
    conn = _index(tmp_path, [
        _rec("NCT90004041", "Genetics of Pain Sensitivity", ["Healthy", "Pain"], healthy=True,
             treatments=("Blood draw", "Tissue biopsy")),
        _rec("NCT90004042", "Thymus Transplantation in DiGeorge Anomaly", ["DiGeorge Syndrome"], healthy=True,
             treatments=("Blood Draw",)),
        _rec("NCT90004043", "Sentinel Node Staging in Melanoma", ["Melanoma"],
             treatments=("Sentinel lymph node biopsy",)),
        *_others(4180),
    ])
    assert _ids(conn, "NCT90004041", "any") == []


def test_a_shared_procedure_is_not_said_to_be_the_same_treatment(tmp_path):
    """Prostate cancer trials were told "Same treatment: quality-of-life assessment" of a focal-therapy one."""
    conn = _index(tmp_path, [
        _rec("NCT90004051", "Acupuncture for Hot Flashes in Prostate Cancer", ["Prostate Cancer"],
             treatments=("Acupuncture", "Quality-of-life assessment")),
        _rec("NCT90004052", "Focal Therapy for Prostate Cancer", ["Prostate Cancer"],
             treatments=("HIFU", "Quality-of-life assessment")),
        *_others(4200),
    ])
    [found] = related("NCT90004051", k=10, conn=conn, today=TODAY)
    assert found.why == "Same condition: Prostate Cancer"


def test_a_common_drug_ties_no_trial_of_another_illness(tmp_path):
    """A hypoglycaemia study's insulin (both take healthy volunteers) tied it to a type 1 diabetes one ("Same
    treatment: Insulin · For: Diabetes"); a drug of its own still ties one."""
    conn = _index(tmp_path, [
        _rec("NCT90004061", "Insulin-Induced Hypoglycemia and Counterregulation", ["Hypoglycemia"], healthy=True,
             treatments=("Insulin", "Dasiglucagon")),
        _rec("NCT90004062", "Gastric Emptying and Glucose in Type 1 Diabetes", ["Type 1 Diabetes"], healthy=True,
             treatments=("Insulin",)),
        _rec("NCT90004063", "Dasiglucagon After Exercise", ["Exercise Physiology"], healthy=True,
             treatments=("Dasiglucagon",)),
        *_others(4220),
    ])
    assert _ids(conn, "NCT90004061") == ["NCT90004063"]


def test_procedure_and_common_drug_names():
    assert all(study_procedure(n) for n in ("Blood draw", "Questionnaires", "Laboratory Biomarker Analysis",
                                            "quality-of-life assessment", "Tissue biopsy", "Placebo"))
    assert not any(study_procedure(n) for n in ("Sentinel lymph node biopsy", "Insulin", "Kegel exercises"))
    assert all(common_drug(n) for n in ("Insulin", "Insulin, Globin Zinc", "Dexamethasone", "Heparin sodium"))
    assert not any(common_drug(n) for n in ("Dasiglucagon", "Metformin or insulin treatment", "Blood draw"))


def test_insulin_resistance_is_not_insulin_dependent_diabetes(tmp_path):
    """NCT00284960, insulin resistance in men with erectile dysfunction, was given a type 1 diabetes education trial
    ("Shared terms: insulin"): the word "insulin" of the two names, and the MeSH heading "Glucose Metabolism
    Disorders" above both, are no tie."""
    def ancestors(record):
        record.data["derivedSection"]["conditionBrowseModule"]["ancestors"] = [
            {"term": "Glucose Metabolism Disorders"}, {"term": "Metabolic Diseases"}]
        return record

    conn = _index(tmp_path, [
        ancestors(_rec("NCT90004071", "Insulin Resistance Among Men With Erectile Dysfunction",
                       ["Erectile Dysfunction", "Insulin Resistance"], ("Erectile Dysfunction", "Insulin Resistance"),
                       sex="MALE")),
        ancestors(_rec("NCT90004072", "Education for Diabetic Men Treated With Intensified Insulin Therapy",
                       ["Diabete Mellitus", "Insulin Dependent Diabetes"],
                       ("Diabetes Mellitus", "Diabetes Mellitus, Type 1"))),
        _rec("NCT90004073", "Metformin for Insulin Resistance", ["Insulin Resistance"], ("Insulin Resistance",)),
        *_others(4240),
    ])
    assert _ids(conn, "NCT90004071") == ["NCT90004073"]
