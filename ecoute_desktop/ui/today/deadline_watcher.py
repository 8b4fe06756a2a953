"""The 48-hour desktop notification: runs while the app is open, locked or not.

Every minute the watcher reads the deadlines of the requests still waiting for an
acknowledgment (instants only) while the base is open, and keeps them while it is
locked. A deadline coming within 6 hours is announced once, by a desktop notification
that holds no personal data (« 1 demande attend un accusé de réception avant 14 h »).
The clock and the notifier are injected (tests use a fake clock and a list).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from ecoute_desktop.domain.deadlines import deadlines_to_notify, notification_text
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.app import Services

Notifier = Callable[[str, str], None]
CHECK_EVERY_MS = 60_000


class TrayNotifier:
    """Shows a message through the system tray (QSystemTrayIcon.showMessage)."""

    def __init__(self) -> None:
        self._tray: QSystemTrayIcon | None = None

    def __call__(self, title: str, text: str) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            from ecoute_desktop.ui.common.app_icon import app_icon

            self._tray = QSystemTrayIcon(app_icon())
            self._tray.setToolTip("Écoute")
        self._tray.show()
        self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)


class DeadlineWatcher(QObject):
    """Warns once per deadline within 6 hours; off when the setting says so."""

    def __init__(
        self,
        services: Services,
        clock: Callable[[], datetime] = utc_now,
        notify: Notifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._clock = clock
        self._notify: Notifier = notify or TrayNotifier()
        self._deadlines: list[datetime] = []
        self._enabled = True
        self._announced: set[datetime] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def reload(self) -> None:
        """Read the deadlines and the setting again (only while the base is open)."""
        if not self._services.session.is_open:
            return  # locked: keep what was read before, no personal data in it
        self._deadlines = self._services.cases.ack_deadlines(self._clock())
        self._enabled = self._services.settings.deadline_notifications()

    def check(self) -> str:
        """One tick: announce the deadlines newly within 6 hours; the text shown, or ""."""
        self.reload()
        now = self._clock()
        due = deadlines_to_notify(self._deadlines, now)
        fresh = [d for d in due if d not in self._announced]
        self._announced.intersection_update(self._deadlines)
        if not fresh or not self._enabled:
            return ""
        self._announced.update(fresh)
        text = notification_text(self._deadlines, now)
        title = QCoreApplication.translate("DeadlineWatcher", "Écoute : délai de 48 heures")
        self._notify(title, text)
        return text


def install(services: Services, parent: QObject) -> DeadlineWatcher:
    """Start the watcher for the window's lifetime (first check right away)."""
    watcher = DeadlineWatcher(services, parent=parent)
    QTimer.singleShot(0, watcher.check)
    return watcher
