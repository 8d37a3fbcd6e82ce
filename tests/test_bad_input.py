"""Bad input gets a typed error with a clear message, at the API and at the CLI."""

import subprocess
import sys

import pytest

from scrapers import BadInput, NoTrialFound, scrape_html


@pytest.mark.parametrize("payload,words", [
    ("", "empty"), ("   \n ", "empty"), (b"\x00\x01\x02binary\x00", "binary"),
    ("just some words, no markup", "not HTML"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
    ("<p>" + "x" * (10 * 1024 * 1024 + 1) + "</p>", "10 MB"),
])
def test_unreadable_input_is_bad_input(payload, words):
    with pytest.raises(BadInput, match=words):
        scrape_html(payload)


def test_page_without_trial():
    with pytest.raises(NoTrialFound):
        scrape_html("<html><body><h1>Welcome</h1><p>No trials here.</p></body></html>", "https://meddatax.com/")


def test_garbage_html_without_trial():
    with pytest.raises(NoTrialFound):
        scrape_html("<div><<<>>><p><b>unclosed <i>tags & stuff</div></span>")


def _nested(depth: int) -> str:
    return ("<html><body>" + "<div>" * depth + "<h1>NCT01234567</h1><p>Status: Recruiting</p>" + "</div>" * depth
            + "<h2>Eligibility</h2><ul><li>Age 18 or older</li></ul></body></html>")


def test_page_nested_too_deep_is_refused_not_read_in_part():
    # libxml2 stops at 256 levels and drops the rest of the page: reading what is left would
    # report the trial as missing (or its criteria as dropped), so the page is refused
    assert scrape_html(_nested(200), "https://example.org/t").nct_id == "NCT01234567"
    with pytest.raises(BadInput, match="nested more than 255 deep"):
        scrape_html(_nested(300), "https://example.org/t")


def test_primary_id_rule_url_first_then_heading_then_frequency():
    html = "<html><body><h1>Study NCT00000002</h1><p>NCT00000003 NCT00000003 NCT00000003</p></body></html>"
    # the address first when the page mentions its trial, or names none of its own (a related-trials rail is no claim)
    assert scrape_html(html.replace("</body>", "<p>See NCT00000001</p></body>"),
                       "https://unknown.example/t/NCT00000001").nct_id == "NCT00000001"
    rail = "<html><body><h1>Study</h1><p>Related: NCT00000003 NCT00000003</p></body></html>"
    assert scrape_html(rail, "https://unknown.example/t/NCT00000001").nct_id == "NCT00000001"
    # an address naming a trial the page never mentions, over a heading naming another: the page's own id (a lupus
    # page pasted with a stroke trial's address was checked against the stroke trial's record)
    wrong = scrape_html(html, "https://unknown.example/t/NCT00000001")
    assert wrong.nct_id == "NCT00000002" and "NCT00000001" not in wrong.other_nct_ids
    rec = scrape_html(html, "https://unknown.example/")
    assert rec.nct_id == "NCT00000002"
    assert rec.other_nct_ids == ["NCT00000003"]
    assert scrape_html("<p>NCT00000003 NCT00000004 NCT00000004</p>").nct_id == "NCT00000004"


@pytest.mark.parametrize("content", [b"", b"\x00\xff\x00\xfe" * 100, b"plain text"])
def test_cli_prints_error_not_traceback(tmp_path, content):
    f = tmp_path / "page.html"
    f.write_bytes(content)
    out = subprocess.run([sys.executable, "-m", "server.cli", "scrape", str(f)], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.startswith("triallens: error:")
    assert "Traceback" not in out.stderr


def test_cli_missing_file():
    out = subprocess.run([sys.executable, "-m", "server.cli", "check", "/no/such/file.html"], capture_output=True, text=True)
    assert out.returncode == 2 and "cannot read" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("args,words", [
    (["check", "page.html", "--today", "2026-13-01"], "--today: expected a date as YYYY-MM-DD"),   # was a traceback
    (["ingest", "x.json", "--commit-every", "-3"], "--commit-every: expected a whole number of at least 1"),   # traceback
    (["serve", "--port", "99999"], "--port: expected a whole number from 1 to 65535"),   # served on 99999 mod 65536
    (["sync", "--page-size", "5000"], "--page-size: expected a whole number from 1 to 1000"),
    (["related", "NCT07232563", "-k", "ten"], "-k: expected a whole number of at least 1"),
])
def test_cli_bad_option_values_are_usage_errors(args, words):
    out = subprocess.run([sys.executable, "-m", "server.cli", *args], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and words in out.stderr and "Traceback" not in out.stderr


def test_record_file_nested_too_deep_is_bad_input(tmp_path):
    from scrapers.registry import load_record_file

    f = tmp_path / "NCT01234567.json"
    f.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(BadInput, match="too deeply"):
        load_record_file(f)


def test_letters_that_case_blind_patterns_match_are_no_crash():
    """re.I lets "ſ" (long s) match "s" and "İ" match "i"; their lower case is no dictionary key.
    A page or criterion with them must read as text, not end in a KeyError (found by fuzzing)."""
    from scrapers.dates import parse_age, parse_partial_date
    from server.explain import explain_item

    assert str(parse_age("18 yearſ")) == "18 years"
    assert parse_partial_date("ſep 3, 2025") == "2025-09-03"
    assert explain_item("İS able to swallow pills.", "inclusion").shown
    html = ("<html><body><h1>A trial</h1><p>NCT07232563</p><dl><dt>Status</dt><dd>Recruiting</dd>"
            "<dt>Ages</dt><dd>18 yearſ and older</dd></dl></body></html>")
    assert scrape_html(html, "https://meddatax.com/clinical-trials/NCT07232563").nct_id == "NCT07232563"
