"""How often TrialLens asks ClinicalTrials.gov, and how long it is told to wait: the client-side rate limit (the
registry publishes no limit headers, so we keep under 50 requests a minute by default) and Retry-After."""

from __future__ import annotations

import math
import re
import threading
import time
from collections import deque
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Callable

from ..errors import RateLimited

_DELTA_SECONDS = re.compile(r"[0-9]+")
# requests a minute a CtgovClient allows itself by default: the whole service's allowance (each worker's), which
# every lookup of every client spends
REGISTRY_RATE = 50


class RateLimiter:
    """At most `max_calls` per `period` seconds (sliding window), shared by threads."""

    def __init__(self, max_calls: int, period: float = 60.0, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.max_calls, self.period = max_calls, period
        self._calls: deque[float] = deque()
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep

    def acquire(self, max_wait: float | None = None) -> float:
        """Wait for a slot; returns how long we waited. RateLimited when the wait would
        exceed `max_wait` (an interactive lookup would rather serve the stored copy)."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                while self._calls and now - self._calls[0] >= self.period:
                    self._calls.popleft()
                if len(self._calls) < self.max_calls:
                    self._calls.append(now)
                    return waited
                delay = self.period - (now - self._calls[0])
            if max_wait is not None and waited + delay > max_wait:
                # (TrialLens's own pace, not ClinicalTrials.gov failing: said so, with the wait; review r19 #2)
                times = f"{self.max_calls} time{'' if self.max_calls == 1 else 's'}"
                exc = RateLimited(f"TrialLens has asked ClinicalTrials.gov {times} in the last "
                                  f"{self.period:.0f} s, its own limit; try again in {max(1, math.ceil(delay))} s",
                                  reason=f"was asked {times} in {self.period:.0f} s by TrialLens, "
                                         "its own limit")
                exc.retry_after = delay   # (the service's 503 sends it as Retry-After: problems.retry_after)
                raise exc
            self._sleep(delay)
            waited += delay


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None for anything else. Only ASCII
    digits are seconds: str.isdigit() also takes "²" or "٣", which float() then refused, and that ValueError was a
    500 on every endpoint."""
    if not value:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


__all__ = ["REGISTRY_RATE", "RateLimiter", "parse_retry_after"]
