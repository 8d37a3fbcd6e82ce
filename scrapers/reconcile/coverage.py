"""Which of the record's criteria a page does not show: cut by a "see full criteria" marker (criteria_truncated),
past where the page's list stops with no marker (criteria_incomplete, a note), or left out between shown ones
(criterion_missing). items.check_criteria pairs the items first; this module says what is left.

Counts are of the record's top-level items, as a reader counts them on ClinicalTrials.gov ("Exclusion Criteria:"
1 to 19), not of every sub-point TrialLens compares: "Of the 33 reasons someone cannot join" for a list of 19, some
with sub-points, could not be checked against the record (review of NCT07635758). See _tally for what each counts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from ..model import PageRecord
from .align import Entry, Pair
from .exceptions import exceptions_left_out, rule_before_exceptions
from .finding import RULE, RULES, Finding, criteria_finding, quote, rule_words

# a list's words for one item of it ("Of the 1 requirement for joining …")
_ONE = {**{RULES[s]: RULE[s].removeprefix("a ") for s in RULES},
        "eligibility criteria": "eligibility criterion", "criteria": "criterion"}


@dataclass
class _Tally:
    """One list's (or the whole record's) top-level items by what the page does with them; found + left_out + tail
    + unshown == total, so every sentence built from it adds up."""
    total: int = 0
    found: int = 0        # anything of it found on the page (its label, its text, one of its sub-points)
    in_part: int = 0      # found, but a sub-point (or, cut by a marker, its end) not
    left_out: int = 0     # nothing found, left out between ones found: each said by a criterion_missing finding
    tail: int = 0         # nothing found, after the last one found: the page may show it further down
    unshown: int = 0      # nothing found, in a list the page shows none of (criteria_list_not_shown says it)
    rest_after: bool = False   # the last one found goes on past where the page's list stops (sub-points not found)
    rest_of: str = ""          # that one's opening words, to name it ("the rest of "History of any of the following"")
    with_subs: int = 0    # how many have sub-points
    tail_texts: list[str] = field(default_factory=list)
    tail_heads: list[str] = field(default_factory=list)   # each tail item's first line, to name it


def top_items(O: list[Entry], section: str | None = None) -> dict[str, list[int]]:
    """The record's top-level items (Entry.group), each with its entries' indices: what a reader counts on
    ClinicalTrials.gov. One whose entries are all label lines parents no criterion and is not counted."""
    groups: dict[str, list[int]] = {}
    for i, e in enumerate(O):
        if section is None or e.section == section:
            groups.setdefault(e.group, []).append(i)
    return {g: idx for g, idx in groups.items() if any(not O[i].label for i in idx)}


def _tally(O: list[Entry], groups: dict[str, list[int]], matched_o: set[int], left_out: list[int],
           hidden: list[int], cut_at: int | None = None) -> _Tally:
    """Each top-level item counted once, as:
    - found: anything of it is on the page. One shown only in part (a sub-point left out, or the page's list stopping
      inside it) is found, "only in part": the sub-points left out between shown ones are said one by one by
      criterion_missing as before, and the rest of one the list stops inside is said with the tail;
    - left out: nothing of it is on the page, before the last item found (criterion_missing says it, once per item);
    - tail: nothing of it is on the page, after the last item found (the page may show it further down);
    - unshown: in a list the page shows nothing of (said apart, by criteria_list_not_shown).
    `cut_at`: the entry a "see full criteria" marker cut mid-text; its item is shown only in part."""
    t = _Tally()
    gone, after = set(left_out), set(hidden)
    for idx in groups.values():
        t.total += 1
        t.with_subs += len(idx) > 1
        if any(i in matched_o for i in idx):
            t.found += 1
            t.in_part += int(any(i not in matched_o and not O[i].label for i in idx) or cut_at in idx)
            if any(i in after for i in idx) or cut_at in idx:
                t.rest_after, t.rest_of = True, O[idx[0]].text
        elif any(i in after for i in idx):   # (before left_out: a merge's dropped part can be where the list stops)
            t.tail += 1
            t.tail_heads.append(O[idx[0]].text)
        elif any(i in gone for i in idx):
            t.left_out += 1
        else:
            t.unshown += 1
        t.tail_texts += [O[i].text for i in idx if i in after]
    return t


def _words(words: str, n: int) -> str:
    return _ONE.get(words, words) if n == 1 else words


def _subs(t: _Tally) -> str:
    """" (some with sub-points)": what tells a reader counting on ClinicalTrials.gov to count an item with its
    sub-points once."""
    if not t.with_subs:
        return ""
    return " (with sub-points)" if t.total == 1 else " (each with sub-points)" if t.with_subs == t.total \
        else " (some with sub-points)"


def _in_part(t: _Tally) -> str:
    if not t.in_part:
        return ""
    return " (only in part)" if t.found == 1 else " (each only in part)" if t.in_part == t.found \
        else f" ({t.in_part} only in part)"


def _left_out(t: _Tally) -> str:
    return f"; {t.left_out} more {'is' if t.left_out == 1 else 'are'} left out (see the other findings)" \
        if t.left_out else ""


def coverage_findings(O: list[Entry], P: list[Entry], pairs: list[Pair], page: PageRecord, last: int,
                       cut_short: bool, absent: set[int], reasons: dict[int, int], added: Iterable[int] = (),
                       foreign: list[str] = ()) -> list[Finding]:
    """Official items the page does not show: cut by a marker, past where the list stops, or missing. `reasons`: the
    record's exceptions the page lists as reasons of their own, each with its rule (exceptions.exception_roles).
    `added`: the page's items said to be not on the record (criterion_added); `foreign`: the lists that are not the
    record's (foreign.foreign_lists), said by one finding of their own and left out here."""
    matched_o = {i for p in pairs for i in p.o} - absent
    shown_sections = {e.section for e in P} | {O[i].section for i in matched_o}
    out: list[Finding] = []
    ends: set[int] = set()
    if page.criteria_truncated:
        hidden = [i for i in range(len(O)) if i not in matched_o and i > last and O[i].section not in foreign]
    else:
        # Criteria after the last one the page shows, with no "see full criteria" marker: the page
        # may load them further down or behind a button, or a capture may end there. Say so, as a
        # note rather than an alarm: only items left out between shown ones are certainly dropped,
        # and those the page shows another item in place of (_replaced).
        hidden = [i for i in range(len(O)) if i not in matched_o and i > last and not O[i].label
                  and O[i].section in shown_sections and O[i].section not in foreign]
        replaced = _replaced(O, P, pairs, hidden, added)
        ends = _past_shown_end(P, pairs, hidden, O, page) - replaced
        gone = replaced | ends
        hidden = [i for i in hidden if i not in gone]
    # a rule the page leaves out, listing its exceptions as reasons of their own: the record's item is left out (its
    # exceptions are said apart, as reasons the record does not give), not found (review round 8). (A rule inside an
    # item, under a label such as "Other:", is a label line the notes do not count: its item is found, as before.)
    found = matched_o - {e for e, h in reasons.items() if h not in matched_o and not O[h].depth}
    left_out = [i for i, e in enumerate(O)
                if not (i in found or i in hidden or e.label or e.section not in shown_sections or e.section in foreign)]
    if page.criteria_truncated:
        out += _truncated(O, hidden, found, left_out, last if cut_short else None)
    else:
        out += _incomplete_lists(O, hidden, found, left_out, P, last if cut_short else None)
    # (one left out only because the page shows where its list ends is marked: against a saved copy of the record, the
    # record may have dropped it since, and saved_copy.unconfirmed_by_copy says so)
    left = [replace(f, evidence={**f.evidence, "past_list_end": True})
            if f.evidence.get("official_index") in ends else f
            for f in _left_out_findings(O, P, pairs, left_out, found)]
    return out + _lists_not_shown(O, shown_sections, page) + left


def _replaced(O: list[Entry], P: list[Entry], pairs: list[Pair], hidden: list[int], added: Iterable[int]) -> set[int]:
    """Record items past the last one found that the page shows others in place of: with k items the record lacks
    after the last of its list that pairs (criterion_added), the first k of the record's top-level items after it are
    replaced, so left out (criterion_missing), not "further down this page" (review round 21, P3: a replaced last item
    was only a note beside the warning about its replacement). A list that simply stops shows nothing after its last
    pair, so its tail stays a note; so does the tail of a list none of whose items pair."""
    out: set[int] = set()
    gone = set(hidden)
    for section in dict.fromkeys(O[i].section for i in hidden):
        last_p = max((j for p in pairs for j in p.p if P[j].section == section), default=None)
        # (a list none of whose items pair names no place in the record's: which item its own replaced is a guess)
        k = 0 if last_p is None else sum(1 for j in added if P[j].section == section and j > last_p
                                         and _reads_as_criterion(P[j].text))
        if not k:
            continue
        items = [idx for idx in top_items(O, section).values() if all(i in gone for i in idx if not O[i].label)]
        for idx in items[:k]:
            out.update(i for i in idx if i in gone)
    return out


def _reads_as_criterion(text: str) -> bool:
    """Whether a page item the record lacks could stand in for one of its items: a few words of a rule, not a link, a
    button or a label ("Load more", "Show all ▼", "Patients must:"). A link to the rest of the list taken for a
    replacement called the record's next item left out (review round 22, F1)."""
    t = text.strip()
    return not t.endswith(":") and (len(t.split()) >= 3 or len(t) >= 20)


def _past_shown_end(P: list[Entry], pairs: list[Pair], hidden: list[int], O: list[Entry], page: PageRecord) -> set[int]:
    """Record items past the last one found in a list of the page's that visibly ends (page.criteria_ends_at: its
    reader saw the next section's heading, "Sponsors", after the criteria): the page shows no more of that list, so
    they are left out (criterion_missing), not "further down this page" (review round 21, P3: a dropped last reason
    someone cannot join was only a note). Only in a list some of whose items pair: which of the record's items the
    rest of a list none of whose items pair stands for is not known, and its note says so."""
    if not page.criteria_ends_at:
        return set()
    paired = {P[j].section for p in pairs for j in p.p}
    return {i for i in hidden if O[i].section in paired}


def _truncated(O: list[Entry], hidden: list[int], matched_o: set[int], left_out: list[int],
               cut_at: int | None) -> list[Finding]:
    """criteria_truncated: the page cuts its list with a "see full criteria" marker. Counted in the record's top-level
    items, with each list's own count beside the total, as a reader finds them on ClinicalTrials.gov ("of the 24
    criteria … (5 requirements for joining and 19 reasons someone cannot join)"); hidden_count is what the page does
    not show and no other finding names (found + left out + hidden_count == the total)."""
    t = _tally(O, top_items(O), matched_o, left_out, hidden, cut_at)
    if not t.total or (not hidden and cut_at is None):
        return []
    lists = [(list_words(O, s, n), n) for s in ("inclusion", "exclusion") if (n := len(top_items(O, s)))]
    subs = ", some with sub-points" if t.with_subs else ""
    whose = (f"of the {lists[0][1]} {lists[0][0]}{_subs(t)} that ClinicalTrials.gov lists" if len(lists) == 1 else
             f"of the {t.total} criteria ClinicalTrials.gov lists ("
             + " and ".join(f"{n} {words}" for words, n in lists) + f"{subs})")
    ending = f"{_left_out(t)}. Read the full list on ClinicalTrials.gov." if t.left_out else \
        ", so read the full list on ClinicalTrials.gov."
    return [Finding(
        "criteria_truncated", "warning", "criteria", f"{t.found} of {t.total} criteria shown{_in_part(t)}", t.total,
        f"This page cuts its eligibility criteria short: {whose}, TrialLens found {t.found} on it{_in_part(t)}{ending}",
        {"hidden_count": t.total - t.found - t.left_out, "found": t.found, "in_part": t.in_part,
         "left_out_count": t.left_out, "official_texts": t.tail_texts[:20], "last_cut_mid_item": cut_at is not None},
    )]


def list_words(O: list[Entry], section: str, n: int) -> str:
    """What a list's items are to a reader ("reasons someone cannot join"); "eligibility criteria" for one holding
    items the record gives under no heading."""
    placed = all(e.placed for e in O if e.section == section)
    return _words(RULES[section] if placed else "eligibility criteria", n)


def _incomplete_lists(O: list[Entry], hidden: list[int], matched_o: set[int], left_out: list[int],
                      P: list[Entry], cut_at: int | None = None) -> list[Finding]:
    """criteria_incomplete, one note per list with a tail the page may not show, counted in that list: "found 3 of the
    15 eligibility criteria … the last 2" beside "shows none of the 10 reasons someone cannot join" did not add up
    (review round 4, and the service pages' review). Counted in the list's top-level items (_tally): found + left out
    + the last N == the list's count, and the rest of an item the list stops inside is said with the last N.
    Evidence: found, in_part, left_out_count, not_shown_count (the last N) and official_texts (what of the record
    comes after the last item found). `cut_at`: the entry the page's last item shows only the start of (clipped.py)."""
    out = []
    sections = [O[i].section for i in hidden] + ([O[cut_at].section] if cut_at is not None else [])
    for section in dict.fromkeys(sections):
        t = _tally(O, top_items(O, section), matched_o, left_out, hidden, cut_at)
        words = list_words(O, section, t.total)
        placed = all(O[i].placed for i in range(len(O)) if O[i].section == section)
        of = f"Of the {t.total} {words}{_subs(t)} that ClinicalTrials.gov lists"
        own = sum(e.section == section for e in P)   # (the page's own items in that list)
        # ("that ClinicalTrials.gov lists": against a saved copy, said_by_copy names the copy, as everywhere)
        if t.total == 1:   # ("Of the 1 requirement for joining …, TrialLens found 1" read as a slip)
            message = (f"The one {words}{_subs(t)} that ClinicalTrials.gov lists is on this page only in part. The rest "
                       f"of it may be further down this page or missing, so check the full list on ClinicalTrials.gov."
                       if t.found else
                       f"TrialLens did not find on this page the one {words} that ClinicalTrials.gov lists, "
                       f"{_named_tail(t)}; check it on ClinicalTrials.gov.")
        elif t.found:
            # (the item the list stops inside, named by its opening words: "the one before them" left the reader to
            # work out which; review round 7)
            named = f'"{quote(t.rest_of.rstrip(" :;,"), 60)}"' if t.rest_of else "the last one"
            # (the last N named too: "the last 1 … may be further down" left the reader to guess which; round 21, P3)
            rest = f"the rest of {named}" if not t.tail else \
                f"the last {t.tail}, {_named_tail(t)}" + (f" (and the rest of {named})" if t.rest_after else "") + ","
            message = (f"{of}, TrialLens found {t.found} on this page{_in_part(t)}{_left_out(t)}. {rest[0].upper()}"
                       f"{rest[1:]} may be further down this page or missing, so check the full list on ClinicalTrials.gov.")
        else:
            # (as "found N of the M": "could not match any …, so it could not compare them" beside a finding that
            # the page's one item is not in the record read as a contradiction; review round 5)
            # (and the page's own items in that list, which another finding says are not in the record: "found none"
            # beside a page showing one read as a slip; review round 7)
            theirs = "" if not own else f" (it could not match the {'one' if own == 1 else own} it shows to any of them)"
            message = f"{of}, TrialLens found none on this page{theirs}; check the full list on ClinicalTrials.gov."
        out.append(Finding(
            "criteria_incomplete", "info", f"{section}_criteria" if placed else "criteria",
            f"{t.found} of {t.total} {words} shown{_in_part(t)}{_not_found(t)}", t.total, message,
            {"not_shown_count": t.tail, "found": t.found, "in_part": t.in_part, "left_out_count": t.left_out,
             "list": words, "official_texts": t.tail_texts[:20], "page_count": own},
        ))
    return out


def _named_tail(t: _Tally) -> str:
    """The first one or two items past where the page's list stops, as the record writes them: '"A"', '"A" and "B"',
    'starting with "A" and "B"'."""
    said = [f'"{quote(h.rstrip(" :;,"), 60)}"' for h in t.tail_heads[:2]]
    if len(said) < 2:
        return said[0] if said else ""
    return f"{said[0]} and {said[1]}" if t.tail == 2 else f"starting with {said[0]} and {said[1]}"


def _not_found(t: _Tally) -> str:
    """'; not found: "A"' (and how many more): the card's row says which item to look for, not just a count."""
    if not t.tail_heads or (not t.found and t.total > 1):
        return ""
    more = f" and {t.tail - 1} more" if t.tail > 1 else ""
    return f'; not found: "{quote(t.tail_heads[0].rstrip(" :;,"), 60)}"{more}'


def _lists_not_shown(O: list[Entry], shown_sections: set[str], page: PageRecord) -> list[Finding]:
    """A whole list of the record's the page shows none of ("This page shows none of the 10 reasons someone cannot
    join"): the one thing a reader most needs to know, never said before (review round 4). A note, not an alarm:
    the page may show it on another tab TrialLens did not read, and a page cut by "see full criteria" says so.
    Counted in the list's top-level items, as the other notes are."""
    if page.criteria_truncated:
        return []
    out = []
    for section in ("exclusion", "inclusion"):
        groups = {g: idx for g, idx in top_items(O, section).items() if any(O[i].placed for i in idx)}
        if groups and section not in shown_sections:
            t = _tally(O, groups, set(), [], [])
            # ("none of the 1 requirement for joining" read as a slip; review round 7, as drift's list_not_shown_one)
            # (the fact only: the note under the headline says what to do, "Read the 10 reasons someone cannot join on
            # ClinicalTrials.gov before you decide.", and the two said it twice; review round 8, N3)
            message = (f"TrialLens did not find on this page the one {_words(RULES[section], 1)}{_subs(t)} that "
                       f"ClinicalTrials.gov lists." if t.total == 1 else
                       f"TrialLens found on this page none of the {t.total} {RULES[section]}{_subs(t)} that "
                       f"ClinicalTrials.gov lists.")
            out.append(Finding("criteria_list_not_shown", "info", f"{section}_criteria", None, t.total, message,
                               {"section": section, "official_count": t.total}))
    return out


def _left_out_findings(O: list[Entry], P: list[Entry], pairs: list[Pair], left_out: list[int],
                       matched_o: set[int]) -> list[Finding]:
    """One criterion_missing per criterion the page leaves out. A criterion with parts ("Prostate biopsy (either
    TRUS or MRI Targeted or Template):" with its four sub-items) left out whole is one finding that quotes its
    head, not four fragments ending in "showing:" or "OR", so the findings match the notes' "N more are left out";
    its row gives the record's item whole, head first. A part left out is "part of" its item, quoted with the item's
    label ("For children with BPD: birth weight 401-1249 g"), which says whom it is for: the notes count the item as
    found in part, and "a reason someone cannot join" per sub-point read as more reasons than the record's (review
    round 7). A rule's exceptions ("…, except: a) … e)") are said as exceptions, never as reasons."""
    out: list[Finding] = []
    said: set[str] = set()
    by_group: dict[str, list[int]] = {}
    for i in left_out:
        by_group.setdefault(O[i].group, []).append(i)
    in_group: dict[str, list[int]] = {}
    for i, e in enumerate(O):
        if e.group in by_group:
            in_group.setdefault(e.group, []).append(i)
    for group, idx in by_group.items():
        members = in_group[group]
        head = O[members[0]]
        rule = rule_before_exceptions(head)
        parts = [i for i in members if not O[i].label]
        if len(members) > 1 and not any(i in matched_o for i in members):
            out.append(_whole_item_left_out(O, members, idx, rule))
            continue
        if rule and members[0] in matched_o and set(idx) <= set(parts):   # (the rule shown, not all its exceptions)
            out.append(exceptions_left_out(O, P, pairs, members[0], idx))
            continue
        label = next((O[i].text for i in members if O[i].label and i < idx[0]), "")
        for i in idx:
            message = _part_left_out(O, i, members, label)
            if message in said:
                continue   # (the same words in two groups: said once)
            said.add(message)
            out.append(criteria_finding("criterion_missing", "warning", [O[i]], [], message, 0.0, index=i))
    return out


def _whole_item_left_out(O: list[Entry], members: list[int], idx: list[int], rule: str | None) -> Finding:
    """One of the record's items, as the notes count them, left out with its sub-points: also under a label line,
    whose items are not always reasons of their own ("History of brain tumor or malignancy …, except:" over the
    cancers that do not keep anyone out, NCT07635758: its row listed the five cancers under "a reason someone cannot
    join", the rule cut before "except:"; review round 7). The row is the item as the record writes it."""
    head = O[members[0]]
    under = len(idx) - (members[0] in idx)
    if rule:
        message = (f'This page leaves out {rule_words(head)} that ClinicalTrials.gov lists: "{quote(rule, 120)}" '
                   f'(with {under} exception{"s" if under != 1 else ""}).')
    else:
        message = (f'This page leaves out {rule_words(head)} that ClinicalTrials.gov lists, "{quote(head.text)}", '
                   f'and {"the item" if under == 1 else f"the {under} items"} under it.')
    items = [O[i] for i in members if i in idx or O[i].label]
    return criteria_finding("criterion_missing", "warning", items, [], message, 0.0, index=idx[0])


def _part_left_out(O: list[Entry], i: int, members: list[int], label: str) -> str:
    """The message for one part of an item left out, the item found: part of the item ("part of a reason someone
    cannot join"), quoted with the label or the item's head. (A rule's exceptions: exceptions.exceptions_left_out.)"""
    text = O[i].text
    if len(members) == 1:
        return f'This page leaves out {rule_words(O[i])} that ClinicalTrials.gov lists: "{quote(text)}".'
    where = ""
    if label and not text.startswith(label) and len(label) > 60:
        # (a long label quoted before the part cut the part off: two parts left out under it read as one message,
        # said once, and the second was never said; drift benchmark, last item dropped)
        where = f', under "{quote(label, 60)}"'
    elif label and not text.startswith(label):
        text = f"{label} {text}"
    elif not label and i != members[0]:
        where = f', under "{quote(O[members[0]].text, 60)}"'
    return f'This page leaves out part of {rule_words(O[i])} that ClinicalTrials.gov lists: "{quote(text)}"{where}.'
