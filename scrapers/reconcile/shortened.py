"""Items a page shows in far fewer words: a page item left unpaired that says an unpaired record item of its own
list shortly (its meaning words all the record's, the same figures, negations and comparisons), or with the record's
exception dropped or changed. Such an item is shown, so the record's is neither left out nor the page's added; what
it drops may still matter (an alternative, an exception: criterion_shortened). Split from items.py, which pairs them
(shortened_pairs) and reports them (shortened_findings).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ..criteria import unescape_markdown
from ..fidelity import word_classes
from .align import Entry, Pair, strip_marker
from .compare import direction_words, excerpt_pair, reworded
from .finding import Finding, criteria_finding, quote, rule_words
from .sex_left_out import sex_word_findings
from .same_words import shared_start

# words that say nothing of their own about who may join: which words carry an item's meaning is
# what a shortened item must keep
_FILLER = frozenset("""a an the of with by or and to in for on at as be is are was were who that which any all
    have has had patient patients subject subjects participant participants women men people individuals
    history known year years old age aged regardless their his her its this these those must should will
    can may according based diagnosed confirmed""".split())
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")


@lru_cache(maxsize=4096)
def _meaning(text: str) -> tuple[frozenset, tuple, frozenset, tuple]:
    """(every word, the words that carry meaning, the figures, negations and comparisons) of a
    normalized item, read once however many items it is held against. Negations and exceptions are
    counted as the fidelity check counts them ("no gender restrictions" is none)."""
    words = _WORD.findall(text)
    classes = word_classes(text)
    return (frozenset(words), tuple(w for w in words if w not in _FILLER), frozenset(w for w in words if w[0].isdigit()),
            (classes["negation"], classes["exception"], tuple(sorted(direction_words(text).items()))))


def _says_in_fewer_words(page: str, record: str) -> bool:
    """Is `page` a shortened `record` item ("History of organ transplantation." for "Those who have
    undergone major organ transplantation (such as heart, lung, kidney, liver) …")? Every word that
    carries meaning is found in the record's item, both give the same figures, negations and
    comparison words (a page item that drops a "not" or a time window is a change, never a
    rewording), and at least two such words, so a bare "Stroke" is not read as anything."""
    if len(page) >= len(record):
        return False
    _, words, figures, marks = _meaning(page)
    have, _, record_figures, record_marks = _meaning(record)
    if len(words) < 2 or figures != record_figures or marks != record_marks:
        return False
    return all(_found(w, have) for w in words)


def _found(w: str, have: frozenset) -> bool:
    """Is word `w` among `have`, in this form or another ("transplant"/"transplantation")?"""
    return w in have or any(shared_start(w, r) for r in have)


def shortened_pairs(O: list[Entry], P: list[Entry], pairs: list[Pair]) -> list[Pair]:
    """Page items left unpaired that say an unpaired record item of their own list in far fewer words
    (`_says_in_fewer_words`): shown, so the record's item is not "left out" nor the page's "added".
    Not compared as copies: a summary drops words a copy may not (and the fidelity check would call
    every dropped "or" a change)."""
    used_o = {i for p in pairs for i in p.o}
    used_p = {j for p in pairs for j in p.p}
    out = []
    for j, e in enumerate(P):
        if j in used_p:
            continue
        i = next((i for i, o in enumerate(O) if i not in used_o and o.section == e.section
                  and (_says_in_fewer_words(e.norm, o.norm) or _exception_differs(e.norm, o.norm))), None)
        if i is not None:
            used_o.add(i)
            out.append(Pair([i], [j], fuzz.ratio(e.norm, O[i].norm)))
    return out


def shortened_findings(O: list[Entry], P: list[Entry], short: list[Pair]) -> list[Finding]:
    """A shortened item is reworded (info), unless it drops one of the record's alternatives: "History of organ
    transplantation." for "… major organ transplantation (such as heart, lung, kidney, liver) or hematopoietic stem
    cell/marrow transplantation" leaves out the stem-cell transplant that also excludes (criterion_shortened, a
    warning). Dropped examples ("such as heart, lung…") are a summary's right."""
    out = []
    for p in short:
        o, e = O[p.o[0]], P[p.p[0]]
        a, b = excerpt_pair(unescape_markdown(strip_marker(e.text)), strip_marker(o.text))
        exception = _exception_differs(e.norm, o.norm)
        if exception:
            out.append(_exception_finding(o, e, exception, a, b, p.sim, p.o[0]))
            continue
        dropped = _dropped_alternatives(e.norm, o.norm)
        if dropped:
            more = f" and {len(dropped) - 1} more" if len(dropped) > 1 else ""
            out.append(criteria_finding(
                "criterion_shortened", "warning", [o], [e],
                f'This page shortens {rule_words(o)} to "{a}", leaving out "{quote(_as_written(dropped[0], o.text), 60)}"'
                f'{more}: ClinicalTrials.gov says "{b}".', p.sim, index=p.o[0]))
            continue
        out += sex_word_findings([reworded([o], [e], a, b, p.sim, index=p.o[0])], [o], [e], None, p.sim)   # (a
    return out   # measure's name left out of a shortened item: "Count < 50/mm3" for "CSF leukocyte count …", fix31)


# an item's exception, in brackets or closing it: "(except secondary epilepsy not currently requiring drug treatment)",
# ", excluding mild rash-type allergies" (not a label's bare closing "except:", which exceptions.py reads)
_EXCEPTION = re.compile(r"\s*\((?:except|excluding|other than|apart from|with the exception of)\b[^()]*\)"
                        r"|,?\s+(?:except|excluding|other than|with the exception of)\b(?!\s*(?:for|the\s+following)?\s*:?\s*$)"
                        r"[^;()]*$")


@lru_cache(maxsize=4096)   # (asked of each record item for every page item still unpaired)
def _exception_split(text: str) -> tuple[str, str] | None:
    """(the rule, its exception) of a normalized item with one exception, or None."""
    found = list(_EXCEPTION.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    rule = (text[:m.start()] + text[m.end():]).strip(" .,;:")
    return (rule, m.group(0).strip(" ,()")) if rule else None


def _exception_differs(page: str, record: str) -> str | None:
    """The record item's exception, where the page item says its rule but drops that exception ("History of seizure"
    for "History of seizure (except secondary epilepsy not currently requiring drug treatment)") or gives another
    ("… (except epilepsy)"): the page's item shows the rule, so it is neither left out nor added (review round 10, P7:
    the "not" inside the dropped exception failed _says_in_fewer_words, and the page's own item was never named)."""
    split = _exception_split(record)
    if split is None:
        return None
    rule, exception = split
    own = _exception_split(page)
    if own is not None and own[1] == exception:
        return None   # (the same exception: a change to the rule itself, which the pair's alignment compares)
    shown = own[0] if own else page.strip(" .,;:")
    return exception if shown == rule or _says_in_fewer_words(shown, rule) else None


_EXCEPT_WORD = re.compile(r"^(?:except|excluding|other than|apart from|with the exception of)\s+")


def _same_exception(page: str, record: str) -> bool:
    """One exception in other words: the same, or the record's in fewer words, whichever word says "except"."""
    page, record = _EXCEPT_WORD.sub("", page), _EXCEPT_WORD.sub("", record)
    return page == record or _says_in_fewer_words(page, record)


def _exception_finding(o: Entry, e: Entry, exception: str, a: str, b: str, sim: float, index: int) -> Finding:
    """The record's exception left out (criterion_shortened, a warning, as for a dropped alternative: of a reason
    someone cannot join, the page is stricter than the record), or another exception in its place (criterion_changed,
    critical, worded as compare words "differs in an exception")."""
    own = _exception_split(e.norm)
    if own is not None and _same_exception(own[1], exception):
        return reworded([o], [e], a, b, sim, index=index)   # ("except mild rash allergies" for "excluding mild …")
    if not word_classes(e.norm)["exception"]:
        stricter = " This page is stricter than the record." if o.section == "exclusion" and o.placed else ""
        return criteria_finding(
            "criterion_shortened", "warning", [o], [e],
            f'This page shortens {rule_words(o)} to "{a}", leaving out "{quote(_as_written(exception, o.text), 90)}": '
            f'ClinicalTrials.gov says "{b}".{stricter}', sim, index=index)
    return criteria_finding("criterion_changed", "critical", [o], [e],
                            f'{rule_words(o).capitalize()} differs in an exception: this page says "{a}", but '
                            f'ClinicalTrials.gov says "{b}".', sim, index=index, changes=["the exception differs"])


_ASIDE = re.compile(r"\([^()]*\)|\b(?:such as|e\.g\.?|i\.e\.?|including|for example)\b[^;:]*?(?=\bor\b|$)")
_ALTERNATIVE = re.compile(r",?\s+(?:or|and/or)\s+")


def _dropped_alternatives(page: str, record: str) -> list[str]:
    """The record item's alternatives ("A or B or C", examples and brackets aside) none of whose meaningful words the
    page item has: all of them, so a message can say there is more than one. (Not cut at commas: in "HIV antibody,
    hepatitis B surface antigen, hepatitis C antibody or syphilis test" against "Positive hepatitis test" that named
    hepatitis B, which the page's "hepatitis" may well cover, and not HIV.)"""
    have = _meaning(page)[0]
    parts = _ALTERNATIVE.split(_ASIDE.sub(" ", record))
    if len(parts) < 2:
        return []
    words = [[w for w in _WORD.findall(part) if w not in _FILLER and not w[0].isdigit()] for part in parts]
    out = []
    for k, part in enumerate(parts):
        others = {w for j, ws in enumerate(words) if j != k for w in ws}
        own = [w for w in words[k] if w not in others]   # what tells it from the others ("stem cell/marrow", not
        #                                                  the "transplantation" both share)
        if own and not any(_found(w, have) for w in own):
            out.append(part.strip(" ,;."))
    return out


def _as_written(part: str, text: str) -> str:
    """A part of the normalised record item as the record writes it (its capitals), or the part itself."""
    words = part.split()
    if not words:
        return part
    m = re.search(r"\W+".join(re.escape(w) for w in words), text, re.I)
    return m.group(0) if m else part
