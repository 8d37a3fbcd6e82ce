"""Related trials, step three: the reasons. Each result is explained only with facts both records state, in the
suggested trial's own words where it has them (its listed condition, not a MeSH heading such as "Carcinoma,
Non-Small-Cell Lung"), and the evidence rule a result must pass to be shown at all."""

from __future__ import annotations

from functools import lru_cache

from scrapers.registry import search
from scrapers.registry.search import TrialFeatures, norm_term
from server.related_query import Query, real_titles
from server.related_terms import (BROAD_CONDITIONS, GENERIC_CONDITION, NEGATING, PHASE_WORDS, TRAILING,
                                  condition_names, condition_words, fold, population, same_condition_in, spelled)
from server.related_treatments import NOT_WHAT, TREATMENT_KINDS, common_drug, study_procedure

# words of a condition's name too common to say that two names are one (_own_wording)
CELL_WORDS = frozenset({"cell", "cells"})


def _display(terms: list[str], originals: list[str]) -> list[str]:
    by_norm = {}
    for o in originals:
        by_norm.setdefault(norm_term(o), o)
    return [by_norm.get(t, t) for t in terms]


def _own_wording(term: str, c: TrialFeatures) -> str | None:
    """The suggested trial's own listed condition for a shared term: the same name, one holding it whole ("Acute
    Ischemic Stroke" for "ischemic stroke"), or the one sharing most words that say which condition ("Non Small Cell
    Lung Cancer" for "carcinoma, non-small-cell lung"); None when it lists none of these."""
    names = [" ".join(o.split()) for o in c.conditions if o.strip()]
    for o in names:
        if norm_term(o) == term:
            return o
    # (its words, plurals folded: "Acute Leukemias" holds "leukemia", and is listed before "Juvenile Myelomonocytic
    # Leukemia", which named a child's leukaemia for adult leukaemia trials; rel7)
    folded = f" {_folded(term)} "
    holder = next((o for o in names if folded in f" {_folded(norm_term(o))} "), None)
    if holder:
        return holder
    # (not by "cell" alone, which a renal cell carcinoma and a plasma cell myeloma share: "Carcinoma, Renal Cell" was
    # worded "Plasma Cell Myeloma", NCI-MATCH's, for a renal cell cancer trial; rel6)
    words = condition_words(term) - CELL_WORDS
    best = max(names, key=lambda o: len(words & condition_words(o)), default=None)
    if best and words & condition_words(best):
        return best
    return next((o for o in names if spelled(term, [o])), None)   # ("NSCLC" for "carcinoma, non-small-cell lung")


def _folded(text: str) -> str:
    """A name's words, plurals folded (related_terms.fold), one space apart."""
    return " ".join(fold(w) for w in search.WORD.findall(text.lower()))


def _why(q: Query, c: TrialFeatures, shared_cond, shared_anc, shared_int) -> str:
    """The reason shown for a result."""
    parts: list[str] = []
    said_own = False   # a condition part already names what the trial is for, in its words
    if shared_cond:  # one condition, as the trial itself words it
        listed = {norm_term(t) for t in c.conditions}
        first = sorted(shared_cond, key=lambda t: t not in listed)[0]
        parts.append("Same condition: " + _clip(_own_wording(first, c) or _display([first], c.conditions + c.condition_mesh)[0]))
        said_own = True
    else:
        # a broad heading ("Mental Disorders", "Pathological Conditions, Anatomical") is no reason to show a trial
        # (review r16 §8): only a named condition is said, as the trial words it ("Related condition: Non Small Cell
        # Lung Cancer", not "Lung Neoplasms"), or else what the trial is for
        # (a heading the trial does not word as one of its conditions is left to "For:", which names them)
        named = [t for t in shared_anc if t not in BROAD_CONDITIONS and t not in GENERIC_CONDITION and not population(t)]
        own = next((w for w in (_own_wording(t, c) for t in named) if w), None)
        if own:
            parts.append("Related condition: " + _clip(own))
            said_own = True
        else:   # a condition of its own named alike, or by its acronym ("HIV" for "HIV Infections", "NSCLC")
            alike = _named_alike(q.features, c)
            if alike:
                parts.append("Related condition: " + _clip(alike))
                # what it is for is still said when that is not its first condition (a diabetes cohort naming
                # "Coronary Artery Disease" second)
                said_own = alike == next(iter(_specific_names(c)), None)
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
    # a trial for another disease must not pass for one for the reader's: say what it is for, unless a condition
    # part already says it in the trial's own words
    if not said_own:
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


def _specific_names(c: TrialFeatures) -> list[str]:
    """A trial's conditions as its "For:" names them: those not "Healthy" or a broad heading ("Carcinoma"), unless it
    lists only those."""
    names = list(dict.fromkeys(" ".join(t.split()) for t in c.conditions or c.condition_mesh if t.strip()))
    return ([t for t in names if norm_term(t) not in GENERIC_CONDITION | BROAD_CONDITIONS]
            or [t for t in names if norm_term(t) not in GENERIC_CONDITION] or [t for t in names if "healthy" in t.lower()])


def _named_alike(qf: TrialFeatures, c: TrialFeatures) -> str | None:
    """The first of the candidate's listed conditions (not a broad heading or a population) that is one condition with
    a name of the query's (related_terms.same_condition: "HIV" and "HIV Infections", "Migraine" and "Chronic Migraine,
    Headache") or spells one of its terms' initials ("NSCLC"): what ties the two, which "Shared terms" did not name
    (related5: 70 of r35's scan said only "Shared terms: hiv, infected, aids")."""
    names = condition_names(qf.conditions, qf.condition_mesh, qf.keywords)
    terms = [t for t in qf.conditions + qf.condition_mesh if t.strip()]
    for o in (" ".join(t.split()) for t in c.conditions if t.strip()):
        if norm_term(o) in BROAD_CONDITIONS | GENERIC_CONDITION or population(o):
            continue
        if same_condition_in(names, [o]) or any(spelled(t, [o]) for t in terms):
            return o
    return None


def _for_part(c: TrialFeatures, most: int = 2) -> str:
    """What a trial is for, in its own words (_specific_names)."""
    specific = _specific_names(c)
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


# words of how a study is run that the query still asks the index for (dropping them from the query moved the bench:
# a low back pain trial lost a judged-relevant one), but that tie no two trials: "methods, volunteer" gave a healthy
# volunteers' MRI methods study a bone marrow cell-selection one (related5)
STUDY_WORDS = frozenset({"method", "methods", "volunteer"})


def _title_words(q: Query, c: TrialFeatures) -> list[str]:
    """Query words that the candidate's titles (not a stand-in for a withheld one), conditions or keywords contain as
    words (not STUDY_WORDS)."""
    text = set(search.WORD.findall(" ".join(real_titles(c.titles) + c.conditions + c.keywords).lower()))
    return [w for w, _ in q.words if w in text and w not in STUDY_WORDS]


def _has_evidence(q: Query, c: TrialFeatures, shared_cond, shared_anc, shared_int, other_disease: bool = False) -> bool:
    """A result must be related by something a reader can check: a shared condition or
    treatment, or distinctive query words in its titles, conditions or keywords worth 40%
    of the query's three best words (25% with a related condition). BM25 alone (a word in the summary) is not enough to show a patient.
    A trial of another disease (`other_disease`: see server/related.py) only by a shared or similar treatment: title
    words alone were study words ("natural, history"), anatomy ("cord, spinal") or a treatment's ("mesenchymal,
    stem"; review r23 #4, r35 §7)."""
    if other_disease:
        return treatment_tie(q.features, c, shared_int)
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
        f = fold(w)
        if len(w) > 3 and not w.isdigit() and w not in NOT_WHAT and f not in NOT_WHAT:
            out.add(f)
    return frozenset(out)


def treatment_tie(qf: TrialFeatures, c: TrialFeatures, shared_int: list[str]) -> bool:
    """A treatment that ties a trial to one of another illness, or to a clinic's catch-all: a shared or similar one
    that is not a drug given in many illnesses (related_treatments.common_drug: "Insulin" tied hypoglycaemia and
    hyperinsulinaemia trials to a type 1 diabetes one)."""
    return any(not common_drug(t) for t in shared_int) or _similar_treatment(qf, c, across=True) is not None


def _similar_treatment(qf: TrialFeatures, c: TrialFeatures, across: bool = False) -> str | None:
    """A candidate treatment that shares with one query treatment two words saying what it is ("mesenchymal stem"),
    or all such words of either name ("Ramelteon" and "ramelteon 8 mg"). One shared word of many ("infusion",
    "human", "stem" of "hematopoietic stem cells" and "mesenchymal stem cells") does not make treatments similar, nor
    does what a study does to learn ("Blood draw", "Blood samples"; related_treatments.study_procedure). `across`: between
    trials of different illnesses, where a drug given in many (common_drug) is no tie."""
    def counts(name: str) -> bool:
        return not study_procedure(name) and not (across and common_drug(name))

    query = [w for w in (_treatment_words(n) for _, n in qf.interventions if counts(n)) if w]
    if not query:
        return None
    for _, name in c.interventions:
        if not counts(name):
            continue
        words = _treatment_words(name)
        alike = next((q for q in query if words and (len(q & words) >= 2 or _within(q, words) or _within(words, q))),
                     None)
        if alike is not None:
            return _clip_at(name, alike & words)
    return None


def _within(small: frozenset[str], big: frozenset[str]) -> bool:
    """All of one name's words are in the other's, and they say more than a kind of treatment: "Radiation therapy"
    within "Radiation by brachytherapy", "Exercise" within "Kegel exercises" joined other diseases (review r16 §6)."""
    return small <= big and not small <= TREATMENT_KINDS


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


