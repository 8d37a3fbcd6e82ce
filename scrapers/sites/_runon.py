"""Run-on criteria paragraphs to items: "1. a 2. b 3. c" and "- a - b" as one block of text.

Some sites print a whole criteria list as one paragraph (TrialFinderData's "Original
Eligibility Criteria"). The splitting is its own concern, apart from reading labelled fields
(`_reader`): which numbers in the text start an item and which are the item's own words
("within 3. months", "greater than 2.", a list nested inside an item).
"""

from __future__ import annotations

import re

from .base import clean


_BULLET = re.compile(r"^\s*(?:[*•·▪◦‣⁃●○■\-–—]\s+)+")


def strip_bullet(text: str) -> str:
    """"* Age 18-70" / "• Age 18-70" -> "Age 18-70". Numbering ("2. Age…") is content and
    stays: a list that starts at 2 shows the site dropped item 1."""
    return clean(_BULLET.sub("", text))


# An item number: one or two digits at the start or after a space, then a period and a space.
# Written to start with the digit (the "not after a non-space" look-behind re-reads it) so the
# regex engine jumps from digit to digit: same matches as "(?:^|(?<=\s))(\d{1,2})\.\s+(?=\S)".
_NUMBER = re.compile(r"(\d(?<!\S\d)\d?)\.\s+(?=\S)")


# Words and signs a number completes ("greater than 2.", "0 - 2.", "grade 3."), and the "or"/"and"
# of a list inside a criterion ("…: 1. x, 2. y, or 3. z. 3. Next"): when the same number comes
# again later, this one is the criterion's text and the later one starts the item (without a
# later one, it is the item's number: older records end items "other than").
_VALUE_BEFORE = re.compile(r"(?:\b(?:than|to|grade|stage|or|and)|[-–—<>≤≥=])\s*$", re.I)


def _value_before(text: str, end: int) -> bool:
    """`_VALUE_BEFORE.search(text, 0, end)`, reading only the end of text[:end]: a match ends
    in the spaces before `end`, so its word starts at most 5 characters before them (the
    search from 0 re-read the whole paragraph for every item number)."""
    j = end
    while j > 0 and text[j - 1].isspace():  # \s is str.isspace
        j -= 1
    return _VALUE_BEFORE.search(text, max(0, j - 6), end) is not None


# a letter marker past "a)" after a number: maybe the next sub-item of the item the number sits in
_MID_LETTERS = re.compile(r"(\(?)([b-h])\)\s")


def _continues_letters(text: str, start: int, mark: re.Match) -> bool:
    """Does the letter marker after `mark` continue a sub-list inside the current item (text[start:]):
    "1. … c) Performance status 0, 1, or 2. d) Ability…"? Not when the item itself starts with the
    previous letter ("6. (a) … 7. (b) …": the record's own items carry letters)."""
    letter = _MID_LETTERS.match(text, mark.end())
    if not letter:
        return False
    paren, prev = letter.group(1), chr(ord(letter.group(2)) - 1)
    inside = text[start:mark.start()]
    head = _NUMBER.match(inside)
    body = inside[head.end():] if head else inside
    want = re.compile((r"\(" if paren else r"(?:(?<=\s)|^)(?<!\()") + prev + r"\)\s")
    found = want.search(body)
    return found is not None and found.start() > 0


def split_numbered(text: str) -> list[str]:
    """A run-on paragraph "1. a 2. b 3. c" -> ["1. a", "2. b", "3. c"].

    Only numbers that continue the sequence start an item, so a nested list ("6. Any of:
    1. x 2. y 7. z") stays inside its parent item and "within 3. months" never splits. A
    number that ends an item's text just before the next item's own number ("…staged per
    AJCC 8. 8. No prior…") or completes a value ("greater than 2. h) …") is text, not the
    start of the item."""
    return _split_numbered(clean(text))


def _split_numbered(text: str) -> list[str]:
    """split_numbered of text already clean()ed (split_paragraph's)."""
    marks = list(_NUMBER.finditer(text))
    if not marks:
        return [text] if text else []
    first = next((m for m in marks if m.start() == 0), None) or next((m for m in marks if m.group(1) == "1"), None)
    if first is None:
        return [text]
    cuts = [first.start()]
    expected = int(first.group(1)) + 1

    def doubled(k: int) -> bool:  # "8. 8. …": a mark right before another of the same number
        return k + 1 < len(marks) and marks[k + 1].start() == marks[k].end() and marks[k + 1].group(1) == marks[k].group(1)

    # a page whose items carry their own numbers too ("1. 1. Age …") doubles every mark
    double_style = doubled(marks.index(first))
    for k, m in enumerate(marks):
        if m.start() > first.start() and int(m.group(1)) == expected:
            later = any(int(x.group(1)) == expected for x in marks[k + 1:])
            if later and _value_before(text, m.start()):
                continue  # "greater than 2. h) … 2. Next": a value ends the item, the later "2." starts one
            if doubled(k) and not double_style:
                continue  # "…per AJCC 8. 8. Next item": the first "8." ends the text, the second starts the item
            if _continues_letters(text, cuts[-1], m):
                continue  # "c) Performance status 0, 1, or 2. d) Ability…": an item does not start at its d)
            cuts.append(m.start())
            expected += 1
    lead = text[: cuts[0]].strip()
    items = [lead] if lead else []
    items += [text[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(text)])]
    return [it for it in items if it]


_DASH_START = re.compile(r"[-•]\s")
_DASH_SPLIT = re.compile(r"(?:^|(?<=[^\d\s]))\s*[-•]\s+")


def split_paragraph(text: str) -> list[str]:
    """A run-on paragraph to items: "- a - b" on its bullets (never between numbers: "BMI
    20 - 30" stays), otherwise "1. a 2. b" on its numbering (see split_numbered)."""
    text = clean(text)
    if _DASH_START.match(text):
        parts = _DASH_SPLIT.split(text)
        return [p for p in (strip_bullet(x) for x in parts) if p]
    return _split_numbered(text)
