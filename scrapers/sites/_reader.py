"""Reading labelled fields, sections and criteria lists from the reader's view of a page.

The four seed sites print a label and then its value, in whatever markup: "Label: value"
in one element, label and value as siblings (dt/dd, th/td, nested divs), or inline spans
run together ("Recruitment StatusRECRUITING"). These readers accept all of those, and
take a value only when it is not itself the next label: ClinicalTrials.Veeva prints
labels with no values, and a label must never be read as a value.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache

from ..criteria_markers import END_HEADER, START_HEADER
from .base import HEADING_TAGS, Line, Page, clean
# split_numbered and strip_bullet are also read from here (tests, site scrapers)
from ._runon import _BULLET, split_numbered, split_paragraph, strip_bullet  # noqa: F401
from .common import strip_truncation


_NORM_END = re.compile(r"[\s:：?]+$")
_LABEL_HEAD = re.compile(r"^([^:：]{1,60})[:：]")
_LABEL_VALUE = re.compile(r"^([^:：]{1,60})[:：]\s*(\S.*)$")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """A label as compared: lower case, without trailing colon, question mark or spaces.
    Cached: every line of a page is compared with many labels."""
    t = text.strip()
    if t[-1:] in (":", "：", "?"):  # (else nothing for _NORM_END to take: strip() took the spaces)
        t = _NORM_END.sub("", t)
    return t.lower()


def _label_forms(labels: Iterable[str]) -> frozenset[str]:
    return _forms(tuple(labels))


@lru_cache(maxsize=1024)
def _forms(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(norm(lb) for lb in labels)


def value_after(page: Page, labels: Iterable[str], *, others: Iterable[str] = (), start: int = 0,
                end: int | None = None, accept: Callable[[str], bool] | None = None) -> str | None:
    """The value shown for the first of `labels` on the page (searching from `start`).

    Forms read: a line that is the label, then the value on the next line; "Label: value"
    on one line; a line whose inline parts are the label and the value; and, when `accept`
    says the rest is a value, the label run together with it ("StatusRecruiting").
    Returns None when the next line is one of `others` (another label: an empty field), a
    heading, or rejected by `accept`.
    """
    labels = tuple(labels)
    want = _label_forms(labels)
    stop_words = _label_forms(others) | want
    stop = len(page.lines) if end is None else min(end, len(page.lines))
    keys = _label_keys(page)
    lines = page.lines
    for i in range(start, stop):
        line = lines[i]
        full, head = keys[i]
        if full in want:
            if i + 1 >= stop:
                return None
            nxt = lines[i + 1]
            if keys[i + 1][0] in stop_words or (nxt.tag in HEADING_TAGS and line.tag in HEADING_TAGS and nxt.tag <= line.tag):
                return None
            if accept is not None and not accept(nxt.text):
                return None
            return nxt.text
        value = _inline_value(line, want, accept, labels, head)
        if value is not None:
            return value
    return None


def _inline_value(line: Line, want: set[str], accept: Callable[[str], bool] | None,
                  printed: tuple[str, ...], head: str | None) -> str | None:
    """`head`: the line's label before its colon (`_line_key`), None when it has none."""
    t = line.text
    if head is not None and head in want:  # (_LABEL_VALUE's label is _LABEL_HEAD's)
        m = _LABEL_VALUE.match(t)
        if m:
            return clean(m.group(2))
    if len(line.parts) > 1 and norm(line.parts[0]) in want:
        rest = clean(" ".join(line.parts[1:]))
        if rest and (accept is None or accept(rest)):
            return rest
    if accept is not None and printed:
        # "Recruitment StatusRECRUITING": the label exactly as the site prints it, then the
        # value starting with a capital or digit (so "PHASE1/PHASE2" is not "Phase" + "1/PHASE2")
        for lb in printed:
            if t.startswith(lb) and len(t) > len(lb) and not t[len(lb)].islower():
                rest = clean(t[len(lb):].lstrip(":： "))
                if rest and accept(rest):
                    return rest
    return None


@lru_cache(maxsize=65536)
def _line_key(text: str) -> tuple[str, str | None]:
    """(the line as a label, the label before its colon or None). Cached: a page's
    chrome-free view repeats most of the page's lines."""
    # (a label before a colon is at most 60 characters: most lines have no colon that early)
    m = _LABEL_HEAD.match(text) if ":" in text[:61] or "：" in text[:61] else None
    return norm(text), norm(m.group(1)) if m else None


def _label_index(page: Page) -> tuple[list[tuple[str, str | None]], dict[str, list[int]]]:
    """Per line its `_line_key`, and each key's line indices in order, computed once per page
    view (memo in the view's __dict__, dropped with its lines) — pages run to thousands of
    lines and labels are looked up often."""
    cached = page.__dict__.get("_label_keys")
    if cached is not None and cached[0] is page.lines:
        return cached[1], cached[2]
    keys = [_line_key(t) for t in page.texts]
    index: dict[str, list[int]] = {}
    for i, (full, head) in enumerate(keys):
        index.setdefault(full, []).append(i)
        if head is not None and head != full:
            index.setdefault(head, []).append(i)
    page.__dict__["_label_keys"] = (page.lines, keys, index)
    return keys, index


def _label_keys(page: Page) -> list[tuple[str, str | None]]:
    return _label_index(page)[0]


def find_label(page: Page, labels: Iterable[str], start: int = 0, end: int | None = None) -> int | None:
    """Index of the first line that is one of `labels`, alone or as "Label: value"."""
    want = _label_forms(labels)
    keys, index = _label_index(page)
    stop = len(keys) if end is None else min(end, len(keys))
    if start < 0:  # (counts from the end, as range() over keys would: scan)
        for i in range(start, stop):
            full, head = keys[i]
            if full in want or (head is not None and head in want):
                return i
        return None
    best = None
    for form in want:  # the first line at or after `start` under each form, by bisection
        at = index.get(form)
        if at:
            k = bisect_left(at, start)
            if k < len(at) and at[k] < stop and (best is None or at[k] < best):
                best = at[k]
    return best


def lines_after(page: Page, idx: int, stops: Iterable[str] = (), *, stop_if: Callable[[Line], bool] | None = None) -> list[Line]:
    """Lines after the label or heading at `idx`, up to the next of `stops` (known labels),
    a line `stop_if` accepts, or a heading at the same or a higher level."""
    return lines_until(page, idx, stops, stop_if=stop_if)[0]


def lines_until(page: Page, idx: int, stops: Iterable[str] = (), *,
                stop_if: Callable[[Line], bool] | None = None) -> tuple[list[Line], Line | None]:
    """`lines_after`, and the line that ended them (None when the page did): what `shown_end` is asked about."""
    stop_set = _label_forms(stops)
    level = page.lines[idx].tag
    out: list[Line] = []
    first = page.texts[idx]
    m = _LABEL_VALUE.match(first)
    if m:  # "Conditions: Ischemic Stroke" — the value shares the label's line
        out.append(Line(clean(m.group(2)), page.lines[idx].tag))
    for ln in page.lines[idx + 1:]:
        if norm(ln.text) in stop_set or (stop_if is not None and stop_if(ln)):
            return out, ln
        if ln.tag in HEADING_TAGS and (level not in HEADING_TAGS or ln.tag <= level):
            return out, ln
        out.append(ln)
    return out, None


def section(page: Page, labels: Iterable[str], stops: Iterable[str] = (), *, start: int = 0,
            stop_if: Callable[[Line], bool] | None = None) -> list[Line]:
    """Lines of the section under the first of `labels` (see `lines_after`); [] when absent."""
    return section_until(page, labels, stops, start=start, stop_if=stop_if)[0]


def section_until(page: Page, labels: Iterable[str], stops: Iterable[str] = (), *, start: int = 0,
                  stop_if: Callable[[Line], bool] | None = None) -> tuple[list[Line], Line | None]:
    """`section`, and the line that ended it (None when the page did, or there is no such section)."""
    i = find_label(page, labels, start)
    return ([], None) if i is None else lines_until(page, i, stops, stop_if=stop_if)


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
_EXC = r"(?:(?:key|main|primary)\s+)?exclusion\s+criteria|who\s+should\s+not\s+join(?:\s+this\s+(?:trial|study))?|who\s+cannot\s+join"
_HEAD_ALONE = re.compile(rf"^\s*({_INC}|{_EXC})\s*[:：]?\s*$", re.I)
_HEAD_INLINE = re.compile(rf"(?:^|(?<=[\s.;]))({_INC}|{_EXC})\s*[:：]\s*", re.I)


_HEAD_FIRST_WORDS = ("inclusion", "exclusion", "key", "main", "primary", "who")
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


_EXC_START = re.compile(_EXC, re.I)


def _is_exclusion(head: str) -> bool:
    return _EXC_START.match(head.strip()) is not None or "exclusion" in head.lower()   # "Study Exclusion Criteria"


_OWN_NUMBER = re.compile(r"(\d{1,2})\.\s")


def _numbered_apart(text: str, after: list[Line | str]) -> bool:
    """Is this paragraph one item of a list the page numbers one paragraph at a time: it starts with its number N
    and the next line with N + 1? Then the numbers inside it are its own sub-list's ("2. … insufficient response: 1.
    … 2. … 3. Patients whose DAI …" above "3. Patients shown via colonoscopy …", NCT00463151), never the list's next
    item, which the next line is: split on its numbering, the sub-list's "3." read as the list's item 3."""
    own = _OWN_NUMBER.match(text)
    if not own or not after:
        return False
    nxt = _OWN_NUMBER.match(strip_bullet(after[0].text if isinstance(after[0], Line) else after[0]))
    return nxt is not None and int(nxt.group(1)) == int(own.group(1)) + 1


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
    lines = list(lines)
    for at, ln in enumerate(lines):
        text, tag = (ln.text, ln.tag) if isinstance(ln, Line) else (ln, "p")
        text = strip_bullet(text)
        m = _HEAD_ALONE.match(text)
        if m:
            target = list_for(m.group(1))
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
        # pieces: [before, head, after, head, after…]
        for k, piece in enumerate(pieces):
            if k % 2 == 1:
                target = list_for(piece)
                continue
            if not piece.strip():
                continue
            if (tag == "li" and len(pieces) == 1) or (len(pieces) == 1 and _numbered_apart(text, lines[at + 1:at + 2])):
                target.append(piece.strip())
            else:
                target.extend(split_paragraph(piece))
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


_INTERVENTION_TYPE = re.compile(
    r"^(drug|biological|device|procedure|procedure/surgery|behavioral|radiation|genetic|dietary supplement|"
    r"dietary_supplement|combination product|combination_product|diagnostic test|diagnostic_test|other)\s*[:：]\s*",
    re.I,
)
INTERVENTION_TYPES = frozenset(
    "DRUG BIOLOGICAL DEVICE PROCEDURE BEHAVIORAL RADIATION GENETIC DIETARY_SUPPLEMENT COMBINATION_PRODUCT "
    "DIAGNOSTIC_TEST OTHER".split()
)


def intervention_name(text: str) -> str:
    """"Biological: hUC-MSCs (high dose)" -> "hUC-MSCs (high dose)": the name, as CT.gov
    lists it, without the type the site prefixes."""
    return clean(_INTERVENTION_TYPE.sub("", text, count=1))


def is_intervention_type(text: str) -> bool:
    return clean(text).upper().replace(" ", "_") in INTERVENTION_TYPES
