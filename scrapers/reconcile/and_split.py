"""A reason someone cannot join that joins two conditions with "and" ("HIV positive and on antiretroviral therapy":
excluded only if both hold) shown as two bullets ("HIV positive", "On antiretroviral therapy"). Of an exclusion list
each bullet excludes on its own, so the page excludes anyone with either: the "and" became an "or", the mirror of a
requirement's "A or B" shown as two bullets (compare's critical "differs in an "or"").

Read so only where the record's "and" joins two clauses, each a full condition: the item is "X and Y" with one "and",
no other list or sentence ("or", a slash, a comma, a semicolon, ". "), Y begins as a clause does ("has", "are", "on",
"not using", "requiring", "need"), X has two words or more and does not end in one that needs what follows
("unwilling", "History of severe"), neither says what becomes of the patient ("… and will be excluded") nor is a
range ("at least 2 … and no more than 24 …"), and the bullets are X and Y (Y may repeat X's first words, its
subject: "Patient has an INR > 3"). Of the corpus's 1,000 exclusion items with one "and" (and no "or", slash,
semicolon, colon or bracket), 36 are so read ("The patient is taking blood thinners and has an INR > 3", "Have
diabetes and need insulin"). The rest list what each excludes alone ("Saquinavir and nelfinavir", "Pregnant and
lactating women": about 38 of a random 70) or join words inside one condition ("Nausea and vomiting requiring …",
"Able to understand and sign": about 26 of 70), and are not read here; 4 of the 70 join two clauses, 3 of them read
here. A requirement's "X and Y" as two bullets asks for both either way: never read.
"""

from __future__ import annotations

import re
from functools import partial

from .align import Entry
from .finding import Finding, criteria_finding, quote, rule_words
from .item_text import item_read
from .normal import strip_marker

# how the second of two clauses begins: a verb, "not"/"no", or "on" of a treatment ("and on antiretroviral therapy")
_CLAUSE_START = re.compile(
    r"(?i)(?:is|are|was|were|has|have|had|having|being|currently|still|receiving|taking|using|on|requir\w*|needs?|"
    r"needing|cannot|can\s+not|can't|does|do|did|not|no|never|who|unable|undergoing|will)\b")
# where X would be no condition of its own: it ends in a word that needs what follows ("History of severe",
# "Participants unwilling" of "… unwilling and unable to comply", "not able to undergo" of "… and does not have
# access to radiation therapy")
_OPEN_END = re.compile(r"(?i)\b(?:of|to|the|a|an|with|for|in|on|by|at|from|who|that|which|is|are|be|severe|any|"
                       r"unwilling|willing|unable|able|undergo|receive|take|use|tolerate|provide|understand|sign)$")
# another list, or another sentence ("… brain metastases. Patients with previously treated …"), in the item
_OTHER_LIST = re.compile(r"(?i)\bor\b|/|[,;:()\[\]]|\.\s")
# an item that says what becomes of the patient, no condition ("… and will be excluded", "… and are not eligible
# for the study", "… are excluded since …", "… will be offered transplant"), or a range ("… and no more than 24 weeks")
_VERDICT = re.compile(r"(?i)\b(?:excluded|eligible|ineligible|included|offered|considered)\b|"
                      r"\band\s+(?:no|not)\s+(?:more|less|greater|fewer|later|earlier|longer)\s+than\b")   # (a range's end)
# an item as read, without the stop, colon or comma that ends it and with single spaces
_plain = partial(item_read, ends=".;:, ", one_space=True)


def and_parts(section: str, record: str, pages: tuple[str, ...]) -> tuple[str, str] | None:
    """The two clauses (X, Y) of an exclusion item "X and Y" that the page shows as the bullets X and Y (see the
    module's note); None else."""
    if section != "exclusion" or len(pages) != 2:
        return None
    t = _plain(record)
    parts = re.split(r"(?i)\s+and\s+", t)
    if len(parts) != 2 or _OTHER_LIST.search(t) or _VERDICT.search(t):
        return None
    x, y = parts
    if len(x.split()) < 2 or _OPEN_END.search(x) or not _CLAUSE_START.match(y) or len(y.split()) < 2:
        return None
    first, second = (_plain(p).lower() for p in pages)
    if first != x.lower() or not second.endswith(y.lower()):
        return None
    subject = second[:len(second) - len(y)].split()
    return (x, y) if subject == x.lower().split()[:len(subject)] else None


def and_split_findings(o: Entry, p_items: list[Entry], sim: float) -> list[Finding]:
    """A critical criterion_changed naming the "and" for the record item `o` "X and Y" shown as the bullets X and Y
    of its exclusion list (p_items, of its section: items._shown_as_several; and_parts); [] for any other."""
    parts = and_parts(o.section, o.text, tuple(e.text for e in p_items))
    if parts is None:
        return []
    x, y = (quote(strip_marker(e.text).strip().rstrip(".;"), 70) for e in p_items)
    return [criteria_finding(
        "criterion_changed", "critical", [o], p_items,
        f'{rule_words(o).capitalize()} differs in an "and": this page shows "{x}" and "{y}" as separate items, each '
        f'excluding on its own, but ClinicalTrials.gov excludes only those for whom both hold: '
        f'"{quote(strip_marker(o.text), 100)}".', sim, changes=[f'"{parts[0]} and {parts[1]}" became two items'])]
