"""Findings: what a page claims, checked against the official record.

`reconcile(page, official, today)` is pure: time is passed in, nothing is fetched. An
alarm the official record does not back is never raised; a page wording we do not
recognise is reported as "cannot compare", never as drift.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from .dates import compare_partial, to_date
from .model import OfficialRecord, PageRecord
from .vocab import OPEN_STATUSES

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
    kind: str             # status_drift, page_stale, registry_overdue, cannot_compare, …
    severity: str         # critical / warning / info
    field: str            # the PageRecord / record field concerned
    page_value: object
    official_value: object
    message: str          # one sentence a patient understands, quoting both values
    evidence: dict = field(default_factory=dict)
    about: str = "page"   # "page" or "registry": registry findings are about the official record itself

    def to_dict(self) -> dict:
        return asdict(self)


def status_words(status: str | None) -> str:
    return STATUS_WORDS.get(status or "", (status or "unknown").lower().replace("_", " "))


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def _age_phrase(days: int) -> str:
    if days >= 60:
        months = round(days / 30.44)
        return f"{months} months" if months < 24 else f"{months // 12} years"
    return f"{days} days" if days != 1 else "1 day"


def check_status(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    off = official.status
    if not page.status_text and not page.status:
        return []
    if page.status is None:
        return [Finding(
            "cannot_compare", "info", "status", page.status_text, off,
            f'We could not compare the page\'s status "{page.status_text}" with ClinicalTrials.gov, '
            f"which says {status_words(off)}.",
            {"reason": "unrecognized page wording"},
        )]
    if off is None or page.status == off:
        return []
    invites = page.status in OPEN_STATUSES and off not in OPEN_STATUSES
    severity = "critical" if invites else "warning"
    msg = (f'This page says "{page.status_text or status_words(page.status)}", but ClinicalTrials.gov says '
           f"the trial is {status_words(off)}")
    msg += ", so it is not taking new participants." if invites else "."
    return [Finding("status_drift", severity, "status", page.status_text or page.status, off, msg,
                    {"page_status": page.status, "official_status": off,
                     "official_last_update_posted": official.last_update_posted})]


def check_freshness(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    posted = official.last_update_posted
    if not page.as_of or not posted:
        return []
    if compare_partial(page.as_of, posted) >= 0:
        return []
    lag = (to_date(posted) - to_date(page.as_of, end=True)).days
    if lag <= 0:
        return []
    return [Finding(
        "page_stale", "warning", "as_of", page.as_of_text or page.as_of, posted,
        f'This page is "{page.as_of_text or page.as_of}", but ClinicalTrials.gov was updated on {posted}, '
        f"{_age_phrase(lag)} later.",
        {"page_as_of": page.as_of, "official_last_update_posted": posted, "lag_days": lag},
    )]


def check_registry(official: OfficialRecord, today: date) -> list[Finding]:
    """Concerns about the official record itself (not about the page)."""
    out: list[Finding] = []
    st = official.status
    start = official.start
    if st == "NOT_YET_RECRUITING" and start and to_date(start.date, end=True) < today:
        days = (today - to_date(start.date, end=True)).days
        out.append(Finding(
            "registry_overdue", "warning", "status", None, st,
            f"ClinicalTrials.gov still says not yet recruiting, {_age_phrase(days)} after the planned start "
            f"({start.date}); ask the study team whether it has opened.",
            {"start_date": start.date, "start_type": start.type, "days_past": days}, about="registry",
        ))
    comp = official.completion or official.primary_completion
    if st in ("RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING") and comp \
            and to_date(comp.date, end=True) < today:
        days = (today - to_date(comp.date, end=True)).days
        out.append(Finding(
            "registry_overdue", "warning", "completion_date", None, comp.date,
            f"ClinicalTrials.gov still says {status_words(st)}, but the study was due to finish on {comp.date}, "
            f"{_age_phrase(days)} ago.",
            {"status": st, "completion_date": comp.date, "completion_type": comp.type, "days_past": days},
            about="registry",
        ))
    verified = official.status_verified
    if verified and st not in ("COMPLETED", "TERMINATED", "WITHDRAWN", "UNKNOWN"):
        months = _months_between(to_date(verified, end=True), today)
        if months > 12:
            over24 = months > 24
            out.append(Finding(
                "registry_unverified", "warning" if over24 else "info", "status_verified", None, verified,
                f"The sponsor last confirmed this trial's status in {verified}, {months} months ago"
                + ("; ClinicalTrials.gov treats such records as of unknown status." if over24 else "."),
                {"status_verified": verified, "months": months, "threshold_months": 24 if over24 else 12},
                about="registry",
            ))
    return out


def reconcile(page: PageRecord, official: OfficialRecord, today: date, history=None) -> list[Finding]:
    """Every finding for this page, most severe first, then by field."""
    findings = check_status(page, official) + check_freshness(page, official) + check_registry(official, today)
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.field, f.kind))
