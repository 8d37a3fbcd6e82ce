import gzip
import json
import os
import re
import tempfile
from pathlib import Path

import pytest

from scrapers.official import RECONSTRUCTED_KEY
from scrapers.registry import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def saved_copies_of_the_demo_records() -> Path:
    """The bundled demo records without their "rebuilt by TrialLens" note (OfficialRecord.reconstructed), in a folder
    of their own. Most tests use the demo trials as stand-ins for saved copies of real ClinicalTrials.gov records, and
    check what is said of a saved copy; with the note, every such sentence names the demo record instead (which
    test_demo_records.py checks, with TRIALLENS_DEMO_DIR set to fixtures/ctgov itself)."""
    folder = Path(tempfile.mkdtemp(prefix="triallens-saved-copies-"))
    for path in sorted((FIXTURES / "ctgov").glob("NCT*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        record.pop(RECONSTRUCTED_KEY, None)
        (folder / path.name).write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    return folder


# (set before any test opens a registry; servers the tests start inherit it)
os.environ.setdefault("TRIALLENS_DEMO_DIR", str(saved_copies_of_the_demo_records()))
SAVED_COPIES = Path(os.environ["TRIALLENS_DEMO_DIR"])

_SOURCE = re.compile(r"<!--\s*source:\s*(\S+)")


def fixture_url(html_path: Path) -> str:
    """The page's source URL, from the `<!-- source: URL -->` comment every fixture carries."""
    m = _SOURCE.search(html_path.read_text(encoding="utf-8")[:2000])
    if not m:
        raise AssertionError(f"{html_path} has no <!-- source: URL --> comment")
    return m.group(1)



def scrape_edited(html_path: Path, *subs: tuple[str, str]):
    """The saved page scraped at its own URL with each (old, new) replaced once (asserting the page says `old`): one
    layout change on a real page."""
    from scrapers import scrape_html

    html = html_path.read_text(encoding="utf-8")
    for old, new in subs:
        assert old in html
        html = html.replace(old, new, 1)
    return scrape_html(html, fixture_url(html_path))

def ctgov_study_page(nct_id: str) -> str:
    """The trial's own study page on ClinicalTrials.gov, for a record in fixtures/ctgov: a saved study page
    (NCT03466619's) with its number, title, sponsor and condition made the record's (with another trial's, the service
    says the page may be about a different trial and sends none of the record's criteria)."""
    record = json.loads((FIXTURES / "ctgov" / f"{nct_id}.json").read_text(encoding="utf-8"))["protocolSection"]
    title = record["identificationModule"]["briefTitle"]
    sponsor = record["sponsorCollaboratorsModule"]["leadSponsor"]["name"]
    condition = record["conditionsModule"]["conditions"][0]
    html = (FIXTURES / "html" / "clinicaltrials.gov" / "nct03466619_study_divs.html").read_text(encoding="utf-8")
    return (html.replace("NCT03466619", nct_id).replace("Penile Prosthesis in Patients With Erectile Dysfunction", title)
            .replace("Tanta University", sponsor).replace("Erectile Dysfunction", condition))


@pytest.fixture
def store(tmp_path):
    """An empty store of official records in the test's own folder, closed after it."""
    s = Store(tmp_path / "official.sqlite3")
    yield s
    s.close()


@pytest.fixture
def shared_dir():
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


def corpus_record(shared_dir: Path, nct_id: str) -> dict:
    """One record of ../shared/data/ctgov as its JSON, from the native v2 half or the converted legacy half (the test
    is skipped if the corpus lacks it): the one way tests fetch a named real record."""
    base = shared_dir / "data" / "ctgov"
    for path, opener in ((base / "studies_v2.jsonl", open), (base / "studies_legacy_xml_as_v2.jsonl.gz", gzip.open)):
        if not path.exists():
            continue
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if f'"{nct_id}"' in line:
                    record = json.loads(line)
                    if record["protocolSection"]["identificationModule"]["nctId"] == nct_id:
                        return record
    pytest.skip(f"{nct_id} is not in the shared corpus")


@pytest.fixture(autouse=True, scope="session")
def _offline_store(tmp_path_factory):
    """Tests never touch the internet or the user's own store: every test (and every CLI
    subprocess it starts) gets a throwaway TRIALLENS_DB in offline mode unless it sets its own."""
    import os

    saved = {k: os.environ.get(k) for k in ("TRIALLENS_DB", "TRIALLENS_OFFLINE")}
    os.environ["TRIALLENS_DB"] = str(tmp_path_factory.mktemp("store") / "triallens.sqlite3")
    os.environ["TRIALLENS_OFFLINE"] = "1"
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
