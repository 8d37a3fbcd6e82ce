"""Related trials: a community cohort for a treatment trial (rel12; rel9's and rel10's scans). NHLBI's epidemiology
cohorts list the diseases they follow as conditions, whole body systems among them ("Cardiovascular Diseases",
"Heart Diseases", then "Hypertension"): the Jackson Heart Study follows the African Americans of one city, and was given
to hypertension and heart treatment trials by "Hypertension" (431 of 8,087 lists of trials to join). A cohort whose
title names none of the query's conditions is not one for the query's reader to join. Read from each record's own
words; it makes the candidate a trial of another disease (server/related_ties.another_kind)."""

from __future__ import annotations

from scrapers.registry.search import norm_term
from server.related_kinds import _words
from server.related_terms import BODY_SYSTEMS, acronyms, condition_words, spelled_by


def community_cohort(d: dict) -> bool:
    """The candidate (`d`: an index row's features) is an observational study taking healthy volunteers whose first
    condition, its main one, is a whole body system's heading ("Cardiovascular Diseases"): a cohort following a
    population's diseases, not taking people with one. Not the NIH's studies of patients and normal volunteers, which
    list "Healthy" first, nor its "Evaluation of Patients With Liver Disease" (hepatitis D, C and B first, then "Liver
    Disease"), which takes people with any of them (a first draft reading any condition was given both kinds)."""
    first = next((c for c in d["conditions"] if c.strip()), "")
    return (d.get("study_type") == "OBSERVATIONAL" and d.get("healthy_volunteers") is True
            and norm_term(first) in BODY_SYSTEMS)


def cohort_for_treatment(query_interventional: bool, query_own: list[str], d: dict) -> bool:
    """Beside an interventional query, a community cohort (community_cohort) whose titles name none of the query's
    own conditions (`query_own`: related_kinds._own of its names): tied by a disease it follows, not one it is about
    ("Diabetes and Heart Disease Risk in Blacks" stays for a diabetes trial, not for a hypertension one)."""
    if not query_interventional or not community_cohort(d):
        return False
    titles = [t for t in d.get("titles") or [] if t]
    words = frozenset().union(*(_words(t) for t in titles)) if titles else frozenset()
    said = frozenset().union(*(acronyms(t) for t in titles)) if titles else frozenset()
    # (every word of a name that says which condition, generic ones too: "Hypertension" is a harm many illnesses have)
    return not any(condition_words(n) and condition_words(n) <= words or spelled_by(n, said)
                   for n in query_own if norm_term(n) not in BODY_SYSTEMS)
