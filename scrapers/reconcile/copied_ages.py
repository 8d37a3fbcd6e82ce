"""A page's age wording that is the record's own criteria's: no page error, whatever the record's age fields say.

Some records contradict themselves: NCT00003458's criteria say "Age: 6 months to 17 years" where its maximum age field
says 18 years, NCT00004799's "Age: Under 3 months" beside a 3-month maximum, NCT00005879's "Age: 18 and over" beside a
65-year maximum. A page printing those criteria copies the record, and a reader of the page (the generic reader takes
an "Age:" line as the page's age) gets from it what the record's own text says: "This page gives the maximum age as 17
years, but ClinicalTrials.gov says 18 years" was a critical on the record's own words (13 of the 8,071 corpus records
with criteria, printed as their own page; recon12). An age finding (facts.py's changed or missing limit, added_ages'
added one) whose page words are, as written, one of the record's inclusion items or items under no heading
(other_age.participant_texts: never an exclusion item, nor a donor's or parent's list), or that item's value after its
"Age:" label ("Age: 18 and over" -> "18 and over"; never after a label that gives the bound, "Minimum age: 18 years"),
is therefore not raised. The words must be the record's exactly, signs and all (only spacing, case, a markdown escape
and a closing stop aside): "Age: > 18" never vouches for a page's "< 18", and a page's own "18 Years to 70 Years" is
no item of a record's criteria. And they must say which limit they give: a bare figure ("18 years", "Age: 18") says
neither, so where a page shows it as its maximum (by a label of its own: "Maximum age: 18 years") it says more than
the record's words, and is compared as before.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import OfficialRecord
from .finding import Finding
from .other_age import participant_texts

AGE_FIELDS = frozenset({"min_age", "max_age"})
# the label "Age:" before an item's value ("Age: 18 and over"), which says nothing of the bound; never another label,
# which may say it ("Minimum age: 18 years" is no page's maximum "18 years")
_LABEL = re.compile(r"^\s*ages?\s*:\s*", re.I)
# a figure alone, with its unit or "old" at most: words that give no limit's side
_BARE_FIGURE = re.compile(r"[\s.,;:()*•-]*\d+(?:[.,]\d+)?\s*"
                          r"(?:(?:years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?)\b)?\s*(?:old|of\s+age)?[\s.,;:()]*",
                          re.I)
_ESCAPE = re.compile(r"\\(?=[^\w\s])")   # (the record's markdown "\>" a page shows as ">")


def _words(text: str) -> str:
    """`text` as compared: NFKC, lower case, without spacing, markdown escapes or closing punctuation."""
    text = _ESCAPE.sub("", unicodedata.normalize("NFKC", text)).lower()
    return re.sub(r"\s+", "", text).rstrip(".;,")


def own_age_wordings(official: OfficialRecord) -> set[str]:
    """Each inclusion item or item under no heading of the record (with its label, as participant_texts gives it),
    and its value after an "Age:" label, as _words writes them."""
    out: set[str] = set()
    for text in participant_texts(official.eligibility_criteria):
        while text:
            out.add(_words(text))
            m = _LABEL.match(text)
            text = text[m.end():] if m else ""
    out.discard("")
    return out


def copies_record(said: str, own: set[str]) -> bool:
    """Are the page's age words `said` one of the record's own wordings (own_age_wordings), and more than a bare
    figure?"""
    return bool(said) and not _BARE_FIGURE.fullmatch(_LABEL.sub("", said)) and _words(said) in own


def drop_copied_ages(findings: list[Finding], official: OfficialRecord) -> list[Finding]:
    """`findings` less each age fact_mismatch whose page value is the record's own criteria's words (see the module's
    docstring). Other findings, and age findings on words of the page's own, are kept as they are."""
    ages = [f for f in findings
            if f.kind == "fact_mismatch" and f.field in AGE_FIELDS and isinstance(f.page_value, str)]
    if not ages or not official.eligibility_criteria:
        return findings
    own = own_age_wordings(official)
    copied = {id(f) for f in ages if copies_record(f.page_value, own)}
    return [f for f in findings if id(f) not in copied]
