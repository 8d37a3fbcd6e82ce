"""Review round 22, F3 and F4: the record's own list shown in another order raises no alarm.

A faithful legacy (PDQ) list with its top-level items in another order was "another trial's" (criteria_not_record:
labels run on with their sub-items, "Age: a) Over 18", were paired only in order), or an item was paired with its
near-twin ("No other concurrent investigational drugs" with "No other concurrent antitumor drugs") and "differs in a
word". A real change on such a page is still said.
"""

from datetime import date

from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.align import align, official_entries, page_entries
from test_reconcile_criteria import _completed

TODAY = date(2026, 11, 22)
# NCT00003696's record (the lists as ClinicalTrials.gov has them), and NCT00003981's
SCLC = """DISEASE CHARACTERISTICS:

  -  Histologically or cytologically proven extensive stage small cell lung cancer, not previously treated

  -  Measurable or evaluable disease

       -  Ascites, pleural effusions, osteolytic and osteoblastic bone metastases are not measurable or evaluable

PATIENT CHARACTERISTICS:

Age:

  -  Over 18

Performance status:

  -  ECOG 0-3

Life expectancy:

  -  Not specified

Hematopoietic:

  -  Platelet count at least 100,000/mm^3

  -  Absolute neutrophil count at least 2,000/mm^3

Renal:

  -  Creatinine clearance at least 60 mL/min

Other:

  -  No history of hypersensitivity to castor oil

  -  Not pregnant

PRIOR CONCURRENT THERAPY:

Biologic therapy:

  -  No concurrent immunotherapy

Chemotherapy:

  -  See Disease Characteristics

  -  No other concurrent chemotherapy

Surgery:

  -  Not specified
"""
# the page's lines (TrialFinderData runs a label on with its sub-items), in the record's order
SCLC_LINES = [
    "Histologically or cytologically proven extensive stage small cell lung cancer, not previously treated",
    "Measurable or evaluable disease a) Ascites, pleural effusions, osteolytic and osteoblastic bone metastases are "
    "not measurable or evaluable", "Age: a) Over 18", "Performance status: a) ECOG 0-3", "Life expectancy: a) Not specified",
    "Hematopoietic: a) Platelet count at least 100,000/mm^3 b) Absolute neutrophil count at least 2,000/mm^3",
    "Renal: a) Creatinine clearance at least 60 mL/min",
    "Other: a) No history of hypersensitivity to castor oil b) Not pregnant",
    "Biologic therapy: a) No concurrent immunotherapy",
    "Chemotherapy: a) See Disease Characteristics b) No other concurrent chemotherapy", "Surgery: a) Not specified"]
SOLID = """DISEASE CHARACTERISTICS:

  -  Histologically or cytologically confirmed solid tumor that is not amenable to standard therapy

PATIENT CHARACTERISTICS:

Age:

  -  18 and over

Other:

  -  Not pregnant or nursing

  -  No glaucoma

PRIOR CONCURRENT THERAPY:

Chemotherapy:

  -  At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas)

  -  No other concurrent antitumor drugs

Surgery:

  -  Not specified

Other:

  -  No concurrent sulfonylurea agent for diabetes or antiarrhythmic agents

  -  No other concurrent investigational drugs
"""
# the page's lines one entry each (meddatax, clinconnect), in the record's order
SOLID_LINES = ["Histologically or cytologically confirmed solid tumor that is not amenable to standard therapy",
               "Age:", "18 and over", "Other:", "Not pregnant or nursing", "No glaucoma", "Chemotherapy:",
               "At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas)",
               "No other concurrent antitumor drugs", "Surgery:", "Not specified", "Other:",
               "No concurrent sulfonylurea agent for diabetes or antiarrhythmic agents",
               "No other concurrent investigational drugs"]


def _alarms(record, inclusion):
    page = PageRecord(site="trialfinderdata.org", nct_id=record.nct_id, inclusion=list(inclusion))
    return [f for f in reconcile(page, record, TODAY) if f.about == "page" and is_alarm(f)]


def _groups(lines, starts):
    """The lines cut before each index of `starts`: the page's top-level items, to be put in another order."""
    bounds = list(starts) + [len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:])]


def test_a_legacy_list_in_reverse_order_is_the_records_not_another_trials():
    record = _completed("NCT00003696", SCLC)
    assert _alarms(record, SCLC_LINES) == []
    # (before: 'Only 3 of the … requirements for joining on this page are on ClinicalTrials.gov's list …: this page's
    # list may be another trial's')
    assert _alarms(record, SCLC_LINES[::-1]) == []
    O = official_entries(record)
    P = page_entries(PageRecord(site="trialfinderdata.org", nct_id="NCT00003696", inclusion=SCLC_LINES[::-1]))
    age = next(p for p in align(O, P) if P[p.p[0]].text == "Age: a) Over 18")
    assert [O[i].text for i in age.o] == ["Age:", "Over 18"]


def test_a_twin_in_another_order_is_paired_with_its_own_text_not_said_to_differ_in_a_word():
    record = _completed("NCT00003981", SOLID)
    assert _alarms(record, SOLID_LINES) == []
    groups = _groups(SOLID_LINES, [0, 1, 3, 6, 9, 11])
    # (before: 'this page says "No other concurrent investigational drugs", but ClinicalTrials.gov says "No other
    # concurrent antitumor drugs"')
    for order in ((3, 0, 1, 2, 5, 4), (0, 3, 2, 1, 5, 4), (5, 4, 3, 2, 1, 0)):
        assert _alarms(record, [x for k in order for x in groups[k]]) == []


def test_labels_with_the_same_sub_item_in_another_order_keep_their_own():
    """"Hematopoietic: Not specified" was paired with the record's "Radiotherapy:" + "Not specified"."""
    record = _completed("NCT00000002", "Inclusion Criteria:\n\nHematopoietic:\n\n  -  Not specified\n\nHepatic:\n\n"
                        "  -  Bilirubin normal\n\nRadiotherapy:\n\n  -  Not specified\n\nSurgery:\n\n"
                        "  -  At least 3 weeks since prior surgery\n\nRenal:\n\n  -  Not specified\n")
    lines = ["Hematopoietic: Not specified", "Hepatic: Bilirubin normal", "Radiotherapy: Not specified",
             "Surgery: At least 3 weeks since prior surgery", "Renal: Not specified"]
    assert _alarms(record, lines) == []
    assert _alarms(record, [lines[2], lines[3], lines[0], lines[4], lines[1]]) == []


def test_a_changed_item_in_a_list_in_another_order_is_still_said():
    record = _completed("NCT00003696", SCLC)
    lines = [x.replace("at least 60 mL/min", "at least 30 mL/min") for x in SCLC_LINES[::-1]]
    found = _alarms(record, lines)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "critical")]
    assert "30" in str(found[0].page_value)
