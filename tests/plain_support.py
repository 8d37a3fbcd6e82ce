"""Shared by the plain-English tests: an item as the reader is shown it, checked faithful first."""

from scrapers.fidelity import check_fidelity
from server.explain import explain_item


def shown(text: str, section: str = "exclusion") -> str:
    e = explain_item(text, section)
    assert check_fidelity(e.original, e.shown) == []
    return e.shown
