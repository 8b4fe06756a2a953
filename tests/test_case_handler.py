"""« Suivie par »: one hotliner of the pair handles a case, chosen on its page or by booking."""

from __future__ import annotations

from datetime import datetime

import pytest

from ecoute_desktop.domain.timeutil import PARIS
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.case_view import CaseView
from tests.agenda_helpers import add_case, add_pair
from tests.desk_support import isolated_settings, make_context  # noqa: F401


@pytest.fixture
def pair(store: Store):
    return add_pair(store)


def test_choosing_the_partner_reassigns_the_case(qtbot, store: Store, pair) -> None:
    me, partner = pair
    case_id = add_case(store)
    store.cases.update_details(case_id, hotliner_id=me.id)
    view = CaseView(make_context(store), case_id)
    qtbot.addWidget(view)
    combo = view.handler.combo
    assert combo.currentData() == me.id and view.handler.isVisibleTo(view)
    with qtbot.waitSignal(view.context.events.case_changed):
        combo.setCurrentIndex(combo.findData(partner.id))
        combo.activated.emit(combo.currentIndex())
    assert store.cases.get(case_id).hotliner_id == partner.id


def test_booking_on_the_partners_slot_hands_the_case_to_them(store: Store, pair) -> None:
    me, partner = pair
    case_id = add_case(store)
    store.cases.update_details(case_id, hotliner_id=me.id)
    thursday_morning = datetime(2026, 4, 16, 9, 0, tzinfo=PARIS)  # the partner's slot
    Services(store).agenda.book(
        case_id,
        partner.id,
        thursday_morning,
        "Agathe Testeur",
        at=datetime(2026, 4, 9, 10, 0, tzinfo=PARIS),
    )
    assert store.cases.get(case_id).hotliner_id == partner.id
