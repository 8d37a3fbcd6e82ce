"""Related trials: whether a candidate is a trial of another disease than the query's, one not to suggest to join
(server/related.py rank). Two trials are of one disease when they share a condition of their own or a named heading
(a broad one only when the query is about it), name a condition alike (related_terms.same_condition) or by its
acronym, or a volunteer of the query may join the candidate (review r16 §6, r35 §7)."""

from __future__ import annotations

import re

from scrapers.registry import search
from scrapers.registry.search import TrialFeatures
from server.related_kinds import (DIABETES, _own, _says, _words, about_another, advanced_only, causes_said,
                                  diabetes_types, may_clash, negated_sibling, other_cause, other_kind, pre_invasive,
                                  says_cause, side, unnamed_cause, untyped_beside_other)
from server.related_needs import cancer_bound, her2, names_tumour, other_her2, prevents_cancer
from server.related_stage import advanced_cancer, curable_cancer, earlier_only, spread_only
from server.related_carriers import needs_carrier
from server.related_cohorts import cohort_for_treatment
from server.related_many import other_cancer, titled_cancers
from server.related_second import needs_another_illness, query_needs, treats_another_in_ours
from server.related_query import Query
from server.related_terms import (BODY_SYSTEMS, BROAD_CONDITIONS, CATCH_ALL_SYSTEMS, GENERIC_CONDITION, HEADING,
                                  _name, _tumour, acronyms, own_condition, population, same_condition_in, says_which,
                                  spelled_by)
from server.related_treatments import VACCINE
from server.related_why import treatment_tie


def another_disease(sig, q: Query, d: dict, shares: bool, shared_cond: list[str], shared_int: list[str]) -> bool:
    """Whether candidate `d` (an index row's features) is a trial of another disease than the query's: it shares no
    condition, named (not broad) MeSH heading or condition name with the query (`shares`: a specific or contained
    condition or a named heading in common, as related.rank found), names none by its acronym, and no volunteer of
    the query may join it. `sig`: the query's related._Signals."""
    return bool(sig.cond) and (not (
        shares or _shares_heading(sig, shared_cond, d)
        or _alike_to_query(sig, d)
        or _spelled(sig.cond, d, q, _query_acronyms(sig, q))
        or _volunteers(q.features, d, lambda: treatment_tie(q.features, TrialFeatures.from_json(d), shared_int)))
        or another_kind(sig, q.features, d, shared_cond, shared_int))


def under_heading(term: str, d: dict) -> bool:
    """A MeSH heading above the query's conditions (`term`) ties candidate `d` to it when the candidate has a condition
    under it, or its title says it ("Epidemiology of Carotid Artery Atherosclerosis in Youth", listing "Carotid Artery
    Diseases"). A candidate listing the heading alone among those it follows is about it no more than about the rest:
    the Jackson Heart Study, a community cohort listing "Cerebrovascular Disorders" beside five other headings, was
    given to stroke trials by it (rel9, rel10)."""
    if term in d["at"]:
        return True
    titles = [t for t in d.get("titles") or [] if t]
    return bool(titles) and _says(term, frozenset().union(*(_words(t) for t in titles)),
                                  frozenset().union(*(acronyms(t) for t in titles)))


def _about(d: dict, names: list[str] | None = None) -> list[str]:
    """The candidate's condition names a name of the query's may be alike to: not a broad heading (_not_broad), nor a
    heading it lists that neither its title says nor a condition of its is under (under_heading): "Cerebrovascular
    Disorders" of the Jackson Heart Study, one of six headings a community cohort follows, was alike to a stroke
    trial's "Cerebrovascular Accident" (rel9, rel10); "Carotid Artery Diseases" of "Epidemiology of Carotid Artery
    Atherosclerosis in Youth" stays alike to "Carotid Stenosis". `names`: those of its conditions to read (all)."""
    return [n for n in _not_broad(d["conditions"] if names is None else names)
            if not HEADING.search(n) or under_heading(search.norm_term(n), d)]


def _alike_to_query(sig, d: dict) -> bool:
    """A name of the query's (_named_alike) is one condition with a name the candidate is about (_about): read only
    for its names sharing a word's first letters with one of the query's, as same_condition first asks (most
    candidates share none; each name was read against every one of the query's, for every candidate: rel13)."""
    names = _named_alike(sig)
    stems = getattr(sig, "_alike_stems", None)
    if stems is None:
        stems = sig._alike_stems = frozenset().union(*(_name(n).stems for n in names)) if names else frozenset()
    near = [n for n in d["conditions"] if not stems.isdisjoint(_name(n).stems)] if stems else []
    return bool(near) and same_condition_in(names, _about(d, near))


def _not_broad(names: list[str]) -> list[str]:
    """The names that are no broad heading ("Mood Disorder", "Mental Disorders"): a heading ties two trials only on
    _shares_heading's terms, not as a name alike (a postpartum depression study's keyword "Mood" made a
    perimenopausal and a premenstrual mood study, each listing only "Mood Disorder", one condition with it; rel9).
    A tumour's heading stays: "Solid Tumor" is one with "Unspecified Adult Solid Tumor, Protocol Specific"."""
    return [n for n in names if search.norm_term(n) not in BROAD_CONDITIONS or _tumour(n)]


def _named_alike(sig) -> list[str]:
    """The query's condition names but broad headings (_not_broad), once per query (kept on `sig`)."""
    got = getattr(sig, "_names_not_broad", None)
    if got is None:
        got = sig._names_not_broad = _not_broad(sig.names)
    return got


def another_kind(sig, qf: TrialFeatures, d: dict, shared_cond: list[str], shared_int: list[str]) -> bool:
    """A candidate tied by a name or heading that is yet for another kind of the disease, or about another disease
    (server/related_kinds.py): another type of diabetes, a name the query says with "non" ("small cell" beside
    "non-small cell"), advanced cancer only for a query of a cancer not yet invasive or at an early stage (or not yet
    spread), localized cancer or its surgery for a query of advanced cancer only (server/related_stage.py), or, sharing
    no condition term of its own, a title naming another of its conditions and none of the query's, unless a volunteer
    of the query may join it (_volunteers: a chikungunya vaccine trial's volunteers and an HIV vaccine one's, which
    the bench judged related). `sig`: the query's related._Signals."""
    types, early, ours, q_causes, q_tumour, q_her2, q_own, q_needs, advanced, curable, q_many = _query_reading(sig, qf)
    titles, their_keywords = d.get("titles") or [], d.get("keywords") or []
    if cancer_bound(sig.names, q_tumour, d["conditions"], titles, d.get("healthy_volunteers"), q_own):
        return True
    if needs_another_illness(q_needs, d) or treats_another_in_ours(q_needs, d):
        return True
    if needs_carrier(q_needs.carrier, d) or other_cancer(q_many, d) \
            or cohort_for_treatment(qf.study_type == "INTERVENTIONAL", q_own, d):
        return True
    if q_her2 and other_her2(q_her2, her2(d["conditions"] + their_keywords + titles)):
        return True
    # (the type of diabetes as each record words it, not its MeSH terms: ClinicalTrials.gov files "Insulin Dependent
    # Diabetes" under "Diabetes Mellitus, Type 1" for a trial taking type 1 or 2 patients on insulin, NCT06167499)
    # (a diabetes another condition or a procedure brought, "other", is no other kind beside a query sharing that
    # condition with it: a coronary heart disease and type 2 diabetes cohort, and diabetics having a stent)
    # (a query listing diabetes of no type, beside a candidate of such another kind: untyped_beside_other)
    theirs = diabetes_types(d["conditions"] + titles) if types or DIABETES.search(" ".join(qf.conditions)) \
        else frozenset()
    if (theirs and types and not types & theirs or untyped_beside_other(types, qf.conditions, theirs)) \
            and not (other_kind(types | theirs) and _one_beside_diabetes(sig.names, d)):
        return True
    if early and advanced_only(titles):
        return True
    if advanced and earlier_only(d["conditions"] + their_keywords + titles, advanced):
        return True
    if curable and spread_only(d["conditions"] + their_keywords + titles):
        return True
    # (the candidate's names as it lists them, keywords too: reading which keywords name another disease,
    # condition_names, cost more than the rest of the ranking for records listing a hundred)
    theirs_named = d["conditions"] + their_keywords
    if may_clash(ours, theirs_named) and negated_sibling(sig.names, theirs_named,
                                                        frozenset(qf.conditions + d["conditions"])):
        return True
    if q_causes and not _own_shared(sig, shared_cond, d) and (
            says_cause(d["conditions"]) and other_cause(sig.names, d["conditions"])
            or unnamed_cause(sig.names, d["conditions"], causes_said(d["conditions"] + their_keywords + titles))):
        return True
    return (not _own_shared(sig, shared_cond, d)
            and about_another(qf.conditions + qf.condition_mesh + qf.keywords, d["conditions"], titles)
            and not _volunteers(qf, d, lambda: treatment_tie(qf, TrialFeatures.from_json(d), shared_int)))


def _query_reading(sig, qf: TrialFeatures) -> tuple:
    """What another_kind reads of the query, once per query (kept on `sig`): its types of diabetes, whether its cancer
    is in situ or early (related_kinds.pre_invasive) or its trial prevents one (related_needs.prevents_cancer), the
    words its names say with and without "non" (related_kinds.side), whether they say a cause of an infection,
    whether it names a tumour anywhere (related_needs.names_tumour), the HER2 status it says (related_needs.her2),
    its names that say which illness (related_kinds._own), what related_second reads of it, and whether its cancer is
    advanced only (related_stage.advanced_cancer) or not yet spread (related_stage.curable_cancer)."""
    got = getattr(sig, "_kind_reading", None)
    if got is None:
        tumour = names_tumour(qf.conditions + qf.condition_mesh + qf.keywords + qf.titles)
        got = (diabetes_types(qf.conditions + qf.keywords + qf.titles),
               pre_invasive(qf.conditions + qf.keywords) or prevents_cancer(qf.titles),
               side(sig.names), says_cause(sig.names),
               tumour, her2(qf.conditions + qf.keywords + qf.titles), _own(sig.names),
               query_needs(sig.names, qf.conditions, qf.condition_mesh, qf.keywords, qf.titles, sig.cond, sig.anc,
                           tumour, getattr(sig, "pool", None)),
               advanced_cancer(qf.conditions + qf.keywords + qf.titles) if tumour else None,
               tumour and curable_cancer(qf.conditions + qf.keywords + qf.titles),
               titled_cancers(qf.conditions, qf.titles) if tumour else None)
        sig._kind_reading = got
    return got


def _own_shared(sig, shared_cond: list[str], d: dict) -> bool:
    """A condition term both trials carry as their own, not a broad heading (what "Same condition" says)."""
    return any(t not in sig.broad and t in sig.own and own_condition(t, d["conditions"], d["condition_mesh"])
               for t in shared_cond)


def _one_beside_diabetes(names: list[str], d: dict) -> bool:
    """The candidate lists a condition other than diabetes that is one with a name of the query's ("Coronary Artery
    Disease" beside "Coronary Disease")."""
    ours = [n for n in names if not DIABETES.search(n)]
    return bool(ours) and same_condition_in(ours, [c for c in d["conditions"] if not DIABETES.search(c)])


def catch_all(d: dict) -> bool:
    """A clinic's catch-all (`d`: an index row's features): its conditions name CATCH_ALL_SYSTEMS or more body systems
    by their whole-system headings (related_terms.BODY_SYSTEMS). It matches any trial by one of them (a stem-cell
    clinic's listing heart failure and kidney disease was given to a heart failure trial and a cancer trial with
    impaired kidneys; related3), so it is related only by a treatment as well (server/related.py rank)."""
    return len({BODY_SYSTEMS[t] for t in d["ct"] if t in BODY_SYSTEMS}) >= CATCH_ALL_SYSTEMS


PATIENT_WORDS = frozenset({"control", "controls", "patient", "patients", "with"})
# "healthy" said of people ("Healthy Japanese Adult Males", "in Healthy Volunteers", a title ending "… in the Healthy"),
# not of a way of life or a function ("Women's Healthy Eating and Living Study", "Supporting Healthy Sexual Function":
# a contraception study was taken for a volunteers' trial and tied to a sickle-cell one by its nitrate; rel7)
_HEALTHY_PEOPLE = re.compile(
    r"\bhealthy\s+(?:[\w-]+\s+){0,3}?(?:volunteers?|subjects?|adults?|participants?|people|persons?|individuals?|men|"
    r"women|males?|females?|child(?:ren)?|infants?|adolescents?|elderly|older|population|donors?|controls?|twins|"
    r"pregnant|postmenopausal|premenopausal|smokers?|non-?smokers?)\b|\bin\s+(?:the\s+)?healthy\b|\bhealthy\s*(?:$|[:(,])",
    re.I)


def _named(conditions: list[str]) -> list[str]:
    """A trial's condition entries, lower-cased with their spaces collapsed, blank ones left out."""
    return [" ".join(t.lower().split()) for t in conditions if t.strip()]


def healthy_named(conditions: list[str]) -> bool:
    """The trial lists only "Healthy…" (or entries saying nothing of a trial) among its conditions: it is of healthy
    people, whatever its flag says (related._cannot_join: a surgery residents' training study lists "Healthy" and says
    it takes no healthy volunteers, and was given a diabetes telecare trial; rel8)."""
    named = _named(conditions)
    return bool(named) and all(_HEALTHY_ENTRY.fullmatch(t) or t in GENERIC_CONDITION for t in named) \
        and any(_HEALTHY_ENTRY.fullmatch(t) for t in named)


# a condition entry naming healthy people, and nothing else: "Healthy", "Healthy Volunteers", "Healthy Adult Males";
# not "Unhealthy Alcohol Use", "Healthy Lifestyle", "Healthy Aging", "Healthy Weight" (review r52 F7: read as healthy
# people, an alcohol-use trial would have been given no trial that does not take healthy volunteers)
_HEALTHY_ENTRY = re.compile(r"healthy(?:[ ,]+(?:normal|adult|young|older|elderly|male|female|japanese|chinese|"
                            r"caucasian|human|volunteers?|subjects?|participants?|people|persons?|individuals?|"
                            r"controls?|adults?|men|women|males?|females?|children|infants?|adolescents?|"
                            r"population|humans?|and|or))*")


def healthy_only(accepts: bool | None, conditions: list[str], titles: list[str]) -> bool:
    """A trial of healthy volunteers only: it accepts them, and its conditions are only "Healthy…" or its title says
    healthy, seronegative or volunteers, and not who else it takes ("Healthy Volunteers and Adults With
    Schizophrenia", "… and healthy controls"). The record's flag alone means "accepts", not "only": cluster headache and
    schizophrenia trials accept healthy controls."""
    if accepts is not True:
        return False
    named = _named(conditions)
    if named and all("healthy" in t or t in GENERIC_CONDITION for t in named):   # (with the flag: "Healthy Aging" too)
        return True
    said = " ".join(titles)
    words = set(search.WORD.findall(said.lower()))
    return bool(words & {"seronegative", "volunteers", "volunteer"} or _HEALTHY_PEOPLE.search(said)) \
        and not words & PATIENT_WORDS


def _spelled(query_terms: set[str], d: dict, q: Query, ours: frozenset[str] | None = None) -> bool:
    """One trial lists a condition by the acronym of one of the other's ("Advanced NSCLC" beside "Carcinoma,
    Non-Small-Cell Lung"): the same disease, though they share no word (related_terms.spelled, each side's acronyms
    read once: `ours`, the query's, once per query, _query_acronyms)."""
    theirs = _acronyms_of(d["conditions"])
    if theirs and any(spelled_by(t, theirs) for t in query_terms):
        return True
    ours = _acronyms_of(q.features.conditions) if ours is None else ours
    return bool(ours) and any(spelled_by(t, ours) for t in d["ct"])


def _acronyms_of(names: list[str]) -> frozenset[str]:
    """The acronyms of every name (related_terms.acronyms): one of them spells a term when spelled() would say so."""
    return frozenset().union(*(acronyms(t) for t in names)) if names else frozenset()


def _query_acronyms(sig, q: Query) -> frozenset[str]:
    """The query's listed conditions' acronyms, once per query (kept on `sig`)."""
    got = getattr(sig, "_acronyms", None)
    if got is None:
        got = sig._acronyms = _acronyms_of(q.features.conditions)
    return got


def _volunteers(qf: TrialFeatures, d: dict, same_treatment) -> bool:
    """Both trials take healthy volunteers, and a volunteer of the query may join the candidate: the query takes only
    healthy volunteers, names them among its conditions or is a vaccine trial (volunteers_trial: a chikungunya vaccine
    trial's and an HIV vaccine trial's; the bench judged such pairs related), or the two give the same or a similar
    treatment. A patients' trial that also takes healthy controls is not tied so to a trial of another disease (review
    r35 §7: a multiple sclerosis MRI study was given schizophrenia and childhood psychiatric imaging studies).
    A shared treatment ties them only when the candidate's reader may be a healthy volunteer too: it is a volunteers'
    trial (volunteers_trial), or ClinicalTrials.gov files its conditions under no disease (no condition MeSH term:
    "Exercise Physiology"). One filed under a disease takes healthy volunteers as controls beside its patients, and
    is for them (rel7: a postpartum-depression hormone study was given to a hormonal-contraception HIV-acquisition
    cohort by estradiol, an erectile dysfunction nitrate trial to a sickle-cell chest pain one by nitric oxide).
    `same_treatment`: called only when needed."""
    if qf.healthy_volunteers is not True or d.get("healthy_volunteers") is not True:
        return False
    return volunteers_trial(qf) or ((not d.get("condition_mesh") or volunteers_trial(TrialFeatures.from_json(d)))
                                    and same_treatment())


def volunteers_trial(qf: TrialFeatures) -> bool:
    """A trial whose reader may be a healthy volunteer: it takes them and lists them among its conditions ("Healthy;
    Hyperalgesia; Pain"), takes only them (healthy_only), or is a vaccine trial."""
    return qf.healthy_volunteers is True and (
        any("healthy" in t.lower() for t in qf.conditions) or healthy_only(True, qf.conditions, qf.titles)
        or any(VACCINE.search(t) for t in qf.titles + [n for _, n in qf.interventions]))


def _shares_heading(sig, shared: list[str], d: dict) -> bool:
    """A condition term both trials carry ties them when it is one's own (related_terms.own_condition) and says which
    disease (related_terms.says_which), or is both's own: not a heading ClinicalTrials.gov set above both ("Sclerosis"
    on a multiple sclerosis trial and a tuberous or systemic sclerosis one, whose name shares the word; review r35 §7).
    A broad heading ("Infections", "Neoplasm Metastasis") ties only when both list it and it is the query's first
    condition, what it is about ("Cardiovascular Diseases" of a heart study): an HIV trial was given a urinary tract
    infection one, a melanoma trial a breast cancer one. A whole body system's heading (the top of its tree,
    related_terms.BODY_SYSTEMS) or a population (related_terms.population) does so only when the query names no narrower
    condition of its own: coronary disease cohorts listing "Cardiovascular Diseases" first were given an obesity and
    diabetes study by it alone, HIV trials of pregnant women an autoimmunity-in-pregnancy registry (related5)."""
    for t in shared:
        theirs = own_condition(t, d["conditions"], d["condition_mesh"])
        if t not in sig.broad and (t in sig.own and theirs or (t in sig.own or theirs) and says_which(t)):
            return True
        if t in sig.broad and theirs and t == sig.first and not ((population(t) or t in BODY_SYSTEMS)
                                                                 and sig.own - sig.broad):
            return True
    return False
