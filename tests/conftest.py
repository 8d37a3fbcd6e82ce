import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

_SOURCE = re.compile(r"<!--\s*source:\s*(\S+)")


def fixture_url(html_path: Path) -> str:
    """The page's source URL, from the `<!-- source: URL -->` comment every fixture carries."""
    m = _SOURCE.search(html_path.read_text(encoding="utf-8")[:2000])
    if not m:
        raise AssertionError(f"{html_path} has no <!-- source: URL --> comment")
    return m.group(1)


@pytest.fixture
def shared_dir():
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
