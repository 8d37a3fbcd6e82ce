"""Fidelity checker: does a rewrite keep every number, unit, comparator direction, time
window and negation of the original criterion?

Both texts are reduced to the same canonical facts — `(comparator, value, unit, window)`
for each quantity, and counts of negation / exception / condition words — and every fact
of the original must appear in the rewrite, with nothing added. Comparators are compared
by meaning: "≥ 18", "\\>= 18", "at least 18", "18 or older", "no less than 18" are one fact;
"> 18" is another. A duration in another exactly convertible unit is the same fact too
("2 weeks" is "14 days", "2 days" is "48 hours", "1 year" is "12 months"; days and weeks are never
converted to months or years), and "14 days (2 weeks)" states one figure, not two.
So the same check serves two callers: the plain-English layer (a rewrite that fails is
never shown) and reconciliation (does an aggregator's plain text still say what the
official item says?).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from functools import lru_cache


# The quantity reader lives in scrapers.quantities; its names are re-exported here for the callers that import
# them from the checker (server.plain, reconcile.align, reconcile.plain, the tests).
from .abbreviations import as_abbreviated
from .qualifiers import poorly_alike, qualifier_flips
from .quantities import (BETWEEN, CMP_WORDS, OR_EQUAL, Fact, canonical, implied_durations, near_duration,
                         read_quantities, same_duration)
from .sex_pairs import ANY_SEX, EITHER_SEX, both_sexes_alike
from .opposites import OPPOSITES, SIDE
from .side_words import sides_as_terms

__all__ = ["BETWEEN", "CMP_WORDS", "NEGATION", "OR_EQUAL", "Loss", "Fact", "check_fidelity", "facts", "is_faithful",
           "one_wording", "polarity_flips", "split_sero", "turns", "word_classes"]


@dataclass(frozen=True)
class Loss:
    """Something the original says that the rewrite does not (or says differently)."""

    kind: str       # number | unit | comparator | time_window | near_time | negation | exception | condition | added
    #                 | polarity
    original: str   # the fact or word as the original has it
    rewrite: str | None
    message: str

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=65536)
def _analyse(text: str) -> tuple[tuple[Fact, ...], tuple[tuple[str, int], ...]]:
    """A text's quantities and its counts of negation, exception, condition, "or" and loose comparator words."""
    t = canonical(text)
    out = read_quantities(t)
    classes = word_classes(t)
    if "<" in t or ">" in t:
        # a comparator with no figure right after it ("but not exceeding Gleason 4+3") still counts
        for sym in _LOOSE_CMP.findall(t):
            classes["comparator " + sym] += 1
    return tuple(out), tuple(sorted(classes.items()))


# --------------------------------------------------------------------------- negation & co.

_CLASSES = {
    "negation": re.compile(
        r"\b(?:no|not|never|without|none|neither|nor|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|wasn't|"
        r"weren't|hasn't|haven't|hadn't|shouldn't|mustn't|non|negative|absence|absent|free of|lack|lacks|lacking|"
        r"unable|inability|unwilling|unwillingness|refuse|refuses|refused|refusal|fail|fails|failed|failure to|"
        r"ineligible|incapable|deny|denies|denied|nonpregnant|seronegative)\b|\bnon-(?=\w)|\bnon(?=[a-z]{4,})"),
    "exception": re.compile(r"\b(?:except|excepting|excluding|exclusive of|other than|apart from|aside from|"
                            r"with the exception of|but not(?!\s+limited\b)|besides|save for)\b"),   # ("including but not
    #                                                         limited to": a list left open, not an exception)
    "condition": re.compile(r"\b(?:unless|only|if|provided that|as long as|whichever|whatever)\b"),
    "or": re.compile(r"\band\s*/\s*or\b|\bor\b"),
}


NEGATION = _CLASSES["negation"]   # (the words a text's "not"s are counted by: reconcile.same_negatives reads their order)


_POST_PHRASE = re.compile(r"\b(?:or|and)\s+(?:more|greater|older|above|higher|over|longer|less|fewer|younger|"
                          r"below|lower|under|shorter)\b")


_LOOSE_CMP = re.compile(r"(>=|<=|>(?!=)|<(?!=))(?!\s*(?:[-+]?[\d.]|half an?\b))")   # ("at least half a year": a figure)
_CLASS_KIND = {"negation": "negation", "exception": "exception", "condition": "condition"}   # (else "conjunction")


def word_classes(t: str) -> Counter:
    """How many negation, exception, condition and "or" words a (lower-case) text has, with "no gender
    restrictions" and "his or her" read as saying nothing of the kind."""
    t = _POST_PHRASE.sub(" ", t)   # "18 or older" is a comparator, not an alternative
    if "sex" in t or "gender" in t:   # (most texts say neither: no substitution pass over them)
        t = ANY_SEX.sub(" any sex ", t)
    if " or " in t:
        t = EITHER_SEX.sub(" their ", t)   # "his or her bone marrow" offers no alternative: "your bone marrow" loses none
    c: Counter = Counter()
    for name, rx in _CLASSES.items():
        n = len(rx.findall(t))
        if n:
            c[name] = n
    return c


def facts(text: str) -> list[Fact]:
    """The quantities a text states, canonicalized (for callers that show them, e.g. thresholds)."""
    return list(_analyse(text)[0])


def check_fidelity(original: str, rewrite: str) -> list[Loss]:
    """Everything the rewrite loses or changes from the original; empty means faithful."""
    original, rewrite = one_wording(original or "", rewrite or "")   # ("not controlled" says "uncontrolled")
    of, oc = _analyse(original)
    rf, rc = _analyse(rewrite)
    losses: list[Loss] = []
    missing = Counter(of) - Counter(rf)
    extra = Counter(rf) - Counter(of)
    extra_list = list(extra.elements())
    # "within the past year" said by one text only: it may stand for the other's "within the past 12 months"
    io, ir = Counter(implied_durations(canonical(original))), Counter(implied_durations(canonical(rewrite)))
    gained, dropped = list((ir - io).elements()), list((io - ir).elements())
    missing_list = []
    for f in missing.elements():
        # "2 weeks" for "14 days", "2 days" for "48 hours", "1 year" for "12 months": the same time, exactly
        # (never days or weeks for months or years)
        g = next((g for g in extra_list + gained if same_duration(f, g) or g == f), None)
        if g is None:
            missing_list.append(f)
        else:
            (extra_list if g in extra_list else gained).remove(g)
    for g in list(extra_list):
        d = next((d for d in dropped if same_duration(g, d) or g == d), None)
        if d is not None:
            extra_list.remove(g)
            dropped.remove(d)
    for g in list(gained):   # "in the past month" for "in the past year": a changed span, though said in words
        d = next((d for d in dropped if same_duration(g, d)), None)
        if d is not None:
            gained.remove(g)
            dropped.remove(d)
    missing_list += dropped
    extra_list += gained
    for f in list(missing_list):   # ("4 weeks" for "1 month": about that time, not it; reconcile.compare warns)
        g = next((g for g in extra_list if near_duration(f, g)), None)
        if g is not None:
            missing_list.remove(f)
            extra_list.remove(g)
            losses.append(Loss("near_time", _time_said(f), _time_said(g),
                               f'"{f.words()}" became "{g.words()}", about as long'))
    for f in missing_list:
        same_val = [g for g in extra_list if g.value == f.value]
        g = same_val[0] if same_val else None
        if g is not None:
            extra_list.remove(g)
            if g.cmp != f.cmp:
                kind = "comparator"
            elif g.unit != f.unit:
                kind = "unit"
            else:
                kind = "time_window"
            losses.append(Loss(kind, f.words(), g.words(), f'"{f.words()}" became "{g.words()}"'))
        else:
            losses.append(Loss("number", f.words(), None, f'"{f.words()}" is missing'))
    for g in extra_list:
        losses.append(Loss("added", "", g.words(), f'"{g.words()}" is not in the original'))
    oc_d, rc_d = dict(oc), dict(rc)
    loose = sorted({k for k in oc_d.keys() | rc_d.keys() if k.startswith("comparator ")})
    for name in list(_CLASSES) + loose:
        a, b = oc_d.get(name, 0), rc_d.get(name, 0)
        if a != b:
            kind = "comparator" if name in loose else _CLASS_KIND.get(name, "conjunction")
            losses.append(Loss(kind, f"{a} × {name}", f"{b} × {name}",
                               f"the original has {a} {name} word(s), the rewrite {b}"))
    for was, now in polarity_flips(original, rewrite):
        losses.append(Loss("polarity", was, now, f'"{was}" became "{now}"'))
    return losses


def _time_said(f: Fact) -> str:
    """A length of time as a reader writes it: "1 month", "4 weeks"."""
    return f"{f.value} {f.unit}{'' if f.value == '1' else 's'}"


def is_faithful(original: str, rewrite: str) -> bool:
    return not check_fidelity(original, rewrite)


# --------------------------------------------------------------------------- polarity: one word that turns a rule
# "Had uncontrolled blood pressure" and "Had controlled blood pressure", "Men aged 18-64" and "Women aged 18-64" state
# the same figures and negations, yet exclude or admit other people (review round 21, P1). A polarity word is compared
# only against its opposite: a text that loses one side of a pair and gains the other has flipped it. A rewrite that
# only adds one ("hypertension" → "high blood pressure") or drops one flips nothing. The pairs: opposites.py.

# "uncontrolled"/"controlled", "inadequate"/"adequate", "irreversible"/"reversible": a negating prefix on a describing
# word whose bare form the other text has. Only describing words (these endings) with a base of five letters or more,
# and not the words where the prefix negates nothing ("irradiation" is radiation, "inpatient" no kind of patient,
# "impaired", "informed", "unless").
_NEG_PREFIX = re.compile(r"^(?:un|in|im|ir|il)(?=[a-z]{5,}$)")
_DESCRIBING = re.compile(r"(?:ed|able|ible|ent|ant|ive|al|ate|ic|ile|ure|ular|ete|ble|ain|own|ous|ity|ence|ance|ency)"
                         r"(?:ly)?$")   # ("inadequately"/"adequately")
_NOT_NEGATED = frozenset("""patient patients formed paired radiated radiation radiate dicated cident cidence
    fusion fused valent tent tense sured vent volved formal tended tensive termittent ternal terval ternational
    dividual dividuals mediate mediately portant pacted pairment plant planted tial itial duced duction fected
    fection flammatory flammation jected jection cluded clusion creased cision habited herited
    fectious vasive testinal tracranial travenous terstitial trinsic""".split())
# The words an "in-", "im-", "ir-" or "il-" turns ("inadequate", "immature", "irreversible", "illegal"): of the 533 words of
# the corpus's criteria the prefix rule above reads, 378 start so, and 303 of those (6,326 of their 8,159 uses) negate
# nothing ("investigational", "immunosuppressive", "intrathecal", "indolent", "inhaled": part of a word, or "into"), so a
# page leaving one out, or a plain rewrite of it, was a 'leaves out' warning of a turned word (neg3). These are the
# corpus's "in-" words that do turn their base (and a few more of the kind); "un-" turns whatever it stands before.
_IN_TURNS = frozenset("""tolerance tolerant tolerable tolerability adequate appropriate curable curability dependent
    dependence active activated continence continent complete operable operability stability stable sufficient
    sufficiency compatible compatibility possible possibility advisable reversible legal literate capacity capacitated
    eligibility competence competent competency significant effective accessible accessibility mature maturity
    consistent conclusive relevant frequent movable accurate fertile fertility regular regularity evaluable convenient
    admissible balance sensitivity sensitive acuity congruent congruence apparent potent practical resectable
    resectability coherent tractable determinate consolable attentive aspirable evitable valid visible definite
    correctable measurable suitable""".split())
# "asymptomatic"/"symptomatic", "afebrile"/"febrile", "atypical"/"typical", "anaerobic"/"aerobic", "disabled"/"abled":
# "a" before a consonant that can start a word ("a"+"bdominal" is no word: a slip, not a turned one), "an" before a
# vowel, "dis"; on a describing word, as above. One letter apart, "asymptomatic" read as a slip of "symptomatic" and
# the rule turned in silence (review r28 #4: 14 of 17 real rewrites said nothing).
# Of the 40 such pairs in the corpus's criteria (both words in its 8,071 records), these prefixes turn nothing:
_NOT_TURNED = frozenset("""atrial atopic avoided abridged anaplastic anamnestic discovered disclosed disclosure
    displacement dislocated dispositioned disordered""".split())
_TURNING_PREFIX = re.compile(r"^(?:a(?=(?:[bcdfghjklmnpqrstvwxz]|bl|br|ch|cl|cr|dr|fl|fr|gl|gr|ph|pl|pr|sc|sh|sk|sl|"
                             r"sm|sn|sp|st|sw|th|tr)[aeiouy])|dis)")
# opposite prefixes on one base: "hypertension"/"hypotension", "premenopausal"/"postmenopausal", "overweight"/"underweight"
_PREFIX_PAIRS = (("hyper", "hypo"), ("pre", "post"), ("over", "under"))
# "not X" says "unX": a rewrite or a copy may say either ("not controlled" for "uncontrolled")
_WORD_RE = re.compile(r"[a-z]+")
_SERO = re.compile(r"(?i)\bsero-?(?=negative|positive)")


def split_sero(text: str) -> str:
    """"seronegative" / "sero-positive" as "sero negative": the side a test came out on, for comparing words
    ("HIV seropositive" says "HIV positive")."""
    return _SERO.sub("sero ", text) if "ero" in text or "ERO" in text else text



def _words(t: str) -> Counter:
    """A lower-case text's words, with "pre-"/"post-"/"hyper-"/"non-"/"un-" joined to the word they are part of."""
    t = re.sub(r"\b(pre|post|hyper|hypo|un|over|under)-(?=[a-z])", r"\1", t)
    return Counter(_WORD_RE.findall(split_sero(t)))   # ("seronegative": "negative")


def negated_base(w: str) -> str | None:
    """"controlled" for "uncontrolled", None for a word a prefix does not negate: an "in-", "im-", "ir-", "il-" only
    before a word it is known to turn (`_IN_TURNS`), an "un-" not of "under-"."""
    m = _NEG_PREFIX.match(w)
    if not m:
        return None
    base = w[m.end():]
    if base in _NOT_NEGATED or not _DESCRIBING.search(base) or _CLASSES["negation"].fullmatch(w) or \
            w.startswith("under") or m.group(0) != "un" and base.removesuffix("ly") not in _IN_TURNS:
        return None   # (a negation word, "unable", "ineligible", is counted as one already)
    return base


def turned_bases(w: str) -> list[str]:
    """The words a negating prefix turns into this one: ["controlled"] for "uncontrolled" (negated_base),
    ["symptomatic"] for "asymptomatic", ["aerobic", "naerobic"] for "anaerobic" (each reading; the other text says
    which it has)."""
    out = [b for b in [negated_base(w)] if b]
    if w in _NOT_TURNED:
        return out
    m = _TURNING_PREFIX.match(w)
    if m:
        out.append(w[m.end():])
    if w.startswith("an") and w[2:3] in ("a", "e", "i", "o", "u"):   # ("anaerobic"; its "a"+"naerobic" reading above)
        out.append(w[2:])
    return [b for b in dict.fromkeys(out) if len(b) >= 5 and _DESCRIBING.search(b) and b not in _NOT_NEGATED]


def turns(w: str, v: str) -> bool:
    """Is one word the other with a negating prefix ("asymptomatic"/"symptomatic", "uncontrolled"/"controlled")? An
    opposite, never a form or a slip of it."""
    w, v = w.lower(), v.lower()
    return v in turned_bases(w) or w in turned_bases(v)


def absorb_not(a: str, b: str) -> tuple[str, str]:
    """Both texts with "not X" (or "non-X") written "unX" where the other text has that form once more ("not
    controlled" for the other's "uncontrolled", "non-resectable" for "unresectable", "not symptomatic" for
    "asymptomatic", "not febrile" for "afebrile": turned_bases): one meaning, said two ways, so neither a "not" nor a
    polarity word differs. (Only as many as the other has more: "not known" beside an "unknown" both texts have is
    still a "not".)"""
    if not re.search(r"\bno[tn]\b|\bnon", a, re.I) and not re.search(r"\bno[tn]\b|\bnon", b, re.I):
        return a, b
    wa, wb = _words(canonical(a)), _words(canonical(b))
    for w in sorted(w for w in wa | wb if turned_bases(w)):
        rx = re.compile(rf"\b(?:not\s+|non[\s-]?)(?:{'|'.join(turned_bases(w))})\b", re.I)
        if wa[w] < wb[w]:
            a = rx.sub(w, a, count=wb[w] - wa[w])
        elif wb[w] < wa[w]:
            b = rx.sub(w, b, count=wa[w] - wb[w])
    return a, b


# "poorly controlled", "inadequately controlled", "not well controlled" and "uncontrolled" are one state: a page may
# write any of them for the record's (only where both texts say it as often: "not controlled" for "controlled" is
# still a lost "not", quoted as the record words it)
_UNCONTROLLED = re.compile(r"\b(?:un-?controlled|(?:poorly|badly|inadequately|insufficiently|sub-?optimally|"
                           r"not\s+(?:well|adequately|sufficiently|properly|optimally)|not)[\s-]+controlled|"
                           r"(?:poor|bad|inadequate|insufficient|sub-?optimal)(?:\s+(?:glycemic|glycaemic|metabolic|"
                           r"blood\s+pressure|blood\s+sugar|glucose|seizure|symptom|disease|asthma))?\s+control)\b", re.I)


_POST_SPLIT = re.compile(r"\bpost[\s-]([a-z]{4,})\b")


def _post_split(text: str, words: set[str]) -> str:
    """"postmenopausal" written "post-menopausal", for each of these words the other text writes so."""
    for w in sorted(words):
        text = re.sub(rf"(?i)\bpost({w})\b", r"post-\1", text)
    return text


@lru_cache(maxsize=16384)   # (a pure function of two texts, asked for the same pair by check_fidelity and word_changes)
def one_wording(a: str, b: str) -> tuple[str, str]:
    """Both texts with what one says in other words than the other written alike, for comparing them: an
    abbreviation and the words it stands for ("NSCLC", "non-small cell lung cancer"), "poorly controlled" and
    "uncontrolled", "not well differentiated" and "poorly differentiated" (qualifiers.poorly_alike), "male or female"
    and "men and women" (or "adults", sex_pairs), "postmenopausal" and "post-menopausal", "not controlled" or "non-resectable" and
    "uncontrolled" or "unresectable" (absorb_not)."""
    if "Ph" in a and "Ph" in b:
        a, b = _philadelphia(a), _philadelphia(b)
    a, b = as_abbreviated(a, b, _CLASSES["negation"].search)
    if "ontrol" in a and "ontrol" in b:   # ("with poor glycemic control" too: review round 24, #5)
        fa, fb = _UNCONTROLLED.findall(a), _UNCONTROLLED.findall(b)
        if len(fa) == len(fb) and [f.lower() for f in fa] != [f.lower() for f in fb]:
            a, b = _UNCONTROLLED.sub("uncontrolled", a), _UNCONTROLLED.sub("uncontrolled", b)
    a, b = poorly_alike(a, b)   # ("not well differentiated" says "poorly differentiated")
    if "post" in a.lower() and "post" in b.lower():   # "1 year post-menopausal" reads "after 1 year": so does "postmenopausal"
        pa, pb = set(_POST_SPLIT.findall(a.lower())), set(_POST_SPLIT.findall(b.lower()))
        a, b = _post_split(a, pb - pa), _post_split(b, pa - pb)
    if "or " in a.lower() or "or " in b.lower():   # ("Patient Is Male Or Female": NCT00462748)
        a, b = both_sexes_alike(a, b)
    if "lateral" in a.lower() or "lateral" in b.lower():   # ("one-sided" for "unilateral": side_words.py)
        a, b = sides_as_terms(a, b)
    return absorb_not(a, b)


# "Ph+" and "Ph-" are the Philadelphia chromosome positive and negative (review round 25, J5: "Ph-" for the record's
# "Philadelphia chromosome-negative" was a "not" lost, critical; "Ph+" did not pair with its words)
# (not a hyphen held for a word after an "or": "Ph- or bcr/abl-positive" says "Ph-positive or bcr/abl-positive")
_PH_SIGN = re.compile(r"(?<![A-Za-z0-9])Ph ?([+\-−–])(?![A-Za-z0-9+\-−–])(?!\s*(?i:or|and|/)\s*[\w/]+-)")
_PH_WORDS = re.compile(r"(?i)\bPhiladelphia(?:[\s-]+chromosome)?[\s-]+(positive|negative)\b")


def _philadelphia(text: str) -> str:
    """The text with "Ph+", "Ph-", "Philadelphia-positive" written "Philadelphia chromosome positive" (or negative)."""
    text = _PH_SIGN.sub(lambda m: "Philadelphia chromosome " + ("positive" if m.group(1) == "+" else "negative"), text)
    return _PH_WORDS.sub(lambda m: "Philadelphia chromosome " + m.group(1).lower(), text)


# "non-cancerous", "not cancerous" are no side "cancerous" (one word of no side here: the "non", "not" is counted as
# a negation); "benign" for "non-cancerous" turns nothing
_NOT_CANCEROUS = re.compile(r"\b(?:non|not)[\s-]*cancerous\b")


def polarity_flips(original: str, rewrite: str) -> list[tuple[str, str]]:
    """(the original's word, the rewrite's) for each polarity word the rewrite turns into its opposite: one side of
    a pair lost and the other gained, or a qualifier that turns its word ("poorly controlled") dropped or added."""
    wo, wr = (_words(_NOT_CANCEROUS.sub("noncancerous", canonical(t))) for t in (original, rewrite))
    if wo == wr:
        return []
    lost, gained = wo - wr, wr - wo
    out: list[tuple[str, str]] = qualifier_flips(original, rewrite)
    for one, other in OPPOSITES:
        d_one = sum(wo[w] - wr[w] for w in one)
        d_other = sum(wo[w] - wr[w] for w in other)
        if d_one * d_other < 0:   # one side lost, the other gained
            was, now = (one, other) if d_one > 0 else (other, one)
            out.append((next(w for w in lost if w in was), next(w for w in gained if w in now)))
    for w in lost:   # "uncontrolled" lost, "controlled" gained ("asymptomatic", "symptomatic"); or the other way round
        base = next((b for b in turned_bases(w) if gained[b]), None)
        if base:
            out.append((w, base))
        elif w not in SIDE:
            neg = next((g for g in gained if w in turned_bases(g)), None)
            if neg:
                out.append((w, neg))
    for one, other in _PREFIX_PAIRS:
        for w in lost:
            for p, q in ((one, other), (other, one)):
                if w.startswith(p) and len(w) - len(p) >= 4 and gained[q + w[len(p):]]:
                    out.append((w, q + w[len(p):]))
    return out
