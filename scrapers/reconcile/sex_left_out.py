"""A sex word a copy leaves out of a trial open to both sexes: "Healthy volunteers" where ClinicalTrials.gov says
"Healthy male volunteers", "Women aged 18 to 65" for "Men and women aged 18 to 65". In a trial whose record is open
to all (eligibility sex ALL), the item's word is what limits the rule to one sex, so leaving it out widens or narrows
who qualifies; in a single-sex trial the word only repeats the record's sex, and dropping it changes nothing.
words.word_changes sees only the two texts, not the record's sex, so it reads no sex word (fix29), and each such
copy read as in sync (words4's sweep: docs/benchmarks.md).

Quiet where the item implies the sex anyway ("Female patients of childbearing potential", "a negative pregnancy
test", "male partners": `_IMPLIED`), and for anything but one sex word (with the "and"/"or" joining it to the other
sex) left out, the rest of the item word for word the record's. One sex of a pair of both left out ("Women" for "Men
and women") narrows whatever the item says of pregnancy, so it warns before `_IMPLIED` is read; a sex said twice
("Pregnant women or women who …") is no such pair (review r31).

Items.py hooks sex_word_findings after compare; it says there too a measure's name left out of the pair's one item
(measure_names.name_dropped: "Count >= 3,000/mm3" for "White blood cell count >= 3,000/mm3"), which
words.word_changes passes over as a rewording where the name is most of a short item.
"""

from __future__ import annotations

import re

from ..criteria import unescape_markdown
from ..opposites import SEX_WORDS, same_side
from ..sex_pairs import IMPLIED_SEX
from .align import Entry
from .compare import changed_message, excerpt_pair
from .dropped_words import NOT_NOUN, PEOPLE
from .finding import Finding, criteria_finding
from .measure_names import name_dropped
from .normal import strip_marker
from .reading import COMPARISON_WORDS, FILLER, TOKEN, WordChange, one_span_left_out

# an item that is about one sex whatever its sex word says (sex_pairs.IMPLIED_SEX: r31 added the pregnancy hormone, a
# sex's own conditions and tests, 8 items of the corpus's trials open to all)
_IMPLIED = IMPLIED_SEX
_JOINS = frozenset(("and", "or", "nor"))
# words after a sex word it does not describe, beside the verbs, function and comparison words (`_describes`)
_NOT_DESCRIBED = frozenset("age ages range able unable only first alone".split())


def sex_word_dropped(record: str, page: str, sex: str | None) -> WordChange | None:
    """(the record's words, the page's) where the page is the record's item but for one sex word left out, in a
    trial whose record is open to all sexes (`sex` "ALL"): ("male volunteers", "volunteers"), ("Men and women",
    "women"); None otherwise (see the module's note). A word said twice in a row ("Male or female. Female patients")
    may be the one left out at either place: where one reading is quiet, the page may say just that (r31: the diff's
    pick named '"Male or female" became "Male"' of a page that still says "Male or female")."""
    if (sex or "").upper() != "ALL":
        return None
    deleted = one_span_left_out(record, page)
    if deleted is None:
        return None
    t, ms, rl, _, (i1, i2) = deleted
    found = [_dropped_at(t, ms, rl, a, b, record) for a, b in _placements(rl, i1, i2)]
    return None if any(f is None for f in found) else found[0]


def _placements(rl: list[str], i1: int, i2: int) -> list[tuple[int, int]]:
    """Each span of the record's tokens whose leaving out gives the same page as leaving out i1:i2: the span shifted
    along a run that repeats it ("women or women" less one "women or" is also less "or women")."""
    n, out = i2 - i1, [(i1, i2)]
    for step in (-1, 1):
        a = i1 + step
        while 0 <= a and a + n <= len(rl) and rl[:a] + rl[a + n:] == rl[:i1] + rl[i2:]:
            out.append((a, a + n))
            a += step
    return out


def _dropped_at(t: str, ms: list[re.Match], rl: list[str], i1: int, i2: int, record: str) -> WordChange | None:
    """sex_word_dropped's reading of the record's tokens i1:i2 left out."""
    if i2 - i1 == 2 and rl[i1] in _JOINS:   # ("and women" of "Men and women": the sex word is the second)
        i1 += 1
    elif i2 - i1 == 2 and rl[i1 + 1] in _JOINS:
        i2 -= 1
    if i2 - i1 != 1 or rl[i1] not in SEX_WORDS:
        return None
    other = _other_sex(rl, i1)
    if other is not None:   # one sex of two left out: it narrows even a rule on contraception or childbearing
        a, b = min(i1, other), max(i1, other)   # ("Males and females of reproductive potential …")
        return WordChange(t[ms[a].start():ms[b].end()], ms[other].group(0))
    if _IMPLIED.search(record):
        return None
    if i2 < len(ms) and re.fullmatch(r"[ \-]+", t[ms[i1].end():ms[i2].start()]) and _describes(rl[i2]):
        return WordChange(t[ms[i1].start():ms[i2].end()], ms[i2].group(0))   # ("male volunteers")
    return WordChange(ms[i1].group(0), "")   # (the sex word is the people: "Women with …", "Healthy men")


def _describes(w: str) -> bool:
    """Is this word, right after a sex word, the noun that word describes ("volunteers", "carriers", "doctor"), not
    a verb, a function or comparison word or a figure ("Women not …", "Boys aged 12", "Males greater than …",
    "Female able to …": r31, 16 of 58 named warnings named such a word)?"""
    if w in PEOPLE:
        return True
    return not (w in FILLER or w in NOT_NOUN or w in COMPARISON_WORDS or w in _NOT_DESCRIBED or len(w) <= 2
                or w[0].isdigit() or w.endswith(("ing", "ly")))


def _other_sex(words: list[str], i: int) -> int | None:
    """Where the record names the other sex with this one, joined by "and" or "or" ("Men and women", "male or
    female"): that word's index; None if it does not, or names the same sex again ("Pregnant women or women
    possible to be pregnant": r31, 7 false warnings of 23)."""
    for j, k in ((i + 1, i + 2), (i - 1, i - 2)):
        if 0 <= k < len(words) and words[j] in _JOINS and words[k] in SEX_WORDS and not same_side(words[i], words[k]):
            return k
    return None


def sex_word_findings(found: list[Finding], o_items: list[Entry], p_items: list[Entry], sex: str | None,
                      sim: float) -> list[Finding]:
    """A pair's findings (compare's), with a criterion_changed warning for a sex word left out (sex_word_dropped) or a
    measure's name (name_dropped) in place of a rewording note or silence; what compare found of a warning or more
    is kept as it is."""
    if any(f.severity != "info" for f in found) or len(o_items) != 1 or len(p_items) != 1:
        return found
    word = sex_word_dropped(o_items[0].text, p_items[0].text, sex)
    name = None if word is not None else name_dropped(o_items[0].text, p_items[0].text)
    if word is None and name is None:
        return found
    a, b = excerpt_pair(unescape_markdown(strip_marker(p_items[0].text)), strip_marker(o_items[0].text))
    # (a word left out before the one it describes is named; otherwise the quotes show where the texts differ)
    named = name or (word if len(TOKEN.findall(word.record)) == 2 and word.page else None)
    word = name or word
    index = found[0].evidence.get("official_index") if found else None   # (a shortened item's, items.py)
    return [criteria_finding("criterion_changed", "warning", o_items, p_items,
                             changed_message(o_items[0], ["word"], named, a, b, dropped=True), sim, index=index,
                             changes=[f'"{word.record}" became "{word.page}"' if word.page else
                                      f'"{word.record}" left out'])]
