"""A record heading (header_kind) run into a one-paragraph page is read where the record reads it (parser7 left it an
item's words: NCT00001405's one-paragraph page drew a critical its record does not back)."""

from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line


def _read(text: str) -> tuple[list[str], list[str]]:
    inc, exc, _ = criteria_lists([Line(text, "p")])
    return inc, exc


def test_exclusions_heading_after_a_sentence_opens_the_exclusions():
    # NCT00001405, its record's lines run into one paragraph
    inc, exc = _read("Inclusion Criteria: 1. Age 18 to 75. 2. Weight above 50 kg. Subjects with known mutations may "
                     "participate as long as the other criteria listed above are fulfilled. EXCLUSIONS: "
                     "1. Patients who are hemodynamically unstable. 2. Female patients who are pregnant.")
    assert inc[-1].endswith("are fulfilled.")
    assert exc == ["1. Patients who are hemodynamically unstable.", "2. Female patients who are pregnant."]


def test_a_qualified_heading_after_a_fullwidth_semicolon_ends_the_item_before():
    # NCT05185011: "Additional exclusion criteria for subjects with … (…):" between items 16 and 17
    _, exc = _read("Exclusion Criteria: 16. Any factors that the investigator considers inappropriate for "
                   "participation in the study； Additional exclusion criteria for subjects with hepatic insufficiency "
                   "(those who meet any of the followings are ineligible): 17. History of liver transplant;")
    assert exc == ["16. Any factors that the investigator considers inappropriate for participation in the study；",
                   "17. History of liver transplant;"]


def test_a_heading_with_its_group_after_a_sentence_switches_the_list():
    # NCT00001206: "EXCLUSIONS - NORMAL VOLUNTEERS:" after the inclusions' last sentence
    inc, exc = _read("INCLUSION REQUIREMENTS -NORMAL VOLUNTEERS: Consent and assent obtained in writing. "
                     "EXCLUSIONS - NORMAL VOLUNTEERS: Presence of ADHD.")
    assert inc == ["Consent and assent obtained in writing."]
    assert exc == ["Presence of ADHD."]


def test_an_items_own_criteria_words_stay_the_item():
    # after an item's number, or inside a sentence, the words are the item's: no heading read
    inc, exc = _read("Inclusion Criteria: 1. Meets the cardiovascular exclusion criteria: none. "
                     "2. Patients meeting all inclusion criteria: eligible.")
    assert exc == []
    assert len(inc) == 2
