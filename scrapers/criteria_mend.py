"""Repairs to a parsed item tree where the record's own list breaks are not the criteria's: a rule's exceptions
that hold rules of their own, and one criterion cut into two bullets inside a bracket. Used by scrapers.criteria
after the tree is built, so the record and the pages (scrapers.criteria.parse_items) are mended alike and still
align item for item."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .criteria_markers import EXCEPT_LABEL, QUALIFIER_LABEL, RULE_OF_ITS_OWN, marker_style

if TYPE_CHECKING:
    from .criteria import Item

_PAIRS = {")": "(", "]": "["}


def open_brackets(text: str) -> list[str] | None:
    """The brackets `text` leaves open, innermost last; None when it closes one it never opened."""
    stack: list[str] = []
    for ch in text:
        if ch in "([":
            stack.append(ch)
        elif ch in _PAIRS:
            if not stack or stack[-1] != _PAIRS[ch]:
                return None
            stack.pop()
    return stack


def _continues_bracket(a: "Item", b: "Item") -> bool:
    """`b` finishes the bracket `a` left open: "… hemoglobin level of 12 (plus or minus 1 g/dL" then "range 11-13
    g/dL)" (NCT00495365). Certain only when `a` opens brackets without stray closers, `a` and `b` together close
    every one of them, and `b` is no numbered or lettered item of its own (whose number the join would drop).
    `b` may start with a capital after a round bracket: "(Note:" / "Participants who plan to move … are eligible.)",
    "(New York Heart" / "Association [NYHA] III-IV)" (NCT00000915, NCT00497328)."""
    if a.children or not a.text or not b.text:
        return False
    if b.marker is not None and (b.marker != a.marker or marker_style(b.marker)[0] != "bullet"):
        return False
    left_open = open_brackets(a.text)
    if not left_open or open_brackets(a.text + " " + b.text) != []:
        return False
    # "[AS PER AMENDMENT 4/30/99:" / "Negative anti-dsDNA antibodies (…).]" (NCT00001090): a capital after a square
    # bracket may be a criterion an amendment added, so the two stay apart; "… within 60 days [AS PER AMENDMENT
    # 5/5/99:" / "70 days] of study entry …" is joined
    first = b.text.lstrip(" \"'([")[:1]
    return left_open[-1] == "(" or not first.isupper()


def join_split_brackets(items: list["Item"], dropped: list[str]) -> None:
    """Join each item cut inside a bracket with the item that closes it (in place, at every depth); the bullets
    that stood between the halves go to `dropped`. Over the shared corpus's 8,092 records this joins 42 pairs (38
    distinct) in 33 records, all read and each one criterion (critfix, review r17 #7)."""
    k = 0
    while k < len(items):
        join_split_brackets(items[k].children, dropped)
        if k + 1 < len(items) and _continues_bracket(items[k], items[k + 1]):
            nxt = items.pop(k + 1)
            if nxt.marker:
                dropped.append(nxt.marker)
            items[k].text = f"{items[k].text} {nxt.text}"
            items[k].children = nxt.children
            continue   # (again at k: the children it took from the next item are mended too)
        k += 1


def lift_rules_from_exceptions(items: list["Item"]) -> None:
    """Move the sub-items of an "…, except:" label from the first one that is a rule of its own ("No uncontrolled
    infection", "Not pregnant or nursing") up beside the label: they keep people out, so they are neither shown under
    "Exceptions: this rule does not apply to people with these" nor compared as exceptions (review round 9, N4)."""
    k = 0
    while k < len(items):
        it = items[k]
        lift_rules_from_exceptions(it.children)
        if it.children and EXCEPT_LABEL.search(it.text):
            cut = next((i for i, c in enumerate(it.children) if RULE_OF_ITS_OWN.search(c.text)), None)
            if cut is not None:
                items[k + 1:k + 1] = it.children[cut:]
                del it.children[cut:]
        k += 1


# an item that announces a list: "… any of the following questions:", "Has one of the following"
_LEADS_IN = re.compile(r"(?::|\bfollowing)\W*$", re.I)


def _number(item: "Item") -> int | None:
    style, n = marker_style(item.marker) if item.marker else ("para", None)
    return n if style == "num" else None


def nest_restarted_lists(items: list["Item"]) -> None:
    """Put the numbers that restart at 1 after an item ending in a colon or "following" under that item, when a
    numbered list was already running ("9. … any of the following questions:" / "1. Are you sexually abstinent?" …,
    NCT04710303; "… subjects must meet the following inclusion criteria at … (Visit 6):" after items 1-8,
    NCT03813992) and the restarted run goes on to the end of the list (the next heading: nothing after it says
    otherwise) or to the item's own next number. Read as the list's items, its entries were criteria of their own
    ("Are you sexually abstinent?" a requirement). A list that starts at its lead-in ("… must meet the following:" /
    "1. …", no number before it) is the list itself and stays as it is. In place, at every depth."""
    k = 0
    while k < len(items):
        nest_restarted_lists(items[k].children)
        lead = items[k]
        own = _number(lead)
        numbered_before = own is not None or any(_number(it) is not None for it in items[:k])
        if (k + 1 < len(items) and not lead.children and numbered_before and _number(items[k + 1]) == 1
                and _LEADS_IN.search(lead.text)):
            end, want = k + 1, 1
            while end < len(items) and _number(items[end]) == want:
                end, want = end + 1, want + 1
            if end == len(items) or (own is not None and _number(items[end]) == own + 1):
                lead.children = items[k + 1:end]
                del items[k + 1:end]
        k += 1


# the template's categories of drugs and treatments, whose qualifier labels list them ("Prior Medication:" / "Excluded:" /
# … / "-  Excluded within 7 days of study entry:"); not "Co-existing Condition:", whose "Excluded within 90 days of study
# entry:" is followed by conditions that hold at any time ("Clinically significant cardiac disease", NCT00000725)
_MEDICATION = re.compile(r"^(?:prior|concurrent|concomitant)\s+(?:medications?|treatments?|therap(?:y|ies))\s*:$", re.I)
# an item that is no drug or treatment, after a time-limited label's drugs: a person, a history, a note ("Patients who
# are unable to have arterial blood gas analysis …", "History of Type I hypersensitivity …", "Previous participation in
# any group of another part of this study", "Toxicity grades according to …"): the label's list ends before it
_NOT_A_DRUG = re.compile(r"^\W*(?:patients?|subjects?|persons?|(?:a\s+)?history|previous|participation|requirements?|"
                         r"requiring|must|known|clinically|note|it\s+is|if|some|any\s+exceptions?|toxicity\s+grades?)\b",
                         re.I)


def nest_under_qualifiers(items: list["Item"], drugs: bool = False) -> None:
    """Put the items after a bulleted qualifier label with nothing under it ("-  Excluded within 7 days of study
    entry:" / "-  Zidovudine (AZT)." / "-  Pyrimethamine." / "-  Excluded within 30 days of study entry:" / …,
    NCT00002070) under that label, up to the next label (an item ending with a colon), an item that is no drug
    (_NOT_A_DRUG) or the list's end. The record bullets the label as it does its items; read as their sibling, the
    label was an empty item and the drugs read as excluded at any time, their time limit lost. Only under a category
    of drugs or treatments (`drugs`, _MEDICATION) and only items with the label's own bullet. In place, at every depth."""
    k = 0
    while k < len(items):
        nest_under_qualifiers(items[k].children, drugs or _MEDICATION.match(items[k].text) is not None)
        label = items[k]
        if drugs and label.marker is not None and not label.children and QUALIFIER_LABEL.match(label.text):
            end = k + 1
            while (end < len(items) and items[end].marker == label.marker and not items[end].children
                   and not items[end].text.rstrip().endswith(":") and not _NOT_A_DRUG.match(items[end].text)):
                end += 1
            label.children = items[k + 1:end]
            del items[k + 1:end]
        k += 1
