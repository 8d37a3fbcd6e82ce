"""Separate items run together with their shared leading words said once: "Uncontrolled diabetes or hypertension" for
the record's exclusions "Uncontrolled diabetes" and "Uncontrolled hypertension". Read letter by letter, the second item
seemed not shown (its "uncontrolled" is said once, for both), so the page item paired with one item only: a critical
"or" added and a warning that the other was left out (session alarms). align.py pairs such an item with the items it
shows; joined.py reads its parts.
"""

from __future__ import annotations

import re


def shared_lead(texts: list[str]) -> str:
    """The leading words every one of these (normalized) texts starts with and goes on after: "uncontrolled" of
    "uncontrolled diabetes" and "uncontrolled hypertension", "history of" of "history of stroke" and "history of
    myocardial infarction"; "" where they share none."""
    said = [t.split() for t in texts]
    n = 0
    while all(len(w) > n + 1 for w in said) and len({w[n] for w in said}) == 1:
        n += 1
    return " ".join(said[0][:n])


_BETWEEN = r"(?:,|,? (?:and ?/ ?or|or|and))"   # (what a page writes between two parts of the join)
_LAST = r",? (?:and ?/ ?or|or|and)"            # (and before the last: "a, b or c")


def factored(texts: list[str], whole: str) -> bool:
    """Is `whole` these texts (all normalized) with their shared leading words said once, every other word kept:
    "uncontrolled diabetes or hypertension" for "uncontrolled diabetes" and "uncontrolled hypertension"? Such a
    page item shows the record's items run together (align.py pairs them so; each item was its own "or" added and
    another left out, session alarms)."""
    lead = shared_lead(texts)
    if not lead or len(texts) < 2:
        return False
    rests = [re.escape(t[len(lead) + 1:]) for t in texts]
    middle = "".join(f"{_BETWEEN} {r}" for r in rests[1:-1])
    return re.fullmatch(f"{re.escape(lead)} {rests[0]}{middle}{_LAST} {rests[-1]}", whole) is not None
