"""`triallens explain` names each group of people above its items, as the card and the trial page do (groups9; a
controls-only exclusion had read as the families' under one flat list, NCT03648918, review r51 §2)."""

from scrapers.official import OfficialRecord
from server.cli_output import print_explain
from server.explain import explain_text

CRITERIA = """Inclusion Criteria (Families):

* Families where at least one first-degree family member has type 1 diabetes

Exclusion Criteria (Families):

* Unable to give consent

Inclusion Criteria (Controls):

* No family history of type 1 diabetes

Exclusion Criteria (Controls):

* Personal or family history of autoimmune disease
"""


def test_each_group_is_named_above_its_items(capsys):
    rec = OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT03648918", "briefTitle": "T"},
                                              "eligibilityModule": {"eligibilityCriteria": CRITERIA}}})
    print_explain(rec, explain_text(rec.eligibility_criteria, rec))
    out = capsys.readouterr().out
    exclusions = out[out.index("You cannot join if"):]
    assert exclusions.index("[Families]") < exclusions.index("consent") < exclusions.index("[Controls]") \
        < exclusions.index("autoimmune disease")
    assert "    - " in exclusions   # the group's items under its heading


def test_one_group_lists_no_heading(capsys):
    rec = OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT01234567", "briefTitle": "T"},
                                              "eligibilityModule": {"eligibilityCriteria":
                                                                    "Inclusion Criteria:\n\n* Adults\n"}}})
    print_explain(rec, explain_text(rec.eligibility_criteria, rec))
    listed = capsys.readouterr().out.split("You may be able to join if")[-1]
    assert "  - Adults" in listed and not any(line.startswith("  [") for line in listed.splitlines())
