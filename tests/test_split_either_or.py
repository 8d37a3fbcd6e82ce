"""An exclusion's "Pregnant and breastfeeding women" reworded "Pregnant or breastfeeding women" says the record's
rule (the pair means either there: it was a critical "differs in a word", session splits3), while a requirement's
pair, a pair said as a time that ends, and every other "and" made "or" stay critical. Record texts marked with a trial
number are that record's own item."""

import pytest

from test_split_alternatives import _alarms, _found


@pytest.mark.parametrize("record,page", [
    ("Pregnant and lactating women.", "Pregnant or lactating women."),   # (NCT03058094)
    ("Women who are pregnant and nursing women are excluded.",   # (NCT00006431)
     "Women who are pregnant or nursing women are excluded."),
    ("Pregnancy and breastfeeding", "Pregnancy or breastfeeding"),   # (NCT00461721)
    ("Nursing and pregnant women.", "Nursing or pregnant women."),   # (NCT00496444)
    # (the record says the pair twice and the page makes one of them "or", NCT00001539)
    ("Pregnant and lactating women: Pregnant and lactating women are excluded from study participation.",
     "Pregnant or lactating women: Pregnant and lactating women are excluded from study participation."),
])
def test_an_exclusion_pregnant_and_lactating_reworded_with_or_raises_nothing(record, page):
    assert _alarms(_found("exclusion", record, [page])) == []


@pytest.mark.parametrize("section,record,page", [
    # (a requirement's pair: "or" is kept an alarm, as the corpus has a pair there that means both)
    ("inclusion", "Pregnant and nursing women may participate in minimal risk procedures",   # (NCT00001183)
     "Pregnant or nursing women may participate in minimal risk procedures"),
    # (a time that ends when both have: "once pregnancy or lactation are completed" lets one back in sooner)
    ("exclusion", "However, patients may be re-enrolled once pregnancy and lactation are completed.",   # (NCT00001728)
     "However, patients may be re-enrolled once pregnancy or lactation are completed."),
    ("exclusion", "Patients who are pregnant and have hypertension", "Patients who are pregnant or have hypertension"),
    ("exclusion", "Pregnant and lactating women with HIV and hepatitis B",
     "Pregnant or lactating women with HIV or hepatitis B"),
    # (the pair made "or" with a limit changed too)
    ("exclusion", "Pregnant and lactating women within 6 months of delivery",
     "Pregnant or lactating women within 3 months of delivery"),
])
def test_other_and_made_or_stays_critical(section, record, page):
    assert "critical" in [s for _, s, _ in _alarms(_found(section, record, [page]))]
