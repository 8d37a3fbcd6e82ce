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

from .dropped_words import OTHER_PERSON, word_left_out_before
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
