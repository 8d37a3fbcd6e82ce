"""Once an item says "you", the rest of it agrees: the patient's own "his"/"her" is "your", a second
"who" clause about the same patients loses its "who", "a woman who are" becomes "a woman who is"
(second_person in person.py decides whether an item is about "you" at all)."""

from __future__ import annotations

import re

from .verb_forms import SINGULAR_VERB, VERB_3P, article, plural_verb

_HIS_HER = re.compile(r"\b(?:his/her|her/his|his/hers)\b", re.I)
# once the item says "you", the patient's own "his"/"her" is "your" ("donate his sperm", "her last menses"),
# unless another person is named just before it ("Dr. Anderson and his research staff", "the investigator … his")
_OWN_PRONOUN = re.compile(r"\b(?:his or her|her or his|his|her)\b(?![-/])", re.I)
_SOMEONE_ELSE = re.compile(r"\bM\.?D\b|\bPh\.?D\b|\b(?:dr|mr|mrs|ms|prof|professor|doctors?|investigators?|physicians?|"
                           r"clinicians?|partners?|husbands?|wives|wife|mothers?|fathers?|parents?|guardians?|child|children|"
                           r"baby|babies|infants?|staff|pi|researchers?|chairman|nurses?|sponsors?|he|she|him|man|woman|men|"
                           r"women|males?|females?|donors?|caregivers?|physician's|surgeons?|neurologists?|psychiatrists?|"
                           r"person|someone|anyone|individuals?|subjects?|patients?|participants?)\b", re.I)


def _own_pronouns(text: str) -> str:
    """"his"/"her" -> "your" where no other person is named in the words before it (see _OWN_PRONOUN)."""
    out, pos = [], 0
    for m in _OWN_PRONOUN.finditer(text):
        if _SOMEONE_ELSE.search(text, 0, m.start()):
            break   # from the first other person on, a "his"/"her" may be theirs: left as written
        out.append(text[pos:m.start()] + ("your" if m.group(0).islower() else "Your"))
        pos = m.end()
    return "".join(out) + text[pos:]


# The item's first word, capitalised as the start of the original, is mid-sentence after "You are":
# "At least 18 years of age" -> "You are at least 18 years of age" (names keep their capitals)
_SMALL_WORD_AFTER_YOU = re.compile(r"^(You (?:are|have(?: had| no)?) )(At|Between|Under|Over|Less|More|Younger|Older|"
                                   r"Male|Female|Aged|Able|Willing|Not|No|In|On|Of|The|A|An)\b(?![-'])(?!\s+[A-Z][a-z])")   # (not in Title Case)


# "You are candidates for surgery", "You are cigarette smokers" (from "Patients who are …"): you are one
# person. Not a list of groups ("You are food handlers, day care workers, or …"), which stays as written.
_PERSON_NOUNS = ("candidate", "adult", "smoker", "nonsmoker", "non-smoker", "ex-smoker", "patient", "prisoner", "worker",
                 "tanner", "handler", "participant", "volunteer", "individual", "subject", "male", "female", "user",
                 "drinker", "resident", "employee", "member", "recipient", "carrier", "survivor", "athlete", "veteran",
                 "student", "mother", "father", "parent", "donor", "inpatient", "outpatient", "minor", "infant",
                 "adolescent", "teenager", "girl", "boy", "neonate", "newborn")
_ONE_OF = {"women": "woman", "men": "man", "people": "person", "persons": "person", "children": "child",
           **{n + "s": n for n in _PERSON_NOUNS}}
_NOT_A_MODIFIER = r"(?:as|to|of|for|with|in|on|by|from|at|like|among|than|the|their|your|our|all|both|more|less|and|or)\b"
# "You are", "You must not be", "You are currently", "You will be deemed" …: what is said of one person
_YOU_ARE = r"You (?:are|must be|will be|should be) (?:not )?(?:(?:yet|already|currently|now|deemed|considered|judged) )?"
_YOU_ARE_PEOPLE = re.compile(rf"^({_YOU_ARE})"
                             rf"((?:(?!{_NOT_A_MODIFIER})[a-z][\w-]* ){{0,2}}?)"
                             r"(" + "|".join(sorted(_ONE_OF, key=len, reverse=True)) + r")\b(?![-'’])"
                             r"(?!,|\s+(?:or|and|and/or)\s)")

_ANOTHER_GROUP = re.compile(r"\b(?:and|or|and/or)\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + "|".join(_ONE_OF) + r")\b")


def _one_of_them(text: str) -> str:
    """"You are candidates for …" -> "You are a candidate for …" (see _YOU_ARE_PEOPLE)."""
    m = _YOU_ARE_PEOPLE.match(text)
    if not m:
        return text
    sentence = re.split(r"[.;]", text[m.end():], maxsplit=1)[0]   # (the rest of the first sentence)
    if _ANOTHER_GROUP.search(sentence):
        return text   # ("You will be boys with bone ages 2 to 13 years and girls with …": two groups)
    said = m.group(2) + _ONE_OF[m.group(3)]
    one = m.group(1) + article(said) + " " + said + text[m.end():]
    who = re.search(r"\bwho\s+(\w+)", sentence)
    if who and who.group(1) in SINGULAR_VERB and not _ONE_PERSON.match(one):
        return text   # "adults at least 18 years of age who remain …": "who" too far to follow, so left plural
    return one


# a second "who" clause about the same patients: not after a person it could describe ("a female who …")
_OR_WHO = re.compile(r"(?<!female)(?<!woman)(?<!women)(?<!person)(?<!partner)(?<!partners)(,?\s+(?:or|and|and/or)),?\s+who\s+"
                     r"([a-z]+)\b", re.I)   # (any verb: "… within 30 days, or who plan to receive it" -> "or plan to …")
# "You are a female who are pregnant, or who are nursing" (from "Females who are …"): one person, "who is";
# the verbs of those clauses too: "who are postmenopausal, have had surgical sterilization, or use reliable birth control"
_ONE_PERSON = re.compile(rf"^{_YOU_ARE}an? (?:[a-z][\w-]* ){{0,2}}?"
                         r"(?:woman|female|man|male|girl|boy|adult|child|person|" + "|".join(_PERSON_NOUNS) + r")"
                         r"(?: \([^()]*\))? (?=who\b)")
_AND_WHO_VERB = re.compile(r"(^who |,?\s(?:or|and|and/or),?\s(?:who )?|,\s(?:who )?)(" + "|".join(SINGULAR_VERB) + r")\b")


_HELPER = re.compile(r"\b(?:do|does|did|will|would|can|cannot|could|may|might|must|should)\s+(?:not\s+)?[a-z]+$")


def _one_person_who(text: str) -> str:
    """The "who" clauses about "a woman" in the text's first sentence take a singular verb."""
    m = _ONE_PERSON.match(text)
    if not m:
        return text
    stop = re.search(r"[.;]", text[m.end():])
    end = m.end() + stop.start() if stop else len(text)
    part = text[m.end():end]

    def one(v: re.Match) -> str:   # (not a verb after a helper: "who does not speak and understand English")
        helped = "who" not in v.group(1) and _HELPER.search(part, 0, v.start())   # (the verb just before the "and")
        return v.group(0) if helped else v.group(1) + SINGULAR_VERB[v.group(2)]
    return text[:m.end()] + _AND_WHO_VERB.sub(one, part) + text[end:]


def _who_is_you(text: str) -> bool:
    """Whether the text's first "who" opens a second clause about "you" ("You have had tuberculosis or who are
    receiving chemoprophylaxis", "You are preparing for or who have had a transplant"): no one else it describes."""
    first = re.search(r"\bwho\b", text)
    return bool(first and text.startswith("You ") and re.search(r"\s(?:or|and|and/or),?\s+$", text[:first.start()]))


# "the patient"/"the subject" later in an item that says "you" is you: "… that would put the subject in
# danger", "… get in the way of the subject's ability". Only where the words after it read with "you": a
# stop, a preposition, a modal, a verb "you" takes; not "the patient diary", "the subject refuses".
_THE_PATIENT = re.compile(r"\b([Tt]he|[Tt]his)\s+(?:patient|subject|participant)(?:(?P<own>['’]s)|(?![\w'’-]))", re.I)
_OF_THE_PATIENT = re.compile(r"\b([Tt]he)\s+((?:best\s+)?[\w-]+(?:\s+(?:or|and)\s+[\w-]+)?)\s+of\s+(?:the|this)\s+(?:patient|subject|participant)\b"
                             r"(?![\w'’-])(?!\s+(?:or|and)\s)")   # (not "the safety of the subject or study staff")
_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the|this)\s+(?:patient|subject|participant)\b(?![\w'’-])(?!\s+(?:or|and)\s)")
# (not "or"/"and": "either the patient or caregiver" shares its "the"; "you or caregiver" would not read)
_READS_AFTER_YOU = frozenset("""at in to from for during with by onto into of but who that which whom will would must
    should can could may might shall cannot did had being getting having taking receiving""".split())
_NEXT_WORD = re.compile(r"\s*([A-Za-z'’-]+|[^\sA-Za-z]|$)")


def _the_patient_is_you(text: str) -> str:
    """"the subject's" -> "your", "the patient is" -> "you are", "the ability of the patient" -> "your
    ability", "put the participant at risk" -> "put you at risk" (see _THE_PATIENT)."""
    if not text.startswith("You"):
        return text
    text = _ON_BEHALF.sub("on your behalf", text)
    text = _OF_THE_PATIENT.sub(lambda m: ("Your " if m.group(1) == "The" else "your ") + m.group(2), text)
    out, pos = [], 0
    for m in _THE_PATIENT.finditer(text):
        you = "You" if m.group(1)[0] == "T" else "you"
        if m.group("own"):
            out.append(text[pos:m.start()] + you.replace("ou", "our"))
            pos = m.end()
            continue
        nxt = _NEXT_WORD.match(text, m.end())
        word = nxt.group(1)
        if not word[:1].isalpha():
            if word not in ",.;:)":   # (the end of the text, "", is in any string)
                continue
            out.append(text[pos:m.start()] + you)
        elif word.lower() in VERB_3P and not text.startswith(",", nxt.end()):
            out.append(text[pos:m.start()] + you + text[m.end():nxt.start(1)] + VERB_3P[word.lower()])
            pos = nxt.end(1)
            continue
        elif word.lower() in _READS_AFTER_YOU or (word.endswith("ed") and word.islower()):
            out.append(text[pos:m.start()] + you)
        else:
            continue
        pos = m.end()
    return "".join(out) + text[pos:]


_EVER = re.compile(r"^(You (?:have|had) )ever\b(?=\s+[a-z]+(?:ed|en|wn|ne|ft|lt|nt|pt|ught|ook|one)\b)")


def agree_with_you(text: str, about_patients: bool) -> str:
    """The rewrite `text` (starting "You …") made to agree with its new subject; `about_patients` whether
    the item opened "Patients who/with …". (A later verb joined by "or"/"and" is tidy_grammar's.)"""
    text = _own_pronouns(_HIS_HER.sub("your", text))   # "Had her baby at week 37": "You have had your baby …"
    text = _the_patient_is_you(text)
    text = _EVER.sub(r"\1at some point", text, count=1)   # "Have ever received IL-2": not "You have ever received"
    text = _SMALL_WORD_AFTER_YOU.sub(lambda m: m.group(1) + m.group(2).lower(), text, count=1)
    if about_patients or _who_is_you(text):   # "Patients who have X or who are Y" -> "You have X or are Y"
        text = _OR_WHO.sub(lambda m: f"{m.group(1)} {plural_verb(m.group(2))}", text)
    return _one_person_who(_one_of_them(text))
