"""Operator configuration the audit r39 found unsafe or crashing (F6, F8): CORS origins are exact origins (or the one
documented anchored wildcard), never flask-cors's unanchored regexes; a bad setting is one clear error, never a
traceback."""

from __future__ import annotations

import pytest

from server import create_app
from server.config import ServiceConfig

ORIGINS = ["https://a.example", "https://evil.example", "https://x.example.org", "https://a.b.example.org",
           "https://example.org", "https://xexamplexorg.evil", "https://x.example.org.evil.com",
           "http://localhost:3000", "http://localhostevil.com", "https://a.example.evil"]


def allowed(conf: str, tmp_path) -> list[str]:
    c = create_app({"TRIALLENS_DB": str(tmp_path / "s.sqlite3"), "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_CORS_ORIGINS": conf}).test_client()
    return [o for o in ORIGINS if c.get("/api/v1/sites", headers={"Origin": o}).headers.get("Access-Control-Allow-Origin")]


@pytest.mark.parametrize("conf, expected", [
    ("https://a.example", ["https://a.example"]),
    ("http://localhost:3000/", ["http://localhost:3000"]),
    ("https://*.example.org", ["https://x.example.org", "https://a.b.example.org"]),
])
def test_configured_origins_are_compared_exactly(conf, expected, tmp_path):
    assert allowed(conf, tmp_path) == expected


@pytest.mark.parametrize("conf", ["*", "https://a.example,*", "http://localhost:*", "https://a.example/path",
                                  "https://a.exam?le", "null", "ftp://a.example", "http://a.example:70000",
                                  "https://[a-z]+.example"])
def test_anything_but_an_origin_is_refused_at_start(conf):
    with pytest.raises(ValueError, match=r"TRIALLENS_CORS_ORIGINS: .* is not a browser origin: give each as "
                                         r"scheme://host\[:port\]"):
        ServiceConfig.from_env(environ={"TRIALLENS_CORS_ORIGINS": conf})


# F8: bad operator settings and input are one clear error ------------------------------------------------------------

@pytest.mark.parametrize("hours", ["inf", "1e11", "-5", "nan", "abc", "-0.5"])
def test_a_ttl_that_is_no_number_of_hours_is_refused(hours, tmp_path, monkeypatch, capsys):
    from scrapers.errors import BadInput
    from scrapers.registry.settings import open_registry
    from server.cli import main

    env = {"TRIALLENS_DB": str(tmp_path / "s.sqlite3"), "TRIALLENS_OFFLINE": "1", "TRIALLENS_TTL_HOURS": hours}
    with pytest.raises(BadInput, match=rf"TRIALLENS_TTL_HOURS must be a number of hours from 0 to 1,000,000, got "
                                       rf"'{hours}'"):
        open_registry(env)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["related", "NCT07232563"]) == 2
    assert capsys.readouterr().err.startswith("triallens: error: TRIALLENS_TTL_HOURS must be a number of hours")


@pytest.mark.parametrize("hours, expected", [("0", 0.0), ("24", 24.0), ("1000000", 1e6), ("0.5", 0.5)])
def test_a_ttl_in_range_is_taken(hours, expected):
    from scrapers.registry.settings import ttl_from_env

    assert ttl_from_env(hours).total_seconds() == expected * 3600


@pytest.mark.parametrize("url", ["http://[::1", "http://[::1/api/v2", "http://host:port/api", "http://host:99999",
                                 "http://:80/api"])
def test_a_registry_address_python_cannot_split_is_refused_clearly(url):
    from scrapers.errors import BadInput
    from scrapers.registry.client import base_url_checked

    with pytest.raises(BadInput, match="the ClinicalTrials.gov API address must be an http"):
        base_url_checked(url)
    with pytest.raises(ValueError, match="TRIALLENS_CTGOV_URL"):
        ServiceConfig.from_env(environ={"TRIALLENS_CTGOV_URL": url})


def test_an_ipv6_registry_address_is_taken():
    from scrapers.registry.client import base_url_checked

    assert base_url_checked("http://[::1]:8080/api/v2/") == "http://[::1]:8080/api/v2"


def test_scrape_reads_an_endless_file_only_to_the_limit(monkeypatch):
    """/dev/zero never ends: read without bound it held gigabytes; at most the limit and one byte are read."""
    from scrapers.errors import BadInput
    from server import page_source

    monkeypatch.setattr(page_source, "MAX_HTML_BYTES", 4096)
    with pytest.raises(BadInput, match=r"/dev/zero is more than 4,096 bytes; the limit is 4,096"):
        page_source.read_page("/dev/zero")


def test_a_page_at_the_limit_is_read_whole(tmp_path, monkeypatch):
    from server import page_source

    monkeypatch.setattr(page_source, "MAX_HTML_BYTES", 4096)
    path = tmp_path / "p.html"
    path.write_bytes(b"x" * 4096)
    assert page_source.read_page(str(path))[0] == b"x" * 4096


def test_under_gunicorn_a_configuration_error_is_one_line_it_stops_on(monkeypatch):
    gunicorn_errors = pytest.importorskip("gunicorn.errors")
    monkeypatch.setenv("SERVER_SOFTWARE", "gunicorn/27.0.1")
    with pytest.raises(Exception) as caught:
        create_app({"TRIALLENS_RATE_LIMIT": "garbage"})
    # (gunicorn prints an AppImportError's message alone when a worker loads the app, a RuntimeError's with --preload)
    assert isinstance(caught.value, gunicorn_errors.AppImportError) and isinstance(caught.value, RuntimeError)
    assert str(caught.value) == ("TrialLens cannot start: TRIALLENS_RATE_LIMIT must look like '300 per minute' or "
                                 "'5/second', got 'garbage'")
    monkeypatch.delenv("SERVER_SOFTWARE")
    with pytest.raises(ValueError, match="^TRIALLENS_RATE_LIMIT must look like"):   # (elsewhere: itself)
        create_app({"TRIALLENS_RATE_LIMIT": "garbage"})


@pytest.mark.parametrize("preload", [True, False])
def test_the_readme_gunicorn_command_with_a_bad_setting_prints_no_traceback(preload, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    pytest.importorskip("gunicorn")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "TRIALLENS_RATE_LIMIT": "garbage",
           "TRIALLENS_DB": str(tmp_path / "s.sqlite3"), "TRIALLENS_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", "127.0.0.1:0", "--timeout", "30",
           *(["--preload"] if preload else []), "server:create_app()"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.count("TrialLens cannot start: TRIALLENS_RATE_LIMIT must look like") >= 1
