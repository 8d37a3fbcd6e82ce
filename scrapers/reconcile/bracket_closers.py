"""A page line that opens with the closer of a bracket its line before left open.

A page showing a record's lines one per paragraph keeps the record's hard wraps: "… at the Baseline Visit (Visit" /
"2)." (NCT00499863), "… (including HIV, hepatitis" / "B) No known autoimmune disease" (NCT00002733). Its "2)" / "B)"
closes that bracket and numbers nothing, as the record parser reads it (criteria_blocks._bracket_wrapped); read as a
list marker it was stripped, and the page's line lost the record's figure or word ("2)." left nothing at all): the
comparison raised "differs in a number" on a faithful page. Split from align.py (its page_entries reads the page's
lines through `closers_read`).
"""

from __future__ import annotations

import re

from ..criteria_markers import continues_list
from ..criteria_mend import open_brackets
from .normal import strip_marker

# a bare closer: a number, one letter or a roman numeral and ")" ("2)", "B)", "II)"), never "(2)", then the line's
# words, a stop or another closer ("24))")
_CLOSER = re.compile(r"\s*(\d{1,3}|[A-Za-z]|[ivx]{1,4}|[IVX]{1,4})\)(?=[\s.,;:)]|$)")
_OWN_MARKER = re.compile(r"\s*\(?(\d{1,3}|[A-Za-z]|[ivx]{1,4}|[IVX]{1,4})\)\s")
_ALNUM = re.compile(r"[A-Za-z0-9]")


def _own_list_next(prev: str, closer: str) -> bool:
    """The line before is itself numbered "N)" and the closer is its list's next number ("1) Adults (see" / "2) Signed
    consent"): a list marker after a bracket a typo left open, as the record parser reads it."""
    m = _OWN_MARKER.match(prev)
    return m is not None and continues_list(closer + ")", m.group(1) + ")")


def _stripped(line: str) -> bool:
    """The comparison reads the closer as a list marker and drops it ("2)", "B)"); one it keeps ("II)", "III)": no
    marker to it) is left where the page shows it, so the page's lines stay the record's lines (rewrapped.py pairs a
    page showing the record's lines by them: "(stage" / "II) with bowel obstruction", NCT00002593)."""
    return strip_marker(line) != line


def closers_read(lines: list[str]) -> list[str]:
    """A section's page lines with each bracket closer a line opens with moved back onto the line whose "(" it closes:
    "… (Visit" / "2)." reads "… (Visit 2)."; "… hepatitis" / "B) No known autoimmune disease" reads "… hepatitis B)" /
    "No known autoimmune disease" (the page still shows two lines, and the record's one item is compared with both)."""
    out: list[str] = []
    for line in lines:
        m = _CLOSER.match(line)
        prev = out[-1] if out else ""
        if m and (open_brackets(prev) or [""])[-1] == "(" and _stripped(line) and not _own_list_next(prev, m.group(1)):
            rest = line[m.end():]
            if _ALNUM.search(rest):
                out[-1] = f"{prev.rstrip()} {m.group(1)})"
                out.append(rest.strip())
            else:
                out[-1] = f"{prev.rstrip()} {line.strip()}"
            continue
        out.append(line)
    return out
