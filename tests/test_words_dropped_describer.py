"""A word a page leaves out that says what is measured or who or which illness a rule is about ("Blood pressure < 90
mmHg" where ClinicalTrials.gov says "Systolic blood pressure < 90 mmHg", "Partners" for "Male partners"): word_changes
passed over a word dropped with nothing in its place, so each read as in sync (36 of 37 real range items with their
measure's first word dropped said nothing). It is a warning quoting both texts; wording faithful copies drop
("known", "history of", "patients", "documented") stays quiet."""

import pytest

from scrapers.reconcile.words import word_changes
from test_reconcile_word_changes import _pair


@pytest.mark.parametrize("record,page,said", [
    ("Systolic blood pressure < 90 mmHg", "Blood pressure < 90 mmHg", ("Systolic blood pressure", "Blood pressure")),
    ("Fasting glucose > 126 mg/dL", "Glucose > 126 mg/dL", ("Fasting glucose", "Glucose")),
    ("Serum potassium < 3.5 or > 5.1 mEq/L", "Potassium < 3.5 or > 5.1 mEq/L", ("Serum potassium", "Potassium")),
    ("Resting heart rate < 45 beats per minute", "Heart rate < 45 beats per minute",
     ("Resting heart rate", "Heart rate")),
    ("Early active rheumatoid arthritis", "Active rheumatoid arthritis",
     ("Early active rheumatoid arthritis", "active rheumatoid arthritis")),
    ("Male partners must use condoms", "Partners must use condoms", ("Male partners", "Partners")),
    ("Male subjects must be surgically sterile", "Subjects must be surgically sterile", ("Male subjects", "Subjects")),
    ("Absolute CD4 count > 350 cells/mm3", "CD4 count > 350 cells/mm3", ("Absolute CD4 count", "CD4 count")),
])
def test_a_describing_word_left_out_is_a_word_changed(record, page, said):
    changes = word_changes(record, page)
    assert [(c.record.lower(), c.page.lower()) for c in changes] == [(said[0].lower(), said[1].lower())]
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert f'"{page}' in found[0][2] and f'"{record}' in found[0][2]
    left_out = said[0][:len(said[0]) - len(said[1])].strip().lower()
    assert f'leaves out "{left_out}", which ClinicalTrials.gov says of "{said[1].lower()}"' in found[0][2]


@pytest.mark.parametrize("record,page", [
    ("Known history of stroke within 6 months", "History of stroke within 6 months"),
    ("Patients with documented hepatitis B infection", "Hepatitis B infection"),
    ("Subjects with a diagnosis of type 2 diabetes", "Type 2 diabetes"),
    ("Fasting glucose", "Glucose"),   # (a measure's word is read only before a figure: "fasting" may describe a visit)
    ("Adequate total bilirubin", "Adequate bilirubin"),   # (nor is one with no figure after it)
    ("Prior treatment with cisplatin", "Treatment with cisplatin"),
    ("Adult participants above 18 years of age", "Participants above 18 years of age"),   # (the age says it)
])
def test_wording_a_copy_drops_says_nothing(record, page):
    assert word_changes(record, page) == []
