"""Criteria headings in a page's lines and paragraphs: "Inclusion Criteria:" alone or inline, a heading the record
wrote without a colon that a page ran into its text ("… therapeutic activities. III.6 EXCLUSION CRITERIA …", "Exclusion
Criteria Co-existing Condition: …"), and the headings the record's parser reads that the page's own rules do not
("Eligibility Criteria for <part>:", "GENERAL EXCLUSION CRITERIA"). Split from `_criteria_lists` (the reader of a
section's lines), which uses these."""

from __future__ import annotations

import re

from ..criteria_markers import END_HEADER, START_HEADER, header_kind, item_before_heading

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
# and one after a sentence's end or a closed bracket with a capital after it, where the record's line could start: "…
# within 14 days of study entry. Exclusion Criteria Co-existing Condition: Patients with …" (the converted legacy
# records' colonless heading line, which a site printing the record as one paragraph runs in; unread, the exclusions
# after it were read as requirements run into the last one: bench.paragraph_pages --one-paragraph, the shared reader
# alone, 37 -> 2 of 797 pages warned). As CheckOrphan's own rule reads it (checkorphan._COLONLESS_HEAD). Never in small
# letters ("… patients with exclusion criteria as listed …") nor before one ("Exclusion Criteria as listed in …")
_BARE_AFTER_STOP = re.compile(r"(?<=[.;:!?)\]])\s+((?:INCLUSION|EXCLUSION|Inclusion|Exclusion)\s+(?:CRITERIA|Criteria))"
                              r"(?=\s+[A-Z])")
# and one that starts the paragraph, before a lead-in or label of the record's own that ends at a colon: "Exclusion
# Criteria Co-existing Condition: Patients with the following are excluded: - …" (the old AIDS trials' template, its
# heading a line of its own with no colon; NCT00002071, NCT00002072, NCT00002302: read as one inclusion item, 3
# criticals on the record's own text), "Inclusion Criteria Patients must have: - …". Not one whose words after it are
# the heading's own ("INCLUSION CRITERIA FOR ALL SUBJECTS:", NCT00001308; "Inclusion Criteria Part A:")
_BARE_FIRST = re.compile(r"\s*((?:INCLUSION|EXCLUSION|Inclusion|Exclusion)\s+(?:CRITERIA|Criteria))\s+"
                         r"(?!(?i:for|of|in|to|and|or|on|at|by|with|part|phase|cohort|group|arm|stage|step)\b)"
                         r"(?=[A-Z][\w-]*(?:\s+[\w-]+){0,11}\s*:)")
# and the record's heading line that points to another part's list, "All inclusion criteria for B.1 (above)", run in at
# the paragraph's start or after a lead-in's colon or a sentence's end: "… may be eligible … if they meet the following
# additional criteria: All inclusion criteria for B.1 (above) Treatment failure as defined by …" (NCT00006177, the only
# such lines in the corpus; the record's parser reads each as its list's heading. Unread, the inclusion items after it
# were read into the last exclusion item: a critical on the record's own text, bench.paragraph_pages --one-paragraph)
_POINTER_HEAD = re.compile(r"(?:^|(?<=[.;:!?)\]]))\s*(All\s+(?:inclusion|exclusion)\s+criteria\s+for\s+[^\s()]{1,20}"
                           r"(?:\s+[^\s()]+){0,3}\s+\((?:above|below)\))(?=\s+[A-Z])")
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
_CAPS_BEFORE_DASH = re.compile(r"(?:^|(?<=[a-z])\s)\s*((?:INCLUSION|EXCLUSION)\s+CRITERIA)\s+(?=-\s+[A-Z])")
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
            + [m for m in _ELIGIBILITY_MID.finditer(piece) if _record_heading(m.group(1), "") == "inclusion"]
            + list(_BARE_AFTER_STOP.finditer(piece)) + list(_CAPS_BEFORE_DASH.finditer(piece))
            + [m for m in _POINTER_HEAD.finditer(piece) if header_kind(m.group(1)) in ("inclusion", "exclusion")],
            key=lambda m: m.start())
        if not heads:
            out.append(piece)
            continue
        last = 0
        for m in heads:
            if m.start() < last:
                continue   # (a heading two rules read)
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


# the words of a heading as a record writes one ("INCLUSION CRITERIA", "Exclusion Criteria"), wherever in an item
_HEAD_WORDS = re.compile(r"\b(?:INCLUSION|EXCLUSION)\s+CRITERIA\b|\b(?:Inclusion|Exclusion)\s+Criteria\b")


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


# where such a heading ends: its colon, "criteria", "exclusions", a pointer to another part's list ("All inclusion
# criteria for B.1 (above)", NCT00006177, a line of its own: `_POINTER_HEAD`) (not "Exclusion criteria of the parent study
# apply", an item, as the pages show it)
_HEADING_END = re.compile(r"(?::|\bcriteria|\b(?:in|ex)clusions|\bcriteria\s+for\s+[^()]{1,40}\((?:above|below)\))\s*$",
                          re.I)


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


# a part's heading the record wrapped over two lines, its list's heading at the second's end, that a page ran into one
# paragraph: "Eligibility criteria for the secondary randomisation to once vs twice daily" / "lamivudine+abacavir
# Inclusion criteria" (NCT02028676, the only such lines in the corpus; the record's parser reads the first line as an
# item of the list before and the second as the heading of a list that follows). Only a paragraph that starts as a
# part's heading does ("Eligibility …") and holds no sentence's stop: an item's words may end in "… Exclusion criteria"
_WRAPPED_PART_HEAD = re.compile(r"((?:Eligibility|ELIGIBILITY)\s[^.;:!?]*?\S)\s+((?i:inclusion|exclusion)\s+(?i:criteria))\s*")


def wrapped_part_heading(text: str) -> tuple[str, str] | None:
    """(the item, 'inclusion'|'exclusion') for a paragraph that is a part's heading wrapped before its list's heading
    (`_WRAPPED_PART_HEAD`); None otherwise. Whether a list follows it is the caller's to say."""
    m = _WRAPPED_PART_HEAD.fullmatch(text)
    if m is None:
        return None
    return m.group(1), "exclusion" if _is_exclusion(m.group(2)) else "inclusion"


# the words after a heading on its own line that name whom its list is for, as the record's parser reads them (all one
# heading, header_kind): "INCLUSION CRITERIA: Recipient:", "INCLUSION CRITERIA: DONOR", "Inclusion Criteria: Cohort
# Study", "PATIENT (Any of the following)" (18 such lines in the corpus, NCT00006184, NCT00006413, NCT00001396 …)
_NOT_A_GROUP = re.compile(r"^\W*(?:none|no|not|n/?a)\b|\d|^\s*[-*•]", re.I)
_SMALL = frozenset("a an and as at by for from in of on or the to with".split())
# words naming whom a list is for, in a heading's name of its group
_GROUP_WORDS = frozenset("cohort cohorts group groups arm arms part study substudy donor donors recipient recipients "
                         "patient patients control controls volunteer volunteers subject subjects participant "
                         "participants population".split())


def qualified_heading(text: str, loose: bool = False) -> str | None:
    """'inclusion'/'exclusion' for a line that is a heading with a group's name after it, all one heading to the
    record's parser: read as an item, the page listed "Recipient:" and "Donor:" as requirements the record does not
    have (NCT00006184 and NCT00006413 on their own generic pages, 2 warnings each per layout). Only a name: a few words
    ending in a colon or a bracket, in capitals, or two or more each capitalised; no figure, bullet nor "None"
    ("Inclusion Criteria: No eligibility criteria" stays a heading and an item). `loose`: the page names its groups
    elsewhere (another heading qualifies on its own), so capitals or Title Case alone name one too ("INCLUSION
    CRITERIA: DDD Pacemaker Therapy" beside "… : Cohort Study", NCT00001396)."""
    kind = header_kind(text)
    pieces = _split_heads(text)
    if kind not in ("inclusion", "exclusion") or len(pieces) != 3 or pieces[0].strip():
        return None
    rest = pieces[2].strip()
    words = rest.rstrip(":").split()
    if not words or len(words) > 8 or _NOT_A_GROUP.search(rest):
        return None
    # (capitals or Title Case alone say nothing: "Exclusion Criteria: Known HIV Infection", "Pregnant Women",
    # "PREGNANCY" are a site's first item on the heading's line, read as a heading then said left out: review r61 F1.
    # Without a colon or bracket, a name says whom its list is for: "Cohort Study", "DONOR", "PATIENT")
    capitalised = rest.isupper() or len(words) > 1 and all(
        w[:1].isupper() or not w[:1].isalpha() for w in words if w.lower() not in _SMALL)
    named = rest.endswith((":", ")")) or capitalised and (
        loose or any(w.lower().strip("(),") in _GROUP_WORDS for w in words))
    return kind if named else None
