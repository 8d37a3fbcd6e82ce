"""Pages printing the record's own text draw no alarm (recon11):
- a CheckOrphan paragraph: a few-word heading line run into the text it heads ("… between 1 and 5. HEALTHY
  VOLUNTEERS For the purpose of this study …", NCT00001539) is in its place, not left out (run_on_words._in_place);
- a site printing a legacy record's paragraphs one item each: a list whose items are the record's own blocks is the
  record's list, not "another trial's" (NCT00003423; foreign.py counts own_runs.block_items).
A heading left out, or another trial's list, is still said."""

from datetime import date

from bench.paragraph_pages import URL as MEDDATAX_URL, page_html as meddatax_html
from bench.runon_verbatim import URL as CHECKORPHAN_URL, page_html as checkorphan_html
from conftest import corpus_record
from scrapers import scrape_html
from scrapers.criteria import unescape_markdown
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 12, 7)


def _criteria(record: dict) -> str:
    return unescape_markdown(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])


def _alarms(official: OfficialRecord, html: str, url: str) -> list:
    page = scrape_html(html, url)
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity != "info"
            and f.field.startswith(("inclusion", "exclusion", "criteria"))]


def test_a_heading_run_into_its_paragraph_on_checkorphan_is_not_left_out(shared_dir):
    record = corpus_record(shared_dir, "NCT00001539")
    official, criteria = OfficialRecord(record), _criteria(record)
    assert "\nHEALTHY VOLUNTEERS\n" in criteria
    found = _alarms(official, checkorphan_html("NCT00001539", "A trial", "", criteria), CHECKORPHAN_URL)
    assert not found, [(f.kind, f.message[:160]) for f in found]


def test_a_heading_left_out_of_the_checkorphan_paragraph_is_still_said(shared_dir):
    record = corpus_record(shared_dir, "NCT00001539")
    official, criteria = OfficialRecord(record), _criteria(record)
    found = _alarms(official, checkorphan_html("NCT00001539", "A trial", "",
                                               criteria.replace("\nHEALTHY VOLUNTEERS\n", "\n", 1)), CHECKORPHAN_URL)
    assert any(f.kind == "criterion_missing" and f.evidence.get("official_texts") == ["HEALTHY VOLUNTEERS"]
               for f in found), [(f.kind, f.message[:160]) for f in found]


def test_few_words_are_in_place_only_with_the_records_words_beside_them():
    from scrapers.reconcile.run_on_words import _in_place, words_of
    record = words_of("Patients should have an EDSS between 1 and 5.\n\nHEALTHY VOLUNTEERS\n\nFor the purpose of this "
                    "study, a healthy volunteer is …")
    assert _in_place("HEALTHY VOLUNTEERS", words_of("… EDSS between 1 and 5. HEALTHY VOLUNTEERS For the purpose of this "
                                                  "study …"), record)
    # (the words elsewhere, their neighbours not the record's: chance, not the item)
    assert not _in_place("HEALTHY VOLUNTEERS", words_of("… excluded: HEALTHY VOLUNTEERS CONTROLS with …"), record)
    assert not _in_place("HEALTHY VOLUNTEERS", words_of("… EDSS between 1 and 5. For the purpose of this study …"), record)
    # (written twice by the record, in its place once on the page: the other one is left out)
    twice = words_of("Relapsed ALL\n\nUntreated ALL\n\nAge over 2\n\nOther: Untreated ALL in remission")
    assert _in_place("Untreated ALL", words_of("Relapsed ALL Untreated ALL Age over 2 Other: Untreated ALL in remission"),
                     twice)
    assert not _in_place("Untreated ALL", words_of("Relapsed ALL Age over 2 Other: Untreated ALL in remission"), twice)


def test_a_legacy_records_own_paragraphs_are_not_another_trials_list(shared_dir):
    record = corpus_record(shared_dir, "NCT00003423")
    official, criteria = OfficialRecord(record), _criteria(record)
    assert criteria.count("\n\n") == 2   # (three paragraphs, each cut into items by the record's parser)
    found = _alarms(official, meddatax_html("NCT00003423", "A trial", "COMPLETED", criteria),
                    MEDDATAX_URL.format(n="NCT00003423"))
    assert not found, [(f.kind, f.message[:160]) for f in found]


def test_another_trials_paragraphs_are_still_said_not_the_record(shared_dir):
    """NCT00003423's own paragraphs are its; another legacy trial's three paragraphs under its number are not."""
    official = OfficialRecord(corpus_record(shared_dir, "NCT00003423"))
    other = ["DISEASE CHARACTERISTICS: Histologically confirmed adenocarcinoma of the prostate Rising PSA on two "
             "consecutive measurements",
             "PATIENT CHARACTERISTICS: Age: 50 and over Performance status: Karnofsky 70-100% Life expectancy: At "
             "least 5 years Hematopoietic: Platelet count at least 100,000/mm3",
             "PRIOR CONCURRENT THERAPY: At least 4 weeks since prior hormonal therapy No prior radiotherapy to the "
             "pelvis"]
    page = PageRecord(site="meddatax.com", nct_id="NCT00003423", inclusion=other, exclusion=[])
    found = [f for f in reconcile(page, official, TODAY) if is_alarm(f)]
    assert [f.kind for f in found if f.field.startswith("inclusion")] == ["criteria_not_record"]
