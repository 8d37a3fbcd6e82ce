"""How texts say "everyone, whatever their sex", for the fidelity check: "no gender restrictions" is no negation, "his
or her" no alternative, and "male or female", "men and women", "male/female" or, in a text naming no sex, "adults"
say one thing, so that a copy writing one for another loses no "or" (review r31: "Male/female" for "Male or female"
29 of 74 real rewrites, "Adults" for it 30 of 80, each read as a lost "or", critical).
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
_ONE_SEX = re.compile(r"(?i)\b(?:males?|m[ae]n|boys?|gentlem[ae]n|females?|wom[ae]n|girls?|lad(?:y|ies))\b")


def both_sexes_alike(a: str, b: str) -> tuple[str, str]:
    """Both texts with their sex pairs written "men and women" where each has as many, and with a pair written as
    the word for everyone the other says in its place where the other names no sex ("Adults")."""
    sa, sb = _BOTH_SEXES.findall(a), _BOTH_SEXES.findall(b)
    if sa and len(sa) == len(sb):
        a, b = _BOTH_SEXES.sub("men and women", a), _BOTH_SEXES.sub("men and women", b)
    return _for_everyone(a, b), _for_everyone(b, a)


def _for_everyone(a: str, b: str) -> str:
    """`a` with its sex pairs written as the word for everyone `b` says in their place, where `b` names no sex."""
    m = _EVERYONE.search(b) if _BOTH_SEXES.search(a) else None
    if m is None or _ONE_SEX.search(b):
        return a
    return _BOTH_SEXES.sub(m.group(0), a)
