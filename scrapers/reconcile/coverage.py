"""Which of the record's criteria a page does not show: cut by a "see full criteria" marker (criteria_truncated),
past where the page's list stops with no marker (criteria_incomplete, a note), or left out between shown ones
(criterion_missing). items.check_criteria pairs the items first; this module says what is left."""

from __future__ import annotations

from ..model import PageRecord
from .align import Entry, Pair
from .finding import RULES, Finding, criteria_finding, quote, rule_words


def coverage_findings(O: list[Entry], P: list[Entry], pairs: list[Pair], page: PageRecord, last: int,
                       cut_short: bool, absent: set[int]) -> list[Finding]:
    """Official items the page does not show: cut by a marker, past where the list stops, or missing."""
    matched_o = {i for p in pairs for i in p.o} - absent
    shown_sections = {e.section for e in P} | {O[i].section for i in matched_o}
    # (a label line that parents others, "Patients must have:", is no criterion: not counted; review round 4)
    shown, total = sum(not O[i].label for i in matched_o), sum(not e.label for e in O)
    out: list[Finding] = []
    if page.criteria_truncated:
        hidden = [i for i in range(len(O)) if i not in matched_o and i > last]
        if hidden or cut_short:
            out.append(Finding(
                "criteria_truncated", "warning", "criteria", f"{shown} of {total} criteria shown", total,
                f"This page cuts its eligibility criteria short: of the {total} criteria ClinicalTrials.gov lists, "
                f"TrialLens found {shown} on it, so read the full list on ClinicalTrials.gov.",
                {"hidden_count": len(hidden) + cut_short, "official_texts": [O[i].text for i in hidden][:20],
                 "last_cut_mid_item": cut_short},
            ))
    else:
        # Criteria after the last one the page shows, with no "see full criteria" marker: the page
        # may load them further down or behind a button, or a capture may end there. Say so, as a
        # note rather than an alarm: only items left out between shown ones are certainly dropped.
        hidden = [i for i in range(len(O)) if i not in matched_o and i > last and not O[i].label
                  and O[i].section in shown_sections]
    left_out = [i for i, e in enumerate(O)
                if not (i in matched_o or i in hidden or e.label or e.section not in shown_sections)]
    if not page.criteria_truncated:
        out += _incomplete_lists(O, hidden, matched_o, left_out)
    return out + _lists_not_shown(O, shown_sections, page) + _left_out_findings(O, left_out, matched_o)


def _incomplete_lists(O: list[Entry], hidden: list[int], matched_o: set[int], left_out: list[int]) -> list[Finding]:
    """criteria_incomplete, one note per list with a tail the page may not show, counted in that list: "found 3 of the
    15 eligibility criteria … the last 2" beside "shows none of the 10 reasons someone cannot join" did not add up
    (review round 4, and the service pages' review). `found` counts the record's items found on the page, not where
    the page's list stops; only those after the last one found are uncertain (others left out are said one by one)."""
    out = []
    for section in dict.fromkeys(O[i].section for i in hidden):
        items = [i for i, e in enumerate(O) if e.section == section and not e.label]
        tail = [i for i in hidden if O[i].section == section]
        found = sum(i in matched_o for i in items)
        placed = all(O[i].placed for i in items)
        words = RULES[section] if placed else "eligibility criteria"
        # the ones left out between those found are said one by one: counted here, so the numbers add up
        dropped = sum(O[i].section == section for i in left_out)
        besides = f"; {dropped} more {'is' if dropped == 1 else 'are'} left out (see the other findings)" if dropped else ""
        out.append(Finding(
            "criteria_incomplete", "info", f"{section}_criteria" if placed else "criteria",
            f"{found} of {len(items)} {words} shown", len(items),
            # ("that ClinicalTrials.gov lists": against a saved copy, said_by_copy names the copy, as everywhere)
            (f"Of the {len(items)} {words} that ClinicalTrials.gov lists, TrialLens found {found} on this page{besides}. "
             f"The last {len(tail)} may be further down this page or missing, so check the full list on "
             f"ClinicalTrials.gov." if found else
             # (as "found N of the M": "could not match any …, so it could not compare them" beside a finding that
             # the page's one item is not in the record read as a contradiction; review round 5)
             f"Of the {len(items)} {words} that ClinicalTrials.gov lists, TrialLens found none on this page; check the "
             f"full list on ClinicalTrials.gov."),
            {"not_shown_count": len(tail), "found": found, "list": words,
             "official_texts": [O[i].text for i in tail][:20]},
        ))
    return out


def _lists_not_shown(O: list[Entry], shown_sections: set[str], page: PageRecord) -> list[Finding]:
    """A whole list of the record's the page shows none of ("This page shows none of the 10 reasons someone cannot
    join"): the one thing a reader most needs to know, never said before (review round 4). A note, not an alarm:
    the page may show it on another tab TrialLens did not read, and a page cut by "see full criteria" says so."""
    if page.criteria_truncated:
        return []
    out = []
    for section in ("exclusion", "inclusion"):
        items = [e for e in O if e.section == section and e.placed and not e.label]
        if items and section not in shown_sections:
            out.append(Finding(
                "criteria_list_not_shown", "info", f"{section}_criteria", None, len(items),
                f"TrialLens found on this page none of the {len(items)} {RULES[section]} that ClinicalTrials.gov lists; "
                f"read them on ClinicalTrials.gov before you decide.",
                {"section": section, "official_count": len(items)},
            ))
    return out


def _left_out_findings(O: list[Entry], left_out: list[int], matched_o: set[int]) -> list[Finding]:
    """One criterion_missing per criterion the page leaves out. A criterion with parts ("Prostate biopsy (either
    TRUS or MRI Targeted or Template):" with its four sub-items) left out whole is one finding that quotes its
    head, not four fragments ending in "showing:" or "OR"; a part left out of a labelled group is quoted with
    the group's label ("For children with BPD: birth weight 401-1249 g"), which says whom it is for."""
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
        if len(idx) > 1 and not any(i in matched_o for i in members):
            under = len(idx) - (members[0] in idx)
            message = (f'This page leaves out the {under} {rule_words(head, plural=True)} that ClinicalTrials.gov lists under '
                       f'"{quote(head.text)}".' if members[0] not in idx else
                       f'This page leaves out {rule_words(head)} that ClinicalTrials.gov lists, "{quote(head.text)}", '
                       f'and the {under} items under it.')
            out.append(criteria_finding("criterion_missing", "warning", [O[i] for i in idx], [], message, 0.0, index=idx[0]))
            continue
        label = next((O[i].text for i in members if O[i].label and i < idx[0]), "")
        for i in idx:
            text = f"{label} {O[i].text}" if label and not O[i].text.startswith(label) else O[i].text
            message = f'This page leaves out {rule_words(O[i])} that ClinicalTrials.gov lists: "{quote(text)}".'
            if message in said:
                continue   # (the same words in two groups: said once)
            said.add(message)
            out.append(criteria_finding("criterion_missing", "warning", [O[i]], [], message, 0.0, index=i))
    return out
