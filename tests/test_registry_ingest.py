"""Bulk ingest (every supported format, bad records skipped), sync, and their CLI verbs."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import gzip
import json
import os
import subprocess
import sys
import zipfile

import pytest

from fake_ctgov import ROOT, fake_ctgov, fast_client, nct_of, studies, variant  # noqa: F401  (fixtures)
from scrapers.errors import BadInput, RegistryUnavailable
from scrapers.registry import Store
from scrapers.registry.ingest import ingest
from scrapers.registry.sync import sync

BULK_ZIP = ROOT.parent / "shared" / "data" / "ctgov" / "bulk" / "ctg-studies.json.zip"


def write_all_formats(folder, studies):
    """The same studies split over every format ingest reads; returns the paths."""
    a, b, c, d, e, f = (studies[i::6] for i in range(6))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.jsonl").write_text("".join(json.dumps(s) + "\n" for s in a))
    with gzip.open(folder / "b.jsonl.gz", "wt") as fh:
        fh.write("".join(json.dumps(s) + "\n" for s in b))
    (folder / "c.json").write_text(json.dumps(c))
    (folder / "d.json").write_text(json.dumps({"studies": d, "nextPageToken": "x"}))
    nct_dir = folder / "e"
    nct_dir.mkdir()
    for s in e:
        (nct_dir / f"{nct_of(s)}.json").write_text(json.dumps(s, indent=2))
    with zipfile.ZipFile(folder / "ctg-studies.json.zip", "w") as zf:
        for s in f:
            zf.writestr(zipfile.ZipInfo(f"{nct_of(s)}.json", (2024, 9, 24, 11, 44, 0)), json.dumps(s, indent=2))
    return [folder / n for n in ("a.jsonl", "b.jsonl.gz", "c.json", "d.json", "e", "ctg-studies.json.zip")]


def test_every_format_is_read(store, studies, tmp_path):
    paths = write_all_formats(tmp_path / "in", studies)
    report = ingest(store, paths)
    assert report.rejected == []
    assert report.summary.added == len(studies) == store.count()
    assert {nct_of(s) for s in studies} == set(store.ids())
    for s in studies:
        assert store.get(nct_of(s)).data == s
    again = ingest(store, paths)
    assert (again.summary.added, again.summary.updated, again.summary.unchanged) == (0, 0, len(studies))


def test_bad_records_are_reported_and_skipped(store, studies, tmp_path):
    lines = [json.dumps(studies[0]), "{not json", json.dumps({"protocolSection": {}}), json.dumps([1, 2]),
             json.dumps({"FullStudiesResponse": {"FullStudies": []}}), "", json.dumps(studies[1])]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n")
    whole = gzip.compress("".join(json.dumps(s) + "\n" for s in studies[2:8]).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    report = ingest(store, [tmp_path / n for n in ("mixed.jsonl", "cut.jsonl.gz", "notes.txt", "broken.zip")])
    reasons = dict(report.rejected)
    assert reasons["mixed.jsonl:2"].startswith("invalid JSON")
    assert reasons["mixed.jsonl:3"].startswith("not an API v2 study")
    assert reasons["mixed.jsonl:4"].startswith("not a study")
    assert reasons["mixed.jsonl:5"].startswith("old API format")
    assert any(w.startswith("cut.jsonl.gz") and r.startswith("unreadable file") for w, r in report.rejected)
    assert reasons["notes.txt"].startswith("unsupported file type")
    assert reasons["broken.zip"].startswith("unreadable file")
    assert {nct_of(studies[0]), nct_of(studies[1])} <= set(store.ids())
    d = report.to_dict()
    assert d["rejected"] == len(report.rejected) and d["rejected_by_reason"]["invalid JSON"] == 1


def test_missing_path_is_bad_input_before_any_write(store, studies, tmp_path):
    (tmp_path / "ok.jsonl").write_text(json.dumps(studies[0]) + "\n")
    with pytest.raises(BadInput, match="no such file"):
        ingest(store, [tmp_path / "ok.jsonl", tmp_path / "missing.jsonl"])
    assert store.count() == 0


def test_updates_are_counted_and_history_kept(store, studies, tmp_path):
    (tmp_path / "v1.jsonl").write_text("".join(json.dumps(variant(s, status="RECRUITING", last_update="2025-01-01")) + "\n"
                                               for s in studies[:5]))
    (tmp_path / "v2.jsonl").write_text("".join(json.dumps(variant(s, status="COMPLETED", last_update="2026-01-01")) + "\n"
                                               for s in studies[:5]))
    ingest(store, [tmp_path / "v1.jsonl"])
    report = ingest(store, [tmp_path / "v2.jsonl"])
    assert report.summary.updated == 5
    assert store.history(nct_of(studies[0]))[0]["status"] == "RECRUITING"
    assert ingest(store, [tmp_path / "v1.jsonl"]).summary.older == 5  # re-reading the old file changes nothing
    assert store.get(nct_of(studies[0])).status == "COMPLETED"


def test_commit_every_keeps_earlier_batches(store, studies, tmp_path):
    (tmp_path / "all.jsonl").write_text("".join(json.dumps(s) + "\n" for s in studies))
    report = ingest(store, [tmp_path / "all.jsonl"], commit_every=7)
    assert report.summary.added == len(studies) == store.count()


def test_zip_entry_date_is_the_fetched_at(store, studies, tmp_path):
    s = json.loads(json.dumps(studies[0]))
    s.get("derivedSection", {}).pop("miscInfoModule", None)
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as zf:
        zf.writestr(zipfile.ZipInfo(f"{nct_of(s)}.json", (2024, 9, 24, 11, 44, 0)), json.dumps(s))
    ingest(store, [tmp_path / "z.zip"])
    assert store.get_stored(nct_of(s)).fetched_at == "2024-09-24T00:00:00Z"


def test_real_ctgov_download_zip(store):
    if not BULK_ZIP.exists():
        pytest.skip("../shared/data/ctgov/bulk is not beside the checkout")
    report = ingest(store, [BULK_ZIP])
    assert report.rejected == [] and report.summary.added == 635 == store.count()


# sync --------------------------------------------------------------------------------------

def dated(studies):
    return [variant(s, last_update=f"2026-0{1 + i % 6}-{10 + i % 15:02d}") for i, s in enumerate(studies)]


def test_sync_pulls_changes_since_a_date_and_resumes(store, studies, fake_ctgov):
    for s in dated(studies):
        fake_ctgov.set_study(s)
    wanted = sorted(nct_of(s) for s in fake_ctgov.studies.values()
                    if s["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] >= "2026-03-01")
    client = fast_client(fake_ctgov.base_url)
    first = sync(store, client, "2026-03-01", page_size=4, max_pages=2)
    assert not first.complete and first.pages == 2 and store.count() == 8
    assert first.total_count == len(wanted)
    fake_ctgov.faults.extend(["500"] * 3)  # the registry fails mid-sync: stored pages are kept
    with pytest.raises(RegistryUnavailable, match="resumes"):
        sync(store, client, "2026-03-01", page_size=4)
    assert store.count() == 8
    done = sync(store, client, "2026-03-01", page_size=4)
    assert done.resumed and done.complete
    assert store.ids() == wanted
    tokens = [r.args.get("pageToken") for r in fake_ctgov.requests if r.path == "/api/v2/studies"]
    assert tokens.count(None) == 1  # never started over
    with store.connection() as conn:
        keys = [k for k, in conn.execute("SELECT key FROM meta")]
    assert store.get_meta("sync:last_completed") and not any(k.startswith("sync:cursor") for k in keys)


def test_sync_with_a_query_and_a_bad_date(store, studies, fake_ctgov):
    target = dated(studies)[0]
    target["protocolSection"]["identificationModule"]["briefTitle"] = "Zebrafish-inspired xylophone therapy"
    fake_ctgov.set_study(target)
    report = sync(store, fast_client(fake_ctgov.base_url), "2000-01-01", query="xylophone")
    assert report.complete and store.ids() == [nct_of(target)]
    with pytest.raises(BadInput, match="--since"):
        sync(store, fast_client(fake_ctgov.base_url), "last tuesday")


# CLI ---------------------------------------------------------------------------------------

def run_cli(*args, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "server.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


def test_cli_ingest_and_sync(studies, tmp_path, fake_ctgov):
    db = tmp_path / "cli.sqlite3"
    paths = write_all_formats(tmp_path / "in", studies)
    (tmp_path / "in" / "bad.jsonl").write_text("{oops\n")
    proc = run_cli("ingest", *map(str, paths), str(tmp_path / "in" / "bad.jsonl"), "--json",
                   env_extra={"TRIALLENS_DB": str(db)})
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["added"], out["rejected"]) == (len(studies), 1)
    assert out["rejected_records"][0]["where"] == "bad.jsonl:1"
    text = run_cli("ingest", str(paths[0]), env_extra={"TRIALLENS_DB": str(db)})
    assert text.returncode == 0 and "unchanged" in text.stdout

    # only bad records: the summary, then exit status 2 (a script must not take it for success)
    only_bad = run_cli("ingest", str(tmp_path / "in" / "bad.jsonl"), env_extra={"TRIALLENS_DB": str(db)})
    assert only_bad.returncode == 2 and "1 rejected" in only_bad.stdout
    assert only_bad.stderr.startswith("triallens: error: nothing ingested")

    missing = run_cli("ingest", str(tmp_path / "nope.jsonl"), env_extra={"TRIALLENS_DB": str(db)})
    assert missing.returncode == 2 and missing.stderr.startswith("triallens: error: no such file")

    changed = variant(studies[0], status="TERMINATED", last_update="2099-01-01")
    fake_ctgov.set_study(changed)
    env = {"TRIALLENS_DB": str(db), "TRIALLENS_CTGOV_URL": fake_ctgov.base_url, "TRIALLENS_OFFLINE": ""}
    proc = run_cli("sync", "--since", "2098-12-31", "--json", env_extra=env)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["fetched"], out["updated"], out["complete"]) == (1, 1, True)
    assert Store(db).get(nct_of(studies[0])).status == "TERMINATED"
    offline = run_cli("sync", "--since", "2026-01-01", env_extra={**env, "TRIALLENS_OFFLINE": "1"})
    assert offline.returncode == 2 and "OFFLINE" in offline.stderr
    bad = run_cli("sync", "--since", "yesterday", env_extra=env)
    assert bad.returncode == 2 and "--since" in bad.stderr


def test_cli_check_uses_the_store_and_says_when_stale(tmp_path):
    page = ROOT / "fixtures" / "html" / "meddatax.com" / "nct07232563_bare_values.html"
    proc = run_cli("check", str(page), "--json", "--today", "2026-11-22",
                   env_extra={"TRIALLENS_DB": str(tmp_path / "c.sqlite3"), "TRIALLENS_OFFLINE": "1"})
    assert proc.returncode == 0, proc.stderr
    official = json.loads(proc.stdout)["official"]
    assert official["stale"] is True and "offline" in official["note"]
    assert official["fetched_at"].startswith("2025-11-18")


def test_sync_starts_over_when_the_saved_token_has_expired(store, studies, fake_ctgov):
    from scrapers.registry.sync import cursor_key

    store.set_meta(cursor_key("2000-01-01", None, None),
                   json.dumps({"page_token": "expired!", "pages": 3, "started_at": "2026-01-01T00:00:00Z"}))
    report = sync(store, fast_client(fake_ctgov.base_url), "2000-01-01", page_size=10)
    assert report.complete and report.resumed and "started again" in report.notes[0]
    assert store.count() == len(studies)


def test_cli_check_refreshes_from_the_registry_and_shows_the_change(tmp_path, fake_ctgov):
    page = ROOT / "fixtures" / "html" / "meddatax.com" / "nct07232563_bare_values.html"
    bundled = json.loads((SAVED_COPIES / "NCT07232563.json").read_text())
    fake_ctgov.set_study(variant(bundled, status="RECRUITING", last_update="2026-02-01"))
    env = {"TRIALLENS_DB": str(tmp_path / "r.sqlite3"), "TRIALLENS_CTGOV_URL": fake_ctgov.base_url,
           "TRIALLENS_OFFLINE": ""}
    proc = run_cli("check", str(page), "--json", "--today", "2026-11-22", env_extra=env)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["official"]["status"] == "RECRUITING" and out["official"]["stale"] is False
    assert any(f["kind"] == "status_drift" for f in out["drift"]["findings"])  # the page still says not yet recruiting
    assert [r.path for r in fake_ctgov.requests] == ["/api/v2/studies/NCT07232563"]
    history = Store(tmp_path / "r.sqlite3").history("NCT07232563")
    assert [h["status"] for h in history] == ["NOT_YET_RECRUITING"]  # the bundled copy, kept


def test_ingest_progress_bar_on_request(store, studies, tmp_path, capsys):
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(s) + "\n" for s in studies))
    ingest(store, [tmp_path / "a.jsonl"], progress=True)
    assert f"{len(studies)} rec" in capsys.readouterr().err
