"""An alternative a copy leaves out of a list: "(chemotherapy or immunotherapy)" where ClinicalTrials.gov says
"(chemotherapy, radiotherapy, or immunotherapy)", "Known HIV or hepatitis B infection" for "Known HIV, hepatitis B or
hepatitis C infection". No word is changed in place, no figure or "not", so words.py and the fidelity check passed it
(280 of 300 real ones raised nothing, review round 25, J3); yet a reader who had radiotherapy now reads that they may
join.

Said only where the page is the record less that one alternative: every other word of the item is on the page
(as same_words.same_word reads a copy), the page adds none, and the alternative's own words are nowhere on it, not even
as a short form ("RT" for "radiotherapy"). The list is one of three or more parts, the last joined by "or" ("A, B,
or C", "A, B and/or C"); a list of examples ("such as", "e.g.", "including", "for example", "etc.") is not the rule
itself, so an example left out is not this (nor criterion_shortened). Left out of a list's first or last part, the
words it shares with the list ("Known", "infection") stay; a describing word left out there ("Severe A, B, or
active C" as "…or C") is a qualifier's change, not an alternative's.

A two-part "A or B" with one part left out ("Known HIV infection" for "Known HIV or hepatitis B infection") loses an
"or", which the fidelity check calls a critical change to an "or"; compare.py asks here first, and says it as the
same warning naming the part (dropped_alternatives with least=2), or, for an example left out of a two-part list of
examples ("such as diabetes" for "such as diabetes or asthma"), as no change of the rule (dropped_example).
"""

from __future__ import annotations

import re

from ..abbreviations import spells
from ..fidelity import one_wording
from .scope import LIST_ENDS, STATE, qualifiers
from .reading import FILLER, TOKEN, WordChange, as_read
from .same_words import same_word
from .shorthands import shortens
from .words import tokens


def left_out_said(name: str) -> str:
    """What a criterion_changed warning says differs when the page leaves one alternative of a list out: 'a list: this
    page leaves out "hepatitis B", one of the alternatives ClinicalTrials.gov lists' (compare.py and labels.py)."""
    return f'a list: this page leaves out "{name}", one of the alternatives ClinicalTrials.gov lists'


# a list's bounds: where scope.py's lists end, and a bracket, which is a list of its own
_CLAUSE = re.compile(LIST_ENDS.pattern + r"|[()\[\]]")
_SEP = re.compile(r"\s*,\s*(?:(?:and/or|or|nor)\s+)?|\s+(?:and/or|or|nor)\s+")
_EXAMPLES = re.compile(r"(?i)\b(?:e\.?\s?g|such as|including|includes|include|for example|for instance|especially|"
                       r"particularly|etc)\b")

# what closes a list of examples after its last part ("A, B or C, etc."); "A or B, including C" and "A or B such as
# C" list no examples (theirs follow them: a list of examples has its word before its last part), and were read as
# lists of examples, so an alternative left out of them raised nothing
_ETC = re.compile(r"(?i)etc\b")
# words that begin a part of the rule's own after ", or" ("…such as AIDS and HIV, or use of immunosuppressants")
_OWN_PART = re.compile(r"(?i)(?:other|any|use|history|have|has|had|prior|previous|current|concurrent|known|"
                       r"patients?|subjects?|conditions?|active|uncontrolled|severe|significant|a|an|the)\b")

# "pregnant and breastfeeding": two groups, each excluded (or allowed) alone, as "A or B" lists them
_MOTHERHOOD = r"pregnan\w*|breast-?\s?feeding|breast-?\s?fed|lactating|lactation|nursing"
_EITHER = re.compile(rf"(?i)\b({_MOTHERHOOD})\s+and\s+({_MOTHERHOOD})\b")
# a pair said as a time that ends, which means both ("re-enrolled once pregnancy and lactation are completed",
# "upon the completion of pregnancy and lactation", NCT00001728)
_ENDED_BEFORE = re.compile(r"(?i)\b(?:complet\w*|end|ends|after|once|until|following|post)\b(?:\W+\w+){0,2}\W*$")
_ENDED_AFTER = re.compile(r"(?i)\W*(?:(?:are|is|has|have|been|both)\s+)*(?:complet\w*|over|ended|finished|done)\b")

Span = tuple[int, int]


def as_either(text: str) -> str:
    """The text with "pregnant and breastfeeding" (or "lactating", "nursing") written as the "or" it lists: no one
    is excluded only when both hold (splits._as_listed); not where the pair is a time that ends (_ENDED_BEFORE)."""
    def either(m: re.Match) -> str:
        if _ENDED_BEFORE.search(text[max(0, m.start() - 40):m.start()]) or _ENDED_AFTER.match(text, m.end()):
            return m.group(0)
        return f"{m.group(1)} or {m.group(2)}"
    return _EITHER.sub(either, text)


def dropped_alternatives(record: str, page: str, least: int = 3) -> list[WordChange]:
    """The alternative of the record's list of `least` or more parts ("A, B, or C"; with 2, "A or B") the page leaves
    out, as WordChange(the alternative, ""), when the page is otherwise the record's item (see the module's note);
    [] else. "Pregnant and breastfeeding women" lists two groups as "A or B" does: "Pregnant women" for it was
    reworded, info (session splits2)."""
    either = as_either(record)
    name = _dropped(either, page, 2 if either != record else least, examples=False)
    return [] if name is None else [WordChange(name, "")]


def dropped_example(record: str, page: str) -> bool:
    """Is the page the record's item less one of the examples it lists ("Serious illness such as diabetes" for
    "… such as diabetes or asthma")? An example is the record's to give and a copy's to shorten: the rule is its head."""
    return _dropped(record, page, 2, examples=True) is not None


def _dropped(record: str, page: str, least: int, examples: bool) -> str | None:
    """The part of one of the record's lists (of `least` or more parts; lists of examples, or lists that are not) the
    page leaves out, as the record writes it, when the page is otherwise the record's item; None else."""
    record, page = one_wording(record, page)
    t = as_read(record)
    toks = list(TOKEN.finditer(t))
    r = [m.group(0).lower() for m in toks]
    p = [w.lower() for w in tokens(page)]
    missing = {i for i, w in enumerate(r) if w not in FILLER and not _on(w, p)}
    if not missing or any(v not in FILLER and not _on(v, r) for v in p):
        return None
    for members in _lists(t, least, examples):
        for j, (s, e) in enumerate(members):
            inside = [i for i, m in enumerate(toks) if s <= m.start() < e]
            if missing <= set(inside):
                return _left_out(t, toks, r, inside, missing, j, len(members), p)
    return None


def _on(w: str, words: list[str]) -> bool:
    """Is word `w` among these, as a copy may write it?"""
    return any(same_word(w, v) for v in words)


def _lists(t: str, least: int = 3, examples: bool = False) -> list[list[Span]]:
    """The parts of each list of `least` or more whose last is joined by "or" ("A, B, or C"), by where they stand in
    `t`: lists of examples ("such as A or B", "A, B or C, etc.") with `examples`, the others without."""
    out = []
    bounds = [0] + [x for m in _CLAUSE.finditer(t) for x in (m.start(), m.end())] + [len(t)]
    for a, b in zip(bounds[::2], bounds[1::2]):
        seps = list(_SEP.finditer(t, a, b))
        spans = list(zip([a] + [m.end() for m in seps], [m.start() for m in seps] + [b]))
        joins = ["or" in m.group(0) for m in seps]
        for k, ors in enumerate(joins):
            i = k
            while ors and i > 0 and not joins[i - 1]:
                i -= 1
            if ors and k + 2 - i >= least and examples == _of_examples(t, spans[i:k + 2], seps[i:k + 1], b):
                out.append(spans[i:k + 2])
    return out


def _of_examples(t: str, parts: list[Span], seps: list[re.Match], end: int) -> bool:
    """Is this list one of examples: its first part right after the example word ("such as diabetes or asthma"), or
    closed by "etc."? Not when an example word stands only earlier in the clause ("such as chemotherapy or radiation
    within 6 months, or long-term corticosteroids": review r27 #1, 31 of 59 real ones were silent), nor when its
    "or" begins a part of its own ("or any other …", ", or use of …", or a comma before a two-part list's "or"):
    that part is the rule's next alternative, not an example."""
    if _ETC.match(t[parts[-1][1]:end].lstrip(" ,")):
        return True
    if _EXAMPLES.search(t, *parts[0]) is None:   # ("e.g., breast, lung, or colon": its first part the word alone)
        return False
    if len(parts) == 2 and seps[-1].group(0).lstrip().startswith(","):
        return False
    return not any(_OWN_PART.match(t, m.end()) for m in seps)


def _left_out(t: str, toks: list[re.Match], r: list[str], inside: list[int], missing: set[int], j: int, n: int,
              p: list[str]) -> str | None:
    """The words of list part j (of n; its tokens `inside`) the page leaves out, as the record writes them, when the
    part is gone as an alternative: its other words are the list's shared ones (said by another part, or kept at the
    list's head or end), no short form of it is on the page, and what is gone is not only a describing word."""
    others = [w for i, w in enumerate(r) if i not in inside]
    lo, hi = min(missing), max(missing)
    kept = [i for i in inside if i not in missing and r[i] not in FILLER and not _on(r[i], others)]
    if any(lo <= i <= hi for i in kept) or j > 0 and any(i < lo for i in kept) or \
            j < n - 1 and any(i > hi for i in kept):
        return None
    while lo - 1 in inside and lo - 1 not in kept and r[lo - 1] not in FILLER:   # ("hepatitis" of "hepatitis C")
        lo -= 1
    while hi + 1 in inside and hi + 1 not in kept and r[hi + 1] not in FILLER:
        hi += 1
    gone = [toks[i].group(0) for i in range(lo, hi + 1)]
    if any(spells(v, gone) or shortens(v.upper(), gone) or shortens(v, gone) for v in p):
        return None   # (a short form for the part stays: "RT" for "radiotherapy")
    if kept and _describing(t, toks, missing):
        return None
    return t[toks[lo].start():toks[hi].end()]


def _describing(t: str, toks: list[re.Match], missing: set[int]) -> bool:
    """Are the words left out only describing words ("active", "uncontrolled"), not a thing of their own?"""
    quals = qualifiers(t.lower())
    return all(STATE.fullmatch(toks[i].group(0).lower()) or any(s <= toks[i].start() < e for s, e, *_ in quals)
               for i in missing)
