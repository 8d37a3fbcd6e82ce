"""Review r46 M4: moves2 reads a one-list record's item as stating itself a reason to stay out when its first clause
says "may not …" ("Pregnant or lactating women may not participate; …"), so a page filing it under its exclusions is
faithful. The first clause ran past ", but": "Women may participate in the study on more than one occasion, but
biopsies may not be performed in a "baseline" cycle" (NCT00001454), a requirement, went silent when a page moved it
under its exclusions. A clause now ends at ", but"; the "No X" and "Absence of X" forms are as moves2 left them."""

from __future__ import annotations

from test_moves2_one_list_side import ITEMS, _alarms

ONE_OCCASION = ('Women may participate in the study on more than one occasion, but biopsies may not be performed in a '
                '"baseline" cycle.')


def _moved(item: str) -> list[tuple[str, str, str]]:
    items = ITEMS[:1] + [item]
    text = "Inclusion Criteria:\n" + "".join(f"\n* {t}" for t in items)
    return _alarms(text, [t for t in items if t != item], [item])


def test_a_may_not_after_but_is_no_reason_to_stay_out():
    found = _moved(ONE_OCCASION)
    assert any(kind == "criterion_wrong_section" and sev == "critical" for kind, sev, _ in found), found


def test_a_may_not_in_the_first_clause_still_states_it():
    assert _moved("Pregnant or lactating women may not participate, but may join the follow-up study") == []
