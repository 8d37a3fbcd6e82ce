"""What the command line says about input it cannot use: a clear `triallens: error: …` and exit status 2, in the
same words as the service where both take the same input (review r23)."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import pytest

from conftest import FIXTURES

PAGE = FIXTURES / "html" / "clinconnect.io" / "nct06427642_full.html"
UNBUNDLED = FIXTURES / "html" / "trialx.com" / "nct00006046_runin_heading.html"   # (no bundled record of its trial)


@pytest.mark.parametrize("args", [["check", str(PAGE)], ["check", str(PAGE), "--json"], ["check", str(UNBUNDLED)],
                                  ["explain", "NCT06427642"], ["related", "NCT06427642"]])
def test_a_store_that_is_not_a_triallens_store_is_an_error_for_every_verb(args, tmp_path, monkeypatch, capsys):
    """#5: `check` fell back to the bundled record and said "TrialLens could not check with ClinicalTrials.gov just
    now" (exit 0), or "no official record … in fixtures/ctgov" for other trials; `explain` used the bundled record
    silently. Now as `related` and `serve`: the store is named as not a TrialLens store."""
    from server.cli import main

    bad = tmp_path / "bad.json"
    bad.write_text("{bad json}")
    monkeypatch.setenv("TRIALLENS_DB", str(bad))
    assert main(args) == 2
    out = capsys.readouterr()
    assert out.err == f"triallens: error: {bad} is not a TrialLens store (SQLite said: file is not a database)\n"
    assert "ClinicalTrials.gov" not in out.out


@pytest.mark.parametrize("verb", ["check", "scrape"])
def test_a_url_that_is_no_web_address_is_refused(verb, capsys):
    """#8: `check page.html --url notaurl` read the page as one from a host "notaurl" (the generic reader: "no status
    shown" for a Recruiting page) and exited 0; the API and the HTML form refuse such an address, by the same rule
    (server.page_url)."""
    from server.cli import main

    with pytest.raises(SystemExit) as exit_:
        main([verb, str(PAGE), "--url", " notaurl "])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert ("error: argument --url: must be the page's http(s) address (it only chooses the site reader; it is never "
            "fetched), got 'notaurl'") in err and "Traceback" not in err
    # an http(s) address, or none at all (as the API takes an empty one), is read as before
    assert main([verb, str(PAGE), "--url", "https://clinconnect.io/trials/NCT06427642"]) == 0
    assert main([verb, str(PAGE), "--url", ""]) == 0


def test_a_url_longer_than_the_api_takes_is_refused_by_the_cli_too(capsys):
    """The CLI's copy of the rule had no length limit: an address the API refuses as too long was read."""
    from server.cli import main
    from server.page_url import MAX_URL

    with pytest.raises(SystemExit) as exit_:
        main(["scrape", str(PAGE), "--url", "https://clinconnect.io/" + "x" * MAX_URL])
    assert exit_.value.code == 2
    assert f"error: argument --url: is longer than {MAX_URL} characters, got 'https://" in capsys.readouterr().err


@pytest.mark.parametrize("given, taken", [(None, None), ("", None), ("  ", None),
                                          (" https://x.org/t/NCT01234567 ", "https://x.org/t/NCT01234567"),
                                          ("HTTP://X.ORG/", "HTTP://X.ORG/")])
def test_the_page_url_rule_takes_an_http_address_or_nothing(given, taken):
    from server.page_url import page_url

    assert page_url(given) == taken


@pytest.mark.parametrize("given", ["notaurl", "javascript:alert(1)", "ftp://x/y", "x.org/https://y", "https://",
                                   "https:// x.org"])
def test_the_page_url_rule_refuses_what_is_no_web_address(given):
    from server.page_url import BadPageUrl, page_url

    with pytest.raises(BadPageUrl, match=r"^must be the page's http\(s\) address"):
        page_url(given)


def test_check_imports_no_flask(tmp_path):
    """`check` and its --url rule run without the service: Flask is not loaded for them (server.page_url)."""
    import subprocess
    import sys

    code = ("import sys; from server.cli import main\n"
            "try: main(['check', sys.argv[1], '--url', 'https://clinconnect.io/x'])\n"
            "finally: print('flask' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(PAGE)], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "TRIALLENS_DB": str(tmp_path / "s.db"),
                               "TRIALLENS_OFFLINE": "1"})
    assert done.stdout.strip().endswith("False"), done.stderr


def test_check_help_names_the_positional_as_shown():
    from server.cli import build_parser

    sub = build_parser()._subparsers._group_actions[0].choices["check"]
    text = sub.format_help()
    assert "FILE_OR_URL is a file" in text and "SOURCE" not in text


def _study() -> dict:
    import json

    return json.loads((SAVED_COPIES / "NCT06427642.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("wrap", [lambda s: [s], lambda s: {"studies": [s]}])
def test_a_file_holding_one_study_is_read_by_explain_and_check_record(wrap, tmp_path, capsys):
    """#11: a JSON array of one study, which `ingest` takes, was refused by `explain` and `check --record` as "not a
    ClinicalTrials.gov API v2 study: …nctId is missing or invalid"."""
    import json

    from server.cli import main

    f = tmp_path / "one.json"
    f.write_text(json.dumps(wrap(_study())))
    assert main(["explain", str(f), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nct_id"] == "NCT06427642"
    assert main(["check", str(PAGE), "--record", str(f), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["official"]["nct_id"] == "NCT06427642"


@pytest.mark.parametrize("wrap,held", [(lambda s: {"studies": [s, s]}, "holds 2 studies; give one study's file (or "
                                        "ingest it and pass the NCT id)"),
                                       (lambda s: [s, s, s], "holds 3 studies; give one study's file (or ingest it "
                                        "and pass the NCT id)"),
                                       (lambda s: [], "holds no study; give one study's file"),
                                       (lambda s: {"studies": []}, "holds no study; give one study's file")])
@pytest.mark.parametrize("verb", ["explain", "check"])
def test_a_file_holding_several_studies_or_none_is_refused_by_what_it_holds(wrap, held, verb, tmp_path, capsys):
    import json

    from server.cli import main

    f = tmp_path / "many.json"
    f.write_text(json.dumps(wrap(_study())))
    args = ["explain", str(f)] if verb == "explain" else ["check", str(PAGE), "--record", str(f)]
    assert main(args) == 2
    assert capsys.readouterr().err == f"triallens: error: {f} {held}\n"


@pytest.mark.parametrize("content", ["[]", '{"studies": []}', "\n\n"])
def test_ingest_of_a_file_with_no_records_is_an_error(content, tmp_path, monkeypatch, capsys):
    """#12: `ingest` of `[]` or `{"studies": []}` said "0 added, 0 updated, 0 unchanged, 0 rejected" and exited 0: a
    wrong or empty download looked like success to a script. Now as for a folder with no NCT*.json."""
    from server.cli import main

    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "s.sqlite3"))
    empty = tmp_path / ("empty.jsonl" if content.isspace() else "empty.json")
    empty.write_text(content)
    assert main(["ingest", str(empty)]) == 2
    out = capsys.readouterr()
    assert out.err == f"triallens: error: nothing ingested: no records found in {empty.name}\n"
    assert f"{empty.name}: no records: the file holds no studies" in out.out
    assert main(["ingest", str(empty), "--json"]) == 2
    assert capsys.readouterr().err == f"triallens: error: nothing ingested: no records found in {empty.name}\n"
    # beside a file with records it is said, and the ingest is still a success
    assert main(["ingest", str(empty), str(SAVED_COPIES / "NCT06427642.json")]) == 0
    assert f"{empty.name}: no records: the file holds no studies" in capsys.readouterr().out


def test_ingest_of_a_folder_with_no_records_says_the_same(tmp_path, monkeypatch, capsys):
    from server.cli import main

    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "s.sqlite3"))
    folder = tmp_path / "downloads"
    folder.mkdir()
    assert main(["ingest", str(folder)]) == 2
    assert capsys.readouterr().err == f"triallens: error: nothing ingested: no records found in {folder}\n"


def test_scrape_coverage_lists_unreadable_files_as_failures_not_as_a_host(tmp_path, capsys):
    """#18: `scrape a.html r23/empty.html r23/nothere.html` put the two failures in the coverage table under a
    "host" named after their folder ("r23"). Only a page whose host is known counts in its host's row."""
    import json
    import shutil

    from server.cli import main

    folder = tmp_path / "r23"
    folder.mkdir()
    (folder / "empty.html").write_text("")
    site = tmp_path / "clinconnect.io"
    site.mkdir()
    (site / "notrial.html").write_text("<html><body><p>Hello world</p></body></html>")
    shutil.copy(PAGE, site / "page.html")
    files = [str(site / "page.html"), str(folder / "empty.html"), str(folder / "nothere.html"),
             str(site / "notrial.html")]
    assert main(["scrape", *files, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out["coverage"]) == ["clinconnect.io"]
    assert (out["coverage"]["clinconnect.io"]["pages"], out["coverage"]["clinconnect.io"]["errors"]) == (1, 1)
    assert [e["file"] for e in out["errors"]] == files[1:]
    assert main(["scrape", *files]) == 0
    text = capsys.readouterr()
    assert "r23" not in text.out and "unknown" not in text.out and "1 page(s) read, 3 could not be read." in text.out
    assert f"triallens: {files[1]}: input is empty" in text.err


def test_serve_on_an_address_that_is_not_this_computers_says_so_not_another_port(capsys):
    """#18: `serve --host nosuchhost.invalid` suggested "start it on another port"; the host is what cannot be used.
    (192.0.2.1 is a documentation address no computer has: refused without asking DNS.)"""
    from server.cli import main

    assert main(["serve", "--host", "192.0.2.1", "--port", "5999"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("triallens: error: cannot listen on 192.0.2.1: ")
    assert "--host must be an address of this computer, e.g. 127.0.0.1" in err
    assert "another port" not in err and "--port" not in err and "while attempting" not in err
    assert "TrialLens service on" not in err


def test_ingest_help_says_how_a_record_is_dated_as_readme_and_the_code_do(tmp_path):
    """#18: `ingest --help` said "default: from each record's versionHolder"; the code (and README) fall back to the
    zip entry's date, a converted record's legacy download date, then its last update posted."""
    import json
    import re
    import zipfile

    from conftest import ROOT
    from scrapers.registry.ingest import read_path
    from server.cli import build_parser

    sub = build_parser()._subparsers._group_actions[0].choices["ingest"]
    help_text = " ".join(sub.format_help().split())
    order = "versionHolder, else the zip entry's date, else a converted record's legacy download date, else its last " \
            "update posted"
    assert f"(default: each record's {order})" in help_text
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert re.search(r"`versionHolder`, else the zip entry's date \(`ctg-studies\.json\.zip`\), else a converted "
                     r"record's legacy download date \(`_provenance\.legacyDownloadDate`\), else its last update "
                     r"posted", readme)
    # the code: a zip entry without versionHolder is dated by the entry, over a legacy download date
    study = json.loads((SAVED_COPIES / "NCT06427642.json").read_text(encoding="utf-8"))
    study.get("derivedSection", {}).get("miscInfoModule", {}).pop("versionHolder", None)
    study["_provenance"] = {"legacyDownloadDate": "2023-02-03"}
    path = tmp_path / "ctg-studies.json.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("NCT06427642.json", date_time=(2025, 3, 4, 0, 0, 0)), json.dumps(study))
    assert [i.fetched_at[:10] for i in read_path(path)] == ["2025-03-04"]
    plain = tmp_path / "NCT06427642.json"
    plain.write_text(json.dumps(study))
    assert [i.fetched_at[:10] for i in read_path(plain)] == ["2023-02-03"]
