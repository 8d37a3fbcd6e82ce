"""Related trials of a kind of the disease another illness or a procedure brought, another cause of an infection,
volunteers tied by a treatment, and the wording of a related condition (rel7's review: rel6's scans, 300 trials
random.seed(11) and 600 seed 23, and a fresh 300, seed 41). Records are small CT.gov v2 studies written here, shaped
as the real ones the scans showed (tests.test_related_patients)."""

from __future__ import annotations

from scrapers.registry.search import TrialFeatures
from server.related_kinds import causes, diabetes_types, negated_sibling, other_cause
from server.related_terms import acronyms, initials, same_condition, spelled, spelled_by
from server.related_why import _own_wording
from tests.test_rel6_kinds import GLUCOSE, _with
from tests.test_related_patients import _ids, _index, _others, _rec


def test_one_reading_of_an_acronym():
    assert initials("Carcinoma, Non-Small-Cell Lung") == "cclns"
    assert acronyms("Advanced NSCLC in A Trial") == {"cclns"}          # ("A": one letter, no acronym)
    assert spelled("Carcinoma, Non-Small-Cell Lung", ["Advanced NSCLC"])
    assert spelled_by("Diabetes Mellitus, Type 2", acronyms("T2DM"))   # (as own_condition reads "T2DM")
    assert not spelled("Lung Cancer", ["nsclc"]) and not spelled_by("Lung Cancer", frozenset())


def test_a_diabetes_another_illness_or_a_procedure_brought_is_another_kind():
    assert diabetes_types(["Metformin and Insulin to Pancreatic Cancer Related Diabetes (Type 3c)"]) == {
        "other:pancreas"}
    assert diabetes_types(["Oral Semaglutide in Liver Transplant Recipients With Diabetes Mellitus"]) == {
        "other:transplant"}
    assert diabetes_types(["Pramlintide to Treat Post-Transplant Diabetes Mellitus"]) == {"other:transplant"}
    assert diabetes_types(["Cystic Fibrosis Related Diabetes"]) == {"other:cystic fibrosis"}
    assert diabetes_types(["Exercise Timing and Gestational Diabetes"]) == {"other:pregnancy"}
    assert diabetes_types(["IVI-guided Versus Angiography-guided PCI in Patients With Diabetes Mellitus"]) == {
        "other:coronary"}
    assert diabetes_types(["Diabetes Mellitus After Distal Pancreatectomy"]) == {"other:pancreas"}
    # (two kinds another illness brought are two: a PCI trial's diabetics are not a viral infection's)
    assert diabetes_types(["Long-Term Sequelae of SARS-COV-2 Infection: Diabetes Mellitus"]) == {"other:infection"}
    # a record saying type 1 or 2 is of that type, whatever else it says; "related" after diabetes says nothing
    assert diabetes_types(["Type 2 Diabetes", "Diabetes After Bariatric Surgery"]) == {"2"}
    assert diabetes_types(["Diabetes-related Distress"]) == frozenset()
    assert diabetes_types(["Exercise in Patients With Diabetes"]) == frozenset()


def test_a_type_2_trial_is_not_given_diabetes_of_another_population(tmp_path):
    """NCT00004572 (type 2 diabetes in Hispanic patients) was given NCT05306028 (metformin and insulin for
    pancreatic-cancer-related diabetes, type 3c); NCT00494767 (type 2, weight loss) NCT06060392 (semaglutide in liver
    transplant recipients with diabetes); NCT00004572 NCT05333159 (SGLT-2 in CAD and DM undergoing PCI), which a cohort
    of coronary disease and type 2 diabetes keeps (NCT00005441)."""
    conn = _index(tmp_path, [
        _with(_rec("NCT90070001", "Therapy Efficacy of Type 2 Diabetes in Hispanic Patients",
                   ["Diabetes Mellitus, Non-Insulin-Dependent"], ("Diabetes Mellitus", "Diabetes Mellitus, Type 2")),
              ancestors=GLUCOSE),
        _with(_rec("NCT90070002", "Metformin and Insulin to Pancreatic Cancer Related Diabetes (Type 3c)",
                   ["Pancretic Cancer", "Diabete Mellitus"], ("Diabetes Mellitus",)), ancestors=GLUCOSE),
        _with(_rec("NCT90070003", "Oral Semaglutide in Liver Transplant Recipients With Diabetes Mellitus",
                   ["Liver Transplant; Complications", "Diabete Mellitus"], ("Diabetes Mellitus",)), ancestors=GLUCOSE),
        _with(_rec("NCT90070004", "SGLT-2 Inhibitor After Stent Implantation in Patients With Coronary Heart Disease "
                   "and Diabetes Mellitus", ["Coronary Artery Disease", "Diabete Mellitus"],
                   ("Coronary Artery Disease", "Coronary Disease", "Diabetes Mellitus")), ancestors=GLUCOSE),
        _with(_rec("NCT90070005", "A New Medicine in People With Type 2 Diabetes", ["Diabetes Mellitus, Type 2"],
                   ("Diabetes Mellitus", "Diabetes Mellitus, Type 2")), ancestors=GLUCOSE),
        _with(_rec("NCT90070006", "Lifestyle Management for Women With CHD and NIDDM",
                   ["Coronary Disease", "Diabetes Mellitus, Non-Insulin-Dependent"],
                   ("Coronary Disease", "Diabetes Mellitus", "Diabetes Mellitus, Type 2")), ancestors=GLUCOSE),
        *_others(7000),
    ])
    found = set(_ids(conn, "NCT90070001"))
    assert "NCT90070005" in found and not {"NCT90070002", "NCT90070003", "NCT90070004"} & found
    assert "NCT90070005" not in _ids(conn, "NCT90070002")     # (and the other way round)
    assert "NCT90070004" in _ids(conn, "NCT90070006")         # (its patients may have both)


def test_another_cause_of_an_infection_is_another_disease():
    assert causes("Pneumonia, Pneumocystis Carinii") == {"pneumocystis"}
    assert causes("Hospital-acquired Bacterial Pneumonia") == {"bacterial"}
    pcp = ["Pneumonia, Pneumocystis Carinii", "HIV Infections", "Acquired Immunodeficiency Syndrome"]
    habp = ["Complicated Urinary Tract Infection", "Hospital-acquired Bacterial Pneumonia",
            "Ventilator-associated Bacterial Pneumonia"]
    assert other_cause(pcp, habp)
    assert not other_cause(pcp, ["Pneumonia"])                 # (a name saying no cause is one with it)
    assert not other_cause(pcp, ["Pneumocystis Pneumonia"]) and not other_cause(pcp, ["Melanoma"])
    # "acquired" says how a condition came, not which: no tie
    assert not same_condition("Acquired Immunodeficiency Syndrome", "Hospital-acquired Bacterial Pneumonia")


def test_an_aids_pneumocystis_trial_is_not_given_an_antibacterial_pneumonia_trial(tmp_path):
    """NCT00000715 (aerosolized pentamidine for Pneumocystis carinii pneumonia in AIDS) was given NCT05905055
    (cefepime/nacubactam for hospital-acquired bacterial pneumonia and other infections) as "Related condition:
    Hospital-acquired Bacterial Pneumonia"; another PCP trial is kept."""
    conn = _index(tmp_path, [
        _with(_rec("NCT90070011", "Aerosolized Pentamidine for Pneumocystis Carinii Pneumonia in AIDS",
                   ["Pneumonia, Pneumocystis Carinii", "HIV Infections"], ("Pneumonia", "Pneumonia, Pneumocystis")),
              ["AIDS-Related Opportunistic Infections", "Acquired Immunodeficiency Syndrome"]),
        _rec("NCT90070012", "Cefepime/Nacubactam in Adults With Infection Due to Carbapenem Resistant Enterobacterales",
             ["Complicated Urinary Tract Infection", "Acute Pyelonephritis", "Hospital-acquired Bacterial Pneumonia",
              "Ventilator-associated Bacterial Pneumonia", "Complicated Intra-abdominal Infection"],
             ("Pneumonia", "Pneumonia, Bacterial", "Urinary Tract Infections")),
        _rec("NCT90070013", "Trimethoprim-Sulfamethoxazole for Pneumocystis Pneumonia in AIDS",
             ["Pneumonia, Pneumocystis Carinii", "HIV Infections"], ("Pneumonia", "Pneumonia, Pneumocystis")),
        *_others(7100),
    ])
    found = _ids(conn, "NCT90070011")
    assert "NCT90070013" in found and "NCT90070012" not in found


def test_volunteers_tied_by_a_treatment_need_a_candidate_for_volunteers(tmp_path):
    """NCT00006324 (hormonal birth control and the risk of acquiring HIV; takes healthy volunteers) was given
    NCT00001481 (hormones in postpartum mood disorders, which takes healthy controls) by estradiol; a healthy
    volunteers' hormone study is still tied to it by the same treatment."""
    conn = _index(tmp_path, [
        _rec("NCT90070021", "Hormonal Birth Control and the Risk of Acquiring HIV", ["HIV Infections"],
             healthy=True, treatments=("Estradiol",)),
        _rec("NCT90070022", "The Role of Hormones in Postpartum Mood Disorders", ["Postpartum Depression"],
             ("Depression, Postpartum", "Depression"), healthy=True, treatments=("Estradiol",)),
        _rec("NCT90070023", "Estradiol in Healthy Volunteers", ["Healthy Volunteers"], healthy=True,
             treatments=("Estradiol",)),
        *_others(7200),
    ])
    found = _ids(conn, "NCT90070021")
    assert "NCT90070022" not in found and "NCT90070023" in found


def test_a_related_condition_is_worded_by_the_first_name_holding_it():
    """NCT01339988 lists "Acute Leukemias; Chronic Leukemias; Myelodysplastic Syndrome; Juvenile Myelomonocytic
    Leukemia": adult leukaemia trials were told "Related condition: Juvenile Myelomonocytic Leukemia"."""
    c = TrialFeatures("NCT01339988", conditions=["Acute Leukemias", "Chronic Leukemias", "Myelodysplastic Syndrome",
                                  "Juvenile Myelomonocytic Leukemia"])
    assert _own_wording("leukemia", c) == "Acute Leukemias"
    assert _own_wording("myelodysplastic syndrome", c) == "Myelodysplastic Syndrome"


def test_an_acronym_said_with_non_is_read_whole():
    """NCT06620835 lists only "NSCLC": it was given to small cell lung cancer trials (PDQ records listing "Lung
    Cancer", their keywords saying which). A query naming both kinds takes either; a diabetes a viral infection left
    behind is another kind."""
    sclc = ["Lung Cancer", "extensive stage small cell lung cancer"]
    both = ["Lung Cancer", "recurrent non-small cell lung cancer", "recurrent small cell lung cancer"]
    assert negated_sibling(sclc, ["NSCLC"]) and negated_sibling(["NSCLC"], sclc)
    assert not negated_sibling(both, ["NSCLC"]) and not negated_sibling(both, ["Non Small Cell Lung Cancer"])
    assert not negated_sibling(both, ["Small Cell Lung Carcinoma (SCLC)"])


def test_a_word_of_how_or_where_a_condition_came_ties_no_two_names():
    """NCT00001130 (HIV infection found in the emergency room; MeSH keywords "Emergency Service, Hospital", "Antibodies,
    Viral") was given an RSV emergency-admission study ("Respiratory Viral Infection") and an antibacterial trial
    ("Hospital-acquired Bacterial Pneumonia")."""
    assert not same_condition("Emergency Service, Hospital", "Hospital-acquired Bacterial Pneumonia")
    assert not same_condition("Antibodies, Viral", "Respiratory Viral Infection")
    assert same_condition("Ventilator-associated Bacterial Pneumonia", "Hospital-acquired Bacterial Pneumonia")
    assert same_condition("Respiratory Viral Infection", "Viral Respiratory Tract Infection")
