"""A trial treating another illness in people with the query's is none to join for the query's reader (rel13): 426 old
HIV trials, given no MeSH headings, were given "Hybrid Trial of a Digital Therapeutic for Smoking Cessation Among
Persons Living With HIV" (NCT06883097), which takes smokers. Read from the candidate's own title and conditions
(server/related_second.py treats_another_in_ours)."""

from __future__ import annotations

import json

from server.related_second import query_needs, treats_another_in_ours
from server.related_terms import condition_names
from tests.test_related_patients import _ids, _index, _rec

# NCT06883097's own conditions and MeSH terms, as its record lists them
SMOKING_HIV = _rec("NCT90001350", "Hybrid Trial of a Digital Therapeutic for Smoking Cessation Among Persons Living With HIV",
                   ["Tobacco", "Tobacco Abstinence", "Smoking Cessation", "Smoking Cessation; Tobacco Dependence",
                    "Human Immunodeficiency Virus (HIV)", "Tobacco Dependence Caused by Cigarettes", "Cancer Prevention"],
                   ("Acquired Immunodeficiency Syndrome", "HIV Infections", "Immunologic Deficiency Syndromes",
                    "Tobacco Use Disorder"))


def _needs(conditions: list[str], mesh: list[str] = (), titles: list[str] = ()) -> object:
    names = condition_names(conditions, list(mesh), [])
    return query_needs(names, conditions, list(mesh), [], list(titles), set(), set(), False)


def _row(rec) -> dict:
    from scrapers.registry.search import features_of
    return {**json.loads(features_of(rec).to_json()), "nct_id": rec.nct_id}


def test_an_old_hiv_trial_is_not_given_a_smoking_trial_for_people_with_hiv(tmp_path):
    conn = _index(tmp_path, [
        _rec("NCT90001351", "Zidovudine in Patients With HIV Infection", ["HIV Infections"], ("HIV Infections",)),
        _rec("NCT90001352", "Didanosine Versus Zidovudine in HIV Infection", ["HIV Infections"], ("HIV Infections",)),
        SMOKING_HIV])
    found = _ids(conn, "NCT90001351")
    assert "NCT90001352" in found and "NCT90001350" not in found
    # (every status: not tied by a treatment, so not shown either)
    assert "NCT90001350" not in _ids(conn, "NCT90001351", "any")


def test_a_smoking_trial_keeps_it():
    """A query naming smoking names the other illness: the candidate is for its reader."""
    q = _needs(["Smoking Cessation", "HIV Infections"], ["HIV Infections"])
    assert not treats_another_in_ours(q, _row(SMOKING_HIV))
    assert treats_another_in_ours(_needs(["HIV Infections"], ["HIV Infections"]), _row(SMOKING_HIV))


def test_what_the_title_must_say():
    hiv = _needs(["HIV Infections"], ["HIV Infections"])
    ms = _needs(["Multiple Sclerosis"], ["Multiple Sclerosis"])
    # (its first condition, another illness, named before whom it takes: the query's patients with it)
    ed_in_ms = _rec("NCT90001353", "Energy Regulation Therapy on Erectile Dysfunction in Patients With Multiple Sclerosis",
                    ["Erectile Dysfunction", "Multiple Sclerosis"])
    assert treats_another_in_ours(ms, _row(ed_in_ms))
    # (more than the query's illness after it: "at high risk of", not the query's people alone)
    covid = _needs(["COVID-19"], ["COVID-19"])
    risk = _rec("NCT90001354", "Safety Study of a Vaccine in Persons at High Risk of Severe COVID-19",
                ["SARS-CoV-2", "COVID-19"])
    assert not treats_another_in_ours(covid, _row(risk))
    # (its first condition the query's: a trial of the query's illness)
    own = _rec("NCT90001355", "Zidovudine Among Persons Living With HIV", ["HIV Infections", "Anemia"])
    assert not treats_another_in_ours(hiv, _row(own))
    # (either illness, "with or without": not one it needs)
    either = _rec("NCT90001356", "Smoking Cessation Among Persons With or Without HIV", ["Tobacco Use", "HIV"])
    assert not treats_another_in_ours(hiv, _row(either))
    # (healthy volunteers taken: not only the other illness's people)
    healthy = _rec("NCT90001357", "Smoking Cessation Among Persons Living With HIV", ["Tobacco Use", "HIV"],
                   healthy=True)
    assert not treats_another_in_ours(hiv, _row(healthy))
    # (a cancer before it: what a cancer trial's treatment may bring is read elsewhere, related_needs.cancer_bound)
    cancer = _rec("NCT90001358", "Radiotherapy for Lymphoma Among Persons Living With HIV", ["Lymphoma", "HIV"])
    assert not treats_another_in_ours(hiv, _row(cancer))
    # (preventing the other illness: it takes people without it; NCT00006398, judged relevant beside a cirrhosis study)
    cirrhosis = _needs(["Cirrhosis", "Liver Cirrhosis"], ["Liver Cirrhosis"])
    timolol = _rec("NCT90001359", "Timolol vs Placebo to Prevent Complications of Hepatic Portal Hypertension in "
                   "Patients With Cirrhosis", ["Esophageal and Gastric Varices", "Liver Cirrhosis", "Portal Hypertension"])
    assert not treats_another_in_ours(cirrhosis, _row(timolol))
