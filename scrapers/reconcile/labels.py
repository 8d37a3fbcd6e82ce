"""Figures that name, not limit: the "1" of "HIV-1", the "125" of "CA 125", the "1" of "Visit 1" or "Day 1". The
fidelity check reads every figure as one a patient must meet, so a copy that left out "HIV-1" ("RNA < 50 copies/mL"
for "HIV-1 RNA < 50 copies/mL"), wrote "Visit 1" for "screening", or glued "HIV1" for "HIV-1" drew a critical
"differs in a number" (words6: every one of 75 to 80 real items of each kind), which sent a reader looking for a
changed limit that is not there. What changed is which thing is measured, or at which visit: a warning that names
both (compare.py), or nothing where both name the same thing ("HIV1", "HIV 1" for "HIV-1").

Only that is forgiven: `as_record_labels` gives the page with each such label the record's way again, and compare
runs every check on that text, so a word, a list item, a comparison or a figure changed beside the label is still
found (fix36: a respelled "HIV1" silenced all else in 72 of 80 real items with a word dropped beside it). A name with
another figure ("HIV-2" for "HIV-1", "CD19" for "CD20", "CA 19-9" for "CA 125") names another thing and is no label
change: the figure is the rule, the fidelity check's critical. Nor are stages ("IB2") and scores ("ECOG1", "KPS70")
names, nor any numbered visit but the first ("Week 8" is no other name for "baseline").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..fidelity import check_fidelity
from .alternatives import dropped_alternatives, left_out_said
from .reading import TOKEN

# scores, grades and stagings: their figure, glued ("ECOG1", "KPS70", "GOLD-2", "CIN3", "LR-5") or not, is a level
_SCORES = (r"ECOG|KPS|NYHA|GCS|BMI|WHO|ASA|PS|EDSS|MMSE|FIGO|CTCAE|AJCC|TNM|GOG|ZUBROD|GOLD|CIN|LR|RADS|BIRADS|PIRADS|"
           r"LIRADS|NIHSS|IHC|CKD|ISS|MELD")
# a name with a figure: a short form with two or more capitals run on to its figure by a hyphen or nothing ("HIV-1",
# "IGF-1", "IL-6", "CA19-9", "HbA1c" is no such: its figure is inside), or a tumour marker's "CA" before one by a
# space ("CA 125", "CA 19-9"); a short form then a space and a figure is a score ("ECOG 2", "KPS 70"), not read, nor a
# score's figure glued on, nor a stage ("IB2", "IIIC1")
_NAME = re.compile(rf"(?<![/^])\b(?!(?:{_SCORES})(?:\b|\d))(?!(?:I{{1,3}}|IV)[A-C]-?\d\b)"
                   r"(?:(?P<short>[A-Z][A-Za-z]*[A-Z][A-Za-z]*)-?|(?P<ca>CA) )(?P<fig>\d{1,3}(?:-\d{1,2})?)\b"
                   r"(?![.,]\d|\s*(?:%|percent|/|x\b|times\b))")
# a visit or a day of the trial's schedule ("Visit 1", "Day 1", "Cycle 1 Day 1", "C1D1", "Week 0"), and the words for
# the visit the first of them may stand for
_VISITS = r"\b(?:(?:(?:cycle|visit|day|week)\s*\d{1,2}\b\s*)+(?<!\s)|C\d{1,2}\s?D\d{1,2}\b)"
_VISIT = re.compile(_VISITS, re.I)
_VISIT_WORDS = r"\b(?:screening|baseline|enrollment|enrolment|randomi[sz]ation|study entry|entry)\b"
_VISIT_WORD = re.compile(_VISIT_WORDS, re.I)
# the numbered visits that may be another name for screening or baseline: the first; any other is another time
_FIRST = {"visit 1", "day 0", "day 1", "week 0", "c1d1"}
# the words a record may name its first visit by in brackets beside it ("Visit 1 (screening)", "Day 1 (first dose of
# study drug)", "the first study treatment (Cycle 1 Day 1)")
_NAMES_FIRST = re.compile(rf"(?i){_VISIT_WORDS}|\b(?:dose|dosing|administration|treatment|infusion|injection)\b")
_ROMAN = {r: str(n) for n, r in enumerate("I II III IV V VI VII VIII IX X".split(), 1)}
_ROMAN_AFTER = re.compile(r"[\s\-]*(?:" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r")\b")
_WORD = re.compile(f"{_NAME.pattern}|(?i:{_VISITS})|(?i:{_VISIT_WORDS})|{TOKEN.pattern}")


@dataclass(frozen=True)
class LabelChange:
    """The record's label and the page's in its place ("" where the page leaves it out), and what the label says:
    "a name" ("HIV-1"), "a visit" ("Visit 1", "baseline") or "a list" (a name that is one of a list's
    alternatives)."""

    record: str
    page: str
    of: str

    def said(self) -> str:
        """What differs, for compare's warning: 'a visit, "Visit 1" where ClinicalTrials.gov says "screening"'."""
        if self.of == "a list":
            return left_out_said(self.record)
        if not self.page:
            return f'{self.of}, "{self.record}" left out'
        return f'{self.of}, "{self.page}" where ClinicalTrials.gov says "{self.record}"'


@dataclass(frozen=True)
class Relabelled:
    """The page's text with its labels as the record writes them, and the label changes that undid (none where only
    a name was written otherwise: "HIV1" for "HIV-1")."""

    page: str
    changes: list[LabelChange]


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    name: re.Match | None
    visit: bool

    @property
    def key(self) -> str:
        """As compared: a name as its short form and figure ("hiv1" for "HIV-1", "HIV1"), a visit as `_visit_key`,
        any other word in small letters."""
        if self.name:
            return (self.name.group("short") or "CA").lower() + self.name.group("fig")
        return _visit_key(self.text) if self.visit else self.text.lower()


def as_record_labels(record: str, page: str) -> Relabelled:
    """The page with each label the record's way where it writes it otherwise ("HIV1" for "HIV-1"), leaves out a name
    ("RNA" for "HIV-1 RNA") or its figure ("CA" for "CA 125"), or names the first visit for screening or baseline
    ("Visit 1"), and what each changed. A page that puts another name in its place ("HIV-2"), or another visit
    ("Week 8"), keeps it. The page as it is where the fidelity check finds the texts alike."""
    if not check_fidelity(record, page):
        return Relabelled(page, [])
    o = _words(record)
    page = _respelled(record, page, o)
    p = _words(page)
    edits: list[tuple[int, int, str]] = []   # (start, end, text) on the page
    out: list[LabelChange] = []
    ops = _ops(o, p)
    unmatched = [w for op, _, _, j1, j2 in ops if op != "equal" for w in p[j1:j2]]   # (where a short form may stand)
    for op, i1, i2, j1, j2 in ops:
        o_side, p_side = o[i1:i2], p[j1:j2]
        if op == "equal" or any(w.name for w in p_side):   # (another name: "HIV-2" for "HIV-1", "CD19" for "CD20"
            continue                                       # is another thing; the figure is the rule, the check's)
        if any(w.visit for w in o_side + p_side):   # (one visit for the other, no word beside: "before baseline" for
            if len(o_side) == len(p_side) == 1 and _same_visit(o_side[0].text, p_side[0].text):   # "on Day 1" is
                edits.append((p_side[0].start, p_side[0].end, o_side[0].text))                    # the check's)
                out.append(LabelChange(o_side[0].text, p_side[0].text, "a visit"))
            elif op == "delete" and _first_cycle_before(o, i1, i2):   # ("Day 1" for "Cycle 1, Day 1")
                edits.append((p[j1].start, p[j1].start, record[o[i1].start:o[i2].start]))
                out.append(LabelChange(record[o[i1].start:o[i2].end], p[j1].text, "a visit"))
            elif (named := _named_first(record, o, p, i1, i2, j1, j2)) is not None:   # ("screening" for "Visit 1
                edits.append(named[0])                                               # (screening)")
                out.append(named[1])
            continue
        left_out: list[_Word] = []
        for w in (w for w in o_side if w.name):   # (its short form in its place, else where the page moved it)
            short = next((v for v in sorted(unmatched, key=lambda v: v not in p_side)
                          if v.text.lower() == (w.name.group("short") or "CA").lower()
                          and not _ROMAN_AFTER.match(page, v.end)), None)   # (not "DSM-IV" for "DSM-5": another)
            if short is not None:   # ("CA" for "CA 125": its figure left out)
                unmatched = [v for v in unmatched if v is not short]
                edits.append((short.start, short.end, w.text))
                out.append(LabelChange(w.text, short.text, "a name"))
            elif op == "delete":
                left_out.append(w)
        if left_out:   # (put back where the record has it: after the page's word before, or at its start)
            said = _left_out(record, page, left_out)
            whole = record[o_side[0].start:o_side[-1].end]   # (a list's alternative: all of it, "anti-CD137", but
            alternative = all(c.of == "a list" and whole in c.record for c in said) and \
                not any(c.isdigit() for w in o_side if not w.name for c in w.text)   # not a limit it sets: critical)
            edits.append(_put_back(record, page, o, p, j1, o_side if alternative else left_out))
            out += said
    return Relabelled(_edited(page, edits), out)


def _respelled(record: str, page: str, o: list[_Word]) -> str:
    """The page with each name and visit the record writes otherwise as the record writes it ("HIV-1" for "HIV1",
    "HIV 1", "hiv-1"; "Day 1" for "day 1"; "Cycle 1 Day 1" for "C1D1")."""
    p = _words(page)
    edits: list[tuple[int, int, str]] = []
    for op, i1, i2, j1, j2 in _ops(o, p):
        o_side, p_side = o[i1:i2], p[j1:j2]
        if op == "equal":
            edits += [(b.start, b.end, a.text) for a, b in zip(o_side, p_side)
                      if a.text != b.text and (a.name or a.visit)]
        elif any(len(side) == 1 and side[0].name for side in (o_side, p_side)) and o_side and p_side and \
                _flat(o_side) == _flat(p_side):   # ("HIV 1" for "HIV-1", "DSM-V" for "DSM-5", "DSM-4" for "DSM-IV")
            edits.append((p_side[0].start, p_side[-1].end, record[o_side[0].start:o_side[-1].end]))
    return _edited(page, edits)


def _edited(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with each (start, end, new text) made, the last first, so that each holds its place."""
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _ops(o: list[_Word], p: list[_Word]) -> list[tuple[str, int, int, int, int]]:
    return difflib.SequenceMatcher(None, [w.key for w in o], [w.key for w in p], autojunk=False).get_opcodes()


def _words(text: str) -> list[_Word]:
    """The text's words where they stand, a name with its figure ("HIV-1", "CA 125") and a visit ("Day 1", "study
    entry") as one."""
    out = []
    for m in _WORD.finditer(text):
        name = _NAME.fullmatch(m.group(0))
        out.append(_Word(m.group(0), m.start(), m.end(), name,
                         not name and bool(_VISIT.fullmatch(m.group(0)) or _VISIT_WORD.fullmatch(m.group(0)))))
    return out


def _flat(words: list[_Word]) -> str:
    """The words run together in small letters, a Roman numeral as its figure ("dsm5" for "DSM-V", "DSM-5")."""
    return "".join(_ROMAN.get(w.text) or re.sub(r"[\s\-]", "", w.text.lower()) for w in words)


def _same_visit(a: str, b: str) -> bool:
    """Is one of the two the first numbered visit ("Visit 1", "Day 1", "C1D1") and the other a visit in words
    ("screening", "baseline"), or one a day of the first cycle and the other that day ("Day 8" for "Cycle 1 Day 8")?
    Another number ("Week 8", "Visit 3", "Cycle 2 Day 1", "Day 8" for "Cycle 1 Day 1") is another time."""
    def first(v: str) -> bool:
        return bool(_VISIT.fullmatch(v)) and _visit_key(v) in _FIRST
    if first(a) and bool(_VISIT_WORD.fullmatch(b)) or bool(_VISIT_WORD.fullmatch(a)) and first(b):
        return True
    keys = {_visit_key(a), _visit_key(b)}   # (the first cycle's day and that day)
    day = {re.sub(r"^c1d(\d+)$", r"day \1", k) for k in keys}
    return bool(_VISIT.fullmatch(a) and _VISIT.fullmatch(b)) and len(day) == 1 and keys != day


def _first_cycle_before(o: list[_Word], i1: int, i2: int) -> bool:
    """Are the record's words i1:i2, which the page leaves out, "Cycle 1" written apart from the day after it ("Cycle
    1, Day 8"), the page keeping that day?"""
    return i2 - i1 == 1 and i2 < len(o) and _visit_key(o[i1].text) == "cycle 1" and \
        re.fullmatch(r"day \d{1,2}", _visit_key(o[i2].text)) is not None


def _named_first(record: str, o: list[_Word], p: list[_Word], i1: int, i2: int, j1: int,
                 j2: int) -> tuple[tuple[int, int, str], LabelChange] | None:
    """(the edit that puts it back, the change) where the page leaves out the record's first numbered visit (or writes
    "the" for it) and keeps the name the record gives it in brackets: "screening" or "the first dose of study drug"
    for "Visit 1 (screening)" or "Day 1 (first dose of study drug)", "screening" for "screening (Visit 1)". The
    record itself says the two are one visit; a bracket that is no visit's name ("Day 1 (fasting)") is none."""
    v = i2 - 1   # (the visit; before it, the name's own "visit" the page may leave out too: "Screening" for
    if not (i2 - i1 == 1 or i2 - i1 == 2 and o[i1].text.lower() == "visit") or \
            not (_VISIT.fullmatch(o[v].text) and _visit_key(o[v].text) in _FIRST) or \
            any(w.text.lower() != "the" for w in p[j1:j2]):   # "Screening Visit (Visit 1)")
        return None
    after = re.compile(r"\s*\(\s*").fullmatch(record, o[v].end, o[i2].start) if i2 < len(o) and v == i1 else None
    if after is not None:   # (the name in brackets after: the page keeps all its words in the visit's place)
        close = next((k for k in range(i2, min(i2 + 8, len(o))) if re.match(r"\s*\)", record[o[k].end:])), None)
        if close is None:
            return None
        after_close = [w.key for w in o[close + 1:close + 2]]   # (its first words, the rest left out: "the first
        n = next((n for n in range(close + 1 - i2, 0, -1)          # dose" for "Day 1 (first dose of study drug)")
                  if [w.key for w in o[i2:i2 + n]] == [w.key for w in p[j2:j2 + n]]
                  and [w.key for w in p[j2 + n:j2 + n + 1]] == after_close), 0)
        if not n or not _NAMES_FIRST.search(record, o[i2].start, o[i2 + n - 1].end):
            return None
        start, end = (p[j1] if j2 > j1 else p[j2]).start, p[j2 + n - 1].end
        return (start, end, record[o[i1].start:o[close].end] + ")"), \
            LabelChange(record[o[i1].start:o[close].end] + ")", p_text(p, start, end), "a visit")
    before = re.compile(r"\s*\(\s*").fullmatch(record, o[v - 1].end, o[v].start) if v > 0 else None
    close = re.match(r"\s*\)", record[o[v].end:])
    name = i1 - 1 - (i1 > 1 and o[i1 - 1].text.lower() == "visit")   # (the name before, its "Visit" kept or not)
    if before is None or close is None or j1 <= i1 - 1 - name or not _NAMES_FIRST.fullmatch(o[name].text) or \
            [w.key for w in o[name:i1]] != [w.key for w in p[j1 - (i1 - name):j1]]:
        return None   # (the name before, kept, the visit in brackets after it: the page leaves out the brackets)
    at = p[j1 - 1].end
    return (at, at, record[o[i1 - 1].end:o[v].end + close.end()]), \
        LabelChange(record[o[name].start:o[v].end + close.end()], p_text(p, p[j1 - 1 - (i1 - 1 - name)].start, at),
                    "a visit")


def p_text(p: list[_Word], start: int, end: int) -> str:
    """The page's words from `start` to `end`, single-spaced ("the first dose of study drug")."""
    return " ".join(w.text for w in p if start <= w.start and w.end <= end)


def _visit_key(v: str) -> str:
    """A visit as compared: small letters, single-spaced, a cycle's day short ("c1d1" for "Cycle 1 Day 1", "C1 D1")."""
    v = re.sub(r"\s+", " ", v.lower())
    return re.sub(r"^(?:cycle ?(\d+) ?day ?(\d+)|c(\d+) ?d(\d+))$", lambda m: f"c{m[1] or m[3]}d{m[2] or m[4]}", v)


def _put_back(record: str, page: str, o: list[_Word], p: list[_Word], j1: int,
              names: list[_Word]) -> tuple[int, int, str]:
    """The edit that puts words the page leaves out back: each with the space or comma before it in the record
    (", HIV-1"), after the page's word before; or, at the page's start, each with the space or comma after it
    ("HIV-1 ")."""
    if j1 > 0:
        at = p[j1 - 1].end
        return at, at, "".join((re.search(r"[\s,;/-]*$", record[:w.start]).group(0) or " ") + w.text for w in names)
    lead = record[:o[0].start]   # (before the record's first word: "(" of "(HIV-1 RNA …)", kept first)
    at = len(lead) if lead and page.startswith(lead) else 0
    return at, at, "".join(w.text + (re.match(r"[\s,;/-]*", record[w.end:]).group(0) or " ") for w in names)


def _left_out(record: str, page: str, names: list[_Word]) -> list[LabelChange]:
    """A LabelChange for each name left out: "a list" where it is (in) one of a list's alternatives the page leaves
    out ("HCV" of "HBV, HIV-1, HCV or HTLV-1"), so the warning says a list lost an item; else "a name"."""
    gone = [g.record for g in dropped_alternatives(record, page, least=2)]
    out = []
    for w in names:
        part = next((g for g in gone if w.text in g), None)
        out.append(LabelChange(part, "", "a list") if part else LabelChange(w.text, "", "a name"))
    return out
