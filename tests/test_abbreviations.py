"""An abbreviation for an illness or a medicine and the words it stands for are one wording (review of r21's polarity
check): "NSCLC" for "non-small cell lung cancer" was read as a lost "not", a critical criterion_changed, though a page
that abbreviates (or spells out) what the record says changes no one's eligibility. The pairs are the corpus's own
definitions ("non-small cell lung cancer (NSCLC)", ../shared/data/ctgov) and the abbreviations criteria use bare."""

from datetime import date

import pytest

from scrapers.abbreviations import as_abbreviated, spells
from scrapers.fidelity import check_fidelity
from criteria_support import bulleted_record

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

# (words, abbreviation) as CT.gov records define them, each with a "non", "not" or "negative"
CORPUS_DEFINITIONS = [
    ("non-small cell lung cancer", "NSCLC"), ("nonsmall cell lung cancer", "NSCLC"),
    ("non-small cell lung carcinoma", "NSCLC"), ("Non-Small Cell Lung Cancer", "NSCLC"),
    ("non-Hodgkin lymphoma", "NHL"), ("non-Hodgkin's lymphoma", "NHL"),
    ("nonnucleoside reverse transcriptase inhibitors", "NNRTIs"),
    ("non-nucleoside reverse transcriptase inhibitor", "NNRTI"),
    ("nonsteroidal anti-inflammatory drugs", "NSAIDs"), ("nonsteroidal antiinflammatory drugs", "NSAIDs"),
    ("Non-steroidal anti-inflammatory drug", "NSAID"), ("non-steroidal anti-inflammatory drugs", "NSAIDS"),
    ("non-arteritic anterior ischemic optic neuropathy", "NAION"), ("non-arteritic ischemic optic neuropathy", "NAION"),
    ("nonarteritic anterior ischaemic optic neuropathy", "NAION"),
    ("non-insulin dependent diabetes mellitus", "NIDDM"), ("non-rhabdomyosarcoma soft tissue sarcoma", "NRSTS"),
    ("Acute nonlymphocytic leukemia", "ANLL"), ("acute non-lymphocytic leukemia", "ANLL"),
    ("hereditary nonpolyposis colon cancer", "HNPCC"), ("women of nonchildbearing potential", "WONCBP"),
    ("not otherwise specified", "NOS"), ("Do Not Resuscitate", "DNR"), ("Not clinically significant", "NCS"),
    # used bare in the corpus's criteria (NSTEMI 4, NASH 5, NMIBC, NMSC), and TNBC's "negative"
    ("non-ST-elevation myocardial infarction", "NSTEMI"), ("non-alcoholic steatohepatitis", "NASH"),
    ("nonalcoholic fatty liver disease", "NAFLD"), ("non-muscle invasive bladder cancer", "NMIBC"),
    ("nonmelanoma skin cancer", "NMSC"), ("triple-negative breast cancer", "TNBC"),
]


@pytest.mark.parametrize("words,abbr", CORPUS_DEFINITIONS)
def test_an_abbreviation_and_its_words_are_one_wording(words, abbr):
    record = f"Prior treatment for {words} within the past 6 months"
    page = f"Prior treatment for {abbr} within the past 6 months"
    assert spells(abbr, words.replace("-", " ").split())
    assert check_fidelity(record, page) == []                         # the page abbreviates
    assert check_fidelity(page, record) == []                         # the page spells it out
    assert check_fidelity(record.replace(words, f"{words} ({abbr})"), page) == []   # the record defines it
    assert check_fidelity(page, page.replace(abbr, f"{abbr} ({words})")) == []     # a plain rewrite glosses it
    assert check_fidelity(page, page.replace(abbr, f"{words} ({abbr})")) == []


@pytest.mark.parametrize("record,page", [
    ("Histologically confirmed non-small cell lung cancer (NSCLC)", "Histologically confirmed lung cancer"),
    ("Histologically confirmed non-small cell lung cancer", "Histologically confirmed small cell lung cancer (NSCLC)"),
    ("Lymphoma not otherwise specified (NOS)", "Lymphoma otherwise specified (NOS)"),   # r20's "not" removal
    ("NSCLC or non-Hodgkin lymphoma", "NSCLC or Hodgkin lymphoma"),
    ("No prior NSAIDs", "Prior NSAIDs"),
    ("Patients who are not NSCLC candidates", "Patients who are NSCLC candidates"),
])
def test_a_lost_not_beside_an_abbreviation_is_still_lost(record, page):
    assert "negation" in {loss.kind for loss in check_fidelity(record, page)}


def test_only_runs_with_a_counted_word_are_rewritten():
    neg = lambda t: "non" in t   # noqa: E731
    assert as_abbreviated("History of MI", "History of myocardial infarction", neg) == \
        ("History of MI", "History of myocardial infarction")
    # the whole name, not a shorter run a letter from inside a word would spell ("myocardial" has an "i")
    assert as_abbreviated("or NSTEMI", "or Non-ST-elevation myocardial infarction", neg) == ("or NSTEMI", "or NSTEMI")
    # nor a longer one with a word passed over ("… lung cancer cells")
    assert as_abbreviated("NSCLC cells", "non-small cell lung cancer cells", neg) == ("NSCLC cells", "NSCLC cells")
    assert not spells("NSCLC", ["small", "cell", "lung", "cancer"])
    assert not spells("SCLC", ["non", "small", "cell", "lung", "cancer"])


# ---------------------------------------------------------------------------------------------- through reconcile

TODAY = date(2026, 12, 5)
INC = ["Histologically confirmed stage IV non-small cell lung cancer (NSCLC) with progression after platinum therapy",
       "Relapsed non-Hodgkin lymphoma after at least 1 prior regimen",
       "Prior NSTEMI more than 3 months before screening is allowed",
       "Uncontrolled hypertension is not allowed unless treated for at least 4 weeks",
       "Male or female aged 18 years or older",
       "Women must be 1 year post-menopausal or surgically sterile"]
EXC = ["Regular use of nonsteroidal anti-inflammatory drugs (NSAIDs) within 14 days before the first dose",
       "Biopsy-proven NASH with fibrosis stage 4",
       "Unresectable hepatic metastases requiring treatment within 2 weeks",
       "Known to be HIV seronegative within 30 days before enrolment",
       "Subject is immunocompromised or has received a solid organ transplant",
       "Inadequately controlled diabetes mellitus with HbA1c above 9%"]


def _page_findings(inc: list[str], exc: list[str]) -> list:
    official = bulleted_record(INC, EXC)
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=inc, exclusion=exc)
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f)]


def _with(old: str, new: str) -> list:
    inc = [t.replace(old, new) for t in INC]
    exc = [t.replace(old, new) for t in EXC]
    assert (inc, exc) != (INC, EXC), old
    return _page_findings(inc, exc)


@pytest.mark.parametrize("old,new", [
    # abbreviated or spelled out, both ways
    ("non-small cell lung cancer (NSCLC)", "NSCLC"),
    ("non-small cell lung cancer (NSCLC)", "non-small cell lung cancer"),
    ("non-small cell lung cancer (NSCLC)", "nonsmall cell lung cancer"),
    ("non-Hodgkin lymphoma", "NHL"),
    ("non-Hodgkin lymphoma", "non-Hodgkin's lymphoma (NHL)"),
    ("NSTEMI", "non-ST-elevation myocardial infarction"),
    ("NSTEMI", "non-ST elevation myocardial infarction (NSTEMI)"),
    ("nonsteroidal anti-inflammatory drugs (NSAIDs)", "NSAIDs"),
    ("nonsteroidal anti-inflammatory drugs (NSAIDs)", "non-steroidal anti-inflammatory drugs"),
    ("NASH", "non-alcoholic steatohepatitis"),
    # the same state, said as a site may
    ("Uncontrolled hypertension", "Poorly controlled hypertension"),
    ("Uncontrolled hypertension", "Hypertension that is not controlled"),
    ("Uncontrolled hypertension", "Uncontrolled high blood pressure"),
    ("Inadequately controlled", "Poorly controlled"),
    ("Inadequately controlled", "Uncontrolled"),
    ("Inadequately controlled", "Not adequately controlled"),
    ("Male or female", "Men and women"),
    ("Male or female", "Males and females"),
    ("HIV seronegative", "HIV-negative"),
    ("HIV seronegative", "HIV sero-negative"),
    ("immunocompromised", "immunosuppressed"),
    ("Unresectable", "Inoperable"),
    ("Unresectable", "Non-resectable"),
    ("Unresectable", "Not resectable"),
    ("post-menopausal", "postmenopausal"),   # ("1 year post-menopausal" reads as a time after: so does this)
])
def test_a_faithful_rewording_raises_no_alarm(old, new):
    assert [(f.kind, f.severity, f.message) for f in _with(old, new) if f.severity != "info"] == []


@pytest.mark.parametrize("old,new,severity", [
    ("non-small cell lung cancer (NSCLC)", "small cell lung cancer", "critical"),
    ("non-Hodgkin lymphoma", "Hodgkin lymphoma", "critical"),
    ("Uncontrolled hypertension", "Controlled hypertension", "critical"),
    ("Inadequately controlled", "Adequately controlled", "critical"),
    ("Male or female", "Male", "critical"),
    ("HIV seronegative", "HIV seropositive", "critical"),
    ("immunocompromised", "immunocompetent", "warning"),
])
def test_a_real_change_next_to_them_is_still_said(old, new, severity):
    found = _with(old, new)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", severity)]


def test_a_gloss_abbreviation_takes_no_negation_from_other_words():
    # "AIDS" in a plain gloss is spelled by no run of the original: "and seronegative individuals" passes over the
    # very word that counts (a word is passed over only in a name that starts with its "non": "NAION")
    assert check_fidelity("Both HIV seropositive and seronegative individuals.",
                          "Both HIV (the virus that causes AIDS) seropositive and seronegative people.") == []
    assert [l.kind for l in check_fidelity("Both HIV seropositive and seronegative individuals.",
                                           "Both HIV (the virus that causes AIDS) seropositive individuals.")] == \
        ["negation"]


@pytest.mark.parametrize("original,rewrite", [
    # bench_explain: a plain rewrite that changes a word of a defined name keeps the definition's label
    ("History of non-arteritic anterior ischemic optic neuropathy (NAION)",
     "You have had non-arteritic anterior ischemic optic nerve damage (NAION)"),
    ("Stage II disease and no evidence of disease (NED) following surgery",
     "Stage II disease and no signs of disease (NED) following surgery"),
    ("Stage IV NED (no evidence of disease) patients", "Stage IV NED (no signs of disease) patients"),
    ("Non-small cell lung cancer (NSCLC) (any histologic type)", "NSCLC (any histologic type)"),
    ("Advanced non-small cell lung cancer (NSCLC); prior NSCLC therapy allowed",
     "Advanced non-small cell lung cancer (NSCLC); prior non-small cell lung cancer therapy allowed"),
    # an abbreviation in a gloss ("US", "NIH (US National Institutes of Health)") is no name for "unable … should"
    ("Adults unable to consent should be protected at the NIH", "Adults unable to consent should be protected at the "
     "NIH (US National Institutes of Health)"),
])
def test_a_label_both_texts_give_is_no_abbreviation_said_more(original, rewrite):
    assert check_fidelity(original, rewrite) == []


def _one_pair(record: list[str], page: list[str]) -> list:
    """Warnings and criticals for a record with these inclusion items, shown as `page`."""
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in record)}}})
    page_record = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=page)
    return [(f.kind, f.severity) for f in reconcile(page_record, official, TODAY) if is_alarm(f) and f.severity != "info"]


@pytest.mark.parametrize("short,long", [
    ("AST/ALT less than 300 IU/ml.", "aspartate aminotransferase/alanine aminotransferase less than 300 IU/ml."),
    ("AST and ALT less than 4 times normal.", "aspartate aminotransferase and alanine aminotransferase less than 4 "
                                              "times normal."),
    ("ALT or AST =< 2.5 times the institutional upper limit of normal",
     "alanine aminotransferase or aspartate aminotransferase =< 2.5 times the institutional upper limit of normal"),
])
def test_the_liver_enzymes_abbreviated_or_spelled_out_are_one_wording(short, long):
    """"AST" takes its "T" from inside "aminotransferase" (review round 22: "AST/ALT" for the spelled-out pair was a
    criterion_added and a left-out warning, and "AST and ALT" a "differs in a word" warning)."""
    assert spells("AST", ["aspartate", "aminotransferase"]) and spells("ALT", ["alanine", "aminotransferase"])
    assert not spells("ALT", ["aspartate", "aminotransferase"]) and not spells("AST", ["alanine", "aminotransferase"])
    rest = ["Age 18 years or older", "Signed informed consent"]
    assert _one_pair([short] + rest, [long] + rest) == []
    assert _one_pair([long] + rest, [short] + rest) == []
    # a changed figure beside them is still said, and so is the other enzyme
    assert _one_pair([short] + rest, [long.replace("2.5", "5").replace("300", "500").replace("4 times", "8 times")]
                     + rest) == [("criterion_changed", "critical")]
    assert _one_pair(["AST less than 3 times normal"] + rest, ["Alanine aminotransferase less than 3 times normal"]
                     + rest) == [("criterion_changed", "warning")]
