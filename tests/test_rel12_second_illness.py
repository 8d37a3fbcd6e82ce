"""Related trials: a second illness the query names nowhere, for a query given no MeSH headings (rel12; rel10's scan:
15 of its 30 wrong suggestions). 6,975 of the 8,087 indexed records, most registered before 2007, carry MeSH terms
but no headings above them, so the body system of their illness was not known and the rule was not applied: a
smoking-cessation trial for people with HIV was given to 290 HIV trials' lists, a coronary stent trial in diabetics to
183 coronary ones. Records are small CT.gov v2 studies written here, shaped as the real ones (NCT06883097,
NCT05333159, NCT00002006, NCT00000529, NCT00495885, NCT05905055)."""

from __future__ import annotations

from server.related_second import _headings_but, needs_another_illness, query_needs, seen_headings
from server.related_terms import condition_names
from tests.test_rel6_kinds import _with
from tests.test_related_patients import _ids, _index, _others, _rec

HIV = ["Lentivirus Infections", "Retroviridae Infections", "RNA Virus Infections", "Virus Diseases", "Infections",
       "Immune System Diseases", "Immunologic Deficiency Syndromes"]
SMOKING = ["Substance-Related Disorders", "Chemically-Induced Disorders", "Mental Disorders"]
CORONARY = ["Heart Diseases", "Cardiovascular Diseases", "Arteriosclerosis", "Vascular Diseases"]
DIABETES = ["Glucose Metabolism Disorders", "Metabolic Diseases", "Endocrine System Diseases"]


def _hiv_trials() -> list:
    return [
        # an old HIV trial: MeSH terms, no headings
        _rec("NCT90120001", "Zidovudine With GM-CSF in Patients With Severe HIV Infection", ["HIV Infections"],
             ("HIV Infections", "Acquired Immunodeficiency Syndrome")),
        _official(_with(_rec("NCT90120002", "Quitting Matters Hybrid Trial",
                             ["Tobacco", "Smoking Cessation", "Human Immunodeficiency Virus (HIV)"],
                             ("HIV Infections", "Tobacco Use Disorder")), ancestors=HIV + SMOKING),
                  "Hybrid Trial of a Digital Therapeutic for Smoking Cessation Among Persons Living With HIV"),
        _with(_rec("NCT90120003", "Long-acting Cabotegravir for People With HIV", ["HIV Infections"],
                   ("HIV Infections",)), ancestors=HIV),
        _with(_rec("NCT90120004", "Doravirine Switch in Adults With HIV-1", ["HIV-1 Infection"], ("HIV Infections",)),
              ancestors=HIV),
        # an old smoking trial, which names no HIV, and a newer one
        _with(_rec("NCT90120005", "Bupropion and Weight Control", ["Tobacco Use Disorder"],
                   ("Tobacco Use Disorder",)), keywords=["smoking cessation", "bupropion"]),
        _with(_rec("NCT90120006", "Varenicline for Smoking Cessation in Adults", ["Smoking Cessation"],
                   ("Tobacco Use Disorder",)), ancestors=SMOKING),
    ]


def _official(rec, title: str):
    """`rec` with an official title (_rec writes the brief one only)."""
    rec.data["protocolSection"]["identificationModule"]["officialTitle"] = title
    return type(rec)(rec.data)


def test_an_old_trial_is_not_given_a_trial_needing_an_illness_it_names_nowhere(tmp_path):
    conn = _index(tmp_path, _hiv_trials() + _others(9500))
    found = _ids(conn, "NCT90120001")
    assert {"NCT90120003", "NCT90120004"} <= set(found)
    assert "NCT90120002" not in found
    # nor to the old smoking trial, which names no HIV
    found = _ids(conn, "NCT90120005")
    assert "NCT90120006" in found and "NCT90120002" not in found


def _reading(conditions, mesh, titles, pool, keywords=()):
    names = condition_names(conditions, mesh, list(keywords))
    terms = {t.lower() for t in conditions + mesh}
    return query_needs(names, conditions, mesh, list(keywords), titles, terms, set(), False, pool)


def _row(nct, conditions, mesh, titles, ancestors, healthy=False):
    return {"nct_id": nct, "conditions": conditions, "condition_mesh": mesh, "titles": titles,
            "healthy_volunteers": healthy, "ct": [t.lower() for t in conditions + mesh],
            "at": [a.lower() for a in ancestors]}


def test_the_headings_of_a_query_given_none_are_those_other_records_give_its_terms():
    stent = _row("NCT90120011", ["Coronary Artery Disease", "Diabete Mellitus"],
                 ["Coronary Artery Disease", "Myocardial Ischemia", "Coronary Disease", "Diabetes Mellitus"],
                 ["The Efficacy of SGLT-2 Inhibitor in Patients With CAD and DM Undergoing PCI.",
                  "Clinical Efficacy of SGLT-2 Inhibitor After Stent Implantation in Patients With Coronary Heart "
                  "Disease and Diabetes Mellitus"], CORONARY + DIABETES)
    plain = _row("NCT90120012", ["Coronary Disease"], ["Coronary Disease"], ["Statins in Coronary Disease"], CORONARY)
    seen = seen_headings(frozenset({"coronary disease"}), [stent, plain])
    # the candidate's own headings are also its diabetes's: without it, only the plain trial's say the query's
    assert "metabolic diseases" not in _headings_but(seen, "NCT90120011")
    assert "heart diseases" in _headings_but(seen, "NCT90120011")
    # a term only the candidate files says nothing
    assert _headings_but(seen_headings(frozenset({"coronary disease"}), [stent]), "NCT90120011") == frozenset()
    query = _reading(["Coronary Disease", "Myocardial Ischemia"], ["Coronary Disease"], ["Tamoxifen Study"],
                     [stent, plain])
    assert needs_another_illness(query, stent)
    # a query whose title says diabetes, though not "mellitus", names it (rel10's tried rule lost this one)
    assert not needs_another_illness(
        _reading(["Coronary Disease"], ["Coronary Disease"], ["Diabetes Drug Eluting Sirolimus Stent"],
                 [stent, plain]), stent)
    # nothing seen of its terms and none a body system's: which system is another is not known
    assert not needs_another_illness(_reading(["Coronary Disease"], ["Coronary Disease"], ["Tamoxifen Study"],
                                              [stent]), stent)


def test_a_sub_study_or_a_list_of_illnesses_taken_is_not_a_second_illness():
    insomnia = _row("NCT90120021", ["Sleep Initiation and Maintenance Disorders"],
                    ["Sleep Initiation and Maintenance Disorders", "Diabetes Mellitus, Type 2"],
                    ["Efficacy and Safety of M100907 on Sleep Maintenance Insomnia With a Sub-study in Stable Type "
                     "II Diabetes Mellitus"], ["Sleep Wake Disorders", "Nervous System Diseases", "Mental Disorders"]
                    + DIABETES)
    other = _row("NCT90120022", ["Insomnia"], ["Sleep Initiation and Maintenance Disorders"], ["CBT for Insomnia"],
                 ["Sleep Wake Disorders", "Nervous System Diseases", "Mental Disorders"])
    query = _reading(["Chronic Insomnia"], ["Sleep Initiation and Maintenance Disorders"],
                     ["Ramelteon in Subjects With Chronic Insomnia"], [insomnia, other])
    assert not needs_another_illness(query, insomnia)
    assert needs_another_illness(query, {**insomnia, "titles": ["M100907 for Insomnia in Patients With Type II "
                                                                "Diabetes Mellitus"]})
    infections = ["Bacterial Infections", "Infections", "Lung Diseases", "Kidney Diseases", "Urologic Diseases"]
    many = _row("NCT90120023", ["Complicated Urinary Tract Infection", "Acute Pyelonephritis",
                                "Hospital-acquired Bacterial Pneumonia", "Complicated Intra-abdominal Infection"],
                ["Infections", "Urinary Tract Infections", "Intraabdominal Infections", "Pneumonia, Bacterial",
                 "Pyelonephritis"],
                ["Cefepime/Nacubactam in Adults With Complicated Urinary Tract Infection, Acute Uncomplicated "
                 "Pyelonephritis, Hospital-Acquired Bacterial Pneumonia, and Complicated Intra-Abdominal Infection"],
                infections)
    other = _row("NCT90120024", ["Intra-abdominal Infection"], ["Intraabdominal Infections", "Infections"],
                 ["Ertapenem for Intra-abdominal Infection"], ["Bacterial Infections", "Infections"])
    query = _reading(["Infection"], ["Infections", "Intraabdominal Infections"],
                     ["Therapy of Complicated Intra-Abdominal Infections With Moxifloxacin or Ertapenem"],
                     [many, other], keywords=["Complicated Intra-Abdominal Infections"])
    assert not needs_another_illness(query, many)
