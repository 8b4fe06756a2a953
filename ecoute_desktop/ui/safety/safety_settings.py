"""« Sécurité et sauvegardes »: a settings panel the Paramètres view can embed as a tab.

Backup folder and how many to keep, retention after closure, auto-lock delay, and the
actions: back up now, purge (with its preview), change the passphrase.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services import safety_settings as keys
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.services.passphrase.actions import WeakPassphraseError
from ecoute_desktop.store import StoreError, WrongPassphraseError
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.formatting import long_datetime, short_date
from ecoute_desktop.ui.common.palette import colours
from ecoute_desktop.ui.common.status_label import StatusLabel
from ecoute_desktop.ui.common.widget_kit import accept_reject_buttons, wait_cursor
from ecoute_desktop.ui.safety.new_passphrase import NewPassphraseFields


def _spin(key: str, suffix: str, name: str) -> QSpinBox:
    """A spin box with the bounds declared once for the setting `key`."""
    spec = keys.SPEC_BY_KEY[key]
    spin = QSpinBox()
    spin.setRange(spec.minimum, spec.maximum)
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    return spin


class PassphraseDialog(QDialog):
    """Current passphrase, then a new one proposed or typed twice; `change()` does the work."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Changer la phrase de passe"))
        self.setAccessibleName(self.tr("Changer la phrase de passe"))
        self.old_edit = QLineEdit()
        self.old_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.old_edit.setAccessibleName(self.tr("Phrase de passe actuelle"))
        session = context.services.session
        words = session.passphrase_profile_words()
        self.fields = NewPassphraseFields(lambda: session.path, lambda: words)
        self.new_edit, self.again_edit = self.fields.first_edit, self.fields.second_edit
        self.new_edit.setAccessibleName(self.tr("Nouvelle phrase de passe"))
        self.again_edit.setAccessibleName(self.tr("Nouvelle phrase de passe (encore)"))
        form = QFormLayout()
        form.addRow(self.tr("Phrase de passe actuelle :"), self.old_edit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setStyleSheet(f"color: {colours().late};")
        buttons, self.ok_button, _ = accept_reject_buttons(
            (self.tr("Changer"), self.tr("Changer la phrase de passe"), self.change),
            (self.tr("Annuler"), self.tr("Annuler"), self.reject),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("<b>Nouvelle phrase de passe</b>")))
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def change(self) -> bool:
        old, new = self.old_edit.text(), self.fields.passphrase
        if new != self.again_edit.text():
            self.message.setText(self.tr("Les deux nouvelles phrases de passe diffèrent."))
            return False
        self.context.runner.wait()  # no background work on the connection we let go of
        with wait_cursor():
            try:
                self.context.services.session.change_passphrase(old, new)
            except WeakPassphraseError as error:
                self.message.setText(error.verdict.advice)
                return False
            except WrongPassphraseError:
                self.message.setText(self.tr("La phrase de passe actuelle est incorrecte."))
                return False
            except StoreError as error:
                self.message.setText(str(error))
                return False
        self.old_edit.clear()
        self.fields.clear()
        self.accept()
        return True


def breakable_path(path: str) -> str:
    """`path` able to wrap after each separator, « _ » and « . » (a zero-width space after
    them; Qt does not break after « \\ »): a long path in a sentence would otherwise widen
    the page and scroll it sideways at 200 %."""
    for mark in "/\\_.":
        path = path.replace(mark, mark + "\u200b")
    return path


class SafetySettings(QWidget):
    """The panel; `idle_minutes_changed` lets the auto-lock follow the new delay."""

    idle_minutes_changed = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.tr("Sécurité et sauvegardes"))
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setAccessibleName(self.tr("Dossier des sauvegardes"))
        choose = self.choose_button = QPushButton(self.tr("Choisir…"))
        choose.setAccessibleName(self.tr("Choisir le dossier des sauvegardes"))
        choose.clicked.connect(self.choose_folder)
        self.folder_edit.setPlaceholderText(self.tr("Pas encore choisi"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        self.default_hint = QLabel()  # where backups go until a folder is chosen
        self.default_hint.setWordWrap(True)
        self.default_hint.setAccessibleName(self.tr("Dossier des sauvegardes par défaut"))
        folder_box = QVBoxLayout()
        folder_box.setContentsMargins(0, 0, 0, 0)
        folder_box.addLayout(folder_row)
        folder_box.addWidget(self.default_hint)
        self.keep_spin = _spin(keys.BACKUP_KEEP, "", self.tr("Sauvegardes conservées"))
        self.retention_spin = _spin(
            keys.RETENTION_MONTHS, self.tr(" mois"), self.tr("Durée de conservation")
        )
        self.idle_spin = _spin(
            keys.AUTO_LOCK_MINUTES, self.tr(" min"), self.tr("Verrouillage après inactivité")
        )
        form = QFormLayout()
        form.addRow(self.tr("Dossier des sauvegardes :"), folder_box)
        form.addRow(self.tr("Sauvegardes conservées :"), self.keep_spin)
        form.addRow(self.tr("Conservation après clôture :"), self.retention_spin)
        form.addRow(self.tr("Verrouillage après inactivité :"), self.idle_spin)
        self.status = StatusLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État des sauvegardes"))
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Enregistrer les réglages"))
        self.backup_button = QPushButton(self.tr("Sauvegarder maintenant"))
        self.purge_button = QPushButton(self.tr("Purger…"))
        self.passphrase_button = QPushButton(self.tr("Changer la phrase de passe…"))
        self.restore_button = QPushButton(self.tr("Restaurer une sauvegarde…"))
        for button, slot in (
            (self.save_button, self.save),
            (self.backup_button, self.backup_now),
            (self.restore_button, self.restore_backup),
            (self.purge_button, self.purge),
            (self.passphrase_button, self.change_passphrase),
        ):
            button.setAccessibleName(button.text().rstrip("…"))
            button.clicked.connect(slot)
        rights = QHBoxLayout()  # two short rows: they fit at 200 % text size
        for row, pair in (
            (buttons, (self.backup_button, self.restore_button)),
            (rights, (self.purge_button, self.passphrase_button)),
        ):
            for button in pair:
                row.addWidget(button)
            row.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(save_row)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(QLabel(self.tr("<b>Actions</b>")))
        layout.addLayout(buttons)
        layout.addLayout(rights)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()

    def _say(self, text: str, tooltip: str = "") -> None:
        self.status.setText(text)
        self.status.setToolTip(tooltip)

    def _show_folder(self) -> None:
        """The chosen folder; none chosen: the field stays empty and the default is explained
        (« Premiers pas » counts the step done only once a folder is chosen on purpose)."""
        settings = self.context.services.settings
        chosen = settings.chosen_backup_dir()
        self.folder_edit.setText(chosen or "")
        self.folder_edit.setToolTip(str(settings.backup_dir()))
        self.default_hint.setVisible(not chosen)
        self.default_hint.setText(
            self.tr(
                "Par défaut, les sauvegardes vont dans « {0} », à côté de la base. Choisissez"
                " de préférence un dossier sur une clé USB ou un disque externe : elles"
                " survivront à une panne de l'ordinateur."
            ).format(breakable_path(str(settings.default_backup_dir())))
        )

    def refresh(self) -> None:
        settings = self.context.services.settings
        self._show_folder()
        self.keep_spin.setValue(settings.backup_keep())
        self.retention_spin.setValue(settings.retention_months())
        self.idle_spin.setValue(settings.auto_lock_minutes())
        latest = self.context.services.session.latest_backup()
        if latest:
            self._say(
                self.tr("Dernière sauvegarde : {0}, dans « {1} ».").format(
                    long_datetime(latest.taken_at), latest.path.parent
                ),
                str(latest.path),
            )
        else:
            self._say(self.tr("Aucune sauvegarde dans ce dossier pour l'instant."))

    def choose_folder(self) -> None:
        folder = prompts.ask_directory(
            self, self.tr("Dossier des sauvegardes"), self.context.services.settings.backup_dir()
        )
        if folder is not None:  # a folder chosen on purpose is kept at once
            self.context.services.settings.choose_backup_dir(folder)
            self._show_folder()
            self._say(self.tr("Dossier des sauvegardes enregistré."))

    def save(self) -> None:
        self.context.services.settings.save_safety(
            self.folder_edit.text().strip() or None,
            self.keep_spin.value(),
            self.retention_spin.value(),
            self.idle_spin.value(),
        )
        self.idle_minutes_changed.emit(self.idle_spin.value())
        self._say(self.tr("Réglages enregistrés."))

    def backup_now(self) -> None:
        self.save()
        try:
            info = self.context.services.session.backup_now()
        except (StoreError, OSError) as error:
            prompts.warn(self, self.tr("Sauvegarde impossible"), error_text(error))
            return
        self._say(
            self.tr(
                "Sauvegarde écrite et vérifiée : {0}, dans « {1} » ({2} sollicitations)."
            ).format(long_datetime(info.taken_at), info.path.parent, info.cases),
            str(info.path),
        )

    def restore_backup(self) -> None:
        """Check, confirm, restore (current file kept aside), reopen in place."""
        from ecoute_desktop.ui.safety.restore import restore_into_open_app

        aside = restore_into_open_app(self, self.context)
        if aside is None and not self.context.services.session.is_open:
            return
        self.refresh()
        if aside is not None:
            self._say(
                self.tr(
                    "Sauvegarde restaurée : Écoute affiche maintenant son contenu, sans"
                    " redémarrer. L'ancienne base est gardée sous « {0} »."
                ).format(aside.name)
            )

    def purge(self) -> None:
        preview = self.context.services.session.purge_preview()
        if not preview.candidates:
            prompts.inform(self, self.tr("Purger"), preview.summary())
            return
        lines = [
            self.tr("{0} — close le {1} — {2} note(s) effacée(s)").format(
                c.reference, short_date(c.closed_at), c.notes
            )
            for c in preview.candidates
        ]
        text = preview.summary() + self.tr(
            "\n\nEffacé : nom, prénom, fonction, collectivité, téléphone, courriel, notes et"
            " brouillons. Gardé : référence, dates, étapes, thématiques et orientations"
            " (statistiques anonymes).\n\nSollicitations concernées :\n{0}"
        ).format("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))
        if not prompts.confirm_action(
            self, self.tr("Purger"), text, self.tr("Purger"), details="\n".join(lines)
        ):
            return
        count = self.context.services.session.purge(preview)
        self._say(self.tr("{0} sollicitation(s) purgée(s).").format(count))

    def change_passphrase(self) -> None:
        dialog = PassphraseDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._say(
                self.tr("Phrase de passe changée. Les anciennes sauvegardes gardent l'ancienne.")
            )
