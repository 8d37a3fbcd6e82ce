"""Related trials: a trial whose patients must have a second illness the query names nowhere (rel10; rel9's scan left
them): erectile dysfunction trials of men with multiple sclerosis, hepatitis C or diabetes were given to a trial of
erectile dysfunction alone. Records are small CT.gov v2 studies written here, shaped as the real ones (NCT04601233,
NCT05624086, NCT06220968, NCT00415220), with the MeSH headings ClinicalTrials.gov gives them."""

from __future__ import annotations

from server.related_needs import names_tumour
from server.related_second import needs_another_illness, query_needs
from server.related_terms import condition_names
from tests.test_rel6_kinds import _with
from tests.test_related_patients import _ids, _index, _others, _rec

ED = ["Genital Diseases, Male", "Sexual Dysfunction, Physiological", "Mental Disorders", "Male Urogenital Diseases",
      "Urogenital Diseases"]
MS = ["Autoimmune Diseases", "Demyelinating Diseases", "Nervous System Diseases", "Immune System Diseases"]
HEP_C = ["Hepatitis, Viral, Human", "Liver Diseases", "Digestive System Diseases", "Virus Diseases", "Infections"]
SPINE = ["Spinal Diseases", "Bone Diseases", "Musculoskeletal Diseases", "Hernia"]
SCIATICA = ["Neuralgia", "Pain", "Peripheral Nervous System Diseases", "Nervous System Diseases"]


def _ed_trials() -> list:
    return [
        _with(_rec("NCT90100001", "Lifestyle Changes for Erectile Dysfunction", ["Erectile Dysfunction"],
                   ("Erectile Dysfunction",), sex="MALE", min_age="35 Years"), ancestors=ED),
        _with(_rec("NCT90100002", "Testosterone Treatment for Erectile Dysfunction and Multiple Sclerosis",
                   ["Multiple Sclerosis", "Erectile Dysfunction", "Testosterone Deficiency"],
                   ("Multiple Sclerosis", "Erectile Dysfunction"), sex="MALE"), ancestors=ED + MS),
        _with(_rec("NCT90100003", "Sexual Dysfunction Responses to Aerobic Exercise in Hepatitis-C Men",
                   ["Hepatitis C", "Erectile Dysfunction"], ("Hepatitis C", "Erectile Dysfunction"), sex="MALE"),
              ancestors=ED + HEP_C),
        _with(_rec("NCT90100004", "Impact of Glycemic Control on Penile Duplex Results",
                   ["Erectile Dysfunction With Diabetes Mellitus"], ("Erectile Dysfunction",), sex="MALE"),
              ancestors=ED),
        _with(_rec("NCT90100005", "Shock Wave Therapy for Erectile Dysfunction", ["Erectile Dysfunction"],
                   ("Erectile Dysfunction",), sex="MALE"), ancestors=ED),
        _with(_rec("NCT90100006", "Pelvic Floor Training in Men With Erectile Dysfunction", ["Erectile Dysfunction"],
                   ("Erectile Dysfunction",), sex="MALE"), ancestors=ED),
        # a trial of multiple sclerosis: the MS trial of men with ED is one for it
        _with(_rec("NCT90100007", "Bladder and Sexual Function in Multiple Sclerosis",
                   ["Multiple Sclerosis", "Erectile Dysfunction"], ("Multiple Sclerosis", "Erectile Dysfunction"),
                   sex="MALE"), ancestors=MS + ED),
    ]


def test_a_trial_is_not_given_trials_of_people_with_an_illness_it_names_nowhere(tmp_path):
    conn = _index(tmp_path, _ed_trials() + _others(9400))
    found = _ids(conn, "NCT90100001")
    assert {"NCT90100005", "NCT90100006"} <= set(found)
    assert not {"NCT90100002", "NCT90100003", "NCT90100004"} & set(found)
    # over every status they are not shown either (no shared treatment)
    assert not {"NCT90100002", "NCT90100003", "NCT90100004"} & set(_ids(conn, "NCT90100001", "any"))
    # a trial naming the other illness keeps them
    assert "NCT90100002" in _ids(conn, "NCT90100007")


def _reading(conditions, mesh, titles, ancestors, keywords=()):
    names = condition_names(conditions, mesh, list(keywords))
    terms = {t.lower() for t in conditions + mesh}
    return query_needs(names, conditions, mesh, list(keywords), titles, terms, {a.lower() for a in ancestors},
                       names_tumour(conditions + mesh + list(keywords) + titles))


def _row(conditions, mesh, titles, ancestors, healthy=False):
    return {"conditions": conditions, "condition_mesh": mesh, "titles": titles, "healthy_volunteers": healthy,
            "ct": [t.lower() for t in conditions + mesh], "at": [a.lower() for a in ancestors]}


def test_what_makes_a_second_illness_needed():
    plain_ed = _reading(["Erectile Dysfunction"], ["Erectile Dysfunction"], ["Lifestyle Changes for ED"], ED)
    ms = _row(["Multiple Sclerosis", "Erectile Dysfunction"], ["Multiple Sclerosis", "Erectile Dysfunction"],
              ["Testosterone Treatment for Erectile Dysfunction and Multiple Sclerosis"], ED + MS)
    assert needs_another_illness(plain_ed, ms)
    # a query whose title says "Multiple" of something else still names no multiple sclerosis
    dose = _reading(["Erectile Dysfunction"], ["Erectile Dysfunction"], ["Multiple Dose Escalation of Vardenafil"], ED)
    assert needs_another_illness(dose, ms)
    # healthy volunteers taken, "with or without", one "or" the other: not needed
    assert not needs_another_illness(plain_ed, {**ms, "healthy_volunteers": True})
    assert not needs_another_illness(plain_ed, {**ms, "titles": ["Testosterone for Erectile Dysfunction With or "
                                                                  "Without Multiple Sclerosis"]})
    assert not needs_another_illness(plain_ed, {**ms, "titles": ["Testosterone in Men With Erectile Dysfunction or "
                                                                  "Multiple Sclerosis"]})
    # diabetes said in an entry beside the query's illness, though ClinicalTrials.gov files it under ED alone
    dm = _row(["Erectile Dysfunction With Diabetes Mellitus"], ["Erectile Dysfunction"],
              ["Impact of Glycemic Control on Penile Duplex Results"], ED)
    assert needs_another_illness(plain_ed, dm)
    assert not needs_another_illness(_reading(["Erectile Dysfunction", "Diabetes Mellitus"], ["Erectile Dysfunction"],
                                              ["Tadalafil in Diabetic Men"], ED), dm)
    # a query naming a tumour, or given no headings, is left to the cancer rules
    assert not needs_another_illness(_reading(["Prostate Cancer"], ["Prostatic Neoplasms"], ["Radical Prostatectomy"],
                                              ["Neoplasms"] + ED), ms)
    assert not needs_another_illness(_reading(["Erectile Dysfunction"], ["Erectile Dysfunction"], ["ED"], []), ms)


def test_an_illness_the_querys_brings_or_of_its_own_system_is_not_another():
    disc = _reading(["Herniated Disk Lumbar"], ["Intervertebral Disc Displacement"],
                    ["Lumbar Spine Surgery: Regional vs. General Anaesthesia"], SPINE)
    sciatica = _row(["Sciatica", "Intervertebral Disk Displacement"], ["Sciatica", "Intervertebral Disc Displacement"],
                    ["Manipulation or Microdiscectomy For Sciatica?", "Chiropractic and Back Surgery for the Treatment "
                     "of Sciatica Secondary to Lumbar Herniated Disc"], SPINE + SCIATICA)
    assert not needs_another_illness(disc, sciatica)
    # Alzheimer's disease filed under the query's own "Dementia"
    dementia = _reading(["Dementia"], ["Dementia"], ["Memory in Dementia"], ["Brain Diseases", "Mental Disorders"])
    alz = _row(["Alzheimer Disease", "Dementia"], ["Alzheimer Disease"], ["Sleep and Exercise in Patients With "
                                                                         "Alzheimer's Disease"],
               ["Dementia", "Brain Diseases", "Tauopathies", "Neurodegenerative Diseases", "Mental Disorders"])
    assert not needs_another_illness(dementia, alz)
