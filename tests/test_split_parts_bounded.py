"""A cached list reading remembers what page items are as its parts, but not without bound: a long-running service
sent many different pages for one popular trial kept every one of them in a plan the LRU cache keeps hot."""

from scrapers.reconcile import split_parts
from scrapers.reconcile.reading import TOKEN
from scrapers.reconcile.split_parts import SplitReading


def _words(text: str) -> list:
    return list(TOKEN.finditer(text))


def _reading() -> SplitReading:
    cores = [_words("hepatitis B"), _words("hepatitis C")]
    return SplitReading(head=_words("active infection with"), cores=cores, tail=[], matched=cores)


def test_a_reading_answers_as_before_and_forgets_past_its_bound(monkeypatch):
    monkeypatch.setattr(split_parts, "SEEN_MAX", 5)
    reading = _reading()
    own = ("active", "infection", "with", "hepatitis", "b")
    first = reading.part(0, own)
    assert first is not None and reading.part(1, own) is None   # (the part it is, not the other one)
    for i in range(50):   # fifty other pages' items
        reading.part(0, ("hepatitis", "b", f"w{i}"))
        assert len(reading._seen) <= 5
    assert reading.part(0, own) == first   # (forgotten and read again: the same answer)
