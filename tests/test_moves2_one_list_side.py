"""A one-list record's item is a requirement the page turns into a reason to stay out (moves1's critical) only where
the record's words say nothing else: not under a label that says its items keep people out ("Patients are not
eligible for this trial if they:", review r45 F1), not after an "Exclusion Criteria" heading the record runs into an
item's end (F2), not an item stating it as a whole ("Prior Herceptin therapy is not allowed", "… may not
participate", F3), nor "Absence of X" / "Free of X", the "No X" form (F4). A requirement moved stays critical."""

from __future__ import annotations

import pytest

from criteria_support import TODAY, _record
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.align import official_entries

LEAD_IN = ("Inclusion Criteria\n\nPatients may be eligible for this trial if they:\n\n* Are HIV-positive.\n"
           "* Are at least 18 years old.\n* Have a CD4 count of at least 50 cells/mm3.\n\n"
           "Patients are not eligible for this trial if they:\n\n* Are pregnant or breast-feeding.\n"
           "* Have had pancreatitis or hepatitis within 6 months of starting the study.\n"
           "* Have taken an HIV vaccine within 3 months prior to entry.\n")
RUN_IN = ("Inclusion Criteria:\n\n* Histologically confirmed non-small cell lung cancer\n* Age 18 years or older\n"
          "* Women must use contraception until 3 months after completion of study therapy Exclusion Criteria\n"
          "* Known severe hypersensitivity to gefitinib\n* Pregnancy or breast feeding\n* Active infection\n")
EXCEPT = ("Inclusion Criteria:\n\n* Histologically confirmed squamous cell carcinoma of the head and neck\n"
          "* No prior malignancy within past 5 years except:\n"
          "  * Effectively treated squamous cell or basal cell skin cancer\n"
          "  * Surgically treated carcinoma in situ of the cervix\n")
EXCLUSION_ONLY = ("Exclusion Criteria:\n\n* Current pregnancy\n* Receptive partners with the following prior conditions are "
                  "excluded:\n  * Diagnosed inflammatory bowel disease or rectal malignancy\n"
                  "  * Diagnosed bleeding disorder, including hemophilia\n")
FOR_ANOTHER = ("Inclusion Criteria:\n\n* Histologically confirmed acute myeloid leukemia\n* Age 18 to 65\n"
               "* Ineligible for allogeneic transplantation:\n  * No suitable allogeneic donor\n"
               "  * Refused allogeneic transplantation\n")
ITEMS = ["Histologically confirmed adenocarcinoma of the breast",
         "Pleural effusion only for stage IV (parenchymal, liver, or other distant metastases not allowed)",
         "Ventilator dependent patients who are not candidates for phrenic nerve pacing alone",
         "Prior Herceptin therapy is not allowed",
         "Total parenteral nutrition or tube feeding not permitted",
         "Pregnant or lactating women may not participate; the effects of study drugs on the fetus are not known",
         "Patients who are more than 80 days after PBSCT will not be registered for randomization",
         "Concurrent corticosteroids not allowed (except for nausea or vomiting)",
         "Absence of neurovisceral symptoms due to porphyria for at least 1 month",
         "Free of clinically significant organic disease affecting neurologic, hepatic, or renal status"]


def _alarms(text: str, inclusion: list[str], exclusion: list[str]) -> list[tuple[str, str, str]]:
    page = PageRecord(site="meddatax.com", nct_id="NCT00005017", inclusion=inclusion, exclusion=exclusion)
    return sorted((f.kind, f.severity, f.message) for f in reconcile(page, _record("NCT00005017", text), TODAY)
                  if is_alarm(f) and f.severity != "info")


def _split(text: str, first_out: str) -> tuple[list[str], list[str]]:
    """The record's items as a page lists them, the inclusions up to `first_out` (the run-in heading's words left off
    the item), the rest under the page's exclusion heading."""
    items = [e.text for e in official_entries(_record("NCT00005017", text)) if not e.label]
    at = items.index(first_out)
    return [t.removesuffix(" Exclusion Criteria") for t in items[:at]], items[at:]


def test_the_records_read_as_one_list():
    for text in (LEAD_IN, FOR_ANOTHER, EXCEPT):
        assert {e.section for e in official_entries(_record("NCT00005017", text))} == {"inclusion"}
    # (session parser2: the heading run into the item's end now opens the exclusions, as NCT00493025's does; the
    # tests below check that the page showing them so, or moving a requirement, is read as before)
    assert {e.section for e in official_entries(_record("NCT00005017", RUN_IN))} == {"inclusion", "exclusion"}


def test_items_under_a_label_that_says_they_keep_people_out_are_faithful_under_the_exclusions():
    assert _alarms(LEAD_IN, *_split(LEAD_IN, "Are pregnant or breast-feeding.")) == []


def test_items_after_an_exclusion_heading_run_into_an_item_are_faithful_under_the_exclusions():
    assert _alarms(RUN_IN, *_split(RUN_IN, "Known severe hypersensitivity to gefitinib")) == []


def test_a_requirement_moved_from_such_a_record_stays_critical():
    for text, item in ((LEAD_IN, "Are at least 18 years old."), (RUN_IN, "Age 18 years or older"),
                       (FOR_ANOTHER, "Refused allogeneic transplantation"), (FOR_ANOTHER, "Age 18 to 65"),
                       (EXCEPT, "Effectively treated squamous cell or basal cell skin cancer")):
        inc, exc = _split(text, item)
        found = _alarms(text, [t for t in inc + exc if t != item], [item])
        assert ("criterion_wrong_section", "critical") in [(k, s) for k, s, m in found if item[:25] in m], (item, found)


def test_an_exclusion_only_records_item_under_an_excluded_label_moved_to_the_requirements_stays_critical():
    item = "Diagnosed inflammatory bowel disease or rectal malignancy"
    rest = [e.text for e in official_entries(_record("NCT00005017", EXCLUSION_ONLY)) if not e.label and e.text != item]
    found = _alarms(EXCLUSION_ONLY, [item], rest)
    assert [(k, s) for k, s, m in found if item[:25] in m] == [("criterion_wrong_section", "critical")]


@pytest.mark.parametrize("item,critical", [(ITEMS[0], True), (ITEMS[1], True), (ITEMS[2], True)] +
                         [(t, False) for t in ITEMS[3:]])
def test_an_item_stating_itself_a_reason_to_stay_out_is_faithful_under_the_exclusions(item, critical):
    text = "Inclusion Criteria:\n" + "".join(f"\n* {t}" for t in ITEMS)
    found = _alarms(text, [t for t in ITEMS if t != item], [item])
    assert [(k, s) for k, s, _ in found] == ([("criterion_wrong_section", "critical")] if critical else []), found
