"""Related trials tied by a word two disease names share (review r35 §7, related3): after related2, r35's scan of 300
trials still listed 143 suggestions that named no shared condition or treatment, e.g. a bladder cancer trial's
"Shared terms: bladder, urinary · For: Overactive Bladder (OAB)", a multiple sclerosis trial's "Related condition:
Tuberous Sclerosis", and, by "both take healthy volunteers", schizophrenia imaging studies for a multiple sclerosis one.
A shared word ties two trials only when it names the disease (not a body part, nor a harm many diseases have), both
names are of one kind (a tumour or not) and neither says "non" before it."""

from __future__ import annotations

from server.related_terms import same_condition
from tests.test_related_patients import _ids, _index, _rec


def _others(n: int, start: int = 0) -> list:
    """Unrelated trials, so that the words of the few under test are rare enough to be queried with."""
    return [_rec(f"NCT9{start + i:07d}", f"Filler study {i} of gout", [f"Gout type {i}"]) for i in range(n)]


def test_an_organ_word_does_not_tie_a_cancer_to_another_disease_of_the_organ(tmp_path):
    conn = _index(tmp_path, [
        _rec("NCT91000001", "Intravesical Chemotherapy for Superficial Bladder Cancer", ["Bladder Cancer"],
             ("Urinary Bladder Neoplasms",)),
        _rec("NCT91000002", "Digital Therapeutic for Overactive Bladder and Urinary Urgency",
             ["Overactive Bladder (OAB)", "Urinary Urgency"], ("Urinary Bladder, Overactive",)),
        _rec("NCT91000003", "Intravesical Chemotherapy for Recurrent Bladder Carcinoma", ["Recurrent Bladder Carcinoma"]),
        *_others(300),
    ])
    assert _ids(conn, "NCT91000001") == ["NCT91000003"]
    assert _ids(conn, "NCT91000002") == []


def test_a_shared_harm_word_or_heading_does_not_tie_two_diseases(tmp_path):
    """ClinicalTrials.gov's old records carry the MeSH heading "Sclerosis" above both multiple and tuberous sclerosis;
    it made "Related condition: Tuberous Sclerosis" on a multiple sclerosis trial."""
    conn = _index(tmp_path, [
        _rec("NCT91000011", "MRI to Evaluate Activity of Multiple Sclerosis", ["Multiple Sclerosis"],
             ("Multiple Sclerosis", "Sclerosis")),
        _rec("NCT91000012", "Natural History of Tuberous Sclerosis", ["Tuberous Sclerosis"],
             ("Tuberous Sclerosis", "Sclerosis")),
        _rec("NCT91000017", "Natural History of Systemic Sclerosis", ["Systemic Sclerosis", "Scleroderma"],
             ("Scleroderma, Systemic", "Sclerosis")),
        _rec("NCT91000013", "Ocrelizumab in Relapsing Multiple Sclerosis", ["Multiple Sclerosis, Relapsing-Remitting"],
             ("Multiple Sclerosis", "Multiple Sclerosis, Relapsing-Remitting")),
        _rec("NCT91000014", "Education After Mild Traumatic Brain Injury", ["Mild Traumatic Brain Injury"]),
        _rec("NCT91000015", "Sexual Function After Spinal Cord Injury", ["Spinal Cord Injury"]),
        _rec("NCT91000016", "Bladder Care After Spinal Cord Injuries", ["Spinal Cord Injuries"]),
        *_others(300, 100),
    ])
    assert _ids(conn, "NCT91000011") == ["NCT91000013"]
    assert _ids(conn, "NCT91000015") == ["NCT91000016"]


def test_a_broad_heading_ties_only_trials_about_it(tmp_path):
    """"Infections" tied an HIV trial to a urinary tract infection one, "Neoplasm Metastasis" a melanoma trial to a
    breast cancer one; a heart study listing "Cardiovascular Diseases" first is about it, and keeps another."""
    conn = _index(tmp_path, [
        _rec("NCT91000021", "Retrovir in Early HIV Infection", ["HIV Infections"], ("HIV Infections", "Infections")),
        _rec("NCT91000022", "Cefepime for Complicated Urinary Tract Infection", ["Complicated Urinary Tract Infection"],
             ("Urinary Tract Infections", "Infections")),
        _rec("NCT91000023", "Lymphocyte Re-infusion for Metastatic Melanoma", ["Melanoma", "Neoplasm Metastasis"]),
        _rec("NCT91000024", "Margetuximab for Metastatic HER2-positive Breast Cancer",
             ["HER2-positive Breast Cancer", "Neoplasm Metastasis"]),
        _rec("NCT91000025", "Diet and Cardiovascular Disease", ["Cardiovascular Diseases", "Heart Diseases"]),
        _rec("NCT91000026", "Heart Disease Risk in a Cardiovascular Cohort", ["Cardiovascular Diseases", "Obesity"]),
        *_others(300, 200),
    ])
    assert _ids(conn, "NCT91000021") == []
    assert _ids(conn, "NCT91000023") == []
    assert _ids(conn, "NCT91000025") == ["NCT91000026"]


def test_a_patients_trial_taking_healthy_controls_is_not_tied_to_another_diseases_by_them(tmp_path):
    """Both take healthy volunteers: a volunteer of a healthy volunteers' trial may join the other (kept), a patient of
    a multiple sclerosis trial that also takes controls may not join a schizophrenia one."""
    conn = _index(tmp_path, [
        _rec("NCT91000031", "Brain Imaging in Multiple Sclerosis", ["Multiple Sclerosis"], healthy=True),
        _rec("NCT91000032", "Brain Imaging of Neuropsychiatric Patients and Healthy Controls", ["Schizophrenia"],
             healthy=True),
        _rec("NCT91000033", "New Brain Imaging Methods", ["Healthy"], healthy=True),
        *_others(300, 300),
    ])
    assert _ids(conn, "NCT91000031") == []
    assert sorted(_ids(conn, "NCT91000033")) == ["NCT91000031", "NCT91000032"]


def test_condition_names_alike_and_not():
    same = [("HIV Infections", "HIV"), ("Chronic Migraine, Headache", "Migraine"),
            ("Spinal Cord Injury", "Spinal Cord Injuries"),
            ("Herniated Nucleus Pulposus", "Lumbar Disc Herniation"), ("Bladder Cancer", "Recurrent Bladder Carcinoma"),
            ("Cervical Cancer", "Stage IV Cervical Carcinoma"), ("Acute Myeloid Leukemia", "Myeloid Leukemia"),
            ("Unspecified Adult Solid Tumor, Protocol Specific", "Solid Tumor")]
    other = [("Bladder Neoplasms", "Overactive Bladder"), ("Multiple Sclerosis", "Tuberous Sclerosis"),
             ("Spinal Cord Injury", "Mild Traumatic Brain Injury"),
             ("Lower Urinary Tract Symptoms", "Urinary Tract Infection"),
             ("Kidney Cancer", "Kidney Disease"), ("Small Cell Lung Cancer", "Non Small Cell Lung Cancer"),
             ("Drug Dependence", "Nicotine Dependence"), ("Acquired Immunodeficiency Syndrome", "Immunodeficiency"),
             ("Heart Diseases", "Heart Failure"), ("Low Back Pain", "Low Libido"),
             ("Cardiovascular Diseases", "Cardiovascular Diseases"),
             ("Renal Cell Carcinoma", "Small Cell Lung Carcinoma"), ("Bone Metastases", "Neoplasm Metastasis"),
             ("MRI (Magnetic Resonance Imaging)", "Contrast Enhancement in Magnetic Resonance Imaging")]
    assert [p for p in same if not same_condition(*p)] == []
    assert [p for p in other if same_condition(*p)] == []
