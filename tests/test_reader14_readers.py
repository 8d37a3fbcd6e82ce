"""reader14: misreads of a record's own criteria. A record's heading line that points to another part's list ("All
inclusion criteria for B.1 (above)") run into a one-paragraph page (NCT00006177, 11 populations: its inclusion items
were read into the last exclusion item, a critical "lists … as a reason someone cannot join"); and the record's lead-in
before its first heading on a page of an unknown host (NCT02028676: "leaves out a criterion" in every layout); and a
record in populations on such a page, each with its own inclusion and exclusion lists (NCT00006177: the first population
alone was read, 24 "leaves out a requirement" warnings in every layout)."""

import json
from datetime import date

import pytest

from conftest import corpus_record
from verbatim_support import generic_page, own_text_alarms
from bench.runon_verbatim import page_html as one_paragraph_html
from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites import checkorphan
from scrapers.sites._criteria_lists import criteria_lists

TODAY = date(2026, 12, 7)

# NCT00006177's last lines as a page runs them into one paragraph (bench.runon_verbatim.run_on)
POINTER = ("Exclusion Criteria: - NIMH IRP Employee/family member - For Parents of healthy volunteer children: Past or "
           "present psychopathology as in (4) above. In addition, children with BD (Section B.1.) who wish to receive "
           "treatment may be eligible for treatment if they meet the following additional criteria: All inclusion "
           "criteria for B.1 (above) Treatment failure as defined by current CGAS score <60 The child s psychiatrist "
           "agrees that a change in medication regimen is appropriate EXCLUSION CRITERIA: All exclusion criteria for "
           "B.1 (above) Any contraindications for MRI scanning, plus claustrophobia")


def test_a_heading_pointing_to_another_parts_list_heads_the_items_after_it():
    inc, exc, _ = criteria_lists([POINTER])
    # before: inclusion [], and the requirements after the pointer were the end of the last exclusion item
    assert inc == ["Treatment failure as defined by current CGAS score <60 The child s psychiatrist agrees that a "
                   "change in medication regimen is appropriate"]
    assert exc[-2:] == [
        "For Parents of healthy volunteer children: Past or present psychopathology as in (4) above. In addition, "
        "children with BD (Section B.1.) who wish to receive treatment may be eligible for treatment if they meet the "
        "following additional criteria:", "Any contraindications for MRI scanning, plus claustrophobia"]


@pytest.mark.parametrize("text, inc, exc", [
    # the corpus's other lines that start so: a sentence and a lead-in, items' words, not a heading (NCT06347575,
    # NCT00001812)
    ("Exclusion Criteria: - Pregnant. All exclusion criteria will be assessed before the 4-week run-in phase.",
     [], ["Pregnant. All exclusion criteria will be assessed before the 4-week run-in phase."]),
    ("Inclusion Criteria: - Adults. All inclusion criteria as stated in the parent protocol apply: Signed consent",
     ["Adults. All inclusion criteria as stated in the parent protocol apply: Signed consent"], []),
    # a pointer in an item's own words, not where the record's line could start
    ("Exclusion Criteria: - Patients who fail all inclusion criteria for B.1 (above) Any other",
     [], ["Patients who fail all inclusion criteria for B.1 (above) Any other"]),
])
def test_other_lines_that_name_criteria_stay_items(text, inc, exc):
    assert criteria_lists([text])[:2] == (inc, exc)


def _one_paragraph_alarms(record: dict, own_rule: bool, site: str | None = None) -> list:
    official = OfficialRecord(record)
    p = record["protocolSection"]
    html = one_paragraph_html(official.nct_id, "t", "", p["eligibilityModule"]["eligibilityCriteria"])
    url = f"https://checkorphan.org/clinicaltrial/x/{official.nct_id}"
    if own_rule:
        page = scrape_html(html, url)
    else:   # (the shared list reader alone, as bench.paragraph_pages --one-paragraph reads it)
        saved = checkorphan.criteria_lines
        checkorphan.criteria_lines = lambda text: [text]
        try:
            page = scrape_html(html, url)
        finally:
            checkorphan.criteria_lines = saved
    if site:
        page.site = site
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity != "info"]


@pytest.mark.parametrize("own_rule", [True, False])
@pytest.mark.parametrize("site", [None, "trials.example-registry.org"])
def test_nct00006177_one_paragraph_page_draws_no_critical(shared_dir, own_rule, site):
    # before: 1 critical criterion_wrong_section (3 criticals reconciled as another site's page)
    record = json.loads(json.dumps(corpus_record(shared_dir, "NCT00006177")))
    found = _one_paragraph_alarms(record, own_rule, site)
    assert [f.kind for f in found if f.severity == "critical"] == []
    # (reconciled as another site's, the two requirements the page runs together are said to be: a true warning)
    assert not any("psychiatrist/treating physician" in t for f in found if f.kind != "criteria_merged"
                   for t in f.evidence.get("official_texts", []))


LEAD_IN = "For initial randomisation to CDM vs LCM, and to ART induction strategy:"


@pytest.mark.parametrize("layout", ["md", "h3", "div", "label"])
def test_nct02028676_lead_in_is_read_and_nothing_is_left_out(shared_dir, layout):
    # before: one "leaves out a criterion" warning per layout, the record's lead-in before its first heading
    assert own_text_alarms(corpus_record(shared_dir, "NCT02028676"), layout) == []


def test_the_lead_in_right_under_the_eligibility_heading_is_the_first_inclusion_item():
    rec = generic_page(f"<h2>Eligibility Criteria</h2><p>{LEAD_IN}</p><p>Inclusion Criteria:</p><ul><li>Age 3 months "
                       "to 17 years</li></ul><p>Exclusion Criteria:</p><ul><li>Likelihood of poor adherence</li></ul>")
    assert rec.inclusion == [LEAD_IN, "Age 3 months to 17 years"]
    assert rec.exclusion == ["Likelihood of poor adherence"]


@pytest.mark.parametrize("between", [
    # a site's own line there: it does not lead in to the list
    "<p>Check the participation requirements, including inclusion and exclusion rules and age limits.</p>",
    "<p>Who can join:</p>",                                  # too short to be the record's sentence
    "<p>Ages eligible for study: 18 years and older:</p>",   # a field and its value
    "<h3>For the initial randomisation to CDM vs LCM:</h3>",  # a heading of the page's
    "<p>Key inclusion and exclusion criteria below:</p>",     # a heading of the record's (header_kind)
    f"<p>Read the criteria carefully.</p><p>{LEAD_IN}</p>",   # not right under the eligibility heading
])
def test_other_lines_before_the_inclusion_heading_are_not_read(between):
    rec = generic_page(f"<h2>Eligibility Criteria</h2>{between}<p>Inclusion Criteria:</p><ul><li>Age 3 months to 17 "
                       "years</li></ul><p>Exclusion Criteria:</p><ul><li>Likelihood of poor adherence</li></ul>")
    assert rec.inclusion == ["Age 3 months to 17 years"]


def test_a_lead_in_with_no_heading_above_it_is_not_read():
    rec = generic_page(f"<p>{LEAD_IN}</p><p>Inclusion Criteria:</p><ul><li>Age 3 months to 17 years</li></ul>")
    assert rec.inclusion == ["Age 3 months to 17 years"]


POPULATIONS = ("<h2>Eligibility Criteria</h2><p>Pediatric patients with bipolar disorder:</p><p>INCLUSION CRITERIA:</p>"
               "<ul><li>Age 6-17</li><li>Meet DSM criteria for BD</li></ul><p>EXCLUSION CRITERIA:</p><ul><li>I.Q. &lt; 70"
               "</li><li>Pregnancy</li></ul><p>Adults with BD participating as individuals or as parents of at- risk "
               "children:</p><p>INCLUSION CRITERIA:</p><ul><li>DSM Bipolar Disorder</li><li>Age 18-58</li></ul>"
               "<p>EXCLUSION CRITERIA:</p><ul><li>Claustrophobia</li></ul>{after}")


def test_a_record_in_populations_is_read_population_by_population():
    rec = generic_page(POPULATIONS.format(after="<h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>"))
    # before: the first population alone ([Age 6-17, Meet DSM criteria for BD] / [I.Q. < 70, Pregnancy]); the first
    # population's name is the record's lead-in right under the eligibility heading (`opening_line`)
    assert rec.inclusion == ["Pediatric patients with bipolar disorder:", "Age 6-17", "Meet DSM criteria for BD",
                             "DSM Bipolar Disorder", "Age 18-58"]
    # (the population's heading where the record's parser lists it: the last line of the list before it)
    assert rec.exclusion == ["I.Q. < 70", "Pregnancy", "Adults with BD participating as individuals or as parents of "
                             "at- risk children:", "Claustrophobia"]


@pytest.mark.parametrize("between", [
    "<h3>Adults with BD:</h3>",                            # a heading of the page's own
    "<p>Adults with BD (see the list of sites):</p><p>Mercy Regional Medical Center</p>",   # no inclusion heading next
    "<p>Adults with BD. Sites: Mercy, Hope</p>",           # no lead-in to a list
])
def test_other_lines_after_a_list_do_not_read_on_into_the_next_inclusion_heading(between):
    page = ("<h2>Eligibility Criteria</h2><p>Inclusion Criteria:</p><ul><li>Age 6-17</li></ul><p>Exclusion Criteria:"
            f"</p><ul><li>Pregnancy</li></ul>{between}<p>Inclusion Criteria:</p><ul><li>Age 18-58</li></ul>")
    rec = generic_page(page)
    assert "Age 18-58" not in rec.inclusion


@pytest.mark.parametrize("layout", ["md", "h3", "div", "label"])
def test_nct00006177_populations_are_all_read(shared_dir, layout):
    # before: 26 warnings per layout, 24 of them requirements of the later populations "left out"; the other 2, the
    # record's two lines before its first heading, reader15 reads (test_reader15_readers)
    assert own_text_alarms(corpus_record(shared_dir, "NCT00006177"), layout) == []


def test_the_pointer_heading_on_a_line_of_its_own_heads_its_list():
    # NCT00006177's lines as a page shows them line by line: before, "Treatment failure …" was read as an exclusion
    inc, exc, _ = criteria_lists(["Exclusion Criteria:", "Pregnancy", "All inclusion criteria for B.1 (above)",
                                  "Treatment failure as defined by current CGAS score <60",
                                  "All exclusion criteria for B.1 (above)", "Claustrophobia"])
    assert (inc, exc) == (["Treatment failure as defined by current CGAS score <60"], ["Pregnancy", "Claustrophobia"])
    # an item's words that end so, which the record's parser reads as no heading (header_kind), stay an item
    assert criteria_lists(["Exclusion Criteria:", "Patients who meet the exclusion criteria for Part A (above)"])[:2] == (
        [], ["Patients who meet the exclusion criteria for Part A (above)"])
