"""Review r46 H1, H2/M3, M1: a describing word left out of an item, silent after neg3/neg4.

- H1: neg3 stopped reading "immunosuppressive", "intravitreal", "inhaled" … as turned words (they say no "not"), and
  with that their being left out went silent (321 of 351 real ones). They say which route, site or immune state, so
  dropped_words reads them as describers (WHICH_ROUTE); the plain rewrites neg3 kept quiet stay quiet.
- H2/M3: "investigational", "experimental", "concurrent" said elsewhere in the item silenced the drop; now only said
  of the same thing (the few words around the kept word) does, and "study" is a thing they say which of.
- M1: "malignant" left out was silent when a cancer was named anywhere in the next four words, past a comma, "or",
  "except"; now only in its own noun phrase."""

from __future__ import annotations

import pytest

from criteria_support import worst_alarm

from scrapers.fidelity import negated_base


@pytest.mark.parametrize("item, word, section", [
    ("Current treatment with immunosuppressive drugs, phenytoin, erythromycin", "immunosuppressive ", "exclusion"),
    ("Immunocompromised patients e.g. transplant recipients", "Immunocompromised p", "exclusion"),   # (NCT01562210)
    ("Contraindication to intravitreal injection", "intravitreal ", "exclusion"),   # (NCT00000673)
    ("ICS (inhaled corticosteroid) use within 4 weeks", "inhaled ", "exclusion"),   # (NCT03103880)
    ("Prior intrathecal chemotherapy", "intrathecal ", "exclusion"),
    ("Receiving immunosuppressant medications", "immunosuppressant ", "exclusion"),   # (NCT01601353)
    ("Able to receive injectable contraception", "injectable ", "inclusion"),
])
def test_a_route_or_immune_word_left_out_warns(item, word, section):
    new = "P" if word.endswith(" p") else ""
    assert worst_alarm(item, word, new, section) == "warning"


@pytest.mark.parametrize("word", ["immunosuppressive", "intravitreal", "inhaled", "intrathecal"])
def test_they_are_still_no_turned_words(word):
    assert negated_base(word) is None   # (neg3: no "not" of "munosuppressive")


@pytest.mark.parametrize("item, old, new, section", [
    ("Immunodeficiency or autoimmune disease.", "Immunodeficiency", "Weak immune system", "exclusion"),
    ("Immunocompromised patients", "Immunocompromised", "Immunosuppressed", "exclusion"),
])
def test_the_same_said_another_way_stays_quiet(item, old, new, section):
    assert worst_alarm(item, old, new, section) == "silent"


@pytest.mark.parametrize("item, section", [
    # (NCT01315262: the second clause's word said nothing of the first clause's drug)
    ("Subjects who have received any investigational drug within the six weeks prior to screening or who are taking "
     "any other investigational drug concomitantly", "exclusion"),
    ("Participation in another investigational study within 30 days of screening", "exclusion"),   # (NCT00790751)
    ("Not taken another investigational drug within 1 month, or used an experimental medical device within 6 months",
     "exclusion"),   # (NCT00210704: the device's "experimental" is not the drug's)
])
def test_a_treatment_word_left_out_warns_though_the_item_says_it_of_another_thing(item, section):
    assert worst_alarm(item, "investigational ", "", section) == "warning"


@pytest.mark.parametrize("item, old, new", [
    ("Patients receiving concurrent chemotherapy for any other malignancy", "concurrent chemotherapy",
     "chemotherapy at the same time"),
    ("Patients receiving concurrent chemotherapy for any other malignancy", "concurrent chemotherapy",
     "chemotherapy concomitantly"),
    ("Treatment with investigational agents within 30 days of enrollment", "investigational agents",
     "agents that are investigational"),
])
def test_a_treatment_word_said_of_the_same_thing_another_way_stays_quiet(item, old, new):
    assert worst_alarm(item, old, new, "exclusion") == "silent"


@pytest.mark.parametrize("item, section", [
    ("Patients with malignant tumors or prostate cancer.", "exclusion"),   # (NCT03359265)
    ("active malignant disease (except non-melanoma skin cancer).", "exclusion"),   # (NCT00462384)
    ("No clinically significant malignant disease except nonmelanomatous skin cancer", "inclusion"),   # (NCT00005104)
])
def test_malignant_left_out_before_another_noun_than_the_cancer_named_warns(item, section):
    assert worst_alarm(item, "malignant ", "", section) == "warning"


@pytest.mark.parametrize("item", ["Histologically confirmed malignant pleural or peritoneal mesothelioma",
                                  "Histologically confirmed malignant melanoma"])
def test_malignant_left_out_before_its_own_cancer_stays_quiet(item):
    assert worst_alarm(item, "malignant ", "", "inclusion") == "silent"
