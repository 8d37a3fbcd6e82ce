"""Related trials: a MeSH heading a candidate lists among those it follows ties it to no trial of one illness under it
(rel10): the Jackson Heart Study (NCT00005485), a community cohort listing "Cerebrovascular Disorders" beside five
other headings, was given to stroke trials listing "Cerebrovascular Accident" (the name alike) or filed under the
heading by ClinicalTrials.gov (a heading above the query's). A candidate whose title says the heading, or that has a
condition under it, is still tied. Records are small CT.gov v2 studies written here, shaped as the real ones."""

from __future__ import annotations

from tests.test_rel6_kinds import _with
from tests.test_related_patients import _ids, _index, _others, _rec

STROKE = ["Cerebrovascular Disorders", "Brain Diseases", "Central Nervous System Diseases", "Nervous System Diseases",
          "Vascular Diseases", "Cardiovascular Diseases"]
CAROTID = ["Carotid Artery Diseases", "Cerebrovascular Disorders", "Arterial Occlusive Diseases", "Vascular Diseases",
           "Cardiovascular Diseases"]


def _cohort():
    return _with(_rec("NCT90101001", "A Community Study of Cardiovascular Disease Among African Americans",
                      ["Cardiovascular Diseases", "Heart Diseases", "Atherosclerosis", "Coronary Disease",
                       "Hypertension", "Cerebrovascular Disorders"],
                      ("Cerebrovascular Disorders", "Hypertension", "Cardiovascular Diseases", "Heart Diseases",
                       "Atherosclerosis", "Coronary Disease"), min_age="21 Years", healthy=True),
                 keywords=["Cardiovascular diseases", "Heart failure", "Stroke", "Coronary heart disease"])


def test_a_cohort_listing_a_heading_is_not_given_to_a_stroke_trial_naming_it_alike(tmp_path):
    """A stroke trial of the old kind (no headings given): "Cerebrovascular Accident" was alike to the heading."""
    conn = _index(tmp_path, [
        _cohort(),
        _rec("NCT90101002", "Motor Changes Associated With Recovery From Stroke After Therapy",
             ["Cerebrovascular Accident"], ("Stroke",), min_age="21 Years", healthy=False),
        *_others(9500),
    ])
    for statuses in (None, "any"):
        assert "NCT90101001" not in _ids(conn, "NCT90101002", statuses), statuses


def test_a_cohort_listing_a_heading_is_not_given_to_a_stroke_trial_filed_under_it(tmp_path):
    conn = _index(tmp_path, [
        _cohort(),
        _with(_rec("NCT90101003", "Botulinum Toxin in Patients With Post-Stroke Upper Limb Spasticity",
                   ["Post-Stroke Spasticity", "Cerebrovascular Accident"], ("Muscle Spasticity", "Stroke"),
                   min_age="21 Years", healthy=False), ancestors=STROKE),
        _with(_rec("NCT90101004", "Arm Training After Stroke", ["Stroke"], ("Stroke",), min_age="21 Years"),
              ancestors=STROKE),
        *_others(9500),
    ])
    for statuses in (None, "any"):
        found = _ids(conn, "NCT90101003", statuses)
        assert "NCT90101001" not in found and "NCT90101004" in found, statuses


def test_a_heading_its_title_says_still_ties():
    """"Carotid Artery Diseases" of a cohort titled for carotid atherosclerosis stays one with "Carotid Stenosis"."""
    from server.related_ties import _about, under_heading
    cohort = {"conditions": ["Atherosclerosis", "Carotid Artery Diseases"], "at": [],
              "titles": ["Epidemiology of Carotid Artery Atherosclerosis in Youth"]}
    assert "Carotid Artery Diseases" in _about(cohort)
    assert under_heading("carotid artery diseases", cohort)
    jhs = {"conditions": ["Hypertension", "Cerebrovascular Disorders"], "at": [],
           "titles": ["The Jackson Heart Study of Cardiovascular Disease Among African Americans"]}
    assert _about(jhs) == ["Hypertension"]
    assert not under_heading("cerebrovascular disorders", jhs)
    # a condition of its under the heading ties it
    assert under_heading("cerebrovascular disorders", {**jhs, "at": ["cerebrovascular disorders"]})
