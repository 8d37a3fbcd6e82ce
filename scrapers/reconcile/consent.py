"""A consent clause a page leaves out of an item: "Signed informed consent by the parent or legal guardian" for
the record's "… and assent by the child", "Consent from the patient" for "… and legal representative". Such a copy
changes no number, unit, limit or "not", so it read as reworded (an INFO, "read both to see what else does"),
which hid who must agree, or what else the person agreeing must do. Said instead as what it is: the item shortened,
and what was left out (compare.reworded's criterion_shortened warning)."""

from __future__ import annotations

import re

from .reading import FILLER, TOKEN, as_read

_CONSENT = re.compile(r"\b(?:consent\w*|assent\w*)\b", re.I)
# a left-out run that only gives examples or says the same again is a summary's right (items.py: dropped examples)
_EXAMPLES = frozenset({"such", "e", "eg", "i", "ie", "including", "example", "examples", "like", "etc"})
# what starts a clause that asks something more ("and assent by the child", "or legal representative", "who can …"):
# a single word left out ("Signed written informed consent" as "Signed informed consent") is a rewording
_JOINS = frozenset({"and", "or", "who", "which", "that", "with", "from", "by", "if", "after", "before", "prior"})


def consent_left_out(record: str, page: str) -> str | None:
    """The words of a consent item (the record's item names consent or assent) that the page's copy leaves out, as
    the record writes them, when the page's words are the record's with one run of them taken out that names consent
    or assent, or is a clause of its own ("and assent by the child", "who can sign it"); None for any other
    difference, a single word ("written"), a run of filler words only, or examples ("such as …")."""
    if not _CONSENT.search(record):
        return None
    text = as_read(record)
    spans = [(m.start(), m.end(), m.group(0).lower()) for m in TOKEN.finditer(text)]
    rec, got = [w for _, _, w in spans], [w.lower() for w in TOKEN.findall(as_read(page))]
    if len(got) >= len(rec) or not got:
        return None
    i = next((k for k, (a, b) in enumerate(zip(rec, got)) if a != b), len(got))
    k = next((k for k, (a, b) in enumerate(zip(reversed(rec[i:]), reversed(got[i:]))) if a != b), len(got) - i)
    if i + k != len(got):
        return None
    gone = rec[i: len(rec) - k]
    if all(w in FILLER for w in gone) or _EXAMPLES & set(gone) or not (
            _CONSENT.search(" ".join(gone)) or (len(gone) > 1 and gone[0] in _JOINS)):
        return None
    return text[spans[i][0]: spans[len(rec) - k - 1][1]]
