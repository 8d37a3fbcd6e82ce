"""Numbered and lettered lists run into one line of eligibility text ("… 2. … 3. …", "For BPD: 1) … 2) …",
"a) … b) …"): which markers continue a list, and the bracket spans no marker may cut. Used by scrapers.criteria and
the page side's run-on splitter (scrapers.sites._runon)."""

from __future__ import annotations

import re

# (never the digits after a decimal point or a thousands comma: "INR> 1.5, PT> ULN" is one item)
_RUNON = re.compile(
    r"(?:(?<=\s)|(?<=[;:.,]))(?<!\d\.)(?<!\d,)(\((\d{1,2})\)|(\d{1,2})[.)](?!\d)|(\d{1,2}),(?=\s+[A-Za-z]))(?=\s*[A-Za-z(\[\"'])"
)
_RUNON_ALPHA = re.compile(r"(?:(?<=\s)|(?<=[;:]))(\(([a-h])\)|([a-h])\))(?=\s*[A-Za-z(])")


# a sub-list's "1" right after its lead-in colon, whatever follows it: "… time frames: (1) 10-day period …; (2) …"
# (NCT03525262). _RUNON wants a letter after a marker, so without this the list was read from its "(2)" as items
# merged into the lead-in's; the groups are _RUNON's (its fourth, "n,", never matches here)
_SUBLIST_ONE = re.compile(r"(?:(?<=:)|(?<=:\s))(\((1)\)|(1)[.)](?!\d))()(?=\s)")


# "bilirubin < 2. ULN…": a number after a comparator or unit word is a value, not a list marker
_NUMBER_CONTEXT = re.compile(r"(?:[<>≤≥=×x*/+-]|\b(?:than|to|of|and|or|at least|at most|by|from|over|under|between|"
                             r"upto|up to|within|score|grade|stage|class|type|version|phase|level))\s*$", re.I)


def _num_of(m: re.Match) -> int:
    return int(m.group(2) or m.group(3) or m.group(4))


def _in_bracket(text: str, pos: int) -> bool:
    """Whether `pos` is inside a bracket opened in the same word: the "22)" of "t(9;22)". (Not any open bracket
    before it: "(8) Drug or alcohol abuse (subjects who … (40 proof) spirits); 9. Pregnant …" never closes one.)"""
    word = text[:pos].split()[-1:] or [""]
    return word[0].count("(") > word[0].count(")")


_CLOSES = {")": "(", "]": "["}


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of each bracket pair in `text`. A closer that does not match the innermost open
    bracket is skipped, and a bracket never closed spans nothing: one left open must not swallow the rest of the
    list ("(8) … (40 proof spirits; 9. Pregnant …")."""
    stack: list[tuple[str, int]] = []
    spans = []
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append((ch, i))
        elif ch in _CLOSES and stack and stack[-1][0] == _CLOSES[ch]:
            spans.append((stack.pop()[1], i))
    return spans


def _sublist_first(text: str, cands: list[re.Match], nums: list[int], before: int) -> bool:
    """A list restarting at 1 right after a colon, with its 2 after it, begins before `before`."""
    return any(n == 1 and m.start() < before and text[: m.start()].rstrip().endswith(":") and 2 in nums[i + 1:]
               for i, (m, n) in enumerate(zip(cands, nums)))


def runon_chain(text: str, own: int | None) -> tuple[list[re.Match], str]:
    """Numbered markers inside `text` that continue a list: ("sibling"|"child", matches)."""
    # Never inside a bracket the word opened: "high-risk cytogenetics (t(9;22) or t(4;11))" is one item, not one
    # cut at "22)" (NCT00002718). Nor inside a bracket that closes after the number: "….( For recurrent diseases,
    # …, and 3. relapse occurs 6 months after the end of treatment)." is one item (NCT04007835); cut at its "3.",
    # the bracket's tail became an item of its own.
    spans = bracket_spans(text)
    marks = {m.start(): m for m in _RUNON.finditer(text)}
    marks.update({m.start(): m for m in _SUBLIST_ONE.finditer(text) if m.start() not in marks})
    cands = [m for _, m in sorted(marks.items()) if m.start() > 0 and not _in_bracket(text, m.start())
             and not any(a < m.start() and b >= m.end() for a, b in spans)]
    if not cands:
        return [], ""
    nums = [_num_of(m) for m in cands]
    # 1) continuation of this item's own number: 1. … 2. … 3. …
    if own is not None:
        chain, want = [], own + 1
        for m, n in zip(cands, nums):
            if n == want and not _NUMBER_CONTEXT.search(text[: m.start()]):
                chain.append(m)
                want += 1
        # (not when a list restarting at 1 after a colon comes first: "1. Received any of the following: 1. …;
        # 2. major surgery …" (NCT06029816) and "2. … insufficient response: (1) … (2) … (3) …" (NCT00463151) are
        # each one item with its sub-list; cut at the "2." or "(3)", the sub-list's tail read as the next item. The
        # only two such lines in the corpus, both sub-lists)
        if chain and not _sublist_first(text, cands, nums, chain[0].start()):
            return chain, "sibling"
    # 2) a sub-list starting at 1 inside the item: "For BPD: 1) … 2) …"
    for i, n in enumerate(nums):
        if n == 1 and (i + 1) < len(nums) and 2 in nums[i + 1:]:
            chain, want = [], 1
            for m, k in zip(cands[i:], nums[i:]):
                if k == want:
                    chain.append(m)
                    want += 1
            return chain + _lettered_on(text, chain, spans), "child"
    # 3) a merged item whose next number follows a ';' or '.': "…positive; 6, the subject's…" (not inside a
    # bracket: "(presenting leukocyte count …, Karyotypes t9;22, t4, …)", NCT00001623)
    for i, m in enumerate(cands):
        before = text[: m.start()].rstrip()
        if (nums[i] >= 2 and before.endswith((";", ".")) and not before.endswith(("e.g.", "i.e.", "etc.", "vs."))
                and before.count("(") <= before.count(")")):
            chain, want = [], nums[i]
            for mm, k in zip(cands[i:], nums[i:]):
                if k == want:
                    chain.append(mm)
                    want += 1
            return chain, "sibling"
    return [], ""


# a sub-item lettered where its number was due, after a ';': "…: 1. …; 2. …; c. …; d. …" (NCT06029816)
_LETTER_AFTER_SEMICOLON = re.compile(r"(?<=;)\s+(([a-z])[.)])(?=\s+[A-Za-z0-9(])")


def _lettered_on(text: str, chain: list[re.Match], spans: list[tuple[int, int]]) -> list[re.Match]:
    """A numbered sub-list's later sub-items lettered in its sequence: "1. …; 2. …; c. …; d. …" (NCT06029816, the
    only such list in the corpus), "c" being its third letter. Left in "2."'s text, "c. 4 times before the first dose
    …" and "d. within 7 days …" read as part of "major surgery". Each letter must come next and after a ';', out of
    any bracket."""
    out: list[re.Match] = []
    want = chr(ord("a") + len(chain))
    for m in _LETTER_AFTER_SEMICOLON.finditer(text, chain[-1].end()):
        if m.group(2) != want or any(a < m.start() and b >= m.end() for a, b in spans):
            continue
        out.append(m)
        want = chr(ord(want) + 1)
    return out


def alpha_chain(text: str) -> list[re.Match]:
    cands = [m for m in _RUNON_ALPHA.finditer(text) if m.start() > 0]
    chain, want = [], "a"
    for m in cands:
        letter = m.group(2) or m.group(3)
        if letter == want:
            chain.append(m)
            want = chr(ord(want) + 1)
    return chain if len(chain) >= 2 else []


def pieces(text: str, chain: list[re.Match]) -> tuple[str, list[tuple[str, str]]]:
    head = text[: chain[0].start()].strip()
    parts = []
    for i, m in enumerate(chain):
        end = chain[i + 1].start() if i + 1 < len(chain) else len(text)
        parts.append((m.group(1), text[m.end():end].strip()))
    return head, parts
