"""Multi-sentence "Only <people> … will be accepted. …" items (plain13): plain11 said the one-sentence "Only <people> …
are eligible" as "Only for people …"; with more sentences after it (NCT00001713, NCT00002649) the item still said
"Only patients … will be accepted." The first sentence is now said so too and the rest keeps its words; the people
stay a limit ("only"), figures, comparators and negations are kept (the fidelity check passes). A verdict in the second
sentence is no longer read into the first ("Only patients with X. Patients with Y will be included." was "Only for
people with X. Patients with Y."). Texts are the records' own."""

from __future__ import annotations

import pytest

from server.explain import explain_item


@pytest.mark.parametrize("text,shown", [
    ("Only patients with first onset acute DVT will be accepted. Acute DVT-LE must be documented by ultrasonography "
     "or venogram and will be defined as thrombosis of a major deep vein segment above the popliteal vein less than "
     "14 days since onset of symptoms or diagnosis.",
     "Only for people with first onset acute DVT"),                                     # NCT00001713
    ("Only patients with a normal cardiac history and physical exam or in lieu of this, an institutionally normal "
     "ejection fraction as measured by either ECHO or MUGA scan are eligible; specifically, there should be: no EKG "
     "evidence of active cardiac disease",
     "Only for people with a normal heart history"),                                    # NCT00002649
    ("Only patients less than 60 years are eligible for this protocol. Patients must not be pregnant.",
     "Only for people less than 60 years. Patients must not be pregnant."),
])
def test_only_people_with_more_sentences(text, shown):
    e = explain_item(text, "inclusion")
    assert e.rewritten and e.shown.startswith(shown), e.shown
    assert "14 days" in e.shown or "14" not in text


@pytest.mark.parametrize("text,section", [
    ("Only patients with X. Patients with Y will be included.", "inclusion"),   # (the verdict is the second sentence's)
    ("Only mothers with singleton or twin pregnancies will be included in the pilot study.", "inclusion"),
    ("Only patients with AMD will be accepted. Fluorescein angiography must show a leak.", "exclusion"),
    ("Only patients diagnosed and treated in the United States and Canada will be included in this analysis. "
     "Patients must be adults.", "inclusion"),
])
def test_only_left_as_written(text, section):
    assert not explain_item(text, section).shown.startswith("Only for people")
