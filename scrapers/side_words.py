"""A side said in plain words with a count: "one-sided" or "on one side" is "unilateral", "two-sided" or "on both
sides" "bilateral" (the lexicon's own meanings). The count names the side, no figure a patient must meet: "One-sided
hearing loss" for "Unilateral hearing loss" was a critical "differs in a number" (review r38 §8; words9: 80 of 80 real
items). "Two-sided" for "Unilateral" is still the other side: written "bilateral", fidelity's opposite pairs turn it.
"""

from __future__ import annotations

import re

_SIDES_SAID = ((re.compile(r"(?i)\b(?:one|single)[\s-]sided\b|\b(?:on|of|to|in) (?:one|a single) side\b"),
                "unilateral"),
               (re.compile(r"(?i)\b(?:two|both|double)[\s-]sided\b|\b(?:on|of|to|in) both sides\b"), "bilateral"))
_SIDE_TERM = re.compile(r"(?i)\b(?:uni|bi)lateral\b")


def sides_as_terms(a: str, b: str) -> tuple[str, str]:
    """Both texts with a side said in plain words ("one-sided", "on both sides") written as its term ("unilateral",
    "bilateral") where the other text says either term more often: only there is the count a side, not a figure."""
    def as_terms(text: str, other: str) -> str:
        if len(_SIDE_TERM.findall(other)) <= len(_SIDE_TERM.findall(text)):
            return text
        for rx, term in _SIDES_SAID:
            text = rx.sub(term, text)
        return text
    return as_terms(a, b), as_terms(b, a)
