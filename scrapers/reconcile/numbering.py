"""List numbering inside items shown together: a page that runs items into one line keeps their markers ("…1.4mg/dl;
6, the subject's…", "…by: a) Total…"), which are no part of either criterion, while a figure that looks like a marker
("Day 1. Blood…", "Hb > 9. ") is. Split from align.py; compare.py reads items shown together with these, plain.py a
page's plain-language criteria.
"""

from __future__ import annotations

import re
from collections import Counter


# A number right before another list marker ("at least 5. 6) No …") or right after a comparator
# sign ("Hb > 9. ") ends its sentence: it is a figure, not the marker.
_MARKER_NOT_FIGURE = re.compile(r"(?:(?<=[\s;:,])|^)(?<![<>≤≥=]\s)\(?\d{1,2}[.)](?=\s|[A-Za-z])(?!\s+\(?\d{1,2}[.)]\s)")


def strip_numbering(text: str) -> str:
    """Numbering left inside a merged item ("…1.4mg/dl; 6, the subject's…", "…by: a) Total…") is
    not part of either criterion."""
    text = re.sub(r"(?:(?<=[;:])|(?<=(?<!\d)\.))\s*\(?\d{1,2}[.),]\s+", " ", text)  # (not "<0.7) 2." : a decimal)
    text = _MARKER_NOT_FIGURE.sub(" ", text)
    return _LETTER_MARKER.sub(" ", text)


# (a number right before a later letter marker ends a sub-item's text: "c) HPA 33. d) …" is no list number; before
# an "a)" it is the item's number, its sub-list starting: "2. a) Patient must have … OR b) …", NCT00004138)
_NUM_MARKER = re.compile(r"(?:(?<=[\s;:,.])|^)\(?(\d{1,2})[.)](?=\s|[A-Za-z])(?!\s*\(?[b-h]\)\s)"
                         r"|(?<=[;.]\s)(\d{1,2}),(?=\s+[a-z\d\x22\u201c(-])")   # ("…NO-2b; 3, 18 years of age…", '; 13, "Did …')
_LETTER_MARKER = re.compile(r"(?:(?<=[\s;:,])|^)\(?(?:[a-z]|[ivx]{1,4})[.)](?=\s|[A-Za-z])")
_NUMBER = re.compile(r"(?<![\d.])\d+(?![\d])")


def _word_before(text: str, at: int) -> str:
    """The word right before position `at` (lower-cased), "" at the start or after punctuation."""
    m = re.search(r"([A-Za-z]+)\s*\(?$", text[max(0, at - 40):at])
    return m.group(1).lower() if m else ""


def strip_layout_numbers(a: str, b: str) -> tuple[str, str]:
    """Two texts of items shown together, without the numbering a layout added to one of them
    (`without_layout_numbers` of each against the other)."""
    return without_layout_numbers(a, b), without_layout_numbers(b, a)


def without_layout_numbers(x: str, y: str) -> str:
    """Text `x` of items shown together, without the numbering a layout added to it, as held against text `y`.

    A number written as a list marker ("4)", "7.", "(8)", "6, the…") in `x` is dropped only
    when `x` holds the number more often than `y` does: "…Day 1. Blood…" against
    "…Day 1 Blood…" keeps its 1, while "; 4)parents…" against "; parents…" loses the 4.
    Letter markers ("a) …") are never figures and go."""
    theirs = Counter(_NUMBER.findall(y))
    mine = Counter(_NUMBER.findall(x))
    # a figure of y's own after the same word is this number changed ("score 25. Erectile…"
    # against "score 27. Erectile…"), not a list number
    changed = {_word_before(y, m.start()) for m in _NUMBER.finditer(y) if not mine[m.group(0)]} - {""}
    out, last = [], 0
    for m in _NUM_MARKER.finditer(x):
        n = m.group(1) or m.group(2)
        if mine[n] > theirs[n] and _word_before(x, m.start()) not in changed:
            out.append(x[last:m.start()] + " ")
            last = m.end()
            mine[n] -= 1
    return _LETTER_MARKER.sub(" ", "".join(out) + x[last:])
