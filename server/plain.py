"""Plain-English rewriting of one criterion: symbols to words, second person, lexicon.

Every rule here is meaning-preserving by construction ("≥" -> "at least", "45-90" ->
"45 to 90", "Patients with X" -> "You have X"), and the result is still checked by
scrapers.fidelity before it is shown; a rule that misfires only costs a fallback.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import gloss

# --------------------------------------------------------------------------- comparators

_NUM_AHEAD = r"(?=\s*[-+]?\.?\d|\s*(?:grade|class|stage|level|score)\b)"
_SYMBOLS = [
    (re.compile(r"\s*(?:>\s*/\s*=|>\s*=|=\s*>|≥|≧|⩾)\s*" + _NUM_AHEAD), " at least "),
    (re.compile(r"\s*(?:<\s*/\s*=|<\s*=|=\s*<|≤|≦|⩽)\s*" + _NUM_AHEAD), " at most "),
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


_PHRASES = [
    (re.compile(r"\b(?:greater|more|higher) than or equal to\b|\bequal to or (?:greater|more|higher) than\b|\b(?:no|not) less than\b", re.I), "at least"),
    (re.compile(r"\b(?:less|lower) than or equal to\b|\bequal to or (?:less|lower) than\b|"
                r"\b(?:no|not) (?:greater|more|higher) than\b|\bnot exceeding\b", re.I), "at most"),
    (re.compile(r"\bgreater than\b", re.I), "more than"),
]


def _same_case(src: str, words: str) -> str:
    return words[0].upper() + words[1:] if src[:1].isupper() else words


@lru_cache(maxsize=4096)
def words_for_symbols(text: str) -> str:
    """Comparator symbols and ×ULN in words: "ALT ≤1.5×ULN" -> "ALT at most 1.5 times the upper limit of normal"."""
    t = _TIMES_ULN.sub(lambda m: " times the " + (m.group(1) or "") + "upper limit of normal", text)
    t = _TIMES_LLN.sub(lambda m: " times the " + (m.group(1) or "") + "lower limit of normal", t)
    for rx, words in _SYMBOLS:
        t = rx.sub(words, t)
    for rx, words in _PHRASES:
        t = rx.sub(lambda m, w=words: _same_case(m.group(0), w), t)
    t = _RANGE.sub(r"\1 to \2", t)
    t = re.sub(r"\(\s+", "(", t)
    return re.sub(r"[ \t]{2,}", " ", t).strip()


# --------------------------------------------------------------------------- second person

_WHO = r"(?:(?:the|a|an|all|any)\s+)?(?:(?:adult|male|female|eligible|potential)\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|people|volunteers?|candidates?)"
_VERB_3P = {"is": "are", "has": "have", "was": "were", "does": "do", "agrees": "agree", "meets": "meet",
            "requires": "require", "receives": "receive", "understands": "understand", "needs": "need",
            "weighs": "weigh", "lives": "live", "speaks": "speak", "plans": "plan", "uses": "use", "takes": "take"}
_PERSON_RULES = [
    # "Patients who are/have/had …" -> "You are/have/had …"
    (re.compile(rf"^{_WHO}\s+(?:who|that)\s+(\w+)\b", re.I), lambda m: "You " + _VERB_3P.get(m.group(1).lower(), m.group(1))),
    # "Patients with X" -> "You have X"
    (re.compile(rf"^{_WHO}\s+with\b", re.I), lambda m: "You have"),
    # "Subjects must/should/will/can/may …", "Patient is/has …"
    (re.compile(rf"^{_WHO}\s+(must|should|will|can|may|are|have|had|were|agree|need)\b", re.I), lambda m: "You " + m.group(1).lower()),
    (re.compile(rf"^{_WHO}\s+(is|has|was)\b", re.I), lambda m: "You " + _VERB_3P[m.group(1).lower()]),
    # "Patients receiving X" -> "You are receiving X"; "Subjects treated with" -> "You have been treated with"
    (re.compile(rf"^{_WHO}\s+(?!being\b)([a-z]+ing)\b", re.I), lambda m: "You are " + m.group(1).lower()),
    (re.compile(rf"^{_WHO}\s+(treated|diagnosed|exposed|vaccinated|hospitali[sz]ed|infected|randomi[sz]ed|enrolled)\b", re.I),
     lambda m: "You have been " + m.group(1).lower()),
    (re.compile(rf"^{_WHO}\s+(eligible|ineligible|able|unable|willing|unwilling|scheduled|pregnant|aged|older|younger|currently|"
                rf"previously|already|likely|unlikely|known|considered|planning|expected)\b", re.I),
     lambda m: "You are " + m.group(1).lower()),
    (re.compile(r"^(?:the\s+)?(?:patient|subject|participant)'s\b", re.I), lambda m: "Your"),
    (re.compile(r"^(?:the\s+)?(?:patient|subject|participant)\s+or\s+(?:(?:his/her|his|her|their)\s+)?(?=legal|parent|guardian|caregiver)", re.I),
     lambda m: "You or your "),
    # "Pregnant or breastfeeding women" -> "You are pregnant or breastfeeding"
    (re.compile(r"^(?:women\s+who\s+are\s+)?pregnant\s+(or|and|and/or)\s+(breast-?feeding|lactating|nursing)(?:\s+(?:women|females|patients|subjects|mothers))?\b", re.I),
     lambda m: f"You are pregnant {m.group(1)} {m.group(2)}"),
    (re.compile(r"^pregnant\s+(?:women|females|patients|subjects)\b", re.I), lambda m: "You are pregnant"),
    (re.compile(r"^(able|willing|unable|unwilling)\s+to\b", re.I), lambda m: f"You are {m.group(1).lower()} to"),
    (re.compile(r"^(?:has|have)\s+(?=\w)", re.I), lambda m: "You have "),
    (re.compile(r"^(?:be|are)\s+(?=\w)", re.I), lambda m: "You are "),
    (re.compile(r"^(is|was|does|agrees|meets|requires|receives|understands|needs|weighs|lives|speaks|plans|uses|takes)\s+(?=\w)", re.I),
     lambda m: "You " + _VERB_3P[m.group(1).lower()] + " "),
    (re.compile(r"^an?\s+(man|woman|male|female|adult|boy|girl)\b", re.I), lambda m: f"You are a {m.group(1).lower()}"),
    (re.compile(r"^history\s+of\b", re.I), lambda m: "You have a history of"),
    (re.compile(r"^(?:a\s+)?diagnosis\s+of\b", re.I), lambda m: "You have a diagnosis of"),
    (re.compile(r"^diagnosed\s+with\b", re.I), lambda m: "You have been diagnosed with"),
    (re.compile(r"^currently\s+(taking|receiving|using|enrolled|participating|pregnant|breast-?feeding)\b", re.I),
     lambda m: f"You are currently {m.group(1)}"),
    (re.compile(r"^(received|undergone|had)\s+(?=\w)", re.I), lambda m: f"You have {m.group(1).lower()} "),
    (re.compile(r"^negative\s+(?=[\w-]+\s+(?:test|screen|result|serology))", re.I), lambda m: "You have a negative "),
    (re.compile(r"^(?:known\s+)?(allergy|allergies|hypersensitivity|sensitivity|intolerance)\s+to\b", re.I),
     lambda m: f"You have {'an' if m.group(1)[0].lower() in 'ai' else 'a'} {m.group(1).lower()} to"),
    (re.compile(r"^aged?\s*(?::\s*|\s+of\s+|\s+is\s+)?(?=(?:at least|at most|more than|less than|between|from|over|under|older|younger|[<>≤≥]|\\?[<>]|\d))", re.I),
     lambda m: "You are aged "),
    (re.compile(r"^(?=(?:at least|at most|more than|less than|between|over|under|older than|younger than)\s+\d[^;]*\b(?:years?|yrs?)\b[^;]*\b(?:age|old)\b)", re.I),
     lambda m: "You are "),
    (re.compile(r"^(men|women|males?|females?)\s+(?=(?:aged?\b|\d|between|over|at least|older|younger|with\b|who\s+are\b))", re.I),
     lambda m: "You are a " + {"men": "man", "women": "woman", "males": "male", "females": "female"}.get(m.group(1).lower(), m.group(1).lower()) + " "),
    (re.compile(r"^(?:the\s+)?presence\s+of\b", re.I), lambda m: "You have"),
    (re.compile(r"^(previous|prior|past|documented|personal)\s+history\s+of\b", re.I), lambda m: f"You have a {m.group(1).lower()} history of"),
    (re.compile(r"^suffering\s+from\b", re.I), lambda m: "You are suffering from"),
    (re.compile(r"^ability\s+to\b", re.I), lambda m: "You are able to"),
    (re.compile(r"^willingness\s+to\b", re.I), lambda m: "You are willing to"),
    (re.compile(r"^inability\s+to\b", re.I), lambda m: "You are unable to"),
    (re.compile(r"^(capable|willing|able)\s+(and|or)\s+(willing|able|capable)\b", re.I),
     lambda m: f"You are {m.group(1).lower()} {m.group(2)} {m.group(3).lower()}"),
    (re.compile(r"^agrees?\s+to\b", re.I), lambda m: "You agree to"),
    (re.compile(r"^(do|does|did)\s+not\b", re.I), lambda m: "You " + {"does": "do"}.get(m.group(1).lower(), m.group(1).lower()) + " not"),
    (re.compile(r"^not\s+(?=pregnant|breast|nursing|lactating)", re.I), lambda m: "You are not "),
    (re.compile(r"^current\s+use\s+of\b", re.I), lambda m: "You currently use"),
    (re.compile(r"^(active|chronic|severe|uncontrolled|significant|clinically significant|acute|untreated|unstable|"
                r"symptomatic|serious|ongoing|recent|prior|previous|concurrent|current)\s+(?=[a-z])", re.I),
     lambda m: f"You have {m.group(1).lower()} "),
    (re.compile(r"^signed\s+(?=\w)", re.I), lambda m: "You have signed "),
    (re.compile(r"^known\s+(?=\w)", re.I), lambda m: "You have known "),
]
_HIS_HER = re.compile(r"\b(?:his/her|her/his|his/hers)\b", re.I)


_NO = re.compile(r"^no\s+(?=[a-z])", re.I)
_PASSIVE = re.compile(r"\b(?:are|is)\s+(?:not\s+)?(?:excluded|eligible|ineligible|allowed|permitted|required|included|"
                      r"acceptable|prohibited)\b", re.I)
_LABEL = re.compile(r"^[A-Z][A-Za-z/ -]{1,30}:\s+(?=\S)")


def second_person(text: str, section: str = "inclusion") -> str:
    """Address the reader: the first matching rule at the start of the item, and "his/her" -> "your".

    Labels ("Prior medication:") are left alone; "No X" becomes "You have no X" only under an
    inclusion or exclusion heading ("No eligibility criteria" is not about the reader).
    """
    if text.rstrip().endswith(":"):
        return text
    if _PASSIVE.search(text):   # "Women of childbearing age are excluded": the subject is not "you"
        return text
    label = _LABEL.match(text)
    if label:   # "Other: No concurrent MAOIs" -> "Other: You have no concurrent MAOIs"
        rest = second_person(text[label.end():], section)
        return text[:label.end()] + rest
    if section in ("inclusion", "exclusion") and _NO.match(text):
        return "You have no " + text[_NO.match(text).end():]
    for rx, repl in _PERSON_RULES:
        m = rx.match(text)
        if m:
            text = repl(m) + text[m.end():]
            break
    if text.startswith(("You ", "Your ")):
        text = _HIS_HER.sub("your", text)
    return text


# --------------------------------------------------------------------------- the whole rewrite

_SEMI = re.compile(r";\s+(?=[a-z]+\b)([a-z])")


def short_sentences(text: str) -> str:
    """"A; b; c" -> "A. B. C": one idea per sentence. Only all-lowercase words are capitalized
    ("eGFR" stays as written: "EGFR" is something else)."""
    return _SEMI.sub(lambda m: ". " + m.group(1).upper(), text)


def rewrite(text: str, section: str = "inclusion") -> tuple[str, list[dict]]:
    """One item in plain English -> (candidate text, glossary). Not yet fidelity-checked."""
    t = second_person(text.strip(), section)
    t = words_for_symbols(t)
    t = re.sub(r"\bin the prior\b", "in the past", t, flags=re.I)
    t, glossary = gloss(t)
    t = short_sentences(t)
    t = re.sub(r"\s+([,;:)]|\.(?!\d))", r"\1", t)
    t = re.sub(r"\s{2,}", " ", t).strip()
    if t[:1].islower():
        t = t[0].upper() + t[1:]
    return t, glossary


def glossary_for(text: str) -> list[dict]:
    """The glossary of the original wording (for fallbacks: words unchanged, terms explained)."""
    return gloss(text, replace=False)[1]
