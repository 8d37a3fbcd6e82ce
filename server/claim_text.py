"""What a caller says a page claims (a status, an as_of date, a site: the drift endpoints and the look-up page), read
as given or refused with a 400 that says why: too long, a control or format character no page's status or date holds,
or an as_of that is no date TrialLens takes. Apart from api.py, which routes requests, because the HTML pages and the
OpenAPI description state the same limits."""

from __future__ import annotations

import re
from datetime import date

from scrapers.nct import ascii_digits

from .problems import Problem

# characters of a claimed status, as_of or site (the drift endpoints, the look-up page): the longest host name (253)
# and far more than any status wording ("Active, not recruiting": 22); a status of any length was echoed back whole
# (review r24 (b)). openapi.CLAIM_TEXT states it, and that no control character is taken
MAX_CLAIM = 256
# control characters no page's status or date holds; tab, line feed and carriage return are whitespace a value pasted
# from a spreadsheet cell or a CSV line carries ("Recruiting\n"), read as a space (R25: they were refused, and the
# critical alarm on "Recruiting\n" for a completed trial lost)
CONTROL_CLASS = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f"
# and format characters (Unicode category Cf): bidi overrides such as U+202E reorder what is shown around them, others
# show nothing; no page's status or date holds one (audit r39 F9: U+202E was taken and echoed). As regex escapes, the
# same in Python and in the OpenAPI pattern (openapi_schemas.CLAIM_TEXT), which takes the BMP part (ECMA-262 without
# the u flag has no escape for the others)
FORMAT_CLASS = ("\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u180e\\u200b-\\u200f\\u202a-\\u202e"
                "\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb")
FORMAT_ASTRAL = ("\\U000110bd\\U000110cd\\U00013430-\\U0001343f\\U0001bca0-\\U0001bca3\\U0001d173-\\U0001d17a"
                 "\\U000e0001\\U000e0020-\\U000e007f")
CONTROL = re.compile(f"[{CONTROL_CLASS}{FORMAT_CLASS}{FORMAT_ASTRAL}]")
_PASTED_SPACE = re.compile("[\t\r\n]+")


class BadDate(Problem):
    """A claimed as_of TrialLens cannot use: the API answers its field-named detail (a 400 like any other); the HTML
    page words it for a person from what they typed (`typed`), for a date still to come with `today`, and for a year
    before 1900 (`early`) as such."""

    def __init__(self, detail: str, typed: str, today: date | None = None, early: bool = False) -> None:
        super().__init__(400, "bad-request", "Bad request", detail)
        self.typed, self.today, self.early = typed, today, early


_YEAR_FIRST = re.compile(r"([0-9]{4})(?:[-/.][0-9]{1,2}){0,2}")


def unread_date(as_of: str, today: date) -> BadDate:
    """Why an as_of is not read as a date. A well-formed date of a year TrialLens does not take is told so: "use
    YYYY-MM-DD" showed the very format the caller had typed (review r19 #10); before 1900, that such years are not
    accepted; after 2100, that it is after today, as any date still to come is told."""
    typed = as_of.strip()
    m = _YEAR_FIRST.fullmatch(ascii_digits(typed))
    if m and int(m.group(1)) < 1900:
        return BadDate(f"as_of: {typed[:40]!r} is before 1900: years before 1900 are not accepted (give the page's "
                       "own 'last updated' date)", as_of, early=True)
    if m and int(m.group(1)) > 2100:
        return BadDate(f"as_of: {typed[:40]!r} is after today ({today.isoformat()}): a page cannot be current as of a "
                       "date still to come", as_of, today)
    return BadDate(f"as_of: cannot read {as_of[:40]!r} as a date (use YYYY-MM-DD, YYYY-MM or YYYY)", as_of)


def claim_text(name: str, value: str | None) -> str | None:
    """A claimed status, as_of or site as given, tabs and line breaks read as spaces; a 400 (slug "bad-claim", with
    `parameter` and why: "too-long" or "control-character") for one longer than MAX_CLAIM characters or holding
    another control character, which no page's status or date holds. The value is not echoed back."""
    if value is None:
        return None
    if len(value) > MAX_CLAIM:
        raise Problem(400, "bad-claim", "Bad request", f"{name}: longer than {MAX_CLAIM} characters ({len(value):,} "
                      "given); give it as the page words it", parameter=name, why="too-long")
    control = CONTROL.search(value)
    if control:
        raise Problem(400, "bad-claim", "Bad request", f"{name}: holds a control character "
                      f"(U+{ord(control.group()):04X}); give it as the page words it", parameter=name,
                      why="control-character")
    return _PASTED_SPACE.sub(" ", value)
