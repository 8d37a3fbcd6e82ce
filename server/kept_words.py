"""When a rewrite that passes the fidelity check is still worse than the record's words: it turns a heading into a
criterion, or it says less than the record (plain21). Then the record's words are shown, their terms glossed."""
from __future__ import annotations

import re

# a word that names no illness by itself: "disease." alone (NCT00001539, the tail of a line the record broke) read
# "You have disease.", emptier than the record and wrong as a criterion
_EMPTY_WORD = re.compile(r"^\W*(?:diseases?|illness(?:es)?|conditions?|disorders?|problems?|symptoms?|syndromes?)\W*$", re.I)
_YOU = re.compile(r"^You\b")
# words that make capitals a sentence, not a heading: "PATIENTS MUST HAVE:", "NO PRIOR THERAPY", "YOU HAVE …"
_SAYS = re.compile(r"\b(?:you|must|should|shall|will|may|can|are|is|were|was|have|has|had|need|needs|require[sd]?|who|"
                   r"which|that|with|without|not|no|any|prior|previous|history)\b", re.I)


def heading_in_capitals(original: str, candidate: str) -> bool:
    """An item all in capitals, two words or more, with no number or comparator, that the rewrite made a sentence about
    "you": in these records capitals mark a heading ("POST-TREATMENT LYME DISEASE SYNDROME (PTLDS)" over the
    definition of PTLDS, NCT00001539, read "You have POST-TREATMENT …" as if it were a criterion; plain21)."""
    if re.search(r"[a-z]", original) or re.search(r"[\d<>=≤≥%]", original) or _SAYS.search(original):
        return False
    return len(re.findall(r"[A-Z][A-Z'-]*", original)) >= 2 and bool(_YOU.match(candidate))


def emptier_than_record(original: str, candidate: str) -> bool:
    """A rewrite that only puts "You have" before a word naming no illness ("disease." -> "You have disease.")."""
    return bool(_EMPTY_WORD.match(original)) and bool(_YOU.match(candidate))


def keep_record_words(original: str, candidate: str) -> bool:
    """Whether the record's words are to be shown instead of this (faithful) candidate."""
    return heading_in_capitals(original, candidate) or emptier_than_record(original, candidate)
