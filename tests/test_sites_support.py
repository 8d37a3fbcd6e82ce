"""Site wordings in the status vocabulary, the shared readers the site scrapers use, and the
coverage table `triallens scrape FILE...` prints."""

import json

import pytest

from conftest import FIXTURES
from scrapers.sites import supported_hosts
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites._runon import strip_bullet
from scrapers.sites.common import plausible_status_wording
from scrapers.vocab import normalize_status
from server.cli import main


@pytest.mark.parametrize("text,expected", [
    ("Open Actively Recruiting", "RECRUITING"),        # uclahealth.org
    ("NOT_YET_RECRUITING", "NOT_YET_RECRUITING"),      # trial.medpath.com "Status"
    ("Not yet recruiting", "NOT_YET_RECRUITING"),      # trial.medpath.com badge, biotechhunter.com
    ("Withdrawn", "WITHDRAWN"), ("Suspended", "SUSPENDED"), ("Terminated", "TERMINATED"),  # clinicaltrialexchange.com
    ("Temporarily Closed to Accrual", "SUSPENDED"),
    ("Active - Recruiting", "RECRUITING"), ("currently on hold", "SUSPENDED"),
    # ambiguous: never a guess
    ("Active", None), ("Closed to Accrual", None), ("Recruitment complete", None), ("Waitlist Available", None),
    ("No longer recruiting", None), ("Ongoing", None),
])
def test_site_status_wordings(text, expected):
    assert normalize_status(text) == expected


def test_at_least_eight_more_sites_are_supported():
    ours = {"trial.medpath.com", "clinicaltrialexchange.com", "clinicaltrials.gov", "trialx.com", "strokecenter.org",
            "biotechhunter.com", "medifind.com", "inclinicaltrials.com", "checkorphan.org", "curemydisease.com",
            "crick.ai", "trials.co"}
    assert ours <= set(supported_hosts())
    for host in ours:
        cases = list((FIXTURES / "html" / host).glob("*.html"))
        assert len(cases) >= 4, f"{host} has {len(cases)} fixture cases"


@pytest.mark.parametrize("text,inc,exc", [
    ("Inclusion Criteria: - diagnosed with BPD Exclusion Criteria: - parents' rejection", ["diagnosed with BPD"], ["parents' rejection"]),
    ("Inclusion Criteria: - Aged 18 - 65 years - BMI 20 - 30 kg/m2 Exclusion Criteria: - ALT ≥ 2.5 x ULN",
     ["Aged 18 - 65 years", "BMI 20 - 30 kg/m2"], ["ALT ≥ 2.5 x ULN"]),
    ("Inclusion Criteria: 1. Age 18 - 65 2. BMI 20 - 30 kg/m2 Exclusion Criteria: 1. ALT ≥ 2.5 x ULN",
     ["1. Age 18 - 65", "2. BMI 20 - 30 kg/m2"], ["1. ALT ≥ 2.5 x ULN"]),
])
def test_run_on_criteria_split_without_breaking_ranges_or_decimals(text, inc, exc):
    assert criteria_lists([text])[:2] == (inc, exc)


def test_bullets_are_markup_numbers_are_content():
    assert strip_bullet("- 1. Age 18-80 years") == "1. Age 18-80 years"
    assert strip_bullet("⁃ For children with SBS") == "For children with SBS"
    assert strip_bullet("E. coli infection") == "E. coli infection"


@pytest.mark.parametrize("text,ok", [("Waitlist Available", True), ("Drug", False), ("Phase 2", False),
                                     ("All", False), ("Since 2019", False), ("Information provided by:", False)])
def test_plausible_status_wording(text, ok):
    assert plausible_status_wording(text) is ok


def _fixture(host: str, name: str) -> str:
    return str(FIXTURES / "html" / host / name)


def test_scrape_many_prints_a_coverage_table(capsys):
    files = [_fixture("trial.medpath.com", "nct06427642_semantic.html"),
             _fixture("trial.medpath.com", "nct07144241_table.html"),
             _fixture("curemydisease.com", "nct07635758_semantic.html")]
    assert main(["scrape", *files]) == 0
    out = capsys.readouterr().out.splitlines()
    header = out[0].split()
    rows = {line.split()[0]: dict(zip(header[1:], map(int, line.split()[1:]))) for line in out[1:3]}
    assert rows["trial.medpath.com"]["pages"] == 2 and rows["trial.medpath.com"]["status"] == 2
    assert rows["curemydisease.com"]["as_of"] == 1 and rows["curemydisease.com"]["status"] == 0


def test_scrape_many_json_counts_unreadable_pages(tmp_path, capsys):
    bad = tmp_path / "empty.html"
    bad.write_text("")
    good = _fixture("strokecenter.org", "nct02378974_description_table.html")
    assert main(["scrape", good, str(bad), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["coverage"]["strokecenter.org"]["pages"] == 1
    assert data["coverage"]["strokecenter.org"]["interv"] == 1
    assert [e["file"] for e in data["errors"]] == [str(bad)]
    assert main(["scrape", str(bad), str(bad)]) == 2


def test_single_file_keeps_its_record_output(capsys):
    assert main(["scrape", _fixture("medifind.com", "nct06427642_divs.html"), "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert (rec["site"], rec["nct_id"], rec["status"]) == ("medifind.com", "NCT06427642", "RECRUITING")
