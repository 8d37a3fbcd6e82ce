"""One data-driven regression test over every saved page in fixtures/html/<host>/.

Each <case>.html is scraped with its source URL and compared field by field with
<case>.json; a failure lists only the fields that changed, expected vs got.
"""

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html

CASES = sorted((FIXTURES / "html").glob("*/*.html"))


def _diff(expected: dict, got: dict) -> str:
    lines = []
    for key in sorted(set(expected) | set(got)):
        if expected.get(key) != got.get(key):
            lines.append(f"  {key}:\n    expected: {json.dumps(expected.get(key), ensure_ascii=False)[:400]}"
                         f"\n    got:      {json.dumps(got.get(key), ensure_ascii=False)[:400]}")
    return "\n".join(lines)


@pytest.mark.parametrize("html_path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_fixture(html_path: Path):
    expected_path = html_path.with_suffix(".json")
    assert expected_path.exists(), f"missing expected file {expected_path.name}: run `triallens scrape {html_path} --json`, review, save"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    got = scrape_html(html_path.read_text(encoding="utf-8"), fixture_url(html_path)).to_dict()
    if got != expected:
        pytest.fail(f"{html_path.parent.name}/{html_path.name} changed:\n{_diff(expected, got)}", pytrace=False)



def test_every_supported_host_has_four_cases():
    """Each site scraper is held to at least four saved pages with different markup."""
    from scrapers.sites import supported_hosts

    for host in supported_hosts():
        cases = list((FIXTURES / "html" / host).glob("*.html"))
        assert len(cases) >= 4, f"{host} has {len(cases)} fixture cases; add at least 4 (see CONTRIBUTING.md)"
