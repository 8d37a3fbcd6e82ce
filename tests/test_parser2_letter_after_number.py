"""A number right before an "a)" is the item's number, its lettered sub-list starting ("2. a) Patient must have …
OR b) …", NCT00004138): in items shown together it is the page's numbering, not a figure the record lacks."""

from datetime import date

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.numbering import strip_layout_numbers

TODAY = date(2026, 11, 22)
# NCT00004138's first items, as the record writes them (shortened)
CRITERIA = ("Inclusion Criteria:\n\n  1. Patient must be ≥ 18 years of age.\n\n"
            "  2. a) Patient must have histologically or cytologically confirmed, newly diagnosed, untreated, single\n"
            "     lesion bronchogenic NSCLC. OR b) Patient is eligible based upon mediastinal node histology diagnosed\n"
            "     by transbronchial biopsy.\n\n"
            "  3. Patient must be medically fit for surgical staging procedures.\n")
ITEM_2 = ("a) Patient must have histologically or cytologically confirmed, newly diagnosed, untreated, single lesion "
          "bronchogenic NSCLC. OR b) Patient is eligible based upon mediastinal node histology diagnosed by "
          "transbronchial biopsy.")


def test_the_number_before_a_is_layout_numbering():
    page, record = strip_layout_numbers("Patient must be ≥ 18 years of age. 2. " + ITEM_2,
                                        "Patient must be ≥ 18 years of age. " + ITEM_2)
    assert page.split() == record.split()
    assert "2." not in page.split()
    # a number before a later letter still ends a sub-item's text, and a figure both hold stays
    page, record = strip_layout_numbers("c) HPA 33. d) Next", "c) HPA 33 d) Next")
    assert "33." in page.split() and "33" in record.split()


def test_items_1_and_2_run_together_are_a_merge_and_nothing_else():
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT00004138"},
        "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": CRITERIA}}})
    page = PageRecord(site="meddatax.com", nct_id="NCT00004138", inclusion=[
        "1. Patient must be ≥ 18 years of age. 2. " + ITEM_2,
        "3. Patient must be medically fit for surgical staging procedures."])
    found = [(f.kind, f.severity) for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert found == [("criteria_merged", "warning")]
