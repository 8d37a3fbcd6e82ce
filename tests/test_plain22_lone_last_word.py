"""plain22: a line that is one small word and a full stop, under an item the record left unfinished, is that item's
last word (scrapers/criteria_blocks.py). Read as an item of its own, "months." lost the unit of "for at least 3"
(NCT00001630) and "disease." was shown as a criterion (NCT00001539). Over the corpus: 4 items in 4 records, all
fragments before."""

from __future__ import annotations

import pytest

from scrapers.criteria import flatten, parse_criteria


def _texts(text: str) -> list[str]:
    crit = parse_criteria(text)
    return [it.text for it in flatten(crit.inclusion + crit.exclusion + crit.unplaced)]


@pytest.mark.parametrize("text, joined", [
    # NCT00001539, after a blank line
    ("Inclusion Criteria:\n\nrecall no episodes of disease compatible with Lyme infection and have not received\n"
     "antibiotic therapy for Lyme\n\ndisease.\n\nOSPA VACCINATED CONTROL\n",
     "recall no episodes of disease compatible with Lyme infection and have not received antibiotic therapy for Lyme "
     "disease."),
    # NCT00001630, in a lettered list: the number keeps its unit
    ("Inclusion Criteria:\n\n  4. Failure of treatment with:\n\ni. conventional-dose steroids for at least 3\n\nmonths.\n\n"
     "ii. intravenous immunoglobulin.\n",
     "conventional-dose steroids for at least 3 months."),
    # NCT00001337, after a short line
    ("Inclusion Criteria:\n\nlymphomas in the following categories: gray zone lymphoma and\nprimary mediastinal B cell\n"
     "lymphoma.\n", "primary mediastinal B cell lymphoma."),
])
def test_a_lone_last_word_ends_the_unfinished_item(text, joined):
    texts = _texts(text)
    assert any(t.endswith(joined) for t in texts), texts
    assert not any(t in ("disease.", "months.", "lymphoma.") for t in texts)


@pytest.mark.parametrize("text, alone", [
    ("Exclusion Criteria:\n\n* Patients lacking complete follow-up data.\n\nhypogonadism.\n", "hypogonadism."),   # a stop before
    ("Exclusion Criteria:\n\n* facet joint pathology\n* spondylolisthesis.\n", "spondylolisthesis."),   # its own bullet
    ("Exclusion Criteria:\n\nPrevious thyroid disease and\n\nPregnancy.\n", "Pregnancy."),   # a capital: an item
    ("Exclusion Criteria:\n\nExcluded:\n\nzidovudine.\n", "zidovudine."),   # under a label
    ("Exclusion Criteria:\n\nZidovudine.\n\nddI.\n", "ddI."),   # a name, not a small word
])
def test_a_word_after_a_finished_item_or_with_its_own_marker_stays_an_item(text, alone):
    assert alone in _texts(text)
