"""Criteria shown under the other heading: a reason someone cannot join listed among the requirements for joining
(the page tells people a reason to stay out is a reason to join), or a requirement listed as a reason someone cannot
join (the page turns away exactly the people the trial asks for: "Patients who have not received thrombolysis" shown
as a reason to stay out, review r35 #6, was only a warning). Either is critical (WRONG_SECTION). A few are said one by one; many are one finding that counts them, and
every item the page shows under the other heading is one finding that the headings are swapped (review round 10, P4:
six or more moved, or the headings swapped, were said nothing at all, and the card read "Matches"; round 11c, N4: many
moved each way is not swapped headings).

Two moves are not claimed (session sect8): the record's rule said the other way round, "History of MI" among the
exclusions for the requirement "No history of MI" (the same rule: an info), and an item the page shows after the
very heading the record puts it under, run into the page's paragraph where TrialLens did not read it as a heading
("… consent. Inclusion Criteria for Healthy Volunteers: * …", a one-paragraph page: the page is faithful, its reading
is not).

Session moves1: in a record with one list (an "Inclusion Criteria" heading only, a PDQ outline) a requirement the
page files under its exclusion heading is moved too, unless the item says its own side ("No X", "… are excluded");
and an item the page shows after a record heading of the other list that TrialLens leaves unread in the page's text
is moved to where the reader sees it (review r40 G4). Session moves2 (review r45): a one-list record's item is a
requirement moved only where the record's words say nothing else (`_record_says_out`: the item itself, a label over
it, an "Exclusion Criteria" run into an item before it), and an item is moved after an unread heading only where the
record's own items do not have it there too (run_in_headings.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..lead_ins import OWN_SIDE as _OWN_SIDE, says_out as _label_says_out, states_out as _states_out
from ..fidelity import _CLASSES
from .align import Entry, Pair
from .finding import RULE, RULES, Finding, criteria_finding, quote, without_marker
from .normal import normalize
from .run_in_headings import (SECTIONS, Move, _HEAD_WORDS, _after_other_heading, _record_headings,
                              _under_own_heading, ends_in_heading)


def _other(section: str) -> str:
    return "exclusion" if section == "inclusion" else "inclusion"


def _count(O: list[Entry], section: str) -> int:
    """The record's top-level items in a list, as a reader counts them on ClinicalTrials.gov (coverage counts so)."""
    return len({e.group for e in O if e.section == section and e.placed and not e.label})


def section_moves(O: list[Entry], P: list[Entry], pairs: list[Pair], headings: Iterable[str] = (),
                  record_text: str = "", shown: dict[str, list[str]] | None = None) -> tuple[list[Move], list[Move]]:
    """(moved, turned): the record's items the page shows under the other heading, where the record and the page both
    have two lists, and the ones that are the record's rule said the other way round (`turned_rule`), where the page
    shows two lists. One decision, used twice: wrong_sections says the turned ones as an info, and items.py skips
    comparing exactly those pairs. Any other pair read in the other list is compared as before: where this finds
    nothing (the page read as one list, a list emptied, an item after its own record heading) a one-"not" difference
    is a flip (review r40 F1: 49/49 one-paragraph and 34/34 one-line-a-<p> flips were silent). In a record with one
    list (a PDQ outline) only an item that does not say its own side is moved (`_says_its_side`: "No X" among its
    requirements is faithful under the page's exclusion heading); one the page shows as "X" under its exclusion
    heading is the same rule (r38 §7). `headings`, `record_text`, `shown`: as wrong_sections takes them."""
    page_both = {e.section for e in P} >= set(SECTIONS)
    if not (page_both or set(headings) >= set(SECTIONS)):
        # (a page whose items all read as one list may show them under no heading, or under one, which the scrapers
        # read as "Inclusion Criteria": calling that "lists them as requirements for joining" would be an alarm the
        # page does not back. A page showing both headings, one of them over no items, has moved that whole list
        # under the other heading: said as any other many moved)
        return [], []
    own = {sec: {e.norm for e in O if e.section == sec} for sec in SECTIONS}
    other = [(p, O[p.o[0]], P[p.p[0]]) for p in pairs if len(p.o) == 1 and len(p.p) == 1
             and O[p.o[0]].placed and not O[p.o[0]].label and O[p.o[0]].section != P[p.p[0]].section
             and P[p.p[0]].norm not in own[P[p.p[0]].section]]   # the record has it under both headings
    # (the record parsed again only where an item moved, or the page's lists hold a heading's words)
    heads = _record_headings(record_text) if other or (shown and _HEAD_WORDS.search(
        " ".join(t for ts in shown.values() for t in ts))) else []
    if shown and other:
        other = [m for m in other if not _under_own_heading(m[1], m[2], heads, shown.get(m[2].section, []))]
    record_both = {e.section for e in O if e.placed} >= set(SECTIONS)
    if shown and heads and page_both and record_both:
        other += _after_other_heading(O, P, pairs, heads, shown)
    # (who a turned rule binds changes with the sub-heading it sits under: r40 F4)
    turned = [m for m in other if turned_rule(m[1], m[2])] if page_both and not _group_headings(heads) else []
    return [m for m in other if m not in turned and (record_both or not _record_says_out(O, m[0].o[0]))], turned


def _says_its_side(text: str) -> bool:
    """Does the record's item say itself that it is a reason to stay out, whatever heading it is listed under? In a
    record with one list, "No prior chemotherapy" among its requirements is shown faithfully under a page's exclusion
    heading (the reader reads the same rule: prior chemotherapy keeps them out), and is not claimed as moved; an item
    that does not ("Histologically confirmed breast cancer", "Age 18 and over") under the page's exclusions turns
    the requirement into a reason to stay out (moves1: 235 of 236 such real moves were silent)."""
    return bool(_OWN_SIDE.search(text)) or _HEAD_NOT.match(_words(text)) is not None or _states_out(text)
# the exclusion heading as a record runs it into an item's end ("… 6feet 4 inches Exclusion Criteria", NCT00491777),
# where the record parser, wanting a full stop before it, reads on one list
_EXCLUSION_HEADINGS = ("Exclusion Criteria", "Exclusion criteria", "EXCLUSION CRITERIA")


def _record_says_out(O: list[Entry], i: int) -> bool:
    """Does the one-list record say that its item `O[i]` keeps people out, so that a page filing it under its
    exclusion heading is faithful: the item says so itself (`_says_its_side`), a label it is listed under does
    ("Patients are not eligible for this trial if they:", "Patients with the following problems will be considered
    ineligible:", "Excludes the following \"treatable\" conditions:"; r45 F1, 5 records), or it comes after an
    "Exclusion Criteria" heading run into an item's end (r45 F2: NCT00493025, NCT00491777)? Only where the record's
    own words say nothing of the kind is the item a requirement the page turns into a reason to stay out."""
    item = O[i]
    said = _says_its_side(item.text)
    if said or item.section != "inclusion":   # (an exclusion-only record's item under "… are excluded:": moved still)
        return said
    depth = item.depth
    for e in reversed(O[:i]):
        if e.section != item.section:
            continue
        if any(ends_in_heading(e.text, written) for written in _EXCLUSION_HEADINGS):
            return True
        if e.group == item.group and e.depth < depth:
            depth = e.depth
            if e.label and _label_says_out(e.text, negated_lists=False):
                return True
    return False


def turned_pairs(turned: list[Move]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The (record, page) indices of the turned pairs, for items.py to skip comparing exactly those."""
    return {(tuple(p.o), tuple(p.p)) for p, _, _ in turned}


def wrong_sections(O: list[Entry], P: list[Entry], pairs: list[Pair], headings: Iterable[str] = (),
                   record_text: str = "", shown: dict[str, list[str]] | None = None,
                   moves: tuple[list[Move], list[Move]] | None = None) -> list[Finding]:
    """The record's items the page shows under the other heading, where the record and the page both have two lists. A few in a list
    are one finding each; more than a third of that page list (and more than 2) are one finding counting them, since
    a page moving that many is more likely laid out (or read) under the wrong heading than edited item by item, and
    either way the reader must be told; and both lists so, with none of the page's items under its own heading, is
    one finding that the headings are swapped. `headings`: the criteria headings the page showed
    (PageRecord.criteria_headings); `record_text` and `shown` (the page's lists as read, by section): an item the
    page shows after its own record heading, unread in a paragraph, is not moved (`_under_own_heading`); one said the
    other way round is an info (`turned_rule`). `moves`: section_moves's answer, where the caller has it already."""
    moved, turned = moves if moves is not None else section_moves(O, P, pairs, headings, record_text, shown)
    on_page = Counter(e.section for e in P)
    into = {sec: [m for m in moved if m[2].section == sec] for sec in SECTIONS}
    many = {sec for sec in SECTIONS if len(into[sec]) > max(2, on_page[sec] // 3)}
    said = [_said_other_way(p, oe, pe) for p, oe, pe in turned]
    if many == set(SECTIONS) and not _rightly_placed(O, P, pairs, {sec: {e.norm for e in O if e.section == sec}
                                                                  for sec in SECTIONS}):
        return [_swapped(O, into)] + said
    return [_grouped(O, into[sec]) for sec in SECTIONS if sec in many] + \
        [_one(p, oe, pe) for p, oe, pe in moved if pe.section not in many] + said


# the one negation that turns a whole rule: at the item's head ("No X", "Not X", "Without X", "Never X", "Must not
# X"), or the main verb's, after a subject that names no group and its verb ("Patients who have not received X",
# "Subject must not be pregnant"). Not a "non-" (non-small cell, non-melanoma, Non-ST-elevation, non-smoker: a name,
# or a word of its own), not a "not" inside a clause ("… or females not practicing birth control", "Patients not
# ventilated with asthma"): review r40 F2. Not after "may": "May not be younger than 18" among the reasons to stay
# out is "May be younger than 18" among the requirements only by its words (minors invited, r40 F1)
_SUBJECT = r"(?:the\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|people|volunteers?|candidates?)\s+" \
    r"(?:(?:who|that)\s+)?"
_AUX = r"(?:must|should|can|will|do|does|did|have|has|had|are|is|was|were|be|been)\s+"
_HEAD_NOT = re.compile(rf"^(?P<before>(?:{_SUBJECT})?(?:{_AUX}){{0,2}})(?P<neg>no|not|never|without|cannot)\s+"
                       r"(?P<rest>.+)$")
_BARE_SUBJECT = re.compile(rf"^{_SUBJECT}$")   # (a subject, no verb: "Patients not ventilated with asthma")
# a second clause the head's negation does not reach ("… have not responded to X or who have an adverse event")
_CLAUSE = re.compile(r"\b(?:or|and)\s+(?:who|that|which|whose|if|when|patients?|subjects?|participants?|has|have|"
                     r"had|is|are|was|were|do|does|did|must|should|can|will|may)\b")
_DO = re.compile(r"(?:^|\s)(?:do|does|did)\s+$")
_WORD = re.compile(r"[a-z0-9<>=%+]+(?:[-.,/'][a-z0-9<>=%+]+)*")
_NEGATION = _CLASSES["negation"]


def _words(text: str) -> str:
    """The item as words, as normalize reads it, without the punctuation between them ("No HIV, HTLV" / "HIV HTLV")."""
    return " ".join(_WORD.findall(normalize(text)))


def _unturned(negated: str) -> set[str]:
    """The rule with its one whole-rule negation taken away ("no X" → "x"; "without X" → "with x" or "x"; "do not
    have X" → "have x"), or nothing where the item has none, or holds another negative word."""
    m = _HEAD_NOT.match(_words(negated))
    if m is None or _NEGATION.search(m["before"] + " " + m["rest"]) or _CLAUSE.search(m["rest"]) or (
            m["neg"] in ("not", "never") and _BARE_SUBJECT.match(m["before"])):   # ("Patients without X" is one)
        return set()
    before, neg, rest = m["before"], m["neg"], m["rest"]
    said = {before + rest, before + ("with " if neg == "without" else "can " if neg == "cannot" else "") + rest}
    if neg == "not" and _DO.search(before):
        said.add(_DO.sub(" ", before).lstrip() + rest)
    return said


def turned_rule(oe: Entry, pe: Entry) -> bool:
    """Is the page's item, under the other heading, the record's rule with its one whole-rule "not" taken away or
    added, and nothing else changed: "History of myocardial infarction" among the reasons to stay out for the
    requirement "No history of myocardial infarction" (review r38 §7: critical on 37 of 40 such real items, as a
    "not" changed and as a move)? A requirement "No X" and a reason to stay out "X" are one rule, said the other way
    round: the same people join. Only where the negation negates the whole rule (`_HEAD_NOT`), the item holds no
    other negative, and without it the two are one text word for word (case, punctuation and spacing aside): "No
    active hepatitis B" shown as "Active hepatitis C", or "major" as "minor", is a changed rule (review r40 F3, which
    the 90 %-alike test let through). "X" shown as "X" under the other heading is no such item, and stays critical."""
    if oe.section == pe.section or oe.norm == pe.norm:
        return False
    return any(_words(plain) in _unturned(negated) and not _NEGATION.search(_words(plain))
               for negated, plain in ((oe.text, pe.text), (pe.text, oe.text)))


_GROUP = re.compile(r"\b(?:healthy|volunteers?|patients?|participants?|subjects?|controls?|cohorts?|groups?|arms?|"
                    r"parts?|donors?|recipients?|children|child|adults?|adolescents?|infants?|women|men|mothers?|"
                    r"partners?|caregivers?|parents?|cases?|pediatric|paediatric)\b", re.I)
_CATEGORY = re.compile(r"characteristics|therapy|history", re.I)   # (PDQ's "PATIENT CHARACTERISTICS:": no group)


def _group_headings(heads: list[tuple[str, str, int]]) -> bool:
    """Does the record split a list by whom it binds: a list with more than one heading, one of them naming a group
    ("Inclusion Criteria:" … "Inclusion Criteria for Healthy Volunteers:")? A rule turned across such a heading binds
    other people (r40 F4: a healthy volunteer's "No history of facial pain" shown as "History of …" among everyone's
    exclusions turns away the trial's patients), so it stays a move."""
    per = Counter(sec for _, sec, _ in heads)
    return any(per[sec] > 1 and _GROUP.search(h) and not _CATEGORY.search(h) for h, sec, _ in heads)


def _said_other_way(p: Pair, oe: Entry, pe: Entry) -> Finding:
    return criteria_finding(
        "criterion_wrong_section", "info", [oe], [pe],
        f'This page lists "{quote(pe.text, 80)}" as {RULE[pe.section]}, where ClinicalTrials.gov words the same rule '
        f'as {RULE[oe.section]}: "{quote(oe.text, 80)}".', p.sim, index=p.o[0])


def _rightly_placed(O: list[Entry], P: list[Entry], pairs: list[Pair], own: dict[str, set[str]]) -> bool:
    """Whether the page shows any of the record's items under its own heading (one the record lists under both
    headings is neither). "The two headings are swapped" would have the reader flip those too: six moved each way,
    with 4 requirements and 11 reasons in place, read "the two lists appear under the opposite headings" (review round
    11c, N4), so the page's headings are called swapped only when every item it shows is under the other one."""
    for p in pairs:
        pe = P[p.p[0]]
        if pe.norm in own[_other(pe.section)]:
            continue
        if any(O[i].placed and not O[i].label and O[i].section == pe.section for i in p.o):
            return True
    return False


# a criterion under the other heading turns its rule around, whichever way it moved: critical (joined.py's too)
WRONG_SECTION = "critical"


def _one(p: Pair, oe: Entry, pe: Entry) -> Finding:
    return criteria_finding(
        "criterion_wrong_section", WRONG_SECTION, [oe], [pe],
        f'This page lists "{quote(pe.text, 80)}" as {RULE[pe.section]}, but ClinicalTrials.gov lists it as '
        f'{RULE[oe.section]}.', p.sim, index=p.o[0])


def _quoted(items: list[Entry]) -> str:
    """'"A", "B" and 4 more': the first two of the page's items, as its rows show them."""
    said = [f'"{quote(without_marker(e.text) or e.text, 60)}"' for e in items[:2]]
    if len(items) <= 2:
        return " and ".join(said)
    return f"{said[0]}, {said[1]} and {len(items) - 2} more"


def _grouped(O: list[Entry], moved: list[tuple[Pair, Entry, Entry]]) -> Finding:
    """Many of the record's items of one list under the page's other heading, in one finding with the counts a reader
    can check on ClinicalTrials.gov ("6 of the 17 it lists")."""
    into, was = moved[0][2].section, moved[0][1].section
    n, total = len({oe.group for _, oe, _ in moved}), _count(O, was)
    them = [pe for _, _, pe in moved]
    finding = criteria_finding(
        "criterion_wrong_section", WRONG_SECTION, [oe for _, oe, _ in moved], them,
        f"This page lists {_quoted(them)} as {RULES[into]}, but ClinicalTrials.gov lists them as {RULES[was]} "
        f"({n} of the {total} it lists).", min(p.sim for p, _, _ in moved), index=moved[0][0].o[0])
    finding.page_value = f"{n} of {total} listed as {RULES[into]}"
    finding.official_value = total
    return finding


def _of(n: int, total: int, what: str) -> str:
    """"all 17 reasons someone cannot join", or "15 of the 17 …" when the page shows only part of the list."""
    return f"all {n} {what}" if n == total else f"{n} of the {total} {what}"


def _swapped(O: list[Entry], into: dict[str, list[tuple[Pair, Entry, Entry]]]) -> Finding:
    """Every item the page shows under the other heading: one critical finding that says the headings are swapped,
    in short words, with the counts a reader can check on ClinicalTrials.gov. The page (or TrialLens's reading of it)
    has them the other way round; either way the reader must not take its reasons someone cannot join for
    requirements. ("ClinicalTrials.gov lists": against a saved copy, said_by_copy names the copy, as everywhere.)"""
    exc, inc = into["inclusion"], into["exclusion"]
    n_exc, n_inc = len({oe.group for _, oe, _ in exc}), len({oe.group for _, oe, _ in inc})
    t_exc, t_inc = _count(O, "exclusion"), _count(O, "inclusion")
    moved = exc + inc
    finding = criteria_finding(
        "criterion_wrong_section", WRONG_SECTION, [oe for _, oe, _ in moved], [pe for _, _, pe in moved],
        f"This page has its two headings swapped. What it lists as {RULES['inclusion']} are "
        f"{_of(n_exc, t_exc, RULES['exclusion'])} that ClinicalTrials.gov lists, and what it lists as "
        f"{RULES['exclusion']} are {_of(n_inc, t_inc, RULES['inclusion'])}. Read both lists on ClinicalTrials.gov.",
        min(p.sim for p, _, _ in moved), index=moved[0][0].o[0])
    finding.field = "criteria"
    finding.page_value = "the two headings swapped"
    finding.official_value = t_exc + t_inc
    return finding
