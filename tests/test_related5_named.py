"""A related trial tied by a condition it names alike, or by an acronym, says which ("Related condition: HIV"), where
the reason said only "Shared terms: hiv, infected, aids" (related5: 70 of r35's 300-trial scan named no condition or
treatment; 14 after). Records are small CT.gov v2 studies written here (tests.test_related_patients)."""

from __future__ import annotations

from server.related import related
from tests.test_related4_ties import _with_keywords
from tests.test_related_patients import TODAY, _index, _others, _rec


def _why(conn, query: str) -> dict[str, str]:
    return {r.nct_id: r.why for r in related(query, k=10, conn=conn, today=TODAY)}


def test_a_condition_named_alike_is_said(tmp_path):
    """NCT00002288 (HIV Infections) was given NCT00001316 (HIV) with "Shared terms: hiv, infected, aids · For: HIV"."""
    conn = _index(tmp_path, [
        _rec("NCT90005201", "Zidovudine in HIV-Infected Patients", ["HIV Infections"], ("HIV Infections",)),
        _rec("NCT90005202", "Viral Load in Lymph Tissue of HIV-Infected Individuals", ["HIV"]),
        *_others(5300),
    ])
    assert _why(conn, "NCT90005201")["NCT90005202"].startswith("Related condition: HIV · ")


def test_what_the_trial_is_for_is_still_said_when_the_tie_is_not_its_first_condition(tmp_path):
    """NCT04949152, a type 2 diabetes cohort listing "Coronary Artery Disease" second, given to a coronary disease
    cohort: the reason names the tie and still says what it is for. (Since rel12 a diabetes cohort is no longer given
    to a query naming no diabetes, which needs it, so a hypertension cohort stands in.)"""
    conn = _index(tmp_path, [
        _rec("NCT90005211", "Coronary Disease Cohort", ["Cardiovascular Diseases", "Coronary Disease"]),
        _rec("NCT90005212", "Hypertension Cohort: Coronary Disease", ["Hypertension", "Coronary Artery Disease"]),
        *_others(5320),
    ])
    why = _why(conn, "NCT90005211")["NCT90005212"]
    assert why.startswith("Related condition: Coronary Artery Disease · ")
    assert why.endswith("For: Hypertension; Coronary Artery Disease")


def test_an_acronym_is_said(tmp_path):
    """NCT00003666 (Lung Cancer; MeSH Carcinoma, Non-Small-Cell Lung) was given NSCLC trials as "Shared terms: lung,
    small"."""
    conn = _index(tmp_path, [
        _rec("NCT90005221", "Irofulven in Non-small Cell Lung Cancer", ["Lung Cancer"],
             ("Carcinoma, Non-Small-Cell Lung",)),
        _rec("NCT90005222", "Local Ablative Treatment in Advanced Non-Small Cell Lung Cancer", ["NSCLC"]),
        *_others(5340),
    ])
    assert _why(conn, "NCT90005221")["NCT90005222"].startswith("Related condition: NSCLC · ")


def test_study_words_tie_no_healthy_volunteers_study(tmp_path):
    """NCT00001844, a healthy volunteers' MRI methods study, was given a bone marrow cell-selection study taking donors
    by "Shared terms: methods, volunteer" alone; an MRI study of volunteers is still given."""
    conn = _index(tmp_path, [
        _with_keywords(_rec("NCT90005231", "Study of New Magnetic Resonance Methods", ["Healthy"], healthy=True),
                       ["Functional MRI", "Healthy Volunteer"]),
        _with_keywords(_rec("NCT90005232", "Improved Methods of Cell Selection for Bone Marrow Transplant",
                            ["Graft-Versus-Host Disease"], healthy=True), ["Donor Apheresis", "Normal Volunteer"]),
        _rec("NCT90005233", "Magnetic Resonance Imaging of Healthy Volunteers", ["Healthy Volunteers"], healthy=True),
        *_others(5360),
    ])
    assert list(_why(conn, "NCT90005231")) == ["NCT90005233"]
