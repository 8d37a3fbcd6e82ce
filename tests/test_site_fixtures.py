"""One data-driven regression test over every saved page in fixtures/html/<host>/.

Each <case>.html is scraped with its source URL and compared field by field with
<case>.json; a failure lists only the fields that changed, expected vs got, and for a list
(criteria, phases) only the items that changed, each whole.
"""

import difflib
import json
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html

CASES = sorted((FIXTURES / "html").glob("*/*.html"))


def _show(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list_diff(expected: list, got: list) -> list[str]:
    """The items of two lists that differ, numbered as in each list: "- 8." an expected item the
    scraper no longer reads (or reads otherwise), "+ 8." what it reads instead."""
    out = []
    ops = difflib.SequenceMatcher(None, [_show(v) for v in expected], [_show(v) for v in got], autojunk=False)
    for tag, i1, i2, j1, j2 in ops.get_opcodes():
        if tag == "equal":
            continue
        out += [f"    - {i + 1}. {_show(expected[i])}" for i in range(i1, i2)]
        out += [f"    + {j + 1}. {_show(got[j])}" for j in range(j1, j2)]
    return out


def _diff(expected: dict, got: dict) -> str:
    lines = []
    for key in sorted(set(expected) | set(got)):
        want, have = expected.get(key), got.get(key)
        if want == have:
            continue
        if isinstance(want, list) and isinstance(have, list):
            lines.append(f"  {key}: {len(want)} items expected, {len(have)} read")
            lines += _list_diff(want, have)
        else:
            lines.append(f"  {key}:\n    expected: {_show(want)[:400]}\n    got:      {_show(have)[:400]}")
    return "\n".join(lines)


@pytest.mark.parametrize("html_path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_fixture(html_path: Path):
    expected_path = html_path.with_suffix(".json")
    assert expected_path.exists(), f"missing expected file {expected_path.name}: run `triallens scrape {html_path} --json`, review, save"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    got = scrape_html(html_path.read_text(encoding="utf-8"), fixture_url(html_path)).to_dict()
    if got != expected:
        pytest.fail(f"{html_path.parent.name}/{html_path.name} changed:\n{_diff(expected, got)}\n"
                    f"(if the new reading is right: `triallens scrape fixtures/html/{html_path.parent.name}/{html_path.name} "
                    f"--json`, review, save as "
                    f"{expected_path.name})", pytrace=False)



def test_every_supported_host_has_four_cases():
    """Each site scraper is held to at least four saved pages with different markup."""
    from scrapers.sites import supported_hosts

    for host in supported_hosts():
        cases = list((FIXTURES / "html" / host).glob("*.html"))
        assert len(cases) >= 4, f"{host} has {len(cases)} fixture cases; add at least 4 (see CONTRIBUTING.md)"


def test_a_failing_fixture_shows_only_what_changed():
    """A maintainer reads which criteria changed, each whole, not two truncated lists."""
    expected = {"status": "RECRUITING", "inclusion": ["Age 18-70", "x" * 500, "Signed consent"], "phases": ["PHASE1"]}
    got = {"status": "RECRUITING", "inclusion": ["Age 18-70", "x" * 500, "Signed informed consent"], "phases": ["PHASE1"]}
    assert _diff(expected, got).splitlines() == [
        "  inclusion: 3 items expected, 3 read",
        '    - 3. "Signed consent"',
        '    + 3. "Signed informed consent"',
    ]
    assert _diff({"enrollment": 10}, {"enrollment": 9}) == "  enrollment:\n    expected: 10\n    got:      9"
