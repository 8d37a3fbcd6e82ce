"""Separate record items a page runs together as one, joined by a word: "Diabetes or hypertension" where
ClinicalTrials.gov lists "Diabetes" and "Hypertension" as two items. Each reason someone cannot join keeps them out
alone, so two exclusions joined by "or" say what the record says; two requirements are each asked for, so joined by
"and" they say it too. The other word changes the rule: two requirements joined by "or" ask for either, two exclusions
joined by "and" keep out only someone with both. The fidelity check sees an "or" (or "and") the record lacks and says
the item "differs in an 'or'", quoting the record's items run together, beside the criteria_merged warning: a
critical alarm for the faithful join and two findings for the wrong one (words3). Here the join is read once: for
the faithful word each record item is compared with its own part of the page item (joined_parts, part_findings), as
if shown apart, so a qualifier or figure changed inside either part is said as it would be unjoined (review r28 #1:
the two items compared glued together hid it behind the merge warning); for the other word one critical finding says
what it does. Shown on the other list, the joined item is in the wrong list whatever joins it, as two bullets there
would be (review r28 #2: it got only the merge warning).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import combinations

from rapidfuzz import fuzz

from .align import Entry
from .alternatives import as_either
from .finding import RULE, RULES, Finding, criteria_finding, quote, rule_words
from .factored import shared_lead
from .normal import normalize
from .sections import WRONG_SECTION

# the word that joins separate items of a list as the list itself does
_LIST_WORD = {"exclusion": "or", "inclusion": "and"}
JOINED = "separate items joined"   # (the start of the change a wrong join reports: items.py drops the merge warning)
_MOST_CUTS = 16   # places a page item could be cut at, past which it is no run of a few items (no cut is tried)


def _joins(text: str) -> Counter:
    return Counter(re.findall(r"\b(?:or|and)\b", re.sub(r"(?i)\band\s*/\s*or\b", "or", text).lower()))


def join_word(o_items: list[Entry], o_text: str, p_text: str) -> str | None:
    """The word ("or"/"and") a page adds to join several separate record items of one list into one item; None for
    anything else (sub-points of one item, whose lead-in says how they join; items the record gives under no
    heading)."""
    if len(o_items) < 2 or len({e.group for e in o_items}) < len(o_items) or \
            len({e.section for e in o_items}) > 1 or not all(e.placed for e in o_items):
        return None
    o, p = _joins(_as_listed(o_items, o_text)), _joins(_as_listed(o_items, p_text))
    added = [w for w in ("or", "and") if p[w] > o[w]]
    fewer = [w for w in ("or", "and") if p[w] < o[w]]
    if added == ["or", "and"] and not fewer and _joins(p_text)["or"] <= _joins(o_text)["or"]:
        return "and"   # ("Pregnancy and lactation and endocrine disease": only the pair means either; review r30 #1)
    return added[0] if len(added) == 1 and not fewer else None


def _as_listed(o_items: list[Entry], text: str) -> str:
    """An exclusion's "pregnant and breastfeeding" as the "or" it means (alternatives.as_either: every such exclusion
    item of the corpus means either), so the record's "Pregnant" and "Breastfeeding" shown so are joined by the
    exclusion list's own word; they were a critical "only all of them together" (session alarms). A requirement's
    "and" is left as written."""
    return as_either(text) if o_items and o_items[0].section == "exclusion" else text


def in_own_list(o_items: list[Entry], p_items: list[Entry]) -> bool:
    """Does the page show its items in the record items' own list?"""
    return all(e.section == o_items[0].section for e in p_items)


def joined_parts(o_items: list[Entry], p_items: list[Entry], o_text: str, p_text: str) -> list[str] | None:
    """The page item cut into one part per record item where it joins them: with its list's own word ("Diabetes or
    myocardial infarction" for the exclusions "Diabetes" and "Recent myocardial infarction": "Diabetes", "myocardial
    infarction"), or with either word on the other list. None otherwise (the other word in the items' own list is
    joined_findings'), or when no cut gives each record item a part like it."""
    p_text = _as_listed(o_items, p_text)   # ("Pregnant and breastfeeding" for the two: split on the "or" it means)
    word = join_word(o_items, o_text, p_text) if len(p_items) == 1 else None
    if word is None or (word != _LIST_WORD.get(o_items[0].section) and in_own_list(o_items, p_items)):
        return None
    said = r"(?:and\s*/\s*)?or" if word == "or" else r"and(?!\s*/)"   # ("and/or" joins as "or" does: _joins)
    cuts = [(m.start(), m.end()) for m in re.finditer(rf"(?i)\s*[,;]?\s+{said}\s+|\s*[,;]\s+", p_text)]
    if not len(o_items) - 1 <= len(cuts) <= _MOST_CUTS or len(o_items) > 4:
        return None
    wanted = [normalize(e.text) for e in o_items]
    best, best_score = None, -1.0
    for chosen in combinations(cuts, len(o_items) - 1):   # (in order: one part per record item, as the page runs them)
        starts = [0] + [end for _, end in chosen]
        ends = [start for start, _ in chosen] + [len(p_text)]
        parts = [p_text[a:b].strip() for a, b in zip(starts, ends)]
        if o_items[0].section == "exclusion":   # ("Known allergy to stainless steel or platinum": each part whole)
            parts = _lead_said_again(o_items, parts)
        score = min(fuzz.ratio(normalize(part), w) for part, w in zip(parts, wanted))
        if score > best_score:
            best, best_score = parts, score
    return best if best_score >= 50 else None


def _lead_said_again(o_items: list[Entry], parts: list[str]) -> list[str]:
    """The parts of an exclusion run together with the record items' shared leading words said once ("Uncontrolled
    diabetes or hypertension": "Uncontrolled diabetes", "hypertension"), each later part that is its record item but
    for those words read as that item; either excludes alone, so the join keeps each one's meaning. Only when every
    part keeps its item's other words exactly; else the parts as cut (a changed word stays a change)."""
    norms = [normalize(e.text) for e in o_items]
    lead = shared_lead(norms)
    if not lead or not normalize(parts[0]).startswith(lead + " "):
        return parts
    out = [parts[0]]
    for part, o, norm in zip(parts[1:], o_items[1:], norms[1:]):
        if normalize(part) not in (norm, norm[len(lead) + 1:]):
            return parts
        out.append(o.text if normalize(part) != norm else part)
    return out


def part_findings(o_items: list[Entry], p_items: list[Entry], parts: list[str], sim: float,
                  compare_one: Callable[[list[Entry], list[Entry], float], list[Finding]]) -> list[Finding]:
    """The joined page item's findings: on the other list, that it is in the wrong list; then what each record item's
    own part changes, compared as an item shown apart would be (`compare_one`: compare.compare). A part that copies
    its item adds nothing to the merge warning. Part findings quote the part and keep the page item's whole text in
    their evidence (the item a reader sees)."""
    p_item = p_items[0]
    out = [] if in_own_list(o_items, p_items) else [_elsewhere(o_items, p_item, sim)]
    out += _negation_over(o_items, p_item, parts, sim)
    for o, part in zip(o_items, parts):
        if normalize(part) == normalize(o.text):
            continue
        shown = replace(p_item, text=part, norm=normalize(part))
        for f in compare_one([o], [shown], fuzz.ratio(normalize(o.text), shown.norm)):
            f.evidence["page_texts"] = [p_item.text]
            out.append(f)
    return out


# a negation that opens an item and reads over all that follows it in a join ("No diabetes or hypertension"), and
# the words with which a later part says its own ("not speaking English", "unable to work")
_NEGATION = re.compile(r"(?i)(?:no|without|absence of|free of)\b")
_OWN_NEGATION = re.compile(r"(?i)(?:no|not|non|none|never|without|absence|free of|unable|cannot|inability|lack)\b")
# a later part "No" can read over: a name of a condition, a few words with no figure, list or clause of its own
# ("hypertension", "congenital spinal cord injury"; not "age < 18 years", "previously enrolled", "must be literate")
_GOVERNED = re.compile(r"(?i)(?!(?:a|an|the|any|age|patients?|subjects?|participants?|must|may|will|can|is|are|was|"
                       r"were|has|have|had|did|does|exclude\w*|report\w*|currently|previously|recent|ever|other|"
                       r"\w+ly|\w+ing|\w+ed)\b)[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}")


def _negation_over(o_items: list[Entry], p_item: Entry, parts: list[str], sim: float) -> list[Finding]:
    """One critical criterion_changed when the first record item's opening "No" ("No diabetes") leads the page's join
    and so reads over a later item the record says without one ("Hypertension"): "No diabetes or hypertension" turns
    that item's rule around (review r30: only the merge warning). Exclusions only: their join is "or", and "no A or B"
    reads as neither; a requirement's "No A and B" may be read as two. None where each item has its own ("No
    diabetes", "No hypertension": said once for both is the copy's to do)."""
    neg = _NEGATION.match(parts[0].strip())
    if neg is None or o_items[0].section != "exclusion" or not _NEGATION.match(normalize(o_items[0].text)):
        return []
    over = [o for o, part in zip(o_items[1:], parts[1:])
            if not _OWN_NEGATION.match(o.text.strip()) and not _OWN_NEGATION.match(part.strip())
            and _GOVERNED.fullmatch(part.strip().rstrip(".;,")) is not None]
    if not over:
        return []
    shown = "; ".join(f'"{quote(o.text.strip().rstrip(".;"), 60)}"' for o in over)
    return [criteria_finding("criterion_changed", "critical", o_items, [p_item],
                             f'This page runs {len(o_items)} separate {rule_words(o_items[0], plural=True)} together '
                             f'as one item, "{quote(p_item.text, 80)}": its opening "{neg.group(0)}" reads over '
                             f"{shown} too, which ClinicalTrials.gov lists without it, so that rule is turned around.",
                             sim, changes=[f'{JOINED} under "{neg.group(0)}"'])]


def _elsewhere(o_items: list[Entry], p_item: Entry, sim: float) -> Finding:
    """criterion_wrong_section for record items of one list joined into one item of the page's other list: critical
    either way, as sections.py's for one."""
    section, into = o_items[0].section, p_item.section
    shown = " and ".join(f'"{quote(e.text.strip().rstrip(".;"), 60)}"' for e in o_items)
    return criteria_finding("criterion_wrong_section", WRONG_SECTION, o_items, [p_item],
                            f'This page lists "{quote(p_item.text, 80)}" as {RULE[into]}, but '
                            f"ClinicalTrials.gov lists {shown} as {RULES[section]}.", sim)


def joined_findings(o_items: list[Entry], p_items: list[Entry], word: str, p_text: str,
                    sim: float) -> list[Finding] | None:
    """One critical criterion_changed when the page joins the record's items in their own list with the other word
    than the list's; None for anything else (joined_parts reads the rest)."""
    section = o_items[0].section
    if section not in _LIST_WORD or word == _LIST_WORD[section] or not in_own_list(o_items, p_items):
        return None
    shown = "; ".join(f'"{quote(e.text.strip().rstrip(".;"), 60)}"' for e in o_items)
    n = len(o_items)
    if section == "inclusion":
        effect = f"ClinicalTrials.gov asks for each of them ({shown}), this page for any one of them"
    else:
        effect = (f"on ClinicalTrials.gov each of them ({shown}) keeps someone out alone, on this page only all of "
                  "them together")
    return [criteria_finding("criterion_changed", "critical", o_items, p_items,
                             f'This page runs {n} separate {rule_words(o_items[0], plural=True)} together as one item '
                             f'joined by "{word}", "{quote(p_text, 80)}": {effect}.', sim,
                             changes=[f'{JOINED} by "{word}"'])]
