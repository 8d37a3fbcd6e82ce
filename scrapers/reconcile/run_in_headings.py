"""Record headings a page runs into its text, where TrialLens's reading of the page leaves them unread: an item shown
after its own record heading so is not moved (session sect8), and one shown after a heading of the other list is
moved where the reader sees it (session moves1, review r40 G4). Split out of sections.py (moves2), which decides the
moves."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..criteria import parse_criteria, unescape_markdown
from .align import Entry, Pair

SECTIONS = ("inclusion", "exclusion")
Move = tuple[Pair, Entry, Entry]


def _record_headings(text: str) -> list[tuple[str, str, int]]:
    """(heading as written, the section it opens, how many of that section's items come before it), in the record's
    order (parse_criteria's header_at)."""
    return parse_criteria(text).header_at if text else []


_SPACE = re.compile(r"\s+")


def _loose(text: str) -> str:
    return _SPACE.sub(" ", unescape_markdown(text)).strip().lower()


def _under_own_heading(oe: Entry, pe: Entry, heads: list[tuple[str, str, int]], shown: list[str]) -> bool:
    """Does the page show, in its list of `pe`, the heading the record puts `oe` under, before `pe` (or at its start),
    run into an item: after a sentence's end ("… consent. Inclusion Criteria for Healthy Volunteers:"), or ending the
    item, as the record writes it, where the next bullet starts ("… to participation Inclusion of Women and
    Minorities:", "… motor disorders EXCLUSION CRITERIA")? Then the page shows the item under that heading, as the
    record does, and only TrialLens's reading of its paragraph put it under the one before: one-paragraph pages drew
    this critical on faithful text (NCT02910323, NCT00001486, NCT00498771, NCT00006177; runon7). A page that moves an
    item plainly shows no such heading before it."""
    g = int(oe.group[len(oe.section):]) if oe.group[len(oe.section):].isdigit() else -1
    own = [h for h, sec, at in heads if sec == oe.section and at <= g]
    at = next((k for k, t in enumerate(shown) if pe.text and pe.text in t), None)
    if not own or at is None:
        return False
    written = " ".join(unescape_markdown(own[-1]).split())
    after_stop = re.compile(rf"(?:^|[.;:!?)]\s)\s*{re.escape(written.lower())}")
    return any(after_stop.search(_loose(t)) or " ".join(unescape_markdown(t).split()).endswith(" " + written)
               for t in shown[:at + 1])


_HEAD_WORDS = re.compile(r"\b(?:inclusion|exclusion)s?\b", re.I)


# words after a colon-less heading's dash that make it the start of a longer heading line, not this heading over an
# item: "Angiographic Exclusion Criteria - Phases 1 & 2" is not "Angiographic Exclusion Criteria" (NCT00497367, r45 F5)
_QUALIFIER = r"(?:phases?|parts?|cohorts?|arms?|groups?|stages?|steps?|periods?|sub-?stud(?:y|ies)|stud(?:y|ies)|" \
    r"levels?|visits?|populations?)\b"
# a word that makes the heading's words at an item's end a reference to that list, not its heading ("Meets none of
# the exclusion criteria", "… listed under Exclusion Criteria": r45 F6)
_REFERENCE = re.compile(r"\b(?:the|of|in|any|all|these|those|no|none|meet|meets|met|meeting|per|see|above|below|"
                        r"following|listed|under|other|and|or)$", re.I)


def ends_in_heading(text: str, written: str) -> bool:
    """Does the item end in the heading `written`, run into it as a heading, not as words of the item: written as the
    heading is (its case too: "… motor disorders EXCLUSION CRITERIA", "… 6feet 4 inches Exclusion Criteria"), and
    not after a word that refers to a list ("Meets none of the exclusion criteria")?"""
    tail, head = " ".join(unescape_markdown(text).split()), " ".join(unescape_markdown(written).split())
    return tail.endswith(" " + head) and not _REFERENCE.search(tail[:-len(head)].rstrip())


def _head_at(text: str, written: str) -> list[int]:
    """Where in `text` (read loosely) the record's heading `written` ends, standing as a heading: at the text's start
    or after a sentence's end, and ending in its colon, a dash (not one going on to a longer heading's words) or the
    text's end ("Inclusion criteria not met" is an item's words). An item the heading ends ("… motor disorders
    EXCLUSION CRITERIA") has it at its end (`ends_in_heading`)."""
    low, head = _loose(text), " ".join(unescape_markdown(written).split()).lower()
    after = "" if head.endswith(":") else rf"(?=\s*(?::|[-–—]\s+(?!{_QUALIFIER})|$))"
    found = [m.end() for m in re.finditer(rf"(?:^|(?<=[.;:!?)]\s)){re.escape(head)}{after}", low)]
    return found + ([len(low)] if ends_in_heading(text, written) and len(low) not in found else [])


def _shown_under(item: str, heads: list[tuple[str, str, int]], shown: list[str]) -> int | None:
    """The last record heading (its index in `heads`) the list `shown` shows, unread, before `item`, or None: the
    heading a reader sees it under, whatever list TrialLens read it into."""
    at = next((k for k, t in enumerate(shown) if item and item in t), None)
    if at is None:
        return None
    seen = []
    for k, t in enumerate(shown[:at + 1]):
        start = _loose(t).find(_loose(item)) if k == at else len(_loose(t))
        seen += [((k, x), i) for i, (written, _, _) in enumerate(heads) for x in _head_at(t, written) if x <= start]
    return max(seen)[1] if seen else None


def _own_heading(oe: Entry, heads: list[tuple[str, str, int]]) -> int:
    """The index in `heads` of the record's heading over `oe` (-1 if none)."""
    g = int(oe.group[len(oe.section):]) if oe.group[len(oe.section):].isdigit() else -1
    return max((i for i, (_, sec, at) in enumerate(heads) if sec == oe.section and at <= g), default=-1)


def _after_other_heading(O: list[Entry], P: list[Entry], pairs: list[Pair], heads: list[tuple[str, str, int]],
                         shown: dict[str, list[str]]) -> list[Move]:
    """The record's items the page shows after a heading of the other list that it runs into the text and TrialLens
    leaves unread ("… consent. Inclusion Criteria for Healthy Volunteers: * Active drug dependence …", a line
    "Angiographic Inclusion Criteria - Phase 1"): read into their own list, the move was unseen (review r40 G4). The
    reader sees them under that heading, so they are moved, the page item given the section it is shown under. Only
    a heading the record writes once and puts after the item's own (a page splitting a later heading of the item's
    list at its dash, "EXCLUSION CRITERIA - DONOR:", would otherwise leave the item under the one before), and only
    where the record's own items, read so, do not show it under that heading too: a page showing the record as it is
    is never moved (NCT00497367's items under "Angiographic Exclusion Criteria - Phases 1 & 2", an inclusion item to
    the record parser, drew 14 false criticals: r45 F5)."""
    written = Counter(" ".join(h.lower().split()) for h, _, _ in heads)
    if any(n > 1 for n in written.values()) or any(sec not in SECTIONS for _, sec, _ in heads):
        return []
    record = {sec: [e.text for e in O if e.section == sec] for sec in SECTIONS}
    out = []
    for p in pairs:
        if len(p.o) != 1 or len(p.p) != 1:
            continue
        oe, pe = O[p.o[0]], P[p.p[0]]
        if not oe.placed or oe.label or oe.section != pe.section:
            continue
        under = _shown_under(pe.text, heads, shown.get(pe.section, []))
        if under is not None and heads[under][1] != pe.section and under > _own_heading(oe, heads) and \
                under != _shown_under(oe.text, heads, record[oe.section]):
            out.append((p, oe, replace(pe, section=heads[under][1])))
    return out
