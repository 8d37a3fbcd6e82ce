"""Review round 10a, sections G, F, D10 and E13: examples cut off into a lone "For example, …" sentence, grammar
slips in replacements, a trial's own abbreviation sense, a pregnancy test missed by the glance. Each test fails on
the code before its fix and asserts the exact shown text."""

from server.explain import explain_text


def _shown(text: str) -> list[str]:
    return [e.shown for e in explain_text(text).items()]


def test_examples_stay_attached_to_a_negated_rule():
    """NCT00003509, NCT00006379: "No severe lung disease, such as chronic obstructive pulmonary disease" was shown as
    "You have no severe lung disease. For example, chronic obstructive pulmonary disease": the lone example reads as
    a statement of its own (869 items)."""
    assert _shown("Inclusion Criteria\n\n"
                  "  -  No severe lung disease, such as chronic obstructive pulmonary disease\n"
                  "  -  No clinically significant comorbid illnesses (e.g., myocardial infarction or cerebrovascular "
                  "accident)\n"
                  "  -  No evidence of extensive disease (i.e., contralateral lung or contralateral supraclavicular "
                  "nodes)\n") == [
        "You have no severe lung disease, such as chronic obstructive pulmonary disease",
        "You have no medically important comorbid illnesses (such as heart attack or stroke)",
        "You have no signs of extensive disease (that is, contralateral lung or contralateral supraclavicular nodes)",
    ]


def test_an_including_list_still_gets_its_own_sentence() -> None:
    """What the fix keeps: "This includes …" is a whole sentence, so that split stays."""
    assert _shown("Inclusion Criteria\n\n  -  Any cancer, including breast cancer and lung cancer.\n") == \
        ["Any cancer. This includes breast cancer and lung cancer."]
