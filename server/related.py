"""Related trials: other trials a reader of one trial might join, each with the reason.

Candidates come from the FTS5 index (BM25 over titles, conditions, MeSH terms,
interventions, summary); they are re-ranked by blending the BM25 score with structured
signals (shared condition MeSH terms and conditions, shared treatments, treatment type,
phase proximity, status) and explained only with facts both records state.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date

from scrapers.errors import BadInput, RecordNotFound
from scrapers.official import OfficialRecord
from scrapers.registry import search
from scrapers.registry.search import TrialFeatures
from scrapers.vocab import OPEN_STATUSES
from server.related_query import (ANY_STATUS, STOPWORDS, Query, query_features, status_filter,  # noqa: F401  (re-exported)
                                  bm25_candidates, build_query, real_titles)
from server.related_terms import (BROAD_CONDITIONS, BARE_HARMS, GENERIC_CONDITION, LISTED_HEADINGS, condition_names,
                                  own_condition, population)
from server.related_treatments import AFTER_MARKETING, REGISTRY, study_procedure
from server.related_ties import another_disease, catch_all, healthy_named, healthy_only, under_heading
from server.related_fresh import copies, freshness
from server.related_words import where_words, who_words
# (_similar_treatment re-exported: tests ask it of this module)
from server.related_why import _contained, _has_evidence, _similar_treatment, _why, treatment_tie  # noqa: F401

POOL = 150          # BM25 candidates re-ranked per query

# Blend weights and factors are set by hand, not fitted. The eligibility factors (v2) and
# the broad-heading and treatment rules (v3) were designed after reading the ranker's
# mistakes on earlier judged sets; docs/benchmarks.md says which figures are held out.
W_TEXT, W_COND, W_ANC, W_INT, W_TYPE, W_PHASE, W_STATUS = 0.45, 0.30, 0.05, 0.12, 0.03, 0.05, 0.06
# A trial that shares none of the query's conditions is kept but ranked down by this factor (one the query's
# patients could not enter at all is left out: _cannot_join).
F_NO_CONDITION = 0.6
# Broad MeSH headings ("Carcinoma", "Retinal Diseases") say little about who may join: a
# shared broad heading counts a quarter and is shown as a related, not the same, condition.
# A shared treatment counts fully only for trials that also share a specific condition
# (chemotherapy drugs are shared across very different cancers).
# A condition term both trials carry counts fully only when it is each trial's own (listed, or the MeSH term drawn
# from a listed one, not a heading above another of its terms; related_terms.own_condition); ClinicalTrials.gov's
# looser terms ("Lung Neoplasms" on small-cell and non-small-cell trials) count as a broad heading does (review r16 §2).
BROAD_WEIGHT, F_TREATMENT_OTHER_CONDITION = 0.25, 0.3
# A study listing more condition MeSH terms than this is a catch-all (a meditation study with 52, a patient registry
# with 60), no one condition's trial: it is never suggested (review r16 §3). In the 8,087 records of
# ../shared/data/ctgov only 4 list more than 40 (49, 52, 60, 65); the next list 33, 32, 31 and 30 (basket cancer
# trials such as NCI-MATCH, 29, which the review judged relevant 12 times).
CATCH_ALL_CONDITIONS = 40
# When the reader asked for trials to join (the default): a trial past its planned start or end by the store's copy,
# or open only to those the study team invites, is ranked down (and labelled so by the card and page; review r16 §4);
# so is one whose status the sponsor had not confirmed for over 2 years (review r35 §7: 62 of 936 open suggestions).
F_OVERDUE, F_BY_INVITATION, F_UNCONFIRMED = 0.6, 0.6, 0.6
# When the reader asked for trials to join, beside an interventional query: an observational study of a marketed
# treatment's use (post-marketing surveillance, a drug-use investigation) is ranked down, as joining it offers no
# treatment (review r16 §9). Registries and real-world studies are not (F_REGISTRY = 1): of the judged pairs 7 of 11
# such results were relevant (patient registries of the query's condition; the other 4 wrong for other reasons), and
# post-marketing ones 2 of 4 (the judges split); docs/benchmarks.md gives the figures.
F_AFTER_MARKETING, F_REGISTRY = 0.5, 1.0
STATUS_BONUS = {"RECRUITING": 1.0, "NOT_YET_RECRUITING": 0.9, "ENROLLING_BY_INVITATION": 0.5,
                "AVAILABLE": 0.5, "ACTIVE_NOT_RECRUITING": 0.2}
PHASE_NUM = {"EARLY_PHASE1": 0.5, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4}


@dataclass
class RelatedTrial:
    nct_id: str
    title: str
    status: str | None
    phases: list[str]
    score: float
    why: str
    url: str
    # when the store's copy, and so `status`, was current (None: not known): a related trial's "Recruiting" from a
    # copy a year old must not read as today's (the card gives the month, as on a listing's badge)
    status_as_of: str | None = None
    # "start" or "end": by the store's copy the trial is past its planned start while "not yet recruiting", or past
    # its planned end while still ongoing (the rule of a listing's badge, scrapers.reconcile.status.overdue_side)
    overdue: str | None = None
    # the record's last-verified month ("2018-03") when, by the store's copy, the sponsor had not confirmed its (not
    # closed) status for over 2 years: the row says "Recruiting (status last confirmed Mar 2018)", not the copy's
    # month, which read as confirmed then (server/related_fresh.py; review r35 §7)
    unconfirmed_since: str | None = None
    # who it takes and where it runs, as its record gives them (server/related_words.py): the age limits as Age
    # objects, {"value", "unit", "text"} with the record's words in text ("18 Years", "28 Days"), as min_age/max_age
    # are everywhere else in the API (they were the text alone here: review r19 #7), its sex ("ALL", "FEMALE",
    # "MALE"), the countries with a site, and a few words for each ("Ages 18–65 · Female only", "United States, Canada"
    # or "12 countries"; None when nothing narrows who can join, or no site is listed). Nothing is filtered by the
    # reader's country, which is not known.
    min_age: dict | None = None
    max_age: dict | None = None
    sex: str | None = None
    who: str | None = None
    countries: list[str] = field(default_factory=list)
    where: str | None = None
    # INTERVENTIONAL, OBSERVATIONAL or EXPANDED_ACCESS: an expanded-access record is a way to get a treatment
    # outside a trial, and is worded so ("Expanded access (not a trial)"; server/status_shown.py related_status)
    study_type: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------- blend

def _meaningful(term: str) -> bool:
    """A treatment's name that says what it is: not "Placebo", nor what a study does to learn ("Blood draw",
    "Questionnaires"; related_treatments.study_procedure)."""
    return not study_procedure(term)


def _overlap(query_terms: set[str], cand_terms: set[str], idf: dict[str, float]) -> tuple[float, list[str]]:
    shared = query_terms & cand_terms
    if not shared:
        return 0.0, []
    shared = sorted(shared, key=lambda t: (-idf[t], t))
    return sum(idf[t] for t in shared) / sum(idf[t] for t in query_terms), shared


def _compatibility(qf: TrialFeatures, d: dict, query_has_conditions: bool, shares_condition: bool) -> float:
    """How far a candidate fits the query's patients once it may be shown: a condition in common."""
    return F_NO_CONDITION if query_has_conditions and not shares_condition else 1.0


def _cannot_join(qf: TrialFeatures, d: dict, healthy: bool | None = None) -> bool:
    """No one the query trial takes could enter the candidate: both state age limits and the ranges do not meet, one
    takes only men and the other only women, or the query takes only healthy volunteers (or lists only "Healthy",
    whatever its flag: related_ties.healthy_named) and the candidate does not take them. A missing limit is no limit.
    Such a trial is never suggested (a children's trial listed ten adult-only ones; review r16 §1, §5). (Not the
    other way round: whether a candidate takes *only* healthy volunteers is read from its title, and a patients' query
    whose record says "no healthy volunteers" may enrol donors.) `healthy`: _healthy_query(qf), when the caller read it
    once per query."""
    q_lo, q_hi = qf.min_age_days or 0.0, qf.max_age_days or float("inf")
    c_lo, c_hi = d.get("min_age_days") or 0.0, d.get("max_age_days") or float("inf")
    if q_lo > c_hi or c_lo > q_hi or {qf.sex, d.get("sex")} == {"MALE", "FEMALE"}:
        return True
    return d.get("healthy_volunteers") is False and (_healthy_query(qf) if healthy is None else healthy)


def _healthy_query(qf: TrialFeatures) -> bool:
    """The query takes only healthy volunteers, or lists only "Healthy" (_cannot_join)."""
    return healthy_named(qf.conditions) or healthy_only(qf.healthy_volunteers, qf.conditions, qf.titles)


def _kind_of_study(qf: TrialFeatures, d: dict) -> float:
    """Beside an interventional query, an observational study of a marketed treatment's use counts F_AFTER_MARKETING,
    a registry or real-world study F_REGISTRY (read from its titles: the record has no field that says so)."""
    if qf.study_type != "INTERVENTIONAL" or d.get("study_type") != "OBSERVATIONAL":
        return 1.0
    titles = " ".join(d.get("titles") or [])
    return F_AFTER_MARKETING if AFTER_MARKETING.search(titles) else F_REGISTRY if REGISTRY.search(titles) else 1.0


def _phase_proximity(a: list[str], b: list[str]) -> float:
    pa = [PHASE_NUM[p] for p in a if p in PHASE_NUM]
    pb = [PHASE_NUM[p] for p in b if p in PHASE_NUM]
    if not pa or not pb:
        return 0.5 if not pa and not pb else 0.25
    return max(0.0, 1 - min(abs(x - y) for x in pa for y in pb) / 3)


class _Signals:
    """The query's structured term sets and their idf, computed once per query."""

    def __init__(self, conn: sqlite3.Connection, f: TrialFeatures):
        n = max(search.trial_count(conn), 1)
        self.cond = f.condition_terms() - GENERIC_CONDITION
        self.anc = f.ancestor_terms() - self.cond - GENERIC_CONDITION
        self.ints = {t for t in f.intervention_terms() if _meaningful(t)}
        self.types = f.intervention_types()
        # the query's own conditions (listed, or MeSH terms drawn from them): only these can be "the same"
        self.own = {t for t in self.cond if own_condition(t, f.conditions, f.condition_mesh)}
        # the names of the conditions the query is about, in its conditions and keywords ("Uveitis" beside "Iritis";
        # other_disease in rank; not a keyword naming another disease: related_terms.another_name), and its first
        # listed condition, its main one
        self.names = condition_names(f.conditions, f.condition_mesh, f.keywords)
        self.first = next((search.norm_term(t) for t in f.conditions if t.strip()), None)
        self.listed = {search.norm_term(t) for t in f.conditions}
        self.idf: dict[str, float] = {}   # overlap weight of each term
        self.broad: set[str] = set()      # terms too common to call a trial "the same"
        for kind, terms in (("c", self.cond), ("a", self.anc), ("i", self.ints)):
            df = search.df_of(conn, kind, terms)
            for t in terms:
                # (a harm many diseases have, named alone, is as broad: related_terms.BARE_HARMS; rel8)
                broad = kind != "i" and (t in BROAD_CONDITIONS or population(t) or t in BARE_HARMS)
                self.idf[t] = search.idf(df.get(t, 0), n) * (BROAD_WEIGHT if broad else 1.0)
                if broad:
                    self.broad.add(t)


def _both_list(sig: _Signals, d: dict, shared: list[str]) -> list[str]:
    """The singular headings (related_terms.LISTED_HEADINGS: "Mental Disorder") among the shared condition terms that
    both trials list among their conditions, in their own words: beside a condition they share, such a heading says
    both take that wider group, and counts fully (review r52 F8: rel8's reading "Mental Disorder" as broad ranked
    NCT00001771, psychiatric patients and normal volunteers, out of the ten of NCT00001323, healthy volunteers and
    adults with schizophrenia). Alone it ties nothing. (Not the plurals, ClinicalTrials.gov's heading form: counted
    fully, they reordered 22 of 600 lists of NHLBI cohorts listing "Cardiovascular Diseases" or "Lung Diseases", none
    for the better, one for the worse; rel9.)"""
    theirs = {search.norm_term(t) for t in d["conditions"]}
    return [t for t in shared if t in LISTED_HEADINGS and t in sig.listed and t in theirs]


def rank(conn: sqlite3.Connection, q: Query, k: int, statuses: frozenset[str] | None,
         today: date | None = None) -> list[RelatedTrial]:
    rows = bm25_candidates(conn, q, POOL, statuses)
    if not rows:
        return []
    today = today or date.today()
    # the reader looks for trials to join (the default, or only open statuses asked for): not when closed ones are too
    joinable = statuses is not None and statuses <= OPEN_STATUSES
    sig = _Signals(conn, q.features)
    saved = copies(conn, [r[0] for r in rows])
    best = rows[0][3] or -1.0
    pool = [(nct_id, status, json.loads(fjson), bm) for nct_id, status, fjson, bm in rows]
    sig.pool = [p[2] for p in pool]   # (the query's candidates: headings of a query given none, related_second)
    scored = []
    healthy = _healthy_query(q.features)   # (once per query, not per candidate: rel13)
    for nct_id, status, d, bm in pool:
        if _cannot_join(q.features, d, healthy) or len(d["condition_mesh"]) > CATCH_ALL_CONDITIONS:
            continue
        cterms = set(d["ct"])
        ints, shared_int = _overlap(sig.ints, set(d["it"]), sig.idf)
        if catch_all(d) and not treatment_tie(q.features, TrialFeatures.from_json(d), shared_int):
            continue
        shared_cond = sorted(sig.cond & cterms, key=lambda t: (-sig.idf[t], t))
        anc, shared_anc = _overlap(sig.anc, cterms.union(d["at"]), sig.idf)
        specific = [t for t in shared_cond if t not in sig.broad and t in sig.own
                    and own_condition(t, d["conditions"], d["condition_mesh"])]
        loose = [t for t in shared_cond if t not in specific]
        # (a heading both list as a condition of their own, beside one they share, counts fully: rel9)
        both = _both_list(sig, d, shared_cond) if specific else []
        full = sum(sig.idf[t] for t in both) * (1 / BROAD_WEIGHT - 1)
        cond = ((sum(sig.idf[t] * (1.0 if t in specific or t in sig.broad else BROAD_WEIGHT) for t in shared_cond)
                 + full) / (sum(sig.idf[t] for t in sig.cond) + full)) if shared_cond else 0.0
        contained = [t for t in _contained(sig.cond, cterms - GENERIC_CONDITION) if t not in shared_anc]
        # (a heading above the query's conditions the candidate lists alone, having none under it, ties them only when
        # its title says it: related_ties.under_heading)
        shares = bool(specific) or bool(contained) or any(t not in sig.broad and under_heading(t, d)
                                                          for t in shared_anc)
        # a trial for another disease: no condition of its own or named heading in common (a broad one says nothing:
        # "Carcinoma"; _shares_heading), no condition named alike (related_terms.same_condition), nor one spelled by
        # its acronym, and no volunteer of the query may join it (_volunteers). Not one to join (review r16 §6), whatever
        # ties it: a treatment ("Same treatment: Carboplatin · For: NSCLC" on an ovarian cancer card) or title words,
        # which were study words ("Shared terms: pathogenesis, natural, history" for a glomerulosclerosis trial) or
        # anatomy ("cord, spinal": MRI contrast studies for a spinal cord injury one; review r35 §7). Over every
        # status it is shown only for a shared or similar treatment (related_why._has_evidence).
        other_disease = another_disease(sig, q, d, shares, shared_cond, shared_int)
        if other_disease and joinable:
            continue
        related = contained + [t for t in loose if t not in sig.broad] + shared_anc + [t for t in loose if t in sig.broad]
        if not specific:
            ints *= F_TREATMENT_OTHER_CONDITION
        ctypes = set(d["ty"])
        itype = len(sig.types & ctypes) / len(sig.types | ctypes) if sig.types and ctypes else 0.0
        score = (W_TEXT * (bm / best if best else 0.0) + W_COND * cond + W_ANC * anc + W_INT * ints
                 + W_TYPE * itype + W_PHASE * _phase_proximity(q.features.phases, d["phases"])
                 + W_STATUS * STATUS_BONUS.get(status or "", 0.0))
        score *= _compatibility(q.features, d, bool(sig.cond), shares)
        fresh = None
        if joinable:   # trials to join: one that may have ended, is by invitation or long unconfirmed ranks lower
            fresh = freshness(nct_id, status, d.get("dates") or {}, saved.get(nct_id), today)
            score *= ((F_OVERDUE if fresh[0] else 1.0) * (F_BY_INVITATION if status == "ENROLLING_BY_INVITATION" else 1.0)
                      * (F_UNCONFIRMED if fresh[1] else 1.0) * _kind_of_study(q.features, d))
        scored.append((score, nct_id, d, specific, related, shared_int, fresh, other_disease))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out = []
    for s, nid, d, sc, sa, si, fresh, other_disease in scored:
        if len(out) >= k:
            break
        c = TrialFeatures.from_json(d)
        if not _has_evidence(q, c, sc, sa, si, other_disease):
            continue
        due, unconfirmed = fresh or freshness(nid, c.status, c.dates, saved.get(nid), today)
        out.append(RelatedTrial(nct_id=nid, title=c.title, status=c.status, phases=c.phases, score=round(s, 4),
                                why=_why(q, c, sc, sa, si),
                                url=f"https://clinicaltrials.gov/study/{nid}",
                                status_as_of=saved[nid].fetched_at if nid in saved else None, overdue=due,
                                unconfirmed_since=unconfirmed, **_shown(c)))
    return out


def _shown(c: TrialFeatures) -> dict:
    """Who a related trial takes and where it runs, for RelatedTrial (an index row from before these were stored
    has none of them: nothing is said rather than guessed)."""
    return {"min_age": _age(c.min_age), "max_age": _age(c.max_age), "sex": c.sex,
            "who": who_words(c.min_age, c.max_age, c.sex), "countries": list(c.countries),
            "where": where_words(c.countries), "study_type": c.study_type}


def _age(age: dict | None) -> dict | None:
    """An index row's age limit as the API's Age object ({"value", "unit", "text"}); None without a value and unit."""
    if not isinstance(age, dict) or age.get("value") is None or not age.get("unit"):
        return None
    return {"value": age["value"], "unit": age["unit"], "text": age.get("text")}


def _connection(conn) -> sqlite3.Connection:
    if isinstance(conn, (str, os.PathLike)):
        conn = sqlite3.connect(conn)
    if not isinstance(conn, sqlite3.Connection):
        raise BadInput("related() needs a sqlite3 connection, a database path or a Store")
    if not search.has_index(conn):  # a store that never indexed: nothing to relate yet
        search.ensure_schema(conn)
    return conn


def related(nct_id_or_record, k: int = 10, statuses=None, *, conn=None, store=None,
            today: date | None = None) -> list[RelatedTrial]:
    """Up to k related trials, best first. `statuses`: None = trials one could join
    (recruiting and not-yet-recruiting ranked first), "any" = every status, or a list.
    Reads the index from `conn` (a connection or path) or from `store` (a registry Store). `today` (default: the
    machine's date) decides which related trials are past their planned start or end."""
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise BadInput("k must be a positive integer")
    wanted = status_filter(statuses)
    if conn is None and store is not None and hasattr(store, "connection"):
        search.backfill(store)  # a store filled before the index existed: index it once
        with store.connection() as c:
            return _related(_connection(c), nct_id_or_record, k, wanted, today)
    return _related(_connection(conn), nct_id_or_record, k, wanted, today)


def _related(conn: sqlite3.Connection, item, k: int, wanted: frozenset[str] | None,
             today: date | None) -> list[RelatedTrial]:
    f, exclude = query_features(item, conn)
    if nothing_to_match(f):
        return []
    q = build_query(conn, f, exclude, statuses=wanted)
    return rank(conn, q, k, wanted, today)


def nothing_to_match(f: TrialFeatures) -> bool:
    """A record that names no condition and whose only title is a stand-in for a withheld one ("[Trial of device that
    is not approved or cleared by the U.S. FDA]"): nothing says what it is about, so no trial is related to it (its
    stand-in's words joined an erectile dysfunction trial by "approved, not": review r23 #4)."""
    return not (f.conditions or f.condition_mesh or f.keywords or f.interventions or real_titles(f.titles))


def related_reason(nct_id_or_record, found: list, *, store=None) -> str | None:
    """Why `found`, the related trials of a record, is empty, when it is not for want of open trials: "nothing_to_match"
    (nothing_to_match); None otherwise. A record is judged by itself; an id by the store's index (None if not there)."""
    if found:
        return None
    f = search.features_of(nct_id_or_record) if isinstance(nct_id_or_record, OfficialRecord) \
        else _indexed_features(nct_id_or_record, store)
    return "nothing_to_match" if f is not None and nothing_to_match(f) else None


def who_takes(nct_id_or_record, *, store) -> dict | None:
    """Who the trial itself takes, as its related trials carry it ({"min_age", "max_age", "sex"}, ages as Age objects),
    from the store's index (or the record given): beside it, a related trial's who-line is worded
    (related_words.who_line). None when the index does not hold it."""
    f = _indexed_features(nct_id_or_record, store)
    return None if f is None else {"min_age": _age(f.min_age), "max_age": _age(f.max_age), "sex": f.sex}


def _indexed_features(nct_id_or_record, store):
    """The record's search features as the store's index holds them (or the record given), None if not there."""
    search.backfill(store)
    with store.connection() as c:
        try:
            return query_features(nct_id_or_record, _connection(c))[0]
        except RecordNotFound:
            return None


def bm25_baseline(nct_id_or_record, k: int = 10, *, conn) -> list[str]:
    """Plain BM25 (every column weighted equally, no structured signals, any status): the
    baseline the evaluation compares against. Same query words, same exclusions."""
    conn = _connection(conn)
    f, exclude = query_features(nct_id_or_record, conn)
    q = build_query(conn, f, exclude)
    return [r[0] for r in bm25_candidates(conn, q, k, None, weights=search.PLAIN_WEIGHTS)]
