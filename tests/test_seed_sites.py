"""Tricky behaviours of the four seed-site scrapers, each on small pages written here in
markup the fixtures do not use, so a scraper tied to the fixtures' markup fails."""

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites._runon_numbered import split_numbered
from scrapers.sites.common import leading_status

VEEVA = "https://ctv.veeva.com/study/some-trial"


def _scrape(case: str):
    path = FIXTURES / "html" / case
    return scrape_html(path.read_text(encoding="utf-8"), fixture_url(path))


# -- ClinicalTrials.Veeva: labels with no values stay empty ----------------------------

def test_veeva_empty_labels_are_null_not_the_next_label():
    rec = _scrape("ctv.veeva.com/nct06495437_empty_labels.html")
    assert rec.nct_id == "NCT06495437"  # only in the link to ClinicalTrials.gov
    assert (rec.status, rec.status_text, rec.enrollment, rec.sex, rec.min_age, rec.max_age) == (None,) * 6
    assert rec.conditions == [] and rec.interventions == [] and rec.inclusion == []
    assert rec.exclusion[0].startswith("The subject has a severe allergy")


@pytest.mark.parametrize("markup", [
    "<p>Enrollment</p><p>Sex</p><p>All</p><p>Ages</p><p>Volunteers</p>",
    "<dl><dt>Enrollment</dt><dd></dd><dt>Sex</dt><dd>All</dd><dt>Ages</dt><dd></dd><dt>Volunteers</dt><dd></dd></dl>",
    "<table><tr><th>Enrollment</th><td></td></tr><tr><th>Sex</th><td>All</td></tr><tr><th>Ages</th><td></td></tr></table>",
])
def test_veeva_value_after_an_empty_label_belongs_to_its_own_label(markup):
    html = f"<h1>A trial</h1><p>Status and phase</p><p>Conditions</p><p>Identifiers</p><p>NCT01234567</p>{markup}"
    rec = scrape_html(html, VEEVA)
    assert rec.nct_id == "NCT01234567"
    assert rec.enrollment is None and rec.min_age is None and rec.max_age is None
    assert rec.status is None and rec.status_text is None and rec.phases == []
    assert rec.sex == "ALL"


def test_veeva_status_and_phases_in_one_line_and_unknown_wording_kept():
    rec = scrape_html("<h1>T</h1><div>Status and phase: Enrolling, Phase 2, Phase 3</div><div>NCT01234567</div>", VEEVA)
    assert (rec.status, rec.status_text, rec.phases) == ("RECRUITING", "Enrolling", ["PHASE2", "PHASE3"])
    rec = scrape_html("<h1>T</h1><h2>Status and phase</h2><p>Waitlist Available</p><p>Phase 1</p><p>NCT01234567</p>", VEEVA)
    assert rec.status is None and rec.status_text == "Waitlist Available" and rec.phases == ["PHASE1"]


def test_veeva_ages_keep_their_unit():
    rec = scrape_html("<h1>T</h1><p>NCT01234567</p><h3>Ages</h3><p>1 to 28 days old</p>", VEEVA)
    assert (rec.min_age.value, rec.min_age.unit, rec.max_age.value, rec.max_age.unit) == (1, "DAYS", 28, "DAYS")


# -- TrialFinderData ---------------------------------------------------------------------

def test_tfd_plain_english_only_is_truncated():
    rec = _scrape("trialfinderdata.org/nct07635758_plain_only.html")
    assert rec.criteria_truncated is True
    assert rec.exclusion[-1] == "4. History of seizure (except secondary epilepsy not currently requiring drug treatment)"
    assert "written willing to sign a consent form" in rec.inclusion[-1]  # the site's rewrite, as shown


def test_tfd_original_text_wins_and_plain_english_goes_to_summary():
    rec = _scrape("trialfinderdata.org/nct07635758_semantic.html")
    assert rec.criteria_truncated is False and len(rec.exclusion) == 19
    assert rec.inclusion[-1].endswith("provide written informed consent")
    assert rec.plain_summary.startswith("Who May Qualify: 1. Age ≥18 years")
    assert "See full criteria" not in rec.plain_summary
    assert (rec.as_of, rec.as_of_text) == ("2026-06", "Updated June 2026")
    assert rec.sponsor == "Chinese PLA General Hospital"


@pytest.mark.parametrize("badges", [
    "<div>RECRUITINGPhase 1 / Phase 2INTERVENTIONAL</div>",
    "<div><span>RECRUITING</span><span>Phase 1 / Phase 2</span><span>INTERVENTIONAL</span></div>",
    "<ul><li>RECRUITING</li><li>Phase 1 / Phase 2</li><li>INTERVENTIONAL</li></ul>",
])
def test_tfd_badge_row_in_any_markup(badges):
    html = f"<p>Updated March 2026 · ClinicalTrials.gov</p>{badges}<h1>Trial X</h1><h2>About This Trial</h2><p>Text.</p>"
    rec = scrape_html(html, "https://www.trialfinderdata.org/trial/NCT01234567")
    assert (rec.status, rec.phases, rec.study_type) == ("RECRUITING", ["PHASE1", "PHASE2"], "INTERVENTIONAL")
    assert (rec.as_of, rec.nct_id, rec.title) == ("2026-03", "NCT01234567", "Trial X")


def test_tfd_status_words_with_underscores_run_together():
    html = "<div>NOT_YET_RECRUITINGPhase 2OBSERVATIONAL</div><h1>Y</h1>"
    rec = scrape_html(html, "https://trialfinderdata.org/trial/NCT01234567")
    assert (rec.status, rec.phases, rec.study_type) == ("NOT_YET_RECRUITING", ["PHASE2"], "OBSERVATIONAL")


# -- ClinConnect -------------------------------------------------------------------------

def test_clinconnect_summary_kept_as_is_and_never_read_as_ages():
    rec = _scrape("clinconnect.io/nct06427642_full.html")
    assert "children aged 1 to 28 who have been diagnosed" in rec.plain_summary
    assert rec.min_age is None and rec.max_age is None  # the page gives no age field
    assert (rec.as_of, rec.as_of_text, rec.status) == ("2025-06-27", "Current as of June 27, 2025", "RECRUITING")
    assert rec.inclusion[0].startswith("For children with hypoxic-ischemic encephalopathy")
    assert not any("Criteria:" in x for x in rec.inclusion + rec.exclusion)


@pytest.mark.parametrize("markup", [
    "<p>Current as of June 27, 2025</p><p>Active, not recruiting</p>",
    "<div><span>Current as of June 27, 2025</span><span>Active, not recruiting</span></div>",
    "<dl><dt>Status</dt><dd>Active, not recruiting</dd><dt>Data</dt><dd>Current as of: June 27, 2025</dd></dl>",
])
def test_clinconnect_status_and_as_of_in_any_markup(markup):
    html = f"<p>Search / Trial NCT01234567</p><h1>T</h1>{markup}<h3>Eligibility criteria</h3><ul><li>Inclusion Criteria:</li><li>Adults</li></ul>"
    rec = scrape_html(html, "https://clinconnect.io/trials/NCT01234567")
    assert (rec.status, rec.status_text) == ("ACTIVE_NOT_RECRUITING", "Active, not recruiting")
    assert rec.as_of == "2025-06-27"
    assert rec.inclusion == ["Adults"]


def test_clinconnect_no_description_is_no_summary():
    rec = _scrape("clinconnect.io/nct04811651_compact.html")
    assert rec.plain_summary is None and rec.status == "COMPLETED"


# -- meddatax ----------------------------------------------------------------------------

def test_meddatax_keeps_numbering_that_shows_a_dropped_item():
    rec = _scrape("meddatax.com/nct07041801_bare_values.html")
    assert rec.inclusion[0].startswith("2. Age 18-65 years old") and rec.exclusion[0].startswith("2. Those who")
    assert rec.related_nct_ids == ["NCT03219801", "NCT06737380", "NCT03580291", "NCT04835883", "NCT02633163"]
    assert (rec.min_age.value, rec.max_age.value, rec.sex) == (18, 65, "ALL")


@pytest.mark.parametrize("basic", [
    "<p>Recruitment Status: ACTIVE_NOT_RECRUITING</p><p>Clinical Phase: PHASE3</p>",
    "<div><b>Recruitment Status</b><i>ACTIVE_NOT_RECRUITING</i></div><div><b>Clinical Phase</b><i>PHASE3</i></div>",
    "<div>Recruitment StatusACTIVE_NOT_RECRUITING</div><div>Clinical PhasePHASE3</div>",
    "<table><tr><td>Recruitment Status</td><td>ACTIVE_NOT_RECRUITING</td></tr><tr><td>Clinical Phase</td><td>PHASE3</td></tr></table>",
])
def test_meddatax_labels_in_any_markup(basic):
    html = (f"<h1>T</h1><div>NCT ID: NCT01234567</div><div>Last Updated: 2025-02-03</div>"
            f"<h2>Basic Information</h2><p>Get a concise snapshot of the trial, including recruitment status.</p>{basic}"
            f"<h2>Brief Summary</h2><p>x</p>")
    rec = scrape_html(html, "https://meddatax.com/clinical-trials/NCT01234567")
    assert (rec.status, rec.phases, rec.as_of) == ("ACTIVE_NOT_RECRUITING", ["PHASE3"], "2025-02-03")


# -- shared readers ------------------------------------------------------------------------

def test_leading_status_takes_the_longest_wording():
    assert leading_status("ACTIVE_NOT_RECRUITINGPhase 3")[:2] == ("ACTIVE_NOT_RECRUITING", "ACTIVE_NOT_RECRUITING")
    assert leading_status("Active, not recruitingPhase 3")[1] == "Active, not recruiting"
    assert leading_status("Recruitingly")[0] is None


def test_split_numbered_keeps_nested_lists_inside_their_item():
    items = split_numbered("5. a 6. Any of: 1. x 2. y 6. z 7. b (within 3. months)")
    assert items == ["5. a", "6. Any of: 1. x 2. y 6. z", "7. b (within 3. months)"]


def test_criteria_headers_as_items_lines_or_inline():
    inc, exc, cut = criteria_lists(["Inclusion Criteria: 1. a 2. b Exclusion Criteria: 1. c ...See full criteria"])
    assert (inc, exc, cut) == (["1. a", "2. b"], ["1. c"], True)
    inc, exc, cut = criteria_lists(["• Inclusion Criteria:", "• a", "* Exclusion Criteria:", "- c"])
    assert (inc, exc, cut) == (["a"], ["c"], False)


def test_id_only_in_embedded_data_is_found_and_the_registry_link_wins():
    html = ('<h1>T</h1><p>Status and phase</p><p>Enrolling</p>'
            '<script id="__NEXT_DATA__" type="application/json">{"study":{"nctId":"NCT07654321"},"related":["NCT01111111"]}</script>')
    assert scrape_html(html, VEEVA).nct_id == "NCT07654321"
    html += '<a href="https://clinicaltrials.gov/study/NCT02222222">Data sourced from clinicaltrials.gov</a>'
    assert scrape_html(html, VEEVA).nct_id == "NCT02222222"


def test_clinconnect_sponsor_in_its_own_element():
    html = ('<h1>T</h1><div><span>Launched by</span></div><div>ACME INC. · May 1, 2024</div>'
            '<p>Current as of June 27, 2025</p><p>Recruiting</p>')
    rec = scrape_html(html, "https://clinconnect.io/trials/NCT01234567")
    assert (rec.sponsor, rec.status, rec.as_of) == ("ACME INC.", "RECRUITING", "2025-06-27")


def test_an_age_inside_a_criteria_item_is_not_an_age_field():
    items = "<ul><li>Inclusion Criteria:</li><li>Age: 18 to 65 years</li><li>Sex: female</li></ul>"
    rec = scrape_html(f"<h1>T</h1><p>Current as of June 27, 2025</p><p>Recruiting</p><h3>Eligibility criteria</h3>{items}",
                      "https://clinconnect.io/trials/NCT01234567")
    assert rec.min_age is None and rec.sex is None and rec.inclusion == ["Age: 18 to 65 years", "Sex: female"]
    rec = scrape_html("<h1>T</h1><p>NCT01234567</p><h3>Enrollment</h3><h3>Inclusion criteria</h3><ul><li>Age: 18 to 65 years</li></ul>", VEEVA)
    assert rec.min_age is None and rec.inclusion == ["Age: 18 to 65 years"]


def test_json_ld_status_only_when_the_page_text_shows_none():
    ld = '<script type="application/ld+json">{"@type": "MedicalStudy", "name": "LD title", "status": "https://schema.org/ActiveNotRecruiting"}</script>'
    rec = scrape_html(f"<html><head>{ld}</head><body><p>Search / Trial NCT01234567</p></body></html>",
                      "https://clinconnect.io/trials/NCT01234567")
    assert (rec.status, rec.status_text, rec.title) == ("ACTIVE_NOT_RECRUITING", "Active Not Recruiting", "LD title")
    rec = scrape_html(f"<html><head>{ld}</head><body><h1>T</h1><p>Current as of June 27, 2025</p><p>Recruiting</p></body></html>",
                      "https://clinconnect.io/trials/NCT01234567")
    assert (rec.status, rec.title) == ("RECRUITING", "T")


def test_a_page_linking_to_several_trials_names_none_of_them():
    from scrapers.errors import NoTrialFound

    body = "<h1>Results</h1>" + "".join(f"<a href='https://clinicaltrials.gov/study/{i}'>x</a>" for i in ("NCT03466619", "NCT01194648"))
    with pytest.raises(NoTrialFound):
        scrape_html(body, "https://example.org/search")
    assert scrape_html(body[:-len("<a href='https://clinicaltrials.gov/study/NCT01194648'>x</a>")],
                       "https://example.org/search").nct_id == "NCT03466619"
