"""The record's text as ClinicalTrials.gov shows it: its markdown emphasis rendered.

A record writes "≥ 2 x 10*9*/L" (NCT00495066): CommonMark reads the asterisks as emphasis, so the record's own page,
and any page that renders its text, shows "≥ 2 x 109/L" (the 9 in italics). Compared with the text as written, such a
copy "differs in a number" (the fidelity check reads "10", "9" against 1e9): a critical alarm on the record's own words.
Both forms are the record's; compare.py reads a page against the one closer to it, so a figure that really differs is
still caught in either.

A third form (recon12): a power of ten written plainly, as a page shows it. "x10*9/L" (one asterisk, no emphasis) and
"10^9^/L" (the superscript markup of pandoc and other renderers) are the record's 10^9/L; a page showing them as a
superscript ("x10<sup>9</sup>/L", read "x109/L") or as "10^9/L" drew a critical "differs in a number" (the fidelity
check reads "10*9" as two numbers, and "^9^" as a figure with no unit). `as_powers` writes both "10^9", which the
fidelity check reads as the page's "109" or "10^9".
"""

from __future__ import annotations

import re

from ..fidelity import check_fidelity

# CommonMark's emphasis, as far as a line of plain text needs it: a run of one or two asterisks that opens before a
# non-space and closes, with the same run, after one ("10*9*/L", "**not**", "1 x 10*9/L or 2 x 10*9/L"); an underscore
# pair only at word edges ("_not_", never "5_2" or "HLA_A2_B7")
_STARS = re.compile(r"(?<![\\*])(\*{1,2})(?=[^\s*])(.+?)(?<=[^\s*])\1(?!\*)")
_UNDERSCORES = re.compile(r"(?<![\w\\])(_{1,2})(?=[^\s_])(.+?)(?<=[^\s_])\1(?!\w)")


def as_rendered(text: str) -> str:
    """`text` as CommonMark shows it, emphasis markers dropped ("10*9*/L" → "109/L"); text without them unchanged."""
    if "*" not in text and "_" not in text:
        return text
    for pattern in (_STARS, _UNDERSCORES):
        for _ in range(3):   # (emphasis within emphasis: "***not***")
            shown = pattern.sub(r"\2", text)
            if shown == text:
                break
            text = shown
    return text


# a power of ten with one asterisk for its caret ("x10*9/L", "1.5*10*9/L"; not the emphasis "10*9*/L", nor "100*9"),
# and a superscript's markup around an exponent ("10^9^/L")
_STAR_POWER = re.compile(r"(?<![\d.])10\*([-−]?\d{1,2})(?![\d*])")
_SUPERSCRIPT = re.compile(r"\^([-−]?\d{1,2})\^")


def as_powers(text: str) -> str:
    """`text` with its powers of ten written "10^9" ("x10*9/L" → "x10^9/L", "10^9^/L" → "10^9/L"); unchanged
    without them."""
    if "*" not in text and "^" not in text:
        return text
    return _SUPERSCRIPT.sub(r"^\1", _STAR_POWER.sub(r"10^\1", text))


def record_reading(o_text: str, p_text: str) -> str:
    """The record's text as written, or as rendered (`as_rendered`) or with its powers of ten written plainly
    (`as_powers`) when the page is closer to that: fewer differences the fidelity check finds (numbers, units, limits,
    "not"); as written when none is. A page that changes a figure of another form still differs from it, so nothing
    the record does not say is let through."""
    forms = [f for f in dict.fromkeys((as_rendered(o_text), as_powers(o_text))) if f != o_text]
    if not forms:
        return o_text
    try:
        best, fewest = o_text, len(check_fidelity(o_text, p_text))
        for form in forms:
            n = len(check_fidelity(form, p_text)) if fewest else 0
            if n < fewest:
                best, fewest = form, n
        return best
    except Exception:   # (a checker failure on odd text: the text as written, compared as before)
        return o_text
