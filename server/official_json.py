"""The official record as the API shows it: the `official` object of an annotation (CONTRACTS.md), a trial's detail
(GET /trials/{id}) and when to try again past the lookup budget. Apart from annotate.py, which builds and caches
annotations, because the CLI's output and the API's routes show these too, without an annotation."""

from __future__ import annotations

from scrapers.model import OfficialRecord
from scrapers.reconcile import status_words


def budget_wait(lookup) -> dict:
    """{"retry_after": seconds, as a 429's Retry-After} for a copy served past the client's lookup budget, else {}:
    when to try again, alike on the card's official and a listing's badge (GET /status)."""
    wait = getattr(lookup, "retry_after", None)
    return {"retry_after": wait} if wait else {}


# why an id of a batch has no status that the lookup budget can be behind (GET /status's `missing`)
NOT_CHECKED = ("not_checked", "no_status")


def budget_waits(charged: dict, lookups: dict, missing: dict) -> dict[str, int]:
    """{id: retry_after} for each id of GET /status left without a status because this client's lookup budget is used:
    `charged` (clients.charge_lookups) refused it, none being stored, or its only saved copy was not refreshed and not
    served (no usable study; or served, but giving no status). The response's one retry_after could not be tied to an
    id, its `notes` also holding copies not checked for other reasons (offline, unreachable, busy), which get none here,
    nor does an id whose store read failed (svc16)."""
    waits = {}
    for nct, why in charged.items():
        found = lookups.get(nct)
        if missing.get(nct) in NOT_CHECKED and (found is None or found.stale_reason == "budget"):
            waits[nct] = why.retry_after
    return waits


def official_summary(lookup) -> dict:
    """The `official` object of the annotation (CONTRACTS.md), plus the source."""
    rec: OfficialRecord = lookup.record
    return {
        "nct_id": rec.nct_id, "title": rec.title, "status": rec.status, "status_text": status_words(rec.status),
        "last_update_posted": rec.last_update_posted, "status_verified": rec.status_verified,
        "fetched_at": lookup.known_fetched_at, "stale": bool(lookup.stale), "stale_reason": lookup.stale_reason,
        "url": rec.url,
        "source": getattr(lookup, "source", "store"), "note": getattr(lookup, "note", None),
        # a demo record TrialLens rebuilt from aggregator pages (OfficialRecord.reconstructed): the card and the pages
        # call it that, not "TrialLens's saved copy of the ClinicalTrials.gov record" (review r51 §8)
        "reconstructed": rec.reconstructed,
        # the expanded-access record this one lists as available: beside a closed trial, a way to the treatment
        "expanded_access": rec.expanded_access_available,
        **budget_wait(lookup),
        # who the trial takes, as related trials carry it (Age.to_dict): beside them, a related trial that takes the
        # same shows no who-line; criteria.at_a_glance says it too, but is null where no criteria could be explained
        "sex": rec.sex, "min_age": rec.min_age.to_dict() if rec.min_age else None,
        "max_age": rec.max_age.to_dict() if rec.max_age else None,
    }


def trial_detail(lookup) -> dict:
    """GET /trials/{id}: the official summary plus the facts a caller most often wants."""
    rec: OfficialRecord = lookup.record

    def date_of(ds):
        return {"date": ds.date, "type": ds.type} if ds else None

    return {
        **official_summary(lookup),
        "official_title": rec.official_title, "acronym": rec.acronym, "study_type": rec.study_type,
        "phases": rec.phases, "enrollment": rec.enrollment, "sponsor": rec.sponsor, "conditions": rec.conditions,
        "start": date_of(rec.start), "primary_completion": date_of(rec.primary_completion),
        "completion": date_of(rec.completion), "first_posted": rec.first_posted,
        "healthy_volunteers": rec.healthy_volunteers,   # (sex and ages are in the summary)
        "history": [{k: v for k, v in h.items() if k != "data"} for h in getattr(lookup, "history", None) or []],
    }
