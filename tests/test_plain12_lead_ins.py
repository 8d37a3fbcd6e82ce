"""A requirements list a record files under its exclusions, led in without "must": "Participants meet the following
criteria:" (NCT00000929), "Receptive partners meet the following additional criteria:", "Patients with the following
conditions are included:" (NCT00002051). Its items were read to the reader under "You cannot join if…" ("You agree to
use non-N-9 lubricant and condoms …"); now they keep the record's words and the lead-in is marked as a requirement
listed under the exclusions, as a "must" lead-in already was. The parser keeps them where the record files them (a
page copying the record shows them there: parser2 in docs/benchmarks.md)."""

from __future__ import annotations

from conftest import corpus_record
from test_worded import _marks

from scrapers.official import OfficialRecord
from server.explain import explain_text

LISTS = ("Exclusion Criteria:\n\n* Positive syphilis serology.\n* Participants meet the following criteria:\n"
         "    * Agree to use non-N-9 lubricant and condoms for all episodes of anal intercourse.\n"
         "* Receptive partners meet the following additional criteria:\n"
         "    * Agree to apply the specified amount of Advantage 24 daily to the rectum.\n"
         "* Patients with the following conditions are included:\n    * Kaposi's sarcoma.\n")


def test_the_lead_ins_are_marked_and_their_items_keep_the_records_words():
    marks = _marks(LISTS)
    assert [lead for lead, marked in marks.items() if marked] == [
        "Participants meet the following criteria:", "Receptive partners meet the following additional criteria:",
        "Patients with the following conditions are included:"]
    shown = [e.shown for e in explain_text(LISTS).items()]
    assert any(s.startswith("Agree to use non-N-9 lubricant and condoms") for s in shown), shown
    assert any(s.startswith("Agree to apply the") for s in shown), shown
    assert not any(s.startswith("You") for s in shown), shown


def test_exceptions_inside_an_exclusion_stay_as_they_are():
    """"may be included if they meet …" is an exception of the item above it, not a requirements list."""
    marks = _marks("Exclusion Criteria:\n\n* Prior chemotherapy. Patients may be included if they meet the "
                   "following criteria:\n    * At least 4 weeks since the last dose\n")
    assert not any(marks.values())


def test_the_real_record_reads_no_you_agree_under_the_exclusions(shared_dir):
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00000929"))
    shown = [e.shown for e in explain_text(rec.eligibility_criteria, rec).items()]
    assert any(s.startswith("Agree to use non-N-9 lubricant and condoms") for s in shown)
    assert not any(s.startswith(("You agree", "You plan", "You avoid")) for s in shown), shown


def test_reasons_to_stay_out_filed_under_the_inclusions_are_not_said_of_the_reader(shared_dir):
    """The mirror: "Patients with the following are excluded:" under the inclusions (NCT00000643) read "You have had
    cerebral toxoplasmosis …" under "You may be able to join if…"; "Patients are not eligible for this trial if they:"
    (NCT00005017) "You have had a severe nerve disease …". Their items keep the record's words."""
    for nct, lead_in in (("NCT00000643", "Patients with the following are excluded:"),
                         ("NCT00005017", "Patients are not eligible for this trial if they:")):
        rec = OfficialRecord(corpus_record(shared_dir, nct))
        leads = [e for e in explain_text(rec.eligibility_criteria, rec).to_dict()["inclusion"] if e["original"] == lead_in]
        under = [c["shown"] for e in leads for c in e["children"]]
        assert len(under) >= 3 and not any(s.startswith("You") for s in under), (nct, under)
    text = ("Inclusion Criteria:\n\n* Diagnosis of AIDS.\n* Excluded:\n    * History of seizures.\n"
            "* Patients with the following are excluded:\n    * Known allergy to study drugs.\n")
    shown = [e.shown for e in explain_text(text).items()]
    assert not any(s.startswith("You have") for s in shown[2:]), shown
    assert shown[0].startswith("You have")   # (the record's own requirement still speaks to the reader)
