"""An abbreviation and the words it stands for are one wording: "NSCLC" and "non-small cell lung cancer", "NHL" and
"non-Hodgkin lymphoma", "NSAIDs" and "nonsteroidal anti-inflammatory drugs", "NOS" and "not otherwise specified".
A page that abbreviates what the record spells out (or the reverse) drops no "not", though the spelled-out side has a
"non" the fidelity check counts: "NSCLC" for "non-small cell lung cancer" was a critical "differs in a "not"".

Read from the texts themselves, not from a list: an abbreviation one text writes more often than the other stands
for a run of the other's words that it spells (`spells`), and a text's own definition, "non-small cell lung cancer
(NSCLC)" or "NSCLC (non-small cell lung cancer)", is read as the words it defines; a label both texts give in
brackets is the same label, though a plain rewrite changed a word it stands for. Every "non-"/"not" definition in
the CT.gov corpus is spelled so (tests/test_abbreviations.py lists them). Only runs that hold a word the caller
counts (a "non", "not", "negative") are rewritten: nothing else the checks compare hangs on an abbreviation, and a
run without the "non" ("small cell lung cancer" for "NSCLC") is never taken for it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

__all__ = ["as_abbreviated", "spells"]

# "NSCLC", "NSAIDs", "NOS": three letters or more ("US" and "NO" are spelled by too many runs), not a word in capitals
_ABBR = r"(?!(?:NOT|NON|NONE|NOR|AND|ANY|ALL|ARE|THE|FOR|BUT|WITH|MUST|HAVE|HAS|WHO|ONLY|NEVER)(?![A-Za-z0-9]))[A-Z]{3,8}s?"
ABBREVIATION = re.compile(rf"(?<![A-Za-z0-9]){_ABBR}(?![A-Za-z0-9])")
_WORD = re.compile(r"[A-Za-z]+(?:['’]s)?")
_JOIN = re.compile(r"[ \t\-/]*")   # what may stand between two words of one name ("non-small cell", "anti-inflammatory")
_PASSED = frozenset("of and the with in for to on".split())   # small words an abbreviation may leave out
_DEFINED_AFTER = re.compile(rf"\s*[(\[]\s*({_ABBR})\s*[)\]]")          # "… lung cancer (NSCLC)"
_DEFINED_BEFORE = re.compile(rf"(?<![A-Za-z0-9])({_ABBR})\s*\(([^()\[\]]{{3,100}})\)")   # "NSCLC (non-small cell …)"


def spells(abbr: str, words: list[str], skips: int = 1) -> bool:
    """Does `abbr` abbreviate these words? Each word gives its first letter and maybe more from inside it ("NASH":
    non-alcoholic steatohepatitis, "NSTEMI": non-ST-elevation myocardial infarction), in order, all of them used; small
    words such as "of" may give a letter or none, and one other word inside the run may be passed over ("NAION":
    non-arteritic anterior ischemic optic neuropathy; `skips`). A plural "s" may come from inside the last word
    ("NSAIDs"), and a "D" from "agents" or "medications" ("nonsteroidal anti-inflammatory agents (NSAIDs)")."""
    ws = [p for w in words for p in _FUSED.split(re.sub(r"['’]s$", "", w)) if p]   # "nonparenchymal": "non" + "parenchymal"
    a = abbr.lower()
    return len(ws) >= 2 and all(ws) and ws[0][0].lower() == a[0] and _spell(a, ws, 0, 0, skips)


# words fused of two that an abbreviation takes apart: "nonparenchymal" ("non" + "parenchymal"), and the enzymes'
# "aminotransferase", whose "T" gives "AST" (aspartate aminotransferase) and "ALT" (alanine aminotransferase): read
# whole, "AST/ALT" for the spelled-out pair was a criterion_added and a left-out warning (review round 22)
_FUSED = re.compile(r"(?i)(?<=^non)(?!etheless)(?=[a-z]{4,}$)|(?<=^amino)(?=transferases?$)")
# what a "D" in a medicine's abbreviation may stand for besides "drug(s)"
_DRUGS = frozenset("drug drugs agent agents medication medications medicine medicines".split())


def _spell(a: str, ws: list[str], i: int, j: int, skips: int) -> bool:
    """Letters a[i:] spelled by words ws[j:] (`spells`), with `skips` words still to pass over."""
    if j == len(ws):
        return i == len(a)
    w = ws[j].lower()
    if 0 < j < len(ws) - 1 and (w in _PASSED or skips) and _spell(a, ws, i, j + 1, skips - (w not in _PASSED)):
        return True
    if i == len(a) or w[0] != a[i] and not (a[i] == "d" and w in _DRUGS):
        return False
    if _spell(a, ws, i + 1, j + 1, skips):
        return True
    if len(w) < 4 and not ws[j].isupper():
        return False   # ("non", "not" give their "n" only: "non-small" is no "NOS"; "ST" in "non-ST-elevation" gives two)
    pos = 1
    for k in range(i + 1, len(a)):   # the word gives a[i+1..k] from inside it too
        pos = w.find(a[k], pos) + 1
        if not pos:
            return False
        if _spell(a, ws, k + 1, j + 1, skips):
            return True
    return False


def _runs(text: str) -> list[list[re.Match]]:
    """The text's words in runs that may form one name: words joined only by spaces, hyphens or slashes."""
    runs: list[list[re.Match]] = []
    last = None
    for m in _WORD.finditer(text):
        if last is not None and _JOIN.fullmatch(text, last.end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
        last = m
    return runs


def _spelled_at(text: str, abbr: str, counts: Callable[[str], bool], skips: int) -> list[tuple[int, int]]:
    """(start, end) of each run of words in `text` that `abbr` spells with at most `skips` words passed over (then
    starting with a counted word) and that holds a counted word, left to right: the longest from each word ("…lung
    cancer" whole, not "non-ST-elevation myocardial" short of "infarction")."""
    out: list[tuple[int, int]] = []
    most = len(abbr) + 3
    for run in _runs(text):
        j = 0
        while j < len(run):
            if skips and (len(abbr) < 4 or not counts(run[j].group(0).lower())):
                j += 1   # (a word passed over only in a name that starts with its "non": "non-arteritic anterior …",
                continue   # never "and seronegative individuals" for "AIDS")
            n = next((n for n in range(min(most, len(run) - j), 1, -1)
                      if spells(abbr, [m.group(0) for m in run[j:j + n]], skips)
                      and counts(text[run[j].start():run[j + n - 1].end()].lower())), 0)
            if n:
                out.append((run[j].start(), run[j + n - 1].end()))
                j += n
            else:
                j += 1
    return out


def _without_definitions(text: str, counts: Callable[[str], bool]) -> str:
    """The text with each definition it gives read as the words defined: "non-small cell lung cancer (NSCLC)" and
    "NSCLC (non-small cell lung cancer)" both become "non-small cell lung cancer"."""
    if "(" not in text and "[" not in text:
        return text
    for m in reversed(list(_DEFINED_BEFORE.finditer(text))):
        if spells(m.group(1), _WORD.findall(m.group(2))) and counts(m.group(2).lower()):
            text = text[:m.start()] + m.group(2) + text[m.end():]
    for m in reversed(list(_DEFINED_AFTER.finditer(text))):
        run = _run_before(text, m.start())
        if any(spells(m.group(1), [w.group(0) for w in run[-n:]]) and counts(text[run[-n].start():m.start()].lower())
               for n in range(2, min(len(run), len(m.group(1)) + 3) + 1)):
            text = text[:m.start()] + text[m.end():]
    return text


def as_abbreviated(a: str, b: str, counts: Callable[[str], bool]) -> tuple[str, str]:
    """Both texts with each run of words the other text abbreviates written as that abbreviation, as many times as
    the other writes it more ("non-small cell lung cancer" where the other says "NSCLC"): one wording on both sides,
    so no "non" is counted that the other text also says. `counts` tells a run worth rewriting (one with a word the
    caller compares). Texts without a capitalized abbreviation come back as they are."""
    if not ABBREVIATION.search(a) and not ABBREVIATION.search(b):
        return a, b
    # a "(NAION)" both texts put after their words is the same label, whether or not the words still spell it (a
    # plain rewrite says "… optic nerve damage (NAION)" for "… optic neuropathy (NAION)")
    shared = _labels(a) & _labels(b)
    a, b = _without_definitions(a, counts), _without_definitions(b, counts)
    ca, cb = _said(a) - _standing(shared, a), _said(b) - _standing(shared, b)
    for abbr in sorted(ca.keys() | cb.keys()):
        if ca[abbr] > cb[abbr]:
            b = _abbreviate(b, abbr, ca[abbr] - cb[abbr], counts)
        elif cb[abbr] > ca[abbr]:
            a = _abbreviate(a, abbr, cb[abbr] - ca[abbr], counts)
    return a, b


def _said(text: str) -> Counter:
    """The abbreviations a text uses, but not one in brackets after words that spell all of it but a letter:
    "otherwise specified (NOS)" is a "not otherwise specified (NOS)" that lost its "not", not another "NOS" (while
    "Malignant astrocytoma (NOS)" is one)."""
    said = Counter(ABBREVIATION.findall(text))
    for m in _DEFINED_AFTER.finditer(text):
        abbr, run = m.group(1), _run_before(text, m.start())
        short = [abbr[:k] + abbr[k + 1:] for k in range(len(abbr))] if len(abbr) >= 3 else []
        if any(spells(s, [w.group(0) for w in run[-n:]], 0) for s in short for n in range(2, len(run) + 1)):
            said[abbr] -= 1
    return said


def _labels(text: str) -> Counter:
    """The abbreviations a text gives as a label, each with its place: "… (NAION)" after words, "NED (…)" before."""
    return Counter(("after", m.group(1)) for m in _DEFINED_AFTER.finditer(text)) + \
        Counter(("before", abbr) for abbr in _LABEL_BEFORE.findall(text))


def _standing(shared: Counter, text: str) -> Counter:
    """How many of each abbreviation `text` still gives as one of the labels both texts give."""
    out: Counter = Counter()
    for (_, abbr), n in (shared & _labels(text)).items():
        out[abbr] += n
    return out


_LABEL_BEFORE = re.compile(rf"(?<![A-Za-z0-9])({_ABBR})\s*\(")


def _run_before(text: str, end: int) -> list[re.Match]:
    """The run of words (`_runs`) that ends right at `end`, its last few words."""
    runs = _runs(text[:end])
    return runs[-1][-10:] if runs and runs[-1][-1].end() == end else []


def _abbreviate(text: str, abbr: str, n: int, counts: Callable[[str], bool]) -> str:
    """The first `n` runs of `text` that `abbr` spells, written as `abbr`: runs every word of spells before runs with
    a word passed over ("nonnucleoside reverse transcriptase inhibitors", not "not taken nonnucleoside …")."""
    spans = _spelled_at(text, abbr, counts, 0)
    if len(spans) < n:
        spans += [s for s in _spelled_at(text, abbr, counts, 1) if not any(s[0] < e and b < s[1] for b, e in spans)]
    for start, end in sorted(spans[:n], reverse=True):
        text = text[:start] + abbr + text[end:]
    return text
