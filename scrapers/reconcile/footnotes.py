"""A footnote some sites put under every list and some records carry as their last item ("Other protocol-defined
criteria may apply"): no rule to compare, left out of the comparison on both sides.

Split from scrapers.reconcile.align (kept importable from there).
"""

from __future__ import annotations

import re

from .normal import strip_marker

# "Other protocol-defined inclusion/exclusion criteria may apply", "Other protocol defined criteria apply.", "Additional
# criteria may apply; contact the study team.", "(Criteria as listed on ClinicalTrials.gov.)": a footnote some sites put
# under every list and some records carry as their last item. It only points elsewhere (no figure, condition or
# medicine) and is no rule to compare: on a page that adds it, it was a criterion the record lacks (review round 22: a
# warning on 150 of 150 pages, then still 126 for the wordings besides the first); on a record that has it, a page
# without it left it out. Kept as the page and the record show it, left out of the comparison on both sides. A line
# that names what the other criteria are ("Other exclusion criteria apply according to the Summary of Product
# Characteristics", "Other cancers within 5 years") is compared as any item.
_ELSEWHERE = (r"(?:(?:other|additional|further)\s+(?:(?:protocol|study|drug)[- ]?(?:defined|specific)\s+)?"
              r"(?:(?:inclusion|exclusion|eligibility|entry|enroll?ment)\s*(?:(?:/|and|or|&)\s*(?:inclusion|exclusion)\s*)?)?"
              r"criteria\s+(?:(?:may|will|might|could|can)\s+)?(?:apply|applies|applied|exist)"
              r"(?:\s*[,;:.\-–—]?\s*(?:please\s+)?(?:contact|ask|talk\s+to|speak\s+(?:to|with)|call)\s+(?:the\s+|your\s+)?"
              r"(?:study\s+(?:team|staff|doctor|site|coordinator|contact)|(?:principal\s+)?investigators?|(?:trial|research|site)"
              r"\s+(?:team|staff)|site)(?:\s+for\s+(?:more\s+)?(?:information|details))?)?"
              r"|(?:(?:the|these|eligibility)\s+)?criteria\s+(?:are\s+)?(?:as\s+)?(?:listed|shown|posted|published)\s+(?:on|at)\s+"
              r"clinicaltrials\.gov)")
_FOOTNOTE = re.compile(rf"^\W*(?:(?:note|nb)\b\W*)?{_ELSEWHERE}\W*$", re.I)


def is_footnote(text: str) -> bool:
    """A footnote that points elsewhere (`_FOOTNOTE`), numbered or not ("16. Other protocol defined criteria apply."):
    layouts that number their items number it too."""
    return _FOOTNOTE.match(strip_marker(text)) is not None
