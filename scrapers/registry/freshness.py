"""The freshness policy: one lookup answers from the store or the registry, and says which.

- stored copy younger than the TTL (default 24 h): served as is;
- older: refreshed from ClinicalTrials.gov (the change, if any, goes to history);
- registry unreachable or erroring: the stored copy, marked stale, with its fetched_at
  and the reason; nothing stored is ever dropped because the registry misbehaved;
- offline mode: the store only, never a network call.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from datetime import datetime, timedelta, timezone

from ..errors import NotAskedOffline, RateLimited, RegistryError, RegistryUnavailable, StoreError, StudyNotFound
from ..timestamps import moment, utc_moment
from ..nct import normalize_nct_id
from .client import CtgovClient, down_reason
from .lookup import UNDATED, Lookup  # noqa: F401  (re-exported)
from .store import DamagedCopy, Incoming, Store, StoreBusy, utc_now
from .usable import client_limited, no_usable_copy, retry_after_pause
from .verdicts import UNKNOWN, Verdicts

log = logging.getLogger(__name__)

DEFAULT_TTL = timedelta(hours=24)
# how far in the future a stored copy's date may be and still be believed (clocks of two machines disagree a little);
# a copy dated later than that is not fresh, and its date is not given (a typo such as 2030 for 2020 kept one
# "current" for years, and ClinicalTrials.gov was never asked)
CLOCK_SKEW = timedelta(minutes=5)
# How long ClinicalTrials.gov's "no such study" (its 404, or an id absent from a complete answer to a search by ids)
# is believed without asking again. Every request spends the service-wide budget of 50 a minute: a listing with 60
# mistyped or withdrawn ids, sent again, used it all up, and everyone else's lookups got stale copies or 503s (review
# r19 #2). Short, so that a trial registered meanwhile is found within minutes; an id found since is forgotten at once.
NOT_FOUND_TTL = 300.0
NOT_FOUND_MAX = 20_000   # ids remembered at most (hostile ids must not grow a worker's memory without end)
# How long a lookup's write waits for another writer (`triallens ingest` holds the store for its whole transaction):
# someone is waiting on the answer, which is good without being saved (it used to wait the store's 30 s, past the
# extension's 20 s: audit r39 F5). CLI ingest and sync keep the store's long wait.
WRITE_WAIT = 2.0


def _age(fetched_at: str, now: datetime) -> timedelta:
    then = utc_moment(fetched_at)
    return timedelta.max if then is None else now - then


def _current(fetched_at: str, now: datetime, ttl: timedelta) -> bool:
    """Dated within the TTL, and not in the future (a negative age passed for fresh)."""
    return -CLOCK_SKEW <= _age(fetched_at, now) <= ttl


def _future(fetched_at: str, now: datetime) -> bool:
    """A date after now: nothing can have been fetched then, so the date says nothing."""
    age = _age(fetched_at, now)
    return age != timedelta.max and age < -CLOCK_SKEW


class Registry:
    """Store + client + policy. `lookup(nct_id) -> Lookup`."""

    def __init__(self, store: Store, client: CtgovClient | None = None, ttl: timedelta | float = DEFAULT_TTL,
                 offline: bool = False, *, cooldown: float = 60.0, not_found_ttl: float = NOT_FOUND_TTL,
                 clock=time.monotonic, write_wait: float = WRITE_WAIT):
        self.store = store
        self.write_wait = write_wait
        self.client = client
        self.ttl = ttl if isinstance(ttl, timedelta) else timedelta(seconds=ttl)
        self.offline = offline or client is None
        self.cooldown = cooldown  # after the registry failed, don't wait on it again for this long
        self._down_until = 0.0
        self._down_reason = ""
        self.not_found_ttl = not_found_ttl
        self._clock = clock
        self._missing: dict[str, tuple[float, str]] = {}   # id asked -> (believed until, how the registry said so)
        self._missing_lock = threading.Lock()
        self.verdicts = Verdicts()   # (whether a stored copy is a usable study: judged once per content)

    # "no such study", remembered briefly ----------------------------------------------------
    def _remember_missing(self, ids, how: str) -> None:
        with self._missing_lock:
            now = self._clock()
            for nct in ids:
                self._missing.pop(nct, None)   # (to the end: entries stay in the order they expire)
                self._missing[nct] = (now + self.not_found_ttl, how)
            for nct in list(self._missing):   # expired ones first, then the oldest past the cap
                if self._missing[nct][0] > now and len(self._missing) <= NOT_FOUND_MAX:
                    break
                del self._missing[nct]

    def _forget_missing(self, *ids: str | None) -> None:
        with self._missing_lock:
            for nct in ids:
                self._missing.pop(nct, None)

    def _known_missing(self, nct: str) -> str | None:
        """How ClinicalTrials.gov said it has no study `nct`, if it said so within not_found_ttl; else None."""
        with self._missing_lock:
            entry = self._missing.get(nct)
            if entry is None:
                return None
            if entry[0] <= self._clock():
                del self._missing[nct]
                return None
            return entry[1]

    def _fresh(self, stored, now: datetime) -> bool:
        """A stored copy young enough to serve without asking ClinicalTrials.gov. A bundled fixture never is: it was
        reconstructed from captured pages, and one with no date in it was stamped when it was seeded (the card read
        "In sync with ClinicalTrials.gov … checked 2 minutes ago" offline, when nobody had asked), nor one dated in
        the future."""
        return (stored is not None and stored.origin != "fixture" and stored.dated
                and _current(stored.fetched_at, now, self.ttl)
                and self._unusable(stored) is None)   # (junk an older TrialLens let in: asked again)

    def _unusable(self, stored) -> str | None:
        """usable.unusable of a stored copy, judged once per content (verdicts.py: by its content_hash)."""
        return self.verdicts.of(stored.content_hash, stored.record.data)

    def _note_failure(self, exc: RegistryError) -> None:
        """Unreachable (not merely our own rate limit): spare the next lookups the wait for a while."""
        if isinstance(exc, RegistryUnavailable) and not isinstance(exc, RateLimited):
            # (what went wrong, not the address asked: it is said for the other trials looked up while cooling down)
            self._down_until, self._down_reason = time.monotonic() + self.cooldown, down_reason(exc)

    def _asks(self) -> bool:
        """Whether a lookup now may ask ClinicalTrials.gov: not offline, nor paused after a failure."""
        return not self.offline and time.monotonic() >= self._down_until

    def held(self, nct_ids: list[str]) -> dict[str, tuple[str, str | None] | None]:
        """{id (canonical, each once): (current id, fetched_at) of its stored copy, or None}: each id's row read once
        for a request, then handed to unstored() (the client's lookup budget) and prefetch() (the batch refresh), which
        read the store again only for an id not in it. {} when nothing would be asked (offline, or paused)."""
        if not self._asks():
            return {}
        return self._rows(nct_ids, None, datetime.now(timezone.utc))

    def _rows(self, nct_ids: list[str], held: dict | None, now: datetime) -> dict[str, tuple[str, str | None] | None]:
        """held() for `nct_ids`, taking what `held` already read."""
        held = held or {}
        return {nct: held[nct] if nct in held else self._row(nct, now)
                for nct in dict.fromkeys(normalize_nct_id(n) for n in nct_ids)}

    def _row(self, nct: str, now: datetime) -> tuple[str, str | None] | None:
        """(current id, fetched_at) of the stored copy, None when none is; fetched_at None when lookup() would ask
        about the copy whatever its date (undated, a bundled fixture, no usable study: not _fresh), so that the
        client's budget and the batch refresh count exactly the copies lookup() refreshes. A copy dated within the TTL was
        counted fresh by its date alone, though lookup() asks about one that is no usable study: that refresh cost the
        client nothing (svc13). Only such a copy's record is read (_fresh decides), and only while its content has not
        been judged (verdicts.py: judged once, by the content hash read with its date)."""
        facts = self.store.copy_facts(nct)
        if facts is None or facts.fetched_at is None or not _current(facts.fetched_at, now, self.ttl):
            return facts[:2] if facts else None
        row, stale = (facts.nct_id, facts.fetched_at), (facts.nct_id, None)
        verdict = self.verdicts.known(facts.content_hash)
        if facts.origin == "fixture" or verdict is UNKNOWN:   # (a bundled fixture is never fresh: _fresh)
            try:
                return row if self._fresh(self.store.get_stored(facts.nct_id), now) else stale
            except DamagedCopy:   # (asked about again: lookup() mends it with the answer)
                return stale
        return row if verdict is None else stale

    def unstored(self, nct_ids: list[str], held: dict | None = None) -> list[str]:
        """The ids among `nct_ids` a lookup would ask ClinicalTrials.gov about and the store holds no copy of: to_ask()'s
        first list."""
        return self.to_ask(nct_ids, held)[0]

    def to_ask(self, nct_ids: list[str], held: dict | None = None, *,
               now: datetime | None = None) -> tuple[list[str], list[str]]:
        """(unstored, stale): the ids among `nct_ids` (canonical, each once) a lookup would ask ClinicalTrials.gov about,
        those the store holds no copy of (neither stored, nor as an alias, nor remembered as not found) and those whose
        stored copy it would refresh (too old, or undated; not one ClinicalTrials.gov said a moment ago it no longer
        has). Each costs a registry request: what the service's per-client budget counts (made-up ids, review r19 #2;
        a refresh of every stale stored trial cost a client nothing, svc11). ([], []) offline or while paused after a
        failure: none asked. `held`: what held() read of them already."""
        if not self._asks():
            return [], []
        now = now or datetime.now(timezone.utc)
        unstored, stale = [], []
        for nct, row in self._rows(nct_ids, held, now).items():
            if row is None:
                if not self._known_missing(nct):
                    unstored.append(nct)
            elif self._stale_row(row, now) and not self._known_missing(row[0]):
                stale.append(nct)
        return unstored, stale

    def _stale_row(self, row: tuple[str, str | None], now: datetime) -> bool:
        """A held() row (current id, fetched_at or None when undated) whose copy is refreshed before it is served."""
        return row[1] is None or not _current(row[1], now, self.ttl)

    def prefetch(self, nct_ids: list[str], *, now: datetime | None = None, held: dict | None = None) -> int:
        """Refresh, in ONE request, the ids the store lacks or holds stale (a listing page's badges:
        one call instead of one per trial, within ClinicalTrials.gov's and our own rate limits).
        Best effort: on any registry error nothing changes and each lookup() then does as it
        always does. Returns how many records were stored. `held`: what held() read of them already."""
        if not self._asks():
            return 0
        now = now or datetime.now(timezone.utc)
        wanted = []
        for nct, stored in self._rows(nct_ids, held, now).items():   # (lookup() reads the record next)
            if stored is None or self._stale_row(stored, now):
                asked = stored[0] if stored else nct
                if not self._known_missing(asked):   # (said a moment ago: lookup() answers it without asking)
                    wanted.append(asked)
        if len(wanted) < 2:
            return 0   # one trial: lookup() asks for it itself (and follows an alias redirect)
        try:
            page = self.client.get_studies_page(wanted)
        except RegistryError as exc:
            self._note_failure(exc)
            log.info("batch refresh of %d ids failed (%s); looking them up one by one", len(wanted), exc)
            return 0
        asked = set(wanted)
        # only the trials asked about (or a record listing one as its alias), as lookup() refuses another trial's
        # record: an extra study in the answer was stored and served for the TTL (audit r39 F7)
        records = [r for r in page.records if r.nct_id in asked or asked.intersection(r.aliases)]
        fetched_at = utc_now()
        alias_of = {a: r.nct_id for r in records for a in r.aliases if a in asked and a != r.nct_id}
        answered = {r.nct_id for r in records} | {a for r in records for a in r.aliases}
        self._forget_missing(*answered)
        if page.next_page_token is None and not page.rejected:
            # a complete answer: an id in it neither as a study nor as an alias is one ClinicalTrials.gov has no study
            # for, as its 404 for that id would say; not asked again one by one (review r19 #2: 48 single requests)
            self._remember_missing(asked - answered, "not in its answer to a search by id")
        try:
            self.store.put_many([Incoming(r, fetched_at, "registry") for r in records], alias_of=alias_of or None,
                                wait=self.write_wait)
        except (sqlite3.Error, StoreError) as exc:
            log.warning("batch refresh not saved to the local store: %s", exc)
            return 0
        return len(records)

    def _newer_than_answer(self, fetched, nct: str) -> Lookup | None:
        """The stored copy, when ClinicalTrials.gov just answered with an older version of it (an earlier last update
        posted: a lagging mirror or cache). The store keeps the newer copy; serving the older answer as today's record
        flipped a trial to WITHDRAWN and back with each lookup (audit r39 F4). Not stale: nothing newer is known."""
        stored = self.store.get_stored(fetched.record.nct_id)
        if stored is None:
            return None
        said, saved = fetched.record.last_update_posted, stored.record.last_update_posted or "no date"
        requested = fetched.alias or (nct if nct != stored.record.nct_id else None)
        history = self.store.history(stored.record.nct_id)
        if not said:   # an answer with no date vouches for nothing: the saved copy is shown as what it is (review r59 F4)
            note = ("ClinicalTrials.gov answered with a copy of this record that gives no last update date, so it is "
                    f"not known to be newer than the saved copy (last update posted {saved}), which is shown")
            return Lookup(stored.record, stored.fetched_at, True, "store", history, note, requested, stored.dated,
                          "unreachable")
        note = (f"ClinicalTrials.gov answered with an older version of this record (last update posted {said}) than "
                f"the saved copy (last update posted {saved}), so the saved copy is shown")
        return Lookup(stored.record, stored.fetched_at, False, "store", history, note, requested, stored.dated)

    def lookup(self, nct_id: str, *, now: datetime | None = None, unasked: str | None = None) -> Lookup:
        """The official record for `nct_id`. Raises InvalidNctId, RecordNotFound (no such
        trial, or offline and not stored), RegistryError (unreachable and nothing stored).
        `unasked`: why ClinicalTrials.gov may not be asked about it now (the asking client's lookup budget is spent): a
        stored copy it would refresh is served stale ("budget") with that as its note; with none stored, RateLimited.
        A stored copy that is no usable study is never served: with ClinicalTrials.gov not asked, or failing, the
        lookup raises what it raises with nothing stored, saying the copy cannot be read (usable.no_usable_copy)."""
        nct = normalize_nct_id(nct_id)
        now = now or datetime.now(timezone.utc)
        try:
            stored, damaged = self.store.get_stored(nct), None
        except DamagedCopy as exc:   # asked about as if nothing were stored; a usable answer mends it (review r58 F3)
            stored, damaged = None, exc
            if self.offline or unasked or time.monotonic() < self._down_until:
                raise
        requested = nct if stored and stored.record.nct_id != nct else None
        dated = bool(stored and stored.dated and not _future(stored.fetched_at, now))  # a future date is no date
        # a stored copy no usable study (one an older TrialLens let in: a minimumAge of 18 as a number, no status) is
        # asked about again (_fresh), and never served in place of ClinicalTrials.gov's answer: it was served as the
        # saved copy, "In sync" with its ages not compared (svc11). Kept in the store; a usable answer replaces it.
        unreadable = self._unusable(stored) if stored is not None else None

        def from_store(stale: bool, note: str | None, gone: bool = False, busy: bool = False,
                       budget: bool = False) -> Lookup:
            reason = (None if not stale else "gone" if gone else "offline" if self.offline else "budget" if budget
                      else "busy" if busy else "unreachable")
            if unreadable:   # (what went wrong, without the copy it would have shown; when it is asked again)
                raise retry_after_pause(no_copy(reason or "unreachable", (note or "").split("; showing the ")[0]),
                                        self._down_until)
            return Lookup(stored.record, stored.fetched_at, stale, "store", self.store.history(stored.record.nct_id),
                          note, requested, dated, reason)

        def no_copy(reason: str, why: str | None) -> Exception:   # (the stored copy is no usable study)
            return no_usable_copy(nct, unreadable, reason, why, stored.record.status)

        def copy() -> str:
            # (a demo record TrialLens rebuilt from aggregator pages is no fetched copy: named as what it is, as every
            # other surface names it; review r55 F4)
            name, verb = ("demo record rebuilt from aggregator pages", "dated") if stored.record.reconstructed \
                else ("saved copy", "fetched")
            return f"{name} {verb} {moment(stored.fetched_at)}" if dated else f"{name} (its date is not known)"

        if self._fresh(stored, now):
            return from_store(False, None)
        if self.offline:
            if stored is None:
                raise NotAskedOffline(f"{nct} is not in the local store (offline mode: ClinicalTrials.gov not asked)")
            return from_store(True, f"offline mode: {copy()}")
        # (a damaged row's own id: asked by a retired id, that id's 404 said "unknown trial" of one the store holds; r59)
        asked = stored.record.nct_id if stored else damaged.nct_id if damaged else nct
        missing = self._known_missing(asked)
        if missing:   # ClinicalTrials.gov said so a moment ago: not asked again (NOT_FOUND_TTL)
            if stored is None:
                raise StudyNotFound(f"ClinicalTrials.gov has no study {nct}")
            return from_store(True, f"ClinicalTrials.gov no longer returns this study ({missing}); showing the {copy()}",
                              gone=True)
        if unasked:   # (not ClinicalTrials.gov failing: the caller's own limit, as RateLimited says TrialLens's)
            if stored is None:
                raise client_limited(RateLimited(unasked, reason=unasked))
            return from_store(True, f"{unasked}; showing the {copy()}", budget=True)
        if time.monotonic() < self._down_until:
            # (the trial asked about, not the one whose request failed: review round 12d, P7)
            why = f"ClinicalTrials.gov was not asked about {nct}, because a moment ago it {self._down_reason}"
            if stored is None:
                exc = RegistryError(f"{why}, and {nct} is not stored")
                exc.retry_after = self._down_until - time.monotonic()   # (when it will be asked again: Retry-After)
                raise exc
            return from_store(True, f"{why}; showing the {copy()}")
        try:
            fetched = self.client.get_study(asked)
        except StudyNotFound:
            self._remember_missing([asked], "HTTP 404")
            if stored is None:
                raise
            return from_store(True, "ClinicalTrials.gov no longer returns this study (HTTP 404); "
                                    f"showing the {copy()}", gone=True)
        except RegistryError as exc:
            self._note_failure(exc)
            if damaged is not None:   # (the store's fault for this trial, not only the registry's)
                raise damaged from exc
            if stored is None:
                if time.monotonic() < self._down_until and getattr(exc, "retry_after", None) is None:
                    exc.retry_after = self._down_until - time.monotonic()   # (not asked again before then)
                raise
            if unreadable:   # (as with nothing stored: its own kind, and when to ask again)
                busy = isinstance(exc, RateLimited)
                out = no_copy("busy" if busy else "unreachable", f"could not refresh: {exc}")
                out.retry_after = getattr(exc, "retry_after", None)
                raise retry_after_pause(out, self._down_until) from None
            return from_store(True, f"could not refresh: {exc}; showing the {copy()}", busy=isinstance(exc, RateLimited))
        self._forget_missing(asked, fetched.record.nct_id)
        note = None
        try:
            # (only the damaged row itself: an answer naming another trial, the one it was merged into, goes by the
            # rules for older copies, or a lagging answer replaced that trial's newer copy; review r59 F1)
            mends = damaged is not None and fetched.record.nct_id == damaged.nct_id
            written = self.store.put_many([Incoming(fetched.record, fetched.fetched_at, "registry", mends=mends)],
                                          alias_of={fetched.alias: fetched.record.nct_id} if fetched.alias else None,
                                          wait=self.write_wait)
        except StoreBusy as exc:   # the answer is still good; say it was not kept, and why
            log.warning("lookup of %s not saved: %s", nct, exc)   # (the store's path is the operator's: review r58 F9)
            note = "fetched from ClinicalTrials.gov just now, but this copy was not saved: the local store was busy"
        except (sqlite3.Error, StoreError) as exc:  # the answer is still good; say it was not kept
            log.warning("lookup of %s not saved: %s", nct, exc)
            note = "fetched from ClinicalTrials.gov but not saved to the local store (a fault in the store)"
        else:
            if written.older:
                newer = self._newer_than_answer(fetched, nct)
                if newer is not None:
                    return newer
        history = self.store.history(fetched.record.nct_id)
        return Lookup(fetched.record, fetched.fetched_at, False, "registry", history, note,
                      fetched.alias or (nct if nct != fetched.record.nct_id else None))

