"""Auto-lock: after idle minutes, on Ctrl+L, on session lock, sleep or a clock jump.

Locking waits for background work, saves the note being typed as a draft (inside the
encrypted database), and the « Nouvelle sollicitation » forms too (reopened on unlock),
closes dialogs, empties every view, clears the clipboard if it still holds what Écoute
put there, makes the automatic backup if anything changed, closes the database
connection (the one-writer lock is kept) and hides the window behind the lock screen.
Unlocking reopens the connection with the passphrase and returns to the same view and
case.

Platform signals: Qt's `applicationStateChanged` (suspended), and on Linux the
logind `PrepareForSleep` / session `Lock` and freedesktop `ScreenSaver.ActiveChanged`
D-Bus signals when a bus is there. Everywhere, a timer compares the wall clock with
the monotonic clock and with its own period: a gap means the machine slept, and the
app locks at once on wake.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from ecoute_desktop.ui.common import clipboard
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.safety.lock_screen import LockScreen

if TYPE_CHECKING:
    from ecoute_desktop.services.intake import IntakeRequest

log = logging.getLogger(__name__)

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CLOCK_TICK_MS = 5_000
SLEEP_GAP_S = 60.0  # more unexplained time than this between two ticks: the machine slept


class LockableWindow(Protocol):
    """What the auto-lock needs from the main window (`MainWindow` provides it)."""

    auto_lock: AutoLock | None  # set by `install`

    @property
    def lock_requested(self) -> SignalInstance:
        """Ctrl+L / « Verrouiller »."""
        ...

    def place(self) -> tuple[int, int | None]:
        """The navigation row shown and the case open on its own page, if any."""
        ...

    def return_to(self, row: int, case_id: int | None) -> None:
        """Show that view again (read afresh) and reopen that case (KeyError if gone)."""
        ...

    def flush_drafts(self) -> None:
        """Save whatever note is being typed, as a draft."""
        ...

    def clear_personal_data(self) -> None:
        """Close the open case and empty every view that shows personal data."""
        ...

    def new_case(self, request: IntakeRequest | None = None) -> Any:
        """Open a « Nouvelle sollicitation » form (it has `restore_state(state)`)."""
        ...

    def show(self) -> None: ...

    def hide(self) -> None: ...


class AutoLock(QObject):
    """Installed once on the application for the main window (see `install`)."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: LockableWindow,
        context: AppContext,
        idle_ms: int | None = None,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        tick_ms: int = CLOCK_TICK_MS,
    ) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.context = context
        self.is_locked = False
        self.screen: LockScreen | None = None
        self.clipboard = clipboard.guard()
        self._forms_kept = 0  # « Nouvelle sollicitation » forms saved at the last lock
        self.session_backup: Path | None = None  # this run's automatic backup, replaced
        self.quit_application: Callable[[], None] = QApplication.quit  # tests replace it
        self._place: tuple[int, int | None] = (0, None)
        if idle_ms is None:
            idle_ms = context.services.settings.auto_lock_minutes() * 60_000
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.lock)
        self._wall, self._monotonic = wall, monotonic
        self._last = (wall(), monotonic())
        self._tick_s = tick_ms / 1000
        self._clock = QTimer(self)
        self._clock.setInterval(tick_ms)
        self._clock.timeout.connect(self.check_clock)
        app = QApplication.instance()
        assert isinstance(app, QGuiApplication)  # the GUI's application
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)
        app.aboutToQuit.connect(self.backup_at_exit)
        window.lock_requested.connect(self.lock)
        context.events.settings_changed.connect(self._follow_settings)
        self._connect_session_signals()
        self._idle.start()
        self._clock.start()

    # ---- what keeps it unlocked ------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.is_locked:
            self._idle.start()
        return False

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle.setInterval(max(1, minutes) * 60_000)
        if not self.is_locked:
            self._idle.start()

    def _follow_settings(self) -> None:
        """The idle delay may have changed (Paramètres, or a restored backup)."""
        if self.context.services.session.is_open:
            self.set_idle_minutes(self.context.services.settings.auto_lock_minutes())

    def check_clock(self) -> None:
        """Lock when the time since the last tick cannot be explained (sleep, suspend)."""
        wall, mono = self._wall(), self._monotonic()
        last_wall, last_mono = self._last
        self._last = (wall, mono)
        asleep = (wall - last_wall) - (mono - last_mono) > SLEEP_GAP_S
        late = (mono - last_mono) - self._tick_s > SLEEP_GAP_S
        if (asleep or late) and not self.is_locked:
            log.info("clock jump detected: locking")
            self.lock()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()

    @Slot(bool)
    def _session_signal(self, active: bool = True) -> None:
        if active:
            self.lock()

    @Slot()
    def _session_lock(self) -> None:
        self.lock()

    def _connect_session_signals(self) -> None:
        """Best effort: logind and the screen saver over D-Bus (Linux desktops)."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        with contextlib.suppress(Exception):
            system, session = QDBusConnection.systemBus(), QDBusConnection.sessionBus()
            login = "org.freedesktop.login1"
            if system.isConnected():
                system.connect(  # type: ignore[call-overload]  # stub: slot bytes; PySide6 takes str only
                    login, "/org/freedesktop/login1", f"{login}.Manager", "PrepareForSleep",
                    self, "_session_signal(bool)",
                )  # fmt: skip
                system.connect(  # type: ignore[call-overload]  # stub: slot bytes; PySide6 takes str only
                    login, "/org/freedesktop/login1/session/auto", f"{login}.Session", "Lock",
                    self, "_session_lock()",
                )  # fmt: skip
            if session.isConnected():
                session.connect(  # type: ignore[call-overload]  # stub: slot bytes; PySide6 takes str only
                    "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver", "ActiveChanged", self, "_session_signal(bool)",
                )  # fmt: skip

    # ---- locking -----------------------------------------------------------
    def lock(self) -> None:
        """Save, clear, close the connection and show the lock screen."""
        if self.is_locked:
            return
        self.is_locked = True
        self._idle.stop()
        window = self.window
        session = self.context.services.session
        self._place = window.place()
        self.context.runner.wait()
        if session.is_open:
            window.flush_drafts()
        self.context.runner.wait()
        if session.is_open:
            self._keep_new_case_forms()
        self._close_dialogs()
        window.clear_personal_data()
        # Destroy the closed case page and dialogs now, not at the next turn of the loop.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.context.runner.wait()
        self.clipboard.clear_if_ours()
        window.hide()
        self._backup_if_changed()  # quitting from the lock screen loses no backup
        self._write_pair_file()
        session.disconnect()
        self.screen = LockScreen(session, self._on_unlocked)
        self.screen.quit_requested.connect(self.quit_while_locked)
        self.screen.show()
        self.locked.emit()

    def _keep_new_case_forms(self) -> None:
        """Save the « Nouvelle sollicitation » forms being filled in, to reopen on unlock."""
        states = []
        for widget in QApplication.topLevelWidgets():
            state_of = getattr(widget, "draft_state", None)
            if isinstance(widget, QDialog) and widget.isVisible() and callable(state_of):
                state = state_of()
                if state is not None:
                    states.append(state)
        self.context.services.settings.keep_new_case_drafts(states)
        self._forms_kept = len(states)

    def _reopen_new_case_forms(self) -> None:
        """The forms closed by the lock come back, filled in as they were."""
        if not self._forms_kept:
            return
        self._forms_kept = 0
        for state in self.context.services.settings.take_new_case_drafts():
            self.window.new_case().restore_state(state)

    def _close_dialogs(self) -> None:
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            next_popup = QApplication.activePopupWidget()
            popup = None if next_popup is popup else next_popup
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    def _on_unlocked(self) -> None:
        self.is_locked = False
        if self.screen is not None:
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None
        window = self.window
        window.show()
        with contextlib.suppress(KeyError):
            window.return_to(*self._place)
        self.context.services.session.reopened()
        self._reopen_new_case_forms()
        exchange = getattr(window, "pair_exchange", None)
        if exchange is not None:  # the partner's file from the exchange folder
            exchange.at_unlock()
        self._last = (self._wall(), self._monotonic())
        self._idle.start()
        self.unlocked.emit()

    def stop(self) -> None:
        """Detach from the application (tests, or a window being replaced)."""
        self._idle.stop()
        self._clock.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.screen is not None:
            self.screen.dismiss()  # closing it must not quit
            self.screen.deleteLater()
            self.screen = None

    def backup_at_exit(self) -> None:
        """The automatic backup made when the application quits, if anything changed.

        While locked there is nothing to do: the backup was made at locking (when
        the content had changed) and nothing can change behind the lock screen.
        """
        if self.is_locked or not self.context.services.session.is_open:
            return
        self.context.runner.wait()
        self._backup_if_changed()
        self._write_pair_file()

    def _write_pair_file(self) -> None:
        """With an exchange folder, the partner gets our file at lock and exit (issue 11)."""
        exchange = getattr(self.window, "pair_exchange", None)
        if exchange is not None:
            exchange.at_lock()

    def _backup_if_changed(self) -> None:
        try:
            info = self.context.services.session.backup_if_changed(replace=self.session_backup)
        except Exception as error:  # never block locking or quitting; names no data
            log.warning("automatic backup failed: %s", type(error).__name__)
            return
        if info is not None:
            self.session_backup = info.path

    def quit_while_locked(self) -> None:
        """« Quitter » or the close button of the lock screen: a proper quit.

        Drafts were saved and the backup made at locking; what is left is to
        release the one-writer lock (the connection is already closed) and quit.
        """
        self.stop()
        self.context.services.session.close()
        self.quit_application()


def install(window: LockableWindow, context: AppContext) -> AutoLock:
    """Attach auto-lock to the main window (its child, so kept alive with it)."""
    auto_lock = AutoLock(window, context)
    window.auto_lock = auto_lock
    QGuiApplication.setQuitOnLastWindowClosed(True)
    return auto_lock
