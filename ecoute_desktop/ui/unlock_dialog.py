"""The unlock window: asks the passphrase, opens the encrypted database, lets the user retry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.store import CorruptDatabaseError, Store, StoreError, WrongPassphraseError


class UnlockDialog(QDialog):
    """After `exec()` returns Accepted, `store` holds the open database."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.store: Store | None = None
        self.attempts = 0
        self.setWindowTitle(self.tr("Écoute — ouverture"))
        self.setAccessibleName(self.tr("Ouverture de la base Écoute"))
        intro = QLabel(
            self.tr(
                "<h2>Bienvenue</h2><p>Vos notes sont chiffrées. Saisissez votre phrase de passe"
                " pour les ouvrir.</p>"
            )
        )
        intro.setWordWrap(True)
        where = QLabel(self.tr("Base : {0}").format(self.path))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self.open_button = buttons.addButton(
            self.tr("Ouvrir"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setAccessibleName(self.tr("Ouvrir la base"))
        self.open_button.setDefault(True)
        quit_button = buttons.addButton(self.tr("Quitter"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAccessibleName(self.tr("Quitter Écoute"))
        self.open_button.clicked.connect(self.try_unlock)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, where, label, self.passphrase_edit, self.error_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def try_unlock(self) -> bool:
        """Open the database with the typed passphrase; on failure say why and let retry."""
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self._show_error(self.tr("Saisissez votre phrase de passe."))
            return False
        self.attempts += 1
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store = Store.open(self.path, passphrase)
        except WrongPassphraseError:
            self._show_error(
                self.tr(
                    "Phrase de passe incorrecte. Vérifiez la touche Verr. Maj. et réessayez :"
                    " votre base n'a pas été modifiée."
                )
            )
            return False
        except CorruptDatabaseError as error:  # issue 7: offer the latest backup
            from ecoute_desktop.services.backup import latest_backup

            latest = latest_backup(self.path)
            offer = (
                self.tr(" Dernière sauvegarde : {0} (« ecoute restore »).").format(latest.path)
                if latest
                else ""
            )
            self._show_error(str(error) + offer)
            return False
        except StoreError as error:
            self._show_error(str(error))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase_edit.clear()
        self.accept()
        return True

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()
