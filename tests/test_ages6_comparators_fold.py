"""One reading of comparators for an age's bound: age_bounds._BEFORE is built from comparators.PHRASES (the table
the quantity reader writes each comparator's sign with) plus the words only an age limit uses ("Maximum age", "under
the age of", "from"); strict or inclusive follows the comparator's sign. Its own table before read "equal to or less
than 5 years old" (NCT00001509) as a strict "less than" (a maximum of 4), and "> or equal to 18 years of age"
(NCT00496197) or "More Than Or Equal To 65 Years Of Age" (NCT00008333) not at all. dates._BELOW and plain_limits'
_UNDER (a page's "under 18") take the same table's "<"."""

import pytest

from scrapers.comparators import CMP_RE, CMP_SYM, phrases
from scrapers.dates import parse_age_limits
from scrapers.reconcile.age_bounds import bound_around


def _bound(text: str) -> tuple[str, bool]:
    start = text.index("{")
    text = text.replace("{", "").replace("}", "")
    end = start + len(text[start:].split()[0])
    return bound_around(text, start, end)


@pytest.mark.parametrize("text, want", [
    # (real records' wordings the old table misread or left unread)
    ("equal to or less than {5} years old: maximum serum creatinine", ("high", False)),   # NCT00001509
    ("Male or female subjects > or equal to {18} years of age.", ("low", False)),         # NCT00496197
    ("In Patients More Than Or Equal To {65} Years Of Age", ("low", False)),              # NCT00008333
    ("The patient is a male between >/= 30 and =/< {70} years of age", ("high", False)),   # NCT05196191
    ("females equal to or greater than {12} years of\nage.", ("low", False)),             # NCT00001940
])
def test_real_wordings_read_by_the_comparators_table(text, want):
    assert _bound(text) == want


@pytest.mark.parametrize("phrase, want", [
    ("less than", ("high", True)), ("younger than", ("high", True)), ("under", ("high", True)),
    ("below", ("high", True)), ("<", ("high", True)), ("＜", ("high", True)),
    ("at most", ("high", False)), ("no more than", ("high", False)), ("not older than", ("high", False)),
    ("not exceeding", ("high", False)), ("up to", ("high", False)), ("a maximum of", ("high", False)),
    ("≤", ("high", False)), ("<=", ("high", False)), ("less than or equal to", ("high", False)),
    ("more than", ("low", True)), ("older than", ("low", True)), ("over", ("low", True)), ("above", ("low", True)),
    (">", ("low", True)), ("at least", ("low", False)), ("no less than", ("low", False)),
    ("not younger than", ("low", False)), ("≥", ("low", False)), (">=", ("low", False)),
    ("greater than or equal to", ("low", False)), ("older than or equal to", ("low", False)),
    ("Maximum age", ("high", False)), ("under the age of", ("high", True)), ("over the age of", ("low", True)),
    ("from", ("low", False)), ("minimum age of", ("low", False)), ("upper age limit of", ("high", False)),
])
def test_strict_or_inclusive_follows_the_comparators_sign(phrase, want):
    assert _bound(f"Patients {phrase} {{18}} years of age") == want


def test_a_line_break_inside_a_phrase_is_read():
    assert _bound("Patients less\nthan {18} years of age") == ("high", True)


def test_the_quantity_reader_reads_the_signs_written_with_a_slash_alike():
    # ("=/<" and "=/>", NCT05196191: before read as the bare "<" / ">" that followed the "=/")
    for said, sign in (("=/< 70", "<="), ("=/> 30", ">=")):
        m = CMP_RE.search(said)
        assert m is not None and m.group(0).replace(" ", "") == said.split()[0]
        assert CMP_SYM[int(m.lastgroup[1:])] == sign


def test_a_page_age_fields_under_is_the_comparators_less_than():
    lo, hi, _ = parse_age_limits("4 Years to less than 8 Years")
    assert (lo.value, hi.value, hi.exclusive) == (4, 8, True)
    assert parse_age_limits("Younger than 18 Years")[1].exclusive
    assert "younger\\s+than" in phrases("<") and "no\\s+older\\s+than" in phrases("<=")
