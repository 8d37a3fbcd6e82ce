"""NCT ids: validation, normalization and finding them in text and URLs."""

from __future__ import annotations

import re
from collections import Counter

from .errors import InvalidNctId

# "NCT06427642", "nct06427642", "NCT 0642 7642", "NCT-06427642"
# Not preceded by a letter or digit. The look-behind sits after the "N" (re-reading it) so the
# pattern starts with a letter: the regex engine then skips ahead to each N instead of trying
# the look-behind at every character (twice as fast on page text; same matches and spans).
_LOOSE = re.compile(r"N(?<![A-Za-z0-9]N)CT[\s\-_:#]{0,2}(\d{4})\s?(\d{4})(?!\d)", re.IGNORECASE)
_STRICT = re.compile(r"^NCT\d{8}$")
# _LOOSE on the lower-cased text: a literal "nct" start lets the engine jump between
# occurrences (str.find speed) instead of testing every character. Lower-casing keeps every
# digit, space and separator and turns no other character into n, c, t or a digit; under
# re.I the look-behind's [A-Za-z0-9] also takes "ſ", "ı" (lower-case already, listed here)
# and the Kelvin sign (lower-cases to k). Only "İ" lower-cases to two characters ending in
# one that is not a letter: text holding it takes _LOOSE. Same ids, same order and counts.
_LOWER = re.compile(r"nct(?<![a-z0-9ſı]nct)[\s\-_:#]{0,2}(\d{4})\s?(\d{4})(?!\d)")


def _id_parts(text: str) -> list[tuple[str, str]]:
    """The (first four, last four) digits of every NCT id in `text`, in order."""
    if "İ" in text:
        return _LOOSE.findall(text)
    return _LOWER.findall(text.lower())


def normalize_nct_id(value: str) -> str:
    """Return the canonical form (`NCT` + 8 digits) or raise InvalidNctId."""
    if not isinstance(value, str):
        raise InvalidNctId(f"not an NCT id: {value!r}")
    text = value.strip()
    m = _LOOSE.fullmatch(text)
    if not m:
        raise InvalidNctId(
            f"not an NCT id: {value[:40]!r} (expected NCT followed by 8 digits, e.g. NCT06427642)"
        )
    return "NCT" + m.group(1) + m.group(2)


def is_nct_id(value: str) -> bool:
    return isinstance(value, str) and bool(_STRICT.match(value))


def find_nct_ids(text: str) -> list[str]:
    """All NCT ids in `text`, canonical, in order of first appearance, without repeats."""
    return list(dict.fromkeys("NCT" + a + b for a, b in _id_parts(text or "")))


def count_nct_ids(text: str) -> Counter:
    """How often each NCT id occurs in `text`; keys in order of first appearance (so
    `list(count_nct_ids(t)) == find_nct_ids(t)`: one scan gives both)."""
    return Counter("NCT" + a + b for a, b in _id_parts(text or ""))
