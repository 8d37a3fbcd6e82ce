"""An "in-", "im-", "ir-", "il-" read as a "not" only before a word it turns (neg3). "investigational" is no "not
vestigational", "immunosuppressive" no "not munosuppressive": read so, a page's plain rewrite of one ("experimental",
"Weak immune system" for "Immunodeficiency") was a 'leaves out' warning of a turned word, on 4 of 986 corpus items
rewritten plainly. The real turns ("inadequate", "inoperable", "irreversible", "illegal") stay critical."""

import pytest

from criteria_support import worst_alarm

from scrapers.fidelity import negated_base


@pytest.mark.parametrize("word", ["investigational", "immunosuppressive", "immunodeficiency", "intravenous",
                                  "interferon", "intrathecal", "indolent", "inhaled", "initiate", "improved",
                                  "underwent", "institutional"])
def test_a_prefix_that_turns_nothing_is_no_negation(word):
    assert negated_base(word) is None


@pytest.mark.parametrize("word, base", [("inadequate", "adequate"), ("inadequately", "adequately"),
                                        ("inoperable", "operable"), ("irreversible", "reversible"),
                                        ("illegal", "legal"), ("immature", "mature"), ("intractable", "tractable"),
                                        ("insufficiency", "sufficiency"), ("uncontrolled", "controlled"),
                                        ("unresectable", "resectable")])
def test_a_prefix_that_turns_its_word_is_read(word, base):
    assert negated_base(word) == base


@pytest.mark.parametrize("item, old, new, section", [
    # corpus items (NCT00493246, NCT00493636, NCT00002232, NCT00000691), each in the plain rewriter's own words
    ("Has participated in another interventional clinical Study (investigational or marketed product) within 30 days",
     "investigational", "experimental", "exclusion"),
    ("Prior treatment with any agent that targets VEGF or VEGFR (licensed or investigational), except bevacizumab.",
     "investigational", "experimental", "exclusion"),
    ("Immunodeficiency or autoimmune disease.", "Immunodeficiency", "Weak immune system", "exclusion"),
    ("Initiate or resume zidovudine (AZT) in 2nd week of foscarnet maintenance therapy", "Initiate", "Start",
     "inclusion"),
])
def test_a_plain_rewrite_of_a_word_that_turns_nothing_draws_no_warning(item, old, new, section):
    assert worst_alarm(item, old, new, section) == "silent"


@pytest.mark.parametrize("item, old, new, section", [
    ("Adequate renal function", "Adequate", "Inadequate", "inclusion"),
    ("Inadequate bone marrow function", "Inadequate", "Adequate", "exclusion"),
    ("Inoperable pancreatic cancer", "Inoperable", "Operable", "inclusion"),
    ("Irreversible renal failure", "Irreversible", "Reversible", "exclusion"),
    ("Intractable epilepsy", "Intractable", "Tractable", "inclusion"),
    ("Illegal drug use within 6 months", "Illegal", "Legal", "exclusion"),
])
def test_a_real_turn_stays_critical(item, old, new, section):
    assert worst_alarm(item, old, new, section) == "critical"


def test_a_real_turn_left_out_still_warns():
    assert worst_alarm("Intractable epilepsy despite two drugs", "Intractable e", "E", "inclusion") == "warning"
