"""What the criteria parser's tests share: an item list's texts, the no-lost-text check, a corpus record's criteria."""

import re

from conftest import corpus_record

from scrapers.criteria import iter_items, unescape_markdown


def texts(items):
    return [i.text for i in items]


def assert_conserved(text, crit):
    """Every non-space character of the input is in a heading, a marker, an item or a joined-away bullet."""
    parts = list(crit.headers) + list(crit.joined_markers) + [(it.marker or "") + it.text for _, _, it in iter_items(crit)]
    assert sorted("".join(re.findall(r"\S+", " ".join(parts)))) == sorted("".join(re.findall(r"\S+", unescape_markdown(text))))


def record_criteria(shared_dir, nct_id):
    return corpus_record(shared_dir, nct_id)["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
