"""What a qualifier describes in a criterion: a page that moves "poorly controlled" from one illness to another
("Diabetes or poorly controlled hypertension" where ClinicalTrials.gov says "Poorly controlled diabetes or
hypertension") keeps every word, figure and "not". The fidelity check counts them and words.py compares words in
place, so both passed it; yet the page turns away everyone with diabetes, the record only those whose diabetes is
poorly controlled (review of the qualifier findings, (b)).

A criterion is read as lists (ended by ";", ":" or a full stop) of parts (parted by ",", "or", "and", "/", "with",
brackets). A bracket, or an aside (", e.g. …", ", including …", ", defined as …"), is a list of its own that annotates
the part before it, not one more part ("Hypertension or hypotension with poor control (systolic …)": "with poor
control" still ends its list; review round 25, #2). A qualifier that turns its word ("poorly controlled", "with poor
control", "uncontrolled", "not well differentiated") describes the part it stands in; before the first part or after
the last, it may describe the whole list ("Poorly controlled diabetes or hypertension" may mean both), so a copy that
says it of each part ("Uncontrolled diabetes or uncontrolled hypertension"), or once for a record that says it of
each, gives one reading of the other (review round 25, #1).

The two texts' parts are matched as a copy may write them (same_words.same_word, function words dropped, one part's
words among the other's, a short form for its words): a qualifier moved is said with a plural changed or a short form
added too (it was said only in an otherwise exact copy: 0 of 98 such real moves, review round 25, #3). A qualifier is
said to have moved only where every qualified part has its match on the other side, the two qualify the same word as
often, and no reading of one is a reading of the other: a copy that words a qualifier otherwise ("Diabetes with poor
control") or puts it at the list's other end raises nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..abbreviations import spells
from ..fidelity import negated_base
from ..qualifiers import DEGREE, POOR_CONTROL, POOR_FORM
from ..side_words import sides_as_terms
from .reading import FILLER
from .same_words import same_word
from .shorthands import shortens

# where a list ends: ";", ":", a full stop (not an "e.g."'s) or a line (alternatives.py reads lists so too)
LIST_ENDS = re.compile(r";|:|(?<!\be\.g)(?<!\bi\.e)\.(?=\s|$)|\n")
# "No" right after a word that says something, with no stop between ("… by echocardiogram No unstable angina"): a
# sub-point of the record run into the text (in any case: a page in capitals or small letters reads it alike)
_NEW_ITEM = re.compile(r"(?i)(?<=[a-z0-9%)\]])\s+(?=no\s)")
# words after which a "no" goes on the sentence ("patients with no history", "there is no evidence")
_GOES_ON = frozenset("""with without or and nor of in to for by as at on from that which who whom if but also there
    is are was were be been being has have had having do does did show shows showed showing""".split())
# words that describe rather than name ("severe", "chronic", "cardiac", "newly diagnosed"): a part of them only shares
# the next part's noun, or the qualifier after them
_MODIFIER = re.compile(r"[a-z]{2,}(?:ic|ac|al|ive|ous|ular|ary|ile|ful|ly)|[a-z]{3,}ed|severe|acute|mild|moderate|"
                       r"serious|active|major|minor|known|other|not|yet|new|recurrent|concurrent|current|significant|"
                       r"persistent|intermittent|resistant|dependent|pregnant")
# describing words that say how ill, not which illness ("severe or unstable systemic disease"; never "psychiatric",
# which names one of the illnesses in "No uncontrolled psychiatric or medical illness")
STATE = re.compile(r"severe|serious|symptomatic|progressive|chronic|acute|active|significant|clinically|recurrent|"
                    r"persistent|newly|diagnosed|treated|untreated|not|yet|major|concurrent|"
                    r"concomitant|other")
# an aside that annotates what comes before it: its parts are a list of their own
_ASIDE = re.compile(r",\s*(?:e\.?\s?g\b|i\.?\s?e\b|including|includes|defined as|such as|for example|for instance"
                    r"|especially|particularly)\b")
_PARTS = re.compile(r",|[()\[\]/]|\b(?:and|or|nor|with)\b")
WORD = re.compile(r"[a-z0-9]+(?:-[a-z]+)*")
# words that link a part to its qualifier ("hypertension that is poorly controlled"): no part of what is described
_LINKS = frozenset("that which who is are was were has have having a an the".split())

Part = tuple[str, ...]   # a part's words, as written (lower case), less its qualifier and linking words


@dataclass(frozen=True)
class Qualified:
    """One qualifier in a text: the word it turns (stemmed: "control" for "controlled"), as written, the part it
    stands with and what it may describe (that part, or the whole list); `written`: the part's words as the text
    writes them, for a message to quote ("DM", not "dm"); `among`: a side's list of sides ("bilateral/unilateral")."""

    kind: str
    said: str
    part: Part
    readings: frozenset[frozenset[Part]]
    written: tuple[str, ...] = ()
    among: str = ""


@dataclass(frozen=True)
class Moved:
    """A qualifier the page says of another part than the record does ("" for one the page leaves out or adds)."""

    record_said: str
    page_said: str
    record_part: str
    page_part: str


# how many sides, places or dimensions: "Unilateral hearing loss" admits fewer people than "Hearing loss", as a
# qualifier of degree does. Each word is its own kind, so a side moved to another part is said ("Unilateral tinnitus
# and bilateral hearing loss" for "Unilateral hearing loss and bilateral tinnitus"); a list of them is read as one span
# that says each of its sides of the same part, in any order ("two-sided or one-sided vagotomy" for "unilateral or
# bilateral vagotomy"). They were read, one side only, as a "not"
# of "ilateral" (the "un" of fidelity.negated_base; neg1), so a dropped "bilateral" was silent where "unilateral" warned
_SIDE = r"(?:(?:uni|bi)lateral|(?:uni|bi)dimensional(?:ly)?|(?:uni|multi)focal)"
SIDES = re.compile(rf"(?i)\b{_SIDE}(?:\s*(?:,|/|\bor\b|\band\b|\band/or\b)\s*{_SIDE})*\b")
# "uni-" (one) is no "un-" (not): "unilateral", "unifocal", "university", "universal", "uniform", "united", "unique",
# "unicentric", "univariate", "unilocular", "unicellular", "unipolar"; "unidentified", "uninfected", "unimproved" are
# "un-" words
_ONE = re.compile(r"(?i)uni(?:lat|foc|dim|vers|form|t|qu|cent|var|loc|cell|cam|pol|par)")


def _sides_said(said: str) -> list[str]:
    """The kind of each side a side word or list of them says, each once ("unilateral, unilateral" is one), so a side
    is counted per side, not per list (neg4: "Bilateral or multifocal disease … Unilateral, unilateral
    multifocal tumors" for "Bilateral or multifocal unilateral disease … Unilateral, multifocal tumors", NCT00002794,
    moved a "unilateral" from one list to another and read as two lists of other kinds: silent)."""
    return sorted(set(re.findall(_SIDE, said.lower())))


def _kind(word: str) -> str:
    """The word a qualifier turns, stemmed: "controlled" and "control" are one."""
    w = word.lower().replace("-", "")
    w = w[:-2] if w.endswith("ed") else w
    return w[:-1] if len(w) > 2 and w[-1] == w[-2] else w


@lru_cache(maxsize=4096)   # (splits and alternatives ask it of one long item per reading: r46 N1)
def qualifiers(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, kind, as written) of each qualifier that turns its word (a list of sides: each side's word, over
    the list's span)."""
    out = [(m.start(), m.end(), _kind(m.group(1)), m.group(0)) for m in POOR_FORM.finditer(text)]
    out += [(m.start(), m.end(), "control", m.group(0)) for m in POOR_CONTROL.finditer(text)]
    out += [(m.start(), m.end(), m.group(1).lower(), m.group(0)) for m in DEGREE.finditer(text) if outside(m, out)]
    out += [(m.start(), m.end(), side, side) for m in SIDES.finditer(text) if outside(m, out)
            for side in _sides_said(m.group(0))]
    for m in WORD.finditer(text):
        base = negated_base(m.group(0).replace("-", ""))
        if base and outside(m, out) and not _ONE.match(m.group(0)):
            out.append((m.start(), m.end(), _kind(base), m.group(0)))
    return tuple(sorted(out))


def outside(word: re.Match, quals: Sequence[tuple[int, int, str, str]]) -> bool:
    """Is this word no part of any of these qualifiers?"""
    return not any(s <= word.start() < e for s, e, *_ in quals)


def read_qualified(text: str, run_in: bool = True) -> tuple[list[Qualified], Counter]:
    """The qualifiers of a text, and how often it lists each part; with `run_in`, a sub-point run into the text
    ("… echocardiogram No unstable angina") is a list of its own."""
    low = text.lower()
    quals = qualifiers(low)
    out: list[Qualified] = []
    parts: Counter = Counter()
    start = 0
    ends = [m.start() for m in LIST_ENDS.finditer(low)]
    if run_in:
        ends = sorted(ends + _run_in(low))
    for end in ends + [len(low)]:
        seps = list(_PARTS.finditer(low, start, end))
        spans = list(zip([start] + [m.end() for m in seps], [m.start() for m in seps] + [end]))
        words = [[w for w in WORD.finditer(low, a, b) if w.group(0) not in _LINKS and outside(w, quals)]
                 for a, b in spans]
        groups = _groups(low, seps, start, end)
        listed = [tuple(w.group(0) for w in ws) for ws in words if ws]
        parts.update(listed)
        for s, e, kind, said in quals:
            at = next((k for k, (a, b) in enumerate(spans) if a <= s < b), None)
            if at is None:
                continue
            before = any(w.start() >= e for w in words[at])   # ("poorly controlled diabetes": before its part)
            if not words[at]:   # a part of its own ("Diabetes, poorly controlled"): the part before, else after
                near = [k for k in range(at - 1, -1, -1) if words[k]] or [k for k in range(at + 1, len(spans))
                                                                          if words[k]]
                if not near:
                    continue
                before, at = near[0] > at, near[0]
            part = tuple(w.group(0) for w in words[at])
            # (as written where lower case keeps every letter's place: "İ" is two letters lowered)
            written = tuple(text[w.start():w.end()] for w in words[at]) if len(low) == len(text) else part
            same = [k for k in range(len(spans)) if groups[k] == groups[at] and (k == at or _says(words[k]))]
            whole = [tuple(w.group(0) for w in words[k]) for k in same]
            commas = [any(m.group(0) == "," for m in seps[a:b]) for a, b in zip(same, same[1:])]
            at_word = low.find(said, s, e) if len(low) == len(text) else -1   # (one side of a list of them)
            among = "/".join(_sides_said(low[s:e])) if said != low[s:e] and kind == said else ""
            out.append(Qualified(kind, text[at_word:at_word + len(said)] if at_word >= 0 else text[s:e], part,
                                 _readings(whole, same.index(at), before, commas), written, among))
        start = end + 1
    return out, parts


def _readings(whole: list[Part], i: int, before: bool, commas: list[bool]) -> frozenset[frozenset[Part]]:
    """What a qualifier of part i of a list may describe (`commas[x]`: a comma parts x and x + 1): that part; the
    whole list from its head, or from its end ("Diabetes or hypertension that is uncontrolled"); the run of parts
    joined by "or" or "and" it heads or ends ("uncontrolled ischemia or infarction, poorly controlled arrhythmias");
    before a part that is all describing words, the parts up to the next that is not ("unstable cardiac or pulmonary
    disease"); after describing words that say how ill only ("No severe or unstable systemic disease or infection"),
    the list from them on. A qualifier amid a list of illnesses ("symptomatic heart failure, unstable angina, or
    arrhythmia") describes its own."""
    out = {frozenset({whole[i]})}
    last = len(whole) - 1
    if before:
        j = i
        while j > 0 and _describes(whole[j - 1], STATE):
            j -= 1
        if j == 0 or j < i:
            out.add(frozenset(whole[j:]))
        k = i
        while k < last and _describes(whole[k]):
            k += 1
        out.add(frozenset(whole[i:k + 1]))
        if i == 0 or commas[i - 1]:
            k = i
            while k < last and not commas[k]:
                k += 1
            out.add(frozenset(whole[i:k + 1]))
    elif i == last or commas[i]:
        j = i
        while j > 0 and not commas[j - 1]:
            j -= 1
        out.add(frozenset(whole[j:i + 1]))
        if i == last:
            out.add(frozenset(whole))
    return frozenset(out)


def _describes(part: Part, words: re.Pattern | None = None) -> bool:
    """A part of describing words only ("no severe", "chronic medical", "newly diagnosed"): `_MODIFIER`, or those
    `words`."""
    ws = [w for w in part if w not in FILLER and w not in ("no", "any")]
    if not ws:   # ("no severe": a part whose describing word is a qualifier of its own, read apart from its words)
        return bool(part)
    return len(ws) <= 3 and all((words or _MODIFIER).fullmatch(w) for w in ws)


def _run_in(low: str) -> list[int]:
    """Where a (lower-case) text starts a sub-point run into it (`_NEW_ITEM`): after a word that is no function word
    ("patients with no history" goes on)."""
    out = []
    for m in _NEW_ITEM.finditer(low):
        before = WORD.findall(low, max(0, m.start() - 40), m.start())
        if before and before[-1] not in _GOES_ON:
            out.append(m.start())
    return out


def _says(words: list[re.Match]) -> bool:
    """Is this a part of its own, not function words only ("e.g.", "patients with")?"""
    return any(w.group(0) not in FILLER for w in words)


def _groups(low: str, seps: list[re.Match], start: int, end: int) -> list[int]:
    """Which list each part (between `seps`) is in: 0 for the criterion's own, another for each bracket and each
    aside (`_ASIDE`), which annotate the part before them ("… or hypotension (systolic blood pressure > 170 …)")."""
    asides = {m.start() for m in _ASIDE.finditer(low, start, end)}
    stack, n, out = [0], 0, [0]
    for m in seps:
        if m.group(0) in "([":
            n += 1
            stack.append(n)
        elif m.group(0) in ")]" and len(stack) > 1:
            stack.pop()
        elif m.start() in asides and len(stack) == 1:
            n += 1
            stack = [n]
        out.append(stack[-1])
    return out


def _named(q: Qualified) -> str:
    """A qualifier's part as a message names it, as its text writes it ("DM", "Diabetes Mellitus"): "psychiatric",
    not "no psychiatric" (the "no" is the whole list's)."""
    part = q.written or q.part
    return " ".join(part[1:] if len(part) > 1 and part[0].lower() in ("no", "any") else part)


def qualifier_moves(record: str, page: str) -> list[Moved]:
    """Each qualifier the page says of another part of the criterion than the record does, or leaves out, or adds
    ("Diabetes or hypertension" for "Uncontrolled diabetes or hypertension"), where each qualified part has its match
    in the other text (a qualifier turned, "controlled" for "uncontrolled", is the fidelity check's). A qualifier of
    one word left out where one of another word is added ("inoperable" for "unresectable") is words.py's to compare."""
    if record == page:
        return []
    if "lateral" in record.lower() or "lateral" in page.lower():   # ("one-sided" for "unilateral": side_words.py)
        record, page = sides_as_terms(record, page)
    # (the sub-points read where both texts show them alike: a page in small letters, or that words a qualifier
    # otherwise, "poorly controlled" for "Uncontrolled", shows none)
    run_in = len(_run_in(record.lower())) == len(_run_in(page.lower()))
    qr, parts_r = read_qualified(record, run_in)
    qp, parts_p = read_qualified(page, run_in)
    sides = sides_left_out(record, page, qr)
    if sides:
        return sides
    if not (qr or qp):
        return []
    if _bare(parts_r, qr + qp) != _bare(parts_p, qr + qp):
        return []   # ("Controlled diabetes" for "Poorly controlled diabetes": a qualifier turned)
    as_record = _matched_parts(list(parts_r), list(parts_p))
    if any(q.part not in as_record.values() for q in qr) or any(q.part not in as_record for q in qp):
        return []   # (a qualified part the other text does not show: not a copy of it to compare so)

    def readings(q: Qualified, side: dict | None) -> frozenset:   # (a page's parts as the record's: `as_record`)
        return frozenset(frozenset(p if side is None else side.get(p, ("\0",) + p) for p in r) for r in q.readings)

    out, dropped, added = [], [], []
    unsaid = said_more = False   # (a qualifier of one word fewer and one of another more, before any is read as
    # said again of a list's part: "Inoperable stage IIIA" for "Unresectable stage IIIA" beside another "inoperable")
    for kind in sorted({q.kind for q in qr + qp}):
        ours = [(q, readings(q, None)) for q in qr if q.kind == kind]
        theirs = [(t, readings(t, as_record)) for t in qp if t.kind == kind]
        unmatched, left = list(theirs), []
        for q, rq in ours:   # (each with a page qualifier of a reading of its own)
            twin = next((t for t in unmatched if rq & t[1]), None)
            if twin is None:
                left.append((q, rq))
            else:
                unmatched.remove(twin)
        # a list both texts may qualify whole: a qualifier said again of one of its parts is that reading
        unsaid = unsaid or bool(left) and len(left) > len(unmatched)
        said_more = said_more or len(unmatched) > len(left)
        # (a side in a list of them with its list only: "bilateral biopsy" is no reading of "Bilateral or unilateral
        # aspiration and biopsy")
        spread = {(r, q.among) for q, rs in ours for r in rs if len(r) > 1} & \
            {(r, t.among) for t, rs in theirs for r in rs if len(r) > 1}
        left = [q for q, _ in left if not any(q.part in r and a == q.among for r, a in spread)]
        unmatched = [t for t, _ in unmatched if not any(as_record[t.part] in r and a == t.among for r, a in spread)]
        if len(left) == len(unmatched):
            out += [Moved(q.said, t.said, _named(q), _named(t)) for q, t in zip(left, unmatched)]
        else:
            dropped += left
            added += unmatched
    if not (dropped and added or unsaid and said_more):   # (only of a part the other text writes in the same words, no more: "Poor response"
        # for "Inadequate response" has its qualifier in other words, words.py's to compare)
        exact = {r for p, r in as_record.items() if _written_alike(r, p)}
        out += [Moved(q.said, "", _named(q), "") for q in dropped if q.part in exact]
        out += [Moved("", t.said, "", _named(t)) for t in added if _written_alike(as_record[t.part], t.part)]
    return out


def sides_left_out(record: str, page: str, qr: list[Qualified]) -> list[Moved]:
    """Each side word (`_SIDE`) the record says more often than the page, where the page says none the record does
    not: a side left out admits fewer people ("bilateral vagotomy", or "or bilateral vagotomy", for "unilateral or
    bilateral vagotomy"). A list of sides is one qualifier kind here, so its shorter copy read as another kind, and
    so as words.py's to compare, which saw nothing: silent (neg2: 11 of 77 "unilateral" left out of a real item)."""
    said = [Counter(m.group(0).lower() for m in re.finditer(rf"(?i)\b{_SIDE}\b", t)) for t in (record, page)]
    lost, gained = said[0] - said[1], said[1] - said[0]
    if gained:
        return []   # (a side turned, "bilateral" for "unilateral": the fidelity check's)
    return [Moved(side, "", next((_named(q) for q in qr if side in q.said.lower()), ""), "") for side in lost]


def _written_alike(r: Part, p: Part) -> bool:
    """One part in the same words, as a copy writes them (`_alike` 2 or more), or written short ("dm" for "diabetes
    mellitus": "Hypertension or DM" for "Hypertension or poorly controlled diabetes mellitus" said nothing)."""
    return _alike(r, p) >= 2 or short_for_part(r, p) or short_for_part(p, r)


def short_for_part(short: Part, long: Part) -> bool:
    """Is `short` one short form for the words of `long` ("dm" / "diabetes mellitus")?"""
    return len(short) == 1 and 2 <= len(short[0]) <= 6 and not short[0].isdigit() and \
        (spells(short[0], list(long)) or shortens(short[0].upper(), list(long)))


def _bare(parts: Counter, quals: list[Qualified]) -> Counter:
    """How often a text's parts say a word these qualifiers turn without its qualifier ("controlled")."""
    kinds = {q.kind for q in quals}
    return Counter(w for part, n in parts.items() for w in part for _ in range(n) if _kind(w) in kinds)


def _matched_parts(record: list[Part], page: list[Part]) -> dict[Part, Part]:
    """Each page part with the one record part it is, as a copy may write it (`_alike`): the same words, else the
    only record part whose words it holds or that holds its words."""
    out = {}
    for p in page:
        scores = [(_alike(r, p), r) for r in record]
        for want in (3, 2, 1):
            found = [r for score, r in scores if score == want]
            if found:
                if len(found) == 1:
                    out[p] = found[0]
                break
    return out


def _alike(a: Part, b: Part) -> int:
    """3 for one part; 2 for two parts of the same words, as a copy writes them ("cardiac arrhythmias", "cardiac
    arrhythmia"), less function words; 1 where the words of one are all among the other's ("angina", "history of angina") or one is a
    short form for the other's words ("dm", "diabetes mellitus"); else 0."""
    if a == b:
        return 3
    ka, kb = (tuple(w for w in x if w not in FILLER) for x in (a, b))
    if not ka or not kb:
        return 0
    if len(ka) == len(kb) and all(map(same_word, ka, kb)):
        return 2
    short, long = sorted((ka, kb), key=len)
    if short_for_part(short, long):
        return 1
    pool = list(long)
    for w in short:
        twin = next((v for v in pool if same_word(w, v)), None)
        if twin is None:
            return 0
        pool.remove(twin)
    return 1
