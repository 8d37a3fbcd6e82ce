"""How alike two items read once both are written in one wording: a page that writes "NSCLC" for the record's
"Non-small cell lung cancer", "ECOG PS 0-2" for "ECOG performance status 0-2" or "Have hypertension." for "Have high
blood pressure." shows the record's item, but letter by letter the short texts read too unlike to pair (align's
`_pair_sim`), and a faithful page got a criterion_added and a left-out warning (review round 22: 129 of 2,759
faithful rewordings).

align pairs what is left after its passes (`worded_pairs`): a record item and a page item in the same gap between
paired ones, in one section, that read alike once worded alike. Only the score is worded alike: a pair found so is
still compared on its own texts (compare.py), so a real change inside it ("ECOG PS 0-3" for "ECOG performance status
0-2") is still said, and a lay word pairs only where it is all that differs.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from rapidfuzz import fuzz

from ..abbreviations import as_abbreviated, spells
from ..fidelity import one_wording
from .glosses import without_glosses
from .normal import normalize
from .shorthands import LAY, LAY_WORDS, is_short, shortens   # (one-word shorthands: "HTN", "Hb", "ECG")
from .reading import FILLER
from .words import one_short_form_apart

WORDED = 89      # most a pair alike only once worded alike scores: below compare.REWORDED, so it is the
#                  criterion_reworded INFO ("This page words … as "NSCLC", where ClinicalTrials.gov says …"), as align's
#                  CONVERTED is for a time in another unit
SHORT = 80       # items this long or longer on both sides differ in more than a short form: as written is the score
GAP = 10         # most unpaired entries a gap may hold on either side: a wider one is a list not the record's, or
#                  shown in another order, not items worded otherwise (and wording each pair would cost too much)

_WORD = re.compile(r"[A-Za-z]+(?:['’]s)?")
_ALONE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+(?![A-Za-z0-9])")   # a word with no figure joined to it ("CD4": none)


def short_forms(text: str) -> list[str]:
    """The short forms a text writes (`is_short`), as often as it writes each."""
    return [w for w in _ALONE.findall(text) if is_short(w)]

def worded_pairs(O: list, P: list, pairs: list, match: float) -> list[tuple[list[int], list[int], float]]:
    """(record indices, [page index], similarity) for unpaired entries (align.Entry: text, norm, section, group)
    that read alike once worded alike (`worded_sim` at least `match`, align's bar for a pair): a record entry, or a
    whole record item of several (a label the page runs on with its sub-items, "Performance status: a) Eastern
    Cooperative Oncology Group 0-3"), each only with a page entry in its gap: after the record entries paired with
    the page entry before it and before those paired with the page entry after it. Best pairs first, none crossing
    another. Two alike word for word but for a short form in one where the other names a thing in words
    (words.one_short_form_apart: "History of PE" for "History of deep vein thrombosis") pair too, at `WORDED`: they
    were a criterion added and another left out, where compare.py says the short form (or finds it the words')."""
    used_o = {i for p in pairs for i in p.o}
    used_p = {j for p in pairs for j in p.p}
    paired = sorted((j, p.o) for p in pairs for j in p.p)   # (page index, its record indices), in page order
    items: dict[str, list[int]] = {}
    for i, e in enumerate(O):
        items.setdefault(e.group, []).append(i)
    scored = []
    for j in (j for j in range(len(P)) if j not in used_p):
        k = bisect.bisect(paired, (j,))
        lo = max(paired[k - 1][1]) if k else -1
        hi = min(paired[k][1]) if k < len(paired) else len(O)
        gap = range(min(lo, hi) + 1, max(lo, hi))
        if sum(i not in used_o for i in gap) > GAP or _unpaired_around(j, used_p, len(P)) > GAP:
            continue
        whole = [idx for idx in items.values() if len(idx) > 1 and idx[0] in gap and idx[-1] in gap]
        for idx in [[i] for i in gap] + whole:
            if any(i in used_o for i in idx) or O[idx[0]].section != P[j].section:
                continue
            if min(sum(len(O[i].norm) + 1 for i in idx), len(P[j].norm)) >= SHORT:
                continue
            text = " ".join(O[i].text for i in idx)
            s = worded_sim(text, P[j].text)
            if s < match and one_short_form_apart(text, P[j].text):
                s = WORDED   # ("History of PE" for "History of deep vein thrombosis": see above)
            if s >= match:
                scored.append((s, idx, j))
    out: list[tuple[list[int], list[int], float]] = []
    for s, idx, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if j in used_p or any(i in used_o for i in idx) or any((idx[0] - o[0]) * (j - p[0]) < 0 for o, p, _ in out):
            continue
        out.append((idx, [j], min(s, WORDED)))
        used_o.update(idx)
        used_p.add(j)
    return sorted(out)


def _unpaired_around(j: int, used_p: set[int], n: int) -> int:
    """How many unpaired page entries stand in a row with entry j."""
    lo = hi = j
    while lo > 0 and lo - 1 not in used_p:
        lo -= 1
    while hi < n - 1 and hi + 1 not in used_p:
        hi += 1
    return hi - lo + 1


@lru_cache(maxsize=65536)   # (align asks each pair of a block once, but the same texts come back page after page)
def worded_sim(record: str, page: str) -> float:
    """The similarity (rapidfuzz ratio of the normalized texts) of two items, each written in the other's wording
    where one abbreviates what the other spells out; 100 for two that differ only in a lay word for a medical term.
    Two with no short form or lay word to read, or that differ in more words than those could account for
    (`_may_read_alike`), score only as fidelity.one_wording writes them (0 when it leaves them as they are: no more
    alike than as written)."""
    bare = without_glosses(page, record)   # ("Sickle cell anemia (an inherited disorder …)": glosses.py)
    if bare != page:
        return max(worded_sim(record, bare), fuzz.ratio(normalize(record), normalize(bare)))
    a, b = one_wording(record, page)   # ("NSCLC" and "non-small cell lung cancer", "men and women"/"male or female")
    lay = _has_lay(a) or _has_lay(b)
    if not (lay or _has_short(a) or _has_short(b)) or not _may_read_alike(a, b):
        return 0.0 if (a, b) == (record, page) else fuzz.ratio(normalize(a), normalize(b))
    # any run of words an abbreviation of the other text stands for, and a definition ("human immunodeficiency virus
    # (HIV)") as the abbreviation; then the short forms it leaves alone ("PS" and "performance status", "HTN")
    a, b = _short_forms(*as_abbreviated(a, b, _any_run))
    na, nb = normalize(a), normalize(b)
    # a lay word only where it is all that differs: the comparison of the pair cannot weigh one against another term
    # ("Have low blood pressure." for "Have hypertension." would read as merely reworded), so it must not pair them
    if lay and na != nb and normalize(_as_terms(a)) == normalize(_as_terms(b)):
        return 100.0
    return fuzz.ratio(na, nb)


def _any_run(run: str) -> bool:
    return True   # (as_abbreviated: every run an abbreviation spells is read as it, not only one with a "non")


_LETTERS = re.compile(r"[A-Za-z]+")
UNREAD = 2   # most words one text has and the other lacks that no short form or lay word may account for


def _may_read_alike(a: str, b: str) -> bool:
    """Cheap test before the rewriting: could each word one text has and the other lacks be a short form, a word a
    short form of the other text stands for (its first letter is one of the short form's), a lay word or a filler
    word, but for at most `UNREAD`? Two items that differ in more say other things, however worded."""
    ta, tb = set(_LETTERS.findall(a)), set(_LETTERS.findall(b))
    la, lb = {w.lower() for w in ta}, {w.lower() for w in tb}
    unread = 0
    for words, theirs, other in ((ta, lb, tb), (tb, la, ta)):
        initials = {c for w in other if is_short(w) for c in w.lower()}
        unread += sum(1 for w in words if not (w.lower() in theirs or w.lower() in FILLER or w.lower() in LAY_WORDS
                                               or is_short(w) or w[0].lower() in initials))
    return unread <= UNREAD


def _has_short(text: str) -> bool:
    return bool(short_forms(text))


def _has_lay(text: str) -> bool:
    return any(rx.search(text) for rx, _ in LAY)


def _as_terms(text: str) -> str:
    for rx, term in LAY:
        text = rx.sub(term, text)
    return text


def _short_forms(a: str, b: str) -> tuple[str, str]:
    """Both texts with each run of words the other writes as a short form (one it has more often) written as that
    short form."""
    la, lb = a.lower(), b.lower()
    for short in sorted(set(short_forms(a)) | set(short_forms(b))):
        na, nb = _count(la, short), _count(lb, short)
        if na > nb:
            b = shortened(b, short, na - nb)
        elif nb > na:
            a = shortened(a, short, nb - na)
    return a, b


def _count(lowered: str, short: str) -> int:
    return len(re.findall(rf"(?<![a-z0-9]){re.escape(short.lower())}(?![a-z0-9])", lowered))


def shortened(text: str, short: str, n: int) -> str:
    """The text with its first `n` runs of words that `short` stands for written as `short`: several words it
    spells ("performance status" for "PS", abbreviations.spells) or words it is the shorthand of ("hypertension" for
    "HTN", "hepatitis B" for "HBV", shorthands.SHORTHAND; never "hypotension"). A run starts and ends on a word that says
    something ("patients should" is no "PS")."""
    words = list(_WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    j = 0
    while j < len(words) and len(spans) < n:
        found = 0
        if words[j].group(0).lower() not in FILLER:
            for k in range(min(len(short) + 3, len(words) - j), 0, -1):
                run = [w.group(0) for w in words[j:j + k]]
                if run[-1].lower() in FILLER or not _joined(text, words[j:j + k]):
                    continue
                if k > 1 and spells(short, run) or shortens(short, run):
                    found = k
                    break
        if found:
            spans.append((words[j].start(), words[j + found - 1].end()))
            j += found
        else:
            j += 1
    for start, end in reversed(spans):
        text = text[:start] + short + text[end:]
    return text


def _joined(text: str, run: list[re.Match]) -> bool:
    """Words of one name: only spaces or hyphens between them ("performance status", "non-small cell")."""
    return all(re.fullmatch(r"[ \-]+", text[x.end():y.start()]) for x, y in zip(run, run[1:]))
