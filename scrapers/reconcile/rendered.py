"""The record's text as ClinicalTrials.gov shows it: its markdown emphasis rendered.

A record writes "≥ 2 x 10*9*/L" (NCT00495066): CommonMark reads the asterisks as emphasis, so the record's own page,
and any page that renders its text, shows "≥ 2 x 109/L" (the 9 in italics). Compared with the text as written, such a
copy "differs in a number" (the fidelity check reads "10", "9" against 1e9): a critical alarm on the record's own words.
Both forms are the record's; compare.py reads a page against the one closer to it, so a figure that really differs is
still caught in either.
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


def record_reading(o_text: str, p_text: str) -> str:
    """The record's text as written, or as rendered (`as_rendered`) when the page is closer to that: fewer differences
    the fidelity check finds (numbers, units, limits, "not"). A page that changes a figure of the rendered text still
    differs from it, so nothing the record does not say is let through."""
    shown = as_rendered(o_text)
    if shown == o_text:
        return o_text
    try:
        return shown if len(check_fidelity(shown, p_text)) < len(check_fidelity(o_text, p_text)) else o_text
    except Exception:   # (a checker failure on odd text: the text as written, compared as before)
        return o_text
