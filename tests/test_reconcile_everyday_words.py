"""Everyday words for a criterion's own (reconcile/everyday_words.py), a definition in brackets (glosses.py) and
words that name the opposite people (fidelity's opposite pairs): review r35 #5 and #6, on TrialFinderData's and
meddatax's real pages as the reviewer edited them (mut2/N08-N19, mut3/S11, S19, one_item2.py)."""

import re
from datetime import date

import pytest

from conftest import FIXTURES, fixture_url
from scrapers import scrape_html
from scrapers.registry import load_demo_record
from scrapers.reconcile import reconcile
from scrapers.reconcile.everyday_words import EVERYDAY_WORDS, in_record_words
from scrapers.reconcile.glosses import without_glosses
from scrapers.reconcile.words import word_changes

TODAY = date(2026, 12, 6)
TRIALFINDER = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"
MEDDATAX = FIXTURES / "html" / "meddatax.com" / "nct07232563_labelled.html"


def _alarms(path, old: str, new: str) -> list[tuple[str, str, str]]:
    """(severity, kind, message) of the page alarms on a real fixture page with `old` written `new` wherever it
    stands, as the reviewer's mutate scripts edit them."""
    html = path.read_text(encoding="utf-8")
    assert old in html
    page = scrape_html(html.replace(old, new), fixture_url(path))
    found = reconcile(page, load_demo_record(page.nct_id), TODAY)
    return [(f.severity, f.kind, f.message) for f in found if f.about == "page" and f.severity != "info"]


def test_the_unedited_pages_raise_no_alarm():
    assert _alarms(TRIALFINDER, "Pregnant", "Pregnant") == []
    assert _alarms(MEDDATAX, "Confirmed", "Confirmed") == []


@pytest.mark.parametrize("old, new", [
    ("prior to enrollment", "before enrollment"),                                        # N16
    ("stem cell/immune cell therapy within 3 months", "stem cell/immune cell treatment within 3 months"),  # N17
    ("unsuitable for participation or inability", "unsuitable to take part or inability"),              # N19
    ("judged by the investigator as unsuitable", "judged by the study doctor as unsuitable"),          # N14
    ("Pregnant or lactating women", "Pregnant or breastfeeding women"),                                # N08
])
def test_everyday_words_trialLens_itself_writes_are_no_change(old, new):
    """Each alone turned the in-sync page's "Matches" into "This page differs", a warning "differs in a word"."""
    assert _alarms(TRIALFINDER, old, new) == []


def test_a_real_change_beside_an_everyday_word_is_still_said():
    """"before" read as "prior to" is no licence for another word: "after" still turns the time period (critical),
    and "surgery" for "therapy" still warns, quoting the record's word."""
    found = _alarms(TRIALFINDER, "prior to enrollment", "after enrollment")
    assert [(s, k) for s, k, _ in found] == [("critical", "criterion_changed")]
    assert "differs in a time period" in found[0][2]
    found = _alarms(TRIALFINDER, "stem cell/immune cell therapy within 3 months",
                    "stem cell/immune cell surgery within 3 months")
    assert [(s, k) for s, k, _ in found] == [("warning", "criterion_changed")]
    assert '"surgery" where ClinicalTrials.gov says "therapy"' in found[0][2]
    # (both in one item: the everyday word is read as the record's, the changed one still quoted as each writes it)
    assert word_changes("No prior therapy with drug A prior to enrollment",
                        "No prior surgery with drug A before enrollment")[0].page == "surgery"


def test_a_wider_or_narrower_word_the_rewriter_writes_still_warns():
    """"problems" for "dysfunction", "allergy" for "hypersensitivity", "cancer" for "carcinoma": the rewriter's words,
    but for a wider or narrower thing, so not read as the record's (everyday_words' note)."""
    for record, page in (("No significant cardiac dysfunction", "No significant cardiac problems"),
                         ("Known hypersensitivity to aspirin", "Known allergy to aspirin"),
                         ("History of basal cell carcinoma", "History of basal cell cancer")):
        assert word_changes(record, page), (record, page)


def test_only_as_many_as_the_record_says_are_read_as_its_words():
    """The page's everyday word is read as the record's only where the record has the term once more than the page
    (and the page the everyday word once more than the record): "treatment" the record also says is the page's own."""
    assert in_record_words("Prior therapy allowed", "Prior treatment allowed") == "Prior therapy allowed"
    assert in_record_words("Prior therapy and treatment", "Prior treatment and treatment") == \
        "Prior therapy and treatment"
    assert in_record_words("Treatment before surgery", "Treatment before surgery") == "Treatment before surgery"
    # (the record's everyday word, the page's term: the page is read in the record's words too)
    assert in_record_words("Pregnant or breastfeeding", "Pregnant or lactating") == "Pregnant or breastfeeding"
    # (a word inside another is no word: "radiotherapy" holds no "therapy")
    assert in_record_words("Prior radiotherapy", "Prior radiotreatment") == "Prior radiotreatment"


def test_each_everyday_word_is_the_rewriters_own():
    """The two lists are the rewriter's one (scrapers/data/lexicon.json): every pair here is one of its jargon entries
    and the plain words it writes for it, so the comparison never reads as one two words TrialLens would not write
    for each other."""
    from server.lexicon import load_lexicon

    entries = [e for e in load_lexicon().entries if e.plain]
    for term, plain in EVERYDAY_WORDS:
        assert any(re.fullmatch(term, e.term, re.I) and re.fullmatch(plain, e.plain, re.I) for e in entries), term


@pytest.mark.parametrize("path, old, new, said", [
    (TRIALFINDER, "Diagnosed with acute ischemic stroke", "Diagnosed with acute hemorrhagic stroke",   # S19
     '"hemorrhagic" where ClinicalTrials.gov says "ischemic"'),
    (MEDDATAX, "Confirmed anterior circulation occlusion", "Confirmed posterior circulation occlusion",  # S11
     '"posterior" where ClinicalTrials.gov says "anterior"'),
])
def test_a_word_for_the_opposite_people_is_critical(path, old, new, said):
    """Review r35 #6: a stroke trial's "acute ischemic stroke" shown as "acute hemorrhagic stroke", or "anterior" as
    "posterior circulation occlusion", names the opposite population; it was a warning "differs in a word"."""
    found = _alarms(path, old, new)
    assert [(s, k) for s, k, _ in found] == [("critical", "criterion_changed")]
    assert said in found[0][2]


def test_another_spelling_of_one_side_is_no_opposite():
    assert _alarms(TRIALFINDER, "Diagnosed with acute ischemic stroke", "Diagnosed with acute ischaemic stroke") == []



def _item_alarms(old: str, new: str) -> list[tuple[str, str, str]]:
    """(severity, kind, message) of the page alarms on a page showing NCT07635758's criteria item by item, each
    sub-item on its own (as meddatax lists them), with `old` written `new`: the reviewer's one_item2.py."""
    from scrapers.criteria import flatten, parse_criteria
    from scrapers.model import PageRecord

    record = load_demo_record("NCT07635758")
    parsed = parse_criteria(record.eligibility_criteria)
    inc, exc = ([i.text.replace(old, new) for i in flatten(items)] for items in (parsed.inclusion, parsed.exclusion))
    assert any(new in t for t in inc + exc)
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=inc, exclusion=exc)
    return [(f.severity, f.kind, f.message) for f in reconcile(page, record, TODAY)
            if f.about == "page" and f.severity != "info"]


def test_a_definition_in_brackets_the_rewriter_writes_is_the_same_item():
    """Review r35 #5: TrialLens's own definitions added in brackets drew criterion_added and "This page leaves out …",
    though the page shows the item. Paired as the record's item, read without them: at most the reworded note."""
    assert _item_alarms("", "") == []
    assert _item_alarms("head CT/MRI", "head CT (a type of X-ray scan)/MRI (a body scan using magnets)") == []


@pytest.mark.parametrize("old, new", [
    ("Pregnant or lactating women", "Pregnant or lactating women (a woman over forty)"),     # (r38 #1: critical)
    ("Sickle cell anemia", "Sickle cell anemia (a type of breast cancer)"),                  # (r38 #3: who)
    ("Sickle cell anemia", "Sickle cell anemia (the severe kind that needs hospital care)"),  # (r38 #3: narrower)
])
def test_a_bracket_the_rewriter_does_not_write_is_compared(old, new):
    """Review r38 #1/#3: any "a/an/the" bracket was read away as a definition, so an age limit in words ("over
    forty": critical before) or a narrower or other illness said nothing. Only the rewriter's own are read away."""
    assert _item_alarms(old, new) != []
    if "forty" in new:
        assert [s for s, _, _ in _item_alarms(old, new)] == ["critical"]


def test_brackets_that_could_change_the_rule_are_no_definition():
    """A condition in brackets is a condition ("only the severe form": critical, as before); a definition that names
    the word again says which one ("a skin cancer"), and one with a figure or an "or" may set a limit or an
    alternative: none of them is read away."""
    found = _item_alarms("Sickle cell anemia", "Sickle cell anemia (only the severe form)")
    assert [(s, k) for s, k, _ in found] == [("critical", "criterion_changed")]
    assert without_glosses("HIV (the virus that causes AIDS) positive", "HIV positive") == "HIV positive"
    assert without_glosses("Cancer (a skin cancer)", "Cancer") == "Cancer (a skin cancer)"
    assert without_glosses("Anemia (a level below 10)", "Anemia") == "Anemia (a level below 10)"   # (a figure)
    assert without_glosses("Anemia (a disease or trait)", "Anemia") == "Anemia (a disease or trait)"   # (an "or")
    assert without_glosses("HIV (the virus that causes AIDS)", "HIV (the virus that causes AIDS)") == \
        "HIV (the virus that causes AIDS)"   # (the record's own)
    assert without_glosses("Adult (a man over forty) male subjects", "Adult male subjects") == \
        "Adult (a man over forty) male subjects"   # (r38 #1: no definition of the rewriter's)
    # (r38 #2: the record has its own bracket there, which the page may have edited)
    assert without_glosses("HIV (the virus that causes AIDS) positive", "HIV (a virus) positive") == \
        "HIV (the virus that causes AIDS) positive"
    assert without_glosses("HIV (the virus that causes AIDS) positive", "HIV positive") == "HIV positive"


def test_an_everyday_word_with_a_word_added_beside_it_still_warns():
    """Review r38 #4: the swap read back as the record's word left only an added word, which said nothing: "hormone"
    narrows which therapy, "skin" which cancer. Read as the record's only one for one, in the same place."""
    for record, page, said in (("Prior therapy with anthracyclines", "Prior hormone treatment with anthracyclines",
                                "hormone treatment"),
                               ("History of malignancy", "History of skin cancer", "skin cancer"),
                               ("Abnormal laboratory values", "Abnormal liver lab values", "liver lab"),
                               ("Prior therapy with anthracyclines", "Prior radiation treatment with anthracyclines",
                                "radiation treatment")):   # ("radiation treatment", another pair's, is no one word)
        assert [c.page for c in word_changes(record, page)] == [said], (record, page)
    assert word_changes("Prior therapy with anthracyclines", "Prior treatment with anthracyclines") == []
    assert word_changes("No history of malignancy", "No history of cancer") == []
    assert word_changes("unsuitable for participation", "unsuitable to take part") == []   # ("for"/"to" skipped)
    # (a word beside it the page words another way is no word added: each is compared on its own)
    assert in_record_words("chemotherapy or radiation therapy within 30 days",
                           "chemo or radiation treatment within 30 days") == "chemo or radiation therapy within 30 days"


@pytest.mark.parametrize("record, page", [
    ("at the discretion of the physician", "at the discretion of the study doctor"),   # (who decides)
    ("Current treatment with anticoagulants", "Current treatment with blood thinners"),  # (antiplatelets too)
    ("Serious adverse events", "Serious side effects"),                                 # (drug-related only)
    ("Uncontrolled malignant hypertension", "Uncontrolled cancerous hypertension"),     # (another meaning)
    ("Recurrent urinary infections", "Returning urinary infections"),                   # (repeated ones)
    ("Peripheral edema", "Peripheral swelling"),                                        # (any lump)
])
def test_words_not_the_same_in_every_criterion_still_warn(record, page):
    """Review r38 #5: these pairs read as one meaning, yet in some criteria they are not."""
    assert word_changes(record, page), (record, page)
