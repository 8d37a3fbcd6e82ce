"""The README's reference tables against the code they describe, so they cannot drift apart again (review r15: the
verdict table listed 5 of 29 headlines; the CLI table left out `check -v` and `sync --page-size`)."""

from __future__ import annotations

import argparse
import re

from conftest import ROOT
from server.cli import build_parser
from server.openapi import spec
from server.verdict_words import HEADLINES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _table_after(header: str) -> list[list[str]]:
    """The rows (cells stripped) of the Markdown table whose header line is `header`."""
    lines = README[README.index(header):].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip().strip("|").split(" | ")])
    return rows


def test_the_verdict_table_lists_every_headline_the_service_gives():
    rows = _table_after("| `verdict` | `headline` | when |")
    headlines = [r[1] for r in rows]
    enum = spec()["components"]["schemas"]["Drift"]["properties"]["headline"]["enum"]
    assert len(headlines) == len(set(headlines)), "a headline listed twice"
    assert set(headlines) == set(enum), {"missing": set(enum) - set(headlines), "unknown": set(headlines) - set(enum)}
    for verdicts, headline, _ in rows:
        named = re.findall(r"`([a-z_]+)`", verdicts)
        assert named and set(named) <= set(HEADLINES), verdicts
    for verdict, default in HEADLINES.items():   # each verdict's default headline, under that verdict
        assert any(r[1] == default and f"`{verdict}`" in r[0] for r in rows), verdict


def test_the_command_table_names_every_verb_and_option():
    rows = {r[0]: r for r in _table_after("| command | what it does |")}
    parser = build_parser()
    verbs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    for verb, sub in verbs.items():
        said = " ".join(cell for cell in rows if cell.startswith(f"`triallens {verb} "))
        assert said, f"`triallens {verb}` is not in the README's command table"
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction) or not action.option_strings:
                continue
            assert any(opt in said for opt in action.option_strings), (verb, action.option_strings)
