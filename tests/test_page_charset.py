"""A saved or fetched page's bytes are read as the browser shows them: its byte-order mark, the charset the site
sent, its own <meta charset>, else UTF-8 with windows-1252 for what UTF-8 cannot read (review r23, #1 and #9)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import BadInput, scrape_html
from scrapers.charset import decode_page

PAGE = FIXTURES / "html" / "clinconnect.io" / "nct07041801_divs.html"   # curly quotes and bullets in its text


def _cp1252(text: str, label: str | None = "windows-1252") -> bytes:
    meta = f'<meta charset="{label}">' if label else ""
    return text.replace('<meta charset="utf-8">', meta).encode("cp1252")


def test_a_windows_1252_page_reads_as_its_utf_8_copy():
    """Latin-1 made the bullet "•" (0x95) a control character: the inclusion list gained items "\\x95", and "it’s"
    read "it\\x92s"; labelled, mislabelled "latin-1" or unlabelled, the page now reads as the UTF-8 original."""
    text = PAGE.read_text(encoding="utf-8")
    url = fixture_url(PAGE)
    want = scrape_html(text, url).to_dict()
    for label in ("windows-1252", "ISO-8859-1", None):
        assert scrape_html(_cp1252(text, label), url).to_dict() == want, label


@pytest.mark.parametrize("data", [
    b'<html><head><meta charset="windows-1252"></head><body><p>Ages: 18\x9665 years</p></body></html>',
    b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
    b'<body><p>Ages: 18\x9665 years</p></body></html>',
    b'<html><body><p>Ages: 18\x9665 years</p></body></html>',   # (no label: UTF-8 cannot read 0x96)
    b'<html><head><meta charset="utf-8"></head><body><p>\xe2\x80\x9cA\xe2\x80\x9d Ages: 18\x9665 years</p>'
    b'</body></html>',   # (one byte of windows-1252 in a UTF-8 page)
])
def test_an_en_dash_between_two_numbers_stays_a_dash(data):
    """The report's page: "18–65" read as "18\\x9665", then "1865", a false critical "differs in a limit"."""
    assert "Ages: 18\u201365 years" in decode_page(data)


def test_a_declared_charset_is_honoured():
    data = '<html><head><meta charset="shift_jis"></head><body><p>年齢 18歳以上</p></body></html>'.encode("shift_jis")
    assert "年齢 18歳以上" in decode_page(data)
    # the site's header wins over the page's own meta
    assert "Ages: 18\u201365" in decode_page(b'<meta charset="utf-8"><p>Ages: 18\x9665</p>', "windows-1252")
    # a label no page is in is ignored, not a crash
    assert "18\u201365" in decode_page(b'<meta charset="base64"><p>18\x9665</p>')
    assert "18\u201365" in decode_page(b'<meta charset="no-such-charset"><p>18\x9665</p>')


def test_the_cli_and_the_api_give_the_same_findings_for_a_windows_1252_page(tmp_path, capsys):
    """The extension sends the page as the browser decoded it; `triallens check` reads the saved bytes. The same
    page gives the same findings both ways (the CLI found criteria the page does not have)."""
    from server import create_app
    from server.cli import main

    text = PAGE.read_text(encoding="utf-8")
    saved = tmp_path / "page.html"
    saved.write_bytes(_cp1252(text))
    url = fixture_url(PAGE)
    client = create_app({"TRIALLENS_DB": str(tmp_path / "s.db"), "TRIALLENS_OFFLINE": "1",
                         "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    api = client.post("/api/v1/annotate", json={"url": url, "html": text}).get_json()["drift"]["findings"]
    assert main(["check", str(saved), "--url", url, "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)["drift"]["findings"]
    assert [(f["kind"], f["severity"], f["message"]) for f in cli] == \
        [(f["kind"], f["severity"], f["message"]) for f in api]


def _serve(body: bytes, content_type: str):
    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_fetched_page_is_decoded_by_the_charset_the_site_sent():
    """`triallens check URL`: the HTTP header's charset, for a page that declares none itself."""
    from server.page_source import fetch_page

    server = _serve(b"<html><body><h1>NCT07041801</h1><p>Ages: 18\x9665 \x93years\x94</p></body></html>",
                    "text/html; charset=windows-1252")
    try:
        text = fetch_page(f"http://127.0.0.1:{server.server_port}/t")
    finally:
        server.shutdown()
    assert "Ages: 18\u201365 \u201cyears\u201d" in text


def test_nul_bytes_without_a_byte_order_mark_are_still_binary():
    with pytest.raises(BadInput, match="binary"):
        decode_page(b"<html>\x00\x01\x02</html>")


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                       ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-8", b"\xef\xbb\xbf")])
def test_a_page_saved_as_utf_16_or_32_with_a_byte_order_mark_is_read(codec, bom):
    """Windows tools save "Unicode" text as UTF-16 with a byte-order mark: it was refused as binary (its NUL bytes),
    review r23 #9. The mark says how to read it, before any NUL check."""
    text = PAGE.read_text(encoding="utf-8")
    url = fixture_url(PAGE)
    assert scrape_html(bom + text.encode(codec), url).to_dict() == scrape_html(text, url).to_dict()


def test_the_cli_checks_a_utf_16_page(tmp_path, capsys):
    from server.cli import main

    saved = tmp_path / "page.html"
    saved.write_bytes(PAGE.read_text(encoding="utf-8").encode("utf-16"))   # (Python writes the mark first)
    assert main(["check", str(saved), "--url", fixture_url(PAGE)]) == 0
    assert "NCT07041801" in capsys.readouterr().out


def test_a_fetched_page_the_site_says_is_utf_16_is_read():
    from server.page_source import fetch_page

    server = _serve("<html><body><h1>NCT07041801</h1><p>Ages: 18–65</p></body></html>".encode("utf-16-le"),
                    "text/html; charset=UTF-16LE")
    try:
        assert "Ages: 18\u201365" in fetch_page(f"http://127.0.0.1:{server.server_port}/t")
    finally:
        server.shutdown()
