"""Criteria a site prints as the record's own text run together into one paragraph (CheckOrphan: "Inclusion Criteria:
- diagnosed with BPD Exclusion Criteria: - parents' rejection", line breaks gone, bullets as " - "). Where one item
ends and the next starts is then the page reader's guess, not the page's: "… greater than 1. Cardiopulmonary disease
including: 1. History …" cut at the figure, "2 years - 40 years" cut at the dash, a legacy "Inclusion Criteria" with no
colon left in front of a whole list read as one item. Paired item by item with the record's, each misread was said as
the page's fault: on 499 such pages of random records, every word the record's, 22 drew a critical "criterion changed"
and 133 warnings (review r51 #3, #10).

Here a criteria alarm on such a page is kept only where the words differ: a finding whose page items all read, word
for word, in the record's criteria text and whose record items all read in the page's (its items one after another),
each on its own list, says only that the reader cut the text elsewhere than the record does, and is dropped. A figure
changed, a "not" dropped, an item left out or added on the page still leaves words on one side that the other lacks,
and its finding stands (bench/runon_verbatim.py --drift).

Two differences leave every word in place and still change what the page says (review r53 F3, F4): a page item in
words the record has only in its other list (an exclusion's "Pregnant or breastfeeding" copied among the inclusions:
the record's words, not its list), and a "not" on the other side of a cut than the record's ("History of pancreatitis
not - able to swallow tablets" for "History of pancreatitis" / "Not able to swallow tablets"). A finding whose page
items read only in the other list's words (and nowhere else in the record), or whose page and record items count
their negations differently with a negation at an item's start or end on one side only, is kept."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..criteria import unescape_markdown
from ..fidelity import NEGATION
from ..model import OfficialRecord, PageRecord
from .align import official_entries
from .finding import Finding
from .other_list import list_entries

# sites whose criteria are the record's text with its line breaks run together (scrapers/sites/checkorphan.py)
RUN_TOGETHER_SITES = frozenset({"checkorphan.org"})
# the criteria findings a cut in the wrong place gives; never a wrong list (the words alone cannot tell), a cut-off
# list or a note
_CUT_KINDS = frozenset({"criterion_changed", "criterion_missing", "criterion_added", "criteria_merged",
                        "criteria_split", "criterion_reworded", "criterion_shortened"})
_WORD = re.compile(r"[^\W_]+|[<>≤≥=±%]", re.UNICODE)


def words_of(text: str) -> str:
    """Text as its words and comparison signs, space-separated with a space either side (markers' dots, bullets,
    brackets and line breaks gone): what a run-together page keeps of the record's text whatever the cuts. A character
    reference the record escapes twice ("\\&#8805;", NCT00657033) is the sign the page shows."""
    return " " + " ".join(_WORD.findall(html.unescape(unescape_markdown(text)).lower())) + " "


# a part of fewer words than this is found in a list's words by chance ("Untreated ALL" in "… untreated. All …")
_FEW = 4


def reads_in(text: str, words: str, raw: str, few_alone: bool = True) -> bool:
    """Does `text` read word for word in `words` (each part of a record entry its parser put together from a label
    and a line under it, "Prior Medication: Chemotherapy.", in its own place)? A part of a few words (`_FEW`) only
    where it stands alone in `raw`, the text as written (unless not `few_alone`: a page's few words found in the
    record's text, "Patient" cut from "Patient must …", are the record's words however few): NCT00462605's "Untreated
    ALL", left out, read in "… untreated. All …" once the stops were gone."""
    own = words_of(text)
    if own.strip() and own in words:
        return not few_alone or len(own.split()) >= _FEW or _stands_alone(text, raw)
    parts = [part for part in text.split(":") if words_of(part).strip()]
    return len(parts) > 1 and all(words_of(p) in words and (
        not few_alone or len(words_of(p).split()) >= _FEW or _stands_alone(p, raw)) for p in parts)


def _stands_alone(part: str, raw: str) -> bool:
    """Is `part` somewhere in `raw` as a whole item: a start, stop, colon or bullet before it, a stop, colon, bullet or
    the end after it?"""
    words = _WORD.findall(html.unescape(unescape_markdown(part)).lower())
    if not words:
        return False
    body = r"\W+".join(re.escape(w) for w in words)
    return re.search(rf"(?:^|\n|[.;:*•)]|(?<![^\W\d_])-)[\s*•-]*{body}\W*?(?:$|[.;:,\n*•]|\s+-)",
                     html.unescape(unescape_markdown(raw)).lower()) is not None


# words either side of a few words said left out that must read with them on the page for them to be in their place
_AROUND = 3


def _in_place(text: str, words: str, record: str) -> bool:
    """Do a few words (`text`, a record item) read on the page (`words`, both its lists) wherever the record writes
    them, each time with the record's own words either side (`_AROUND` each way, or to the text's end)? A heading on a
    line of its own, "HEALTHY VOLUNTEERS", run into the paragraph it heads ("… between 1 and 5. HEALTHY VOLUNTEERS For
    the purpose of this study …", NCT00001539) stands alone by no stop or colon, yet it is in its place. An item left
    out breaks its neighbours' words apart, even where the record writes its words again elsewhere (NCT00462605's
    "Untreated ALL", twice in the record, once left out)."""
    own = words_of(text).split()
    rec = record.split()
    n = len(own)
    places = [i for i in range(len(rec) - n + 1) if rec[i:i + n] == own] if own else []
    return bool(places) and all(
        len(around := rec[max(0, i - _AROUND):i + n + _AROUND]) > n and " " + " ".join(around) + " " in words
        for i in places)


@dataclass(frozen=True)
class RecordWords:
    """The record's criteria as `cut_elsewhere` reads them: the whole text and, where it has both lists under their
    headings, each list (`lists`), as (words (`words_of`), text as written); and the texts of its items under no
    heading (`loose`: "Also listed", the record does not say which list; in both of `lists`)."""
    whole: tuple[str, str]
    lists: dict[str, tuple[str, str]] | None
    loose: frozenset[str]


def record_words(official: OfficialRecord) -> RecordWords:
    """The record's criteria, whole and list by list (RecordWords; the lists as other_list.list_entries reads them)."""
    text = official.eligibility_criteria or ""
    O = official_entries(official)
    entries = list_entries(O)
    lists = None if entries is None else {
        sec: (words_of(" ".join(e.text for e in items)), "\n".join(e.text for e in items))
        for sec, items in entries.items()}
    return RecordWords((words_of(text), text), lists, frozenset(e.text for e in O if not e.placed))


def cut_elsewhere(f: Finding, record: RecordWords, shown: dict[str, tuple[str, str]]) -> bool:
    """Is `f` only the page reader's cut: every page item it quotes in the record's words, none only in the words of
    the record's other list, every record item in the page's words of the same list (of either, for items under no
    heading), and no "not" moved across a cut (`not_moved`)? (Each of `shown`: a page list's words and text.)"""
    if f.kind not in _CUT_KINDS or f.about != "page":
        return False
    ev = f.evidence
    section, page_section = ev.get("section"), ev.get("page_section", ev.get("section"))
    page_texts, official_texts = ev.get("page_texts") or [], ev.get("official_texts") or []
    # (the record's items under no heading are filed with its inclusions; a page shows them after its exclusions as
    # readily: NCT00001539's "ELIGIBILITY OF SPECIAL POPULATIONS", 4 false "left out" warnings)
    loose = bool(official_texts) and all(t in record.loose for t in official_texts)
    if (section != page_section and not loose) or page_section not in shown:
        return False
    if not page_texts and not official_texts:
        return False
    # (a few words said left out must stand alone on the page to be found there; paired with a page item, as in a
    # merge, they are that item's: "months.", the rest of a wrapped line "… for at least 3", NCT00001630)
    alone = f.kind == "criterion_missing"
    if page_texts and official_texts and not_moved(page_texts, official_texts):
        return False   # (a "not" across the cut: r53 F4)
    if record.lists is not None and any(other_lists_only(t, page_section, record) for t in page_texts):
        return False   # (the record's words, not its list: r53 F3)
    where = _both(shown) if loose else shown[page_section]
    return all(reads_in(t, *record.whole, few_alone=False) for t in page_texts) and \
        all(reads_in(t, *where, few_alone=alone) or (alone and _in_place(t, _both(shown)[0], record.whole[0]))
            for t in official_texts)


def _both(shown: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The page's two lists as one (words, text), its inclusions first."""
    words = [shown[sec][0] for sec in ("inclusion", "exclusion") if sec in shown]
    return " ".join(w.strip() for w in words).join("  "), "\n".join(shown[sec][1] for sec in shown)


# words beside a moved negation that must match for it to be the one difference at that end (one is chance)
_BESIDE = 3


def not_moved(page_texts: list[str], official_texts: list[str]) -> bool:
    """Is a negation at one end of the page's items (first or last word) the one difference there from the record's,
    which lack it, or the reverse: "History of pancreatitis not" / "able to swallow tablets" for "History of
    pancreatitis" / "Not able to swallow tablets" (r53 F4)? The page's bullet, not the reader, puts the "not" with
    the other item. (A lead-in the page runs into its items, "Patients will not be eligible … if they: - Cannot take
    ZDV …", differs at its start in more than a "not": the same words, cut elsewhere, NCT00000897.)"""
    page, record = (words_of(" ".join(texts)).split() for texts in (page_texts, official_texts))
    return _one_more(page, record) or _one_more(record, page) or \
        _one_more(page[::-1], record[::-1]) or _one_more(record[::-1], page[::-1])


def _one_more(more: list[str], fewer: list[str]) -> bool:
    """Does `more` start with a negation word and then go on as `fewer` starts (at least `_BESIDE` words, or all of
    a shorter `fewer`), which has none there?"""
    n = min(_BESIDE, len(fewer))
    return len(more) > n > 0 and NEGATION.fullmatch(more[0]) is not None and not NEGATION.fullmatch(fewer[0]) \
        and more[1:n + 1] == fewer[:n]


def other_lists_only(text: str, section: str, record: RecordWords) -> bool:
    """Does a page item of list `section` read in the record's other list's words, not in its own list's, and
    nowhere else in the record's words (a heading's "EXCLUSION CRITERIA - Normal Volunteers:", NCT00001922)?"""
    lists, other = record.lists or {}, "exclusion" if section == "inclusion" else "inclusion"
    own = words_of(text)
    return not reads_in(text, *lists[section], few_alone=False) and reads_in(text, *lists[other], few_alone=False) \
        and record.whole[0].count(own) <= lists[other][0].count(own)


def said_of_run_on(found: list[Finding], page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """`found` without the criteria findings that are only where the reader cut a run-together page's text
    (`cut_elsewhere`); every finding on any other page, as it was."""
    if page.site not in RUN_TOGETHER_SITES or not official.eligibility_criteria:
        return found
    record = record_words(official)
    shown = {sec: (words_of(" ".join(items)), "\n".join(items))
             for sec, items in (("inclusion", page.inclusion), ("exclusion", page.exclusion))}
    return [f for f in found if not cut_elsewhere(f, record, shown)]
