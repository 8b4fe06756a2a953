"""The confirmation to the member: preview, .eml draft, or copied text and saved attachments."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.french_dates import long_datetime
from ecoute_desktop.services import confirmation
from ecoute_desktop.services.charter import TemplateError
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.ui.common import clipboard, prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.widget_kit import emphasize


def show_in_system(path: Path) -> None:
    """Open a file with its application, or a folder in the file manager (tests patch this)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


class ConfirmationDialog(QDialog):
    """Shows what the member will receive and produces it where the user chooses."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._case_id = case_id
        self.case = context.services.cases.get(case_id)
        self.setWindowTitle(self.tr("Confirmation du rendez-vous"))
        self.setAccessibleName(self.windowTitle())
        self.to_label = QLabel()
        self.to_label.setWordWrap(True)  # a long name and address would widen the dialog
        self.subject_label = QLabel()
        self.subject_label.setWordWrap(True)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(self.tr("Texte du message"))
        self.attachments_label = QLabel(
            f"{confirmation.CHARTER_FILENAME}, {confirmation.ICS_FILENAME}"
        )
        self.attachments_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("À :"), self.to_label)
        form.addRow(self.tr("Objet :"), self.subject_label)
        form.addRow(self.tr("Pièces jointes :"), self.attachments_label)

        self.eml_button = QPushButton(self.tr("Créer le brouillon pour ma messagerie (.eml)…"))
        self.copy_button = QPushButton(
            self.tr("Copier le texte et enregistrer les pièces jointes (webmail)…")
        )
        self.templates_button = QPushButton(self.tr("Modifier les modèles…"))
        # The 48 h clock stops when the reply has left, not when its draft is written.
        self.sent_button = QPushButton(self.tr("Confirmation envoyée"))
        emphasize(self.sent_button)
        self.sent_button.setToolTip(
            self.tr("À cliquer une fois le message parti : l'accusé de réception compte alors.")
        )
        self.sent_button.clicked.connect(self.mark_sent)
        for button in (self.eml_button, self.copy_button, self.templates_button, self.sent_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.eml_button.clicked.connect(self._on_eml)
        self.copy_button.clicked.connect(self._on_copy)
        self.templates_button.clicked.connect(self._on_templates)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de la confirmation"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.eml_button)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.templates_button)
        layout.addWidget(self.status)
        layout.addWidget(self.sent_button)
        layout.addWidget(buttons)
        size_in_text(self, 80, 34)
        self.built: confirmation.Confirmation | None = None
        self.reload()

    def reload(self) -> None:
        try:
            self.built = self._context.services.cases.build_confirmation(self._case_id)
        except (LookupError, TemplateError) as error:
            self.built = None
            self.status.setText(str(error))
            self.eml_button.setEnabled(False)
            self.copy_button.setEnabled(False)
            return
        built = self.built
        address = f" <{built.to_email}>" if built.to_email else self.tr(" (adresse inconnue)")
        self.to_label.setText(confirmation.one_line(built.to_name) + address)
        self.subject_label.setText(built.subject)
        self.body.setPlainText(built.body)
        try:
            confirmation.member_addresses(built.to_email)
        except confirmation.AddressError as error:  # the draft cannot be addressed: say why
            self.status.setText(str(error))
            self.eml_button.setEnabled(False)

    def _ready(self, done: str) -> None:
        """A draft or the text is ready: the acknowledgment waits for « envoyée »."""
        case = self._context.services.cases.get(self._case_id)
        if case.acknowledged_at is None:
            done += " " + self.tr(
                "Une fois le message parti, cliquez sur « Confirmation envoyée » :"
                " l'accusé de réception compte à ce moment-là."
            )
            self.sent_button.setFocus()
        self.status.setText(done)

    def mark_sent(self) -> None:
        """The member has the reply: the acknowledgment is stamped now (once)."""
        stamped = self._context.services.cases.stamp_acknowledgment(self._case_id)
        case = self._context.services.cases.get(self._case_id)
        if stamped and case.acknowledged_at is not None:
            self.status.setText(
                self.tr("Accusé de réception enregistré le {when}.").format(
                    when=long_datetime(case.acknowledged_at)
                )
            )
        else:
            self.status.setText(self.tr("Confirmation envoyée."))
        self.sent_button.setEnabled(False)

    def _on_eml(self) -> None:
        if self.built is None:
            return
        path = prompts.ask_save_path(
            self,
            self.tr("Enregistrer le brouillon"),
            _documents() / confirmation.suggested_eml_name(self.case.reference),
            self.tr("Message (*.eml)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".eml":
            path = path.with_suffix(".eml")
        try:
            confirmation.write_eml(path, self.built)
        except confirmation.AddressError as error:
            prompts.warn(self, self.tr("Enregistrement impossible"), str(error))
            return
        except OSError as error:
            prompts.warn(self, self.tr("Enregistrement impossible"), error_text(error))
            return
        show_in_system(path)
        self._ready(
            self.tr("Brouillon enregistré : {name}. Vérifiez-le puis envoyez-le.").format(
                name=path.name
            )
        )

    def _on_copy(self) -> None:
        if self.built is None:
            return
        folder = prompts.ask_directory(
            self, self.tr("Dossier où enregistrer les pièces jointes"), _documents()
        )
        if folder is None:
            return
        try:
            confirmation.save_attachments(folder, self.built)
        except OSError as error:
            prompts.warn(self, self.tr("Enregistrement impossible"), error_text(error))
            return
        clipboard.copy_personal(self.built.clipboard_text)
        show_in_system(folder)
        self._ready(
            self.tr(
                "Texte copié : collez-le dans votre messagerie dans les 30 secondes "
                "(il est ensuite effacé du presse-papiers) et joignez les deux fichiers "
                "du dossier {folder}."
            ).format(folder=folder)
        )

    def _on_templates(self) -> None:
        from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

        TemplatesDialog(self._context, self).exec()
        self.reload()
