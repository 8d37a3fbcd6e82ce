"""Registry failure notes read as sentences (review r56 F9).

After a failure, lookups for the next minute say "ClinicalTrials.gov was not asked about NCT…, because a moment ago it "
+ the failure's reason. A 404 that was not the API's own answer gave a whole clause as its reason: "…because a moment
ago it an address under http://…/api/v2 answered HTTP 404 …"; and its question mark read "…(TRIALLENS_CTGOV_URL)?;
showing the saved copy". A size limit of 64 MiB was said "more than 67.1089 MB". Every reason that can follow "a moment
ago it" is made here by the fault that makes it (CtgovClient's only RegistryUnavailable: each one passes a reason,
checked in the source), and each note is checked whole.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from fake_ctgov import FakeCtgov, fast_client
from scrapers.errors import RegistryError, RegistryUnavailable
from scrapers.official import OfficialRecord
from scrapers.registry import Registry
from scrapers.registry.reading import MAX_ANSWER_BYTES
from scrapers.registry.store import Store
from tests.service_support import BUNDLED, record

ROOT = Path(__file__).resolve().parents[1]
A, B, C = "NCT07232563", "NCT07000001", "NCT07000002"   # stored, stored, never stored
COPIED = "2025-11-18T00:00:00Z"
SHOWING = "; showing the saved copy fetched 18 Nov 2025"


def _reads_as_sentence(note: str) -> None:
    """What follows "a moment ago it" is said of ClinicalTrials.gov (a verb), and no question ends mid-note."""
    after = note.split("because a moment ago it ", 1)[1] if "a moment ago it " in note else None
    if after is not None:
        assert re.match(r"(was|did|asked|could) ", after), note
    assert not re.search(r"\?[;,]|it (an|http|ClinicalTrials)\b|\d\.\d{3,} MB", note), note


def _registry(tmp_path, client) -> Registry:
    store = Store(tmp_path / "s.sqlite3")
    store.put(OfficialRecord(BUNDLED), fetched_at=COPIED, origin="registry")
    store.put(record(B), fetched_at=COPIED, origin="registry")
    return Registry(store, client, ttl=0)


def _notes(reg: Registry) -> tuple[str, str, str]:
    """(the failing lookup's note, the next stored trial's, the error for a trial not stored)."""
    first = reg.lookup(A)
    assert first.stale and first.stale_reason == "unreachable", first.note
    second = reg.lookup(B)
    assert second.stale
    with pytest.raises(RegistryError) as none:
        reg.lookup(C)
    return first.note, second.note, str(none.value)


def _said(reason: str) -> tuple[str, str]:
    return (f"ClinicalTrials.gov was not asked about {B}, because a moment ago it {reason}{SHOWING}",
            f"ClinicalTrials.gov was not asked about {C}, because a moment ago it {reason}, and {C} is not stored")


@pytest.fixture
def fake():
    server = FakeCtgov([BUNDLED]).start()
    yield server
    server.stop()


def test_a_404_that_is_not_the_apis_own_reads_as_a_sentence(tmp_path, fake):
    base = fake.base_url
    fake.faults.append("404")
    first, second, none = _notes(_registry(tmp_path, fast_client(base)))
    hint = f"{base} may not be the API v2 address: see TRIALLENS_CTGOV_URL"
    assert first == (f"could not refresh: {base}/studies/{A}?format=json answered HTTP 404 without saying that "
                     f"ClinicalTrials.gov has no such study ({hint}){SHOWING}")
    assert (second, none) == _said(f"was not found at {base}, which answered HTTP 404 without saying that it has no "
                                   f"such study ({hint})")
    for note in (first, second, none):
        _reads_as_sentence(note)


def test_the_same_404_to_a_listings_batch_reads_as_a_sentence(tmp_path, fake):
    """The /status batch refresh (a search by ids) fails the same way, and the lookups after it say so."""
    base = fake.base_url
    fake.faults.append("404")
    reg = _registry(tmp_path, fast_client(base))
    assert reg.prefetch([A, B]) == 0
    note = reg.lookup(B).note
    assert note == _said(f"was not found at {base}, which answered HTTP 404 without saying that it has no such study "
                         f"({base} may not be the API v2 address: see TRIALLENS_CTGOV_URL)")[0]
    _reads_as_sentence(note)


@pytest.mark.parametrize("faults,kw,reason", [
    (["503"] * 3, {}, "was unavailable after 3 attempts (HTTP 503)"),
    (["429:500"], {}, "asked us to wait 500 s (HTTP 429)"),
    (["slow:2"] * 3, {"timeout": (1.0, 0.2)}, "was unavailable after 3 attempts (no answer within 1 s)"),
    (["slow:2"], {"deadline": 0.5, "timeout": (1.0, 1.0)}, "did not answer within 0.5 s (1 attempt)"),
    (["drip:0.2:20"], {"deadline": 0.5}, "did not answer within 0.5 s (1 attempt, the last: its answer was still "
                                         "arriving)"),
])
def test_every_reason_the_client_gives_reads_after_a_moment_ago_it(tmp_path, fake, faults, kw, reason):
    fake.faults.extend(faults)
    first, second, none = _notes(_registry(tmp_path, fast_client(fake.base_url, **kw)))
    assert first.startswith("could not refresh: ClinicalTrials.gov ") and first.endswith(SHOWING), first
    assert (second, none) == _said(reason)
    for note in (first, second, none):
        _reads_as_sentence(note)


def test_a_registry_that_cannot_be_reached_reads_as_a_sentence(tmp_path):
    # (a closed port on this machine: refused at once, no network)
    first, second, none = _notes(_registry(tmp_path, fast_client("http://127.0.0.1:9/api/v2", retries=1)))
    assert (second, none) == _said("was unavailable after 2 attempts (cannot connect: ConnectionError)")
    for note in (first, second, none):
        _reads_as_sentence(note)


def test_a_failure_raised_with_no_reason_is_not_said_as_one(tmp_path):
    """A client raising RegistryUnavailable with only a message (a whole clause): not "a moment ago it ClinicalTrials.gov
    is down"."""
    class Down:
        def get_study(self, nct):
            raise RegistryUnavailable("ClinicalTrials.gov is down for maintenance")

    first, second, none = _notes(_registry(tmp_path, Down()))
    assert (second, none) == _said("could not be used (ClinicalTrials.gov is down for maintenance)")
    _reads_as_sentence(second)


def test_every_registry_unavailable_raised_gives_its_reason():
    """The reasons tested above are all there are: every RegistryUnavailable the project raises passes reason= (its
    subclass RateLimited never pauses lookups, so is never said after "a moment ago it")."""
    made = []
    for path in [*(ROOT / "scrapers").rglob("*.py"), *(ROOT / "server").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "RegistryUnavailable":
                made.append((path.relative_to(ROOT).as_posix(), node.lineno, any(k.arg == "reason" for k in node.keywords)))
    assert made and all(has for _, _, has in made), made
    assert {p for p, _, _ in made} == {"scrapers/registry/client.py"}


def test_a_size_limit_is_said_in_its_own_unit_rounded(tmp_path, fake):
    from scrapers.registry.reading import size_words

    assert size_words(MAX_ANSWER_BYTES) == "64 MiB"
    assert [size_words(n) for n in (2 * 1024 * 1024, 2_621_440, 1000 << 20, 512 << 10, 100, 3 << 30)] == [
        "2 MiB", "2.5 MiB", "1000 MiB", "512 KiB", "100 bytes", "3 GiB"]
    fake.faults.append("huge:3")
    got = Registry(_registry(tmp_path, None).store, fast_client(fake.base_url, max_bytes=2 * 1024 * 1024),
                   ttl=0).lookup(A)
    assert got.stale and (f"could not refresh: {fake.base_url}/studies/{A}?format=json: an answer of more than 2 MiB, "
                          "not read further (a real record is under 1 MB)") in got.note
    _reads_as_sentence(got.note)
