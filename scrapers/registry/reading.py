"""Reading one registry answer within a deadline and a size cap: requests' timeout is per read, so a registry
trickling its answer held a lookup of TRIALLENS_LOOKUP_TIMEOUT 3 s for 16 s, and a 400 MB answer was read, parsed
and stored whole (audit r39 F2)."""

from __future__ import annotations

import time

import requests
import urllib3

from ..errors import MalformedResponse

MIN_ATTEMPT = 0.05   # seconds: with less left before a deadline, another attempt could not get an answer
# The most of one answer that is read. The largest real record (shared corpus of 8,727) is 0.7 MB of compact JSON and
# its 1,000 largest records together, a full page of `sync`, 19 MB; 64 MB is 3x that.
MAX_ANSWER_BYTES = 64 * 1024 * 1024
_CHUNK = 64 * 1024


class StillArriving(Exception):
    """The deadline passed while an answer was still being read."""


def read_body(resp: requests.Response, until: float | None, timeout: float | tuple[float, float],
              max_bytes: int = MAX_ANSWER_BYTES) -> None:
    """Read the whole body of a streamed `resp` into it (its .content, .json()), over by `until` and at most
    `max_bytes` (MalformedResponse past it; StillArriving at the deadline). Each read waits only what is left (the
    socket's timeout is cut to it)."""
    read_timeout = max(timeout) if isinstance(timeout, tuple) else timeout
    body = bytearray()
    try:
        while True:
            if until is not None:
                left = until - time.monotonic()
                if left <= 0:
                    raise StillArriving()
                _cut_timeout(resp, min(read_timeout, left))
            try:
                chunk = resp.raw.read1(_CHUNK, decode_content=True)
            except urllib3.exceptions.ReadTimeoutError:
                if until is not None and time.monotonic() + MIN_ATTEMPT >= until:
                    raise StillArriving() from None   # (cut at the deadline, not by the read timeout)
                raise
            if not chunk:
                break
            body += chunk
            if len(body) > max_bytes:
                raise MalformedResponse(f"{resp.url}: an answer of more than {size_words(max_bytes)}, "
                                        "not read further (a real record is under 1 MB)")
    except BaseException:
        resp.close()
        raise
    resp._content, resp._content_consumed = bytes(body), True   # (as requests does when not streaming)


def size_words(n: int) -> str:
    """A size limit in bytes as people read it, rounded and in its own unit: 64 * 1024 * 1024 as "64 MiB" (it was said
    "67.1089 MB"; review r56 F9), 2.5 MiB as "2.5 MiB", 512 KiB as "512 KiB", 100 as "100 bytes"."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{round(n / size, 1):g} {unit}"
    return f"{n} bytes"


def _cut_timeout(resp: requests.Response, seconds: float) -> None:
    """Cut the timeout of the socket an answer is read from to the time left. Where urllib3 or http.client keep it
    elsewhere (or have closed it: the whole answer is in), the deadline is checked between reads only."""
    fp = getattr(getattr(resp.raw, "_fp", None), "fp", None)
    sock = getattr(getattr(fp, "raw", None), "_sock", None)
    try:
        sock.settimeout(seconds)
    except (AttributeError, OSError):
        pass
