"""Related trials a reader cannot be in though a condition is shared (rel12; rel10's scan of 60 records): a trial of
BRCA or von Hippel-Lindau carriers for a reader who is none, a prostatectomy gel for erectile dysfunction alone, a
PDQ record's list of cancers read as the cancers its reader may have, and a community cohort for a treatment trial.
Records are small CT.gov v2 studies written here, shaped as the real ones (NCT00496288, NCT00001238, NCT05558007,
NCT00002764, NCT00004847, NCT00005485)."""

from __future__ import annotations

from server.related_carriers import needs_carrier, says_carrier
from server.related_cohorts import cohort_for_treatment
from server.related_many import other_cancer, titled_cancers
from tests.test_rel6_kinds import _with
from tests.test_related_patients import _ids, _index, _others, _rec


def _typed(rec, study_type: str):
    """`rec` with its study type (_rec writes none)."""
    rec.data["protocolSection"]["designModule"] = {"studyType": study_type}
    return type(rec)(rec.data)


def test_a_carriers_trial_is_not_given_to_a_reader_who_is_none(tmp_path):
    conn = _index(tmp_path, [
        _rec("NCT90121001", "Docetaxel in Treating Women With Metastatic Breast Cancer", ["Breast Cancer"],
             ("Breast Neoplasms",)),
        _with(_rec("NCT90121002", "Prophylactic Irradiation to the Contralateral Breast for BRCA Mutation Carriers "
                                  "Undergoing Treatment for Breast Cancer", ["Breast Cancer"], ("Breast Neoplasms",)),
              keywords=["BRCA mutation"]),
        _rec("NCT90121003", "Capecitabine in Women With Metastatic Breast Cancer", ["Breast Cancer"],
             ("Breast Neoplasms",)),
        _rec("NCT90121004", "Olaparib in BRCA1 or BRCA2 Carriers With Breast Cancer", ["Breast Cancer"],
             ("Breast Neoplasms",)),
        *_others(9600),
    ])
    found = _ids(conn, "NCT90121001")
    assert "NCT90121003" in found and "NCT90121002" not in found
    # a reader of a carriers' trial keeps the other
    assert "NCT90121002" in _ids(conn, "NCT90121004")


def test_what_says_a_carrier_state():
    assert says_carrier(["Von Hippel-Lindau (VHL): Clinical Manifestations"])
    assert says_carrier(["Familial Renal Cancer (FRC)"]) and says_carrier(["Lynch Syndrome"])
    assert not says_carrier(["Familial Hypercholesterolemia", "Hereditary Angioedema", "Breast Cancer"])
    vhl = {"conditions": ["Kidney Cancer", "Familial Renal Cancer (FRC)"], "keywords": [], "healthy_volunteers": True,
           "titles": ["Von Hippel-Lindau (VHL): Clinical Manifestations, Diagnosis, Management"]}
    # (its healthy volunteers are carriers' relatives)
    assert needs_carrier(False, vhl) and not needs_carrier(True, vhl)


def test_a_gel_for_men_after_prostatectomy_is_not_given_to_erectile_dysfunction_alone(tmp_path):
    conn = _index(tmp_path, [
        _rec("NCT90121101", "Phase II Trial of SK3530 in Erectile Dysfunction", ["Male Erectile Dysfunction"],
             ("Erectile Dysfunction",), sex="MALE"),
        _rec("NCT90121102", "Safety and Efficacy Evaluation of BZ371A Topically Applied on Prostatectomized Patients",
             ["Erectile Dysfunction Following Radical Prostatectomy", "Erectile Dysfunction", "Prostate Cancer"],
             ("Prostatic Neoplasms", "Erectile Dysfunction"), sex="MALE"),
        _rec("NCT90121103", "Shock Wave Therapy for Erectile Dysfunction", ["Erectile Dysfunction"],
             ("Erectile Dysfunction",), sex="MALE"),
        _rec("NCT90121104", "Tadalafil After Nerve-sparing Surgery for Prostate Cancer", ["Prostate Cancer"],
             ("Prostatic Neoplasms",), sex="MALE"),
        *_others(9700),
    ])
    found = _ids(conn, "NCT90121101")
    assert "NCT90121103" in found and "NCT90121102" not in found
    assert "NCT90121102" in _ids(conn, "NCT90121104")   # (a prostate cancer trial keeps it)


def test_a_list_of_cancers_is_not_read_as_the_readers_when_its_title_says_which(tmp_path):
    many = ["Endometrial Cancer", "Kidney Cancer", "Metastatic Cancer", "Ovarian Cancer", "Pheochromocytoma",
            "Sarcoma"]
    conn = _index(tmp_path, [
        _rec("NCT90121201", "Surgery With or Without Combination Chemotherapy in Treating Patients With Lung "
                            "Metastases From Soft Tissue Sarcoma", many, ("Sarcoma", "Pheochromocytoma")),
        _rec("NCT90121202", "Surgery With or Without Chemotherapy for Pheochromocytoma",
             ["Pheochromocytoma", "Endocrine Disease"], ("Pheochromocytoma",)),
        _rec("NCT90121203", "Surgery With Combination Chemotherapy in Endometrial Cancer", ["Endometrial Cancer"],
             ("Endometrial Neoplasms",)),
        _rec("NCT90121204", "Doxorubicin in Adults With Soft Tissue Sarcoma", ["Soft Tissue Sarcoma"], ("Sarcoma",)),
        *_others(9800),
    ])
    found = _ids(conn, "NCT90121201")
    assert "NCT90121204" in found
    assert not {"NCT90121202", "NCT90121203"} & set(found)
    # a title naming no cancer, or few cancers listed, says nothing here
    assert titled_cancers(many, ["Vaccine Therapy in Treating Patients With Advanced Cancer"]) is None
    assert titled_cancers(many[:3], ["… in Patients With Soft Tissue Sarcoma"]) is None
    query = titled_cancers(many, ["… in Patients With Lung Metastases From Soft Tissue Sarcoma"])
    basket = {"conditions": ["Bladder Carcinoma", "Breast Carcinoma", "Endometrial Carcinoma", "Melanoma"]}
    assert not other_cancer(query, basket)


def test_a_community_cohort_is_not_given_to_a_treatment_trial_it_does_not_name(tmp_path):
    conn = _index(tmp_path, [
        _typed(_rec("NCT90121301", "Chlorthalidone in Older Adults With Systolic Hypertension",
                    ["Cardiovascular Diseases", "Heart Diseases", "Hypertension"], ("Hypertension",)),
               "INTERVENTIONAL"),
        _typed(_rec("NCT90121302", "The Jackson Heart Study of Cardiovascular Disease Among African Americans",
                    ["Cardiovascular Diseases", "Heart Diseases", "Coronary Disease", "Hypertension"],
                    ("Hypertension", "Coronary Disease"), healthy=True), "OBSERVATIONAL"),
        _typed(_rec("NCT90121303", "Amlodipine for Hypertension", ["Hypertension"], ("Hypertension",)),
               "INTERVENTIONAL"),
        _typed(_rec("NCT90121304", "White Coat Hypertension in a Community Cohort",
                    ["Cardiovascular Diseases", "Hypertension"], ("Hypertension",), healthy=True), "OBSERVATIONAL"),
        *_others(9900),
    ])
    found = _ids(conn, "NCT90121301")
    assert {"NCT90121303", "NCT90121304"} <= set(found)
    assert "NCT90121302" not in found
    jhs = {"study_type": "OBSERVATIONAL", "healthy_volunteers": True, "conditions": ["Cardiovascular Diseases",
                                                                                        "Hypertension"],
           "titles": ["The Jackson Heart Study"]}
    assert cohort_for_treatment(True, ["Hypertension"], jhs)
    # beside an observational query, or a cohort taking no volunteers: left alone
    assert not cohort_for_treatment(False, ["Hypertension"], jhs)
    assert not cohort_for_treatment(True, ["Hypertension"], {**jhs, "healthy_volunteers": False})
