"""Fixtures for tests that book calls from the case page: the main window with free times
every day, and the real booking dialog shown without its modal loop.

Import both fixtures into a test module (`from tests.booking_support import dialogs, window`).
"""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.domain.models import WeeklySlot
from ecoute_desktop.store import Store
from ecoute_desktop.ui.agenda import booking_dialog
from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import make_context


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    me = store.people.me()
    for weekday in range(7):  # free times exist whatever day the test runs
        store.agenda.save_slot(WeeklySlot(me.id, weekday, time(8), time(20), date(2020, 1, 1)))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    return main


@pytest.fixture
def dialogs(qtbot, monkeypatch) -> list[BookingDialog]:
    """The real booking dialog without its modal loop: the n-th opening clicks its n-th
    free time."""
    shown: list[BookingDialog] = []

    def open_without_modal_loop(context, case_id, parent):
        dialog = BookingDialog(context, case_id, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        shown.append(dialog)
        index = dialog.index_of(dialog.free_times()[len(shown) - 1])
        dialog.times.scrollTo(index)
        rect = dialog.times.visualRect(index)
        qtbot.mouseClick(dialog.times.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        return dialog.result_appointment

    monkeypatch.setattr(booking_dialog, "open_booking", open_without_modal_loop)
    return shown
