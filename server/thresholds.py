"""Lab and score limits for the "at a glance" block: "platelet count less than 100×10^9/L".

A limit is shown on its own, far from the sentence it came from, so it is shown only when it
stands as written: a measured thing, a comparator, a number and the whole unit, with nothing
after it that qualifies it. A range is one limit, both ends together ("Body weight 45 to 90 kg",
"HbA1c at least 7.0% and at most 10.5%"; ranges.py finds them and refuses ages, stages, codes…).
"SBP more than 170 or less than 90 mm Hg" (the unit comes later), "PSA at least 4.0 to at most
10.0 ng/mL at 1st screening" (words after it), "ALT at most 2.5 times the upper limit of
normal if no liver metastases" (a condition), "a T-score at least 2.5 SD below the mean" (the
words after the number reverse it), "more than 2 drinks" (a unit we do not carry) and limits
given as an example ("e.g., NIHSS increased at least 4 points") are left to the full criteria
below, which always show them. Alternatives ("Padua score ≥4 or Caprini score ≥5") are shown
together or not at all: one alone reads as the whole rule. Fewer limits, never a wrong one.
The patterns live in limit_patterns.py; this module decides with them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrapers.criteria import Criteria, Item, flatten

from .clauses import (CONDITION_AFTER, JOINER, before_bracket, bracket_closing, clause_around, rest_of_clause,
                      start_of_item)
from .measured import (NEGATION, SUBJECT_END, measured_thing, same_thing, shares_limit_with_names_before,
                       subject_before, whole_name)
from .groups import groups_start, names_a_step
from .limit_patterns import (ALLOWED_IF, ALL_OF_THEM, ALTERNATIVES, AND_NEXT, BARE_LIMIT, BRACKET, BRACKETED, CHANGE,
                             CLAUSE_BREAK, CONDITION, CONTROLS_TOO, COUNT_OF, CUT_BEFORE, ENDS_WITH_OR, EXAMPLE,
                             FOR_EVERYONE, JOINED, JOINED_ON, KIND_BEFORE, LOW_COUNTS_LET_IN, NEGATED_LIST, ONCE,
                             OPENS_NEXT, OR_A_FIGURE, OR_BEFORE_LIST, OR_LATER, OR_NEXT, OR_WORD, OTHER_VERDICT,
                             PART_OF, PRESSURE, RANGE_UNIT_LATER, RELAXED, REPEATED, REQUIREMENT, SCORED, SOME_OF,
                             SOME_OF_ABOVE, STANDS, SUBGROUP, THEN, TIME_AFTER, UP_TO, WAIVED, WHO_WITH)
from .ranges import Hit, limit_hits, range_refused, read_limit, subject_end
from .plain import words_for_symbols

# How each list's limits are labelled: a limit found in an exclusion item is a reason you
# cannot join ("Excluded if platelet count less than 100"), never a requirement.
THRESHOLD_LABELS = {"inclusion": "Required", "exclusion": "Excluded if", "unplaced": "Mentioned"}


def _a_change(text: str, start: int, end: int) -> bool:
    """Whether a change word (see CHANGE) stands between start and end (its look-ahead reading on past end)."""
    for m in CHANGE.finditer(text, start):
        return m.start() < end
    return False


def _unit_comes_later(text: str, subj: str | None, end: int, after: list[Hit]) -> bool:
    """Whether a limit without a unit shares the unit of the like limit joined to it (the next in `after`): "msSBP
    ≥ 160 and/or msDBP ≥ 100 mmHg" is not "msSBP at least 160", nor "systolic 90-140 and diastolic 60-90 mmHg"
    "systolic 90 to 140" ("Gleason score <7 and PSA <20 ng/ml" share nothing)."""
    nxt = after[0] if after and (after[0].end if after[0].kind == "limit" else after[0].start) <= end + 80 else None
    sm = SUBJECT_END.search(text, end, nxt.start) if nxt else None
    if not sm or not JOINER.match(text, end, nxt.start):
        return False
    m = read_limit(text, nxt, sm.start())
    if not m or not m.unit:
        return False
    this, other = (subj or "").split(), (subject_before(m.subj) or "").split()
    return bool(this and other and ((PRESSURE.search(this[-1]) and PRESSURE.search(other[-1]))
                                    or this[-1].lower() == other[-1].lower()))


def _qualified(before: str) -> bool:
    """Words before a limit that make it an example, a condition or a subgroup's own rule."""
    return bool(EXAMPLE.search(before) or CONDITION.search(before) or SUBGROUP.search(before))


def _another_next(section: str, lead: str, text: str, after: int) -> bool:
    """Whether what follows the bracket a limit sits in makes that bracket one option among
    several (an "or" in a list of requirements; the same kind of thing again, "stage I (…),
    stage II"), or one of conditions that exclude together (an "and" in a list of exclusions)."""
    if (OR_NEXT if section == "inclusion" else AND_NEXT).match(text, after):
        return True
    kind = KIND_BEFORE.search(lead)
    return bool(kind and re.match(r"\s*,\s*(?:(?:and|or)\s+)?" + re.escape(kind.group(1)) + r"\b", text[after:], re.I))


_NO_NAME = {"then", "but", "and", "or", "is", "are", "be", "to", "up"}   # words before a limit that name nothing


def _second_limit(text: str, at: int, said: list[tuple[str, str]]) -> bool:
    """A limit with no name of its own, in the unit of the limit before it and beside words that allow
    it ("ALT ≤2.5x ULN NOTE: ≤5x ULN is acceptable if liver metastases are present"): a second limit
    for the thing before it, noted in `said`."""
    bare = BARE_LIMIT.match(text, at)
    if said and bare and bare.group("unit") and said[-1][1].endswith(bare.group("unit").lower()) \
            and ALLOWED_IF.search(text, max(0, at - 40), min(len(text), bare.end() + 60)):
        said.append((said[-1][0], bare.group(0).strip().lower()))
        return True
    return False


def _given_another_limit(subj: str, found: list[tuple[str, str]], said: list[tuple[str, str]]) -> bool:
    """Whether the item gives this thing a second limit: found twice ("PSV less than 25 cm/sec,
    PSV more than 25 cm/sec", "pT2a (Gleason score at most 7), pT2b (Gleason score at most 7)"),
    or given a different one anywhere, shown or not ("lipase at most 1.5×ULN; if lipase more
    than 1.5×ULN, … can be enrolled"; "Platelets at least 75,000 (patients with ITP platelets at
    least 30,000)"). Such a limit is read in the item, not alone."""
    subj = subj.lower()
    return (sum(other.lower() == subj for other, _ in found) > 1
            or len({limit for other, limit in said if same_thing(subj, other)}) > 1)


@lru_cache(maxsize=512)   # (asked again for each item under the same parent)
def _conditional(above: str) -> bool:
    """Whether the items above set a condition or a subgroup on this one ("Patients will begin IL-2/GM-CSF therapy if
    they meet the following criteria post-transplant:", "In the presence of bone metastases:", NCT00003199, NCT00498901)."""
    if not above or FOR_EVERYONE.search(above):
        return False
    return bool(CONDITION.search(ALL_OF_THEM.sub("", above)))


# An item with more limits than any real record gives one (13 at most in the corpus) or longer than any
# real item is not read for limits: each limit is checked against the text around it, so the cost grows
# with the square of the item, and a registry's junk must not hold a worker for minutes.
MAX_LIMITS_PER_ITEM = 40
MAX_ITEM_CHARS = 6000


# an item led by a short label of its own ("Clinical Features: L + anemia (Hemoglobin less than 11 gm/dl)")
_ROW_LABEL = re.compile(r"^\W*([A-Za-z][\w /-]{1,38}?)\s*:\s*\S")


def _table_rows(items: list[Item]) -> set[int]:
    """The items that are rows of a table the record lays out item by item: led by labels that each lead another item
    of the list too, two labels or more ("Risk Category: High Risk" / "Rai Stage: III" / "Clinical Features: L + anemia (Hemoglobin less
    than 11 gm/dl)", then the same three for stage IV, NCT00001586). Each row is one case among several (a stage, a
    group, a cohort), so its limits are no one's requirement alone: "Required: Hemoglobin less than 11" told a reader
    with normal counts they must be anaemic (review r49 F6). Left to the full criteria, which show them. (ids of the
    items: the same text may stand twice.)"""
    flat = flatten(items)
    labels = [(m.group(1).strip().lower() if (m := _ROW_LABEL.match(it.text)) else None) for it in flat]
    texts: dict[str, set[str]] = {}
    for it, lb in zip(flat, labels):
        if lb:
            texts.setdefault(lb, set()).add(it.text.strip())
    # (a label leading two different items: a record that repeats its whole list, NCT00002578, is no table)
    repeated = {lb for lb, said in texts.items() if len(said) > 1}
    if len(repeated) < 2:
        return set()   # (one label again, "Hepatic: bilirubin …" / "Hepatic: AST …", is a list, not a table's rows)
    return {id(it) for it, lb in zip(flat, labels) if lb in repeated}


def _with_context(items: list[Item], above: str = "") -> list[tuple[Item, str, list[Item]]]:
    """Items depth-first with the text of the items above each one: their parents, the item before them at their
    own level that opens the items after it (see OPENS_NEXT), and an "or" ending the item just before them
    ("Creatinine no greater than 1.5 mg/dL OR" / "Creatinine clearance greater than 60 mL/min": either one) or
    starting the item after them (an "OR" of its own between two items); and the items beside them (with them)."""
    out: list[tuple[Item, str, list[Item]]] = []
    opener = ""
    waiver = next((it.text for it in items if WAIVED.search(it.text)), "")
    for i, it in enumerate(items):
        if names_a_step(it.text):
            if not it.children and it.text.rstrip().endswith(":"):
                break   # ("Group 2:" / "Patients with T4 counts < 100 …" / "Karnofsky = or > 70": the rest is that group's)
            continue   # (its children are that cohort's: see groups.names_a_step)
        context = f"{above} {opener} {waiver}".strip()
        if (i and ENDS_WITH_OR.search(items[i - 1].text[-12:])) or (i + 1 < len(items) and OR_NEXT.match(items[i + 1].text)):
            context += " or"
        # (beside it: the items under its parent; in a top-level list, the two either side of it)
        out.append((it, context, items if above else items[max(0, i - 2):i + 3]))
        out.extend(_with_context(it.children, f"{above} {it.text}".strip()))
        if it.children:
            opener = ""   # (a labelled group of its own: what opened the items before it does not reach past it)
        elif len(it.text) <= 300 and ((tail := it.text[-120:]).rstrip().endswith(":") or "following" in tail.lower()) \
                and OPENS_NEXT.search(tail):   # (a long paragraph opens no list)
            # (who it opens for is no joined condition; "14 or fewer days" offers no choice)
            opener = OR_A_FIGURE.sub("", WHO_WITH.sub("", it.text, count=1))
    return out


# what stands between two limits that are alternatives: "systolic >160 or diastolic >100mmHg", "Weight less than
# 154 lbs/ 70 kg, or BMI ≥ 30", "fasting blood glucose > 200 mg/dl and/or glycated hemoglobin > 8%"; no clause break


def _or_between(gap: str) -> bool:
    """Whether the words between two limits make them alternatives: an "or" outside brackets, no clause break, and
    not an "or" of a figure ("a decline of 2 g/dL or more")."""
    gap = OR_A_FIGURE.sub("", BRACKETED.sub("", gap))
    return len(gap) <= 100 and bool(OR_WORD.search(gap)) and not CLAUSE_BREAK.search(gap) and not BRACKET.search(gap)


def _alternatives_split(text: str, cmps: list[Hit], shown_at: dict[int, int]) -> set[int]:
    """Indices into `found` of limits whose alternative ("A or B", the limits run on by "or") is not shown: one
    criterion is never split. "High risk groups with Padua score ≥4 or Caprini score ≥5" (NCT06495437) showed
    "Excluded if Caprini score at least 5" alone, and a reader with a Padua score of 4 took it that they could
    join (review round 5); "Uncontrolled hypertension (systolic >160 or diastolic >100mmHg)" showed the diastolic
    limit alone. Both or neither: the item below shows them together."""
    runs: list[list[int]] = []
    for k, c in enumerate(cmps):
        if k and _or_between(text[cmps[k - 1].end:c.start]):
            runs[-1].append(c.start)
        else:
            runs.append([c.start])
    return {shown_at[at] for run in runs if len(run) > 1 and not all(at in shown_at for at in run)
            for at in run if at in shown_at}


def thresholds(items: list[Item], section: str = "unplaced") -> list[dict]:
    """Lab and score limits with the list they came from, e.g. {"text": "eGFR less than
    30 mL/min/1.73m²", "section": "exclusion", "label": "Excluded if", "item": original}.
    `items` is the section's tree: an item's limits are read in the light of the items above it."""
    out: list[dict] = []
    seen: set[str] = set()
    # what makes a limit not stand alone in this list (see the module docstring)
    apart = {"inclusion": ALTERNATIVES, "exclusion": JOINED}.get(section)
    other_verdict = OTHER_VERDICT.get(section)
    rows = _table_rows(items)
    for it, above, near in _with_context(items):
        if len(it.text) > MAX_ITEM_CHARS or id(it) in rows:
            continue
        worded = words_for_symbols(it.text)
        cmps = limit_hits(worded)   # (its comparators, and its ranges: see ranges.py)
        limits = len(cmps)
        if limits > MAX_LIMITS_PER_ITEM:
            continue   # (see MAX_LIMITS_PER_ITEM; its limits stay in the full criteria)
        if not limits or worded.count(")") + worded.count("]") > worded.count("(") + worded.count("["):
            continue   # (a piece of a bracket split off its item: read with the item, not alone)
        if NEGATION.search(above) or (apart and apart.search(above)) or SCORED.search(f"{above} {worded}"):
            continue   # (a risk score's parts, "2 points each: serum potassium <3.6, QTc>449", exclude no one alone)
        if ONCE.search(above) or CONTROLS_TOO.search(worded):
            continue   # (a count met once before entry; the patients' limit beside their controls)
        if _conditional(above) or (section == "inclusion" and SOME_OF_ABOVE.search(above)) \
                or (section == "exclusion" and COUNT_OF.search(above)):
            continue   # under "… if they meet the following criteria post-transplant:" or "At least 2 of the following:"
        if LOW_COUNTS_LET_IN.search(worded):
            continue   # (its count limits hold only for the others: read in the item, not alone)
        if section == "exclusion" and REQUIREMENT.search(worded):
            continue   # "Have … adequate renal (serum creatinine <= 2.0)" listed among exclusions: a requirement
        if other_verdict and other_verdict.search(above):
            continue   # under "Patients with the following are excluded:" in the inclusion list (or "Patients
            #            must have:" among exclusions), as older records write: not "Required: hemoglobin < 8"
        negated_from = min((m.end() for m in NEGATED_LIST.finditer(worded)), default=len(worded) + 1)
        last_end = prev_end = change_end = joined_end = 0
        # (a comparator's limit is read past the ranges before it, as it was before ranges were read; a range is
        # read from the end of any limit before it)
        any_end = 0
        found: list[tuple[str, str]] = []
        shown_at: dict[int, int] = {}   # where each limit in `found` starts (its comparator), to its index there
        said: list[tuple[str, str]] = []   # every limit the item gives a thing, shown or not
        for k, c in enumerate(cmps):
            window_start = max(last_end if c.kind == "limit" else any_end, c.start - 80)
            sm = SUBJECT_END.search(worded, window_start, subject_end(worded, c))
            m = read_limit(worded, c, sm.start()) if sm else None
            if not m:
                if c.kind == "limit":
                    _second_limit(worded, c.start, said)
                continue
            subj = subject_before(m.subj)
            if subj and shares_limit_with_names_before(worded, sm.start(), m.subj, subj):
                subj = None   # "ALT, AST, and alkaline phosphatase ≤ 5 times ULN": the limit is all three's
            if subj and subj.lower() in _NO_NAME and c.kind == "limit" and _second_limit(worded, c.start, said):
                continue   # ("… ALT ≤ 3 × ULN; if liver metastases are present, then ≤ 5 × ULN is allowed")
            if c.kind == "limit":
                prev_end, last_end = last_end, m.end
                prev = prev_end
            else:
                prev = any_end
            any_end = m.end
            said.append(((subj or "").lower(), m.words.lower()))
            if TIME_AFTER.match(worded, m.num_end):
                continue   # "more than 30 days", "6 to 12 months": a time window, not a lab or score threshold
            if not m.unit and (_unit_comes_later(worded, subj, m.end, cmps[k + 1:k + 2])
                               or RANGE_UNIT_LATER.match(worded, m.end)):
                continue
            item_start = start_of_item(worded, c.start)
            if _a_change(worded, item_start, c.start) or (change_end and JOINED_ON.fullmatch(worded, change_end, c.start)):
                change_end = m.end   # (and the limits joined on to it: "… and diastolic blood pressure of at least 15")
                continue
            if not STANDS.match(worded, m.end) or NEGATION.search(worded, item_start, c.start) \
                    or c.start >= negated_from:
                continue   # (after "No inadequate … function as evidenced by the following:", the opposite is asked)
            if RELAXED.search(worded, m.end):
                continue   # (the item allows other values after it, under conditions: read in the item, not alone)
            before, stretch = clause_around(worded, c.start, m.end, max(prev, item_start))
            joining = WHO_WITH.sub("", stretch, count=1)   # (who is excluded "with" a condition joins nothing)
            if joined_end and joined_end == prev and OR_NEXT.match(worded, prev):
                joined_end = m.end   # (its alternative after "or" is joined as it was: "A with B or C" needs A)
                continue
            if section == "exclusion" and JOINED.search(joining) and any(item_start <= h.start for h in cmps[:k]):
                # joined to a condition with a limit of its own: "> 10 percent weight loss … with serum carotene
                # < 75 IU/ml or vitamin A < 75 IU/ml" (NCT00001009) excludes only with the weight loss
                joined_end = m.end
                continue
            if (_qualified(before) or (apart and apart.search(joining))
                    or CONDITION_AFTER.search(rest := rest_of_clause(worded, m.end))
                    or (section == "exclusion" and (REPEATED.search(rest) or COUNT_OF.search(worded, 0, c.start)))
                    or (section == "inclusion" and (SOME_OF.search(worded, 0, c.start)
                                                    or OR_BEFORE_LIST.search(worded, 0, c.start)))):
                continue
            lead = before_bracket(worded, item_start, c.start)
            if lead and (_qualified(lead) or (apart and apart.search(WHO_WITH.sub("", lead, count=1)))):
                continue   # "OR Lymphopenia (lymphocyte count at most 1000)": the bracket is read with its item
            if section == "inclusion" and OR_LATER.match(worded, m.end):
                continue   # "IgM less than 50 mg/dL, IgA less than 100 mg/dL, or IgG less than 600 mg/dL": any one of them
            if lead and _another_next(section, lead, worded, bracket_closing(worded, m.end) + 1):
                continue   # "Low risk prostate cancer (T1-T2a and PSA <10 ng/ml, …) or intermediate risk …" (NCT03830788)
            if subj and m.subj.startswith(subj) and CUT_BEFORE.search(worded, 0, m.subj_at):
                continue   # the measured thing cut inside a word: "CD4+ cells" read as "cells", "25-OHD" as "OHD"
            subj = whole_name(worded, c.start, subj)
            named_at = max(0, worded.rfind(subj or "", 0, c.start))
            if not measured_thing(subj) or PART_OF.search(worded, 0, named_at) or THEN.search(worded, 0, named_at):
                continue   # (or a part of it: "Erectile Function domain (EF) of the International Index of … score")
            beside = " ".join(other.text for other in near if other is not it) if c.kind == "range" else ""
            if c.kind == "range" and (range_refused(subj, worded[named_at:c.start], m.unit, before, worded, beside, section)
                                      or (re.match(r"(?:and|or|and/or)\s", m.subj, re.I)
                                          and worded[max(prev, item_start):m.subj_at].strip(" ,;:"))):
                continue   # (an age group, a stage, "outside 18-30", "BMI must be 18-30" among exclusions: see ranges.py;
                #            the last of a list of names: "IIEF-EF, EHS, SEP 2+3, and GAQ Domain score of 17-20")
            shown_at[c.start] = len(found)
            found.append((subj, f"{subj} {m.words}"))
        for w in UP_TO.finditer(worded):
            sm = SUBJECT_END.search(worded, max(0, w.start() - 80), w.start())
            if sm:
                said.append(((subject_before(sm.group(0).strip()) or "").lower(), worded[w.start():w.end()].lower()))
        split = _alternatives_split(worded, cmps, shown_at)
        for k, (subj, text) in enumerate(found):
            if k not in split and not _given_another_limit(subj, found, said) and text.lower() not in seen:
                seen.add(text.lower())
                out.append({"text": text, "section": section, "label": THRESHOLD_LABELS[section], "item": it.text})
    return out


def criteria_thresholds(crit: Criteria) -> list[dict]:
    """The limits of all three lists, inclusion first. Items that belong to one group of several
    (the donor's list after the patient's) are left out: a limit shown alone must be everyone's."""
    everyone_until = groups_start(crit)
    return [t for section in ("inclusion", "exclusion", "unplaced")
            for t in thresholds(getattr(crit, section)[:everyone_until.get(section)], section)]
