"""A measure's own name a page leaves out before its figure ("Count < 100,000/mm3" where ClinicalTrials.gov says
"Platelet count < 100,000/mm3"): the page no longer says what is measured, and it read as in sync (words4's sweep: 72
of 80 real items silent). A criterion_changed warning naming the word; a copy that keeps the name (a generic "cell"
left out, a name word still before the count, the name said elsewhere, a short form kept) stays quiet."""

import pytest

from scrapers.reconcile.words import word_changes
from test_reconcile_word_changes import _pair


@pytest.mark.parametrize("record,page,left_out,of", [
    ("Platelet count < 100,000/mm3", "Count < 100,000/mm3", "platelet", "count"),
    ("Testosterone level < 50 ng/dL", "Level < 50 ng/dL", "testosterone", "level"),
    ("Alkaline phosphatase level > 2.5 x ULN", "Level > 2.5 x ULN", "alkaline phosphatase", "level"),
    ("Absolute neutrophil count < 1,500/mm3", "Absolute count < 1,500/mm3", "neutrophil", "count"),
    ("Absolute neutrophil count < 1,500/mm3", "Count < 1,500/mm3", "absolute neutrophil", "count"),
    ("Serum testosterone level < 50 ng/dL", "Serum level < 50 ng/dL", "testosterone", "level"),
    ("Abnormal testosterone levels lower than 300 ng/dL", "Abnormal levels lower than 300 ng/dL",
     "testosterone", "levels"),
    # (a unit of the figure before is no name: "/mm3" ends the white count's figure)
    ("WBC < 3,000/mm3 or platelet count < 100,000/mm3", "WBC < 3,000/mm3 or count < 100,000/mm3", "platelet", "count"),
    ("Hematopoietic: Lymphocyte count at least 500/mm3", "Hematopoietic: count at least 500/mm3", "lymphocyte", "count"),
])
def test_a_measure_name_left_out_is_a_word_changed(record, page, left_out, of):
    assert [c.page.lower() for c in word_changes(record, page)] == [of]
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert f'leaves out "{left_out}", which ClinicalTrials.gov says of "{of}"' in found[0][2]
    assert f'"{page}' in found[0][2] and f'"{record}' in found[0][2]


@pytest.mark.parametrize("record,page", [
    ("CD4+ T-cell count of greater than or equal to 300/mm(3)", "CD4+ count of greater than or equal to 300/mm(3)"),
    ("CD4+ lymphocyte count >= 200 cells/microliter", "CD4+ count >= 200 cells/microliter"),
    ("White blood cell count: > 4,000/mm3", "White blood count: > 4,000/mm3"),
    ("Plasma HIV RNA count of 10,000 copies/ml or more", "Plasma HIV count of 10,000 copies/ml or more"),
    ("Platelet count >= 100,000 platelets/mm3", "Count >= 100,000 platelets/mm3"),   # (the name said after)
    ("Platelet count (PLT) >= 100,000/mm3", "Count (PLT) >= 100,000/mm3"),   # (its short form kept)
    ("Low testosterone level at screening", "Low level at screening"),   # (no figure after: not read)
    ("Platelet count < 100,000/mm3", "Platelet count < 100,000/mm3"),
])
def test_a_copy_that_keeps_the_name_is_quiet(record, page):
    assert word_changes(record, page) == []
    assert _pair(record, page) == []
