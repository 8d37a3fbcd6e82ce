"""The plain-English lexicon (server/data/lexicon.json): abbreviations, jargon and units.

One compiled pass over an item finds every lexicon term, longest first, so a replacement
is never itself rewritten ("creatinine clearance" wins over "creatinine"; "human
immunodeficiency virus" is glossed, never turned into "human weak immune system virus").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .grammar import article


@dataclass(frozen=True)
class Entry:
    term: str
    kind: str            # abbreviation | jargon | term | unit
    plain: str | None    # replacement (jargon) or inline explanation (abbreviation); None = gloss only
    meaning: str         # glossary definition
    unless: re.Pattern | None = None   # context that gives the term another meaning: then it is left alone
    unless_criteria: re.Pattern | None = None   # the same, found anywhere in the trial's criteria ("RA" beside
    #                                             myelodysplasia subtypes is refractory anemia in every item)
    kept_after: re.Pattern | None = None   # text right before the term (ends with $) that makes it part of a longer
    #                                        name: it is then kept as written, still glossed ("carcinomatous meningitis")

    @property
    def plain_is_gloss(self) -> bool:
        """The replacement is the term with its meaning in brackets ("creatinine (a kidney blood test)")."""
        return bool(self.plain) and self.plain.lower().startswith(self.term.lower() + " (")


@dataclass
class Lexicon:
    entries: list[Entry]
    by_key: dict[str, Entry]
    pattern: re.Pattern

    def lookup(self, matched: str) -> Entry | None:
        return self.by_key.get(matched) or self.by_key.get(matched.lower())


def _trie_regex(terms: list[str]) -> str:
    """Literal alternatives as a trie-shaped regex: one branch per character, longest first.

    A flat alternation of ~800 literals is tried one by one at every position; the trie
    branches on the next character, which keeps explaining thousands of items a second.
    """
    trie: dict = {}
    for t in terms:
        node = trie
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_LEFT = r"(?<![\w-])"
_RIGHT = r"(?![\w+-]|\.\d)"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = json.loads(resources.files("server").joinpath("data/lexicon.json").read_text(encoding="utf-8"))
    entries = [Entry(e["term"], e["kind"], e.get("plain"), e["meaning"],
                     re.compile(e["unless"]) if e.get("unless") else None,
                     re.compile(e["unless_criteria"]) if e.get("unless_criteria") else None,
                     re.compile(e["kept_after"]) if e.get("kept_after") else None) for e in raw["entries"]]
    by_key: dict[str, Entry] = {}
    sensitive, insensitive = [], []
    for e in entries:
        if e.kind in ("abbreviation", "unit"):
            by_key[e.term] = e
            sensitive.append(e.term)
        else:
            by_key[e.term.lower()] = e
            insensitive.append(e.term.lower())
    # Abbreviations and units are case-sensitive ("ALT", not "alt"); words are not ("Hepatic").
    # Words first, so "human immunodeficiency virus" is seen before "HIV"-style short matches.
    parts = [f"(?i:{_LEFT}{_trie_regex(insensitive)}{_RIGHT})",
             _LEFT + _trie_regex([t for t in sensitive if t[0].isalnum()]) + _RIGHT,
             _trie_regex([t for t in sensitive if not t[0].isalnum()]) + _RIGHT]
    return Lexicon(entries, by_key, re.compile("|".join(parts)))


_LOCAL_DEF = re.compile(r"[a-z]{3,}\s+\(([A-Za-z][\w-]{0,10})\)")
# "colony stimulating factor (CSF)": a long form and its short name, anywhere in the trial's criteria
_DEFINED = re.compile(r"((?:[A-Za-z][\w'-]*[ -]){1,6})\(([A-Z][A-Za-z0-9-]{1,8})\)$")
_SMALL = frozenset("a an the of and or in to for with by on".split())


@lru_cache(maxsize=256)
def _defined_otherwise(context: str, word: str) -> bool:
    """Does the trial's criteria spell out `word` as something our meaning does not name? "RA"
    written out as "refractory anemia", "CSF" as "colony stimulating factor": our gloss (rheumatoid
    arthritis, spinal fluid) would be wrong in every item of that trial."""
    said = f"({word})"
    at = context.find(said)
    if at < 0:
        return False
    e = load_lexicon().by_key[word]
    meaning = f"{e.meaning} {e.plain}".lower()
    letters = re.sub(r"[^A-Z]", "", word)
    while at >= 0:
        m = _DEFINED.search(context[max(0, at - 90):at + len(said)])
        if m and m.group(2) == word:
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group(1)) if w.lower() not in _SMALL][-len(letters):]
            if ("".join(w[0] for w in words).upper() == letters
                    and not any(w[:5] in meaning for w in words if len(w) > 3)):
                return True
        at = context.find(said, at + 1)
    return False


# A capitalized word right after one of these is inside a sentence, not the start of a run-on line
_MID_SENTENCE = re.compile(r"\b(?:the|a|an|of|on|by|in|to|and|or|with|from|for|at|as|per|any|other|your|his|her|their|"
                           r"this|that|such|prior|during|after|before|without|"
                           r"have|has|had|known|is|are|was|were|be|been|no|not|never)\s+$", re.I)


def _match_case(src: str, plain: str, before: str = "") -> str:
    """Keep a capital, except mid-sentence: "based on Investigator exam" is a common noun, so its
    replacement reads "based on study doctor exam"; "…disease Radiotherapy indicated" (a run-on
    line) keeps "Radiation treatment"."""
    first = src.split(None, 1)[0]
    if first.isupper() and len(first) > 1 and before.strip() and not before.rstrip().endswith((".", ":", ";", "!", "?")):
        return plain   # "No active CNS metastases": an abbreviation's capitals say nothing of a sentence start
    if src[:1].isupper() and not plain[:1].isupper() and not _MID_SENTENCE.search(before[-20:]):
        return plain[:1].upper() + plain[1:]
    return plain


# a plural term said as a mass noun ("metastases" -> "cancer spread") takes a singular verb, unless the
# verb is another subject's ("Patients with brain metastases are allowed")
_TO_MASS = re.compile(r"metastases$", re.I)
_TO_MASS_PLAIN = re.compile(r"cancer spread\b")
_MASS_VERB = re.compile(r"(\s+)(are|were)\b", re.I)
_SINGULAR_VERB = {"are": "is", "were": "was"}
_WITH_BEFORE = re.compile(r"\b(?:with|who|whose|having|have|has|had|without)\s+(?:[\w-]+,?\s+){0,3}$", re.I)
_LIST_BEFORE = re.compile(r"[^)\s]\s*,\s*$")   # the pair ends a longer list whose item before has no bracket
_PAIR = re.compile(r"\s*(?:,|and|or|and/or|&)\s*(?:(?:and|or)\s+)?$")


def _plural(plain: str) -> str | None:
    """"a liver enzyme" -> "liver enzymes", "a medicine that boosts white blood cells" -> "medicines
    that boost white blood cells"; None when there is no safe plural."""
    m = re.fullmatch(r"an? ([a-z][a-z -]*[a-rt-xz])", plain)
    if m and " of " not in plain and " that " not in plain:
        return m.group(1) + "s"
    m = re.fullmatch(r"an? ([a-z]+[a-rt-xz]) that (?:([a-z]+[^s]s)|(can|may|will) ([a-z]+)) ([a-z][a-z ]*)", plain)
    if not m:
        return None
    verb = m.group(2)
    if verb is None:
        verb = f"{m.group(3)} {m.group(4)}"
    elif verb.endswith("ies"):
        verb = verb[:-3] + "y"              # "carries" -> "carry"
    elif verb.endswith(("shes", "ches", "xes", "zes")):
        verb = verb[:-2]                    # "reaches" -> "reach"
    else:
        verb = verb[:-1]                    # "boosts" -> "boost"
    return f"{m.group(1)}s that {verb} {m.group(5)}"


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(an?) +$", re.I)
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b(?!-)")   # not "follow-up" after "follow"
_KEEP_DOUBLED = frozenset({"had", "that", "follow"})   # "who had had surgery"; "follow follow up" (the verb, then "follow up")


_MEDICINE = frozenset({"medicine", "medicines"})
_MEDICINE_NOUNS = frozenset("drug drugs medication medications medicine medicines agent agents".split())


def _doubled(word: str, other: str | None) -> bool:
    return bool(other) and word.lower() == other.lower() and len(word) >= 3 and word.lower() not in _KEEP_DOUBLED


def _run_on(src: str, text_before: str) -> bool:
    """A capital term mid-line, not after a stop, colon or another capitalised word, starts a run-on PDQ
    line ("disease Measurable disease")."""
    head = text_before.rstrip()
    if not (src[:1].isupper() and head) or head.endswith((".", ":", ";", "!", "?")):
        return False
    last = _LAST_WORD.search(head + " ")
    return not (last and last.group(1)[:1].isupper())   # "Medical Contraindication": one title-case term


def _fit_replacement(before: str, plain: str, after: str, run_on: bool) -> tuple[str, str]:
    """The text before a jargon replacement and the replacement itself, fitted together: no doubled word
    ("medically contraindicated" -> "medically unsafe", not "medically medically unsafe"; "prostatectomy
    surgery" -> "prostate removal surgery") and the article before it matching its sound ("an asymptomatic"
    -> "a symptom-free", "an autologous" -> "your own"). Nothing is merged across a run-on line (_run_on)."""
    if not run_on:
        words = plain.split(" ")
        last = _LAST_WORD.search(before)
        if len(words) > 1 and _doubled(words[0], last and last.group(1)):
            plain = " ".join(words[1:])
        elif len(words) == 1 and _doubled(words[0], last and last.group(1)):
            return before, ""
        nxt = _NEXT_WORD.match(after)
        words = plain.split(" ")
        if plain and nxt and nxt.group(1)[:1].islower() and (
                _doubled(words[-1], nxt.group(1)) or
                (len(words) > 1 and words[-1] in _MEDICINE and nxt.group(1).lower() in _MEDICINE_NOUNS)):
            plain = " ".join(words[:-1])   # "therapy treatment" -> "treatment", not "treatment treatment";
            #                                "anticonvulsant drugs" -> "seizure drugs", not "seizure medicine drugs"
    art = _ARTICLE_BEFORE.search(before)
    heard = plain or (_NEXT_WORD.match(after) or [None, ""])[1]   # the word the article now stands before
    if art and heard:
        if heard.lower().startswith(("your ", "you ", "the ")):   # "with a curative intent" -> "with the aim of curing"
            before = before[:art.start()]
        else:
            new = article(heard)
            before = before[:art.start()] + (new.capitalize() if art.group(1)[0].isupper() else new) + " "
    return before, plain


_ENDS_IN_PREPOSITION = re.compile(r"\s(?:against|to|for|with|of)$")
# what follows a term when no object does: a joining word, a verb, punctuation or the end
_NO_OBJECT = re.compile(r"\s*(?:$|[,.;:)]|(?:or|and|in|from|are|is|was|were|include|including|should|must|will|may|can)\b)", re.I)


_NAME_BEFORE = re.compile(r"(?:^|[^.:;!?]\s)[A-Z][a-z]+(?:['’]s)?\s+$")
# an institution, or a named standard ("Response Evaluation Criteria", "Human Immunodeficiency Virus",
# "Alzheimer's Disease Assessment Scale")
_NAME_AFTER = re.compile(r"\s+(?:Institute|Center|Centre|Hospital|Association|Society|Foundation|Clinic|Group|"
                         r"College|Academy|University|Network|Consortium|Unit|Department|Service|"
                         r"Criteria|Scale|Score|Index|Inventory|Questionnaire|Virus|Classification|Study|Schedule|Form|"
                         r"Tool|Profile|Program|Programme|Branch|Oncology|Rating|Assessment|Evaluation|Questions|Screen|"
                         r"System)\b")


_NAME_WORD = re.compile(_NAME_AFTER.pattern.replace(r"\s+", "", 1))
_TITLE_WORD = re.compile(r"[A-Z][\w-]*(?:['’]s)?")
_NAME_JOINER = frozenset("of in for the on with to".split())
_OWN_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z0-9-]{1,9})\)")


def _title_run(text: str, start: int, end: int) -> tuple[list[str], list[str], int]:
    """The Title Case words around a term (joining words like "of" allowed inside): (words before,
    words after, end of the run in text)."""
    before = []
    for w in reversed(re.split(r"\s+", text[max(0, start - 80):start].strip())):
        if not w or w[-1:] in ".;:!?,(" or not (_TITLE_WORD.fullmatch(w) or w in _NAME_JOINER):
            break
        before.append(w)
    after, run_end = [], end
    for m in re.finditer(r"\s+([^\s]+)", text[end:end + 120]):
        w = m.group(1).rstrip(".,;:)")
        if not (_TITLE_WORD.fullmatch(w) or w in _NAME_JOINER):
            break
        after.append(w)
        run_end = end + m.end() - (len(m.group(1)) - len(w))
        if w != m.group(1):
            break   # "… Questionnaire." ends the run
    while before and before[-1] in _NAME_JOINER:
        before.pop()
    while after and after[-1] in _NAME_JOINER:
        run_end -= len(after.pop()) + 1
    return before[::-1], after, run_end


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A capitalised term between a capitalised word and an institution or standard's word is part of
    a name; so is one inside a run of Title Case words that ends in such a word ("Neuropathy Targeted
    Symptom Questionnaire", "Comprehensive Geriatric Assessment") or that the text shortens to its
    initials ("Modification of Diet in Renal Disease (MDRD)", "Investigator's Global Assessment (IGA)")."""
    if not text[start:start + 1].isupper():
        return False
    words = text[start:end].split()
    if _NAME_AFTER.match(text, end) and (bool(_NAME_BEFORE.search(text, max(0, start - 40), start))
                                         or (len(words) > 1 and all(w[:1].isupper() for w in words))):
        return True   # "Radiation Therapy Oncology Group"
    before, after, run_end = _title_run(text, start, end)
    capitals = [w for w in before + words + after if w[:1].isupper()]
    if len(capitals) < 3:
        return False
    if (any(_NAME_WORD.fullmatch(w) for w in after) or (not after and _NAME_WORD.fullmatch(words[-1]) and len(before) >= 2)
            or ("of" in before and any(_NAME_WORD.fullmatch(w) for w in before))):   # "Department of Gastrointestinal Surgery"
        return True
    own = _OWN_ABBREVIATION.match(text, run_end)
    return bool(own) and "".join(w[0] for w in capitals) == re.sub(r"[^A-Z]", "", own.group(1))


_CONJUNCT_BEFORE = re.compile(r"(?<![\w-])([\w-]+)\s*(?:,\s*(?:(?:and|or|and/or)\s+)?|(?:and|or|and/or|&)\s+)$", re.I)


# a word that reads as describing the noun after it ("dermal, subcutaneous, or lymph node metastases")
_DESCRIBING = re.compile(r"[a-z-]{2,}(?:al|ous|ic|ary|ar)", re.I)


def _shares_head(lex: "Lexicon", e: Entry, text: str, start: int) -> bool:
    """Is a two-part term the second of a pair that shares its head noun? "CNS or brain metastases"
    are metastases in either place: "CNS or cancer spread to the brain" would leave "CNS" alone.
    The word before the "or" makes a lexicon term with the same head ("CNS metastases"), or describes
    (an "-al", "-ous", "-ic", "-ary" word) where the term is a describing word and a noun (not
    "symptomatic or clinically significant"); "seizures or brain metastases" is two things."""
    first, _, head = e.term.lower().partition(" ")
    said = (e.plain or "").lower().split(" (", 1)[0].split()
    if not head or not said or said[0] == first:
        return False
    pair = _CONJUNCT_BEFORE.search(text, max(0, start - 40), start)
    if not pair or pair.group(1).lower() == said[0]:
        return bool(pair)   # "experimental or investigational drugs": not "experimental or experimental drugs"
    if said[-1] == head.split()[-1] and len(said) == len(head.split()) + 1:
        return False   # the replacement keeps the shared part in place: "renal or breathing failure" reads
    return (f"{pair.group(1).lower()} {head}" in lex.by_key
            or (not first.endswith("ly") and pair.group(0).rstrip()[-1].isalpha()   # "…, or", not a bare comma
                and bool(_DESCRIBING.fullmatch(pair.group(1)))))


def _kept_after(e: Entry, text: str, start: int) -> bool:
    """Does the text before the term make it part of a longer name ("carcinomatous meningitis" is
    cancer, not an infection)?"""
    return e.kept_after is not None and bool(e.kept_after.search(text[max(0, start - 60):start]))


def _wants_object(e: Entry) -> bool:
    """A replacement that ends in a preposition the term lacks ("contraindication" -> "medical
    reason against") reads only with an object after it."""
    return bool(_ENDS_IN_PREPOSITION.search(e.plain)) and not _ENDS_IN_PREPOSITION.search(" " + e.term)


_A_FIRST = re.compile(r"an? (?=\w)")
_DETERMINER = re.compile(r"(?<![\w-])(?:no|any|the|this|that|his|her|their|your|its|each|every)\s+$", re.I)
# words after which "a …" reads: a preposition, a verb, a conjunction or the start of the text
_TAKES_ARTICLE = frozenset("""of with have has had having in for to by from or and cause causes caused need needs needing
    on as is are was were be been means because without into despite after before during including like but there
    develop develops developed show shows showing suggest suggests suggesting""".split())
_THE = re.compile(r"(?<![\w-])the\s+$")
# a one-word participle right after "have"/"had" reads as the verb, not as a describing word
_PARTICIPLE = re.compile(r"[a-z]+ed")
_HAVE = re.compile(r"(?<![\w-])(?:have|has|had)\s+$", re.I)
# ... when a thing it describes follows ("relapsed lymphoma"); not a verb's own object or
# phrase ("has relapsed after", "have documented a negative test")
_DESCRIBED = re.compile(r"\s+(?!(?:a|an|the|or|and|with|after|before|in|on|to|from|during|since|following|but|by|at|"
                        r"for|while|within|despite|and/or|their|your|his|her|its|all|any|no|this|that|these|those|it|them)\b)[\w(]",
                        re.I)
# replacements that name an action: "the completion of the study" reads "finishing the study"
_ACTION_WORDS = ("joining", "taking part", "finishing", "stopping", "being assigned")
_ACTION_NOUN = re.compile(r"(?:ion|ment|\bof|ment (?:in|on|into))$")   # "participation", "enrollment", "completion of",
#                                                                      "enrollment in"; not "participating"
# a noun the action names ("randomization date", "participation consent form", "cessation studies"):
# "-ing" words cannot stand before it
_ADJUNCT_NOUN = re.compile(r"\s+(?:date|visits?|forms?|consent|period|step|phase|criteria|number|status|procedures?|"
                           r"studies|programs?|rates?|reports?|day|schedule|list|windows?|session|log)\b", re.I)


_JOIN = r"(\s*(?:,\s*)?(?:or|and|and/or)\s+|\s*/\s*)"


def _same_word_joined(said: str, written: str, text: str, end: int) -> bool:
    """Is a replacement joined by "or"/"and"/"/" to the very words it would become ("allergy or
    hypersensitivity", "therapy or treatment", "hemorrhage/bleeding")? Then the term stays as
    written: said twice it reads as a slip, and dropping the "or" is not ours to do."""
    said_rx = re.escape(said)
    return bool(re.search(r"(?<![\w-])" + said_rx + _JOIN + "$", written, re.I)
                or re.match(_JOIN + said_rx + r"(?![\w-])", text[end:end + len(said) + 12], re.I))


def _fit_to_word_before(said: str, before: str, term: str, after: str) -> tuple[str, str] | None:
    """(replacement, text before it) read together, or None when the replacement cannot follow
    the word before it: "a weakened immune system" after "no" drops its "a", after an adjective
    ("chronic", "systemic") it does not fit at all; an action named by a noun ("the enrollment")
    loses its "the" unless an "of" follows ("the joining of a child" keeps it)."""
    if _PARTICIPLE.fullmatch(said) and term.endswith("ed") and _HAVE.search(before) and _DESCRIBED.match(after):
        return None   # "You have documented diabetes": "You have recorded diabetes" would say you wrote it down
    if _A_FIRST.match(said):
        if _DETERMINER.search(before):
            return _A_FIRST.sub("", said, count=1), before
        last = _LAST_WORD.search(before)
        if last and last.group(1).islower() and last.group(1) not in _TAKES_ARTICLE:
            return None
    elif said.startswith(_ACTION_WORDS) and _ACTION_NOUN.search(term):
        if not term.endswith(" of") and _ADJUNCT_NOUN.match(after):
            return None   # "the randomization date": not "the being assigned to a study group date"
        the = _THE.search(before)
        if the and not after.startswith(" of"):
            before = before[:the.start()]
    return said, before


def _in_brackets(text: str, at: int) -> bool:
    """Is position `at` inside a bracket the text opened before it?"""
    return text.count("(", 0, at) > text.count(")", 0, at)


# the paper a term names, right after it: "informed consent form", "… consent document"
_PAPER = re.compile(r"\s+(?:forms?|documents?|documentation)\b", re.I)
# the text's own short name for a term, right after it: "absolute neutrophil count (ANC)"
_OWN_SHORT_NAME = re.compile(r"\s*\((?=[\w-]*[A-Z])([A-Za-z][\w-]{0,9})\)")
_KIND_OF = re.compile(r"^(?:(?:a|an|the)\s+)?(?:type|kind|form|group|class)\s+of\s+", re.I)
_HEAD_END = re.compile(r"\s+(?:using|that|which|who|of|in|for|with|from|on|to|made|used|taken|found|given)\b|\s*[,;(]", re.I)


def _place_meaning(text: str, end: int, plain: str) -> tuple[str, int]:
    """A term said with its meaning in brackets ("count (white cells that fight infection)"), fitted to
    what follows it in `text` (from `end`): the text's own short name joins the bracket ("count (ANC,
    white cells …)", not "(white cells …) (ANC)"), and the form a term names comes before it
    ("informed consent form (agreement to take part)", not "consent (…) form"). -> (said, new end)"""
    if not (plain.endswith(")") and " (" in plain):
        return plain, end
    head, meaning = plain[:-1].rsplit(" (", 1)
    own = _OWN_SHORT_NAME.match(text, end)
    if own:
        return f"{head} ({own.group(1)}, {meaning})", own.end()
    paper = _PAPER.match(text, end)
    if paper and not text.startswith(" (", paper.end()):
        return f"{head}{paper.group(0)} ({meaning})", paper.end()
    return plain, end


def _abbreviation_in(lex: "Lexicon", e: Entry) -> str | None:
    """The abbreviation a replacement explains in its brackets ("CNS" in "cancer spread to the CNS
    (brain and spinal cord)"), so the text does not explain it twice."""
    if not e.plain or " (" not in e.plain:
        return None
    meaning = e.plain[:-1].rsplit(" (", 1)[1] if e.plain.endswith(")") else None
    for w in e.term.split():
        a = lex.by_key.get(w)
        if a is not None and a.kind == "abbreviation" and a.plain == meaning:
            return w
    return None


def _names_again(word: str, meaning: str) -> bool:
    """Whether the word after an abbreviation is its meaning's head noun ("CT scan": "a type of
    X-ray scan"; "MRI scan": "a body scan using magnets"): the meaning then follows that word."""
    head = _HEAD_END.split(_KIND_OF.sub("", meaning), maxsplit=1)[0].split()
    noun, word = head[-1].lower() if head else "", word.lower()
    return len(noun) > 2 and word in (noun, noun + "s")


def gloss(text: str, replace: bool = True, context: str = "") -> tuple[str, list[dict]]:
    """Text with lexicon terms explained -> (new text, glossary).

    Jargon with a plain word is replaced; an abbreviation is explained in brackets on first
    use ("ALT (a liver enzyme)"), unless it is already bracketed or part of a unit; every
    matched term goes into the glossary once. With replace=False the text is unchanged.
    `context` (the whole criteria text) is searched for an entry's `unless_criteria`.
    """
    lex = load_lexicon()
    glossary: list[dict] = []
    seen: set[str] = set()
    out: list[str] = []
    pos = 0
    local = set(_LOCAL_DEF.findall(text)) if "(" in text else set()
    last: tuple[int, str, int, int] | None = None   # (index in out, plain, end, start in text) of the last bracket added
    glossed_inline: set[str] = set()   # abbreviations whose meaning the text already says in brackets
    for m in lex.pattern.finditer(text):
        word = m.group(0)
        e = lex.lookup(word)
        if e is None or m.start() < pos:   # (inside a word already said with an abbreviation's meaning)
            continue
        if e.kind == "abbreviation" and (word in local or (context and _defined_otherwise(context, word))):
            continue   # "Refractory anemia (RA)": defined in the text itself; our meaning could be another one
        if (e.unless is not None and e.unless.search(text)) or (e.unless_criteria is not None and e.unless_criteria.search(context)):
            continue   # "per ICH M3", "IIEF EF domain": the context says this is another term
        key = e.term.lower()
        first = key not in seen
        if first:
            seen.add(key)
            glossary.append({"term": word, "meaning": e.meaning})
        if not replace or not e.plain:
            continue
        if e.plain_is_gloss and (not first or text[m.end():m.end() + 1] == "/" or _in_brackets(text, m.start())):
            # said once, like an abbreviation's meaning; never inside a unit ("platelets/mm^3") nor in
            # the text's own brackets ("(bilirubin (a liver blood test) at most …)": the glossary has it)
            continue
        if e.kind == "jargon":
            if _in_a_name(text, m.start(), m.end()):
                continue   # "American Psychiatric Association", "New York State Psychiatric Institute": a name
            if _kept_after(e, text, m.start()) or _shares_head(lex, e, text, m.start()):
                continue   # "carcinomatous meningitis", "CNS or brain metastases": kept as written
            if _wants_object(e) and _NO_OBJECT.match(text, m.end()):
                continue   # "other contraindications in package insert": not "medical reasons against in …"
            said = e.plain
            inner = _abbreviation_in(lex, e)
            if " (" in said and (not first or _in_brackets(text, m.start()) or inner in glossed_inline):
                said = said.split(" (", 1)[0]   # "(haemoglobin < 12)" -> "(hemoglobin < 12)": its meaning is said once
            elif inner:
                glossed_inline.add(inner)   # "cancer spread to the CNS (brain and spinal cord)": CNS is explained
            before = text[pos:m.start()]
            # right after another replacement, that replacement is the word before ("renal aneurysm": not
            # "kidney a bulging blood vessel")
            joined = bool(out) and not before.strip()
            fitted = _fit_to_word_before(said, (out[-1] + before).lower() if joined else before, e.term,
                                         text[m.end():m.end() + 12])
            if fitted is None:
                continue   # "systemic immunosuppression" is a treatment: not "systemic a weakened immune system"
            said, before = (fitted[0], before) if joined else fitted
            if _same_word_joined(said, (out[-1] if out else "") + before, text, m.end()):
                continue   # "allergy or hypersensitivity" stays: not "allergy or allergy" (the glossary explains it)
            plain = _match_case(word, said, text[:m.start()])
            run_on = _run_on(word, text[:m.start()])
            if out and not before.strip():   # right after another replacement ("Hepatic cirrhosis")
                fitted, plain = _fit_replacement(out[-1] + before, plain, text[m.end():], run_on)
                out[-1], before = fitted, ""
            else:
                before, plain = _fit_replacement(before, plain, text[m.end():], run_on)
            plain, end = _place_meaning(text, m.end(), plain) if e.plain_is_gloss else (plain, m.end())
            verb = _MASS_VERB.match(text, end) if _TO_MASS.search(e.term) and _TO_MASS_PLAIN.match(said) else None
            if verb and not _WITH_BEFORE.search(text, max(0, m.start() - 50), m.start()):
                plain += verb.group(1) + _SINGULAR_VERB[verb.group(2).lower()]   # "if liver metastases are present":
                end = verb.end()                                                # "if cancer spread to the liver is present"
            out.append(before)
            if plain:   # (a dropped doubled word leaves the text before it last, for the next replacement to fit)
                out.append(plain)
            pos = end
        elif e.kind == "abbreviation" and first:
            if word in glossed_inline:
                continue
            glossed_inline.add(word)
            before = text[:m.start()].rstrip()
            after = text[m.end():].lstrip()
            if _in_brackets(text, m.start()) or before.endswith("(") or after.startswith(("(", "/")) or text[m.start() - 1:m.start()] == "/":
                continue
            end = m.end()
            said_again = _NEXT_WORD.match(text, end)
            if said_again and _names_again(said_again.group(1), e.plain) and not text.startswith(" (", said_again.end()):
                end = said_again.end(1)   # "CT scan (a type of X-ray scan)", not "CT (a type of X-ray scan) scan"
            out.append(text[pos:end])
            plural = _plural(e.plain)
            if (last and last[1] == e.plain and plural and _PAIR.match(text, last[2], m.start())
                    and not _LIST_BEFORE.search("".join(out[:last[0]])[:-(last[2] - last[3])])):
                # (not "Erythropoietin, G-CSF or GM-CSF (medicines that boost white blood cells)": the
                # bracket would seem to take in erythropoietin too; "bilirubin (…), AST and ALT" is clear)
                out[last[0]] = ""                       # "AST (a liver enzyme) and ALT (a liver enzyme)"
                out.append(f" ({plural})")              # -> "AST and ALT (liver enzymes)"
            else:
                out.append(f" ({e.plain})")
            last = (len(out) - 1, e.plain, end, m.start())
            pos = end
    out.append(text[pos:])
    return "".join(out), glossary
