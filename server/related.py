"""Related trials: other trials a reader of one trial might join, each with the reason.

Candidates come from the FTS5 index (BM25 over titles, conditions, MeSH terms,
interventions, summary); they are re-ranked by blending the BM25 score with structured
signals (shared condition MeSH terms and conditions, shared treatments, treatment type,
phase proximity, status) and explained only with facts both records state.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass

from scrapers.errors import BadInput, RecordNotFound
from scrapers.model import PageRecord
from scrapers.nct import normalize_nct_id
from scrapers.official import OfficialRecord
from scrapers.registry import search
from scrapers.registry.search import TrialFeatures, norm_term
from scrapers.vocab import OPEN_STATUSES, STATUSES

ANY_STATUS = "any"
POOL = 150          # BM25 candidates re-ranked per query
MAX_TERMS = 12      # query terms sent to FTS5 (the most distinctive ones)
COMMON_DF = 0.25    # a word in more than this share of trials is too common to query with
GATE_POSTINGS = 10_000  # candidate budget per query (sum of document frequencies of the words queried)

# blend weights: chosen a priori (see docs/benchmarks.md), not fitted to the judged set
W_TEXT, W_COND, W_ANC, W_INT, W_TYPE, W_PHASE, W_STATUS = 0.45, 0.30, 0.05, 0.12, 0.03, 0.05, 0.06
# A trial the query's patients could not enter (no age overlap, other sex) or that shares
# none of the query's conditions is kept but ranked down by these factors.
F_AGE, F_SEX, F_NO_CONDITION = 0.4, 0.4, 0.6
# Broad MeSH headings ("Carcinoma", "Retinal Diseases") say little about who may join: a
# shared broad heading counts a quarter and is shown as a related, not the same, condition.
# A shared treatment counts fully only for trials that also share a specific condition
# (chemotherapy drugs are shared across very different cancers).
BROAD_WEIGHT, F_TREATMENT_OTHER_CONDITION = 0.25, 0.3
BROAD_CONDITIONS = frozenset("""
neoplasms|carcinoma|adenocarcinoma|cancer|tumor|tumors|solid tumor|neoplasm metastasis|metastatic cancer
|neoplasms, glandular and epithelial|neoplasms by histologic type|neoplasms by site|carcinoma, squamous cell
|cardiovascular diseases|heart diseases|vascular diseases|lung diseases|respiratory tract diseases
|lung diseases, obstructive|eye diseases|retinal diseases|retinal disease|nervous system diseases
|brain diseases|central nervous system diseases|mental disorders|mood disorders|liver diseases
|digestive system diseases|kidney diseases|urologic diseases|skin diseases|infection|infections
|communicable diseases|bacterial infections|virus diseases|inflammation|pain|chronic pain
|genital diseases, male|genital diseases, female|immune system diseases|autoimmune diseases
|metabolic diseases|endocrine system diseases|musculoskeletal diseases|joint diseases
""".replace("\n", "").split("|"))
STATUS_BONUS = {"RECRUITING": 1.0, "NOT_YET_RECRUITING": 0.9, "ENROLLING_BY_INVITATION": 0.5,
                "AVAILABLE": 0.5, "ACTIVE_NOT_RECRUITING": 0.2}
PHASE_NUM = {"EARLY_PHASE1": 0.5, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4}
PHASE_WORDS = {"EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE2": "Phase 2",
               "PHASE3": "Phase 3", "PHASE4": "Phase 4"}

# query-field weights: what a trial is about is said by its title, conditions and treatments
FIELD_WEIGHTS = (("titles", 1.0), ("conditions", 1.0), ("condition_mesh", 1.0), ("keywords", 0.6),
                 ("interventions", 0.8), ("intervention_mesh", 0.8))
OFFICIAL_TITLE_WEIGHT = 0.6
STOPWORDS = frozenset("""
a an and are as at be by for from in into is it its of on or the this that to with without versus vs via
than after before during among between both each other their there these those who which when while
study studies trial trials clinical randomized randomised controlled control double blind blinded single open
label pilot phase multicenter multicentre prospective retrospective evaluate evaluation evaluating assess
assessment compare comparing comparison effect effects efficacy safety tolerability patients patient
participants subjects people adults adult children healthy volunteers use using based new program versus
i ii iii iv ia ib iib iiia iiib data obtain routine interventional observational non post marketing real life world
practice determine investigate investigating examine compared versus provide whether how does do can may will
""".split())
# intervention names that say nothing about the treatment itself
GENERIC_TREATMENT = frozenset("""
placebo placebos sham standard care usual control comparator vehicle matching saline no intervention treatment
therapy drug drugs dose doses oral tablet tablets capsule capsules injection infusion arm group best supportive
observation questionnaire survey
""".split())


# condition entries that do not say what a trial is about
GENERIC_CONDITION = frozenset({"healthy", "healthy volunteers", "healthy volunteer", "healthy subjects", "normal volunteers",
                               "disease", "diseases", "syndrome", "pathologic processes", "recurrence", "chronic disease",
                               "emergencies", "disease progression", "quality of life"})


@dataclass
class RelatedTrial:
    nct_id: str
    title: str
    status: str | None
    phases: list[str]
    score: float
    why: str
    url: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Query:
    features: TrialFeatures
    exclude: set[str]
    words: list[tuple[str, float]]   # (word, weight) chosen for FTS, most distinctive first


# ---------------------------------------------------------------- query building

def _query_features(item, conn: sqlite3.Connection) -> tuple[TrialFeatures, set[str]]:
    if isinstance(item, OfficialRecord):
        f = search.features_of(item)
        return f, search.same_trial_ids(conn, f)
    if isinstance(item, PageRecord):
        f = search.features_of_page(item)
        return f, search.same_trial_ids(conn, f)
    if isinstance(item, TrialFeatures):
        return item, search.same_trial_ids(conn, item)
    if isinstance(item, str):
        nct = normalize_nct_id(item)
        found = search.lookup(conn, nct)
        if found is None:
            raise RecordNotFound(f"{nct} is not in the related-trials index; pass its record instead")
        return found
    raise BadInput(f"related() takes an NCT id, an OfficialRecord or a PageRecord, not {type(item).__name__}")


def _candidate_words(f: TrialFeatures) -> dict[str, float]:
    weights: dict[str, float] = {}
    for name, w in FIELD_WEIGHTS:
        value = getattr(f, name)
        texts = [v[1] if isinstance(v, list) else v for v in value]
        for i, text in enumerate(texts):
            if name == "titles" and i:  # the official title is long and formulaic: it counts less
                w = OFFICIAL_TITLE_WEIGHT
            for word in search.WORD.findall((text or "").lower()):
                if word in STOPWORDS or word.isdigit() or len(word) < 2:
                    continue
                weights[word] = max(weights.get(word, 0.0), w)
    if not weights:  # nothing but stopwords: fall back to the summary
        for word in search.WORD.findall(f.summary.lower())[:200]:
            if word not in STOPWORDS and not word.isdigit() and len(word) > 2:
                weights.setdefault(word, 0.5)
    return weights


def build_query(conn: sqlite3.Connection, f: TrialFeatures, exclude: set[str], max_terms: int = MAX_TERMS,
                statuses: frozenset[str] | None = None) -> Query:
    """Pick the query words: distinctive (by document frequency in the index) and weighted by field."""
    weights = _candidate_words(f)
    words = list(weights)[:400]
    stem_of = dict(zip(words, search.stems(conn, words))) if words else {}
    df = search.doc_freqs(conn, [s for s in stem_of.values() if s])
    n = max(search.trial_count(conn), 1)
    best: dict[str, tuple[float, str]] = {}  # stem -> (score, word)
    for word in words:
        stem = stem_of.get(word)
        d = df.get(stem, 0) if stem else 0
        if not stem or d == 0:
            continue
        score = weights[word] * search.idf(d, n) * (0.3 if d > COMMON_DF * n else 1.0)
        if stem not in best or score > best[stem][0]:
            best[stem] = (score, word)
    ranked = sorted(best.values(), reverse=True)[:max_terms]
    # A postings budget bounds the work per query: FTS5 computes bm25 for every trial that
    # matches, so the most distinctive words are kept until their document frequencies add
    # up to the budget (at 8,000 trials it rarely binds; at registry scale it keeps latency flat).
    budget = GATE_POSTINGS
    if statuses is not None:  # bm25 runs only on trials with these statuses: scale by their share
        stemmed = search.stems(conn, [search.status_tag(s) for s in sorted(statuses)])
        tags = search.doc_freqs(conn, [t for t in stemmed if t])
        budget = GATE_POSTINGS / max(sum(tags.values()) / n, 0.1)
    kept, postings = [], 0
    for score, word in ranked:
        d = df[stem_of[word]]
        if kept and postings + d > budget:
            continue
        kept.append((word, score))
        postings += d
    return Query(f, exclude, kept)


# ---------------------------------------------------------------- candidates and blend

def _status_filter(statuses) -> frozenset[str] | None:
    if statuses is None:
        return OPEN_STATUSES
    if isinstance(statuses, str):
        if statuses.lower() == ANY_STATUS:
            return None
        statuses = [s.strip() for s in statuses.split(",")]
    wanted = frozenset(str(s).strip().upper() for s in statuses)
    unknown = wanted - set(STATUSES)
    if unknown:
        raise BadInput(f"unknown status {sorted(unknown)}; use CT.gov overallStatus values or 'any'")
    return wanted


def bm25_candidates(conn: sqlite3.Connection, q: Query, limit: int, statuses: frozenset[str] | None,
                    weights: tuple[float, ...] = search.BM25_WEIGHTS) -> list[tuple[str, str | None, str, float]]:
    """(nct_id, status, features JSON, bm25) best first; bm25 is negative, lower is better.

    The ordered scan touches only the FTS index (rowid and bm25); the status filter is an
    FTS AND over `status_tag`; trial features are read for the top `limit` rows only."""
    if not q.words:
        return []
    match = "(" + " OR ".join(search.fts_phrase(w) for w, _ in q.words) + ")"
    if statuses is not None:
        if not statuses:
            return []
        tags = " OR ".join(search.fts_phrase(search.status_tag(s)) for s in sorted(statuses))
        match = f"status_tag : ({tags}) AND {match}"
    sql = (f"SELECT rowid, bm25(related_fts, {', '.join(map(str, weights))}) AS s FROM related_fts "
           "WHERE related_fts MATCH ? ORDER BY s LIMIT ?")
    hits = conn.execute(sql, (match, limit + len(q.exclude))).fetchall()
    if not hits:
        return []
    score = dict(hits)
    rows = conn.execute(f"SELECT id, nct_id, status, features FROM related_trials WHERE id IN "
                        f"({', '.join('?' * len(hits))})", list(score)).fetchall()
    out = [(nct, status, fjson, score[i]) for i, nct, status, fjson in rows if nct not in q.exclude]
    out.sort(key=lambda r: (r[3], r[0]))
    return out[:limit]


def _meaningful(term: str) -> bool:
    return any(w not in GENERIC_TREATMENT and not w.isdigit() for w in search.WORD.findall(term))


def _overlap(query_terms: set[str], cand_terms: set[str], idf: dict[str, float]) -> tuple[float, list[str]]:
    shared = query_terms & cand_terms
    if not shared:
        return 0.0, []
    shared = sorted(shared, key=lambda t: (-idf[t], t))
    return sum(idf[t] for t in shared) / sum(idf[t] for t in query_terms), shared


def _compatibility(qf: TrialFeatures, d: dict, query_has_conditions: bool, shares_condition: bool) -> float:
    """How far a candidate's population fits the query's: age ranges overlap, sexes agree,
    a condition in common. Missing limits count as open."""
    factor = 1.0
    q_lo, q_hi = qf.min_age_days or 0.0, qf.max_age_days or float("inf")
    c_lo, c_hi = d.get("min_age_days") or 0.0, d.get("max_age_days") or float("inf")
    if q_lo > c_hi or c_lo > q_hi:
        factor *= F_AGE
    if {qf.sex, d.get("sex")} == {"MALE", "FEMALE"}:
        factor *= F_SEX
    if query_has_conditions and not shares_condition:
        factor *= F_NO_CONDITION
    return factor


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
        self.idf: dict[str, float] = {}   # overlap weight of each term
        self.broad: set[str] = set()      # terms too common to call a trial "the same"
        for kind, terms in (("c", self.cond), ("a", self.anc), ("i", self.ints)):
            df = search.df_of(conn, kind, terms)
            for t in terms:
                broad = kind != "i" and t in BROAD_CONDITIONS
                self.idf[t] = search.idf(df.get(t, 0), n) * (BROAD_WEIGHT if broad else 1.0)
                if broad:
                    self.broad.add(t)


def _display(terms: list[str], originals: list[str]) -> list[str]:
    by_norm = {}
    for o in originals:
        by_norm.setdefault(norm_term(o), o)
    return [by_norm.get(t, t) for t in terms]


def _why(q: Query, c: TrialFeatures, shared_cond, shared_anc, shared_int) -> str:
    parts: list[str] = []
    if shared_cond:  # one condition, preferably as the trial itself words it
        listed = {norm_term(t) for t in c.conditions}
        first = sorted(shared_cond, key=lambda t: t not in listed)[0]
        parts.append("Same condition: " + _display([first], c.conditions + c.condition_mesh)[0])
    elif shared_anc:
        parts.append("Related condition: " + _display(shared_anc[:1], c.conditions + c.condition_mesh
                                                        + c.condition_ancestors)[0])
    if shared_int:
        names = _display(shared_int[:2], c.intervention_mesh + [n for _, n in c.interventions])
        parts.append("Same treatment: " + "; ".join(names))
    else:
        similar = _similar_treatment(q.features, c)
        if similar:
            parts.append("Similar treatment: " + similar)
    if not parts or (len(parts) == 1 and parts[0].startswith("Related")):
        words = _title_words(q, c)[:3]
        if words:
            parts.append("Shared terms: " + ", ".join(words))
    if len(parts) < 2:
        same_phase = sorted(set(q.features.phases) & set(c.phases) & set(PHASE_WORDS))
        if same_phase:
            parts.append("Same phase: " + "/".join(PHASE_WORDS[p] for p in same_phase))
    return " · ".join(parts)


def _title_words(q: Query, c: TrialFeatures) -> list[str]:
    """Query words that the candidate's titles, conditions or keywords contain as words."""
    text = set(search.WORD.findall(" ".join(c.titles + c.conditions + c.keywords).lower()))
    return [w for w, _ in q.words if w in text]


def _has_evidence(q: Query, c: TrialFeatures, shared_cond, shared_anc, shared_int) -> bool:
    """A result must be related by something a reader can check: a shared condition or
    treatment, or distinctive query words in its titles, conditions or keywords worth 40%
    of the query's three best words (25% with a related condition). BM25 alone (a word in the summary) is not enough to show a patient."""
    if shared_cond or shared_int or _similar_treatment(q.features, c):
        return True
    weight = dict(q.words)
    top = sum(sorted(weight.values(), reverse=True)[:3])
    matched = sum(weight[w] for w in _title_words(q, c))
    return matched >= (0.25 if shared_anc else 0.4) * top


def _similar_treatment(qf: TrialFeatures, c: TrialFeatures) -> str | None:
    """A candidate treatment sharing a specific word (not 'placebo', 'drug'…) with a query treatment."""
    qwords = {w for _, n in qf.interventions for w in search.WORD.findall(n.lower())
              if len(w) > 3 and w not in GENERIC_TREATMENT and w not in STOPWORDS and not w.isdigit()}
    for _, name in c.interventions:
        if qwords & set(search.WORD.findall(name.lower())):
            return name if len(name) <= 60 else name[:57].rstrip() + "…"
    return None


def rank(conn: sqlite3.Connection, q: Query, k: int, statuses: frozenset[str] | None) -> list[RelatedTrial]:
    rows = bm25_candidates(conn, q, POOL, statuses)
    if not rows:
        return []
    sig = _Signals(conn, q.features)
    best = rows[0][3] or -1.0
    scored = []
    for nct_id, status, fjson, bm in rows:
        d = json.loads(fjson)
        cterms = set(d["ct"])
        cond, shared_cond = _overlap(sig.cond, cterms, sig.idf)
        anc, shared_anc = _overlap(sig.anc, cterms.union(d["at"]), sig.idf)
        ints, shared_int = _overlap(sig.ints, set(d["it"]), sig.idf)
        specific = [t for t in shared_cond if t not in sig.broad]
        related = [t for t in shared_cond if t in sig.broad] + shared_anc
        if not specific:
            ints *= F_TREATMENT_OTHER_CONDITION
        ctypes = set(d["ty"])
        itype = len(sig.types & ctypes) / len(sig.types | ctypes) if sig.types and ctypes else 0.0
        score = (W_TEXT * (bm / best if best else 0.0) + W_COND * cond + W_ANC * anc + W_INT * ints
                 + W_TYPE * itype + W_PHASE * _phase_proximity(q.features.phases, d["phases"])
                 + W_STATUS * STATUS_BONUS.get(status or "", 0.0))
        shares = bool(specific) or any(t not in sig.broad for t in shared_anc)
        score *= _compatibility(q.features, d, bool(sig.cond), shares)
        scored.append((score, nct_id, d, specific, related, shared_int))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out = []
    for s, nid, d, sc, sa, si in scored:
        if len(out) >= k:
            break
        c = TrialFeatures.from_json(d)
        if not _has_evidence(q, c, sc, sa, si):
            continue
        out.append(RelatedTrial(nct_id=nid, title=c.title, status=c.status, phases=c.phases, score=round(s, 4),
                                why=_why(q, c, sc, sa, si), url=f"https://clinicaltrials.gov/study/{nid}"))
    return out


def _connection(conn, store) -> sqlite3.Connection:
    if conn is None and store is not None:
        conn = getattr(store, "conn", None) or getattr(store, "connection", None) or store
    if isinstance(conn, str):
        conn = sqlite3.connect(conn)
    if not isinstance(conn, sqlite3.Connection):
        raise BadInput("related() needs a sqlite3 connection, a database path or a Store")
    search.ensure_schema(conn)
    return conn


def related(nct_id_or_record, k: int = 10, statuses=None, *, conn=None, store=None) -> list[RelatedTrial]:
    """Up to k related trials, best first. `statuses`: None = trials one could join
    (recruiting and not-yet-recruiting ranked first), "any" = every status, or a list."""
    if not isinstance(k, int) or k < 1:
        raise BadInput("k must be a positive integer")
    conn = _connection(conn, store)
    f, exclude = _query_features(nct_id_or_record, conn)
    wanted = _status_filter(statuses)
    q = build_query(conn, f, exclude, statuses=wanted)
    return rank(conn, q, k, wanted)


def bm25_baseline(nct_id_or_record, k: int = 10, *, conn) -> list[str]:
    """Plain BM25 (every column weighted equally, no structured signals, any status): the
    baseline the evaluation compares against. Same query words, same exclusions."""
    conn = _connection(conn, None)
    f, exclude = _query_features(nct_id_or_record, conn)
    q = build_query(conn, f, exclude)
    return [r[0] for r in bm25_candidates(conn, q, k, None, weights=search.PLAIN_WEIGHTS)]
