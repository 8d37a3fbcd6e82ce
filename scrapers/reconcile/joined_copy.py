"""An item of the record's other list run onto the end of one of this list's items: "Histologically confirmed breast
cancer Pregnant or breastfeeding women" among the requirements, the record's exclusion copied onto a requirement.

Paired with the record's requirement, the page item read as that requirement with words added: no number or "not"
changed, so it drew nothing or an info "words it as" (bench/list_copy.py, joined), while a reader of the page is told
that pregnant women may join. Here the copied tail is found as other_list.py finds a whole copied item: words that are,
word for word, one of the record's items of the other list only (not in this list's text, not under no heading, not
elsewhere in the record's text such as a heading). It is said as the other list's item shown under this heading
(critical, as sections.py says a moved item), and the rest of the page item is compared with the record's as before.

A copy glued on with its own dash (">=4 years of age -Concomitant medical … problems", NCT00001223, whose record
writes "-Concomitant" with no space) is one too. A copy under 12 characters ("Age 18-65.", "is pregnant;", "stage T3-T4,")
ends many items by chance in a page's own words: it is said only where the words before it are, word for word, the
record's item the page item is paired with (recon13; it was a critical "differs in a number", or nothing).

Not said: a tail the record itself writes right after the item it ends and that the page shows nowhere else (the last
requirement and the first exclusion, a page reader running the record's own adjacent lines together where a heading
was lost), nor one in a list that is not the record's (foreign.py says that list once). A footnote run on ("… Other
protocol-defined inclusion/exclusion criteria may apply."; footnotes.py) is no item of either list: it names both.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .align import MATCH, Entry, Pair, _pair_sim
from .finding import RULE, Finding, criteria_finding, quote, without_marker
from .normal import normalize
from .other_list import list_texts
from .sections import WRONG_SECTION

# a tail this long at least (normalised characters) is a copy whatever the words before it; a shorter one ("Age
# 18-65", "HIV") ends many items by chance, and is one only after the record's item word for word (`is_short`)
_TAIL_CHARS = 12
# where a copied item's words start in the page item: after a space, or a dash glued to them (" -Concomitant …")
_TAIL_START = re.compile(r"\s[-*•]?$")


def is_short(tail: str) -> bool:
    """Is a copied tail too short to be one whatever the words before it?"""
    return len(tail) < _TAIL_CHARS


def _tails(p_item: Entry, O: list[Entry], texts: dict[str, str], source: str, paired: str = ""):
    """(k, the page item without it, or None where no cut between words gives it) for each record item O[k] of the
    other list only that `p_item` ends with, word for word (not in this list's text nor in `paired`, the paired items'
    text; not written elsewhere in the record). Short tails (`is_short`) are the caller's to check."""
    own, other = texts[p_item.section], texts["exclusion" if p_item.section == "inclusion" else "inclusion"]
    for k, o in enumerate(O):
        tail = o.norm
        if (not o.placed or o.label or o.section == p_item.section or len(tail) < 2
                or len(p_item.norm) <= len(tail) or not p_item.norm.endswith(tail)
                or not _TAIL_START.search(p_item.norm[:-len(tail)]) or tail in own
                or (paired and tail in paired) or source.count(tail) > other.count(tail)):
            continue
        yield k, _without_tail(p_item, tail)


def copied_tail(p_item: Entry, o_items: list[int], O: list[Entry], texts: dict[str, str] | None, source: str,
                shown: frozenset[int] = frozenset()) -> tuple[int, Entry] | None:
    """(the index of the record's other-list item that `p_item` ends with, the page item without it) or None. `o_items`:
    the indices of the record's items the page item is paired with; `texts`: other_list.list_texts(O); `source`: the
    record's criteria text, normalised; `shown`: the record's items the page shows paired with items of their own."""
    if texts is None or not o_items:
        return None
    paired = " ".join(O[i].norm for i in o_items)
    for k, head in _tails(p_item, O, texts, source, paired):
        if _run_on(p_item, o_items, O, k, shown):   # (the record's own lines up to it, shown nowhere else: the
            return None   # page's reader ran them together; shown in their own list as well, it is a copy)
        if head is not None and (not is_short(O[k].norm) or head.norm == paired):
            return k, head
    return None


def tail_pairs(O: list[Entry], P: list[Entry], pairs: list[Pair], criteria: str) -> list[Pair]:
    """`pairs` and a pair for each page item paired with nothing that is one of the record's items with a copied item
    of the other list run onto its end: its words before the copy paired (as align pairs two items, MATCH) with the
    record's item of its list that nothing pairs. A copied tail as long as the item it ends keeps align from pairing
    them ("Alcohol consumption > 80g/day Moderate to severe Heart Failure (as determined by …)"), and the page was
    said to add an item and leave one out (two warnings) rather than to show the other list's item under this heading
    (copied_tails then finds the copy in the pair, as in any other). Not where the copy is the record's own next line
    shown nowhere else (_run_on: a reader running adjacent lines together)."""
    texts = list_texts(O)
    if texts is None:
        return pairs
    used_p = {j for p in pairs for j in p.p}
    used_o = {i for p in pairs for i in p.o}
    source, out = normalize(criteria), list(pairs)
    for j, e in enumerate(P):
        if j in used_p:
            continue
        for k, head in _tails(e, O, texts, source):
            if head is None:
                continue
            sims = [(_pair_sim(O[i], head), i) for i, o in enumerate(O)
                    if i not in used_o and o.section == e.section and o.placed and not o.label]
            sim, i = max(sims, default=(0.0, -1))
            if is_short(O[k].norm) and (i < 0 or O[i].norm != head.norm):
                continue   # (a short tail: after the record's item word for word only)
            if sim >= MATCH and not _run_on(e, [i], O, k, frozenset(used_o)):
                out.append(Pair([i], [j], sim))
                used_o.add(i)
                break
    return out


def _run_on(p_item: Entry, o_items: list[int], O: list[Entry], k: int, shown: frozenset[int]) -> bool:
    """Is the tail O[k] the end of the record's own lines run on after the paired items: every record item from the
    one after them to O[k] shown nowhere else on the page and, headings aside, within the page item? The next line
    alone (a lost heading), or a colonless heading and the whole next list read as one item (NCT04886388 on
    CheckOrphan: its last exclusion was called a copy; review r57 F0)."""
    after = range(max(o_items) + 1, k + 1)
    return k in after and all(j not in shown for j in after) \
        and all(O[j].label or not O[j].norm or O[j].norm in p_item.norm for j in after)


def copied_tails(O: list[Entry], P: list[Entry], pairs: list, criteria: str) -> dict[int, tuple[int, Entry]]:
    """For each page item paired alone (align.Pair with one page item) that ends with a copied item of the record's
    other list (`copied_tail`): its index -> (that item's index, the page item without it)."""
    texts = list_texts(O)
    if texts is None:
        return {}
    source = normalize(criteria)
    shown = frozenset(i for p in pairs for i in p.o)
    out = {}
    for p in pairs:
        if len(p.p) == 1:
            found = copied_tail(P[p.p[0]], p.o, O, texts, source, shown)
            if found is not None:
                out[p.p[0]] = found
    return out


def _without_tail(p_item: Entry, tail: str) -> Entry | None:
    """The page item without its last words that normalise to `tail` (None where no cut between words gives them)."""
    words = p_item.text.split()
    for n in range(1, len(words)):
        head, rest = " ".join(words[:-n]), " ".join(words[-n:])
        if normalize(rest) == tail:
            return replace(p_item, text=head.rstrip(" ,;"), norm=normalize(head))
    return None


def copied_tail_finding(p_item: Entry, O: list[Entry], k: int) -> Finding:
    """criterion_wrong_section for the record's other-list item O[k] run onto the end of page item `p_item`."""
    o = O[k]
    shown = without_marker(p_item.text) or p_item.text
    return criteria_finding(
        "criterion_wrong_section", WRONG_SECTION, [o], [p_item],
        f'This page lists "{quote(shown, 100)}" as {RULE[p_item.section]}, ending it with "{quote(o.text, 80)}", '
        f"which ClinicalTrials.gov lists as {RULE[o.section]}.", 100.0, index=k)
