"""An age that is not the participant's own: "gestational age < 32 weeks", "bone age ≤ 12 years", "donor age ≤ 45
years", "mental age of at least 18 months". plain_limits.py does not read such an age as the participant's; words.py
warns where a page leaves out the word that makes it another's ("Age < 32 weeks" or "Aged < 32 weeks" for
"Gestational age < 32 weeks" sets the child's own age, not how far the pregnancy had gone).

Review r33: once "age" and "aged" read as one word (words5), "Aged" for "Gestational age" was silent (50 of 50 real
items), and "Age" for "Bone age", "Mental age", "Donor age" or "Developmental age" was silent before that (only
"gestational" was among dropped_words' describing words). A chronological or postnatal age is the participant's own:
left out, it says the same.
"""

from __future__ import annotations

import re

from ..comparators import PHRASES
from ..criteria import Item, parse_criteria
from .dropped_words import OTHER_PERSON, PEOPLE, word_left_out_before
from .shorthands import kept_short_form

# the words before "age" that make it someone else's or another measure than years since birth: of a pregnancy
# ("gestational", "postmenstrual", "corrected" for prematurity), of the body or mind ("bone", "skeletal", "mental",
# "developmental", "reading", "physiologic"), of an illness ("onset"), or of another person ("donor", "maternal",
# "mother": dropped_words.OTHER_PERSON, the one list of them, which also makes a measure another's)
OTHER_AGE = frozenset("""gestational gestation postmenstrual menstrual corrected conceptional postconceptional
    post-conceptional bone skeletal mental developmental reading physiologic physiological biological
    onset""".split()) | OTHER_PERSON
_AGE = frozenset(("age", "ages"))


def dropped_age_kind(t: str, ms: list[re.Match], i1: int, i2: int, page_words: list[str]) -> tuple[str, str] | None:
    """("Gestational age", "age") where the record's token i1 (of `ms`, its words in `t`; i2 = i1 + 1) is an
    `OTHER_AGE` word right before "age", which the page keeps (in any form: "Aged") while leaving that word out and
    saying it nowhere else, nor a short form for it ("(GA)"); None otherwise."""
    picked = word_left_out_before(t, ms, i1, i2, page_words)
    if picked is None:
        return None
    w, head = picked
    if w not in OTHER_AGE or head.lower() not in _AGE or \
            kept_short_form([m.group(0) for m in ms[i1:i1 + 7]], page_words):
        return None
    return t[ms[i1].start():ms[i2].end()], head


# --------------------------------------------------------------------------- whose age a record's text gives

# the words that make an age in a record's criteria someone else's: OTHER_AGE, less the people who are as often the
# participant themself ("Infants aged 0-6 months" in a trial of infants, "Transplant recipients aged 18-65")
_ANOTHERS = OTHER_AGE - {"infant", "newborn", "recipient"}
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*", re.I)
_SENTENCE_END = re.compile(r"[.;!?]\s")


def anothers_age(text: str, start: int) -> bool:
    """Is the age at text[start:] said of another person or measure: the nearest of _ANOTHERS or of the participant's
    own words (PEOPLE: "patients", "subjects") among the eight words before it in its sentence is one of _ANOTHERS
    ("Sibling donor age <= 60 years", "onset of MS will have occurred between the ages of 18 and 45", "multiple
    donors (in order given): ABO compatible Age over 18"), not the participant's ("consent from a parent or guardian
    for patients under 18 years of age")?"""
    before = text[max(0, start - 120):start]
    ends = list(_SENTENCE_END.finditer(before))
    before = before[ends[-1].end():] if ends else before
    for w in reversed([w.lower() for w in _WORD.findall(before)][-8:]):
        if w in PEOPLE:
            return False
        if w in _ANOTHERS or w.rstrip("s") in _ANOTHERS:
            return True
    return False


# Words that, before an age in its clause, make it the illness's or a population's rather than a limit to join: how a
# disease comes on or is found ("onset", "usually at the age of 30 to 50", "Symptoms begin in midlife, between 45 and
# 55 years of age", "30-40% of cases are diagnosed in patients older than 70 years"), how common it is ("the prevalence
# of erectile dysfunction in men over the age of 40", "affects about 40% of all men above the age of 40"), or a
# figure of a sample ("a mean age of 220 minutes"); "diagnosed", "begins", "occurs", "develops" only with a time after
# them ("Newly Diagnosed Gliomas in Patients Ages 3 to 21", "MRFIT began recruiting men, ages 35 to 57", "diagnosed
# with cystic fibrosis and are above 5 years … are eligible" say who joins). Read in a record's prose (its summary,
# titles, description) and in a page's summary alike; not in the criteria, where "a diagnosis of depression over the
# age of 18" is a limit to join. ("risk" is left out: "high risk defined as: Age 10-17 years" is a stratum of who may
# join.) A clause ends at a sentence's end, a blank line or a bullet, not at a hard wrap ("usually begins between the
# ages of 10 and 15" wrapped after "the").
_WHEN = r"\s+(?:at|in|before|after|between|by|around|under|over|during|when)\b"   # ("diagnosed before age 7")
_ILLNESS_AGE = re.compile(
    r"\b(?:onset|usually|typically|commonly|generally|mostly|often|frequently|peak(?:s|ed|ing)?|incidence|"
    r"prevalence|median|mean|average|affect(?:s|ing)?|manifest(?:s|ed)?|strikes?)\b|"
    r"\b(?:diagnosed|diagnosis|begins?|began|starts?|started|present(?:s|ed)?|occur(?:s|red|ring)?|"
    r"develop(?:s|ed)?|appear(?:s|ed)?)" + _WHEN, re.I)
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n\s*\n|\n\s*[-*•]")


def illness_age(text: str, start: int) -> bool:
    """Is the age at text[start:] said of the illness or a population, by _ILLNESS_AGE's words before it in its
    clause (the 80 characters before it, back to a sentence's end, a blank line or a bullet)? Such an age describes
    the disease, not who may join: it backs no page's limit, and a page's is no claim of one."""
    before = text[max(0, start - 80):start]
    ends = list(_CLAUSE_END.finditer(before))
    return bool(_ILLNESS_AGE.search(before[ends[-1].end():] if ends else before))


# An age that says whom another requirement is for, not who may join (ages8): "For patients older than or equal to 10
# years the Karnofsky performance status …", "Karnofsky >= 50% for patients > 10 years of age; Lansky play scale >= 50%
# for children =< 10 years of age", "Greater than 50,000/mm3 if 6-12 months old", "consent of parent or guardian if
# under 18", "If younger than 18 years old, must weigh 50 kg or more". A trial of 1 to 21 years whose Karnofsky item
# says "for patients > 10 years" is no trial of 10 and over. The age's clause is led by "if", "when" or "unless", or by
# "for", "in", "among" and a person ("for those patients", "in children aged"), with only the person's words between
# ("if the patient is", "if they are between the ages of"). "For", "in" and "among" also lead a population ("This
# study is for adults aged 18 to 65", "a drug tested in children 6 to 12 years old", "in the age range of 18 to 40"),
# so they qualify another requirement only where one stands beside them: a figure with its comparator (not a drug's
# code: "KTP-001 in subjects between the ages of 30 and 70") or a consent before them in the clause ("Platelets
# greater than 200,000 in patients aged 1 to 20 years", "Karnofsky >= 50% for patients > 10", "Informed consent of a
# parent for patients under 18"), or, leading the clause, one after the age ("For patients ≥ 16 years, Karnofsky ≥ 50", "For patients
# older than or equal to 10 years the Karnofsky …"). Never where the clause names joining ("Children may take part if
# they are 6 to 12 years old") nor past a comma ("for Puerto Rico residents, you must be 21 years or older").
_WHO_WORDS = PEOPLE | frozenset("""child children kids adolescent adolescents adult adults infant infants baby babies
    toddlers neonates newborns women woman men man girls boys males females male female pts teens teenagers""".split())
_AGE_WORDS = frozenset("age aged ages".split())
_FILLER = _WHO_WORDS | _AGE_WORDS | frozenset("""the those all any each a an who are is they he she you your of between
    from and or""".split())
_COMPARATOR_END = re.compile("(?:" + "|".join(p.replace(" ", r"\s+").replace(r"(?=\s*\d)", "") for _, p in PHRASES)
                             + r"|[<>≤≥=≦≧⩽⩾]+)\s*$", re.I)
_IF_WORD = re.compile(r"\b(?P<word>for|in|among|if|when|whenever|unless)\s+(?P<whom>(?:[a-z]+\s+)*?)$", re.I)
_JOINING_WORD = re.compile(r"\b(?:eligib\w*|qualif\w*|join\w*|take\s+part|participat\w*|enrol+\w*|recruit\w*|"
                           r"included|inclusion)\b", re.I)
_REQUIREMENT_BEFORE = re.compile(  # (a figure with its comparator: not a drug's code or a stage, "KTP-001 in subjects")
    r"(?:(?<![a-z])(?:" + "|".join(p.replace(" ", r"\s+").replace(r"(?=\s*\d)", "") for _, p in PHRASES)
    + r")|[<>≤≥=≦≧⩽⩾])\s*\d|\d\s*%|\d\s+(?:and|or)\s+(?:above|over|more|higher|greater|less|below|under|lower)\b|"
    r"\b(?:consent|assent|permission)\b", re.I)
_REQUIREMENT_AFTER = re.compile(r"\s*(?:(?:old|of\s+age)\b\s*)?(?:[,:]|the\b)|[^.;\n]*\d", re.I)
_FIGURE = re.compile(r"\d")


_RANGE_LOW_END = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*(?:[a-z]+\s+)?(?:and|to|-|–)\s*$", re.I)


def _lead(text: str, start: int) -> tuple[str, str]:
    """(the age wording's clause up to its first figure at or after `start`; that less the comparators and a range's
    low end right before the figure: "For patients older than or equal to " -> "For patients ", "between 3 and " ->
    "between ", "≥ 18 and ≤ " -> "")."""
    fig = _FIGURE.search(text, start)
    before = text[max(0, start - 120):fig.start() if fig else start]
    ends = list(_CLAUSE_END.finditer(before))
    before = before[ends[-1].end():] if ends else before
    lead, was = before, None
    while lead != was:
        was = lead
        for rx in (_COMPARATOR_END, _RANGE_LOW_END):
            cut = rx.search(lead)
            lead = lead[:cut.start()] if cut else lead
    return before, lead


def for_whom_age(text: str, start: int, end: int) -> bool:
    """Is the age wording at text[start:end] (its first figure at or after `start`) the one that says whom another
    requirement is for ("For patients older than or equal to 10 years the Karnofsky …"), not who may join? Such an
    age backs no page's limit, and a page's is no claim of one. See _WHO_WORDS above."""
    before, lead = _lead(text, start)
    m = _IF_WORD.search(lead + (" " if lead and not lead[-1].isspace() else ""))
    joining = list(_JOINING_WORD.finditer(before, 0, m.start())) if m else []
    if not m or joining and not _FIGURE.search(before, joining[-1].end(), m.start()):
        return False   # ("Children may take part if they are 6 to 12", not "join if … Karnofsky ≥ 50 (for …")
    whom = [w.lower() for w in m.group("whom").split()]
    if not all(w in _FILLER for w in whom):
        return False
    if m.group("word").lower() not in ("for", "in", "among"):
        return True
    if not _WHO_WORDS & set(whom) and not (m.group("word").lower() == "for" and _AGE_WORDS & set(whom)):
        return False   # ("in the age range of 18 to 40", "in age from 18 to 90")
    if _REQUIREMENT_BEFORE.search(before[:m.start()]):
        return True
    return not before[:m.start()].strip(" \t\n-*•(") and bool(_REQUIREMENT_AFTER.match(text, end))


# An age at which the illness came on, in the criteria (ages8): "Colorectal cancer diagnosed under age 50", "Diagnosis
# of pancreatitis at age < 60", "esotropia that occurred at age 6 months or older", "Depression must have started at
# age 30 or less", "first symptoms of cluster headache from ≤60 years of age", "Onset … must have occurred in childhood
# (between 3 and 10 years of age)". It says when the illness began, not how old a participant is, so it backs no
# page's participant age. Narrower than illness_age, whose words ("generally healthy adults 65 years of age or older",
# "present at enrollment") are common in criteria that do give limits: here a word of the illness's beginning
# ("onset", "diagnosed", "started", "occurred", "developed", "symptoms"), no person named after it ("newly diagnosed
# AML in patients over 60 years" is the participant's age), and a word of time right before the age ("under", "at",
# "before", "by the age of", "from"; not "over" or "after": "a diagnosis of depression over the age of 21 years" says
# who joins, as ages7 read it). "Diagnosed with SLE, 18 years old or older" is a limit. Some such ages are
# limits to join as well ("diagnosed with osteosarcoma by the age of 25 years" in a trial of young patients): not
# backing a page's claim with them says nothing false, where reading them as limits could. ("Age at diagnosis < 21
# years" is read as no age at all.)
_BEGAN = re.compile(r"\b(?:onset|diagnos(?:ed|is|es)|develop(?:ed|s)|occurr(?:ed|ing)|occurs?|start(?:ed|s)|beg(?:an|un|ins?)|"
                    r"symptoms?|affected)\b", re.I)
_TIME_BEFORE = re.compile(r"\b(?:at|before|by|prior\s+to|under|below|from|between|until|in)\s*\(?\s*"
                          r"(?:(?:the\s+)?(?:age|ages)\s*(?:of\s+)?)?$", re.I)


def illness_began_age(text: str, start: int) -> bool:
    """Is the age wording at text[start:] (its first figure at or after `start`) the age the illness began at, in the
    criteria's words ("Colorectal cancer diagnosed under age 50")? See _BEGAN above."""
    before, lead = _lead(text, start)
    began = list(_BEGAN.finditer(lead))
    if not began:
        return False
    between = [w.lower() for w in re.findall(r"[a-z]+", lead[began[-1].end():], re.I)]
    return bool(_TIME_BEFORE.search(lead)) and not any(w in _WHO_WORDS for w in between) \
        and (began[-1].group(0).lower() == "onset" or len(between) <= 8)


def no_limit_age(text: str, start: int, end: int, prose: bool) -> bool:
    """Is the age wording at text[start:end] of a record's text no limit to join, though the participant's: whom
    another requirement is for (for_whom_age), or the illness's (illness_began_age in the criteria; with `prose`, the
    summary's or description's, illness_age too)? The one rule the record's texts are read by where they may back a
    page's age (plain_limits.record_ages, plain_open_ended)."""
    return for_whom_age(text, start, end) or illness_began_age(text, start) or (prose and illness_age(text, start))


def participant_texts(criteria: str | None) -> list[str]:
    """The texts of a record's criteria that can give the participant's own age limits: its inclusion items and the
    items under no heading (the eligibility text of a record without sections), each sub-item read with its label
    ("Age:" then "18 to 65"); never an exclusion item (an exclusion's "Patients ≥ 65 years with hepatic impairment"
    sets no maximum, NCT05490680) nor a list headed for another person ("DONOR:", "Parent inclusion criteria")."""
    crit = parse_criteria(criteria)
    out: list[str] = []
    for section in ("inclusion", "unplaced"):
        starts = [(start, head) for head, sec, start in crit.header_at if sec == section]
        for i, item in enumerate(getattr(crit, section)):
            head = next((h for start, h in reversed(starts) if start <= i), "")
            if not any(w.lower() in _ANOTHERS or w.lower().rstrip("s") in _ANOTHERS for w in _WORD.findall(head)):
                out += _with_labels(item, "")
    return out


def _with_labels(item: Item, label: str) -> list[str]:
    text = f"{label} {item.text}".strip()
    below = text if item.text.rstrip().endswith(":") else label
    return [text] + [t for child in item.children for t in _with_labels(child, below)]
