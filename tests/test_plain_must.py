"""Requirements said with "must" under exclusions, "must" said of a finding, articles before a singular illness, and
lexicon replacements that chained or split a word (all items are real corpus items, NCT ids given)."""

from __future__ import annotations

from plain_support import shown

from server.explain import explain_text
from server.worded import WORDED_NOTE, said_with_must


def _exclusions(*items: str) -> dict[str, tuple[str, bool]]:
    """Each exclusion item's shown text and its worded_as_requirement mark."""
    criteria = "Exclusion Criteria:\n\n" + "".join(f"* {t}\n" for t in items)
    return {e["original"]: (e["shown"], e["worded_as_requirement"]) for e in explain_text(criteria).to_dict()["exclusion"]}


# --- "Must …" under "You cannot join if…" keeps the record's wording ------------------------------------------------

def test_must_exclusions_keep_the_records_wording_in_plain_words_and_stay_marked():
    """NCT00210678 "Must have erectile dysfunction" read "You must have erection problems" under "You cannot join if…":
    an instruction the heading contradicts. It keeps the record's wording (plain words still), and the note beside it."""
    got = _exclusions(
        "Must have erectile dysfunction",                                                        # NCT00210678
        "Female patients must be of non-childbearing potential or using adequate contraception "
        "with a negative pregnancy test at study entry",                                         # NCT00003820
        "Patients must have some control of bladder function; patients with NCI grade 3 incontinence are not "
        "eligible",                                                                              # NCT00003167
        "Patient must be re-registered < 35 days after surgery.",                                # NCT00002525
    )
    assert got == {
        "Must have erectile dysfunction": ("Must have erection problems", True),
        "Female patients must be of non-childbearing potential or using adequate contraception with a negative "
        "pregnancy test at study entry": ("Female patients must be of non-childbearing potential or using good enough "
                                          "birth control with a negative pregnancy test at study entry", True),
        "Patients must have some control of bladder function; patients with NCI grade 3 incontinence are not "
        "eligible": ("Patients must have some control of bladder function. Patients with NCI (US National Cancer "
                     "Institute) grade 3 incontinence are not eligible", True),
        "Patient must be re-registered < 35 days after surgery.":
            ("Patient must be re-registered less than 35 days after surgery.", True),
    }
    assert WORDED_NOTE.startswith("The record lists this under reasons you cannot join")


def test_must_items_are_still_addressed_under_inclusion_and_in_a_later_clause():
    """Inclusion items are unchanged; an exclusion whose rule is not "must" keeps its later "must" clause addressed
    (NCT00496340: the instruction that follows the rule is the reader's)."""
    assert shown("Must have erectile dysfunction", "inclusion") == "You must have erection problems"
    assert shown("Female patients must be of non-childbearing potential", "inclusion") == \
        "As a woman, you must be of non-childbearing potential"
    item = ("Current use of metronidazole or acetaminophen; patients must discontinue use of these agents at least 7 "
            "days prior to the start of Busulfex administration")
    assert _exclusions(item)[item] == ("You now use metronidazole or acetaminophen. You must stop use of these agents "
                                       "at least 7 days before the start of Busulfex administration", False)
    assert said_with_must("Lactating females: All patients must practice adequate birth control")
    assert not said_with_must("Patients must not have received prior chemotherapy")
