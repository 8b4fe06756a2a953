"""The lock screen shown while Écoute is locked: only the passphrase field, no data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services.app.session import SessionService
from ecoute_desktop.store import StoreError, WrongPassphraseError
from ecoute_desktop.ui.common.widget_kit import accept_reject_buttons, wait_cursor
from ecoute_desktop.ui.safety.passphrase_entry import PassphraseEntry


class LockScreen(QWidget):
    """A top-level window; `try_unlock()` reopens the base and calls `on_unlocked`.

    « Quitter » and the window's close button emit `quit_requested` (once): the
    auto-lock then quits properly (lock released), never a bare `QApplication.quit`.
    """

    quit_requested = Signal()

    def __init__(self, session: SessionService, on_unlocked: Callable[[], None]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.session = session
        self._on_unlocked = on_unlocked
        self._unlocking = False
        self.setWindowTitle(self.tr("Écoute — verrouillée"))
        self.setAccessibleName(self.tr("Écoute est verrouillée"))
        intro = QLabel(
            self.tr(
                "<h2>Écoute est verrouillée</h2><p>Vos notes sont à l'abri. Saisissez votre"
                " phrase de passe pour reprendre là où vous en étiez.</p>"
            )
        )
        intro.setWordWrap(True)
        self.entry = PassphraseEntry()
        self.passphrase_edit, self.error_label = self.entry.edit, self.entry.error_label
        buttons, self.unlock_button, self.quit_button = accept_reject_buttons(
            (self.tr("Déverrouiller"), self.tr("Déverrouiller Écoute"), self.try_unlock),
            (self.tr("Quitter"), self.tr("Quitter Écoute"), self.close),
            default=True,
        )
        self.passphrase_edit.returnPressed.connect(self.try_unlock)
        layout = QVBoxLayout(self)
        for widget in (intro, self.entry):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def try_unlock(self) -> bool:
        passphrase = self.entry.passphrase()
        if passphrase is None:
            return False
        with wait_cursor():
            try:
                self.session.reconnect(passphrase)
            except WrongPassphraseError:
                self.entry.show_error(self.tr("Phrase de passe incorrecte. Réessayez."))
                return False
            except StoreError as error:
                self.entry.show_error(str(error))
                return False
            finally:
                self.passphrase_edit.clear()
        self._unlocking = True
        self._on_unlocked()
        return True

    def dismiss(self) -> None:
        """Close without quitting (the auto-lock is being detached)."""
        self._unlocking = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the lock screen quits the application (the data stays locked)."""
        super().closeEvent(event)
        if not self._unlocking:
            self._unlocking = True  # emit once
            self.quit_requested.emit()
