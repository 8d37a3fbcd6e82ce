"""A word a copy leaves out that says what is measured or who or which illness a rule is about: "Blood pressure < 90
mmHg" where ClinicalTrials.gov says "Systolic blood pressure < 90 mmHg", "Glucose > 126 mg/dL" for "Fasting glucose >
126 mg/dL", "Active rheumatoid arthritis" for "Early active rheumatoid arthritis", "Partners" for "Male partners".
words.word_changes compares words in place and passed over a word dropped with nothing in its place, so each read as in
sync (36 of 37 real range items with their measure's first word dropped said nothing, review r28 sweep_rangehead).

Copies drop wording that says nothing of the kind ("Known history of stroke" as "History of stroke", "patients",
"documented", "diagnosis of"): only a describing word right before the word it describes is read, and only one of
these: a measure's own word before a figure ("systolic", "fasting", "serum"), a sex, or a word that says which
illness or stage ("early", "metastatic", "juvenile"). A qualifier of degree ("severe", "active", "uncontrolled") is
scope.py's to say (its "leaves out" warning), so it is not read here.
"""

from __future__ import annotations

import re
from typing import Callable

from ..fidelity import SEX_WORDS
from .same_words import same_word

# a measure's word that says which measure ("systolic blood pressure", "fasting glucose", "serum potassium", "total
# bilirubin", "corrected QT", "resting heart rate", "absolute neutrophil count"): read only before a figure
MEASURE_WORDS = frozenset("""systolic diastolic fasting corrected resting total free serum urine urinary plasma
    ionized ionised absolute direct indirect conjugated unconjugated trough peak mean random morning""".split())
# words that say which illness, stage or people a rule is about ("early rheumatoid arthritis", "metastatic breast
# cancer", "juvenile idiopathic arthritis")
WHICH_WORDS = frozenset("""early late metastatic juvenile pediatric paediatric childhood infantile
    neonatal congenital hereditary familial gestational postpartum postmenopausal premenopausal perimenopausal
    invasive noninvasive localized localised advanced relapsed refractory recurrent primary secondary""".split()) \
    | SEX_WORDS
# the people a rule is about: words.py's filler, yet "Male subjects" says who ("Subjects" does not)
_PEOPLE = frozenset("""patient patients subject subjects participant participants people person persons individual
    individuals volunteer volunteers""".split())
_JOIN = re.compile(r"[ \-]+")
_FIGURE = re.compile(r"\d")   # (matched at a word's start: "2" in "type 2 diabetes", not "CD4", a name)


def dropped_describer(t: str, ms: list[re.Match], i1: int, i2: int, page_words: list[str],
                      says: Callable[[str], bool]) -> tuple[str, str] | None:
    """(the record's words, the page's) where the record's tokens i1:i2 (of `ms`, its words in `t`) are one such word
    the page leaves out, right before the word it describes, which the page keeps: ("Systolic blood pressure", "blood
    pressure"), the described words being those after it that say something (`says`: words.py's test, which ends
    them at "less", "of", "must"); None for any other words dropped, or a word the page says elsewhere."""
    if i2 - i1 != 1 or i2 >= len(ms) or not _JOIN.fullmatch(t, ms[i1].end(), ms[i2].start()):
        return None
    w = ms[i1].group(0).lower()
    head = ms[i2].group(0)
    if any(same_word(w, v.lower()) for v in page_words) or _FIGURE.match(head) or \
            not (says(head) or w in WHICH_WORDS and head.lower() in _PEOPLE):
        return None   # (nor one before "or", "to", "after": "Relapsed or refractory", "secondary to hemolysis")
    rest = t[ms[i2].end():]   # (a figure after the measure's name: "CD4" is a name)
    if not (w in WHICH_WORDS or w in MEASURE_WORDS and _FIGURE.search(rest)):
        return None
    end = i2   # the described words: the next ones joined by spaces or hyphens, up to three, no number
    while end + 1 < len(ms) and end + 1 - i2 < 3 and _JOIN.fullmatch(t, ms[end].end(), ms[end + 1].start()) \
            and not _FIGURE.match(ms[end + 1].group(0)) and says(ms[end + 1].group(0)):
        end += 1
    return t[ms[i1].start():ms[end].end()], t[ms[i2].start():ms[end].end()]
