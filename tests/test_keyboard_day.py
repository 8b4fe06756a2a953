"""A day without a mouse: keys typed into whichever widget has the focus, nothing else.

Pins: Ctrl+N opens « Nouvelle sollicitation » with the cursor in the member's name; typing
the name and Enter saves the case and shows it; Ctrl+F puts the cursor in the search
field, typing the name finds the case and Enter opens it; Tab reaches the note editor,
typed text is saved by Ctrl+S; Tab reaches the next-step button and Space acknowledges the
request. No method of a widget is called: only key presses on the focused widget (and,
offscreen, giving the window back its activation as a window manager would).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.store import Store
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import isolated_settings, make_context

__all__ = ["isolated_settings"]  # autouse fixture: QSettings kept in the test folder

CTRL = Qt.KeyboardModifier.ControlModifier
MAX_TABS = 80


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def focused(qtbot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(qtbot), key, modifier)


def wm_gives_focus_back(qtbot, window: MainWindow) -> None:
    """What the window manager does when a dialog closes (offscreen has none)."""
    if QApplication.activeWindow() is None:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def tab_to(qtbot, accessible_name: str) -> QWidget:
    """Tab until the focused widget is the one a screen reader would call so."""
    for _ in range(MAX_TABS):
        widget = focused(qtbot)
        if widget.accessibleName() == accessible_name:
            return widget
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches « {accessible_name} »")


def test_new_case_found_noted_and_acknowledged_with_the_keyboard(
    qtbot, window: MainWindow, store: Store
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: bool(window.new_case_dialogs))
    dialog = window.new_case_dialogs[0]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert focused(qtbot).accessibleName() == "Nom"  # the cursor is where one starts
    qtbot.keyClicks(focused(qtbot), "Granmont")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (case,) = store.cases.all()
    assert case.member.nom == "Granmont" and case.status is Status.RECEIVED
    qtbot.waitUntil(lambda: window.case_view is not None)  # the new case is shown

    wm_gives_focus_back(qtbot, window)
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused(qtbot).accessibleName() == "Rechercher une sollicitation"
    qtbot.keyClicks(focused(qtbot), "Granmont")
    cases_view = window.view("cases")
    qtbot.waitUntil(lambda: not cases_view.search_pending and cases_view.model.rowCount() == 1)  # type: ignore[attr-defined]
    window.context.runner.wait()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_view is not None)
    assert window.case_view.case_id == case.id  # type: ignore[attr-defined]

    tab_to(qtbot, "Texte de la note")
    qtbot.keyClicks(focused(qtbot), "Rappel prevu jeudi, adherent rassure.")
    press(qtbot, Qt.Key.Key_S, CTRL)
    (note,) = store.notes.for_case(case.id)  # type: ignore[arg-type]
    assert note.body == "Rappel prevu jeudi, adherent rassure."

    button = tab_to(qtbot, window.case_view.workflow.next_button.accessibleName())  # type: ignore[attr-defined]
    assert "Accusé de réception" in button.text()  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Space)
    assert store.cases.get(case.id).status is Status.ACKNOWLEDGED  # type: ignore[arg-type]
