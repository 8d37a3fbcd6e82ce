"""How a replacement, or an abbreviation's meaning, is fitted to the words around it: its case,
its article, a verb that must agree with it, a word it would repeat, and where a bracketed
meaning goes ("CT scan (a type of X-ray scan)", "AST and ALT (liver enzymes)").
"""

from __future__ import annotations

import re

from scrapers.lexicon import Entry

from .verb_forms import article

# A capitalized word right after one of these is inside a sentence, not the start of a run-on line
_MID_SENTENCE = re.compile(r"\b(?:the|a|an|of|on|by|in|to|and|or|with|from|for|at|as|per|any|other|your|his|her|their|"
                           r"this|that|such|prior|during|after|before|without|"
                           r"have|has|had|known|is|are|was|were|be|been|no|not|never)\s+$", re.I)
# ... or after a describing word in small letters, which is never a line's last word: "Untreated Hypogonadism" read
# "You have untreated Low sex hormones" (NCT02620982). (Not in capitals: "Concurrent Medication:", "Highly Active
# Antiretroviral Therapy" are Title Case, and keep it.)
_DESCRIBING_BEFORE = re.compile(r"\b(?:active|chronic|severe|uncontrolled|significant|acute|untreated|unstable|"
                                r"symptomatic|serious|ongoing|recent|previous|concurrent|current)\s+$")

# ... or after one that starts the sentence, its capital the sentence's: "Untreated Hypogonadism" read "Untreated Low
# sex hormones", "Uncontrolled Hypertension" "Uncontrolled High blood pressure" (a replacement of several words only:
# a one-word one keeps a Title Case label's look, "Concurrent Medication:" -> "Concurrent Medicine:")
_DESCRIBING_STARTS = re.compile(r"(?:^|[.:;!?]\s+)(?:Active|Chronic|Severe|Uncontrolled|Significant|Acute|Untreated|"
                                r"Unstable|Symptomatic|Serious|Ongoing|Recent|Previous|Concurrent|Current)\s+$")


_TITLE_GOES_ON = re.compile(r"\s+[A-Z][a-z]")   # ("Severe Cardiovascular Disease:": a Title Case label, kept)


# where a PDQ line that ran on into the next one ends: a limit ("… normal", "… ULN", "… 2.0 mg/dL")
_LINE_END = re.compile(r"(?:\bnormal|\bULN|\d[\w/%.^]*|\))\s+$")


def match_case(src: str, plain: str, before: str = "", after: str = "") -> str:
    """Keep a capital, except mid-sentence: "based on Investigator exam" is a common noun, so its
    replacement reads "based on study doctor exam"; "…disease Radiotherapy indicated" (a run-on
    line) keeps "Radiation treatment". A term written in Title Case is not a sentence start either:
    "confirmed Coronary Artery Disease" -> "confirmed heart artery disease"."""
    if not before.strip() or before.rstrip().endswith((".", ":", ";", "!", "?")):
        return plain[:1].upper() + plain[1:] if src[:1].isupper() and not plain[:1].isupper() else plain
    words = src.split()
    if words[0].isupper() and len(words[0]) > 1:
        return plain   # "No active CNS metastases": an abbreviation's capitals say nothing of a sentence start
    if len(words) > 1 and all(w[:1].isupper() for w in words) and not _LINE_END.search(before):
        return plain   # a Title Case term: "Coronary Artery Disease" (not a run-on line after a limit:
        #                "… 1.5 times normal Alkaline Phosphatase less than …")
    if src[:1].isupper() and not plain[:1].isupper() and not _MID_SENTENCE.search(before[-20:]) \
            and not _DESCRIBING_BEFORE.search(before[-20:]) \
            and not (" " in plain and _DESCRIBING_STARTS.search(before) and not _TITLE_GOES_ON.match(after)):
        return plain[:1].upper() + plain[1:]
    return plain


def _plural(plain: str) -> str | None:
    """"a liver enzyme" -> "liver enzymes", "a medicine that boosts white blood cells" -> "medicines
    that boost white blood cells"; None when there is no safe plural."""
    m = re.fullmatch(r"an? ([a-z][a-z -]*[a-rt-xz])", plain)
    if m and " of " not in plain and " that " not in plain:
        return m.group(1) + "s"
    # "a type of antibody" -> "types of antibody", "a scan of blood vessels" -> "scans of blood vessels": the noun
    # before "of"/"on"/"in" takes the plural and what follows stays as said (without it, "IgM (a type of antibody),
    # IgA (a type of antibody)" said it twice). Not past a second article ("a lab test for a virus"), a clause or a
    # comment ("a score of …; lower is better")
    m = re.fullmatch(r"an? ([a-z][a-z -]*[a-rt-xz]) ((?:of|on|in) (?!an?\b)[A-Za-z0-9][\w -]*)", plain)
    if m and " that " not in plain:
        return f"{m.group(1)}s {m.group(2)}"
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
# what a medicine is called: "seizure drugs", "anticonvulsant medications" (everyday.py adds the kinds of medicine)
MEDICINE_NOUNS = frozenset("drug drugs medication medications medicine medicines agent agents".split())


def _doubled(word: str, other: str | None) -> bool:
    return bool(other) and word.lower() == other.lower() and len(word) >= 3 and word.lower() not in _KEEP_DOUBLED


def run_on(src: str, text_before: str) -> bool:
    """A capital term mid-line, not after a stop, colon or another capitalised word, starts a run-on PDQ
    line ("disease Measurable disease")."""
    head = text_before.rstrip()
    if not (src[:1].isupper() and head) or head.endswith((".", ":", ";", "!", "?")):
        return False
    last = _LAST_WORD.search(head + " ")
    return not (last and last.group(1)[:1].isupper())   # "Medical Contraindication": one title-case term


# words after which "comorbidity" said as "other health condition" keeps its "other" ("no other health
# condition"); after a describing word it does not ("significant mental health other health condition").
# (Only there: "concomitant medications" are "other medicines" after any word.)
_BEFORE_OTHER = frozenset("""no any the of with by without and or to for from have has had as such
    including include includes like not nor significant""".split())
_TAKING = frozenset("take takes taking took taken use uses using used receive receives receiving received get gets getting have having on".split())
_OTHER_BEFORE = re.compile(r"\bother\s+(?:[\w-]+\s+){0,2}$", re.I)
# a verb of taking right before or a few words before: "taking concomitant medications", "Use of any forbidden
# concomitant medications", "Taking the following concomitant medications" (not "… other medicines you take")
# a word that says which medicines, before "concomitant medications": the plain words then name them without "other …
# you take" ("prohibited concomitant medications" read "forbidden other medicines you take", "excluded concomitant
# medications" "excluded other medicines you take"; 15 items)
_MEDICINES_DESCRIBED = frozenset("""forbidden prohibited excluded disallowed restricted banned required allowed permitted
    approved certain specified listed""".split())
_TAKING_NEAR = re.compile(r"\b(?:" + "|".join(sorted(_TAKING)) + r")\b(?:\s+(?!and\b|or\b|but\b)[\w/-]+){0,3}\s+$", re.I)


def fit_replacement(before: str, plain: str, after: str, new_line: bool) -> tuple[str, str]:
    """fit_replacement_joined without saying whether the replacement was joined to the word before."""
    before, plain, _ = fit_replacement_joined(before, plain, after, new_line)
    return before, plain


def fit_and_case(src: str, text_before: str, before: str, said: str, after: str, new_line: bool) -> tuple[str, str]:
    """The replacement `said` for `src` fitted to the text around it (fit_replacement), then given its case
    (match_case, with `text_before` the whole text before the term). Fitted first: the fitting reads the
    replacement in the glossary's small letters, so a Title Case term fits as a small-letter one does
    ("Severe Hypotension" -> "Severely low blood pressure", was "Severe Low blood pressure"; "Forbidden
    Concomitant medications" -> "Forbidden medicines", was "Forbidden Other medicines you take"). A replacement
    that became one phrase with the word before (a degree said as "severely", "other" dropped after
    "forbidden", a doubled word dropped) stays in small letters: it does not start anything."""
    before, plain, joined = fit_replacement_joined(before, said, after, new_line)
    if plain and not joined:
        plain = match_case(src, plain, text_before, after)
    return before, plain


def fit_replacement_joined(before: str, plain: str, after: str, new_line: bool) -> tuple[str, str, bool]:
    """The text before a jargon replacement and the replacement itself, fitted together: no doubled word
    ("medically contraindicated" -> "medically unsafe", not "medically medically unsafe"; "prostatectomy
    surgery" -> "prostate removal surgery") and the article before it matching its sound ("an asymptomatic"
    -> "a symptom-free", "an autologous" -> "your own"). Nothing is merged across a run-on line
    (`new_line`, see run_on). The third value: whether the replacement now reads as one phrase with the
    word before it (its first word dropped, or a degree before it said as "severely")."""
    said, joined = plain, False
    if not new_line:
        last = _LAST_WORD.search(before)
        if plain.endswith(" you take") and last and _TAKING_NEAR.search(before):   # (the last word, or up to 3 before)
            plain = plain[:-len(" you take")]   # "taking concomitant medications": not "taking other medicines you take"
        if plain.startswith("other medicine") and last and last.group(1).lower() in _MEDICINES_DESCRIBED:
            plain = plain[len("other "):].removesuffix(" you take")   # "forbidden medicines" (see _MEDICINES_DESCRIBED)
        elif plain.endswith(" you take") and last and last.group(1).lower() in ("the", "these", "those"):
            plain = plain[:-len(" you take")]   # "The other medicines listed as exclusion criteria"
        if plain.startswith("other health ") and last and (last.group(1).lower() not in _BEFORE_OTHER
                                                            or _OTHER_BEFORE.search(before)):
            plain = plain[len("other "):]   # "other serious comorbidities": not "other serious other health conditions"
        words = plain.split(" ")
        if len(words) > 1 and _doubled(words[0], last and last.group(1)):
            plain = " ".join(words[1:])
        elif len(words) == 1 and _doubled(words[0], last and last.group(1)):
            return before, "", True
        nxt = _NEXT_WORD.match(after)
        words = plain.split(" ")
        if plain and nxt and nxt.group(1)[:1].islower() and (
                _doubled(words[-1], nxt.group(1)) or
                (len(words) > 1 and words[-1] in _MEDICINE and nxt.group(1).lower() in MEDICINE_NOUNS)):
            plain = " ".join(words[:-1])   # "therapy treatment" -> "treatment", not "treatment treatment";
            #                                "anticonvulsant drugs" -> "seizure drugs", not "seizure medicine drugs"
    if plain.startswith(_LEVEL_WORDS) and not plain.startswith("low blood sugar"):
        degree = _DEGREE_BEFORE.sub(lambda m: _DEGREE.sub(r"\1ly", m.group(1)) + " ", before)
        joined, before = degree != before, degree
    if (plain == "blood clot" or plain.startswith("blood clot ")) and _CHANCE_OF.search(before):   # (not "… clotting")
        plain = "blood clots" + plain[len("blood clot"):]
    if plain.split(" ", 1)[0] in _PLURAL_FIRST:
        before = _THERE_IS.sub(lambda m: m.group(1) + _VERB_NUMBER[m.group(2).lower()] + m.group(3), before)
    joined = joined or bool(plain and said.split(" ", 1)[0] != plain.split(" ", 1)[0])
    art = _ARTICLE_BEFORE.search(before)
    heard = plain or (_NEXT_WORD.match(after) or [None, ""])[1]   # the word the article now stands before
    if art and heard:
        if heard.lower().startswith(("your ", "you ", "the ")):   # "with a curative intent" -> "with the aim of curing"
            before = before[:art.start()]
        else:
            new = article(heard)
            before = before[:art.start()] + (new.capitalize() if art.group(1)[0].isupper() else new) + " "
    return before, plain, joined


# a degree word before a replacement that starts with a level ("severe anemia" -> "severely low red blood cell count",
# not "severe low red blood cell count"; "moderate to severe renal impairment" -> "moderately to severely poor kidney
# function"): the degree is the level's. Not "severe hypoglycemia", an event (one that needs another's help), not a
# level: "severe low blood sugar", as people with diabetes say it
_LEVEL_WORDS = ("low ", "poor ")   # (not "high": "severe high blood pressure" reads)
_DEGREE = re.compile(r"\b(severe|mild|moderate|profound|significant|marked|extreme)\b", re.I)
_DEGREE_BEFORE = re.compile(r"(?<![\w-])((?:(?:severe|mild|moderate|profound|significant|marked|extreme)\s*"
                            r"(?:/|,|\bto\b|\bor\b|\band/or\b|\band\b)\s*)*"
                            r"(?:severe|mild|moderate|profound|significant|marked|extreme))\s+$", re.I)


# a chance of clotting, not of one clot: "an increased risk of thrombosis" -> "… risk of blood clots" (not "risk of
# blood clot": "thrombosis" is said without an article, "blood clot" is not), "risk of bleeding or blood clots"
_CHANCE_OF = re.compile(r"\b(?:risks?|prevention|prophylaxis|predisposition|tendency|propensity|likelihood)\s+(?:of|to|for)\s+"
                        r"(?:[\w-]+\s+(?:or|and|and/or)\s+)?$", re.I)


# "there is evidence of" -> "there are signs of": a plural replacement after "there is"
_PLURAL_FIRST = frozenset({"signs"})
# (its verb: _VERB_NUMBER below), also with a describing word between: "there is radiographic evidence of tumor"
_THERE_IS = re.compile(r"(\b[Tt]here )(is|was|has)((?: been)?(?: no| any)?(?: [a-z-]+(?:al|ic|ous|ive|ary|ent|ant))? )$")


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


def same_word_joined(said: str, written: str, text: str, end: int) -> bool:
    """Is a replacement joined by "or"/"and"/"/" to the very words it would become ("allergy or
    hypersensitivity", "therapy or treatment", "hemorrhage/bleeding")? Then the term stays as
    written: said twice it reads as a slip, and dropping the "or" is not ours to do."""
    said_rx = re.escape(said)
    return bool(re.search(r"(?<![\w-])" + said_rx + _JOIN + "$", written, re.I)
                or re.match(_JOIN + said_rx + r"(?![\w-])", text[end:end + len(said) + 12], re.I))


def fit_to_word_before(said: str, before: str, term: str, after: str) -> tuple[str, str] | None:
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


def in_brackets(text: str, at: int) -> bool:
    """Is position `at` inside a bracket the text opened before it?"""
    return text.count("(", 0, at) > text.count(")", 0, at)


# the paper a term names, right after it: "informed consent form", "… consent document"
_PAPER = re.compile(r"\s+(?:forms?|documents?|documentation)\b", re.I)
# the text's own short name for a term, right after it: "absolute neutrophil count (ANC)"
_OWN_SHORT_NAME = re.compile(r"\s*\((?=[\w-]*[A-Z])([A-Za-z][\w-]{0,9})\)")
_KIND_OF = re.compile(r"^(?:(?:a|an|the)\s+)?(?:type|kind|form|group|class)\s+of\s+", re.I)
_HEAD_END = re.compile(r"\s+(?:using|that|which|who|of|in|for|with|from|on|to|made|used|taken|found|given)\b|\s*[,;(]", re.I)


def place_meaning(text: str, end: int, plain: str) -> tuple[str, int]:
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


def _names_again(word: str, meaning: str) -> bool:
    """Whether the word after an abbreviation is its meaning's head noun ("CT scan": "a type of
    X-ray scan"; "MRI scan": "a body scan using magnets"): the meaning then follows that word."""
    head = _HEAD_END.split(_KIND_OF.sub("", meaning), maxsplit=1)[0].split()
    noun, word = head[-1].lower() if head else "", word.lower()
    return len(noun) > 2 and word in (noun, noun + "s")


def says_its_last_word(text: str, end: int, meaning: str) -> bool:
    """Whether the word after an abbreviation is its meaning's last word: "ELISA test (confirmed by …)" would read
    "ELISA (a lab blood test) test", "IIEF-EF questionnaire scores" "IIEF-EF (the erection part of a questionnaire)
    questionnaire". Where meaning_end cannot place the meaning after that word, the glossary explains it instead."""
    nxt = _NEXT_WORD.match(text, end)
    words = meaning.split()
    return bool(nxt and words) and nxt.group(1).lower() in (words[-1].lower(), words[-1].lower() + "s")


def meaning_end(text: str, end: int, meaning: str) -> int:
    """Where an abbreviation's bracketed meaning goes: after the noun it names when the text says
    that noun next ("CT scan (a type of X-ray scan)", not "CT (a type of X-ray scan) scan")."""
    said_again = _NEXT_WORD.match(text, end)
    if said_again and _names_again(said_again.group(1), meaning) and not text.startswith(" (", said_again.end()):
        return said_again.end(1)
    return end


_LIST_BEFORE = re.compile(r"[^)\s]\s*,\s*$")   # the pair ends a longer list whose item before has no bracket
_PAIR = re.compile(r"\s*(?:,|and|or|and/or|&)\s*(?:(?:and|or)\s+)?$")


def shared_bracket(out: list[str], last: tuple[int, str, int, int] | None, meaning: str, text: str, start: int) -> str | None:
    """The plural meaning two abbreviations in a pair can share ("AST and ALT (liver enzymes)"), or
    None. `last` is the bracket said before (index in out, meaning, end and start in text). Not at
    the end of a longer list whose item before has no bracket: "Erythropoietin, G-CSF or GM-CSF
    (medicines that boost white blood cells)" would seem to take in erythropoietin too."""
    plural = _plural(meaning)
    if not (last and plural and last[1] == meaning and _PAIR.match(text, last[2], start)):
        return None
    if _LIST_BEFORE.search("".join(out[:last[0]])[:-(last[2] - last[3])]):
        # "Normal complete blood count, PT, PTT, and blood electrolytes": "PT, PTT (both blood clotting tests)" says it
        # once without taking in the count before (was "PT (a blood clotting test), PTT (a blood clotting test)"); a
        # third name is left its own bracket ("all three" would add a number the record does not say)
        return None if _NAME_SEP.search(text, last[3], last[2]) else "both " + plural
    return plural


_NAME_SEP = re.compile(r",|\s(?:and|or|&)\s")   # (between two names of a group already joined)


# a plural term said as a mass noun ("metastases" -> "cancer spread") takes a singular verb, unless the
# verb is another subject's ("Patients with brain metastases are allowed"); a singular term said with a
# plural noun ("dysfunction" -> "problems", "toxicity" -> "side effects") takes a plural one, unless a
# preposition before it makes it part of another subject ("risk of lung toxicity is modest")
_TO_MASS = re.compile(r"metastases$", re.I)
_TO_MASS_PLAIN = re.compile(r"cancer spread\b")
_TO_PLURAL_PLAIN = re.compile(r"(?:problems|side effects)$")
_MASS_VERB = re.compile(r"(\s+)(are|were)\b", re.I)
_ONE_VERB = re.compile(r"(\s+)(is|was|has)\b(?!\s+been\s+\w+ed\s+by\b)", re.I)
_VERB_NUMBER = {"are": "is", "were": "was", "is": "are", "was": "were", "has": "have"}
_WITH_BEFORE = re.compile(r"\b(?:with|who|whose|having|have|has|had|without)\s+(?:[\w-]+,?\s+){0,3}$", re.I)
_OF_BEFORE = re.compile(r"\b(?:of|for|to|in|with|from|by|on|at|after|due|than|as|whose|and|or)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def verb_number(e: Entry, said: str, text: str, start: int, end: int) -> tuple[str, int] | None:
    """The verb after a term whose replacement changed its number: "if liver metastases are present" ->
    "if cancer spread to the liver is present"; "unless renal dysfunction is due to …" -> "unless kidney
    problems are due to …" -> (" is"/" are", end of the old verb)."""
    if _TO_MASS.search(e.term) and _TO_MASS_PLAIN.match(said):
        verb, other_subject = _MASS_VERB.match(text, end), _WITH_BEFORE
    elif not e.term.endswith("s") and _TO_PLURAL_PLAIN.search(said):
        verb, other_subject = _ONE_VERB.match(text, end), _OF_BEFORE
    else:
        return None
    if not verb or other_subject.search(text, max(0, start - 50), start):
        return None
    return verb.group(1) + _VERB_NUMBER[verb.group(2).lower()], verb.end()
