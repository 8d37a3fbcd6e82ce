"""False alarms on pages of unknown hosts that show a ClinicalTrials.gov record's own criteria (reader13): a list number
glued to the full stop of the item before it read as a decimal, a last criterion "male" trimmed as a field's value, and
an "Age:" criterion read as the page saying there is no upper age limit. The pages are built as bench/generic_verbatim.py builds them."""

from conftest import SAVED_COPIES  # noqa: F401  (the demo records as saved copies: conftest.py)

import pytest

from conftest import corpus_record
from verbatim_support import generic_page, own_text_alarms
from scrapers.quantities import canonical, read_quantities
from scrapers.sites.common import trim_trailing_values


_page, _alarms = generic_page, own_text_alarms


def test_a_list_number_glued_to_a_full_stop_is_no_decimal():
    # NCT00657644's line "HIV.9. Severe …": before, read "hiv0.9"
    assert canonical("History of positive test for HIV.9. Severe chronic liver disease.") == \
        "history of positive test for hiv. severe chronic liver disease."
    assert not read_quantities(canonical("History of positive test for HIV.9. Severe chronic liver disease."))
    # decimals keep their figures: after a digit, after a space, or before no new sentence
    assert "1.5." in canonical("Creatinine below 1.5. Adults only.")
    assert "0.5" in canonical("a dose of .5. Adults only.")
    assert "0.9" in canonical("ratio HIV.9. below")


@pytest.mark.parametrize("layout", ["md", "h3", "div", "label"])
def test_nct00657644_own_text_draws_no_critical(shared_dir, layout):
    # before: a critical "differs in a number" ('"hiv0.9" is not in the original')
    assert _alarms(corpus_record(shared_dir, "NCT00657644"), layout) == []


def test_a_last_criterion_male_is_kept():
    assert trim_trailing_values(["age 18 to 50", "competency in English", "male"]) == [
        "age 18 to 50", "competency in English", "male"]
    # a page's unlabelled fields run into the list are still trimmed, a sex among them too
    assert trim_trailing_values(["Adults", "18 Years", "65 Years", "Male", "No"]) == ["Adults"]
    assert trim_trailing_values(["Adults", "18 Years", "Female"]) == ["Adults"]
    assert trim_trailing_values(["Adults", "ALL"]) == ["Adults"]


@pytest.mark.parametrize("layout", ["md", "h3", "div", "label"])
def test_nct00170339_own_text_draws_no_warning(shared_dir, layout):
    # before: "This page leaves out a requirement for joining …: "male"" (the page's last item trimmed)
    assert _alarms(corpus_record(shared_dir, "NCT00170339"), layout) == []


def test_an_age_criterion_says_no_missing_limit():
    # a criterion's age is the limit it gives, and no "there is no upper age limit": another item may give that
    crit = ("<h2>Eligibility Criteria</h2><p>Inclusion Criteria:</p><ul><li>Age: 20 years and older- Males with "
            "erectile dysfunction</li><li>Stable relationship</li></ul><p>Exclusion Criteria:</p><ul><li>Over 65 "
            "years of age</li></ul><h2>Locations</h2><ul><li>A clinic</li></ul>")
    rec = _page(crit)
    assert rec.inclusion[0].startswith("Age: 20 years and older")
    assert rec.min_age is not None and rec.min_age.value == 20
    assert rec.no_max_age_text is None
    rec = _page(crit.replace("Age: 20 years and older- Males", "Age: under 18 years, boys"))
    assert rec.max_age is not None and rec.max_age.value == 18 and rec.no_min_age_text is None
    # a labelled field outside the criteria says it, as before, also beside a criterion starting "Age:"
    for label in ("<p>Age: 18 years and older</p>", "<p>Age:</p><p>18 years and older</p>"):
        rec = _page(label + crit)
        assert rec.min_age is not None and rec.min_age.value == 18 and rec.no_max_age_text == "18 years and older"


@pytest.mark.parametrize("layout", ["md", "h3", "div", "label"])
def test_nct00668135_own_text_draws_no_critical(shared_dir, layout):
    # the record's criteria say "Age: 20 years and older", its own maximum age is 65: the page copying the criteria
    # drew a critical "says there is no upper age limit" that the record does not back
    assert _alarms(corpus_record(shared_dir, "NCT00668135"), layout) == []
