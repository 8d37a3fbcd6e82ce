"""Where the generic reader ends a criteria list on a page whose layout it does not know (review r54 F1): an item
among items never ends it for reading like a title, nor a label or unbulleted line between items; a real next
section still does, so nothing unrelated is read as a criterion."""

from datetime import date

from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

URL = "https://research.example-hospital.org/clinical-trials/NCT05486611"


def page(body: str):
    return scrape_html(f"<!DOCTYPE html><html><head><title>t</title></head><body><main><h1>A trial</h1>"
                       f"<p>NCT ID: NCT05486611</p>{body}</main></body></html>", URL)


def test_items_that_read_like_titles_are_criteria():
    # NCT05486611's own items, as an <ol>; r54's synthetic exclusions
    rec = page("<h2>Eligibility</h2><p>Inclusion Criteria:</p><ol><li>Aged 18 to 65 years</li>"
               "<li>Be a U.S. Resident</li><li>Able to read and write in English</li><li>Use of a CGM</li></ol>"
               "<p>Exclusion Criteria:</p><ul><li>Pregnant</li><li>Current Smoker</li>"
               "<li>Smokers with 10 pack-years</li><li>See Disease Characteristics</li></ul>"
               "<h2>Outcome Measures</h2><ul><li>Change in mood score</li></ul>")
    assert rec.inclusion == ["Aged 18 to 65 years", "Be a U.S. Resident", "Able to read and write in English",
                             "Use of a CGM"]
    assert rec.exclusion == ["Pregnant", "Current Smoker", "Smokers with 10 pack-years", "See Disease Characteristics"]


def test_a_loose_list_whose_items_are_paragraphs():
    # CommonMark renders items with blank lines between them as <li><p>…</p></li>: the line's own block is the <p>
    rec = page("<h2>Eligibility</h2><p>Inclusion Criteria:</p><ul><li><p>MMSE between 13 and 26</p></li>"
               "<li><p>Fluent in English or Spanish</p></li><li><p>Able to ingest oral medication</p></li></ul>"
               "<h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>")
    assert rec.inclusion == ["MMSE between 13 and 26", "Fluent in English or Spanish", "Able to ingest oral medication"]


def test_labels_and_unbulleted_lines_between_items_and_before_the_exclusions():
    # the legacy AIDS template ("Allowed:" between lists), an unbulleted line between bullets (NCT02513394), and an
    # unbulleted last line of the inclusion criteria right above the exclusion heading (NCT00463320)
    rec = page("<h2>Eligibility</h2><p>Inclusion Criteria</p><p>Concurrent Medication:</p><p>Allowed:</p>"
               "<ul><li>Prophylaxis for opportunistic infections.</li></ul><p>Patients must have:</p>"
               "<ul><li>HIV infection.</li></ul><p>FFPE tumor tissue block must be confirmed before enrollment.</p>"
               "<ul><li>CD4 count 50 - 350 cells/mm3.</li></ul>"
               "<p>(Note: consent by a legally acceptable representative is allowed.)</p>"
               "<p>Exclusion Criteria</p><ul><li>Intolerance to AZT.</li></ul>")
    assert rec.inclusion == ["Concurrent Medication:", "Allowed:", "Prophylaxis for opportunistic infections.",
                             "Patients must have:", "HIV infection.",
                             "FFPE tumor tissue block must be confirmed before enrollment.",
                             "CD4 count 50 - 350 cells/mm3.",
                             "(Note: consent by a legally acceptable representative is allowed.)"]
    assert rec.exclusion == ["Intolerance to AZT."]


def test_a_next_section_still_ends_the_list():
    # a title-like line that is not an item, with its own list after it; a known label that is no heading; a line
    # after the list with no more items; a sibling heading
    ends = [
        "<p>Treatments Being Tested</p><ul><li>Drug: study tablet taken once daily</li></ul>",
        "<p><strong>Contacts</strong></p><ul><li>Study coordinator, 555-0100</li></ul>",
        "<p>Interested in this study? Ask your doctor about it.</p><p>Call us on weekdays.</p>",
        "<h2>Outcome Measures</h2><ul><li>Change in mood score</li></ul>",
        # a label the reader does not know, then a list, in a block of its own: not more criteria (a list in the same
        # block after a line between would be, as the record's "Allowed:" is)
        "<div><p>Where this study takes place:</p><ul><li>Mercy Regional Medical Center</li></ul></div>",
        "<section><p>Interested? Call the study team.</p><ol><li>Mercy Regional Medical Center</li></ol></section>",
    ]
    for after in ends:
        rec = page("<div><p><strong>Inclusion Criteria</strong></p><ul><li>Adults</li></ul>"
                   "<p><strong>Exclusion Criteria</strong></p><ul><li>Pregnant</li><li>Current Smoker</li>"
                   f"</ul></div>{after}")
        assert (rec.inclusion, rec.exclusion) == (["Adults"], ["Pregnant", "Current Smoker"]), after


def _official(inclusion: list[str], exclusion: list[str]) -> OfficialRecord:
    text = ("Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in inclusion)
            + "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in exclusion))
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT05486611", "briefTitle": "A trial"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}})


def test_a_page_showing_the_records_own_list_raises_no_alarm():
    """End to end: the record's items, one of which reads like a title, on a page of an unknown host: no "leaves out
    a requirement" (r54: 8 such warnings on NCT05486611's verbatim page)."""
    inc = ["Aged 18 to 65 years", "Be a U.S. Resident", "Able to read and write in English",
           "Taking a stable antidepressant dose for 4 weeks"]
    exc = ["Pregnant", "Current Smoker", "Smokers with 10 pack-years"]
    body = ("<h2>Eligibility</h2><p>Inclusion Criteria:</p><ol>" + "".join(f"<li>{t}</li>" for t in inc)
            + "</ol><p>Exclusion Criteria:</p><ul>" + "".join(f"<li>{t}</li>" for t in exc) + "</ul>"
            "<h2>Locations</h2><ul><li>Mercy Regional Medical Center</li></ul>")
    alarms = [f for f in reconcile(page(body), _official(inc, exc), date(2026, 12, 7))
              if is_alarm(f) and f.field.startswith(("inclusion", "exclusion", "criteria"))]
    assert alarms == []


def test_a_label_after_a_nested_list_and_more_items():
    # NCT00000392 as CommonMark renders it: a list whose last item holds a sub-list, then two unbulleted lines, then
    # more items of a list in the same block (the nested item's own list is not the block the lists stand in)
    rec = page("<h2>Eligibility</h2><p>Inclusion Criteria:</p><ul><li>Adults</li></ul><p>Exclusion Criteria:</p>"
               "<ul><li><p>Excluded within 4 weeks prior to study entry:</p><ol><li><p>Antiretrovirals.</p></li>"
               "<li><p>Psychoactive agents.</p></li></ol></li></ul>"
               "<p>Excluded within 8 weeks prior to study entry:</p><p>Long-acting psychoactive agents.</p>"
               "<ul><li><p>Active alcohol abuse in the past 3 months.</p></li></ul>")
    assert rec.exclusion[-3:] == ["Excluded within 8 weeks prior to study entry:", "Long-acting psychoactive agents.",
                                  "Active alcohol abuse in the past 3 months."]


def test_the_inclusion_criteria_s_last_paragraphs_up_to_the_exclusion_heading():
    # NCT00001265: an NIH protocol's inclusion list ends in several paragraphs; the exclusion heading bounds them
    paras = ["Healthy volunteers will be eligible only if they are adults aged 18 or older.",
             "Participation of NIH Staff or family members of study team members",
             "NIH staff may be enrolled in this study as this population meets the study entry criteria.",
             "Every effort will be made to protect participant information.",
             "The NIH Information Sheet on NIH Staff Research Participation will be made available."]
    rec = page("<h2>Eligibility</h2><ul><li><p>INCLUSION CRITERIA:</p></li><li><p>All eligible patients are invited."
               "</p></li></ul>" + "".join(f"<p>{t}</p>" for t in paras)
               + "<p>EXCLUSION CRITERIA:</p><ul><li><p>Children (age less than 16 years) are excluded</p></li></ul>"
               "<h2>Locations</h2><ul><li>NIH Clinical Center</li></ul>")
    assert rec.inclusion[-5:] == paras
    assert rec.exclusion == ["Children (age less than 16 years) are excluded"]


CRITERIA = ("<p><strong>Who can take part</strong></p><p>Inclusion Criteria:</p><ul><li>Aged 18 to 65 years</li>"
            "<li>Be a U.S. Resident</li></ul><p>Exclusion Criteria:</p><ul><li>Pregnant</li><li>Current Smoker</li></ul>")
SITE = "<ul><li>National Institutes of Health Clinical Center</li><li>Bethesda, Maryland 20892</li><li>Phone: 800-411-1222</li></ul>"


def test_a_sites_own_line_and_list_after_the_criteria_in_the_same_block_are_not_criteria():
    """Review r55 F2: with the criteria and what follows them in one <div>, a site's line and the list after it
    ("Where this study takes place:", a hospital, its town, its phone) were read as more exclusion criteria, and a
    page showing the record's own text drew "This page lists 'Phone: 800-411-1222' as a reason someone cannot join"
    (74 -> 219 of 300 such pages alarmed; now 9). A second list right after the criteria is the site's too."""
    for line in ("<p>Where this study takes place:</p>", "<p>Contact the study team at</p>",
                 "<p>The study is run at these sites.</p>", "<p>Questions about this study? Call us:</p>", ""):
        rec = page(f"<div>{CRITERIA}{line}{SITE}</div>")
        assert rec.inclusion == ["Aged 18 to 65 years", "Be a U.S. Resident"], line
        assert rec.exclusion == ["Pregnant", "Current Smoker"], line


def test_a_sites_line_before_the_exclusion_heading_is_not_a_requirement():
    rec = page("<div><p>Inclusion Criteria:</p><ul><li>Aged 18 to 65 years</li></ul>"
               "<p>Not sure if you qualify? Our patient navigators can help you check.</p>"
               "<p>Exclusion Criteria:</p><ul><li>Pregnant</li></ul></div>")
    assert rec.inclusion == ["Aged 18 to 65 years"] and rec.exclusion == ["Pregnant"]
