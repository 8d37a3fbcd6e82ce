""""Only <people> …" items that plain11/plain13 left unread (plain14): said in the past ("Only patients with AMD were
eligible for this study.", NCT00000158), as who is studied ("Only normal volunteers are studied under this protocol.",
NCT00001172) and over a definition ("Only patients with SAA will be admitted, defined as:", NCT00001964). They are the
same limit: "Only for people …", with figures, comparators and negations kept (the fidelity check passes). And what
follows a group named by what its people are stays ("Only HIV-positive patients with anemia are eligible." was "Only for
people who are HIV-positive.", the anemia dropped). Texts are the records' own unless said."""

from __future__ import annotations

import pytest

from server.explain import explain_item


@pytest.mark.parametrize("text, section, shown", [
    ("Only patients with AMD were eligible for this study. Fluorescein angiography of the eligible eye had to show "
     "evidence of a leaking choroidal neovascular membrane.", "unplaced",
     "Only for people with AMD (age-related eye disease). Fluorescein angiography of the eligible eye had to show"),
    ("Only normal volunteers are studied under this protocol. Normal volunteers are recruited from the NIH volunteer "
     "office and the NIH web page.", "inclusion",
     "Only for normal volunteers. Normal volunteers are recruited from the NIH"),
    ("Only patients with SAA will be admitted, defined as:", "inclusion", "Only for people with SAA, defined as:"),
    ("Only patients who were treated with at least 2 prior regimens were eligible.", "inclusion",      # (made up)
     "Only for people who were treated with at least 2 prior treatment plans."),
    ("Only healthy volunteers aged 18 to 40 will be included.", "inclusion",                          # (made up)
     "Only for healthy volunteers aged 18 to 40."),
    ("Only HIV-positive patients with anemia are eligible.", "inclusion",                             # (made up)
     "Only for people who are HIV-positive with low red blood cell count."),
    # (no full stop: nothing is added after it)
    ("Only those patients with biopsiable tumor and willing to undergo several biopsies will be eligible", "inclusion",
     "Only for people with biopsiable tumor and willing to have several biopsies"),                   # NCT00003613
])
def test_only_people_read(text, section, shown):
    e = explain_item(text, section)
    assert e.rewritten and e.shown.startswith(shown), e.shown
    assert not e.losses and "None" not in e.shown


@pytest.mark.parametrize("text, section", [
    ("Only patients with AMD were eligible for this study.", "exclusion"),   # (an exclusion: the verdict is the heading's)
    ("Only patients diagnosed and treated in the United States and Canada will be included in this analysis.",
     "inclusion"),                                                           # (NCT00001701: a group of the study's making)
    ("Only patients with SAA will be admitted, defined as: see below", "inclusion"),
    ("Only normal volunteers are studied.", "inclusion"),                    # ("studied" alone: no verdict of entry)
    ("Only subjects with good health and without evidence of significant chronic disease will be accepted into the "
     "healthy control groups.", "unplaced"),                                 # NCT00001977
])
def test_only_left_as_written(text, section):
    assert not explain_item(text, section).shown.startswith("Only for")
