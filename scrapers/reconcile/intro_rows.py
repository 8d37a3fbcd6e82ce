"""Heading rows on a page's criteria list: "Eligible patients:", "Patients will be excluded if:". A row that only
introduces the items under it is no criterion the record lacks; one that changes how they read is (items.py asks)."""

from __future__ import annotations

import re

from ..criteria import unescape_markdown
from .align import strip_marker
from .reading import FILLER

# the words of a row that only introduces a list: who the rules are about, "must meet", "the following", "excluded
# if"; a word that names a condition, a measure or a time ("with diabetes:", "women of childbearing potential must:"),
# a figure or a "not" makes the row a rule of its own, reported when the record lacks it
_INTRO_WORDS = FILLER | frozenset("""eligible eligibility excluded exclude excludes include included includes inclusion
    exclusion criteria criterion requirement requirements required require requires meet meets meeting fulfil fulfill
    fulfils fulfills fulfilling satisfy satisfies satisfying key main major general additional following below listed
    if when enrolled enrol enroll enter qualify qualifies considered candidates""".split())
# a row that names the other list reads the rules under it as that list's ("Patients are eligible if:" over the
# reasons someone cannot join), and over exclusions "all of the following" makes them one joint rule, as "any of the
# following" over inclusions makes them alternatives: none of these merely introduces (R22, R24)
_NOT_OVER = {
    "inclusion": frozenset("any either or nor one excluded exclude excludes exclusion".split()),
    "exclusion": frozenset("all both every each eligible include included includes inclusion qualify qualifies "
                           "enrolled enrol enroll enter".split()),
}


def introduces_list(text: str, section: str) -> bool:
    """A row that only introduces the items under it ("Eligible patients:", "Patients must meet all of the
    following:", "Any of the following excludes a patient:"): it ends with a colon and says nothing but who the list
    is about and that it lists rules (review round 22: a criterion_added warning on 56 of 150 faithful pages)."""
    t = strip_marker(unescape_markdown(text)).strip()
    words = [w.lower() for w in re.findall(r"[A-Za-z]+|\d", t)]
    allowed = _INTRO_WORDS - _NOT_OVER.get(section, frozenset())
    return t.endswith(":") and 0 < len(words) <= 10 and all(w in allowed for w in words)
