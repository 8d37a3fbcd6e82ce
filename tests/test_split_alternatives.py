"""One record item's alternatives shown one per bullet (review round 25, J4). Of a reason someone cannot join, bullets
mean what the record's "or" means (any one excludes), so a faithful split is at most the criteria_split note: it was a
critical "differs in an "or"", and a split that repeats the shared words on each bullet ("Uncontrolled hypertension",
"ALT > 2.5 x ULN") read as a criterion added. A bullet that leaves off a describing word the record may say of the
whole list ("Hypertension" for "Uncontrolled diabetes or hypertension") is a warning naming it. Of a requirement for
joining, bullets are each required: "A or B" as two bullets stays an alarm, while "Not pregnant or nursing" as "Not
pregnant" + "Not nursing" and "PT/PTT within normal range" as one bullet per test say the record's rule.
Record texts marked with a trial number are that record's own item."""

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 11, 22)
OTHER = "Participation in another study within 30 days"


def _found(section: str, record: str, bullets: list[str], after: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(kind, severity, message) of the page's criteria findings for a record whose `section` list is `record` and
    one other item (and the items `after` it), shown with `record` as these bullets. (`after`: an item the page loses
    at the end of its list is read as perhaps further down the page, an info.)"""
    heading = "Inclusion" if section == "inclusion" else "Exclusion"
    items = "".join(f"\n* {t}" for t in (OTHER, record) + after)
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": f"{heading} Criteria:\n{items}"}}})
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", **{section: [OTHER] + bullets + list(after)})
    return [(f.kind, f.severity, f.message) for f in reconcile(page, official, TODAY)
            if f.about == "page" and f.kind.startswith("criteri")]


def _alarms(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [f for f in found if f[1] != "info"]


@pytest.mark.parametrize("record,bullets", [
    ("Uncontrolled diabetes or hypertension", ["Uncontrolled diabetes", "Uncontrolled hypertension"]),
    ("AST/ALT > 2.5 x ULN", ["AST > 2.5 x ULN", "ALT > 2.5 x ULN"]),
    ("Known HIV or hepatitis B infection", ["Known HIV infection", "Known hepatitis B infection"]),
    ("Uncontrolled hypertension or metabolic disease.",
     ["Uncontrolled hypertension", "Uncontrolled metabolic disease"]),   # (NCT00494065)
    ("Pregnant women or nursing mothers", ["Pregnant women", "Nursing mothers"]),
    ("Prior chemotherapy, radiotherapy, or immunotherapy", ["Prior chemotherapy", "Prior radiotherapy",
                                                           "Prior immunotherapy"]),
    ("Have an active infection or serious medical condition.",   # (the second part's own "serious")
     ["Have an active infection", "Serious medical condition"]),
])
def test_an_exclusion_split_one_alternative_a_bullet_is_only_the_split_note(record, bullets):
    assert _found("exclusion", record, bullets) == [(
        "criteria_split", "info", f"This page splits a reason someone cannot join into {len(bullets)} items; "
        f'ClinicalTrials.gov lists "{record}" as one.')]


@pytest.mark.parametrize("record,bullets,word,item", [
    ("Uncontrolled diabetes or hypertension", ["Uncontrolled diabetes", "Hypertension"], "uncontrolled",
     "Hypertension"),
    ("Significant emotional disorder or psychosis.", ["Significant emotional disorder", "Psychosis"], "significant",
     "Psychosis"),
    ("Poorly controlled diabetes or hypertension", ["Poorly controlled diabetes", "Hypertension"], "poorly controlled",
     "Hypertension"),
])
def test_a_bullet_without_the_lists_describing_word_is_a_warning_naming_it(record, bullets, word, item):
    assert _alarms(_found("exclusion", record, bullets)) == [(
        "criterion_changed", "warning",
        f'A reason someone cannot join differs in a word: this page shows "{item}" as an item of its own, without '
        f'"{word}", which ClinicalTrials.gov\'s "{record}" may say of it too.')]


@pytest.mark.parametrize("record,bullets", [
    ("Not pregnant or nursing", ["Not pregnant", "Not nursing"]),   # (NCT00004180)
    ("No hepatitis B or C", ["No hepatitis B", "No hepatitis C"]),
    ("PT/PTT within normal range", ["PT within normal range", "PTT within normal range"]),   # (NCT00004038)
    ("Serum AST/ALT less then two times normal.", ["Serum AST less then two times normal.",
                                                   "Serum ALT less then two times normal."]),   # (NCT00001685)
    ("AST/ALT <= 2.5 x ULN", ["AST <= 2.5 x ULN", "ALT <= 2.5 x ULN"]),
])
def test_a_requirement_split_as_the_record_means_it_raises_no_alarm(record, bullets):
    found = _found("inclusion", record, bullets)
    assert _alarms(found) == [] and [k for k, *_ in found] == ["criteria_split"]


@pytest.mark.parametrize("section,record,bullets", [
    # a requirement's "or" as two bullets asks for both
    ("inclusion", "Histologically or cytologically confirmed NSCLC",
     ["Histologically confirmed NSCLC", "Cytologically confirmed NSCLC"]),
    ("inclusion", "Patients with NSCLC/SCLC", ["Patients with NSCLC", "Patients with SCLC"]),
    # the "not" left off one bullet, a limit changed on one, a word the record says on none
    ("inclusion", "Not pregnant or nursing", ["Not pregnant", "Nursing"]),
    ("exclusion", "AST/ALT > 2.5 x ULN", ["AST > 2.5 x ULN", "ALT > 3.5 x ULN"]),
    ("exclusion", "Inability to understand or read English.", ["Inability to understand", "Read English"]),
    ("exclusion", "Uncontrolled diabetes or hypertension", ["Uncontrolled diabetes", "Uncontrolled asthma"]),
])
def test_a_split_that_changes_the_rule_still_alarms(section, record, bullets):
    assert _alarms(_found(section, record, bullets))


@pytest.mark.parametrize("record,bullets", [
    ("Prior chemotherapy or radiotherapy", ("Chemotherapy", "Radiotherapy")),   # ("prior" on no bullet)
    ("Severe chronic or acute liver disease, history of moderate or severe hepatic impairment.",   # (two lists)
     ("Severe chronic", "Acute liver disease", "History of moderate", "Severe hepatic impairment")),
])
def test_bullets_that_are_not_the_lists_parts_are_not_read_as_a_split(record, bullets):
    from scrapers.reconcile.splits import faithful_split
    assert faithful_split("exclusion", record, bullets) is None
