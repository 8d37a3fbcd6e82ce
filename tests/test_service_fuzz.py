"""Fuzzing the service with Hypothesis: mangled pages, odd JSON and odd parameters never
produce a 500 -- only the documented answers."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_support import MEDDATAX_HTML, MEDDATAX_URL, providers

from server import create_app

APP = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers())
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck),
                derandomize=bool(os.environ.get("CI")))  # CI: the same examples every run
PIECES = [MEDDATAX_HTML[i:i + 400] for i in range(0, len(MEDDATAX_HTML), 400)]


@st.composite
def mangled_pages(draw):
    """Pieces of a real page, shuffled and cut, with random text and markup spliced in."""
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=0, max_size=8))
    noise = draw(st.lists(st.one_of(st.text(max_size=60), st.sampled_from(
        ["<", ">", "</div>", "<script>", "&#0;", "&amp", "NCT0723", "NCT07232563", "\x00", "\ud800", "<!--", "]]>",
         "<meta charset='utf-7'>", "Status: Recruiting", "Last Updated: 2099-13-45"])), max_size=8))
    out = parts + noise
    draw(st.randoms()).shuffle(out)
    return "".join(out)


@FUZZ
@given(html=mangled_pages(), url=st.one_of(st.none(), st.just(MEDDATAX_URL), st.text(max_size=80)))
def test_annotate_never_500(html, url):
    resp = APP.test_client().post("/api/v1/annotate", json={"html": html, "url": url})
    assert resp.status_code in (200, 400, 404, 422), resp.data[:300]
    if resp.status_code != 200:
        assert resp.mimetype == "application/problem+json"


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                       lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                       max_leaves=12)


@FUZZ
@given(body=st.one_of(JSONISH.map(json.dumps).map(str.encode), st.binary(max_size=200),
                      st.dictionaries(st.sampled_from(["html", "url", "items", "nct_id"]), JSONISH).map(json.dumps)
                      .map(str.encode)),
       path=st.sampled_from(["/api/v1/annotate", "/api/v1/drift"]))
def test_post_bodies_never_500(body, path):
    resp = APP.test_client().post(path, data=body, content_type="application/json")
    assert resp.status_code in (200, 400, 404, 422), resp.data[:300]


@FUZZ
@given(nct=st.one_of(st.text(max_size=20), st.from_regex(r"NCT\d{8}", fullmatch=True)),
       query=st.dictionaries(st.sampled_from(["k", "status", "as_of", "site", "ids"]), st.text(max_size=30), max_size=4),
       path=st.sampled_from(["/api/v1/trials/{}", "/api/v1/trials/{}/related", "/api/v1/trials/{}/drift",
                             "/api/v1/trials/{}/criteria", "/api/v1/status", "/trials/{}", "/lookup"]))
def test_get_parameters_never_500(nct, query, path):
    from urllib.parse import quote

    resp = APP.test_client().get(path.format(quote(nct, safe="")), query_string={**query, "nct_id": nct})
    assert resp.status_code < 500 or resp.status_code in (501, 503), resp.data[:300]


def test_characters_xml_cannot_hold_are_read_not_crashed_on():
    """Found by the fuzzing above: U+FFFE, lone surrogates and stray control characters in a
    page made lxml refuse to edit the tree (a 500)."""
    c = APP.test_client()
    for bad in ["\ufffe", "\uffff", "\ud800", "\x0b", "\x0c", "\x7f"]:
        html = (f"<html><body><div class=sidebar>x</div>{bad}<h1>Study NCT00000001</h1>"
                f"<aside>News</aside>{bad}<dl><dt>Status</dt><dd>Recruiting</dd></dl>{'<p>filler text</p>' * 20}</body></html>")
        resp = c.post("/api/v1/annotate", json={"html": html, "url": "https://example.org/trial"})
        assert resp.status_code == 200, (repr(bad), resp.data[:300])
        assert resp.get_json()["page"]["status"] == "RECRUITING", repr(bad)
