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
