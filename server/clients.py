"""Who a request is from, and what it may cost: the rate limit's bucket (client_key) and the per-client budgets of
lookups of trials TrialLens holds no copy of (LookupBudget, charged by charge_lookups).

The request rate limit counts requests; one /status or POST /drift request names up to 100 trials, and each one the
store lacks is asked of ClinicalTrials.gov (one request per batch of 100, more when that fails), whose budget of 50 a
minute the whole service shares; so does every single-trial lookup (/trials/{id} and its parts, an annotated page's
trial, the HTML trial page). So made-up valid ids, different each time, cost without bound (review r19 #2, r39 F3):
the budget counts those ids per client, apart from the rate limit, on every route. In a batch, ids over it are answered
"not checked", with why and when to try again; a single trial over it is a 429 (lookup-budget-used, Retry-After).
An id in a batch costs the registry a hundredth of a request, a single lookup a whole one: within its id budget (1000
an hour) one address could still make the 50 single lookups a minute the service may ask and leave none for anyone else
(audit r39 F3, its drain); so single lookups of unstored trials are also counted per client per minute, at most a fifth
of the service's allowance (TRIALLENS_SINGLE_LOOKUPS), refused the same way past it.
A stored copy too old to serve (or no usable study, whatever its date: Registry.to_ask) is refreshed from
ClinicalTrials.gov, the same request: one client could have every stale stored trial refreshed at no cost to it (svc11,
svc13). A refresh is charged as a lookup of an unstored trial is; past the budget the stored copy is served, marked
stale with why (LookupBudgetUsed.stored), never refused: nothing is lost; one that is no usable study is never served,
and is answered as a trial the store lacks is (svc12).
"""

from __future__ import annotations

import hmac
import math
import time
from dataclasses import dataclass

from flask import current_app, g, has_request_context, request
from flask_limiter.util import get_remote_address
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from scrapers.errors import TrialLensError


def client_key() -> str:
    """Rate-limit bucket: a configured API key when one is sent, else the client address. Only a configured key: a
    made-up X-API-Key header, each value its own budget, let any client past its limit (review r19 #3)."""
    key = request.headers.get("X-API-Key", "")
    keys = current_app.config["TRIALLENS"].api_keys
    return f"key:{key}" if key and known_key(key, keys) else f"ip:{get_remote_address()}"


def known_key(sent: str, keys: frozenset[str]) -> bool:
    return any(hmac.compare_digest(sent.encode(), k.encode()) for k in keys)


class LookupBudgetUsed(TrialLensError):
    """This client's budget of lookups of trials TrialLens holds no copy of is used: the trial was not looked up.
    `retry_after`: seconds until the budget has room again. Not a RegistryError: ClinicalTrials.gov was not asked, and a
    single lookup refused must reach the caller as its 429, not be read as "ClinicalTrials.gov unreachable"."""

    def __init__(self, message: str, retry_after: int, stored: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        # a trial the store holds a stale copy of: not refused, its copy is served stale with this as why (refusals())
        self.stored = stored


@dataclass
class LookupBudget:
    """At most `limit` (e.g. "1000 per hour", a moving window) lookups of unstored trials per client, counted where
    the rate limit's counters live (TRIALLENS_RATE_LIMIT_STORAGE: shared by workers when it is redis). `single`: it
    counts single-trial lookups (a registry request each: TRIALLENS_SINGLE_LOOKUPS), not the ids of every route."""

    limit: str
    storage: str = "memory://"
    single: bool = False

    def __post_init__(self) -> None:
        self._item: RateLimitItem = parse(self.limit)
        self._window = MovingWindowRateLimiter(storage_from_string(self.storage))

    def grant(self, client: str, wanted: int) -> tuple[int, int]:
        """(how many of `wanted` lookups this client may make now, seconds until it may make more when that is fewer).
        Counted as granted; a request that loses a race for the last few gets none rather than more than the budget."""
        if wanted <= 0:
            return 0, 0
        space = "singles" if self.single else "lookups"
        stats = self._window.get_window_stats(self._item, space, client)
        granted = min(wanted, max(0, stats.remaining))
        if granted and not self._window.hit(self._item, space, client, cost=granted):
            granted = 0
        if granted == wanted:
            return granted, 0
        reset = self._window.get_window_stats(self._item, space, client).reset_time
        return granted, max(1, math.ceil(reset - time.time()))

    def refusal(self, wait: int) -> str:
        """Why an id was not looked up, as /status's `notes`, a drift verdict's note and a 429's detail say it."""
        if self.single:
            return (f"not checked: this client has had as many single trials TrialLens holds no copy of looked up on "
                    f"ClinicalTrials.gov as it may ({self.limit}, its share of what the whole service may ask); "
                    f"try again in {wait} s")
        return (f"not checked: this client has looked up as many trials TrialLens holds no copy of as it may "
                f"({self.limit}); try again in {wait} s")

    def unrefreshed(self, wait: int) -> str:
        """Why a stored copy was served without asking ClinicalTrials.gov for today's record (Lookup.note's start)."""
        share = ", its share of what the whole service may ask" if self.single else ""
        return (f"not refreshed: this client has had as many {'single ' if self.single else ''}trials looked up on "
                f"ClinicalTrials.gov as it may ({self.limit}{share}); try again in {wait} s")

    def over(self, nct: str, wait: int, stale: set[str]) -> LookupBudgetUsed:
        """What an id past this budget gets: refused, or for a stale stored copy, that copy served as it is."""
        if nct in stale:
            return LookupBudgetUsed(self.unrefreshed(wait), wait, stored=True)
        return LookupBudgetUsed(self.refusal(wait), wait)


def refusals(charged: dict[str, LookupBudgetUsed]) -> dict[str, LookupBudgetUsed]:
    """The ids charge_lookups refused (not looked up at all), without those whose stale stored copy is served."""
    return {nct: why for nct, why in charged.items() if not why.stored}


def charge_lookups(nct_ids: list[str], held: dict | None = None, *, single: bool = False) -> dict[str, LookupBudgetUsed]:
    """{id: why it is not looked up} for the ids (normalised) over this request's client's budget of lookups of trials
    the store holds no copy of, or a stale copy of (`stored`: that copy is then served, marked stale, and
    ClinicalTrials.gov is not asked; refusals() leaves those out); the others are charged to it. The one gate every route's lookups pass (batches before
    their lookups, Annotator.lookup before each single one): an id charged (or refused) once in a request is not
    charged again by the lookup that follows. Ids the store holds, or ClinicalTrials.gov said a moment ago it has no
    study for, cost nothing; nothing is charged with no budget configured, a registry that cannot say which ids it
    would ask about (a stale copy is charged when it can also say which copies it would refresh: Registry.to_ask), or
    outside a request (the CLI; a batch's lookup threads, whose ids the batch charged).
    `held`: what Annotator.held read of the store for these ids already. `single`: a single-trial lookup (a registry
    request of its own: Annotator.lookup), charged to the client's share of single lookups as well, that one first (a
    lookup it refuses spends none of the id budget)."""
    if not has_request_context():
        return {}
    budgets = [b for b in (current_app.extensions.get("triallens_singles") if single else None,
                           current_app.extensions.get("triallens_budget")) if b is not None]
    registry = current_app.extensions["triallens"].providers.registry
    to_ask, unstored = getattr(registry, "to_ask", None), getattr(registry, "unstored", None)
    if not budgets or (to_ask is None and unstored is None):
        return {}
    ledger: dict[str, LookupBudgetUsed | None] = g.setdefault("triallens_lookups", {})
    new = [nct for nct in dict.fromkeys(nct_ids) if nct not in ledger]
    absent, stale = (to_ask(new, held) if to_ask else (unstored(new, held), [])) if new else ([], [])
    ledger.update(dict.fromkeys(new))
    asked, stale = set(absent) | set(stale), set(stale)
    wanted = [nct for nct in new if nct in asked]   # (in the request's order)
    client = client_key()
    for budget in budgets:
        granted, wait = budget.grant(client, len(wanted))
        ledger.update({nct: budget.over(nct, wait, stale) for nct in wanted[granted:]})
        wanted = wanted[:granted]
    return {nct: why for nct in nct_ids if (why := ledger.get(nct)) is not None}
