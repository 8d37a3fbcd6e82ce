"""How the words of a group's heading in capitals are written (server/item_groups.py's _sentence_case): an abbreviation
kept ("ADHD", "HIV" in "HIV-INFECTED"), a common word lower-cased ("TYPE 1", "MALE": r52 F9), a proper name written as
one ("LYME" -> "Lyme", glance10). Split from item_groups.py to keep it under ~400 lines.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

# short words a heading in capitals spells that are no abbreviations ("FOR ALL SUBJECTS", "STUDY ARM 2")
COMMON_WORDS = set("a an and or of in on at to by for with without who the all any each both only not no men boys girls age "
             "aged arm arms part step case cases group stage site sites lung bone oral skin eye eyes new old two one "
             "than over under from into our down "
             # (common words a heading in capitals spells that read as abbreviations kept: "TYPE 1", "MALE", r52 F9)
             "type male have has had born gout early late very well good poor high low dose some more less most when "
             "then that this they them were been also same long term care home life year days week weeks baby boy "
             "girl son sons wife kids body head hand foot feet knee hip back neck leg legs face deaf ill sick pain "
             "cold flu burn fall fat lean thin tall obese limb rare mild full past next last prior post pre non anti "
             "cell free only alone just living live lives near far open once twice".split())


@functools.cache
def _names() -> frozenset[str]:
    """Proper names the registry's criteria use ("Lyme", "Crohn"; server/data/names.txt, as server/first_words.py reads
    it): in a heading in capitals, written as names, not kept in capitals as abbreviations ("LYME arthritis controls",
    NCT00001539, r52 F9)."""
    text = resources.files("server").joinpath("data/names.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def as_name(word: str) -> str | None:
    """A word in capitals that is a proper name, written as one ("LYME" -> "Lyme"); None for any other word."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if len(letters) < 3 or letters.title() not in _names():
        return None
    return re.sub(r"[a-z]+", lambda m: m.group().title() if m.group().title() in _names() else m.group(), word.lower(),
                  count=1)


def abbreviation(word: str) -> bool:
    """In a heading in capitals, a word kept as written: "ADHD", "HCM", "PTLDS", "98-DK-0003", "II"."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    return (not letters or any(ch.isdigit() for ch in word) or bool(re.fullmatch(r"[IVX]+", letters))
            or (len(letters) <= 4 and letters.lower() not in COMMON_WORDS) or not re.search(r"[AEIOUY]", letters))


def short_abbreviation(part: str) -> bool:
    """A part of a joined word in capitals kept as written: "HIV" in "HIV-INFECTED", not "DRAW" in "DRAW/ASTHMA"."""
    letters = re.sub(r"[^A-Za-z]", "", part)
    return (len(letters) <= 3 and letters.lower() not in COMMON_WORDS) or not re.search(r"[AEIOUY]", letters)


def as_the_record_writes(name: str, text: str | None) -> str:
    """A group's name with each word its heading gave in capitals and kept so ("OSPA") written as the record's own
    text writes it, where that is in mixed case ("OspA vaccinated control", NCT00001539: the Lyme vaccine's outer
    surface protein A; "OSPA vaccinated" was shown; plain18). One spelling only: two, or none, keep the word."""
    if not text:
        return name

    def spelled(m: re.Match) -> str:
        word = m.group()
        seen = {w for w in re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I)
                if re.search(r"[a-z]", w) and re.search(r"[A-Z]", w[1:])}
        return seen.pop() if len(seen) == 1 else word
    return re.sub(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?![\w-])", spelled, name)
