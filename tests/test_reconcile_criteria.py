"""Criteria item by item: the drift kinds seen on the seed pages, and no alarm for markup alone."""

import re
from dataclasses import replace
from datetime import date

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.items import normalize

TODAY = date(2026, 11, 22)
CRITERIA = """Inclusion Criteria:

1. Fully understand the purpose of the trial and sign the written informed consent form.
2. Age 18-65 years old (inclusive), regardless of gender;
3. Post-stroke ASPECTS score \\>= 6
4. No significant liver or kidney dysfunction: ALT and AST \\<= 2.5 times the upper limit of normal

Exclusion Criteria:

1. Known severe allergy to contrast agents (excluding mild rash-type allergies)
2. Abnormal liver function (ALT and/or AST ≥ 2.5 times the upper limit of normal), female serum creatinine ≥1.4mg/dl;
3. The subject's HIV antibody, hepatitis B surface antigen or syphilis test is positive;
4. Patients who have participated in other clinical trials within the past 3 months
5. Pregnant or breastfeeding women
"""
INC = ["Fully understand the purpose of the trial and sign the written informed consent form.",
       "Age 18-65 years old (inclusive), regardless of gender;", "Post-stroke ASPECTS score \\>= 6",
       "No significant liver or kidney dysfunction: ALT and AST \\<= 2.5 times the upper limit of normal"]
EXC = ["Known severe allergy to contrast agents (excluding mild rash-type allergies)",
       "Abnormal liver function (ALT and/or AST ≥ 2.5 times the upper limit of normal), female serum creatinine ≥1.4mg/dl;",
       "The subject's HIV antibody, hepatitis B surface antigen or syphilis test is positive;",
       "Patients who have participated in other clinical trials within the past 3 months",
       "Pregnant or breastfeeding women"]


def _record() -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT07041801"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2025-06-27"}},
        "eligibilityModule": {"eligibilityCriteria": CRITERIA, "minimumAge": "18 Years", "maximumAge": "65 Years"},
    }})


def _completed(nct_id: str, criteria: str) -> OfficialRecord:
    """A completed trial's record with only these criteria (the legacy records these tests quote)."""
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct_id},
        "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": criteria}}})


def _check(inclusion, exclusion, truncated=False):
    page = PageRecord(site="meddatax.com", nct_id="NCT07041801", inclusion=list(inclusion), exclusion=list(exclusion),
                      criteria_truncated=truncated)
    return [f for f in reconcile(page, _record(), TODAY) if f.about == "page"]


def test_same_items_in_other_markup_raise_nothing():
    inc = [f"{k + 1}. {t.replace(chr(92), '')}" for k, t in enumerate(INC)]       # numbered, escapes removed
    exc = ["•  " + t.replace("≥", "&gt;=").replace("  ", " ") for t in EXC]        # bullets, entity, spacing
    exc[1] = exc[1].replace("&gt;=", ">=")
    assert _check(inc, exc) == []
    assert _check(INC, EXC) == []


def test_normalize_strips_markers_escapes_and_symbols():
    assert normalize("3. Post-stroke ASPECTS score \\>= 6") == normalize("* post-stroke  ASPECTS score ≥6.")
    assert normalize("(8) Drug abuse") == normalize("Drug abuse")
    assert normalize("1. ---None") == normalize("---None") == "none"   # NCT00001392: numbered, then dashes


def test_first_item_dropped_like_meddatax_nct07041801():
    found = _check(INC[1:], EXC)
    assert [(f.kind, f.severity) for f in found] == [("criterion_missing", "warning")]
    assert "written informed consent" in found[0].message and found[0].evidence["official_index"] == 0


def test_changed_number_comparator_and_negation_are_critical():
    inc = list(INC)
    inc[1] = "Age 18-70 years old (inclusive), regardless of gender;"
    inc[2] = "Post-stroke ASPECTS score \\> 6"
    inc[3] = "Significant liver or kidney dysfunction: ALT and AST \\<= 2.5 times the upper limit of normal"
    found = _check(inc, EXC)
    assert [f.kind for f in found] == ["criterion_changed"] * 3
    assert all(f.severity == "critical" for f in found)
    msgs = " ".join(f.message for f in found)
    assert "18-70" in msgs and "18-65" in msgs and "No significant" in msgs
    # each says what differs, so a reader need not hunt for one changed digit in two long quotes
    assert sorted(f.message.split(":")[0] for f in found) == ['A requirement for joining differs in a "not"',
                                                              "A requirement for joining differs in a limit",
                                                              "A requirement for joining differs in a number"]


def test_unit_dropped_is_critical():
    exc = list(EXC)
    exc[3] = "Patients who have participated in other clinical trials within the past 3"
    found = _check(INC, exc)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "critical")]
    assert found[0].message.startswith("A reason someone cannot join differs in a unit: ")


def test_a_left_out_criterion_says_which_list_it_is_from():
    """The one thing a patient needs from "left out": does it keep someone out? A criterion the record gives under no
    heading is said to be neither."""
    found = _check(INC, EXC[:2] + EXC[3:])
    assert [f.message.split(":")[0] for f in found if f.kind == "criterion_missing"] == [
        "This page leaves out a reason someone cannot join that ClinicalTrials.gov lists"]
    record = _completed("NCT00000001", "Age 18 to 65\nNo prior chemotherapy\nAble to swallow tablets\nWeight over 40 kg")
    page = PageRecord(site="meddatax.com", nct_id="NCT00000001",
                      inclusion=["Age 18 to 65", "Able to swallow tablets", "Weight over 40 kg"])
    missing = [f.message for f in reconcile(page, record, TODAY) if f.kind == "criterion_missing"]
    assert missing == ['This page leaves out a criterion that ClinicalTrials.gov lists: "No prior chemotherapy".']


def test_reworded_consent_is_info_not_an_alarm_about_meaning():
    inc = list(INC)
    inc[0] = "Fully understand the purpose of the trial and written willing to sign a consent form."
    found = _check(inc, EXC)
    assert [(f.kind, f.severity) for f in found] == [("criterion_reworded", "info")]
    # what the check backs, in the reader's words, and that the rest of the wording is theirs to compare (review
    # round 5: 'TrialLens found no changed number, unit, limit or "not"' was the checker's voice and hid dropped words)
    assert found[0].message.endswith('No number, unit, limit or "not" differs; read both to see what else does.')


def test_no_gender_restriction_reworded_as_regardless_of_gender_is_no_alarm():
    """meddatax's copy of NCT07041801 says "regardless of gender" where the record says "no gender
    restrictions": the same people may join, so no critical "changed" (it was: a negation lost)."""
    page = PageRecord(site="meddatax.com", nct_id="NCT07041801", inclusion=INC, exclusion=EXC)
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT07041801"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": CRITERIA.replace("regardless of gender", "no gender restrictions")}}})
    found = [f for f in reconcile(page, official, TODAY) if f.about == "page"]
    assert [(f.kind, f.severity) for f in found] == [("criterion_reworded", "info")]


def test_merged_items_like_veeva():
    exc = EXC[:1] + [EXC[1].rstrip(";") + "; 3, the subject's HIV antibody, hepatitis B surface antigen or syphilis "
                     "test is positive;"] + EXC[3:]
    found = _check(INC, exc)
    assert [f.kind for f in found] == ["criteria_merged"]
    assert found[0].evidence["official_texts"] == EXC[1:3]


def test_truncated_list_is_one_finding_not_many_missing():
    found = _check(INC, EXC[:2], truncated=True)
    assert [f.kind for f in found] == ["criteria_truncated"]
    assert found[0].evidence["hidden_count"] == 3
    # (each list's own count beside the total: ClinicalTrials.gov shows the two lists, not their sum)
    assert found[0].message == ("This page cuts its eligibility criteria short: of the 9 criteria ClinicalTrials.gov lists "
                                "(4 requirements for joining and 5 reasons someone cannot join), TrialLens found 6 on it, "
                                "so read the full list on ClinicalTrials.gov.")


def test_the_last_item_of_a_cut_list_ending_its_own_sentence_is_compared_not_taken_for_the_cut():
    """NCT06361927: a list cut after "Expected survival >=3." where the record says ">=3 months.":
    a page cut mid-item shows the start of it, not a sentence ended where the record's goes on."""
    inc = ["Males and/or females over age 18", "ECOG performance status of 0-1.", "Expected survival >=3 months.",
           "Signed informed consent form."]
    exc = ["Known uncontrolled central nervous system metastatic disease.", "Pregnant or breast-feeding woman."]
    record = _completed("NCT06361927", "Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in inc)
                        + "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in exc))

    def kinds(last: str) -> list[str]:
        page = PageRecord(site="ctv.veeva.com", nct_id="NCT06361927", inclusion=inc[:2] + [last], criteria_truncated=True)
        return sorted(f.kind for f in reconcile(page, record, TODAY) if f.about == "page")

    assert kinds("Expected survival >=3.") == ["criteria_truncated", "criterion_changed"]
    assert kinds("Expected survival >=3") == ["criteria_truncated"]        # a real cut
    assert kinds("Expected survival >=3 months.") == ["criteria_truncated"]


def test_untruncated_short_list_reports_each_missing_item():
    found = _check(INC, EXC[:3] + EXC[4:])
    assert [f.kind for f in found] == ["criterion_missing"] and "3 months" in found[0].message


def test_added_item_but_not_text_the_record_contains():
    found = _check(INC + ["Must live within 50 miles of the study site"], EXC)
    assert [(f.kind, f.page_value) for f in found] == [("criterion_added", "Must live within 50 miles of the study site")]
    # the message says which list, so a reader knows whether it keeps them out or lets them in
    assert found[0].message == ('This page lists "Must live within 50 miles of the study site" as a requirement for '
                                'joining, but TrialLens could not find it on ClinicalTrials.gov.')
    assert _check(INC, EXC + ["Pregnant or lactating women"])[0].message.endswith(
        '"Pregnant or lactating women" as a reason someone cannot join, but TrialLens could not find it on ClinicalTrials.gov.')
    assert _check(INC + ["Inclusion Criteria:"], EXC) == []


def test_page_without_criteria_says_nothing_and_one_without_a_whole_list_says_so_as_a_note():
    assert _check([], []) == []
    # (review round 4: a page showing none of the reasons someone cannot join was never called out)
    found = _check(INC, [])
    assert [(f.kind, f.severity) for f in found] == [("criteria_list_not_shown", "info")]
    assert found[0].message == ("TrialLens found on this page none of the 5 reasons someone cannot join that ClinicalTrials.gov "
                                "lists.")
    from scrapers.reconcile import is_alarm
    assert not is_alarm(found[0])   # (a note: the page may show it on a tab TrialLens did not read)
    assert not [f for f in _check(INC, [], truncated=True) if f.kind == "criteria_list_not_shown"]


def test_list_ending_early_without_a_marker_is_a_note_not_an_alarm():
    found = _check(INC, EXC[:3])
    assert [(f.kind, f.severity) for f in found] == [("criteria_incomplete", "info")]
    # counted in the list that stops early (all 4 requirements found, 3 of the 5 reasons): "7 of the 9 eligibility
    # criteria … the last 2" did not say which list, and beside a list not shown at all did not add up
    assert found[0].evidence["not_shown_count"] == 2 and found[0].field == "exclusion_criteria"
    assert found[0].message.startswith("Of the 5 reasons someone cannot join that ClinicalTrials.gov lists, TrialLens "
                                       "found 3 on this page. The last 2, \"Patients who have participated in other "
                                       "clinical trials…\" and \"Pregnant or breastfeeding women\", may be further down")
    # the card's row names the first one to look for (review round 21, P3: it gave only "3 of 5 … shown")
    assert found[0].page_value == ('3 of 5 reasons someone cannot join shown; not found: "Patients who have participated '
                                   'in other clinical trials…" and 1 more')
    from scrapers.reconcile import is_alarm
    assert not is_alarm(found[0])


def test_a_list_none_of_whose_items_reads_like_the_records_does_not_stop_after_0():
    found = _check(["Adults with a recent stroke", "Able to travel to the clinic"], [])
    note = [f for f in found if f.kind == "criteria_incomplete"]
    assert len(note) == 1 and "stops after 0" not in note[0].message
    # (and that it could not match the page's own items to them: "found none" beside a page showing two read as a slip;
    # review round 7)
    assert note[0].message == ("Of the 4 requirements for joining that ClinicalTrials.gov lists, TrialLens found none "
                               "on this page (it could not match the 2 it shows to any of them); check the full list on "
                               "ClinicalTrials.gov.")
    # the list the page shows none of is said on its own, so the two numbers add up to the record's 9
    assert [f.official_value for f in found if f.kind == "criteria_list_not_shown"] == [5]


def test_trialfinderdata_plain_only_page_is_cut_short_and_rewords_consent():
    """Seed 000 without the site's copy of the official text: the plain-English items are what the
    page claims. They stop at "...See full criteria", and item 5 says "written willing to sign a
    consent form" where the record says "written informed consent" (wording only: info)."""
    from conftest import FIXTURES, fixture_url
    from scrapers import scrape_html
    from scrapers.registry import load_demo_record

    path = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_plain_only.html"
    page = scrape_html(path.read_text(encoding="utf-8"), fixture_url(path))
    found = [f for f in reconcile(page, load_demo_record(page.nct_id), TODAY) if f.about == "page"]
    assert [(f.kind, f.severity) for f in found] == [("criteria_truncated", "warning"), ("criterion_reworded", "info")]
    assert "written willing to sign a consent form" in found[1].message and "informed consent" in found[1].message


def test_a_moved_item_is_not_paired_with_a_dropped_neighbour_under_the_other_heading():
    """NCT00587379: "Patients with an Acute Coronary Syndrome" dropped and "Patients > 30% coronary
    stenosis" shown among who may join. Order alone paired the two (they read 64% alike), so the page
    was said to have changed the one and left out the other."""
    inc = ["Patients undergoing coronary angiography", "No previous statin use", "Age > 18 years old"]
    exc = ["Patients with an Acute Coronary Syndrome", "Patients with Cardiogenic shock", "Patients > 30% coronary stenosis",
           "Patients with unexplained muscle pain", "Patients with acute liver disease"]
    record = _completed("NCT00587379", "Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in inc)
                        + "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in exc))
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT00587379", inclusion=inc + [exc[2]],
                      exclusion=[exc[1], exc[3], exc[4]])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert sorted(f.kind for f in found) == ["criterion_missing", "criterion_wrong_section"]
    assert "Acute Coronary Syndrome" in next(f.message for f in found if f.kind == "criterion_missing")


def test_a_dropped_item_that_echoes_its_neighbour_is_found_missing_beside_a_merge():
    """NCT00001830 lists "… informed consent (as determined by principal investigator or study
    chairman)." and then "… informed consent.". A page that drops the second and runs the first
    together with the next item seemed to show the second (its words stand inside the first), so
    the merge was read as the second plus the next, "changed", and the first as missing."""
    a = ("History of psychiatric disorder which may compromise compliance with transplant protocol, or which does not "
         "allow for appropriate informed consent (as determined by principal investigator or study chairman).")
    b = ("History of psychiatric disorder which may compromise compliance with transplant protocol, or which does not "
         "allow for appropriate informed consent.")
    c = "History of hypertension that is not controlled by medication, stroke, or severe heart disease."
    exc = ["HIV positive.", a, b, c, "Lactating or pregnant females."]
    record = _completed("NCT00001830", "Inclusion Criteria:\n\n* Age 18 to 75\n\nExclusion Criteria:\n\n"
                        + "\n".join(f"* {t}" for t in exc))
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT00001830", inclusion=["Age 18 to 75"],
                      exclusion=[exc[0], a[:-1] + "; " + c, exc[4]])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert sorted(f.kind for f in found) == ["criteria_merged", "criterion_missing"]
    missing = next(f for f in found if f.kind == "criterion_missing")
    assert missing.official_value == b


def test_a_changed_figure_ending_a_sentence_in_a_merged_item_is_not_taken_for_list_numbering():
    """NCT00245596: "… (IIEF) score 25. Erectile dysfunction is defined as …" shown as "score 27." in a
    parent run together with its sub-items. "25." and "27." read like list numbers, one on each
    side, so both were dropped as layout and the changed score went unseen."""
    inc = ["ED patient must:", "Be male, 18 years of age with no upper age limit;",
           "Have a diagnosis of erectile dysfunction confirmed by an Erectile Function (IIEF) score 25. Erectile "
           "dysfunction is defined as the inability to maintain an erection;",
           "Have a stable female partner for at least 6 months prior to screening."]
    record = _completed("NCT00245596", "Inclusion Criteria:\n\n* " + inc[0] + "\n" + "\n".join(f"  * {t}" for t in inc[1:])
                        + "\n\nExclusion Criteria:\n\n* Known hypersensitivity to sildenafil")
    shown = "ED patient must: a) " + " b) ".join(inc[1:2]) + " b) " + inc[2].replace("score 25", "score 27") + " c) " + inc[3]
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT00245596", inclusion=[shown],
                      exclusion=["Known hypersensitivity to sildenafil"])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    changed = [f for f in found if f.kind == "criterion_changed"]
    assert changed and "score 27" in changed[0].message and "score 25" in changed[0].message


def test_exclusion_shown_among_who_may_join_is_critical():
    found = _check(INC + [EXC[4]], EXC[:4])
    assert [(f.kind, f.severity) for f in found] == [("criterion_wrong_section", "critical")]
    assert found[0].message == ('This page lists "Pregnant or breastfeeding women" as a requirement for joining, but '
                                'ClinicalTrials.gov lists it as a reason someone cannot join.')
    # most of the exclusions under the inclusion heading: one finding that counts them, never a silent "Matches"
    # (review round 10, P4; test_many_reasons_listed_as_requirements_are_one_critical_finding_that_counts_them)
    assert [(f.kind, f.severity) for f in _check(INC + EXC[:4], EXC[4:])] == [("criterion_wrong_section", "critical")]


def test_many_reasons_listed_as_requirements_are_one_critical_finding_that_counts_them():
    """Review round 10, P4: five exclusions moved under "Inclusion Criteria" were five critical findings, a sixth
    silenced them all, and the card read "Matches". Many moved are one critical finding, counted as the record lists
    them."""
    found = _check(INC + EXC[:4], EXC[4:])
    assert [(f.kind, f.severity, f.field) for f in found] == [("criterion_wrong_section", "critical", "exclusion_criteria")]
    assert found[0].message == (
        'This page lists "Known severe allergy to contrast agents (excluding mild…", "Abnormal liver function (ALT '
        'and/or AST ≥ 2.5 times the…" and 2 more as requirements for joining, but ClinicalTrials.gov lists them as '
        "reasons someone cannot join (4 of the 5 it lists).")
    assert (found[0].page_value, found[0].official_value) == ("4 of 5 listed as requirements for joining", 5)
    # the whole list in one: a page with no headings reads so too, and it never said they were requirements
    assert [f.kind for f in _check(INC + EXC, []) if f.kind == "criterion_wrong_section"] == []


def test_both_lists_under_the_opposite_headings_is_one_critical_finding_that_says_so():
    """Review round 10, P4: a page with its two headings swapped read as "Matches". Said once, as what it is (the
    page's headings, or TrialLens's reading of them, the other way round), with both counts; and the headline is the
    one for a changed rule."""
    from server.drift import summarize

    found = _check(EXC, INC)
    assert [(f.kind, f.severity, f.field) for f in found] == [("criterion_wrong_section", "critical", "criteria")]
    # (review round 11c, N4: "it lists as requirements for joining 5 of the 5 reasons someone cannot join that …
    # lists, and as reasons someone cannot join 4 of its 4 requirements for joining" was hard to read)
    assert found[0].message == (
        "This page has its two headings swapped. What it lists as requirements for joining are all 5 reasons someone "
        "cannot join that ClinicalTrials.gov lists, and what it lists as reasons someone cannot join are all 4 "
        "requirements for joining. Read both lists on ClinicalTrials.gov.")
    assert found[0].page_value == "the two headings swapped"
    # a page that shows only part of each list, every item of it under the other heading, has them swapped too
    found = _check(EXC[:4], INC[:3])
    assert [f.message for f in found if f.kind == "criterion_wrong_section"] == [
        "This page has its two headings swapped. What it lists as requirements for joining are 4 of the 5 reasons "
        "someone cannot join that ClinicalTrials.gov lists, and what it lists as reasons someone cannot join are 3 of "
        "the 4 requirements for joining. Read both lists on ClinicalTrials.gov."]
    page = PageRecord(site="meddatax.com", nct_id="NCT07041801", inclusion=list(EXC), exclusion=list(INC))
    out = summarize(page, _record(), found)
    assert (out["verdict"], out["headline"]) == ("differs", "This page changes a rule for who can join")


def _meddatax_moved(n: int | None, copy_as_of: str | None = None, back: int = 0) -> tuple[PageRecord, list]:
    """meddatax's labelled page of NCT07232563 (17 reasons someone cannot join) with its last `n` exclusion items moved
    under "Inclusion Criteria" (and its last `back` of the 10 inclusion items under "Exclusion Criteria"), or with the
    two headings swapped (None), as the reviewer's v_move.py made it, read back by the real scraper; and its page
    findings."""
    from conftest import FIXTURES, fixture_url
    from scrapers import scrape_html
    from scrapers.registry import load_demo_record

    path = FIXTURES / "html" / "meddatax.com" / "nct07232563_labelled.html"
    src = path.read_text(encoding="utf-8")
    i, j = src.index("<h3>Exclusion Criteria</h3>"), src.index("<dl><dt>Minimum Age</dt>")
    if n is None:
        k = src.index("<h3>Inclusion Criteria</h3>")
        body = src[k:j].replace("Inclusion Criteria</h3>", "@</h3>").replace("Exclusion Criteria</h3>",
                                                                             "Inclusion Criteria</h3>")
        html = src[:k] + body.replace("@</h3>", "Exclusion Criteria</h3>") + src[j:]
    else:
        items = re.findall(r"<p>\* .*?</p>", src[i:j])
        k = src.index("<h3>Inclusion Criteria</h3>") + len("<h3>Inclusion Criteria</h3>")
        inc = re.findall(r"<p>\* .*?</p>", src[k:i])
        kept, moved = inc[:len(inc) - back], inc[len(inc) - back:]
        html = src[:k] + "".join(kept + items[-n:]) + "<h3>Exclusion Criteria</h3>" + "".join(moved + items[:-n]) + \
            src[j:]
    page = scrape_html(html, fixture_url(path))
    found = reconcile(page, load_demo_record(page.nct_id), TODAY, copy_as_of=copy_as_of)
    return page, [f for f in found if f.about == "page"]


def test_six_reasons_moved_under_inclusion_criteria_are_said_against_a_saved_copy_too():
    """Review round 10, P4 (mv_exc_last6, c_swap_headings): five moved were five critical findings, six or the headings
    swapped were "Matches TrialLens's saved copy". Against a saved copy the one finding names the copy, as every other
    does, and the headline is the changed rule's."""
    from scrapers.registry import load_demo_record
    from server.drift import summarize

    copy = "2025-11-18T00:00:00Z"
    assert [(f.kind, f.severity) for f in _meddatax_moved(5)[1]] == [("criterion_wrong_section", "critical")] * 5
    page, found = _meddatax_moved(6, copy)
    assert [(f.kind, f.severity) for f in found] == [("criterion_wrong_section", "critical")]
    assert found[0].message == (
        'This page lists "Patients with cerebrospinal fluid rhinorrhea", "Patients who have participated in other '
        'clinical trials…" and 4 more as requirements for joining, but TrialLens\'s saved copy of the ClinicalTrials.gov '
        "record (from 18 Nov 2025) lists them as reasons someone cannot join (6 of the 17 it lists).")
    out = summarize(page, load_demo_record(page.nct_id), found, copy_as_of=copy)
    assert (out["verdict"], out["headline"]) == ("differs", "A rule for who can join differs from TrialLens's saved copy")
    _, found = _meddatax_moved(17, copy)   # (its exclusion heading left empty: see the test after the next)
    assert [f.severity for f in found if f.kind == "criterion_wrong_section"] == ["critical"]
    page, found = _meddatax_moved(None, copy)
    assert [f.message for f in found] == [
        "This page has its two headings swapped. What it lists as requirements for joining are all 17 reasons someone "
        "cannot join that TrialLens's saved copy of the ClinicalTrials.gov record (from 18 Nov 2025) lists, and what "
        "it lists as reasons someone cannot join are all 10 requirements for joining. Read both lists on "
        "ClinicalTrials.gov."]
    out = summarize(page, load_demo_record(page.nct_id), found, copy_as_of=copy)
    assert (out["verdict"], out["headline"]) == ("differs", "A rule for who can join differs from TrialLens's saved copy")


def test_some_items_moved_each_way_are_not_called_swapped_headings():
    """Review round 11c, N4 (sec_6exc_in_inc_6inc_in_exc): six of the 17 reasons someone cannot join moved under
    "Inclusion Criteria" and six of the 10 requirements under "Exclusion Criteria" was "This page's two lists appear
    under the opposite headings", which tells a reader to flip the 4 requirements and 11 reasons the page has right.
    Each direction is said as what it is, with its count; "swapped" only when every item the page shows is so."""
    from scrapers.registry import load_demo_record
    from server.drift import summarize

    expected = [
        ("critical", 'This page lists "Patients with cerebrospinal fluid rhinorrhea", "Patients who have participated '
                     'in other clinical trials…" and 4 more as requirements for joining, but ClinicalTrials.gov lists '
                     "them as reasons someone cannot join (6 of the 17 it lists)."),
        ("critical", 'This page lists "Pre-enrollment NIHSS score\\>= 6", "Within 24 hours to 14 days of stroke onset" '
                    "and 4 more as reasons someone cannot join, but ClinicalTrials.gov lists them as requirements for "
                    "joining (6 of the 10 it lists).")]
    page, found = _meddatax_moved(6, back=6)
    assert [(f.severity, f.message) for f in found] == expected
    out = summarize(page, load_demo_record(page.nct_id), found)
    assert (out["verdict"], out["headline"]) == ("differs", "This page changes a rule for who can join")
    # one requirement left under its own heading, all else moved: still not "swapped" (the reader would flip it)
    _, found = _meddatax_moved(17, back=9)
    assert [f.message.split(" as ")[1].split(",")[0] for f in found] == ["requirements for joining",
                                                                          "reasons someone cannot join"]
    assert not any("swapped" in f.message for f in found)


def test_a_requirement_shown_among_the_reasons_to_stay_out_is_critical():
    """Review r35 #6 (mut3/S06): meddatax's page of NCT07232563 showing "Patients who have not received thrombolysis
    or endovascular treatment" under "Exclusion Criteria" turns away exactly the people the trial asks for, yet it was
    a warning and the headline "This page differs" (the other way round is critical). Critical either way, one item or
    many (the test above), and the headline is the changed rule's."""
    from conftest import FIXTURES, fixture_url
    from scrapers import scrape_html
    from scrapers.registry import load_demo_record
    from server.drift import summarize

    path = FIXTURES / "html" / "meddatax.com" / "nct07232563_labelled.html"
    moved = "<p>* Patients who have not received thrombolysis or endovascular treatment</p>"
    last = "<p>* Other situations deemed unsuitable"
    html = path.read_text(encoding="utf-8").replace(moved, "").replace(last, moved + last)
    page = scrape_html(html, fixture_url(path))
    assert "Patients who have not received thrombolysis or endovascular treatment" in page.exclusion[-2]
    found = [f for f in reconcile(page, load_demo_record(page.nct_id), TODAY) if f.about == "page"]
    assert [(f.kind, f.severity) for f in found] == [("criterion_wrong_section", "critical")]
    assert found[0].message == (
        'This page lists "Patients who have not received thrombolysis or endovascular treatment" as a reason someone '
        "cannot join, but ClinicalTrials.gov lists it as a requirement for joining.")
    out = summarize(page, load_demo_record(page.nct_id), found)
    assert (out["verdict"], out["headline"]) == ("differs", "This page changes a rule for who can join")


LABELLED = """Inclusion Criteria

Concurrent Medication:

Allowed for occasional use (chronic use is permitted only if clinician deems that
medication can be discontinued in the event of overlapping toxicity):

  -  CNS active agents, such as alcohol or narcotics.

Patients must have:

  -  HIV infection.

  -  CD4 count 200 - 500 cells/mm3.

PER AMENDMENT 8/2/96:

  -  Been on stable antiretroviral treatment for 60 days prior to study entry.

Exclusion Criteria

Concurrent Medication:

Excluded in all patients:

  -  Didanosine ( ddI ).

  -  Zalcitabine ( ddC ).

PER AMENDMENT 8/2/96:

Excluded within 60 days prior to study entry:

  -  Therapy with investigational antiretroviral medications.
"""


def test_a_label_over_both_lists_does_not_anchor_across_sections():
    """NCT00000812 on TrialFinderData: each label is shown run-on with its items, and
    "Concurrent Medication:" / "PER AMENDMENT 8/2/96:" head both lists. Paired across the
    sections, one such label pulled every criterion between out of place: a page that was
    right read as dozens of missing and added criteria."""
    record = _completed("NCT00000812", LABELLED)
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT00000812", inclusion=[
        "1. Concurrent Medication: a) Allowed for occasional use (chronic use is permitted only if clinician deems "
        "that medication can be discontinued in the event of overlapping toxicity): CNS active agents, such as alcohol "
        "or narcotics.",
        "2. Patients must have: a) HIV infection. b) CD4 count 200 - 500 cells/mm3.",
        "3. PER AMENDMENT 8/2/96: a) Been on stable antiretroviral treatment for 60 days prior to study entry.",
    ], exclusion=[
        "1. Concurrent Medication:",
        "2. Excluded in all patients: a) Didanosine ( ddI ). b) Zalcitabine ( ddC ).",
        "3. PER AMENDMENT 8/2/96:",
        "4. Excluded within 60 days prior to study entry: a) Therapy with investigational antiretroviral medications.",
    ])
    assert [f.message for f in reconcile(page, record, TODAY) if f.about == "page"] == []
    # and a criterion the page really leaves out is still found
    page.exclusion[1] = "2. Excluded in all patients: a) Didanosine ( ddI )."
    assert [f.kind for f in reconcile(page, record, TODAY) if f.about == "page"] == ["criterion_missing"]


PDQ_TWICE = """Inclusion Criteria

DISEASE CHARACTERISTICS:

  -  Multiple myeloma

PATIENT CHARACTERISTICS:

Life expectancy:

  -  Not specified

Hepatic:

  -  Bilirubin no greater than 2.0 mg/dL

  -  SGOT less than 2 times normal

Renal:

  -  Creatinine less than 2 mg/dL

PRIOR CONCURRENT THERAPY:

  -  Not specified
"""


def test_a_text_twice_in_the_record_anchors_where_its_neighbour_agrees():
    """NCT00004181 on TrialFinderData: "Not specified" stands under "Life expectancy:" and again
    at the end; the page shows the first inside its label's item. Anchored on the first, every
    criterion between read as added or missing on a page that was right."""
    record = _completed("NCT00004181", PDQ_TWICE)
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT00004181", inclusion=[
        "1. Multiple myeloma", "2. Life expectancy: a) Not specified",
        "3. Hepatic: a) Bilirubin no greater than 2.0 mg/dL b) SGOT less than 2 times normal",
        "4. Renal: a) Creatinine less than 2 mg/dL", "5. Not specified"])
    assert [f.message for f in reconcile(page, record, TODAY) if f.about == "page"] == []
    page.inclusion[2] = "3. Hepatic: a) Bilirubin no greater than 3.0 mg/dL b) SGOT less than 2 times normal"
    assert [f.kind for f in reconcile(page, record, TODAY) if f.about == "page"] == ["criterion_changed"]


HEMATOPOIETIC = """Inclusion Criteria

PATIENT CHARACTERISTICS:

Hematopoietic:

  -  Absolute neutrophil count at least 1,500/mm^3

  -  Platelet count at least 100,000/mm^3

  -  Hemoglobin at least 10 g/dL

Renal:

  -  Creatinine no greater than 1.5 mg/dL
"""


def test_a_changed_sub_item_inside_its_parents_run_on_item_is_a_change_not_a_gap():
    """NCT00003466 on TrialFinderData: "Hematopoietic: a) … b) … c) Hemoglobin no more than 10 g/dL"
    where the record says "at least": one critical change, not the item 'added' and every
    sub-item 'missing'; a sub-item really left out is still missing."""
    record = _completed("NCT00003466", HEMATOPOIETIC)

    def check(hematopoietic: str) -> list:
        page = PageRecord(site="trialfinderdata.org", nct_id="NCT00003466", inclusion=[
            hematopoietic, "2. Renal: a) Creatinine no greater than 1.5 mg/dL"])
        return [(f.kind, f.severity) for f in reconcile(page, record, TODAY) if f.about == "page"]

    shown = ("1. Hematopoietic: a) Absolute neutrophil count at least 1,500/mm^3 b) Platelet count at least "
             "100,000/mm^3 c) Hemoglobin at least 10 g/dL")
    assert check(shown) == []
    assert check(shown.replace("Hemoglobin at least", "Hemoglobin no more than")) == [("criterion_changed", "critical")]
    assert check(shown.replace(" c) Hemoglobin at least 10 g/dL", "")) == [("criterion_missing", "warning")]
    # a sub-item left out beside a look-alike ("Platelet count at least …" by "… count at least …",
    # NCT00006095) is missing too, not the parent "changed"
    assert check("1. Hematopoietic: a) Absolute neutrophil count at least 1,500/mm^3 b) Hemoglobin at least "
                 "10 g/dL") == [("criterion_missing", "warning")]


def test_a_changed_number_before_the_next_sub_item_letter_is_found():
    """NCT00000701 on TrialFinderData: "c) HPA 23. d) Phosphonoformate" shown as "c) HPA 33. d) …".
    A number right before a letter marker ends a sub-item; it is not list numbering to strip."""
    crit = ("Exclusion Criteria\n\nPrior Medication:\n\nExcluded:\n\n  -  Suramin.\n\n  -  HPA 23.\n\n"
            "  -  Phosphonoformate.\n")
    record = _completed("NCT00000701", crit)

    def check(item: str) -> list:
        page = PageRecord(site="trialfinderdata.org", nct_id="NCT00000701",
                          exclusion=["1. Prior Medication:", item])
        return [(f.kind, f.severity) for f in reconcile(page, record, TODAY) if f.about == "page"]

    shown = "2. Excluded: a) Suramin. b) HPA 23. c) Phosphonoformate."
    assert check(shown) == []
    assert ("criterion_changed", "critical") in check(shown.replace("HPA 23.", "HPA 33."))


AMENDED_LABELS = """Inclusion Criteria

Concurrent Medication:

[Allowed: AS PER AMENDMENT 7/5/00:

  -  Topical and oral antifungal agents.

  -  Alternative therapies, such as vitamins.

[Allowed with extreme caution:

  -  AS PER AMENDMENT 7/5/00:

ddI, as clinically indicated in patients with known risk factors.]

Concurrent Treatment:

[Allowed:

  -  AS PER AMENDMENT 7/5/00:

Acupuncture and visualization techniques.]

Patients must have:

  -  HIV infection.

  -  Plasma HIV-1 RNA of 500 copies/ml or more.
"""


def test_a_label_also_shown_run_on_anchors_where_its_neighbour_agrees():
    """NCT00000919 on TrialFinderData: "[Allowed: AS PER AMENDMENT 7/5/00:" heads a list, and a later
    "[Allowed:" over "AS PER AMENDMENT 7/5/00:" reads, run on, as the same words. Paired with the
    later one, the label pulled everything between out of place: one merged item on the page
    read as about twenty criteria added and missing."""
    record = _completed("NCT00000919", AMENDED_LABELS)
    shown = [
        "1. Concurrent Medication:",
        "2. [Allowed: AS PER AMENDMENT 7/5/00: a) Topical and oral antifungal agents. "
        "b) Alternative therapies, such as vitamins.",
        "3. [Allowed with extreme caution: a) AS PER AMENDMENT 7/5/00:",
        "4. ddI, as clinically indicated in patients with known risk factors.]",
        "5. Concurrent Treatment:",
        "6. [Allowed: a) AS PER AMENDMENT 7/5/00:",
        "7. Acupuncture and visualization techniques.]",
        "8. Patients must have: a) HIV infection. b) Plasma HIV-1 RNA of 500 copies/ml or more.",
    ]

    def check(inclusion: list[str]) -> list:
        page = PageRecord(site="trialfinderdata.org", nct_id="NCT00000919", inclusion=inclusion)
        return [f.kind for f in reconcile(page, record, TODAY) if f.about == "page"]

    assert check(shown) == []
    # "Concurrent Treatment:" run into the item before it: that merge, and nothing else
    merged = shown[:3] + ["4. ddI, as clinically indicated in patients with known risk factors.] Concurrent Treatment:"] + shown[5:]
    assert check(merged) == ["criteria_merged"]


COPD_ENTRY = ("1. Men and women > 45 years.\n\n  2. Women of child-bearing potential must agree to use two forms of "
              "contraception or\n     abstinence, and undergo monthly pregnancy testing.\n\n  3. No inhaled nicotine for "
              ">= 6 months and cotinine < 20 ng/mL.\n\n  4. Best FEV1 >= 25% of predicted and <= 80% of predicted on "
              "initial screening, using\n     Hankinson's predicted values.\n\n  5. DLCO <= 80% predicted on initial "
              "screening, using Crapo's predicted values (corrected\n     for hemoglobin).\n")


def test_a_list_cut_among_sub_items_hides_the_rest_and_a_dropped_no_is_a_change():
    """NCT00000621 on ClinConnect, list cut by "See full criteria" after the third item, which the
    record indents under the first: the items past the cut are hidden, not "left out"; and a last
    item that lost its "No" is a change, not the start of an item cut short."""
    record = _completed("NCT00000621", COPD_ENTRY)

    def check(third: str) -> list:
        page = PageRecord(site="clinconnect.io", nct_id="NCT00000621", criteria_truncated=True, inclusion=[
            "Men and women > 45 years.",
            "Women of child-bearing potential must agree to use two forms of contraception or abstinence, and "
            "undergo monthly pregnancy testing.", third])
        return sorted((f.kind, f.severity) for f in reconcile(page, record, TODAY) if f.about == "page")

    assert check("No inhaled nicotine for >= 6 months and cotinine < 20 ng/mL.") == [("criteria_truncated", "warning")]
    assert check("Inhaled nicotine for >= 6 months and cotinine < 20 ng/mL.") == [
        ("criteria_truncated", "warning"), ("criterion_changed", "critical")]
    # an item really cut mid-text is still the cut, not a change
    assert check("No inhaled nicotine for >= 6 mon") == [("criteria_truncated", "warning")]


def test_numbering_left_inside_a_merged_item_is_layout_before_a_figure_too():
    """NCT00497406 on meddatax: "…MO and NO-2b; 3, 18 years of age or older" runs item 3 into item 2;
    the "3," is the page's numbering even before a figure, but a figure both texts hold stays."""
    from scrapers.reconcile.numbering import strip_layout_numbers
    page, record = strip_layout_numbers("they are MO and NO-2b; 3, 18 years of age or older",
                                        "they are MO and NO-2b 18 years of age or older")
    assert re.findall(r"\b\d+\b", page) == re.findall(r"\b\d+\b", record) == ["18"]
    page, record = strip_layout_numbers("grades 1; 2, 3 allowed", "grades 1; 2, 3 allowed")
    assert page.split() == record.split() == ["grades", "1;", "2,", "3", "allowed"]


def test_two_items_run_together_are_a_merge_not_a_changed_age():
    """NCT00001502 on Veeva and NCT00001256 on meddatax: "Age: 21 and under; Performance status…" and
    "Age: 10-80 years Prior documentation…" are two items shown as one: a merge, and no changed age."""
    for crit, shown in [
        ("Inclusion Criteria:\n\n  -  Age: 21 and under.\n\n  -  Performance status: ECOG 0-2.\n",
         "Age: 21 and under; Performance status: ECOG 0-2."),
        ("Inclusion Criteria:\n\n  -  Age: 10-80 years.\n\n  -  Prior documentation of vasculitis.\n",
         "Age: 10-80 years Prior documentation of vasculitis."),
    ]:
        record = _completed("NCT00001502", crit)
        page = PageRecord(site="ctv.veeva.com", nct_id="NCT00001502", inclusion=[shown])
        assert [f.kind for f in reconcile(page, record, TODAY) if f.about == "page"] == ["criteria_merged"]


def test_a_label_shown_with_its_one_changed_sub_item_is_a_change():
    """NCT00003746 on TrialFinderData: "Life expectancy: a) no more than 3 months" where the record
    says "at least": one critical change, not the item 'added' and "At least 3 months" 'missing'."""
    crit = ("Inclusion Criteria\n\nPATIENT CHARACTERISTICS:\n\nAge:\n\n  -  18 and over\n\n"
            "Life expectancy:\n\n  -  At least 3 months\n\nRenal:\n\n  -  Creatinine no greater than 1.5 mg/dL\n")
    record = _completed("NCT00003746", crit)

    def check(life: str) -> list:
        page = PageRecord(site="trialfinderdata.org", nct_id="NCT00003746", inclusion=[
            "1. Age: a) 18 and over", life, "3. Renal: a) Creatinine no greater than 1.5 mg/dL"])
        return [(f.kind, f.severity, f.message) for f in reconcile(page, record, TODAY) if f.about == "page"]

    assert check("2. Life expectancy: a) At least 3 months") == []
    (found,) = check("2. Life expectancy: a) no more than 3 months")
    assert found[:2] == ("criterion_changed", "critical")
    assert '"Life expectancy: no more than 3 months"' in found[2]


def test_two_items_run_together_over_a_dropped_one_are_a_merge_and_a_gap():
    """NCT00005611 on TrialFinderData: "Performance status" dropped and the items either side run
    together ("Age: 18 and over; 3, life expectancy: …"): a merge and one criterion missing, not
    "Life expectancy" critically changed and "Age" missing too."""
    crit = ("Inclusion Criteria\n\n  -  Age: 18 and over\n\n  -  Performance status: ECOG 0-2\n\n"
            "  -  Life expectancy: At least 3 months\n\n  -  Renal: Creatinine less than 1.5 times ULN\n")
    record = _completed("NCT00005611", crit)
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT00005611", inclusion=[
        "1. Age: 18 and over; 3, life expectancy: At least 3 months",
        "2. Renal: Creatinine less than 1.5 times ULN"])
    found = sorted((f.kind, f.evidence.get("official_texts", [""])[0]) for f in reconcile(page, record, TODAY)
                   if f.about == "page")
    assert found == [("criteria_merged", "Age: 18 and over"), ("criterion_missing", "Performance status: ECOG 0-2")]


def test_or_equal_spelled_with_a_symbol_against_the_symbol_is_no_change():
    """NCT02514629 says "BMI > or = 30 kg/m2"; a page showing "BMI ≥ 30 kg/m2" says the same."""
    crit = "Inclusion Criteria:\n\n* BMI > or = 30 kg/m2.\n* Age 18 years or older\n\nExclusion Criteria:\n\n* Pregnancy"
    rec = _completed("NCT02514629", crit)

    def found(item):
        page = PageRecord(site="meddatax.com", nct_id="NCT02514629", inclusion=[item, "Age 18 years or older"],
                          exclusion=["Pregnancy"])
        return [(f.kind, f.severity) for f in reconcile(page, rec, TODAY) if f.about == "page"]

    assert found("BMI ≥ 30 kg/m2.") == []
    assert found("BMI > 30 kg/m2.") == [("criterion_changed", "critical")]


def test_numbering_before_a_quote_or_a_dash_is_layout():
    """Items run together as '…with "No":; 13, "Did your erection…' or '…therapy; 5, --Prior/Concurrent…':
    the '13,' and '5,' are the page's numbering, not a changed figure."""
    from scrapers.reconcile.numbering import strip_layout_numbers
    page, record = strip_layout_numbers('answered with "No":; 13, "Did your erection last"',
                                        'answered with "No": "Did your erection last"')
    assert "13" not in page and record == 'answered with "No": "Did your erection last"'
    page, _ = strip_layout_numbers("by dopamine agonist therapy; 5, --Prior/Concurrent Therapy-- At least 2 months",
                                   "by dopamine agonist therapy --Prior/Concurrent Therapy-- At least 2 months")
    assert " 5," not in page and "2 months" in page


def test_a_sentence_the_record_splits_over_two_items_is_no_change_when_run_together():
    """NCT00496782 ends one item "… eligible to participate in this trial provided." and starts the next
    "That the 2 investigational agents …": a page running them together as "provided That the 2 …"
    merges them (a warning) but changes no condition."""
    crit = ("Inclusion Criteria:\n\n* Subjects in a phase 3 or 4 clinical study are eligible to participate in this "
            "trial provided.\n* That the 2 investigational agents are required to offer the subject a regimen with 2 "
            "or 3 active drugs.\n* Age 18 years or older\n\nExclusion Criteria:\n\n* Pregnancy")
    rec = _completed("NCT00496782", crit)

    def found(first):
        page = PageRecord(site="clinconnect.io", nct_id="NCT00496782",
                          inclusion=[first + " That the 2 investigational agents are required to offer the subject a "
                                     "regimen with 2 or 3 active drugs.", "Age 18 years or older"], exclusion=["Pregnancy"])
        return [(f.kind, f.severity) for f in reconcile(page, rec, TODAY) if f.about == "page"]

    assert found("Subjects in a phase 3 or 4 clinical study are eligible to participate in this trial provided") == [
        ("criteria_merged", "warning")]
    assert ("criterion_changed", "critical") in found(
        "Subjects in a phase 3 or 5 clinical study are eligible to participate in this trial provided")


def test_the_sub_item_left_out_is_the_one_the_page_lacks_beside_a_look_alike():
    """NCT00005589's "Hepatic:" ends "Hepatitis B negative", "Hepatitis C negative"; a page showing the
    group run on with only "Hepatitis C negative" leaves out B. The run that ends before C read almost
    as well, so C was reported missing: the wrong criterion named."""
    crit = ("Inclusion Criteria:\n\n* Hepatic:\n  * Bilirubin normal\n  * ALT no greater than 2 times upper limit of "
            "normal (ULN)\n  * Alkaline phosphatase no greater than 2 times ULN\n  * Hepatitis B negative\n"
            "  * Hepatitis C negative\n* Renal:\n  * Creatinine no greater than 2 times ULN\n\n"
            "Exclusion Criteria:\n\n* Pregnancy")
    rec = _completed("NCT00005589", crit)
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT00005589", exclusion=["Pregnancy"], inclusion=[
        "Hepatic: Bilirubin normal ALT no greater than 2 times upper limit of normal (ULN) Alkaline phosphatase no "
        "greater than 2 times ULN Hepatitis C negative", "Renal: Creatinine no greater than 2 times ULN"])
    found = [f for f in reconcile(page, rec, TODAY) if f.about == "page"]
    assert [(f.kind, f.official_value) for f in found if f.kind == "criterion_missing"] == [
        ("criterion_missing", "Hepatitis B negative")]


def test_two_items_run_together_over_a_dropped_look_alike_label():
    """NCT00003361: a page runs "Chemotherapy: …" and "Radiotherapy: Not specified" together and drops
    "Endocrine therapy: Not specified" between them. The dropped item reads partly alike ("… therapy: not
    specified"), so it was neither skipped nor joined: "Radiotherapy" was reported missing and the
    chemotherapy item changed (critical) instead of a merge and one item missing."""
    chemo = ("Chemotherapy: No more than one prior chemotherapy regimen for myelodysplastic syndromes At least 3 weeks "
             "since chemotherapy and recovered No prior high-dose cytarabine (at least 0.5 g/m2 for at least 4 doses)")
    crit = (f"Inclusion Criteria:\n\n* Biologic therapy: Not specified\n* {chemo}\n* Endocrine therapy: Not specified\n"
            "* Radiotherapy: Not specified\n* Surgery: Not specified\n\nExclusion Criteria:\n\n* Pregnancy")
    rec = _completed("NCT00003361", crit)
    page = PageRecord(site="clinconnect.io", nct_id="NCT00003361", exclusion=["Pregnancy"], inclusion=[
        "Biologic therapy: Not specified", chemo + "; Radiotherapy: Not specified", "Surgery: Not specified"])
    found = sorted((f.kind, f.severity) for f in reconcile(page, rec, TODAY) if f.about == "page")
    assert found == [("criteria_merged", "warning"), ("criterion_missing", "warning")]


def test_a_short_item_that_lost_its_unit_is_changed_not_missing():
    """NCT00493272 lists "> 18 years"; a page showing "> 18" changed that criterion (critical). The two
    were too short to pass the similarity bar, so the item was reported missing instead."""
    crit = "Inclusion Criteria:\n\n* > 18 years\n* Written informed consent\n\nExclusion Criteria:\n\n* Pregnancy"
    rec = _completed("NCT00493272", crit)
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT00493272", inclusion=["> 18", "Written informed consent"],
                      exclusion=["Pregnancy"])
    found = [(f.kind, f.severity) for f in reconcile(page, rec, TODAY) if f.about == "page"]
    assert found == [("criterion_changed", "critical")]


def test_a_shortened_criterion_is_reworded_not_added():
    """A page that says a record item in far fewer words ("History of organ transplantation." for "Those who
    have undergone major organ transplantation (such as heart, …) or hematopoietic stem cell/marrow
    transplantation;", NCT07041801) shows that item: "a criterion ClinicalTrials.gov does not list" would be
    false. Only with every word that carries meaning and every figure found in the item, and the same
    negations and comparisons."""
    rec = _completed("NCT07041801", "Inclusion Criteria:\n\n* Age 18 to 65 years\n\nExclusion Criteria:\n\n"
                     "* Those who have undergone major organ transplantation (such as heart, lung, kidney, liver) or "
                     "hematopoietic stem cell/marrow transplantation;\n* Pregnancy\n")

    def kinds(shown):
        page = PageRecord(site="ctv.veeva.com", nct_id="NCT07041801", inclusion=["Age 18 to 65 years"],
                          exclusion=[shown, "Pregnancy"])
        return [f for f in reconcile(page, rec, TODAY) if f.about == "page"]

    found = kinds("History of organ transplantation.")
    # ... but the shortening drops the record's other alternative: a stem-cell transplant also excludes (the message
    # review found a patient would read "reworded" as "the same"); its examples ("such as heart, …") may go
    assert [(f.kind, f.severity) for f in found] == [("criterion_shortened", "warning")]
    assert 'leaving out "hematopoietic stem cell/marrow transplantation"' in found[0].message
    assert 'ClinicalTrials.gov says "Those who have undergone major organ transplantation' in found[0].message
    found = kinds("History of organ or stem cell transplantation.")
    assert [(f.kind, f.severity) for f in found] == [("criterion_reworded", "info")]
    # a figure of its own, a word the item lacks, a "no" of its own: still a criterion the record lacks
    for shown in ["History of organ transplantation within 6 months", "History of skin transplantation.",
                  "No history of organ transplantation.", "History of marrow transfusion."]:   # (not "transplant…")
        assert [f.kind for f in kinds(shown)] == ["criterion_added", "criterion_missing"], shown
    # "no gender restrictions" and "regardless of gender" say one thing: its "no" is no negation dropped
    rec = _completed("NCT07041801", "Inclusion Criteria:\n\n* Age 18-65 years old (inclusive of the boundary values, "
                     "based on the time of signing the informed consent form), no gender restrictions;\n")
    page = PageRecord(site="ctv.veeva.com", nct_id="NCT07041801", inclusion=["Age 18-65 years old, regardless of gender;"])
    assert [f.kind for f in reconcile(page, rec, TODAY) if f.about == "page"] == ["criterion_reworded"]


def test_a_group_left_out_whole_is_one_finding_that_names_it():
    """NCT06427642: the page shows the HIE group only. The BPD and SBS groups are each one finding quoting their
    heading ("For children with BPD:"), not a "birth weight 401-1249 g" read as everyone's, and the consent item the
    two groups share word for word is not said twice."""
    criteria = ("Inclusion Criteria:\n\n"
                "* For children with hypoxic-ischemic encephalopathy (HIE):\n  * meet the diagnostic criteria for HIE.\n"
                "* For children with bronchopulmonary dysplasia (BPD):\n  * preterm infants of 25-30 weeks;\n"
                "  * birth weight 401-1249 g;\n  * parents signed the informed consent.\n"
                "* For children with short bowel syndrome (SBS):\n  * residual small bowel length < 30 cm;\n"
                "  * parents signed the informed consent.\n\nExclusion Criteria:\n\n* Major congenital anomalies\n")
    record = _completed("NCT06427642", criteria)
    page = PageRecord(site="clinconnect.io", nct_id="NCT06427642",
                      inclusion=["For children with hypoxic-ischemic encephalopathy (HIE):",
                                 "meet the diagnostic criteria for HIE."], exclusion=["Major congenital anomalies"],
                      status="COMPLETED")
    missing = [f.message for f in reconcile(page, record, TODAY) if f.kind == "criterion_missing"]
    # (each one of the record's items, with its sub-points, as the note beside them counts it: "2 more are left out")
    assert missing == [
        'This page leaves out a requirement for joining that ClinicalTrials.gov lists, "For children with bronchopulmonary '
        'dysplasia (BPD):", and the 3 items under it.',
        'This page leaves out a requirement for joining that ClinicalTrials.gov lists, "For children with short bowel '
        'syndrome (SBS):", and the 2 items under it.']


def test_a_part_left_out_of_a_labelled_group_is_quoted_with_its_label():
    criteria = ("Inclusion Criteria:\n\n* Age 18 or older\n* For patients with BPD:\n  * preterm infants of 25-30 weeks;\n"
                "  * birth weight 401-1249 g;\n\nExclusion Criteria:\n\n* Major congenital anomalies\n")
    page = PageRecord(site="clinconnect.io", nct_id="NCT06427642", status="COMPLETED",
                      inclusion=["Age 18 or older", "For patients with BPD:", "preterm infants of 25-30 weeks;"],
                      exclusion=["Major congenital anomalies"])
    missing = [f.message for f in reconcile(page, _completed("NCT06427642", criteria), TODAY)
               if f.kind == "criterion_missing"]
    # (part of one of the record's items, which the note counts as found in part: not another requirement; round 7)
    assert missing == ['This page leaves out part of a requirement for joining that ClinicalTrials.gov lists: "For patients '
                       'with BPD: birth weight 401-1249 g;".']


def test_a_shortened_exclusion_names_what_it_leaves_out_as_the_record_writes_it_and_that_there_is_more():
    """Message review round 2: one dropped alternative was named as if it were the only one, in lower case."""
    record = _completed("NCT00000003", "Exclusion Criteria:\n\n* History of organ transplantation or Stem Cell "
                                       "Transplantation or Bone Marrow Transplantation")
    page = PageRecord(site="meddatax.com", nct_id="NCT00000003", exclusion=["History of organ transplantation."])
    found = [f.message for f in reconcile(page, record, TODAY) if f.kind == "criterion_shortened"]
    assert found and found[0].startswith('This page shortens a reason someone cannot join to "History of organ '
                                         'transplantation.", leaving out "Stem Cell Transplantation" and 1 more:')


def test_a_label_line_is_not_counted_as_a_criterion_shown_or_not():
    """"Patients must have:" parents the items under it; counted, "found 2 of the 5" could never reach 5. Counted as
    ClinicalTrials.gov shows it, one item with its sub-points, found in part (the last two may be further down)."""
    labelled = ("Inclusion Criteria:\n\n* Patients must have:\n" + "".join(f"  * {t}\n" for t in INC)
                + "\nExclusion Criteria:\n\n" + "".join(f"* {t}\n" for t in EXC))
    rec = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT07041801"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2025-06-27"}},
        "eligibilityModule": {"eligibilityCriteria": labelled}}})
    page = PageRecord(site="meddatax.com", nct_id="NCT07041801", inclusion=INC[:2])
    notes = [f for f in reconcile(page, rec, TODAY) if f.kind == "criteria_incomplete"]
    assert [(f.field, f.official_value, f.evidence["found"], f.evidence["in_part"]) for f in notes] == [
        ("inclusion_criteria", 1, 1, 1)]
    assert notes[0].page_value == "1 of 1 requirement for joining shown (only in part)"
    assert notes[0].message == ("The one requirement for joining (with sub-points) that ClinicalTrials.gov lists is on "
                                "this page only in part. The rest of it may be further down this page or missing, so "
                                "check the full list on ClinicalTrials.gov.")
    assert notes[0].evidence["official_texts"] == [t.replace("\\", "") for t in INC[2:]]


def test_a_lists_numbers_add_up_with_the_criteria_left_out_between_those_found():
    """Review round 5: "found 1 of the 10 … The last 8" with one more said apart as left out did not add up."""
    found = _check(INC, [EXC[0], EXC[2]])
    note = next(f for f in found if f.kind == "criteria_incomplete")
    assert note.message.startswith("Of the 5 reasons someone cannot join that ClinicalTrials.gov lists, TrialLens found 2 "
                                   "on this page; 1 more is left out (see the other findings). The last 2, ")
    assert [f.kind for f in found if f.kind == "criterion_missing"] == ["criterion_missing"]


# Counted as ClinicalTrials.gov shows them (review of NCT07635758): its record lists 5 requirements for joining and 19
# numbered reasons someone cannot join, three of them with sub-points (33 entries in all). "Of the 33 reasons …" and
# "of the 38 criteria" could not be matched by a reader checking the rest on ClinicalTrials.gov.

def _nct07635758():
    from scrapers.registry import load_demo_record
    from scrapers.reconcile.align import official_entries

    record = load_demo_record("NCT07635758")
    return record, [e.text for e in official_entries(record)]


def _page_findings(name: str, end_shown: bool = True) -> list:
    """The page's findings; without `end_shown`, as if its list ran to where the capture ends (no section heading
    after it: the note's case)."""
    from conftest import FIXTURES, fixture_url
    from scrapers import scrape_html
    from scrapers.registry import load_demo_record

    path = FIXTURES / "html" / "trialfinderdata.org" / name
    page = scrape_html(path.read_text(encoding="utf-8"), fixture_url(path))
    if not end_shown:
        page = replace(page, criteria_ends_at=None)
    return [f for f in reconcile(page, load_demo_record(page.nct_id), TODAY) if f.about == "page"]


def _adds_up(note) -> bool:
    ev = note.evidence
    return ev["found"] + ev["left_out_count"] + ev["not_shown_count"] == note.official_value


def test_criteria_incomplete_counts_the_records_numbered_items_not_their_sub_points():
    """trialfinderdata's list-badges page shows 1 of the 19 (the seizure item, 4th): 3 left out before it, 15 after,
    where its list runs to the end of the capture (its end shown, the 15 are left out: see
    test_a_list_ending_at_the_next_section_leaves_out_the_records_items_past_its_last)."""
    found = _page_findings("nct07635758_split_dates_list_badges.html", end_shown=False)
    note = next(f for f in found if f.kind == "criteria_incomplete")
    assert (note.field, note.page_value, note.official_value) == (
        "exclusion_criteria", "1 of 19 reasons someone cannot join shown; not found: \"History of brain tumor or "
        "malignancy within the past 5…\" and 14 more", 19)
    assert note.message == (
        "Of the 19 reasons someone cannot join (some with sub-points) that ClinicalTrials.gov lists, TrialLens found 1 "
        "on this page; 3 more are left out (see the other findings). The last 15, starting with \"History of brain "
        "tumor or malignancy within the past 5…\" and \"History of any of the following\", may be further down this "
        "page or missing, so check the full list on ClinicalTrials.gov.")
    assert (note.evidence["found"], note.evidence["left_out_count"], note.evidence["not_shown_count"]) == (1, 3, 15)
    assert _adds_up(note)
    # each left out said once: the 3 findings the note points to
    assert len([f for f in found if f.kind == "criterion_missing" and f.field == "exclusion_criteria"]) == 3


def test_an_item_shown_in_part_is_found_and_its_rest_is_said():
    """An item found with a sub-point missing counts as found, "in part"; one the list stops inside is found, and the
    rest of it is said with the items after it. The numbers add up in items: found + left out + the last N == 19."""
    record, T = _nct07635758()

    def note(exclusion: list[str]):
        page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5], exclusion=exclusion)
        found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
        return next(f for f in found if f.kind == "criteria_incomplete"), found

    # items 1 and 4, then item 6's label and its first 2 of 6 sub-points: 2, 3 and 5 left out, 7 to 19 after
    n, found = note([T[5], T[8], T[15], T[16], T[17]])
    assert (n.page_value, n.official_value) == ("3 of 19 reasons someone cannot join shown (1 only in part); not found: "
                                                "\"Any concomitant disease or physical condition (e.g.…\" and 12 more", 19)
    assert n.message == (
        "Of the 19 reasons someone cannot join (some with sub-points) that ClinicalTrials.gov lists, TrialLens found 3 "
        "on this page (1 only in part); 3 more are left out (see the other findings). The last 13, starting with "
        "\"Any concomitant disease or physical condition (e.g.…\" and \"Major surgery within the past 30 days (e.g., "
        "thoracotomy…\" (and the rest of \"History of any of the following\"), may be further down this page or "
        "missing, so check the full list on ClinicalTrials.gov.")
    assert (n.evidence["found"], n.evidence["in_part"], n.evidence["left_out_count"], n.evidence["not_shown_count"]) \
        == (3, 1, 3, 13) and _adds_up(n)
    assert n.evidence["official_texts"][:4] == [T[18], T[19], T[20], T[21]]   # (the rest of item 6 first)
    assert len([f for f in found if f.kind == "criterion_missing"]) == 3
    # items 1 to 10 with item 9's third sub-point left out: found, in part; that sub-point is said on its own
    n, found = note(T[5:27] + T[28:32])
    assert n.message == (
        "Of the 19 reasons someone cannot join (some with sub-points) that ClinicalTrials.gov lists, TrialLens found 10 "
        "on this page (1 only in part). The last 9, starting with \"Organ function meeting any of the following: "
        "Hematology…\" and \"Clinically significant uncorrected electrolyte…\", may be further down this page or "
        "missing, so check the full list on ClinicalTrials.gov.")
    assert (n.evidence["found"], n.evidence["left_out_count"], n.evidence["not_shown_count"]) == (10, 0, 9)
    assert _adds_up(n)
    assert [f.evidence["official_texts"] for f in found if f.kind == "criterion_missing"] == [[T[27]]]


def test_criteria_truncated_counts_the_records_numbered_items_list_by_list():
    """trialfinderdata's plain-only page, cut by "…See full criteria" after the 4th reason someone cannot join."""
    note = _page_findings("nct07635758_plain_only.html")[0]
    assert (note.kind, note.page_value, note.official_value) == ("criteria_truncated", "9 of 24 criteria shown", 24)
    assert note.message == (
        "This page cuts its eligibility criteria short: of the 24 criteria ClinicalTrials.gov lists (5 requirements for "
        "joining and 19 reasons someone cannot join, some with sub-points), TrialLens found 9 on it, so read the full "
        "list on ClinicalTrials.gov.")
    assert (note.evidence["found"], note.evidence["left_out_count"], note.evidence["hidden_count"]) == (9, 0, 15)
    # cut inside item 5's sub-points (a and b shown): item 5 found in part, 14 items past the cut
    record, T = _nct07635758()
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:12],
                      criteria_truncated=True)
    note = next(f for f in reconcile(page, record, TODAY) if f.kind == "criteria_truncated")
    assert (note.page_value, note.official_value) == ("10 of 24 criteria shown (1 only in part)", 24)
    assert "TrialLens found 10 on it (1 only in part), so read the full list" in note.message
    ev = note.evidence
    assert (ev["found"], ev["in_part"], ev["left_out_count"], ev["hidden_count"]) == (10, 1, 0, 14)
    assert ev["found"] + ev["left_out_count"] + ev["hidden_count"] == note.official_value


def test_criteria_list_not_shown_counts_the_records_numbered_items():
    record, T = _nct07635758()
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert [(f.kind, f.official_value, f.evidence["official_count"]) for f in found] == [
        ("criteria_list_not_shown", 19, 19)]
    # the fact only: what to do is the note's, under the headline, and the two said it twice (review round 8, N3)
    assert found[0].message == (
        "TrialLens found on this page none of the 19 reasons someone cannot join (some with sub-points) that "
        "ClinicalTrials.gov lists.")
    from server.drift import summarize
    out = summarize(page, record, found)
    assert out["note"] == "Read the 19 reasons someone cannot join on ClinicalTrials.gov before you decide."
    assert [f["message"] for f in out["findings"]] == [found[0].message]


def test_an_item_left_out_whole_under_a_label_line_is_one_of_the_records_items_not_its_sub_points_as_reasons():
    """NCT07635758's 5th reason, "History of brain tumor or malignancy within the past 5 years, …, except:", heads the
    cancers that do not keep anyone out; left out whole it was "the 5 reasons someone cannot join … under" it, and
    then "…, including concurrent…", and the 5 items under it" with a row of the five cancers alone, read as reasons
    someone cannot join (review round 7, M1). It is the rule with its exceptions, and its row the item whole."""
    record, T = _nct07635758()
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:9] + T[15:])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert [(f.kind, f.message) for f in found] == [(
        "criterion_missing",
        'This page leaves out a reason someone cannot join that ClinicalTrials.gov lists: "History of brain tumor or '
        'malignancy within the past 5 years, including concurrent second primary malignancy" (with 5 exceptions).')]
    # the card's row ("Saved copy: …" / "ClinicalTrials.gov: …") is official_value: the rule, then its exceptions
    assert found[0].official_value == " ".join(T[9:15])
    assert found[0].official_value.startswith("History of brain tumor or malignancy within the past 5 years, including "
                                              "concurrent second primary malignancy, except: radically excised")
    assert (found[0].page_value, found[0].evidence["official_texts"]) == (None, T[9:15])
    copy = [f for f in reconcile(page, record, TODAY, copy_as_of="2026-06-26T00:00:00Z") if f.about == "page"]
    assert copy[0].message.startswith("This page leaves out a reason someone cannot join that TrialLens's saved copy of "
                                      'the ClinicalTrials.gov record (from 26 Jun 2026) lists: "History of brain tumor')
    # an item with no exceptions left out whole names its sub-points as items under it, in its row too
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:15] + T[22:])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert [(f.message, f.official_value) for f in found] == [(
        'This page leaves out a reason someone cannot join that ClinicalTrials.gov lists, "History of any of the '
        'following:", and the 6 items under it.', " ".join(T[15:22]))]


def test_one_exception_left_out_is_said_as_an_exception_not_as_the_rule():
    """NCT07635758's 5th reason ends "…, except:" over five cancers that keep no one out. A page leaving out one of them
    read "This page leaves out a reason someone cannot join …: "History of brain tumor or malignancy within the past
    5 years, including concurrent…"", the "except:" past the quote's end: as if the whole rule were left out."""
    record, T = _nct07635758()
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5],
                      exclusion=[t for t in T[5:] if "papillary thyroid" not in t])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    # (review round 7, S2: "leaves out an exception that … lists to a reason someone cannot join ("…"): "…"" was hard
    # to follow and did not say what it means for the reader; it promises no place either: other rules still apply)
    assert [(f.kind, f.message) for f in found] == [(
        "criterion_missing",
        'This page leaves out an exception: ClinicalTrials.gov says "History of brain tumor or malignancy within the '
        'past 5 years, including concurrent second primary malignancy" does not keep out people with "radically treated '
        'papillary thyroid carcinoma". This page is stricter than the record.')]
    copy = [f for f in reconcile(page, record, TODAY, copy_as_of="2026-06-26T00:00:00Z") if f.about == "page"]
    assert copy[0].message.startswith("This page leaves out an exception: TrialLens's saved copy of the "
                                      'ClinicalTrials.gov record (from 26 Jun 2026) says "History of brain tumor')
    assert "ClinicalTrials.gov says" not in copy[0].message
    # its row is the rule with that exception ("…malignancy, except: … radically treated papillary thyroid carcinoma;
    # …"), not the cancer alone beside "ClinicalTrials.gov:", which read as one more reason someone cannot join, nor
    # the rule with that one alone, which read as its only exception (review round 8, N1)
    assert found[0].official_value == f"{T[9]} … {T[12]} …" and found[0].evidence["official_index"] == 12


def _nct07635758_with(exclusion_items: list[int]) -> OfficialRecord:
    """NCT07635758's record in its own words with only these of its reasons someone cannot join (1-based, as
    ClinicalTrials.gov numbers them), renumbered from 1."""
    from scrapers.registry import load_demo_record

    text = load_demo_record("NCT07635758").eligibility_criteria
    inclusion, exclusion = text.split("Exclusion Criteria:")
    items = re.split(r"\n(?=\d+\. )", exclusion.strip())
    kept = [re.sub(r"^\d+\.", f"{k + 1}.", items[n - 1]) for k, n in enumerate(exclusion_items)]
    return _completed("NCT07635758", inclusion + "Exclusion Criteria:\n\n" + "\n".join(kept) + "\n")


def test_a_list_of_one_item_not_shown_is_the_one_item_not_none_of_the_1():
    """Review round 7 (S6): "TrialLens found on this page none of the 1 reason someone cannot join (with sub-points)"
    read as a slip; the note beside it already said "the one"."""
    _, T = _nct07635758()
    record = _nct07635758_with([6])   # "History of any of the following:" and its 6 sub-points
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5], status="COMPLETED")
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert [(f.kind, f.official_value) for f in found] == [("criteria_list_not_shown", 1)]
    assert found[0].message == (
        "TrialLens did not find on this page the one reason someone cannot join (with sub-points) that "
        "ClinicalTrials.gov lists.")
    copy = [f for f in reconcile(page, record, TODAY, copy_as_of="2026-06-26T00:00:00Z") if f.about == "page"]
    assert copy[0].message == ("TrialLens did not find on this page the one reason someone cannot join (with "
                               "sub-points) that TrialLens's saved copy of the ClinicalTrials.gov record (from "
                               "26 Jun 2026) lists.")


def test_a_page_rows_text_is_without_its_list_number():
    """Review round 7 (N3): the row read "This page: 5. Participant or legally authorized…", the page's numbering
    beside the record's text without it. Only the marker goes: the page's own words stay as it writes them."""
    found = _page_findings("nct07635758_plain_only.html")
    row = next(f for f in found if f.kind == "criterion_reworded")
    assert row.page_value == ("Participant or legally authorized representative able to understand and provide written "
                              "willing to sign a consent form")
    assert row.evidence["page_texts"][0].startswith("5. Participant")   # (the evidence keeps what the page shows)
    from scrapers.reconcile.align import Entry
    from scrapers.reconcile.finding import criteria_finding

    def shown(text: str) -> str:
        return criteria_finding("criterion_added", "warning", [], [Entry(text, text, "exclusion")], "", 0.0).page_value
    assert shown("(b) Sickle cell anemia") == "Sickle cell anemia"
    assert shown("• 2. Protein C or protein S deficiency") == "2. Protein C or protein S deficiency"   # (one marker)
    assert shown("E. coli infection") == "E. coli infection"   # (words, not a marker)
    assert shown("2.5 mg/kg of prednisone") == "2.5 mg/kg of prednisone"


def test_a_run_on_page_stopping_inside_an_items_sub_points_says_the_rest_with_the_last_items():
    """Review round 7 (S1): trialfinderdata's run-on page (its items in one paragraph) stopping after exclusion 6's
    second sub-point got a "leaves out" warning per later sub-point, where one line per item gave the one note "The
    last 13 (and the rest of …)". Whatever the markup, they come after the last one found."""
    from conftest import FIXTURES, fixture_url
    from scrapers import scrape_html
    from scrapers.registry import load_demo_record

    path = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"
    html = re.sub(r"3\. Sickle cell anemia.*?(</p>)", r"\1", path.read_text(encoding="utf-8"), flags=re.S)
    page = scrape_html(html, fixture_url(path))
    assert page.exclusion[-1].endswith("2. Protein C or protein S deficiency")
    # (a list running to the end of the capture: one that shows its end leaves the rest out, each said, whatever the
    # markup; see test_a_list_ending_at_the_next_section_leaves_out_the_records_items_past_its_last)
    assert page.criteria_ends_at == "Treatments Being Tested"
    page = replace(page, criteria_ends_at=None)
    found = [f for f in reconcile(page, load_demo_record(page.nct_id), TODAY) if f.about == "page"]
    assert [f.kind for f in found] == ["criteria_incomplete"]
    assert found[0].message == (
        "Of the 19 reasons someone cannot join (some with sub-points) that ClinicalTrials.gov lists, TrialLens found 6 "
        "on this page (1 only in part). The last 13, starting with \"Any concomitant disease or physical condition "
        "(e.g.…\" and \"Major surgery within the past 30 days (e.g., thoracotomy…\" (and the rest of \"History of any of "
        "the following\"), may be further down this page or missing, so check the full list on ClinicalTrials.gov.")
    assert _adds_up(found[0]) and found[0].evidence["official_texts"][0] == "Sickle cell anemia"


def test_a_rule_shown_without_any_of_its_exceptions_is_one_finding_not_an_alarm_per_exception():
    """Review round 7 (S2b): a page keeping NCT07635758's 5th reason but none of its five exceptions got a critical
    "differs in an exception: … says "…malignancy,", but … says "…malignancy, except:"" and a warning per exception.
    One finding says the page leaves out all 5, its rows the page's rule and the record's rule with them."""
    record, T = _nct07635758()
    rule = "5. History of brain tumor or malignancy within the past 5 years, including concurrent second primary malignancy,"

    def found(shown: list[str]) -> list:
        page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5],
                          exclusion=T[5:9] + shown + T[15:])
        return [f for f in reconcile(page, record, TODAY) if f.about == "page"]

    for shown in ([rule], [rule + " except:"]):   # (its "except:" dropped too, or kept)
        out = found(shown)
        assert [(f.kind, f.severity) for f in out] == [("criterion_missing", "warning")], shown
        assert out[0].message == (
            'This page leaves out all 5 exceptions to a reason someone cannot join: ClinicalTrials.gov says "History of '
            'brain tumor or malignancy within the past 5 years, including concurrent second primary malignancy" does not '
            'keep out people with any of them. This page is stricter than the record.')
        # (its rows without the punctuation that ends an item in its list: "…second primary malignancy, (as of Jun
        # 2026)" dangled a comma on the card; review round 8, N2)
        assert out[0].page_value == shown[0][3:].rstrip(" ,:")
        assert out[0].official_value == " ".join(T[9:15])
    assert out[0].page_value.endswith("second primary malignancy, except")
    assert found([rule])[0].page_value.endswith("second primary malignancy")
    # a rule changed as well is still a changed rule, beside the exceptions it leaves out
    out = found([rule.replace("5 years", "3 years")])
    assert [(f.kind, f.severity) for f in out] == [("criterion_changed", "critical"), ("criterion_missing", "warning")]
    assert "differs in a number" in out[0].message and "except" not in out[0].official_value
    assert out[0].page_value == rule.replace("5 years", "3 years")[3:-1]
    # (the record's row too: "…[mRS] score ≥2);" left out)
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[6:])
    row = next(f.official_value for f in reconcile(page, record, TODAY) if f.kind == "criterion_missing")
    assert T[5].endswith("score ≥2);") and row == T[5][:-1]
    # the exceptions shown after it without their "except:" read as more reasons someone cannot join: said so, once
    # for the five (review round 9), not the rule as "differing in an exception" (review round 8;
    # tests/test_reconcile_exceptions.py)
    out = found([rule] + T[10:15])
    assert [(f.kind, f.severity) for f in out] == [("criterion_changed", "critical")]
    assert "and 3 more as reasons someone cannot join, but ClinicalTrials.gov says they are exceptions" in out[0].message


def test_a_sub_point_left_out_between_shown_ones_is_part_of_a_reason_not_one_more():
    """Review round 7 (S1): a sub-point said as "a reason someone cannot join" beside a note counting 19 reasons read
    as one more of them; it is part of the item it is under, quoted with that item's head."""
    record, T = _nct07635758()
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:27] + T[28:])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert [(f.kind, f.message) for f in found] == [(
        "criterion_missing",
        'This page leaves out part of a reason someone cannot join that ClinicalTrials.gov lists: "Currently severe '
        'illness, including: Primary or secondary immunodeficiency disease, or…".')]
    # an item whose head is no label line ("…conditions" with no colon): the part is quoted with the head after it
    record = _completed("NCT07635758", "Exclusion Criteria:\n\n* History of any of the following\n"
                        + "".join(f"  * {t}\n" for t in T[16:22]) + "* " + T[22] + "\n")
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758",
                      exclusion=["History of any of the following"] + T[16:18] + T[19:23])
    assert [f.message for f in reconcile(page, record, TODAY) if f.about == "page"] == [
        'This page leaves out part of a reason someone cannot join that ClinicalTrials.gov lists: "Sickle cell anemia", '
        'under "History of any of the following".']


def test_an_added_criterion_is_quoted_without_the_pages_list_marker():
    """Review round 7: 'This page lists "4. History of seizure …"' quoted the page's own numbering, which is not the
    record's and not part of the rule; its row already dropped it."""
    found = [f for f in _check(INC, EXC + ["4. Must live within 50 miles of the study site"]) if f.kind == "criterion_added"]
    assert [f.message for f in found] == [
        'This page lists "Must live within 50 miles of the study site" as a reason someone cannot join, but TrialLens '
        "could not find it on ClinicalTrials.gov."]


def test_a_sub_item_marker_with_a_letter_is_not_a_number():
    """Review round 8 (M1): a page numbering an item "5b." got a critical "differs in a number: this page says "5b.
    Radically treated localized prostate cancer"": the marker was read as the item's own figure. "5a)", "5.b" and
    "(5a)" are markers too, on the card's row as in the comparison."""
    from scrapers.reconcile.finding import without_marker

    for marker in ("5b.", "5a)", "5.b", "(5a)", "12c."):
        exc = list(EXC)
        exc[4] = f"{marker} {EXC[4]}"
        assert _check(INC, exc) == [], marker
        assert without_marker(f"{marker} Radically treated localized prostate cancer") == \
            "Radically treated localized prostate cancer", marker
    assert normalize("5b. Pregnant or breastfeeding women") == normalize("Pregnant or breastfeeding women")
    # (figures and words stay: "5.5 mg", "2b agonist", "E. coli")
    for text in ("5.5 mg/kg of prednisone", "2b agonist in the past week", "E. coli infection", "3D imaging"):
        assert without_marker(text) == text


def test_a_page_without_headings_is_not_said_to_list_reasons_as_requirements():
    """A page showing all its criteria under no heading (the scrapers read one list as "Inclusion Criteria") never
    said the reasons someone cannot join were requirements: no alarm (the grouped finding of review round 10, P4,
    read it as 17 reasons listed as requirements)."""
    from conftest import FIXTURES, fixture_url
    from scrapers import scrape_html
    from scrapers.registry import load_demo_record

    from scrapers.model import PageRecord

    path = FIXTURES / "html" / "meddatax.com" / "nct07232563_labelled.html"
    for old in (["<h3>Inclusion Criteria</h3>", "<h3>Exclusion Criteria</h3>"], ["<h3>Exclusion Criteria</h3>"]):
        html = path.read_text(encoding="utf-8")
        for h in old:
            html = html.replace(h, "")
        page = scrape_html(html, fixture_url(path))
        found = reconcile(page, load_demo_record(page.nct_id), TODAY)
        assert [f for f in found if f.kind == "criterion_wrong_section"] == []
        assert page.criteria_headings == ([] if len(old) == 2 else ["inclusion"])   # (no heading, or one)
        assert page.to_dict().get("criteria_headings", ["inclusion"]) == page.criteria_headings
        assert PageRecord.from_dict(page.to_dict()) == page


def test_a_page_moving_all_its_exclusions_under_inclusion_criteria_is_said():
    """The known miss of the test before: a page showing both headings, with all 17 reasons someone cannot join under
    "Inclusion Criteria" and its "Exclusion Criteria" heading over no items, was silent ("Matches"), read as a page
    without headings. The page showed the heading, so it is said: one critical finding counting them."""
    from scrapers.model import PageRecord
    from scrapers.registry import load_demo_record
    from server.drift import summarize

    page, found = _meddatax_moved(17)
    assert page.exclusion == [] and page.criteria_headings == ["exclusion", "inclusion"]
    wrong = [f for f in found if f.kind == "criterion_wrong_section"]
    assert [(f.severity, f.page_value) for f in wrong] == [("critical", "17 of 17 listed as requirements for joining")]
    assert wrong[0].message.endswith("as reasons someone cannot join (17 of the 17 it lists).")
    out = summarize(page, load_demo_record(page.nct_id), found)
    assert out["verdict"] == "differs"
    # the headings go with the page's JSON (written only when they differ from its lists') and back
    assert page.to_dict()["criteria_headings"] == ["exclusion", "inclusion"]
    back = PageRecord.from_dict(page.to_dict())
    assert [f.message for f in reconcile(back, load_demo_record(page.nct_id), TODAY) if f.about == "page"] == \
        [f.message for f in found]


def test_two_parts_left_out_under_a_long_label_are_each_said():
    """A label longer than a quote ("Any subject who shows any of the following criteria should be excluded from this
    clinical study:") quoted before each part cut the parts off: two parts left out under it gave one message, said
    once, and the other part was never said (drift benchmark, seed 7, NCT02795884). Each part is quoted, under the
    label."""
    label = "Any subject who shows any of the following criteria should be excluded from this clinical study:"
    parts = ["Bilateral oophorectomy or hysterectomy before screening", "Unable to swallow oral medication",
             "Prior treatment with any EGFR inhibitor", "Known infection with human immunodeficiency virus"]
    criteria = ("Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n* " + label + "\n"
                + "".join(f"  * {t}\n" for t in parts))
    page = PageRecord(site="clinconnect.io", nct_id="NCT06427642", status="COMPLETED", inclusion=["Age 18 or older"],
                      exclusion=[label, parts[1], parts[2]], criteria_ends_at="Locations")
    missing = [f.message for f in reconcile(page, _completed("NCT06427642", criteria), TODAY)
               if f.kind == "criterion_missing"]
    under = ', under "Any subject who shows any of the following criteria should…".'
    assert missing == [
        f'This page leaves out part of a reason someone cannot join that ClinicalTrials.gov lists: "{parts[0]}"{under}',
        f'This page leaves out part of a reason someone cannot join that ClinicalTrials.gov lists: "{parts[3]}"{under}']
