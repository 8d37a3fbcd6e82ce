"""When a lexicon term is left as written: part of a name ("American Psychiatric Association",
"Modification of Diet in Renal Disease (MDRD)"), one of two words sharing a noun ("CNS or brain
metastases"), after a word that makes it another thing ("carcinomatous meningitis"), or an
abbreviation the trial itself spells out as something else. A replacement there would change
what the criterion says, so the text keeps its own words (the glossary may still explain them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrapers.abbreviations import spells
from scrapers.lexicon import Entry

from .lexicon import Lexicon, load_lexicon

# "refractory anemia (RA)": a short name the item itself gives
_LOCAL_DEF = re.compile(r"[a-z]{3,}\s+\(([A-Za-z][\w-]{0,10})\)")
# "colony stimulating factor (CSF)": a long form right before its short name (searched where the short name is)
_DEFINED = re.compile(r"((?:[A-Za-z][\w'-]*[ -]){1,6})\(([A-Z][A-Za-z0-9-]{1,8})\)$")
_SMALL = frozenset("a an the of and or in to for with by on".split())


@lru_cache(maxsize=256)
def _defined_otherwise(context: str, word: str) -> bool:
    """Does the trial's criteria spell out `word` as something our meaning does not name? "RA"
    written out as "refractory anemia", "CSF" as "colony stimulating factor": our gloss (rheumatoid
    arthritis, spinal fluid) would be wrong in every item of that trial. A long form with a word our name for it
    lacks ("complete remission" for "complete response") counts as another meaning too."""
    said = f"({word})"
    if said not in context:
        return False
    # (a record wraps its lines inside a name: "subsequent complete\n     remission (CR)", NCT00006223; review 12a N5)
    context = re.sub(r"\s+", " ", context)
    at = context.find(said)
    if at < 0:
        return False
    e = load_lexicon().by_key[word]
    # the name the meaning opens with, without its asides, and the words the bracket shows: "first complete remission
    # (CR)" is not "Complete response (or remission)" shown as "CR (complete response)" (NCT00006379)
    name, colon, rest = e.meaning.partition(":")
    meaning = f"{re.sub(r'[(]or [^()]*[)]', ' ', name) if colon else e.meaning} {e.plain}".lower()
    letters = re.sub(r"[^A-Z]", "", word)
    while at >= 0:
        m = _DEFINED.search(context[max(0, at - 90):at + len(said)])
        if m and m.group(2) == word:
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group(1)) if w.lower() not in _SMALL]
            initials = words[-len(letters):]
            if ("".join(w[0] for w in initials).upper() == letters
                    and not all(w[:5] in meaning for w in initials if len(w) > 3)):
                return True
            if any(_mostly_other(run, meaning) for run in _spelled_runs(word, words)):
                return True
        at = context.find(said, at + 1)
    return False


def _spelled_runs(word: str, words: list[str]) -> list[list[str]]:
    """Runs of the words right before a bracketed `word` that spell it with letters from inside them, ending there or
    one word earlier: "ornithine transcarbamylase deficiency (OTC)" (NCT00004307, glossed "sold in shops"; review
    r51), "woman of childbearing potential (WOCBP)"."""
    n = len(re.sub(r"[^A-Za-z]", "", word))
    return [words[start:end] for end in (len(words), len(words) - 1)
            for start in range(max(0, end - n), end - 1) if spells(word, words[start:end])]


def _mostly_other(run: list[str], meaning: str) -> bool:
    """Are most of a spelled run's words ones our meaning does not use? A run spelled from inside its words may take in
    a word too many ("renal clear cell carcinoma (RCC)", "B-cell chronic lymphocytic leukemia (CLL)") or spell a word
    another way ("Lactic dehydrogenase", "Posttraumatic", "antiinflammatory"), so one such word is not another meaning;
    "ornithine transcarbamylase" for over the counter is."""
    plain = meaning.replace("-", "")
    words = [w for w in run if len(w) > 3]
    missing = sum(w[:4] not in plain for w in words)
    return bool(words) and 2 * missing >= len(words)


_ENDS_IN_PREPOSITION = re.compile(r"\s(?:against|to|for|with|of)$")
# what follows a term when no object does: a joining word, a verb, punctuation or the end; a plural's "(s)"; a word
# that goes on with the term itself ("General contraindications as uncorrectable bleeding tendency" read "General
# medical reasons against as …", "contraindications listed in …", "a contraindication necessitating …": 11 items,
# review r35 §8)
_NO_OBJECT = re.compile(r"\s*(?:$|[,.;:)]|\(s\)|(?:or|and|in|from|are|is|was|were|include|including|included|should|must|"
                        r"will|may|can|as|with|listed|outlined|according|necessitating|that|which)\b)", re.I)


# (or after an opening bracket: "(Canadian Cardiovascular Society [CCS] Class I-III)", NCT00007657; plain18)
_NAME_BEFORE = re.compile(r"(?:^|[^.:;!?]\s|[(\[])[A-Z][a-z]+(?:['’]s)?\s+$")
# an institution, or a named standard ("Response Evaluation Criteria", "Human Immunodeficiency Virus",
# "Alzheimer's Disease Assessment Scale")
_NAME_AFTER = re.compile(r"\s+(?:Institute|Center|Centre|Hospital|Association|Society|Foundation|Clinic|Group|"
                         r"College|Academy|University|Network|Consortium|Unit|Department|Service|"
                         r"Criteria|Scale|Score|Index|Inventory|Questionnaire|Virus|Classification|Study|Schedule|Form|"
                         r"Tool|Profile|Program|Programme|Branch|Oncology|Rating|Assessment|Evaluation|Questions|Screen|"
                         r"System|Division|Section|Laborator(?:y|ies)|Committee|Board|Council)\b")


# a place or a part of one, named: a capitalised word after a small one, before it, is in its name ("by the Pediatric
# Branch", "at the Psychiatric Institute"); a capital mid-sentence is no sentence's first letter
_INSTITUTION_AFTER = re.compile(r"\s+(?:Institute|Center|Centre|Hospital|Association|Society|Foundation|Clinic|College|"
                                r"Academy|University|Network|Consortium|Unit|Department|Service|Branch|Division|Section|"
                                r"Laboratory|Program|Programme)\b")
_MID_SENTENCE = re.compile(r"(?:^|[^.:;!?]\s)[a-z][\w'’-]*\s+$")
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
    if _INSTITUTION_AFTER.match(text, end) and _MID_SENTENCE.search(text, max(0, start - 40), start):
        return True   # "evaluated by the Pediatric Branch" (NCT00001424: was "the children's Branch"; plain18)
    if _NAME_WORD.fullmatch(text[start:end]) and re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[end:end + 12]):
        return True   # "NINDS Laboratory of Functional and Molecular Imaging" (NCT00004577; plain18)
    before, after, run_end = _title_run(text, start, end)
    capitals = [w for w in before + words + after if w[:1].isupper()]
    if len(capitals) < 3:
        return False
    if (any(_NAME_WORD.fullmatch(w) for w in after) or (not after and _NAME_WORD.fullmatch(words[-1]) and len(before) >= 2)
            or ("of" in before and any(_NAME_WORD.fullmatch(w) for w in before))):   # "Department of Gastrointestinal Surgery"
        return True
    own = _OWN_ABBREVIATION.match(text, run_end)
    return bool(own) and "".join(w[0] for w in capitals) == re.sub(r"[^A-Z]", "", own.group(1))


_CONJUNCT_BEFORE = re.compile(r"(?<![\w-])([\w-]+)\s*(?:,\s*(?:(?:and|or|and/or)\s+)?|(?:and|or|and/or|&)\s+|/\s*)$", re.I)
#                                                                                    ("Pleural/pericardial effusion")


# a word that reads as describing the noun after it ("dermal, subcutaneous, or lymph node metastases")
_DESCRIBING = re.compile(r"[a-z-]{2,}(?:al|ous|ic|ary|ar)", re.I)


def _shares_head(lex: Lexicon, e: Entry, text: str, start: int) -> bool:
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


def _not_replaced_here(e: Entry, text: str, start: int) -> bool:
    """Is the term kept because its replacement reads only after certain words, and these are not they ("a medical
    evaluation" is "a medical check-up"; "interfere with evaluation of outcome measures" is no check-up)?"""
    return e.replaced_after is not None and not e.replaced_after.search(text, max(0, start - 60), start)


def _kept_before(e: Entry, text: str, end: int) -> bool:
    """Does the text after the term not read with the replacement ("excessive doses": not "too much doses")?"""
    return e.kept_before is not None and bool(e.kept_before.match(text, end))


# a term naming a kind of people, right before their word ("insomnia patients", "neurological patients"): the
# replacement stands where a describing word goes (the word in small letters: "… brain metastases Patients with …"
# is a run-on line)
_PEOPLE_AFTER = re.compile(r"\s+(?:patients?|subjects?|participants?|volunteers?|populations?|individuals?|people|persons|"
                           r"men|women|children|adults)\b")
# ... where a phrase does not read: one with its own preposition or verb ("chest pain from the heart", "able to
# walk"), a noun and an "-ing" word ("trouble sleeping"), a plural ("erection problems") or two nouns joined
# ("nerve and brain") (not "pregnant or breastfeeding women": two describing words)
_NOT_DESCRIBING = re.compile(r"\s(?:of|from|to|on|in|with|for|by|that)\s|\s\w+ing$")
_PLURAL_END = re.compile(r"\s\w+[^s]s$")   # ("erection problems" for "erectile dysfunction"; "toxicities" is plural too)
_TAKES_OBJECT = re.compile(r"\s(?:of|from|to|on|in|with|for|by)$")   # "interfere with patient follow-up": its object


def _names_people(e: Entry, said: str, text: str, end: int) -> bool:
    """Does the term name a kind of people, where its replacement would not read ("DSM-5 insomnia patient":
    not "DSM-5 trouble sleeping patient")? The term stays as written, the glossary explains it."""
    if not _PEOPLE_AFTER.match(text, end) or " or " in said or _TAKES_OBJECT.search(e.term):
        return False
    return bool(_NOT_DESCRIBING.search(said) or (_PLURAL_END.search(said) and not e.term.endswith("s"))
                or (" and " in said and " and " not in e.term))


# a replacement that ends in a word for a condition, before another such word: "interstitial encephalopathy syndrome"
# (NCT07041801) read "interstitial brain disorder syndrome", half jargon and the condition said twice; "impotence
# disorders" read "erection problems disorders", "cognitive impairment disorder" "memory and thinking problems
# disorder". The name stays as written, still glossed.
_CONDITION_END = re.compile(r"\b(?:disorders?|diseases?|problems?|syndromes?|conditions?|damage|failure|illness(?:es)?|"
                            r"injury|injuries|infections?|inflammation)$")
_CONDITION_AFTER = re.compile(r"\s+(syndromes?|disorders?|diseases?|conditions?|illness(?:es)?)\b", re.I)


def _condition_twice(said: str, text: str, end: int) -> bool:
    """Would the replacement `said` name the condition twice with the word after the term (see _CONDITION_END)?
    Not when the two are one word: fitting.fit_replacement says it once ("coagulopathy disorder" -> "blood clotting
    disorder")."""
    last, after = _CONDITION_END.search(said), _CONDITION_AFTER.match(text, end)
    return bool(last and after) and last.group(0).lower() != after.group(1).lower()


def _wants_object(e: Entry) -> bool:
    """A replacement that ends in a preposition the term lacks ("contraindication" -> "medical
    reason against") reads only with an object after it."""
    return bool(_ENDS_IN_PREPOSITION.search(e.plain)) and not _ENDS_IN_PREPOSITION.search(" " + e.term)


def abbreviation_in(lex: Lexicon, e: Entry) -> str | None:
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


def local_definitions(text: str) -> set[str]:
    """Short names the item itself defines ("Refractory anemia (RA)"): our meaning could be another one."""
    return set(_LOCAL_DEF.findall(text)) if "(" in text else set()


def left_alone(e: Entry, word: str, text: str, local: set[str], context: str) -> bool:
    """A term neither replaced nor glossed: an abbreviation the item or the trial defines itself
    ("Refractory anemia (RA)", "colony stimulating factor (CSF)"), a term its context gives
    another sense ("per ICH M3", "IIEF EF domain", "RA" beside myelodysplasia subtypes), or the study's
    staff named as the people the item is about (see _staff_it_is_about: the gloss "Investigators: the doctors
    or researchers who run the study" beside "Clinical investigators who have participated in drugs within 3
    months", NCT06495437, confirmed a misreading; review round 8)."""
    if e.kind == "abbreviation" and (word in local or (context and _defined_otherwise(context, word))):
        return True
    return bool((e.unless is not None and e.unless.search(text))
                or (e.unless_criteria is not None and e.unless_criteria.search(context))
                or _staff_it_is_about(e, text))


# the study's own staff ("investigators" -> "study doctors") named as the people a criterion is about: "Clinical
# investigators who have participated in drugs within 3 months" (NCT06495437, people who took part in other drug
# trials) is not a rule about this study's doctors; "Investigators, site personnel … and their immediate families".
# Not the investigator who judges ("The investigator or the local radiologist must exclude …", "Investigators believe")
_STAFF_PLAIN = re.compile(r"\bstudy doctors?$")
_STAFF_SAID = re.compile(r"\binvestigators?\b(?![\'’´]|\.s\b)", re.I)
_SUBJECT_LEAD = re.compile(r"\W*(?:[A-Za-z][\w-]*\s+){0,2}")   # up to two words before it in its sentence
_ABOUT_THEM = re.compile(r"\s+(?:who|whose|with)\b")
_LISTED = re.compile(r"\s*(?:,|/|(?:and|or|and/or)\b)")
_ACTS = re.compile(r"\b(?:must|should|shall|will|would|may|might|can|could|is|are|was|were|has|have|had|does|do|did|"
                   r"believes?|judges?|considers?|decides?|deems?|feels?|thinks?|determines?|agrees?|confirms?|"
                   r"anticipates?|reserves?|recommends?|reviews?)\b", re.I)


def _staff_it_is_about(e: Entry, text: str) -> bool:
    """Does the item name the study's staff as the people it is about (see _STAFF_PLAIN)? Then every mention
    stays as written, so the item does not name them two ways, and none is glossed (left_alone)."""
    if not e.plain or not _STAFF_PLAIN.search(e.plain):
        return False
    for m in _STAFF_SAID.finditer(text):
        before = text[:m.start()]
        lead = before[max(before.rfind(c) for c in ".;:!?") + 1:]
        if not _SUBJECT_LEAD.fullmatch(lead):
            continue
        if _ABOUT_THEM.match(text, m.end()):
            return True
        sentence = re.split(r"[.;:!?](?:\s|$)", text[m.end():], maxsplit=1)[0]
        if _LISTED.match(text, m.end()) and not _ACTS.search(sentence):
            return True
    return False


# a replacement with its own "and" ("nerve and brain", "heart and blood vessel") beside a list's "and", "or" or comma:
# "hormonal, nerve and brain or psychological pathology" no longer says which words go together (353 items)
# (a slash too: "neurologic/psychiatric disorders" read "nerve and brain/mental health disorders")
_LIST_BEFORE = re.compile(r"(?:,|/|\b(?:and|or|and/or|nor))\s*$", re.I)
_LIST_AFTER = re.compile(r"\s*(?:,|/|(?:and|or|and/or|nor)\b)", re.I)
_OWN_PHRASE = re.compile(r"\s(?:of|in|to|from|with|on|for)\s")   # ("the lining of the brain and spinal cord": its own)


def _and_in_a_list(said: str, text: str, start: int, end: int) -> bool:
    """Would a replacement with "and" in it stand next to another "and", "or" or a comma of a list?"""
    return " and " in said and not _OWN_PHRASE.search(said) and bool(
        _LIST_BEFORE.search(text, max(0, start - 12), start) or _LIST_AFTER.match(text, end))


# the first half of a word whose second half the term is: "Pre- and postmenopausal" (was "Pre- and women past
# menopause"), "hypo- or hypertension" (was "hypo- or high blood pressure"), "cardio- and cerebrovascular"
_SUSPENDED = re.compile(r"[A-Za-z]-\s*(?:,\s*(?:(?:and|or|and/or)\s+)?|(?:and|or|and/or|&)\s+)$", re.I)
# the word joined to the term after it by a list's "and", "or", comma or slash
_JOINED_AFTER = re.compile(r"\s*(?:,\s*(?:(?:and|or|and/or)\s+)?|(?:and|or|and/or|&)\s+|/\s*)([A-Za-z][\w-]*)", re.I)


def _said_again_beside(lex: Lexicon, e: Entry, said: str, text: str, start: int, end: int) -> bool:
    """Would the replacement and its list neighbour's chain "and"s or say the same words twice? "cardiovascular and
    cerebrovascular" -> "heart and blood vessel and brain blood vessel", "vascular and cerebrovascular" -> "blood
    vessel and brain blood vessel" (one describing word is the end of the other): both stay as written, glossed. Two
    replacements that differ in their first word still read ("high blood pressure or low blood pressure")."""
    mine, term = said.lower(), e.term.lower()
    for m in (_CONJUNCT_BEFORE.search(text, max(0, start - 40), start), _JOINED_AFTER.match(text, end)):
        other = lex.lookup(m.group(1)) if m else None
        if other is None or other is e or other.kind != "jargon" or not other.plain:
            continue
        theirs, their_term = other.plain.split(" (", 1)[0].lower(), other.term.lower()
        if theirs.split()[-1] != mine.split()[-1]:
            continue
        if " and " in theirs + " " + mine or (_DESCRIBING.fullmatch(term) and _DESCRIBING.fullmatch(their_term)
                                              and (term.endswith(their_term) or their_term.endswith(term))):
            return True
    return False


# a name the item gives something ("Heart attack, also known as a myocardial infarction (MI)", "chest pain (called
# unstable angina or angina)", NCT00734604): replaced, the name would say the plain words again ("also known as a heart
# attack") or name something else; the term is the name, kept as written (still glossed). (Review r18 #9.)
_NAMED_AS = re.compile(r"\b(?:known\s+as|referred\s+to\s+as|called)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}"
                       r"(?:(?:or|and)\s+)?$", re.I)
# a removal said with its object last ("surgery to remove the whole prostate", "removal of the ovaries") before "or"
# and a thing that can be removed too: "radical prostatectomy or penile implant" read "surgery to remove the whole
# prostate or penile implant", the removal of either (NCT00734604, 4 items; review r18 #7). Before a procedure ("or
# radiation therapy", "or other pelvic surgery") it reads right.
_REMOVAL_ENDS = re.compile(r"\b(?:remove|removal\s+of)\s+(?:[\w-]+\s+){0,3}[\w-]+$")
_REMOVABLE_NEXT = re.compile(r"\s*(?:,\s*)?(?:or|and|and/or)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                             r"(?:implants?|prosthes[ie]s|devices?|tumou?rs?|cancers?|cysts?|masses|mass|polyps?|nodes?|"
                             r"glands?|organs?|testes|testicles?|bladder|uterus|womb|ovar(?:y|ies)|kidneys?|breasts?)"
                             # (the thing ends its phrase: "or lymph node dissection", "and ovarian tumor surgery" are
                             # procedures)
                             r"(?![\w-]|\s+(?:dissections?|removals?|surger(?:y|ies)|resections?|biops\w+|excisions?|"
                             r"sampling|irradiation|radiation|radiotherapy|operations?|procedures?))", re.I)


def _removal_of_either(said: str, text: str, end: int) -> bool:
    """Would "or <a removable thing>" after the replacement read as a second thing removed (see _REMOVAL_ENDS)?"""
    return bool(_REMOVAL_ENDS.search(said) and _REMOVABLE_NEXT.match(text, end))


def jargon_kept(lex: Lexicon, e: Entry, text: str, start: int, end: int) -> bool:
    """Jargon kept as written (still glossed): inside a name ("American Psychiatric Association"),
    after a word that makes it another thing ("carcinomatous meningitis"), one of two words sharing
    a noun ("CNS or brain metastases"), a term naming a kind of people where its replacement would not read
    ("insomnia patients"), a replacement that needs an object the text lacks ("other contraindications
    in package insert": not "medical reasons against in …"), one that would name the condition twice ("brain
    disorder syndrome"), a replacement that reads only after certain words ("medical evaluation":
    Entry.replaced_after), one with its own "and" beside a list's "and"/"or" ("neurological or psychological"), the
    second half of a word ("pre- and postmenopausal"), one that would chain with its neighbour's replacement
    ("cardiovascular and cerebrovascular"), a name the item gives ("also known as a myocardial infarction") or a
    removal before another thing that can be removed ("radical prostatectomy or penile implant"). (The study's staff as who the item is about are left alone: not glossed
    either.)"""
    said = e.plain.split(" (", 1)[0]
    return (_not_replaced_here(e, text, start) or bool(_NAMED_AS.search(text, max(0, start - 60), start))
            or _removal_of_either(said, text, end) or _in_a_name(text, start, end) or _kept_after(e, text, start)
            or _kept_before(e, text, end) or _condition_twice(said, text, end)
            or _shares_head(lex, e, text, start) or _names_people(e, said, text, end)
            or (_wants_object(e) and bool(_NO_OBJECT.match(text, end))) or _and_in_a_list(said, text, start, end)
            or bool(_SUSPENDED.search(text, max(0, start - 16), start)) or _said_again_beside(lex, e, said, text, start, end))
