"""Criteria the seed-site scrapers misread on real records (found by bench/bench_drift.py):
older CT.gov records group criteria under sub-labels that read like a site's field labels
("Age:", "Sex: Male", "Phase I: …"), and run-on numbering has numbers inside the text
("per AJCC 8.", "greater than 2."). Each test is a small page written here -> the items read."""

import pytest

from scrapers import scrape_html
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites._runon_numbered import split_numbered
from scrapers.sites.base import Line

VEEVA = "https://ctv.veeva.com/study/some-trial"
CLINCONNECT = "https://clinconnect.io/trials/NCT01234567"
MEDDATAX = "https://meddatax.com/clinical-trials/NCT01234567"
TFD = "https://www.trialfinderdata.org/trial/NCT01234567"

# An older record's criteria: sub-labels alone ("Age:") and with a value ("Sex: Male").
OLD_ITEMS = ["Histologically confirmed adenocarcinoma", "Age:", "18 and over", "Sex: Male",
             "Performance status:", "ECOG 0-1", "Hepatic:", "Bilirubin no greater than 1.5 mg/dL"]


def _lis(items):
    return "".join(f"<li>{t}</li>" for t in items)


def test_veeva_sub_labels_in_criteria_do_not_end_the_list():
    html = ("<h1>A trial</h1><h2>Identifiers</h2><ul><li>NCT01234567</li></ul><h3>Sex</h3><p>Male</p>"
            f"<h3>Inclusion criteria</h3><ul>{_lis(OLD_ITEMS)}</ul>"
            "<h3>Exclusion criteria</h3><ul><li>Prior chemotherapy</li></ul>"
            "<h2>Trial design</h2><h3>Primary purpose</h3><p>Treatment</p>")
    rec = scrape_html(html, VEEVA)
    assert rec.inclusion == OLD_ITEMS
    assert rec.exclusion == ["Prior chemotherapy"]  # "Trial design" still ends the criteria
    assert rec.sex == "MALE"


def test_veeva_criterion_starting_as_of_is_not_the_pages_date():
    """NCT00000656: "As of January, 1991 accrual … was reached" is an item of the record, not the
    date the page claims to be current as of (read as one, it raised a 'page out of date' alarm)."""
    items = ["HIV seropositive.", "As of January, 1991 accrual of these patients was reached, NOW ONLY PATIENTS "
             "WITH NO PRIOR AZT.", "Prior Medication:", "Allowed:", "Zidovudine (AZT)."]
    html = ("<h1>A trial</h1><h2>Identifiers</h2><ul><li>NCT01234567</li></ul>"
            f"<h3>Inclusion criteria</h3><ul>{_lis(items)}</ul>"
            "<h2>Trial design</h2><h3>Primary purpose</h3><p>Treatment</p>")
    rec = scrape_html(html, VEEVA)
    assert rec.inclusion == items
    assert (rec.as_of, rec.as_of_text) == (None, None)
    # a freshness line of the page's own, outside the criteria, is still read
    rec = scrape_html(html.replace("<h2>Identifiers", "<p>Last updated: March 3, 2025</p><h2>Identifiers"), VEEVA)
    assert rec.as_of == "2025-03-03"


def test_veeva_sub_label_in_div_criteria_is_an_item_but_the_next_field_ends_them():
    html = ("<h1>A trial</h1><div>NCT01234567</div><div>Inclusion criteria</div><div>Adults with asthma</div>"
            "<div>Age:</div><div>18 and over</div><div>Primary purpose</div><div>Treatment</div>")
    rec = scrape_html(html, VEEVA)
    assert rec.inclusion == ["Adults with asthma", "Age:", "18 and over"]


def test_clinconnect_sub_labels_in_criteria_do_not_end_the_list():
    lis = "<li>Inclusion Criteria:</li>" + _lis(OLD_ITEMS) + "<li>Exclusion Criteria:</li><li>Status: post-transplant</li>"
    html = (f"<h1>A trial</h1><h2>Trial Information</h2><h3>Gender</h3><p>Male</p>"
            f"<h3>Eligibility criteria</h3><ul>{lis}</ul><h2>Locations</h2><p>Boston</p>")
    rec = scrape_html(html, CLINCONNECT)
    assert rec.inclusion == OLD_ITEMS
    assert rec.exclusion == ["Status: post-transplant"]
    assert rec.locations == ["Boston"]


def test_clinconnect_compact_criteria_still_end_at_the_next_section():
    html = ("<h1>A trial</h1><p>Eligibility criteria</p><p>• Inclusion Criteria:</p><p>• Age: 18-65</p>"
            "<p>Locations</p><p>Boston</p>")
    rec = scrape_html(html, CLINCONNECT)
    assert rec.inclusion == ["Age: 18-65"] and rec.locations == ["Boston"]


def _meddatax(criteria_html: str, tail: str) -> str:
    return ("<h1>A trial</h1><div>NCT ID: NCT01234567</div><h2>Basic Information</h2>"
            "<div>Get a concise snapshot of the trial, including recruitment status, study phase and more.</div>"
            "<div>COMPLETED</div><div>PHASE1/PHASE2</div><div>INTERVENTIONAL</div>"
            "<h2>Eligibility Criteria</h2><div>Check the participation requirements, including inclusion rules.</div>"
            f"{criteria_html}{tail}<h2>Locations</h2>")


def test_meddatax_sex_label_item_is_a_criterion_and_the_tail_values_still_read():
    crit = f"<h3>Inclusion Criteria</h3><ul>{_lis(OLD_ITEMS)}</ul><h3>Exclusion Criteria</h3><ul><li>Prior surgery</li></ul>"
    rec = scrape_html(_meddatax(crit, "<div>18 Years</div><div>70 Years</div><div>MALE</div>"), MEDDATAX)
    assert rec.inclusion == OLD_ITEMS
    assert rec.exclusion == ["Prior surgery"]
    assert (str(rec.min_age), str(rec.max_age), rec.sex) == ("18 years", "70 years", "MALE")


def test_meddatax_na_age_placeholder_is_not_a_criterion():
    crit = "<h3>Inclusion Criteria</h3><ul><li>Healthy adults</li></ul><h3>Exclusion Criteria</h3><ul><li>Smokers</li></ul>"
    rec = scrape_html(_meddatax(crit, "<div>N/A</div><div>65 Years</div><div>ALL</div>"), MEDDATAX)
    assert rec.exclusion == ["Smokers"]
    assert rec.min_age is None and str(rec.max_age) == "65 years"
    rec = scrape_html(_meddatax(crit, "<div>18 Years</div><div>N/A</div><div>ALL</div>"), MEDDATAX)
    assert rec.exclusion == ["Smokers"] and str(rec.min_age) == "18 years" and rec.max_age is None


def test_meddatax_phase_label_in_criteria_is_not_the_trials_phase():
    crit = ("<h3>Inclusion Criteria</h3><ul><li>Phase I: Advanced solid tumors Phase II: Stage IV NSCLC</li>"
            "<li>Age: 18 and over</li></ul><h3>Exclusion Criteria</h3><ul></ul>")
    rec = scrape_html(_meddatax(crit, "<div>18 Years</div><div>N/A</div>"), MEDDATAX)
    assert rec.status == "COMPLETED"
    assert rec.phases == ["PHASE1", "PHASE2"]
    assert rec.inclusion == ["Phase I: Advanced solid tumors Phase II: Stage IV NSCLC", "Age: 18 and over"]


def test_run_on_number_ending_an_item_before_its_successor_stays_text():
    assert split_numbered("7. Stage III per AJCC 8. 8. No prior chemotherapy 9. ECOG 0-1") == [
        "7. Stage III per AJCC 8.", "8. No prior chemotherapy", "9. ECOG 0-1"]
    # a value completed by the number, with the real item number later
    assert split_numbered("1. Any of: g) Creatinine greater than 2. h) Prior mastectomy 2. Pregnant") == [
        "1. Any of: g) Creatinine greater than 2. h) Prior mastectomy", "2. Pregnant"]
    assert split_numbered("1. Performance status 0 - 2. 2. No HIV") == ["1. Performance status 0 - 2.", "2. No HIV"]
    # a list inside an item ("…, or 3. an otherwise …") before the next item's own "3." (NCT00001229)
    assert split_numbered("1. Suspected on the basis of: 1. hypertensive episodes, 2. abnormal levels, or 3. an "
                          "abdominal mass. 3. Patients without any evidence are excluded.") == [
        "1. Suspected on the basis of: 1. hypertensive episodes,", "2. abnormal levels, or 3. an abdominal mass.",
        "3. Patients without any evidence are excluded."]
    # a value ending a sub-item, then the next sub-item's letter: not a new item (NCT00002070)
    assert split_numbered("1. Patient must have: a) AIDS. b) Retinitis. c) Performance status 0, 1, or 2. d) Ability "
                          "to give informed consent. e) Kaposi's sarcoma allowed.") == [
        "1. Patient must have: a) AIDS. b) Retinitis. c) Performance status 0, 1, or 2. d) Ability to give informed "
        "consent. e) Kaposi's sarcoma allowed."]
    # ... but items that carry their own letters still split (NCT00005764: "6. (a) … or 7. (b) …")
    assert split_numbered("6. (a) at least 1 of: a) less facial fat, b) less fat in limbs; or 7. (b) lactate above 2.2 "
                          "mmol/L; or 8. (c) lactate above 3.2 mmol/L. 9. Able to read.") == [
        "6. (a) at least 1 of: a) less facial fat, b) less fat in limbs; or", "7. (b) lactate above 2.2 mmol/L; or",
        "8. (c) lactate above 3.2 mmol/L.", "9. Able to read."]


def test_run_on_numbering_still_splits_where_nothing_else_can_start_the_item():
    # no later "4.": an item whose text ends "other than" is followed by the real item 4
    assert split_numbered("1. a 2. b 3. Illness other than 4. HIV infection") == [
        "1. a", "2. b", "3. Illness other than", "4. HIV infection"]
    # items that carry their own numbers: every mark is doubled, the first of each pair starts the item
    assert split_numbered("1. 1. Age 18 or over; 2. 2. Stage IV 3. 3. ECOG 0-1") == [
        "1. 1. Age 18 or over;", "2. 2. Stage IV", "3. 3. ECOG 0-1"]


def test_trialfinderdata_ajcc_edition_does_not_start_an_item():
    text = ("Inclusion Criteria: 1. Adults 2. Breast cancer 3. a 4. b 5. c 6. d 7. Stage II-III per AJCC 8. "
            "8. No prior chemotherapy Exclusion Criteria: 1. Pregnant")
    html = ("<h1>A trial</h1><h2>Original Eligibility Criteria</h2><details><summary>View original clinical language"
            f"</summary><p>{text}</p></details><h2>Locations (1)</h2>")
    rec = scrape_html(html, TFD)
    assert rec.inclusion[-2:] == ["7. Stage II-III per AJCC 8.", "8. No prior chemotherapy"]
    assert rec.exclusion == ["1. Pregnant"]


def test_trialfinderdata_the_following_inclusion_criteria_is_an_items_words():
    """NCT02713789: "must meet the following inclusion criteria: a) …" cut the item in two,
    taking its words for a new inclusion list; a real header still starts one."""
    text = ("Inclusion Criteria: 1. Eligible participants must meet the following inclusion criteria: a) Signed "
            "Informed Consent b) Adult males 2. Stable relationship exclusion criteria: 1. Pregnant partner")
    html = ("<h1>A trial</h1><h2>Original Eligibility Criteria</h2><details><summary>View original clinical language"
            f"</summary><p>{text}</p></details><h2>Locations (1)</h2>")
    rec = scrape_html(html, TFD)
    assert rec.inclusion == ["1. Eligible participants must meet the following inclusion criteria: a) Signed "
                             "Informed Consent b) Adult males", "2. Stable relationship"]
    assert rec.exclusion == ["1. Pregnant partner"]


def test_a_stray_the_before_a_capitalised_header_and_its_list_still_heads_it():
    """NCT00936338: the record's last inclusion item ends "…ADDwoR. The" before "Exclusion Criteria:";
    run on, the exclusion list went into that item. "the following Exclusion Criteria: a) …" mid-
    sentence is still an item's words."""
    from scrapers.sites._criteria_lists import criteria_lists
    assert criteria_lists(["Inclusion Criteria: 1. (1) adults; 2. (5) MRI-confirmed ADDwoR. The Exclusion Criteria: "
                           "1. (1) unwilling to receive splint"]) == (
        ["1. (1) adults;", "2. (5) MRI-confirmed ADDwoR. The"], ["1. (1) unwilling to receive splint"], False)
    assert criteria_lists(["Inclusion Criteria: 1. Must meet the following Exclusion Criteria: a) none 2. Adults"])[1] == []


def test_run_on_item_with_words_before_exclusion_criteria_is_one_criterion():
    """NCT00422578 in TrialFinderData's run-on paragraph: "7. cardiovascular exclusion criteria:
    history of …" is an item (as it is in a list item, below); an all-lower-case page still
    switches lists where a numbered list starts after the header."""
    from scrapers.sites._criteria_lists import criteria_lists
    assert criteria_lists(["Inclusion Criteria: 1. Adults 2. cardiovascular exclusion criteria: history of angina "
                           "Exclusion Criteria: 1. Pregnant"]) == (
        ["1. Adults", "2. cardiovascular exclusion criteria: history of angina"], ["1. Pregnant"], False)
    assert criteria_lists(["inclusion criteria: 1. Adults 2. consent exclusion criteria: 1. Pregnant"]) == (
        ["1. Adults", "2. consent"], ["1. Pregnant"], False)


def test_list_item_with_words_before_exclusion_criteria_is_one_criterion():
    lines = [Line("Inclusion Criteria:", "li"), Line("Adults", "li"),
             Line("cardiovascular exclusion criteria: history of angina", "li"),
             Line("Exclusion Criteria: Pregnant", "li")]
    inc, exc, _ = criteria_lists(lines)
    assert inc == ["Adults", "cardiovascular exclusion criteria: history of angina"]
    assert exc == ["Pregnant"]


@pytest.mark.parametrize("lines", [
    # NCT00006046 as a site shows it: the record ran the heading into its last inclusion item
    [Line("At least 4 weeks since other prior immunotherapy. Exclusion Criteria", "li"),
     Line("New York Heart Association class III or IV heart disease.", "li")],
    ["Adults. At least 4 weeks since other prior immunotherapy. Exclusion Criteria",
     "New York Heart Association class III or IV heart disease."],
])
def test_a_heading_run_into_the_end_of_an_item_starts_its_list(lines):
    """The official parser splits "… immunotherapy. Exclusion Criteria" (tenth session); a page
    that copies the record read every exclusion after it as an inclusion."""
    inc, exc, _ = criteria_lists(lines)
    assert inc[-1].endswith("other prior immunotherapy.")
    assert exc == ["New York Heart Association class III or IV heart disease."]


@pytest.mark.parametrize("line,inc,exc", [
    ("Study Exclusion Criteria. History of stroke", ["Adults"], ["History of stroke"]),
    ("EXCLUSION CRITERIA - Patients with diabetes", ["Adults"], ["Patients with diabetes"]),
    # a sentence about the criteria, or a heading word inside an item, is not a heading
    ("Exclusion criteria of the parent study apply", ["Adults", "Exclusion criteria of the parent study apply"], []),
    ("Meets inclusion criteria. Exclusion criteria are checked at visit 2",
     ["Adults", "Meets inclusion criteria. Exclusion criteria are checked at visit 2"], []),
])
def test_a_heading_run_into_the_start_of_an_item(line, inc, exc):
    assert criteria_lists([Line("Adults", "li"), Line(line, "li")])[:2] == (inc, exc)


def test_a_paragraph_per_item_page_keeps_an_items_numbered_sub_list_whole():
    """NCT00463151 on a page that numbers its criteria one paragraph at a time (as TrialFinderData's tables layout,
    nct07635758_tables): item 2's own sub-list "1. … 2. … 3. …" ran to the paragraph's end, and its "3." was read as
    the list's item 3, though the next paragraph is "3. Patients shown via colonoscopy …". The next line's number
    says which: of the corpus's 2,527 records with sub-items, shown so with the sub-items numbered, 1,025 more
    pages read exactly (1,145 -> 2,124 with numbered sub-items, 2,438 -> 2,484 with the record's own markers)."""
    item2 = ("2. Patients having an insufficient response to ASA oral formulation: 1. Patients whose ongoing use of ASA "
             "oral formulation is fixed at mesalazine ≥2 g/day, 2. Patients with continuous bloody stools from ≥2 weeks "
             "prior to the day before registration, 3. Patients whose DAI subscores are ≥2 points for \"bloody stools\"")
    paras = ["1. Patients with active ulcerative colitis", item2,
             "3. Patients shown via colonoscopy to have major lesions between the sigmoid colon and rectum",
             "4. Outpatients"]
    html = ("<h1>A trial</h1><h2>Original Eligibility Criteria</h2><h3>Inclusion Criteria</h3>"
            + "".join(f"<p>{p}</p>" for p in paras)
            + "<h3>Exclusion Criteria</h3><p>1. Patients who have a history of intestinal resection</p>"
            "<h2>Treatments Being Tested</h2><p>Drug</p>")
    rec = scrape_html(html, TFD)
    assert rec.inclusion == paras
    assert rec.exclusion == ["1. Patients who have a history of intestinal resection"]


def test_a_paragraph_the_record_ran_two_items_into_still_splits():
    # the next line's number is not this paragraph's next: "5. … 6. …" above "7. …" is two items, and a last
    # paragraph, with no next line to say, splits as before
    lines = [Line(t, "p") for t in ("Inclusion Criteria", "5. Subject has an active ulcer 6. Subject has a history of "
                                    "myocardial infarction", "7. Subject has uncontrolled hypertension",
                                    "8. Able to attend visits 9. Willing to forego other studies")]
    inc, _, _ = criteria_lists(lines)
    assert inc == ["5. Subject has an active ulcer", "6. Subject has a history of myocardial infarction",
                   "7. Subject has uncontrolled hypertension", "8. Able to attend visits",
                   "9. Willing to forego other studies"]
