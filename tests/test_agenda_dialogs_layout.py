"""The agenda's dialogs stay usable at 200 % text size, and « jusqu'au » means what it shows.

Pins: at 200 % the « jusqu'au » check box of the slots dialog is drawn twice as large as
at 100 %; the booking, slots, confirmation and templates dialogs open no larger than the
screen; every tab title of the slots dialog is shown whole (no scroll arrows); the end
date is greyed out until « jusqu'au » is ticked, and only then saved with the slot.
"""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
from ecoute_desktop.ui.agenda.slots_dialog import SlotsDialog
from ecoute_desktop.ui.case.confirmation_dialog import ConfirmationDialog
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog
from tests.agenda_helpers import add_case


@pytest.fixture
def context(slots_context):
    return slots_context  # tests/conftest.py: a pair with slots every day, 8 h–20 h


def _indicator_width(dialog: SlotsDialog) -> int:
    box = dialog.slot_until_check
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).width()


def test_until_check_box_grows_with_the_text(qtbot, context) -> None:
    small = SlotsDialog(context)
    qtbot.addWidget(small)
    at_100 = _indicator_width(small)
    text_size.apply_scale(200, remember=False)
    try:
        large = SlotsDialog(context)
        qtbot.addWidget(large)
        assert _indicator_width(large) >= 2 * at_100 - 1
    finally:
        text_size.apply_scale(100, remember=False)


def test_dialogs_fit_on_the_screen_at_200_percent(qtbot, context, store, at_200) -> None:
    case_id = add_case(store)
    booking = BookingDialog(context, case_id)
    qtbot.addWidget(booking)
    first = booking.free_times()[0]
    Services(store).agenda.book(case_id, first.hotliner_id, first.starts_at, "test")
    dialogs = [
        booking,
        SlotsDialog(context),
        ConfirmationDialog(context, case_id),
        TemplatesDialog(context),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        available = dialog.screen().availableGeometry()
        assert dialog.height() <= available.height(), type(dialog).__name__
    slots = dialogs[1]
    bar = slots.tabs.tabBar()
    assert not slots.tabs.usesScrollButtons()
    for index in range(bar.count()):
        assert bar.tabRect(index).right() <= bar.width(), bar.tabText(index)


def test_until_date_counts_only_when_ticked(qtbot, context, store) -> None:
    dialog = SlotsDialog(context)
    qtbot.addWidget(dialog)
    assert not dialog.slot_until.isEnabled()
    dialog.slot_day.setCurrentIndex(4)
    dialog.slot_until.setDate(QDate(2031, 6, 30))
    qtbot.mouseClick(dialog.add_slot_button, Qt.MouseButton.LeftButton)
    friday = [s for s in store.agenda.slots() if s.weekday == 4 and s.start == time(14)]
    assert [s.valid_to for s in friday] == [None]
    dialog.slot_until_check.click()
    assert dialog.slot_until.isEnabled()
    dialog.slot_day.setCurrentIndex(5)
    qtbot.mouseClick(dialog.add_slot_button, Qt.MouseButton.LeftButton)
    saturday = [s for s in store.agenda.slots() if s.weekday == 5 and s.start == time(14)]
    assert [s.valid_to for s in saturday] == [date(2031, 6, 30)]
