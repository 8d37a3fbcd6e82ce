"""Comparing a pair's texts: the record's item (or items) against the page's, as copies. What differs in a number,
unit, limit, time period, "not", exception, comparison word or a word that turns a rule ("controlled" for
"uncontrolled", "men" for "women") is a critical criterion_changed; a copy that changes another word ("stroke" for
"myocardial infarction", words.py), gives a time about as long in other units ("4 weeks" for "1 month"), or says a
qualifier of another part ("Diabetes or poorly controlled hypertension" for "Poorly controlled diabetes or
hypertension"), or leaves one out or adds one (scope.py), or leaves
one alternative out of an "A, B, or C" list (alternatives.py) is a criterion_changed warning; a copy that differs in none of them but reads otherwise is criterion_reworded (info). Used
by items.py for aligned pairs and shortened.py for shortened items."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import NamedTuple

from rapidfuzz import fuzz

from ..criteria import unescape_markdown
from ..fidelity import check_fidelity
from ..opposites import SEX_WORDS
from .align import Entry
from .numbering import without_layout_numbers
from .scope import Moved, qualifier_moves
from .normal import as_signs, strip_marker
from .reading import COMPARISON_WORDS, WordChange
from .same_words import same_word
from .words import content_words, tokens, word_changes
from .alternatives import as_either, dropped_alternatives, dropped_example, left_out_said
from .labels import as_record_labels
from .joined import join_word, joined_findings, joined_parts, part_findings
from .consent import consent_left_out
from .finding import Finding, criteria_finding, quote, rule_words
from .glosses import without_glosses
from .rendered import record_reading
from .same_negatives import in_record_negatives
from .gloss_comparisons import uncompared

REWORDED = 90   # below this a same-meaning pair is reported as reworded


def reworded(o_items: list[Entry], p_items: list[Entry], a: str, b: str, sim: float, **kw) -> Finding:
    """criterion_reworded, worded once: a copy that changed no number, unit, limit or "not" (compare) and a
    shortened item (shortened._says_in_fewer_words: the same figures, negations and comparisons, every meaning word the
    record's) both back the same reassurance (review round 4 found two versions)."""
    left = consent_left_out(" ".join(e.text for e in o_items), " ".join(e.text for e in p_items))
    if left:   # (a consent clause left out is no rewording: consent.py)
        return criteria_finding("criterion_shortened", "warning", o_items, p_items,
                                f'This page shortens {rule_words(o_items[0])} to "{a}", leaving out '
                                f'"{quote(left, 60)}": ClinicalTrials.gov says "{b}".', sim, **kw)
    return criteria_finding("criterion_reworded", "info", o_items, p_items,
                            f'This page words {rule_words(o_items[0])} as "{a}", where ClinicalTrials.gov says "{b}". '
                            f'No number, unit, limit or "not" differs; read both to see what else does.', sim, **kw)


# what a fidelity loss changed, in a reader's words (the kinds of fidelity.Loss, and "comparison" for the
# direction words "before"/"after", "more"/"less" that direction_words compares)
_DIFFERS_IN = {"number": "a number", "unit": "a unit", "comparator": "a limit", "time_window": "a time period",
               "near_time": "a time period",
               "negation": 'a "not"', "exception": "an exception", "condition": "a condition",
               "added": "a number", "comparison": "a comparison word", "polarity": "a word", "word": "a word",
               "conjunction": 'an "or"'}


def what_differs(kinds: list[str]) -> str:
    """"a number and a unit": what changed between the record's criterion and the page's."""
    said = list(dict.fromkeys(_DIFFERS_IN.get(k, "its meaning") for k in kinds))
    return " and ".join(said[:2]) if len(said) <= 2 else ", ".join(said[:2]) + " and more"


def compare(o_items: list[Entry], p_items: list[Entry], sim: float, nearby: tuple[str, ...] = ()) -> list[Finding]:
    """The findings for one pair (see the module's note). `nearby`: the page items beside the pair's, of its section;
    a part of "A or B" one of them says is shown as an item of its own, not left out."""
    o_marked = [strip_marker(e.text) for e in o_items]   # (each item's own marker off, once)
    p_marked = [strip_marker(e.text) for e in p_items]
    o_text = " ".join(o_marked)
    p_text = unescape_markdown(" ".join(p_marked))
    p_said = _one_after_another(p_marked) if len(p_items) > 1 else None   # (one page item: quoted as p_text)
    if len(o_items) > 1 or len(p_items) > 1:   # items shown together: their numbering is layout, stripped once
        p_said = None if p_said is None else _without_layout(p_said, o_text)
        o_text, p_text = _without_layout(o_text, p_text), _without_layout(p_text, o_text)
    p_said = p_text if p_said is None else p_said
    o_text = record_reading(o_text, p_text)   # ("109/L" for the record's "10*9*/L": its markdown rendered, rendered.py)
    p_text = without_glosses(p_text, o_text)   # (a definition in brackets the record lacks: glosses.py; quoted still)
    # (the page's names and first visit as the record writes them, where it writes them otherwise, and the checks run on
    # that, so they see all else: labels.py; odd text it cannot read leaves the page as it is)
    relabelled = next(iter(_quietly(lambda o, p: [as_record_labels(o, p)], o_text, p_text)), None)
    p_text, labels = (relabelled.page, relabelled.changes) if relabelled else (p_text, [])
    p_text = in_record_negatives(o_text, p_text)   # ("Medications not allowed" for "Prohibited medications")
    try:
        losses = check_fidelity(o_text, p_text)
        changes = [loss.message for loss in losses]
        kinds = [loss.kind for loss in losses]
        if changes and len(o_items) > 1:
            run_on = _joined_without_stops(o_marked)
            if run_on != o_text and not check_fidelity(run_on, p_text):
                changes, kinds = [], []   # the record split one sentence over two items ("… provided." / "That the 2 …")
        if changes and set(kinds) == {"conjunction"} and _either_meant(o_items[0].section, o_text, p_text):
            changes, kinds = [], []   # ("Pregnant or breastfeeding women" for an exclusion's "… and …": the same rule)
    except Exception:  # a checker failure on odd text must not sink the whole check: no alarm for this item
        return []
    gone: list[WordChange] = []
    if changes and _or_left_out(kinds, o_text, p_text):   # (one part of an "A or B" left out: alternatives.py)
        gone = [g for g in _quietly(lambda o, p: dropped_alternatives(o, p, least=2), o_text, p_text)
                if g.record.lower() not in SEX_WORDS   # ("Male" for "Male or female" turns a sex away: critical)
                and not any(_says(n, g.record) for n in nearby)]   # (split onto the next item: review r27 #6)
        if gone or _quietly(lambda o, p: [True] if dropped_example(o, p) else [], o_text, p_text):
            changes, kinds = [], []
    parts = joined_parts(o_items, p_items, o_text, p_text)
    if parts is not None:   # (separate items run together by their list's own word: each with its part, joined.py)
        return part_findings(o_items, p_items, parts, sim, lambda o, p, s: compare(o, p, s, nearby))
    word = join_word(o_items, o_text, p_text) if set(kinds) <= {"conjunction"} else None
    joined = joined_findings(o_items, p_items, word, p_said, sim) if word else None
    if joined:   # (separate items run together by the other word: what it does, joined.py)
        return joined
    near_changes: list[str] = []
    if changes and set(kinds) == {"near_time"}:   # ("the last 4 weeks" for "the month before": about as long)
        near_changes, changes, kinds = changes, [], []   # (only if nothing else differs: review r34 #2)
    # (a comparison word in a gloss the record lacks or a place in the body, "lower chambers", compares nothing:
    # gloss_comparisons.py)
    wo, wp = uncompared(direction_words(o_text), direction_words(p_text), o_text, p_text, direction_words)
    if wo != wp and not changes:
        changes.append(f"comparison words {' '.join(sorted((wo - wp).elements()))} became "
                       f"{' '.join(sorted((wp - wo).elements())) or 'nothing'}")
        kinds.append("comparison")
    change = _change(o_items, o_text, p_text, p_said, losses, changes, kinds, gone, labels)
    if near_changes:   # (a month in weeks: another change sets the severity and says the time after its own)
        near = next(loss for loss in losses if loss.kind == "near_time")
        said = (f'a time period, "{near.rewrite}" where ClinicalTrials.gov says "{near.original}" '
                "(about as long, but not the same)")
        change = (_Change("warning", _differs(o_items[0], said, *excerpt_pair(p_said, o_text)), [])
                  if change is None else change._replace(message=f"{change.message} It also gives {said}."))
    if change is not None:
        return [criteria_finding("criterion_changed", change.severity, o_items, p_items, change.message, sim,
                                 changes=change.changes + near_changes)]
    # (a copy that differs only in how it writes a comparison, "at least 6" for ">= 6", is not reworded)
    if sim < REWORDED and len(o_items) == len(p_items) == 1 and \
            fuzz.ratio(as_signs(o_text), as_signs(p_said)) < REWORDED:   # (p_said: with a gloss, glosses.py)
        a, b = excerpt_pair(p_said, o_text)
        return [reworded(o_items, p_items, a, b, sim)]
    return []


def _without_layout(text: str, other: str) -> str:
    """`text` of items shown together without the numbering its layout added (numbering.without_layout_numbers, held
    against `other`), single-spaced where a number went."""
    return re.sub(r"\s{2,}", " ", without_layout_numbers(text, other))


def _one_after_another(p_marked: list[str]) -> str:
    """The page's items (their markers off) as a reader sees them, for a message's quote: "History of MI; Stroke
    within 6 months" (they ran together as "History of MI Stroke within 6 months", review r27 #7); a label's colon
    stays ("Hepatic: …")."""
    out = ""
    for marked in p_marked:
        text = unescape_markdown(marked).strip()
        out += ("" if not out else " " if out.endswith((":", ";", ",")) else "; ") + text
        out = out.rstrip(".") if len(out) > 1 else out
    return out


def _either_meant(section: str, o_text: str, p_text: str) -> bool:
    """Is the page the record's exclusion but for "or" in its "pregnant and breastfeeding" (alternatives.as_either)?
    Of a reason someone cannot join, the pair means either (all 34 such exclusion items of the corpus), so the "or"
    says the record's rule; it was a critical "differs in a word" (session splits3). A requirement's pair can mean
    both ("upon the completion of pregnancy and lactation", NCT00001728, an inclusion): not read so."""
    if section != "exclusion" or as_either(o_text) == o_text:
        return False
    either, p_either = as_either(o_text), as_either(p_text)   # (the page may keep one of the record's two "and"s)
    return not check_fidelity(either, p_either) and not word_changes(either, p_either)


def _says(item: str, part: str) -> bool:
    """Does a page item name every word of this part ("Evaluable disease" of "measurable or evaluable")? Then "A or
    B" is shown as two items: for a requirement, each asked for (the critical "or"), not B left out."""
    words = content_words(part)
    have = [w.lower() for w in tokens(item)]
    return bool(words) and all(any(same_word(w, v) for v in have) for w in words)


def _or_left_out(kinds: list[str], o_text: str, p_text: str) -> bool:
    """Is all the fidelity check found an "or" fewer on the page, with no "and" in its place?"""
    o, p = (Counter(re.findall(r"\b(?:or|and)\b", t.lower())) for t in (o_text, p_text))
    return set(kinds) == {"conjunction"} and p["or"] < o["or"] and p["and"] <= o["and"]


def _quietly(check, o_text: str, p_text: str) -> list:
    """What a word-level check finds in a copy; odd text it cannot read raises no alarm (an empty list)."""
    try:
        return check(o_text, p_text)
    except Exception:
        return []


class _Change(NamedTuple):
    """What a pair's copy changes, as its one criterion_changed finding says it."""
    severity: str
    message: str
    changes: list[str]   # (the evidence's "changes")


def _change(o_items: list[Entry], o_text: str, p_text: str, p_said: str, losses: list, changes: list[str],
            kinds: list[str], gone: list[WordChange], labels: list) -> _Change | None:
    """The first change a copy makes, in this order: one the fidelity check or the comparison words found (critical),
    a word (words.py), an alternative left out (alternatives.py), a qualifier moved (scope.py), a name or first visit
    written otherwise (labels.py); None if none."""
    if changes:
        a, b = excerpt_pair(p_said, o_text)
        word = _word_said(losses, o_text, p_text)
        if word is not None and kinds.count("conjunction") == len(kinds):
            kinds = ["word"]   # ("differs in a word, "and" where ClinicalTrials.gov says "or"", not "in an "or"")
        return _Change("critical", changed_message(o_items[0], kinds, word, a, b), changes)
    words = _quietly(word_changes, o_text, p_text)
    if words:   # (a copy but for a word: never the reworded note's "No number … differs")
        a, b = excerpt_pair(p_said, o_text)
        return _Change("warning", changed_message(o_items[0], ["word"], words[0], a, b, dropped=True),
                       [f'"{w.record}" became "{w.page}"' for w in words])
    gone = gone or _quietly(dropped_alternatives, o_text, p_text)
    if gone:   # ("(chemotherapy or immunotherapy)" for "(chemotherapy, radiotherapy, or immunotherapy)")
        return _Change("warning", _differs(o_items[0], left_out_said(gone[0].record), *excerpt_pair(p_said, o_text)),
                       [f'"{gone[0].record}" left out'])
    moves = _quietly(qualifier_moves, o_text, p_text)
    if moves:   # ("Diabetes or poorly controlled hypertension" for "Poorly controlled diabetes or hypertension")
        return _Change("warning", _differs(o_items[0], _moved(moves[0]), *excerpt_pair(p_said, o_text)),
                       [_moved(m) for m in moves])
    if labels:   # ("Visit 1" for "screening", "RNA" for "HIV-1 RNA": a figure that names, not a limit; all else alike)
        return _Change("warning", _differs(o_items[0], labels[0].said(), *excerpt_pair(p_said, o_text)),
                       [f'"{c.record}" became "{c.page}"' for c in labels])
    return None


def _differs(o_item: Entry, what: str, a: str, b: str) -> str:
    """The one sentence of every criterion_changed finding: 'A reason someone cannot join differs in a number: this
    page says "…", but ClinicalTrials.gov says "…".'"""
    return f'{rule_words(o_item).capitalize()} differs in {what}: this page says "{a}", but ClinicalTrials.gov says "{b}".'


def changed_message(o_item: Entry, kinds: list[str], word: WordChange | None, a: str, b: str,
                     dropped: bool = False) -> str:
    """"A reason someone cannot join differs in a word, "controlled" where ClinicalTrials.gov says "uncontrolled":
    this page says "…", but ClinicalTrials.gov says "…"." The word is named when the quotes are long enough to hide
    it (a quote of a few words shows it); a word a copy leaves out (`dropped`: a word_changes warning, no turned word
    such as "poorly" before "controlled") always: 'leaves out "systolic", which ClinicalTrials.gov says of …'."""
    what = what_differs(kinds)
    left_out = word.record[:len(word.record) - len(word.page)].strip() if word is not None and dropped else ""
    if what == "a word" and left_out and word.record.lower().endswith(" " + word.page.lower()):   # (dropped_words)
        what += (f': this page leaves out "{in_sentence(left_out)}", which ClinicalTrials.gov says of '
                 f'"{in_sentence(word.page)}"')
    elif word is not None and what == "a word" and max(len(a.split()), len(b.split())) > 6:
        what += f', "{word.page}" where ClinicalTrials.gov says "{word.record}"'
    return _differs(o_item, what, a, b)


def in_sentence(words: str) -> str:
    """Words as written inside a sentence: "Systolic" → "systolic", but a short form or name keeps its capitals
    ("HBV", "CD4", "IgA", "HIV-1"), which lower case would make a different word."""
    return " ".join(w if any(c.isupper() for c in w[1:]) else w.lower() for w in words.split())


def _moved(m: Moved) -> str:
    """What a qualifier moved, left out or added changes, in a reader's words."""
    if not m.page_said:
        return (f'a word: this page leaves out "{in_sentence(m.record_said)}", which ClinicalTrials.gov says of '
                f'"{m.record_part}"')
    if not m.record_said:
        return f'a word: this page adds "{in_sentence(m.page_said)}" to "{m.page_part}"'
    return (f'what "{in_sentence(m.page_said)}" describes, "{m.page_part}" where ClinicalTrials.gov says '
            f'"{m.record_part}"')


def _word_said(losses: list, o_text: str, p_text: str) -> WordChange | None:
    """The word a changed criterion turns: a polarity word the fidelity check found ("uncontrolled" → "controlled"),
    or an "or" the page makes "and"."""
    flip = next((loss for loss in losses if loss.kind == "polarity"), None)
    if flip is not None:
        return WordChange(flip.original, flip.rewrite)
    if any(loss.kind == "conjunction" for loss in losses):
        o, p = Counter(re.findall(r"\b(?:or|and)\b", o_text.lower())), Counter(re.findall(r"\b(?:or|and)\b", p_text.lower()))
        if o["or"] > p["or"] and p["and"] > o["and"]:
            return WordChange("or", "and")
        if o["and"] > p["and"] and p["or"] > o["or"]:
            return WordChange("and", "or")
    return None


def _joined_without_stops(o_marked: list[str]) -> str:
    """The record's items (their markers off) run together as a page does, without the full stop that ends each."""
    ends = [t.rstrip() for t in o_marked]
    return " ".join(t[:-1] if t.endswith(".") else t for t in ends)


_DIRECTION = re.compile(r"\b(" + "|".join(COMPARISON_WORDS) + r"|exceed\w*)\b|[<>]=?")


def direction_words(text: str) -> Counter:
    """Comparison words and signs, with or without a number: a page item is meant to be a copy,
    so "above average" becoming "below average" changes who may join. Counted with each comparison
    written as its sign (`as_signs`): a page writing the record's ">= 6" as "at least 6" or "6 or more"
    changes nothing (review round 10c P1), while "more than 6" (">") still differs."""
    return Counter(m.group(0) for m in _DIRECTION.finditer(as_signs(text)))


def excerpt_pair(a: str, b: str, context: int = 6) -> tuple[str, str]:
    """The stretch of two long texts around where they differ, a few words either side."""
    wa, wb = a.split(), b.split()
    if len(wa) <= 16 and len(wb) <= 16:
        return a, b
    sm = difflib.SequenceMatcher(None, [w.lower() for w in wa], [w.lower() for w in wb], autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if not ops:
        return quote(a), quote(b)
    _, i1, i2, j1, j2 = ops[0]
    _, e1, e2, f1, f2 = ops[-1] if ops[-1][2] - i1 < 20 else ops[0]

    def cut(words: list[str], s: int, e: int) -> str:
        lo, hi = max(0, s - context), min(len(words), e + context)
        return ("…" if lo else "") + " ".join(words[lo:hi]) + ("…" if hi < len(words) else "")

    return cut(wa, i1, max(i2, e2)), cut(wb, j1, max(j2, f2))
