"""NCT ids: validation, normalization and finding them in text and URLs."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .errors import InvalidNctId

# "NCT06427642", "nct06427642", "NCT 0642 7642", "NCT-06427642"
# Not preceded by a letter or digit. The look-behind sits after the "N" (re-reading it) so the
# pattern starts with a letter: the regex engine then skips ahead to each N instead of trying
# the look-behind at every character (twice as fast on page text; same matches and spans).
_LOOSE = re.compile(r"N(?<![A-Za-z0-9]N)CT[\s\-_:#]{0,2}(\d{4})\s?(\d{4})(?!\d)", re.IGNORECASE)
# the same id as a piece of a site reader's own pattern ("(NCT…) is a", "NCT ID: NCT…"), in any case and with the
# same separators; normalize_nct_id(match) gives the canonical id. One shape for ids everywhere: a reader's own
# `NCT\d{8}` missed "NCT 0642 7642" and "nct06427642", which the rest of the page's ids are read with. What may
# come before it (no letter or digit, in find_nct_ids) is the surrounding pattern's to say. Its letters and
# separators may be fullwidth ("ＮＣＴ：０７２３２５６３"), as find_nct_ids reads them after fold_wide
ID_PATTERN = r"(?i:[NＮ][CＣ][TＴ])[\s\-_:#－＿：＃]{0,2}\d{4}\s?\d{4}(?!\d)"
# the canonical form: ASCII digits only (`\d` also takes "０" and "٠", which the registry does not know)
_STRICT = re.compile(r"NCT[0-9]{8}")
# _LOOSE on the lower-cased text: a literal "nct" start lets the engine jump between
# occurrences (str.find speed) instead of testing every character. Lower-casing keeps every
# digit, space and separator and turns no other character into n, c, t or a digit; under
# re.I the look-behind's [A-Za-z0-9] also takes "ſ", "ı" (lower-case already, listed here)
# and the Kelvin sign (lower-cases to k). Only "İ" lower-cases to two characters ending in
# one that is not a letter: text holding it takes _LOOSE. Same ids, same order and counts.
_LOWER = re.compile(r"nct(?<![a-z0-9ſı]nct)[\s\-_:#]{0,2}(\d{4})\s?(\d{4})(?!\d)")


# Fullwidth ASCII ("ＮＣＴ", "ｎｃｔ", "－", "：", "０", U+FF01-FF5E) as ASCII: what NFKC does to those characters and
# nothing else. Whole-text NFKC would also read "NCT²…", "NCT①…" or "𝐍𝐂𝐓…" as ids; only fullwidth is how ids are
# really written (CJK input), and the mapping keeps every character's offset.
_WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDE_RUN = re.compile("[\uff01-\uff5e]+")


def fold_wide(text: str) -> str:
    """`text` with fullwidth ASCII forms as ASCII ("ＮＣＴ０１２３４５６７" -> "NCT01234567"), one character for one."""
    # (only the runs: str.translate over a whole page took 90 ms a MB for one fullwidth character in it; this, 14)
    return _WIDE_RUN.sub(lambda m: m.group().translate(_WIDE), text)


def ascii_digits(text: str) -> str:
    """`text` with every Unicode decimal digit ("０", "٣", "৫": what `\\d` matches) as its ASCII digit.

    Ids and dates are read with `\\d`, so "NCT０７２３２５６３" (fullwidth) or an Arabic-Indic id is found;
    left as written, it reached ClinicalTrials.gov and a real trial was reported "not found" (round 10b)."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c for c in text)


def _id_parts(text: str) -> list[tuple[str, str]]:
    """The (first four, last four) digits of every NCT id in `text`, in order, as ASCII digits."""
    if text.isascii():
        return _LOWER.findall(text.lower())
    text = fold_wide(text)   # "ＮＣＴ０７２３２５６３" is an id; "ｘＮＣＴ…" (a letter before) is not, as in ASCII
    parts = _LOOSE.findall(text) if "İ" in text else _LOWER.findall(text.lower())
    return [(ascii_digits(a), ascii_digits(b)) for a, b in parts]


def normalize_nct_id(value: str) -> str:
    """Return the canonical form (`NCT` + 8 ASCII digits) or raise InvalidNctId; digits written in
    another script ("NCT٠٧٢٣٢٥٦٣") and fullwidth letters ("ＮＣＴ０７２３２５６３") are read, as in page text."""
    if not isinstance(value, str):
        raise InvalidNctId(f"not an NCT id: {value!r}")
    text = fold_wide(value.strip())
    m = _LOOSE.fullmatch(text)
    if not m:
        raise InvalidNctId(
            f"not an NCT id: {value[:40]!r} (expected NCT followed by 8 digits, e.g. NCT06427642)"
        )
    return "NCT" + ascii_digits(m.group(1) + m.group(2))


def is_nct_id(value: str) -> bool:
    """Whether `value` is already canonical: NCT and 8 ASCII digits, nothing around them."""
    return isinstance(value, str) and bool(_STRICT.fullmatch(value))


def find_nct_ids(text: str) -> list[str]:
    """All NCT ids in `text`, canonical, in order of first appearance, without repeats."""
    return list(dict.fromkeys("NCT" + a + b for a, b in _id_parts(text or "")))


def count_nct_ids(text: str) -> Counter:
    """How often each NCT id occurs in `text`; keys in order of first appearance (so
    `list(count_nct_ids(t)) == find_nct_ids(t)`: one scan gives both)."""
    return Counter("NCT" + a + b for a, b in _id_parts(text or ""))
