"""A rule with exceptions, NCT07635758's 5th reason someone cannot join: "History of brain tumor or malignancy within
the past 5 years, including concurrent second primary malignancy, except: a) radically excised non-melanoma skin
cancer; b) … e) …". Its exceptions keep no one out: a page listing them as reasons of its own keeps out people the
record does not (review round 8, M1), and one leaving them out is stricter than the record (N1).

The pages are trialfinderdata's `tables` markup (one <p> per item) with exclusion 5 edited, as the reviewer's
variants3.py / variants5.py made them, read back by the real scraper."""

import re

import pytest
from conftest import FIXTURES, fixture_url
from test_reconcile_criteria import TODAY, _adds_up, _nct07635758

from scrapers import scrape_html
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.registry import load_demo_record

TABLES = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_tables.html"
EXCEPTIONS = ["radically excised non-melanoma skin cancer", "radically treated cervical carcinoma in situ",
              "radically treated papillary thyroid carcinoma", "radically treated localized prostate cancer",
              "radically treated ductal carcinoma in situ of the breast"]
RULE = "History of brain tumor or malignancy within the past 5 years, including concurrent second primary malignancy"
COPY = "2026-06-26T00:00:00Z"


def _as_reason(*shown: str) -> tuple[str, str, str]:
    """The one critical finding for exceptions of NCT07635758's 5th reason listed as reasons (one per rule; review
    round 9: five listed were five near-identical findings)."""
    if len(shown) == 1:
        return ("criterion_changed", "critical",
                f'This page lists "{shown[0]}" as a reason someone cannot join, but ClinicalTrials.gov says it is an '
                'exception: "History of brain tumor or malignancy within the past 5 years…" does not keep out people '
                "with it.")
    quoted = " and ".join(f'"{s}"' for s in shown) if len(shown) == 2 else \
        f'"{shown[0]}", "{shown[1]}" and {len(shown) - 2} more'
    return ("criterion_changed", "critical",
            f"This page lists {quoted} as reasons someone cannot join, but ClinicalTrials.gov says they are exceptions: "
            '"History of brain tumor or malignancy within the past 5 years…" does not keep out people with them.')


RULE_LEFT_OUT = ("criterion_missing", "warning",
                 f'This page leaves out a reason someone cannot join that ClinicalTrials.gov lists: "{RULE}" '
                 "(with 5 exceptions).")


def _tables(fifth: list[str]) -> tuple[PageRecord, list]:
    """The tables page with exclusion 5's <p> replaced by these items, and its page findings (against the record as
    fetched, and against a saved copy)."""
    lines = TABLES.read_text(encoding="utf-8").split("\n")
    row = lines[17]
    ps = re.findall(r"<p>.*?</p>", row)
    i5 = next(i for i, p in enumerate(ps) if p.startswith("<p>5. History of brain"))
    items = ps[:i5] + [f"<p>{t}</p>" for t in fifth] + ps[i5 + 1:]
    lines[17] = row[:row.index("<p>")] + "".join(items) + row[row.rindex("</p>") + 4:]
    page = scrape_html("\n".join(lines), fixture_url(TABLES))
    return page, [f for f in reconcile(page, load_demo_record(page.nct_id), TODAY) if f.about == "page"]


def _said(found: list) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.message) for f in found]


def _row(T: list[str], *shown: int) -> str:
    """The record's rule with these of its exceptions (0 to 4) in their places, "…" for the others."""
    out, elided = [T[9]], False
    for k in range(5):
        if k in shown:
            out.append(T[10 + k])
        elif not elided:
            out.append("…")
        elided = k not in shown
    return " ".join(out).rstrip(" ,;:")


def test_exceptions_as_reasons():
    """The page drops the rule and lists its five exceptions as reasons 5 to 9: it had "Matches TrialLens's saved
    copy", no finding at all. Each exception listed as a reason is critical; the rule, left out, is said as today."""
    page, found = _tables([f"{k}. {e[0].upper()}{e[1:]}" for k, e in zip("56789", EXCEPTIONS)])
    assert _said(found) == [_as_reason(*[e[0].upper() + e[1:] for e in EXCEPTIONS]), RULE_LEFT_OUT]
    _, T = _nct07635758()
    assert found[0].official_value == " ".join(T[9:15])   # (all five named: the rule with them all)
    assert found[1].official_value == " ".join(T[9:15])   # (the rule left out: the item whole)
    # against a saved copy the findings name it, as every other does
    record = load_demo_record(page.nct_id)
    copy = [f for f in reconcile(page, record, TODAY, copy_as_of=COPY) if f.about == "page"]
    assert copy[0].message == (
        'This page lists "Radically excised non-melanoma skin cancer", "Radically treated cervical carcinoma in situ" '
        "and 3 more as reasons someone cannot join, but TrialLens's saved copy of the ClinicalTrials.gov record (from 26 "
        'Jun 2026) says they are exceptions: "History of brain tumor or malignancy within the past 5 years…" does not '
        "keep out people with them.")
    assert copy[1].message.startswith("This page leaves out a reason someone cannot join that TrialLens's saved copy")
    assert not any("ClinicalTrials.gov says" in f.message for f in copy)
    # the headline: a rule changed, not "Matches TrialLens's saved copy"
    from server.drift import summarize
    assert summarize(page, record, copy, copy_as_of=COPY)["headline"] == \
        "A rule for who can join differs from TrialLens's saved copy"
    assert summarize(page, record, found)["headline"] == "This page changes a rule for who can join"


def test_only_two_exceptions_as_reasons():
    """Two exceptions as reasons, "5." and "5b.", and no rule: it had a critical "differs in a number" from the "5b."
    marker and three "leaves out an exception … stricter than the record" for a page with no rule at all."""
    _, found = _tables(["5. Radically treated papillary thyroid carcinoma",
                        "5b. Radically treated localized prostate cancer"])
    assert _said(found) == [_as_reason("Radically treated papillary thyroid carcinoma",
                                       "Radically treated localized prostate cancer"), RULE_LEFT_OUT]
    # (its row without "5b.")
    assert found[0].page_value == "Radically treated papillary thyroid carcinoma Radically treated localized prostate cancer"


def test_one_exception_as_reason_rule_kept():
    """The rule kept with four exceptions, the fifth moved out beside it as a reason of its own: it had the rule's item
    "not on ClinicalTrials.gov" and four "leaves out an exception" for the four the page shows under the rule."""
    fifth = next(t for t in TABLES.read_text(encoding="utf-8").split("<p>") if t.startswith("5. History of brain"))
    fifth = fifth[:fifth.index("</p>")].replace("c) radically treated papillary thyroid carcinoma; ", "")
    _, found = _tables([fifth, "Radically treated papillary thyroid carcinoma"])
    assert _said(found) == [_as_reason("Radically treated papillary thyroid carcinoma")]


def test_rule_then_exceptions_as_items():
    """The rule without "except:", the five cancers after it as items of the same list: it had a critical "differs in
    an exception: … says "…malignancy", but … says "…malignancy, except:"", which told the reader nothing."""
    _, found = _tables([f"5. {RULE}"] + EXCEPTIONS)
    assert _said(found) == [_as_reason(*EXCEPTIONS)]
    # with its "except:" kept the five are its exceptions, as the record has them: nothing to say
    _, found = _tables([f"5. {RULE}, except:"] + EXCEPTIONS)
    assert found == []


def test_a_rule_left_out_with_its_exceptions_as_reasons_counts_as_left_out():
    """The notes count in the record's items: an item whose rule is left out and whose exceptions are listed as
    reasons is left out (the finding that says so is one of the "N more left out"), and the numbers add up."""
    record, T = _nct07635758()
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT07635758", inclusion=T[:5],
                      exclusion=T[5:9] + T[10:15] + T[15:18])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    note = next(f for f in found if f.kind == "criteria_incomplete")
    assert note.message.startswith(
        "Of the 19 reasons someone cannot join (some with sub-points) that ClinicalTrials.gov lists, TrialLens found 5 "
        "on this page (1 only in part); 1 more is left out (see the other findings). The last 13")
    assert (note.evidence["found"], note.evidence["left_out_count"], note.evidence["not_shown_count"]) == (5, 1, 13)
    assert _adds_up(note)
    assert [f.kind for f in found if f.kind != "criteria_incomplete"] == ["criterion_changed", "criterion_missing"]


def test_a_requirements_exceptions_listed_as_requirements_are_said_as_exceptions_only():
    """A requirement's exceptions may keep people out ("… from a primary malignancy except the following: Small cell
    lung cancer", NCT00005887): "does not keep out people with it" would be false there, so they are said as
    exceptions to it, no more."""
    from test_reconcile_criteria import _completed

    record = _completed("NCT00005887", "Inclusion Criteria:\n\n"
                        "* Confirmed brain metastases from a primary malignancy except the following:\n"
                        "  * Small cell lung cancer\n  * Lymphomas\n* Age 18 or over\n\n"
                        "Exclusion Criteria:\n\n* Pregnant or nursing\n")
    page = PageRecord(site="trialx.com", nct_id="NCT00005887", inclusion=["Small cell lung cancer", "Lymphomas",
                                                                          "Age 18 or over"],
                      exclusion=["Pregnant or nursing"])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert _said(found) == [
        ("criterion_changed", "critical", 'This page lists "Small cell lung cancer" and "Lymphomas" as requirements for '
         'joining, but ClinicalTrials.gov says they are exceptions to "Confirmed brain metastases from a primary '
         'malignancy".'),
        ("criterion_missing", "warning", 'This page leaves out a requirement for joining that ClinicalTrials.gov '
         'lists: "Confirmed brain metastases from a primary malignancy" (with 2 exceptions).')]


def _run_on_fifth() -> str:
    """Exclusion 5 as the tables page shows it: the rule run on with its five exceptions, "a)" to "e)"."""
    fifth = next(t for t in TABLES.read_text(encoding="utf-8").split("<p>") if t.startswith("5. History of brain"))
    return fifth[:fifth.index("</p>")]


def test_several_exceptions_left_out_are_said_once():
    """Review round 8 (N1): two exceptions left out were two warnings, four were four, each repeating the rule and
    "This page is stricter than the record". Said once, naming them; the row is the rule with them in their places."""
    _, T = _nct07635758()
    fifth = _run_on_fifth()
    page, found = _tables([fifth.replace("c) radically treated papillary thyroid carcinoma; d) radically treated "
                                        "localized prostate cancer; ", "")])
    assert _said(found) == [(
        "criterion_missing", "warning",
        f'This page leaves out 2 of the 5 exceptions to a reason someone cannot join: ClinicalTrials.gov says "{RULE}" '
        'does not keep out people with "radically treated papillary thyroid carcinoma" or "radically treated localized '
        'prostate cancer". This page is stricter than the record.')]
    assert found[0].official_value == (f"{T[9]} … radically treated papillary thyroid carcinoma; radically treated "
                                       "localized prostate cancer; …")
    assert found[0].page_value.startswith("History of brain tumor") and "e) radically treated ductal" in \
        found[0].page_value   # (the page's rule with the exceptions it keeps)
    copy = [f for f in reconcile(page, load_demo_record(page.nct_id), TODAY, copy_as_of=COPY) if f.about == "page"]
    assert copy[0].message.startswith("This page leaves out 2 of the 5 exceptions to a reason someone cannot join: "
                                      "TrialLens's saved copy of the ClinicalTrials.gov record (from 26 Jun 2026) says")
    _, found = _tables([re.sub(r"except: .*$", "except: a) radically excised non-melanoma skin cancer", fifth)])
    assert _said(found) == [(
        "criterion_missing", "warning",
        f'This page leaves out 4 of the 5 exceptions to a reason someone cannot join: ClinicalTrials.gov says "{RULE}" '
        'does not keep out people with "radically treated cervical carcinoma in situ", "radically treated papillary '
        'thyroid carcinoma", "radically treated localized prostate cancer" or "radically treated ductal carcinoma in '
        'situ of the breast". This page is stricter than the record.')]
    assert found[0].official_value == f"{T[9]} … " + " ".join(T[11:15])


def test_one_exception_left_outs_row_shows_there_are_others():
    """Review round 8 (N1): the row "…, except: radically treated papillary thyroid carcinoma;" read as if that were
    the rule's only exception."""
    _, T = _nct07635758()
    _, found = _tables([_run_on_fifth().replace("c) radically treated papillary thyroid carcinoma; ", "")])
    assert _said(found) == [(
        "criterion_missing", "warning",
        f'This page leaves out an exception: ClinicalTrials.gov says "{RULE}" does not keep out people with "radically '
        'treated papillary thyroid carcinoma". This page is stricter than the record.')]
    assert found[0].official_value == f"{T[9]} … radically treated papillary thyroid carcinoma; …"
    assert found[0].evidence["official_texts"] == [T[9], T[12]]


def test_a_requirements_exceptions_left_out_are_not_said_to_let_anyone_in():
    """The same for a requirement's exceptions left out: "does not keep out people with …" and "stricter than the
    record" would be false where they keep people out (NCT00005887)."""
    from test_reconcile_criteria import _completed

    record = _completed("NCT00005887", "Inclusion Criteria:\n\n"
                        "* Confirmed brain metastases from a primary malignancy except the following:\n"
                        "  * Small cell lung cancer\n  * Germ cell tumors\n  * Lymphomas\n* Age 18 or over\n")

    def said(inclusion: list[str]) -> list:
        page = PageRecord(site="trialx.com", nct_id="NCT00005887", inclusion=inclusion + ["Age 18 or over"])
        return [f.message for f in reconcile(page, record, TODAY) if f.about == "page"]

    rule = "Confirmed brain metastases from a primary malignancy except the following:"
    assert said([rule, "Small cell lung cancer", "Germ cell tumors"]) == [
        'This page leaves out an exception to a requirement for joining: ClinicalTrials.gov says "Confirmed brain '
        'metastases from a primary malignancy", except "Lymphomas".']
    assert said([rule, "Germ cell tumors"]) == [
        'This page leaves out 2 of the 3 exceptions to a requirement for joining: ClinicalTrials.gov says "Confirmed '
        'brain metastases from a primary malignancy", except "Small cell lung cancer" and "Lymphomas".']


# --------------------------------------------------------------------------- rules nested under "except:" (round 9 N4)

# NCT00002745 (legacy PDQ record): the rules after the two exceptions sit under the label too
PDQ_NESTED = """DISEASE CHARACTERISTICS:

  -  Stage IV melanoma

PATIENT CHARACTERISTICS:

  -  No suspected HIV infection

  -  No second malignancy within past 5 years except:

       -  Curatively treated carcinoma of the cervix

       -  Curatively treated basal cell skin cancer

       -  No uncontrolled infection or other serious medical condition

       -  Not pregnant or nursing

       -  Fertile patients must use effective contraception
"""
PDQ_ITEMS = ["Stage IV melanoma", "No suspected HIV infection", "No second malignancy within past 5 years except:",
             "Curatively treated carcinoma of the cervix", "Curatively treated basal cell skin cancer",
             "No uncontrolled infection or other serious medical condition", "Not pregnant or nursing",
             "Fertile patients must use effective contraception"]


def test_rules_nested_under_except_are_read_as_rules_of_their_own():
    from scrapers.criteria import parse_criteria

    crit = parse_criteria(PDQ_NESTED)
    label = crit.inclusion[2]
    assert [c.text for c in label.children] == ["Curatively treated carcinoma of the cervix",
                                                "Curatively treated basal cell skin cancer"]
    assert [i.text for i in crit.inclusion[3:]] == PDQ_ITEMS[5:]   # beside the label, in the record's order
    # a label whose first sub-item is already a rule has no exceptions (NCT00003013)
    crit = parse_criteria("Inclusion Criteria:\n\n- Tumor greater than 2 cm, except:\n\n    - No metastatic disease\n")
    assert [(i.text, i.children) for i in crit.inclusion] == [("Tumor greater than 2 cm, except:", []),
                                                              ("No metastatic disease", [])]


def test_rules_nested_under_except_are_not_shown_as_exceptions():
    from server.explain import explain_text

    shown = [e.to_dict() for e in explain_text(PDQ_NESTED).inclusion]
    label = shown[2]
    assert label["exceptions"] and [c["original"] for c in label["children"]] == PDQ_ITEMS[3:5]
    assert [e["shown"] for e in shown[3:]] == ["You have no uncontrolled infection or other serious medical condition",
                                              "You are not pregnant or breastfeeding",
                                              "As a fertile patient, you must use effective birth control"]


def test_a_rule_nested_under_except_left_out_is_a_rule_left_out_not_an_exception():
    """The page leaves out "Not pregnant or nursing": it lets in people the record keeps out. Read as an exception,
    it was "This page leaves out 1 of the … exceptions … This page is stricter than the record"."""
    from test_reconcile_criteria import _completed

    page = PageRecord(site="meddatax.com", nct_id="NCT00002745",
                      inclusion=[t for t in PDQ_ITEMS if t != "Not pregnant or nursing"])
    found = [f for f in reconcile(page, _completed("NCT00002745", PDQ_NESTED), TODAY) if f.about == "page"]
    missing = [f for f in found if f.kind == "criterion_missing"]
    assert [f.official_value for f in missing] == ["Not pregnant or nursing"], _said(found)
    assert "exception" not in missing[0].message and "stricter" not in missing[0].message


# NCT07635758's 4th reason someone cannot join, a short rule with its exception in brackets (review round 10, P7)
SEIZURE = "History of seizure (except secondary epilepsy not currently requiring drug treatment)"


def _seizure(layout: str, shown: str, copy_as_of: str | None = None) -> tuple[PageRecord, list]:
    """trialfinderdata's page in this markup with exclusion 4 shown as `shown` in its original criteria, as the
    reviewer's v_tfd2.py made it, read back by the real scraper; and its page findings."""
    path = FIXTURES / "html" / "trialfinderdata.org" / f"nct07635758_{layout}.html"
    src = path.read_text(encoding="utf-8")
    cut = src.index("Original Eligibility") if "Original Eligibility" in src else 0
    page = scrape_html(src[:cut] + src[cut:].replace(SEIZURE, shown), fixture_url(path))
    found = reconcile(page, load_demo_record(page.nct_id), TODAY, copy_as_of=copy_as_of)
    return page, [f for f in found if f.about == "page"]


@pytest.mark.parametrize("layout", ["semantic", "divs", "tables"])
def test_an_exception_dropped_from_a_short_rule_is_said_and_the_rule_is_not_left_out(layout):
    """Review round 10, P7: "History of seizure" for the record's "History of seizure (except secondary epilepsy not
    currently requiring drug treatment)" was said to be left out, though the page shows it, and the page's item was
    not named: the "not" inside the dropped exception kept the two from pairing. The page shortens the rule, leaving
    out its exception, and so is stricter than the record (as the Veeva layout says a dropped alternative)."""
    page, found = _seizure(layout, "History of seizure")
    assert _said(found) == [(
        "criterion_shortened", "warning",
        'This page shortens a reason someone cannot join to "History of seizure", leaving out "except secondary epilepsy '
        'not currently requiring drug treatment": ClinicalTrials.gov says "History of seizure (except secondary epilepsy '
        'not currently requiring drug treatment)". This page is stricter than the record.')]
    assert (found[0].page_value, found[0].official_value) == ("History of seizure", SEIZURE)
    # another exception in the record's place: one finding, as a copy differing in its exception is worded ("not in the
    # record" beside "leaves out" said the page's rule was not on ClinicalTrials.gov)
    _, found = _seizure(layout, "History of seizure (except epilepsy)")
    assert _said(found) == [(
        "criterion_changed", "critical",
        'A reason someone cannot join differs in an exception: this page says "History of seizure (except epilepsy)", '
        'but ClinicalTrials.gov says "History of seizure (except secondary epilepsy not currently requiring drug '
        'treatment)".')]


def test_an_exception_dropped_from_a_short_rule_against_a_saved_copy():
    """The same findings against a saved copy name it, as every other does; the changed exception leads the card as
    a changed rule."""
    from server.drift import summarize

    _, found = _seizure("semantic", "History of seizure", COPY)
    assert [f.message for f in found] == [
        'This page shortens a reason someone cannot join to "History of seizure", leaving out "except secondary epilepsy '
        "not currently requiring drug treatment\": TrialLens's saved copy of the ClinicalTrials.gov record (from 26 Jun "
        '2026) says "History of seizure (except secondary epilepsy not currently requiring drug treatment)". This page '
        "is stricter than the record."]
    page, found = _seizure("tables", "History of seizure (except epilepsy)", COPY)
    out = summarize(page, load_demo_record(page.nct_id), found, copy_as_of=COPY)
    assert (out["verdict"], out["headline"]) == ("differs", "A rule for who can join differs from TrialLens's saved copy")


def test_an_exception_dropped_from_a_short_rule_among_its_neighbours_on_a_list_page():
    """The reviewer's test_r10c case: the rule in place among the meddatax-style list's reasons someone cannot join."""
    from test_reconcile_criteria import CRITERIA, EXC, INC

    criteria = CRITERIA.replace("5. Pregnant or breastfeeding women", f"5. {SEIZURE}\n6. Pregnant or breastfeeding women")
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT07041801"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2025-06-27"}},
        "eligibilityModule": {"eligibilityCriteria": criteria}}})
    page = PageRecord(site="meddatax.com", nct_id="NCT07041801", inclusion=list(INC),
                      exclusion=EXC[:4] + ["History of seizure", EXC[4]])
    found = [f for f in reconcile(page, record, TODAY) if f.about == "page"]
    assert [(f.kind, f.page_value) for f in found] == [("criterion_shortened", "History of seizure")]
