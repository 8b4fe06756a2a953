"""Signals that carry a value must not land in a slot's optional parameter.

Pins: « Nouvelle sollicitation » from the toolbar, the menu or Ctrl+N opens an empty form
(QAction.triggered's `checked` was taken for the email to prefill it from, and the form
crashed); in Rapports, going back to « Rapport mensuel » leaves the month and « Générer »
usable (QRadioButton.toggled's `True` was taken for « busy » and greyed them out).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.store import Store
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import isolated_settings, make_context

__all__ = ["isolated_settings"]  # autouse fixture: QSettings kept in the test folder


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    return main


def test_new_case_action_opens_an_empty_form(qtbot, window: MainWindow) -> None:
    with qtbot.captureExceptions() as exceptions:
        window.new_case_action.trigger()
    assert exceptions == []
    (dialog,) = window.new_case_dialogs
    assert dialog.isVisible() and dialog.edits["nom"].text() == ""
    dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    with qtbot.captureExceptions() as exceptions:
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert exceptions == []
    assert len(window.new_case_dialogs) == 1 and window.new_case_dialogs[0].isVisible()


def test_reports_back_to_monthly_can_still_generate(window: MainWindow) -> None:
    reports = window.show_view("reports")
    reports.period.click()  # type: ignore[attr-defined]
    assert reports.first.isEnabled() and not reports.month.isEnabled()  # type: ignore[attr-defined]
    reports.monthly.click()  # type: ignore[attr-defined]
    assert reports.month.isEnabled() and not reports.first.isEnabled()  # type: ignore[attr-defined]
    assert reports.generate_button.isEnabled()  # type: ignore[attr-defined]
