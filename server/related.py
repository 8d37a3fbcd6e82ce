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
from dataclasses import asdict, dataclass
from functools import lru_cache

from scrapers.errors import BadInput
from scrapers.registry import search
from scrapers.registry.search import TrialFeatures, norm_term
from server.related_query import (ANY_STATUS, STOPWORDS, Query, query_features, status_filter,  # noqa: F401  (re-exported)
                                  bm25_candidates, build_query)
from server.related_terms import (BROAD_CONDITIONS, GENERIC_CONDITION, GENERIC_TREATMENT, NEGATING, NOT_WHAT,
                                  PHASE_WORDS, TRAILING)

POOL = 150          # BM25 candidates re-ranked per query

# Blend weights and factors are set by hand, not fitted. The eligibility factors (v2) and
# the broad-heading and treatment rules (v3) were designed after reading the ranker's
# mistakes on earlier judged sets; docs/benchmarks.md says which figures are held out.
W_TEXT, W_COND, W_ANC, W_INT, W_TYPE, W_PHASE, W_STATUS = 0.45, 0.30, 0.05, 0.12, 0.03, 0.05, 0.06
# A trial the query's patients could not enter (no age overlap, other sex) or that shares
# none of the query's conditions is kept but ranked down by these factors.
F_AGE, F_SEX, F_NO_CONDITION = 0.4, 0.4, 0.6
# Broad MeSH headings ("Carcinoma", "Retinal Diseases") say little about who may join: a
# shared broad heading counts a quarter and is shown as a related, not the same, condition.
# A shared treatment counts fully only for trials that also share a specific condition
# (chemotherapy drugs are shared across very different cancers).
BROAD_WEIGHT, F_TREATMENT_OTHER_CONDITION = 0.25, 0.3
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

    def to_dict(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------- blend

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
    related = None
    if shared_cond:  # one condition, preferably as the trial itself words it
        listed = {norm_term(t) for t in c.conditions}
        first = sorted(shared_cond, key=lambda t: t not in listed)[0]
        parts.append("Same condition: " + _display([first], c.conditions + c.condition_mesh)[0])
    elif shared_anc:  # the most specific: a broad heading ("Carcinoma") only when nothing else is shared
        related = sorted(shared_anc, key=lambda t: t in BROAD_CONDITIONS)[0]
        # the trial's own condition that holds the shared name whole, when one does ("Acute Ischemic Stroke" for
        # "Ischemic Stroke"): "Related condition: Ischemic Stroke · For: Acute Ischemic Stroke" named the reader's own
        # condition as the related one (review round 8)
        holder = next((o for o in c.conditions if f" {related} " in f" {norm_term(o)} "), None)
        if holder:
            related = norm_term(holder)
        parts.append("Related condition: " + (holder or _display([related], c.conditions + c.condition_mesh
                                                                 + c.condition_ancestors + q.features.conditions
                                                                 + q.features.condition_mesh)[0]))
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
        phase = _phase_part(q.features.phases, c.phases)
        if phase:
            parts.append(phase)
    # a trial for another disease must not pass for one for the reader's: say what it is for, unless the related
    # condition shown is its own and not a broad heading
    own = {norm_term(t) for t in c.conditions + c.condition_mesh} - BROAD_CONDITIONS
    if not shared_cond and related not in own:
        conditions = _for_part(c)
        if conditions:
            parts.append("For: " + conditions)
    return " · ".join(parts)


def _phase_part(a: list[str], b: list[str]) -> str | None:
    """"Same phase" only when both give the same phases; a Phase 1/2 trial beside a Phase 1 trial overlaps."""
    pa, pb = [p for p in PHASE_WORDS if p in a], [p for p in PHASE_WORDS if p in b]
    shared = [p for p in pa if p in pb]
    if not shared:
        return None
    return ("Same phase: " if pa == pb else "Overlapping phase: ") + "/".join(PHASE_WORDS[p] for p in shared)


def _for_part(c: TrialFeatures, most: int = 2) -> str:
    """What a trial is for, in its own words: its first conditions that are not "Healthy" or a broad heading
    ("Carcinoma"), unless it lists only those."""
    names = list(dict.fromkeys(" ".join(t.split()) for t in c.conditions or c.condition_mesh if t.strip()))
    specific = ([t for t in names if norm_term(t) not in GENERIC_CONDITION | BROAD_CONDITIONS]
                or [t for t in names if norm_term(t) not in GENERIC_CONDITION] or [t for t in names if "healthy" in t.lower()])
    shown = "; ".join(_clip(t) for t in specific[:most])
    return shown + (f" (and {len(specific) - most} more)" if len(specific) > most else "")


def _clip(text: str, limit: int = 60) -> str:
    """`text`, or as many of its first words as fit in `limit` characters and "…": a reason cut inside a word
    ("…Umbilical Cord Mesench…") reads as a typo, and one ending on "of" reads as unfinished."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    words = text[:limit - 1].split(" ")
    if text[limit - 1] != " ":   # the last word is cut: leave it out
        words = words[:-1] or [text[:limit - 1]]
    while len(words) > 1 and (words[-1].lower() in TRAILING or not words[-1].strip(",;:-–(/")):
        words.pop()
    return " ".join(words).rstrip(",;:-–(/ ") + "…"


def _contained(q_terms: set[str], c_terms: set[str]) -> list[str]:
    """Condition names of one trial that a condition name of the other contains whole, word for word ("ischemic
    stroke" in "acute ischemic stroke"): a related condition. Not a name of one word ("hypertension" in "pulmonary
    hypertension" is another disease), a broad heading, nor a name after "non" ("small cell lung cancer")."""
    found = set()
    for a in q_terms:
        for b in c_terms:
            if a == b or (a not in b and b not in a):   # (cheap test first: most pairs share nothing)
                continue
            short, long = (a, b) if len(a) < len(b) else (b, a)
            ws, wl = search.WORD.findall(short), search.WORD.findall(long)
            if len(ws) < 2 or len(ws) >= len(wl) or short in BROAD_CONDITIONS or short in GENERIC_CONDITION:
                continue
            n = len(ws)
            if any(wl[i:i + n] == ws and (i == 0 or wl[i - 1] not in NEGATING) for i in range(len(wl) - n + 1)):
                found.add(short)
    return sorted(found)


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


@lru_cache(maxsize=4096)
def _treatment_words(name: str) -> frozenset[str]:
    """The words of a treatment's name that say what it is (not 'placebo', 'intravenous', 'human'…), plurals folded."""
    out = set()
    for w in search.WORD.findall(name.lower()):
        f = w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w
        if len(w) > 3 and not w.isdigit() and w not in NOT_WHAT and f not in NOT_WHAT:
            out.add(f)
    return frozenset(out)


def _similar_treatment(qf: TrialFeatures, c: TrialFeatures) -> str | None:
    """A candidate treatment that shares with one query treatment two words saying what it is ("mesenchymal stem"),
    or all such words of either name ("Ramelteon" and "ramelteon 8 mg"). One shared word of many ("infusion",
    "human", "stem" of "hematopoietic stem cells" and "mesenchymal stem cells") does not make treatments similar."""
    query = [w for w in (_treatment_words(n) for _, n in qf.interventions) if w]
    if not query:
        return None
    for _, name in c.interventions:
        words = _treatment_words(name)
        alike = next((q for q in query if words and (len(q & words) >= 2 or q <= words or words <= q)), None)
        if alike is not None:
            return _clip_at(name, alike & words)
    return None


def _clip_at(name: str, shared: frozenset[str]) -> str:
    """The treatment's name clipped so that the words it shares show: "Intranasal Administration of Human Umbilical
    Cord…" hid the "Mesenchymal Stem Cell" that made it similar (review round 8); then "…Mesenchymal Stem Cell-Derived
    Extracellular Vesicles…"."""
    name = " ".join(name.split())
    starts = [m.start() for m in search.WORD.finditer(name) if _treatment_words(m.group(0)) & shared]
    first = min(starts, default=0)
    if first + 12 <= 59 or len(name) <= 60:   # (the first shared word shows whole in the usual clip)
        return _clip(name)
    return "…" + _clip(name[first:], 59)


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
        contained = [t for t in _contained(sig.cond, cterms - GENERIC_CONDITION) if t not in shared_anc]
        related = [t for t in shared_cond if t in sig.broad] + shared_anc + contained
        if not specific:
            ints *= F_TREATMENT_OTHER_CONDITION
        ctypes = set(d["ty"])
        itype = len(sig.types & ctypes) / len(sig.types | ctypes) if sig.types and ctypes else 0.0
        score = (W_TEXT * (bm / best if best else 0.0) + W_COND * cond + W_ANC * anc + W_INT * ints
                 + W_TYPE * itype + W_PHASE * _phase_proximity(q.features.phases, d["phases"])
                 + W_STATUS * STATUS_BONUS.get(status or "", 0.0))
        shares = bool(specific) or bool(contained) or any(t not in sig.broad for t in shared_anc)
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
    when = _copy_dates(conn, [t.nct_id for t in out])
    for t in out:
        t.status_as_of = when.get(t.nct_id)
    return out


def _copy_dates(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """{nct_id: fetched_at} of the store's dated copies among `ids` (an index built apart from a store has none)."""
    if not ids:
        return {}
    try:
        rows = conn.execute(f"SELECT nct_id, fetched_at FROM studies WHERE dated AND nct_id IN ({','.join('?' * len(ids))})",
                            ids).fetchall()
    except sqlite3.OperationalError:   # (no studies table, or one from before `dated`)
        return {}
    return dict(rows)


def _connection(conn) -> sqlite3.Connection:
    if isinstance(conn, (str, os.PathLike)):
        conn = sqlite3.connect(conn)
    if not isinstance(conn, sqlite3.Connection):
        raise BadInput("related() needs a sqlite3 connection, a database path or a Store")
    if not search.has_index(conn):  # a store that never indexed: nothing to relate yet
        search.ensure_schema(conn)
    return conn


def related(nct_id_or_record, k: int = 10, statuses=None, *, conn=None, store=None) -> list[RelatedTrial]:
    """Up to k related trials, best first. `statuses`: None = trials one could join
    (recruiting and not-yet-recruiting ranked first), "any" = every status, or a list.
    Reads the index from `conn` (a connection or path) or from `store` (a registry Store)."""
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise BadInput("k must be a positive integer")
    wanted = status_filter(statuses)
    if conn is None and store is not None and hasattr(store, "connection"):
        search.backfill(store)  # a store filled before the index existed: index it once
        with store.connection() as c:
            return _related(_connection(c), nct_id_or_record, k, wanted)
    return _related(_connection(conn), nct_id_or_record, k, wanted)


def _related(conn: sqlite3.Connection, item, k: int, wanted: frozenset[str] | None) -> list[RelatedTrial]:
    f, exclude = query_features(item, conn)
    q = build_query(conn, f, exclude, statuses=wanted)
    return rank(conn, q, k, wanted)


def bm25_baseline(nct_id_or_record, k: int = 10, *, conn) -> list[str]:
    """Plain BM25 (every column weighted equally, no structured signals, any status): the
    baseline the evaluation compares against. Same query words, same exclusions."""
    conn = _connection(conn)
    f, exclude = query_features(nct_id_or_record, conn)
    q = build_query(conn, f, exclude)
    return [r[0] for r in bm25_candidates(conn, q, k, None, weights=search.PLAIN_WEIGHTS)]
