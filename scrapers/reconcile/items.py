"""Eligibility criteria, item by item: findings from the page's list aligned with the official one.

The official text is parsed by scrapers.criteria (the one parser) and aligned with the page's
items by align.py. Findings: criterion_missing, criterion_added, criterion_changed (a number,
unit, comparator or negation differs: critical, checked by the shared fidelity checker),
criterion_reworded (info), criteria_merged, criteria_split, criteria_truncated, and the note
criteria_incomplete; a page list that is not the record's is one criteria_not_record (foreign.py), and one far longer
than any trial's is not compared, one note criteria_not_compared (too_long.py), as is one costlier to compare in full
than one page may be (split_pairs.TooMuchWork); an item shown in far fewer words (criterion_shortened, or reworded) is
shortened.py's.
Anything the record's own text contains is never reported as added, and a whole section the page
does not show is not "missing".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..criteria import unescape_markdown
from ..model import OfficialRecord, PageRecord
from .align import Entry, Pair, align, normalize, official_entries, page_entries
from .clipped import clipped_pair, cut_pairs, starts_a_line
from .compare import compare
from .joined import JOINED
from .coverage import coverage_findings
from .foreign import compared, foreign_findings, foreign_lists, says_nothing
from .exceptions import exception_roles, exceptions_as_reasons, rejoin_rules, without_exceptions
from .sections import section_moves, turned_pairs, wrong_sections
from .too_long import too_long, too_long_finding, unfinished_finding
from .intro_rows import introduces_list
from .left_out import drop_absent_parts
from .and_split import and_split_findings
from .split_pairs import TooMuchWork, changed_split_findings, left_out_findings, regroup_splits
from .splits import faithful_split
from .shortened import shortened_findings, shortened_pairs
from .rewrapped import rewrapped_pairs
from .run_entries import entry_findings, merged_lines
from .sex_left_out import sex_word_findings
from .other_list import list_texts, other_list_finding, other_list_item
from .own_runs import block_items, said_of_blocks
from .joined_copy import copied_tail_finding, copied_tails, tail_pairs
from .run_on_words import said_of_run_on
from .finding import RULE, Finding, criteria_finding, quote, rule_words, without_marker


@dataclass
class Paired:
    """The record's criteria (O) and the page's (P), paired: item pairs, items shown in far fewer words (`short`:
    neither left out nor added), sub-items a joined page item leaves out (`absent`, taken out of their pairs), and the
    page's lists that are not the record's (`foreign`)."""
    O: list[Entry]
    P: list[Entry]
    pairs: list[Pair]
    short: list[Pair]
    absent: set[int]
    foreign: list[str]
    own: frozenset[int]   # (page items each one whole block of the record's text: own_runs.block_items)


def paired_lists(page: PageRecord, official: OfficialRecord) -> Paired | None:
    """The page's criteria paired with the record's, as the criteria check and the identity check both read them
    (one home, so the two stay in step); None when either gives no criteria."""
    P = page_entries(page)
    O = official_entries(official) if P else []
    if not O:   # (no criteria shown, at most a "see full criteria" link, or none in the record: nothing to compare)
        return None
    pairs = _no_fragment_across(O, P, align(O, P), page)   # (a cut-off last item is not read as moved)
    pairs = regroup_splits(O, P, rejoin_rules(O, P, pairs))   # (an item's alternatives one per page item)
    pairs = rewrapped_pairs(O, P, pairs, official.eligibility_criteria or "")   # (the record's lines: rewrapped.py)
    absent = drop_absent_parts(O, P, pairs)   # (sub-items a joined item leaves out: left_out.py)
    pairs = cut_pairs(O, P, pairs, page)   # (items the page cuts off, with the sub-items they start: clipped.py)
    pairs = tail_pairs(O, P, pairs, official.eligibility_criteria or "")   # (an item with a copy run on: joined_copy)
    absent -= {i for p in pairs for i in p.o}
    short = shortened_pairs(O, P, pairs)
    own = block_items(P, official.eligibility_criteria or "")
    # a page list almost none of whose items are the record's (another trial's): one finding for it, not one per item
    return Paired(O, P, pairs, short, absent, foreign_lists(O, P, pairs + short, own), own)


_FRAGMENT_WORDS = 3   # a page's last item of this many words or fewer, the start of a record item, says nothing of its list


def _no_fragment_across(O: list[Entry], P: list[Entry], pairs: list[Pair], page: PageRecord) -> list[Pair]:
    """`pairs` without one that pairs the page's last item, a few words the start of the record's item and no more (a
    capture that stops mid-item, showing no end to its list: "For children with"), with an item of the record's other
    list (a whole short item moved there, "Narcotic addiction", is still said moved). Those words start items of both
    lists; paired with "For children with BPD:" of the exclusions, the page was said to show that list and to leave out
    its other reasons, though it shows no exclusion list at all (dev.jsonl #14, NCT06427642; review r51 #9). Left
    unpaired, the clipped-item pairing (clipped.cut_pairs) pairs it within its own list."""
    last = len(P) - 1
    if page.criteria_ends_at or page.criteria_truncated:
        return pairs   # (a list shown to its end, or cut at a marker the reader saw: no capture stopping mid-item)
    return [p for p in pairs if not (
        p.p == [last] and len(P[last].norm.split()) <= _FRAGMENT_WORDS
        and all(O[i].section != P[last].section and O[i].norm != P[last].norm and O[i].norm.startswith(P[last].norm)
                for i in p.o[:1]))]


def criteria_are_another_trials(page: PageRecord, official: OfficialRecord) -> bool:
    """Is a criteria list the page shows not the record's (foreign_lists), and its other list none that could be the
    record's, as a page about another trial shows? A signal for the identity check (identity.py), where a condition
    word two illnesses share ("ischemic" stroke, hypoxic-ischemic encephalopathy) hid a page with its trial number
    swapped (review round 23). A list too short to judge that pairs with nothing (foreign.says_nothing) does not
    count against it: NCT00006110's nine inclusions under NCT00001444's number, none of them the record's, were not
    said to be another trial's for its one exclusion, "Prior malignancies except:"."""
    if too_long(page):   # (not compared: no signal)
        return False
    try:
        lists = paired_lists(page, official)
    except TooMuchWork:   # (not compared in full: no signal)
        return False
    if lists is None or not lists.foreign:
        return False
    found = lists.pairs + lists.short
    return all(section in lists.foreign or says_nothing(lists.O, lists.P, found, section, lists.own)
               for section in {e.section for e in lists.P})


def check_criteria(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    if too_long(page):   # (no trial's list is that long, and pairing it with the record's costs their lengths multiplied)
        O = official_entries(official)
        return [too_long_finding(O, page)] if O else []
    try:
        lists = paired_lists(page, official)
    except TooMuchWork as spent:   # (costlier than one page may be: not compared in full, too_long.py)
        return [unfinished_finding(official_entries(official), page, spent.spent, spent.limit)]
    if lists is None:
        return []
    O, P, pairs, short, foreign = lists.O, lists.P, lists.pairs, lists.short, lists.foreign
    # sub-items after the last one the page shows, in the item its list stops in, are past where it stops ("Best
    # FEV1 …" under a parent cut after its first sub-item), not left out: with a "see full criteria" marker or
    # without, and whether the page gives each sub-item a line or runs them into one (review round 7)
    last = max((i for p in pairs + short for i in p.o), default=-1)
    roles = exception_roles(O, P, pairs + short)   # (a rule's exceptions shown under it, or as reasons of their own)
    moves = section_moves(O, P, pairs, page.criteria_headings, official.eligibility_criteria or "",
                          {"inclusion": page.inclusion, "exclusion": page.exclusion})
    shown = compared(O, P, pairs, foreign)
    tails = copied_tails(O, P, shown, official.eligibility_criteria or "")   # (another list's item run on: joined_copy)
    out, cut_short = _pair_findings(O, P, shown, page, official, last, roles.under, turned_pairs(moves[1]), tails)
    out += exceptions_as_reasons(O, P, pairs + short, roles.reasons)
    out += shortened_findings(O, P, short)
    out += wrong_sections(O, P, pairs, moves=moves)
    # (with none of the page's criteria matched to the record's, "not on ClinicalTrials.gov" is said of every one
    # of them: the note that none could be matched, or the finding that the list is not the record's, says it)
    added = _added_items(O, P, pairs + short, official, foreign) if pairs or short else {}
    out += coverage_findings(O, P, pairs + short, page, last, cut_short, lists.absent, roles.reasons, added, foreign)
    out += foreign_findings(O, P, pairs + short, foreign, lists.own)
    out += _added_findings(O, P, added)
    # (a run-together page cut elsewhere than the record: run_on_words.py; a block of the record's own text shown as
    # one item on any other site: own_runs.py)
    return said_of_blocks(said_of_run_on(out, page, official), page, official)


def _pair_findings(O: list[Entry], P: list[Entry], pairs: list[Pair], page: PageRecord, official: OfficialRecord,
                   last: int, under: set[int], turned: set[tuple[tuple[int, ...], tuple[int, ...]]],
                   tails: dict[int, tuple[int, Entry]]) -> tuple[list[Finding], bool]:
    """Merged, split and changed items; and whether the last shown item was cut mid-text. `under`: the record's
    exceptions the page shows under their rule (exceptions.exception_roles); `turned`: the pairs wrong_sections says
    are the record's rule said the other way round (sections.section_moves), not compared; `tails`: page items ending
    with a copied item of the other list (joined_copy.copied_tails), said so and compared without it."""
    out: list[Finding] = []
    cut_short = False
    for p in pairs:
        o_items, p_items = [O[i] for i in p.o], [P[j] for j in p.p]
        o_text = " ".join(e.text for e in o_items)
        p_text = " ".join(e.text for e in p_items)
        cut = clipped_pair(O, P, p, page, last, _beside(P, p.p))
        if cut is not None:   # (an item the page cuts off: only the part shown is compared, clipped.py)
            out += cut[0]
            cut_short = cut_short or cut[1]
            continue
        if len(p.p) == 1 and p.p[0] in tails:   # ("… breast cancer Pregnant or breastfeeding women": joined_copy.py)
            k, head = tails[p.p[0]]
            out.append(copied_tail_finding(p_items[0], O, k))
            p_items, p_text = [head], head.text
        several = _shown_as_several(o_items, p_items) and not p.rewrapped
        changed = and_split_findings(o_items[0], p_items, p.sim) or \
            changed_split_findings(o_items, p_items, p.sim) if several else []
        if changed:   # (an exclusion's "X and Y" as two bullets: each excludes alone, and_split.py; a bullet with
            # its part's figure lost or changed, split_pairs.py)
            out += changed
            continue
        if p.rewrapped:   # (the record's text in the page's own line breaks: not split, and merged only where a
            # line runs two entries together as no line of the record does: run_entries.py)
            for held, m in merged_lines(o_items, p_items, official.eligibility_criteria or ""):
                joined = [o_items[n] for n in held]
                if not _same_item(joined, official.eligibility_criteria or ""):
                    out.append(_merged(joined, [p_items[m]], p.sim))
        elif len(p.o) > 1 and not _same_item(o_items, official.eligibility_criteria or ""):
            out.append(_merged(o_items, p_items, p.sim))
        elif len(p.p) > 1 and not _as_the_record_breaks_it(p_items, official.eligibility_criteria or ""):
            out.append(criteria_finding("criteria_split", "info", o_items, p_items,
                                f"This page splits {rule_words(o_items[0])} into {len(p.p)} items; ClinicalTrials.gov "
                                f'lists "{quote(o_text, 80)}" as one.', p.sim))
        split = faithful_split(o_items[0].section, o_items[0].text, tuple(e.text for e in p_items)) if several else None
        if split is not None:   # (its alternatives one per item, as the record says them: splits.py)
            out += left_out_findings(o_items, p_items, split, p.sim)
            continue
        if (tuple(p.o), tuple(p.p)) in turned:
            continue   # ("History of MI" among the exclusions for "No history of MI": one rule, sections.py says so)
        o_items = without_exceptions(O, p.o, p_items, under)   # (none of a rule's exceptions shown under it)
        if o_items and p_items and normalize(" ".join(e.text for e in o_items)) != normalize(p_text):
            nearby = _beside(P, p.p)   # (a run: each record entry against its own stretch of the page's words)
            found = (entry_findings(o_items, p_items, p.sim, nearby) if p.rewrapped else []) or \
                compare(o_items, p_items, p.sim, nearby)
            found = sex_word_findings(found, o_items, p_items, official.sex, p.sim)   # (the record's sex: sex_left_out)
            if out and out[-1].kind == "criteria_merged" and any(
                    c.startswith(JOINED) for f in found for c in f.evidence.get("changes", ())):
                out.pop()   # (this pair's merge, said once with what its joining word does: joined.py)
            out += found
    return out, cut_short


def _merged(o_items: list[Entry], p_items: list[Entry], sim: float) -> Finding:
    """criteria_merged: the page shows these record items as one."""
    p_text = " ".join(e.text for e in p_items)
    return criteria_finding("criteria_merged", "warning", o_items, p_items,
                            f"This page runs {len(o_items)} separate {rule_words(o_items[0], plural=True)} together as "
                            f'one item, "{quote(p_text, 80)}", where ClinicalTrials.gov lists them separately.', sim)


def _beside(P: list[Entry], shown: list[int]) -> tuple[str, ...]:
    """The texts of the page items just before and after a pair's, of its section (compare's `nearby`)."""
    near = {j + d for j in shown for d in (-1, 1)} - set(shown)
    return tuple(P[j].text for j in sorted(near) if 0 <= j < len(P) and P[j].section == P[shown[0]].section)


def _shown_as_several(o_items: list[Entry], p_items: list[Entry]) -> bool:
    """Is one record item shown as several page items, all of its section? (Then they may say its alternatives,
    splits.py, or its "X and Y" as two bullets, and_split.py.)"""
    return len(o_items) == 1 and len(p_items) > 1 and all(e.section == o_items[0].section for e in p_items)


def _added_items(O: list[Entry], P: list[Entry], pairs: list[Pair], official: OfficialRecord, foreign: list[str]
                 ) -> dict[int, tuple[int, bool] | None]:
    """Page items the record lacks, each with the record's item of its other list that it is or starts
    (other_list.other_list_item), else None; never text the record's own criteria contain, the trial's own
    condition ("Ischemic Stroke" as Veeva's first criterion), a placeholder ("N/A"), a row that only
    introduces the list ("Eligible patients:"), nor an item of a list that is not the record's (foreign.py
    says that list once). Text the record has only in its other list is not the record's in this one: a copy of
    its item, or the start of one, under the other heading is added (other_list.py, review r53 F3)."""
    matched_p = {j for p in pairs for j in p.p}
    source_text = normalize(official.eligibility_criteria or "")
    topics = {normalize(t) for t in official.conditions + official.keywords + official.condition_mesh_terms}
    texts = list_texts(O)
    added: dict[int, tuple[int, bool] | None] = {}
    for j, e in enumerate(P):
        if (j in matched_p or e.section in foreign
                or starts_a_line(e.text, official.eligibility_criteria or "")   # (its start, cut off: clipped.py)
                or len(re.sub(r"[^a-z0-9]", "", e.norm)) < 4 or introduces_list(e.text, e.section)):
            continue
        other = other_list_item(e, O, texts, source_text, e.norm in topics)
        if other is not None or not ((len(e.norm) >= 12 and e.norm in source_text) or e.norm in topics):
            added[j] = other
    return added


def _added_findings(O: list[Entry], P: list[Entry], added: dict[int, tuple[int, bool] | None]) -> list[Finding]:
    """criterion_added for each page item the record lacks (_added_items); one the record has only in its other
    list is said so (other_list.py)."""
    out = []
    for j, other in added.items():
        e = P[j]
        if other is not None:
            out.append(other_list_finding(e, O, *other))   # (the record's words, in its other list only)
            continue
        # (quoted without the page's own list marker, as its row shows it: "This page lists "4. History of …"")
        shown = without_marker(e.text) or e.text
        message = (f'This page lists "{quote(shown)}" as {RULE[e.section]}, but TrialLens could not find it on '
                   "ClinicalTrials.gov.")
        out.append(criteria_finding("criterion_added", "warning", [], [e], message, 0.0))
    return out


def _same_item(items: list[Entry], source: str) -> bool:
    return one_item_as_written([e.text for e in items], source, len({e.group for e in items}) == 1)


def one_item_as_written(texts: list[str], source: str, same_group: bool = False) -> bool:
    """Official items that are one item as written: a parent with its sub-items, or one line
    the parser split ("1) … 2) …"). Showing them together is not a merge."""
    if same_group:
        return True
    heads = [re.sub(r"\s+", " ", t[:25]).strip() for t in texts]
    for line in unescape_markdown(source).splitlines():
        line = re.sub(r"\s+", " ", line)
        if all(h in line for h in heads):
            return True
    return False


# where a record's text breaks one line of its list from the next: a line that starts with a list marker, or a blank line
_RECORD_BREAK = re.compile(r"\n[ \t]*(?=[-*•+][ \t]|\(?\d{1,3}[.)][ \t]|\(?[a-zA-Z][.)][ \t])|\n[ \t]*\n")


def _as_the_record_breaks_it(p_items: list[Entry], source: str) -> bool:
    """Is each of the page's items one of the record's own lines, as its text breaks them? An item the record's text
    cuts inside a bracket ("… (e.g., zalcitabine or" / "lamivudine]).") is one criterion to the parser, and a page
    showing the two lines as the record writes them copies the record: it splits nothing (review r20)."""
    lines = {normalize(line) for line in _RECORD_BREAK.split(source)}
    return all(e.norm in lines for e in p_items)
