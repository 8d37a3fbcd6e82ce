"""How the drift verdict counts the eligibility criteria a page shows of the record's ("only 3 of the 5 requirements for
joining"), from reconcile's criteria_incomplete findings: the note under the headline says it (server/drift.py)."""

from __future__ import annotations


def unmatched(finding: dict) -> bool:
    """A criteria_incomplete note for a list the page shows items of, none of them found in the record's."""
    ev = finding.get("evidence") or {}
    return ev.get("found") == 0 and bool(ev.get("page_count"))


def counts_said(few: list[dict]) -> str:
    """"only 3 of the 5 requirements for joining and 6 of the 10 reasons someone cannot join": each list's count, with
    "only" before the first that found some. A list found 0 times is "none of the 10 …" (review round 11c, N8: "It
    found only 0 of the 10 reasons someone cannot join", on a page showing that list under the other heading)."""
    said, first = [], True
    for f in few:
        count = _found_of(f)
        none = count.startswith(("none ", "no match "))
        said.append(count if none or not first else f"only {count}")
        first = first and none
    return " and ".join(said)


def _found_of(finding: dict) -> str:
    """"3 of the 5 reasons someone cannot join", as a criteria_incomplete finding counts them (the record's top-level
    items); a list found to its last item, which the page's list stops inside, says so ("19 of the 19 …" alone read
    as all of them)."""
    ev = finding.get("evidence") or {}
    found, total = ev.get("found", "some"), finding.get("official_value")
    if total == 1 and found == 1:   # (not "1 of the 1 requirement for joining (only in part)")
        return f"part of the one {ev.get('list', 'eligibility criterion')}"
    if found == 0:   # (not "0 of the 10 …", nor "none of the one …")
        return (f"no match for the one {ev.get('list', 'eligibility criterion')}" if total == 1 else
                f"none of the {total} {ev.get('list', 'eligibility criteria')}")
    part = " (the last only in part)" if found == total else ""
    return f"{found} of the {total} {ev.get('list', 'eligibility criteria')}{part}"
