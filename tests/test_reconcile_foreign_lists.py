"""Review round 21: a page list that is another trial's (P2, P2b) and a record's last items the page does not show (P3).

A page showing another trial's whole criteria was called matching ("What TrialLens could check matches
ClinicalTrials.gov", notes only); one list of another trial's was one criterion_added per item; a replaced last item
was only "may be further down"; and the note about a list that stops early never named what to look for."""

from datetime import date

from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from server.drift import summarize
from test_reconcile_criteria import EXC, INC, _completed, _record

TODAY = date(2026, 11, 22)
# another trial's criteria: nothing of them is in the record's (test_reconcile_criteria.CRITERIA)
OTHER_INC = ["Histologically confirmed metastatic colorectal adenocarcinoma", "ECOG performance status 0-1",
             "Measurable disease per RECIST version 1.1", "Life expectancy of at least 12 weeks"]
OTHER_EXC = ["Prior treatment with oxaliplatin or irinotecan", "Known brain metastases", "Prior Medication:",
             "Peripheral neuropathy grade 2 or higher", "Use of strong CYP3A4 inhibitors within 14 days of dosing",
             "Active hepatitis C infection requiring antiviral therapy"]


def _page(inclusion, exclusion) -> PageRecord:
    return PageRecord(site="meddatax.com", nct_id="NCT07041801", status_text="Recruiting", status="RECRUITING",
                      inclusion=list(inclusion), exclusion=list(exclusion))


def _found(inclusion, exclusion):
    page = _page(inclusion, exclusion)
    findings = reconcile(page, _record(), TODAY)
    return [f for f in findings if f.about == "page"], summarize(page, _record(), findings, read=True)


def test_another_trials_whole_criteria_is_a_warning_per_list_not_a_match():
    found, drift = _found(OTHER_INC, OTHER_EXC)
    assert [(f.kind, f.severity, f.field) for f in found] == [
        ("criteria_not_record", "warning", "exclusion_criteria"), ("criteria_not_record", "warning", "inclusion_criteria")]
    exc = found[0]
    assert exc.message == (
        "None of the 5 reasons someone cannot join on this page is on the list ClinicalTrials.gov gives for this trial, and "
        "none of the 5 it lists is on this page: this page's list may be another trial's. Read the official list on "
        "ClinicalTrials.gov before you decide.")
    # the card's rows: "This page: 5 reasons someone cannot join, none on …" / "ClinicalTrials.gov: 5 reasons …"; the
    # label line "Prior Medication:" is not counted as a reason
    assert (exc.page_value, exc.official_value) == ("5 reasons someone cannot join, none on the record's list", 5)
    assert all(is_alarm(f) for f in found)
    # (before: "What TrialLens could check matches ClinicalTrials.gov", in_sync with the few_criteria note)
    assert drift["verdict"] == "differs" and drift.get("caveat") is None
    assert drift["headline"] == "This page differs from ClinicalTrials.gov"


def test_another_trials_exclusion_list_is_one_finding_not_one_per_item():
    """P2b: the page's own requirements, another trial's reasons (label line "Prior Medication:" among them): one
    warning, not a criterion_added per line with every record item "may be further down"."""
    found, _ = _found(INC, OTHER_EXC)
    assert [(f.kind, f.field) for f in found] == [("criteria_not_record", "exclusion_criteria")]
    assert found[0].evidence["page_count"] == 5 and found[0].evidence["official_count"] == 5


def test_one_shared_item_does_not_make_another_trials_list_the_records():
    """A generic item both trials have ("Pregnant or breastfeeding women") pairs; the list is still another trial's,
    said with how much is shared, and the shared item raises nothing of its own."""
    found, _ = _found(INC, OTHER_EXC + [EXC[4]])
    assert [(f.kind, f.field) for f in found] == [("criteria_not_record", "exclusion_criteria")]
    assert found[0].message.startswith(
        "Only 1 of the 6 reasons someone cannot join on this page is on the list ClinicalTrials.gov gives for this trial, and "
        "only 1 of the 5 it lists is on this page:")


def test_another_legacy_trials_list_sharing_only_its_labels_is_not_the_records():
    """Legacy (PDQ) records head their lists with the same labels ("Prior Medication:", "Excluded:"): another trial's
    list pairing by those alone is still another trial's (it gave 21 criterion_added and 14 criterion_missing)."""
    record = _completed("NCT00000001", "Inclusion Criteria:\n\nPatients must have:\n\n* Documented HIV infection.\n"
                        "* CD4 count below 200 cells/mm3.\n\nExclusion Criteria:\n\nPrior Medication:\n\nExcluded:\n\n"
                        "* Zidovudine within 30 days.\n* Ganciclovir within 14 days.\n\nCo-existing Condition:\n\n"
                        "Patients with the following are excluded:\n\n* Active tuberculosis.\n* Kaposi's sarcoma.")
    page = PageRecord(site="clinconnect.io", nct_id="NCT00000001", exclusion=[
        "Prior Medication:", "Excluded:", "Interferon alfa therapy.", "Investigational vaccines.",
        "Co-existing Condition:", "Patients with the following are excluded:", "Lymphoma requiring chemotherapy.",
        "Grade 3 peripheral neuropathy."], inclusion=["Patients must have:", "Documented HIV infection.",
                                                      "CD4 count below 200 cells/mm3."])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert [(f.kind, f.field) for f in found] == [("criteria_not_record", "exclusion_criteria")]
    assert found[0].message.startswith("None of the 4 reasons someone cannot join on this page is on")


def test_a_short_or_mostly_shared_list_is_still_said_item_by_item():
    # two unmatched items: too few to call the list another trial's (a page may summarise)
    found, _ = _found(INC, OTHER_EXC[:2])
    assert "criteria_not_record" not in {f.kind for f in found}
    # the record's whole list and more: each added item is said, as before
    found, _ = _found(INC, EXC + OTHER_EXC[:1] + OTHER_EXC[3:])
    assert [f.kind for f in found] == ["criterion_added"] * 4


def test_a_replaced_last_item_is_left_out_not_further_down():
    """P3: the page's last reason is another one in place of the record's: the record's is left out (a warning
    naming it), beside the warning about the page's, not "may be further down this page"."""
    found, _ = _found(INC, EXC[:4] + [OTHER_EXC[0]])
    assert sorted((f.kind, f.severity) for f in found) == [("criterion_added", "warning"), ("criterion_missing", "warning")]
    missing = next(f for f in found if f.kind == "criterion_missing")
    assert missing.official_value == "Pregnant or breastfeeding women"


def test_one_replacement_accounts_for_one_tail_item_the_rest_stays_a_note():
    """The page shows one item of its own after its last pair, the record has two more: the first is replaced, the
    second may still be further down (the page may stop there)."""
    found, _ = _found(INC, EXC[:3] + [OTHER_EXC[0]])
    kinds = {f.kind: f for f in found}
    assert kinds["criterion_missing"].official_value == EXC[3]
    note = kinds["criteria_incomplete"]
    assert note.evidence["not_shown_count"] == 1 and note.evidence["left_out_count"] == 1
    assert '"Pregnant or breastfeeding women"' in note.message


def test_a_dropped_last_item_is_named_in_the_note_and_its_row():
    """P3: "The last 1 may be further down" did not say which; the note and the card's row now quote it."""
    found, _ = _found(INC, EXC[:4])
    assert [(f.kind, f.severity) for f in found] == [("criteria_incomplete", "info")]
    assert found[0].message == (
        "Of the 5 reasons someone cannot join that ClinicalTrials.gov lists, TrialLens found 4 on this page. The last 1, "
        "\"Pregnant or breastfeeding women\", may be further down this page or missing, so check the full list on "
        "ClinicalTrials.gov.")
    assert found[0].page_value == ('4 of 5 reasons someone cannot join shown; not found: '
                                   '"Pregnant or breastfeeding women"')
    assert found[0].official_value == 5   # (the card's "ClinicalTrials.gov: 5 reasons someone cannot join")


def test_a_page_whose_few_criteria_match_none_of_the_records_is_not_headed_as_matching():
    """Two requirements, neither the record's: too few to call the list another trial's, but "What TrialLens could
    check matches ClinicalTrials.gov" said they match (review round 21, P2)."""
    record = _completed("NCT00000002", "Inclusion Criteria:\n\n* " + "\n* ".join(INC))

    def drift(inclusion):
        page = PageRecord(site="meddatax.com", nct_id="NCT00000002", status_text="Completed", status="COMPLETED",
                          inclusion=inclusion)
        findings = reconcile(page, record, TODAY)
        assert not any(is_alarm(f) for f in findings)
        return summarize(page, record, findings, read=True)

    unmatched = drift(OTHER_INC[:2])
    assert unmatched["verdict"] == "in_sync" and unmatched["caveat"] == "little_compared"   # (grey "?", as before)
    assert unmatched["headline"] == "TrialLens could not find this page's criteria on ClinicalTrials.gov"
    # a page whose few criteria are the record's keeps the headline it had
    assert drift(INC[:2])["headline"] == "What TrialLens could check matches ClinicalTrials.gov"


def test_another_trials_lists_on_a_record_with_labels_and_no_exclusion_heading():
    """A legacy record (labels, no exclusion heading) shown with another trial's two lists: one warning each, and no
    item of them compared with a record item it is alike only in template or label ("ECOG performance status of 0 or
    1." beside "Performance status:", "Histologically confirmed metastatic colorectal adenocarcinoma" beside "…stage
    IV melanoma": critical "differs in a number" findings before), nor 5 criterion_added for the reasons."""
    record = _completed("NCT00000003", "Inclusion Criteria:\n\nDisease Characteristics:\n\n* Histologically confirmed "
                        "stage IV melanoma\n\nPerformance status:\n\n* Karnofsky 70-100%\n\nPrior therapy:\n\n"
                        "* No prior chemotherapy\n* No prior radiotherapy to the brain")
    page = PageRecord(site="meddatax.com", nct_id="NCT00000003", exclusion=OTHER_EXC,
                      inclusion=["ECOG performance status of 0 or 1."] + OTHER_INC)
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert [(f.kind, f.severity, f.field) for f in found] == [
        ("criteria_not_record", "warning", "exclusion_criteria"), ("criteria_not_record", "warning", "inclusion_criteria")]
    assert found[0].message == (
        "None of the 5 reasons someone cannot join on this page is in the eligibility criteria ClinicalTrials.gov gives "
        "for this trial: this page's list may be another trial's. Read the official criteria on ClinicalTrials.gov before you "
        "decide.")
    assert found[0].official_value is None   # (the card shows no count for a list the record does not have)
    assert found[1].message.startswith("None of the 5 requirements for joining on this page is on the list ClinicalTrials.gov gives "
                                       "for this trial, and none of the 3 it lists is on this page:")


def test_another_trials_list_against_a_saved_copy_names_the_copy():
    """R23 #3: "… is on ClinicalTrials.gov's list for this trial" was said against a copy years old, which the
    saved-copy wording never reached; the advice to read the official list on ClinicalTrials.gov stays."""
    page = _page(OTHER_INC, OTHER_EXC)
    found = [f for f in reconcile(page, _record(), TODAY, copy_as_of="2024-05-24T00:00:00Z") if f.about == "page"]
    assert [f.kind for f in found] == ["criteria_not_record", "criteria_not_record"]
    assert found[0].message.startswith(
        "None of the 5 reasons someone cannot join on this page is on the list TrialLens's saved copy of the "
        "ClinicalTrials.gov record (from 24 May 2024) gives for this trial, and none of the ")
    assert found[1].message.startswith("None of the 4 requirements for joining on this page is on the list "
                                       "TrialLens's saved copy gives for this trial")
    assert all(f.message.endswith("Read the official list on ClinicalTrials.gov before you decide.") for f in found)
