"""How the criteria comparison reads an item's words: its tokens, the text as read (markup, escapes and a list
marker gone, "HIV seropositive" as "HIV positive"), the words that say nothing of their own (filler, units,
comparison words), and where a page is the record's item but for one run of words left out. words.py compares a
page's words with the record's by these; measure_names.py and sex_left_out.py read the words a page leaves out by
them. Kept apart from words.py, which imports dropped_words.py and so measure_names.py: read from there, they made an
import loop (measure_names.py could not read a whole item, and its name_dropped sat in sex_left_out.py).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..criteria import unescape_markdown
from ..fidelity import split_sero, word_classes
from .normal import strip_marker

# two words run on by spaces or hyphens, one name's parts: "Gestational age", "T-cell", "Systolic blood pressure"
RUN_ON = re.compile(r"[ \-]+")

# words that say nothing of who may join on their own (function words, the people a rule is about, auxiliaries);
# "or"/"and" and comparison words are the fidelity check's and direction_words'
FILLER = frozenset("""a an the of with by or and nor to in into for on at as from that which who whom whose this these
    those any all each every their his her its your you they he she it them there be is are was were been being have
    has had having do does did must should shall will would can could may might also either both such e g i eg ie
    etc s patient patients subject subjects participant participants people person persons individual individuals
    volunteer volunteers study trial following""".split())
# a duration's or a measure's unit: a restatement in another unit is the fidelity check's to judge ("216 months")
UNIT_WORDS = frozenset("""year years yr yrs month months mo week weeks wk wks day days hour hours hr hrs minute minutes
    min kg kilogram kilograms lb lbs pound pounds g gram grams mg ml l dl mmol umol mcg ug cm m mm inch inches feet ft
    percent""".split())
# comparison words: compare.direction_words counts them (with "exceed…"), so a changed one is its to say
COMPARISON_WORDS = tuple("""above below over under greater less more fewer higher lower older younger least most
    maximum minimum""".split())
_COMPARISON = frozenset(COMPARISON_WORDS) | {"exceed", "exceeds", "exceeding", "exceeded", "than", "equal"}
TOKEN = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class WordChange:
    """The record's word(s) and the page's in their place, as each text writes them."""

    record: str
    page: str


def as_read(text: str) -> str:
    t = unicodedata.normalize("NFKC", strip_marker(unescape_markdown(text)))
    t = split_sero(t)   # ("HIV seropositive" says "HIV positive")
    return t.replace("'s ", " ").replace("’s ", " ")


@lru_cache(maxsize=65536)   # (word_classes runs every class pattern; the words met are few)
def says_something(w: str) -> bool:
    """A word that says something of its own, and that no other check compares: not filler, a unit, a comparison
    word or a "not", "except", "only" or "or" (the fidelity check counts those: "regardless of gender" for "no gender
    restrictions" is no change)."""
    if len(w) == 1 and w.isupper():
        return True   # a letter that names a thing: "hepatitis A", "type B"
    lw = w.lower()
    return lw not in FILLER and lw not in UNIT_WORDS and lw not in _COMPARISON and not word_classes(lw)


def one_span_left_out(record: str, page: str) -> tuple[str, list[re.Match], list[str], list[str],
                                                          tuple[int, int]] | None:
    """(the record as read, its words, them in small letters, the page's words, the span of the record's words the
    page leaves out) where the page is the record but for that one span; None otherwise."""
    t = as_read(record)
    ms = list(TOKEN.finditer(t))
    pa = TOKEN.findall(as_read(page))
    rl, pl = [m.group(0).lower() for m in ms], [w.lower() for w in pa]
    ops = [op for op in difflib.SequenceMatcher(None, rl, pl, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "delete":
        return None
    return t, ms, rl, pa, (ops[0][1], ops[0][2])
