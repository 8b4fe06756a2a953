"""Key presses only, on whichever widget has the focus: the helpers of the keyboard tests.

`Keys` presses keys on `QApplication.focusWidget()` (never on a widget chosen by the
test), Tabs until a control a screen reader would name so has the focus, and answers a
modal dialog from inside its `exec()` (`keys.in_dialog(act)` before the press that opens
it). Offscreen there is no window manager: `keys.back_to(window)` gives the window its
activation back after a dialog closes, as one would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ecoute_desktop.domain.models import WeeklySlot
from ecoute_desktop.store import Store
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.agenda_helpers import add_pair
from tests.desk_support import make_context

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MAX_TABS = 120


class Keys:
    """The keyboard of a user who never touches the mouse."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def focused(self) -> QWidget:
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)

    def type(self, text: str) -> None:
        """ASCII text typed into the focused widget (QTest types ASCII only)."""
        self.qtbot.keyClicks(self.focused(), text)

    def tab_to(self, name: str, backwards: bool = False) -> QWidget:
        """Tab (or Shift+Tab) until the focused control's accessible name is `name`."""
        seen = []
        for _ in range(MAX_TABS):
            widget = self.focused()
            if widget.accessibleName() == name:
                return widget
            seen.append(widget.accessibleName() or type(widget).__name__)
            self.press(Qt.Key.Key_Tab, SHIFT if backwards else NONE)
        raise AssertionError(f"Tab never reaches « {name} »; it visits {seen[:40]}")

    def activate(self, name: str) -> None:
        """Tab to a button and press Space, as one presses a button from the keyboard."""
        self.tab_to(name)
        self.press(Qt.Key.Key_Space)

    def back_to(self, window: QWidget) -> None:
        """What a window manager does when a dialog closes (offscreen has none)."""
        if QApplication.activeWindow() is not window:
            window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def in_dialog(self, act: Callable[[QDialog], None]) -> Callable[[], None]:
        """Answer the next modal dialog with `act(dialog)` (key presses), from inside its
        event loop; returns `done()`, which waits for the answer and re-raises its failure.
        A failing answer rejects the dialog so that the test never hangs."""
        outcome: list[BaseException | None] = []

        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog) or not dialog.isVisible():
                QTimer.singleShot(5, run)  # not opened yet: look again at the next turn
                return
            try:
                self.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
                act(dialog)
            except BaseException as error:
                outcome.append(error)
                dialog.reject()
            else:
                outcome.append(None)

        QTimer.singleShot(0, run)

        def done() -> None:
            self.qtbot.waitUntil(lambda: bool(outcome))
            if outcome[0] is not None:
                raise outcome[0]

        return done


@pytest.fixture(name="keys")
def keys_fixture(qtbot) -> Keys:
    return Keys(qtbot)


@pytest.fixture(name="desk")
def desk_fixture(qtbot, store: Store, keys: Keys) -> MainWindow:
    """The main window of a pair with slots every day from 8 h to 20 h, active."""
    me, _ = add_pair(store)
    for weekday in range(7):
        store.agenda.save_slot(WeeklySlot(me.id, weekday, time(8), time(20), date(2020, 1, 1)))
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    keys.back_to(window)
    yield window
    window.context.runner.wait()
