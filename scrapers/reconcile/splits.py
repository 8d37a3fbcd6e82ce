"""One record item's alternatives shown one per page item: "Uncontrolled diabetes or hypertension" as the two bullets
"Uncontrolled diabetes" and "Uncontrolled hypertension", "AST/ALT > 2.5 x ULN" as "AST > 2.5 x ULN" and
"ALT > 2.5 x ULN".

Of a reason someone cannot join, a list of bullets means what its "or" does (any one of them excludes), so such a
split says the record's rule: at most the criteria_split note (review round 25, J4: it was a critical "differs in an
"or"", and a page that repeats the shared words on each bullet read as a criterion added). A split that leaves a
describing word said of the whole list off a bullet ("Hypertension" for the second bullet of "Uncontrolled diabetes or
hypertension") may drop what the record says of that part: a warning naming the word. Of a requirement for joining,
bullets are each required, so "A or B" as two bullets asks for both: not read here (compare's "differs in an "or""
stays), but for a requirement the bullets state each as the record does: two tests under one limit ("AST/ALT
<= 2.5 x ULN": each within it), and "No A or B" as "No A" and "No B".

Read so only where each bullet is one alternative of the list with all the words the list's parts share (before its
first part, after its last), in order, adding no word of its own, and no bullet loses a figure, limit, "not" or
exception the record says of it (the fidelity check). Only a describing word said of the whole list may be left off
a bullet, and that is the warning. Review r27 found the looser reading ("none, some or all" of the shared words, each
on some bullet) silent where a bullet dropped the head ("Caffeine" for "Allergy to nicotine or caffeine": 125 of 150
real ones) or the limiting clause ("Vomiting" for "Nausea or vomiting that precludes oral dosing": 44 of 150), or was
a fragment ("Medical"); those go to compare again, as before the split reading. An exclusion's "No A or B" as
bullets, and stages or classes under a slash ("Stage 1/2"), are not read as splits either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from ..fidelity import check_fidelity
from .alternatives import as_either
from .item_text import item_read
from .describing import as_written as _as_written, describing as _describing
from .split_parts import SplitReading, between, lists
from .split_ranges import AFTER_FIGURE_WORDS, FIGURE_KINDS, LIMIT_WORDS, bound_changes
from .reading import COMPARISON_WORDS, FILLER, TOKEN, as_read
from .same_words import same_word
from .words import content_words

MOST_PARTS = 5   # most bullets read as one item's alternatives (real lists split so have 2 to 4)
ALTERNATIVES = re.compile(r"\bor\b|/")
# a limit said after a slash list: "AST/ALT <= 2.5 x ULN", "PT/PTT within normal limits" set it for each test
_LIMIT = re.compile(r"(?i)\d|[<>=≤≥]|\b(?:normal|uln|limits?|range|times|twice|greater|less|more|above|below|within|"
                    r"exceed\w*)\b")
_NEGATION = re.compile(r"(?i)^\W*(?:no|not|without|absence of|free of)\b")
# a word that names what a list is of, said of each part ("Allergy to", "History of", "Known", "Prior use of")
_HEAD_WORD = re.compile(r"of|to|with|for|on|in|from|against|known|prior|previous|current|history|use|allergy|"
                        r"allergies|hypersensitivity|suspected|documented|evidence|diagnosis|presence|exposure|"
                        r"intolerance|contraindications?|inability|unable|unwilling|negative|positive")
# where a clause that limits the last part begins ("that precludes", "requiring", "within 6 months", "> 2.5 x ULN")
_CLAUSE = re.compile(r"(?i)\b(?:that|which|who|whom|whose|requir\w*|within|during|due|treated|associated|receiving|"
                     r"needing|not|with|without|for|on|at|since|after|before|unless|except|other|in|of|from|by|"
                     r"despite|per|over|under|than|to|is|are|was|were)\b|\d|[<>=≤≥,(]")
# how a describing word (no item of its own) ends: "medical", "psychiatric", "congenital", "current" ("pregnant" and
# "lactating" are items of their own as a bullet; "trial" and "hospital" are no describing words)
_ADJECTIVE = re.compile(r"(?!(?:pregnant|lactating|trial|hospital|interval|withdrawal|removal|approval|referral|"
                        r"animal|individual|material|signal|denial|arrival|patient|treatment|agent)$)"
                        r"\w*(?:al|ic|ous|ive|ary|ant|ent|ed|ible|able|ar)$")
# words between a slash pair of tests and its limit ("SGOT/SGPT no greater than 3 times normal")
_LIMIT_LEAD = re.compile(r"(?i)^(?:(?:no|not|at|is|are|be|must|should|of|values?|levels?)\s+|:\s*)+")
# a limit and its figure ("< 9", "greater than 69"), and what after the last part's limits it more ("within 28 days")
_FIGURE = re.compile(r"(?i)(?:[<>≤≥]=?|=|\b(?:" + LIMIT_WORDS + r")\b)[^\d;,]{0,12}\d[\d.,]*")
_AFTER_FIGURE = re.compile(r"(?i)\b(?:" + AFTER_FIGURE_WORDS + r")\b|[,;(\[<>≤≥=]")
# words that make what follows a definition of what precedes ("Renal disease, creatinine > 2 …", "defined as")
_DEFINED = re.compile(r"(?i)\b(?:with|as|by|defined|evidenced|having|if)\b|[:,;]")
_NORMAL = re.compile(r"(?i)upper\s+limit\s+of\s+normal|upper\s+normal\s+limit|times\s+normal")
_LIST_MARK = re.compile(r",(?!\d)|;|\bor\b|\band\b")
_UNIT_WORDS = frozenset("percent degrees cubed units minute minutes".split())
# a clause inside a list, said of the parts before it ("condition or treatment that … or …")
_RELATIVE = re.compile(r"(?i)\b(?:that|which|who|whom|whose)\b")
# what a part written in full may begin with ("… or any other inflammatory arthritis")
_DETERMINERS = frozenset("a an any the another".split())
_NEXT_WORD = re.compile(r"\W*([A-Za-z]+)")
# the words that say a bullet's figure and limit, which changed_split's reading lets a bullet change (FIGURE_KINDS)
_FIGURE_WORD = re.compile(r"\d|^(?:" + "|".join(COMPARISON_WORDS) + r"|than|exceed\w*|equal|no|not)$")
# tests one limit may be set for ("AST/ALT <= 2.5 x ULN", "PT/PTT within normal range")
_LAB_TESTS = frozenset("""AST ALT SGOT SGPT PT PTT APTT INR BUN GGT ALP LDH CK CPK TSH HB HGB WBC ANC PLT""".split())


@dataclass(frozen=True)
class Split:
    """The bullets read as the record item's alternatives: the describing words said of the whole list that a bullet
    leaves out (as the record writes them, with the bullet), and whether the list is a slash pair of tests."""

    left_out: tuple[tuple[str, str], ...]
    lab_pair: bool
    negated: bool
    # (a bullet, its part as the record says it, what of a figure it loses): only of changed_split's reading
    changed: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


def faithful_split(section: str, record: str, pages: tuple[str, ...]) -> Split | None:
    """The Split of a record item shown as these page items, where bullets say what the record does for this
    section (see the module's note); None else."""
    record = _as_listed(section, record)
    return _for_section(section, record, split_reading(record, pages))


def changed_split(section: str, record: str, pages: tuple[str, ...]) -> Split | None:
    """The Split of a record item shown as bullets that would say its rule but that one of them loses or changes a
    figure, limit or unit its part is held to ("AST" or "AST > 5 x ULN" for the first bullet of "AST/ALT > 2.5 x
    ULN"), in Split.changed; None else. Of a reason someone cannot join such a bullet was the split note alone, or a
    criterion added (session splits2): a dropped or changed limit is critical wherever it is."""
    record = _as_listed(section, record)
    if split_reading(record, pages) is not None:   # (each bullet its part as the record says it)
        return None
    split = _for_section(section, record, split_reading(record, pages, loose=True))
    return split if split is not None and split.changed else None


def reading_count(section: str, record: str, k: int) -> int:
    """How many readings of the record item's lists as `k` bullets faithful_split and changed_split may hold against
    one run of k page items (each list, and each way of reading it, strict and loose): what trying one run costs,
    counted alike whether or not it was read before (split_pairs.py's work budget counts these, not seconds)."""
    if not 2 <= k <= MOST_PARTS:
        return 0
    t = item_read(_as_listed(section, record))
    if not ALTERNATIVES.search(t):
        return 0
    return sum(1 + (0 if plan is None else len(plan.readings) + (plan.own is not None))
               for loose in (False, True) for _, plan in _plans(t, k - 1, loose))


def _as_listed(section: str, record: str) -> str:
    """The record item with an exclusion's "pregnant and breastfeeding" read as the "or" it means: no one is
    excluded only when both hold (34 exclusion items of the corpus say it; read, every one excludes either: "Pregnant
    and lactating women are excluded", "… harmful to the developing fetus or nursing infant. Therefore, pregnant and
    nursing females …"), so "Pregnant women" + "Breastfeeding women" says the record's rule (it was a criterion
    added)."""
    return as_either(record) if section == "exclusion" else record


def _for_section(section: str, record: str, split: Split | None) -> Split | None:
    """The split, where bullets of this section's list say what the record's list does; None else."""
    if split is not None and section == "exclusion" and _NEGATION.match(as_read(record)):
        return None   # (bullets of an exclusion mean "or": "No A" + "No B" is not "No A or B", review r27 #4)
    if split is None or section == "exclusion":
        return split
    # (a requirement's "A or B" as two bullets asks for both; "AST/ALT <= 2.5 x ULN" and "No A or B" do not)
    return split if (split.lab_pair or split.negated) and not split.left_out else None


@lru_cache(maxsize=4096)
def split_reading(record: str, pages: tuple[str, ...], loose: bool = False) -> Split | None:
    """How the page items say the record item's alternatives, one each (see the module's note); None when they do
    not. `loose`: a bullet may leave off or change a figure, a comparison word or a shared word (its losses, of a
    figure, limit or unit only, are Split.changed); at least one bullet must."""
    k = len(pages)
    if not 2 <= k <= MOST_PARTS:
        return None
    t = item_read(record)
    if not ALTERNATIVES.search(t):
        return None
    shown = [item_read(p) for p in pages]
    said = [[w for w in content_words(s) if not (loose and _FIGURE_WORD.search(w))] for s in shown]
    readings = []
    for seps, plan in _plans(t, k - 1, loose):
        split = _read(t, seps, plan, shown, said, loose) if plan is not None else None
        if split is not None:
            readings.append(split)
    # (of two readings, the one that has the bullets change and leave out fewest: never an alarm one reading explains)
    return min(readings, key=_fewest, default=None)


@dataclass(frozen=True)
class _Plan:
    """What of one list's readings the page items do not change: whether a later part names the first's last word
    again (`whole`), the reading of parts that each name their own measure (`own`), and the others (`readings`)."""

    whole: bool
    own: SplitReading | None
    readings: tuple[SplitReading, ...]


@lru_cache(maxsize=256)
def _plans(t: str, n: int, loose: bool) -> tuple[tuple[tuple[re.Match, ...], _Plan | None], ...]:
    """Each list of `n` separators in `t` with its _Plan (None where no page items can be its parts): read once per
    record item, where regroup_splits asks it of every run of page items (session cap1)."""
    return tuple((seps, _plan(t, seps, loose)) for seps in lists(t, n))


def _plan(t: str, seps: tuple[re.Match, ...], loose: bool) -> _Plan | None:
    """The _Plan of one list of `t` (its separators `seps`); None when no page items can be its parts."""
    bounds = [0] + [x for m in seps for x in (m.start(), m.end())] + [len(t)]
    segs = [between(t, a, b) for a, b in zip(bounds[::2], bounds[1::2])]
    words = [[m for m in seg if m.group(0).lower() not in FILLER] for seg in segs]
    if any(not ws for ws in words):
        return None
    # (a later part that names the first's last word again is written in full: "Concurrent malignancy or a history
    # of malignancy")
    whole = any(same_word(words[0][-1].group(0).lower(), m.group(0).lower()) for ws in words[1:] for m in ws)
    # (a part that ends in what the list is of is no item unless words after the parts complete it: "Evidence" of
    # "Evidence or history of …", not "Current" of "Current or prior use of warfarin")
    bare = any(_HEAD_WORD.fullmatch(ws[-1].group(0).lower()) for ws in words[:-1])
    if any(_RELATIVE.search(t, m.end(), seps[n + 1].start()) for n, m in enumerate(seps[:-1])):
        return None   # (a clause inside the list is said of the parts before it too: "condition or treatment that …")
    # ("Hemoglobin < 9 g/dL or platelets < 100,000/mm3": each part whole, review r27 #7)
    own = _reading([], words, [], loose) if _own_figures(t, bounds) else None
    in_full = whole or segs[-1][0].group(0).lower() in _DETERMINERS or _describing(t, words[-1][0])
    readings = []
    for x in _tails(t, words[0][-1], words[-1]):
        if bare and x == len(words[-1]):
            continue
        for y in _heads(t, segs[0], words[0], x == len(words[-1]), in_full):
            reading = _reading(words[0][:y], [words[0][y:]] + words[1:-1] + [words[-1][:x]], words[-1][x:], loose)
            if reading is not None:
                readings.append(reading)
    return _Plan(whole, own, tuple(readings))


def _reading(head: list[re.Match], cores: list[list[re.Match]], tail: list[re.Match],
             loose: bool) -> SplitReading | None:
    """One reading of a list, or None when a part is left no word of its own (`loose`: see split_reading)."""
    if any(not c for c in cores):
        return None
    if loose:   # (figures and comparison words are the fidelity check's to judge, each shared word may be gone)
        head, tail = _no_figures(head), _no_figures(tail)
    matched = [_no_figures(c) if loose else c for c in cores]
    if any(not c for c in matched):
        return None
    return SplitReading(head, cores, tail, matched)


def _read(t: str, seps: tuple[re.Match, ...], plan: _Plan, shown: list[str], said: list[list[str]],
          loose: bool) -> Split | None:
    """The Split for one list of `t` (its separators `seps`), or None when the page items are not its parts."""
    ranged = bound_changes(t, list(seps), shown, loose)   # ("Age less than 20" + "Greater than 69 years")
    if ranged is not None and (ranged or not loose):   # (loose: a bound changed, Split.changed)
        return Split((), False, False, changed=tuple(ranged))
    pages = [tuple(ws) for ws in said]
    if plan.own is not None:   # (each part names its own measure and limit: a bullet each, as written)
        split = _read_as(t, seps, shown, said, pages, plan.own, plan.whole, loose)
        if split is not None:
            return split
    readings = [split for reading in plan.readings
                if (split := _read_as(t, seps, shown, said, pages, reading, plan.whole, loose)) is not None]
    return min(readings, key=_fewest, default=None)


def _fewest(split: Split) -> tuple[int, int]:
    """How much a reading has the bullets change and leave out: the least is the reading to go by."""
    return len(split.changed), len(split.left_out)


def _own_figures(t: str, bounds: list[int]) -> bool:
    """Does each part name its own measure and limit ("Hemoglobin < 9 g/dL", "platelets < 100,000/mm3"), the first
    with no words before its measure ("Unexplained anemia with hemoglobin < 10 …" says the anemia of every part) and
    nothing after the last one's figure but its unit ("… despite optimal management" is said of every part)? Then
    the parts share nothing: a bullet each, as written, is faithful."""
    spans = list(zip(bounds[::2], bounds[1::2]))
    if any(_LIST_MARK.search(t, a, b) for a, b in spans):
        return False   # (a part that is a list of its own: "Bilirubin > 2.0 mg/dl, SGOT, or SGPT > 4 times normal")
    for n, (a, b) in enumerate(spans):
        m = _FIGURE.search(t, a, b)
        named = [w for w in TOKEN.findall(t[a:m.start()]) if w.lower() not in FILLER] if m else []
        if not named or n == 0 and (len(named) > 4 or _DEFINED.search(t, a, m.start())):
            return False
    rest = t[_FIGURE.search(t, *spans[-1]).end():spans[-1][1]]
    return all(len(w) <= 6 or w.lower() in _UNIT_WORDS for w in TOKEN.findall(_NORMAL.sub(" ", rest))) and \
        len(TOKEN.findall(rest)) <= 5 and not _AFTER_FIGURE.search(rest)


def _modifier(t: str, m: re.Match) -> bool:
    """Does this word describe the one after it ("pregnant", "emotional", "uncontrolled"), not name a thing?"""
    return _describing(t, m) or bool(_ADJECTIVE.match(m.group(0).lower())) or m.group(0).lower() == "pregnant"


def _heads(t: str, first: list[re.Match], words: list[re.Match], no_tail: bool, in_full: bool) -> list[int]:
    """How many of the first part's words the parts may share, before it: at least the describing words it starts
    with ("Uncontrolled" of "Uncontrolled diabetes or hypertension") and a head that names what the list is of
    ("Allergy to", "Family history of", "Known": review r27 #3, a bullet without it says another rule); all but its
    last word where the parts share words after them too ("Negative HIV or hepatitis test"). Fewer only where what
    stays the first part's own describes it ("Pregnant women or nursing mothers"), or the last part is written in
    full ("Have an active infection or serious medical condition", "… or any other inflammatory arthritis"); not
    "Are taking tetracycline or vitamin A", whose "Vitamin A" drops "taking"."""
    widest = len(words) - 1
    if not no_tail:
        return [widest]
    least = next((n for n, m in enumerate(words) if not _describing(t, m)), len(words))
    for m in first:
        if m.start() >= words[-1].start():
            break
        if _HEAD_WORD.fullmatch(m.group(0).lower()):
            least = max(least, sum(w.start() <= m.start() for w in words))
    if not in_full:
        least = max(least, next((n for n in range(widest, 0, -1) if not _modifier(t, words[n - 1])), 0))
    return list(range(min(least, widest), widest + 1))


def _tails(t: str, first_last: re.Match, words: list[re.Match]) -> list[int]:
    """Where the words the parts share after the last part may begin, as an index into its words: after its first
    word (with the describing words before it: "clinically significant" of "… or clinically significant penile
    deformity" is its own), and no later than a clause that limits it ("that precludes oral dosing", "requiring
    treatment", "> 2.5 x ULN": review r27 #2, said of every part). With no such clause, also none at all ("… or
    metabolic disease"), unless the first part then ends in a describing word ("Medical" of "Medical or psychiatric
    condition" is no item)."""
    own = next((n for n, m in enumerate(words) if not _describing(t, m)), len(words) - 1) + 1
    while own < len(words) and t[words[own - 1].end():words[own].start()] == "-":
        own += 1   # (one word written with a hyphen: "breast-feeding")
    if own >= len(words):   # ("Recurrent" of "Recurrent or chronic unexplained diarrhea" is no item)
        return [len(words)] if not _describing(t, first_last) else []
    clause = _CLAUSE.search(t, words[own - 1].end())
    last = len(words) if clause is None else sum(m.start() < clause.start() for m in words)
    alone = not _ADJECTIVE.match(first_last.group(0).lower()) and not _describing(t, first_last)
    return [x for x in range(own, last + 1) if x < len(words) or alone]


def _read_as(t: str, seps: tuple[re.Match, ...], shown: list[str], said: list[list[str]],
             pages: list[tuple[str, ...]], reading: SplitReading, whole: bool, loose: bool) -> Split | None:
    """The Split for one reading of the list (its shared words and each part's own: SplitReading), or None when the
    page items are not its parts (`loose`: see split_reading; `pages`: `said`, as tuples)."""
    k = len(shown)
    as_part = {}
    for c in range(len(reading.cores)):   # (each part against each bullet once, not once per order: r46 N1)
        row = [reading.part(c, pages[j]) for j in range(k)]
        if all(x is None for x in row):
            return None   # (no bullet is this part: no order of them is the list)
        as_part.update(((c, j), x) for j, x in enumerate(row))
    head, cores, tail = reading.head, reading.cores, reading.tail
    for order in permutations(range(k)):
        kept = [as_part[c, j] for c, j in enumerate(order)]
        if any(x is None for x in kept):
            continue
        if reading.needed is None:   # (the shared words each bullet must say: read once a reading pairs them all)
            reading.needed = frozenset() if loose else \
                frozenset(n for n, m in enumerate(head) if not _describing(t, m)) | \
                frozenset(range(len(head), len(head) + len(tail)))
        if any(not reading.needed <= x for x in kept):
            continue   # (every bullet says the words the parts share: "Diabetes" for "Diabetes or hypertension
            # requiring treatment" excludes every diabetic)
        if reading.parts is None:
            reading.parts = [_part_said(t, seps, cores, c) for c in range(len(cores))]
        parts = reading.parts
        losses = [_losses(parts[c], shown[j]) for c, j in enumerate(order)]
        if any(ls is None for ls in losses) or (not any(ls & FIGURE_KINDS for ls in losses) if loose else
                                                 any(losses)):
            continue   # (loose: a bullet that loses only a "not", an exception or a condition is compare's)
        changed = tuple(sorted(((shown[j], parts[c], tuple(sorted(losses[c]))) for c, j in enumerate(order)
                               if losses[c]), key=lambda x: not set(x[2]) & FIGURE_KINDS))   # (a figure's first)
        left = tuple((_as_written(t, m), shown[j]) for c, j in enumerate(order) for m in _shared(t, head, cores, c, whole)
                     if not any(same_word(m.group(0).lower(), w) for w in said[j]))
        return Split(tuple(dict.fromkeys(left)), _lab_pair(t, seps),
                     bool(_NEGATION.match(t)) and all(_NEGATION.match(s) for s in shown), changed)
    return None


def _lab_pair(t: str, seps: list[re.Match]) -> bool:
    """Is the list tests joined by slashes under one limit after them ("AST/ALT <= 2.5 x ULN")? Not a stage, class
    or grade ("Stage 1/2", "class III/IV", "IA/IB": review r27 #5, each bullet then asks for one of them)."""
    if not all("/" in m.group(0) and "and/or" not in m.group(0) for m in seps):
        return False
    sides = [re.search(r"([A-Za-z]+)\W*$", t[:m.start()]) for m in seps] + \
        [_NEXT_WORD.match(t, m.end()) for m in seps]
    if any(s is None or s.group(1).upper() not in _LAB_TESTS for s in sides):
        return False
    return bool(_LIMIT.match(_LIMIT_LEAD.sub("", t[sides[-1].end():].lstrip()))) or \
        bool(re.search(r"(?i)\bnormal\s+$", t[:sides[0].start()]))   # ("Normal PT/PTT")


def _shared(t: str, head: list[re.Match], cores: list[list[re.Match]], c: int, whole: bool) -> list[re.Match]:
    """The describing words before the list that part c may share: those of the head ("uncontrolled" of
    "Uncontrolled diabetes or hypertension"), none for the first part (its own), nor for a part with a describing word
    of its own ("… or serious medical condition") or a list written in full. (A describing word after the last part's
    first word is read as that part's own: "Critically-ill or medically unstable patients".)"""
    if c > 0 and (whole or any(_describing(t, m) for m in cores[c])):
        return []
    return [m for m in head if _describing(t, m) and m.group(0).lower() != "other"]


def _part_said(t: str, seps: list[re.Match], cores: list[list[re.Match]], c: int) -> str:
    """Part c of the list with all the words the parts share: "Uncontrolled hypertension > 2.5 x ULN"."""
    head, tail = t[:cores[0][0].start()], t[cores[-1][-1].end():]
    if c == 0:
        return t[:seps[0].start()] + tail
    if c == len(cores) - 1:
        return head + t[seps[-1].end():]
    return head + t[cores[c][0].start():cores[c][-1].end()] + tail


@lru_cache(maxsize=4096)   # (pure; one part meets one bullet again in each run of page items the bullet is in)
def _losses(record_part: str, page: str) -> frozenset[str] | None:
    """The kinds of what the page item loses of the figures, limits, "not", exceptions or conditions the record says
    of its part, or adds ("number", "unit", …; empty: none); None for odd text the checker cannot read (never read
    as a split). (A shared describing word it leaves out is the Split's to name.)"""
    try:
        return frozenset(loss.kind for loss in check_fidelity(record_part, page))
    except Exception:
        return None


def _no_figures(words: list[re.Match]) -> list[re.Match]:
    """The words less figures and comparison words ("5", "greater"): what a loose reading matches bullets by."""
    return [m for m in words if not _FIGURE_WORD.search(m.group(0).lower())]
