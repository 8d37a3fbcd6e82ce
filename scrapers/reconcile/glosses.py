"""A page's definition, in brackets after a word, that TrialLens's own rewriter writes there: "HIV (the virus that
causes AIDS) positive", "ALT (a liver enzyme)", "atrial fibrillation (a common type of irregular heartbeat)". The
item still says the record's rule, yet letter by letter it read as a criterion added and the record's left out
(review r35 #5: 213 of the 838 items "added" when TrialLens's own rewrites were read back as pages).
alike.worded_sim pairs such an item with the record's, and compare reads it without them.

Only the rewriter's own definitions (scrapers.lexicon: an abbreviation's plain words, a jargon entry's
"term (meaning)"), word for word, right after the word(s) they define; never one the record itself gives, nor one where
the record has a bracket after the same word(s). Any other bracket may narrow or turn the rule and is compared as the
page says it: "(a man over forty)", "(the active, contagious form)", "(a type of breast cancer)", or the record's own
"(… is excluded.)" edited (review r38 #1-#3: 75 of 75 word-number ages went from critical to silent when any
"a/an/the" definition was read away).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..fidelity import word_classes
from ..lexicon import lexicon_entries

_BRACKET = re.compile(r"(?<=[A-Za-z0-9])(\s*)\(([^()]{2,160})\)")
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


@lru_cache(maxsize=1)
def rewriter_definitions() -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """Each definition the rewriter writes in brackets (its words) -> the words it writes it after."""
    out: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for e in lexicon_entries():
        plain = e.plain or ""
        if e.kind == "abbreviation" and plain:
            head, meaning = e.term, plain
        elif " (" in plain and plain.endswith(")"):
            head, meaning = plain.split(" (", 1)[0], plain.split(" (", 1)[1][:-1]
        else:
            continue
        out.setdefault(_words(meaning), set()).add(_words(head))
    return {k: frozenset(v) for k, v in out.items() if k}


def without_glosses(page: str, record: str) -> str:
    """The page's text without the rewriter's definitions in brackets it gives that the record does not (see the
    module's note); the text itself where it gives none."""
    if "(" not in page:
        return page
    said = " ".join(_words(record))
    out, last = [], 0
    for m in _BRACKET.finditer(page):
        if _is_gloss(m.group(2), page[:m.start()], record, said):
            out.append(page[last:m.start()])
            last = m.end()
    return "".join(out) + page[last:] if out else page


def _is_gloss(inside: str, before: str, record: str, said: str) -> bool:
    words = _words(inside)
    heads = rewriter_definitions().get(words, ())
    before_words = _words(before)
    for head in heads:
        if head and before_words[-len(head):] == head and " ".join(words) not in said and \
                not word_classes(inside.lower()) and not _bracket_after(head, record):
            return True
    return False


def _bracket_after(head: tuple[str, ...], record: str) -> bool:
    """Does the record have a bracket right after these words (its own, which the page may have edited)?"""
    return re.search(r"(?<![a-z0-9])" + r"\W+".join(map(re.escape, head)) + r"\W*\(", record.lower()) is not None
