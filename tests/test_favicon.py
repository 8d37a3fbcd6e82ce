"""The service's pages name an icon the browser may load, so it does not ask for /favicon.ico and log a 404
(review r17 #11)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from server import create_app


def test_every_page_links_an_icon_that_is_served_and_allowed_by_the_pages_policy():
    db = Path(tempfile.mkdtemp()) / "store.sqlite3"
    client = create_app({"TRIALLENS_DB": str(db), "TRIALLENS_OFFLINE": "1", "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    for path in ("/", "/trials/NCT07232563"):
        page = client.get(path)
        assert page.status_code == 200, path
        links = re.findall(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)">', page.get_data(as_text=True))
        assert len(links) == 1, path
        href = links[0]
        assert href.startswith("/static/"), href   # same origin: the policy's img-src 'self' lets it load
        assert "img-src 'self'" in page.headers["Content-Security-Policy"]
        icon = client.get(href)
        assert icon.status_code == 200
        assert icon.mimetype == "image/svg+xml"
        assert icon.get_data(as_text=True).lstrip().startswith("<svg")
