"""One reading of a stored timestamp (scrapers.timestamps.utc_moment): the words messages give it (moment), the service
pages' age of a copy (status_shown) and the registry's freshness all parse it the same way."""

from __future__ import annotations

from datetime import datetime, timezone

from scrapers.timestamps import moment, utc_moment
from server import status_shown


def test_the_pages_and_the_messages_read_a_timestamp_with_the_same_parser():
    assert status_shown.utc_moment is utc_moment
    when = datetime(2026, 1, 10, 8, 5, tzinfo=timezone.utc)
    for text in ("2026-01-10T08:05:00Z", "2026-01-10T08:05:00", " 2026-01-10T09:05:00+01:00 "):
        assert utc_moment(text) == when
        assert moment(text) == "10 Jan 2026, 08:05 UTC"
    assert utc_moment("last week") is None and moment("last week") == "last week"


def test_a_timestamp_before_year_one_in_utc_is_no_timestamp_not_an_error():
    """"0001-01-01T00:00:00+05:00" is before year 1 in UTC: converting it raised OverflowError (a garbled stored date
    broke the message that quotes it)."""
    assert utc_moment("0001-01-01T00:00:00+05:00") is None
    assert moment("0001-01-01T00:00:00+05:00") == "0001-01-01T00:00:00+05:00"
