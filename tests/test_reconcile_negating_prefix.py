"""A negating prefix added or removed turns a rule: "No asymptomatic CNS disease" for the record's "No symptomatic CNS
disease" (NCT00003741) admits whom the record keeps out. One letter apart in a long word, it read as a slip of the
record's word and the pair as in sync (review r28 #4: 14 of 17 real symptomatic/asymptomatic rewrites said nothing).
A real slip elsewhere in a word stays quiet."""

from datetime import date

import pytest

from scrapers.fidelity import polarity_flips
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.same_words import same_word

TODAY = date(2026, 12, 6)


def _alarms(section: str, record: str, page: str) -> list[tuple[str, str, str]]:
    """The page's warnings and criticals for a record item shown as `page`, among two items copied as they are."""
    other = {"inclusion": ["Age 18 years or older", "Signed informed consent"],
             "exclusion": ["Pregnant women", "Known allergy to study drug"]}
    rec = {s: list(items) for s, items in other.items()}
    shown = {s: list(items) for s, items in other.items()}
    rec[section].insert(1, record)
    shown[section].insert(1, page)
    text = "\n\n".join(f"{h} Criteria:\n\n" + "\n".join(f"* {t}" for t in rec[s])
                       for h, s in (("Inclusion", "inclusion"), ("Exclusion", "exclusion")))
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}})
    found = reconcile(PageRecord(site="meddatax.com", nct_id="NCT01774864", **shown), official, TODAY)
    return [(f.kind, f.severity, f.message) for f in found if f.about == "page" and f.severity != "info"]


@pytest.mark.parametrize("section,record,page", [
    ("exclusion", "No symptomatic CNS disease", "No asymptomatic CNS disease"),   # (NCT00003741, as its page would)
    ("exclusion", "Symptomatic ischemic heart disease", "Asymptomatic ischemic heart disease"),   # (NCT00006249)
    ("inclusion", "Asymptomatic HIV infection", "Symptomatic HIV infection"),
    ("inclusion", "Afebrile for at least 48 hours", "Febrile for at least 48 hours"),
    ("exclusion", "Atypical hyperplasia", "Typical hyperplasia"),
    ("exclusion", "Treatment discontinued for toxicity", "Treatment continued for toxicity"),
])
def test_a_negating_prefix_added_or_removed_is_a_critical_changed_word(section, record, page):
    found = _alarms(section, record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "critical")]
    assert "differs in a word" in found[0][2]


@pytest.mark.parametrize("section,record,page", [
    ("exclusion", "Symptomatic brain metastases", "Symptomatic brain metastses"),
    ("exclusion", "Atrial fibrillation", "Trial fibrillation"),   # ("atrial" is no turned "trial": a slip)
    ("inclusion", "Histologically confirmed adenocarcinoma", "Histologically confirmed adenocarcinoma"),
])
def test_a_slip_elsewhere_stays_quiet(section, record, page):
    assert _alarms(section, record, page) == []


def test_the_word_matcher_reads_a_negating_prefix_as_no_slip():
    assert not same_word("asymptomatic", "symptomatic") and not same_word("febrile", "afebrile")
    assert same_word("recieve", "receive") and same_word("bdominal", "abdominal")   # (slips, as before)
    assert polarity_flips("No symptomatic CNS disease", "No asymptomatic CNS disease") == [
        ("symptomatic", "asymptomatic")]


@pytest.mark.parametrize("section,record,page", [
    ("exclusion", "No asymptomatic CNS disease", "No not symptomatic CNS disease"),
    ("inclusion", "Asymptomatic HIV infection", "Not symptomatic HIV infection"),
    ("inclusion", "Afebrile for at least 48 hours", "Not febrile for at least 48 hours"),
    ("exclusion", "Atypical hyperplasia", "Not typical hyperplasia"),
    ("inclusion", "Not febrile for at least 48 hours", "Afebrile for at least 48 hours"),   # (the reverse)
    ("inclusion", "Patient is not symptomatic", "Patient is asymptomatic"),
])
def test_not_before_the_bare_word_says_the_prefixed_word(section, record, page):
    """"not symptomatic" is "asymptomatic" said in two words, as "not controlled" is "uncontrolled": no lost "not"
    (before dropwords, every one was a critical lost "not" or changed word)."""
    assert _alarms(section, record, page) == []


def test_not_before_another_word_is_still_a_turned_rule():
    found = _alarms("inclusion", "Asymptomatic HIV infection", "Not treated symptomatic HIV infection")
    assert ("critical" in {s for _, s, _ in found})
