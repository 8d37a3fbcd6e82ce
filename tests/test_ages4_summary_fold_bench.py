"""bench/summary_fold_eval's age_criterion case builds a page whose summary states an inclusion item's age limits
("People aged lo to hi unit may be able to take part."); its "faithful" pages count any finding as a false alarm. It
took the limits parse_age_limits reads from any item naming age, so "preterm infants 24-29 weeks of gestational age"
became "People aged 24 to 29 weeks", a claim the record does not make, and the check was right to say so (ages3: 14
such findings). The bench now takes only an item whose limits are the participant's own age (plain_limits.own_ages,
the reading the check holds the record to)."""

from bench.summary_fold_eval import age_criterion_case
from scrapers.official import OfficialRecord


def _record(item: str, low: str | None, high: str | None) -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high)) if v}
    elig["eligibilityCriteria"] = f"Inclusion Criteria:\n\n* {item}\n* Informed consent\n\nExclusion Criteria:\n\n* None"
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT09000002"},
                                               "eligibilityModule": elig}})


def test_a_gestational_age_item_is_no_faithful_age_page():
    """NCT00000570's item, in a record of up to 1 year."""
    record = _record("Boy and girl preterm infants 24-29 weeks of gestational age and 500-1400 grams birthweight.",
                     None, "1 Year")
    assert age_criterion_case(record, "faithful-aged") is None


def test_a_length_of_time_beside_the_age_is_not_taken_for_it():
    """NCT00461370's item: the bench read the cycle's 24-35 days; the ages are 18 to 50 years."""
    record = _record("Females of ≥18 and ≤50 years of age who have a regular menstrual cycle between 24-35 days "
                     "duration.", "18 Years", "50 Years")
    assert age_criterion_case(record, "faithful-aged") is None


def test_the_participants_own_age_item_still_makes_a_faithful_page_with_no_finding():
    record = _record("Men and women 18-70 years of age", "18 Years", "75 Years")
    assert age_criterion_case(record, "faithful-aged") == ()
    assert age_criterion_case(record, "differ") != ()
