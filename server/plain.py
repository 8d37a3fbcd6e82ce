"""Plain-English rewriting of one criterion: symbols to words, second person, lexicon.

Every rule here is meaning-preserving by construction ("≥" -> "at least", "45-90" ->
"45 to 90", "Patients with X" -> "You have X"), and the result is still checked by
scrapers.fidelity before it is shown; a rule that misfires only costs a fallback.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .everyday import at_the_same_time, everyday_latin, everyday_phrases, plural_noun, same_case as _same_case, section_label
from .lexicon import gloss
from .sentences import split_clauses

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


_SYMBOL_CHARS = re.compile("[<>=≥≧⩾≤≦⩽＞＜]")
_SPACE_RUNS = re.compile(r"[ \t]{2,}")


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
        for rx, words in _SYMBOLS:
            t = rx.sub(words, t)
    low = t.lower()
    if "than" in low or "exceeding" in low:
        for rx, words in _PHRASES:
            t = rx.sub(lambda m, w=words: _same_case(m.group(0), w), t)
    if "-" in t or "–" in t:
        t = _RANGE.sub(r"\1 to \2", t)
    if "(" in t:
        t = re.sub(r"\(\s+", "(", t)
    return _SPACE_RUNS.sub(" ", t).strip()


# --------------------------------------------------------------------------- second person

_WHO = r"(?:(?:the|a|an|all|any)\s+)?(?:(?:eligible|potential)\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|people|volunteers?|candidates?)"
_VERB_3P = {"is": "are", "has": "have", "was": "were", "does": "do", "agrees": "agree", "meets": "meet",
            "requires": "require", "receives": "receive", "understands": "understand", "needs": "need",
            "weighs": "weigh", "lives": "live", "speaks": "speak", "plans": "plan", "uses": "use", "takes": "take"}
_ILLNESS = (r"(?:itis|omas?|a?emia|osis|pathy|diseases?|cancers?|failure|syndrome|insufficiency|infections?|disorders?|"
            r"tumou?rs?|ulcers?|hypertension|diabetes|epilepsy|asthma|dementia|depression|fibrillation)\b(?!-)")
_SINGULAR_COUNT = re.compile(r"(?:infection|disorder|tumou?r|ulcer)$")


def _illness_article(text: str) -> str:
    """"a urinary tract infection", "an ulcer"; no article for "cancer", "hepatitis", plurals."""
    head = re.match(r"(?:[A-Za-z][a-z'-]*\s+){0,3}?[A-Za-z'-]*" + _ILLNESS, text, re.I)
    article = _article(text) + " " if head and _SINGULAR_COUNT.search(head.group(0).lower()) else ""
    return article + (text[0].lower() if text[1:2].islower() else text[0])


_ARTICLE_FOR = {"allergy": "an", "allergies": "", "intolerance": "an", "hypersensitivity": "a", "sensitivity": "a"}
_AN_LETTERS = "AEFHILMNORSX"   # letters said with a vowel sound: "an HIV infection", "an MRI"


_AS_WHO = {"female": "a woman", "women": "a woman", "woman": "a woman", "male": "a man", "men": "a man", "man": "a man",
           "adult": "an adult", "adults": "an adult"}
_SINGULAR = {"are": "is", "have": "has", "were": "was", "do": "does", "had": "had"}
_GROUP = r"^(?:the\s+)?(female|male|adult|women|men|adults)"
_PERSON_RULES = [
    # "Female participants must …" -> "As a woman, you must …": who it applies to stays said.
    (re.compile(rf"{_GROUP}(?:\s+{_WHO})?\s+(must|should|will|need\s+to|may)\b", re.I),
     lambda m: f"As {_AS_WHO[m.group(1).lower()]}, you {m.group(2).lower()}"),
    (re.compile(rf"{_GROUP}(?:\s+{_WHO})?\s+with\b", re.I), lambda m: f"You are {_AS_WHO[m.group(1).lower()]} with"),
    (re.compile(rf"{_GROUP}(?:\s+{_WHO})?\s+who\s+(are|have|were|do|had)\b", re.I),
     lambda m: f"You are {_AS_WHO[m.group(1).lower()]} who {_SINGULAR[m.group(2).lower()]}"),
    (re.compile(r"^(must|should)\s+(?=\w)", re.I), lambda m: f"You {m.group(1).lower()} "),
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
    (re.compile(r"^pregnant\s+(?:women|females|patients|subjects)\b(?!\s+(?:or|and|and/or)\s+(?:women|females|patients|subjects|those)\b)",
                re.I), lambda m: "You are pregnant"),
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
    (re.compile(r"^(?:fully\s+)?recovered\s+from\b", re.I), lambda m: "You have " + m.group(0).lower()),
    (re.compile(r"^negative\s+(?=[\w-]+\s+(?:test|screen|result|serology))", re.I), lambda m: "You have a negative "),
    # "Known allergy to X" -> "You have a known allergy to X"; "Known allergies to X" -> "You have known allergies to X"
    (re.compile(r"^(known\s+)?(allergy|allergies|hypersensitivity|sensitivity|intolerance)\s+to\b", re.I),
     lambda m: " ".join(w for w in ("You have", "a" if m.group(1) and m.group(2).lower() != "allergies" else
                                    "" if m.group(1) else _ARTICLE_FOR[m.group(2).lower()],
                                    "known" if m.group(1) else "", m.group(2).lower(), "to") if w)),
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
                r"symptomatic|serious|ongoing|recent|prior|previous|concurrent|current)\s+(?!of\b)(?=[a-z])", re.I),
     lambda m: f"You have {m.group(1).lower()} "),
    (re.compile(r"^signed\s+(?=\w)", re.I), lambda m: "You have signed "),
    (re.compile(r"^known\s+(?=\w)", re.I), lambda m: "You have known "),
]
# A bare illness: "Urinary tract infection" -> "You have a urinary tract infection", "Hepatitis B" -> "You have hepatitis B"
_ILLNESS_RULE = (re.compile(r"^(?=(?:[A-Za-z][a-z'-]*\s+){0,3}[A-Za-z'-]*" + _ILLNESS + r")(?!(?:no|not|any|other|family|risk|"
                r"signs?|evidence|history|use|treatment|prior|current|diagnosis|suspicion|suspected|presence|absence|"
                r"pregnancy|women|men|patients?|subjects?|participants?|see|refer|exclude|include|defined|as|per|positive|negative|"
                r"measurable|evaluable|stable|\w+ing)\b)(?!(?:\S+\s+){0,3}?(?:of|with|for|to|in|on|or|and|by)\b)"
                r"(?![^;]*\b(?:patients?|subjects?|participants?)\b)"
                r"(?!(?:\S+\s+){0,3}?\S*" + _ILLNESS + r"\s+(?:size|markers?|burden|stage|grade|type|status|count|tissue|"
                r"samples?|specimens?|cells?|site|location|lesions?|volume|diameter|response|free|related)\b)"
                r"(?![^;]*\b(?:within|since|before|prior|ago|past|last|previous|recent|recently)\b)(?=[A-Z][a-z]|[a-z]|[A-Z]{2})(.)", re.I),
     lambda m: "You have " + _illness_article(m.string))
_ILLNESS_ENDINGS = ("itis", "oma", "omas", "emia", "osis", "pathy", "disease", "diseases", "cancer", "cancers", "failure",
                    "syndrome", "insufficiency", "infection", "infections", "disorder", "disorders", "tumor", "tumors",
                    "tumour", "tumours", "ulcer", "ulcers", "hypertension", "diabetes", "epilepsy", "asthma", "dementia",
                    "depression", "fibrillation")


def _names_illness(text: str) -> bool:
    """Cheap test before the illness rule: a word among the first five ends like an illness."""
    return any(w.strip(",.;:()").endswith(_ILLNESS_ENDINGS) for w in text[:60].lower().split()[:5])
_HIS_HER = re.compile(r"\b(?:his/her|her/his|his/hers)\b", re.I)


# A test result said as "Name negative/positive" (not "is positive", not "negative pregnancy test")
_RESULT = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeing )(?<!\bbecome )\b(?:sero)?(?:negative|positive)\b"
                     r"(?!\s+(?:for|tests?|pregnancy|results?|screen|urine|serum|blood|serology)\b)", re.I)
_NO = re.compile(r"^no\s+(?=[a-z])", re.I)
_NO_CMP = re.compile(r"(?:greater|more|less|fewer|higher|lower|larger|smaller|longer|shorter|older|younger|sooner|later)\s+than\b", re.I)
_PASSIVE = re.compile(r"\b(?:are|is)\s+(?:not\s+)?(?:excluded|eligible|ineligible|allowed|permitted|required|included|"
                      r"acceptable|prohibited)\b", re.I)
_LABEL = re.compile(r"^[A-Z][A-Za-z/ -]{1,30}:\s+(?=\S)")


# A noun-phrase item that has its own verb ("Prior interferon allowed if …", "Prior therapy
# must have ended …") is not about what you have: "You have prior interferon allowed" is wrong.
_VERBFUL = re.compile(r"\b(?:who|that|must|should|shall|will|can|may|are|is|have|has|had|were|was|agrees?|needs?|"
                      r"do|does|did|be|been|signed|received|undergone|use|uses|takes?|meets?|requires?|understands?|"
                      r"weighs?|lives?|speaks?|plans?|receives?)\b", re.I)
_OWN_VERB_RX = re.compile(r"\b(?:(will|would|may|might|could|can|cannot|is|are|was|were|has)|must|should|shall|allowed|permitted|prohibited|"
                          r"required|excluded|acceptable|eligible|ineligible|accepted|forbidden)\b", re.I)
_RELATIVE = ("that ", "which ", "who ")
_WHO_CLAUSE = re.compile(r"\b(?:who|that)\s+\w+$", re.I)   # "Patients who require X must …": X's clause, then the verb


def _own_verb(text: str) -> bool:
    """A main verb of the item's own: modal/passive words, or "is/are/will …" not inside "that/which/who …"."""
    for m in _OWN_VERB_RX.finditer(text):
        if not m.group(1) or not text[:m.start()].lower().endswith(_RELATIVE):
            return True
    return False


_VERDICT = re.compile(r"^(?P<head>(?:the\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|people|women|men|"
                      r"children|volunteers?|candidates?)\s+(?:with|who|that)\b[^:]+?)\s*,?\s+(?:are|is|will\s+be|shall\s+be)\s+"
                      r"(?P<v>excluded|eligible|included)(?:\s+(?:from|in|for)\s+(?:the|this)\s+(?:study|trial))?\s*(?P<end>[.;:]?)\s*$", re.I)
_FOLLOWING_LIST = re.compile(r"\b(?:the|these)\s+following\b|\bthese\b(?!.*\bfollowing\b)", re.I)
_VERDICT_SECTION = {"excluded": "exclusion", "eligible": "inclusion", "included": "inclusion"}
_HEDGED = re.compile(r"\b(?:not|no|never|unless|if|only|except|may|might)\b", re.I)
_THIRD_PERSON = re.compile(r"\b(?:they|them|their|theirs|themselves|he|she|him|himself|herself)\b", re.I)
_NO_WHO_WITH = re.compile(rf"^{_WHO}\s+with\s+(?!(?:greater|more|less|fewer|higher|lower|over|under|above|below)\b)(?=\w)", re.I)


def second_person(text: str, section: str = "inclusion") -> str:
    """Address the reader: the first matching rule at the start of the item, and "his/her" -> "your".

    Labels ("Prior medication:") are left alone; "No X" becomes "You have no X" only under an
    inclusion or exclusion heading ("No eligibility criteria" is not about the reader).
    """
    if text.rstrip().endswith("?"):   # a question ("Does the patient have …?")
        return text
    original = text
    verdict = _VERDICT.match(text)
    list_intro = False
    if verdict and _VERDICT_SECTION.get(verdict.group("v").lower()) == section and not _HEDGED.search(text):
        # "Patients with X are excluded" under "You cannot join if…" is "You have X": the heading says the rest
        head, end = verdict.group("head"), verdict.group("end")
        if end == ":":   # "Patients with the following conditions are excluded:" introduces a list: any one of them
            # excludes you. (Under inclusion, "… are eligible:" could mean all of them: left as written.)
            following = _FOLLOWING_LIST.search(head)
            list_intro = section == "exclusion" and bool(following) and plural_noun(head[following.end():])
            if list_intro and not re.search(r"\b(?:any|one|all|each|either|both|none)\s+of\s+(?:the\s+|these\s+)?following\b", head, re.I):
                head = _FOLLOWING_LIST.sub("any of the following", head, count=1)
        if end != ":" or list_intro:
            text = head + end
    if text.rstrip().endswith(":") and not list_intro:   # a label ("Prior medication:")
        return text
    if _PASSIVE.search(text):   # "Women of childbearing age are excluded": the subject is not "you"
        return text
    label = _LABEL.match(text)
    if label:   # "Other: No concurrent MAOIs" -> "Other: You have no concurrent MAOIs"
        rest = second_person(text[label.end():], section)
        return text[:label.end()] + rest
    if section in ("inclusion", "exclusion") and _NO.match(text):
        rest = text[_NO.match(text).end():]
        if _NO_CMP.match(rest):   # "No greater than 5 cm": a comparator, not "You have no …"
            return text
        rest = _NO_WHO_WITH.sub("", rest, count=1)   # "No patients with X" -> "You have no X"
        if re.match(_WHO + r"\s", rest, re.I):         # "No patients with more than 6 …": left as written
            return text
        return text if _own_verb(rest) else tidy_grammar("You have no " + rest)
    rules = _PERSON_RULES + [_ILLNESS_RULE] if _names_illness(text) else _PERSON_RULES
    for rx, repl in rules:
        m = rx.match(text)
        if m:
            new = repl(m)
            if new.startswith("You have") and not re.match(r"(?:has|have)\b", m.group(0), re.I) and _RESULT.search(text):
                break   # "Hepatitis B surface antigen negative" is a test result, not "You have hepatitis B …"
            if (not _VERBFUL.search(m.group(0)) or _WHO_CLAUSE.search(m.group(0))) and _own_verb(text[m.end():]):
                break   # the item's verb comes later ("Patients getting X will not have had Y"): not "You are getting X"
            text = new + text[m.end():]
            break
    if verdict and text != original and not text.startswith(("You ", "As ")):
        return original   # "Children with X are excluded": not turned into "You …", so the verdict stays said
    if text.startswith(("You ", "Your ", "As ")):
        if _THIRD_PERSON.search(text):   # "You were recruited if they had …": a narrative, not about you
            return original
        text = _HIS_HER.sub("your", text)
        text = tidy_grammar(text)
    return text


# Singular things that take "a": "You have had a recent heart attack", "You have a known diagnosis of".
_COUNT_NOUN = (r"(?:heart\s+attack|myocardial\s+infarction|MI|stroke|cerebrovascular\s+accident|CVA|TIA|"
               r"transient\s+isch(?:a)?emic\s+attack|diagnosis|history|episode|seizure|fracture|transplant|"
               r"organ\s+transplant|pulmonary\s+embolism|deep\s+vein\s+thrombosis|DVT|hospitali[sz]ation|"
               r"allergy|hypersensitivity|infection|biopsy|pacemaker|(?:adverse\s+|allergic\s+|serious\s+)?reaction)\b")
# "history of X" is "have had X" (at any time), except before habits ("history of smoking",
# "history of alcohol abuse"), where "had" reads wrong.
_HABIT = r"(?:\w+ing\b|alcohol|drugs?\b|substance|tobacco|non|poor|use\b|being\b|\w+ity\b|any\b|one\b|two\b|more\b|at\b|or\b|and\b)"
_WINDOW = re.compile(r"\b(?:within|since|past|last|prior to|before|after|during)\b", re.I)
_GRAMMAR = [
    (re.compile(r"^You have ability to\b"), "You have the ability to"),
    (re.compile(rf"^You have (a |)history of\s+(?!{_HABIT})(?!.*\b(?:use of|using|taking|smok|drinking|exposure)\b)"), "You have had "),
    (re.compile(rf"^You have no history of\s+(?!{_HABIT})(?!.*\b(?:use of|using|taking|smok|drinking|exposure)\b)"),
     lambda m: "You have not had " if _WINDOW.search(m.string) else "You have never had "),
    # "You have prior X" -> "You have had X" ("prior" is what "have had" says); "no prior X" -> "had no X"
    (re.compile(r"^You have (no |)(?:prior|previous)\s+(?!history\b|or\b|and\b|and/or\b)(?=\w)"), r"You have had \1"),
    (re.compile(r"^You have (no |)recent\b"), r"You have had \1recent"),
    (re.compile(rf"^You have (?:had|never had|not had) (?={_COUNT_NOUN})"), lambda m: f"{m.group(0)}{_article(m.string[m.end():])} "),
    (re.compile(rf"^You have (had |)(known|recent|prior|previous|documented|active|current|significant|severe|acute)\s+(?={_COUNT_NOUN})"),
     lambda m: f"You have {m.group(1)}{_article(m.group(2))} {m.group(2)} "),
    (re.compile(rf"^You have (?={_COUNT_NOUN})"), lambda m: f"You have {_article(m.string[m.end():])} "),
    # the item's own third-person verb after "you": "You have or needs a pacemaker" -> "You have or need …",
    # "You are currently meets" -> "You currently meet"
    (re.compile(r"^You (have|are) (or|and|and/or) (" + "|".join(_VERB_3P) + r")\b"),
     lambda m: f"You {m.group(1)} {m.group(2)} {_VERB_3P[m.group(3)]}"),
    (re.compile(r"^You (?:are|have) (currently|previously|already|also) (" + "|".join(_VERB_3P) + r")\b"),
     lambda m: f"You {m.group(1)} {_VERB_3P[m.group(2)]}"),
    # "You have had serious allergic reaction" -> "… a serious allergic reaction"; "You have unstable medical
    # condition" -> "… an unstable medical condition": one or two describing words, then a singular count noun
    (re.compile(r"^You have (had |)(?=(?:(?!(?:no|any|a|an|the|had|been|never|not|from|of|to|for|with|in|on|at|by|or|and|"
                r"recovered|received|undergone|experienced|developed|shown|needed|completed|taken|used)\b)[a-z-]+\s+){1,2}"
                r"(?:reaction|condition|illness|immune\s+system|tumou?r)\b)"),
     lambda m: f"You have {m.group(1)}{_article(m.string[m.end():])} "),
]


# "a allergy" -> "an allergy" after a replacement changed the word that follows the article
_A_AN = re.compile(r"(?<![\w-])(a) (?=(?:[aio]|e(?!u)|u(?:l|m|p|n(?!i)))[a-z]{2})(?!one\b|once\b|and\b|or\b|is\b|in\b|if\b|at\b|as\b|of\b|on\b)")


def _article(word: str) -> str:
    if re.match(r"[A-Z]{2}", word):
        return "an" if word[0] in _AN_LETTERS else "a"
    return "an" if re.match(r"[aeio]|hon|u(?:l|m|p|n(?!i)|s(?!u|e))", word, re.I) else "a"


def tidy_grammar(text: str) -> str:
    """Articles and tense the second-person rules need ("You have recent heart attack" -> "You have had a
    recent heart attack"). Only grammar words are added; nothing guarded by the fidelity checker."""
    for rx, repl in _GRAMMAR:
        text = rx.sub(repl, text, count=1)
    return text


# --------------------------------------------------------------------------- the whole rewrite

def _sentence_start(clause: str) -> str:
    """Capitalize a clause that now starts a sentence, only when its first word is all lowercase
    ("eGFR" stays as written: "EGFR" is something else)."""
    m = re.match(r"[a-z]+\b", clause)
    return clause[0].upper() + clause[1:] if m else clause


# "X (such as A, B and C)" at the end of a statement: the examples get a sentence of their own.
_ASIDE = re.compile(r"^(?P<head>.*[\w)%])\s*\(\s*(?P<lead>such as|that is,|including|for example,?|especially)\s+"
                    r"(?P<body>[^()\d]+?)\s*\)(?P<end>[.;,]?)\s*$", re.I)
_LEAD = {"such as": "For example,", "for example": "For example,", "for example,": "For example,",
         "that is,": "That is,", "including": "This includes", "especially": "Especially"}


_ASIDE_COMMA = re.compile(r"^(?P<head>.*[\w)%]),\s+(?P<lead>such as|including|for example,?)\s+"
                          r"(?P<body>[^()\d;:]+?)(?P<end>[.;]?)\s*$", re.I)


def _aside_out(clause: str) -> list[str]:
    """Move a closing list of examples, in brackets or after a comma, to its own sentence (4+ words, no numbers)."""
    m = _ASIDE.match(clause) or _ASIDE_COMMA.match(clause)
    if not m or len(m.group("body").split()) < 4 or m.group("head").count("(") != m.group("head").count(")") \
            or re.match(r"(?:who|whom|whose|which|that|where|when)\b", m.group("body"), re.I):
        return [clause]
    lead = _LEAD[m.group("lead").lower()]
    return [m.group("head"), f"{lead} {m.group('body')}{m.group('end') if m.group('end') == '.' else ''}"]


def short_sentences(text: str, section: str = "inclusion") -> str:
    """The item cut into statements where that is safe (server.sentences), each addressed to the
    reader: "No history of X; must not be pregnant" -> "You have no history of X. You must not be pregnant"."""
    clauses = []
    for c in split_clauses(text):
        head, *aside = _aside_out(second_person(c, section))
        clauses.append(head)
        clauses.extend(aside)
    out = []
    for i, c in enumerate(clauses):
        if i < len(clauses) - 1:
            c = c.rstrip(" ,;") + ("" if c.rstrip().endswith((".", "!", "?")) else ".")
        out.append(_sentence_start(c) if i else c)
    return " ".join(out)


def rewrite(text: str, section: str = "inclusion") -> tuple[str, list[dict]]:
    """One item in plain English -> (candidate text, glossary). Not yet fidelity-checked."""
    t = short_sentences(everyday_latin(section_label(text.strip())), section)
    t = everyday_phrases(words_for_symbols(t))
    before_gloss = t
    t, glossary = gloss(t)
    if t != before_gloss and t.startswith("You have"):   # "anaphylaxis" -> "severe allergic reaction": it needs "a"
        t = tidy_grammar(t)
    t = at_the_same_time(t)
    t = _A_AN.sub(lambda m: m.group(1) + "n ", t)
    t = re.sub(r"\s+([,;:)]|\.(?!\d))", r"\1", t)
    t = re.sub(r"\s{2,}", " ", t).strip()
    if t[:1].islower():
        t = t[0].upper() + t[1:]
    return t, glossary


def glossary_for(text: str) -> list[dict]:
    """The glossary of the original wording (for fallbacks: words unchanged, terms explained)."""
    return gloss(text, replace=False)[1]
