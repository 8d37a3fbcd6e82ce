"""A whole body system's heading ("Cardiovascular Diseases", the top of MeSH's tree) that two trials list is no tie on
its own when the trial being read names a narrower condition (related5, from r35's 300-trial scan: coronary disease
cohorts were given an obesity and diabetes study of heart disease risk by "Cardiovascular Diseases" alone). Records
are small CT.gov v2 studies written here (tests.test_related_patients)."""

from __future__ import annotations

from tests.test_related_patients import _ids, _index, _others, _rec

HEART_RISK = ["Cardiovascular Diseases", "Diabetes", "Obesity", "Hypertension"]


def test_the_top_heading_alone_ties_no_trial_of_another_illness(tmp_path):
    """NCT00005252 (Cardiovascular Diseases; Heart Diseases; Coronary Disease; Myocardial Infarction) was given
    NCT00001853 (Cardiovascular Diseases; Diabetes; Obesity; Hypertension) as "Shared terms: health, cardiovascular,
    heart"; a coronary disease cohort is still given."""
    conn = _index(tmp_path, [
        _rec("NCT90005101", "Cardiovascular Disease Mortality in Physicians",
             ["Cardiovascular Diseases", "Heart Diseases", "Coronary Disease", "Myocardial Infarction"]),
        _rec("NCT90005102", "Diabetes and Cardiovascular Disease Risk in Black Adults", HEART_RISK),
        _rec("NCT90005103", "Coronary Disease Mortality Cohort", ["Cardiovascular Diseases", "Coronary Disease"]),
        *_others(5200),
    ])
    assert _ids(conn, "NCT90005101") == ["NCT90005103"]


def test_a_trial_naming_only_the_heading_is_still_tied_by_it(tmp_path):
    """A cohort naming nothing narrower than "Cardiovascular Diseases" is about it: the heading still ties (a guard)."""
    conn = _index(tmp_path, [
        _rec("NCT90005111", "DNA Diversity in Cardiovascular Disease", ["Cardiovascular Diseases", "Heart Diseases"]),
        _rec("NCT90005112", "Diabetes and Cardiovascular Disease Risk in Black Adults", HEART_RISK),
        *_others(5220),
    ])
    assert _ids(conn, "NCT90005111") == ["NCT90005112"]


def test_a_narrower_heading_first_still_ties(tmp_path):
    """NCT02593396 (Sexual Dysfunctions, Psychological; Hypoactive Sexual Desire Disorder; Erectile Dysfunctions) keeps
    NCT04002661 (Low Libido, its MeSH term that heading): not the top of a tree, it is what both are about (a guard:
    a first cut that applied the rule to every broad heading lost it)."""
    conn = _index(tmp_path, [
        _rec("NCT90005121", "Hypoactive Sexual Desire Disorder in Men",
             ["Sexual Dysfunctions, Psychological", "Hypoactive Sexual Desire Disorder", "Erectile Dysfunctions"],
             ("Sexual Dysfunctions, Psychological",), sex="MALE"),
        _rec("NCT90005122", "Hypoactive Sexual Desire in Males", ["Low Libido"], ("Sexual Dysfunctions, Psychological",),
             sex="MALE"),
        *_others(5240),
    ])
    assert _ids(conn, "NCT90005121") == ["NCT90005122"]
