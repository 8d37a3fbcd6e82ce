"""A condition entry naming who a trial takes ("Pregnancy", "Infant, Newborn", "Children") is no illness two trials
share (related5, from r35's 300-trial scan: HIV trials of pregnant women were given an autoimmunity-in-pregnancy
registry as "Same condition: Pregnancy" and a gestational-diabetes exercise trial). Records are small CT.gov v2 studies
written here (tests.test_related_patients), so each test states the facts it depends on."""

from __future__ import annotations

from server.related import related
from server.related_terms import population, same_condition
from tests.test_related4_ties import _with_keywords
from tests.test_related_patients import TODAY, _ids, _index, _others, _rec


def test_pregnancy_alone_ties_no_trial_of_another_illness(tmp_path):
    """NCT00000839 (HIV Infections; Pregnancy) was given NCT00513591 (Pregnancy; Systemic Lupus Erythematosus…) as
    "Same condition: Pregnancy" and NCT05256615 (Pregnancy Related; Diabetes) by "pregnant, pregnancy, women"; an HIV
    trial of pregnant women is still given."""
    conn = _index(tmp_path, [
        _rec("NCT90005001", "Didanosine in HIV-Infected Pregnant Women", ["HIV Infections", "Pregnancy"], sex="FEMALE"),
        _rec("NCT90005002", "Autoimmunity in Pregnancy Registry", ["Pregnancy", "Systemic Lupus Erythematosus"],
             sex="FEMALE"),
        _rec("NCT90005003", "Exercise Timing in Pregnant Women With Gestational Diabetes",
             ["Pregnancy Related", "Diabetes"], sex="FEMALE"),
        _rec("NCT90005004", "Nevirapine in HIV-Infected Pregnant Women", ["HIV Infections", "Pregnancy"], sex="FEMALE"),
        *_others(5100),
    ])
    found = related("NCT90005001", k=10, conn=conn, today=TODAY)
    assert [r.nct_id for r in found] == ["NCT90005004"]
    # the shared illness is said, not the population
    assert found[0].why.startswith("Same condition: HIV Infections")


def test_a_trial_about_pregnancy_alone_is_still_given_pregnancy_trials(tmp_path):
    """A trial naming nothing but the population ("Pregnancy") is about it: a pregnancy registry is still related (a
    guard: the rule above must not leave such a trial with nothing)."""
    conn = _index(tmp_path, [
        _rec("NCT90005011", "Vitamin D in Pregnancy", ["Pregnancy"], sex="FEMALE"),
        _rec("NCT90005012", "Pregnancy Outcomes Registry", ["Pregnancy", "Systemic Lupus Erythematosus"], sex="FEMALE"),
        *_others(5120),
    ])
    assert _ids(conn, "NCT90005011") == ["NCT90005012"]


def test_children_tie_no_childrens_trial_of_another_illness(tmp_path):
    """NCT00460135, resistance training for obese children ("Childhood Obesity"; keyword "Children"), was given a
    contrast agent study listing "Children" ("Shared terms: pediatric, body": the keyword made the two one condition,
    and title words then sufficed)."""
    conn = _index(tmp_path, [
        _with_keywords(_rec("NCT90005021", "Resistance Training and Body Composition in Obese Children",
                            ["Childhood Obesity", "Body Composition"], max_age="17 Years"), ["Pediatric", "Children"]),
        _rec("NCT90005022", "How Gadoquatrane Moves Through the Body in Pediatric Patients",
             ["Contrast Enhancement in Magnetic Resonance Imaging", "Children"], max_age="17 Years"),
        _rec("NCT90005023", "Diet for Obese Children", ["Childhood Obesity"], max_age="17 Years"),
        *_others(5140),
    ])
    assert _ids(conn, "NCT90005021") == ["NCT90005023"]


def test_which_condition_names_are_a_population():
    for term in ("Pregnancy", "Pregnancy Related", "High Risk Pregnancy", "Infant, Newborn", "Children", "Aging",
                 "Menopause", "Older Adults"):
        assert population(term), term
    # an illness of the population is one, and "Healthy" is left to the volunteers' rule (related_ties._volunteers)
    for term in ("Pregnancy Complications", "Gestational Diabetes", "Depression, Postpartum", "Infant Colic",
                 "Hot Flashes", "Healthy", "Childhood Obesity"):
        assert not population(term), term
    assert not same_condition("Pregnancy", "Pregnancy Related")
    assert not same_condition("Pregnancy", "Pregnancy")
    assert same_condition("Childhood Obesity", "Obesity")
