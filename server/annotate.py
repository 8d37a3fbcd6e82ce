"""The annotation for one page: what it claims, what ClinicalTrials.gov says, the drift
verdict, plain-English criteria and related trials, assembled from injectable providers.

Caching (per worker, bounded LRU):
- scraped pages by (URL, content hash): a page seen before is not parsed again;
- annotations by (page, NCT id, official record version, today);
- criteria and related trials by (NCT id, record version), shared by every page of a trial.
Registry lookups for the same trial at the same moment are made once (SingleFlight).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable
from urllib.parse import urlsplit

from scrapers import scrape_html
from scrapers.errors import (BadInput, InvalidNctId, NotAskedOffline, RateLimited, RecordNotFound, RegistryError,
                             StoreError, StudyNotFound)
from scrapers.model import PageRecord
from scrapers.nct import normalize_nct_id

from .claimed import claimed_drift
from .drift import about_other_trial, summarize
from .unasked import unreadable_copy, why_not_asked
from .official_json import official_summary
from .official_page import on_official_page
from .providers import Providers, SingleFlight
from .related_words import search_url
from .status_shown import OFFICIAL_HOST

if TYPE_CHECKING:
    from scrapers.registry.freshness import Lookup

    from .clients import LookupBudgetUsed

log = logging.getLogger("triallens.service")

RELATED_IN_ANNOTATION = 5
LOOKUP_THREADS = 8


class UnreadablePage(BadInput):
    """The page body is not readable HTML (empty, binary, not HTML at all)."""


class LRU:
    """A small thread-safe least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
        value = make()
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._data)


def valid_ids(values: Iterable[object]) -> list[str]:
    """The NCT ids among `values`, normalised, each once, in order. Anything that is no NCT id is left out: it is
    its batch item's own error, answered where the item is read."""
    out = []
    for value in values:
        try:
            out.append(normalize_nct_id(value))
        except InvalidNctId:
            continue
    return list(dict.fromkeys(out))


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def not_checked(exc: Exception) -> str:
    """Why a trial whose only saved copy is no usable study was not checked: "not checked: …", once. Over the lookup
    budget, the registry's words start "not refreshed: …" (the budget's words for a copy it would serve), and /status
    said "not checked: not refreshed: …"; the copy was not served, so it is not checked, as an unstored trial's is."""
    return "not checked: " + str(exc).removeprefix("not checked: ").removeprefix("not refreshed: ")


def record_version(lookup) -> tuple:
    """What identifies the official answer an annotation was built from."""
    rec = lookup.record
    return (rec.nct_id, rec.last_update_posted, rec.status, lookup.fetched_at, bool(lookup.stale),
            getattr(lookup, "note", None), getattr(lookup, "content_hash", None))


class Annotator:
    """Builds annotations; one per app, shared by its request threads."""

    def __init__(self, providers: Providers, cache_size: int = 2048) -> None:
        self.providers = providers
        self.pages = LRU(cache_size)
        self.annotations = LRU(cache_size)
        self.per_record = LRU(cache_size)
        self._flight = SingleFlight()
        self._executor: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    # official record ------------------------------------------------------------------
    def lookup(self, nct_id: str):
        """The registry's Lookup; raises InvalidNctId, RecordNotFound, RegistryError, and LookupBudgetUsed for an
        unstored trial over the asking client's budgets (Providers.charge: its ids, and its share of single lookups).
        A stale stored copy over them is served as it is, stale."""
        nct = normalize_nct_id(nct_id)
        # (charged before the shared flight: each client pays for its own lookups; LookupBudgetUsed -> 429)
        refused = self.providers.charge([nct], single=True) if self.providers.charge is not None else {}
        if nct in refused and not refused[nct].stored:
            refused[nct].nct_id = nct   # (the 429 names the trial not looked up: a pasted page's page says which)
            raise refused[nct]
        try:
            if nct in refused:   # (the store only, outside the shared flight: its answer goes to clients within budget)
                return self.over_budget(nct, refused[nct])
            return self._flight.do(("lookup", nct), lambda: self.providers.registry.lookup(nct))
        except (RecordNotFound, NotAskedOffline) as exc:
            exc.nct_id = nct  # a 404 names the trial it is about (the card quotes it)
            raise
        except RateLimited as exc:
            if nct not in refused or not unreadable_copy(exc):
                raise
            # over this client's budget, its saved copy no usable study: refused as a trial with none stored is (429)
            from .clients import LookupBudgetUsed   # (Flask: only where budgets are charged; the CLI loads none)
            over = LookupBudgetUsed(not_checked(exc), refused[nct].retry_after)
            over.nct_id, over.unreadable_copy = nct, exc.unreadable_copy
            raise over from None

    def over_budget(self, nct: str, why: LookupBudgetUsed) -> Lookup:
        """The stored copy of `nct`, served stale without asking ClinicalTrials.gov, `why` (a LookupBudgetUsed) the
        asking client's lookup budget being used; with its retry_after, so that a reader is told when to try again
        (the note says it in words only)."""
        lookup = self.providers.registry.lookup(nct, unasked=str(why))
        budget = getattr(lookup, "reason", None) == "budget"
        return replace(lookup, retry_after=why.retry_after) if budget else lookup

    def lookup_or_why(self, nct_id: str) -> tuple[object | None, RegistryError | None]:
        """(the Lookup, None), or (None, the RegistryError) when no record could be had: why, for the verdict's note
        (TrialLens's own limit is not ClinicalTrials.gov being unreachable)."""
        try:
            return self.lookup(nct_id), None
        except RegistryError as exc:
            log.warning("registry unavailable for %s: %s", nct_id, exc)
            return None, exc

    def lookup_many(self, ids: list[str], unasked: dict | None = None, held: dict | None = None,
                    notes: dict | None = None) -> tuple[dict[str, object], dict[str, str]]:
        """({id: Lookup or None}, {id: why it is None}) for a listing page's badges.

        Why: "not_found" when ClinicalTrials.gov itself has no such trial; "not_checked" when
        it could not be asked (offline mode, or unreachable) and nothing is stored, because a
        trial we could not check must never be badged as not existing; "store_unavailable" when its stored copy cannot be
        read (the others are still answered); "not_checked" also for the ids in `unasked` ({id: LookupBudgetUsed},
        the client's lookup budget is used), which are not looked up, except that one with a stored copy (`stored`)
        gets that copy, stale, without ClinicalTrials.gov being asked. Lookups run side by side (a few threads), so ids
        the store lacks are fetched together. `held`: what held() read of the store for these ids already. A saved copy
        that is no usable study is never served (Registry.lookup): its id is "not_checked", as with none stored
        ("no_status" when it gives no status), and `notes` (when given) gets why: {id: "not checked: …"}."""
        unasked = unasked or {}

        def one(nct: str):
            why = unasked.get(nct)
            if why is not None and not why.stored:
                return None, "not_checked"
            try:   # (in the pool's threads, outside the request: why is passed, not read from the request's charges)
                if why is not None:   # (a stale copy over the budget: from the store alone, so that one which cannot
                    # be read is not_checked below in any thread, not the single lookup's 429 it was in the request's
                    # own thread, a one-id listing; svc13)
                    return self.over_budget(nct, why), None
                return self.lookup(nct), None
            except StudyNotFound:
                return None, "not_found"
            except (RecordNotFound, RegistryError) as exc:
                if not unreadable_copy(exc):
                    return None, "not_checked"
                if notes is not None:
                    notes[nct] = not_checked(exc)
                return None, "not_checked" if getattr(exc, "copy_status", None) else "no_status"
            except StoreError as exc:   # (one damaged row: that id's badge only, not the listing's; r39 F9)
                log.warning("store unavailable for %s: %s", nct, exc)
                return None, "store_unavailable"

        self.prefetch([n for n in ids if n not in unasked], held)
        results = [one(nct) for nct in ids] if len(ids) <= 1 else list(self._pool().map(one, ids))
        lookups = {nct: lk for nct, (lk, _) in zip(ids, results)}
        missing = {nct: why for nct, (_, why) in zip(ids, results) if why}
        return lookups, missing

    def held(self, ids: list[str]) -> dict | None:
        """What the store holds of a request's (valid) ids, each read once (Registry.held), for the lookup budget and
        prefetch() both; None from a registry that cannot say."""
        held = getattr(self.providers.registry, "held", None)
        return held(ids) if held is not None else None

    def prefetch(self, ids: list[str], held: dict | None = None) -> None:
        """One registry request for every id the store lacks or holds stale (a batch: listing badges,
        POST /drift), so the lookups after it are local. Best effort; a registry without it is fine.
        `held`: what held() read of the store for these ids already."""
        prefetch = getattr(self.providers.registry, "prefetch", None)
        valid = valid_ids(ids)
        if prefetch is not None and len(valid) > 1:
            prefetch(valid, **({"held": held} if held is not None else {}))

    def _pool(self) -> ThreadPoolExecutor:
        with self._pool_lock:   # made on first use: after a pre-forking server has forked
            if self._executor is None:
                self._executor = ThreadPoolExecutor(LOOKUP_THREADS, thread_name_prefix="triallens-lookup")
            return self._executor

    # pieces -----------------------------------------------------------------------------
    def scrape(self, html: str, url: str | None) -> tuple[str, PageRecord]:
        """(page key, PageRecord); raises BadInput / NoTrialFound. Pages are cached by content."""
        h = hashlib.sha256()
        h.update((url or "").encode("utf-8", "surrogatepass"))
        h.update(b"\0")
        h.update(html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html)
        key = h.hexdigest()
        return key, self.pages.get_or_make(("page", key), lambda: scrape_html(html, url))

    def drift(self, page: PageRecord, lookup, read: bool = False, error: Exception | None = None,
              by: str | None = None) -> dict:
        """`read`: the page was read from its HTML (drift.summarize); `error`: with no lookup, why there is none; `by`:
        who made a claim no page was read for ("person", "caller"; claimed.py), so the findings say it as theirs."""
        if lookup is None:   # (a registry set to work offline never asked: the note says so, not "could not get")
            return claimed_drift(summarize(page, None, [], why=why_not_asked(
                bool(getattr(self.providers.registry, "offline", False)), error), by=by,
                unreadable=unreadable_copy(error)), page, by)
        copy_as_of = getattr(lookup, "copy_as_of", None)
        findings = self.providers.reconcile(page, lookup.record, self.providers.today(),
                                            history=getattr(lookup, "history", None), copy_as_of=copy_as_of)
        # (a demo record rebuilt from pages is named as that, not as a saved copy: summarize does it for every caller)
        drift = summarize(page, lookup.record, findings, copy_as_of, why=lookup.stale_reason, read=read, by=by)
        return claimed_drift(drift, page, by)

    def criteria(self, lookup) -> dict | None:
        """Plain-English criteria, or None when that part is not available for this record."""
        explain = self.providers.explain
        if explain is None or lookup is None:
            return None
        return self.per_record.get_or_make(("criteria", record_version(lookup)),
                                           lambda: explain(lookup.record).to_dict())

    def related(self, lookup, k: int = RELATED_IN_ANNOTATION, statuses: list[str] | None = None) -> list[dict] | None:
        """Related trials as dicts; None when related trials are not available at all."""
        fn = self.providers.related
        if fn is None or lookup is None:
            return None
        # (with today: a related trial's "may have ended" is read against today's date, and a worker runs for days)
        key = ("related", record_version(lookup), k, tuple(statuses or ()), self.providers.today())
        return self.per_record.get_or_make(key, lambda: [_as_dict(r) for r in fn(lookup.record, k, statuses)])

    @staticmethod
    def related_reason(lookup, found: list | None) -> str | None:
        """Why `found` (related(lookup)) is empty when no status would help: "nothing_to_match", the record names
        nothing to match on (related.related_reason); None otherwise, and for related trials not looked up (None)."""
        if found is None or lookup is None:
            return None
        from .related import related_reason   # (sqlite and the index: only where related trials are served)
        return related_reason(lookup.record, found)

    @staticmethod
    def search_url(lookup, found: list | None) -> str | None:
        """With no related trial found ([]), ClinicalTrials.gov's search for open trials of the record's condition: the
        way on from a closed trial TrialLens knows nothing like (review r26 #4); None otherwise."""
        if found != [] or lookup is None:
            return None
        return search_url(lookup.record.conditions)

    # the annotation ---------------------------------------------------------------------
    def annotate(self, html: str, url: str | None, official_site: bool | None = None) -> dict:
        """The Annotation (CONTRACTS.md) for a page. Raises UnreadablePage, NoTrialFound,
        RecordNotFound; a registry that cannot be reached with nothing stored gives
        official null and the verdict "could_not_check". `official_site`: the page is ClinicalTrials.gov's own
        (None: judged by `url`)."""
        return self.annotate_encoded(html, url, official_site)[0]

    def annotate_encoded(self, html: str, url: str | None, official_site: bool | None = None) -> tuple[dict, bytes]:
        """(annotation, its JSON): a page seen before costs a hash, a registry lookup and
        a cache hit, not a fresh serialization of a record's worth of criteria. `official_site` as for annotate."""
        try:
            page_key, page = self.scrape(html, url)
        except BadInput as exc:
            raise UnreadablePage(str(exc)) from None
        if official_site is None:   # (the extension sends the tab's address: on ClinicalTrials.gov, its own page)
            official_site = bool(url and OFFICIAL_HOST.match(urlsplit(url).hostname or ""))
        lookup, why = self.lookup_or_why(page.nct_id)
        if lookup is None:
            return _encoded(self._build(page, None, why=why))
        key = ("annotation", page_key, record_version(lookup), self.providers.today(), official_site)
        return self.annotations.get_or_make(key, lambda: _encoded(self._build(page, lookup, read=True,
                                                                              official_site=official_site)))

    def annotate_claim(self, page: PageRecord, lookup, why: Exception | None = None, by: str = "person") -> dict:
        """The annotation for what a page says, given as a PageRecord (no HTML to read),
        against `lookup` (None: the official record is unavailable, `why`); `by`: who gave it (claimed.BY)."""
        return self._build(page, lookup, why=why, by=by)

    def _build(self, page: PageRecord, lookup, read: bool = False, why: Exception | None = None,
               by: str | None = None, official_site: bool = False) -> dict:
        """`read`: the page was read from its HTML (not a claim a caller states), so a part TrialLens found nothing of
        (its eligibility criteria) can be said to be unchecked; `why`: with no lookup, why there is none; `by`: who
        made a claim no page was read for (claimed.py); `official_site`: the page is ClinicalTrials.gov's own, so it is
        not compared, and only the record's own findings are said (official_page.on_official_page)."""
        drift = self.drift(page, lookup, read=read, error=why, by=by)
        # a page about another trial than its number's (reconcile.identity): that record's criteria and related trials
        # would be shown as this page's trial's
        other = about_other_trial(drift)
        if official_site and lookup is not None and not other:
            drift = on_official_page(drift, getattr(lookup, "copy_as_of", None))
        related = None if other else _guarded("related", lambda: self.related(lookup))
        out = {
            "nct_id": page.nct_id,
            "page": page.to_dict(),
            "official": official_summary(lookup) if lookup is not None else None,
            "drift": drift,
            "criteria": None if other else _guarded("criteria", lambda: self.criteria(lookup)),
            # null when related trials were not looked up or could not be had (a page about another trial, none served
            # here, no record, a failure): the card and the page then say nothing, where an empty list says "none open"
            # (review r16 §12); null, as criteria, for another trial's page: [] read "none open" to a caller (r19 #4)
            "related": related,
            "generated_at": now_iso(),
        }
        reason = self.related_reason(lookup, related)
        if reason:   # (why [] is no "none open": the page and the card say so; absent otherwise)
            out["related_reason"] = reason
        search = self.search_url(lookup, related)
        if search:   # (absent where trials were found, or not looked up)
            out["search_url"] = search
        return out


def _encoded(annotation: dict) -> tuple[dict, bytes]:
    return annotation, json.dumps(annotation, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _as_dict(item) -> dict:
    return item if isinstance(item, dict) else item.to_dict()


def _guarded(what: str, fn: Callable[[], Any]) -> Any:
    """An optional part of the annotation that fails is left out (and logged as the bug it
    is), so a reader still sees the drift check rather than an error."""
    try:
        return fn()
    except Exception:
        log.exception("building %s failed; left out of the annotation", what)
        return None
