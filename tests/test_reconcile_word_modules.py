"""Where the word rules live (words5, #4): a measure's name left out is measure_names.py's (name_dropped sat in
sex_left_out.py to dodge an import loop: words -> dropped_words -> measure_names -> words), and words.py's test of a
word that says something is public (reading.says_something), not the private words._content read from outside."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

RECONCILE = Path(__file__).resolve().parents[1] / "scrapers" / "reconcile"


@pytest.mark.parametrize("first", ["measure_names", "dropped_words", "words", "sex_left_out"])
def test_measure_names_says_a_name_left_out_whichever_module_loads_first(first):
    """Each loads on its own in a fresh interpreter (an import loop breaks one of these), and measure_names has the
    short item's name reading."""
    code = (f"import scrapers.reconcile.{first}\n"
            "from scrapers.reconcile.measure_names import name_dropped\n"
            "c = name_dropped('White blood cell count >= 3,000/mm3', 'Count >= 3,000/mm3')\n"
            "print(c.record, '|', c.page)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=RECONCILE.parents[1], check=True).stdout
    assert out.strip() == "White blood cell count | count"


def test_no_module_imports_a_private_name_from_another_reconcile_module_s_words():
    """Modules of reconcile import no underscored name from words, reading or measure_names."""
    found = []
    for path in sorted(RECONCILE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module in ("words", "reading", "measure_names"):
                found += [f"{path.name}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert found == []


def test_name_dropped_reads_no_sex_word():
    from scrapers.reconcile import measure_names, sex_left_out
    assert not hasattr(sex_left_out, "_one_deletion")
    assert measure_names.name_dropped("Healthy male volunteers", "Healthy volunteers") is None
