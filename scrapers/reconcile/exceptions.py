"""A rule with exceptions: "History of brain tumor or malignancy within the past 5 years, …, except: a) radically
excised non-melanoma skin cancer; … e) …" (NCT07635758's 5th reason someone cannot join). The record's label line over
the exceptions is the rule; the items under it keep no one out. A page leaving them out is stricter than the record,
and one listing them as reasons of their own keeps out people the record does not (review rounds 7 and 8)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from ..criteria_markers import EXCEPT_LABEL   # (one home: the plain-English list says "Exceptions:" by it too)
from .align import JOINED, PRESENT, Entry, Pair
from .finding import RULE, RULES, Finding, criteria_finding, quote, row_text, rule_words, without_marker


def rule_before_exceptions(entry: Entry) -> str | None:
    """The rule a label line over exceptions states, without its closing "except:" ("History of brain tumor or
    malignancy within the past 5 years, including concurrent second primary malignancy"); None for any other item."""
    m = EXCEPT_LABEL.search(entry.text) if entry.label else None
    return entry.text[:m.start()].rstrip(" ,;:") if m else None


def without_exceptions(O: list[Entry], o: list[int], p_items: list[Entry], under: set[int]) -> list[Entry]:
    """A pair's record items to compare, a rule's closing "except:" taken off where the page shows none of the
    exceptions under it (`under`, see exception_roles), nor an "except:" of its own: a page dropping the exceptions
    drops their "except:" too, which is said once with them (coverage._left_out_findings), not as a critical "differs
    in an exception" beside a warning per exception (review round 7); and a page listing them as reasons of their own
    after the rule is said so, per exception (exceptions_as_reasons), not as "differs in an exception: … says
    "…malignancy", but … says "…malignancy, except:"", which told the reader nothing (review round 8). A rule
    changed otherwise still differs."""
    if p_items and EXCEPT_LABEL.search(p_items[-1].text):
        return [O[i] for i in o]
    out = []
    for i in o:
        rule = rule_before_exceptions(O[i])
        alone = rule is not None and not any(k in under for k, e in enumerate(O) if e.group == O[i].group and k != i)
        out.append(replace(O[i], text=rule) if alone else O[i])
    return out


def except_heads(O: list[Entry]) -> dict[int, list[int]]:
    """The record's label lines over exceptions, each with its exceptions: the items under it, not the items beside
    it ("No other progressive malignant disease except the following:" over three cancers, then "No uncontrolled
    infection" beside it, all under "Other:", NCT00004128)."""
    out = {}
    for h, e in enumerate(O):
        if rule_before_exceptions(e) is not None:
            parts = []
            for k in range(h + 1, len(O)):
                if O[k].group != e.group or O[k].depth <= e.depth:
                    break
                if not O[k].label:
                    parts.append(k)
            if parts:
                out[h] = parts
    return out


def rejoin_rules(O: list[Entry], P: list[Entry], pairs: list[Pair]) -> list[Pair]:
    """`pairs` with a page item that shows a rule run on with its exceptions, one of them moved out to an item of its
    own ("5. History of brain tumor …, except: a) … b) … d) … e) …", then "Radically treated papillary thyroid
    carcinoma"), paired with the rule and the exceptions it shows. The moved one's exact match anchors the alignment,
    which then cannot pair the rule's item with the exceptions either side of it: the item was "not on
    ClinicalTrials.gov" and the four exceptions it shows "left out" (review round 8)."""
    used_o = {i for p in pairs for i in p.o}
    used_p = {j for p in pairs for j in p.p}
    for h, parts in except_heads(O).items():
        if h in used_o:
            continue
        rest = [h] + [k for k in parts if k not in used_o]
        for j, e in enumerate(P):
            if j in used_p or e.section != O[h].section:
                continue
            shown = [k for k in rest if fuzz.partial_ratio(O[k].norm, e.norm) >= PRESENT]
            sim = fuzz.ratio(" ".join(O[k].norm for k in shown), e.norm)
            if h in shown and len(shown) > 1 and sim >= JOINED:
                pairs.append(Pair(shown, [j], sim))
                used_o.update(shown)
                used_p.add(j)
                break
    return pairs


@dataclass
class Roles:
    """What a page does with the record's exceptions that it shows."""
    under: set[int] = field(default_factory=set)            # shown under their rule's "except"
    reasons: dict[int, int] = field(default_factory=dict)   # listed as reasons of their own: exception -> its rule


def exception_roles(O: list[Entry], P: list[Entry], pairs: list[Pair]) -> Roles:
    """Each exception the page shows, under its rule or as a reason of its own. Under it: in the rule's own page item
    (what the comparison of that item then says), or in an item after one that pairs with the rule and ends "except:"
    (only other exceptions of that rule, or items matched to nothing, between them), or after one that runs the rule
    on with exceptions that come before it in the record. Otherwise, or with the rule not shown at all, the page lists
    it as a reason someone cannot join: it keeps out people the record does not."""
    roles = Roles()
    of_o = {i: p for p in pairs for i in p.o}
    of_p = {j: p for p in pairs for j in p.p}
    for h, parts in except_heads(O).items():
        for e in parts:
            if e not in of_o:
                continue
            p = of_o[e]
            k = min(p.p) - 1
            while k >= 0 and (k not in of_p or (h not in of_p[k].o and set(of_p[k].o) <= set(parts))):
                k -= 1
            if h in p.o or (k in of_p and h in of_p[k].o and _after_except(P[k], of_p[k].o, parts, e)):
                roles.under.add(e)
            else:
                roles.reasons[e] = h
    return roles


def _after_except(rule: Entry, shown: list[int], parts: list[int], e: int) -> bool:
    """Does exception `e`, in an item of its own, follow the page's item `rule` (which pairs with the rule, and shows
    the record's items `shown`) as one of its exceptions? It does after "…, except:", and after the rule run on with
    its first exceptions ("…, except: a) … b) …" then "c) …"); not after one run on with exceptions the record gives
    after it ("…, except: a) … b) … d) … e) …" then "Radically treated papillary thyroid carcinoma": moved out)."""
    if EXCEPT_LABEL.search(rule.text):
        return True
    before = [i for i in shown if i in parts]
    return bool(before) and max(before) < e and bool(_EXCEPT_WORD.search(rule.text))


# an "except" anywhere in a page item (the rule run on with the exceptions it shows)
_EXCEPT_WORD = re.compile(r"\b(?:except|excluding|other\s+than|with\s+the\s+exception\s+of)\b", re.I)


def exceptions_as_reasons(O: list[Entry], P: list[Entry], pairs: list[Pair], reasons: dict[int, int]) -> list[Finding]:
    """One critical finding per rule whose exceptions a page lists as reasons of their own: "This page lists "Radically
    treated papillary thyroid carcinoma" as a reason someone cannot join, but ClinicalTrials.gov says it is an
    exception: …" (review round 8, M1: a page turning NCT07635758's exceptions into reasons matched, and a person with
    treated thyroid cancer was told by the page they cannot join, and by the card that the page was right). Its row
    is the rule with that exception in its place."""
    by_rule: dict[int, list[tuple[Pair, list[int]]]] = {}
    for p in pairs:
        es = [e for e in p.o if e in reasons]
        if es:
            by_rule.setdefault(reasons[es[0]], []).append((p, es))
    out = []
    for h, listed in by_rule.items():
        # (one finding per rule: five exceptions listed as five reasons were five near-identical critical findings;
        # review round 9)
        es = [e for _, found in listed for e in found]
        page_items = [j for p, _ in listed for j in p.p]
        rule = rule_before_exceptions(O[h]) or O[h].text
        shown = [without_marker(" ".join(P[j].text for j in p.p)).rstrip(" ;,.") for p, _ in listed]
        quoted = " and ".join(f'"{quote(s)}"' for s in shown) if len(shown) <= 2 else \
            f'"{quote(shown[0])}", "{quote(shown[1])}" and {len(shown) - 2} more'
        it, them = ("it is an exception", "it") if len(es) == 1 else ("they are exceptions", "them")
        rules = RULE[P[page_items[0]].section] if len(shown) == 1 else RULES[P[page_items[0]].section]
        said = f"This page lists {quoted} as {rules}, but ClinicalTrials.gov says {it}"
        message = (f'{said}: "{quote(rule, 70)}" does not keep out people with {them}.' if keeps_out(O[h]) else
                   f'{said} to "{quote(rule, 70)}".')
        finding = criteria_finding("criterion_changed", "critical", [O[h]] + [O[e] for e in es],
                                   [P[j] for j in page_items], message, min(p.sim for p, _ in listed), index=es[0],
                                   changes=["an exception to a rule listed as a reason of its own"])
        finding.official_value = exception_row(O, h, set(es))
        out.append(finding)
    return out


def keeps_out(head: Entry) -> bool:
    """Is this rule a reason someone cannot join, so that its exceptions keep no one out? A requirement's exceptions
    may do either: "No other malignancy … except: …" lets them in, "… confirmed primary malignancy except the
    following: Small cell lung cancer, …" (NCT00005887) keeps them out; they are then said as exceptions only."""
    return head.section == "exclusion" and head.placed


def exception_row(O: list[Entry], h: int, named: set[int]) -> str:
    """The record's rule with these of its exceptions in their places and "…" for the others ("History of brain tumor
    …, except: … radically treated papillary thyroid carcinoma; …"): the rule with one exception alone read as if that
    were its only one (review round 8, N1)."""
    words, elided = [O[h].text], False
    for k in except_heads(O)[h]:
        if k in named:
            words.append(O[k].text)
        elif not elided:
            words.append("…")
        elided = k not in named
    return row_text(" ".join(words)) or ""


def exceptions_left_out(O: list[Entry], P: list[Entry], pairs: list[Pair], head: int, left: list[int]) -> Finding:
    """The exceptions a page leaves out of a rule it shows, in one finding: "This page leaves out 2 of the 5 exceptions
    to …: … does not keep out people with "A" or "B"" (review round 8, N1: a warning per exception, each repeating the
    rule and "This page is stricter than the record"), or "all 5" (review round 7: a critical "differs in an
    exception" and a warning per exception). Its rows are the page's rule and the record's, with the exceptions left
    out in their places and "…" for the others (or whole, all left out)."""
    rule = rule_before_exceptions(O[head]) or O[head].text
    parts = except_heads(O)[head]
    texts = [f'"{quote(O[i].text.rstrip(" ;,."), 90 if len(left) == 1 else 60)}"' for i in left]
    what = ("the one exception" if len(parts) == 1 else "an exception" if len(left) == 1 else
            f"all {len(parts)} exceptions" if len(left) == len(parts) else f"{len(left)} of the {len(parts)} exceptions")
    to = "" if what == "an exception" and keeps_out(O[head]) else f" to {rule_words(O[head])}"
    if keeps_out(O[head]):
        people = "any of them" if len(left) == len(parts) > 1 else _listed(texts, "or")
        # ("This page leaves out an exception that ClinicalTrials.gov lists to a reason someone cannot join ("…"):
        # "…"" was hard to follow and did not say what it meant; review round 7. It says no more: other rules apply)
        message = (f'This page leaves out {what}{to}: ClinicalTrials.gov says "{quote(rule, 120)}" does not keep out '
                   f"people with {people}. This page is stricter than the record.")
    else:
        message = (f'This page leaves out {what}{to}: ClinicalTrials.gov says "{quote(rule, 120)}", except '
                   f'{_listed(texts, "and")}.')
    shown = next((p.p for p in pairs if head in p.o), [])
    finding = criteria_finding("criterion_missing", "warning", [O[head]] + [O[i] for i in left], [P[j] for j in shown],
                               message, 0.0, index=left[0])
    finding.official_value = exception_row(O, head, set(left))
    return finding


def _listed(texts: list[str], last: str) -> str:
    """'"A"', '"A" or "B"', '"A", "B" or "C"'."""
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + f" {last} {texts[-1]}"
