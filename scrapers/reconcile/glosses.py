"""A page's short definition of a word, in brackets after it, that the record does not give: "Sickle cell anemia (an
inherited disorder with fewer healthy red cells)", "HIV (the virus that causes AIDS) positive". TrialLens's own
rewriter writes them, and so may a site; the item still says the record's rule, yet letter by letter it read as a
criterion added and the record's left out ("This page leaves out … Sickle cell anemia", though it shows it; review r35
#5: 213 of the 838 items "added" when TrialLens's own rewrites were read back as pages), or a word of the definition
("fewer") as a changed rule. alike.worded_sim pairs such an item with the record's, and compare reads it without them.

Only a definition, nothing that could narrow or turn the rule: it opens with "a", "an" or "the", has at most 14 words,
no figure, no word the fidelity check counts ("not", "except", "only", "or", …), and does not name again the word it
follows ("Cancer (a skin cancer)" says which cancer); the record's text must not hold it.
"""

from __future__ import annotations

import re

from ..fidelity import word_classes

_GLOSS = re.compile(r"(?<=[A-Za-z0-9])(\s*)\(((?:a|an|the)\s[^()\d]{2,120})\)", re.I)
_WORD = re.compile(r"[a-z]+")
MOST_WORDS = 14


def without_glosses(page: str, record: str) -> str:
    """The page's text without the definitions in brackets it gives that the record does not (see the module's
    note); the text itself where it gives none."""
    if "(" not in page:
        return page
    said = " ".join(_WORD.findall(record.lower()))
    out, last = [], 0
    for m in _GLOSS.finditer(page):
        if _is_gloss(m.group(2), page[:m.start()], said):
            out.append(page[last:m.start()])
            last = m.end()
    return "".join(out) + page[last:] if out else page


def _is_gloss(inside: str, before: str, said: str) -> bool:
    words = _WORD.findall(inside.lower())
    named = _WORD.findall(before.lower())[-1:]
    return len(words) <= MOST_WORDS and not word_classes(inside.lower()) and " ".join(words) not in said and \
        not any(w in words for w in named)
