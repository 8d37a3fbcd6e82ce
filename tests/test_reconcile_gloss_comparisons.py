"""A comparison word in an explanation is no changed comparison (review r35 #4): "NIHSS score (higher is worse) 6-20"
for the record's "NIHSS score 6-20", and TrialLens's own plain English fed back as a page ("irregular heartbeats from
the heart's lower chambers" for "ventricular arrhythmias"), were a critical "differs in a comparison word". A
comparison that attaches to a figure, or one the page turns, still is."""

from datetime import date

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from collections import Counter

from scrapers.reconcile.compare import direction_words
from scrapers.reconcile.gloss_comparisons import uncompared
from scrapers.registry import load_demo_record

TODAY = date(2026, 12, 6)


def _critical(nct_id: str, old: str, new: str, record: OfficialRecord | None = None) -> list[str]:
    """The critical findings of a page showing the record's criteria with one item's `old` words as `new`."""
    record = record or load_demo_record(nct_id)
    text = record.eligibility_criteria or ""
    assert old in text
    inc, _, exc = text.replace(old, new).partition("Exclusion Criteria:")

    def items(part: str) -> list[str]:
        return [ln.strip(" *-").split(". ", 1)[-1] if ln.strip()[:1].isdigit() else ln.strip(" *-")
                for ln in part.splitlines() if ln.strip() and not ln.strip().endswith("Criteria:")]

    page = PageRecord(site="meddatax.com", nct_id=nct_id, inclusion=items(inc), exclusion=items(exc))
    return [f.message for f in reconcile(page, record, TODAY) if f.about == "page" and f.severity == "critical"]


def test_a_scales_direction_explained_in_brackets_is_no_changed_comparison():
    assert _critical("NCT07635758", "NIHSS score 6-20", "NIHSS score (higher is worse) 6-20") == []
    assert _critical("NCT07635758", "[mRS\\] score ≥2", "[mRS\\] score (lower is better) ≥2") == []
    assert _critical("NCT07232563", "Post-stroke ASPECTS score \\>= 6",
                     "Post-stroke ASPECTS score (a stroke scan score; lower is worse) at least 6") == []


def test_a_place_in_the_body_is_no_comparison():
    """TrialLens's own plain English for NCT00003407's "ventricular arrhythmias" (5 of r35's 6 self-check criticals),
    and a gloss in brackets of it."""
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT00003407"}, "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Adequate bone marrow function\n"
                              "* No overt congestive heart failure or uncontrollable ventricular arrhythmias\n\n"
                              "Exclusion Criteria:\n\n* Pregnant or nursing"}}})
    old = "No overt congestive heart failure or uncontrollable ventricular arrhythmias"
    for new in ("No overt congestive heart failure or uncontrollable irregular heartbeats from the heart's lower "
                "chambers", "No overt congestive heart failure or uncontrollable ventricular (lower heart chamber) "
                "arrhythmias"):
        assert _critical("NCT00003407", old, new, record) == [], new


def test_a_comparison_that_compares_is_still_a_changed_rule():
    """A turned comparator, a bracket that says a limit ("(or higher)", "(higher than normal)", "(minimum)") and a
    turned sign beside a gloss all stay critical."""
    assert _critical("NCT07635758", "NIHSS score 6-20", "NIHSS score lower than 6")
    assert _critical("NCT07635758", "NIHSS score 6-20", "NIHSS score 6-20 (or higher)")
    assert _critical("NCT07635758", "[mRS\\] score ≥2", "[mRS\\] score (lower is better) ≤2")
    for page, record in [("ALT elevated (higher than normal)", "ALT elevated"), ("Dose (minimum) 10 mg", "Dose 10 mg"),
                         ("Glucose > 200 (once or more a week before screening)",   # (the record's own "more", its
                          "Glucose > 200 (once or more a week prior to screening)")]:   # bracket reworded)
        assert _counted(page, record) == (direction_words(record), direction_words(page)), page
    assert _counted("NIHSS (higher is worse) 6-20", "NIHSS 6-20") == (Counter(), Counter())
    assert _counted("lower belly surgery", "lower abdominal surgery") == (Counter(["lower"]), Counter(["lower"]))


def _counted(page: str, record: str) -> tuple[Counter, Counter]:
    return uncompared(direction_words(record), direction_words(page), record, page, direction_words)


def test_a_bracket_with_a_figure_in_words_still_compares():
    """A figure written as a word is a figure ("(a person over sixty-five)", review r38 #1): the comparison word beside
    it says a limit the record does not give, so its comparison word still counts."""
    assert _critical("NCT07635758", "NIHSS score 6-20", "NIHSS score 6-20 (a person over sixty-five)")
    assert _critical("NCT07635758", "NIHSS score 6-20", "NIHSS score 6-20 (in adults over forty)")
    for page in ("Adults (a man over forty)", "Adults (a person over sixty-five)", "Adults (older than twelve)"):
        assert _counted(page, "Adults") == (Counter(), direction_words(page)), page
