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
