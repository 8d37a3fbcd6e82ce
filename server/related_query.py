"""Related trials, step one: the query. Which words to ask the FTS5 index for (distinctive
ones, by field and document frequency, within a postings budget so latency stays flat at
registry scale), the status filter, and the BM25 candidate fetch."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from scrapers.errors import BadInput, RecordNotFound
from scrapers.model import PageRecord
from scrapers.nct import normalize_nct_id
from scrapers.official import OfficialRecord
from scrapers.registry import search
from scrapers.registry.search import TrialFeatures
from scrapers.vocab import OPEN_STATUSES, STATUSES

ANY_STATUS = "any"
MAX_TERMS = 12      # query terms sent to FTS5 (the most distinctive ones)
COMMON_DF = 0.25    # a word in more than this share of trials is too common to query with
GATE_POSTINGS = 10_000  # candidate budget per query (sum of document frequencies of the words queried)

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
parallel arm arms crossover feasibility formulation formulations two three four activity specific protocol
unspecified related drug matters matter
not no nor but if so also any some such only same more most less very has have had been was were being
multi center centre centers centres plus impact effectiveness acceptability novel application cleared approved
""".split())
# (the design and template words from "parallel" to "matter" made "Shared terms: parallel, arm, two", "feasibility,
# related, drug" and "matters" the only reason shown for trials of other diseases (review r16 §7); the function and
# template words of the last two lines "approved, not" and "multi, center" (review r23 #4). "all" is not one: "ALL"
# is a leukaemia.)

# ClinicalTrials.gov's stand-in for a title it withholds ("[Trial of device that is not approved or cleared by the
# U.S. FDA]"): a title wholly in brackets that says it is withheld. Its words say nothing of the trial, so they never
# make a match (a bracketed real title, "[Study Evaluating … in Postpartum Depression]", is kept).
PLACEHOLDER_TITLE = re.compile(r"^\s*\[[^\]]*\b(?:not approved or cleared|withheld|redacted|not (?:yet )?(?:public|disclosed))"
                               r"\b[^\]]*\]\s*$", re.I)


def placeholder_title(title: str | None) -> bool:
    """Whether a title is ClinicalTrials.gov's stand-in for a withheld one (PLACEHOLDER_TITLE)."""
    return bool(title and PLACEHOLDER_TITLE.match(title))


def real_titles(titles: list[str]) -> list[str]:
    """A trial's titles without stand-ins for withheld ones."""
    return [t for t in titles if not placeholder_title(t)]

@dataclass
class Query:
    features: TrialFeatures
    exclude: set[str]
    words: list[tuple[str, float]]   # (word, weight) chosen for FTS, most distinctive first


# ---------------------------------------------------------------- query building

def query_features(item, conn: sqlite3.Connection) -> tuple[TrialFeatures, set[str]]:
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
            if name == "titles" and placeholder_title(text):
                continue
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


# ---------------------------------------------------------------- candidates

def status_filter(statuses) -> frozenset[str] | None:
    """None -> the statuses a patient could join; "any" (alone or in a list) -> no filter;
    otherwise the given CT.gov overallStatus values ("RECRUITING,COMPLETED" or a list)."""
    if statuses is None:
        return OPEN_STATUSES
    if isinstance(statuses, str):
        statuses = statuses.split(",")
    try:
        wanted = frozenset(str(s).strip().upper() for s in statuses)
    except TypeError:
        raise BadInput("statuses must be a list of CT.gov statuses, a comma-separated string or 'any'") from None
    if ANY_STATUS.upper() in wanted:
        return None
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
