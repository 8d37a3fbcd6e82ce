"""Two record items a page runs together by their list's own word (joined.py, review r28): each record item is
compared with its own part of the page item, so a qualifier or figure changed inside either part is said as it is
for an item shown apart (it was only the merge warning: the two items compared glued together hid it); and the same
joined item shown on the other list is in the wrong list (it was only the merge warning too)."""

from datetime import date

from bench.drift_gen import base_spec
from conftest import corpus_record
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 12, 6)
AGE, CONSENT = "Age 18 years or older", "Signed informed consent"
OTHER, ALLERGY = "Participation in another study within 30 days", "Known allergy to study drug"


def _found(rec_exc: list[str], page_exc: list[str], rec_inc=(AGE, CONSENT), page_inc=(AGE, CONSENT)):
    """The page's findings (warnings and criticals) for a record with these lists, shown with the page's."""
    text = ("Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in rec_inc) +
            "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in rec_exc))
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}})
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=list(page_inc), exclusion=list(page_exc))
    return [f for f in reconcile(page, official, TODAY) if f.about == "page" and f.severity != "info"]


def _kinds(found):
    return sorted((f.kind, f.severity) for f in found)


def test_a_qualifier_left_out_of_one_joined_exclusion_warns_as_it_does_unjoined():
    found = _found(["Diabetes", "Recent myocardial infarction", ALLERGY],
                   ["Diabetes or myocardial infarction", ALLERGY])
    assert _kinds(found) == [("criteria_merged", "warning"), ("criterion_changed", "warning")]
    changed = next(f for f in found if f.kind == "criterion_changed")
    assert 'leaves out "recent"' in changed.message and '"Recent myocardial infarction"' in changed.message
    assert changed.evidence["page_texts"] == ["Diabetes or myocardial infarction"]   # (the item a reader sees)
    # the same qualifier left out of the item shown apart says the same
    apart = _found(["Diabetes", "Recent myocardial infarction", ALLERGY],
                   ["Diabetes", "Myocardial infarction", ALLERGY])
    assert [(f.kind, f.severity) for f in apart] == [("criterion_changed", "warning")]


def test_a_figure_changed_inside_a_joined_exclusion_is_critical_for_that_part():
    found = _found(["Diabetes", "Myocardial infarction within 6 months", ALLERGY],
                   ["Diabetes or myocardial infarction within 3 months", ALLERGY])
    assert _kinds(found) == [("criteria_merged", "warning"), ("criterion_changed", "critical")]
    changed = next(f for f in found if f.kind == "criterion_changed")
    assert changed.page_value == "myocardial infarction within 3 months"


def test_a_faithful_join_of_three_exclusions_is_only_merged():
    found = _found(["Diabetes", "Recent myocardial infarction", "Hepatitis B", ALLERGY],
                   ["Diabetes, recent myocardial infarction or hepatitis B", ALLERGY])
    assert _kinds(found) == [("criteria_merged", "warning")]


def test_exclusions_joined_by_or_on_the_requirements_list_are_critical_in_the_wrong_list():
    found = _found(["Diabetes", "Hypertension", ALLERGY], [ALLERGY],
                   page_inc=(AGE, CONSENT, "Diabetes or hypertension"))
    assert ("criterion_wrong_section", "critical") in _kinds(found)
    wrong = next(f for f in found if f.kind == "criterion_wrong_section")
    assert wrong.message == ('This page lists "Diabetes or hypertension" as a requirement for joining, but '
                             'ClinicalTrials.gov lists "Diabetes" and "Hypertension" as reasons someone cannot join.')


def _real(shared_dir, nct_id: str, first: str, joined: str, into: str):
    """The page findings (warnings and criticals, and the unchanged page's ones left out) for a real record shown
    item for item, with the item `first` and the one after it shown as the one item `joined` on the list `into`."""
    official = OfficialRecord(corpus_record(shared_dir, nct_id))
    items = base_spec(official).items
    k = next(i for i, s in enumerate(items) if s.text.strip() == first)

    def page(change: bool) -> PageRecord:
        lists = {"inclusion": [], "exclusion": []}
        for i, s in enumerate(items):
            if change and i == k:
                lists[into].append(joined)
            elif not (change and i == k + 1):
                lists[s.section].append(s.text)
        return PageRecord(site="meddatax.com", nct_id=nct_id, **lists)

    def said(p):
        return [f for f in reconcile(p, official, TODAY) if f.about == "page" and f.severity != "info"]

    before = {(f.kind, f.severity, f.message) for f in said(page(False))}
    return [f for f in said(page(True)) if (f.kind, f.severity, f.message) not in before]


def test_nct00004070_active_left_out_inside_two_joined_exclusions_warns(shared_dir):
    first = "Respiratory disease sufficient to influence oxygenation of arterial blood"
    found = _real(shared_dir, "NCT00004070", first, f"{first} or liver disease with transaminases >3 times the upper "
                  "limit of normal", "exclusion")
    assert _kinds(found) == [("criteria_merged", "warning"), ("criterion_changed", "warning")]
    assert any('leaves out "active"' in f.message for f in found)


def test_nct00004070_requirements_joined_by_and_on_the_exclusion_list_are_critical_in_the_wrong_list(shared_dir):
    # (only the merge warning before, though the page shows two requirements as a reason someone cannot join; then a
    # warning for the wrong list, now critical as any requirement shown as a reason to stay out: review r35 #6)
    first = "Life expectancy of at least three months"
    found = _real(shared_dir, "NCT00004070", first, f"{first} and able to give written informed consent", "exclusion")
    assert _kinds(found) == [("criteria_merged", "warning"), ("criterion_wrong_section", "critical")]


def test_a_no_that_leads_a_join_and_reads_over_an_item_without_one_is_critical():
    """Review r30: "No diabetes" and "Hypertension" shown as "No diabetes or hypertension" read as excluding someone
    with neither: the "No" turns the hypertension exclusion around (it was only the merge warning)."""
    found = _found(["No diabetes", "Hypertension", ALLERGY], ["No diabetes or hypertension", ALLERGY])
    assert _kinds(found) == [("criterion_changed", "critical")]
    assert '"No" reads over "Hypertension"' in found[0].message


def test_a_no_each_item_has_said_once_for_both_is_the_merge_warning():
    assert _kinds(_found(["No diabetes", "No hypertension", ALLERGY], ["No diabetes or hypertension", ALLERGY])) == \
        [("criteria_merged", "warning")]
    assert _kinds(_found(["Hypertension", "No diabetes", ALLERGY], ["Hypertension or no diabetes", ALLERGY])) == \
        [("criteria_merged", "warning")]
    # (a later part with its own negation, or one "No" cannot read over: review r30 sweep, 32 of 40 real ones)
    assert _kinds(_found(["No telephone", "Not speaking English", ALLERGY],
                         ["No telephone or not speaking English", ALLERGY])) == [("criteria_merged", "warning")]
    assert _kinds(_found(["No informed consent", "Age < 18 years", ALLERGY],
                         ["No informed consent or age < 18 years", ALLERGY])) == [("criteria_merged", "warning")]
    assert _kinds(_found(["No mailing address", "Previously enrolled", ALLERGY],
                         ["No mailing address or previously enrolled", ALLERGY])) == [("criteria_merged", "warning")]
