"""An item's first words, read before "You have" goes in front of them: a proper name keeps its capital
("Crohn's disease", "Chronic Obstructive Pulmonary Disease"), an illness takes its article ("a urinary
tract infection"), a named score is not something you have ("Asthma Control Test Score ≤19").
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from scrapers.illness_words import rewrite_pattern

from .verb_forms import article

# the endings that name an illness ("… disease", "hepatitis", "lymphoma"): scrapers/illness_words.py's
ILLNESS = rewrite_pattern()
_SINGULAR_COUNT = re.compile(r"(?:infection|disorder|tumou?r|ulcer)$")


@functools.cache
def _word_list(name: str) -> frozenset[str]:
    # (written by bench/names_from_corpus.py; read as lexicon.json is, from the package's data)
    text = resources.files("server").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def _names() -> frozenset[str]:
    return _word_list("names.txt")


# the record's capitalised words right after an opening the rewrite added ("Patients with Severe Anemia", "Heart
# Failure", "History of Untreated Hypogonadism"): a run of capitalised words, each in small letters after it
_CAPITAL_RUN = re.compile(r"\s*(?:(?:an?|the)\s+)?((?:[A-Z][a-z]+(?![\w'’/-])(?:\s+|$))*[A-Z][a-z]+(?![\w'’/-]))")
# ... that is part of a longer name or list in Title Case ("Diagnostic and Statistical Manual", "Heart Failure (HF)",
# "Household, Daycare, Or School Exposure"), or a brand name before its drug's ("Antabuse (disulfiram)")
_LONGER_NAME = re.compile(r"\s*\((?=[\w-]*[A-Z][\w-]*[A-Z])|\s*\([a-z-]+\)|\s+(?:of|and|or|for|the|&|in|on|de|von)\s+[A-Z][a-z]"
                          r"|,\s+[A-Z][a-z]")
# the describing words the opening rules read (server.openings): "Severe Anemia" is a describing word before an illness,
# "Chronic Obstructive Pulmonary Disease" (three capitalised words after it) a name
_DEGREE_OR_STATE = frozenset("""active chronic severe uncontrolled significant acute untreated unstable symptomatic serious
    ongoing recent prior previous concurrent current known""".split())
_LABEL_BEFORE = re.compile(r"[A-Z][a-z]+\s+$")
_NUMBERED = re.compile(r"\s*(?:[<>≤≥=/]+\s*)?(?:\d|[IVX]+\b)")
_MEASURE_WORD = re.compile(r"(?:Score|Scale|Test|Tool|Index|Questionnaire|Inventory|Rating|Assessment|Instrument|"
                           r"Survey|Criteria|Classification|Group|Association|Society|Study|Trial|Program|Programme)s?$")


def small_words(text: str, at: int) -> str:
    """`text` with the capitalised words at `at`, which an opening the rewrite added ("You have …") put in mid-sentence,
    in small letters: "You have Severe Anemia" -> "You have severe anemia" (then "severely low red blood cell count",
    was "Severely low …"), "You have had Untreated Hypogonadism" -> "… untreated hypogonadism", "You have a diagnosis of
    Asthma" -> "… asthma". Only ordinary words, capitalised because they started the item or a Title Case term
    (data/ordinary_words.txt), and only all of a run or none: never a name ("Crohn's", "Klinefelter", "Eastern
    Cooperative Oncology Group"), a term a_name reads as one ("Cauda Equina Syndrome", "Heart Failure"), an acronym
    ("HIV", "ECOG"), a named score ("Numeric Rating Scale") or a word the item capitalises again ("Type 1 or Type 2")."""
    m = _CAPITAL_RUN.match(text, at)
    if not m:
        return text
    words = m.group(1).split()
    if _LABEL_BEFORE.search(text, 0, m.start(1)) or _NUMBERED.match(text, m.end()):
        return text   # a term the opening kept a capital of ("You have Chronic Obstructive Pulmonary Disease"); "Grade 2"
    if a_name(text[m.start(1):]) and not (words[0].lower() in _DEGREE_OR_STATE and len(words) < 4):
        return text   # a Title Case term keeps its capitals ("Cauda Equina Syndrome"), but not after a describing word
    ordinary, names = _word_list("ordinary_words.txt"), _names()
    if not all(w in ordinary and w not in names for w in words) or _MEASURE_WORD.search(words[-1]) \
            or _LONGER_NAME.match(text, m.end()) \
            or any(re.search(rf"\b{w}\b", text[m.end():]) for w in words):
        return text
    return text[:m.start(1)] + m.group(1).lower() + text[m.end(1):]


_FIRST_WORD = re.compile(r"(?!(?:Non|Anti|Pre|Post|Co|Semi|Sub|Pseudo)-)[A-Za-z]+(?P<joined>-[A-Z])?(?P<owner>['’]s\b)?")


def a_name(text: str) -> bool:
    """Whether the text starts with a proper name ("Crohn's disease", "Guillain-Barre syndrome",
    "Parkinson disease", "Cauda Equina Syndrome"): its capital stays after "You have"."""
    m = _FIRST_WORD.match(text)
    return bool(m) and text[:1].isupper() and bool(m.group("joined") or m.group("owner") or m.group(0) in _names()
                                                   or m.group(0) in _PARTICLES
                                                   or (_TITLE_NEXT.match(text, m.end()) is not None
                                                       and not _DESCRIBING.search(m.group(0))))


# a capitalised word next ("Chronic Obstructive Pulmonary Disease", "La Peyronie's"): the first word is part of
# a name, or of an item in Title Case, and keeps its capital ("Active HIV infection" is not: "HIV" is all capitals)
_TITLE_NEXT = re.compile(r"\s+[A-Z][a-z]+\b(?!['’])")
_PARTICLES = frozenset("La Le De Du Di Da Van Von Ter".split())   # "La Peyronie's disease", "De Quervain's"
_DESCRIBING = re.compile(r"(?:ed|en|al|ic|ble|ous|ive)$")   # "Visceral", "Documented", "Idiopathic": not a name's own word
# after a describing word, a name it starts runs on for three more capitalised words ("Chronic Obstructive
# Pulmonary Disease", "Severe Acute Respiratory Syndrome"); "Active Malignancy", "Severe Sleep Apnea",
# "Visceral Kaposi's sarcoma" are a describing word before an illness
_NAME_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+\b(?!['’])){3}")


def starts_name(m: re.Match) -> bool:
    """Whether the describing word a person rule matched starts a name (see _NAME_AFTER). Not a word of
    time ("Previous Vaccination With Any …", "Current Clinical Global Impression"): "prior" becomes "had"."""
    return m.group(1).lower() not in ("prior", "previous", "recent", "current", "concurrent", "ongoing") and \
        _NAME_AFTER.match(m.string, m.end(1)) is not None


# a named measurement at the start ("Asthma Control Test Score ≤19", "Premature Ejaculation Diagnosis Tool (PEDT)
# questionnaire score …"): a score, not an illness you have
NAMED_MEASURE = re.compile(r"^(?!(?:Has|Have|Had|Is|Are|Was|No|Not|Any)\b)(?:[A-Z][\w'’-]*\s+){1,6}?"
                            r"(?:Score|Scale|Test|Tool|Index|Questionnaire|Inventory|Rating|Assessment|Instrument|Survey)s?\b")


def illness_article(text: str) -> str:
    """"a urinary tract infection", "an ulcer"; no article for "cancer", "hepatitis", plurals, or an
    item that has its own ("An active eating disorder")."""
    head = re.match(r"(?:[A-Za-z][a-z'-]*\s+){0,3}?[A-Za-z'-]*" + ILLNESS, text, re.I)
    own = re.match(r"an?\s", text, re.I)
    lead = article(text) + " " if head and not own and _SINGULAR_COUNT.search(head.group(0).lower()) else ""
    return lead + (text[0].lower() if own or (text[1:2].islower() and not a_name(text)) else text[0])


# "In the investigator's opinion, currently needs …", "In the opinion of the PI, has a history of …", "In the judgment
# of the consenting professional, is able to …": a lead-in with no subject after it (it read "In the study doctor's
# opinion, now needs …", no one needing it). The rest is the participant's: person.py says it as it says an item.
_OPINION = re.compile(r"^(?:in|per)\s+(?:the\s+)?(?:(?:opinion|judge?ment|view)\s+of\s+[^,;:()]{1,40}?|"
                      r"[^,;:()]{1,40}?\s+(?:opinion|judge?ment|view)),\s+(?=[a-z])", re.I)
_VERB_FIRST = re.compile(r"(?:(?:currently|now|still|also)\s+)?(?:(?P<adj>(?:un)?able|(?:un)?willing|(?:un)?likely)\b|"
                         r"(?:is|has|was|does|needs|requires|receives|presents|suffers|shows|meets|uses|takes|lacks|"
                         r"remains|develops|experiences|demonstrates)\b)")


def opinion_lead(text: str) -> tuple[str, str] | None:
    """(the lead-in as written, the rest with a capital) for such an item; None for any other."""
    lead = _OPINION.match(text)
    if not lead or not _VERB_FIRST.match(text, lead.end()):
        return None
    rest = text[lead.end():]
    return text[:lead.end()], rest[:1].upper() + rest[1:]
