"""Run-on criteria paragraphs to items: "- a - b" and "* a * b" on their bullets, else "1. a 2. b 3. c" on its numbers.

Some sites print a whole criteria list as one paragraph (TrialFinderData's "Original
Eligibility Criteria", CheckOrphan). The splitting is its own concern, apart from reading labelled fields
(`_reader`): which dashes and stars are bullets and which are the item's own ("BMI 20 - 30", "(Age * AST)"). Which
numbers start an item is `_runon_numbered`'s.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..criteria_runon import bracket_spans
from ._runon_numbered import _AFTER, _NUMBER, _split_numbered
from .base import clean


_BULLET = re.compile(r"^\s*(?:[*•·▪◦‣⁃●○■\-–—]\s+)+")


def strip_bullet(text: str) -> str:
    """"* Age 18-70" / "• Age 18-70" -> "Age 18-70". Numbering ("2. Age…") is content and
    stays: a list that starts at 2 shows the site dropped item 1."""
    return clean(_BULLET.sub("", text))


# a "-" or "•" bullet: at the start, or with a space on both sides ("a - b"); never a hyphen ("X-ray", "non-small cell",
# "hetero- sexual", "pre- or post-"), a range between figures or a figure and its unit ("18 - 65 years", "0 - 2", "Age >35
# - years", NCT00462007) or a dash inside brackets ("(class II - IV)"); after a figure otherwise, a bullet: "… below 17 -
# (History of) …" (items that end in a figure: 3,227 in the corpus's bulleted lists; a figure, " - " and a word inside
# an item: 18)
_DASH_START = re.compile(r"[-•]\s")
_DASH = re.compile(r"\s+[-•]\s+")
# and a range whose ends each carry the same unit: "between the age(s) of 2 years - 40 years" (NCT00001686: cut there,
# the record's one item read as two, "… of 2 years" and "40 years (the NIH CC …"). A bullet item that starts with a
# figure after one that ends with a figure is cut as before when the units differ ("… weigh 12 kg - 18 years or older")
_UNITS = r"(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|mg|kg|ml|cm|mm|%)"
_FIGURE_UNIT_BEFORE = re.compile(rf"\d\s*({_UNITS})$", re.I)
_FIGURE_UNIT_AFTER = re.compile(rf"\d+(?:[.,]\d+)?\s*({_UNITS})(?!\w)", re.I)


def _unit_range(text: str, dash: re.Match) -> bool:
    """Is the " - " at `dash` a range between two figures in the same unit ("2 years - 40 years", "5 mg - 10 mg")?"""
    before = _FIGURE_UNIT_BEFORE.search(text, max(0, dash.start() - 12), dash.start())
    after = _FIGURE_UNIT_AFTER.match(text, dash.end())
    return before is not None and after is not None and (
        before.group(1).lower().rstrip("s") == after.group(1).lower().rstrip("s"))


# an item's own count "…: 1) … 2) …" (a bracket after its figure, after a colon or a comma: a bullet's own count,
# "- 1) a - 2) b", is the list's, and "(Phase 1) …" is no count)
_COUNT = re.compile(r"(?:(?<=[:;,.]\s)|^)(\d{1,2})\)\s")


def _counted_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans from each "N)" to the "N+1)" after it: one item's own count, whose words may hold " - " ("Any individual
    with: 1) an implant or surgical clip - implanted neural stimulator, …: 2) a foreign body - metal shavings, …",
    NCT00001922, a line the record wrote without a bullet). A dash between the two is that item's, never a bullet."""
    marks = [(m.start(), int(m.group(1))) for m in _COUNT.finditer(text)
             if not any(a < m.start() < b for a, b in spans)]   # (a bracket's close: "(Step 0, 2, 4, 6) must")
    return [(a, b) for (a, n), (b, m) in zip(marks, marks[1:]) if m == n + 1]


# a first line whose dashes the record glued to its word, the bullets after it spaced: "---None -WHOLE EXOME/GENOME
# SEQUENCING - ELIGIBLITY FOR …: - Subjects with kidney disease - …" (NCT00001392, an NIH outline's exclusions). One
# dash or three and more ("--Disease Characteristics--" is a PDQ heading's), and not before the page's own numbering
# ("-INCLUSION CRITERIA: 1. … 2. …", NCT00001962, read as numbered)
# Only so where the glued dashes stand before the first spaced bullet and the spaced ones outnumber them: a list whose
# every bullet is glued ("-a -b -c") holds its spaced dashes inside items ("ranges of 4:00h - 10:00h", NCT04909229;
# "negative symptoms - SANS rating", NCT06653829), and cutting there raised criticals on 44 of 200 real records laid
# out so (review r33)
_GLUED_START = re.compile(r"-(?:--+)?(?=[A-Za-z])")
_GLUED = re.compile(r"(?<=\s)-+(?=[^\s\d.-])")   # (before a word or a sign: "-≥ 18 years old", NCT04801368)


def split_dashes(text: str) -> list[str] | None:
    """A run-on paragraph of "-" bullets ("- a - b - c", a list a page flattened) on its bullets, as the record writes
    them one per line; None when it does not start with one."""
    glued = not _DASH_START.match(text)
    if glued and not _GLUED_START.match(text):
        return _after_lead_in(text)
    if glued and len(_split_numbered(text)) >= 2:
        return None
    spans = bracket_spans(text)
    spans += _counted_runs(text, spans)
    at = [0] + [m.start() for m in _DASH.finditer(text)
                if not (text[m.start() - 1].isdigit() and _AFTER.match(text, m.end())) and not _unit_range(text, m)
                and not any(a < m.start() < b for a, b in spans)]
    if glued and not _spaced_after_glued(text, at[1:], spans):
        return None
    parts = [text[a:b] for a, b in zip(at, at[1:] + [len(text)])]
    return [cut for p in (strip_bullet(x) for x in parts) if p for cut in category_cuts(p)]


# a lead-in before a paragraph's first "-" bullet, the record's lines without a bullet before its list: "Co-existing
# Condition: Patients with the following are excluded: - History of any primary hematologic disease. - …" (the old AIDS
# trials' template; NCT00002071, NCT00002072, NCT00002302: read as one item holding the whole list). No spaced dash and
# no item number before its colon ("2. … as: - a - b" is a numbered list's item)
_DASH_LEAD = re.compile(r"(?:(?!\s[-•]\s).){1,200}?[:：](?=\s+[-•]\s)")
# not a PDQ outline's ("DISEASE CHARACTERISTICS: - … PATIENT CHARACTERISTICS: Age: - 15 to 65 Performance status: - …"):
# its labels are lines of their own the dashes do not show ("15 to 65 Performance status:" read as one item, NCT00002514;
# 21 CheckOrphan pages of the corpus drew a "leaves out" warning they had not drawn), so it is read whole as before
_PDQ_SECTION = re.compile(r"(?:DISEASE|PATIENT)\s+CHARACTERISTICS\s*:|PRIOR\s*/?\s*CONCURRENT\s+THERAPY\s*:|"
                          r"PROTOCOL\s+ENTRY\s+CRITERIA\s*:|--\s*(?:Disease|Patient)\s+Characteristics\s*--")


def _after_lead_in(text: str) -> list[str] | None:
    """A paragraph that is a lead-in and a "- a - b" list of two or more bullets: the lead-in (cut at its template
    labels, `category_cuts`) and the list's items; None otherwise."""
    lead = _DASH_LEAD.match(text)
    if lead is None or _NUMBER.search(text, 0, lead.end()) or _PDQ_SECTION.search(text):
        return None
    rest = split_dashes(text[lead.end():].lstrip())
    if rest is None or len(rest) < 2:
        return None
    return category_cuts(lead.group(0)) + rest


# the categories the old AIDS trials' template writes on lines of their own ("Co-existing Condition:", "Prior
# Medication:", "Concurrent Treatment:", "Risk Behavior:"; scrapers.criteria_markers.CATEGORY_LABEL), run into an item
# after its full stop or at a lead-in's start: "- History of seizures. Patients with … are excluded. Prior Medication:
# Excluded within 30 days of study entry: - …" (NCT00002071). A label of the record's own, cut out as the record has it
_CATEGORY = re.compile(r"(?:^|(?<=[.;])\s+)((?:Co-?existing\s+Conditions?|(?:Prior|Concurrent)\s+(?:Medications?|"
                       r"Treatments?)|Risk\s+Behaviou?rs?)\s*:)(?=\s|$)"
                       # and its time or qualifier label ending an item, its list after it: "- Steroids. Excluded within
                       # 45 days prior to study entry: - BCG vaccine" (NCT00002078; criteria_markers.QUALIFIER_LABEL)
                       r"|(?<=[.;])\s+((?:Excluded|Allowed|Required|Recommended|Permitted|Prohibited|Not\s+allowed|"
                       r"Not\s+permitted)\b[^:.;]{0,60}:)\s*$")


def category_cuts(item: str) -> list[str]:
    """`item` cut before and after each template category label in it (`_CATEGORY`); as it is when it holds none."""
    return cut_around(item, ((m.start(), m.end(), m.group(1) or m.group(2)) for m in _CATEGORY.finditer(item)))


def cut_around(text: str, found: Iterable[tuple[int, int, str]]) -> list[str]:
    """`text` cut before and after each (start, end, piece) found in it, in order, the piece standing for its span (a
    label, a heading); the pieces stripped, blank ones left out."""
    out, last = [], 0
    for start, end, piece in found:
        out += [text[last:start], piece]
        last = end
    out.append(text[last:])
    return [part.strip() for part in out if part.strip()]


def _spaced_after_glued(text: str, cuts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Do the glued dashes of a paragraph that starts with one ("---None -WHOLE … - ELIGIBLITY …: - …") all stand
    before its first spaced bullet (`cuts`), and the spaced bullets, two or more, outnumber them? Then the glued ones
    are a first line's and the rest a "- " list; otherwise the list's bullets are glued and a spaced dash is an item's
    own ("--Patients that have had myocardial infarction within 2 weeks - still in hospital", NCT00005235)."""
    glued = [m.start() for m in _GLUED.finditer(text) if not any(a < m.start() < b for a, b in spans)]
    return len(cuts) >= 2 and len(cuts) > len(glued) and all(g < cuts[0] for g in glued)


# a "*" bullet: "* " at the start, or " * " after anything but another "*" and before no "*" ("a ** b"); a mark on
# a word ("ULN* NOTE", "p*q") has no space before it. Between figures it is a product ("2 * 3"), and after one so is
# a limit's word ("5 * ULN", "2.5 * the upper limit"); otherwise a bullet ("age 18 to 50 * methadone", "Male * 18-55")
_STAR_START = re.compile(r"\*\s+(?!\*)")
_STAR = re.compile(r"(?<=[^\s*])\s+\*\s+(?!\*)")
_PRODUCT = re.compile(r"(?<=\d)\s+\*\s+(?:\d|(?:uln|lln|unl|ulrr|upper|lower|the|normal|institutional)\b)", re.I)
# a lead-in before a paragraph's first "*" bullet: "ED patient must: * Be male * …" (the record's line and its items)
_STAR_LEAD = re.compile(r"^[^*]{1,200}?[:：]\s+(?=\*\s+(?!\*))")


def split_stars(text: str) -> list[str] | None:
    """A run-on paragraph of "*" bullets ("* a * b", "Lead-in: * a * b") on its bullets, as the record writes
    them one per line; None when the paragraph does not start with a bullet or a lead-in and one. A "*" inside
    brackets is the text's ("(Age * AST)"), never a bullet."""
    lead = _STAR_LEAD.match(text)
    start = lead.end() if lead and not _NUMBER.search(text, 0, lead.end()) else 0   # (not "2. … as: * a * b")
    if not _STAR_START.match(text, start):
        return None
    spans = bracket_spans(text)
    cuts = [m for m in _STAR.finditer(text, start)
            if not _PRODUCT.match(text, m.start()) and not any(a < m.start() < b for a, b in spans)]
    at = [start] + [m.start() for m in cuts]
    parts = ([text[:start]] if start else []) + [text[a:b] for a, b in zip(at, at[1:] + [len(text)])]
    return [p for p in (strip_bullet(x) for x in parts) if p]


def split_paragraph(text: str) -> list[str]:
    """A run-on paragraph to items: "- a - b" on its bullets (never between numbers: "BMI
    20 - 30" stays), "* a * b" on its bullets (see split_stars), otherwise "1. a 2. b" on its numbering (see
    split_numbered)."""
    text = clean(text)
    dashes = split_dashes(text)
    if dashes is not None:
        return dashes
    stars = split_stars(text)
    if stars is not None:
        return stars
    return _split_numbered(text)
