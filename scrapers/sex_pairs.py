"""How texts say "everyone, whatever their sex", for the fidelity check: "no gender restrictions" is no negation, "his
or her" no alternative, and "male or female", "men and women", "male/female" or, in a text naming no sex, "adults"
say one thing, so that a copy writing one for another loses no "or" (review r31: "Male/female" for "Male or female"
29 of 74 real rewrites, "Adults" for it 30 of 80, each read as a lost "or", critical). A pair left out with no word
in its place says as much ("Aged 18 or older" for "Male or female, aged 18 or older": 16 of 80 real, critical): a pair
of both sexes limits nothing whatever the record's sex (606 pairs in the corpus, 5 in single-sex trials).
"""

from __future__ import annotations

import re

# Everyone may join whatever their sex: "no gender restrictions", "no restriction on sex", "regardless of gender",
# "any sex" say one thing, so that "no" is not a negation a rewording can lose. Only a sex or gender restriction
# is read so: "no dietary restrictions" keeps its negation.
ANY_SEX = re.compile(r"\bno\s+(?:(?:gender|sex)\s+(?:restrictions?|limits?|limitations?|requirements?)|"
                     r"(?:restrictions?|limits?|limitations?|requirements?)\s+(?:on|of|for|by|regarding)\s+(?:gender|sex))\b"
                     r"|\bregardless\s+of\s+(?:gender|sex)\b")

EITHER_SEX = re.compile(r"\b(?:his or her|her or his|he or she|she or he|him or her|her or him)\b")
# "male or female", "men and women", "males and/or females", "male/female": everyone, whichever the joining word
# (where both texts say so: "or" is counted, and "Men" for "Male or female" is a lost "or"; r31: 29 of 74 real
# "Male/female" for "Male or female" read as a lost "or", critical)
_JOINED = r"(?:\s+(?:and\s*/\s*or|or|and|&)\s+|\s*/\s*)"
_BOTH_SEXES = re.compile(rf"(?i)\b(?:(?:males?|m[ae]n|boys?){_JOINED}(?:females?|wom[ae]n|girls?)|"
                         rf"(?:females?|wom[ae]n|girls?){_JOINED}(?:males?|m[ae]n|boys?))\b")
# a word for everyone that a copy writes for the pair ("Adults aged 18 or older" for "Male or female aged 18 or
# older"): said where the other text names no sex, the pair's "or" offers no alternative (r31: 30 of 80 real critical)
_EVERYONE = re.compile(r"(?i)\b(?:(?:any|either|all|both|every)\s+(?:sex|sexes|genders?)|adults?|participants?|people"
                       r"|persons?|individuals?|patients?|subjects?|volunteers?|everyone|anyone)\b")
# an item that is about one sex whatever its sex word says (pregnancy, childbearing, a sex's own organs or partner,
# "she"): a pair after such a word is no "everyone" ("Postmenopausal women or men" is postmenopausal women, or men; 2
# items of the corpus); sex_left_out reads it of a lone sex word too. Not contraception or sterilization, which either
# sex may be asked for ("Men must agree to use contraception")
IMPLIED_SEX = re.compile(r"(?i)pregnan|child[- ]?bearing|lactat|breast[- ]?feed|nursing|menopaus|menstrua|menses"
                         r"|vasectom|partner|ovar|uter(?:us|ine)|prostat|testic|testes|testis"
                         r"|sperm|semen|\bs?he\b|\bher\b|\bhis\b|hysterect|tubal|oophor|gyn[a]?ec|cervix|obstet|\bwombs?\b"
                         r"|\bhcg\b|amenorrh|vagin|endometri|erectile|penile|penis|post-?partum|\bivf\b|in vitro fertili"
                         r"|oocyte|mammogra|menarch")
_WORD_BEFORE = re.compile(r"([\w-]+)[\s-]*$")
_ONE_SEX = re.compile(r"(?i)\b(?:males?|m[ae]n|boys?|gentlem[ae]n|females?|wom[ae]n|girls?|lad(?:y|ies))\b")


def both_sexes_alike(a: str, b: str) -> tuple[str, str]:
    """Both texts with their sex pairs written "men and women" where each has as many; where one has fewer, and
    neither names another sex outside its pairs nor qualifies a pair by a word of one sex (`_limit_nothing`), with
    the pairs written as the word for everyone the other says in their place ("Adults"), or left out ("Aged 18 or
    older" for "Male or female, aged 18 or older")."""
    sa, sb = _BOTH_SEXES.findall(a), _BOTH_SEXES.findall(b)
    if sa and len(sa) == len(sb):
        return _BOTH_SEXES.sub("men and women", a), _BOTH_SEXES.sub("men and women", b)
    if len(sa) == len(sb) or not _limit_nothing(a, b):
        return a, b
    if sa and sb:   # (one pair of two left out, the other kept: NCT00001371)
        return _BOTH_SEXES.sub(" ", a), _BOTH_SEXES.sub(" ", b)
    return _for_everyone(a, b), _for_everyone(b, a)


def _for_everyone(a: str, b: str) -> str:
    """`a` with its sex pairs written as the word for everyone `b` says in their place, or left out where it says
    none."""
    m = _EVERYONE.search(b)
    return _BOTH_SEXES.sub(m.group(0) if m else "", a)


def _limit_nothing(a: str, b: str) -> bool:
    """Do the two texts' sex pairs limit nothing: the texts name the same sexes outside them ("lactating women and
    fertile" for "lactating women and fertile women or men"; not "Men" for "Male or female") and no word of one sex
    qualifies a pair ("postmenopausal women or men")?"""
    if any(_qualified(t[:m.start()]) for t in (a, b) for m in _BOTH_SEXES.finditer(t)):
        return False
    return _sexes(_BOTH_SEXES.sub(" ", a)) == _sexes(_BOTH_SEXES.sub(" ", b))


def _sexes(text: str) -> list[str]:
    """The sex words a text names, in order, in small letters."""
    return [w.lower() for w in _ONE_SEX.findall(text)]


def _qualified(before: str) -> bool:
    """Does the word right before a pair say one sex ("postmenopausal", "pregnant")?"""
    w = _WORD_BEFORE.search(before)
    return bool(w and IMPLIED_SEX.search(w.group(1)))
