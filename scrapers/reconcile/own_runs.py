"""A page item that is a run of text the record itself runs together, on any site (review r54 F2).

An old record's criteria are often PDQ paragraphs: "PATIENT CHARACTERISTICS: Age: 18 and over Performance status:
ECOG 0-2 Life expectancy: Greater than 3 months Hematopoietic: …", one block of text (wrapped lines, no blank line
or bullet between) that the record's parser cuts into items at its labels. A site printing the record's text as it
stands (meddatax's reader, a paragraph per item) shows the whole block as one item: the record's words in the
record's order, nothing merged that the record keeps apart. Paired item by item with the parser's cuts, it drew a
critical "differs in a number" (NCT00002998: the page's paragraph against its "Greater than 3 months Hematopoietic:
WBC…"), "runs N requirements together" and "leaves out 'Not specified'" (on 150 such pages: 7 criticals, 295
warnings; bench/paragraph_pages.py).

CheckOrphan's pages, where the whole criteria text is one paragraph, are read so by run_on_words.py. Here, on every
other site, a criteria finding is dropped only where:
- each page item it quotes is one whole block of the record's text, word for word (a merge of items the record keeps
  on lines or bullets of their own is the page's doing and stays said: NCT01774864's two bullets in one item; so
  does two labelled items of a paragraph run together without the rest of it, "Menopausal status: Not specified"
  and the next, as bench_drift's items_merged makes them: not the record's text as written);
- each record item it quotes reads word for word inside one page item of the same list (the finding's own page items
  where it quotes some: a figure changed or a "not" dropped leaves a record item that reads in none), and the page's
  items of that list hold its words at least as often as the record's text does (one "Not specified" of two left
  out: however few its words, an item is then not found by chance);
- neither side has a "not" the other lacks at an item's end (run_on_words.not_moved), no page item reads only in
  the record's other list (run_on_words.other_lists_only), and the finding is of the kinds a cut gives (not an
  added item, which a few words found somewhere in the record would excuse: "pregnant" out of "Not pregnant").
"""

from __future__ import annotations

import html
import re

from ..criteria import unescape_markdown
from ..model import OfficialRecord, PageRecord
from .finding import Finding
from .run_on_words import RUN_TOGETHER_SITES, RecordWords, not_moved, other_lists_only, reads_in, words_of, \
    record_words

# the kinds a block shown as one item gives (never an added item, a wrong list, a cut-off list or a note)
_BLOCK_KINDS = frozenset({"criterion_changed", "criterion_missing", "criteria_merged", "criteria_split",
                          "criterion_reworded", "criterion_shortened"})
# where the record's own text starts a new run: a blank line, or a line starting with a bullet or a number
_BREAK = re.compile(r"\n\s*\n|\n(?=[ \t]*(?:[*•\-–]|\d{1,2}[.)]|[a-z][.)])\s)")


# a word or any one sign: "Ph+" and "Ph-" differ here, not in `words_of` (which keeps comparison signs only)
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)


def _tokens(text: str) -> str:
    return " ".join(_TOKEN.findall(html.unescape(unescape_markdown(text)).lower()))


def blocks(criteria: str) -> list[str]:
    """The record's criteria text as the runs it writes together (`_tokens` of each)."""
    return [t for t in (_tokens(b) for b in _BREAK.split(criteria)) if t]


def _in_block(text: str, runs: list[str]) -> bool:
    """Is `text` one whole block of the record's text, word for word and sign for sign (`runs`: `blocks`)?"""
    own = _tokens(text)
    return bool(own) and own in runs


def block_items(P: list, criteria: str) -> frozenset[int]:
    """The indices of the page items (align.Entry) that are each one whole block of the record's text (`_in_block`):
    the record's words as it writes them together, whoever's list they pair with (foreign.py counts them the
    record's)."""
    if not criteria or not P:
        return frozenset()
    runs = blocks(criteria)
    return frozenset(j for j, e in enumerate(P) if _in_block(e.text, runs))


def _in_one(text: str, items: list[str]) -> bool:
    """Does `text` read inside one of `items`, however few its words (`_as_often` guards a chance find)?"""
    return any(reads_in(text, words_of(item), item, few_alone=False) for item in items)


def _as_often(text: str, items: list[str], record: RecordWords) -> bool:
    """Do `items` hold `text`'s words at least as often as the record's text does (which holds them as written)? A
    few words left out are then not found by chance elsewhere: "Untreated ALL" in "… untreated. All …" is in the
    record twice, on the page once."""
    own = words_of(text)
    times = record.whole[0].count(own)
    return times > 0 and sum(words_of(item).count(own) for item in items) >= times


def record_block(f: Finding, record: RecordWords, runs: list[str], page: PageRecord) -> bool:
    """Is `f` only a block of the record's own text shown as one item (the module's three conditions)?"""
    if f.kind not in _BLOCK_KINDS or f.about != "page":
        return False
    ev = f.evidence
    section, page_section = ev.get("section"), ev.get("page_section", ev.get("section"))
    page_texts, official_texts = ev.get("page_texts") or [], ev.get("official_texts") or []
    if section != page_section or section not in ("inclusion", "exclusion") or not official_texts:
        return False
    if not page_texts and f.kind != "criterion_missing":
        return False
    if page_texts and not_moved(page_texts, official_texts):
        return False
    if record.lists is not None and any(other_lists_only(t, page_section, record) for t in page_texts):
        return False
    shown = getattr(page, page_section)
    holders = page_texts or [item for item in shown if _in_block(item, runs)]
    return all(_in_block(t, runs) for t in page_texts) and \
        all(_in_one(t, holders) and _as_often(t, shown, record) for t in official_texts)


def said_of_blocks(found: list[Finding], page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """`found` without the findings that are only a block of the record's text shown as one item (`record_block`);
    on a run-together site (run_on_words.py reads those) or with no criteria text, as it was."""
    if page.site in RUN_TOGETHER_SITES or not official.eligibility_criteria or \
            not any(f.kind in _BLOCK_KINDS for f in found):
        return found
    record, runs = record_words(official), blocks(official.eligibility_criteria)
    return [f for f in found if not record_block(f, record, runs, page)]
