"""`triallens explain`'s age row where the record's age fields are empty: "not in the record's age fields", not "not
stated" (review r49: ten corpus records give ages only in their criteria, "Must be between 18 and 80")."""

from scrapers.official import OfficialRecord
from server.cli_output import print_explain
from server.explain import explain_text


def _record(eligibility: dict) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT01234567", "briefTitle": "T"},
                                               "eligibilityModule": eligibility}})


def test_an_age_only_in_the_criteria_is_not_said_to_be_unstated(capsys):
    rec = _record({"eligibilityCriteria": "Inclusion Criteria:\n\n* Must be between 18 and 80"})
    print_explain(rec, explain_text(rec.eligibility_criteria, rec))
    assert "  age:                not in the record's age fields\n" in capsys.readouterr().out


def test_the_records_ages_are_said_as_before(capsys):
    rec = _record({"eligibilityCriteria": "Inclusion Criteria:\n\n* Adults", "minimumAge": "18 Years",
                   "maximumAge": "80 Years"})
    print_explain(rec, explain_text(rec.eligibility_criteria, rec))
    assert "  age:                18 to 80 years\n" in capsys.readouterr().out
