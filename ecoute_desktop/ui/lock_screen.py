"""The lock screen shown while Écoute is locked: only the passphrase field, no data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.store import Store, StoreError, WrongPassphraseError


class LockScreen(QWidget):
    """A top-level window; `try_unlock()` reconnects the store and calls `on_unlocked`.

    « Quitter » and the window's close button emit `quit_requested` (once): the
    auto-lock then quits properly (lock released), never a bare `QApplication.quit`.
    """

    quit_requested = Signal()

    def __init__(self, store: Store, on_unlocked: Callable[[], None]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.store = store
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
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Phrase de passe"))
        self.passphrase_edit.setPlaceholderText(self.tr("Phrase de passe"))
        label = QLabel(self.tr("&Phrase de passe :"))
        label.setBuddy(self.passphrase_edit)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setAccessibleName(self.tr("Message d'erreur"))
        self.error_label.hide()
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Déverrouiller"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setAccessibleName(self.tr("Déverrouiller Écoute"))
        self.unlock_button.setDefault(True)
        self.quit_button = buttons.addButton(
            self.tr("Quitter"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setAccessibleName(self.tr("Quitter Écoute"))
        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase_edit.returnPressed.connect(self.try_unlock)
        self.quit_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (intro, label, self.passphrase_edit, self.error_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def try_unlock(self) -> bool:
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self._show_error(self.tr("Saisissez votre phrase de passe."))
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store.reconnect(passphrase)
        except WrongPassphraseError:
            self._show_error(self.tr("Phrase de passe incorrecte. Réessayez."))
            return False
        except StoreError as error:
            self._show_error(str(error))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.passphrase_edit.clear()
        self._unlocking = True
        self._on_unlocked()
        return True

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.passphrase_edit.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the lock screen quits the application (the data stays locked)."""
        super().closeEvent(event)
        if not self._unlocking:
            self._unlocking = True  # emit once
            self.quit_requested.emit()
