"""A hard-wrapped record's figure that ends its sentence on a line of its own ("… under the age of" / "18.", "… (for those
under" / "18)"), shown as a paragraph of its own: the words the paragraph before breaks off, not a list number. Split
from `_criteria_lists` (which reads the line before's heading and tag); plain text only, so cheap on the scraper's hot
path: `figure_line` turns most paragraphs away before the line before is read."""

from __future__ import annotations

import re

# a list item's own number, "2. …"
OWN_NUMBER = re.compile(r"(\d{1,2})\.\s")

# a line that is only a figure, maybe its unit, and a full stop: "18.", "6 months.", "40%.", "10,000 copies/ml.",
# "> 6 weeks." is how a hard-wrapped record ends a sentence on a line of its own ("… patients under the age of" / "18.",
# NCT00001397; "… in the past" / "6 months.", NCT00000749); shown as an item of its own, "18." was read as a bare list
# number (its figure gone) and "… under the age of" as an item cut short: a critical "differs in a number" on a
# faithful page (review r42 M2). In the corpus, 38 records have such a line; 10 others a "5. Smokers."-like item
_FIGURE_END = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s*%|\s+[A-Za-z][A-Za-z]*(?:/[A-Za-z0-9]+)?)?\.")
# the line before ends inside its sentence: on a word, a figure or a comparator, not a stop, colon or bracket
_MID_SENTENCE = re.compile(r"(?:[A-Za-z0-9]|[<>≤≥=])$")
_BARE_NUMBER = re.compile(r"(\d{1,3})\.")
# a figure and the ")" that closes a bracket the line before opened: "… (for those under" / "18)", "… (ECOG" / "1)",
# "… (CGI severity index at least" / "4)" (NCT00001245, NCT00004229, NCT00004433, NCT00498316). Shown as an item of its
# own, "18)" is a bare list marker to the comparison: the item before reads cut, a critical "differs in a number".
# Not "2)." / "200).": the record's parser cuts those from the item before (NCT00000645, NCT00001393, NCT00001961,
# NCT00499863), and a page joining them drew a critical the record's reading does not back
_FIGURE_CLOSE = re.compile(r"(\d{1,3})\)")
_OWN_CLOSE = re.compile(r"\(?(\d{1,2})\)\s")
_RANGE_DASH = re.compile(r"^[-–]\s*")


def figure_line(text: str) -> bool:
    """Could this paragraph (cleaned) be a figure ending the sentence before it: "18.", "6 months.", "- 7 days.",
    "18)"? The one test most paragraphs take."""
    return bool(_FIGURE_CLOSE.fullmatch(text) or _FIGURE_END.fullmatch(_RANGE_DASH.sub("", text, count=1)))


def ends_sentence(text: str, prev: str, texts: list[str]) -> bool:
    """Does `text` (a `figure_line`) end the sentence `prev`, the paragraph before it (cleaned, no heading), breaks
    off, rather than number a list? The line before runs on (_MID_SENTENCE); a figure and its stop (_FIGURE_END) or a
    bare "N." with no "N - 1." or "N + 1." starting one of the page's `texts` (bullets stripped: "1." / "Age 18 or
    older" / "2." / "Male" is a numbered list shown a marker a paragraph, its numbers in sequence). A dash before the
    figure after a line ending in one is a range's ("… for 5" / "- 7 days.", NCT00000994), kept: read as a bullet,
    "5 7 days" said the page's limit differed. A figure and ")" only where the line before left a bracket open
    (_FIGURE_CLOSE), and not beside an "N - 1)" or "N + 1)" list marker."""
    if not _MID_SENTENCE.search(prev):
        return False
    closing = _FIGURE_CLOSE.fullmatch(text)
    if closing:
        if prev.count("(") <= prev.count(")"):
            return False   # (no bracket left open for it to close: "1)" is a list's marker)
        bare, own_marker = closing, _OWN_CLOSE
    else:
        figure = _RANGE_DASH.sub("", text, count=1) if prev[-1:].isdigit() else text
        if not _FIGURE_END.fullmatch(figure):
            return False
        bare, own_marker = _BARE_NUMBER.fullmatch(figure), OWN_NUMBER
    return not (bare and _numbered_next_to(int(bare.group(1)), own_marker, texts))


def _numbered_next_to(n: int, marker: re.Pattern[str], texts: list[str]) -> bool:
    """Does one of `texts` start with the list marker (`marker`: "N." or "N)") numbered n - 1 or n + 1?"""
    for other in texts:
        own = marker.match(other + " ")
        if own and int(own.group(1)) in (n - 1, n + 1):
            return True
    return False
