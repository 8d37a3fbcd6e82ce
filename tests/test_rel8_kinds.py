"""Related trials of an illness named without the cause the query's names, by a singular heading, of a diabetes of
another kind beside one saying no type, for a study of healthy people whatever its flag says, by a harm named alone,
or by a word of who has it (rel8's review: rel7's leftovers and a fresh scan of 150 trials, random.seed(83)).
Records are small CT.gov v2 studies written here, shaped as the real ones the scans showed
(tests.test_related_patients)."""

from __future__ import annotations

import pytest

from server.related_kinds import diabetes_types
from server.related_terms import BODY_SYSTEMS, BROAD_CONDITIONS, same_condition
from tests.test_rel6_kinds import GLUCOSE, _with
from tests.test_related_patients import _ids, _index, _others, _rec

HIV = ("HIV Infections", "Acquired Immunodeficiency Syndrome")


def test_an_illness_named_without_the_cause_the_query_names_is_another():
    from server.related_kinds import unnamed_cause
    pcp = ["Pneumonia, Pneumocystis Carinii", "HIV Infections"]
    hies = ["Infections", "Pneumonia", "Immune System Diseases", "STAT3 Transcription Factor", "Job Syndrome"]
    assert unnamed_cause(pcp, hies)
    assert unnamed_cause(["AIDS Dementia Complex", "HIV Infections"], ["Dementia", "Major Neurocognitive Disorder"])
    # (a query also naming it without a cause takes the plain name; one saying the same cause is one with it)
    assert not unnamed_cause(pcp + ["Pneumonia"], hies)
    assert not unnamed_cause(pcp, ["Pneumocystis Pneumonia"]) and not unnamed_cause(pcp, ["Melanoma"])
    assert not unnamed_cause(["Pneumonia, Aspiration"], hies)        # (the query says no cause)


def test_an_aids_pneumocystis_trial_is_not_given_a_hyper_ige_syndrome_study(tmp_path):
    """NCT00005572 and some thirty AIDS PCP trials (NCT00000715, NCT00002030, …) were given NCT00006150, a natural
    history of the hyperimmunoglobulin E recurrent infection syndrome listing "Pneumonia" among its conditions; AIDS
    dementia trials (NCT00002044, NCT00000657, …) a digital dementia diagnostic aid (NCT06615167)."""
    conn = _index(tmp_path, [
        _rec("NCT90080001", "Aerosolized Pentamidine Versus Sulfamethoxazole for Pneumocystis Carinii Pneumonia",
             ["Pneumonia, Pneumocystis Carinii", "HIV Infections"],
             ("Pneumonia", "Pneumonia, Pneumocystis", *HIV), treatments=("Pentamidine",)),
        _rec("NCT90080002", "Natural History and Genetics of the Hyperimmunoglobulin E Recurrent Infection Syndrome "
             "(HIES)", ["Infections", "Pneumonia", "Immune System Diseases", "Job Syndrome"],
             ("Infections", "Job Syndrome", "Immune System Diseases")),
        _rec("NCT90080003", "Dapsone for Prophylaxis of Pneumocystis Carinii Pneumonia in HIV-Infected Patients",
             ["Pneumonia, Pneumocystis Carinii", "HIV Infections"],
             ("Pneumonia", "Pneumonia, Pneumocystis", *HIV), treatments=("Dapsone",)),
        _rec("NCT90080004", "Zidovudine for the AIDS Dementia Complex", ["AIDS Dementia Complex", "HIV Infections"],
             ("AIDS Dementia Complex", "Dementia", *HIV), treatments=("Zidovudine",)),
        _rec("NCT90080005", "A Digital Dementia Diagnostic Aid for Major Neurocognitive Disorder",
             ["Dementia", "Major Neurocognitive Disorder"], ("Dementia", "Neurocognitive Disorders")),
        _rec("NCT90080006", "Memantine With Anti-HIV Drugs for the AIDS Dementia Complex",
             ["AIDS Dementia Complex", "HIV Infections"], ("AIDS Dementia Complex", "Dementia", *HIV)),
        *_others(8000),
    ])
    found = _ids(conn, "NCT90080001")
    assert "NCT90080003" in found and "NCT90080002" not in found
    found = _ids(conn, "NCT90080004")
    assert "NCT90080006" in found and "NCT90080005" not in found


def test_a_singular_heading_is_read_as_the_plural():
    for heading in ("lung disease", "liver disease", "kidney disease", "nervous system disease", "mental disorder"):
        assert heading in BROAD_CONDITIONS and heading + "s" in BROAD_CONDITIONS
    assert BODY_SYSTEMS["liver disease"] == BODY_SYSTEMS["liver diseases"] == "digestive"


def test_a_trial_is_not_given_another_disease_by_a_singular_heading(tmp_path):
    """NCT00005390 (child asthma, "Lung Diseases") was given NCT00001465 (lymphangioleiomyomatosis, listing "Lung
    Disease"); NCT00005657 (hepatitis C genetics, "Liver Disease") NCT00492739 (varicella immunity in children after a
    liver transplant, "Liver Disease")."""
    conn = _index(tmp_path, [
        _rec("NCT90080011", "Family Process, Adherence, and Child Asthma Outcome", ["Asthma", "Lung Diseases"],
             ("Asthma", "Lung Diseases")),
        _rec("NCT90080012", "Study of the Disease Process of Lymphangioleiomyomatosis",
             ["Lung Disease", "Pneumothorax", "Tuberous Sclerosis", "Lymphangioleiomyomatosis"],
             ("Lung Diseases", "Pneumothorax", "Tuberous Sclerosis", "Lymphangioleiomyomatosis")),
        _rec("NCT90080013", "Inhaled Steroid Adherence in Children With Asthma", ["Asthma"], ("Asthma",)),
        _rec("NCT90080014", "Genetics of Hepatitis C Virus Infection", ["Hepatitis C", "Liver Disease"],
             ("Hepatitis C", "Liver Diseases")),
        _rec("NCT90080015", "Immunity Against Varicella in Pediatric Orthotopic Liver Transplantation Recipients",
             ["Liver Disease", "Immunosuppression", "Varicella"], ("Liver Diseases", "Chickenpox")),
        _rec("NCT90080016", "Interferon for Chronic Hepatitis C", ["Hepatitis C, Chronic"],
             ("Hepatitis C", "Hepatitis C, Chronic")),
        *_others(8100),
    ])
    found = _ids(conn, "NCT90080011")
    assert "NCT90080013" in found and "NCT90080012" not in found
    found = _ids(conn, "NCT90080014")
    assert "NCT90080016" in found and "NCT90080015" not in found


def test_type_one_and_two_in_words():
    assert diabetes_types(["Vitamin D, K2 Plus Empagliflozin Combination in Type Two Diabetes Mellitus"]) == {"2"}
    assert diabetes_types(["Living With Type One Diabetes"]) == {"1"}


def test_no_type_beside_another_kind():
    from server.related_kinds import untyped_beside_other
    assert untyped_beside_other(frozenset(), ["Diabete Mellitus"], frozenset({"other:transplant"}))
    assert not untyped_beside_other(frozenset(), ["Diabete Mellitus"], frozenset({"2"}))
    assert not untyped_beside_other(frozenset({"other:coronary"}), ["Diabetes"], frozenset())
    assert not untyped_beside_other(frozenset(), ["Asthma"], frozenset({"other:transplant"}))


def test_a_diabetes_trial_saying_no_type_is_not_given_one_of_another_kind(tmp_path):
    """NCT03409523 (a behavioural EHR module for "Diabete Mellitus") was given NCT06060392 (oral semaglutide in liver
    transplant recipients with diabetes); NCT02569060 (a food-bank diabetes trial) NCT05333159 (SGLT-2 in CAD and DM
    undergoing PCI). A trial saying no type keeps a type 2 one and a plain diabetes registry; a PCI trial keeps the
    registry (a diabetic having a stent may join it)."""
    dm = ("Diabetes Mellitus",)
    conn = _index(tmp_path, [
        _with(_rec("NCT90080021", "A Behavioral Economics Health Record Module to Guide Diabetes Care",
                   ["Diabete Mellitus"], dm), ancestors=GLUCOSE),
        _with(_rec("NCT90080022", "Oral Semaglutide in Liver Transplant Recipients With Diabetes Mellitus",
                   ["Liver Transplant; Complications", "Diabete Mellitus"], dm), ancestors=GLUCOSE),
        _with(_rec("NCT90080023", "SGLT-2 Inhibitor After Stent Implantation in Patients With Coronary Heart Disease "
                   "and Diabetes Mellitus",
                   ["Coronary Artery Disease", "Diabete Mellitus"], ("Coronary Artery Disease", *dm)),
              ancestors=GLUCOSE),
        _with(_rec("NCT90080024", "DIABASE: Diabetes Mellitus Registry in Second Care", ["Diabetes Mellitus"], dm),
              ancestors=GLUCOSE),
        _with(_rec("NCT90080025", "Serum Magnesium Level in Type 2 Diabetes Mellitus", ["Diabetes Mellitus"], dm),
              ancestors=GLUCOSE),
        *_others(8200),
    ])
    found = set(_ids(conn, "NCT90080021"))
    assert {"NCT90080024", "NCT90080025"} <= found and not {"NCT90080022", "NCT90080023"} & found
    assert "NCT90080024" in _ids(conn, "NCT90080023")


def test_a_study_listing_only_healthy_takes_healthy_people_whatever_its_flag(tmp_path):
    """NCT00461214 (a surgery residents' training study: "Healthy", healthy volunteers "No") was given NCT05183685 (a
    diabetes telecare programme for patients) by "general, outcomes"; NCT00004556 (dextroamphetamine and brain
    function, "Healthy") a brain-injury outcomes study."""
    conn = _index(tmp_path, [
        _rec("NCT90080031", "General Surgery Training Outcomes Project", ["Healthy"], healthy=False),
        _rec("NCT90080032", "A Risk Assessment and Management Program Using Telecare: General Outcomes in Diabetes",
             ["Diabetes Mellitus"], ("Diabetes Mellitus",), healthy=False),
        _rec("NCT90080033", "Outcomes of General Surgery Simulation Training in Healthy Volunteers", ["Healthy"],
             healthy=True),
        *_others(8300),
    ])
    found = _ids(conn, "NCT90080031")
    assert "NCT90080033" in found and "NCT90080032" not in found


def test_a_harm_named_alone_ties_no_two_diseases(tmp_path):
    """NCT00001437 (pentoxifylline for radiation-induced fibrosis: "Fibrosis; Radiation Injuries") was given
    NCT05809934 (a NASH drug, whose record ClinicalTrials.gov files under "Fibrosis") as "Same condition: Fibrosis"."""
    conn = _index(tmp_path, [
        _rec("NCT90080041", "Pentoxifylline for Radiation-Induced Advanced Regional Fibrosis",
             ["Fibrosis", "Radiation Injuries"], ("Fibrosis", "Radiation Injuries"), treatments=("Pentoxifylline",)),
        _rec("NCT90080042", "AZD2693 in Carriers of the PNPLA3 148M Risk Allele With Non-alcoholic Steatohepatitis",
             ["Nonalcoholic Steatohepatitis"], ("Fatty Liver", "Non-alcoholic Fatty Liver Disease", "Fibrosis")),
        _rec("NCT90080043", "Hyperbaric Oxygen for Radiation Injuries of the Pelvis", ["Radiation Injuries"],
             ("Radiation Injuries",)),
        *_others(8400),
    ])
    found = _ids(conn, "NCT90080041")
    assert "NCT90080043" in found and "NCT90080042" not in found


def test_a_word_of_who_has_it_makes_no_two_names_one():
    """NCT00001481 (postpartum mood disorders) was given a postpartum pelvic floor recovery device, "Related condition:
    Postpartum Pelvic Floor Function and Symptoms"."""
    assert not same_condition("Postpartum Depression", "Postpartum Pelvic Floor Function and Symptoms")
    assert same_condition("Postpartum Depression", "Depression, Postpartum")
    assert same_condition("Postpartum Depression", "Depression")


@pytest.mark.parametrize("conditions, named", [
    (["Healthy"], True), (["Healthy Volunteers"], True), (["Healthy Adult Males"], True),
    # a condition with "healthy" in it is no study of healthy people (review r52 F7)
    (["Unhealthy Alcohol Use"], False), (["Healthy Lifestyle"], False), (["Healthy Aging"], False),
    (["Healthy Volunteers and Patients"], False), (["Healthy", "Schizophrenia"], False),
])
def test_only_healthy_people_named_make_a_healthy_study(conditions, named):
    from server.related_ties import healthy_named
    assert healthy_named(conditions) is named


def test_a_bacterial_cause_alone_leaves_a_causeless_name_of_the_same_illness():
    from server.related_kinds import unnamed_cause
    # "Pneumonia" is mostly bacterial: a right suggestion for "Pneumonia, Bacterial" (review r52 F8)
    assert not unnamed_cause(["Pneumonia, Bacterial"], ["Pneumonia"])
    # rel8's cases stand
    assert unnamed_cause(["Pneumonia, Pneumocystis Carinii"], ["Pneumonia"])
    assert unnamed_cause(["AIDS Dementia Complex"], ["Dementia"])
