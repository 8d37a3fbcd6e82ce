"""Related trials: a candidate whose patients must have a second illness, no cancer, that the query names nowhere: an
erectile dysfunction trial of men with multiple sclerosis, hepatitis C or diabetes is none for a man with erectile
dysfunction alone (rel9's scan left them; rel10). Read from what both records say; it makes the candidate a trial of
another disease (server/related_ties.another_kind), as related_needs' readings do."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from scrapers.registry.search import norm_term
from server.related_carriers import says_carrier
from server.related_kinds import DIABETES, _own, _says, _words
from server.related_needs import _cancer, _who
from server.related_terms import (ANATOMY, BODY_SYSTEMS, GENERIC_HEADS, HEADING, acronyms, condition_words,
                                  same_condition_in, share_condition_word, spelled_by)

# what a title says of whom its trial takes, less an illness it takes either way ("… in Men With ED and Diabetes With
# or Without Metabolic Syndrome")
_EITHER_WAY = re.compile(r"\b(?:with\s+or\s+without|with\s+and\s+without|whether\s+or\s+not)\b.*$", re.I)
# a condition entry naming the query's illness in people with another: "Erectile Dysfunction With Diabetes Mellitus",
# "… Associated With Type 2 Diabetes Mellitus", "… Due to Multiple Sclerosis" (what follows is that other illness)
_WITH_ANOTHER = re.compile(r"^(.+?)\s+\b(?:associated\s+with|with|due\s+to|secondary\s+to|caused\s+by|in)\b\s+(.+)$",
                           re.I)
# what a title says of a part of its trial only: "… Sleep Maintenance Insomnia With a Sub-study in Stable Type II
# Diabetes Mellitus" takes people with insomnia, diabetic or not
_SUB_STUDY = re.compile(r"[,;:(]?\s*\b(?:with|and|including|plus)\s+(?:an?\s+)?(?:optional\s+)?sub-?stud(?:y|ies)\b.*$",
                        re.I)
# a title ending with whom its trial takes: "… for Smoking Cessation Among Persons Living With HIV" (what follows its
# last "with", "among" or "in"; what comes before it says what it treats)
_LAST_WHO = re.compile(r"^(.*)\b(?:with|among|in)\b(.*?)$", re.I)
# a title saying its trial keeps the other illness away: "… to Prevent Complications of Hepatic Portal Hypertension in
# Patients With Cirrhosis" takes cirrhotic people without them (judged relevant beside a cirrhosis study)
_PREVENTS = re.compile(r"\bprevent|\bprophyla", re.I)
# the words of such a part saying who, not which illness ("Persons Living With", "in Patients With")
_PEOPLE = frozenset("a an the of and people persons person patients patient adults adult individuals men women "
                    "children living who are subjects participants".split())
# a title saying whom its trial takes, not what it treats: "… Aerobic Exercise in Hepatitis-C Men", not
# "Manipulation or Microdiscectomy For Sciatica?" (beside a lumbar disc herniation trial)
_AMONG = re.compile(r"\b(?:in|with|among)\b", re.I)
# a title saying what brought the illness it treats: "… Sciatica Secondary to Lumbar Herniated Disc", "… Lumbosacral
# Radiculopathy Caused by Disc Herniation", "… Sciatica From Lumbar Radiculopathy and Intervertebral Disc Herniation"
_BROUGHT = re.compile(r"\b(?:secondary\s+to|caused\s+by|due\s+to|induced\s+by|resulting\s+from|from)\b(.*)$", re.I)


@dataclass(frozen=True)
class QueryNeeds:
    """What needs_another_illness reads of the query, once per query (query_needs)."""
    names: list[str]             # its condition names (related_terms.condition_names)
    own: list[str]               # those that say which illness (related_kinds._own)
    words: frozenset[str]        # the words of its conditions, MeSH terms and keywords
    said: frozenset[str]         # their acronyms
    title_words: frozenset[str]  # every word of its titles, plurals folded
    diabetes: bool               # it names diabetes anywhere, titles too
    terms: frozenset[str]        # its condition terms (listed and MeSH, normalised)
    headings: frozenset[str]     # the MeSH headings above them
    listed: frozenset[str]       # its listed conditions, normalised
    tumour: bool                 # it names a tumour anywhere (related_needs.names_tumour)
    # for a query given no headings: each condition term's headings as other records filing it give them
    # (seen_headings), by record: ((term, ((nct_id, headings), …)), …)
    seen: tuple = ()
    carrier: bool = False        # it names a carrier state or inherited cancer syndrome (related_carriers)
    # its listed conditions but whole body systems: a candidate filed under one of these takes its patients
    narrow: frozenset[str] = frozenset()
    # (headings, body systems) by candidate id, read once per query and candidate (headings_for)
    _known: dict = field(default_factory=dict, compare=False, repr=False)

    def headings_for(self, nct_id: str | None) -> tuple[frozenset[str], frozenset[str]]:
        """The query's headings beside candidate `nct_id` (its own, or for a query given none those other records
        give its terms: _headings_but) and their body systems (related_terms.BODY_SYSTEMS). The same for every
        candidate but those filing a term of the query, so read once for them and once for each of those (rel12 read
        it again for every candidate: rel13)."""
        key = nct_id if not self.headings and nct_id in self._filers else None
        got = self._known.get(key)
        if got is None:
            headings = self.headings or _headings_but(self.seen, key)
            got = self._known[key] = (headings, frozenset(BODY_SYSTEMS[t] for t in self.terms | headings
                                                          if t in BODY_SYSTEMS))
        return got

    @cached_property
    def _filers(self) -> frozenset:
        """The ids of the records seen_headings read (`seen`)."""
        return frozenset(n for _, by in self.seen for n, _ in by)


def query_needs(names: list[str], conditions: list[str], mesh: list[str], keywords: list[str], titles: list[str],
                terms: set[str], headings: set[str], tumour: bool, pool: list[dict] | None = None) -> QueryNeeds:
    """The query's reading for needs_another_illness (`pool`: the query's candidates, index rows' features, read for
    the headings of a query given none: seen_headings)."""
    named = [t for t in conditions + mesh + keywords if t]
    return QueryNeeds(names, _own(names), _union(_words, named), _union(acronyms, named),
                      _union(_words, [t for t in titles if t]),
                      any(DIABETES.search(t) for t in named + [t for t in titles if t]),
                      frozenset(terms), frozenset(headings), frozenset(norm_term(c) for c in conditions if c.strip()),
                      tumour, seen_headings(frozenset(terms), pool) if not headings and pool else (),
                      says_carrier(named + [t for t in titles if t]),
                      frozenset(norm_term(c) for c in conditions if c.strip()) - BODY_SYSTEMS.keys())


def _union(read, texts: list[str]) -> frozenset[str]:
    return frozenset().union(*(read(t) for t in texts)) if texts else frozenset()


def _named_by_query(y: str, q: QueryNeeds) -> bool:
    """The query names illness `y`: a word of it that says which among its conditions, MeSH terms and keywords (or its
    acronym), every word of it in its titles ("Multiple Dose Escalation" does not name multiple sclerosis), or a
    condition name one with it; any diabetes when it names one ("Diabetes Drug Eluting Sirolimus Stent …" names the
    "Diabetes Mellitus" of a coronary stent trial in diabetics; rel10's tried rule lost it)."""
    words = condition_words(y)
    return (_says(y, q.words, q.said) or bool(words) and words <= q.title_words
            or same_condition_in(q.names, [y]) or q.diabetes and bool(DIABETES.search(y)))


def needs_another_illness(q: QueryNeeds, d: dict) -> bool:
    """The candidate (`d`: an index row's features) takes people with a second illness, no cancer, of another body
    system than the query's, that the query names nowhere (_named_by_query). The second illness is a condition MeSH
    term of the candidate's the query does not carry, what a condition entry names after the query's illness
    ("Erectile Dysfunction With Diabetes Mellitus"), or any diabetes where the query names none. The candidate needs
    it when every entry of its naming the query's illness names the other too, or when its title says it takes
    people with it ("Testosterone Treatment for Erectile Dysfunction and Multiple Sclerosis", "… in Diabetic Men";
    the whole title when it says no "with", "for", "in" …) and names the query's illness too, or the other is its
    first condition and the title says whom it takes ("… Aerobic Exercise in Hepatitis-C Men"); not "with or
    without" it, nor one "or" the other ("… With Obesity or Overweight"), nor an illness the title says the query's
    brought ("Sciatica Secondary to Lumbar Herniated Disc"). Another body system (related_terms.BODY_SYSTEMS of its
    MeSH headings): a trial of "Craniofacial Pain" listing cluster headache takes the query's patients; and not a
    candidate filed under a condition the query lists (Alzheimer's disease under "Dementia"). Not a study taking
    healthy volunteers, nor beside a query naming a tumour: a cancer trial's other conditions are mostly what its
    treatment may bring (erectile dysfunction after a prostatectomy, which a nerve-grafting trial lists)."""
    # (a whole body system's heading a query lists, as NHLBI records list "Cardiovascular Diseases", is no illness
    # of it a candidate is filed under)
    if d.get("healthy_volunteers") is True or q.tumour or not q.narrow.isdisjoint(d["at"]):
        return False
    headings, systems = q.headings_for(d.get("nct_id"))
    if not q.headings and not systems:
        return False   # (a query given no headings, none seen: which system is another is not known)
    another_system = bool({BODY_SYSTEMS[t] for t in d["at"] + d["ct"] if t in BODY_SYSTEMS} - systems - {"cancer"})
    # (no illness of another system, nor a diabetes the query names nowhere: most candidates, read at once)
    if not another_system and (q.diabetes or not any(t and DIABETES.search(t)
                                                     for t in d["conditions"] + (d.get("titles") or []))):
        return False
    others = [m for m in d["condition_mesh"] if m.strip() and norm_term(m) not in q.terms | headings]
    tails, plain = [], False
    for c in d["conditions"]:
        if not c.strip() or not same_condition_in(q.names, [c]):
            continue
        m = _WITH_ANOTHER.match(c.strip())
        if m and same_condition_in(q.names, [m.group(1)]) and not same_condition_in(q.names, [m.group(2)]):
            tails.append(m.group(2))
        else:
            plain = True
    # (and, beside a MeSH term of it, the entries it lists of no illness of the query's: "Smoking Cessation" of a
    # smoking trial for people with HIV, filed under "Tobacco Use Disorder", which its title does not say)
    # (not when its main condition, listed first, is the query's: "Dementia" beside "Major Neurocognitive Disorder" of
    # a dementia diagnostic tool). For a query given no headings, no group heading either: "Neurocognitive Disorders"
    # may hold its illness.
    first = next((c for c in d["conditions"] if c.strip()), "")
    listed = [c for c in d["conditions"] if c.strip() and not same_condition_in(q.names, [c])] \
        if others and not same_condition_in(q.names, [first]) else []
    illnesses = [y for y in dict.fromkeys(_own(others + tails + listed)) if not _cancer(y) and not _named_by_query(y, q)
                 and (q.headings or not HEADING.search(y))] if another_system else []
    # (ClinicalTrials.gov files "Erectile Dysfunction With Diabetes Mellitus" under erectile dysfunction alone)
    if not q.diabetes:
        illnesses += [t for t in tails if DIABETES.search(t) and t not in illnesses]
    if not illnesses and q.diabetes:
        return False
    if tails and not plain and any(t in illnesses for t in tails):
        return True
    titles = [t for t in d.get("titles") or [] if t and t.strip()]
    if any(_brought_by(t, q.own) for t in titles):
        return False
    for title in titles:
        title = _SUB_STUDY.sub("", title)
        who = _who(title)
        text = _EITHER_WAY.sub("", who[0] if who else title)
        tw, ta = _words(text), acronyms(text)
        # (not one illness or another, nor a list of those it takes: "… in Adults With Complicated Urinary Tract
        # Infection, Acute Uncomplicated Pyelonephritis, …, and Complicated Intra-Abdominal Infection")
        if not text.strip() or "or" in tw or text.count(",") >= 2:
            continue
        named = [y for y in illnesses if _illness_said(y, tw, ta)] or (["diabetes"] if not q.diabetes and DIABETES.search(text)
                                                                 else [])
        if named and (any(_says(n, _words(title), acronyms(title)) for n in q.own)
                      or _AMONG.search(title) and any(same_condition_in([y], [first]) for y in named)):
            return True
    return False


def _illness_said(name: str, words: frozenset[str], said: frozenset[str]) -> bool:
    """A title's words name the illness by a word of it that is not of the body or a harm many illnesses have, or by
    its acronym ("Lumbar Spinal Fusion" does not name "Spinal Stenosis")."""
    return share_condition_word(condition_words(name) - GENERIC_HEADS - ANATOMY, words) or spelled_by(name, said)


def _brought_by(title: str, query_names: list[str]) -> bool:
    """The title says its illness is brought by one of the query's (_BROUGHT): the query's patients have it."""
    m = _BROUGHT.search(title)
    return bool(m) and any(_says(n, _words(m.group(1)), acronyms(m.group(1))) for n in query_names)



def seen_headings(terms: frozenset[str], pool: list[dict]) -> tuple:
    """For a query given no MeSH headings (most registered before 2007: 6,975 of the 8,087 indexed records carry
    none), the headings other records filing each of its condition terms among their MeSH terms carry, by record
    (`pool`: the query's candidates, index rows' features): ((term, ((nct_id, headings), …)), …)."""
    by: dict[str, list] = {}
    for d in pool:   # (one pass over the pool, each record's MeSH terms read once: rel13)
        mine = terms.intersection(d["ct"]) if d.get("at") else None
        if mine:
            filed = mine.intersection(norm_term(m) for m in d["condition_mesh"])
            for t in filed:
                by.setdefault(t, []).append((d.get("nct_id"), frozenset(d["at"])))
    return tuple((t, tuple(by[t])) for t in sorted(by))


def _headings_but(seen: tuple, nct_id: str | None) -> frozenset[str]:
    """The headings every record but the candidate (`nct_id`) gives a term of the query's (seen_headings), over its
    terms: a record's own headings are also its other illnesses' (a coronary stent trial in diabetics carries
    "Metabolic Diseases"), so a term only the candidate files says none. Wide rather than narrow: a heading too many
    makes fewer illnesses another system's, and the query keeps a candidate rather than loses one."""
    out: set[str] = set()
    for _, by in seen:
        others = [at for n, at in by if n != nct_id]
        if others:
            out |= others[0].intersection(*others[1:])
    return frozenset(out)


def treats_another_in_ours(q: QueryNeeds, d: dict) -> bool:
    """The candidate (`d`: an index row's features) treats another illness in people with the query's: a title ends
    saying whom it takes with the query's illness alone ("… Digital Therapeutic for Smoking Cessation Among Persons
    Living With HIV", "… Therapy on Erectile Dysfunction in Patients With Multiple Sclerosis"), and before that names
    an illness among its own conditions that the query names nowhere (no cancer), its first condition not the
    query's. Its reader must have that illness too. needs_another_illness reads this from body systems, which a query
    given no MeSH headings, none of whose terms another record files with headings, leaves unknown: 426 old HIV trials
    were given the smoking trial (rel12's scan; rel13). Not a study taking healthy volunteers, nor beside a query naming
    a tumour, as there. (Not "… in Persons at High Risk of Severe COVID-19": more than the query's illness; nor a trial
    preventing the other illness, which takes people without it.)"""
    if d.get("healthy_volunteers") is True or q.tumour:
        return False
    for title in d.get("titles") or []:
        m = _LAST_WHO.match(_EITHER_WAY.sub("", title or ""))
        if not m:
            continue
        before, after = m.group(1), m.group(2)
        if _PREVENTS.search(before):
            continue   # (it takes people without the other illness)
        # (a title's parts read uncached: kept, they pushed the titles' own readings out of the shared caches)
        words = _words.__wrapped__(after)
        left = words - _PEOPLE
        if not left or not left <= q.words or " or " in f" {after.lower()} " or after.count(",") >= 2 \
                or not any(_says(n, words, acronyms.__wrapped__(after)) for n in q.own):
            continue
        conds = [c for c in d["conditions"] if c.strip()]
        if not conds or same_condition_in(q.names, conds[:1]) or _named_by_query(conds[0], q):
            return False
        bw, ba = _words.__wrapped__(before), acronyms.__wrapped__(before)
        if any(_says(c, bw, ba) for c in _own(conds)
               if not _cancer(c) and not same_condition_in(q.names, [c]) and not _named_by_query(c, q)):
            return True
    return False
