"""Reading a page's eligibility criteria lists: headers ("Inclusion Criteria:", inline or alone), list items and
paragraphs, and which paragraph is one item. Split from `_reader` (labelled fields); the site readers import these
names from here. The splitting of one run-on paragraph is `_runon`'s (its numbers: `_runon_numbered`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..criteria_markers import END_HEADER, START_HEADER, header_kind, item_before_heading
from ._runon import split_dashes, split_paragraph, split_stars, strip_bullet, _BULLET
from ._figure_lines import OWN_NUMBER as _OWN_NUMBER, ends_sentence, figure_line
from ._runon_numbered import split_numbered, sub_list_to_end
from .base import HEADING_TAGS, Line, clean
from .common import strip_truncation


# A line that ends a criteria block without showing the list ended there: a pointer to more ("Read more", "Show all",
# "…See full criteria", "Loading...", an expander) or to the registry ("View on ClinicalTrials.gov"). A page cut there
# may show the rest behind it.
_NOT_AN_END = re.compile(r"^\W*(?:see|view|read|show|load|loading|expand|more|continue|click|open)\b|^(?:\.{3}|…)"
                         r"|clinicaltrials\.gov|\bfull (?:criteria|list|eligibility)\b", re.I)


def shown_end(line: Line | str | None) -> str | None:
    """The words a criteria block ended at, when they show the page's list ends there: a following section heading,
    field label or footer ("Sponsors", "Trial design", "Locations (1)"). None at the end of the page (a capture may
    stop anywhere) or at a pointer to more (`_NOT_AN_END`)."""
    text = clean(line.text if isinstance(line, Line) else line or "")
    if not text or len(text) > 80 or _NOT_AN_END.search(text):
        return None
    return text


# -- criteria ---------------------------------------------------------------------------

def criteria_item(line: Line) -> bool:
    """A line that is a criterion whatever it says: a list item, or a line that starts with a
    bullet. Older CT.gov records group criteria under sub-labels ("Age:", "Sex: Male",
    "Performance status:") that read like a site's field labels; inside the criteria they
    are items, and only a line outside the list (a heading, the next field) ends it."""
    return line.tag == "li" or bool(_BULLET.match(line.text))


_SUB_LABEL = re.compile(r"[^:：]{1,60}[:：]")


def criteria_sub_label(line: Line) -> bool:
    """"Age:" / "Hepatic:" alone on a line: a sub-heading of the criteria (sites print their
    own field labels without a trailing colon)."""
    return bool(_SUB_LABEL.fullmatch(line.text.strip()))


_INC = r"(?:(?:key|main|primary)\s+)?inclusion\s+criteria|who\s+may\s+qualify|who\s+can\s+join"
_EXC = r"(?:(?:key|main|primary)\s+)?(?:exclusion|non[- ]?inclusion)\s+criteria|who\s+should\s+not\s+join(?:\s+this\s+(?:trial|study))?|who\s+cannot\s+join"
# what a heading may say of its list in brackets before its colon: "Exclusion Criteria (Families):" (NCT03648918)
# or whom it is for with that bracket: "Exclusion Criteria for Siblings (probands and unaffected siblings):" (NCT00001486;
# "for" alone, "Main inclusion criteria for CCH: preventive …", is an item's words as often as not)
_HEAD_QUALIFIER = r"(?:\s+for\s+[^\W\d][\w/&,' -]{0,40}?)?\s*\([^()]{1,60}\)|"
_HEAD_ALONE = re.compile(rf"^\s*({_INC}|{_EXC})(?:{_HEAD_QUALIFIER})\s*[:：]?\s*$", re.I)
_HEAD_INLINE = re.compile(rf"(?:^|(?<=[\s.;]))({_INC}|{_EXC})(?:{_HEAD_QUALIFIER})\s*[:：]\s*", re.I)


_HEAD_FIRST_WORDS = ("inclusion", "exclusion", "non", "key", "main", "primary", "who")
# "… must meet the following inclusion criteria: a) …" is an item's own words, not a header
_IN_SENTENCE = re.compile(r"\b(?:the|following|these|those|all|any|such|this|listed|study's)\s+$")
# "… cardiovascular exclusion criteria: history of angina": a lower-case header word right after a
# lower-case word is the item's own words, unless a list starts after it ("… consent exclusion
# criteria: 1. …"); "… last item Exclusion Criteria: …" still heads a list
_LOWER_AFTER_WORD = re.compile(r"[a-z] [a-z]$")
_LIST_STARTS = re.compile(r"\s*\(?(?:1|a|i)[.)]\s")   # unless a numbered list starts after it
# "(5) MRI-confirmed ADDwoR. The Exclusion Criteria: 1. …" (NCT00936338: the record's item ends in a
# stray "The"): a capital "The" that starts a sentence, then a capitalised header and a list, heads it
_STRAY_THE = re.compile(r"[.;]\s+The\s+$")


def _split_heads(text: str) -> list[str]:
    """`_HEAD_INLINE.split(text)` without running the (slow: every position tries every
    wording) regex over the whole line: a line with neither "criteria" nor "who" (every
    wording has one) holds no header, and in the others a header can only start where one
    of its first words does, so the regex is tried there alone, left to right, as split
    would find them. Under re.I only "ı", "ſ" and "İ" match an ASCII letter that str.lower()
    does not give (and "İ" lower-cases to two characters): a line holding one takes the regex."""
    if "ı" in text or "ſ" in text or "İ" in text:
        return _HEAD_INLINE.split(text)
    low = text.lower()  # same length and positions as text
    if "criteria" not in low and "who" not in low:
        return [text]
    starts: set[int] = set()
    for word in _HEAD_FIRST_WORDS:
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            at = low.find(word, at + 1)
    out: list[str] = []
    last = 0
    for at in sorted(starts):
        if at < last:
            continue
        m = _HEAD_INLINE.match(text, at)  # (its look-behind sees the text before `at`)
        if not m:
            continue
        list_after = _LIST_STARTS.match(text, m.end()) is not None
        items_words = _IN_SENTENCE.search(low, max(0, at - 20), at) and not (
            list_after and text[at].isupper() and _STRAY_THE.search(text, max(0, at - 8), at))
        lower_run_on = _LOWER_AFTER_WORD.search(text, max(0, at - 3), at + 1) and not list_after
        if not items_words and not lower_run_on:
            out += [text[last:at], m.group(1)]
            last = m.end()
    out.append(text[last:])
    return out


# a heading the record wrote on a line of its own without a colon, numbered as a section of an outline, that the page
# ran into its paragraph after the last item's full stop: "… therapeutic activities. III.6 EXCLUSION CRITERIA
# Individuals will be precluded … conditions. Already enrolled …: 1. …" (NCT05266716; its exclusions and their lead-in,
# two sentences, were read into inclusion 9: a critical). Not any colonless heading: over the corpus's one-paragraph
# readings, "… . Exclusion Criteria Patients …" split 1,003 records (capitals alone: 52) whose lines without bullets stay
# run together, and 487 (2) of those pages drew alarms they had not drawn, more criticals on 329 (3)
_BARE_MID = (r"(?<=[.;!?])\s+[IVX]+\.\d+(?:\.\d+)*\.?\s+((?:(?:KEY|MAIN)\s+)?(?:INCLUSION|EXCLUSION)\s+CRITERIA)"
             r"\s+(?=[A-Z*]|\d{1,2}\.\s)")
# and one run in right before a bullet, where the record has it on a line of its own between two bulleted lists: "…
# (either chronic or on-demanding). Angiographic inclusion criteria * Target lesions …", "… primary endpoint Angiographic
# exclusion criteria * Vessel size …" (NCT04345965: both read into the item before). Capitalised section words stand
# alone ("… with HIV Exclusion Criteria *": "HIV" is the item's); small ones take the one or two capitalised words
# before them that start the record's line. A bullet after it means its list is read item by item, as the record's,
# which the lines without bullets after any colonless heading were not
_BARE_HEADING = (r"(?:(?:Key|Main|Study|KEY|MAIN|STUDY)\s+)?(?:Inclusion|Exclusion|INCLUSION|EXCLUSION)\s+(?:Criteria|CRITERIA)"
                 r"|(?:[A-Z][a-z]+\s+){1,2}(?:inclusion|exclusion)\s+criteria")
# (a "*" or "•" bullet only: before a "-" one, 61 one-paragraph readings changed, 14 of those pages drew alarms they had
# not drawn, mostly legacy lists whose lines without bullets stay run together; with "*" and "•", 21 and none)
_BARE = re.compile(rf"{_BARE_MID}|(?:^|(?<=\s))({_BARE_HEADING})\s+(?=[*•]\s)")
# and one that starts the paragraph, before a lead-in or label of the record's own that ends at a colon: "Exclusion
# Criteria Co-existing Condition: Patients with the following are excluded: - …" (the old AIDS trials' template, its
# heading a line of its own with no colon; NCT00002071, NCT00002072, NCT00002302: read as one inclusion item, 3
# criticals on the record's own text), "Inclusion Criteria Patients must have: - …". Not one whose words after it are
# the heading's own ("INCLUSION CRITERIA FOR ALL SUBJECTS:", NCT00001308; "Inclusion Criteria Part A:")
_BARE_FIRST = re.compile(r"\s*((?:INCLUSION|EXCLUSION|Inclusion|Exclusion)\s+(?:CRITERIA|Criteria))\s+"
                         r"(?!(?i:for|of|in|to|and|or|on|at|by|with|part|phase|cohort|group|arm|stage|step)\b)"
                         r"(?=[A-Z][\w-]*(?:\s+[\w-]+){0,11}\s*:)")
# the record's "ELIGIBILITY FOR <part>:" heading line run in after a sentence's end: "… congestive heart failure.
# ELIGIBILITY FOR ORAL IMAGING SUBSTUDY: Participation in this substudy requires …" (NCT00001698: the substudy's
# requirements were read into the last exclusion). An inclusion heading, as the record's parser reads it
_ELIGIBILITY_MID = re.compile(r"(?<=[.;!?])\s+((?:ELIGIBILITY|Eligibility|ELIGIBLITY)\s[^:.;]{1,110}:)\s*")
# the same heading alone on a line of the page's list ("Angiographic inclusion criteria" between two lists' items)
_BARE_ALONE = re.compile(rf"\s*({_BARE_HEADING})\s*")
# the words that start a line before such a heading ("Angiographic Inclusion Criteria - Phases 1 & 2"), the bullet after an
# item a heading was written after ("… * Exclusion Criteria * a"), an item's own words, not a heading ("Not meeting
# inclusion criteria * …", "Any exclusion criteria *")
_LINE_START_WORDS = re.compile(r"\s*(?:[*•\-]\s+)?(?:[A-Z][A-Za-z]+\s+){1,2}")
_TRAILING_BULLET = re.compile(r"(?:^|\s+)[*•\-]\s*$")
_ITEMS_WORDS = re.compile(r"(?:Not|No|None|Any|All|Failure|Meets?|Meeting|The|These|Those)\s")


def _split_bare_heads(pieces: list[str]) -> list[str]:
    """`_split_heads`' pieces ([before, head, after, head, after…]) with the words between split at `_BARE`."""
    out: list[str] = []
    first = _BARE_FIRST.match(pieces[0])
    if first:
        pieces = ["", first.group(1), pieces[0][first.end():]] + pieces[1:]
    for k, piece in enumerate(pieces):
        heads = [] if k % 2 == 1 else sorted(
            [m for m in _BARE.finditer(piece) if not _ITEMS_WORDS.match(m.group(2) or "")]
            + [m for m in _ELIGIBILITY_MID.finditer(piece) if _record_heading(m.group(1), "") == "inclusion"],
            key=lambda m: m.start())
        if not heads:
            out.append(piece)
            continue
        last = 0
        for m in heads:
            before = _TRAILING_BULLET.sub("", piece[last:m.start()])
            if k == 0 and last == 0 and _LINE_START_WORDS.fullmatch(before):
                before = ""   # (the words starting the line are the heading's)
            out += [before, m.group(1) or m.group(2)]
            last = m.end()
        out.append(piece[last:])
    return out


_EXC_START = re.compile(_EXC, re.I)


def _is_exclusion(head: str) -> bool:
    return _EXC_START.match(head.strip()) is not None or "exclusion" in head.lower()   # "Study Exclusion Criteria"


def _text_of(line: Line | str | None) -> str:
    return "" if line is None else strip_bullet(line.text if isinstance(line, Line) else line)


def _own_number(line: Line | str | None) -> int | None:
    own = _OWN_NUMBER.match(_text_of(line))
    return int(own.group(1)) if own else None


def _list_line(line: Line | str | None) -> bool:
    """Is this neighbour one more criterion of the same list (not a heading, nor a line holding one)?"""
    text = _text_of(line)
    if not text or (isinstance(line, Line) and line.tag in HEADING_TAGS) or _HEAD_ALONE.match(text):
        return False
    return not START_HEADER.match(text) and not END_HEADER.search(text) and len(_split_heads(text)) == 1


def _one_item(text: str, before: Line | str | None, after: Line | str | None) -> bool:
    """Is this paragraph one item of a list the page shows one paragraph per item, the numbers inside it its own
    sub-list's?

    - It starts with its number N and the next line with N + 1: its numbers are never the list's next item, which the
      next line is ("2. … insufficient response: 1. … 2. … 3. Patients whose DAI …" above "3. Patients shown via
      colonoscopy …", NCT00463151).
    - It starts with N, the line before with N - 1, no numbered line follows (the list's last item, before the next
      heading), and after its lead-in's colon its numbers restart at 1 and run to its end (`sub_list_to_end`): "2. Has
      one of: 1. Aaa 2. Bbb 3. Ccc" (its "3." is no item 3: the page would have given that a paragraph).
    - It has no number of its own, a neighbour is another criterion of its list, and it is a lead-in and its
      restarted run: "Abnormal Laboratory Values: 1. … 2. … 3. …" (NCT00379756). Alone under its heading (a whole
      list run into one paragraph, "Patients must meet all of the following: 1. … 2. …") it is the list's
      introduction and its items, and is split as before: read whole, 9 of the corpus's 9 such lists the record
      shows as introduction and items drew a "criteria merged" warning (split: 52 of 53 clean the other way)."""
    own = _own_number(text)
    nxt = _own_number(after)
    if own is not None:
        if nxt == own + 1:
            return True
        return nxt is None and _own_number(before) == own - 1 and sub_list_to_end(text, _OWN_NUMBER.match(text).end())
    return (_list_line(before) or _list_line(after)) and (sub_list_to_end(text) or _bullet_sub_list(text))


def _bullet_sub_list(text: str) -> bool:
    """"Has one of the following: * Aaa * Bbb": a lead-in and its "*" bullets in one paragraph (`split_stars`). Among
    other criteria, one paragraph per item, they are that item's sub-list (bench/runon_gaps.py --paragraphs: 41 pages
    read their sub-items as criteria of their own), as a numbered one is. So too a lead-in and its "-" bullets, which
    `split_dashes` cuts after a lead-in too (a whole list run into one paragraph, NCT00002071), read whole there as
    before."""
    text = clean(text)
    parts = split_stars(text)
    if parts is None and text[:1] not in "-•":   # (a "- Lead: - a" paragraph was split on its bullets before)
        parts = split_dashes(text)
    return parts is not None and len(parts) > 1 and parts[0].rstrip().endswith((":", "："))


def _bullet_run(text: str, before: Line | str | None, after: Line | str | None) -> bool:
    """Does this paragraph start with the first of its bullets ("* a * b * c", "- a - b - c", no heading before it)?
    Then that bullet is the list's: stripped, the rest no longer starts with one and was read as one item (NCT00033839).
    A "-" line among other bulleted lines is one item of a list shown one item a line, its " - " the item's own; a "-"
    paragraph whose numbers split it is a numbered list (NCT00001405: "- ELIGIBILITY CRITERIA: … 1. … 2. …")."""
    lead = text.lstrip()[:1]
    if lead == "*":
        parts = split_stars(clean(text))
    elif lead and lead in "-•" and not any(_bulleted(n) for n in (before, after)):
        parts = split_dashes(clean(text))
        if parts and len(split_numbered(parts[0])) > 1:
            return False   # its numbering comes first: "- ELIGIBILITY CRITERIA: … 1. … 2. …" is a numbered list
    else:
        return False
    return parts is not None and len(parts) > 1


# the words of a heading as a record writes one ("INCLUSION CRITERIA", "Exclusion Criteria"), wherever in an item
_HEAD_WORDS = re.compile(r"\b(?:INCLUSION|EXCLUSION)\s+CRITERIA\b|\b(?:Inclusion|Exclusion)\s+Criteria\b")


def _items_and_heads(piece: str) -> list[tuple[str, str | None]]:
    """A paragraph's items (`split_paragraph`), each with the heading that follows it, if any. In a "- a - b" run a
    heading without a colon is read where the dashes show it: alone as a bullet's words ("- INCLUSION CRITERIA - a",
    the record's "INCLUSION CRITERIA - Normal Volunteers:" cut at its dash) or after an item's full stop, a heading line
    without a bullet run into the item before ("… or crying. EXCLUSION CRITERIA - Patients with …:"). Read as items,
    the reasons to stay out after them were listed as requirements (NCT00001922: a critical the record does not
    back). Only when every heading in the run is read so: one left in an item's words ("… Pregnancy INCLUSION
    CRITERIA - for the Parents …", no full stop) would put the lists after it under the heading before it
    (NCT00006334), so the run is read as before, its items under the heading it started under."""
    items = split_paragraph(piece)
    plain = [(it, None) for it in items]
    if len(items) < 2 or split_dashes(clean(piece)) is None:
        return plain
    out: list[tuple[str, str | None]] = []
    for it in items:
        alone = _HEAD_ALONE.match(it) or _BARE_ALONE.fullmatch(it)
        end = END_HEADER.search(it)
        kind = None if alone else _record_heading(it, "")
        if alone and not _ITEMS_WORDS.match(alone.group(1)):
            out.append(("", alone.group(1)))
        elif _heading_after(it):
            out.append(_heading_after(it))
        elif kind and _ITEM_THEN_HEAD.fullmatch(it):
            # ("- family caregiver Exclusion Criteria - Emotional …", NCT00006253: the record's last inclusion, then its
            # colonless heading line; read as the heading alone, the item was "left out" of the record's own text)
            out.append((_ITEM_THEN_HEAD.fullmatch(it).group(1).strip(), kind))
        elif kind:
            out.append(("", kind))   # ("- INCLUSION CRITERIA FOR ADULT PATIENTS … CYCLOSPORINE: - …", NCT00001392)
        elif end:
            out.append((it[:end.start()].strip(), end.group(1)))
        elif _HEAD_WORDS.search(it):
            return plain   # a heading in an item's words ("… Pregnancy INCLUSION CRITERIA"): not read, nor the others
        else:
            out.append((it, None))
    return out


# an item in lower case with a title-case heading run in after it, no colon: "family caregiver Exclusion Criteria"
_ITEM_THEN_HEAD = re.compile(r"([a-z][^:]*?)\s+(?:Inclusion|Exclusion)\s+Criteria\s*")


# the record's "Eligibility Criteria for <part>:" heading line (scrapers.criteria_markers: an inclusion heading) run in
# after the item before it, no bullet of its own: "- Prior or concurrent radiotherapy for this malignancy Eligibility
# Criteria for Re-registration for Patients Randomized Pre-operatively: - Must have …" (NCT00002525: read as one item,
# the part's requirements after it stayed with the exclusions, two criticals on the record's own text); so too "-
# Pregnant Exclusion Criteria for BASALT Study: - …" (NCT00495157), a heading whose part the page's own rules do not
# read (not "… Inclusion of Women and Minorities:", NCT00498771, the record's own item words). Not after a word that
# makes it the item's ("… who meet Eligibility Criteria for Part A:")
_ITEM_THEN_PART_HEAD = re.compile(r"(.*?[^\s:])\s+((?:(?:Eligibility|ELIGIBILITY|ELIGIBLITY)\s|(?:Inclusion|INCLUSION|"
                                  r"Exclusion|EXCLUSION)\s+(?:Criteria|CRITERIA)\s+(?:for|FOR)\s)[^:]{1,110}:)\s*")
_ITEM_WORD_BEFORE = re.compile(r"(?:meet|meets|meeting|met|the|all|any|of|with|per|see|other|these|those|following)$",
                               re.I)


def _heading_after(item: str) -> tuple[str, str] | None:
    """(the item's words, 'inclusion'|'exclusion') for an item with a heading of a part run in at its end
    (`_ITEM_THEN_PART_HEAD`), as the record's parser reads that heading alone; None otherwise."""
    m = _ITEM_THEN_PART_HEAD.fullmatch(item)
    if m is None or _ITEM_WORD_BEFORE.search(m.group(1)):
        return None
    kind = _record_heading(m.group(2), "")
    return (m.group(1).strip(), kind) if kind in ("inclusion", "exclusion") else None


# where such a heading ends: its colon, "criteria", "exclusions" (not "Exclusion criteria of the parent study apply", an
# item, as the pages show it)
_HEADING_END = re.compile(r"(?::|\bcriteria|\b(?:in|ex)clusions)\s*$", re.I)


def _record_heading(text: str, section: str) -> str | None:
    """'inclusion'/'exclusion' for a line that is all a heading the record's parser reads (header_kind), where the
    page's own heading rules do not: "III.VI. STUDY EXCLUSIONS:", "INCLUSION CRITERIA FOR ADULT PATIENTS PARTICIPATING
    IN …:", "GENERAL EXCLUSION CRITERIA", "Partner Inclusion Criteria:" (NCT00001350, NCT00001392, NCT00001539,
    NCT00833638). Read as items, the page's lists and the record's parted there (NCT00001539: 8 criticals on its own
    text). Not a line with words after its heading ("Inclusion Criteria: No eligibility criteria", a heading and an
    item), one START_HEADER or END_HEADER cuts, nor an item of `section`'s list with the other list's heading run in
    ("Stable heterosexual relationship Exclusion Criteria:", read as the record's bulleted line: item, then heading)."""
    kind = header_kind(text)
    if (kind not in ("inclusion", "exclusion") or START_HEADER.match(text) or END_HEADER.search(text)
            or not _HEADING_END.search(text)):
        return None
    pieces = _split_heads(text)
    if len(pieces) > 1 and pieces[-1].strip():
        return None
    return kind if item_before_heading(text, section) is None else None


def _sentence_end(raw: str, at: int, lines: list[Line | str]) -> str | None:
    """The words paragraph `at` (`raw`, as shown) adds to the sentence the paragraph before breaks off, when it is the
    figure that ends it (`_figure_lines.ends_sentence`), the line before no heading. None otherwise."""
    text = clean(raw)
    if not at or not figure_line(text):
        return None   # (most lines: no figure line, so the line before is not read)
    before = lines[at - 1]
    prev, tag = (before.text, before.tag) if isinstance(before, Line) else (before, "p")
    prev = clean(prev)
    if tag in HEADING_TAGS or _HEAD_ALONE.match(strip_bullet(prev)):
        return None
    return text if ends_sentence(text, prev, [_text_of(other) for other in lines]) else None


def _bulleted(line: Line | str | None) -> bool:
    return line is not None and criteria_item(line if isinstance(line, Line) else Line(line, "p"))


def criteria_lists(lines: Iterable[Line | str], heads: set[str] | None = None) -> tuple[list[str], list[str], bool]:
    """(inclusion, exclusion, truncated) from the lines of an eligibility section.

    Headers may be lines, list items ("Inclusion Criteria:" as an li) or inline in a
    paragraph ("Inclusion Criteria: 1. … Exclusion Criteria: 1. …"); list items are kept
    as shown (bullets stripped), paragraphs split on their numbering. Items before any
    header count as inclusion. A "...See full criteria" marker sets truncated. `heads`, when
    given, gets the headers seen ("inclusion", "exclusion"), even one with no items under it.
    """
    inc: list[str] = []
    exc: list[str] = []

    def list_for(head: str) -> list[str]:
        excl = _is_exclusion(head)
        if heads is not None:
            heads.add("exclusion" if excl else "inclusion")
        return exc if excl else inc

    target = inc
    filled: tuple[int, int] | None = None   # (the line, the list) the last item was read from, into
    lines = list(lines)
    for at, ln in enumerate(lines):
        text, tag = (ln.text, ln.tag) if isinstance(ln, Line) else (ln, "p")
        before, after = (lines[at - 1] if at else None), (lines[at + 1] if at + 1 < len(lines) else None)
        end_of_sentence = _sentence_end(text, at, lines) if tag != "li" and filled == (at - 1, id(target)) else None
        if end_of_sentence:
            target[-1] = f"{target[-1]} {end_of_sentence}"   # ("… under the age of" / "18.": one sentence, as the record's)
            continue
        text = text if tag != "li" and _bullet_run(text, before, after) else strip_bullet(text)
        m = _HEAD_ALONE.match(text) or (tag != "li" and _BARE_ALONE.fullmatch(text))
        if m and not _ITEMS_WORDS.match(m.group(1)):
            target = list_for(m.group(1))
            continue
        kind = _record_heading(text, "exclusion" if target is exc else "inclusion")
        if kind:
            target = list_for(kind)
            continue
        # a heading the record ran into an item without a colon, as the official parser reads it:
        # "Study Exclusion Criteria. History of …" starts its list, "… immunotherapy. Exclusion Criteria" ends one
        start = START_HEADER.match(text)
        if start:
            target = list_for(start.group(1))
            text = text[start.end():]
        next_target = None
        end = END_HEADER.search(text)
        if end:
            next_target = list_for(end.group(1))
            text = text[:end.start()]
        pieces = _split_heads(text)
        if tag == "li" and pieces[0].strip():
            pieces = [text]  # a list item with words before "exclusion criteria:" is one criterion
        elif tag != "li":
            pieces = _split_bare_heads(pieces)
        # pieces: [before, head, after, head, after…]
        for k, piece in enumerate(pieces):
            if k % 2 == 1:
                target = list_for(piece)
                continue
            # (nor the bullet a paragraph's heading was written after: "* Inclusion …:", "- INCLUSION CRITERIA: - …")
            if piece.strip() in ("", "*") or (k == 0 and len(pieces) > 1 and piece.strip() in ("-", "•")):
                continue
            # (a heading the record reads before another: "Eligibility Criteria for Randomization: Inclusion Criteria:
            # - …", NCT00002525, read as an item before)
            if len(pieces) > 1 and tag != "li" and _record_heading(piece.strip(), "") == "inclusion" and k == 0:
                target = list_for("inclusion")
                continue
            if len(pieces) == 1 and (tag == "li" or _one_item(text, before, after)):
                target.append(piece.strip())
                filled = (at, id(target))
                continue
            for item, head in _items_and_heads(piece):
                if item:
                    target.append(item)
                    filled = (at, id(target))
                if head:
                    target = list_for(head)
        if next_target is not None:
            target = next_target
    inc, t1 = strip_truncation(inc)
    exc, t2 = strip_truncation(exc)
    return inc, exc, t1 or t2


def read_criteria_into(rec, lines: Iterable[Line | str], end: Line | str | None = None) -> None:
    """A PageRecord's inclusion, exclusion, criteria_truncated and criteria_headings from the lines of an
    eligibility section (`criteria_lists`); with `end`, the line the section ended at, criteria_ends_at when that
    shows where the page's list ends (`shown_end`: a list cut by a marker has no end to show)."""
    heads: set[str] = set()
    rec.inclusion, rec.exclusion, rec.criteria_truncated = criteria_lists(lines, heads)
    rec.criteria_headings = sorted(heads)
    shown = (rec.inclusion or rec.exclusion) and not rec.criteria_truncated
    rec.criteria_ends_at = shown_end(end) if shown else None
