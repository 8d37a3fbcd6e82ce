"""One word as a copy may write it: another form ("treated"/"treat"), a word for the same side ("women"/"females"), a
word of the same sense ("inoperable"/"unresectable"), another spelling ("tumour"), a one-letter slip. words.py compares
a page's words with the record's by it (and reads it from here for scope, splits and alternatives); kept apart so
words.py stays about what a copy changes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from os.path import commonprefix

from rapidfuzz.distance import OSA

from ..fidelity import turns
from ..opposites import same_side
from .shorthands import ENDINGS, american


# words a site may write for one another, one sense each (a page saying "inoperable" for the record's "unresectable"
# changes no one's eligibility)
_SAME_SENSE = {w: i for i, ws in enumerate((
    "immunocompromised immunosuppressed immunocompromized",
    "unresectable inoperable nonresectable irresectable",
    "rifampin rifampicin",   # (one medicine's US and international names: shared_start tells medicines apart)
    # (a word qualified as not done well: "poorly treated" for "inadequately treated", review round 24, #6; one
    # dropped or turned to "well" is fidelity's qualifier flip)
    "poorly inadequately insufficiently suboptimally badly",
    "poor inadequate insufficient suboptimal",
    # (an organ's plain name and its medical adjective: "kidney disease" for "renal disease"; another organ is another
    # word, "liver disease" for "renal disease" still warns)
    "kidney kidneys renal",
    "heart cardiac",
    "liver hepatic",
    "lung lungs pulmonary",
    # (a person's age said as a noun or a participle: "Age >= 18 years" for "Patients aged >= 18 years", "Ages 18-65";
    # their endings read apart, "aged" as "ag" and "age" as itself, so each warned: words5, 320 of 320 real items)
    "age ages aged",
)) for w in ws.split()}


@lru_cache(maxsize=131072)   # (pure; a long item's readings ask one pair often: fix46)
def same_word(w: str, v: str) -> bool:
    """One word, as a copy may write it: another form ("treated"/"treat", shared_start), a word for the same side
    ("women"/"females", opposites.same_side), a word of the same sense ("inoperable"/"unresectable"), another spelling
    ("tumour"/"tumor"), or a one-letter slip in a long word ("recieve"), never a negating prefix ("asymptomatic")."""
    if w == v or shared_start(w, v) or same_side(w, v) or _SAME_SENSE.get(w, -1) == _SAME_SENSE.get(v, -2):
        return True
    aw, av = american(w), american(v)
    if aw == av or ENDINGS.sub("", aw) == ENDINGS.sub("", av) != "":
        return True
    # (the slip measured on the words as written too: "diaebtic" is one swap from "diabetic", but its "ae" read as
    # British made it two; a negating prefix is no slip: "asymptomatic" for "symptomatic" turns the rule, review r28 #4)
    return min(len(w), len(v)) >= 6 and min(OSA.distance(aw, av), OSA.distance(w, v)) <= 1 and not turns(w, v)


# parts named for the lungs that are not the lungs: the pulmonary valve is the heart's, the pulmonary artery and veins
# run between heart and lungs, a pulmonary embolism is a clot carried into those arteries; "lung valve stenosis" for
# "pulmonary valve stenosis" names another thing (review r30 #6). The hepatic and renal arteries and veins are the
# liver's and kidney's own ("kidney artery stenosis" is the renal one), and a cardiac arrest is the heart's.
_NOT_THE_LUNG = re.compile(r"(?:valves?|arter(?:y|ies|ial)|veins?|venous|embol\w*|trunk)")


def organ_for_part(r: list[str], p: list[str], r_next: str) -> bool:
    """Do the record's words `r` (lower case; `r_next` the word after them) name a part by an organ's adjective
    ("pulmonary" before "valve", "artery", "embolism", "vein") where the page's `p` in their place say the organ's
    plain name ("lung")? same_word reads the two as one word; here they are not."""
    said = r + [r_next]
    return any(w == "pulmonary" and _NOT_THE_LUNG.fullmatch(nxt) is not None and
               any(v != w and _SAME_SENSE.get(v) == _SAME_SENSE[w] for v in p) for w, nxt in zip(said, said[1:]))


# names of medicines by their endings ("prednisone", "prednisolone", "penicillin", "cortisol", "progestin"): two of them
# that share a long start are still two medicines, not two forms of one word
_DRUG_LIKE = re.compile(r"(?:one|ine|ide|in|ol|mab|nib|vir|pril|sartan|azole|mycin|cycline|cillin|oxacin|platin|taxel|"
                        r"parin|afil|lukast|azepam|zolam|caine|profen|amine|ate)$")


def shared_start(w: str, r: str) -> bool:
    """One word in two forms ("transplant"/"transplantation", "pregnant"/"pregnancy"): a shared start of all but the
    last three letters of the shorter, at least five ("transplant" is not "transfusion"). Two names of medicines
    differ in more than a plural or a final "e" ("doxorubicine"): "prednisone" is not "prednisolone"."""
    if w == r:
        return True
    if w[0].isdigit() or r[0].isdigit():
        return False
    n = len(commonprefix((w, r)))
    if n < max(5, min(len(w), len(r)) - 3):
        return False
    if _DRUG_LIKE.search(w) and _DRUG_LIKE.search(r):
        return w[n:] in ("", "s", "e", "es") and r[n:] in ("", "s", "e", "es")
    return True


# "in the past 6 months", "in the last 6 months", "within the previous year": one look back from now; the fidelity check
# reads the window each says (a "next 6 months" in their place is its critical time period)
_LOOKBACK = frozenset(("past", "last", "previous", "preceding", "prior"))
_UNIT = re.compile(r"(?:year|month|week|day|hour|decade)s?")
_COUNT = re.compile(r"(?:\d[\d.,/-]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|"
                    r"thirty)")


def same_lookback(r: list[str], p: list[str], r_next: str, p_next: str) -> bool:
    """Are the record's words `r` and the page's `p` in their place each one look-back word ("last" for "past") before
    a time span (`r_next`, `p_next`: the words after each, "6 months", "year")? Then they say one window; "last" for
    "past" warned as another word on 149 of 150 real items (session alarms); so do window words for window words
    ("within past" for "during"), the time period being the fidelity check's to compare ("over" for "in" it reads as
    none, so they stay words). A count is no span: "the last 3 PSA values", "prior 5 FU" (a drug), "last two
    trimesters" (review r30 #4: 12 of 12 real ones were silent)."""
    return _window_words(r) and _window_words(p) and not {w.lower() for w in r + p} <= {"in", "over"} and \
        all(_is_span(w.lower().split()) for w in (r_next, p_next))


# "within past" for "during" in "during the 3 months prior to study entry" (window2: 3 of 60 real items warned once
# the time period read alike): window words before a span, whose window the fidelity check reads and compares
_WINDOW = frozenset(("within", "in", "during", "over"))


def _window_words(ws: list[str]) -> bool:
    """Are these one or two window words ("during", "within past", "in the last" without its "the")?"""
    return 0 < len(ws) <= 2 and all(w.lower() in _WINDOW or w.lower() in _LOOKBACK for w in ws)


def _is_span(words: list[str]) -> bool:
    """Do these words open with a time span: a unit ("year"), or a count and a unit ("6 months")?"""
    return bool(words) and (_UNIT.fullmatch(words[0]) is not None or len(words) > 1 and
                            _COUNT.fullmatch(words[0]) is not None and _UNIT.fullmatch(words[1]) is not None)
