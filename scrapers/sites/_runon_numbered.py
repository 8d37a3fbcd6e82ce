"""Run-on numbered criteria to items: "1. a 2. b 3. c" as one block of text.

Which numbers in a paragraph start an item and which are the item's own words ("within 3. months", "greater than 2.",
a list nested inside an item, an item the page left out). Split from `_runon` (bullets: "- a - b", "* a * b"), which
re-exports `split_numbered` and `sub_list_to_end`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .base import clean

# An item number: one or two digits at the start, after a space or glued to a full stop not after a digit ("…
# (e.g. molsidomine) .2. Patients who …", NCT00654914: the record's parser cuts there, scrapers.criteria_runon._RUNON;
# read whole, the page's item held a "0.2" the record's has not and drew a false critical), then a period and a space.
# Never a decimal's digits ("version 1.2. Next"). Written to start with the digit (the look-behinds re-read it) so the
# regex engine jumps from digit to digit.
_NUMBER = re.compile(r"(\d(?<![^\s.]\d)(?<!\d\.\d)\d?)\.\s+(?=\S)")


# Words and signs a number completes ("greater than 2.", "0 - 2.", "grade 3."), and the "or"/"and"
# of a list inside a criterion ("…: 1. x, 2. y, or 3. z. 3. Next"): when the same number comes
# again later, this one is the criterion's text and the later one starts the item (without a
# later one, it is the item's number: older records end items "other than").
_VALUE_BEFORE = re.compile(r"(?:\b(?:than|to|grade|stage|or|and)|[-–—<>≤≥=])\s*$", re.I)


def _value_before(text: str, end: int) -> bool:
    """`_VALUE_BEFORE.search(text, 0, end)`, reading only the end of text[:end]: a match ends
    in the spaces before `end`, so its word starts at most 5 characters before them (the
    search from 0 re-read the whole paragraph for every item number)."""
    j = end
    while j > 0 and text[j - 1].isspace():  # \s is str.isspace
        j -= 1
    return _VALUE_BEFORE.search(text, max(0, j - 6), end) is not None


# a letter marker past "a)" after a number: maybe the next sub-item of the item the number sits in
_MID_LETTERS = re.compile(r"(\(?)([b-h])\)\s")


def _continues_letters(text: str, start: int, mark: re.Match) -> bool:
    """Does the letter marker after `mark` continue a sub-list inside the current item (text[start:]):
    "1. … c) Performance status 0, 1, or 2. d) Ability…"? Not when the item itself starts with the
    previous letter ("6. (a) … 7. (b) …": the record's own items carry letters)."""
    letter = _MID_LETTERS.match(text, mark.end())
    if not letter:
        return False
    paren, prev = letter.group(1), chr(ord(letter.group(2)) - 1)
    inside = text[start:mark.start()]
    head = _NUMBER.match(inside)
    body = inside[head.end():] if head else inside
    want = re.compile((r"\(" if paren else r"(?:(?<=\s)|^)(?<!\()") + prev + r"\)\s")
    found = want.search(body)
    return found is not None and found.start() > 0


def split_numbered(text: str) -> list[str]:
    """A run-on paragraph "1. a 2. b 3. c" -> ["1. a", "2. b", "3. c"].

    Numbers that continue the sequence start an item, so a nested list ("6. Any of: 1. x
    2. y 7. z") stays inside its parent item and "within 3. months" never splits. A number
    that ends an item's text just before the next item's own number ("…staged per AJCC 8.
    8. No prior…") or completes a value ("greater than 2. h) …") is text, not the start of
    the item. A page that leaves an item out ("4. … 6. … 7. …") still splits at the 6 (see
    `_skips_to`; up to three items in a row), and a nested list goes on past the parent's next
    number when the top level plainly resumes after it (see `_run_resumes`)."""
    return _split_numbered(clean(text))


class _Marks(NamedTuple):
    """A paragraph's item numbers, read once: the matches, their values, where each value last
    occurs, and whether the page doubles every number ("1. 1. Age …")."""

    text: str
    marks: list[re.Match]
    nums: list[int]
    last: dict[int, int]
    double_style: bool


def _doubled(mk: _Marks, k: int) -> bool:
    """"8. 8. …": mark k right before another of the same number."""
    m = mk.marks
    return k + 1 < len(m) and m[k + 1].start() == m[k].end() and mk.nums[k + 1] == mk.nums[k]


def _starts_item(mk: _Marks, k: int, item: int) -> bool:
    """Does mark k, the next number in sequence, start an item (the current one starting at
    mark `item`)?"""
    if mk.last[mk.nums[k]] > k and _value_before(mk.text, mk.marks[k].start()):
        return False  # "greater than 2. h) … 2. Next": a value ends the item, the later "2." starts one
    if _doubled(mk, k) and not mk.double_style:
        return False  # "…per AJCC 8. 8. Next item": the first "8." ends the text, the second starts the item
    # "c) Performance status 0, 1, or 2. d) Ability…": an item does not start at its d)
    return not _continues_letters(mk.text, mk.marks[item].start(), mk.marks[k])


def _opens_run(mk: _Marks, k: int, item: int) -> bool:
    """Does the "1." at mark k start a list nested in the item? Yes right after a colon
    ("History of any of the following: 1. …"), and also without one ("… renal cell carcinoma
    1. Clear cell … 2. Intermediate-risk disease 2. Must have undergone surgery") unless the "1."
    reads as the item's words ("prior to Screening Visit 1. 2. The participant …", NCT04688775)
    or the page numbers every item twice ("1. 1. Age …"). Either way the nested run holds the
    parent's next number only when the top level plainly resumes after it (`_run_resumes`)."""
    text, j = mk.text, mk.marks[k].start()
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j > 0 and text[j - 1] in ":：":
        return True
    return not mk.double_style and not _reads_as_text(mk, k, item)


# Signs that a number out of sequence is an item's own words (a number in sequence is read as
# before): before it, a word it completes ("Phase 2.", "version 3.", "Appendix 1.", "at least
# 2.", "day 7.") or a number it follows in a list ("1, 2."); after it, a digit ("1. 5 mg",
# "15. 03. 2020") or a unit ("within 3. months"). Words an item often ends with stay out of the
# list: "… within the past year 16. Participation …" skips to 16.
_WORD_BEFORE = re.compile(
    r"(?:\b(?:phases?|versions?|ver|v|appendix|appendices|annex|section|table|figure|fig|step|part|cycle|day|"
    r"week|visit|level|class|type|edition|criterion|item|no|number|arm|cohort|group|chapter|page|tier|line|"
    r"amendment|dose|category|score|least|most|within|from|of|per|by|"
    r"about|approximately|nyha|ecog|who|ajcc|figo|tanner|gold|kps|cd|rev|revision|protocol)|\d\s*[,/+×*])\s*$",
    re.I)
_AFTER = re.compile(r"\d|%|(?:months?|weeks?|days?|years?|hours?|hrs?|minutes?|mins?|times|cycles?|doses?|mg|g|kg|"
                    r"ml|mL|mmol|cm|mm|µ\w*)\b")


def _reads_as_text(mk: _Marks, k: int, item: int) -> bool:
    """Is mark k, a number out of sequence, part of the item's words rather than an item?"""
    m = mk.marks[k]
    at = m.start()
    if _value_before(mk.text, at) or _AFTER.match(mk.text, m.end()):
        return True
    if _WORD_BEFORE.search(mk.text, max(0, at - 16), at):
        return True
    return (_doubled(mk, k) and not mk.double_style) or _continues_letters(mk.text, mk.marks[item].start(), m)


# the end of a lead-in that announces a list: "… any of the following:", "Has one of the following"
_LEADS_IN = re.compile(r"(?:[:：]|\bfollowing)\W*$", re.I)
_LETTER_NEXT = re.compile(r"\(?[a-h]\)\s")


def sub_list_to_end(text: str, start: int = 0) -> bool:
    """Do the numbers in text[start:] restart at 1 right after a lead-in's colon or "following" and run 1, 2, … to
    its end, two or more of them and none a figure's ("1. 5 mg")? Then, in a paragraph the page gives one item, they
    are that item's sub-list ("Abnormal Laboratory Values: 1. … 2. … 3. …"), as the record parser reads the same
    line (criteria_mend.nest_restarted_lists reads a record's restarted lines so)."""
    marks = list(_NUMBER.finditer(text, start))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return False
    if any(_AFTER.match(text, m.end()) or _LETTER_NEXT.match(text, m.end()) for m in marks):
        return False
    lead = text[start:marks[0].start()]
    return bool(lead.strip()) and _LEADS_IN.search(lead) is not None


# The most items in a row a page may leave out and still be read item by item ("3. … 7. …").
# Over the corpus's run-on pages (bench/runon_gaps.py) three read right with no page read wrongly
# that was read right with one or two, and no record's item, shown alone, is cut.
MAX_LEFT_OUT = 3


def _skips_to(mk: _Marks, k: int, top: int, item: int) -> bool:
    """May mark k (one to MAX_LEFT_OUT past `top`+1) start the next item, the page having left
    out the item(s) between? Only when it does not read as text and the page goes on from it:
    the number after it starts an item later, and `top`+1 does not start one before that except
    inside a list nested in an item ("4. … 6. Any of: 1. … 5. … 7. …"). The page's last item
    ("17. … 19. …", nothing after) needs a capital letter, and after a gap of two or three no
    number it skips in its own text: in "2. Protocol version 4. Signed 5. Pregnant" the "4." may
    be the left-out item after all, so the "5." is left as it is written."""
    if _reads_as_text(mk, k, item):
        return False
    n, nums = mk.nums[k], mk.nums
    nest = None
    # (past the last n+1 and the last top+1 no mark can settle it)
    for j in range(k + 1, max(mk.last.get(n + 1, k), mk.last.get(top + 1, k)) + 1):
        v = nums[j]
        if v == n + 1 and _starts_item(mk, j, k):
            return True
        if nest is not None and v == nest:
            nest += 1
        elif v == 1:
            nest = 2
        elif v == top + 1 and not _reads_as_text(mk, j, k):
            return False  # the number left out is there after all, at the top level
    after = mk.marks[k].end()
    if not (n <= top + 1 + MAX_LEFT_OUT and after < len(mk.text) and mk.text[after].isupper()):
        return False
    return n == top + 2 or not any(top < v < n for v in nums[item + 1:k])


# a list of its own inside the one item a colon's list would have: "1. Concurrent Medication: 1. Allowed: a) …" (the
# template's qualifier label with its lettered items), "1. … as specified: 1. Within 2 weeks: … Within 4 weeks: …"
_OWN_LIST = re.compile(r":|(?:^|\s)\(?a\)\s")


def _runs_to_end_nested(mk: _Marks, opened: int, k: int, top: int) -> bool:
    """A list opened after a colon whose numbers run on unbroken to the end of the page, through the parent's next
    number (mark k): is the whole run nested? Yes when the other reading would leave the colon's list with a single
    item ("1. Patients must have the following: 1. x 2. y 3. z 4. w": the parent is item 1), unless that item holds a
    list of its own (see _OWN_LIST); and yes when every item of the run through k starts with a small letter, as a
    list's fragments do ("2. … any of the following conditions: 1. cardiovascular diseases … 2. history of … 3.
    congenital …"). Otherwise k is the parent's next item, as before ("2. … such as: 1. Cauda equina syndrome 2.
    Rapidly progressing … 3. Substance abuse", NCT00415220). Over the corpus's run-on pages (bench/runon_gaps.py)
    the first reading was wrong on 541 lists of this shape."""
    text, marks = mk.text, mk.marks
    j = marks[opened].start()
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if not (j > 0 and text[j - 1] in ":："):
        return False
    if top == 1 and not _OWN_LIST.search(text, marks[opened].end(), marks[k].start()):
        return True
    return all(text[marks[i].end():marks[i].end() + 1].islower() for i in range(opened, k + 1))


def _run_resumes(mk: _Marks, k: int, top: int, nest: int, item: int, opened: int) -> bool:
    """Mark k is both the parent's next number and the next of a list nested in the parent
    ("2. Defined as: 1. x 2. y 3. z 3. Next", see `_opens_run`): is it the nested one? Yes when the
    nested run goes on unbroken from k to a number that breaks it and is the parent's next
    (`top`+1) starting an item, as that later "3." is; a run that goes on to the end of the page is
    nested only in the shapes `_runs_to_end_nested` names (`opened`: the run's "1." mark).
    Otherwise k is the parent's next item: a run that breaks on anything else ("6. Any of: 1. …
    6. x 7. Next 8. … 9. … including: 1. …", NCT07635758), or a reading with a gap in the top
    level where k gives none ("1. … following: 1. x, 2. y, or 3. z. 3. Next", NCT00001229)."""
    nums = mk.nums
    for j in range(k + 1, len(nums)):
        if nums[j] == nest + 1:
            nest += 1
            continue
        return nums[j] == top + 1 and _starts_item(mk, j, item)
    return _runs_to_end_nested(mk, opened, k, top)


def _split_numbered(text: str) -> list[str]:
    """split_numbered of text already clean()ed (split_paragraph's)."""
    marks = list(_NUMBER.finditer(text))
    if not marks:
        return [text] if text else []
    nums = [int(m.group(1)) for m in marks]
    k0 = next((k for k, m in enumerate(marks) if m.start() == 0), None)
    if k0 is None:
        k0 = next((k for k, v in enumerate(nums) if v == 1 and not _value_one(text, marks, nums, k)), None)
        if k0 is not None and k0 + 1 < len(marks) and marks[k0 + 1].start() == marks[k0].end() and nums[k0 + 1] != 1:
            # "… within 1 year before Visit 1. 20. Subject has …" (NCT02390960, a list item whose own number, 19, the
            # page shows as its list's): the "1." ends the text and the number right after it starts the next item.
            # Cut at the "1.", the item lost its "Visit 1" and drew a critical "differs in a number"
            k0 += 1
    if k0 is None:
        return [text]
    last = {v: k for k, v in enumerate(nums)}
    mk = _Marks(text, marks, nums, last, False)
    # a page whose items carry their own numbers too ("1. 1. Age …") doubles every mark
    mk = mk._replace(double_style=_doubled(mk, k0))
    cuts = [k0]
    # the last item's number; the next number of a list nested in that item, whether that
    # "1." opens a nested list ("any of the following: 1. …", see `_opens_run`) and its mark
    top, nest, opens, opened = nums[k0], None, False, k0
    for k in range(k0 + 1, len(marks)):
        v = nums[k]
        if v == top + 1 and _starts_item(mk, k, cuts[-1]):
            if nest == v and opens and _run_resumes(mk, k, top, nest, cuts[-1], opened):
                nest += 1
                continue
            cuts.append(k)
            top, nest = v, None
        elif nest is not None and v == nest:
            nest += 1
        elif v == 1:
            nest, opens, opened = 2, _opens_run(mk, k, cuts[-1]), k
        elif top + 1 < v <= top + 1 + MAX_LEFT_OUT and _skips_to(mk, k, top, cuts[-1]):
            cuts.append(k)
            top, nest = v, None
    at = [marks[k].start() for k in cuts]
    own_lead = _lead_in_of_last(mk, cuts[-1])
    if own_lead is not None:
        at.append(own_lead)
    lead = text[: at[0]].strip()
    items = [lead] if lead else []
    items += [text[a:b].strip() for a, b in zip(at, at[1:] + [len(text)])]
    return [it for it in items if it]


def _value_one(text: str, marks: list[re.Match], nums: list[int], k: int) -> bool:
    """Is the "1." at mark k, the first of a paragraph that does not start with a number, a figure that ends an item
    ("ECOG performance status greater than 1. Cardiopulmonary disease including: 1. History …", NCT00001630) rather
    than the list's first number? So when a value word or sign comes before it (`_value_before`) and either another
    "1." comes later or no "2." follows: cut there, the page read "ECOG performance status greater than" as an item,
    its limit gone, and "1. Cardiopulmonary …" and the rest as the next."""
    if not _value_before(text, marks[k].start()):
        return False
    return 1 in nums[k + 1:] or 2 not in nums[k + 1:]


# where a lead-in the record wrote on a line of its own starts inside an item run together with it: no full stop ends
# the item ("… during the screening period To continue in the open-label …"), so a capital word that opens a lead-in
# right after a small word or bracket is a line break; after a full stop the next sentence may be the item's own ("7. …
# allowed. Participants are eligible … if all of the following apply: 1. …": 60 pages of bench/runon_gaps.py), and a
# capital name mid-sentence ("treated with Keytruda for the following:") is none, nor a word after a capital one ("Mast
# Cell Related Condition Patients with any of the following …", a heading the record wrapped into its item), nor after a
# bracket that opens with a capital ("Inclusion Criteria (Pre-Randomization) To be eligible …")
_SENTENCE_START = re.compile(
    r"(?:(?<=\s)|^)(?:[a-z][\w/-]*|\([a-z0-9][^()]*\))\s+(?=(?:To|For|In|If|All|Any|The|These|Those|Subjects?|Patients?|"
    r"Participants?|Donors?|Volunteers?|Candidates?|Individuals?|Women|Men|Children|Infants)\s+[a-z])")


def _lead_in_of_last(mk: _Marks, item: int) -> int | None:
    """Where the last item's own text ends and a lead-in of its own starts, if it has one: the record's numbered list
    went on with a line with no number, a lead-in whose list restarts at 1 and runs to the end of the paragraph (the
    next heading), and the page ran the lines together: "8. Low IIEF-EF scores (≤ 25) during the screening period To
    continue in the open-label extension phase …, subjects must meet the following …: 1. … 4. …" (NCT03813992). The
    record reads the lead-in as an item of its own holding the run (criteria_mend.nest_restarted_lists), so the page's
    item ends where the lead-in's sentence starts. None when the run does not go on unbroken from a "1." right after a
    colon to the end, or the lead-in's sentence is the item's first (its own list: "6. Any of: 1. … 2. …")."""
    nums, marks, text = mk.nums, mk.marks, mk.text
    try:
        first = nums.index(1, item + 1)
    except ValueError:
        return None
    if nums[first:] != list(range(1, len(nums) - first + 1)) or len(nums) - first < 2:
        return None
    colon = marks[first].start()
    while colon > 0 and text[colon - 1].isspace():
        colon -= 1
    if not (colon > 0 and text[colon - 1] in ":："):
        return None
    body = marks[item].end()
    starts = [m.end() for m in _SENTENCE_START.finditer(text, body, colon)]
    return starts[-1] if starts and starts[-1] > body else None
