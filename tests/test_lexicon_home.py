"""The plain-English lexicon has one home, scrapers.lexicon (scrapers/data/lexicon.json): the rewriter (server) and
the reconciler (scrapers.reconcile.glosses) read the same entries, and scrapers reads it without the server package
beside it (it read server/data/lexicon.json by path, so scrapers alone could not run)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from scrapers.lexicon import lexicon_entries
from scrapers.reconcile.glosses import rewriter_definitions
from server.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]


def test_scrapers_read_the_lexicon_without_the_server_package(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "scrapers", tmp_path / "scrapers", ignore=shutil.ignore_patterns("__pycache__"))
    code = ("import scrapers; from scrapers.reconcile.glosses import rewriter_definitions; "
            "print(scrapers.__file__); print(len(rewriter_definitions()))")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    where, count = run.stdout.split()
    assert Path(where).is_relative_to(tmp_path)   # (the copy, not this checkout)
    assert int(count) == len(rewriter_definitions()) > 200


def test_rewriter_and_reconciler_read_the_same_entries() -> None:
    entries = lexicon_entries()
    assert len(entries) > 1000
    assert all(a is b for a, b in zip(load_lexicon().entries, entries, strict=True))
    # the reconciler's definitions are the rewriter's own: "ALT (a liver enzyme)" as the rewriter writes it
    alt = next(e for e in entries if e.term == "ALT")
    assert ("alt",) in rewriter_definitions()[tuple(alt.plain.lower().split())]


def test_the_lexicon_and_names_ship_as_package_data() -> None:
    """setuptools globs each package-data pattern in its package's folder: every data file must match one."""
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]
    for package, data in (("scrapers", "data/lexicon.json"), ("server", "data/names.txt")):
        assert (ROOT / package / data).is_file()
        shipped = {p for pattern in package_data.get(package, []) + package_data.get("*", [])
                   for p in (ROOT / package).glob(pattern)}
        assert ROOT / package / data in shipped, (package, data)
    assert not (ROOT / "server" / "data" / "lexicon.json").exists()   # one home, no second copy
