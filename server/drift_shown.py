"""What a page showed that the verdict compared, and what its notes say of the criteria it did not compare.

The drift verdict (drift.py) says "in sync" only of what was compared: a page showing nothing comparable is not
checked (COMPARABLE), a little-compared note names what the page did show (shown_words), and a page read whole with
no criteria, criteria it could not place or too many to compare says so (without_criteria_said). Split from drift.py
(one concern: what was compared), which decides the verdict.
"""

from __future__ import annotations

from scrapers.model import PageRecord
from scrapers.reconcile.conditions import compared_conditions

from .verdict_words import NOTES


def as_dict(finding) -> dict:
    """A Finding or its dict, as a dict."""
    return finding if isinstance(finding, dict) else finding.to_dict()


# PageRecord fields reconcile can compare with the record; a page with none of them is not checked
# ("no_min_age_text": facts._check_no_minimum compares a page's "Under 18 years" with the record's minimum age)
COMPARABLE = ("status_text", "as_of", "phases", "enrollment", "start_date", "completion_date", "min_age",
              "max_age", "no_max_age_text", "no_min_age_text", "sex", "sponsor", "study_type", "healthy_volunteers",
              "conditions", "inclusion", "exclusion")


# what a page shows besides a status and criteria, as the little-compared note names it (UI review: "Compared:
# enrollment (9)" says more than "dates, phase, number of participants or ages")
_SHOWN_WORDS = (("as_of", "its last-updated date"), ("phases", "its phase"), ("enrollment", "its number of participants"),
                ("start_date", "its start date"), ("completion_date", "its end date"), ("min_age", "its ages"),
                ("max_age", "its ages"), ("no_max_age_text", "its ages"), ("no_min_age_text", "its ages"),
                ("sex", "who it is open to by sex"), ("sponsor", "its sponsor"),
                ("study_type", "its kind of study"), ("healthy_volunteers", "whether it takes healthy volunteers"),
                ("conditions", "the conditions it studies"))


def shows(page: PageRecord, name: str) -> bool:
    """Does the page show field `name` in a form reconcile compares? "Healthy volunteers: No" is shown (False is a
    value); conditions only when one names an illness in particular: reconcile says nothing of a page's "Cancer" alone
    (reconcile.conditions), so it was not compared."""
    value = getattr(page, name, None)
    if name == "conditions":
        return compared_conditions(page)
    return isinstance(value, bool) or bool(value)


def shown_words(page: PageRecord) -> str:
    """"its number of participants and its last-updated date": what this page shows that was compared."""
    said = list(dict.fromkeys(words for name, words in _SHOWN_WORDS if shows(page, name)))
    if "the conditions it studies" in said and len(page.conditions) == 1:
        said[said.index("the conditions it studies")] = "the condition it studies"
    if not said:
        return "what the page does show"
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def without_criteria_said(drift: dict, page: PageRecord, official) -> dict:
    """A page read whole in which TrialLens found no eligibility criteria, matched on its status and facts: the note
    says who can join was not checked, so that "Matches …" does not read as "checked too" (review rounds 5 and 6, a
    biotechhunter page); on a page that lists criteria under no inclusion or exclusion heading (criteria_unplaced), that
    it lists them and TrialLens did not compare them (unplaced_said): it does show them. Only for a page TrialLens read:
    a caller's claim (GET /drift) names no criteria by design."""
    left = uncompared(drift.get("findings", []))   # (listed, too many to compare: as if none were read)
    if drift.get("verdict") != "in_sync" or (page.inclusion or page.exclusion) and not left \
            or not official.eligibility_criteria or drift.get("caveat") in ("little_compared", "list_not_shown"):
        return drift
    note = (NOTES[left] if left else
            unplaced_said(page.criteria_unplaced) if page.criteria_unplaced else NOTES["no_criteria"])
    return {**drift, "note": f"{drift['note']} {note}" if drift.get("note") else note}


def uncompared(findings: list) -> str | None:
    """The note's key where reconcile left the page's criteria uncompared: its list far longer than any trial's, or
    its items too costly to compare in full (too_long.py: evidence "reason" "work"); None where it compared them."""
    said = [as_dict(f) for f in findings if as_dict(f)["kind"] == "criteria_not_compared"]
    return None if not said else "criteria_not_compared_in_full" if any(
        (f.get("evidence") or {}).get("reason") == "work" for f in said) else "criteria_not_compared"


def unplaced_said(count: int) -> str:
    """"This page lists 3 eligibility criteria without saying which are for joining …": what a page that lists criteria
    under no inclusion or exclusion heading (PageRecord.criteria_unplaced) is told, instead of "found no criteria"."""
    return NOTES["criterion_unplaced"] if count == 1 else NOTES["criteria_unplaced"].format(count=count)


def filled_note(key: str, fill: dict | None) -> str:
    """The note `key` with its placeholders filled; for a page listing criteria it could not place (fill["unplaced"]),
    a note that would count criteria among what TrialLens found none of is said without them, then what the page
    lists (unplaced_said)."""
    fill = fill or {}
    if (fill.get("unplaced") or fill.get("uncompared")) and f"{key}_unplaced" in NOTES:
        said = unplaced_said(fill["unplaced"]) if fill.get("unplaced") else NOTES[fill["uncompared"]]
        return NOTES[f"{key}_unplaced"].format(**fill) + " " + said
    return NOTES[key].format(**fill)
