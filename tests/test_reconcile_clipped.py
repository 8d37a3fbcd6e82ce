"""A page that shows the start of a criterion and stops (mid-word, on "with", at "…" or "... Read more") changed no rule:
it showed less of one (review r35 #3). Only the part it shows is compared with the record: a figure, limit or "not"
that differs there is still critical."""

import re
from datetime import date

from scrapers.model import PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.clipped import clip
from scrapers.registry import load_demo_record

TODAY = date(2026, 12, 6)


def _lines(nct_id: str) -> tuple[list[str], list[str]]:
    """The record's two lists one line an item, as a site shows them (its bullets off)."""
    text = load_demo_record(nct_id).eligibility_criteria or ""
    inc, _, exc = text.partition("Exclusion Criteria:")
    return ([re.sub(r"^\s*(?:\*|\d+\.)\s+", "", ln) for ln in inc.splitlines() if re.match(r"\s*(?:\*|\d+\.)\s", ln)],
            [re.sub(r"^\s*(?:\*|\d+\.)\s+", "", ln) for ln in exc.splitlines() if re.match(r"\s*(?:\*|\d+\.)\s", ln)])


def _found(nct_id: str, inclusion: list[str], exclusion: list[str], truncated: bool = False, ends_at: str | None = None,
           notes: bool = False) -> list:
    page = PageRecord(site="trial.medpath.com", nct_id=nct_id, inclusion=inclusion, exclusion=exclusion,
                      criteria_truncated=truncated, criteria_ends_at=ends_at)
    return [f for f in reconcile(page, load_demo_record(nct_id), TODAY)
            if f.about == "page" and (notes or f.severity != "info")]


def _kinds(found: list) -> list[tuple[str, str]]:
    return sorted((f.kind, f.severity) for f in found)


def test_a_page_captured_mid_word_shows_part_of_the_item_it_does_not_change_it():
    """dev.jsonl row 13 (medpath, NCT06427642) ends "For children with BPD: 1) with sev": it was a critical "differs in
    a number", the number the sub-point's "1)". Where what TrialLens read stops there, with no mark and no end of the
    list shown, the cut is the list's note, as the items after it are ("1 only in part"); marked by the site as cut
    ("…", "... Read more", "… See full criteria"), or with the page's list visibly ending after it, a warning that
    says what the page leaves off (it was the same critical)."""
    inc, exc = _lines("NCT06427642")
    found = _found("NCT06427642", inc, exc[:1] + ["For children with BPD: 1) with sev"], notes=True)
    assert [(f.kind, f.severity) for f in found] == [("criteria_incomplete", "info")]
    assert "found 2 on this page (1 only in part)" in found[0].message and '(and the rest of "For children with BPD")' \
        in found[0].message
    for shown, ends_at in [("For children with BPD: 1) with sev…", None),
                           ("For children with BPD: 1) with sev", "Sponsors"),
                           ("For children with BPD: 1) with severe anemia, severe... Read more", None),
                           ("For children with BPD: 1) with sev… See full criteria", None)]:
        found = _found("NCT06427642", inc, exc[:1] + [shown], ends_at=ends_at)
        if ends_at:   # (a list that visibly ends leaves out the record's items past it; not the sub-point it cuts)
            missing = [f for f in found if f.kind == "criterion_missing"]
            assert len(missing) == 2 and not any("severe anemia" in f.message for f in missing)
            found = [f for f in found if f.kind != "criterion_missing"]
        assert _kinds(found) == [("criterion_shortened", "warning")], shown
        assert found[0].message.startswith('This page shows only the start of a reason someone cannot join, '
                                           '"For children with BPD: 1) with sev')
        assert "intracranial hemorrhage" in found[0].message and found[0].evidence["cut_off"]


def test_a_cut_inside_a_list_and_one_in_a_word_sentence_end_are_shortened_too():
    """A middle item clamped with "…" (r35 M12: "…other clinical trials within…" was a critical "differs in a
    number"), and an item that stops on a word no criterion ends on ("unable or unwilling to provide informed consent
    or", r35 M07: "differs in a 'not'")."""
    inc, exc = _lines("NCT07232563")
    at = next(k for k, t in enumerate(exc) if t.startswith("Patients who have participated"))
    shown = exc[:at] + ["Patients who have participated in other clinical trials within…"] + exc[at + 1:]
    found = _found("NCT07232563", inc, shown)
    assert _kinds(found) == [("criterion_shortened", "warning")]
    assert 'goes on "the past 3 months"' in found[0].message
    inc, exc = _lines("NCT06427642")
    found = _found("NCT06427642", inc, ["For children with HIE: unable or unwilling to provide informed consent or"]
                   + exc[1:])
    assert _kinds(found) == [("criterion_shortened", "warning")]


def test_what_differs_in_the_part_a_cut_item_shows_is_still_critical():
    """Compare only the shown prefix: a figure, a limit or a "not" changed before the cut is a changed rule."""
    inc, exc = _lines("NCT07232563")
    at = next(k for k, t in enumerate(exc) if t.startswith("Patients who have participated"))
    for shown, what in [("Patients who have participated in other clinical trials within the past 6…", "a number"),
                        ("Known bleeding tendencies (including but not limited to): platelet count \\> 100×10\\^9/L; "
                         "received heparin... Read more", "a limit")]:
        page = [shown if t.startswith(shown[:30]) else t for t in exc]
        found = _found("NCT07232563", inc, page)
        assert _kinds(found) == [("criterion_changed", "critical")], shown
        assert f"differs in {what}" in found[0].message and found[0].evidence["cut_off"]
    cut = [t if not t.startswith("Patients who have not") else "Patients who have received thrombolysis or…"
           for t in inc]
    found = _found("NCT07232563", cut, exc)
    assert _kinds(found) == [("criterion_changed", "critical")] and 'a "not"' in found[0].message


def test_the_last_item_of_a_list_cut_by_a_marker_is_compared_as_far_as_it_goes():
    """A list cut by "…See full criteria" right after an item cut mid-word: the cut is the criteria_truncated warning's
    (as before), but a figure changed in the part shown is no longer taken for the cut ("… >= 8 mon" for ">= 6
    months" was silenced: the old test was a fuzzy match of the start)."""
    inc, exc = _lines("NCT07232563")
    at = next(k for k, t in enumerate(exc) if t.startswith("Patients who have participated"))
    same = _found("NCT07232563", inc, exc[:at] + ["Patients who have participated in other clinical trials within "
                                                 "the past 3 mon"], truncated=True)
    assert _kinds(same) == [("criteria_truncated", "warning")] and same[0].evidence["last_cut_mid_item"]
    changed = _found("NCT07232563", inc, exc[:at] + ["Patients who have participated in other clinical trials "
                                                    "within the past 8 mon"], truncated=True)
    assert _kinds(changed) == [("criteria_truncated", "warning"), ("criterion_changed", "critical")]


def test_an_item_cut_too_short_to_align_is_shown_not_added_and_left_out():
    """r35's cut simulation: 67 of 200 last items cut at a random word ("Patients with Alzheimer's… See full
    criteria") drew a criterion_added beside a criterion_missing; the page shows the start of the record's item."""
    inc, exc = _lines("NCT07232563")
    at = next(k for k, t in enumerate(exc) if t.startswith("Patients with Alzheimer"))
    found = _found("NCT07232563", inc, exc[:at] + ["Patients with Alzheimer's… See full criteria"] + exc[at + 1:])
    assert _kinds(found) == [("criterion_shortened", "warning")]
    assert found[0].evidence["official_texts"] == [exc[at]]


def test_a_page_that_stops_at_a_whole_word_or_ends_its_own_sentence_is_compared_whole():
    """No cut is read where nothing says so: an item ending on a word a criterion can end on, with no mark, is the
    page's rule ("… clinical trials" drops the record's 3 months: a changed time period), as is one the page ends
    with a full stop."""
    inc, exc = _lines("NCT07232563")
    at = next(k for k, t in enumerate(exc) if t.startswith("Patients who have participated"))
    found = _found("NCT07232563", inc, exc[:at] + ["Patients who have participated in other clinical trials within "
                                                  "the past 3 weeks"] + exc[at + 1:])
    assert ("criterion_changed", "critical") in _kinds(found)
    assert clip("Expected survival >=3 months.", "Expected survival >=3.") is None
    assert clip("HbA1c < 7.5%", "HbA1c < 7") is None   # (a figure cut in two, unmarked, may be a changed figure)
    assert clip("HbA1c < 7.5% at screening", "HbA1c < 7…") is not None
    # (a whole word in another form is not one cut in two: "arrhythmia" for "arrhythmias")
    assert clip("History of cardiac arrhythmias in the past year", "History of cardiac arrhythmia") is None
    assert clip("History of cardiac arrhythmias in the past year", "History of cardiac arrhyth") is not None
    # (inside the page, a short form is a word: TrialLens's own "Normal rectal exam" for NCT00491296's "Normal rectal
    # examination", and "Failed at least one prior chemo" (NCT00494234), fed back as a page, were "cut off")
    assert clip("Normal rectal examination", "Normal rectal exam", at_end=False) is None
    assert clip("Failed at least one prior chemotherapy", "Failed at least one prior chemo", at_end=False) is None
    assert clip("Normal rectal examination", "Normal rectal exam…", at_end=False) is not None


def test_the_start_of_the_records_footnote_cut_off_is_not_an_added_criterion():
    """NCT00460577 in r35's simulation: "Other protocol-defined… See full criteria" was "not on ClinicalTrials.gov",
    though the record's list ends with "Other protocol-defined inclusion/exclusion criteria may apply"."""
    from scrapers.official import OfficialRecord
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT00460577"}, "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Type 2 diabetes\n* HbA1c 7-10%\n\n"
                              "Exclusion Criteria:\n\n* Type 1 diabetes\n* Other protocol-defined inclusion/exclusion "
                              "criteria may apply"}}})
    page = PageRecord(site="meddatax.com", nct_id="NCT00460577", inclusion=["Type 2 diabetes", "HbA1c 7-10%"],
                      exclusion=["Type 1 diabetes", "Other protocol-defined inclusion… See full criteria"])
    assert [f for f in reconcile(page, record, TODAY) if f.about == "page" and f.severity != "info"] == []
