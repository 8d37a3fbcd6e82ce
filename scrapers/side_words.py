"""A side said in plain words with a count: "one-sided" or "on one side" is "unilateral", "two-sided" or "on both
sides" "bilateral" (the lexicon's own meanings). The count names the side, no figure a patient must meet: "One-sided
hearing loss" for "Unilateral hearing loss" was a critical "differs in a number" (review r38 §8; words9: 80 of 80 real
items). "Two-sided" for "Unilateral" is still the other side: written "bilateral", fidelity's opposite pairs turn it.

A plain side word is read as a term only where it stands in the other text's term's place: each side said in one text
pairs with one said in the other (in the same words around it, else in turn), every side of both texts paired. A side said more, or less, is not that term (review r41 §1: "one-sided orbital, two-sided supraorbital"
for "unilateral orbital, supraorbital" read "unilateral … bilateral supraorbital", an added term, which is silent: 30
of 30 real items critical → 28 silent); nor are sides swapped between two nouns, which as terms no word count shows
("One-sided tinnitus and two-sided hearing loss" for "Unilateral hearing loss and bilateral tinnitus", r41 §2), unless
they are one list of sides ("two-sided or one-sided vagotomy" for "unilateral or bilateral vagotomy").
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_SIDES_SAID = ((re.compile(r"(?i)\b(?:one|single)[\s-]sided\b|\b(?:on|of|to|in) (?:one|a single) side\b"),
                "unilateral"),
               (re.compile(r"(?i)\b(?:two|both|double)[\s-]sided\b|\b(?:on|of|to|in) both sides\b"), "bilateral"))
_SIDE_TERM = re.compile(r"(?i)\b(uni|bi)lateral\b")
_WORD = re.compile(r"[a-z0-9]+")
_SIDE = "\0side"   # (one token for each side a text says, in its list of words)
_JOINS = frozenset(("or", "and", "nor"))

Side = tuple[int, int, str, bool]   # (start, end, term of its side, said as the term)


def _sides(text: str) -> list[Side]:
    """Each side the text says, as a term or in plain words, in order."""
    out = [(m.start(), m.end(), m.group(1).lower() + "lateral", True) for m in _SIDE_TERM.finditer(text)]
    for rx, term in _SIDES_SAID:
        out += [(m.start(), m.end(), term, False) for m in rx.finditer(text)]
    return sorted(out)


def _tokens(text: str, sides: list[Side]) -> list[str]:
    """The text's words (lower case), each side said one `_SIDE` token."""
    out, at = [], 0
    for s, e, _, _ in sides:
        out += _WORD.findall(text[at:s].lower()) + [_SIDE]
        at = e
    return out + _WORD.findall(text[at:].lower())


def _paired(a: str, sa: list[Side], b: str, sb: list[Side]) -> list[tuple[int, int]] | None:
    """(i, j) for each side of `a` (`sa[i]`) that stands where `b` says `sb[j]`: among the same words (the longest
    runs both texts share), else, of those left, in turn; None unless every side pairs, or where sides are swapped
    between nouns."""
    ta, tb = _tokens(a, sa), _tokens(b, sb)
    ia = [k for k, t in enumerate(ta) if t == _SIDE]
    ib = [k for k, t in enumerate(tb) if t == _SIDE]
    pairs = []
    for x, y, n in SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks():
        pairs += [(ia.index(x + k), ib.index(y + k)) for k in range(n) if ta[x + k] == _SIDE]
    left_a = [i for i in range(len(sa)) if i not in {p for p, _ in pairs}]
    left_b = [j for j in range(len(sb)) if j not in {q for _, q in pairs}]
    if len(left_a) != len(left_b):
        return None   # (a side said more or less)
    pairs += zip(left_a, left_b)
    turned = [i for i, j in pairs if sa[i][2] != sb[j][2]]
    if turned and sorted(s[2] for s in sa) == sorted(s[2] for s in sb) and \
            not all(_in_list(ta, ia[i]) for i in turned):
        return None   # (sides swapped between two nouns: as terms, no word would differ)
    return pairs


def _in_list(tokens: list[str], k: int) -> bool:
    """Is the side at `tokens[k]` one of a list of sides ("unilateral or bilateral vagotomy"), which a copy may say in
    another order?"""
    return any(0 <= k + 2 * d < len(tokens) and tokens[k + 2 * d] == _SIDE and tokens[k + d] in _JOINS
               for d in (-1, 1))


def _as_terms(text: str, sides: list[Side], which: set[int]) -> str:
    """The text with these sides (said in plain words) written as their terms."""
    for i in sorted(which, reverse=True):
        s, e, term, _ = sides[i]
        text = text[:s] + term + text[e:]
    return text


def sides_as_terms(a: str, b: str) -> tuple[str, str]:
    """Both texts with a side said in plain words ("one-sided", "on both sides") written as its term ("unilateral",
    "bilateral") where it pairs with the other text's term (`_paired`): only there is the count a side, not a
    figure."""
    sa, sb = _sides(a), _sides(b)
    as_term_a, as_term_b = {t for *_, t in sa}, {t for *_, t in sb}
    if not (False in as_term_a and True in as_term_b or False in as_term_b and True in as_term_a):
        return a, b   # (no plain side word beside a term in the other text)
    pairs = _paired(a, sa, b, sb)
    if pairs is None:
        return a, b
    return (_as_terms(a, sa, {i for i, j in pairs if not sa[i][3] and sb[j][3]}),
            _as_terms(b, sb, {j for i, j in pairs if not sb[j][3] and sa[i][3]}))

