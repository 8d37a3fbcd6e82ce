"""Related trials: right ties rel8 had cut, restored without what it removed (review r52 F8): a population word
("Preterm Infant", "Infant, Premature"), a cancer named with and without its cause ("AIDS-Related Kaposi Sarcoma",
"Kaposi Sarcoma"), and a singular heading both trials list ("Mental Disorder"). Records are small CT.gov v2 studies
written here (tests.test_related_patients)."""

from __future__ import annotations

from server.related_kinds import unnamed_cause
from server.related_terms import same_condition
from tests.test_related_patients import _ids, _index, _others, _rec


def test_a_preterm_infant_is_a_premature_one():
    """Review r52 F8: "Preterm Infant" and "Infant, Premature" were one condition until rel8's population-word rule."""
    assert same_condition("Preterm Infant", "Infant, Premature")
    assert same_condition("Preterm Birth", "Premature Birth")
    # (rel8's separations stand: a word of who has it ties no two illnesses)
    assert not same_condition("Postpartum Depression", "Postpartum Hemorrhage")
    assert not same_condition("Neonatal Sepsis", "Neonatal Jaundice")
    assert not same_condition("Preterm Infant", "Infant Colic")


def test_a_cancer_named_with_its_cause_is_the_cancer_named_without():
    """Review r52 F8: "AIDS-Related Kaposi Sarcoma" lost "Kaposi Sarcoma" (most KS trials take people with HIV)."""
    assert not unnamed_cause(["AIDS-Related Kaposi Sarcoma"], ["Kaposi Sarcoma"])
    assert not unnamed_cause(["HIV-Associated Lymphoma"], ["Lymphoma, Large B-Cell, Diffuse"])
    # (a candidate saying the query's cause elsewhere is of it: a "Dementia" trial listing "HIV Infections")
    assert not unnamed_cause(["AIDS Dementia Complex"], ["Dementia"], frozenset({"hiv"}))
    # (rel8's exclusions stand)
    assert unnamed_cause(["AIDS Dementia Complex"], ["Dementia"])
    assert unnamed_cause(["Pneumonia, Pneumocystis Carinii", "HIV Infections"], ["Infections", "Pneumonia"],
                         frozenset({"hiv"}))   # (its cause is Pneumocystis, which the candidate does not say)
    assert unnamed_cause(["Cytomegalovirus Retinitis"], ["Retinitis"])


def test_a_kaposi_trial_listing_hiv_is_given_to_an_aids_kaposi_trial(tmp_path):
    conn = _index(tmp_path, [
        _rec("NCT90090001", "Paclitaxel Versus Doxorubicin in AIDS-Related Kaposi Sarcoma",
             ["AIDS-Related Kaposi Sarcoma"], treatments=("Paclitaxel",)),
        _rec("NCT90090002", "Topical Gel in Kaposi Sarcoma", ["Kaposi Sarcoma", "HIV Infections"],
             treatments=("Alitretinoin gel",)),
        _rec("NCT90090003", "Pomalidomide for Kaposi Sarcoma", ["Kaposi Sarcoma"], treatments=("Pomalidomide",)),
        *_others(9000),
    ])
    found = _ids(conn, "NCT90090001")
    assert "NCT90090002" in found and "NCT90090003" in found


def test_a_heading_both_list_beside_a_shared_condition_counts_fully(tmp_path):
    """Review r52 F8: NCT00001323 (healthy volunteers and adults with schizophrenia, listing "Mental Disorder") lost
    NCT00001771 (psychiatric patients and normal volunteers, also listing "Mental Disorder" and schizophrenia) from its
    ten when rel8 read the singular as a broad heading. Here its twin, listing no heading but still recruiting (over
    every status), ranked above it."""
    conn = _index(tmp_path, [
        _rec("NCT90090011", "Neuropsychiatric Evaluation of Healthy Volunteers and Adults With Schizophrenia",
             ["Brain Injury", "Dementia", "Healthy", "Mental Disorder", "Schizophrenia"],
             ("Brain Injuries", "Schizophrenia", "Mental Disorders"), healthy=True),
        _rec("NCT90090012", "Serotonin Imaging in Psychiatric Patients and Normal Volunteers",
             ["Healthy", "Mental Disorder", "Obsessive Compulsive Disorder", "Schizophrenia", "Tourette Syndrome"],
             ("Tourette Syndrome", "Schizophrenia", "Obsessive-Compulsive Disorder", "Mental Disorders"), healthy=True,
             status="COMPLETED"),
        _rec("NCT90090013", "Serotonin Imaging in Psychiatric Patients and Normal Volunteers",
             ["Healthy", "Obsessive Compulsive Disorder", "Schizophrenia", "Tourette Syndrome"],
             ("Tourette Syndrome", "Schizophrenia", "Obsessive-Compulsive Disorder", "Mental Disorders"), healthy=True),
        *_others(9100),
    ])
    assert _ids(conn, "NCT90090011", "any")[:2] == ["NCT90090012", "NCT90090013"]
