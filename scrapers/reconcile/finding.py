"""The Finding every check returns, and the phrases messages share.

A message is one sentence a patient understands and quotes both values; `evidence`
holds what a maintainer needs to check the finding against the record.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}

STATUS_WORDS = {
    "ACTIVE_NOT_RECRUITING": "active, not recruiting", "COMPLETED": "completed",
    "ENROLLING_BY_INVITATION": "enrolling by invitation", "NOT_YET_RECRUITING": "not yet recruiting",
    "RECRUITING": "recruiting", "SUSPENDED": "suspended", "TERMINATED": "terminated",
    "WITHDRAWN": "withdrawn", "AVAILABLE": "available", "NO_LONGER_AVAILABLE": "no longer available",
    "TEMPORARILY_NOT_AVAILABLE": "temporarily not available", "APPROVED_FOR_MARKETING": "approved for marketing",
    "WITHHELD": "withheld", "UNKNOWN": "unknown",
}


@dataclass
class Finding:
    kind: str             # status_drift, page_stale, registry_overdue, criterion_missing, …
    severity: str         # critical / warning / info
    field: str            # the PageRecord / record field concerned
    page_value: object
    official_value: object
    message: str          # one sentence a patient understands, quoting both values
    evidence: dict = field(default_factory=dict)
    about: str = "page"   # "page" or "registry": registry findings are about the official record itself

    def to_dict(self) -> dict:
        return asdict(self)


# what "enrolling by invitation" means for a reader, said wherever a page shows the trial as open to anyone (the status
# field's "Recruiting", a summary's "is currently recruiting"): the card shows the message as given
INVITED_ONLY = ", so only people the study team invites can join."
INVITED_THEN = ", so only people the study team invited could join then."
# a summary's "is currently recruiting" of a trial not yet recruiting (plain.py); a saved copy's "then" (status.py)
NOT_OPENED_NOW, NOT_OPENED_THEN = ", so it has not opened yet.", ", so it had not opened yet then."


def status_words(status: str | None) -> str:
    return STATUS_WORDS.get(status or "", (status or "unknown").lower().replace("_", " "))


def said_status(status: str | None) -> str:
    """A status in quotes, so "active, not recruiting" reads as one thing inside a sentence ("Unknown status" as the
    card and ClinicalTrials.gov name it, not a bare "unknown")."""
    return '"Unknown status"' if status == "UNKNOWN" else f'"{status_words(status)}"'


def months_phrase(months: int) -> str:
    """"13 months", "over 8 years": a span in months the way a person says it (not "104 months")."""
    return f"{months} months" if months < 24 else f"over {months // 12} years" if months % 12 else f"{months // 12} years"


def months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def age_phrase(days: int) -> str:
    """"8 months", "3 years", "12 days": how long ago, the way a person says it."""
    if days >= 60:
        return months_phrase(round(days / 30.44))   # ("over 2 years", as the other spans say it)
    return f"{days} days" if days != 1 else "1 day"


def quote(text: object, limit: int = 90) -> str:
    """A page or record value shortened for a one-sentence message, at a word's end where one is near
    ("… myelodysplastic …", not "… transformati…")."""
    s = str(text)
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


# what an eligibility item is to a reader, by the list it is in: whether it keeps someone out is what they need
RULE = {"inclusion": "a requirement for joining", "exclusion": "a reason someone cannot join"}
RULES = {"inclusion": "requirements for joining", "exclusion": "reasons someone cannot join"}


def rule_words(entry, plural: bool = False) -> str:
    """"a reason someone cannot join" for an align.Entry of the exclusion list; "a criterion" for one the record gives
    under no heading (it is said to be neither)."""
    if not getattr(entry, "placed", True):
        return "criteria" if plural else "a criterion"
    return (RULES if plural else RULE)[entry.section]


# a sub-item's own marker, its item's number and its letter: "5b.", "5a)", "(5a)", "5.b", "5.b)"
SUB_ITEM_MARKER = r"(?:\(?\d{1,3}[a-zA-Z][.)]|\d{1,3}\.[a-zA-Z][.)]?)"
# a page item's own list marker ("5. ", "(b) ", "• ", "5b. "): not a letter and a dot, which may be the item's words
# ("E. coli")
_LIST_MARKER = re.compile(r"^\s*(?:[-*•●▪◦‣∙+■□➢►✓]|\(?\d{1,3}[.)](?!\d)|\(\d{1,3}\)|\[\d{1,3}\]|\(?[a-zA-Z]\)|"
                          r"\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|" + SUB_ITEM_MARKER + r")\s+")


def without_marker(text: str) -> str:
    """A page item's text without its own list marker ("5. Participant …" -> "Participant …"), as its row shows it."""
    return _LIST_MARKER.sub("", text, count=1)


def row_text(text: str) -> str | None:
    """A criteria row's value without what ends an item in its list (", ;:"): the card puts "(as of Jun 2026)" after
    it, and "…second primary malignancy, (as of Jun 2026)" dangled a comma (review round 8, N2). None for nothing."""
    return text.rstrip(" ,;:") or None


# a criterion finding whose wrong value the page's summary repeats (summary_fold.fold_into_criteria): said once, in the
# criterion's row, not again as a summary finding of its own at another severity (review r26 #6)
ALSO_IN_SUMMARY = ' This page\'s summary says "{said}" too.'


def criteria_finding(kind: str, severity: str, o_items: list, p_items: list, message: str, sim: float,
                     index: int | None = None, changes: list[str] | None = None) -> Finding:
    """A finding about criteria: the record's items (o_items) and the page's (p_items), as align.Entry, quoted in
    full in the evidence."""
    o_text = row_text(" ".join(e.text for e in o_items))
    # (the card's row "This page: 5. Participant or legally authorized…" kept the page's list number; review round 7)
    p_text = row_text(" ".join(without_marker(e.text) or e.text for e in p_items))   # (each item's own marker)
    section = (o_items or p_items)[0].section
    ev = {"section": section, "official_texts": [e.text for e in o_items], "page_texts": [e.text for e in p_items],
          "similarity": round(sim, 1)}
    if p_items:
        ev["page_section"] = p_items[0].section
    if index is not None:
        ev["official_index"] = index
    if changes:
        ev["changes"] = changes
    return Finding(kind, severity, f"{section}_criteria", p_text, o_text, message, ev)
