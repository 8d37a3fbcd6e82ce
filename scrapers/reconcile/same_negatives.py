"""A negative a page says in other words than the record, meaning the same: "Medications not allowed" for the record's
"Prohibited medications", "Non-cancerous" for "Benign". The fidelity check counts "not" and "non-" words and compares
"allowed" with its opposite "prohibited", so each such copy was a critical criterion_changed, 'differs in a "not"',
on every real item reworded so (neg1: 31 of 31 "Prohibited N" shown as "N not allowed", 68 of 68 "benign" shown as
"non-cancerous"), while the record turns away the same people.

compare.py reads the page in the record's words by this table before it compares the two. Only these pairs, each a
word and the negative that is its plain meaning; and only where the page's negative stands in the record's place: the
same word right before it and right after it (a word's noun moved before it, "Prohibited medications" read as
"Medications not allowed", counts as that place). Only as many as the record says its word more often than the page
does, so a page that keeps the record's word and adds a negative ("Prohibited medications not allowed"), drops another
"not", or turns the word ("Allowed medications") still differs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..fidelity import NEGATION
from .dropped_words import NOT_NOUN
from .reading import FILLER, TOKEN

# (the record's word, the negatives a page may write for it that say the same); case is not read
NEGATIVE_EQUIVALENTS: tuple[tuple[str, str], ...] = (
    (r"prohibited|forbidden", r"not (?:allowed|permitted)"),   # (the fidelity check's opposites: "allowed permitted")
    (r"benign", r"non-?cancerous|not cancerous|non-?malignant|not malignant"),   # (benign: not cancer, by definition)
    # (negatives both: the fidelity check counts either as one "not", but a "but not" also as an exception, so "but
    # ineligible" for "but not eligible" was critical: neg2)
    (r"unable", r"not able"),
    (r"ineligible", r"not eligible"),
)

_RX = tuple((re.compile(rf"(?i)(?<![\w-])(?:{word})(?![\w-])"), re.compile(rf"(?i)(?<![\w-])(?:{neg})(?![\w-])"))
            for word, neg in NEGATIVE_EQUIVALENTS)
# a noun run a page may put before a negative it says of it ("Concomitant medications that are not allowed")
_LINK = re.compile(r"(?i)\s+(?:(?:that|which)\s+)?(?:(?:is|are)\s+)?$")
# the words a negative turns, of this table and their opposites (`_turns`); a word and its synonym are one
_TURN = re.compile(rf"{NEGATION.pattern}|\b(allowed|permitted|prohibited|forbidden|excluded|benign|malignant|cancerous|"
                   r"eligible|able)\b")
_SAME_TURN = {"permitted": "allowed", "forbidden": "prohibited", "cancerous": "malignant"}
_NO_BEFORE = re.compile(r"(?i)(?<![\w-])(?:no|not)\s+$")   # (a "no" right before the record's word)
MOST_MOVED = 3   # words of a noun the negative may stand after rather than before ("Prohibited concomitant medications")
# words that are no part of a noun moved across a negative ("prohibited but with" is no "but not allowed with")
_NO_NOUN = FILLER | NOT_NOUN | {"but", "yet", "so", "no", "any", "nor"}


@lru_cache(maxsize=65536)
def in_record_negatives(record: str, page: str) -> str:
    """The page with each negative it writes for a record's word (`NEGATIVE_EQUIVALENTS`) written as the record's,
    where it stands in the record's place (see the module's note), or the other way round (the record's negative, the
    page's word). Only the page is rewritten; and not where the page, so read, says the record's negatives and the
    words they turn in another order (`_turns`): a "not" moved to another clause ("Steroids are allowed; antihistamines
    are not allowed" for "Steroids are prohibited; antihistamines are allowed") is the fidelity check's, which sees it
    by the count the page's own words leave (r43: such swaps were read as the record's words and went silent)."""
    as_written = page
    for word, neg in _RX:
        for theirs, ours in ((word, neg), (neg, word)):
            said = list(theirs.finditer(record))
            n = min(len(said) - len(theirs.findall(page)), len(ours.findall(page)) - len(ours.findall(record)))
            for m in said:
                if n <= 0:
                    break
                rewritten = _in_place(record, m, page, ours)
                if rewritten is not None:
                    page, n = rewritten, n - 1
    said, read = _turns(record), _turns(page)
    return as_written if said != read and sorted(said) == sorted(read) else page


def _turns(text: str) -> list[str]:
    """The negatives and the words they turn a text says, in order, each as one token ("not" for any negative)."""
    return ["not" if m.group(1) is None else _SAME_TURN.get(m.group(1), m.group(1)) for m in _TURN.finditer(text.lower())]


def _in_place(record: str, said: re.Match, page: str, ours: re.Pattern) -> str | None:
    """The page with one of its words `ours` written as the record's `said`, where then the two stand in one place;
    tried in place ("medication prohibited by" for "medication not allowed by"), and with a noun of up to three words
    moved across it ("Prohibited medications" for "Medications not allowed", or back)."""
    wants = _places(record, said.start(), said.end())
    no = _NO_BEFORE.search(record, 0, said.start())
    if no is not None:   # ("Non-cancerous meningioma" for "No benign meningioma": the page's negative stands in the
        # place of the record's "no" and its word, so it is read as the word alone, and the "no" as left out; the
        # fidelity check counted the "non-" as that "no", and a dropped "no" warned: neg2, 2 of 23)
        wants |= _places(record[:no.start()] + record[said.start():], no.start(), no.start() + len(said.group(0)))
    for m in ours.finditer(page):
        for start, end, text in _readings(page, m, said.group(0)):
            out = page[:start] + text + page[end:]
            at = start + text.lower().find(said.group(0).lower())
            if _places(out, at, at + len(said.group(0))) & wants:
                return out
    return None


_IS_BEFORE = re.compile(r"(?i)(?<![\w-])(?:is|are)\s+$")   # (the link a negative's word may stand after)


def _places(text: str, start: int, end: int) -> set[tuple[str, ...]]:
    """The places text[start:end] stands in (`_around`): as written, and with an "is" or "are" right before it left
    out, which a negative needs no more than its word ("Smoking not permitted" says "Smoking is forbidden": neg3,
    each side was read as a criterion of its own, two warnings)."""
    out = {_around(text, start, end)}
    link = _IS_BEFORE.search(text, 0, start)
    if link is not None:
        out.add(_around(text[:link.start()] + text[start:], link.start(), link.start() + end - start))
    return out


def _readings(page: str, m: re.Match, word: str) -> list[tuple[int, int, str]]:
    """(start, end, text) to put in the page for its words `m` read as `word`: in place; `word` before the noun run
    right before `m` (its last one to three words); `word` after the noun run right after `m`."""
    out = [(m.start(), m.end(), word)]
    before = page[:m.start()]
    link = _LINK.search(before)
    head = before[:link.start()] if link else before.rstrip()
    words = list(TOKEN.finditer(head))[-MOST_MOVED:]
    for k in range(1, len(words) + 1):
        run = words[-k:]
        if run[-1].end() == len(head) and _noun(run) and \
                all(re.fullmatch(r"[ \-]+", head[a.end():b.start()]) for a, b in zip(run, run[1:])):
            noun = head[run[0].start():]
            out.append((run[0].start(), m.end(), f"{_as_at(word, noun)} {noun[0].lower() + noun[1:]}"
                        if run[0].start() == 0 or head[:run[0].start()].rstrip().endswith((".", ":", ";")) else
                        f"{word} {noun}"))
    after = list(TOKEN.finditer(page, m.end()))[:MOST_MOVED]
    for k in range(1, len(after) + 1):
        run = after[:k]
        if re.fullmatch(r"[ ]+", page[m.end():run[0].start()]) and _noun(run) and \
                all(re.fullmatch(r"[ \-]+", page[a.end():b.start()]) for a, b in zip(run, run[1:])):
            noun = page[run[0].start():run[-1].end()]
            out.append((m.start(), run[-1].end(), f"{noun[0].upper() + noun[1:] if m.group(0)[0].isupper() else noun}"
                        f" {word}"))
    return out


def _noun(words: list[re.Match]) -> bool:
    """Can these words be a noun a negative is said of ("concomitant medications"), none a function word?"""
    return not any(w.group(0).lower() in _NO_NOUN for w in words)


def _as_at(word: str, noun: str) -> str:
    """`word` opening a sentence where the noun did ("Medications not allowed" read as "Prohibited medications")."""
    return word[0].upper() + word[1:] if noun[:1].isupper() else word


_STOPS = re.compile(r"[.;:]")   # (a sentence's or a clause's end is part of a word's place: r43)


def _around(text: str, start: int, end: int) -> tuple[str, ...]:
    """The words right before and right after text[start:end] ("" at an end), in small letters, with what is
    between, and any sentence or clause end between them and it: the place a word stands in ("are prohibited.
    Midazolam" is no place of "are. Prohibited midazolam")."""
    before = list(TOKEN.finditer(text, 0, start))[-1:]
    after = list(TOKEN.finditer(text, end))[:1]
    b_end, a_start = (before[0].end() if before else 0), (after[0].start() if after else len(text))
    return (before[0].group(0).lower() if before else "", "".join(_STOPS.findall(text, b_end, start)),
            text[start:end].lower(), "".join(_STOPS.findall(text, end, a_start)),
            after[0].group(0).lower() if after else "")
