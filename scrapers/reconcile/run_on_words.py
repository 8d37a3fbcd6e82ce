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
and its finding stands (bench/runon_verbatim.py --drift)."""

from __future__ import annotations

import html
import re

from ..criteria import unescape_markdown
from ..model import OfficialRecord, PageRecord
from .finding import Finding

# sites whose criteria are the record's text with its line breaks run together (scrapers/sites/checkorphan.py)
RUN_TOGETHER_SITES = frozenset({"checkorphan.org"})
# the criteria findings a cut in the wrong place gives; never a wrong list (the words alone cannot tell), a cut-off
# list or a note
_CUT_KINDS = frozenset({"criterion_changed", "criterion_missing", "criterion_added", "criteria_merged",
                        "criteria_split", "criterion_reworded", "criterion_shortened"})
_WORD = re.compile(r"[^\W_]+|[<>≤≥=±%]", re.UNICODE)


def _words(text: str) -> str:
    """Text as its words and comparison signs, space-separated with a space either side (markers' dots, bullets,
    brackets and line breaks gone): what a run-together page keeps of the record's text whatever the cuts. A character
    reference the record escapes twice ("\\&#8805;", NCT00657033) is the sign the page shows."""
    return " " + " ".join(_WORD.findall(html.unescape(unescape_markdown(text)).lower())) + " "


# a part of fewer words than this is found in a list's words by chance ("Untreated ALL" in "… untreated. All …")
_FEW = 4


def _reads_in(text: str, words: str, raw: str, few_alone: bool = True) -> bool:
    """Does `text` read word for word in `words` (each part of a record entry its parser put together from a label
    and a line under it, "Prior Medication: Chemotherapy.", in its own place)? A part of a few words (`_FEW`) only
    where it stands alone in `raw`, the text as written (unless not `few_alone`: a page's few words found in the
    record's text, "Patient" cut from "Patient must …", are the record's words however few): NCT00462605's "Untreated
    ALL", left out, read in "… untreated. All …" once the stops were gone."""
    own = _words(text)
    if own.strip() and own in words:
        return not few_alone or len(own.split()) >= _FEW or _stands_alone(text, raw)
    parts = [part for part in text.split(":") if _words(part).strip()]
    return len(parts) > 1 and all(_words(p) in words and (
        not few_alone or len(_words(p).split()) >= _FEW or _stands_alone(p, raw)) for p in parts)


def _stands_alone(part: str, raw: str) -> bool:
    """Is `part` somewhere in `raw` as a whole item: a start, stop, colon or bullet before it, a stop, colon, bullet or
    the end after it?"""
    words = _WORD.findall(html.unescape(unescape_markdown(part)).lower())
    if not words:
        return False
    body = r"\W+".join(re.escape(w) for w in words)
    return re.search(rf"(?:^|\n|[.;:*•)]|(?<![^\W\d_])-)[\s*•-]*{body}\W*?(?:$|[.;:,\n*•]|\s+-)",
                     html.unescape(unescape_markdown(raw)).lower()) is not None


def cut_elsewhere(f: Finding, record: tuple[str, str], shown: dict[str, tuple[str, str]]) -> bool:
    """Is `f` only the page reader's cut: every page item it quotes in the record's words, every record item in the
    page's words of the same list? (`record`, each of `shown`: the words (`_words`) and the text as written.)"""
    if f.kind not in _CUT_KINDS or f.about != "page":
        return False
    ev = f.evidence
    section, page_section = ev.get("section"), ev.get("page_section", ev.get("section"))
    if section != page_section or section not in shown:
        return False
    page_texts, official_texts = ev.get("page_texts") or [], ev.get("official_texts") or []
    if not page_texts and not official_texts:
        return False
    # (a few words said left out must stand alone on the page to be found there; paired with a page item, as in a
    # merge, they are that item's: "months.", the rest of a wrapped line "… for at least 3", NCT00001630)
    alone = f.kind == "criterion_missing"
    return all(_reads_in(t, *record, few_alone=False) for t in page_texts) and \
        all(_reads_in(t, *shown[section], few_alone=alone) for t in official_texts)


def said_of_run_on(found: list[Finding], page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """`found` without the criteria findings that are only where the reader cut a run-together page's text
    (`cut_elsewhere`); every finding on any other page, as it was."""
    if page.site not in RUN_TOGETHER_SITES or not official.eligibility_criteria:
        return found
    record = (_words(official.eligibility_criteria), official.eligibility_criteria)
    shown = {sec: (_words(" ".join(items)), "\n".join(items))
             for sec, items in (("inclusion", page.inclusion), ("exclusion", page.exclusion))}
    return [f for f in found if not cut_elsewhere(f, record, shown)]
