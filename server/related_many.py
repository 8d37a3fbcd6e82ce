"""Related trials: a query listing many cancers whose title says which it takes (rel12; rel10's scan of 60 records).
PDQ records of the 1990s list every cancer their treatment may meet: "Surgery With or Without Combination Chemotherapy
in Treating Patients With Lung Metastases From Soft Tissue Sarcoma" lists endometrial, kidney and ovarian cancer and
pheochromocytoma (where a sarcoma may arise), and was given a pheochromocytoma diagnosis study, an endometrial cancer
marker study and the NIH's von Hippel-Lindau study by them. Its reader has a sarcoma. Read from each record's own
words; it makes the candidate a trial of another disease (server/related_ties.another_kind)."""

from __future__ import annotations

import re

from scrapers.registry.search import norm_term
from server.related_kinds import _says
from server.related_needs import _cancer, _who

# a record listing this many conditions naming a tumour lists many cancers (rel10: a sarcoma trial's 5; NCI-MATCH 50)
MANY_CANCERS = 4
# a group of cancers, not one: "… With Advanced Solid Tumors", "… With Breast Cancer or Hematologic Cancer",
# "… With Metastatic Cancer", "… in Metastatic Carcinoma and Lymphoma", "Unspecified Adult Solid Tumor, Protocol
# Specific" (a title saying one takes them all)
_GROUP = re.compile(r"\bsolid\s+(?:tumou?rs?|neoplasms?|malignan)|\bh(?:a)?ematologic(?:al)?\s+(?:cancers?|malignan"
                    r"|neoplas|tumou?rs?|disorders?)|\b(?:advanced|metastatic|recurrent|refractory|other)\s+"
                    r"(?:cancers?|carcinomas?|malignan\w*|neoplasms?|tumou?rs?)\b|\bwith\s+cancers?\s*$|^\s*cancers?\s*$", re.I)


def _tumours(conditions: list[str]) -> list[str]:
    return [c for c in conditions if c.strip() and _cancer(c)]


Titled = tuple[frozenset[str], frozenset[str], frozenset[str]]


def titled_cancers(conditions: list[str], titles: list[str]) -> Titled | None:
    """For a query listing MANY_CANCERS or more tumours whose titles, where they say whom the trial takes, name some of
    them and not all ("… in Treating Patients With Lung Metastases From Soft Tissue Sarcoma"; not "… With Advanced
    Cancer"): the words and acronyms of those parts of its titles, which say the cancers it takes, and its listed
    conditions (normalised). None otherwise."""
    tumours = _tumours(conditions)
    if len(tumours) < MANY_CANCERS:
        return None
    who = [w for w in (_who(t) for t in titles if t) if w]
    if any(_GROUP.search(w[0]) for w in who):
        return None
    tumours = [c for c in tumours if not _GROUP.search(c)]
    words = frozenset().union(*(w[1] for w in who)) if who else frozenset()
    said = frozenset().union(*(w[2] for w in who)) if who else frozenset()
    named = sum(_says(c, words, said) for c in tumours)
    if not named or named == len(tumours):
        return None
    return words, said, frozenset(norm_term(c) for c in conditions if c.strip())


def other_cancer(query: Titled | None, d: dict) -> bool:
    """The query lists many cancers and its title says which it takes (`query`: titled_cancers), and the candidate
    (`d`: an index row's features) names tumours in its conditions, fewer than MANY_CANCERS, none of which the query's
    title says (a basket trial listing many is left alone)."""
    if query is None:
        return False
    words, said, listed = query
    if len(_tumours(d["conditions"])) >= MANY_CANCERS:
        return False
    # (its tumours, and the conditions it shares with the query's list: "Pheochromocytoma" names no tumour word)
    theirs = [c for c in d["conditions"] if c.strip() and (_cancer(c) or norm_term(c) in listed)]
    if not theirs:
        return False
    return not any(_says(c, words, said) for c in theirs)
