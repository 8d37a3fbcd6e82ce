"""A word a copy leaves out that says what is measured or who or which illness a rule is about: "Blood pressure < 90
mmHg" where ClinicalTrials.gov says "Systolic blood pressure < 90 mmHg", "Glucose > 126 mg/dL" for "Fasting glucose >
126 mg/dL", "Active rheumatoid arthritis" for "Early active rheumatoid arthritis", "Patients" for "Pediatric patients".
words.word_changes compares words in place and passed over a word dropped with nothing in its place, so each read as in
sync (36 of 37 real range items with their measure's first word dropped said nothing, review r28 sweep_rangehead).

Copies drop wording that says nothing of the kind ("Known history of stroke" as "History of stroke", "patients",
"documented", "diagnosis of"): only a describing word right before the word it describes is read (or "benign" or
"malignant" after the verb that states it: "must be proven benign"), and only one of these: a measure's own word
before a figure ("systolic", "fasting", "serum"), or a word that says which illness, stage, people or treatment
("early", "metastatic", "juvenile", "investigational", "concurrent"). A qualifier of degree ("severe", "active",
"uncontrolled") is scope.py's to say (its "leaves out" warning), so it is not read here.

Quiet where the dropped word says only what the item says anyway (review r29, fix29): a specimen or qualifier a
routine test has by default ("Serum creatinine" as "Creatinine", "Total bilirubin", "total score", "Absolute
neutrophil count"), a short form the page keeps that stands for it ("Neutrophil count (ANC)", "(SBP)", "(QTc)"), a
stage or age the item states ("Metastatic ... stage IV", "Pediatric patients aged 2 to 17 years", "Early stage
(I-II)"), and "primary" or "pediatric" before no illness or people ("primary care provider"). A sex word is not
read here: whether the trial is open to both sexes is the record's to say, so sex_left_out.py reads it with that.

A measure's word is read before a figure or a limit said in words right after the measure ("Direct bilirubin
normal", "Free T4 within normal range"); with neither, it mostly describes no measure ("random assignment", "urine
drug screen", "direct observation": words4, about half of 218 real such drops said nothing new) and is not read. A
measure's own name dropped ("Count" for "Platelet count") is measure_names.py's.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable

from ..illness_words import check_pattern
from .measure_names import dropped_measure_name
from .reading import RUN_ON
from .same_words import same_word
from .shorthands import kept_short_form

# a measure's word that says which measure ("systolic blood pressure", "fasting glucose", "serum potassium", "total
# bilirubin", "corrected QT", "resting heart rate", "absolute neutrophil count"): read only before a figure
MEASURE_WORDS = frozenset("""systolic diastolic fasting corrected resting total free serum urine urinary plasma
    ionized ionised absolute direct indirect conjugated unconjugated trough peak mean random morning""".split())
# words that say which illness, stage or people a rule is about ("early rheumatoid arthritis", "metastatic breast
# cancer", "juvenile idiopathic arthritis")
WHICH_WORDS = frozenset("""early late metastatic juvenile pediatric paediatric childhood infantile
    neonatal congenital hereditary familial gestational postpartum postmenopausal premenopausal perimenopausal
    invasive noninvasive localized localised advanced relapsed refractory recurrent primary secondary
    benign malignant""".split())
# (neg3: "benign" left out was silent on 56 of 60 real items, "History of benign brain tumour" as "History of brain
# tumour"; "malignant" names which too, "malignant hypertension", save before a cancer named as one: `_CANCER`)
# words that say which treatment, or when: "No agents within 30 days" turns away everyone on any drug where the record
# says "No investigational agents …", "No chemotherapy" anyone ever treated where it says "No concurrent
# chemotherapy" (neg4: after neg3 read "investigational" as no "in-" word, it left out was silent, as these were).
# Not "prior": what a rule names is most often had before ("Treatment with cisplatin" for "Prior treatment with
# cisplatin" says nothing new)
WHICH_TREATMENT = frozenset("investigational experimental concurrent".split())
# words that make a measure, a history or an age (other_age.py) someone else's, not the participant's: "Maternal
# platelet count >= 100,000/mm3", "Maternal history of cocaine abuse", "Fetal heart rate > 110 bpm" (words6: 78 of 80
# real such words left out before a measure were silent); those that are also people ("Donor hemoglobin >= 12 g/dL",
# "Partner's sperm count") are read, like a measure's word, only before a figure or a limit in words, where they
# describe a measure ("HLA compatible donor capable of donating" names the donor)
# "caregiver", "guardian", "family" name someone else before any word too: "Caregiver's consent", "Guardian
# signature", "Family history of premature coronary disease" are not the participant's (words9: "Consent" for
# "Caregiver's consent" was silent); "sibling", "husband" … are people a rule may be about, so read as "donor" is
# ("Sibling donor age <= 60 years"). Not "child": in a children's trial the child is the participant ("Child ages
# 4-18 with known or suspected spinal AVM", NCT00001364)
_OF_ANOTHER = frozenset("""maternal paternal fetal foetal neonatal caregiver caregivers carer carers guardian guardians
    family""".split())
# where a word of which treatment or route stops describing the kept word (_stretch)
_NEW_CLAUSE = frozenset("or nor who which whom whose".split())
# a study a rule is about: "Participation in another study" for "... another investigational study" (r46 H2: the
# study was no word that says something, and the drop silent)
_OF_STUDY = frozenset("investigational experimental interventional".split())
_STUDY = frozenset("study studies trial trials protocol protocols".split())
_READ_BEFORE_ANY = WHICH_WORDS | WHICH_TREATMENT | _OF_ANOTHER   # (before any word, not only a figure)
# in-/im-/il- words that say which route, site or immune state (review r46 H1): "Contraindication to injection" for
# "... to intravitreal injection", "current treatment with drugs" for "... with immunosuppressive drugs" (no "not":
# fidelity's _IN_TURNS rightly stopped reading them as turned words, neg3, and 321 of 351 such drops went silent)
WHICH_ROUTE = re.compile(r"(?:intra|infra)[a-z]{4,}(?<!ly)|inhal(?:ed|ational|ant)|(?:inject|implant|infus)(?:able|ional)"
                         r"|inter(?:stitial|ventricular|vertebral|phalangeal|digital|spinous|dialytic|ventional|current|"
                         r"mittent)|inguinal|ile[oa][a-z]+|ilio[a-z]+|indolent|infective|infiltrative|incipient"
                         r"|immuno(?:sup+res+|compromi[sz]|defici|depress|incompet|competen)[a-z]*|immunized")
OTHER_PERSON = _OF_ANOTHER | frozenset("""mother father parent partner spouse donor recipient infant newborn sibling
    siblings husband wife brother sister""".split())
# what such a word says, in the page's other words: the person it names as a noun ("Platelet count of the mother"
# says "Maternal platelet count"), a time ("No chemotherapy at the same time" for "No concurrent chemotherapy"), a
# word for "investigational" ("experimental", TrialLens's plain English, which everyday_words reads as it)
_SAID_OTHERWISE = {"maternal": {"mother", "mothers"}, "paternal": {"father", "fathers"},
                   "fetal": {"fetus", "fetuses", "foetus"}, "foetal": {"fetus", "foetus", "foetuses"},
                   "neonatal": {"neonate", "neonates", "newborn", "newborns"},
                   "concurrent": {"concomitant", "concomitantly", "simultaneous", "simultaneously", "same", "current",
                                  "currently", "ongoing", "during", "while", "now"},
                   "investigational": {"experimental", "unapproved", "nonapproved"},
                   "experimental": {"investigational", "unapproved", "nonapproved"}}
# the people a rule is about: words.py's filler, yet "Pediatric patients" says who ("Patients" does not)
PEOPLE = frozenset("""patient patients subject subjects participant participants people person persons individual
    individuals volunteer volunteers""".split())
_FIGURE = re.compile(r"\d")   # (matched at a word's start: "2" in "type 2 diabetes", not "CD4", a name)
# what a measure's word says by default before these (routine serum chemistry, a count, a rating scale's score): a
# copy leaving it out says the same ("Bilirubin =< 1.5 x ULN" for "Total bilirubin ..."; r31 added folate, cortisol,
# prolactin, immunoglobulins, vitamins, renin, total cholesterol and protein); serum/urine before a pregnancy test
# or protein, and direct, ionized or free, still say which
_DEFAULT = re.compile(r"(?i)(?:serum|plasma) (?:creatinine|bilirubin|albumin|h(?:a)?emoglobin|potassium|sodium|calcium"
                      r"|magnesium|phosph\w*|chloride|bicarbonate|electrolytes?|glucose|ast|alt|sgot|sgpt"
                      r"|(?:amino)?transaminases?|ferritin|lipase|amylase|triglycerides?|cholesterol|ldl|hdl|uric"
                      r"|urea|viral|hiv|hbv|hcv|testosterone|estradiol|tsh|hba1c|hcg|folate|folic|cortisol|prolactin"
                      r"|ig[agme]|immunoglobulins?|vitamin|b12|renin)$"
                      r"|total (?:bilirubin|score|serum|plasma|cholesterol|protein)$|absolute (?:neutrophil|granulocyte)s?$")
# a stage or age the item's own words state, saying what the dropped word does ("metastatic" by "stage IV" or "M1",
# "pediatric" by an age, "early" by "stage I-II", "postmenopausal" by "no menses for 12 months")
_STAGE_IV = re.compile(r"(?i)\bstage\s*\(?\s*(?:iv|4)\b|\bm1[a-c]?\b")
_SAID_BY_ITEM = {
    "metastatic": _STAGE_IV,
    "advanced": re.compile(r"(?i)\bstages?\s*\(?\s*(?:iii|iv|3|4)\b|\bm1[a-c]?\b"),   # (stage III or IV: advanced)
    "early": re.compile(r"(?i)\bstages?\s*\(?\s*(?:0|i{1,2}|[12])[abc]?\b"),
    "postmenopausal": re.compile(r"(?i)\bno (?:menses|menstrua\w*|periods?)\b|\bamenorrh"),
    **dict.fromkeys(("pediatric", "paediatric", "juvenile", "childhood"),
                    re.compile(r"(?i)\d+\s*(?:years?|yrs?|months?|y/o)\b|\bage[sd]?\b\D{0,30}\d")),
}
# a cancer by its name, within the next few words: "malignant melanoma" as "melanoma", "malignant pleural or peritoneal
# mesothelioma" as "pleural or peritoneal mesothelioma" say the same ("-oma" alone is not one: "adenoma", "meningioma", "lipoma" are benign)
_CANCER = re.compile(r"(?i)(?:carcinoma|sarcoma|lymphoma|melanoma|mesothelioma|glioma|blastoma|myeloma|leuka?emia|"
                     r"cancer|malignanc(?:y|ies))s?\b")
# an illness "primary" may name ("primary brain tumor", "primary progressive multiple sclerosis", "primary biliary
# cholangitis"); before other words ("primary care provider", "primary language", "primary diagnosis": the main
# one) it says no illness
_ILLNESS = re.compile(check_pattern())   # (scrapers/illness_words.py)
# words read only before an illness or the people ("pediatric patients"): "pediatric oncologist", "primary care"
_ILLNESS_ONLY = frozenset("primary pediatric paediatric childhood juvenile".split())
# a limit said in words right after a measure ("Direct bilirubin normal", "Free T4 within normal range", "Conjugated
# bilirubin less than twice the upper limit of normal"): a figure's stand-in (words4: a measure word dropped with no
# figure after it is otherwise not read, most such words describing no measure: "random assignment", "urine test")
_LIMIT = re.compile(r"(?i)[\s,]+(?:levels?\s+)?(?:(?:is|are|must be|should be)\s+)?(?:at or )?(?:normal\b|within (?:the )?"
                    r"(?:institutional |laboratory )?normal\b|(?:less|more|greater|lower|higher) than (?:twice|normal)\b)")
# a word that ends the described words: what follows a noun, not part of it ("pregnancy test within 7 days",
# "women aged 18 to 45", "disease known to ..."; "age" is one: "gestational age")
NOT_NOUN = frozenset("""within aged between known deemed who whom which that with without at in on for from by as
    than prior after before during since until while where when is are was were be been has have had being not
    according defined requiring receiving treated diagnosed other allowed permitted required excluded eligible
    acceptable""".split())
# nor, after the noun, "stage" ("invasive breast cancer stage I to IV": the cancer is described, not its stage)
_AFTER_NOUN = NOT_NOUN | {"stage", "stages", "normal"}


def dropped_describer(t: str, ms: list[re.Match], i1: int, i2: int, page_words: list[str],
                      says: Callable[[str], bool]) -> tuple[str, str] | None:
    """(the record's words, the page's) where the record's tokens i1:i2 (of `ms`, its words in `t`) are one such word
    the page leaves out, right before the word it describes, which the page keeps: ("Systolic blood pressure", "blood
    pressure"), the described words being those after it that say something (`says`: words.py's test, which ends
    them at "less", "of", "must"); None for any other words dropped, or a word the page says elsewhere. A measure's
    whole name dropped before its figure ("Count" for "Platelet count") is measure_names.py's."""
    named = dropped_measure_name(t, ms, i1, i2, page_words, says) or _predicate_left_out(t, ms, i1, i2, page_words)
    if named is not None:
        return named
    nearby = _stretch(ms, i1, i2, page_words)   # (what the page says of the same thing: r46 H2, M3)
    picked = word_left_out_before(t, ms, i1, i2, nearby) or _people_left_out(t, ms, i1, i2, page_words)
    if picked is None:
        return None
    w, head = picked
    which = w in WHICH_WORDS or WHICH_ROUTE.fullmatch(w) is not None
    if _FIGURE.match(head) or head.lower() in NOT_NOUN or \
            not (says(head) or which and head.lower() in PEOPLE or w in _OF_STUDY and head.lower() in _STUDY) or \
            _DEFAULT.match(f"{w} {head}") or kept_short_form([m.group(0) for m in ms[i1:i1 + 7]], page_words):
        return None   # (nor one before "or", "to", "after": "Relapsed or refractory", "secondary to hemolysis")
    rest = t[ms[i2].end():]   # (a figure after the measure's name: "CD4" is a name)
    measure = w in MEASURE_WORDS or w in OTHER_PERSON   # (read only before a figure or a limit in words)
    if not (w in _READ_BEFORE_ANY or WHICH_ROUTE.fullmatch(w) or measure and (_FIGURE.search(rest) or
                                                                           _limit_after(t, ms, i2))) or \
            _SAID_OTHERWISE.get(w, set()) & {v.lower() for v in nearby}:
        return None
    end = i2   # the described words: the next ones joined by spaces or hyphens, up to three, no number, to the noun
    while end + 1 < len(ms) and end + 1 - i2 < 3 and RUN_ON.fullmatch(t, ms[end].end(), ms[end + 1].start()) \
            and not _FIGURE.match(ms[end + 1].group(0)) and says(ms[end + 1].group(0)) \
            and ms[end + 1].group(0).lower() not in _AFTER_NOUN:
        end += 1
    described = t[ms[i2].start():ms[end].end()]
    said_by = _SAID_BY_ITEM.get(w)   # (an illness named a few words on: "primary central nervous system lymphoma")
    near = ms[i2].start(), ms[min(i2 + 4, len(ms) - 1)].end()   # (the next few words)
    if said_by is not None and said_by.search(t) or w == "malignant" and _CANCER.search(t, *_phrase(t, ms, i2)) or \
            w in _ILLNESS_ONLY and not (_ILLNESS.search(t, *near) or head.lower() in PEOPLE):
        return None
    return t[ms[i1].start():ms[end].end()], described


_DESCRIBER_END = re.compile(r"(?i)(?:al|ic|ous|ive|ary|ar|ant|ent)$")
_PHRASE_END = re.compile(r"(?i)[,;()\[\]]|\b(?:or|and|nor|except|but|other|than)\b")


def _phrase(t: str, ms: list[re.Match], i2: int) -> tuple[int, int]:
    """Where the noun phrase a word before token i2 describes may name its cancer: the next four words, up to a
    comma, bracket, "or", "and", "except" ("malignant tumors or prostate cancer", "active malignant disease (except
    non-melanoma skin cancer)" name another thing: r46 M1, 17 of 18 such drops were silent)."""
    end = ms[min(i2 + 4, len(ms) - 1)].end()
    for stop in _PHRASE_END.finditer(t, ms[i2].start(), end):
        before = re.search(r"(\w+)\W*$", t[ms[i2].start():stop.start()])
        if stop.group(0).lower() in ("or", "and") and before and _DESCRIBER_END.search(before.group(1)):
            continue   # (two describing words of one noun: "malignant pleural or peritoneal mesothelioma")
        return ms[i2].start(), stop.start()
    return ms[i2].start(), end


def _stretch(ms: list[re.Match], i1: int, i2: int, page_words: list[str]) -> list[str]:
    """The page's words about the same thing as the record's word i1 left out, for a word of which treatment, route
    or site (`WHICH_TREATMENT`, `WHICH_ROUTE`): the few around the kept word it described, up to a word that starts
    another clause or part ("or", "who"; "concurrent" reads on past "or", where the plain rewrite puts "at the same
    time" after a list). Said elsewhere in the item, the word is another thing's (r46 H2: "any drug ... or who are
    taking any other investigational drug" was silent); all the page's words for any other word, or where the kept
    word is not found."""
    w = ms[i1].group(0).lower()
    if w not in WHICH_TREATMENT and not WHICH_ROUTE.fullmatch(w) or i2 >= len(ms):
        return page_words
    rl = [m.group(0).lower() for m in ms]
    pl = [v.lower() for v in page_words]
    at = next((j1 + i2 - a for a, j1, size in SequenceMatcher(None, rl, pl, autojunk=False).get_matching_blocks()
               if a <= i2 < a + size), None)
    if at is None:
        return page_words
    lo = at
    while lo > 0 and at - lo < 4 and pl[lo - 1] not in _NEW_CLAUSE:
        lo -= 1
    hi = at + 1
    while hi < len(pl) and hi - at <= 6 and (pl[hi] not in _NEW_CLAUSE or w == "concurrent" and pl[hi] == "or"):
        hi += 1
    return page_words[lo:hi]


def word_left_out_before(t: str, ms: list[re.Match], i1: int, i2: int,
                         page_words: list[str]) -> tuple[str, str] | None:
    """(the record's token i1 in lower case, the token right after it) where the page leaves out just that one word
    (i2 = i1 + 1), run on to the next by a space or hyphen, and says it nowhere else; None otherwise. What a describing
    word (dropped_describer) and another's age (other_age: "Gestational age") are first read as."""
    if i2 - i1 != 1 or i2 >= len(ms) or not RUN_ON.fullmatch(t, ms[i1].end(), ms[i2].start()):
        return None
    w = ms[i1].group(0).lower()
    if any(same_word(w, v.lower()) for v in page_words):
        return None
    return w, ms[i2].group(0)


# "benign" or "malignant" said of a thing after the word that states it ("must be proven benign", "is malignant",
# "confirmed malignant by biopsy"): left out, the rule asks only that it be proven (neg4: silent, as the word before
# its noun was before neg3)
_PREDICATES = frozenset(("benign", "malignant"))
_STATES_IT = frozenset("""is are was were be been being proven confirmed shown found deemed considered documented
    judged presumed not""".split())


def _predicate_left_out(t: str, ms: list[re.Match], i1: int, i2: int, page_words: list[str]) -> tuple[str, str] | None:
    """(the record's two words, the page's one) where the page leaves out just a `_PREDICATES` word said after the word
    that states it (`_STATES_IT`: "proven benign" / "proven"), before no word it describes ("confirmed malignant
    pleural mesothelioma" is dropped_describer's), and says it nowhere else; None otherwise."""
    if i2 - i1 != 1 or i1 == 0 or not RUN_ON.fullmatch(t, ms[i1 - 1].end(), ms[i1].start()):
        return None
    if i2 < len(ms) and RUN_ON.fullmatch(t, ms[i1].end(), ms[i2].start()) and \
            ms[i2].group(0).lower() not in NOT_NOUN | {"and", "or"}:
        return None
    w, lead = ms[i1].group(0).lower(), ms[i1 - 1]
    if w not in _PREDICATES or lead.group(0).lower() not in _STATES_IT or \
            any(same_word(w, v.lower()) for v in page_words):
        return None
    return t[lead.start():ms[i1].end()], lead.group(0)


_PEOPLE_JOIN = re.compile(r"[\s,/\-]+")   # (between the words of "parent/guardian", "mother, father or sibling")


def _people_left_out(t: str, ms: list[re.Match], i1: int, i2: int, page_words: list[str]) -> tuple[str, str] | None:
    """(the word the rule reads, the token right after) where the page leaves out two or more people's words together,
    joined by "and", "or", "/" or a comma, right before the word they describe ("Parent or guardian consent", "Donor
    and recipient hemoglobin >= 12 g/dL"), and says none of them elsewhere: read as one of them left out would be
    (neg1: one warned, two together were silent). The word read is one that names another before any word
    (`_OF_ANOTHER`: "caregiver", "family"), else the first."""
    if not 2 <= i2 - i1 <= 7 or i2 >= len(ms) or not RUN_ON.fullmatch(t, ms[i2 - 1].end(), ms[i2].start()):
        return None
    words = [m.group(0).lower() for m in ms[i1:i2]]
    people = [w for w in words if w in OTHER_PERSON]
    if len(people) < 2 or words[0] not in OTHER_PERSON or words[-1] not in OTHER_PERSON or \
            any(w not in OTHER_PERSON and w not in ("and", "or", "nor") for w in words) or \
            not all(_PEOPLE_JOIN.fullmatch(t, a.end(), b.start()) for a, b in zip(ms[i1:i2], ms[i1 + 1:i2])):
        return None
    if any(same_word(w, v.lower()) for w in people for v in page_words):
        return None
    return next((w for w in people if w in _OF_ANOTHER), people[0]), ms[i2].group(0)


def _limit_after(t: str, ms: list[re.Match], i: int) -> bool:
    """Does a limit said in words (`_LIMIT`) follow the measure named from token i, within its next two words (not
    another thing's: "serum vitamin A and normal liver function")?"""
    for m in ms[i:i + 3]:
        if m.group(0).lower() in ("and", "or", "nor"):
            return False
        if _LIMIT.match(t, m.end()):
            return True
    return False
