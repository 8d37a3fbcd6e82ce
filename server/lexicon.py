"""The rewriter's lexicon matcher: the plain-English lexicon's entries (scrapers.lexicon, their one home) compiled
once into one pattern, longest first, so a replacement is never itself rewritten ("creatinine clearance" wins over
"creatinine"). gloss.py uses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scrapers.lexicon import Entry, lexicon_entries


@dataclass
class Lexicon:
    entries: list[Entry]
    by_key: dict[str, Entry]
    pattern: re.Pattern

    def lookup(self, matched: str) -> Entry | None:
        return self.by_key.get(matched) or self.by_key.get(matched.lower())


def _trie_regex(terms: list[str]) -> str:
    """Literal alternatives as a trie-shaped regex: one branch per character, longest first.

    A flat alternation of ~800 literals is tried one by one at every position; the trie
    branches on the next character, which keeps explaining thousands of items a second.
    """
    trie: dict = {}
    for t in terms:
        node = trie
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_LEFT = r"(?<![\w-])"
_RIGHT = r"(?![\w+-]|\.\d)"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    entries = list(lexicon_entries())
    by_key: dict[str, Entry] = {}
    sensitive, insensitive = [], []
    for e in entries:
        if e.kind in ("abbreviation", "unit"):
            by_key[e.term] = e
            sensitive.append(e.term)
        else:
            by_key[e.term.lower()] = e
            insensitive.append(e.term.lower())
    # Abbreviations and units are case-sensitive ("ALT", not "alt"); words are not ("Hepatic").
    # Words first, so "human immunodeficiency virus" is seen before "HIV"-style short matches.
    parts = [f"(?i:{_LEFT}{_trie_regex(insensitive)}{_RIGHT})",
             _LEFT + _trie_regex([t for t in sensitive if t[0].isalnum()]) + _RIGHT,
             _trie_regex([t for t in sensitive if not t[0].isalnum()]) + _RIGHT]
    return Lexicon(entries, by_key, re.compile("|".join(parts)))


@lru_cache(maxsize=1)
def bracket_meanings() -> frozenset[str]:
    """Every meaning the rewriter may put in a bracket after a term, in small letters: an abbreviation's plain words
    ("a tuberculosis skin test" after "PPD") and the bracket of a jargon said with its meaning ("kidney machine
    treatment" in "dialysis (kidney machine treatment)"). server.plain uses it to tell a gloss from the record's own
    brackets."""
    out = set()
    for e in load_lexicon().entries:
        if not e.plain:
            continue
        if e.kind == "abbreviation":
            out.add(e.plain.lower())
        elif e.plain_is_gloss and e.plain.endswith(")"):
            out.add(e.plain[:-1].rsplit(" (", 1)[1].lower())
    return frozenset(out)
