"""reader15: records in several populations or parts on pages of an unknown host (the generic reader), their lead-in
lines, a line broken off an item, a PDQ outline's parts, a heading naming whom its list is for; a colonless capitalised
heading run into a one-paragraph page before a "-" bullet; and "Age:" values that state more than one range.

Every page built from a record's own text (bench.generic_verbatim's layouts, bench.runon_verbatim's one paragraph)
should draw no alarm: each alarm counted there is false."""

import json

import pytest

from conftest import corpus_record
from verbatim_support import generic_page, own_text_alarms
from bench.runon_verbatim import page_html as one_paragraph_html
from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites import checkorphan
from scrapers.sites._criteria_heads import qualified_heading
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites._generic_ages import one_age_range

LAYOUTS = ["md", "h3", "div", "label"]


# -- records in populations and parts, each on its own generic page ---------------------------------------------------

@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("nct", [
    "NCT00006177",   # before: 2 warnings per layout (its lead-in and first population's name), its last lines unread
    "NCT00499265",   # PDQ parts "PATIENT CHARACTERISTICS:" / "Inclusion criteria:": 11 warnings per layout
    "NCT00499486",   # the same, each part's headings of its own: 9
    "NCT00499681",   # 10
    "NCT00499577",   # a PDQ first part with no inclusion heading, then parts: 6
    "NCT00498979",   # 5
    "NCT00006184",   # "INCLUSION CRITERIA: Recipient:" read as an item "Recipient:": 2
    "NCT00006413",   # "INCLUSION CRITERIA: PATIENT": 2
    "NCT00001396",   # "INCLUSION CRITERIA: Cohort Study" after "… DDD Pacemaker Therapy"'s lists, read as a copy: 2
    "NCT06004388",   # 9
    "NCT00499447",   # 6
])
def test_own_page_draws_no_alarm(shared_dir, layout, nct):
    assert [(f.kind, f.message) for f in own_text_alarms(corpus_record(shared_dir, nct), layout)] == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_nct00006177_reads_its_lead_in_and_its_broken_last_lines(shared_dir, layout):
    record = corpus_record(shared_dir, "NCT00006177")
    p = record["protocolSection"]
    from bench.generic_verbatim import URL, page_html
    page = scrape_html(page_html(layout, "NCT00006177", "t", p["eligibilityModule"]["eligibilityCriteria"]),
                       URL.format(nct="NCT00006177"))
    assert page.inclusion[:3] == [
        "Inclusion and exclusion criteria for each group are outlined below. The total accrual ceiling is 2050, "
        "including subjects of both sexes, made up of the following 11 populations:",
        "Pediatric patients with bipolar disorder or SMIBRD:", "Age 6-17"]
    # before: the list ended at the line broken off the item before it, and both were left out
    assert page.exclusion[-2:] == ["small metal fragments in the eye",
                                   "Unable to lie comfortably on back for up to 90 minutes"]


LEAD = "Inclusion and exclusion criteria for each group are outlined below, made up of the following 2 populations:"
POPULATION = "Pediatric patients with bipolar disorder:"
REST = ("<p>INCLUSION CRITERIA:</p><ul><li>Age 6-17</li></ul><p>EXCLUSION CRITERIA:</p><ul><li>Pregnancy</li></ul>"
        "<h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>")


def test_lead_in_lines_under_the_records_combined_heading_are_read():
    rec = generic_page(f"<h2>Eligibility Criteria</h2><ul><li>INCLUSION AND EXCLUSION CRITERIA:</li></ul><p>{LEAD}</p>"
                       f"<p>{POPULATION}</p>{REST}")
    assert rec.inclusion == [LEAD, POPULATION, "Age 6-17"]
    assert rec.exclusion == ["Pregnancy"]


@pytest.mark.parametrize("between", [
    f"<p>Check the requirements below.</p><p>{LEAD}</p><p>{POPULATION}</p>",      # a site's line among them
    f"<p>{LEAD}</p><ul><li>INCLUSION AND EXCLUSION CRITERIA:</li></ul><p>{POPULATION}</p>",   # the heading not first
    f"<p>{LEAD}</p><p>Who can join:</p><p>{POPULATION}</p>",                      # a short line among them
    f"<p>{LEAD}</p><p>{POPULATION}</p><p>Adults with bipolar disorder:</p><p>Healthy volunteer children:</p>",  # > 3
])
def test_other_lines_before_the_inclusion_heading_make_none_read(between):
    rec = generic_page(f"<h2>Eligibility Criteria</h2>{between}{REST}")
    assert rec.inclusion == ["Age 6-17"]


BROKEN = ("<h2>Eligibility Criteria</h2><p>Inclusion Criteria:</p><ul><li>Age 6-17</li></ul><p>Exclusion Criteria:</p>"
          "<ul><li>Metal in body, or if you were a welder, since there may be</li></ul><p>{line}</p>"
          "<ul><li>Unable to lie comfortably on back for up to 90 minutes</li></ul>"
          "<h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>")


def test_a_line_broken_off_the_item_before_is_read_and_the_list_goes_on():
    rec = generic_page(BROKEN.format(line="small metal fragments in the eye"))
    assert rec.exclusion == ["Metal in body, or if you were a welder, since there may be",
                             "small metal fragments in the eye", "Unable to lie comfortably on back for up to 90 minutes"]


@pytest.mark.parametrize("line", [
    "Mercy Regional Medical Center",           # reads as a title
    "small print: call the site for questions",   # a site's words
])
def test_other_lines_after_an_unfinished_item_still_end_the_list(line):
    rec = generic_page(BROKEN.format(line=line))
    assert rec.exclusion == ["Metal in body, or if you were a welder, since there may be"]


def test_a_lower_case_line_after_a_finished_item_still_ends_the_list():
    rec = generic_page(BROKEN.format(line="small metal fragments in the eye").replace("may be</li>", "may be.</li>"))
    assert rec.exclusion == ["Metal in body, or if you were a welder, since there may be."]


PDQ = ("<h2>Eligibility Criteria</h2><p>DISEASE CHARACTERISTICS:</p>{first}<p>PATIENT CHARACTERISTICS:</p>"
       "<p>Inclusion criteria:</p><ul><li>ECOG performance status 0-1</li></ul><p>Exclusion criteria:</p>"
       "<ul><li>Known brain metastases</li></ul><h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>")


def test_a_pdq_outlines_parts_are_read_on():
    rec = generic_page(PDQ.format(first="<p>Inclusion criteria:</p><ul><li>Adenocarcinoma of the pancreas</li></ul>"
                                        "<p>Exclusion criteria:</p><ul><li>Lymphoma</li></ul>"))
    # before: the first part alone ([Adenocarcinoma …] / [Lymphoma, PATIENT CHARACTERISTICS:])
    assert rec.inclusion == ["Adenocarcinoma of the pancreas", "ECOG performance status 0-1"]
    assert rec.exclusion[0] == "Lymphoma" and rec.exclusion[-1] == "Known brain metastases"


def test_a_pdq_first_part_with_no_inclusion_heading_is_read_as_inclusion():
    rec = generic_page(PDQ.format(first="<ul><li>Adenocarcinoma of the pancreas</li></ul>"))
    assert rec.inclusion[0] == "Adenocarcinoma of the pancreas"
    assert "ECOG performance status 0-1" in rec.inclusion and rec.exclusion == ["Known brain metastases"]


def test_a_pdq_part_under_a_heading_of_the_pages_is_not_read():
    rec = generic_page(PDQ.format(first="<h3>Our notes</h3><ul><li>Adenocarcinoma of the pancreas</li></ul>"))
    assert "Adenocarcinoma of the pancreas" not in rec.inclusion


# -- a heading naming whom its list is for ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("INCLUSION CRITERIA: Recipient:", "inclusion"),
    ("INCLUSION CRITERIA: Collection of plasma in recipient:", "inclusion"),
    ("EXCLUSION CRITERIA: DONOR (Any of the following)", "exclusion"),
    ("Inclusion Criteria: Cohort Study", "inclusion"),
    # an item after its heading stays one: a figure, a sentence, "None", a bullet
    ("Inclusion Criteria: Age 18-75", None),
    ("Inclusion Criteria: Patients must be 18 or older", None),
    ("Inclusion Criteria: None", None),
    ("Inclusion Criteria: No eligibility criteria", None),
    ("Exclusion Criteria: Pregnant", None),   # (one capitalised word: an item as often, test_criteria_misreads)
    # Title Case or capitals alone name no group: a site's first item on the heading's line (review r61 F1)
    ("Exclusion Criteria: Known HIV Infection", None),
    ("Exclusion Criteria: Pregnant Women", None),
    ("Exclusion Criteria: Signed Informed Consent", None),
    ("EXCLUSION CRITERIA: PREGNANCY", None),
    ("INCLUSION CRITERIA: DONOR", "inclusion"),
    ("Inclusion Criteria: - Age > 18 years", None),
])
def test_qualified_heading(text, kind):
    assert qualified_heading(text) == kind


def test_a_headings_group_name_is_no_item():
    inc, exc, _ = criteria_lists(["INCLUSION CRITERIA: Recipient:", "Multiple myeloma", "INCLUSION CRITERIA: Donor:",
                                  "Age 18-75 years", "EXCLUSION CRITERIA: DONOR", "Pregnancy"])
    assert (inc, exc) == (["Multiple myeloma", "Age 18-75 years"], ["Pregnancy"])


NAMED = ("<h2>Eligibility Criteria</h2><p>INCLUSION CRITERIA: DDD Pacemaker Therapy</p><ul><li>Aged 5 to 15 years"
         "</li></ul><p>EXCLUSION CRITERIA: DDD Pacemaker Therapy</p><ul><li>Chronic atrial fibrillation.</li></ul>"
         "<p>INCLUSION CRITERIA: {name}</p><ul><li>Aged 5 to 20 years</li></ul><p>EXCLUSION CRITERIA: {name}</p>"
         "<ul><li>Positive pregnancy test.</li></ul><h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>")


def test_a_part_named_in_its_own_heading_is_read_on():
    rec = generic_page(NAMED.format(name="Cohort Study"))
    # before: the first part alone (the second inclusion heading taken for a second copy of the criteria)
    assert rec.inclusion == ["Aged 5 to 15 years", "Aged 5 to 20 years"]
    assert rec.exclusion == ["Chronic atrial fibrillation.", "Positive pregnancy test."]


def test_a_second_inclusion_heading_naming_nothing_is_still_another_copy():
    rec = generic_page(NAMED.format(name="").replace("INCLUSION CRITERIA: DDD Pacemaker Therapy", "INCLUSION CRITERIA:")
                       .replace("EXCLUSION CRITERIA: DDD Pacemaker Therapy", "EXCLUSION CRITERIA:"))
    assert "Aged 5 to 20 years" not in rec.inclusion


# -- a capitalised colonless heading run into one paragraph before a "-" bullet ---------------------------------------

def _one_paragraph_alarms(record: dict, own_rule: bool) -> list:
    official = OfficialRecord(record)
    p = record["protocolSection"]
    html = one_paragraph_html(official.nct_id, "t", "", p["eligibilityModule"]["eligibilityCriteria"])
    url = f"https://checkorphan.org/clinicaltrial/x/{official.nct_id}"
    saved = checkorphan.criteria_lines
    if not own_rule:   # (the shared list reader alone, as bench.paragraph_pages --one-paragraph reads it)
        checkorphan.criteria_lines = lambda text: [text]
    try:
        page = scrape_html(html, url)
    finally:
        checkorphan.criteria_lines = saved
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity != "info"]


from datetime import date  # noqa: E402

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize("own_rule", [True, False])
@pytest.mark.parametrize("nct", ["NCT00006177", "NCT00003838"])
def test_one_paragraph_page_draws_no_warning(shared_dir, nct, own_rule):
    # before: NCT00006177 1 warning ("… may be accepted EXCLUSION CRITERIA - IQ<70"), NCT00003838 2
    record = json.loads(json.dumps(corpus_record(shared_dir, nct)))
    assert [(f.kind, f.message) for f in _one_paragraph_alarms(record, own_rule)] == []


def test_a_capitalised_heading_run_in_before_a_bullet_heads_its_list():
    inc, exc, _ = criteria_lists(["Inclusion Criteria: - Age 8-17 - Other disorders may be accepted EXCLUSION "
                                  "CRITERIA - IQ<70 - Pregnancy"])
    assert (inc, exc) == (["Age 8-17", "Other disorders may be accepted"], ["IQ<70", "Pregnancy"])


def test_a_colonless_heading_and_its_dash_at_the_start_head_a_run_of_bullets():
    inc, exc, _ = criteria_lists(["INCLUSION CRITERIA - Age ≥ 3 years - Hodgkin's disease of B-cell lineage - "
                                  "Expression of CD20 antigen EXCLUSION CRITERIA - Life expectancy at least 12 weeks"])
    assert inc == ["Age ≥ 3 years", "Hodgkin's disease of B-cell lineage", "Expression of CD20 antigen"]
    assert exc == ["Life expectancy at least 12 weeks"]


@pytest.mark.parametrize("text, inc, exc", [
    # a dash before whom the list is for, not a bullet (NCT00003553, NCT00003838): read as before
    ("INCLUSION CRITERIA - PATIENT: Ages 18-80 years. Biopsy proven RCC - not resectable",
     ["PATIENT: Ages 18-80 years. Biopsy proven RCC - not resectable"], []),
    ("EXCLUSION CRITERIA - Recipient - any of the following:", [], ["Recipient - any of the following:"]),
])
def test_other_dashes_after_a_heading_read_as_before(text, inc, exc):
    assert criteria_lists([text])[:2] == (inc, exc)


def test_a_heading_in_small_letters_or_mixed_case_run_in_is_not_read_so():
    # (reader14 measured a rule for any colonless heading before a "-" bullet: more alarms on pages of another site)
    inc, exc, _ = criteria_lists(["Inclusion Criteria: - Age 8-17 - Other disorders may be accepted Exclusion "
                                  "Criteria - IQ<70"])
    assert exc == [] and "Other disorders may be accepted Exclusion Criteria" in inc


# -- "Age:" values ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, read", [
    ("Birth to 12 months 6 to 10 years", False),                      # two groups (NCT00006273)
    ("Under 18 but with at least 3 months of independent walking", False),   # a time spent, no age (NCT00004833)
    ("Part I: Less than 12 months Part II: Less than 3 months", False),       # two parts (NCT00004696)
    ("91 days to 21 years of age (not including the 22nd birthday).", True),  # an ordinal is no figure (NCT00006604)
    ("18 to 65 years of age", True),
    ("18 and over.", True),
    ("6 months to 17 years", True),
    ("17 years and younger; BMI ≥ 30 kg/m2", True),   # (a figure of another measure or a unit is no age)
])
def test_one_age_range(value, read):
    assert one_age_range(value) is read


def test_an_age_line_of_two_groups_is_left_unread():
    rec = generic_page("<p>Age: Birth to 12 months 6 to 10 years</p>")
    # before: a maximum of 12 months (the record's is 10 years)
    assert (rec.min_age, rec.max_age) == (None, None)


def test_an_age_line_of_one_range_is_still_read():
    rec = generic_page("<p>Age: 6 months to 17 years</p>")
    assert (rec.min_age.value, rec.min_age.unit, rec.max_age.value, rec.max_age.unit) == (6, "MONTHS", 17, "YEARS")
