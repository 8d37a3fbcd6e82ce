"""Reading labelled fields and sections from the reader's view of a page (criteria lists: `_criteria_lists`).

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

from .base import HEADING_TAGS, Line, Page, clean


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
