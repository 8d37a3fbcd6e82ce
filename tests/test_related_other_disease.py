"""A trial of another disease is no related trial for its title words (review r35 §7): a glomerulosclerosis study was
given lupus, stroke and HIV studies for "Shared terms: pathogenesis, natural, history", a spinal cord injury one MRI
contrast studies for "cord, spinal". What still ties two trials of differently named conditions is kept: both take
healthy volunteers, a keyword of one names the other's condition, one word with two endings."""

from __future__ import annotations

from server.related_terms import share_condition_word
from tests.test_related_patients import _ids, _index, _others, _rec


def test_study_words_do_not_make_a_trial_of_another_disease_related(tmp_path):
    conn = _index(tmp_path, [
        _rec("NCT90000301", "Pathogenesis and Natural History of Glomerulosclerosis", ["Glomerulosclerosis, Focal Segmental"]),
        _rec("NCT90000302", "Pathogenesis and Natural History of Systemic Lupus Erythematosus",
             ["Systemic Lupus Erythematosus"]),
        _rec("NCT90000303", "Natural History and Pathogenesis of Stroke", ["Stroke"]),
        _rec("NCT90000304", "Rituximab in Focal Segmental Glomerulosclerosis", ["Focal Segmental Glomerulosclerosis"],
             treatments=("Rituximab",)),
        *_others(500),
    ])
    assert _ids(conn, "NCT90000301") == ["NCT90000304"]
    assert _ids(conn, "NCT90000301", "any") == ["NCT90000304"]


def test_an_anatomy_word_does_not_make_an_imaging_study_related(tmp_path):
    conn = _index(tmp_path, [
        _rec("NCT90000311", "Sexual Function After Traumatic Spinal Cord Injury", ["Spinal Cord Injury"]),
        _rec("NCT90000312", "Gadoquatrane Contrast MRI of the Brain and Spinal Cord",
             ["Contrast Enhancement in Magnetic Resonance Imaging"], treatments=("Gadoquatrane",)),
        _rec("NCT90000313", "Bladder Care After Spinal Cord Injury", ["Spinal Cord Injuries"]),
        *_others(520),
    ])
    assert _ids(conn, "NCT90000311") == ["NCT90000313"]


def test_a_shared_treatment_still_shows_a_trial_of_another_disease_over_every_status(tmp_path):
    """Title words are no tie; a shared drug is, when the reader asked for every status (review r16 §6 keeps it out
    of a list of trials to join)."""
    conn = _index(tmp_path, [
        _rec("NCT90000321", "Rituximab for Membranous Nephropathy", ["Membranous Nephropathy"], treatments=("Rituximab",)),
        _rec("NCT90000322", "Rituximab for Pemphigus Vulgaris", ["Pemphigus Vulgaris"], treatments=("Rituximab",)),
        *_others(540),
    ])
    assert _ids(conn, "NCT90000321") == []
    assert _ids(conn, "NCT90000321", "any") == ["NCT90000322"]


def test_what_ties_differently_named_conditions_is_kept(tmp_path):
    """The judged bench's pairs: a herniated nucleus pulposus trial and a lumbar disc herniation one; an iritis trial
    whose keywords say uveitis and a uveitis one; two vaccine trials of healthy volunteers."""
    chik = _rec("NCT90000333", "Live Attenuated Chikungunya Vaccine in Adults", ["Chikungunya"], healthy=True)
    hiv = _rec("NCT90000334", "Live Attenuated Vector Vaccine in Adults", ["HIV Seronegativity"], healthy=True)
    iritis = _rec("NCT90000335", "Evaluation of Inflammatory Eye Disease", ["Iritis", "Choroiditis"])
    iritis.data["protocolSection"]["conditionsModule"]["keywords"] = ["Uveitis", "Inflammatory Eye Disease"]
    conn = _index(tmp_path, [
        _rec("NCT90000331", "Endoscopic Discectomy for Herniated Nucleus Pulposus", ["Herniated Nucleus Pulposus"]),
        _rec("NCT90000332", "Endoscopic Discectomy Outcomes", ["Lumbar Disc Herniation"]),
        chik, hiv, iritis,
        _rec("NCT90000336", "Inflammatory Eye Disease Treated With Adalimumab", ["Uveitis"], treatments=("Adalimumab",)),
        *_others(560),
    ])
    assert _ids(conn, "NCT90000331") == ["NCT90000332"]
    assert _ids(conn, "NCT90000333") == ["NCT90000334"]
    assert _ids(conn, "NCT90000335") == ["NCT90000336"]


def test_one_word_with_two_endings():
    same = [("herniated", "herniation"), ("diabetes", "diabetic"), ("transplant", "transplantation")]
    other = [("hypertension", "hypertrophy"), ("cardiomyopathy", "cardiovascular"), ("myeloma", "myelodysplastic"),
             ("lymphoma", "lymphoblastic"), ("hiv", "hcv")]
    assert all(share_condition_word(frozenset({a}), frozenset({b})) for a, b in same)
    assert not any(share_condition_word(frozenset({a}), frozenset({b})) for a, b in other)


def test_a_broad_word_of_a_condition_is_no_tie(tmp_path):
    """A glomerular disease study whose keywords say "Viral Infection" was given an HIV study ("Infectious Diseases")
    for "Shared terms: pathogenesis, natural, history": "infection" names no condition (review r35 §7, NCT00001392)."""
    glomerular = _rec("NCT90000341", "Pathogenesis and Natural History of Glomerular Disease", ["Glomerular Disease"])
    glomerular.data["protocolSection"]["conditionsModule"]["keywords"] = ["Renal Biopsy", "Viral Infection"]
    conn = _index(tmp_path, [
        glomerular,
        _rec("NCT90000342", "Pathogenesis and Natural History of HIV in Blood", ["HIV", "Infectious Diseases"]),
        _rec("NCT90000343", "Steroids in Glomerular Disease", ["Glomerular Disease"]),
        *_others(580),
    ])
    assert _ids(conn, "NCT90000341") == ["NCT90000343"]
