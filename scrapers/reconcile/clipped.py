"""Items a page cuts off: it shows the start of one of the record's criteria and stops, mid-word ("For children with
BPD: 1) with sev", dev.jsonl row 13), on a word no criterion ends on ("Minors and prisoners will be"), or at a mark that
says so ("…", "... Read more", "… See full criteria"). Such a page changed no rule, it showed less of one; yet the
whole item was compared, so the sub-point's "1)" was "a number" that differs and the "more" of "Read more" a
comparison word (review r35 #3; its cut_sim.py, 200 last items each cut at a random word and marked two ways: 193 of
400 pages drew a critical criterion_changed). Now only the part the page shows is compared, against as much of the
record's item: a figure, limit or "not" that differs there is still a critical criterion_changed; else the cut is a
criterion_shortened warning, or, for the last item of a list cut by a "see full criteria" marker, said by the
criteria_truncated warning (coverage.py). items.py asks this of each pair with one page item (clipped_pair), and pairs
first the cut items too short to align (cut_pairs).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..criteria import unescape_markdown
from ..criteria_mend import open_brackets
from ..model import PageRecord
from .align import Entry, Pair
from .compare import compare
from .finding import Finding, criteria_finding, quote, rule_words
from .normal import normalize, strip_marker
from .numbering import without_layout_numbers

# a mark a site leaves where it cut an item: an ellipsis, alone or before a link to the rest ("... Read more",
# "… See full criteria", "…more", "... [Show more]")
_CUT_MARK = re.compile(r"\s*(?:\.{3,}|…|\.\s\.\s\.)\s*"
                       r"(?:[\[(]?\s*(?:(?:read|see|show|view|load)\s+(?:the\s+)?(?:full|all|more|rest)\b[\w\s]*|more)"
                       r"\s*[\])]?)?\s*[»›>▼▾+]*\s*$", re.I)
# words no criterion ends on: a page item ending on one stops in the middle of a sentence
_DANGLING = frozenset("""a an the of with by or and nor to in into for on at as from than per be is are was were been
    who which that whose whom including such any not if when while their his her its""".split())
_TOKEN = re.compile(r"\S+")
_KEY = re.compile(r"[^0-9a-z<>=]")
_SHOWN_SHARE = 0.6   # of the words the page shows, how many must be the record's, in order


def without_cut_mark(text: str) -> str:
    """An item's text without the mark a site left where it cut it ("Other protocol-defined… See full criteria")."""
    return _CUT_MARK.sub("", text)


def starts_a_line(text: str, source: str) -> bool:
    """Is a page item, its cut mark off, the start of one of the lines of the record's criteria (`source`)? Then it
    shows the start of the record's text, cut off ("Other protocol-defined… See full criteria", the record's
    footnote), and is not text the record lacks; "Willing or able to…" inside "Not willing or able to …" is not."""
    shown = normalize(without_cut_mark(text))
    return len(shown) >= 12 and shown != normalize(text) and any(
        normalize(line).startswith(shown) for line in source.splitlines())


@dataclass(frozen=True)
class Clip:
    """A page item that shows the start of the record's text and stops: what it shows (its cut mark and a word cut
    in two taken off), the record's words as far as that, what the record goes on to say, and whether the item
    carries a cut mark of its own ("…")."""
    shown: str
    record: str
    rest: str
    marked: bool


def _tokens(text: str) -> list[tuple[str, int]]:
    """(match key, end) of each word of `text` that has a letter or digit."""
    out = []
    for m in _TOKEN.finditer(text):
        key = _KEY.sub("", m.group(0).lower())
        if key:
            out.append((key, m.end()))
    return out


# the endings a whole word takes: "arrhythmia" for "arrhythmias" is that word in another form, not one cut in two
_ENDINGS = frozenset("""s es ed d ing ings er ers est al ally ly ic ics ical ion ions ity ities ive ness ment ments
    y ies ia ias ism ist ists ous ation ations ate ated ates e""".split())


def _cut_in_two(shown: str, word: str) -> bool:
    """Is the page's last word (`shown`) the start of the record's `word` cut off ("sev" of "severe"), not the word
    in another form ("arrhythmia" of "arrhythmias")? Only of letters: "7" of "7.5" may be a changed figure."""
    return shown.isalpha() and word != shown and word.startswith(shown) and word[len(shown):] not in _ENDINGS


def _mapped(matcher: difflib.SequenceMatcher, k: int) -> int:
    """The record word that the page's word `k` stands at (-1 before the first)."""
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= k < i2:
            return j1 + (k - i1) if tag == "equal" else (min(j1 + (k - i1), j2 - 1) if tag == "replace" else j1 - 1)
    return -1


def clip(record: str, page: str, marked: bool = False, at_end: bool = True) -> Clip | None:
    """The page's text as a cut-off start of the record's (Clip), or None: it must be marked as cut (by its own
    ellipsis, or `marked`: the list's "see full criteria" marker, which the site's reader took off, came right after
    it), end on a word no criterion ends on (_DANGLING; not a comma, which ends a rule before its exceptions:
    "…malignancy, except:"), or, as the page's last item (`at_end`), where what was read may stop, end mid-word (a
    word cut in two, of letters: "7" for "7.5" may be a changed figure) or inside a bracket the record closes further
    on (_inside_bracket). Not inside the page: "Normal rectal exam" for "… examination", "no prior chemo" for
    "chemotherapy" (TrialLens's own plain English fed back) are whole words. Its
    words must be the record's first ones, the record going on past them. A page that ends a sentence the record goes
    on with ("Expected survival >=3." for ">=3 months.") cut nothing."""
    mark = _CUT_MARK.search(page)
    shown = page[:mark.start()] if mark else page
    if not mark and re.search(r"(?<!\.)\.\s*$", shown) and shown.strip() not in record:
        return None
    p, r = _tokens(shown), _tokens(record)
    if len(p) < 2 or len(r) <= len(p) // 2:
        return None
    pk, rk = [k for k, _ in p], [k for k, _ in r]
    last = len(pk) - 1
    partial = False
    matcher = difflib.SequenceMatcher(None, pk[:-1], rk, autojunk=False)
    j = _mapped(matcher, last - 1)
    if 0 <= j + 1 < len(rk) and _cut_in_two(pk[-1], rk[j + 1]):
        partial, p, last = True, p[:-1], last - 1   # ("sev" of "severe": the word is cut, not changed)
    else:
        matcher = difflib.SequenceMatcher(None, pk, rk, autojunk=False)
        j = _mapped(matcher, last)
    dangling = not partial and pk[-1] in _DANGLING and not shown.rstrip().endswith((",", ";", ":"))
    if j < 0 or j + 1 >= len(r):
        return None
    if not (mark or marked or dangling or (at_end and (partial or _inside_bracket(shown, record, r[j][1])))):
        return None
    blocks = [b for b in matcher.get_matching_blocks() if b.size and b.a <= last and b.b <= j]
    same = sum(b.size for b in blocks)
    if not blocks or blocks[0].a > 1 or blocks[0].b > 1 or same < max(2, _SHOWN_SHARE * (last + 1)):
        return None   # (its start the record's, give or take a first word: "Willing or able to…", "Not willing …")
    rest = record[r[j][1]:].strip()
    if not re.search(r"[A-Za-z]{2,}", rest.replace("etc", "")):
        return None   # (the record says no more than the page: "…, etc.")
    return Clip(shown[:p[last][1]].rstrip(" ,"), record[:r[j][1]].rstrip(" ,"), rest, bool(mark))


def _inside_bracket(shown: str, record: str, at: int) -> bool:
    """Does the page's text stop inside a bracket that the record's closes further on ("Age 18-65 years old
    (inclusive of the boundary values, based on the time of signing", dev.jsonl row 28, a Veeva capture that stops at
    2,000 characters; the record goes on "the informed consent form), …")? No criterion ends there: the text was cut
    between two words."""
    return bool(open_brackets(shown)) and bool(open_brackets(record[:at])) and \
        len(open_brackets(record) or []) < len(open_brackets(record[:at]) or [])


def cut_pairs(O: list[Entry], P: list[Entry], pairs: list[Pair], page: PageRecord) -> list[Pair]:
    """The pairs, with each page item that shows the start of the record's text and stops (clip) paired with every
    record entry it reaches ("For children with BPD: 1) with sev" reaches the label's first sub-point, which is then
    shown in part, not left out), and the cut items too short to align paired with the unpaired record item they
    start: "Received shockwave… See full criteria" for "Received shockwave treatment at least 6 months before
    enrollment" was a criterion_added beside a criterion_missing (r35's cut simulation: 133 of 400 pages). Of several
    such record items, the first after the one the page item before it shows."""
    used_o = {i for p in pairs for i in p.o}
    used_p = {j for p in pairs for j in p.p}
    out = []
    for p in pairs:
        cut = _cut_off(O, p.o, P, p.p[0], _marked(page, P, p.p[0])) if len(p.p) == 1 else None
        more = [i for i in _reached(O, p.o, cut) if i not in used_o] if cut else []
        used_o.update(more)
        out.append(Pair(p.o + more, p.p, p.sim) if more else p)
    for j, e in enumerate(P):
        if j in used_p:
            continue
        start = set(e.norm.split()[:2])
        found = [(i, cut) for i, o in enumerate(O) if i not in used_o and o.section == e.section
                 and start & set(o.norm.split()[:2]) and (cut := _cut_off(O, [i], P, j, _marked(page, P, j)))]
        if not found:
            continue
        before = max((i for p in out if max(p.p) < j for i in p.o), default=-1)
        i, cut = min(found, key=lambda f: (f[0] < before, f[0]))
        shown = [i] + [k for k in _reached(O, [i], cut) if k not in used_o]
        used_o.update(shown)
        out.append(Pair(shown, [j], fuzz.ratio(e.norm, O[i].norm)))
    return sorted(out, key=lambda p: p.p)


def _marked(page: PageRecord, P: list[Entry], j: int) -> bool:
    """Did the list's "see full criteria" marker (which the site's reader took off) come right after page item `j`?"""
    return page.criteria_truncated and j == len(P) - 1


def _reached(O: list[Entry], shown: list[int], cut: tuple[list[Entry], Clip]) -> list[int]:
    """The record's entries after `shown`, in its item, that the cut-off page item shows the start of."""
    o_items, c = cut
    after = [i for i in range(max(shown) + 1, len(O)) if O[i].group == O[max(shown)].group and i not in shown]
    at, out = 0, []
    for k, o in enumerate(o_items):
        if k >= len(shown) and at < len(c.record):
            out.append(after[k - len(shown)])
        at += len(unescape_markdown(strip_marker(o.text))) + 1
    return out


def _running(O: list[Entry], shown: list[int]) -> list[Entry]:
    """The record's entries a page item may show the start of: the pair's, and the ones after it in its item (a
    label's sub-points: "For children with BPD:" then "with severe anemia, …")."""
    last = max(shown)
    after = [O[i] for i in range(last + 1, len(O)) if O[i].group == O[last].group and i not in shown]
    return [O[i] for i in shown] + after


def _cut_off(O: list[Entry], shown: list[int], P: list[Entry], j: int,
             marked: bool) -> tuple[list[Entry], Clip] | None:
    """The record's entries from `shown` on (_running) and page item `j` as a cut-off start of them (clip), or None."""
    o_items = _running(O, shown)
    record = " ".join(unescape_markdown(strip_marker(o.text)) for o in o_items)
    page = unescape_markdown(strip_marker(P[j].text))
    if len(o_items) > 1:   # (a label's sub-points run in: their "1)" is layout, not a figure)
        page = re.sub(r"\s{2,}", " ", without_layout_numbers(page, record))
    c = clip(record, page, marked, j == len(P) - 1)
    if c is None or _shown_next(c.rest, j, P) or (not (c.marked or marked) and _whole_entries(c.record, o_items)):
        return None   # (entries shown whole, the record going on with the next, are no cut)
    return o_items, c


def clipped_pair(O: list[Entry], P: list[Entry], p: Pair, page: PageRecord, last: int,
                 nearby: tuple[str, ...] = ()) -> tuple[list[Finding], bool] | None:
    """The findings of a pair whose one page item is cut off (clip), and whether the coverage notes say the cut
    (coverage.py, "1 only in part"): the last item of a list a "see full criteria" marker cut (the criteria_truncated
    warning), or the page's last item, cut with no mark of its own where the page shows no end to its list (the
    criteria_incomplete note: what TrialLens read of the page may stop there, as the list's rest after it is only
    noted; dev.jsonl's captures of trialx, clinconnect, Veeva and medpath stop mid-item so). None when the page item
    is not cut off. `last`: the record's last entry the page shows. What differs in the part shown is said as compare
    says it (review r35 #3: "a real change in the part the page does show must stay critical")."""
    if len(p.p) != 1:
        return None
    e = P[p.p[0]]
    truncated = page.criteria_truncated and max(p.o) == last
    cut = _cut_off(O, p.o, P, p.p[0], truncated)
    if cut is None:
        return None
    o_items, c = cut
    head = o_items[0]
    o_cut = Entry(c.record, normalize(c.record), head.section, head.group, head.label, head.placed, head.depth)
    p_cut = Entry(c.shown, normalize(c.shown), e.section)
    changed = [f for f in compare([o_cut], [p_cut], p.sim, nearby) if f.kind == "criterion_changed"]
    if changed:   # (a figure, limit, "not" or word that differs in what the page shows: said as ever)
        real = [O[i] for i in p.o]
        return [replace(f, evidence={**f.evidence, "official_texts": [o.text for o in real], "page_texts": [e.text],
                                     "cut_off": True}) for f in changed], False
    if truncated or (not c.marked and max(p.o) == last and p.p[0] == len(P) - 1 and not page.criteria_ends_at):
        return [], True
    said = without_cut_mark(unescape_markdown(strip_marker(e.text))).rstrip(" ,")
    return [cut_off_finding([O[i] for i in p.o], e, said, c, p.sim, p.o[0])], False


def _whole_entries(shown: str, o_items: list[Entry]) -> bool:
    """Does the record's text the page shows end where one of its entries ends ("…malignancy," before its
    exceptions)? An item cut mid-entry shows part of one."""
    said = normalize(shown)
    return any(said == normalize(" ".join(strip_marker(o.text) for o in o_items[:k]))
               for k in range(1, len(o_items) + 1))


def _shown_next(rest: str, j: int, P: list[Entry]) -> bool:
    """Does the page's item after `j` say what the record goes on to say (a page that splits an item where it has a
    comma, not one that cuts it)?"""
    if j + 1 >= len(P) or P[j + 1].section != P[j].section:
        return False
    start = " ".join(normalize(rest).split()[:3])
    return bool(start) and P[j + 1].norm.startswith(start)


def cut_off_finding(o_items: list[Entry], e: Entry, said: str, c: Clip, sim: float, index: int) -> Finding:
    """criterion_shortened (a warning) for an item the page cuts off: it shows the start (`said`, as the page writes
    it, its last dozen words quoted), and ClinicalTrials.gov says more, quoted; nothing in the part shown differs."""
    words = said.split()
    shown = said if len(words) <= 12 else "…" + " ".join(words[-12:])
    f = criteria_finding(
        "criterion_shortened", "warning", o_items, [e],
        f'This page shows only the start of {rule_words(o_items[0])}, "{shown.rstrip("…")}…", and cuts off the '
        f'rest: ClinicalTrials.gov goes on "{quote(c.rest, 90)}". Nothing in the part shown differs; read the whole '
        f"of it on ClinicalTrials.gov.", sim, index=index, changes=[f'cut off before "{quote(c.rest, 60)}"'])
    return replace(f, evidence={**f.evidence, "cut_off": True, "marked": c.marked})
