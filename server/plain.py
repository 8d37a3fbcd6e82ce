"""Plain-English rewriting of one criterion: symbols to words, second person, lexicon.

The public entry points live here (`rewrite`, `glossary_for`, `words_for_symbols`); the
second-person rules are in server.person, the grammar repairs in server.grammar and the
everyday phrases in server.everyday.

Every rule here is meaning-preserving by construction ("≥" -> "at least", "45-90" ->
"45 to 90", "Patients with X" -> "You have X"), and the result is still checked by
scrapers.fidelity before it is shown; a rule that misfires only costs a fallback.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrapers.fidelity import BETWEEN, OR_EQUAL

from .everyday import at_the_same_time, everyday_latin, everyday_phrases, same_case as _same_case, section_label
from .grammar import fix_a_an, keep_capitals, tidy_grammar, you_have_had
from .gloss import gloss
from .lexicon import bracket_meanings
from .person import second_person
from .sentences import glued_negation, split_clauses

__all__ = ["everyday_latin", "glossary_for", "rewrite", "second_person", "short_sentences", "tidy_grammar",
           "words_for_symbols"]

# --------------------------------------------------------------------------- comparators

# what a comparator symbol compares with: a figure, a grade or a limit ("≤ ULN", "> Grade 1",
# "< the lower limit of normal", "> one episode")
_NUM_AHEAD = (r"(?=\s*[-+]?\.?\d|\s*(?i:grade|class|stage|level|score|ULN|LLN|CTCAE|NCI|NYHA|New York Heart|"
              r"(?:the\s+)?(?:institutional\s+)?(?:upper|lower)\s+limits?\s+of|normal|one|two|three|four|five|twice)\b"
              r"|\s*(?:II|III|IV)\b(?![-'])|\s*p?T[0-4][a-d]?\b)")   # ("NYHA ≥ III", "stage < T2b")
_SYMBOLS = [
    (re.compile(r"\s*(?:>\s*/\s*=|=\s*/\s*>|>\s*=|=\s*>|>" + OR_EQUAL + r"|=\s*or\s*>|≥|≧|⩾)\s*" + _NUM_AHEAD), " at least "),
    (re.compile(r"\s*(?:<\s*/\s*=|=\s*/\s*<|<\s*=|=\s*<|<" + OR_EQUAL + r"|=\s*or\s*<|≤|≦|⩽)\s*" + _NUM_AHEAD), " at most "),
    (re.compile(r"\s*(?:>|＞)\s*" + _NUM_AHEAD), " more than "),
    (re.compile(r"\s*(?:<|＜)\s*" + _NUM_AHEAD), " less than "),
]
# "2.5×ULN", "2.5 x ULN", "1.5 times institutional upper limit of normal (ULN)"
_TIMES_ULN = re.compile(
    r"(?<=[\d.])\s*(?:x|X|×|\*|times|-fold)\s*(?:the\s+)?(institutional\s+|institution's\s+)?"
    r"(?:ULN|upper\s+limits?\s+of\s+(?:the\s+)?normal)(?:\s*\(\s*ULN\s*\))?(?![\w-])")
_TIMES_LLN = re.compile(
    r"(?<=[\d.])\s*(?:x|X|×|\*|times)\s*(?:the\s+)?(institutional\s+)?(?:LLN|lower\s+limits?\s+of\s+(?:the\s+)?normal)"
    r"(?:\s*\(\s*LLN\s*\))?(?![\w-])")
# "45-90 kg" -> "45 to 90 kg" (not "COVID-19", "L4-L5", "2020-01-05", "1-2-3")
_RANGE = re.compile(r"(?<![\w.\-/^,])(\d+(?:\.\d+)?)\s?[-–]\s?((?:[1-9]\d*|0)(?:\.\d+)?)(?![\d\-/]|\.\d|[:,]\d)")


# a code, not a range (review round 12a N2): a drug code after its maker's letters ("BAY 43-9006", "Ro 31-8959"), a
# study or protocol number ("Study 195-301", "protocol 066-143"), or a number with a leading zero ("066", not "0.2")
_CODE_PREFIX = re.compile(r"(?:\b(?i:study|protocol|trial|no\.)\s*#?\s*|#\s*)$")
_MAKER_PREFIX = re.compile(r"\b[A-Z][A-Za-z]{1,2}\s?$")


def _is_code(m: re.Match) -> bool:
    left, right, before = m.group(1), m.group(2), m.string[max(0, m.start() - 12):m.start()]
    return (len(left) > 1 and left.startswith("0") and not left.startswith("0.")) or bool(_CODE_PREFIX.search(before)) \
        or (len(left) <= 2 and len(right) >= 4 and "." not in left + right and bool(_MAKER_PREFIX.search(before)))


def _range_words(m: re.Match) -> str:
    """"45-90" -> "45 to 90", but "between 18-65" -> "between 18 and 65"; a code ("BAY 43-9006") as written."""
    if _is_code(m):
        return m.group(0)
    joint = "and" if BETWEEN.search(m.string, max(0, m.start() - 24), m.start()) else "to"
    return f"{m.group(1)} {joint} {m.group(2)}"


# (not before an amount below a limit: "Protein no less than 15% below lower limit of normal" bounds the protein, at or
# above 15% under the limit, where "at least 15% below" reads as 15% or more under it, the opposite; review r54 F7)
_BELOW = r"(?!\s+(?:\d+(?:\.\d+)?\s*(?:%|percent)|(?:one|two|three)[- ]\w+)\s+(?:below|under|lower than)\b)"
_PHRASES = [
    (re.compile(r"(?:\b(?:greater|more|higher) than or equal to\b|\bequal to or (?:greater|more|higher) than\b|"
                r"\b(?:no|not) less than\b)" + _BELOW, re.I), "at least"),
    (re.compile(r"(?:\b(?:less|lower) than or equal to\b|\bequal to or (?:less|lower) than\b|"
                r"\b(?:no|not) (?:greater|more|higher) than\b|\bnot exceeding\b)" + _BELOW, re.I), "at most"),
    (re.compile(r"\bgreater than\b", re.I), "more than"),
]


_SYMBOL_CHARS = re.compile("[<>=≥≧⩾≤≦⩽＞＜]")
# "Grade ≥ 2 neuropathy" -> "Grade 2 or higher neuropathy" (not "Grade at least 2 neuropathy": a grade is a level named
# by its number, read as one)
_GRADE_BOUND = re.compile(r"\b((?i:grade|stage|class))\s*(?:(>\s*/?\s*=|=\s*>|≥|≧|⩾)|(<\s*/?\s*=|=\s*<|≤|≦|⩽))\s*"
                          r"(\d)(?![\w.,-])")


def _grade_bound_words(m: re.Match) -> str:
    return f"{m.group(1)} {m.group(4)} or {'higher' if m.group(2) else 'lower'}"
_SPACE_RUNS = re.compile(r"[ \t]{2,}")


_AT_AT = re.compile(r"\b([Aa]t) at (most|least)\b")
_FOR_FOR = re.compile(r"\b([Ff]or) for (at (?:least|most))\b")


# a power of ten whose superscript the record lost: "Platelets ≥ 100 x 109/L" is 100×10⁹ per litre, not 100×109
# (read so by fidelity too); only after a multiplication sign and before "/L"
_LOST_POWER = re.compile(r"(\d\s*[x×X*]\s*)10(9|12)(?=\s*/\s*[lL]\b)")


# a bound written before its name, in a chain: "90≤ sitSBP < 140 mmHg", "18 kg/m2 ≤ BMI ≤ 30 kg/m2", "5≤IIEF-5≤21".
# Its first comparator has no number after it, so it stayed a symbol, and its second became words: "90≤ sitSBP less
# than 140 mmHg" read as half a rule, and the glance showed "sitDBP less than 90 mmHg" without its lower bound (review r18
# #11). The chain is kept as the record writes it (the fidelity guard reads a comparator before its number only).
_OP = r"(?:[<>]\s*=?|[≤≥≦≧⩽⩾＜＞])"
_CHAIN = re.compile(r"(?<![\w.,])\d(?:[\d.,]*\d)?\s*(?:[a-zµ%℃°][A-Za-z%/^]*[\d²³]?\s*)?" + _OP + r"\s*[A-Za-z(][^<>≤≥≦≧⩽⩾＜＞;,]{0,50}?"
                    + _OP + r"\s*[-+]?\.?\d")


def _symbols_in_words(text: str) -> str:
    for rx, words in _SYMBOLS:
        text = rx.sub(words, text)
    return text


def _outside_chains(text: str, change) -> str:
    """`change` applied to the text outside chained limits (see _CHAIN), which stay as written."""
    out, pos = [], 0
    for m in _CHAIN.finditer(text):
        out.extend((change(text[pos:m.start()]), m.group(0)))
        pos = m.end()
    return "".join(out) + change(text[pos:]) if out else change(text)


@lru_cache(maxsize=4096)
def words_for_symbols(text: str) -> str:
    """Comparator symbols and ×ULN in words: "ALT ≤1.5×ULN" -> "ALT at most 1.5 times the upper limit of normal"."""
    # each pass only where its pattern can match (a substring test first: most items have no symbol)
    t = text
    if "ULN" in t or "upper" in t:
        t = _TIMES_ULN.sub(lambda m: " times the " + (m.group(1) or "") + "upper limit of normal", t)
    if "LLN" in t or "lower" in t:
        t = _TIMES_LLN.sub(lambda m: " times the " + (m.group(1) or "") + "lower limit of normal", t)
    if _SYMBOL_CHARS.search(t):
        t = _outside_chains(t, _symbols_in_words)
    low = t.lower()
    if "than" in low or "exceeding" in low:
        for rx, words in _PHRASES:
            t = rx.sub(lambda m, w=words: _same_case(m.group(0), w), t)
    if "t at " in t or "r for " in t:  # "at ≤600 mg/day" -> "at at most 600" -> "at no more than 600"
        t = _AT_AT.sub(lambda m: f"{m.group(1)} no {'more' if m.group(2) == 'most' else 'less'} than", t)
        t = _FOR_FOR.sub(r"\1 \2", t)
    if "-" in t or "–" in t:
        t = _RANGE.sub(_range_words, t)
    if "109" in t or "1012" in t:
        t = _LOST_POWER.sub(r"\g<1>10^\2", t)
    if "(" in t:
        t = re.sub(r"\(\s+", "(", t)
    return _SPACE_RUNS.sub(" ", t).strip()


# --------------------------------------------------------------------------- the whole rewrite

def _sentence_start(clause: str) -> str:
    """Capitalize a clause that now starts a sentence, only when its first word is all lowercase
    ("eGFR" stays as written: "EGFR" is something else)."""
    m = re.match(r"[a-z]+\b", clause)
    return clause[0].upper() + clause[1:] if m else clause


# "X (including A, B and C)" at the end of a statement: the list gets a sentence of its own ("This includes A, B and
# C"). Only "including": "such as", "for example", "that is" and "especially" would lead a fragment ("You have no
# severe lung disease. For example, chronic obstructive pulmonary disease", 869 items) that, after a negated head,
# reads as a statement of its own; those examples stay attached to their rule, as written.
_ASIDE = re.compile(r"^(?P<head>.*[\w)%])\s*\(\s*(?P<lead>including)\s+"
                    r"(?P<body>[^()\d]+?)\s*\)(?P<end>[.;,]?)\s*$", re.I)
_ASIDE_COMMA = re.compile(r"^(?P<head>.*[\w)%]),\s+(?P<lead>including)\s+"
                          r"(?P<body>[^()\d;:]+?)(?P<end>[.;]?)\s*$", re.I)


# words after the examples that are the head's own: ", including antiretrovirals, must be on …", "… effusion that is
# clinically symptomatic"
_HEAD_GOES_ON = re.compile(r",\s*(?:who|whom|whose|which|that|where|when|must|should|will|may|can|are|is|have|has|need|"
                           r"needs|during|within|for|before|after|while|until|prior|throughout|at|in|on)\b"
                           r"|\b(?:that|which|who)\s+(?:is|are|was|were|has|have|cannot|can|may|must|will)\b", re.I)


def _aside_out(clause: str) -> list[str]:
    """Move a closing "including …" list, in brackets or after a comma, to its own sentence (4+ words, no numbers)."""
    m = _ASIDE.match(clause) or _ASIDE_COMMA.match(clause)
    if not m or len(m.group("body").split()) < 4 or m.group("head").count("(") != m.group("head").count(")") \
            or re.match(r"(?:who|whom|whose|which|that|where|when)\b", m.group("body"), re.I) \
            or _HEAD_GOES_ON.search(m.group("body")):
        return [clause]
    lead, body = "This includes", m.group("body")
    not_only = _NOT_LIMITED.match(body)
    if not_only:   # not "This includes but not limited to epilepsy, …"
        lead, body = "This includes, but is not limited to,", body[not_only.end():]
    return [m.group("head"), f"{lead} {body}{m.group('end') if m.group('end') == '.' else ''}"]


_NOT_LIMITED = re.compile(r",?\s*but\s+(?:is\s+)?not\s+limited\s+to\s*[:,]?\s*", re.I)


# "Exclude intracranial lesions and early lung tumors" in an exclusion list (NCT06495437): an instruction to the
# study team, which a reader may take as one to them; under "You cannot join if…" the condition alone says it. Not
# "Exclude if …" (the "if" would be left leading), nor a group of people ("Exclude hemophiliacs": not a condition)
_EXCLUDE = re.compile(r"^exclude\s+(?!(?:if|when|unless|from|all|any|the following)\b)(?=[a-z])", re.I)
_PEOPLE = re.compile(r"(?:[\w-]+\s+){0,2}?(?:patients|subjects|participants|people|persons|individuals|volunteers|women|men|"
                     r"children|adults|smokers|users|abusers|drinkers|addicts|alcoholics|diabetics|epileptics|\w+iacs)\b"
                     r"(?!\s+(?:who|with)\b)", re.I)


def _condition_not_instruction(clause: str, section: str) -> str:
    """A leading "Exclude" dropped from an exclusion clause (see _EXCLUDE)."""
    m = _EXCLUDE.match(clause) if section == "exclusion" else None
    if not m or _PEOPLE.match(clause, m.end()):
        return clause
    return _sentence_start(clause[m.end():])


def short_sentences(text: str, section: str = "inclusion", addressed: bool = True) -> str:
    """The item cut into statements where that is safe (server.sentences), each addressed to the
    reader: "No history of X; must not be pregnant" -> "You have no history of X. You must not be pregnant".
    Not addressed (`addressed=False`) when the item is not about the reader (see explain._NOT_ABOUT_THE_READER)."""
    clauses = []
    for c in split_clauses(text):
        c = _condition_not_instruction(c, section)
        # (a negated clause still glued to the next rule stays in the registry's words: review round 12a N1)
        head, *aside = _aside_out(second_person(c, section) if addressed and not glued_negation(c) else c)
        clauses.append(head)
        clauses.extend(aside)
    out = []
    for i, c in enumerate(clauses):
        if i < len(clauses) - 1:
            c = c.rstrip(" ,;") + ("" if c.rstrip().endswith((".", "!", "?")) else ".")
        out.append(_sentence_start(c) if i else c)
    return " ".join(out)


# "antiretroviral (anti-HIV) therapy" -> "anti-HIV (anti-HIV) treatment": the bracket the source gave
# for the jargon says again what the replacement now says
_SAID_TWICE = re.compile(r"\b([A-Za-z][A-Za-z-]*(?: [A-Za-z-]+){0,3}) \(\1\)", re.I)   # (words only: "CD20 (CD20)")
# a registry typo repeating a short word or two ("in the in the previous 3 months", "any any"): said once in the
# rewrite (not "that that", "had had", which can be meant; not "or or", "and and": the fidelity guard counts
# conjunctions and would refuse the whole rewrite)
_TYPED_TWICE = re.compile(r"\b((?:the|a|an|of|in|for|with|any|on|at|by|from|is|are|be|patients?)"
                          r"(?: [a-z]+)?) \1\b")


# a gloss put before a word that says it again: "dialysis (kidney machine treatment) treatment", "PPD (a tuberculosis
# skin test) skin test", "FIGO (the standard system for gynecologic cancer stages) stage III", "HAART (combination HIV
# treatment) treatment plan" (the record's "therapy" became "treatment" in the same pass; plain16: 60 items across the
# corpus). The word after the bracket is one the meaning already says (singular or plural, "therapy" read as its plain
# "treatment"): the bracket goes, the glossary still explains the term, and the record's words all stay. Only a bracket
# the rewriter added (a lexicon meaning the original does not have there), never the record's own.
_GLOSS_THEN_WORD = re.compile(r" \(([^()]{2,90})\)(?= ([A-Za-z][A-Za-z-]*))")
_NOT_SAID_AGAIN = frozenset("""a an the of for to in on at by with without and or that which who also some type types kind
    main part used using such as from into can may not no other than""".split())
_SAME_WORD = {"therapy": "treatment", "therapies": "treatment", "drug": "medicine", "drugs": "medicine"}


def _one_form(word: str) -> str:
    w = word.lower()
    w = _SAME_WORD.get(w, w)
    return w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


def _gloss_not_stacked(text: str, original: str) -> str:
    """The rewrite without a bracketed meaning right before a word the meaning says (see _GLOSS_THEN_WORD)."""
    if " (" not in text:
        return text
    meanings = bracket_meanings()

    def keep_or_drop(m: re.Match) -> str:
        inner, nxt = m.group(1), m.group(2)
        if inner.lower() not in meanings or f"({inner})" in original or nxt.lower() in _NOT_SAID_AGAIN:
            return m.group(0)
        said = {_one_form(w) for w in re.findall(r"[A-Za-z][A-Za-z-]*", inner) if w.lower() not in _NOT_SAID_AGAIN}
        return "" if _one_form(nxt) in said else m.group(0)

    return _GLOSS_THEN_WORD.sub(keep_or_drop, text)


# "Are experiencing wasting (significant weight loss)." (an item going on from its list's lead-in) read "Are having
# wasting" (the lexicon's "having"): "Have wasting …" (not before an event: "Are experiencing a relapse"; plain21)
_ARE_EXPERIENCING = re.compile(r"^(?:Are|Be) experiencing\b(?!\s+(?:a|an|your|his|her|his/her|their)\b)")


# "has had a hysterectomy" -> "has had a removal of the womb" (the lexicon's words after the record's "a"): "has had
# surgery to remove the womb" (plain21)
_A_REMOVAL = re.compile(r"\b[Aa]n? removal of (?=(?:the|both|one|a|your|his|her|their)\b)")
# … but not right after the record's own "surgical(ly)": "surgically sterile with a hysterectomy" read "surgically
# sterile with surgery to remove the womb" (NCT03147742); there it is "… with removal of the womb" (plain22)
_SURGICAL_BEFORE = re.compile(r"\bsurg\w*\b(?:\s+[\w-]+){0,3}\s*$", re.I)


def _surgery_to_remove(m: re.Match) -> str:
    if _SURGICAL_BEFORE.search(m.string, max(0, m.start() - 60), m.start()):
        return "Removal of " if m.group(0)[0] == "A" else "removal of "
    return "Surgery to remove " if m.group(0)[0] == "A" else "surgery to remove "


def rewrite(text: str, section: str = "inclusion", context: str = "", addressed: bool = True) -> tuple[str, list[dict]]:
    """One item in plain English -> (candidate text, glossary). Not yet fidelity-checked.
    (`context`: the whole criteria text, for abbreviations' senses; see gloss.gloss.)"""
    t = _ARE_EXPERIENCING.sub("Have", _TYPED_TWICE.sub(r"\1", text.strip()))
    t = short_sentences(everyday_latin(section_label(t)), section, addressed)
    if _SYMBOL_CHARS.search(t):   # (here, not in words_for_symbols: the at-a-glance reader parses "grade at least 2")
        t = _GRADE_BOUND.sub(_grade_bound_words, t)
    t = everyday_phrases(words_for_symbols(t))
    before_gloss = t
    t, glossary = gloss(t, context=context)
    if t != before_gloss and t.startswith("You have"):   # "anaphylaxis" -> "severe allergic reaction": it needs "a"
        t = tidy_grammar(t)
    t = _A_REMOVAL.sub(_surgery_to_remove, t)
    t = _SAID_TWICE.sub(r"\1", t)
    t = _gloss_not_stacked(at_the_same_time(t, addressed), text)
    t = fix_a_an(you_have_had(t))
    t = re.sub(r"\s+([,;:)]|\.(?!\d))", r"\1", t)
    t = re.sub(r"\s{2,}", " ", t).strip()
    t = _sentence_start(t)   # (not "eGFR" -> "EGFR", "pH" -> "PH", "ﬁnasteride" -> "FInasteride")
    return keep_capitals(text, t), glossary


def glossary_for(text: str, context: str = "") -> list[dict]:
    """The glossary of the original wording (for fallbacks: words unchanged, terms explained)."""
    return gloss(text, replace=False, context=context)[1]
