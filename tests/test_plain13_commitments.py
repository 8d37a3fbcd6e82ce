"""Commitments filed under the exclusions (plain13).

"Willing and able, in the clinician's opinion, to comply with the treatment …" (NCT00000636), "Willingness to allow
stored samples to be used …" (NCT00001650), "Be willing and able to give informed consent." (NCT00002283) are what a
study asks of everyone; a record filed them under its exclusions and the card read "You are willing …" under "You
cannot join if…". They keep the record's words and are marked as worded as a requirement, as a "must" item is. "…;
agree to informed consent." after "Inability to read or understand study forms" (NCT00000439) is the inability's
("You agree to informed consent" was said). Texts are the records' own."""

from __future__ import annotations

import pytest

from conftest import corpus_record

from scrapers.official import OfficialRecord
from server.explain import explain_item, explain_text

COMMITMENTS = [
    "Willing and able, in the clinician's opinion, to comply with the treatment and clinical management issues.",
    "Willingness to allow stored samples to be used for future studies of HIV infections and immunological function, "
    "and willingness to have HLA typing performed.",
    "Be willing and able to give informed consent.",
    "Willingness to be followed by the originating medical center for 1 year.",
    "Agree to use non-N-9 lubricant and condoms for all episodes of anal intercourse.",
    "Women of childbearing potential must agree to use a reliable and appropriate contraceptive method.",
    "Willingness not to use any other application which collects heart rate data on the phone and watch that is used "
    "for NightWare.",
]


@pytest.mark.parametrize("text", COMMITMENTS)
def test_a_commitment_under_the_exclusions_keeps_its_words_and_is_marked(text):
    e = explain_item(text, "exclusion")
    assert not e.shown.startswith("You"), e.shown
    assert e.shown.split()[0] == text.split()[0]
    items = explain_text("Exclusion Criteria:\n\n* Pregnancy.\n* " + text + "\n").exclusion
    assert [x.worded_as_requirement for x in items] == [False, True]


@pytest.mark.parametrize("text", COMMITMENTS[:5])
def test_the_same_commitment_under_the_inclusions_still_speaks_to_the_reader(text):
    assert explain_item(text, "inclusion").shown.startswith("You "), explain_item(text, "inclusion").shown


@pytest.mark.parametrize("text,said", [
    ("Unwilling to consent.", "You are unwilling to consent."),
    ("The subject is not willing or able to give written valid Informed Consent", "You are not willing or able"),
    ("Subjects unable to consent to participating in the study.", "You are unable to consent"),
])
def test_not_willing_or_unable_still_excludes_as_worded(text, said):
    e = explain_item(text, "exclusion")
    assert e.shown.startswith(said), e.shown
    assert not explain_text("Exclusion Criteria:\n\n* " + text + "\n").exclusion[0].worded_as_requirement


def test_a_plan_the_trial_rules_out_is_no_commitment():
    text = "Female who is willing or intends to become pregnant during the study"
    assert not explain_text("Exclusion Criteria:\n\n* " + text + "\n").exclusion[0].worded_as_requirement
    assert not explain_text("Exclusion Criteria:\n\n* Willing to become pregnant during the study\n") \
        .exclusion[0].worded_as_requirement


def test_agree_after_an_inability_is_the_inabilitys():
    e = explain_item("Inability to read or understand study forms; agree to informed consent.", "exclusion")
    assert e.rewritten and "You agree" not in e.shown and "; agree to informed consent" in e.shown, e.shown
    # (a rule of its own after a semicolon is still cut: "Able" is no verb the inability leads)
    assert explain_item("Unable to walk; Able to read", "exclusion").shown.count(". ") == 1


def test_the_real_record_no_longer_says_you_are_willing_under_the_exclusions(shared_dir):
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00000636"))
    pc = explain_text(rec.eligibility_criteria, rec)
    [e] = [e for e in pc.exclusion if e.original.startswith("Willing and able")]
    assert e.shown.startswith("Willing and able") and e.worded_as_requirement
