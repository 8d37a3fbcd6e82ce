"""An item copied from one list into the other is said (review r53 F3), and a "not" moved across a run-on page's
bullet is not forgiven as the reader's cut (r53 F4).

Before recon10 an item the page added was never said where its text stood anywhere in the record's criteria, on any
site: "Pregnant or breastfeeding" shown among the requirements of a trial that excludes pregnant women drew nothing,
the exclusion still being in its own list too. Text the record has in the same list, in both, or under no heading
("Also listed", NCT00001539) is still the record's."""

from datetime import date

import pytest

from bench.runon_verbatim import URL as RUNON_URL, page_html
from scrapers import scrape_html
from scrapers.criteria import flatten, parse_criteria, unescape_markdown
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

from conftest import corpus_record

TODAY = date(2026, 12, 7)
INCLUSION = ["Diagnosed with type 2 diabetes", "Age 18 to 75 years", "HbA1c between 7% and 10%",
             "Able to give written informed consent"]
EXCLUSION = ["Pregnant or breastfeeding", "Serum creatinine greater than 2 mg/dL or on dialysis",
             "History of pancreatitis", "Not able to swallow tablets", "Type 1 diabetes"]


def _record(inclusion=INCLUSION, exclusion=EXCLUSION) -> OfficialRecord:
    """bulleted_record's, for a type 2 diabetes trial (an item naming the trial's condition is not said added)."""
    text = ("Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in inclusion) + "\n\nExclusion Criteria:\n\n"
            + "\n".join(f"* {t}" for t in exclusion))
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Type 2 Diabetes"]},
        "eligibilityModule": {"eligibilityCriteria": text}}})


def _alarms(inclusion, exclusion, record=None, site="meddatax.com"):
    page = PageRecord(site=site, nct_id="NCT01774864", inclusion=list(inclusion), exclusion=list(exclusion))
    return [f for f in reconcile(page, record or _record(), TODAY) if is_alarm(f) and f.field != "status"]


def _quoting(found, text):
    return [f for f in found if any(text in t for t in f.evidence.get("page_texts", ()))]


@pytest.mark.parametrize("section, copied", [
    ("inclusion", "Pregnant or breastfeeding"),          # a reason to stay out said to be a requirement
    ("exclusion", "Diagnosed with type 2 diabetes"),     # the trial's own requirement said to keep people out
    ("exclusion", "Able to give written informed consent"),
])
def test_a_whole_item_copied_into_the_other_list_is_a_wrong_section(section, copied):
    inc = INCLUSION + [copied] if section == "inclusion" else INCLUSION
    exc = EXCLUSION + [copied] if section == "exclusion" else EXCLUSION
    said = _quoting(_alarms(inc, exc), copied)
    assert [(f.kind, f.severity) for f in said] == [("criterion_wrong_section", "critical")]
    assert said[0].evidence["page_section"] == section and said[0].evidence["section"] != section
    assert said[0].evidence["official_texts"] == [copied]


def test_the_start_of_an_item_of_the_other_list_only_is_said_added_with_where_the_record_has_it():
    said = _quoting(_alarms(INCLUSION + ["Serum creatinine greater than 2 mg/dL"], EXCLUSION),
                    "Serum creatinine greater than 2 mg/dL")
    assert [(f.kind, f.severity) for f in said] == [("criterion_added", "warning")]
    assert "reasons someone cannot join" in said[0].message and "or on dialysis" in said[0].message


def test_the_records_own_lists_shown_as_they_are_draw_nothing():
    assert _alarms(INCLUSION, EXCLUSION) == []


def test_an_item_the_record_has_in_both_lists_is_the_records_in_either():
    inc = INCLUSION + ["Willing to attend all study visits"]
    exc = EXCLUSION + ["Willing to attend all study visits"]
    record = _record(inc, exc)
    assert _alarms(inc + ["Willing to attend all study visits"], exc, record) == []


def test_the_trials_own_condition_among_the_inclusions_is_not_said_but_among_the_exclusions_is():
    """Veeva's first row is the trial's condition ("Ischemic Stroke"): among the inclusions it is not said added. Among
    the exclusions of a type 2 diabetes trial whose record has it only among its requirements, it turns the trial's
    own people away (r53 F3)."""
    assert _quoting(_alarms(["Type 2 Diabetes"] + INCLUSION, EXCLUSION), "Type 2 Diabetes") == []
    said = _quoting(_alarms(INCLUSION, EXCLUSION + ["Type 2 Diabetes"]), "Type 2 Diabetes")
    assert [(f.kind, f.severity) for f in said] == [("criterion_added", "warning")]
    assert "Diagnosed with type 2 diabetes" in said[0].message


def test_the_trials_condition_the_records_exclusions_name_too_is_not_said():
    exc = EXCLUSION[:4] + ["Type 2 diabetes treated with insulin"]
    assert _quoting(_alarms(INCLUSION, exc + ["Type 2 Diabetes"], _record(INCLUSION, exc)), "Type 2 Diabetes") == []


def test_a_one_list_record_says_no_item_is_in_the_other_list():
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n" + "\n".join(
            f"* {t}" for t in INCLUSION + EXCLUSION)}}})
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=INCLUSION + EXCLUSION,
                      exclusion=["Pregnant or breastfeeding"])
    found = [f for f in reconcile(page, record, TODAY) if is_alarm(f) and f.field != "status"]
    assert not [f for f in found if f.kind == "criterion_wrong_section"]


def test_an_item_the_record_lists_under_no_heading_is_the_records_in_either_list(shared_dir):
    """NCT00001539's "ELIGIBILITY OF SPECIAL POPULATIONS" items ("Also listed"): the record says neither list, so
    shown among a page's exclusions (or inclusions) they are not copied from the other one."""
    official = OfficialRecord(corpus_record(shared_dir, "NCT00001539"))
    crit = parse_criteria(official.eligibility_criteria)
    inc, exc = ([it.text for it in flatten(getattr(crit, sec))] for sec in ("inclusion", "exclusion"))
    loose = [it.text for it in flatten(crit.unplaced)]
    assert loose
    for shown in ((inc + loose, exc), (inc, exc + loose), (inc + loose, exc + loose)):
        page = PageRecord(site="meddatax.com", nct_id=official.nct_id, inclusion=shown[0], exclusion=shown[1])
        assert [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.field != "status"] == []


# CheckOrphan: the record's text run together, bullets as " - " (run_on_words.py)

def _runon_alarms(inclusion, exclusion, record=None):
    text = ("Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in inclusion) + "\n\nExclusion Criteria:\n\n"
            + "\n".join(f"* {t}" for t in exclusion))
    page = scrape_html(page_html("NCT01774864", "A trial", "", text), RUNON_URL)
    return [f for f in reconcile(page, record or _record(), TODAY) if is_alarm(f) and f.field != "status"]


def test_a_run_on_page_showing_the_records_text_draws_nothing():
    assert _runon_alarms(INCLUSION, EXCLUSION) == []


@pytest.mark.parametrize("section, copied", [("inclusion", "Pregnant"), ("inclusion", "Pregnant or breastfeeding"),
                                             ("exclusion", "Diagnosed with type 2 diabetes")])
def test_a_run_on_page_copying_the_other_lists_words_is_said(section, copied):
    inc = INCLUSION + [copied] if section == "inclusion" else INCLUSION
    exc = EXCLUSION + [copied] if section == "exclusion" else EXCLUSION
    said = _quoting(_runon_alarms(inc, exc), copied)
    assert said and all(f.evidence.get("page_section", f.evidence["section"]) == section for f in said)


def test_a_not_moved_across_a_run_on_pages_bullet_is_a_changed_criterion():
    """r53 F4: "History of pancreatitis not - able to swallow tablets": the bullet is the page's, the "not" moved."""
    text = "History of pancreatitis not"
    exc = EXCLUSION[:2] + [text, "able to swallow tablets", EXCLUSION[4]]
    said = [f for f in _runon_alarms(INCLUSION, exc) if f.kind == "criterion_changed"]
    assert said and all(f.severity == "critical" for f in said)
    assert {t for f in said for t in f.evidence["page_texts"]} >= {text}


def test_a_run_on_page_showing_the_records_items_under_no_heading_after_its_exclusions_leaves_none_out(shared_dir):
    """NCT00001539's "ELIGIBILITY OF SPECIAL POPULATIONS" items ("Also listed") follow its exclusions, and CheckOrphan
    shows them there: they were looked for only among the page's inclusions, where the record files them, and said
    left out (4 warnings on a page that is the record's text). A changed one is still said."""
    record = corpus_record(shared_dir, "NCT00001539")
    official = OfficialRecord(record)
    criteria = unescape_markdown(official.eligibility_criteria)
    loose = [it.text for it in flatten(parse_criteria(official.eligibility_criteria).unplaced)]

    def said(text):
        page = scrape_html(page_html(official.nct_id, "A trial", "", text), RUNON_URL)
        return [f for f in reconcile(page, official, TODAY) if is_alarm(f)
                and any(t in loose for t in f.evidence.get("official_texts", ()))]

    assert said(criteria) == []
    changed = [f.evidence["official_texts"] for f in said(criteria.replace("Children 13 years", "Children 10 years"))]
    assert changed == [[loose[0]]]
