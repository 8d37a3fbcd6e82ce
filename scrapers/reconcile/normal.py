"""An item's text as alignment and comparison read it: `normalize` (no markup, escapes, numbering, bullets, case or
spacing differences) and `as_signs` (that, with every comparison written as its sign, as the fidelity check reads it).

Split from scrapers.reconcile.align, which aligns on both (review round 13, F3), and shared with compare.py.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from ..criteria import unescape_markdown
from ..fidelity import OR_EQUAL
from ..quantities import canonical
from .finding import SUB_ITEM_MARKER

_INLINE_MARKER = re.compile(r"(?:(?<=[\s;:,])|^)\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s|(?:(?<=[\s;:,])|^)(?:[a-z]|[ivx]{1,4})\)\s")

_SYMBOLS = str.maketrans({"≥": ">=", "≤": "<=", "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "’": "'", "‘": "'",
                          "“": '"', "”": '"', "\u00a0": " ", "…": "...", "•": " ", "·": " "})
# (a sub-item's number and letter, "5b." / "5a)" / "(5a)" / "5.b", is a marker too, never the item's figure: review
# round 8 read "5b. Radically treated …" as "differs in a number")
_MARKER = re.compile(r"^\s*(?:[-*•●▪◦‣∙+■□➢►✓]|\(?\d{1,3}[.)](?!\d)|\(\d{1,3}\)|\[\d{1,3}\]|\(?[a-zA-Z][.)](?=\s)|"
                     r"\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)](?=\s)|" + SUB_ITEM_MARKER + r"(?=\s))\s*")


# "> or = 30", "= or > 7", "< or equal to 2": one comparator, spelled as the sign
_GE_SPELLED = re.compile(r">" + OR_EQUAL + r"|=\s*or\s*>|=>", re.I)
_LE_SPELLED = re.compile(r"<" + OR_EQUAL + r"|=\s*or\s*<|=<", re.I)


def normalize(text: str) -> str:
    """Item text for matching: no markup, escapes, numbering, bullets, case or spacing differences."""
    t = html.unescape(unescape_markdown(text))
    t = unicodedata.normalize("NFKC", t).translate(_SYMBOLS)
    if "=" in t:
        t = _GE_SPELLED.sub(">=", _LE_SPELLED.sub("<=", t))
    t = strip_marker(t)
    t = _INLINE_MARKER.sub(" ", t)   # sub-item markers inside an item ("…by: a) Total…") are layout
    t = re.sub(r"\s+", " ", t).strip().lower()
    t = re.sub(r"\s*([<>]=?)\s*", r" \1 ", t)
    return re.sub(r"\s+", " ", t).strip(" ;.,:")


def strip_marker(text: str) -> str:
    """Text without its leading list marker ("2. ", "(b) ", "• "): numbering is not a threshold."""
    for _ in range(5):   # ("1. ---None": a number, then the record's own dashes)
        t = _MARKER.sub("", text, count=1)
        if t == text:
            break
        text = t
    return text



# "6 or more", "18 years and older": the sign they mean, as the fidelity check reads them (quantities._POST_GE/_LE),
# written before the number it follows
_OR_MORE = re.compile(r"(?:(\d+(?:\.\d+)?)\s+)?\b(?:or|and)\s+(?:more|greater|older|above|higher|over|longer)\b")
_OR_LESS = re.compile(r"(?:(\d+(?:\.\d+)?)\s+)?\b(?:or|and)\s+(?:less|fewer|younger|below|lower|under|shorter)\b")


@lru_cache(maxsize=8192)
def as_signs(text: str) -> str:
    """An item with every comparison written as its sign, as the fidelity check reads it: "score of at least 6",
    "score of 6 or more" and "score >= 6" all read "score (of) >= 6"."""
    t = canonical(normalize(text))
    if " or " in t or " and " in t:
        t = _OR_MORE.sub(lambda m: f" >= {m.group(1) or ''} ", t)
        t = _OR_LESS.sub(lambda m: f" <= {m.group(1) or ''} ", t)
    return re.sub(r"\s+", " ", t).strip()
