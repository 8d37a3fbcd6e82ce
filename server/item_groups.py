"""Which group of people each criterion is for, named from the record's own headings.

A record that gives each group its own lists ("Inclusion Criteria (Families)", "Exclusion Criteria (Controls)";
"INCLUSION CRITERIA - Normal Volunteers") had them shown as one list each, so the controls' "Personal or family
history of autoimmune disease" read as a reason the families with type 1 diabetes could not join (NCT03648918,
review r51 §2). Each explained item carries its group (`Explained.group`: the heading's words naming it, e.g.
"Families", "Normal volunteers"), and the card and the pages say it once above a run of the group's items.

Said only where the headings name two groups or more, or one group beside items under a heading that names none
(then those items are said to be tied to no group, not "everyone's": the record does not say so). A plain
"Inclusion Criteria", a category ("Disease characteristics", "MRI exclusions") or a time ("(screening)") names no
group. server/groups.py reads groups for the glance by other rules (labels among the items too); this reads headings
only, since a label item is already shown as an item with its list under it.
"""

from __future__ import annotations

import re
from typing import Iterable, Protocol

from scrapers.criteria import Criteria, unescape_markdown

from .group_case import COMMON_WORDS, abbreviation, as_name, as_the_record_writes, short_abbreviation

# said above a run of items under a heading that names no group, after or before a group's run in the same list
UNGROUPED = "Not tied to one group by the record"

_CRIT = re.compile(
    r"\b(?:i+n?clu\w*|exc?l\w*usions?|non[- ]?inclusion|eligib\w*)"
    r"(?:\s*(?:/|\\|and|&)\s*(?:exc?l\w*usions?|inclusion))?"
    r"(?:\s+(?:crit\w*|requir\w*|values?))?\b"
    r"|\bcriteria\s+for\s+(?:inclusion|exclusion|eligibility)\b", re.I)
# "Patients may be eligible for group 1a if they:", "Volunteers will not be eligible for this study if they:"
_WHO_MAY = re.compile(r"^(?P<who>[\w /'-]{1,40}?)\s+(?:may|will)\s+(?:not\s+)?be\s+eligible"
                      r"(?:\s+(?:for|to\s+enter)\s+(?P<for>.+?))?\s+if\b", re.I)
_LEAD = re.compile(r"^[\s\-–—*•·]*(?:(?:[ivx]+|\d+|[a-h])(?:\.(?:[ivx]+|\d+))*[.)]\s+)*", re.I)
# a group of people, or a part of the trial that takes its own ("Step 1", "Cohort II", "the menstrual cycle study")
_GROUP_WORD = re.compile(
    r"\b(?:patients?|subjects?|participants?|volunteers?|controls?|famil(?:y|ies)|individuals?|cases?|donors?|"
    r"recipients?|partners?|mothers?|fathers?|parents?|infants?|bab(?:y|ies)|child(?:ren)?|adolescents?|adults?|"
    r"women|men|males?|females?|siblings?|probands?|relatives?|paramedics?|students?|populations?|smokers?|"
    r"caregivers?|carers?|clinicians?|nurses?|physicians?|doctors?|(?:health\s*care\s+)?providers?|dyads?|staff|"
    r"clinics?|sites?|centers?|centres?|schools?|practices?|hospitals?|projects?|"
    r"cohorts?|groups?|arms?|steps?|stages?|parts?|phases?|strat(?:um|a)|substud(?:y|ies)|stud(?:y|ies))\b", re.I)
# words that make it a sentence about the criteria, not a name: "patients must", "the following are", "include"
_SAYS = re.compile(r"\b(?:must|should|shall|are|is|were|was|include[sd]?|following|followings|apply|applied|"
                   r"consist\w*|given|below|above|stated|listed|require[sd]?|need)\b", re.I)
_NOT_A_GROUP = re.compile(r"^(?:the|this|our)?\s*(?:study|trial|protocol)$|^(?:you|your\s+\w+|an?\s+\w+|the\s+\w+)$"
                          r"|^(?:an?|another|any|other|by)\b", re.I)
_EVERYONE = re.compile(r"^(?:(?:applicable|common|applies)\s+to\s+)?(?:all|each|both|every|neither)\b", re.I)
# a time or step of the trial, not a part that takes its own people: "Study entry", "Participation in the study"
_STEP = re.compile(r"\b(?:entry|entering|participation|participating|enrol\w*|randomi[sz]\w*|registration|drugs?|"
                   r"treatments?|therapy|screening|baseline|visits?|continuation|extension)\b", re.I)
_STUDY_ONLY = re.compile(r"\b(?:stud(?:y|ies)|trials?)\b", re.I)
# a bracket or tail that says how to read the list, not whose it is: "(any of the following)", "- any of the following"
_HOW = re.compile(r"\s*(?:\((?:[^()]*\b(?:following|any|all)\b[^()]*)\)|[-–,]\s*any\s+of\s+the\s+following)\s*", re.I)
_TRAIL = re.compile(r"[\s:.,;\-–—]+$")
_OPEN = re.compile(r"^(?:[\s:.,;\-–—]+|for\s+(?:the\s+)?)+", re.I)
_DANGLING = re.compile(r"\b(?:with|for|of|in|and|or|to|the)$", re.I)


def _sentence_case(text: str) -> str:
    """"Patients with Spasmodic Dysphonia" -> "Patients with spasmodic dysphonia", keeping abbreviations ("SD")."""
    words = text.split(" ")
    if all(not re.search(r"[a-z]", w) for w in words) and re.search(r"[A-Z]", text):
        # (a heading in capitals: "NORMAL VOLUNTEERS", "ADHD PARTICIPANTS", "HIV-INFECTED PATIENTS")
        words = [as_name(w) or (w if any(ch.isdigit() for ch in w) or abbreviation(w) else
                 w.lower() if not re.search(r"[A-Za-z'][^A-Za-z']+[A-Za-z]", w) else
                 re.sub(r"[A-Za-z']+", lambda m: m.group() if short_abbreviation(m.group()) else m.group().lower(), w))
                 for w in words]
    # a capital in Title Case is no name ("Patients with Spasmodic Dysphonia", "Healthy Volunteers"); one word
    # capitalised in a heading that is not may be a name ("Patients in Japan only")
    content = [w for w in words[1:] if w[:1].isalpha() and w.lower() not in COMMON_WORDS]
    title = len(content) >= 2 and all(w[:1].isupper() for w in content)
    out = [w if (i == 0 or not w[:1].isupper() or not w[1:].islower()
                 or not (title or w.lower() in COMMON_WORDS or _GROUP_WORD.fullmatch(w) or _STUDY_ONLY.fullmatch(w)))
           else w.lower()
           for i, w in enumerate(words)]
    first = out[0]
    out[0] = first[:1].upper() + first[1:] if first[1:2].islower() or len(first) == 1 else first
    return " ".join(out)


def _as_group(text: str, loose: bool = False) -> str | None:
    """`text` cleaned, if it names a group of people or a part of the trial (`loose`: any short name); else None."""
    text = _TRAIL.sub("", _OPEN.sub("", _HOW.sub(" ", text).strip())).strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = re.sub(r"\s+of\s+(?:this|the)\s+(?:study|trial)$", "", re.sub(r"\s+", " ", text), flags=re.I)
    if (not text or len(text) > 80 or _SAYS.search(text)
            or not (_GROUP_WORD.search(text) or (loose and not re.search(r"[\d<>=≤≥]", text)))
            or _NOT_A_GROUP.match(text) or _DANGLING.search(text)):
        return None
    words = [w.group() for w in _GROUP_WORD.finditer(text)]
    if _STEP.search(text) and words and all(_STUDY_ONLY.fullmatch(w) for w in words):
        return None   # (a step of the trial: its criteria are everyone's at that step, r52 F5)
    return _sentence_case(text)


def group_name(heading: str, loose: bool = False) -> str | None:
    """The group a criteria heading names, in its words: "Inclusion Criteria (Families):" -> "Families",
    "EXCLUSION CRITERIA - Normal Volunteers:" -> "Normal volunteers", "Healthy control inclusion criteria:" ->
    "Healthy control"; None for a heading that names none ("Inclusion Criteria:", "Key exclusion criteria",
    "Inclusion of women and minorities:"). `loose`: also what a heading names after its criteria words that says no
    group of people ("INCLUSION CRITERIA - EXHALED BREATH CONDENSATE/ASTHMA" beside "… /NORMAL CONTROL": the asthma
    group, NCT00001408), for a record whose headings name groups already; not a category before them ("Angiographic
    exclusion criteria")."""
    text = _LEAD.sub("", heading.strip()).strip()
    m = _WHO_MAY.match(text)
    if m:
        named = _as_group(m.group("for") or "") if m.group("for") else None
        return named or _as_group(m.group("who"))
    m = _CRIT.search(text)
    if not m or _SAYS.search(_HOW.sub(" ", text)) or _DANGLING.search(text[: m.start()].strip()):
        return None   # ("The following exclusion criteria rule out participants:", "Period of exclusion for …")
    post = text[m.end():].strip()
    if re.match(r"(?:of|related|according|in|on|at|include|are|were|consist)\b", post, re.I):
        return None
    if post and _TRAIL.sub("", post):
        return _as_group(post) or (_as_group(post, loose=True) if loose and re.match(r"[-–—:(]", post) else None)
    pre = re.sub(r"^(?:specific|additional|key|main|general|other|common|overall|individual)\s+", "",
                 text[: m.start()].strip(), flags=re.I)
    return _as_group(pre) if pre else None


def _key(group: str | None) -> str | None:
    """Two spellings of one group are one ("Normal volunteers", "normal volunteer", "Phases 1 & 2")."""
    return None if group is None else re.sub(r"s\b", "", re.sub(r"\s*&\s*", " and ", group.lower()))


# "INCLUSION CRITERIA RELATED TO THE PSYCHIATRIC STATUS": a kind of the group's criteria, not the end of its list
_CATEGORY = re.compile(r"^\W*(?:related|relating|regarding|concerning|pertaining|according)\b", re.I)


def _ends_a_group(heading: str) -> bool:
    """A heading of the criteria ("OTHER EXCLUSION CRITERIA:") ends the group before it; a category under it
    ("Disease characteristics:", "Prior concurrent therapy:", "Inclusion criteria related to bone status") does
    not (r52 F4)."""
    text = _LEAD.sub("", heading.strip())
    m = _CRIT.search(heading)
    if m and _CATEGORY.match(heading[m.end():]):
        return False
    return bool(m or _WHO_MAY.match(text))


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _positions(crit: Criteria, text: str) -> tuple[list[int], dict[str, list[int]]] | None:
    """Where each heading (crit.header_at) and each top-level item of each list starts in `text` (its letters and
    digits). crit.header_at counts items before the parser mends them (joins a criterion cut in two, lifts rules out
    of an "except:" label), so after a mend a group's run started one item off (NCT00001372's MRI exclusion for the
    vascular studies only read as everyone's, r52 F2); the text's order is not moved by mends. None where an item or
    heading is not found in order: then no label is trusted."""
    lines = unescape_markdown(text.replace("\r\n", "\n").replace("\u00a0", " ")).split("\n")
    starts: set[int] = set()
    squashed: list[str] = []
    size = 0
    for line in lines:
        starts.add(size)
        part = _squash(line)
        squashed.append(part)
        size += len(part)
    flat = "".join(squashed)
    heads: list[int] = []
    pos = 0
    for heading, _, _ in crit.header_at:
        key = _squash(heading)
        at, first = pos, -1
        while key:   # (at a line's start if it is anywhere: "inclusion criteria" may be inside an item before it)
            at = flat.find(key, at)
            if at < 0 or at in starts:
                break
            first = at if first < 0 else first
            at += 1
        at = first if at < 0 else at
        if key and at < 0:
            return None
        heads.append(at if key else pos)
        pos = heads[-1] + len(key)
    items: dict[str, list[int]] = {}
    for section in ("inclusion", "exclusion", "unplaced"):
        pos, out = 0, []
        for it in getattr(crit, section):
            key = _squash(it.text)[:40]
            at = flat.find(key, pos) if key else pos
            if at < 0:
                return None
            out.append(at)
            pos = at + len(key)
        items[section] = out
    return heads, items


# a heading inside an item's text: "… ≤16 mm in length Angiographic Inclusion Criteria - Phase 2" (NCT00497367),
# "Inclusion criteria for matched controls 200 Diabetic patients …" (NCT05147818)
_GLUED = re.compile(r"\b(?:inclusion|exclusion|eligibility)\s+criteria\b(?P<post>\s*(?:for\b|[-–—:(])[^\d.;:)]{0,60})",
                    re.I)


def _nodes(item) -> Iterable:
    yield item
    for c in item.children:
        yield from _nodes(c)


def _glued_name(m: re.Match) -> str:
    whole = m.group(0)
    return re.sub(r"\s+\S*$", "", whole) if len(m.group("post")) >= 60 else whole


def glued_edges(item) -> tuple[str | None, str | None]:
    """The groups that headings glued to the start or the end of a top-level item's own text name (not its
    sub-items'), which can be placed: one at the start heads the item and what follows it ("Inclusion criteria for
    matched controls 200 Diabetic patients … with no AKI", NCT05147818); one at the end heads what follows it ("… ≤16
    mm in length Angiographic Inclusion Criteria - Phase 2", NCT00497367). A heading in the middle of an item cannot
    be placed (which of its words are whose is not known): see _named_inside."""
    text = item.text.strip()
    start = end = None
    lead = len(_LEAD.match(text).group(0)) if _LEAD.match(text) else 0
    for m in _GLUED.finditer(text):
        if m.start() == lead and start is None:
            start = group_name(_glued_name(m))
        else:
            tail = text[m.start():]
            if m.start() > lead and len(tail) <= 80 and not re.search(r"[.;,]", tail):
                end = group_name(tail)
    return (None if start and _EVERYONE.match(start) else start), (None if end and _EVERYONE.match(end) else end)


def _named_inside(item) -> set[str | None]:
    """The groups (keys) that headings written inside `item` or its sub-items name; an item that is itself such a
    heading ("Infants will not be eligible for this study if:", NCT00006396) too; not one glued to its start or end
    (glued_edges: placed as a heading is)."""
    out: set[str | None] = set()
    placed = {_key(g) for g in glued_edges(item) if g}
    for node in _nodes(item):
        text = node.text.strip()
        # (a lead-in of its own, not a sentence: "They may not be eligible for the 2-day study if they have …")
        cands = [text] if _WHO_MAY.match(_LEAD.sub("", text)) and text.endswith(":") and len(text) < 80 else []
        for m in _GLUED.finditer(text):
            whole = _glued_name(m)
            if node is item and (_key(group_name(whole)) in placed or _key(group_name(text[m.start():])) in placed):
                continue
            cands.append(whole)
        for cand in cands:
            named = group_name(cand)
            if named and not _EVERYONE.match(named):
                out.add(_key(named))
    return out


# an item that heads rules of the study's, not criteria of a group of people: "Termination criteria:" (NCT03909802),
# "Dropout Criteria:" (NCT02472431)
_NO_PARTICIPANTS = re.compile(r"^\W*(?:(?:study|early)\s+)?(?:termination|withdrawal|discontinuation|stopping|removal|"
                              r"drop-?out)\s+(?:criteria|rules?)\b[^.;]{0,40}:?\s*$", re.I)


def _item_heading(item) -> str | None:
    """The group an item names when the item is all a heading: a lead-in ending in a colon or over sub-items,
    short ("Exclusion criteria for screening for population prevalence of polymorphisms" over its two criteria,
    NCT00495638)."""
    text = item.text.strip()
    if len(text) > 90 or not (text.endswith(":") or item.children):
        return None
    if not (_WHO_MAY.match(_LEAD.sub("", text)) or _CRIT.match(_LEAD.sub("", text))):
        return None
    named = group_name(text)
    return None if not named or _EVERYONE.match(named) else named


def section_groups(crit: Criteria, text: str | None = None) -> dict[str, list[str | None]]:
    """For each list, the group of each top-level item (None: under no group's heading); empty when the record does
    not divide its criteria by group (see module docstring). `text`, the criteria as written, places each item under
    its heading (see _positions); without it, crit.header_at's counts are used."""
    found = _positions(crit, text) if text is not None else None
    if text is not None and found is None:
        return {}
    strict = {s for h, s, _ in crit.header_at if group_name(h)}
    out: dict[str, list[str | None]] = {}
    for section in ("inclusion", "exclusion", "unplaced"):
        items = getattr(crit, section)
        n = len(items)
        current: str | None = None
        # (a loose name, "- Neurologic", only beside a group this list's own headings name: r52 F5)
        heads: list[tuple[int, str | None]] = []
        for k, (heading, s, at) in enumerate(crit.header_at):
            if s != section:
                continue
            named = group_name(heading, loose=section in strict)
            named = current if named and _key(named) == _key(current) else named   # ("Phases 1 & 2" after "… and 2")
            if named or _ends_a_group(heading):
                current = named
            heads.append((found[0][k] if found else at, current))
        # an item that is all a heading naming a group ("Infants will not be eligible for this study if:") heads
        # its group's items as a heading would: itself, its sub-items and what follows it up to the next heading
        for i, it in enumerate(items):
            at = found[1][section][i] if found else i
            named = _item_heading(it)
            if named:
                heads.append((at, named))
            elif _NO_PARTICIPANTS.match(it.text):
                heads.append((at, None))   # ("Termination criteria:" is the study's, no group's: r52 F3, NCT03909802)
            start, end = glued_edges(it)
            if start:
                heads.append((at, start))
            if end:   # (after the item's start: the item is the group's before; what follows is this one's)
                heads.append((at + 1, end))
        heads.sort(key=lambda h: h[0])
        if found:
            labels = [next((g for at, g in reversed(heads) if at <= p), None) for p in found[1][section]]
        else:
            labels = [None] * n
            for k, (at, g) in enumerate(heads):
                end = heads[k + 1][0] if k + 1 < len(heads) else n
                labels[at:end] = [g] * max(0, min(end, n) - at)
        # a heading written inside an item that names another group: which items follow it is not known (r52 F3)
        if any(_named_inside(it) - {_key(g)} for it, g in zip(items, labels) if g):
            labels = [None] * n
        out[section] = labels
    named = {_key(group_name(h)) for h, _, _ in crit.header_at if group_name(h) and not _EVERYONE.match(group_name(h))}
    mixed = any(len({_key(g) for g in labels}) > 1 for labels in out.values())
    return out if len(named) >= 2 or (named and mixed) else {}


class _Item(Protocol):
    group: str | None
    children: list


def _mark(item: _Item, group: str | None) -> None:
    item.group = group
    for c in item.children:
        _mark(c, group)


def label_groups(plain, crit: Criteria, text: str | None = None) -> int:
    """Sets `group` on each explained item of `plain` (a PlainCriteria from `crit`) and its sub-items; returns how many
    top-level items carry a group."""
    groups = section_groups(crit, text)
    labelled = 0
    written = {g: as_the_record_writes(g, text) for labels in groups.values() for g in set(labels) if g}
    for section, labels in groups.items():
        for e, g in zip(getattr(plain, section), labels):
            _mark(e, written.get(g) if g else g)
            labelled += g is not None
    return labelled


def runs(items: Iterable) -> list[tuple[str | None, list]]:
    """Consecutive items of one group, as (heading to say above them, items): the group's name; UNGROUPED for items of
    no group after a group's (they would read as that group's); None before the list's first group, and where it has
    none. Items are Explained or their dicts (the pages render the annotation's JSON). As extension/lib/criteria.js
    groupRuns."""
    items = list(items)
    group = [(it.get("group") if isinstance(it, dict) else getattr(it, "group", None)) for it in items]
    out: list[tuple[str | None, list]] = []
    seen = False
    for it, g in zip(items, group):
        named = isinstance(g, str) and bool(g.strip())
        seen = seen or named
        heading = g.strip() if named else (UNGROUPED if seen else None)
        if out and out[-1][0] == heading:
            out[-1][1].append(it)
        else:
            out.append((heading, [it]))
    return out
