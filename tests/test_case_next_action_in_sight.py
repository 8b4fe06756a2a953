"""On a 1280×720 window the case page scrolls to what the user must do next: after a
booking made from « Suivi », « Confirmation à l'adhérent… » is on screen and has the focus;
after an orientation, the contact to read out to the member is on screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store import Store
from ecoute_desktop.ui.agenda import booking_dialog
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings, make_context, store_of  # noqa: F401


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    return main


def in_sight(view: CaseView, widget: QWidget) -> bool:
    """The whole of `widget` lies within the visible part of the scrolling page."""
    viewport = view.scroll_area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_after_booking_the_confirmation_button_is_in_sight(
    qtbot, window: MainWindow, store: Store, monkeypatch
) -> None:
    case = add_case(store, "Valbonne", utc_now() - timedelta(hours=2), note="Bonjour\n" * 12)
    store.cases.update_details(case.id, urgent=True)  # booked outside any slot
    start = utc_now() + timedelta(days=2)
    monkeypatch.setattr(
        booking_dialog,
        "open_booking",
        lambda context, case_id, parent: context.services.agenda.book(case_id, None, start, "Moi"),
    )
    view = window.open_case(case.id)
    assert isinstance(view, CaseView)
    view.workflow.next_button.click()  # « Accusé de réception envoyé »
    confirm = view.appointment.confirm_button
    assert not in_sight(view, confirm)  # below the fold at 1280×720: what this test is about
    view.workflow.next_button.click()  # « RDV fixé » → booked
    qtbot.waitUntil(lambda: in_sight(view, confirm))
    assert confirm.isEnabled() and confirm.hasFocus()


def test_after_an_orientation_its_contact_is_in_sight(
    qtbot, window: MainWindow, store: Store
) -> None:
    case = add_case(store, "Valbonne", utc_now() - timedelta(hours=2), note="Bonjour\n" * 12)
    view = window.open_case(case.id)
    assert isinstance(view, CaseView)
    contact = view.orientation.contact_label
    popup = view.orientation.show_directory()
    popup.buttons[0].click()
    qtbot.waitUntil(lambda: in_sight(view, contact))
    assert "Orientation enregistrée" in contact.text()
