"""Related trials: a candidate whose patients must carry an inherited cancer syndrome or a tumour gene's mutation
(BRCA, von Hippel-Lindau, Lynch …) the query names nowhere (rel12; rel10's and rel11's scans). A woman reading a
metastatic breast cancer trial was offered "Prophylactic Irradiation to the Contralateral Breast for BRCA Mutation
Carriers …" (253 of 8,087 lists of trials to join), and a stage IV kidney cancer trial's reader the NIH's study of von
Hippel-Lindau disease and inherited renal cancer (96 lists): neither can join without the carrier state. Read from each
record's own words (conditions, keywords, titles); it makes the candidate a trial of another disease
(server/related_ties.another_kind)."""

from __future__ import annotations

import re
from functools import lru_cache

# a carrier state or inherited cancer syndrome as records word it: "BRCA Mutation Carriers", "BRCA1", "germline
# mutation", "Von Hippel-Lindau", "VHL", "Lynch Syndrome", "Li-Fraumeni", "Hereditary Nonpolyposis Colorectal
# Cancer", "Familial Renal Cancer", "Inherited Renal Cancer"; not a family's disease that is no cancer's
# ("Familial Hypercholesterolemia", "Hereditary Angioedema")
_CARRIER = re.compile(
    r"\bbrca(?:[12]|1/2)?\b|\b(?:mutation|gene)[- ]carriers?\b|\bgermline\s+(?:brca|mutations?|variants?|pathogenic)"
    r"|\bvon\s+hippel|\bvhl\b|\blynch\s+syndrome\b|\bli-?fraumeni\b"
    r"|\bmultiple\s+endocrine\s+neoplasia|\bgenetic\s+predisposition|\bcancer\s+predisposition"
    r"|\bhereditary\s+(?:breast|ovarian|cancer|neoplas|non-?polyposis|diffuse|leiomyomatosis|renal|papillary"
    r"|paraganglioma|pheochromocytoma|colorectal)"
    r"|\bfamilial\s+(?:adenomatous|renal|cancer|breast|melanoma|polyposis|colorectal|pancreatic|isolated\s+pituitary)"
    r"|\binherited\s+(?:cancer|renal|kidney|breast|mutation)", re.I)


def says_carrier(texts: list[str]) -> bool:
    """Some text names a carrier state or an inherited cancer syndrome (_CARRIER)."""
    return _says_carrier(" | ".join(t for t in texts if t))


@lru_cache(maxsize=65536)
def _says_carrier(text: str) -> bool:
    """(Cached: the same candidates are read for every query.)"""
    return bool(_CARRIER.search(text))


def needs_carrier(query_says: bool, d: dict) -> bool:
    """The candidate (`d`: an index row's features) takes carriers of an inherited cancer syndrome or a tumour gene's
    mutation in its own words (says_carrier of its conditions, keywords and titles), and the query names none
    (`query_says`: says_carrier of the query's conditions, MeSH terms, keywords and titles). Healthy volunteers
    it takes are the carriers' families (the von Hippel-Lindau study takes relatives at risk), not the query's
    readers."""
    if query_says:
        return False
    return says_carrier(d["conditions"] + (d.get("keywords") or []) + (d.get("titles") or []))
