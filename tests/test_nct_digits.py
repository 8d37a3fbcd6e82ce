"""NCT ids written with non-ASCII digits (review round 10 b, §6): `\\d` matches every Unicode decimal digit, so
"NCT０７２３２５６３" (fullwidth) or "NCT٠٧٢٣٢٥٦٣" (Arabic-Indic) was taken for an id and sent to
ClinicalTrials.gov as written, which then had "no such study". They are read as the same ASCII id,
in an id typed by a caller and in page text, so the id never leaves TrialLens in another script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scrapers.errors import InvalidNctId
from scrapers.nct import ascii_digits, count_nct_ids, find_nct_ids, is_nct_id, normalize_nct_id
from scrapers.scrape import scrape_html

ROOT = Path(__file__).resolve().parents[1]
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


@pytest.mark.parametrize("table", [FULLWIDTH, ARABIC_INDIC, BENGALI])
@pytest.mark.parametrize("form", ["NCT07232563", "nct07232563", "NCT 0723 2563", "NCT-07232563"])
def test_normalize_converts_digits_to_ascii(form, table):
    assert normalize_nct_id(form.translate(table)) == "NCT07232563"


def test_mixed_scripts_still_one_id():
    assert normalize_nct_id("NCT0723２５６３") == "NCT07232563"


@pytest.mark.parametrize("value", ["NCT²7232563", "NCT①7232563", "NCT0723256", "NCT072325634"])
def test_digit_like_characters_are_not_digits(value):
    with pytest.raises(InvalidNctId):
        normalize_nct_id(value)


def test_is_nct_id_is_the_canonical_form_only():
    assert is_nct_id("NCT07232563")
    assert not is_nct_id("NCT07232563".translate(FULLWIDTH))
    assert not is_nct_id("NCT07232563\n")   # `$` used to let a trailing newline through


def test_find_and_count_in_text_give_ascii_ids():
    text = "See NCT٠٧٢٣٢٥٦٣ (also written NCT07232563) and nct ０６４２ ７６４２."
    assert find_nct_ids(text) == ["NCT07232563", "NCT06427642"]
    assert count_nct_ids(text) == {"NCT07232563": 2, "NCT06427642": 1}
    assert find_nct_ids("İ NCT٠٧٢٣٢٥٦٣") == ["NCT07232563"]   # (the other scan, for text holding "İ")


def test_ascii_digits_leaves_everything_else():
    assert ascii_digits("٢٠٢٥-١١ ½ ² x") == "2025-11 ½ ² x"


def _one_page_per_site() -> list[Path]:
    return [sorted(d.glob("*.html"))[0] for d in sorted((ROOT / "fixtures" / "html").iterdir())
            if d.is_dir() and any(d.glob("*.html"))]


@pytest.mark.parametrize("table", [FULLWIDTH, ARABIC_INDIC], ids=["fullwidth", "arabic-indic"])
def test_site_readers_give_the_ascii_id(table):
    """Every site's page, its ids rewritten in another script, is read as the same trial (ids from the site
    readers' own patterns too, e.g. trialfinderdata's "Title (NCT…) is a …" sentence)."""
    checked = 0
    for path in _one_page_per_site():
        html = path.read_text(encoding="utf-8")
        url = f"https://{path.parent.name}/trial"
        try:
            want = scrape_html(html, url)
        except Exception:   # (a page that needs its address for its id)
            continue
        other = re.sub(r"NCT([0-9]{8})", lambda m: "NCT" + m.group(1).translate(table), html)
        got = scrape_html(other, url)
        assert got.nct_id == want.nct_id, path
        assert all(i.isascii() for i in [got.nct_id, *got.other_nct_ids, *got.related_nct_ids]), path
        checked += 1
    assert checked >= 15


# The extension finds a page's trial with extension/lib/nct.js; its node test checks the same table
# (extension/test/nct.test.js). Kept in step: page text and the ids the service reads in it.
NCT_TEXT_CASES = ROOT / "extension" / "test" / "nct_text_cases.json"


def _nct_text_cases() -> list[dict]:
    import json

    return json.loads(NCT_TEXT_CASES.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", _nct_text_cases(), ids=lambda c: c["name"])
def test_shared_nct_text_table_is_what_the_service_reads(case):
    from scrapers.sites._lines import clean

    assert find_nct_ids(clean(case["text"])) == case["ids"]


def test_shared_nct_text_table_covers_invisible_characters_spaces_and_scripts():
    texts = "".join(c["text"] for c in _nct_text_cases())
    for ch in "\u200b\u200c\u200d\u00ad\u2060\ufeff\u00a0\uff10\u0660\u0966":
        assert ch in texts, f"U+{ord(ch):04X}"
