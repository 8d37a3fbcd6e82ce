"""A sex word a copy leaves out of a trial open to both sexes: "Healthy volunteers" where ClinicalTrials.gov says
"Healthy male volunteers", "Women aged 18 to 65" for "Men and women aged 18 to 65". In a trial whose record is open
to all (eligibility sex ALL), the item's word is what limits the rule to one sex, so leaving it out widens or narrows
who qualifies; in a single-sex trial the word only repeats the record's sex, and dropping it changes nothing.
words.word_changes sees only the two texts, not the record's sex, so it reads no sex word (fix29), and each such
copy read as in sync (words4's sweep: docs/benchmarks.md).

Quiet where the item implies the sex anyway ("Female patients of childbearing potential", "a negative pregnancy
test", "male partners": `_IMPLIED`), and for anything but one sex word (with the "and"/"or" joining it to the other
sex) left out, the rest of the item word for word the record's.
"""

from __future__ import annotations

import difflib
import re

from ..criteria import unescape_markdown
from ..fidelity import SEX_WORDS
from .align import Entry
from .compare import _changed_message, excerpt_pair
from .dropped_words import PEOPLE
from .finding import Finding, criteria_finding
from .normal import strip_marker
from .words import FILLER, TOKEN, WordChange, as_read

# an item that is about one sex whatever its sex word says (pregnancy, childbearing, a sex's own organs or partner);
# not contraception or sterilization, which either sex may be asked for ("Men must agree to use contraception")
_IMPLIED = re.compile(r"(?i)pregnan|child[- ]?bearing|lactat|breast[- ]?feed|nursing|menopaus|menstrua|menses"
                      r"|vasectom|partner|ovar|uter(?:us|ine)|prostat|testic|testes|testis"
                      r"|sperm|semen|\bher\b|\bhis\b|hysterect|tubal|oophor|gyn[a]?ec|cervix|obstet|\bwombs?\b")
_JOINS = frozenset(("and", "or", "nor"))


def sex_word_dropped(record: str, page: str, sex: str | None) -> WordChange | None:
    """(the record's words, the page's) where the page is the record's item but for one sex word left out, in a
    trial whose record is open to all sexes (`sex` "ALL"): ("male volunteers", "volunteers"), ("Men and women",
    "women"); None otherwise (see the module's note)."""
    if (sex or "").upper() != "ALL":
        return None
    t = as_read(record)
    ms = list(TOKEN.finditer(t))
    rl, pl = [m.group(0).lower() for m in ms], [w.lower() for w in TOKEN.findall(as_read(page))]
    ops = [op for op in difflib.SequenceMatcher(None, rl, pl, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "delete":
        return None
    _, i1, i2 = ops[0][:3]
    if i2 - i1 == 2 and rl[i1] in _JOINS:   # ("and women" of "Men and women": the sex word is the second)
        i1 += 1
    elif i2 - i1 == 2 and rl[i1 + 1] in _JOINS:
        i2 -= 1
    if i2 - i1 != 1 or rl[i1] not in SEX_WORDS:
        return None
    other = _other_sex(rl, i1)
    if other is not None:   # one sex of two left out: it narrows even a rule on contraception ("Males and females
        a, b = min(i1, other), max(i1, other)   # of reproductive potential …")
        return WordChange(t[ms[a].start():ms[b].end()], ms[other].group(0))
    if _IMPLIED.search(record):
        return None
    if i2 < len(ms) and re.fullmatch(r"[ \-]+", t[ms[i1].end():ms[i2].start()]) and \
            (rl[i2] not in FILLER or rl[i2] in PEOPLE):
        return WordChange(t[ms[i1].start():ms[i2].end()], ms[i2].group(0))   # ("male volunteers")
    return WordChange(ms[i1].group(0), "")   # (the sex word is the people: "Women with …", "Healthy men")


def _other_sex(words: list[str], i: int) -> int | None:
    """Where the record names the other sex with this one, joined by "and" or "or" ("Men and women", "male or
    female"): that word's index; None if it does not."""
    for j, k in ((i + 1, i + 2), (i - 1, i - 2)):
        if 0 <= k < len(words) and words[j] in _JOINS and words[k] in SEX_WORDS:
            return k
    return None


def sex_word_findings(found: list[Finding], o_items: list[Entry], p_items: list[Entry], sex: str | None,
                      sim: float) -> list[Finding]:
    """A pair's findings (compare's), with a criterion_changed warning for a sex word left out (sex_word_dropped) in
    place of a rewording note or silence; what compare found of a warning or more is kept as it is."""
    if any(f.severity != "info" for f in found) or len(o_items) != 1 or len(p_items) != 1:
        return found
    word = sex_word_dropped(o_items[0].text, p_items[0].text, sex)
    if word is None:
        return found
    a, b = excerpt_pair(unescape_markdown(strip_marker(p_items[0].text)), strip_marker(o_items[0].text))
    # (a word left out before the one it describes is named; otherwise the quotes show where the texts differ)
    named = word if len(TOKEN.findall(word.record)) == 2 and word.page else None
    return [criteria_finding("criterion_changed", "warning", o_items, p_items,
                             _changed_message(o_items[0], ["word"], named, a, b, dropped=True), sim,
                             changes=[f'"{word.record}" became "{word.page}"' if word.page else
                                      f'"{word.record}" left out'])]
