"""A run's record entries, each with its own stretch of the run's page words (review r42 H1, H2, M1, H3).

A run (rewrapped.py: the record's entries and the page lines that spell the same text with other breaks) compared as
one text is one bag of figures and negations: "Ejection fraction at least 60% … FEV1 at least 45%" for the record's
45% and 60% (NCT00002780), or a "No" moved from "No concurrent chemotherapy" to "Endocrine therapy: No concurrent
hormonal" (NCT00003825), was silent, and a critical quoted the run's first words, the same on both sides. Here each
page word is given to the record entry it stands for (the words aligned in order; a changed word to the entry of the
word it replaces, an added word to the entry it sits in, or, between two entries, to the one it opens), so each entry
is compared with its own stretch: a figure or "no" that changed stretch is a change, quoted where it is. A page line
holding the end of one entry and the start of the next where no record line does runs two items together (a merge).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..criteria import unescape_markdown
from .align import Entry
from .compare import changed_message, compare, excerpt_pair
from .finding import Finding, criteria_finding
from .normal import normalize, strip_marker


@dataclass
class Stretch:
    """The page's words standing for one record entry of a run, and the run's page lines they come from."""
    words: list[str] = field(default_factory=list)
    at: list[int] = field(default_factory=list)   # (the page line of each word: an index into the run's lines)

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def lines(self) -> list[int]:
        """The run's page lines the stretch comes from, in order."""
        return list(dict.fromkeys(self.at))

    def on(self, m: int) -> list[str]:
        """The stretch's words on page line m."""
        return [w for w, k in zip(self.words, self.at) if k == m]


def _key(word: str) -> str:
    """A word as the alignment matches it: no case, no punctuation around it."""
    return re.sub(r"^\W+|\W+$", "", word.lower()) or word


def _words(items: list[Entry], first_marker_only: bool = False) -> tuple[list[str], list[int]]:
    """The items' words and the item each comes from, list markers left out: each record entry's own, or on the page
    (`first_marker_only`) only the run's first line's, which is layout (the other lines go on with the record's text,
    and a figure one starts with is the text's)."""
    words, owner = [], []
    for n, e in enumerate(items):
        text = e.text if first_marker_only and n else strip_marker(e.text)
        for w in unescape_markdown(text).split():
            words.append(w)
            owner.append(n)
    return words, owner


def _owners(p_words: list[str], o_words: list[str], o_owner: list[int]) -> list[int | None]:
    """For each page word, the record entry it stands for (None: heading words in front of the run, "PATIENT
    CHARACTERISTICS:", which the record reads as a heading, not as part of its first entry)."""
    starts = {j for j in range(len(o_owner)) if j == 0 or o_owner[j] != o_owner[j - 1]}
    owner: list[int | None] = [None] * len(p_words)
    sm = difflib.SequenceMatcher(None, [_key(w) for w in p_words], [_key(w) for w in o_words], autojunk=False)
    for _, i1, i2, j1, j2 in sm.get_opcodes():
        for d in range(i2 - i1):
            if j2 > j1:   # (the same word or one in its place: positionally)
                owner[i1 + d] = o_owner[min(j1 + d, j2 - 1)]
            elif j1 == 0:   # (added in front of the run: a heading if it ends with a colon, else the first entry's)
                owner[i1 + d] = None if p_words[i2 - 1].endswith(":") else 0
            else:   # (added: to the entry it opens if it stands where one starts, else to the one it sits in)
                owner[i1 + d] = o_owner[j1] if j1 in starts and j1 < len(o_owner) else o_owner[j1 - 1]
    return owner


def stretches(o_items: list[Entry], p_items: list[Entry]) -> list[Stretch]:
    """Each record entry's stretch of the run's page words (see the module's note), in the entries' order."""
    o_words, o_owner = _words(o_items)
    p_words, p_line = _words(p_items, first_marker_only=True)
    out = [Stretch() for _ in o_items]
    if not o_words:
        return out
    for w, m, n in zip(p_words, p_line, _owners(p_words, o_words, o_owner)):
        if n is not None:
            out[n].words.append(w)
            out[n].at.append(m)
    return out


def stretch_entry(o_item: Entry, s: Stretch) -> Entry:
    """A stretch as a page item of its own, to compare with its record entry."""
    return Entry(s.text, normalize(s.text), o_item.section)


def merged_lines(o_items: list[Entry], p_items: list[Entry], source: str) -> list[tuple[list[int], int]]:
    """The run's page lines that hold the end of one record entry and the start of the next where none of the record's
    own lines does ("… any of the drugs. Women must not be nursing or pregnant.", two record lines run into one,
    NCT00001661): for each, the entries it runs together (indices into `o_items`) and the line (into `p_items`)."""
    record_lines = [" ".join(_key(w) for w in line.split()) for line in unescape_markdown(source).splitlines()]
    spans = stretches(o_items, p_items)
    out = []
    for m in range(len(p_items)):
        held = [n for n, s in enumerate(spans) if m in s.lines]
        joins = [(a, b) for a, b in zip(held, held[1:])
                 if spans[a].lines[-1] == m and spans[b].lines[0] == m and not _as_written(
                     spans[a].on(m)[-2:] + spans[b].on(m)[:2], record_lines)]
        if joins:
            out.append((held, m))
    return out


def _as_written(words: list[str], record_lines: list[str]) -> bool:
    """Does one of the record's lines run one entry's last words on into the next one's first (`words`, as one page
    line shows them)?"""
    seam = " ".join(_key(w) for w in words)
    return any(f" {seam} " in f" {line} " for line in record_lines)


def entry_findings(o_items: list[Entry], p_items: list[Entry], sim: float, nearby: tuple[str, ...]) -> list[Finding]:
    """compare's findings for each record entry of a run against its own stretch, each naming the page lines the
    stretch comes from (evidence page_texts); an entry the page shows word for word is not compared."""
    out = []
    for o_item, s in zip(o_items, stretches(o_items, p_items)):
        if not s.words or normalize(s.text) == normalize(o_item.text):
            continue
        found = compare([o_item], [stretch_entry(o_item, s)], sim, nearby) or _figures_moved(o_item, s, sim)
        for f in found:
            f.evidence["page_texts"] = [p_items[m].text for m in s.lines]
            out.append(f)
    return out


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _figures_moved(o_item: Entry, s: Stretch, sim: float) -> list[Finding]:
    """A critical for an entry whose stretch has the record's figures in another order ("Ages above age 0.85 …
    approximately 21" for the record's 21 and 0.85, an entry over 6 lines, NCT00001961): compare reads the figures as a
    bag and finds nothing, where a line-by-line reading raised it (review r42 H1)."""
    o_text, p_text = strip_marker(o_item.text), s.text
    o_figs, p_figs = _FIGURE.findall(o_text), _FIGURE.findall(p_text)
    if o_figs == p_figs or sorted(o_figs) != sorted(p_figs):
        return []
    first = next(k for k, (a, b) in enumerate(zip(o_figs, p_figs)) if a != b)
    said = f'"{p_figs[first]}" where ClinicalTrials.gov says "{o_figs[first]}"'
    a, b = excerpt_pair(p_text, o_text)
    return [criteria_finding("criterion_changed", "critical", [o_item], [stretch_entry(o_item, s)],
                             changed_message(o_item, ["number"], None, a, b), sim,
                             changes=[f"figures in another order: {said}"])]
