"""Related trials: the words two names share that make them one condition, and the words a reason names a condition
by (rel6's review of the related-trials scan: 300 trials, random.seed(11), and 600, seed 23). Records are small CT.gov
v2 studies written here (tests.test_related_patients)."""

from __future__ import annotations

from scrapers.registry.search import TrialFeatures
from server.related_terms import same_condition
from server.related_why import _own_wording
from tests.test_rel6_kinds import _with
from tests.test_related_patients import _ids, _index, _others, _rec


def test_a_penile_word_alone_makes_no_two_names_one_condition(tmp_path):
    """NCT02860689 (Male Sexual Dysfunction; Spinal Cord Injury; keyword "Penile erection") was given NCT06376513
    (Evaluation of Penile Prosthesis Pump Manipulation; condition "Penile Prosthesis") as "Related condition: Penile
    Prosthesis": "penile" is a part of the body, as "bladder" is. Two prosthesis names stay one."""
    assert not same_condition("Penile erection", "Penile Prosthesis")
    assert same_condition("Penile Prosthesis Infection", "Penile Prosthesis")
    conn = _index(tmp_path, [
        _with(_rec("NCT90065001", "Predictive Factors for Male Sexual Dysfunction After Traumatic Spinal Cord Injury",
                   ["Male Sexual Dysfunction", "Spinal Cord Injury"], ("Spinal Cord Injuries", "Wounds and Injuries"),
                   sex="MALE"), ["Sexuality", "Spinal cord injuries", "Penile erection"]),
        _rec("NCT90065002", "Evaluation of Penile Prosthesis Pump Manipulation", ["Penile Prosthesis"], sex="MALE"),
        _rec("NCT90065003", "A Neurostimulator for Erection After Spinal Cord Injury", ["Spinal Cord Injuries"],
             ("Spinal Cord Injuries",), sex="MALE"),
        *_others(6500),
    ])
    assert _ids(conn, "NCT90065001") == ["NCT90065003"]


# ---------------------------------------------------------------- the reason's wording

def test_a_shared_cell_word_does_not_name_the_condition():
    """NCI-MATCH (NCT02465060) was shown to a renal cell cancer trial as "Same condition: Plasma Cell Myeloma": the
    only word "Carcinoma, Renal Cell" shares with that listed name is "cell". It is said in the term's words instead;
    a listed name sharing a word that says which condition is still used."""
    c = TrialFeatures(nct_id="NCT90063001", conditions=["Advanced Malignant Solid Neoplasm", "Plasma Cell Myeloma",
                                                        "Bladder Carcinoma"])
    assert _own_wording("carcinoma, renal cell", c) is None
    c2 = TrialFeatures(nct_id="NCT90063002", conditions=["Plasma Cell Myeloma", "Renal Cell Carcinoma"])
    assert _own_wording("carcinoma, renal cell", c2) == "Renal Cell Carcinoma"


def test_post_says_when_not_which_condition(tmp_path):
    """NCT06868446 and NCT00494650 (Post-Traumatic Stress Disorder) were given NCT06669780 (Post-Traumatic Headache,
    a digital CBT for headache after brain injury) as "Related condition: Post-Traumatic Headache": "post" and
    "traumatic" say when and from what, and were all the two names shared. Another PTSD trial is kept."""
    assert not same_condition("Post Traumatic Stress Disorder", "Post-Traumatic Headache")
    assert same_condition("Post Traumatic Stress Disorder", "Posttraumatic Stress Disorder")
    conn = _index(tmp_path, [
        _rec("NCT90066001", "Digital Therapeutic for Post Traumatic Stress Disorder",
             ["PTSD", "Post Traumatic Stress Disorder"], ("Stress Disorders, Post-Traumatic",)),
        _rec("NCT90066002", "E-CBT Digital Therapeutic for Post Traumatic Headaches in Adults With TBI",
             ["Post-Traumatic Headache"], ("Post-Traumatic Headache",)),
        _rec("NCT90066003", "Written Exposure Therapy for Posttraumatic Stress Disorder",
             ["Posttraumatic Stress Disorder"], ("Stress Disorders, Post-Traumatic",)),
        *_others(6600),
    ])
    assert _ids(conn, "NCT90066001") == ["NCT90066003"]
