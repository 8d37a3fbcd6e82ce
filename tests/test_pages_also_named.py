"""A pasted page naming several trials is checked as one (scrape._choose_primary); its result page said nothing of
the others, so a person who pasted a hospital's list of studies read one verdict as if it were for all (review r56
F5). The page now says which trial was checked and links the others' own pages."""

from __future__ import annotations

from service_support import providers

from server.app import create_app

TWO = ("<html><head><title>Our stroke research studies</title></head><body><main><h1>Stroke research studies</h1>"
       "<section><h2>Intranasal vesicles after stroke</h2><p>NCT ID: NCT07232563</p><p>Status: Not yet recruiting</p>"
       "</section><section><h2>Another study</h2><p>NCT ID: NCT00000001</p><p>Status: Recruiting</p></section>"
       "</main></body></html>")


def _client():
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers()).test_client()


def test_a_pasted_page_naming_two_trials_says_which_was_checked_and_links_the_other():
    res = _client().post("/check", data={"url": "https://www.cityhospital.example/research/stroke", "html": TWO})
    page = res.get_data(as_text=True)
    assert res.status_code == 200, page
    line = page[page.index('id="also-named"'):page.index("</p>", page.index('id="also-named"'))]
    assert "This page also names NCT00000001. TrialLens checked NCT07232563 only." in line
    assert '<a href="/trials/NCT00000001">Check NCT00000001</a>' in line


def test_a_page_naming_one_trial_and_a_looked_up_trial_say_nothing_of_others():
    client = _client()
    one = TWO.split("<section><h2>Another study")[0] + "</main></body></html>"
    assert 'id="also-named"' not in client.post("/check", data={"url": "https://x.example/s", "html": one}).get_data(as_text=True)
    assert 'id="also-named"' not in client.get("/trials/NCT07232563").get_data(as_text=True)
