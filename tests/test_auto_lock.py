"""Auto-lock: idle, Ctrl+L or a clock jump hide every marker, close the database, clear
the clipboard; activity keeps it unlocked; a note typed before the lock is back after it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ecoute_desktop.store import Store
from ecoute_desktop.ui.common.clipboard import ClipboardGuard, copy_personal
from ecoute_desktop.ui.safety.locking import AutoLock
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.desk_support import add_case, isolated_settings, make_context, store_of

__all__ = ["isolated_settings"]  # autouse fixture: QSettings kept in the test folder

MARKER = "Kerguelen-Oxymore"  # ASCII: QTest.keyClicks types ASCII only
TYPED = "Confidence tapee juste avant le verrouillage " + MARKER


class FakeClock:
    def __init__(self) -> None:
        self.wall, self.mono = 1_000_000.0, 500.0

    def advance(self, wall: float, mono: float) -> None:
        self.wall += wall
        self.mono += mono


@pytest.fixture
def desk(qtbot, store: Store) -> Iterator[tuple[MainWindow, int]]:
    case = add_case(
        store,
        MARKER,
        datetime(2026, 3, 2, 9, tzinfo=UTC),
        note=f"Note d'appel {MARKER}",
        telephone="06 39 98 44 55",
        collectivite=f"Ville de {MARKER}",
    )
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    yield window, case.id  # type: ignore[misc]
    auto_lock = getattr(window, "auto_lock", None)
    if auto_lock is not None:
        auto_lock.stop()
    window.context.runner.wait()


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QLineEdit):
        return [widget.text()]
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return [widget.toPlainText()]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        root = QModelIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # list models keep columnCount private
            columns = 1
        return [
            str(model.index(r, c, root).data() or "")
            for r in range(model.rowCount(root))
            for c in range(columns)
        ]
    return [widget.windowTitle(), widget.accessibleName()]


def _showing_marker(visible_only: bool = True) -> list[str]:
    return [
        type(w).__name__
        for w in QApplication.allWidgets()
        if (w.isVisible() or not visible_only) and any(MARKER in t for t in _texts(w))
    ]


def _install(window: MainWindow, idle_ms: int, clock: FakeClock | None = None) -> AutoLock:
    extra = {} if clock is None else {"wall": lambda: clock.wall, "monotonic": lambda: clock.mono}
    window.auto_lock = AutoLock(window, window.context, idle_ms=idle_ms, **extra)  # type: ignore[attr-defined]
    return window.auto_lock  # type: ignore[attr-defined]


def test_idle_lock_hides_markers_closes_db_clears_clipboard_and_restores_the_note(
    qtbot, desk: tuple[MainWindow, int]
) -> None:
    window, case_id = desk
    window.show_view("cases")
    window.context.runner.wait()
    qtbot.waitUntil(lambda: bool(_showing_marker()), timeout=5000)  # the member is listed
    view = window.open_case(case_id)
    qtbot.keyClicks(view.notes.editor, TYPED)  # type: ignore[attr-defined]
    copy_personal("06 39 98 44 55 " + MARKER)
    assert _showing_marker()  # the case is on screen before the lock
    auto_lock = _install(window, idle_ms=300)
    qtbot.waitUntil(lambda: auto_lock.is_locked, timeout=5000)

    assert _showing_marker() == []
    assert _showing_marker(visible_only=False) == []  # not even in hidden views
    assert not window.isVisible() and auto_lock.screen is not None
    assert auto_lock.screen.isVisible()
    assert not store_of(window.context).db.is_open
    assert MARKER not in QGuiApplication.clipboard().text()

    auto_lock.screen.passphrase_edit.setText("pas la bonne phrase")
    assert auto_lock.screen.try_unlock() is False
    assert auto_lock.is_locked and "incorrecte" in auto_lock.screen.error_label.text()
    auto_lock.screen.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(auto_lock.unlocked, timeout=5000):
        auto_lock.screen.try_unlock()
    assert window.isVisible() and store_of(window.context).db.is_open
    assert window.case_view is not None and window.case_view.case_id == case_id
    assert window.case_view.notes.editor.toPlainText() == TYPED  # type: ignore[attr-defined]


def test_activity_keeps_it_unlocked(qtbot, desk: tuple[MainWindow, int]) -> None:
    window, _ = desk
    auto_lock = _install(window, idle_ms=2000)
    target = window.navigation
    for step in range(30):  # 3 s of activity, longer than the idle delay
        qtbot.mouseMove(target, QPoint(5 + step, 5 + step))
        qtbot.keyClick(target, Qt.Key.Key_Down if step % 2 else Qt.Key.Key_Up)
        qtbot.wait(100)
        assert not auto_lock.is_locked
    assert store_of(window.context).db.is_open
    qtbot.waitUntil(lambda: auto_lock.is_locked, timeout=5000)  # and idleness locks it


def test_ctrl_l_locks_at_once(qtbot, desk: tuple[MainWindow, int]) -> None:
    window, _ = desk
    auto_lock = _install(window, idle_ms=600_000)
    with qtbot.waitSignal(auto_lock.locked, timeout=2000):
        window.lock_action.trigger()
    assert not store_of(window.context).db.is_open


def test_clock_jump_after_sleep_locks_at_once(qtbot, desk: tuple[MainWindow, int]) -> None:
    window, _ = desk
    clock = FakeClock()
    auto_lock = _install(window, idle_ms=600_000, clock=clock)
    clock.advance(wall=5, mono=5)
    auto_lock.check_clock()
    assert not auto_lock.is_locked  # a normal tick
    clock.advance(wall=2 * 3600, mono=5)  # two hours asleep: monotonic clock stood still
    auto_lock.check_clock()
    assert auto_lock.is_locked and not store_of(window.context).db.is_open


def test_clipboard_cleared_after_delay_only_if_still_ours(qtbot) -> None:
    guard = ClipboardGuard(clear_after_ms=200)
    clipboard = QGuiApplication.clipboard()
    guard.copy("06 39 98 12 34")
    assert clipboard.text() == "06 39 98 12 34"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)
    guard.copy("06 39 98 56 78")
    clipboard.setText("copié ailleurs par l'utilisateur")
    qtbot.wait(400)
    assert clipboard.text() == "copié ailleurs par l'utilisateur"
