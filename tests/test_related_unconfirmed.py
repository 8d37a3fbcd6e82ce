"""A related trial whose sponsor had long not confirmed its status (review r35 §7): "Recruiting (as of Sep 2024)", the
saved copy's month, read as confirmed then, for a status last confirmed in Mar 2018 (NCT03466619). The row now says
since when, as a listing's badge counts it for the record (server/status_shown.py unconfirmed_since: to today, a saved
copy too; rel13), and a list of trials to join ranks it lower."""

from __future__ import annotations

from datetime import date

from scrapers.registry.store import Incoming, Store
from server.related import related
from server.status_shown import related_status
from tests.test_related_patients import _rec

TODAY = date(2026, 12, 5)
COPIED = "2026-09-10T00:00:00Z"
OLD_COPY = "2024-09-10T00:00:00Z"


def _verified(rec, month: str | None):
    rec.data["protocolSection"]["statusModule"]["statusVerifiedDate"] = month
    return rec


def _store(tmp_path) -> Store:
    store = Store(tmp_path / "s.db")
    store.put_many([Incoming(r, COPIED, "registry") for r in (
        _verified(_rec("NCT90000401", "Allopurinol for gout", ["Gout"]), "2026-08"),
        _verified(_rec("NCT90000402", "Allopurinol for gout flares", ["Gout"]), "2018-03"),      # unconfirmed 8 years
        _verified(_rec("NCT90000403", "Allopurinol for gout flares", ["Gout"]), "2026-08"),
        _verified(_rec("NCT90000405", "Allopurinol for gout flares", ["Gout"], status="COMPLETED"), "2018-03"),
    )] + [Incoming(_verified(_rec("NCT90000404", "Allopurinol for gout flares", ["Gout"]), "2023-12"), OLD_COPY,
                   "registry")])   # (9 months at its copy of Sep 2024, 3 years by today)
    store.put_many([_verified(_rec("NCT90000406", "Allopurinol for gout flares", ["Gout"]), "2018-03")],
                   origin="fixture")   # (nothing dates this copy: counted to today)
    return store


def test_a_long_unconfirmed_status_says_since_when_and_ranks_lower(tmp_path):
    store = _store(tmp_path)
    found = {t.nct_id: t for t in related("NCT90000401", k=10, store=store, today=TODAY)}
    assert {n: t.unconfirmed_since for n, t in found.items()} == {
        "NCT90000402": "2018-03", "NCT90000403": None, "NCT90000404": "2023-12", "NCT90000406": "2018-03"}
    # (a copy of Sep 2024 whose status was confirmed in Dec 2023: counted to today, as the listing's badge counts it;
    # rel13. The row read "Recruiting (as of Sep 2024)", calmer than the badge's "… (status last confirmed Dec 2023)")
    order = [t.nct_id for t in related("NCT90000401", k=10, store=store, today=TODAY)]
    assert order.index("NCT90000403") < order.index("NCT90000402")   # (the same words; the tie went to 402)
    assert related_status(found["NCT90000402"].to_dict()) == "Recruiting (status last confirmed Mar 2018)"
    assert related_status(found["NCT90000403"].to_dict()) == "Recruiting (as of Sep 2026)"
    assert related_status(found["NCT90000404"].to_dict()) == "Recruiting (status last confirmed Dec 2023)"
    # a closed trial's old confirmation says nothing: it is over
    every = {t.nct_id: t for t in related("NCT90000401", k=10, statuses="any", store=store, today=TODAY)}
    assert every["NCT90000405"].unconfirmed_since is None and every["NCT90000402"].unconfirmed_since == "2018-03"


def test_the_page_the_api_and_the_cli_say_it_alike(tmp_path, monkeypatch, capsys):
    from server import create_app
    from server.cli import main as cli_main
    from tests.test_service_pages import section

    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DEMO_DIR", str(tmp_path / "no-fixtures"))
    _store(tmp_path).close()
    c = create_app({"TRIALLENS_DB": str(tmp_path / "s.db"), "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    page = section(c.get("/trials/NCT90000401"), "related")
    assert "Allopurinol for gout flares · Recruiting (status last confirmed Mar 2018)" in page
    api = {t["nct_id"]: t for t in c.get("/api/v1/trials/NCT90000401/related").get_json()["related"]}
    assert api["NCT90000402"]["unconfirmed_since"] == "2018-03" and api["NCT90000403"]["unconfirmed_since"] is None
    assert cli_main(["related", "NCT90000401", "--db", str(tmp_path / "s.db")]) == 0
    assert "NCT90000402  Recruiting (status last confirmed Mar 2018)" in capsys.readouterr().out


def test_the_card_says_it_as_the_page():
    from pathlib import Path

    from server.status_shown import RELATED_UNCONFIRMED

    badges = (Path(__file__).resolve().parents[1] / "extension" / "lib" / "badges.js").read_text(encoding="utf-8")
    assert f'RELATED_UNCONFIRMED = "{RELATED_UNCONFIRMED.split("{")[0]}";' in badges
