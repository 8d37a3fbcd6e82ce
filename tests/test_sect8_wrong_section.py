"""criterion_wrong_section is critical only where the page really lists a rule under the other heading: not for the
record's rule said the other way round ("History of MI" as a reason to stay out for the requirement "No history of
MI"), nor for an item a one-paragraph page shows after the record's own heading that TrialLens did not read there.
A requirement shown verbatim among the exclusions (or the reverse) stays critical."""

from __future__ import annotations

from criteria_support import TODAY, _record, bulleted_record, one_paragraph
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile

INCLUSION = ["Age 18 to 75 years",
             "No history of myocardial infarction within the past year",
             "Able to give informed consent"]
EXCLUSION = ["Pregnant or breastfeeding women", "Active hepatitis B infection", "Prior pelvic irradiation"]


def _alarms(page: PageRecord, record) -> list[tuple[str, str]]:
    """The page's warnings and criticals (an info says how the page words a rule, no alarm)."""
    return sorted((f.kind, f.severity) for f in reconcile(page, record, TODAY) if is_alarm(f) and f.severity != "info")


def _moved(item: str, shown_as: str) -> PageRecord:
    """The bulleted record's lists with one inclusion item taken out and shown, as `shown_as`, last among the
    exclusions."""
    inc = [t for t in INCLUSION if t != item]
    return PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=inc, exclusion=EXCLUSION + [shown_as])


def test_a_requirement_no_x_shown_as_reason_x_is_the_same_rule():
    """r38 §7: critical twice (a "not" changed, a move) on 37 of 40 real items; now an info, no alarm."""
    record = bulleted_record(INCLUSION, EXCLUSION)
    page = _moved(INCLUSION[1], "History of myocardial infarction within the past year")
    assert _alarms(page, record) == []
    said = [f for f in reconcile(page, record, TODAY) if f.kind == "criterion_wrong_section"]
    assert [f.severity for f in said] == ["info"]
    assert "words the same rule as a requirement for joining" in said[0].message


def test_a_reason_x_shown_as_requirement_no_x_is_the_same_rule():
    record = bulleted_record(INCLUSION, EXCLUSION)
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=INCLUSION + ["No prior pelvic irradiation"],
                      exclusion=EXCLUSION[:2])
    assert _alarms(page, record) == []


def test_a_requirement_shown_verbatim_among_the_exclusions_stays_critical():
    record = bulleted_record(INCLUSION, EXCLUSION)
    for item in (INCLUSION[1], INCLUSION[2]):   # ("No X" as "No X", "X" as "X": the rule turned)
        assert ("criterion_wrong_section", "critical") in _alarms(_moved(item, item), record)
    # (a "no" the fidelity check reads as no negation, "no gender restriction", is still the same item moved)
    record = bulleted_record(INCLUSION + ["Men and women, no gender restriction"], EXCLUSION)
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=INCLUSION,
                      exclusion=EXCLUSION + ["Men and women, no gender restriction"])
    assert ("criterion_wrong_section", "critical") in _alarms(page, record)


def test_a_turned_not_beside_another_change_stays_critical():
    """Without its "not" the page's item must be the record's copy: a changed figure as well is no same rule."""
    record = bulleted_record(INCLUSION, EXCLUSION)
    page = _moved(INCLUSION[1], "History of myocardial infarction within the past 2 years")
    assert any(sev == "critical" for _, sev in _alarms(page, record))


# NCT02910323's layout: a second inclusion heading after the exclusions, alone on its line
HEALTHY = ("Inclusion Criteria:\n\n* Diagnosis of trigeminal neuralgia\n* Able to provide HIPAA authorization\n\n"
           "Exclusion Criteria:\n\n* Life expectancy less than 1 year\n* Active drug or alcohol dependence\n"
           "* Inability to give informed consent.\n\nInclusion Criteria for Healthy Volunteers:\n\n"
           "* Willingness to consent and be of age 18 and older")


def test_a_one_paragraph_page_showing_the_records_own_heading_is_not_a_move():
    """The page runs the heading into its paragraph ("… consent. Inclusion Criteria for Healthy Volunteers: * …"),
    which the page reader leaves in the exclusions: the page is faithful, no wrong-section critical (was critical)."""
    record = _record("NCT02910323", HEALTHY)
    inc, exc = one_paragraph(HEALTHY)
    assert exc[-1] == "Willingness to consent and be of age 18 and older"   # (read there: the reading, not the page)
    page = PageRecord(site="checkorphan.org", nct_id="NCT02910323", inclusion=inc, exclusion=exc)
    assert not any(kind == "criterion_wrong_section" for kind, _ in _alarms(page, record))


def test_the_same_item_moved_without_its_heading_stays_critical():
    record = _record("NCT02910323", HEALTHY)
    page = PageRecord(site="checkorphan.org", nct_id="NCT02910323",
                      inclusion=["Diagnosis of trigeminal neuralgia", "Able to provide HIPAA authorization"],
                      exclusion=["Life expectancy less than 1 year", "Active drug or alcohol dependence",
                                 "Inability to give informed consent.",
                                 "Willingness to consent and be of age 18 and older"])
    assert ("criterion_wrong_section", "critical") in _alarms(page, record)


def test_the_heading_inside_an_items_words_is_no_heading():
    """Only after a sentence's end, or ending the item as the record writes it: "… not meeting inclusion criteria for
    healthy volunteers: …" is an item's words, and the item after it, moved, stays critical."""
    record = _record("NCT02910323", HEALTHY)
    for words in ("Inability to give informed consent, or not meeting Inclusion Criteria for Healthy Volunteers: "
                  "able to consent",
                  "Inability to give informed consent, or not meeting inclusion criteria for healthy volunteers:"):
        page = PageRecord(site="checkorphan.org", nct_id="NCT02910323",
                          inclusion=["Diagnosis of trigeminal neuralgia", "Able to provide HIPAA authorization"],
                          exclusion=["Life expectancy less than 1 year", "Active drug or alcohol dependence", words,
                                     "Willingness to consent and be of age 18 and older"])
        assert ("criterion_wrong_section", "critical") in _alarms(page, record)


# NCT00498771's: a heading that names no criteria, run into the last exclusion with no full stop
WOMEN = ("Inclusion Criteria:\n\n- Breast cancer patients with Lymphedema\n- Patients must sign a consent form\n\n"
         "Exclusion Criteria:\n\n- Patients with health problems that contraindicate exercise\n- Patients are not "
         "eligible if the assessment identifies a contraindication to participation\n\nInclusion of Women and "
         "Minorities:\n\n- Men, women and minorities with breast cancer related lymphedema are eligible")


def test_a_heading_ending_the_item_before_as_the_record_writes_it_is_not_a_move():
    record = _record("NCT00498771", WOMEN)
    inc, exc = one_paragraph(WOMEN)
    assert exc[-1] == "Men, women and minorities with breast cancer related lymphedema are eligible"
    page = PageRecord(site="checkorphan.org", nct_id="NCT00498771", inclusion=inc, exclusion=exc)
    assert not any(kind == "criterion_wrong_section" for kind, _ in _alarms(page, record))
