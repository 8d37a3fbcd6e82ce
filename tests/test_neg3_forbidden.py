"""A negative said without the record's "is" ("Smoking not permitted" for "Smoking is forbidden") says the same (neg3).
The page's negative was read in the record's words only where the word before it was the record's, so with the "is"
dropped it was a "not" the record lacks: critical on 40 of 40 real items edited so ("Concomitant use of amantadine
(Symmetrel) not permitted and …" for "… is prohibited and …", NCT00462228), and a short item did not even pair (two
warnings). "permitted" or "allowed" for "forbidden" stays a critical turn."""

import pytest

from criteria_support import worst_alarm

from scrapers.reconcile.same_negatives import in_record_negatives


@pytest.mark.parametrize("item, old, new", [
    ("Smoking is forbidden", "is forbidden", "not permitted"),
    ("Smoking is forbidden", "is forbidden", "not allowed"),
    ("Smoking is not permitted", "is not permitted", "forbidden"),
    ("Alcohol and smoking are forbidden during the study", "are forbidden", "not allowed"),
    # corpus items: NCT00000919, NCT00462228, NCT05146765
    ("Systemic ketoconazole or itraconazole, intravenous pentamidine, and rifabutin are prohibited. Midazolam is "
     "allowed for sedation", "are prohibited", "not allowed"),
    ("Concomitant use of amantadine (Symmetrel) is prohibited and a washout period of 4 weeks is required before study "
     "entry.", "is prohibited", "not permitted"),
    ("Co-medication is prohibited during the entire trial period for the following medications: drugs for dementia",
     "is prohibited", "not permitted"),
])
def test_a_negative_without_the_records_is_says_the_same(item, old, new):
    assert worst_alarm(item, old, new, "exclusion") == "silent"


@pytest.mark.parametrize("item, old, new", [
    ("Smoking is forbidden", "is forbidden", "permitted"),
    ("Smoking is forbidden", "is forbidden", "allowed"),
    ("Smoking is forbidden", "is forbidden", "is not forbidden"),
    ("Smoking is not permitted", "is not permitted", "permitted"),
    ("Alcohol and smoking are forbidden during the study", "are forbidden", "allowed"),
    ("Warfarin and heparin are prohibited. Aspirin is allowed.", "are prohibited. Aspirin is allowed",
     "are. Aspirin is not allowed"),   # (r43 HARMFUL 3)
    ("Steroids are not allowed during the study; antihistamines are allowed during the study",
     "Steroids are not allowed during the study; antihistamines are allowed",
     "Steroids allowed during the study; antihistamines prohibited"),   # (r43 HARMFUL 1, without the "are"s)
])
def test_a_turned_rule_stays_critical(item, old, new):
    assert worst_alarm(item, old, new, "exclusion") == "critical"


def test_the_page_is_read_in_the_records_words_without_its_is():
    assert in_record_negatives("Smoking is forbidden", "Smoking not permitted") == "Smoking forbidden"
    assert in_record_negatives("Smoking not permitted", "Smoking is forbidden") == "Smoking is not permitted"
    assert in_record_negatives("Smoking is forbidden", "Smoking is not prohibited") == "Smoking is not prohibited"
