"""The unlock window: asks the passphrase, opens the encrypted database, lets the user retry."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services.demo_identity import DEMO_PASSPHRASE, is_demo_database
from ecoute_desktop.store.errors import CorruptDatabaseError, StoreError, WrongPassphraseError
from ecoute_desktop.ui.common.widget_kit import accept_reject_buttons, wait_cursor
from ecoute_desktop.ui.safety.passphrase_entry import PassphraseEntry

if TYPE_CHECKING:
    from ecoute_desktop.store import Store


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
        # By name: the Qt namespace's enums cost ~20 ms to create, before the window shows.
        where.setProperty("textInteractionFlags", "TextSelectableByMouse")
        self.demo_label = QLabel(
            self.tr(
                "<b>Base de démonstration</b> : ses sollicitations sont fictives et sa phrase"
                " de passe, « {0} », est publique. N'y enregistrez rien de vrai."
            ).format(DEMO_PASSPHRASE)
        )
        self.demo_label.setWordWrap(True)
        self.demo_label.setAccessibleName(self.tr("Base de démonstration"))
        self.demo_label.setVisible(is_demo_database(self.path))
        self.entry = PassphraseEntry()
        self.passphrase_edit, self.error_label = self.entry.edit, self.entry.error_label
        buttons, self.open_button, _ = accept_reject_buttons(
            (self.tr("Ouvrir"), self.tr("Ouvrir la base"), self.try_unlock),
            (self.tr("Quitter"), self.tr("Quitter Écoute"), self.reject),
            default=True,
        )
        self.latest: Path | None = None  # the backup offered when the file is damaged
        self.restore_button = QPushButton(self.tr("Restaurer cette sauvegarde"))
        self.restore_button.setAccessibleName(self.tr("Restaurer la dernière sauvegarde"))
        self.restore_button.clicked.connect(self.restore_latest)
        self.other_button = QPushButton(self.tr("Choisir une autre sauvegarde…"))
        self.other_button.setAccessibleName(self.tr("Choisir une autre sauvegarde"))
        self.other_button.clicked.connect(self.restore_other)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addWidget(self.other_button)
        restore_row.addStretch(1)
        for button in (self.restore_button, self.other_button):
            # Never the dialog's default: a QPushButton in a dialog is auto-default, and the
            # hidden « Restaurer » took Enter away from « Ouvrir » (issue 20).
            button.setAutoDefault(False)
            button.hide()
        self.open_button.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (intro, where, self.demo_label, self.entry):
            layout.addWidget(widget)
        layout.addLayout(restore_row)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def try_unlock(self) -> bool:
        """Open the database with the typed passphrase; on failure say why and let retry."""
        passphrase = self.entry.passphrase()
        if passphrase is None:
            return False
        self.attempts += 1
        with wait_cursor():
            try:
                # Imported here, after the window is shown (issue 16).
                from ecoute_desktop.services.passphrase.actions import open_database

                self.store = open_database(self.path, passphrase)
            except WrongPassphraseError:
                self._show_error(
                    self.tr(
                        "Phrase de passe incorrecte. Vérifiez la touche Verr. Maj. et réessayez :"
                        " votre base n'a pas été modifiée."
                    )
                )
                return False
            except CorruptDatabaseError:  # issue 7: offer the latest backup, restore it here
                self._offer_backup()
                return False
            except StoreError as error:
                self._show_error(str(error))
                return False
        self.passphrase_edit.clear()
        self.accept()
        return True

    def _offer_backup(self) -> None:
        """The file is damaged: name the latest backup next to it and show the restore buttons."""
        from ecoute_desktop.services.backup import latest_backup
        from ecoute_desktop.ui.common.formatting import long_datetime

        latest = latest_backup(self.path)
        self.latest = latest.path if latest else None
        damaged = self.tr(
            "La base « {0} » est endommagée (contrôle d'intégrité) ; elle n'a pas été modifiée."
        ).format(self.path.name)
        offer = (
            self.tr(
                " Dernière sauvegarde : celle du {0}, dans « {1} ». Restaurez-la :"
                " le fichier endommagé sera gardé à côté."
            ).format(long_datetime(latest.taken_at), latest.path.parent)
            if latest
            else self.tr(" Aucune sauvegarde à côté de la base : choisissez-en une.")
        )
        self._show_error(damaged + offer)
        self.restore_button.setVisible(latest is not None)
        self.other_button.show()
        self._fit()

    def restore_latest(self) -> bool:
        """« Restaurer cette sauvegarde »: the latest backup, checked, then opened."""
        return self.latest is not None and self._restore(self.latest)

    def restore_other(self) -> bool:
        from ecoute_desktop.ui.common import prompts

        backup = prompts.ask_open_path(
            self, self.tr("Choisir la sauvegarde à restaurer"), self.tr("Sauvegardes Écoute (*.db)")
        )
        return backup is not None and self._restore(backup)

    def _restore(self, backup: Path) -> bool:
        from ecoute_desktop.ui.safety.restore import restore_damaged

        passphrase = self.entry.passphrase(self.tr("Saisissez d'abord votre phrase de passe."))
        if passphrase is None:
            return False
        if not restore_damaged(self, self.path, backup, passphrase):
            return False
        for button in (self.restore_button, self.other_button):
            # Never the dialog's default: a QPushButton in a dialog is auto-default, and the
            # hidden « Restaurer » took Enter away from « Ouvrir » (issue 20).
            button.setAutoDefault(False)
            button.hide()
        self.open_button.setDefault(True)
        return self.try_unlock()

    def _fit(self) -> None:
        """Grow the window to show the whole message (wrapped labels do not ask for it)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            # the restore buttons just shown: never narrower than they are (labels cut)
            width = max(self.width(), layout.totalMinimumSize().width())
            self.setMinimumWidth(max(self.minimumWidth(), width))
            self.resize(width, max(self.height(), layout.totalHeightForWidth(width)))

    def _show_error(self, text: str) -> None:
        self.entry.show_error(text)
