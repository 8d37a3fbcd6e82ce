"""Figures that name, not limit: the "1" of "HIV-1", the "125" of "CA 125", the "1" of "Visit 1" or "Day 1". The
fidelity check reads every figure as one a patient must meet, so a copy that left out "HIV-1" ("RNA < 50 copies/mL"
for "HIV-1 RNA < 50 copies/mL"), wrote "Visit 1" for "screening", or glued "HIV1" for "HIV-1" drew a critical
"differs in a number" (words6: every one of 75 to 80 real items of each kind), which sent a reader looking for a
changed limit that is not there. What changed is which thing is measured, or at which visit: a warning that names
both (compare.py), or nothing where both name the same thing ("HIV1", "HIV 1" for "HIV-1"). A figure that changes
beside such a label is still the fidelity check's, and critical: the labels are masked and the check run again, and
only if it then finds nothing are they what differs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..fidelity import check_fidelity
from .reading import TOKEN

# a name with a figure: a short form with two or more capitals run on to its figure by a hyphen or nothing ("HIV-1",
# "IGF-1", "IL-6", "CA19-9", "HbA1c" is no such: its figure is inside), or a tumour marker's "CA" before one by a
# space ("CA 125", "CA 19-9"); a short form then a space and a figure is a score ("ECOG 2", "KPS 70"), not read
_NAME = re.compile(r"(?<![/^])\b(?!(?:ECOG|KPS|NYHA|GCS|BMI|WHO|ASA|PS|EDSS|MMSE|FIGO|CTCAE|AJCC|TNM|GOG|ZUBROD)\b)"
                   r"(?:(?P<short>[A-Z][A-Za-z]*[A-Z][A-Za-z]*)-?|(?P<ca>CA) )(?P<fig>\d{1,3}(?:-\d{1,2})?)\b"
                   r"(?![.,]\d|\s*(?:%|percent|/|x\b|times\b))")
# a visit or a day of the trial's schedule ("Visit 1", "Day 1", "Cycle 1 Day 1", "Week 0"), and the words for the
# visit it may stand for
_VISITS = r"\b(?:(?:cycle|visit|day|week)\s*\d{1,2}\b\s*)+(?<!\s)"
_VISIT = re.compile(_VISITS, re.I)
_VISIT_WORDS = r"\b(?:screening|baseline|enrollment|enrolment|randomi[sz]ation|study entry|entry)\b"
_VISIT_WORD = re.compile(_VISIT_WORDS, re.I)
_VISIT_OR_NAME = re.compile(f"(?i:{_VISITS}|{_VISIT_WORDS})|{_NAME.pattern}")
_WHEN = "a visit"
_MASK = "xlabelx"   # (what a label is read as once masked: a word with no figure, that no text says)


@dataclass(frozen=True)
class LabelChange:
    """The record's label and the page's in its place ("" where the page leaves it out), and what the label says:
    "a name" ("HIV-1") or "a visit" ("Visit 1", "baseline")."""

    record: str
    page: str
    of: str

    def said(self) -> str:
        """What differs, for compare's warning: 'a visit, "Visit 1" where ClinicalTrials.gov says "screening"'."""
        if not self.page:
            return f'{self.of}, "{self.record}" left out'
        return f'{self.of}, "{self.page}" where ClinicalTrials.gov says "{self.record}"'


def label_changes(record: str, page: str) -> list[LabelChange] | None:
    """The labels a page writes otherwise where, they masked, the fidelity check finds the texts alike: [] where
    each is the record's name written otherwise ("HIV1" for "HIV-1"), a LabelChange for each that differs; None where
    the figures differ beyond the labels, or the texts have none (then the check's losses stand)."""
    both = record + " | " + page   # (a visit is masked only where one text numbers it and one names it)
    visits = bool(_VISIT.search(both) and _VISIT_WORD.search(both))
    o_masked, o_labels = _masked(record, visits)
    p_masked, p_labels = _masked(page, visits)
    if not o_labels and not p_labels or check_fidelity(o_masked, p_masked):
        return None
    o_words, p_words = _words(o_masked, o_labels), _words(p_masked, p_labels)
    out: list[LabelChange] = []
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in o_words], [_key(w) for w in p_words], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        said = [w for w in o_words[i1:i2] if _is_label(w)] + [w for w in p_words[j1:j2] if _is_label(w)]
        if op == "equal" or not said:
            continue
        of = _WHEN if any(_VISIT.fullmatch(w) or _VISIT_WORD.fullmatch(w) for w in said) \
            else "a name"
        out.append(LabelChange(" ".join(o_words[i1:i2]), " ".join(p_words[j1:j2]), of))
    if any(c.of == _WHEN and not _one_numbered(c.record, c.page) for c in out):
        return None   # ("Day 2" for "Day 1", "baseline" for "screening": another visit, the check's to judge)
    return out


def _masked(text: str, visits: bool) -> tuple[str, list[str]]:
    """The text with each name with a figure, and each visit if `visits` (numbered or named: "Day 1", "baseline"),
    as `_MASK`, so that a look back to either reads alike ("within 6 months prior to Day 1"); and the labels, in
    order."""
    labels: list[str] = []

    def mask(m: re.Match) -> str:
        labels.append(m.group(0))
        return _MASK

    pattern = _NAME if not visits else _VISIT_OR_NAME
    return pattern.sub(mask, text), labels


def _words(masked: str, labels: list[str]) -> list[str]:
    """The masked text's words with each mask its label again, and a visit word as one ("study entry")."""
    said = iter(labels)
    out: list[str] = []
    for m in re.finditer(rf"{_MASK}|{_VISIT_WORDS}|{TOKEN.pattern}", masked, re.I):
        out.append(next(said) if m.group(0) == _MASK else m.group(0))
    return out


def _one_numbered(a: str, b: str) -> bool:
    """Is one of the two a numbered visit and the other a visit in words ("Visit 1", "screening")?"""
    return bool(_VISIT.fullmatch(a) and _VISIT_WORD.fullmatch(b) or _VISIT_WORD.fullmatch(a) and _VISIT.fullmatch(b))


def _is_label(w: str) -> bool:
    return bool(_NAME.fullmatch(w) or _VISIT.fullmatch(w) or _VISIT_WORD.fullmatch(w))


def _key(w: str) -> str:
    """A word as compared: a name with a figure as its capitals and figure ("HIV1" for "HIV-1", "HIV 1", "hiv1"),
    any other word in small letters."""
    return re.sub(r"[\s\-]", "", w).lower() if _NAME.fullmatch(w) else w.lower()
