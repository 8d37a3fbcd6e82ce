"""Related trials: a candidate that shares a name or heading with the query yet is for another kind of the disease, or
about another disease altogether (rel6's review of the related-trials scan). Four readings, each of what both records
say, each making the candidate a trial of another disease (server/related_ties.another_disease):

- the type of diabetes: a type 2 diabetes trial was given a type 1 autoimmunity genetics study and a type 1 gastric
  emptying trial ("Related condition: Diabetes Mellitus", tied by the heading above both);
- a name said with "non" against the same name without it: a non-small cell lung cancer trial was given a small cell
  one, and a small cell one a non-small cell one (both PDQ records list "Lung Cancer", their keywords say which);
- what the candidate's title says it is about: the Brazilian type 2 diabetes cohort, which lists "Coronary Artery
  Disease" among its conditions (an outcome it follows), was given to coronary heart disease cohorts;
- a cancer not yet invasive, or at an early stage, against a trial of advanced cancer only: NCI-MATCH ("… Advanced
  Refractory Solid Tumors") was given to a radiation trial for ductal carcinoma in situ, a tretinoin trial for
  cervical intraepithelial neoplasia and stage I-II breast and prostate cancer trials, by the organ they name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrapers.registry.search import WORD
from server.related_terms import (BROAD_CONDITIONS, GENERIC_CONDITION, GENERIC_HEADS, _name, _tumour, acronyms,
                                  condition_words, fold, population, same_condition, same_condition_in,
                                  share_condition_word, spelled_by)

# the type of diabetes a name says: "Type 1", "Type I", "Type One", "type1diabetes", "T1D"/"T1DM", "juvenile diabetes";
# "Type 2", "Type II", "Type Two" (rel8), "T2D"/"T2DM", "NIDDM", "non-insulin-dependent". "Insulin-dependent" alone is
# not read as type 1: a nurses' education trial lists "Insulin Dependent Diabetes" and takes "type 1 or 2
# insulin-dependent" patients (NCT06167499).
_TYPE = re.compile(r"\btype\s*-?\s*(1|i|2|ii|one|two)(?![\w])|\btype(1|2)\s*diabet|\bt(1|2)dm?\b|\b(niddm)\b"
                   r"|\b(non[- ]?insulin[- ]?dependent)\b|\b(juvenile)[- ](?:onset )?diabet", re.I)
DIABETES = re.compile(r"diabet|\bt[12]dm?\b|\bniddm\b|\bgdm\b|\bptdm\b|\bnodat\b|\bcfrd\b", re.I)
# a diabetes of another kind than type 1 or 2, as a record words it (unless the record also says type 1 or 2), by what
# brought it: another illness or a treatment ("Pancreatic Cancer Related Diabetes (Type 3c)", "Cystic Fibrosis Related
# Diabetes", "Diabetes Mellitus After Distal Pancreatectomy", "Post-Transplant Diabetes Mellitus", "Liver Transplant
# Recipients With Diabetes Mellitus", steroid-induced, "Long-Term Sequelae of SARS-COV-2 Infection: Diabetes
# Mellitus"), pregnancy (gestational), or diabetics needing a coronary procedure, whom their heart disease selects
# ("IVI-guided Versus Angiography-guided PCI in Patients With Diabetes Mellitus", "After Stent Implantation in
# Patients With Coronary Heart Disease and Diabetes Mellitus"). Each is a kind of its own ("other:<what>"). rel6's
# larger scan gave such trials to type 2 trials: metformin for pancreatic-cancer-related diabetes, oral semaglutide
# after a liver transplant (rel7).
_OTHER_KINDS = [(kind, re.compile(pattern, re.I)) for kind, pattern in (
    ("pancreas", r"\btype\s*-?\s*3c\b|\bpancreatogenic\b"
                 r"|\bpancrea\w*\s+(?:cancer|carcinoma|neoplasm)s?[- ]related\s+diabet"
                 r"|\bdiabet\w*(?:\s+mellitus)?\s+after\s+(?:\w+\s+)?pancreatectomy"
                 r"|\bpost[- ]?pancreatectomy\s+diabet"),
    ("cystic fibrosis", r"\bcystic\s+fibrosis[- ]related\s+diabet|\bcfrd\b"),
    ("transplant", r"\bpost[- ]?transplant\w*\s+diabet|\bnew[- ]onset\s+diabet\w*(?:\s+mellitus)?\s+after\s+transplant"
                   r"|\btransplant\w*\s+(?:recipients?|patients?)\s+with\s+(?:\w+\s+)?diabet|\b(?:ptdm|nodat)\b"
                   r"|\bdiabet\w*(?:\s+mellitus)?\s+after\s+(?:\w+\s+)?transplant"),
    ("drug", r"\b(?:steroid|glucocorticoid|drug)[- ]induced\s+(?:\w+\s+)?diabet"),
    ("pregnancy", r"\bgestational\s+diabet|\bgdm\b"),
    ("infection", r"\bsequelae?\b.{0,60}?\bdiabet"),
    ("coronary", r"\b(?:pci|percutaneous\s+coronary|stent\w*|angioplasty|coronary\s+bypass|cabg)\b.{0,40}?\bin\s+"
                 r"(?:patients|people|subjects|adults)\s+with\s+(?:[\w-]+\s+){0,5}?diabet"),
    ("secondary", r"\bsecondary\s+diabet|\btype\s*-?\s*3\b|\brelated\s+diabet|\bdiabet\w*(?:\s+mellitus)?\s+after\b"),
)]


@lru_cache(maxsize=65536)
def _types_of(text: str) -> frozenset[str]:
    if not DIABETES.search(text):
        return frozenset()
    out = set()
    for m in _TYPE.finditer(text):
        said = next(g for g in m.groups() if g).lower()
        out.add("1" if said in ("1", "i", "one", "juvenile") else "2")
    if not out:
        out.update(next(([f"other:{kind}"] for kind, said in _OTHER_KINDS if said.search(text)), []))
    return frozenset(out)


def other_kind(types: frozenset[str]) -> bool:
    """Whether a reading of diabetes_types is of a kind other than type 1 or 2."""
    return any(t.startswith("other") for t in types)


def diabetes_types(texts: list[str]) -> frozenset[str]:
    """The types of diabetes ("1", "2", "other:<what>": _OTHER_KINDS) the names or titles say, each read where it
    speaks of diabetes. A record saying type 1 or 2 anywhere is of that type, whatever else one of its texts says
    ("Type 2 Diabetes" beside "Diabetes After Bariatric Surgery")."""
    out: frozenset[str] = frozenset()
    for t in texts:
        if t:
            out |= _types_of(t)
    typed = frozenset(t for t in out if not t.startswith("other"))
    return typed or out


def untyped_beside_other(types: frozenset[str], listed: list[str], theirs: frozenset[str]) -> bool:
    """The query lists diabetes and says no type of it (`types`: its diabetes_types, `listed`: its listed conditions),
    and the candidate is of a diabetes another illness, a treatment, pregnancy or a procedure brought (other_kind;
    `theirs`): a plain "Diabetes Mellitus" trial's reader is no transplant recipient, pregnant woman or diabetic having
    a stent because of it (a behavioural study of diabetes care was given an oral semaglutide trial for liver
    transplant recipients, a food-bank diabetes trial an SGLT-2 trial after coronary stenting; rel8). Not the other
    way round: a diabetic having a stent may join a diabetes registry. Type 1 or 2 beside no type is left alone: a
    trial saying none may take either."""
    return not types and other_kind(theirs) and any(DIABETES.search(n) for n in listed)


def other_diabetes(query: list[str], candidate: list[str]) -> bool:
    """Both say a type of diabetes, and none in common: a type 2 trial's reader cannot join a type 1 trial."""
    q, c = diabetes_types(query), diabetes_types(candidate)
    return bool(q) and bool(c) and not q & c


# acronyms of a name said with "non": read whole where a "non" clash is looked for ("NSCLC", a candidate's only
# condition, was given to small cell lung cancer trials; rel7)
NON_ACRONYMS = {"nsclc": "Non-Small Cell Lung Cancer", "nhl": "Non-Hodgkin Lymphoma"}
_NON_ACRONYM = re.compile(r"\b(?:NSCLC|NHL)\b")


def spelled_out(names: list[str]) -> list[str]:
    """The names, and for each saying an acronym of NON_ACRONYMS the name it stands for."""
    return names + [NON_ACRONYMS[m.group(0).lower()] for n in names for m in _NON_ACRONYM.finditer(n)]


def _conflict(a: str, b: str) -> bool:
    """One name says "non" before a word the other says without it, and they share another ("Non-Small Cell Lung
    Cancer", "Extensive Stage Small Cell Lung Cancer"; not "Lung Cancer", which says neither)."""
    x, y = _name(a), _name(b)
    said = x.negated & (y.words - y.negated) | y.negated & (x.words - x.negated)
    return bool(said) and bool((x.words & y.words) - said)


_NON = re.compile(r"\bnon\b|\bNSCLC\b|\bNHL\b", re.I)


def says_non(names: list[str]) -> bool:
    """Whether a name says "non" before a word (negated_sibling has nothing to read without one)."""
    return any(_NON.search(t) for t in names)


def side(names: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The words one side's names say after "non", and those they say without it (may_clash)."""
    return _side(tuple(names))


@lru_cache(maxsize=8192)
def _side(names: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    read = [_name(n) for n in spelled_out(list(names)) if n.strip()]
    return (frozenset().union(*(x.negated for x in read)), frozenset().union(*(x.words - x.negated for x in read)))


def may_clash(query_side: tuple[frozenset[str], frozenset[str]], names: list[str]) -> bool:
    """Whether some word one side says after "non" the other side says without it: negated_sibling's first test, cheap
    (`query_side`: side() of the query's names, read once per query), so that most candidates are passed at once."""
    q_neg, q_said = query_side
    if not q_neg and not says_non(names):   # (no "non" on either side: most pairs, read without their names)
        return False
    c_neg, c_said = side(names)
    return bool(q_neg & c_said or c_neg & q_said)


def negated_sibling(query_names: list[str], names: list[str], listed: frozenset[str] = frozenset()) -> bool:
    """The candidate names a condition that a name of the query's says with "non" against it (or the other way round;
    `names`: the candidate's condition names, related_terms.condition_names), and no name of the candidate's is one
    with a query name otherwise. A name broader than a clashing keyword on its side is no tie: both PDQ records list
    "Lung Cancer", and their keywords say "non-small cell" of one and "small cell" of the other. (Than a clashing
    listed condition it is: NCI-MATCH lists "Lymphoma" beside "Hodgkin Lymphoma", and takes both.) `listed`: the
    listed conditions of both."""
    if not says_non(query_names + names):   # (most pairs: at once)
        return False
    query_names, names = spelled_out(query_names), spelled_out(names)
    # (a clash has "non" on one side: only such names are paired with every name of the other, PDQ records listing a
    # hundred keywords)
    q_non = [n for n in query_names if _name(n).negated]
    c_non = [c for c in names if _name(c).negated]
    clashes = ({(n, c) for n in q_non for c in names if _conflict(n, c)}
               | {(n, c) for n in query_names for c in c_non if _conflict(n, c)})
    if not clashes:
        return False
    ours, theirs = {n for n, _ in clashes} - listed, {c for _, c in clashes} - listed
    against: dict[str, list] = {}
    for n, c in clashes:
        against.setdefault(c, []).append(_name(n))

    def broader(name: str, clashing: set[str]) -> bool:
        return any(_name(name).words < _name(o).words for o in clashing)

    def ties(m: str, c: str) -> bool:
        """m is one condition with c, and says of it more than each query name clashing with c does (the query's
        "squamous cell lung cancer" shares only "cell lung" with a small cell trial, as its "non-small cell" does)."""
        if (m, c) in clashes or not same_condition(m, c):
            return False
        if c not in against:
            return not broader(m, ours)
        if _name(m).negated and _name(m).negated == _name(c).negated:   # (both say "non" of it: a query naming
            return True                                                   # both kinds takes this one; rel7)
        said = _name(m).words & _name(c).words
        return all(said - (n.words - n.negated) for n in against[c])

    return not any(ties(m, c) for c in names if not broader(c, theirs) for m in query_names)


# a candidate listing more specific conditions than this is a basket (NCI-MATCH names 50): its title cannot name them
TITLE_NAMES_MOST = 4


@lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in WORD.findall(text.lower()))


def _says(name: str, title_words: frozenset[str], said: frozenset[str]) -> bool:
    """The title names the condition: a word of it that says which (not a harm many diseases have), or its acronym."""
    words = condition_words(name) - GENERIC_HEADS
    return share_condition_word(words, title_words) or spelled_by(name, said)


def about_another(query_names: list[str], conditions: list[str], titles: list[str]) -> bool:
    """The candidate's title names one of its own (few) conditions and none of the query's, and its first condition
    is not one of the query's: it is about that one, and
    a condition it shares with the query is one it follows or also takes ("Brazilian Diabetes Study: a Type 2
    Diabetes Prospective Cohort", listing "Coronary Artery Disease"). A title naming none of its conditions says
    nothing here (a drug's code name, "Repeated GON Injections in CCH")."""
    own = _own(conditions)
    if not own or len(own) > TITLE_NAMES_MOST or not titles:
        return False
    # its main condition (listed first) one with the query's: what it shares is what it is about ("Schizophrenia
    # Spectrum and Other Psychotic Disorders" of a trial titled for psychosis, beside a schizophrenia trial)
    first = acronyms(own[0])
    if same_condition_in(query_names, own[:1]) or any(spelled_by(n, first) for n in query_names if n.strip()):
        return False
    tw = frozenset().union(*(_words(t) for t in titles))
    said = frozenset().union(*(acronyms(t) for t in titles))
    if not any(_says(c, tw, said) for c in own):
        return False
    return not any(_says(n, tw, said) for n in query_names if n.strip())


def _own(conditions: list[str]) -> list[str]:
    """A trial's listed conditions that say which illness: not a catch-all entry, a broad heading or a population."""
    return [c for c in conditions if c.strip() and c.strip().lower() not in GENERIC_CONDITION | BROAD_CONDITIONS
            and not population(c)]


# the cause of an infection a name says, by kind: two names of one infection (a shared "pneumonia") whose causes
# differ are two diseases, treated apart: an antibacterial trial for hospital-acquired bacterial pneumonia was given
# to AIDS trials of Pneumocystis carinii pneumonia (rel6's scans, rel7)
CAUSES = {w: kind for kind, words in {
    "pneumocystis": "pneumocystis carinii jirovecii jiroveci pcp",
    "bacterial": "bacterial bacteria pneumococcal streptococcal staphylococcal pseudomonas klebsiella enterobacterales"
                 " enterobacteriaceae gram-negative legionella mycoplasma",
    "mycobacterial": "tuberculous tuberculosis mycobacterial mycobacterium",
    "viral": "viral virus cytomegalovirus cmv herpes influenza covid covid-19 sars-cov-2 rsv",
    "fungal": "fungal candida candidal aspergillus aspergillosis cryptococcal",
    # (a harm HIV brought: "AIDS Dementia Complex", "HIV-Associated Lipodystrophy"; unnamed_cause)
    "hiv": "hiv aids",
}.items() for w in words.split()}
_CAUSE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(CAUSES, key=len, reverse=True)) + r")\b", re.I)


@lru_cache(maxsize=65536)
def causes(name: str) -> frozenset[str]:
    """The kinds of cause (CAUSES) an infection's name says."""
    return frozenset(CAUSES[m.group(0).lower()] for m in _CAUSE.finditer(name))


def says_cause(names: list[str]) -> bool:
    """Whether some name says the cause of an infection (other_cause has nothing to read without one)."""
    return any(causes(n) for n in names)


def other_cause(query_names: list[str], names: list[str]) -> bool:
    """Each name of the candidate's that is one condition with a query name says another cause of it than that name
    does (both say one): "Hospital-acquired Bacterial Pneumonia" beside "Pneumonia, Pneumocystis Carinii". A pair
    where one says no cause ("Pneumonia") is one condition, as before."""
    ties = [(n, c) for n in query_names if n.strip() for c in names if c.strip() and same_condition(n, c)]
    return bool(ties) and all(causes(n) and causes(c) and not causes(n) & causes(c) for n, c in ties)


def unnamed_cause(query_names: list[str], names: list[str], said: frozenset[str] = frozenset()) -> bool:
    """Each name of the candidate's that is one condition with a query name is that name without the cause it says
    ("Pneumonia" beside "Pneumonia, Pneumocystis Carinii", "Dementia" beside "AIDS Dementia Complex"), and the query
    names it nowhere without one: the candidate's is another illness of that name (a hyper-IgE syndrome study lists
    "Pneumonia" among its infections and was given to AIDS trials of Pneumocystis pneumonia; an Alzheimer-type
    dementia diagnostic to an HIV dementia trial; rel8). Not when the candidate says that cause elsewhere (`said`: the
    causes its conditions, keywords and titles name: a "Sarcoma, Kaposi" trial listing "HIV Infections"), nor of a
    tumour: a cancer is the same cancer whatever brought it ("Kaposi Sarcoma" beside "AIDS-Related Kaposi Sarcoma";
    review r52 F8)."""
    ties = [(n, c) for n in query_names if n.strip() for c in names if c.strip() and same_condition(n, c)]
    # (not a bacterial cause alone: "Pneumonia" or "Ventilator-Associated Pneumonia" is mostly bacterial, and was a
    # right suggestion for "Pneumonia, Bacterial"; review r52 F8)
    return bool(ties) and all(causes(n) - {"bacterial"} and not causes(c) and not causes(n) & said
                              and not (_tumour(n) and _tumour(c)) for n, c in ties)


def causes_said(texts: list[str]) -> frozenset[str]:
    """The kinds of cause (CAUSES) any of the texts names."""
    return frozenset().union(*(causes(t) for t in texts if t)) if texts else frozenset()


# a tumour not yet invasive, as records name it ("ductal breast carcinoma in situ", "cervical intraepithelial neoplasia
# grade 3", "Precancerous/Nonmalignant Condition"), or at an early stage ("stage I breast cancer", "stage IIA prostate
# cancer"); a name of a later one ("stage IIIB", "recurrent", "metastatic"); and a trial that takes only advanced
# cancer, as its title says
# ("dysplasia" is not read: bronchopulmonary dysplasia is no tumour)
PRE_INVASIVE = re.compile(r"\bin[- ]situ\b|\bintraepithelial\b|\bpre-?cancer|\bpre-?malignan"
                          r"|\b(?:DCIS|LCIS|CIN\s*[1-3I]*|VIN|PIN)\b")
EARLY_STAGE = re.compile(r"\bstage\s+(?:0|i|ia|ib|ii|iia|iib|iic)\b", re.I)
LATER = re.compile(r"\bstage\s+(?:iii|iv)|\brecurrent\b|\bmetasta|\badvanced\b|\brefractory\b|\brelapsed\b"
                   r"|\bunresectable\b|\bprogressive\b", re.I)
ADVANCED_ONLY = re.compile(r"\badvanced\b|\bmetastatic\b|\brefractory\b|\bunresectable\b|\brelapsed\b", re.I)
NOT_ONLY = re.compile(r"\bearly\b|\blocali[sz]ed\b|\bresectable\b|\badjuvant\b|\bstage\s+(?:0|i|ii)\b", re.I)
# the words of a name that say its stage or grade, left out when two names are compared for the organ they name
STAGE_WORDS = frozenset("stage situ intraepithelial neoplasia grade i ia ib ii iia iib iic".split())


def _early(name: str) -> bool:
    return bool(PRE_INVASIVE.search(name) or PRE_INVASIVE.search(name.lower())
                or EARLY_STAGE.search(name) and _tumour(name))


def pre_invasive(names: list[str]) -> bool:
    """The query's cancer is not yet invasive or at an early stage: some name says so (PRE_INVASIVE, EARLY_STAGE), none
    says a later one (LATER), and every other tumour it names is of the organ an early one names ("Breast Cancer", or
    "mucinous ductal breast carcinoma", beside "stage I breast cancer": the PDQ records list the organ, their keywords
    say which stage). A name of no tumour ("Osteoporosis", "Oral Complications") says nothing here."""
    named = [n for n in names if n.strip()]
    early = [n for n in named if _early(n)]
    if not early or any(LATER.search(n) for n in named):
        return False
    organs = [condition_words(n) - STAGE_WORDS for n in early]
    return all(n in early or not _tumour(n) or any(o and (condition_words(n) <= o or o <= condition_words(n))
                                                   for o in organs) for n in named)


def advanced_only(titles: list[str]) -> bool:
    """The candidate's title says it takes advanced, metastatic, refractory or relapsed cancer, and not an early one."""
    return any(ADVANCED_ONLY.search(t) for t in titles) and not any(NOT_ONLY.search(t) for t in titles)
